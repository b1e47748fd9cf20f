//! A titled table of text cells in every output format, escaped: the province table, a
//! consolidated result and the audit of a published table all render through it.

use super::{escape, Format};
use std::fmt::Write;

/// A title, labelled lines, a table and notes.
#[derive(Debug, Default)]
pub(super) struct Grid {
    pub title: Vec<String>,
    pub lines: Vec<(String, String)>,
    pub head: Vec<String>,
    /// Whether each column is numeric (right-aligned in Markdown).
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
    pub notes: Vec<String>,
}

impl Grid {
    pub fn render(&self, format: Format, lang_code: &str) -> String {
        let mut s = String::with_capacity(4096 + 64 * self.rows.len());
        match format {
            Format::Table => {
                for l in &self.title {
                    let _ = writeln!(s, "{}", escape::plain(l));
                }
                for (k, v) in &self.lines {
                    let _ = writeln!(s, "{}: {}", escape::plain(k), escape::plain(v));
                }
                s.push('\n');
                for r in std::iter::once(&self.head).chain(&self.rows) {
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
                for (k, v) in &self.lines {
                    let _ = writeln!(
                        s,
                        "{}: **{}**  ",
                        escape::markdown_line_start(k),
                        escape::markdown(v)
                    );
                }
                s.push('\n');
                let cells = |r: &[String]| {
                    r.iter()
                        .map(|c| escape::markdown(c))
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                let _ = writeln!(s, "| {} |", cells(&self.head));
                let align: Vec<&str> = (0..self.head.len())
                    .map(|i| {
                        if self.numeric.get(i).copied().unwrap_or(false) {
                            "---:"
                        } else {
                            "---"
                        }
                    })
                    .collect();
                let _ = writeln!(s, "|{}|", align.join("|"));
                for r in &self.rows {
                    let _ = writeln!(s, "| {} |", cells(r));
                }
                for n in &self.notes {
                    let _ = writeln!(s, "\n{}", escape::markdown_line_start(n));
                }
            }
            Format::Html => {
                let _ = writeln!(s, "<section lang=\"{lang_code}\">");
                for (i, l) in self.title.iter().enumerate() {
                    let tag = if i == 0 { "h2" } else { "p" };
                    let _ = writeln!(s, "<{tag}>{}</{tag}>", escape::html(l));
                }
                if !self.lines.is_empty() {
                    s.push_str("<dl>\n");
                    for (k, v) in &self.lines {
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
                for h in &self.head {
                    let _ = write!(s, "<th scope=\"col\">{}</th>", escape::html(h));
                }
                s.push_str("</tr></thead>\n<tbody>\n");
                for r in &self.rows {
                    s.push_str("<tr>");
                    for (i, c) in r.iter().enumerate() {
                        let class = if self.numeric.get(i).copied().unwrap_or(false) {
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
                for (k, v) in &self.lines {
                    line(&mut s, &[k, v]);
                }
                s.push_str("\r\n");
                for r in std::iter::once(&self.head).chain(&self.rows) {
                    let cells: Vec<&str> = r.iter().map(String::as_str).collect();
                    line(&mut s, &cells);
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
