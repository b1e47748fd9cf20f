//! A sheet: a titled table whose cells carry their printed text and, for numbers, their
//! value. The text formats print the text, escaped; a spreadsheet writer (the crate
//! `tthc-score-xlsx`) writes the values with number formats. The province table, a
//! consolidated result, the audit of a published table and the annex table (for
//! spreadsheets) are all sheets.

use super::{escape, Format};
use crate::base::Lang;
use rust_decimal::Decimal;
use std::fmt::Write;

/// One cell: its text as printed, and its value when it is a number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// The text, as the text formats print it ("1,91" in Vietnamese).
    pub text: String,
    /// A number: its value and the decimals it is shown with.
    pub number: Option<(Decimal, u32)>,
}

impl Cell {
    /// A text cell.
    pub fn text(t: impl Into<String>) -> Cell {
        Cell {
            text: t.into(),
            number: None,
        }
    }

    /// A number shown with `decimals` places in `lang`.
    pub fn number(value: Decimal, decimals: u32, lang: Lang) -> Cell {
        // Only a value finer than `decimals` is rounded, and half up, as every score is.
        let shown = if value.scale() > decimals {
            crate::base::rounding::round(value, decimals, crate::base::rounding::Rounding::HalfUp)
        } else {
            value
        };
        Cell {
            text: crate::base::number::decimal(shown, lang),
            number: Some((value, decimals)),
        }
    }

    /// A whole number (a count, a rank) in `lang`'s grouping.
    pub fn count(n: u64, lang: Lang) -> Cell {
        Cell {
            text: crate::base::number::count(n, lang),
            number: Some((Decimal::from(n), 0)),
        }
    }

    fn is_number(&self) -> bool {
        self.number.is_some()
    }
}

/// A title, labelled lines, a table and notes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    /// The sheet's name (a spreadsheet tab): at most 31 characters.
    pub name: String,
    /// The language of its words.
    pub lang: Lang,
    /// Title lines.
    pub title: Vec<String>,
    /// Labelled lines above the table.
    pub lines: Vec<(String, Cell)>,
    /// The column headings.
    pub head: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
    /// Lines below the table.
    pub notes: Vec<String>,
}

impl Sheet {
    /// The sheet in a text format (escaped: names can add no markup, cells or formulas).
    pub fn render(&self, format: Format) -> String {
        // A column is numeric when its first filled cell is a number.
        let numeric: Vec<bool> = (0..self.head.len())
            .map(|i| {
                self.rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .find(|c| !c.text.is_empty())
                    .is_some_and(Cell::is_number)
            })
            .collect();
        let texts: Vec<Vec<&str>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.as_str()).collect())
            .collect();
        let head: Vec<&str> = self.head.iter().map(String::as_str).collect();
        let lines: Vec<(&str, &str)> = self
            .lines
            .iter()
            .map(|(k, v)| (k.as_str(), v.text.as_str()))
            .collect();
        let mut s = String::with_capacity(4096 + 64 * self.rows.len());
        match format {
            Format::Table => {
                for l in &self.title {
                    let _ = writeln!(s, "{}", escape::plain(l));
                }
                for (k, v) in &lines {
                    let _ = writeln!(s, "{}: {}", escape::plain(k), escape::plain(v));
                }
                s.push('\n');
                for r in std::iter::once(&head).chain(&texts) {
                    let cells: Vec<String> = r.iter().map(|c| escape::plain(c)).collect();
                    let _ = writeln!(s, "{}", cells.join("\t"));
                }
                for n in &self.notes {
                    let _ = writeln!(s, "\n{}", escape::plain(n));
                }
            }
            Format::Markdown => {
                let title: Vec<String> = self.title.iter().map(|l| escape::markdown(l)).collect();
                let _ = writeln!(s, "**{}**\n", title.join("  \n"));
                for (k, v) in &lines {
                    let _ = writeln!(
                        s,
                        "{}: **{}**  ",
                        escape::markdown_line_start(k),
                        escape::markdown(v)
                    );
                }
                s.push('\n');
                let cells = |r: &[&str]| {
                    r.iter()
                        .map(|c| escape::markdown(c))
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                let _ = writeln!(s, "| {} |", cells(&head));
                let align: Vec<&str> = numeric
                    .iter()
                    .map(|&n| if n { "---:" } else { "---" })
                    .collect();
                let _ = writeln!(s, "|{}|", align.join("|"));
                for r in &texts {
                    let _ = writeln!(s, "| {} |", cells(r));
                }
                for n in &self.notes {
                    let _ = writeln!(s, "\n{}", escape::markdown_line_start(n));
                }
            }
            Format::Html => {
                let _ = writeln!(s, "<section lang=\"{}\">", self.lang.as_str());
                for (i, l) in self.title.iter().enumerate() {
                    let tag = if i == 0 { "h2" } else { "p" };
                    let _ = writeln!(s, "<{tag}>{}</{tag}>", escape::html(l));
                }
                if !lines.is_empty() {
                    s.push_str("<dl>\n");
                    for (k, v) in &lines {
                        let _ = writeln!(
                            s,
                            "<dt>{}</dt><dd>{}</dd>",
                            escape::html(k),
                            escape::html(v)
                        );
                    }
                    s.push_str("</dl>\n");
                }
                s.push_str("<table>\n<thead><tr>");
                for h in &head {
                    let _ = write!(s, "<th scope=\"col\">{}</th>", escape::html(h));
                }
                s.push_str("</tr></thead>\n<tbody>\n");
                for r in &texts {
                    s.push_str("<tr>");
                    for (i, c) in r.iter().enumerate() {
                        let class = if numeric.get(i).copied().unwrap_or(false) {
                            " class=\"num\""
                        } else {
                            ""
                        };
                        let _ = write!(s, "<td{class}>{}</td>", escape::html(c));
                    }
                    s.push_str("</tr>\n");
                }
                s.push_str("</tbody>\n</table>\n");
                for n in &self.notes {
                    let _ = writeln!(s, "<p>{}</p>", escape::html(n));
                }
                s.push_str("</section>\n");
            }
            Format::Csv => {
                let line = |s: &mut String, cells: &[&str]| {
                    let v: Vec<String> = cells.iter().map(|c| escape::csv(c)).collect();
                    s.push_str(&v.join(","));
                    s.push_str("\r\n");
                };
                for l in &self.title {
                    line(&mut s, &[l]);
                }
                for (k, v) in &lines {
                    line(&mut s, &[k, v]);
                }
                s.push_str("\r\n");
                for r in std::iter::once(&head).chain(&texts) {
                    line(&mut s, r);
                }
                for n in &self.notes {
                    s.push_str("\r\n");
                    line(&mut s, &[n]);
                }
            }
        }
        s
    }
}
