//! The province's tables as sheets, in every format: the ranked table of units, a
//! consolidated result (a group or a year), the audit of a published table.

use super::grid::{Cell, Sheet};
use super::{period_label, Format};
use crate::base::{Lang, Localized};
use crate::input::Period;
use crate::profile::Profile;
#[cfg(feature = "csv")]
use crate::province::TableAudit;
use crate::province::{
    Consolidated, ProvinceRow, ProvinceTable, RankBasis, RollupMethod, TiePolicy,
};
use rust_decimal::Decimal;

fn by(lang: Lang, vi: &str, en: &str) -> String {
    match lang {
        Lang::Vi => vi.to_string(),
        Lang::En => en.to_string(),
    }
}

fn word(l: &Localized, lang: Lang) -> String {
    l.get(lang).to_string()
}

fn score(d: Option<Decimal>, decimals: u32, lang: Lang) -> Cell {
    d.map_or_else(|| Cell::text("–"), |d| Cell::number(d, decimals, lang))
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

/// The decimals a score of the `i`-th indicator of `profile` is printed with.
fn decimals(profile: &Profile, i: usize) -> u32 {
    match profile.order.get(i).map(|id| id.kind()) {
        Some(crate::indicator::IndicatorKind::PerDossier) => profile.rounding.indicator_decimals,
        _ => 0,
    }
}

/// One unit's cells of the province table; `mixed`: the table names each unit's profile.
fn province_row(
    row: &ProvinceRow,
    t: &ProvinceTable,
    profile: &Profile,
    mixed: bool,
    lang: Lang,
) -> Vec<Cell> {
    let mut v = vec![
        Cell::count(row.rank.into(), lang),
        Cell::text(&row.unit),
        Cell::text(word(&row.group.label(), lang)),
        Cell::count(row.rank_in_group.into(), lang),
    ];
    // A unit under a profile of its own is printed as its profile rounded it.
    let own = row.profile.is_some();
    let at = |d: Decimal, decimals: u32| if own { d.scale() } else { decimals };
    let r = &profile.rounding;
    v.extend(
        row.scores
            .iter()
            .enumerate()
            .map(|(i, s)| score(*s, s.map_or(0, |s| at(s, decimals(profile, i))), lang)),
    );
    v.push(Cell::number(
        row.total,
        at(row.total, r.total_decimals),
        lang,
    ));
    v.push(Cell::number(
        row.maximum,
        at(row.maximum, r.maximum_decimals),
        lang,
    ));
    v.push(Cell::text(
        row.rating
            .as_ref()
            .map_or_else(String::new, |b| word(&b.label, lang)),
    ));
    if mixed {
        v.push(Cell::text(row.profile.as_deref().unwrap_or(&t.profile)));
    }
    v
}

/// The province table of units, ranked, as a sheet.
pub fn province_sheet(
    t: &ProvinceTable,
    profile: &Profile,
    period: Option<&Period>,
    lang: Lang,
) -> Sheet {
    let mut title = vec![by(
        lang,
        "BẢNG TỔNG HỢP, XẾP HẠNG KẾT QUẢ ĐÁNH GIÁ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        "PROVINCE TABLE: RANKED RESULTS OF THE HANDLING OF ADMINISTRATIVE PROCEDURES",
    )];
    title.extend(period.map(|p| period_label(p, lang)));
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
            Cell::text(word(&profile.name, lang)),
        ),
        (
            by(lang, "Số đơn vị", "Units"),
            Cell::count(t.rows.len() as u64, lang),
        ),
        (by(lang, "Xếp hạng theo", "Ranked by"), Cell::text(basis)),
        (by(lang, "Đồng hạng", "Ties"), Cell::text(ties)),
    ];
    let mut head = vec![
        by(lang, "Hạng", "Rank"),
        by(lang, "Đơn vị", "Unit"),
        by(lang, "Nhóm", "Group"),
        by(lang, "Hạng trong nhóm", "Rank in group"),
    ];
    head.extend((1..=profile.order.len()).map(|i| format!("C{i}")));
    head.extend([
        by(lang, "Tổng điểm", "Total"),
        by(lang, "Điểm tối đa", "Maximum"),
        by(lang, "Xếp loại", "Rating"),
    ]);
    // Units under profiles of their own: a column says each unit's.
    let mixed = t.rows.iter().any(|r| r.profile.is_some());
    if mixed {
        head.push(by(lang, "Bộ quy tắc", "Profile"));
    }
    let rows = t
        .rows
        .iter()
        .map(|row| province_row(row, t, profile, mixed, lang))
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
    Sheet {
        name: by(lang, "Bảng tổng hợp", "Province table"),
        lang,
        title,
        lines,
        head,
        rows,
        notes,
    }
}

/// The province table of units, ranked, in `format`.
pub fn render_province_table(
    t: &ProvinceTable,
    profile: &Profile,
    period: Option<&Period>,
    format: Format,
    lang: Lang,
) -> String {
    province_sheet(t, profile, period, lang).render(format)
}

/// A consolidated result (units into a group, or periods into a year), as a sheet.
pub fn consolidated_sheet(c: &Consolidated, profile: &Profile, lang: Lang) -> Sheet {
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
            Cell::text(word(&profile.name, lang)),
        ),
        (by(lang, "Đơn vị", "Units"), Cell::text(c.units.join("; "))),
        (by(lang, "Cách tổng hợp", "Method"), Cell::text(method)),
    ];
    let head = vec![
        by(lang, "STT", "No."),
        by(lang, "Chỉ số", "Indicator"),
        by(lang, "Số phần áp dụng", "Parts counted"),
        by(lang, "Điểm", "Score"),
    ];
    let r = &profile.rounding;
    let mut rows: Vec<Vec<Cell>> = c
        .indicators
        .iter()
        .map(|i| {
            vec![
                Cell::count(i.position.into(), lang),
                Cell::text(word(&crate::input::indicator_name(i.id), lang)),
                Cell::count(i.parts.into(), lang),
                score(i.value, r.indicator_decimals, lang),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::default(),
        Cell::text(by(lang, "TỔNG ĐIỂM", "TOTAL")),
        Cell::default(),
        Cell::number(c.total.value, r.total_decimals, lang),
    ]);
    let notes = vec![
        format!(
            "{}: {}",
            by(lang, "Xếp loại", "Rating"),
            c.total
                .rating
                .as_ref()
                .map_or_else(String::new, |r| word(&r.label, lang))
        ),
        c.note.get(lang).to_string(),
    ];
    Sheet {
        name: by(lang, "Tổng hợp", "Consolidated"),
        lang,
        title,
        lines,
        head,
        rows,
        notes,
    }
}

/// A consolidated result, in `format`.
pub fn render_consolidated(
    c: &Consolidated,
    profile: &Profile,
    format: Format,
    lang: Lang,
) -> String {
    consolidated_sheet(c, profile, lang).render(format)
}

/// The findings of the audit of a published table, as a sheet.
#[cfg(feature = "csv")]
pub fn table_audit_sheet(a: &TableAudit, lang: Lang) -> Sheet {
    let title = vec![by(
        lang,
        "KIỂM TRA BẢNG ĐÃ CÔNG BỐ",
        "AUDIT OF A PUBLISHED TABLE",
    )];
    let lines = vec![
        (
            by(lang, "Bộ quy tắc", "Profile"),
            Cell::text(a.profile.to_string()),
        ),
        (by(lang, "Số dòng", "Rows"), Cell::count(a.rows, lang)),
        (
            by(lang, "Số phát hiện", "Findings"),
            Cell::count(a.findings.len() as u64, lang),
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
                Cell::count(f.row, lang),
                Cell::text(&f.unit),
                Cell::text(f.code.to_string()),
                Cell::text(sev),
                Cell::text(f.message.get(lang)),
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
    Sheet {
        name: by(lang, "Kiểm tra bảng", "Table audit"),
        lang,
        title,
        lines,
        head,
        rows,
        notes,
    }
}

/// The findings of the audit of a published table, in `format`.
#[cfg(feature = "csv")]
pub fn render_table_audit(a: &TableAudit, format: Format, lang: Lang) -> String {
    table_audit_sheet(a, lang).render(format)
}
