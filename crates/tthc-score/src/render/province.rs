//! The province's tables in every format: the ranked table of units, a consolidated
//! result (a group or a year), the audit of a published table.

use super::grid::Grid;
use super::{period_label, Format};
use crate::base::number::{count, decimal};
use crate::base::Lang;
use crate::indicator::IndicatorId;
use crate::input::Period;
use crate::profile::Profile;
#[cfg(feature = "csv")]
use crate::province::TableAudit;
use crate::province::{Consolidated, ProvinceTable, RankBasis, RollupMethod, TiePolicy};
use rust_decimal::Decimal;

fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    }
}

fn by(lang: Lang, vi: &str, en: &str) -> String {
    match lang {
        Lang::Vi => vi.to_string(),
        Lang::En => en.to_string(),
    }
}

fn score(d: Option<Decimal>, lang: Lang) -> String {
    d.map_or_else(|| "–".to_string(), |d| decimal(d, lang))
}

/// "C1 … C9" headers, with the indicators' order in a note.
fn indicator_heads(order: &[IndicatorId]) -> Vec<String> {
    (1..=order.len()).map(|i| format!("C{i}")).collect()
}

fn order_note(profile: &Profile, lang: Lang) -> String {
    let names: Vec<String> = profile
        .order
        .iter()
        .enumerate()
        .map(|(i, id)| format!("C{} {}", i + 1, crate::input::indicator_name(*id).get(lang)))
        .collect();
    format!(
        "{}: {}",
        by(lang, "Các chỉ số", "Indicators"),
        names.join("; ")
    )
}

/// The province table of units, ranked, in `format`.
pub fn render_province_table(
    t: &ProvinceTable,
    profile: &Profile,
    period: Option<&Period>,
    format: Format,
    lang: Lang,
) -> String {
    let mut title = vec![by(
        lang,
        "BẢNG TỔNG HỢP, XẾP HẠNG KẾT QUẢ ĐÁNH GIÁ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        "PROVINCE TABLE: RANKED RESULTS OF THE HANDLING OF ADMINISTRATIVE PROCEDURES",
    )];
    if let Some(p) = period {
        title.push(period_label(p, lang));
    }
    let ties = match t.options.ties {
        TiePolicy::Competition => by(
            lang,
            "đồng hạng giữ hạng cao nhất, hạng sau cách quãng (1, 2, 2, 4)",
            "ties share the best rank, the next skips (1, 2, 2, 4)",
        ),
        TiePolicy::Dense => by(
            lang,
            "đồng hạng, hạng sau liền kề (1, 2, 2, 3)",
            "ties share a rank, the next follows (1, 2, 2, 3)",
        ),
    };
    let basis = match t.options.basis {
        RankBasis::RatingBasis => by(
            lang,
            "tổng điểm quy về thang 18 khi có chỉ số không áp dụng",
            "the total on the 18-point scale when indicators do not apply",
        ),
        RankBasis::Total => by(lang, "tổng điểm", "the total"),
    };
    let lines = vec![
        (
            by(lang, "Bộ quy tắc", "Profile"),
            profile.name.get(lang).to_string(),
        ),
        (
            by(lang, "Số đơn vị", "Units"),
            count(t.rows.len() as u64, lang),
        ),
        (by(lang, "Xếp hạng theo", "Ranked by"), basis),
        (by(lang, "Đồng hạng", "Ties"), ties),
    ];
    let mut head = vec![
        by(lang, "Hạng", "Rank"),
        by(lang, "Đơn vị", "Unit"),
        by(lang, "Nhóm", "Group"),
        by(lang, "Hạng trong nhóm", "Rank in group"),
    ];
    head.extend(indicator_heads(&profile.order));
    head.extend([
        by(lang, "Tổng điểm", "Total"),
        by(lang, "Xếp loại", "Rating"),
    ]);
    let mut numeric = vec![true, false, false, true];
    numeric.extend([true; 10]);
    numeric.push(false);
    let rows = t
        .rows
        .iter()
        .map(|r| {
            let mut v = vec![
                r.rank.to_string(),
                r.unit.clone(),
                r.group.label().get(lang).to_string(),
                r.rank_in_group.to_string(),
            ];
            v.extend(r.scores.iter().map(|s| score(*s, lang)));
            v.push(format!(
                "{}/{}",
                decimal(r.total, lang),
                decimal(r.maximum, lang)
            ));
            v.push(
                r.rating
                    .as_ref()
                    .map_or_else(String::new, |b| b.label.get(lang).to_string()),
            );
            v
        })
        .collect();
    let mut notes = vec![order_note(profile, lang)];
    for g in &t.groups {
        let bands: Vec<String> = g
            .bands
            .iter()
            .map(|b| format!("{} {}", b.label.get(lang), b.units))
            .chain(
                (g.unrated > 0)
                    .then(|| format!("{} {}", by(lang, "chưa xếp loại", "unrated"), g.unrated)),
            )
            .collect();
        notes.push(format!(
            "{} ({} {}): {}",
            g.label.get(lang),
            g.units,
            by(lang, "đơn vị", "units"),
            bands.join(", ")
        ));
    }
    Grid {
        title,
        lines,
        head,
        numeric,
        rows,
        notes,
    }
    .render(format, code(lang))
}

/// A consolidated result (units into a group, or periods into a year), in `format`.
pub fn render_consolidated(
    c: &Consolidated,
    profile: &Profile,
    format: Format,
    lang: Lang,
) -> String {
    let mut title = vec![by(lang, "KẾT QUẢ TỔNG HỢP", "CONSOLIDATED RESULT")];
    title.extend(c.periods.first().map(|p| {
        if c.periods.len() > 1 {
            by(
                lang,
                &format!("Năm {}", p.year),
                &format!("Year {}", p.year),
            )
        } else {
            period_label(p, lang)
        }
    }));
    let method = match c.method {
        RollupMethod::Pooled => by(
            lang,
            "gộp hồ sơ (theo số hồ sơ)",
            "pooled dossiers (dossier-weighted)",
        ),
        RollupMethod::Mean => by(
            lang,
            "trung bình cộng (mỗi phần như nhau)",
            "mean (each part weighs the same)",
        ),
    };
    let lines = vec![
        (
            by(lang, "Bộ quy tắc", "Profile"),
            profile.name.get(lang).to_string(),
        ),
        (by(lang, "Đơn vị", "Units"), c.units.join("; ")),
        (by(lang, "Cách tổng hợp", "Method"), method),
    ];
    let head = vec![
        by(lang, "STT", "No."),
        by(lang, "Chỉ số", "Indicator"),
        by(lang, "Số phần áp dụng", "Parts counted"),
        by(lang, "Điểm", "Score"),
    ];
    let mut rows: Vec<Vec<String>> = c
        .indicators
        .iter()
        .map(|i| {
            vec![
                i.position.to_string(),
                crate::input::indicator_name(i.id).get(lang).to_string(),
                i.parts.to_string(),
                score(i.value, lang),
            ]
        })
        .collect();
    rows.push(vec![
        String::new(),
        by(lang, "TỔNG ĐIỂM", "TOTAL"),
        String::new(),
        format!(
            "{}/{}",
            decimal(c.total.value, lang),
            decimal(c.total.maximum, lang)
        ),
    ]);
    let notes = vec![
        format!(
            "{}: {}",
            by(lang, "Xếp loại", "Rating"),
            c.total
                .rating
                .as_ref()
                .map_or_else(String::new, |r| r.label.get(lang).to_string())
        ),
        c.note.get(lang).to_string(),
    ];
    Grid {
        title,
        lines,
        head,
        numeric: vec![true, false, true, true],
        rows,
        notes,
    }
    .render(format, code(lang))
}

/// The findings of the audit of a published table, in `format`.
#[cfg(feature = "csv")]
pub fn render_table_audit(a: &TableAudit, format: Format, lang: Lang) -> String {
    let title = vec![by(
        lang,
        "KIỂM TRA BẢNG ĐÃ CÔNG BỐ",
        "AUDIT OF A PUBLISHED TABLE",
    )];
    let lines = vec![
        (by(lang, "Bộ quy tắc", "Profile"), a.profile.to_string()),
        (by(lang, "Số dòng", "Rows"), count(a.rows, lang)),
        (
            by(lang, "Số phát hiện", "Findings"),
            count(a.findings.len() as u64, lang),
        ),
    ];
    let head = vec![
        by(lang, "Dòng", "Row"),
        by(lang, "Đơn vị", "Unit"),
        by(lang, "Mã", "Code"),
        by(lang, "Mức độ", "Severity"),
        by(lang, "Nội dung", "Message"),
    ];
    let rows = a
        .findings
        .iter()
        .map(|f| {
            let sev = match f.severity {
                crate::base::Severity::Error => by(lang, "lỗi", "error"),
                crate::base::Severity::Warning => by(lang, "cảnh báo", "warning"),
                crate::base::Severity::Info => by(lang, "thông tin", "info"),
            };
            vec![
                f.row.to_string(),
                f.unit.clone(),
                f.code.to_string(),
                sev,
                f.message.get(lang).to_string(),
            ]
        })
        .collect();
    let notes = if a.grid_checked {
        vec![]
    } else {
        vec![by(
            lang,
            "Không kiểm tra mức 0/1/2 của chỉ số đơn vị (bảng năm, hoặc không rõ kỳ)",
            "Per-unit indicators not checked against 0/1/2 (a yearly table, or no period given)",
        )]
    };
    Grid {
        title,
        lines,
        head,
        numeric: vec![true, false, false, false, false],
        rows,
        notes,
    }
    .render(format, code(lang))
}
