//! Agency steps (JSON records): each graded against its own due date (TT01 Art. 13.2).

use super::{faults::out_of_range, AgencyStepRule, Fault, Policy};
use crate::calendar::Calendar;
use crate::error::Code;
use crate::input::{AgencyStep, Timeliness};

/// The agency-time grade of a dossier from its steps: the worst step, or the deciding one
/// (interpretation `agencyStep` \[D\]); `None` without steps.
///
/// # Errors
/// A step with neither a time limit nor a due date, resolved before it started (by day,
/// or by time on the same day), due before the day it started, or whose due date needs a
/// day the calendar does not cover.
pub fn agency_grade(
    steps: &[AgencyStep],
    cal: &Calendar,
    policy: &Policy,
) -> Result<Option<Timeliness>, Fault> {
    let mut grades = Vec::with_capacity(steps.len());
    for (i, s) in steps.iter().enumerate() {
        let n = i + 1;
        // The dossier's own order checks (dossiers.md §4, §2.3), step by step: an end
        // before the start by day, or by time on the same day; a due date before the day
        // the step started.
        let start = s.received_at.0;
        let ends_before = match s.resolved_at.second {
            Some(second) => (s.resolved_at.day, second) < (start.day, start.second),
            None => s.resolved_at.day < start.day,
        };
        if ends_before {
            return Err((
                Code::ResolvedBeforeReceived,
                format!("Bước xử lý thứ {n}: kết thúc trước khi bắt đầu"),
                format!("agency step {n} ends before it starts"),
            ));
        }
        let due = match (s.due_date, s.time_limit_days) {
            (Some(d), _) if d.0.to_days() < start.day => {
                return Err((
                    Code::DueDateBeforeReceived,
                    format!("Bước xử lý thứ {n}: ngày hẹn trước ngày bắt đầu"),
                    format!("agency step {n}: the due date is before the day it started"),
                ))
            }
            (Some(d), _) => d.0.to_days(),
            (None, Some(l)) => cal
                .due_day(s.received_at.0, l.halves(), policy.cutoff)
                .map_err(out_of_range)?,
            (None, None) => {
                return Err((
                    Code::DueDateMissing,
                    format!("Bước xử lý thứ {n} không có thời hạn lẫn ngày hẹn"),
                    format!("agency step {n} has neither a time limit nor a due date"),
                ))
            }
        };
        grades.push((Timeliness::of(s.resolved_at.day, due), s.deciding));
    }
    Ok(match policy.agency_step {
        AgencyStepRule::Worst => grades.iter().map(|g| g.0).min_by_key(|t| t.points()),
        AgencyStepRule::Deciding => grades
            .iter()
            .rev()
            .find(|g| g.1)
            .or(grades.last())
            .map(|g| g.0),
    })
}
