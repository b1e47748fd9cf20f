//! The interpretations of the per-dossier classification (dossiers.md, marked \[D\]): each
//! a named policy with its default, switchable by name.

use super::row::Row;
use crate::calendar::Cutoff;
use crate::error::{Code, Problem};
use crate::input::{AgenciesContacted, Complaint};
use crate::profile::LateAttitude;

/// Which due date judges a re-appointed dossier (Decree 61 Art. 19.9) \[D\].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Reappointment {
    /// Default: the original appointment (`original_due_date`): a re-appointment excuses
    /// nothing.
    #[default]
    Original,
    /// The new appointment (`due_date`).
    New,
}

/// How a dossier with several agency steps is graded on agency time \[D\].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum AgencyStepRule {
    /// Default: the worst step.
    #[default]
    Worst,
    /// The deciding agency's step (marked `deciding`, else the last step).
    Deciding,
}

/// What happens to a dossier whose due date needs a day beyond the official calendar \[D\].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CalendarMode {
    /// Default: the row is rejected with `CALENDAR_OUT_OF_RANGE`.
    #[default]
    Strict,
    /// The statutory days computed by rule (Vietnamese lunar calendar at UTC+7) stand in;
    /// every result that used them is counted as provisional.
    Provisional,
}

/// Values the caller assumes where the data is silent (dossiers.md §6): without them, an
/// unknown value leaves the indicator undetermined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Assumptions {
    /// Contacts, for dossiers without the value.
    pub contacts: Option<u32>,
    /// Agencies contacted, for dossiers without the value.
    pub agencies: Option<AgenciesContacted>,
    /// Complaint, for dossiers without the value.
    pub complaint: Option<Complaint>,
}

impl Assumptions {
    pub(super) fn agencies_code(&self) -> Option<u8> {
        self.agencies.map(|a| Row::agencies_code(Some(a)))
    }

    pub(super) fn complaint_code(&self) -> Option<u8> {
        self.complaint.map(|c| Row::complaint_code(Some(c)))
    }
}

/// The classification's interpretations and assumptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Policy {
    /// `cutoff`: which procedures the 15:00 cut-off applies to.
    pub cutoff: Cutoff,
    /// `reappointment`: which due date judges a re-appointed dossier.
    pub reappointment: Reappointment,
    /// `agencyStep`: how several agency steps make one grade.
    pub agency_step: AgencyStepRule,
    /// `lateAttitude`: a late dossier without complaint earns 0 (default) or 1 on attitude
    /// (the same interpretation as the core's consistency check).
    pub late_attitude: LateAttitude,
    /// `calendar`: strict or provisional outside the official days.
    pub calendar: CalendarMode,
    /// Values assumed where the data is silent.
    pub assume: Assumptions,
}

fn bad(name: &str, value: &str, choices: &str) -> Problem {
    Problem::new(
        Code::UnknownInterpretation,
        format!("policy.{name}"),
        format!("Giá trị không hợp lệ cho {name}: {value:?} (chọn một trong: {choices})"),
        format!("invalid value for {name}: {value:?} (one of: {choices})"),
    )
}

impl Policy {
    /// Sets one interpretation by name, e.g. `("cutoff", "all")`: `cutoff`
    /// (sameDay | all | none), `reappointment` (original | new), `agencyStep`
    /// (worst | deciding), `lateAttitude` (zero | one), `calendar` (strict | provisional).
    ///
    /// # Errors
    /// `UNKNOWN_INTERPRETATION` for an unknown name or value.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), Problem> {
        match (name, value) {
            ("cutoff", "sameDay" | "same-day") => self.cutoff = Cutoff::SameDay,
            ("cutoff", "all") => self.cutoff = Cutoff::All,
            ("cutoff", "none") => self.cutoff = Cutoff::None,
            ("cutoff", v) => return Err(bad(name, v, "sameDay, all, none")),
            ("reappointment", "original") => self.reappointment = Reappointment::Original,
            ("reappointment", "new") => self.reappointment = Reappointment::New,
            ("reappointment", v) => return Err(bad(name, v, "original, new")),
            ("agencyStep", "worst") => self.agency_step = AgencyStepRule::Worst,
            ("agencyStep", "deciding") => self.agency_step = AgencyStepRule::Deciding,
            ("agencyStep", v) => return Err(bad(name, v, "worst, deciding")),
            ("lateAttitude", "zero") => self.late_attitude = LateAttitude::Zero,
            ("lateAttitude", "one") => self.late_attitude = LateAttitude::One,
            ("lateAttitude", v) => return Err(bad(name, v, "zero, one")),
            ("calendar", "strict") => self.calendar = CalendarMode::Strict,
            ("calendar", "provisional") => self.calendar = CalendarMode::Provisional,
            ("calendar", v) => return Err(bad(name, v, "strict, provisional")),
            _ => {
                return Err(Problem::new(
                    Code::UnknownInterpretation,
                    format!("policy.{name}"),
                    format!("Không có cách hiểu tên {name:?}"),
                    format!("no interpretation is named {name:?}"),
                ))
            }
        }
        Ok(())
    }

    /// Assumes a value where the data is silent, e.g. `("contacts", "0")`,
    /// `("agencies", "none")`, `("complaint", "none")`.
    ///
    /// # Errors
    /// `UNKNOWN_INTERPRETATION` for an unknown name or value.
    pub fn assume(&mut self, name: &str, value: &str) -> Result<(), Problem> {
        let refused = |choices: &str| bad(name, value, choices);
        match name {
            "contacts" => {
                self.assume.contacts = Some(value.parse().map_err(|_| refused("0, 1, 2, …"))?)
            }
            "agencies" | "agencies_contacted" | "agenciesContacted" => {
                self.assume.agencies =
                    Some(value.parse().map_err(|_| refused("none, desk, several"))?)
            }
            "complaint" => {
                self.assume.complaint = Some(
                    value
                        .parse()
                        .map_err(|_| refused("none, upheld, unfounded"))?,
                )
            }
            _ => {
                return Err(Problem::new(
                    Code::UnknownInterpretation,
                    format!("assume.{name}"),
                    format!("Không thể giả định {name:?} (contacts, agencies, complaint)"),
                    format!("cannot assume {name:?} (contacts, agencies, complaint)"),
                ))
            }
        }
        Ok(())
    }
}
