//! The record API: one [`Dossier`] at a time, reduced to a [`Row`].

use super::Tally;
use crate::calendar::Calendar;
use crate::classify::{agency_grade, Fault, Policy, Row, NONE};
use crate::input::Dossier;

/// A dossier record as numbers; its agency steps, if any, graded into one agency grade.
///
/// # Errors
/// An agency step that cannot be graded.
pub fn row_of(d: &Dossier, cal: &Calendar, policy: &Policy) -> Result<Row, Fault> {
    let grade = if d.agency_steps.is_empty() {
        d.agency_grade
    } else {
        agency_grade(&d.agency_steps, cal, policy)?
    };
    let restart = d.restarted_at.map(|r| r.0);
    Ok(Row {
        channel: Row::channel_code(d.channel),
        received_day: d.received_at.0.day,
        received_second: d.received_at.0.second as i32,
        limit_halves: d.time_limit_days.map_or(-1, |l| l.halves() as i32),
        due_day: d.due_date.map_or(NONE, |x| x.0.to_days()),
        original_due_day: d.original_due_date.map_or(NONE, |x| x.0.to_days()),
        restart_day: restart.map_or(NONE, |t| t.day),
        restart_second: restart.map_or(-1, |t| t.second as i32),
        resolved_day: d.resolved_at.map_or(NONE, |t| t.day),
        resolved_second: d
            .resolved_at
            .and_then(|t| t.second)
            .map_or(-1, |s| s as i32),
        agency_grade: Row::timeliness_code(grade),
        // Counts are below 2^53; contacts beyond i32 are "more than one" all the same.
        contacts: d
            .contacts
            .map_or(-1, |c| c.get().min(i32::MAX as u64) as i32),
        agencies: Row::agencies_code(d.agencies_contacted),
        complaint: Row::complaint_code(d.complaint),
    })
}

impl Tally {
    /// Classifies and counts one dossier record as row `row_number`.
    pub fn add_record(&mut self, row_number: u64, d: &Dossier) {
        let id = d.id.as_deref();
        if let Some(id) = id {
            self.note_id(id);
        }
        if super::normalize_name(&d.unit).is_empty() {
            return self.reject(row_number, id, super::unit_missing());
        }
        let r = match row_of(d, self.calendar(), self.policy()) {
            Ok(r) => r,
            Err(f) => return self.reject(row_number, id, f),
        };
        let unit = self.unit(&d.unit);
        let official = match &d.official {
            Some(o) => self.official(unit, o),
            None => super::NO_OFFICIAL,
        };
        self.add(row_number, id, unit, official, &r);
    }
}
