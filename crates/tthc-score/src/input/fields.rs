//! What a clerk calls each field of a report: "số hồ sơ tiếp nhận trực tiếp", not
//! `dossiers.received.direct`. Messages name fields by these words; the path stays in
//! the error for machines.

use crate::base::Localized;
use crate::indicator::IndicatorId;
use std::borrow::Cow;

const fn l(vi: &'static str, en: &'static str) -> Localized {
    Localized::fixed(vi, en)
}

/// A short name of each indicator, to qualify its fields.
pub const fn indicator_name(id: IndicatorId) -> Localized {
    match id {
        IndicatorId::TotalTime => l("tổng thời gian giải quyết", "total resolution time"),
        IndicatorId::AgencyTime => l("thời gian của từng cơ quan", "time of each agency"),
        IndicatorId::Contacts => l("số lần phải liên hệ", "number of contacts"),
        IndicatorId::Agencies => l("số cơ quan phải liên hệ", "number of agencies contacted"),
        IndicatorId::Attitude => l("thái độ của cán bộ", "officials' attitude"),
        IndicatorId::OneStop => l("Bộ phận Một cửa", "one-stop desk"),
        IndicatorId::Publicity => l("công khai thủ tục hành chính", "publicity of procedures"),
        IndicatorId::Feedback => l("phản ánh, kiến nghị", "feedback and petitions"),
        IndicatorId::OnlineServices => l("dịch vụ công trực tuyến", "online public services"),
    }
}

fn indicator(key: &str) -> Option<IndicatorId> {
    IndicatorId::ALL.into_iter().find(|i| i.key() == key)
}

/// Names of the fields that are not per indicator, by path (`*`: any indicator).
const FIXED: &[(&str, &str, &str)] = &[
    ("period", "kỳ báo cáo", "reporting period"),
    ("period.year", "năm của kỳ báo cáo", "year of the period"),
    (
        "period.quarter",
        "quý của kỳ báo cáo",
        "quarter of the period",
    ),
    (
        "period.month",
        "tháng của kỳ báo cáo",
        "month of the period",
    ),
    ("unit", "đơn vị", "unit"),
    ("unit.name", "tên đơn vị", "unit name"),
    ("unit.level", "cấp của đơn vị", "unit level"),
    ("unit.organization", "cơ quan báo cáo", "reporting body"),
    ("dossiers", "số liệu hồ sơ", "dossier figures"),
    (
        "dossiers.received",
        "số hồ sơ tiếp nhận",
        "dossiers received",
    ),
    (
        "dossiers.received.online",
        "số hồ sơ tiếp nhận trực tuyến",
        "dossiers received online",
    ),
    (
        "dossiers.received.direct",
        "số hồ sơ tiếp nhận trực tiếp và qua bưu chính",
        "dossiers received in person or by post",
    ),
    (
        "dossiers.received.carriedOver",
        "số hồ sơ từ kỳ trước chuyển qua",
        "dossiers carried over",
    ),
    (
        "dossiers.received.total",
        "tổng số hồ sơ tiếp nhận",
        "total dossiers received",
    ),
    (
        "dossiers.resolved",
        "số hồ sơ đã giải quyết",
        "dossiers resolved",
    ),
    (
        "dossiers.resolved.early",
        "số hồ sơ giải quyết trước hạn",
        "dossiers resolved early",
    ),
    (
        "dossiers.resolved.onTime",
        "số hồ sơ giải quyết đúng hạn",
        "dossiers resolved on time",
    ),
    (
        "dossiers.resolved.late",
        "số hồ sơ giải quyết quá hạn",
        "dossiers resolved late",
    ),
    (
        "dossiers.resolved.total",
        "tổng số hồ sơ đã giải quyết",
        "total dossiers resolved",
    ),
    (
        "dossiers.pending",
        "số hồ sơ đang giải quyết",
        "dossiers pending",
    ),
    (
        "dossiers.pending.withinDeadline",
        "số hồ sơ đang giải quyết trong hạn",
        "dossiers pending within the deadline",
    ),
    (
        "dossiers.pending.overdue",
        "số hồ sơ đang giải quyết quá hạn",
        "dossiers pending past the deadline",
    ),
    (
        "perDossier",
        "các chỉ số tính theo hồ sơ",
        "per-dossier indicators",
    ),
    (
        "perUnit",
        "các chỉ số tính theo đơn vị",
        "per-unit indicators",
    ),
    ("officials", "danh sách cán bộ", "officials"),
    ("declared", "số liệu đã công bố", "published figures"),
    ("declared.scores", "điểm đã công bố", "published scores"),
    ("declared.total", "tổng điểm đã công bố", "published total"),
    (
        "perUnit.*.facts.receivedAtDeskPercent",
        "tỷ lệ % thủ tục tiếp nhận, trả kết quả tại Bộ phận Một cửa",
        "% of procedures received and returned at the one-stop desk",
    ),
    (
        "perUnit.*.facts.approvedAtDeskPercent",
        "tỷ lệ % thủ tục được giải quyết, phê duyệt tại Bộ phận Một cửa",
        "% of procedures approved at the one-stop desk",
    ),
    (
        "perUnit.*.facts.posted",
        "thủ tục được niêm yết công khai đầy đủ",
        "procedures fully posted at the desk",
    ),
    (
        "perUnit.*.facts.electronic",
        "thủ tục được công khai trên cổng điện tử",
        "procedures published electronically",
    ),
    (
        "perUnit.*.facts.received",
        "số phản ánh, kiến nghị nhận được",
        "feedback items received",
    ),
    (
        "perUnit.*.facts.handledOnTime",
        "số phản ánh, kiến nghị được xử lý đúng hạn",
        "feedback items handled on time",
    ),
    (
        "perUnit.*.facts.prolonged",
        "số phản ánh, kiến nghị xử lý kéo dài",
        "feedback items prolonged",
    ),
    (
        "perUnit.*.facts.deployedPercent",
        "tỷ lệ % dịch vụ công trực tuyến mức 3, 4 đã triển khai",
        "% of level 3–4 online services deployed",
    ),
    (
        "perUnit.*.facts.onlineUnresolvedOrLate",
        "số hồ sơ trực tuyến giải quyết quá hạn hoặc chưa giải quyết",
        "online dossiers resolved late or unresolved",
    ),
];

/// Whether `path` (steps, indices as `[]`) matches `pattern` (`*`: any one step).
fn matches(pattern: &str, parts: &[&str]) -> bool {
    let mut p = pattern.split('.');
    parts
        .iter()
        .all(|part| p.next().is_some_and(|s| s == "*" || s == *part))
        && p.next().is_none()
}

fn fixed(parts: &[&str]) -> Option<Localized> {
    FIXED
        .iter()
        .find(|(pattern, _, _)| matches(pattern, parts))
        .map(|&(_, vi, en)| l(vi, en))
}

fn join(a: &Localized, b: &Localized) -> Localized {
    Localized::new(
        format!("{} ({})", a.vi, b.vi),
        format!("{} ({})", a.en, b.en),
    )
}

/// The name of the field at `path` (`dossiers.received.direct`, `officials[2].contacts.one`),
/// as a clerk would say it; `None` for a path that is no field of a report.
pub fn field_name(path: &str) -> Option<Localized> {
    // `officials[2].contacts.one` → ["officials", "[]", "contacts", "one"].
    let parts: Vec<&str> = path
        .split('.')
        .flat_map(|p| match p.find('[') {
            Some(i) if i > 0 => vec![&p[..i], "[]"],
            Some(_) => vec!["[]"],
            None => vec![p],
        })
        .collect();
    if let Some(name) = fixed(&parts) {
        return Some(name);
    }
    let grade = |g: &str| -> Option<Localized> {
        Some(match g {
            "two" => l("số hồ sơ đạt 2 điểm", "dossiers at 2 points"),
            "one" => l("số hồ sơ đạt 1 điểm", "dossiers at 1 point"),
            "zero" => l("số hồ sơ đạt 0 điểm", "dossiers at 0 points"),
            "unknown" => l("số hồ sơ chưa rõ điểm", "dossiers with unknown points"),
            _ => return None,
        })
    };
    match parts.as_slice() {
        ["perDossier", key] | ["perUnit", key] | ["declared", "scores", key] => {
            let id = indicator(key)?;
            let name = indicator_name(id);
            Some(if parts[0] == "declared" {
                join(&l("điểm đã công bố", "published score"), &name)
            } else {
                Localized::new(
                    format!("chỉ số “{}”", name.vi),
                    format!("indicator “{}”", name.en),
                )
            })
        }
        ["perDossier", key, g] | ["officials", "[]", key, g] => {
            let name = indicator_name(indicator(key)?);
            Some(join(&grade(g)?, &name))
        }
        ["perUnit", key, field] => {
            let name = indicator_name(indicator(key)?);
            let what = match *field {
                "level" => l("mức đơn vị tự đánh giá", "level the unit declares"),
                "facts" => l("số liệu để xác định mức", "facts that give the level"),
                "notApplicable" => l("đánh dấu không áp dụng", "not-applicable mark"),
                _ => return None,
            };
            Some(join(&what, &name))
        }
        ["officials", "[]"] => Some(l("một cán bộ", "an official")),
        ["officials", "[]", "name"] => Some(l("tên cán bộ", "official's name")),
        ["officials", "[]", key] => {
            let name = indicator_name(indicator(key)?);
            Some(join(&l("số liệu của cán bộ", "official's figures"), &name))
        }
        _ => None,
    }
}

/// The field's name, or its path in code quotes when it has none (an unknown field).
pub fn field_or_path(path: &str) -> Localized {
    field_name(path).unwrap_or_else(|| {
        let p: Cow<'static, str> = format!("`{path}`").into();
        Localized::new(p.clone(), p)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_fields_at_every_depth() {
        let vi = |p: &str| field_name(p).map(|n| n.vi.into_owned());
        assert_eq!(
            vi("dossiers.received.direct").as_deref(),
            Some("số hồ sơ tiếp nhận trực tiếp và qua bưu chính")
        );
        assert_eq!(
            vi("perDossier.contacts.one").as_deref(),
            Some("số hồ sơ đạt 1 điểm (số lần phải liên hệ)")
        );
        assert_eq!(
            vi("officials[3].attitude.zero").as_deref(),
            Some("số hồ sơ đạt 0 điểm (thái độ của cán bộ)")
        );
        assert_eq!(
            vi("perUnit.oneStop.level").as_deref(),
            Some("mức đơn vị tự đánh giá (Bộ phận Một cửa)")
        );
        assert_eq!(
            vi("perUnit.feedback.facts.prolonged").as_deref(),
            Some("số phản ánh, kiến nghị xử lý kéo dài")
        );
        assert_eq!(
            field_name("declared.scores.totalTime").unwrap().en,
            "published score (total resolution time)"
        );
        assert_eq!(vi("period.quarter").as_deref(), Some("quý của kỳ báo cáo"));
        assert_eq!(vi("dossiers.received.town"), None);
        assert_eq!(vi("perDossier.nine.one"), None);
        assert_eq!(field_or_path("x.y").vi, "`x.y`");
    }
}
