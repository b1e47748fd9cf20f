//! The shared bad-input catalogue (`tests/bad-inputs/*.json`, format in its README), run
//! through the public Rust API: every case not marked `"only": "js"` must give exactly the
//! expected code and path (or rejected rows), never a panic, never a hang, and never a
//! score where an error is expected. The Node runner
//! (`packages/tthc-score/test/bad-inputs.test.mjs`) runs the same files through the
//! WebAssembly package.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use tthc_score::dossier_csv::read_csv;
use tthc_score::tally::{Columns, Tally, TallyOptions, UnitFacts};
use tthc_score::{
    add_records_json, check_json, evaluate_json, parse_json, parse_report, render_report, score,
    CheckedProfile, Options, Outcome, Problem, RenderOptions,
};

/// How long one case may take (debug build, shared machine): "finishes quickly".
const CASE_BUDGET: Duration = Duration::from_secs(5);
/// When a case counts as hung.
const HANG: Duration = Duration::from_secs(60);

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

// ------------------------------------------------------------------------------------
// The fixtures as JSON with the order of keys kept (a case may depend on which field of
// an object comes last) and numbers kept as their text.

#[derive(Debug, Clone, PartialEq)]
enum J {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

const NUMBER_TOKEN: &str = "$serde_json::private::Number";

impl<'de> Deserialize<'de> for J {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<J, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = J;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("JSON")
            }
            fn visit_unit<E>(self) -> Result<J, E> {
                Ok(J::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<J, E> {
                Ok(J::Bool(b))
            }
            fn visit_u64<E>(self, n: u64) -> Result<J, E> {
                Ok(J::Num(n.to_string()))
            }
            fn visit_i64<E>(self, n: i64) -> Result<J, E> {
                Ok(J::Num(n.to_string()))
            }
            fn visit_str<E>(self, s: &str) -> Result<J, E> {
                Ok(J::Str(s.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<J, A::Error> {
                let mut v = Vec::new();
                while let Some(x) = a.next_element()? {
                    v.push(x);
                }
                Ok(J::Arr(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<J, A::Error> {
                let mut v: Vec<(String, J)> = Vec::new();
                while let Some(k) = m.next_key::<String>()? {
                    if k == NUMBER_TOKEN && v.is_empty() {
                        // serde_json hands a number's text over as an owned string; a
                        // string of the file (an object that looks the same) is borrowed.
                        match m.next_value::<Owned>()? {
                            Owned::Number(text) => return Ok(J::Num(text)),
                            Owned::Text(text) => {
                                v.push((k, J::Str(text)));
                                continue;
                            }
                        }
                    }
                    v.push((k, m.next_value()?));
                }
                Ok(J::Obj(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// A number's text, which serde_json hands over as an owned string, or a string of the
/// file, which it lends (an object of the catalogue that looks like a number).
enum Owned {
    Number(String),
    Text(String),
}

impl<'de> Deserialize<'de> for Owned {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Owned, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Owned;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_string<E>(self, s: String) -> Result<Owned, E> {
                Ok(Owned::Number(s))
            }
            fn visit_str<E>(self, s: &str) -> Result<Owned, E> {
                Ok(Owned::Text(s.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

impl J {
    fn get(&self, key: &str) -> Option<&J> {
        match self {
            J::Obj(v) => v.iter().find(|(k, _)| k == key).map(|(_, x)| x),
            _ => None,
        }
    }
    fn str(&self, key: &str) -> Option<&str> {
        match self.get(key) {
            Some(J::Str(s)) => Some(s),
            _ => None,
        }
    }
    fn num(&self, key: &str) -> Option<u64> {
        match self.get(key) {
            Some(J::Num(n)) => n.parse().ok(),
            _ => None,
        }
    }
    fn has_js(&self) -> bool {
        match self {
            J::Obj(v) => v.iter().any(|(k, x)| k == "$js" || x.has_js()),
            J::Arr(v) => v.iter().any(J::has_js),
            _ => false,
        }
    }
}

fn read_j(path: &Path) -> J {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ------------------------------------------------------------------------------------
// Materializing an input: `$seed` / `$profile` with `set` and `unset`, `$gen`,
// `$concatArrays` (values); `$concat`, `$repeat`, `$seedText`, `$hex` (texts).

struct Bases {
    seed: J,
    seed_text: String,
    profiles: Vec<(String, J)>,
}

impl Bases {
    fn load() -> Bases {
        let seed_path = repo().join("examples/dien-bien-2021-q2-district.json");
        let profiles = tthc_score::profile::builtin()
            .iter()
            .map(|p| {
                let text = serde_json::to_string(p).unwrap();
                (p.id.to_string(), serde_json::from_str(&text).unwrap())
            })
            .collect();
        Bases {
            seed: read_j(&seed_path),
            seed_text: std::fs::read_to_string(seed_path).unwrap(),
            profiles,
        }
    }
}

/// Steps of a path such as `perDossier.contacts.one` or `order[1]` or `officials[0].name`.
fn steps(path: &str) -> Vec<Result<String, usize>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !key.is_empty() {
            out.push(Ok(key.to_string()));
        }
        for ix in rest.split('[').filter(|s| !s.is_empty()) {
            out.push(Err(ix.trim_end_matches(']').parse().unwrap()));
        }
    }
    out
}

fn slot<'a>(mut cur: &'a mut J, path: &str, create: bool) -> Option<&'a mut J> {
    for s in steps(path) {
        cur = match (cur, s) {
            (J::Obj(v), Ok(k)) => {
                let i = match v.iter().position(|(x, _)| *x == k) {
                    Some(i) => i,
                    None if create => {
                        v.push((k, J::Null));
                        v.len() - 1
                    }
                    None => return None,
                };
                &mut v[i].1
            }
            (J::Arr(v), Err(i)) => v.get_mut(i)?,
            _ => return None,
        };
    }
    Some(cur)
}

fn unset(root: &mut J, path: &str) {
    let (parent, last) = match path.rfind('.') {
        Some(i) => (&path[..i], &path[i + 1..]),
        None => ("", path),
    };
    let p = if parent.is_empty() {
        Some(root)
    } else {
        slot(root, parent, false)
    };
    match p {
        Some(J::Obj(v)) => v.retain(|(k, _)| k != last),
        _ => panic!("unset {path}: no such field"),
    }
}

fn with_changes(mut base: J, spec: &J) -> J {
    if let Some(J::Obj(set)) = spec.get("set") {
        for (path, value) in set {
            *slot(&mut base, path, true).unwrap_or_else(|| panic!("set {path}: no such place")) =
                value.clone();
        }
    }
    if let Some(J::Arr(paths)) = spec.get("unset") {
        for p in paths {
            let J::Str(p) = p else {
                panic!("unset wants strings")
            };
            unset(&mut base, p);
        }
    }
    base
}

fn write_str(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(serde_json::to_string(s).unwrap().as_bytes());
}

/// Writes a value as JSON text, expanding the markers.
fn write_value(b: &Bases, v: &J, out: &mut Vec<u8>) {
    match v {
        J::Null => out.extend_from_slice(b"null"),
        J::Bool(x) => out.extend_from_slice(if *x { b"true" } else { b"false" }),
        J::Num(n) => out.extend_from_slice(n.as_bytes()),
        J::Str(s) => write_str(out, s),
        J::Arr(items) => {
            out.push(b'[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_value(b, x, out);
            }
            out.push(b']');
        }
        J::Obj(fields) => {
            if let Some(J::Str(name)) = v.get("$seed") {
                assert_eq!(name, "district", "unknown seed");
                return write_value(b, &with_changes(b.seed.clone(), v), out);
            }
            if let Some(J::Str(id)) = v.get("$profile") {
                let (_, p) = b.profiles.iter().find(|(x, _)| x == id).expect("profile");
                return write_value(b, &with_changes(p.clone(), v), out);
            }
            if let Some(J::Str(kind)) = v.get("$gen") {
                let times = v.num("times").unwrap_or(0) as usize;
                match kind.as_str() {
                    "repeat" => write_str(out, &v.str("string").unwrap().repeat(times)),
                    "array" => {
                        let mut one = Vec::new();
                        write_value(b, v.get("element").unwrap(), &mut one);
                        out.push(b'[');
                        for i in 0..times {
                            if i > 0 {
                                out.push(b',');
                            }
                            out.extend_from_slice(&one);
                        }
                        out.push(b']');
                    }
                    "nest" => {
                        let depth = v.num("depth").unwrap() as usize;
                        out.extend(std::iter::repeat(b'[').take(depth));
                        write_value(b, v.get("leaf").unwrap(), out);
                        out.extend(std::iter::repeat(b']').take(depth));
                    }
                    other => panic!("unknown $gen {other}"),
                }
                return;
            }
            if let Some(J::Arr(parts)) = v.get("$concatArrays") {
                let mut all = Vec::new();
                for p in parts {
                    let mut t = Vec::new();
                    write_value(b, p, &mut t);
                    let inner = &t[1..t.len() - 1];
                    if !inner.is_empty() {
                        all.push(inner.to_vec());
                    }
                }
                out.push(b'[');
                out.extend_from_slice(&all.join(&b","[..]));
                out.push(b']');
                return;
            }
            out.push(b'{');
            for (i, (k, x)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_str(out, k);
                out.push(b':');
                write_value(b, x, out);
            }
            out.push(b'}');
        }
    }
}

/// A text: a string, or `$concat` of parts, `$repeat`, `$seedText` (with `from`,
/// `replace` or `cut`), `$hex` (raw bytes).
fn text(b: &Bases, t: &J) -> Vec<u8> {
    match t {
        J::Str(s) => s.as_bytes().to_vec(),
        J::Obj(_) => {
            if let Some(J::Arr(parts)) = t.get("$concat") {
                return parts.iter().flat_map(|p| text(b, p)).collect();
            }
            if let Some(s) = t.str("$repeat") {
                return s.repeat(t.num("times").unwrap() as usize).into_bytes();
            }
            if let Some(hex) = t.str("$hex") {
                return (0..hex.len())
                    .step_by(2)
                    .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
                    .collect();
            }
            if t.str("$seedText").is_some() {
                let mut s = b.seed_text.clone();
                if let Some(from) = t.num("from") {
                    s = s[from as usize..].to_string();
                }
                if let Some(J::Arr(r)) = t.get("replace") {
                    let from = String::from_utf8(text(b, &r[0])).unwrap();
                    let to = String::from_utf8(text(b, &r[1])).unwrap();
                    assert!(s.contains(&from), "replace: {from:?} not in the seed");
                    s = s.replacen(&from, &to, 1);
                }
                if let Some(cut) = t.str("cut") {
                    s.truncate(s.find(cut).expect("cut marker"));
                }
                return s.into_bytes();
            }
            panic!("unknown text {t:?}")
        }
        _ => panic!("unknown text {t:?}"),
    }
}

/// Whether JavaScript gives the core the same number: the shortest text of the nearest
/// double has the value of `n`.
fn js_exact(n: &str) -> bool {
    fn norm(t: &str) -> Option<(bool, String, i64)> {
        let (neg, t) = t.strip_prefix('-').map_or((false, t), |r| (true, r));
        let (mant, exp) = match t.find(['e', 'E']) {
            Some(i) => (&t[..i], t[i + 1..].parse::<i64>().ok()?),
            None => (t, 0),
        };
        let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
        let mut digits = format!("{int}{frac}");
        let mut e = exp - frac.len() as i64;
        let lead = digits.len() - digits.trim_start_matches('0').len();
        digits.drain(..lead);
        while digits.ends_with('0') {
            digits.pop();
            e += 1;
        }
        if digits.is_empty() {
            return Some((false, String::new(), 0));
        }
        Some((neg, digits, e))
    }
    let Ok(f) = n.parse::<f64>() else {
        return false;
    };
    f.is_finite() && norm(n).is_some() && norm(n) == norm(&format!("{f}"))
}

fn numbers_js_exact(v: &J) -> Result<(), String> {
    match v {
        J::Num(n) if !js_exact(n) => Err(n.clone()),
        J::Arr(x) => x.iter().try_for_each(numbers_js_exact),
        J::Obj(x) => x.iter().try_for_each(|(_, v)| numbers_js_exact(v)),
        _ => Ok(()),
    }
}

// ------------------------------------------------------------------------------------
// Running one case through the public API.

#[derive(Debug)]
enum Got {
    Problems(Vec<Problem>),
    Scored(String),
    Valid,
    Tally {
        rows: Vec<(u64, String, String)>,
        rejected: u64,
        counted: u64,
    },
}

const TALLY_PERIOD: &str = r#"{"period": "2021-Q2"}"#;
const FACTS_CSV: &str =
    "unit,channel,received_at,time_limit_days\nUBND xã A,online,2021-06-07T08:30,1\n";

fn utf8(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("a JSON input must be UTF-8")
}

fn tally_got(t: &Tally) -> Got {
    let s = t.summary(&UnitFacts::default());
    Got::Tally {
        rows: s
            .rejected_rows
            .iter()
            .map(|r| (r.row, r.code.as_str().to_string(), r.message.en.to_string()))
            .collect(),
        rejected: s.rejected,
        counted: s.counted,
    }
}

fn new_tally(b: &Bases, c: &J) -> Tally {
    let text = match c.get("options") {
        Some(o) => {
            let mut t = Vec::new();
            write_value(b, o, &mut t);
            String::from_utf8(t).unwrap()
        }
        None => TALLY_PERIOD.to_string(),
    };
    let o: TallyOptions = parse_json(&text).expect("the case's tally options");
    Tally::with_options(&o).expect("the case's tally options")
}

fn seed_text(b: &Bases) -> String {
    let mut t = Vec::new();
    write_value(b, &b.seed, &mut t);
    String::from_utf8(t).unwrap()
}

fn run(b: &Bases, c: &J, input: &[u8]) -> Got {
    let one = |r: Result<(), Problem>| match r {
        Ok(()) => Got::Valid,
        Err(p) => Got::Problems(vec![p]),
    };
    match c.str("entry").unwrap() {
        "report" => {
            let text = utf8(input);
            let checked = check_json(text);
            match evaluate_json(text, &Options::default()) {
                Outcome::Errors(e) => {
                    // check_json lists every problem (for forms): at least those of scoring.
                    for p in &e {
                        assert!(
                            checked.iter().any(|q| q.code == p.code && q.path == p.path),
                            "check_json misses {} at {}: {checked:?}",
                            p.code,
                            p.path
                        );
                    }
                    Got::Problems(e)
                }
                Outcome::Scorecard(card) => {
                    assert!(checked.is_empty(), "check_json: {checked:?}, but scored");
                    Got::Scored(card.total.value.to_string())
                }
            }
        }
        "options" => match parse_json::<Options>(utf8(input)) {
            Err(p) => Got::Problems(vec![p]),
            Ok(o) => match evaluate_json(&seed_text(b), &o) {
                Outcome::Errors(e) => Got::Problems(e),
                Outcome::Scorecard(card) => Got::Scored(card.total.value.to_string()),
            },
        },
        "renderOptions" => match parse_json::<RenderOptions>(utf8(input)) {
            Err(p) => Got::Problems(vec![p]),
            Ok(o) => match render_report(&parse_report(&seed_text(b)).unwrap(), &o) {
                Err(e) => Got::Problems(e.0),
                Ok(_) => Got::Valid,
            },
        },
        "profile" => match parse_json::<CheckedProfile>(utf8(input)) {
            Err(p) => Got::Problems(vec![p]),
            Ok(p) => {
                let card = score(&parse_report(&seed_text(b)).unwrap(), &p);
                assert!(card.is_ok(), "a checked profile scores the seed");
                Got::Valid
            }
        },
        "tallyOptions" => one(parse_json::<TallyOptions>(utf8(input))
            .and_then(|o| Tally::with_options(&o))
            .map(|_| ())),
        "unitFacts" => one(parse_json::<UnitFacts>(utf8(input))
            .and_then(|f| f.check().map(|()| f))
            .and_then(|f| {
                let mut t = Tally::vietnam("2021-Q2".parse()?)?;
                read_csv(&mut t, FACTS_CSV.as_bytes(), &mut |_| {})?;
                t.outcome(&f).map(|_| ())
            })),
        "records" => {
            let mut t = new_tally(b, c);
            match add_records_json(&mut t, utf8(input), 1) {
                Err(p) => Got::Problems(vec![p]),
                Ok(()) => tally_got(&t),
            }
        }
        "csv" => {
            let mut t = new_tally(b, c);
            match read_csv(&mut t, input, &mut |_| {}) {
                Err(p) => Got::Problems(vec![p]),
                Ok(()) => tally_got(&t),
            }
        }
        "columns" => {
            let cols: J = serde_json::from_str(utf8(input)).unwrap();
            let ints = |k: &str| -> Option<Vec<i64>> {
                match cols.get(k)? {
                    J::Arr(v) => Some(
                        v.iter()
                            .map(|x| match x {
                                J::Num(n) => n.parse().unwrap(),
                                _ => panic!("column {k}: numbers only"),
                            })
                            .collect(),
                    ),
                    _ => panic!("column {k}: an array"),
                }
            };
            let names = |k: &str| -> Vec<String> {
                match cols.get(k) {
                    Some(J::Arr(v)) => v
                        .iter()
                        .map(|x| match x {
                            J::Str(s) => s.clone(),
                            _ => panic!("{k}: strings"),
                        })
                        .collect(),
                    _ => Vec::new(),
                }
            };
            let u32s = |k| ints(k).map(|v| v.into_iter().map(|x| x as u32).collect::<Vec<_>>());
            let u8s = |k| ints(k).map(|v| v.into_iter().map(|x| x as u8).collect::<Vec<_>>());
            let i32s = |k| ints(k).map(|v| v.into_iter().map(|x| x as i32).collect::<Vec<_>>());
            let (units, officials) = (names("units"), names("officials"));
            let (unit, official) = (u32s("unit").unwrap(), u32s("official"));
            let channel = u8s("channel").unwrap();
            let (rd, rs) = (
                i32s("receivedDay").unwrap(),
                i32s("receivedSecond").unwrap(),
            );
            let (lh, dd, od) = (i32s("limitHalves"), i32s("dueDay"), i32s("originalDueDay"));
            let (sd, ss) = (i32s("restartDay"), i32s("restartSecond"));
            let (vd, vs) = (i32s("resolvedDay"), i32s("resolvedSecond"));
            let (ag, ct, ac, cp) = (
                u8s("agencyGrade"),
                i32s("contacts"),
                u8s("agencies"),
                u8s("complaint"),
            );
            let columns = Columns {
                units: &units,
                unit: &unit,
                officials: &officials,
                official: official.as_deref(),
                channel: &channel,
                received_day: &rd,
                received_second: &rs,
                limit_halves: lh.as_deref(),
                due_day: dd.as_deref(),
                original_due_day: od.as_deref(),
                restart_day: sd.as_deref(),
                restart_second: ss.as_deref(),
                resolved_day: vd.as_deref(),
                resolved_second: vs.as_deref(),
                agency_grade: ag.as_deref(),
                contacts: ct.as_deref(),
                agencies: ac.as_deref(),
                complaint: cp.as_deref(),
            };
            let mut t = new_tally(b, c);
            match t.add_columns(1, &columns) {
                Err(p) => Got::Problems(vec![p]),
                Ok(()) => tally_got(&t),
            }
        }
        other => panic!("unknown entry {other}"),
    }
}

/// Compares what a case got with what it expects; `Err` says how they differ.
fn compare(b: &Bases, expect: &J, got: &Got) -> Result<(), String> {
    let pairs = |ps: &[Problem]| -> Vec<(String, String)> {
        ps.iter()
            .map(|p| (p.code.as_str().to_string(), p.path.clone()))
            .collect()
    };
    let path_of = |j: &J| -> String {
        match j {
            J::Str(s) => s.clone(),
            other => String::from_utf8(text(b, other)).unwrap(),
        }
    };
    // Every message is there in both languages, with none of the markers that carry
    // codes through serde.
    let clean = |m: &str| !m.is_empty() && !m.contains(['\u{1}', '\u{2}', '\u{3}']);
    if let Got::Problems(ps) = got {
        for p in ps {
            if !clean(&p.message.vi) || !clean(&p.message.en) {
                return Err(format!("{}: a bad message {:?}", p.code, p.message));
            }
        }
    }
    if let Got::Tally { rows, .. } = got {
        if let Some(r) = rows.iter().find(|r| !clean(&r.2)) {
            return Err(format!("row {}: a bad message {:?}", r.0, r.2));
        }
    }
    if let Some(code) = expect.str("code") {
        let want = (code.to_string(), path_of(expect.get("path").unwrap()));
        if let (Some(part), Got::Problems(ps)) = (expect.str("messageIncludes"), got) {
            if !ps.first().is_some_and(|p| p.message.en.contains(part)) {
                return Err(format!("the message should quote {part}: {ps:?}"));
            }
        }
        return match got {
            Got::Problems(ps) if pairs(ps).first() == Some(&want) => Ok(()),
            Got::Problems(ps) => Err(format!("want {want:?} first, got {:?}", pairs(ps))),
            other => Err(format!("want {want:?}, got {other:?}")),
        };
    }
    if let Some(J::Arr(list)) = expect.get("problems") {
        let want: Vec<(String, String)> = list
            .iter()
            .map(|p| match p {
                J::Arr(x) => (path_of(&x[0]), path_of(&x[1])),
                _ => panic!("problems: pairs"),
            })
            .collect();
        return match got {
            Got::Problems(ps) if pairs(ps) == want => Ok(()),
            Got::Problems(ps) => Err(format!("want {want:?}, got {:?}", pairs(ps))),
            other => Err(format!("want {want:?}, got {other:?}")),
        };
    }
    if let Some(total) = expect.str("total") {
        return match got {
            Got::Scored(t) if t == total => Ok(()),
            other => Err(format!("want a total of {total}, got {other:?}")),
        };
    }
    if expect.get("valid").is_some() {
        return match got {
            Got::Valid | Got::Scored(_) => Ok(()),
            other => Err(format!("want no error, got {other:?}")),
        };
    }
    if let Some(J::Arr(want)) = expect.get("rejected") {
        let Got::Tally {
            rows,
            rejected,
            counted,
        } = got
        else {
            return Err(format!("want rejected rows, got {got:?}"));
        };
        let want_counted = expect.num("counted").unwrap_or(0);
        let want_rejected = expect.num("rejectedCount").unwrap_or(want.len() as u64);
        if *counted != want_counted || *rejected != want_rejected {
            return Err(format!(
                "want {want_counted} counted and {want_rejected} rejected, got {counted} and {rejected}: {rows:?}"
            ));
        }
        let listed = if expect.get("rejectedCount").is_some() {
            &rows[..want.len().min(rows.len())]
        } else {
            &rows[..]
        };
        if listed.len() != want.len() {
            return Err(format!("want rows {want:?}, got {rows:?}"));
        }
        for (w, (row, code, message)) in want.iter().zip(listed) {
            if w.num("row") != Some(*row) || w.str("code") != Some(code) {
                return Err(format!("want row {w:?}, got {row} {code}: {message}"));
            }
            if let Some(field) = w.str("field") {
                if !message.starts_with(&format!("{field}: ")) {
                    return Err(format!(
                        "row {row}: the message should name {field}: {message}"
                    ));
                }
            }
        }
        return Ok(());
    }
    panic!("unknown expectation {expect:?}")
}

#[test]
fn every_case_of_the_catalogue() {
    let dir = repo().join("tests/bad-inputs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let b = std::sync::Arc::new(Bases::load());
    let (mut ran, mut total, mut js_only) = (0, 0, 0);
    let mut names = std::collections::BTreeSet::new();
    let mut failures = Vec::new();
    let mut slowest = (Duration::ZERO, String::new());
    for f in &files {
        let doc = read_j(f);
        let Some(J::Arr(cases)) = doc.get("cases") else {
            panic!("{}: no cases", f.display())
        };
        for c in cases {
            total += 1;
            let name = c.str("name").expect("a name").to_string();
            assert!(names.insert(name.clone()), "duplicate case name {name}");
            match c.str("only") {
                Some("js") => {
                    js_only += 1;
                    continue;
                }
                Some("rust") | None => {}
                Some(other) => panic!("{name}: only {other}?"),
            }
            assert!(!c.has_js(), "{name}: $js values need \"only\": \"js\"");
            let input = match (c.get("text"), c.get("input")) {
                (Some(t), None) => text(&b, t),
                (None, Some(v)) => {
                    if c.str("only").is_none() {
                        if let Err(n) = numbers_js_exact(v) {
                            panic!("{name}: {n} is not what JavaScript would send: mark the case \"only\": \"rust\"");
                        }
                    }
                    let mut t = Vec::new();
                    write_value(&b, v, &mut t);
                    t
                }
                _ => panic!("{name}: give either input or text"),
            };
            if c.str("entry") == Some("report") && c.get("text").is_some() {
                assert_eq!(
                    c.str("only"),
                    Some("rust"),
                    "{name}: a text reaches only Rust"
                );
            }
            // Each case on its own thread: a panic is caught and named, a hang detected.
            let (tx, rx) = mpsc::channel();
            let (b2, c2) = (b.clone(), c.clone());
            let started = Instant::now();
            std::thread::Builder::new()
                .name(name.clone())
                .spawn(move || {
                    let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        run(&b2, &c2, &input)
                    }));
                    let _ = tx.send(got);
                })
                .unwrap();
            let got = match rx.recv_timeout(HANG) {
                Ok(Ok(got)) => got,
                Ok(Err(_)) => {
                    failures.push(format!("{name}: PANIC"));
                    continue;
                }
                Err(_) => panic!("{name}: no answer after {HANG:?}"),
            };
            let took = started.elapsed();
            if took > slowest.0 {
                slowest = (took, name.clone());
            }
            if took > CASE_BUDGET {
                failures.push(format!("{name}: took {took:?}"));
            }
            if let Err(e) = compare(&b, c.get("expect").unwrap(), &got) {
                failures.push(format!(
                    "{name} ({}): {e}",
                    f.file_name().unwrap().to_string_lossy()
                ));
            }
            ran += 1;
        }
    }
    let mut report = String::new();
    for f in &failures {
        let short: String = f.chars().take(400).collect();
        let _ = writeln!(report, "  {short}");
    }
    eprintln!(
        "bad inputs: {total} cases, {ran} run in Rust, {js_only} JavaScript-only; slowest {} ({:?})",
        slowest.1, slowest.0
    );
    assert!(total >= 80, "the catalogue holds {total} cases");
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{report}",
        failures.len()
    );
}
