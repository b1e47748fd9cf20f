//! A ratio-index result as a table: tab-separated text, Markdown, HTML or CSV, in
//! Vietnamese or English. Every text from the input or a profile is escaped for the format.

use super::score::{IndexResult, IndicatorStatus};
use crate::base::number::{count, decimal};
use crate::base::{Lang, Localized};
use crate::input::Period;
use crate::render::Format;
use rust_decimal::Decimal;

fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn cell(s: &str, f: Format) -> String {
    let s = one_line(s);
    match f {
        Format::Table => s,
        Format::Markdown => {
            let mut out = String::with_capacity(s.len());
            for c in s.chars() {
                if matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '#' | '~' | '!'
                ) {
                    out.push('\\');
                }
                out.push(c);
            }
            out
        }
        Format::Html => s
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
            .replace('\'', "&#39;"),
        Format::Csv => {
            let g = if s.starts_with(['=', '+', '-', '@']) {
                format!("'{s}")
            } else {
                s
            };
            if g.contains([',', '"']) {
                format!("\"{}\"", g.replace('"', "\"\""))
            } else {
                g
            }
        }
    }
}

fn period(p: &Period, lang: Lang) -> String {
    match (p.quarter, p.month, lang) {
        (Some(q), _, Lang::Vi) => format!("Quý {q}/{}", p.year),
        (Some(q), _, Lang::En) => format!("Q{q} {}", p.year),
        (_, Some(m), Lang::Vi) => format!("Tháng {m}/{}", p.year),
        (_, Some(m), Lang::En) => format!("{}-{m:02}", p.year),
        (None, None, Lang::Vi) => format!("Năm {}", p.year),
        (None, None, Lang::En) => format!("{}", p.year),
    }
}

fn dec(d: Decimal, lang: Lang) -> String {
    decimal(d, lang)
}

fn max(d: Decimal, lang: Lang) -> String {
    decimal(d.normalize(), lang)
}

/// Renders `r` as a table in `format` and `lang`: a title, the unit and period, one row per
/// group and indicator (ratio, points, maximum, derivation), the total, the band, and
/// the notes.
pub fn render_index(r: &IndexResult, format: Format, lang: Lang) -> String {
    let t = |vi: &'static str, en: &'static str| Localized::fixed(vi, en).get(lang).to_string();
    let head = [
        t("STT", "No."),
        t("Chỉ số", "Indicator"),
        t("Tử số / mẫu số", "Numerator / denominator"),
        t("Tỷ lệ (%)", "Ratio (%)"),
        t("Điểm", "Points"),
        t("Tối đa", "Maximum"),
        t("Cách tính", "Derivation"),
    ];
    let mut rows: Vec<[String; 7]> = Vec::new();
    for g in &r.groups {
        rows.push([
            g.id.to_string(),
            crate::base::upper(g.name.get(lang)),
            String::new(),
            String::new(),
            dec(g.points, lang),
            max(g.maximum, lang),
            String::new(),
        ]);
        for i in r.indicators.iter().filter(|i| i.group == g.id) {
            let counts = match (i.numerator, i.denominator) {
                (Some(n), Some(d)) => format!("{} / {}", count(n, lang), count(d, lang)),
                _ if !i.parts.is_empty() => i
                    .parts
                    .iter()
                    .map(|p| {
                        format!(
                            "{}: {} / {}",
                            p.id,
                            count(p.numerator, lang),
                            count(p.denominator, lang)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                _ => String::new(),
            };
            let points = match (i.points, i.status) {
                (Some(p), _) => dec(p, lang),
                (None, IndicatorStatus::ZeroDenominator) => {
                    crate::base::NOT_APPLICABLE.get(lang).to_string()
                }
                (None, _) => "—".into(),
            };
            rows.push([
                i.id.to_string(),
                i.name.get(lang).to_string(),
                counts,
                i.ratio_rounded.map(|x| dec(x, lang)).unwrap_or_default(),
                points,
                max(i.maximum, lang),
                i.derivation.get(lang).to_string(),
            ]);
        }
    }
    let total_label = if r.total.applicable_maximum == r.total.maximum {
        max(r.total.maximum, lang)
    } else {
        format!(
            "{} ({})",
            max(r.total.maximum, lang),
            max(r.total.applicable_maximum, lang)
        )
    };
    rows.push([
        String::new(),
        t("TỔNG ĐIỂM", "TOTAL"),
        String::new(),
        String::new(),
        dec(r.total.points, lang),
        total_label,
        String::new(),
    ]);
    let title = format!(
        "{} {}",
        t("KẾT QUẢ BỘ CHỈ SỐ", "RESULT OF THE INDEX"),
        r.profile
    );
    let meta = [
        format!("{}: {}", t("Đơn vị", "Unit"), r.unit.name),
        format!("{}: {}", t("Kỳ", "Period"), period(&r.period, lang)),
    ];
    let band = match &r.total.band {
        Some(b) => format!("{}: {}", t("Xếp loại", "Band"), b.label.get(lang)),
        None => t(
            "Xếp loại: không có (bộ chỉ số không có khung xếp loại)",
            "Band: none (the profile has no bands)",
        ),
    };
    let notes: Vec<String> = r
        .notes
        .iter()
        .map(|n| n.text.get(lang).to_string())
        .collect();
    let notes_title = t("Giả định", "Assumptions");
    let mut out = String::new();
    match format {
        Format::Table | Format::Csv => {
            let sep = if format == Format::Csv { "," } else { "\t" };
            let eol = if format == Format::Csv { "\r\n" } else { "\n" };
            let line = |cells: &[String]| {
                cells
                    .iter()
                    .map(|c| cell(c, format))
                    .collect::<Vec<_>>()
                    .join(sep)
                    + eol
            };
            out += &line(&[title]);
            for m in &meta {
                out += &line(std::slice::from_ref(m));
            }
            out += &line(&head);
            for r in &rows {
                out += &line(r);
            }
            out += &line(&[band]);
            out += &line(&[notes_title]);
            for n in &notes {
                out += &line(&[format!("- {n}")]);
            }
        }
        Format::Markdown => {
            out += &format!("## {}\n\n", cell(&title, format));
            for m in &meta {
                out += &format!("{}  \n", cell(m, format));
            }
            out += "\n";
            let line = |cells: &[String]| {
                format!(
                    "| {} |\n",
                    cells
                        .iter()
                        .map(|c| cell(c, format))
                        .collect::<Vec<_>>()
                        .join(" | ")
                )
            };
            out += &line(&head);
            out += "|---|---|---|---:|---:|---:|---|\n";
            for r in &rows {
                out += &line(r);
            }
            out += &format!(
                "\n**{}**\n\n### {}\n\n",
                cell(&band, format),
                cell(&notes_title, format)
            );
            for n in &notes {
                out += &format!("- {}\n", cell(n, format));
            }
        }
        Format::Html => {
            out += &format!(
                "<section class=\"index-766\">\n<h2>{}</h2>\n",
                cell(&title, format)
            );
            for m in &meta {
                out += &format!("<p>{}</p>\n", cell(m, format));
            }
            out += "<table>\n<thead><tr>";
            for h in &head {
                out += &format!("<th>{}</th>", cell(h, format));
            }
            out += "</tr></thead>\n<tbody>\n";
            for r in &rows {
                out += "<tr>";
                for c in r {
                    out += &format!("<td>{}</td>", cell(c, format));
                }
                out += "</tr>\n";
            }
            out += &format!(
                "</tbody>\n</table>\n<p><strong>{}</strong></p>\n<h3>{}</h3>\n<ul>\n",
                cell(&band, format),
                cell(&notes_title, format)
            );
            for n in &notes {
                out += &format!("<li>{}</li>\n", cell(n, format));
            }
            out += "</ul>\n</section>\n";
        }
    }
    out
}
