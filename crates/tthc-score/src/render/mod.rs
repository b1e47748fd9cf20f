//! The official annex table ("biểu mẫu chi tiết") in the seed report's layout, as plain
//! text (tab-separated, as in the seed), Markdown, HTML and CSV. Pure functions to strings.
//!
//! Every format carries the same sheet: title, period, unit, dossier totals, the table,
//! the rating and the officials' lines. Text that comes from the input or a profile (unit
//! and organization names, officials' names, band labels) is escaped for each format
//! (`escape.rs`): it can never add markup, rows, headings or spreadsheet formulas.

mod escape;
mod grid;
mod province;

pub use grid::{Cell, Sheet};
pub use province::{
    consolidated_sheet, province_sheet, render_consolidated, render_province_table,
};
#[cfg(feature = "csv")]
pub use province::{render_table_audit, table_audit_sheet};

use crate::base::number as format;
use crate::base::{upper, Lang, Localized, NOT_APPLICABLE};
use crate::error::{Code, Problem};
use crate::indicator::{IndicatorId, IndicatorKind};
use crate::input::Period;
use crate::profile::Profile;
use crate::rules::{form_rows, form_title};
use crate::scoring::{IndicatorScore, OfficialScore, Scorecard};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// Output format of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Format {
    /// Plain text, columns separated by tabs as in the seed report.
    #[default]
    Table,
    /// A Markdown document with a pipe table.
    Markdown,
    /// An HTML fragment (`<section>` with a `<table>`).
    Html,
    /// CSV (RFC 4180, CRLF line ends).
    Csv,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 4] = [Format::Table, Format::Markdown, Format::Html, Format::Csv];

    /// The name of the format (`"table"`, `"markdown"`, `"html"`, `"csv"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Csv => "csv",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = crate::base::ParseNameError;
    /// A format by its name; `text` and `md` are accepted too.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "text" => Ok(Format::Table),
            "md" => Ok(Format::Markdown),
            _ => Format::ALL
                .into_iter()
                .find(|f| f.as_str() == s)
                .ok_or_else(|| {
                    crate::base::ParseNameError::new("format", s, Format::ALL.map(Format::as_str))
                }),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Total,
    Indicator,
    Sub { chosen: bool },
}

struct Row {
    kind: Kind,
    cells: [String; 6],
    /// The numbers of the numeric cells and their decimals, for spreadsheets.
    numbers: [Option<(Decimal, u32)>; 6],
}

struct Text {
    title: [&'static str; 2],
    period: &'static str,
    unit: &'static str,
    received: &'static str,
    resolved: &'static str,
    columns: [&'static str; 6],
    total: &'static str,
    rating: &'static str,
    officials: &'static str,
    points: &'static str,
    no_dossier: &'static str,
    data_missing: &'static str,
    not_rated: &'static str,
}

const VI: Text = Text {
    title: ["ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "CỦA"],
    period: "Kỳ đánh giá",
    unit: "Đơn vị",
    received: "Tổng số hồ sơ đã tiếp nhận trong kỳ",
    resolved: "Tổng hồ sơ đã giải quyết trong kỳ",
    columns: [
        "STT",
        "Tiêu chí/Tiêu chí thành phần",
        "Điểm tối đa",
        "Số lượng hồ sơ",
        "Điểm tự đánh giá",
        "Ghi chú",
    ],
    total: "TỔNG ĐIỂM",
    rating: "Xếp loại",
    officials: "Đánh giá công chức, viên chức",
    points: "điểm",
    no_dossier: "không có hồ sơ đã giải quyết",
    data_missing: "thiếu số liệu chấm điểm một số hồ sơ",
    not_rated: "không xếp loại: không có chỉ số nào được tính",
};

const EN: Text = Text {
    title: [
        "ASSESSMENT OF THE HANDLING OF ADMINISTRATIVE PROCEDURES",
        "BY",
    ],
    period: "Period",
    unit: "Unit",
    received: "Dossiers received in the period",
    resolved: "Dossiers resolved in the period",
    columns: [
        "No.",
        "Criterion / sub-criterion",
        "Maximum points",
        "Number of dossiers",
        "Self-assessed score",
        "Notes",
    ],
    total: "TOTAL SCORE",
    rating: "Rating",
    officials: "Officials' evaluation",
    points: "points",
    no_dossier: "no dossier resolved",
    data_missing: "some dossiers lack the data to grade them",
    not_rated: "not rated: no indicator applies",
};

fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

fn label(l: &Localized, lang: Lang) -> String {
    l.get(lang).to_string()
}

const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "Quý II, Năm 2021" / "Quarter II, 2021".
pub fn period_label(p: &Period, lang: Lang) -> String {
    let q = p
        .quarter
        .and_then(|q| ROMAN.get(usize::from(q).wrapping_sub(1)));
    let m = p.month.filter(|m| (1..=12).contains(m));
    match (lang, q, m) {
        (Lang::Vi, Some(q), _) => format!("Quý {q}, Năm {}", p.year),
        (Lang::Vi, None, Some(m)) => format!("Tháng {m}, Năm {}", p.year),
        (Lang::Vi, None, None) => format!("Năm {}", p.year),
        (Lang::En, Some(q), _) => format!("Quarter {q}, {}", p.year),
        (Lang::En, None, Some(m)) => format!("{} {}", MONTHS[usize::from(m) - 1], p.year),
        (Lang::En, None, None) => format!("Year {}", p.year),
    }
}

fn pending_note(card: &Scorecard, lang: Lang) -> String {
    let (w, o) = (
        card.dossiers.pending_within_deadline,
        card.dossiers.pending_overdue,
    );
    let c = |n| format::count(n, lang);
    match (lang, w > 0, o > 0) {
        (_, false, false) => String::new(),
        (Lang::Vi, true, false) => format!("Đang giải quyết trong hạn {} hồ sơ", c(w)),
        (Lang::Vi, false, true) => format!("Đang giải quyết quá hạn {} hồ sơ", c(o)),
        (Lang::Vi, true, true) => format!(
            "Đang giải quyết trong hạn {} hồ sơ, quá hạn {} hồ sơ",
            c(w),
            c(o)
        ),
        (Lang::En, true, false) => format!("{} dossiers pending within the deadline", c(w)),
        (Lang::En, false, true) => format!("{} dossiers pending past the deadline", c(o)),
        (Lang::En, true, true) => format!(
            "{} dossiers pending within the deadline, {} past it",
            c(w),
            c(o)
        ),
    }
}

fn sub_labels(s: &IndicatorScore, profile: &Profile, card: &Scorecard) -> [Localized; 3] {
    form_rows(s.id, profile.one_stop_rule, card.unit.level)
}

fn rows(card: &Scorecard, profile: &Profile, lang: Lang) -> Vec<Row> {
    let mut out = Vec::with_capacity(1 + 9 * 4);
    let r = &profile.rounding;
    out.push(Row {
        kind: Kind::Total,
        numbers: [
            None,
            None,
            Some((card.total.maximum, r.maximum_decimals)),
            None,
            Some((card.total.value, r.total_decimals)),
            None,
        ],
        cells: [
            String::new(),
            text(lang).total.to_string(),
            card.total.maximum_display().get(lang).to_string(),
            String::new(),
            card.total.display().get(lang).to_string(),
            String::new(),
        ],
    });
    for s in &card.indicators {
        let per_dossier = s.kind == IndicatorKind::PerDossier;
        let note = if s.id == IndicatorId::TotalTime {
            pending_note(card, lang)
        } else {
            String::new()
        };
        let decimals = if per_dossier { r.indicator_decimals } else { 0 };
        out.push(Row {
            kind: Kind::Indicator,
            numbers: [
                Some((s.position.into(), 0)),
                None,
                Some((s.maximum.into(), 0)),
                per_dossier.then(|| (card.dossiers.resolved.into(), 0)),
                s.rounded.map(|v| (v, decimals)),
                None,
            ],
            cells: [
                s.position.to_string(),
                label(&form_title(s.id, profile.one_stop_rule), lang),
                s.maximum.to_string(),
                if per_dossier {
                    format::count(card.dossiers.resolved, lang)
                } else {
                    String::new()
                },
                s.display().get(lang).to_string(),
                note,
            ],
        });
        let counts = s.grades.map(|g| [g.two.get(), g.one.get(), g.zero.get()]);
        for (i, l) in sub_labels(s, profile, card).into_iter().enumerate() {
            let points = 2 - i as u8;
            let chosen = !per_dossier && s.level.map(|l| l.points()) == Some(points);
            out.push(Row {
                kind: Kind::Sub { chosen },
                numbers: [
                    None,
                    None,
                    Some((points.into(), 0)),
                    counts.map(|c| (c[i].into(), 0)),
                    None,
                    None,
                ],
                cells: [
                    String::new(),
                    label(&l, lang),
                    points.to_string(),
                    counts
                        .map(|c| format::count(c[i], lang))
                        .unwrap_or_default(),
                    if chosen { "x".into() } else { String::new() },
                    String::new(),
                ],
            });
        }
    }
    out
}

fn header_lines(card: &Scorecard, lang: Lang) -> Vec<(&'static str, String)> {
    let t = text(lang);
    vec![
        (t.period, period_label(&card.period, lang)),
        (t.unit, upper(&card.unit.name)),
        (t.received, format::count(card.dossiers.received, lang)),
        (t.resolved, format::count(card.dossiers.resolved, lang)),
    ]
}

fn title(card: &Scorecard, lang: Lang) -> Vec<String> {
    let t = text(lang);
    let mut v = vec![t.title[0].to_string()];
    if let Some(org) = &card.unit.organization {
        v.push(format!("{} {}", t.title[1], upper(org)));
    }
    v
}

/// The lines under the table, as (label, value): the rating, the officials' evaluation of
/// the unit ("9,74/10 điểm – Hoàn thành 100% nhiệm vụ"), then one line per official.
fn summary(card: &Scorecard, lang: Lang) -> Vec<(String, String)> {
    let t = text(lang);
    let mut v = Vec::new();
    // Without a rating (no indicator applies) the line still says so: a sheet without it
    // would read as one cut short.
    let na = NOT_APPLICABLE;
    let rating = match &card.total.rating {
        Some(r) => r.label.get(lang),
        None => na.get(lang),
    };
    let (total, maximum) = (card.total.display(), card.total.maximum_display());
    let (total, maximum) = (total.get(lang), maximum.get(lang));
    v.push((
        t.rating.to_string(),
        match card.total.rating {
            Some(_) => format!("{rating} ({total}/{maximum} {})", t.points),
            None => format!("{rating} ({})", t.not_rated),
        },
    ));
    let value = |o: &OfficialScore| match o.value {
        Some(_) => {
            let band = o.band.as_ref().map(|b| format!(" – {}", b.label.get(lang)));
            format!(
                "{}/{} {}{}",
                o.display().get(lang),
                o.maximum,
                t.points,
                band.unwrap_or_default()
            )
        }
        None if o.dossiers == 0 => format!("{} ({})", o.display().get(lang), t.no_dossier),
        None => format!("{} ({})", o.display().get(lang), t.data_missing),
    };
    v.push((t.officials.to_string(), value(&card.officials.unit)));
    for i in &card.officials.individuals {
        v.push((
            format!("  {}", i.name.as_deref().unwrap_or_default()),
            value(i),
        ));
    }
    v
}

/// `PROFILE_MISMATCH` unless `card` was scored under `profile`: the words of one profile
/// on the scores of another would lie.
fn same_profile(card: &Scorecard, profile: &Profile) -> Result<(), Problem> {
    if card.profile != profile.id {
        return Err(Problem::new(
            Code::ProfileMismatch,
            "profile",
            format!(
                "Bảng điểm được chấm theo bộ quy tắc {}, không thể in theo bộ quy tắc {}",
                card.profile, profile.id
            ),
            format!(
                "the scorecard was scored with profile {}; it cannot be rendered with {}",
                card.profile, profile.id
            ),
        ));
    }
    Ok(())
}

/// The annex table of `card` (scored under `profile`) as a sheet, for spreadsheets: the
/// same title, lines, rows and summary as the text formats, numbers as values.
///
/// # Errors
/// `PROFILE_MISMATCH`, as [`render`].
pub fn annex_sheet(card: &Scorecard, profile: &Profile, lang: Lang) -> Result<Sheet, Problem> {
    same_profile(card, profile)?;
    let t = text(lang);
    let lines = header_lines(card, lang)
        .into_iter()
        .map(|(k, v)| (k.to_string(), Cell::text(v)))
        .collect();
    let rows = rows(card, profile, lang)
        .into_iter()
        .map(|r| {
            r.cells
                .into_iter()
                .zip(r.numbers)
                .map(|(text, number)| Cell { text, number })
                .collect()
        })
        .collect();
    Ok(Sheet {
        name: match lang {
            Lang::Vi => "Biểu mẫu chi tiết".into(),
            Lang::En => "Annex table".into(),
        },
        lang,
        title: title(card, lang),
        lines,
        head: t.columns.iter().map(|c| c.to_string()).collect(),
        rows,
        notes: summary(card, lang)
            .into_iter()
            .map(|(k, v)| format!("{}: {v}", k.trim_start()))
            .collect(),
    })
}

/// Renders the annex table of `card` (scored under `profile`) in `format` and `lang`.
///
/// # Errors
/// `PROFILE_MISMATCH` when `profile` is not the one `card` was scored with (its labels,
/// order and row titles would not be those of the scores).
pub fn render(
    card: &Scorecard,
    profile: &Profile,
    format: Format,
    lang: Lang,
) -> Result<String, Problem> {
    same_profile(card, profile)?;
    Ok(match format {
        Format::Table => plain(card, profile, lang),
        Format::Markdown => markdown(card, profile, lang),
        Format::Html => html(card, profile, lang),
        Format::Csv => csv(card, profile, lang),
    })
}

fn plain(card: &Scorecard, profile: &Profile, lang: Lang) -> String {
    let mut s = String::with_capacity(8 * 1024);
    for l in title(card, lang) {
        let _ = writeln!(s, "{}", escape::plain(&l));
    }
    for (k, v) in header_lines(card, lang) {
        let _ = writeln!(s, "\n{k}: {}", escape::plain(&v));
    }
    s.push('\n');
    let _ = writeln!(s, "{}", text(lang).columns.join("\t"));
    let _ = writeln!(s, "(1)\t(2)\t(3)\t(4)\t(5)\t(6)");
    for r in rows(card, profile, lang) {
        let _ = writeln!(s, "{}", r.cells.join("\t"));
    }
    s.push('\n');
    for (k, v) in summary(card, lang) {
        let _ = writeln!(s, "{}: {}", escape::plain(&k), escape::plain(&v));
    }
    s
}

fn markdown(card: &Scorecard, profile: &Profile, lang: Lang) -> String {
    let mut s = String::with_capacity(8 * 1024);
    let title: Vec<String> = title(card, lang)
        .iter()
        .map(|l| escape::markdown(l))
        .collect();
    let _ = writeln!(s, "**{}**\n", title.join("  \n"));
    for (k, v) in header_lines(card, lang) {
        let _ = writeln!(s, "{k}: **{}**  ", escape::markdown(&v));
    }
    s.push('\n');
    let _ = writeln!(s, "| {} |", text(lang).columns.join(" | "));
    let _ = writeln!(s, "|---:|---|---:|---:|---:|---|");
    let _ = writeln!(s, "| (1) | (2) | (3) | (4) | (5) | (6) |");
    for r in rows(card, profile, lang) {
        let cells: Vec<String> = r
            .cells
            .iter()
            .enumerate()
            .map(|(i, c)| match (r.kind, i) {
                (Kind::Total | Kind::Indicator, 1 | 4) if !c.is_empty() => {
                    format!("**{}**", escape::markdown(c))
                }
                _ => escape::markdown(c),
            })
            .collect();
        let _ = writeln!(s, "| {} |", cells.join(" | "));
    }
    s.push('\n');
    for (k, v) in summary(card, lang) {
        let _ = writeln!(
            s,
            "{}: {}  ",
            escape::markdown_line_start(k.trim_start()),
            escape::markdown(&v)
        );
    }
    s
}

fn html(card: &Scorecard, profile: &Profile, lang: Lang) -> String {
    let t = text(lang);
    let code = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let esc = escape::html;
    let mut s = String::with_capacity(12 * 1024);
    let _ = writeln!(s, "<section class=\"tthc-scorecard\" lang=\"{code}\">");
    let _ = writeln!(
        s,
        "<h2>{}</h2>",
        title(card, lang)
            .iter()
            .map(|l| esc(l))
            .collect::<Vec<_>>()
            .join("<br>")
    );
    let _ = writeln!(s, "<dl>");
    for (k, v) in header_lines(card, lang) {
        let _ = writeln!(s, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(&v));
    }
    let _ = writeln!(s, "</dl>");
    let _ = writeln!(s, "<table>");
    let _ = writeln!(s, "<thead>");
    let _ = write!(s, "<tr>");
    for c in t.columns {
        let _ = write!(s, "<th scope=\"col\">{}</th>", esc(c));
    }
    let _ = writeln!(s, "</tr>");
    let _ = writeln!(s, "<tr class=\"numbers\"><td>(1)</td><td>(2)</td><td>(3)</td><td>(4)</td><td>(5)</td><td>(6)</td></tr>");
    let _ = writeln!(s, "</thead>");
    let _ = writeln!(s, "<tbody>");
    for r in rows(card, profile, lang) {
        let class = match r.kind {
            Kind::Total => "total",
            Kind::Indicator => "indicator",
            Kind::Sub { chosen: true } => "sub chosen",
            Kind::Sub { chosen: false } => "sub",
        };
        let _ = write!(s, "<tr class=\"{class}\">");
        for (i, c) in r.cells.iter().enumerate() {
            let num = if (2..=4).contains(&i) {
                " class=\"num\""
            } else {
                ""
            };
            if i == 1 && !matches!(r.kind, Kind::Sub { .. }) {
                let _ = write!(s, "<th scope=\"row\">{}</th>", esc(c));
            } else {
                let _ = write!(s, "<td{num}>{}</td>", esc(c));
            }
        }
        let _ = writeln!(s, "</tr>");
    }
    let _ = writeln!(s, "</tbody>");
    let _ = writeln!(s, "</table>");
    for (k, v) in summary(card, lang) {
        let _ = writeln!(s, "<p>{}: {}</p>", esc(k.trim_start()), esc(&v));
    }
    let _ = writeln!(s, "</section>");
    s
}

/// CSV (RFC 4180, CRLF): the title, the header lines as `label,value`, a blank line, the
/// table, a blank line, the summary as `label,value`.
fn csv(card: &Scorecard, profile: &Profile, lang: Lang) -> String {
    let mut s = String::with_capacity(8 * 1024);
    let line = |s: &mut String, cells: &[&str]| {
        let v: Vec<String> = cells.iter().map(|c| escape::csv(c)).collect();
        s.push_str(&v.join(","));
        s.push_str("\r\n");
    };
    for l in title(card, lang) {
        line(&mut s, &[&l]);
    }
    for (k, v) in header_lines(card, lang) {
        line(&mut s, &[k, &v]);
    }
    s.push_str("\r\n");
    line(&mut s, &text(lang).columns);
    for r in rows(card, profile, lang) {
        let cells: Vec<&str> = r.cells.iter().map(String::as_str).collect();
        line(&mut s, &cells);
    }
    s.push_str("\r\n");
    for (k, v) in summary(card, lang) {
        line(&mut s, &[k.trim_start(), &v]);
    }
    s
}
