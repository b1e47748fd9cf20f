//! The interpretations of the per-dossier classification (dossiers.md, marked \[D\]): each
//! a named policy with its default, switchable by name.

use super::row::Row;
use crate::calendar::Cutoff;
use crate::error::{Code, Problem};
use crate::input::{AgenciesContacted, Complaint};
use crate::profile::{parse_choice, ChoiceSeed, LateAttitude, NameSeed};
use serde::{Deserialize, Serialize};

/// Which due date judges a re-appointed dossier (Decree 61 Art. 19.9) \[D\].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Reappointment {
    /// Default: the original appointment (`original_due_date`): a re-appointment excuses
    /// nothing.
    #[default]
    Original,
    /// The new appointment (`due_date`).
    New,
}

/// How a dossier with several agency steps is graded on agency time \[D\].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum AgencyStepRule {
    /// Default: the worst step.
    #[default]
    Worst,
    /// The deciding agency's step (marked `deciding`, else the last step).
    Deciding,
}

/// What happens to a dossier whose due date needs a day beyond the official calendar \[D\].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct Assumptions {
    /// Contacts, for dossiers without the value (a count: the whole-number policy of the
    /// input; beyond `u32::MAX` it is "more than one" all the same).
    #[serde(
        default,
        deserialize_with = "crate::input::assumed_contacts",
        skip_serializing_if = "Option::is_none"
    )]
    pub contacts: Option<u32>,
    /// Agencies contacted, for dossiers without the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agencies: Option<AgenciesContacted>,
    /// Complaint, for dossiers without the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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

/// The classification's interpretations and assumptions. JSON: camelCase, every field
/// optional (`{"cutoff": "all", "assume": {"contacts": 0}}`); the interpretations are read
/// through [`Policy::set`] (an unknown name or value is `UNKNOWN_INTERPRETATION`, as on
/// the command line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
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

/// The names of a policy in JSON: [`Policy::set`]'s, and `assume`.
const POLICY_NAMES: &[&str] = &[
    "cutoff",
    "reappointment",
    "agencyStep",
    "lateAttitude",
    "calendar",
    "assume",
];

impl<'de> Deserialize<'de> for Policy {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Policy;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a policy (an object of names and values)")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Policy, A::Error> {
                let mut p = Policy::default();
                let mut seen = 0;
                while let Some(name) = m.next_key_seed(NameSeed {
                    names: POLICY_NAMES,
                    seen: &mut seen,
                    unknown: |k| Policy::default().set(k, "").unwrap_err(),
                })? {
                    if name == "assume" {
                        p.assume = m.next_value()?;
                    } else {
                        m.next_value_seed(ChoiceSeed {
                            target: &mut p,
                            name,
                            set: Policy::set,
                        })?;
                    }
                }
                Ok(p)
            }
        }
        d.deserialize_map(V)
    }
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
        let path = format!("policy.{name}");
        match name {
            "cutoff" => self.cutoff = parse_choice(&path, value)?,
            "reappointment" => self.reappointment = parse_choice(&path, value)?,
            "agencyStep" => self.agency_step = parse_choice(&path, value)?,
            "lateAttitude" => self.late_attitude = parse_choice(&path, value)?,
            "calendar" => self.calendar = parse_choice(&path, value)?,
            _ => {
                return Err(Problem::new(
                    Code::UnknownInterpretation,
                    path,
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
                // Read as a `contacts` cell is (`1.0` is 1), so that both say the same.
                let n = crate::input::count_from_text(value.trim())
                    .map_err(|_| refused("0, 1, 2, …"))?;
                self.assume.contacts = Some(u32::try_from(n).unwrap_or(u32::MAX))
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

crate::base::objects_only!(Assumptions);
