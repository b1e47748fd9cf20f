//! The built-in ratio-index profile `vn-766`: the national 100-point index of Decision
//! 766/QĐ-TTg as `index-766.md` and its October 2026 update know it, each figure with its
//! sources and confidence. No bands: the portal has none (a province's are data, see
//! `examples/index-766-province-bands.json`).

use super::number::d;
use super::profile::{
    CheckedIndexProfile, Confidence, Conversion, Group, IndexIndicator, IndexProfile, Model,
    PartRounding, Provenance, SourceKey, WeightedPart, ZeroDenominator,
};
use crate::base::rounding::Rounding;
use crate::base::Localized;
use crate::calendar::CalendarDate;
use crate::error::{Code, Problem};
use crate::input::UnitLevel;
use std::sync::LazyLock;
use Confidence::{High, Medium, MediumLow};

/// The identifier of the built-in national profile.
pub const VN_766_ID: &str = "vn-766";

/// The national index of Decision 766/QĐ-TTg (23/06/2022), 100 points in 5 groups of
/// 18 / 20 / 22 / 22 / 18, valid from 01/08/2022, for ministries, provinces, departments
/// and communes. Source: index-766.md (structure table and its October 2026 update).
pub static VN_766: LazyLock<CheckedIndexProfile> =
    LazyLock::new(|| CheckedIndexProfile::trusted(vn_766()));

/// The built-in ratio-index profiles.
pub fn index_builtin() -> [&'static CheckedIndexProfile; 1] {
    [&VN_766]
}

/// A built-in ratio-index profile by identifier.
///
/// # Errors
/// `UNKNOWN_PROFILE` when no built-in ratio-index profile has this identifier.
pub fn find_index(id: &str) -> Result<&'static CheckedIndexProfile, Problem> {
    index_builtin()
        .into_iter()
        .find(|p| p.id == id)
        .ok_or_else(|| {
            Problem::new(
                Code::UnknownProfile,
                "profile",
                format!("Không có bộ chỉ số {id:?}; bộ có sẵn: {VN_766_ID}"),
                format!("no ratio-index profile {id:?}; built in: {VN_766_ID}"),
            )
        })
}

fn prov(
    sources: &[&'static str],
    confidence: Confidence,
    inferred: bool,
    note: Option<Localized>,
) -> Provenance {
    Provenance {
        sources: sources.iter().map(|s| (*s).into()).collect(),
        confidence,
        inferred,
        note,
    }
}

fn ind(
    id: &'static str,
    vi: &'static str,
    en: &'static str,
    max: &str,
    conversion: Conversion,
    provenance: Provenance,
) -> IndexIndicator {
    IndexIndicator {
        id: id.into(),
        name: Localized::fixed(vi, en),
        maximum: d(max),
        conversion,
        zero_denominator: None,
        numerator_may_exceed: false,
        last_year_fallback: false,
        provenance,
    }
}

fn sat(t: &str) -> Conversion {
    Conversion::Saturating { threshold: d(t) }
}

fn group(
    id: &'static str,
    vi: &'static str,
    en: &'static str,
    max: &str,
    provenance: Provenance,
    indicators: Vec<IndexIndicator>,
) -> Group {
    Group {
        id: id.into(),
        name: Localized::fixed(vi, en),
        maximum: d(max),
        provenance,
        indicators,
    }
}

const LINEAR_INFERRED: Option<Localized> = Some(Localized::fixed(
    "cách quy đổi không được mô tả: tuyến tính R × tối đa / 100 là suy luận",
    "conversion not documented: linear R × max / 100 inferred",
));

fn vn_766() -> IndexProfile {
    use Conversion::{Linear, ShownOnly};
    let source = |key: &'static str, description: &'static str| SourceKey {
        key: key.into(),
        description: description.into(),
    };
    let feedback = |id, vi, en, p| IndexIndicator {
        zero_denominator: Some(ZeroDenominator::Full),
        ..ind(id, vi, en, "6", Linear, p)
    };
    IndexProfile {
        id: VN_766_ID.into(),
        model: Model::RatioIndex,
        name: Localized::fixed(
            "Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)",
            "Service index for citizens and businesses (Decision 766/QĐ-TTg)",
        ),
        source: "Decision 766/QĐ-TTg of 23/06/2022, as computed on the National Public Service Portal (index-766.md, with its October 2026 update)".into(),
        sources: vec![
            source("A", "the national IT agency's article copying the definitions"),
            source("V", "a legal summary site"),
            source("F", "a transcription of the portal's formula document (Mô tả công thức tính chỉ số 766)"),
            source("M", "per-indicator maxima mirrored from the portal API (2025–2026)"),
            source("C", "a provincial crawler's README"),
            source("N", "2022 launch news"),
            source("LD", "a province's 2024 results"),
            source("U", "portal API responses mirrored by a provincial crawler (Gia Lai, 2026), reproduced to 0.01 (October 2026 update)"),
        ],
        valid_from: CalendarDate::new(2022, 8, 1),
        valid_until: None,
        unit_levels: vec![
            UnitLevel::Ministry,
            UnitLevel::Province,
            UnitLevel::Department,
            UnitLevel::Commune,
        ],
        maximum: d("100"),
        decimals: 2,
        rounding: Rounding::HalfUp,
        zero_denominator: ZeroDenominator::Zero,
        part_rounding: PartRounding::Once,
        bands: Vec::new(),
        bands_provenance: None,
        groups: vec![
            group("1", "Công khai, minh bạch", "Publicity and transparency", "18",
                prov(&["V", "C", "M", "N"], High, false, None),
                vec![
                    ind("1.1", "Tỷ lệ TTHC công bố đúng hạn", "Procedures announced on time", "6", Linear,
                        prov(&["A", "F", "M", "U"], Medium, false, Some(Localized::fixed("công thức: tin cậy cao; điểm: trung bình", "formula high; points medium")))),
                    ind("1.2", "Tỷ lệ TTHC được cập nhật, công khai đúng hạn trên CSDLQG về TTHC", "Procedures published on time in the national database", "4", Linear,
                        prov(&["F", "M", "U"], Medium, false, None)),
                    ind("1.3", "Tỷ lệ TTHC công khai đầy đủ các bộ phận tạo thành", "Procedures published with all their components", "2", Linear,
                        prov(&["F", "M"], Medium, true, LINEAR_INFERRED)),
                    // 0/0: last year's total ÷ 12 (month) or ÷ 4 (quarter) stands in.
                    IndexIndicator {
                        last_year_fallback: true,
                        ..ind("1.4", "Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG", "Dossiers synchronised to the national portal", "6", Linear,
                            prov(&["F", "M"], Medium, true, LINEAR_INFERRED))
                    },
                ]),
            group("2", "Tiến độ, kết quả giải quyết", "Timeliness and results", "20",
                prov(&["V", "C", "M", "N"], High, false, None),
                vec![
                    ind("2.1", "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn", "Dossiers handled early or on time", "20", Linear,
                        prov(&["F", "M", "C", "U"], Medium, false, Some(Localized::fixed("F không nêu cách quy đổi; tuyến tính 20 × đúng hạn ÷ tiếp nhận khớp điểm của Cổng (cập nhật 10/2026)", "F documents no conversion; linear 20 × on time ÷ received reproduces the portal (October 2026)")))),
                    // A total time over the resolved dossiers: it may exceed them.
                    IndexIndicator {
                        numerator_may_exceed: true,
                        ..ind("2.2", "Thời gian giải quyết TTHC trung bình", "Average resolution time", "0", ShownOnly,
                            prov(&["F", "M"], MediumLow, false, Some(Localized::fixed("chỉ hiển thị, không tính điểm", "shown only, no points"))))
                    },
                ]),
            group("3", "Cung cấp dịch vụ trực tuyến", "Online services", "22",
                prov(&["V", "C", "M", "N"], High, false, Some(Localized::fixed("22 theo quyết định; Cổng hiển thị 12 (DVC trực tuyến) + 10 (thanh toán trực tuyến)", "22 in the decision; the portal shows 12 (online services) + 10 (online payment)"))),
                vec![
                    ind("3.1", "Tỷ lệ TTHC cung cấp DVCTT (một phần, toàn trình)", "Procedures offered online (partly or fully)", "2", sat("80"),
                        prov(&["F", "U"], Medium, false, Some(Localized::fixed("điểm theo bản cập nhật 10/2026, độ tin cậy trung bình", "points from the October 2026 update, medium confidence")))),
                    ind("3.2", "Tỷ lệ DVCTT có phát sinh hồ sơ", "Online services that had dossiers", "4", Linear,
                        prov(&["F", "U"], Medium, false, Some(Localized::fixed("điểm theo bản cập nhật 10/2026, độ tin cậy trung bình", "points from the October 2026 update, medium confidence")))),
                    ind("3.3", "Tỷ lệ hồ sơ nộp trực tuyến", "Dossiers submitted online", "6", sat("50"),
                        prov(&["F", "U"], Medium, false, Some(Localized::fixed("điểm theo bản cập nhật 10/2026, độ tin cậy trung bình", "points from the October 2026 update, medium confidence")))),
                    IndexIndicator {
                        id: "3.6".into(),
                        name: Localized::fixed("Thanh toán trực tuyến (3.5, 3.5b, 3.6)", "Online payment (3.5, 3.5b, 3.6)"),
                        maximum: d("10"),
                        conversion: Conversion::WeightedSum {
                            parts: vec![
                                WeightedPart {
                                    id: "a".into(),
                                    name: Localized::fixed("Hồ sơ thanh toán trực tuyến ÷ hồ sơ có nghĩa vụ tài chính", "Dossiers paid online ÷ dossiers with a financial obligation"),
                                    weight: d("6"),
                                    cap: None,
                                },
                                WeightedPart {
                                    id: "b".into(),
                                    name: Localized::fixed("TTHC có phí có giao dịch thanh toán trực tuyến ÷ TTHC có phí", "Fee-bearing procedures with an online payment ÷ fee-bearing procedures"),
                                    weight: d("2.5"),
                                    cap: Some(d("2")),
                                },
                                WeightedPart {
                                    id: "c".into(),
                                    name: Localized::fixed("TTHC có phí được đồng bộ dữ liệu phí ÷ TTHC có phí", "Fee-bearing procedures with synced fee data ÷ fee-bearing procedures"),
                                    weight: d("2.5"),
                                    cap: None,
                                },
                            ],
                        },
                        zero_denominator: None,
                        numerator_may_exceed: false,
                        last_year_fallback: false,
                        provenance: prov(&["F", "M", "U"], Medium, true, Some(Localized::fixed("6A + min(2; 2,5B) + 2,5C theo bản cập nhật 10/2026; giới hạn ở 10 điểm (công thức có thể đạt 10,5) là suy luận", "6A + min(2, 2.5B) + 2.5C from the October 2026 update; capping at 10 (the formula reaches 10.5) is inferred"))),
                    },
                ]),
            group("4", "Số hóa hồ sơ", "Digitisation", "22",
                prov(&["V", "C", "M", "N"], High, false, None),
                vec![
                    ind("4.1", "Tỷ lệ hồ sơ có cấp kết quả giải quyết điện tử", "Dossiers with an electronic result", "6", Linear,
                        prov(&["F", "M", "U"], Medium, false, None)),
                    ind("4.2", "Tỷ lệ hồ sơ thực hiện số hóa", "Digitised dossiers", "4", Linear,
                        prov(&["F", "M", "U"], Medium, false, Some(Localized::fixed("không có ngưỡng (bản cập nhật 10/2026 thay ngưỡng 80 % của F)", "no threshold (the October 2026 update supersedes F's 80 %)")))),
                    ind("4.3", "Tỷ lệ khai thác, sử dụng lại dữ liệu số hóa", "Dossiers reusing digitised data", "2", sat("80"),
                        prov(&["F", "M", "U"], Medium, false, None)),
                    ind("4.4", "Tỷ lệ hồ sơ số hóa có kết nối, chia sẻ (kho dữ liệu cá nhân)", "Digitised dossiers connected to the personal data store", "4", Linear,
                        prov(&["F", "M", "U"], MediumLow, false, Some(Localized::fixed("có thể được bổ sung sau năm 2022", "may be post-2022")))),
                    ind("4.5a", "Tỷ lệ TTHC kết nối, chia sẻ dữ liệu dân cư", "Procedures connected to the population database", "2", Linear,
                        prov(&["F", "M", "U"], MediumLow, false, Some(Localized::fixed("có thể được bổ sung sau năm 2022", "may be post-2022")))),
                    ind("4.5b", "Tỷ lệ hồ sơ sử dụng dữ liệu CSDLQG về dân cư", "Dossiers using the population database", "2", Linear,
                        prov(&["F", "M", "U"], MediumLow, false, None)),
                    ind("4.6", "Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính", "Electronic certified copies provided", "2", Linear,
                        prov(&["M"], Confidence::Low, true, Some(Localized::fixed("chỉ số ELECTRONIC_CERTIFIED_COPY của API; công thức và cách quy đổi không được mô tả: tuyến tính là suy luận", "API metric ELECTRONIC_CERTIFIED_COPY; formula and conversion not documented: linear inferred")))),
                ]),
            group("5", "Mức độ hài lòng", "Satisfaction", "18",
                prov(&["V", "C", "M", "N"], High, false, None),
                vec![
                    ind("5.1", "Phân loại phản ánh, kiến nghị", "Feedback by class", "0", ShownOnly,
                        prov(&["F", "M"], Medium, false, Some(Localized::fixed("chỉ hiển thị, không tính điểm", "shown only, no points")))),
                    feedback("5.2", "Tỷ lệ PAKN xử lý đúng hạn", "Feedback handled on time",
                        prov(&["V", "F", "M", "U"], Medium, true, Some(Localized::fixed("không có PAKN (0/0) được đủ điểm (cập nhật 10/2026); tuyến tính là suy luận", "no feedback (0/0) gives full points (October 2026 update); linear inferred")))),
                    feedback("5.3", "Tỷ lệ hài lòng trong xử lý PAKN", "Satisfaction with feedback handling",
                        prov(&["V", "F", "M", "U"], Medium, true, Some(Localized::fixed("không có PAKN (0/0) được đủ điểm (cập nhật 10/2026); tuyến tính là suy luận", "no feedback (0/0) gives full points (October 2026 update); linear inferred")))),
                    IndexIndicator {
                        numerator_may_exceed: true,
                        ..ind("5.4", "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC", "Satisfaction with receipt and resolution", "6",
                            Conversion::Complement { threshold: Some(d("90")) },
                            prov(&["V", "F", "M", "U"], Medium, true, Some(Localized::fixed("100 % − (quá hạn + có PAKN hoặc \"không hài lòng\") ÷ hồ sơ, bão hòa ở 90 %; gộp hai tỷ lệ thành một tử số (có thể lớn hơn mẫu số) là suy luận", "100 % − (overdue + with feedback or 'dislike') ÷ dossiers, saturating at 90 %; one numerator for both rates (may exceed the denominator) is inferred"))))
                    },
                ]),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in profile skips the check at run time; this test is its check.
    #[test]
    fn builtin_passes_the_check() {
        assert_eq!(&vn_766().check().unwrap(), &*VN_766);
        assert_eq!(find_index("vn-766").unwrap().maximum, d("100"));
        assert_eq!(find_index("x").unwrap_err().code, Code::UnknownProfile);
        let maxima: Vec<_> = VN_766
            .groups
            .iter()
            .map(|g| g.maximum.to_string())
            .collect();
        assert_eq!(maxima, ["18", "20", "22", "22", "18"]);
    }
}
