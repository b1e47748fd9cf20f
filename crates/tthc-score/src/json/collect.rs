//! Every reading problem of a report at once, for forms: a clerk who typed −1, "abc" and
//! 120 in three fields sees three messages, not one.
//!
//! A typed reader stops at its first error. So the text is read; on an error, the text
//! is mended where it is at fault — an unknown field removed, a bad or missing value replaced by the
//! value a complete template report has at the same path (the first element of an array
//! standing for every element), or removed when the template has none — and the mended
//! document is read again, until it reads or nothing more can be mended. Each round
//! finds one more problem, so a report with n bad fields is read n + 1 times (a few
//! microseconds each). The checks between fields (sums, levels against facts) run
//! on the mended report too, but a problem is kept only when no value it depends on was
//! mended (on mended values it would report mistakes the clerk did not make): checks
//! within a part of the report (the period, the unit, the dossier figures, one per-unit
//! indicator, the officials, the published figures) depend on that part, and the
//! per-dossier counts also on the resolved dossiers they must add up to.

use super::path::string_at;
use super::{named, parse_json};
use crate::error::{Code, Problem};
use crate::input::{validate, Report};

/// Rounds at most: one per problem found.
const MAX_PROBLEMS: usize = 200;

/// A report with every field present and readable: where a mended value comes from.
const TEMPLATE: &str = r#"{"period":{"year":2021,"quarter":1},"unit":{"name":"-","level":"commune","organization":"-"},"dossiers":{"received":{"online":0,"direct":0,"carriedOver":0,"total":0},"resolved":{"early":0,"onTime":0,"late":0,"total":0},"pending":{"withinDeadline":0,"overdue":0}},"perDossier":{"totalTime":{"two":0,"one":0,"zero":0,"unknown":0},"agencyTime":{"two":0,"one":0,"zero":0,"unknown":0},"contacts":{"two":0,"one":0,"zero":0,"unknown":0},"agencies":{"two":0,"one":0,"zero":0,"unknown":0},"attitude":{"two":0,"one":0,"zero":0,"unknown":0}},"perUnit":{"oneStop":{"level":2},"publicity":{"level":2},"feedback":{"level":2},"onlineServices":{"level":2}},"officials":[{"name":"-","totalTime":{"two":0,"one":0,"zero":0},"agencyTime":{"two":0,"one":0,"zero":0},"contacts":{"two":0,"one":0,"zero":0},"agencies":{"two":0,"one":0,"zero":0},"attitude":{"two":0,"one":0,"zero":0}}],"declared":{"scores":{"totalTime":"0","agencyTime":"0","contacts":"0","agencies":"0","attitude":"0","oneStop":"0","publicity":"0","feedback":"0","onlineServices":"0"},"total":"0"}}"#;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// `officials[2].contacts.one` → officials, 2, contacts, one. `None` for a path this
/// module did not write (a key with a dot or a bracket in it).
fn steps(path: &str) -> Option<Vec<Step>> {
    let mut out = Vec::new();
    if path.is_empty() {
        return Some(out);
    }
    for part in path.split('.') {
        let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !key.is_empty() {
            out.push(Step::Key(key.to_string()));
        }
        while let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']')?;
            out.push(Step::Index(r[..end].parse().ok()?));
            rest = &r[end + 1..];
        }
        if !rest.is_empty() || (key.is_empty() && out.is_empty()) {
            return None;
        }
    }
    Some(out)
}

/// The text is edited in place (no document tree): the scanner below finds the byte
/// range of the value at a path in text already known to be well-formed JSON.
fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The end of the value starting at `i`.
fn value_end(b: &[u8], i: usize) -> usize {
    let mut depth = 0usize;
    let mut i = i;
    loop {
        match b.get(i) {
            None => return i,
            Some(b'"') => {
                i = string_at(b, i).1;
                if depth == 0 {
                    return i;
                }
                continue;
            }
            Some(b'{' | b'[') => depth += 1,
            // A scalar ends at the bracket that closes its container.
            Some(b'}' | b']') if depth == 0 => return i,
            Some(b'}' | b']') => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            Some(b',' | b':') if depth == 0 => return i,
            Some(c) if depth == 0 && c.is_ascii_whitespace() => return i,
            _ => {}
        }
        i += 1;
    }
}

/// Where one value sits in the text: the member around it (for a key), and the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place {
    member: (usize, usize),
    value: (usize, usize),
}

/// The members (or elements) of the object (or array) starting at `open`.
fn children(b: &[u8], open: usize) -> Vec<(Option<String>, Place)> {
    let mut out = Vec::new();
    if !matches!(b.get(open), Some(b'{' | b'[')) {
        return out;
    }
    let mut i = skip_ws(b, open + 1);
    while i < b.len() && !matches!(b[i], b'}' | b']') {
        let start = i;
        let key = if b[open] == b'{' {
            let (k, next) = string_at(b, i);
            i = skip_ws(b, skip_ws(b, next) + 1);
            Some(k)
        } else {
            None
        };
        let end = value_end(b, i);
        out.push((
            key,
            Place {
                member: (start, end),
                value: (i, end),
            },
        ));
        i = skip_ws(b, end);
        if b.get(i) == Some(&b',') {
            i = skip_ws(b, i + 1);
        }
        // Text that is not a member (a stray `:` where a value belongs): stop rather than
        // read the same place forever (found by the fuzzer: memory without bound).
        if i <= start {
            break;
        }
    }
    out
}

/// The place of the value at `steps` (an index read as the first element when `first`).
fn find(text: &str, steps: &[Step], first: bool) -> Option<Place> {
    let b = text.as_bytes();
    let start = skip_ws(b, 0);
    let mut place = Place {
        member: (start, value_end(b, start)),
        value: (start, value_end(b, start)),
    };
    for s in steps {
        let kids = children(b, place.value.0);
        place = match s {
            Step::Key(k) if b[place.value.0] == b'{' => {
                kids.into_iter()
                    .find(|(key, _)| key.as_deref() == Some(k))?
                    .1
            }
            Step::Index(n) if b[place.value.0] == b'[' => kids.get(if first { 0 } else { *n })?.1,
            _ => return None,
        };
    }
    Some(place)
}

/// `text` with `range` replaced by `with`.
fn splice(text: &str, (from, to): (usize, usize), with: &str) -> String {
    [&text[..from], with, &text[to..]].concat()
}

/// `text` without the member at `place`, and one comma beside it.
fn remove(text: &str, place: Place) -> String {
    let b = text.as_bytes();
    let (from, to) = place.member;
    let after = skip_ws(b, to);
    if b.get(after) == Some(&b',') {
        return splice(text, (from, after + 1), "");
    }
    let before = text[..from].trim_end();
    if before.ends_with(',') {
        return splice(text, (before.len() - 1, to), "");
    }
    splice(text, (from, to), "")
}

/// `text` with `"key": value` added first in the object at `object`.
fn insert(text: &str, object: Place, key: &str, value: &str) -> String {
    let open = object.value.0;
    let empty = text.as_bytes()[skip_ws(text.as_bytes(), open + 1)] == b'}';
    let member = format!("{}:{value}{}", quoted(key), if empty { "" } else { "," });
    splice(text, (open + 1, open + 1), &member)
}

/// A key as a JSON string (keys of the template need no escapes; others are not inserted).
fn quoted(key: &str) -> String {
    format!("\"{key}\"")
}

/// The text mended where `p` found fault; `None` when it cannot be.
fn mend(text: &str, template: &str, p: &Problem) -> Option<String> {
    let steps = steps(&p.path)?;
    let (last, front) = steps.split_last()?;
    let from_template = find(template, &steps, true).map(|t| &template[t.value.0..t.value.1]);
    let here = find(text, &steps, false);
    match (p.code, here, from_template) {
        (Code::UnknownField, Some(at), _) => Some(remove(text, at)),
        (_, Some(at), Some(good)) if &text[at.value.0..at.value.1] != good => {
            Some(splice(text, at.value, good))
        }
        (_, Some(at), None) if matches!(last, Step::Key(_)) => Some(remove(text, at)),
        (Code::MissingField, None, Some(good)) => {
            let Step::Key(key) = last else { return None };
            let parent = find(text, front, false)?;
            (text.as_bytes()[parent.value.0] == b'{').then(|| insert(text, parent, key, good))
        }
        _ => None,
    }
}

/// Every problem of a JSON report: every field that cannot be read (each with its code
/// and path), or, when all can, every problem between fields ([`validate`]). Empty when
/// the report can be scored.
pub fn check_json(json: &str) -> Vec<Problem> {
    let first = match parse_json::<Report>(json) {
        Ok(r) => return validate(&r),
        Err(p) => named(p),
    };
    // Mending needs well-formed text: a text that is not JSON has its one problem.
    if first.code == Code::InvalidJson {
        return vec![first];
    }
    let mut text = json.strip_prefix('\u{feff}').unwrap_or(json).to_string();
    let mut problems = vec![first];
    while problems.len() < MAX_PROBLEMS {
        let Some(mended) = problems.last().and_then(|p| mend(&text, TEMPLATE, p)) else {
            break;
        };
        text = mended;
        match parse_json::<Report>(&text) {
            Ok(report) => {
                let mended: Vec<&str> = problems.iter().map(|p| part(&p.path)).collect();
                let depends_on_mended = |p: &Problem| {
                    let part = part(&p.path);
                    mended.contains(&part)
                        || (part.starts_with("perDossier") && mended.contains(&"dossiers"))
                };
                let rest: Vec<Problem> = validate(&report)
                    .into_iter()
                    .filter(|p| !depends_on_mended(p))
                    .collect();
                problems.extend(rest);
                break;
            }
            Err(p) => {
                // The same fault again: the mending did not take.
                if problems
                    .iter()
                    .any(|q| q.path == p.path && q.code == p.code)
                {
                    break;
                }
                problems.push(named(p));
            }
        }
    }
    problems
}

/// The part of the report a path lies in: its first step, and for the per-unit and
/// per-dossier indicators the indicator (`perUnit.feedback`).
fn part(path: &str) -> &str {
    let end = |from: usize| {
        path[from..]
            .find(['.', '['])
            .map_or(path.len(), |i| from + i)
    };
    let first = end(0);
    match &path[..first] {
        "perUnit" | "perDossier" if first < path.len() => &path[..end(first + 1)],
        _ => &path[..first],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_into_steps() {
        assert_eq!(
            steps("officials[2].contacts.one"),
            Some(vec![
                Step::Key("officials".into()),
                Step::Index(2),
                Step::Key("contacts".into()),
                Step::Key("one".into())
            ])
        );
        assert_eq!(steps(""), Some(vec![]));
        assert_eq!(steps("a[x]"), None);
    }

    #[test]
    fn the_scanner_finds_values_and_edits_keep_json_well_formed() {
        let t = r#"{ "a" : 1 , "b": {"c": [2, "x\"]}", {}], "d": {}}, "e": true }"#;
        let at = |path: &str| {
            let p = find(t, &steps(path).unwrap(), false).unwrap();
            &t[p.value.0..p.value.1]
        };
        assert_eq!(at("a"), "1");
        assert_eq!(at("b.c[1]"), r#""x\"]}""#);
        assert_eq!(at("b.c[2]"), "{}");
        assert_eq!(at("b.d"), "{}");
        assert_eq!(at("e"), "true");
        assert!(find(t, &steps("b.c[3]").unwrap(), false).is_none());
        let ok = |s: &str| serde_json::from_str::<serde::de::IgnoredAny>(s).is_ok();
        for path in ["a", "b", "e", "b.c", "b.d"] {
            let p = find(t, &steps(path).unwrap(), false).unwrap();
            let r = remove(t, p);
            assert!(ok(&r), "{path}: {r}");
            assert!(
                !r.contains(&format!("\"{}\"", path.rsplit('.').next().unwrap())) || path == "b.c"
            );
        }
        let root = find(t, &[], false).unwrap();
        assert!(ok(&insert(t, root, "k", "[1]")));
        let empty = find(t, &steps("b.d").unwrap(), false).unwrap();
        let r = insert(t, empty, "k", "2");
        assert!(ok(&r) && r.contains(r#""d": {"k":2}"#), "{r}");
    }

    #[test]
    fn parts_of_paths() {
        assert_eq!(part("perUnit.feedback.facts.received"), "perUnit.feedback");
        assert_eq!(part("perDossier.contacts"), "perDossier.contacts");
        assert_eq!(part("perDossier"), "perDossier");
        assert_eq!(part("officials[2].name"), "officials");
        assert_eq!(part("dossiers.resolved.total"), "dossiers");
        assert_eq!(part(""), "");
    }

    #[test]
    fn the_template_is_a_report() {
        let r: Report = parse_json(TEMPLATE).unwrap();
        assert_eq!(r.officials.len(), 1);
    }
}
