//! The messages of rejected dossiers, out of the hot path: the tally classifies millions
//! of dossiers per second, and formatting code inlined there would slow every one of them.

use super::{day_text, Fault, Row};
use crate::calendar::OutOfRange;
use crate::error::Code;

#[cold]
#[inline(never)]
pub(super) fn resolved_before_received(r: &Row) -> Fault {
    let (a, b) = (day_text(r.resolved_day), day_text(r.received_day));
    (
        Code::ResolvedBeforeReceived,
        format!("Ngày giải quyết {a} trước ngày tiếp nhận {b}"),
        format!("resolved on {a}, before it was received on {b}"),
    )
}

#[cold]
#[inline(never)]
pub(super) fn due_before_received(r: &Row) -> Fault {
    let (a, b) = (day_text(r.due_day), day_text(r.received_day));
    (
        Code::DueDateBeforeReceived,
        format!("Ngày hẹn trả {a} trước ngày tiếp nhận {b}"),
        format!("the due date {a} is before the day it was received, {b}"),
    )
}

#[cold]
#[inline(never)]
pub(super) fn original_due_before_received(r: &Row) -> Fault {
    let (a, b) = (day_text(r.original_due_day), day_text(r.received_day));
    (
        Code::DueDateBeforeReceived,
        format!("Ngày hẹn trả lần đầu (original_due_date) {a} trước ngày tiếp nhận {b}"),
        format!(
            "the first due date (original_due_date) {a} is before the day it was received, {b}"
        ),
    )
}

#[cold]
#[inline(never)]
pub(super) fn restart_out_of_order(r: &Row) -> Fault {
    let a = day_text(r.restart_day);
    (
        Code::RestartOutOfOrder,
        format!("Thời điểm tính lại hạn {a} phải từ lúc tiếp nhận đến lúc giải quyết"),
        format!("the restart on {a} must fall between receipt and resolution"),
    )
}

#[cold]
#[inline(never)]
pub(super) fn due_date_missing() -> Fault {
    (
        Code::DueDateMissing,
        "Hồ sơ không có thời hạn giải quyết (time_limit_days) lẫn ngày hẹn trả (due_date)".into(),
        "the dossier has neither a time limit (time_limit_days) nor a due date (due_date)".into(),
    )
}

#[cold]
#[inline(never)]
pub(super) fn out_of_range(e: OutOfRange) -> Fault {
    let (need, a, b) = (
        day_text(e.needed),
        day_text(e.covered.0),
        day_text(e.covered.1),
    );
    (
        Code::CalendarOutOfRange,
        format!("Hạn giải quyết cần ngày {need}, ngoài lịch làm việc ({a} – {b}); ngày nghỉ chính thức có từ 2019 đến 2026, lịch tạm tính (calendar=provisional) tính theo quy định cho 2000–2100"),
        format!("the due date needs {need}, outside the working-day calendar ({a} – {b}); the official days off cover 2019–2026, the provisional calendar (calendar=provisional) computes 2000–2100 by rule"),
    )
}
