//! A batch's table rows and results packed for the facade's `unpackRows` and
//! `unpackResults` (src/province.js), which must build exactly the objects
//! serde-wasm-bindgen builds from [`ProvinceRow`] and [`UnitResult::Row`].
//!
//! Three parts cross instead of some twenty values a unit: `names`, the units' names
//! joined by U+001F; `dict`, every distinct other text (decimals as serde writes them —
//! their `Display` —, levels, groups, ratings as code, vi, en) joined likewise; and
//! `ints`, little-endian u32s (a `Uint8Array`), per row: level, group, the number of
//! scores, the scores, total, maximum, rankedBy, rating — each an index into `dict`, or
//! [`ABSENT`] —, then rank and rankInGroup.

use rust_decimal::Decimal;
use serde::Serialize;
use tthc_score::profile::Rating;
use tthc_score::province::{ProvinceRow, UnitResult};

const SEP: char = '\u{1f}';
/// An absent value in `ints`.
const ABSENT: u32 = u32::MAX;
/// How many distinct decimals the dictionary remembers.
const DECIMALS_KEPT: usize = 4096;

/// u32s that cross as the bytes of a `Uint8Array` (serde-wasm-bindgen's bytes).
#[derive(Default)]
pub(super) struct Ints(Vec<u8>);

impl Ints {
    fn push(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
}

impl Serialize for Ints {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.0)
    }
}

/// The packed rows.
#[derive(Serialize)]
pub(super) struct Rows {
    names: String,
    dict: String,
    ints: Ints,
}

/// The distinct texts, each with its index.
#[derive(Default)]
struct Dict {
    text: String,
    len: u32,
    /// Decimals by representation, sorted (a map's code would cost the module 2.5 KB).
    decimals: Vec<(u128, u32)>,
    /// Ratings by their whole value: a profile may give two bands one code.
    ratings: Vec<(Rating, u32)>,
}

impl Dict {
    fn add(&mut self, s: &str) -> u32 {
        if self.len > 0 {
            self.text.push(SEP);
        }
        self.text.push_str(s);
        self.len += 1;
        self.len - 1
    }

    /// A decimal, keyed by its representation (2.0 and 2.00 print differently). A province's
    /// table has a few hundred distinct ones; beyond [`DECIMALS_KEPT`] they are not looked
    /// up again (an entry per use: the same objects, a longer `dict`).
    fn decimal(&mut self, d: Decimal) -> u32 {
        let key = u128::from_le_bytes(d.serialize());
        match self.decimals.binary_search_by_key(&key, |e| e.0) {
            Ok(at) => self.decimals[at].1,
            Err(at) => {
                let i = self.add(&d.to_string());
                if self.decimals.len() < DECIMALS_KEPT {
                    self.decimals.insert(at, (key, i));
                }
                i
            }
        }
    }

    /// A rating: its code, then its labels (vi, en).
    fn rating(&mut self, g: &Rating) -> u32 {
        if let Some(&(_, i)) = self.ratings.iter().find(|(r, _)| r == g) {
            return i;
        }
        let i = self.add(&g.code);
        self.add(&g.label.vi);
        self.add(&g.label.en);
        self.ratings.push((g.clone(), i));
        i
    }
}

/// The serde name of a unit variant (a level, a group), through the module's one serializer.
fn name<T: Serialize>(v: T) -> String {
    crate::to_js(&v)
        .ok()
        .and_then(|j| j.as_string())
        .unwrap_or_default()
}

/// The rows packed, or `None` when a text holds the separator or a row names a profile of
/// its own (then they cross as objects).
pub(super) fn pack_rows(rows: &[ProvinceRow]) -> Option<Rows> {
    let free = |s: &str| !s.contains(SEP);
    let packable = rows.iter().all(|r| {
        r.profile.is_none()
            && free(&r.unit)
            && r.rating.as_ref().map_or(true, |g| {
                free(&g.code) && free(&g.label.vi) && free(&g.label.en)
            })
    });
    if !packable {
        return None;
    }
    let mut dict = Dict::default();
    let mut names = String::with_capacity(rows.len() * 24);
    let mut ints = Ints(Vec::with_capacity(rows.len() * 4 * 18));
    // Levels and groups by their serde names, found once each.
    let (mut levels, mut groups) = (Vec::new(), Vec::new());
    for (n, r) in rows.iter().enumerate() {
        if n > 0 {
            names.push(SEP);
        }
        names.push_str(&r.unit);
        ints.push(match r.level {
            Some(l) => memo(&mut levels, l, &mut dict),
            None => ABSENT,
        });
        ints.push(memo(&mut groups, r.group, &mut dict));
        ints.push(r.scores.len() as u32);
        for s in &r.scores {
            ints.push(s.map_or(ABSENT, |d| dict.decimal(d)));
        }
        for d in [r.total, r.maximum, r.ranked_by] {
            ints.push(dict.decimal(d));
        }
        ints.push(r.rating.as_ref().map_or(ABSENT, |g| dict.rating(g)));
        ints.push(r.rank);
        ints.push(r.rank_in_group);
    }
    Some(Rows {
        names,
        dict: dict.text,
        ints,
    })
}

/// The index of a level's or group's name in `dict` (an entry of its own: a rating's code
/// may be the same text).
fn memo<T: Serialize + PartialEq + Copy>(seen: &mut Vec<(T, u32)>, v: T, dict: &mut Dict) -> u32 {
    match seen.iter().find(|(k, _)| *k == v) {
        Some(&(_, i)) => i,
        None => {
            let i = dict.add(&name(v));
            seen.push((v, i));
            i
        }
    }
}

/// The positions of the rows, when every unit has one (else `None`: they cross as objects).
pub(super) fn pack_results(results: &[UnitResult]) -> Option<Ints> {
    let mut ints = Ints(Vec::with_capacity(results.len() * 4));
    for r in results {
        match r {
            UnitResult::Row(k) => ints.push(*k),
            _ => return None,
        }
    }
    Some(ints)
}
