//! The nine indicators (chỉ số) of Circular 01/2018/TT-VPCP Art. 13, each worth 0–2 points,
//! with the labels of the official annex form.

use crate::base::Localized;
use serde::{Deserialize, Serialize};

const fn l(vi: &'static str, en: &'static str) -> Localized {
    Localized::fixed(vi, en)
}

/// How an indicator is scored (TT01 Art. 14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum IndicatorKind {
    /// Each resolved dossier earns 2, 1 or 0 points; the score is their average.
    PerDossier,
    /// The unit is placed at level 2, 1 or 0.
    PerUnit,
}

/// Identifier of one of the nine indicators. JSON: camelCase (`totalTime`, `onlineServices`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum IndicatorId {
    /// Total handling time (tổng thời gian giải quyết). TT01 Art. 13.1.
    TotalTime,
    /// Time of each participating agency (thời gian thực hiện của từng cơ quan). TT01 Art. 13.2.
    AgencyTime,
    /// Contacts needed to complete the dossier (số lần phải liên hệ). TT01 Art. 13.3.
    Contacts,
    /// Agencies contacted (số lượng cơ quan phải liên hệ). TT01 Art. 13.4.
    Agencies,
    /// Attitude of officials (thái độ). TT01 Art. 13.7 (5th on the Điện Biên form).
    Attitude,
    /// One-stop desk (tổ chức tiếp nhận, trả kết quả tại Bộ phận Một cửa). TT01 Art. 13.5.
    OneStop,
    /// Publicity of procedures (công khai TTHC). TT01 Art. 13.6.
    Publicity,
    /// Handling of feedback and petitions (tiếp thu, giải trình phản ánh, kiến nghị). TT01 Art. 13.8.
    Feedback,
    /// Online public services (dịch vụ công trực tuyến). TT01 Art. 13.9.
    OnlineServices,
}

/// The per-dossier indicators, in the order they are evaluated for officials.
pub const PER_DOSSIER: [IndicatorId; 5] = [
    IndicatorId::TotalTime,
    IndicatorId::AgencyTime,
    IndicatorId::Contacts,
    IndicatorId::Agencies,
    IndicatorId::Attitude,
];

impl IndicatorId {
    /// All nine, in declaration order (not a profile's order).
    pub const ALL: [IndicatorId; 9] = [
        IndicatorId::TotalTime,
        IndicatorId::AgencyTime,
        IndicatorId::Contacts,
        IndicatorId::Agencies,
        IndicatorId::Attitude,
        IndicatorId::OneStop,
        IndicatorId::Publicity,
        IndicatorId::Feedback,
        IndicatorId::OnlineServices,
    ];

    /// The camelCase identifier used in JSON and paths.
    pub const fn key(self) -> &'static str {
        match self {
            IndicatorId::TotalTime => "totalTime",
            IndicatorId::AgencyTime => "agencyTime",
            IndicatorId::Contacts => "contacts",
            IndicatorId::Agencies => "agencies",
            IndicatorId::Attitude => "attitude",
            IndicatorId::OneStop => "oneStop",
            IndicatorId::Publicity => "publicity",
            IndicatorId::Feedback => "feedback",
            IndicatorId::OnlineServices => "onlineServices",
        }
    }

    /// Per dossier or per unit (TT01 Art. 14).
    pub const fn kind(self) -> IndicatorKind {
        match self {
            IndicatorId::TotalTime
            | IndicatorId::AgencyTime
            | IndicatorId::Contacts
            | IndicatorId::Agencies
            | IndicatorId::Attitude => IndicatorKind::PerDossier,
            _ => IndicatorKind::PerUnit,
        }
    }

    /// The article of Circular 01/2018/TT-VPCP that defines it.
    pub const fn source(self) -> &'static str {
        match self {
            IndicatorId::TotalTime => "TT01/2018 Art. 13.1",
            IndicatorId::AgencyTime => "TT01/2018 Art. 13.2",
            IndicatorId::Contacts => "TT01/2018 Art. 13.3",
            IndicatorId::Agencies => "TT01/2018 Art. 13.4",
            IndicatorId::OneStop => "TT01/2018 Art. 13.5",
            IndicatorId::Publicity => "TT01/2018 Art. 13.6",
            IndicatorId::Attitude => "TT01/2018 Art. 13.7",
            IndicatorId::Feedback => "TT01/2018 Art. 13.8",
            IndicatorId::OnlineServices => "TT01/2018 Art. 13.9",
        }
    }

    /// The indicator's title as TT01 Art. 13 words it (the Điện Biên form words the one-stop
    /// desk its own way: `rules::form_title`).
    pub const fn title(self) -> Localized {
        match self {
            IndicatorId::TotalTime => l(
                "Tổng thời gian giải quyết hồ sơ thủ tục hành chính",
                "Total time to resolve the administrative procedure dossier",
            ),
            IndicatorId::AgencyTime => l(
                "Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết thủ tục hành chính",
                "Time taken by each agency or unit involved in resolving the procedure",
            ),
            IndicatorId::Contacts => l(
                "Số lần tổ chức, cá nhân phải liên hệ để hoàn thiện hồ sơ thủ tục hành chính (kể cả theo hình thức trực tuyến)",
                "Number of times the applicant had to make contact to complete the dossier (online included)",
            ),
            IndicatorId::Agencies => l(
                "Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ thủ tục hành chính (kể cả theo hình thức trực tuyến)",
                "Number of agencies, units or organisations the applicant had to contact to complete the dossier (online included)",
            ),
            IndicatorId::Attitude => l(
                "Thái độ của cán bộ, công chức, viên chức khi giải quyết thủ tục hành chính",
                "Attitude of officials when resolving the procedure",
            ),
            IndicatorId::OneStop => l(
                "Tổ chức tiếp nhận hồ sơ, giải quyết, trả kết quả tại Bộ phận Một cửa",
                "Receiving, resolving and returning results at the one-stop desk",
            ),
            IndicatorId::Publicity => l(
                "Công khai các thủ tục hành chính",
                "Publicity of administrative procedures",
            ),
            IndicatorId::Feedback => l(
                "Tiếp thu, giải trình đối với các ý kiến phản ánh, kiến nghị của tổ chức, cá nhân",
                "Receiving and answering feedback and petitions from organisations and individuals",
            ),
            IndicatorId::OnlineServices => l(
                "Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến của cơ quan có thẩm quyền",
                "Progress and quality of the competent agency's online public services",
            ),
        }
    }
}

const TIME_ROWS: [Localized; 3] = [
    l(
        "Trước hạn so với thời gian quy định",
        "Earlier than the regulated time",
    ),
    l(
        "Đúng hạn so với thời gian quy định",
        "On the regulated time",
    ),
    l(
        "Trễ hạn so với thời gian quy định",
        "Later than the regulated time",
    ),
];

/// The three sub-rows (2, 1 and 0 points) of an indicator on the annex form; `None` for
/// the one-stop desk, whose rows depend on the profile's rule (`rules::one_stop_rows`).
pub fn sub_rows(id: IndicatorId) -> Option<[Localized; 3]> {
    Some(match id {
        IndicatorId::TotalTime | IndicatorId::AgencyTime => TIME_ROWS,
        IndicatorId::Contacts => [
            l("Không phải liên hệ lần nào", "No contact needed"),
            l("Chỉ liên hệ một lần", "Contact needed only once"),
            l(
                "Phải liên hệ hơn một lần (trừ trường hợp nguyên nhân do lỗi của người nộp hồ sơ)",
                "Contact needed more than once (except where caused by the applicant's own fault)",
            ),
        ],
        IndicatorId::Agencies => [
            l(
                "Tổ chức, cá nhân không phải liên hệ với cơ quan, đơn vị, tổ chức nào để hoàn thiện hồ sơ thủ tục hành chính",
                "The applicant did not have to contact any agency to complete the dossier",
            ),
            l(
                "Tổ chức, cá nhân phải liên hệ với một cơ quan, đơn vị, tổ chức là bộ phận một cửa để hoàn thiện hồ sơ TTHC",
                "The applicant had to contact one agency, the one-stop desk, to complete the dossier",
            ),
            l(
                "Tổ chức, cá nhân phải liên hệ với hơn một cơ quan, đơn vị, tổ chức để hoàn thiện hồ sơ thủ tục hành chính",
                "The applicant had to contact more than one agency to complete the dossier",
            ),
        ],
        IndicatorId::Attitude => [
            l(
                "Giải quyết hồ sơ TTHC sớm hơn thời hạn quy định và không có ý kiến phản ánh, kiến nghị về hành vi, thái độ nhũng nhiễu, gây phiền hà, không thực hiện hoặc thực hiện không đúng quy định pháp luật",
                "Resolved earlier than the time limit, with no feedback or petition about harassment, causing trouble, or failing to act or acting unlawfully",
            ),
            l(
                "Giải quyết hồ sơ TTHC đúng thời hạn quy định và không có ý kiến phản ánh, kiến nghị về hành vi, thái độ nhũng nhiễu, gây phiền hà, không thực hiện hoặc thực hiện không đúng quy định pháp luật",
                "Resolved on time, with no feedback or petition about harassment, causing trouble, or failing to act or acting unlawfully",
            ),
            l(
                "Có ý kiến phản ánh, kiến nghị về hành vi, thái độ nhũng nhiễu, gây phiền hà, không thực hiện hoặc thực hiện không đúng quy định pháp luật (trừ trường hợp phản ánh, kiến nghị được cơ quan có thẩm quyền xác minh, kết luận là không đúng hoặc vu cáo)",
                "There was feedback or a petition about harassment, causing trouble, or failing to act or acting unlawfully (except where the competent body verified it as untrue or slanderous)",
            ),
        ],
        IndicatorId::OneStop => return None,
        IndicatorId::Publicity => [
            l(
                "Công khai chính xác, đầy đủ, kịp thời bằng cả hai hình thức niêm yết và điện tử",
                "Published accurately, fully and on time both by posting and electronically",
            ),
            l(
                "Công khai chính xác, đầy đủ, kịp thời bằng một trong hai hình thức niêm yết hoặc điện tử",
                "Published accurately, fully and on time by only one of posting or electronic means",
            ),
            l(
                "Không được công khai chính xác, đầy đủ, kịp thời",
                "Not published accurately, fully and on time",
            ),
        ],
        IndicatorId::Feedback => [
            l(
                "Không có phản ánh, kiến nghị hoặc 100% phản ánh, kiến nghị được xử lý đúng thời hạn theo quy định và không có phản ánh, kiến nghị kéo dài",
                "No feedback, or 100% of feedback handled within the time limit and none prolonged",
            ),
            l(
                "Tối thiểu từ 90% phản ánh, kiến nghị trở lên được xử lý đúng thời hạn theo quy định và không có phản ánh, kiến nghị kéo dài",
                "At least 90% of feedback handled within the time limit and none prolonged",
            ),
            l(
                "Dưới 90% phản ánh, kiến nghị được xử lý đúng thời hạn theo quy định hoặc có phản ánh, kiến nghị kéo dài",
                "Under 90% of feedback handled within the time limit, or some prolonged",
            ),
        ],
        IndicatorId::OnlineServices => [
            l(
                "Tối thiểu 20% TTHC đáp ứng yêu cầu được đưa vào triển khai dịch vụ công trực tuyến mức độ 3, 4; tỷ lệ hồ sơ trực tuyến trong tổng số hồ sơ đạt tối thiểu 30% và không có hồ sơ trực tuyến nào không giải quyết hoặc giải quyết quá hạn",
                "At least 20% of eligible procedures deployed as level 3–4 online services; online dossiers at least 30% of all dossiers; no online dossier unresolved or resolved late",
            ),
            l(
                "Có triển khai dịch vụ công trực tuyến mức độ 3, 4 đối với TTHC đáp ứng yêu cầu; tỷ lệ hồ sơ trực tuyến trong tổng số hồ sơ đạt tối thiểu 15% đến dưới 30% và không có hồ sơ trực tuyến không được giải quyết hoặc giải quyết quá hạn",
                "Level 3–4 online services deployed for eligible procedures; online dossiers 15% to under 30% of all dossiers; no online dossier unresolved or resolved late",
            ),
            l(
                "Không triển khai dịch vụ công trực tuyến mức độ 3, 4 hoặc tỷ lệ hồ sơ trực tuyến trong tổng số hồ sơ đạt dưới 15% hoặc có hồ sơ trực tuyến không được giải quyết hoặc giải quyết quá hạn",
                "No level 3–4 online services, or online dossiers under 15% of all dossiers, or some online dossier unresolved or resolved late",
            ),
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MISCONDUCT: &str = "ý kiến phản ánh, kiến nghị về hành vi, thái độ nhũng nhiễu, gây phiền hà, không thực hiện hoặc thực hiện không đúng quy định pháp luật";

    #[test]
    fn attitude_rows_share_the_misconduct_clause() {
        for row in &sub_rows(IndicatorId::Attitude).unwrap() {
            assert!(row.vi.contains(MISCONDUCT), "{}", row.vi);
        }
    }

    #[test]
    fn keys_match_serde_names() {
        for id in IndicatorId::ALL {
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{}\"", id.key()));
        }
    }
}
