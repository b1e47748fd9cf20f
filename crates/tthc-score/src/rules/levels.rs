//! The levels that partly known facts allow: a set, not a range ("0 or 2" is a common
//! answer, e.g. a one-stop desk with 95 % received under TT01: level 1 needs 100 %).
//!
//! A rule is a function of complete facts; with some facts unknown, the possible levels
//! are those the rule gives for some completion of the facts ([`possible`]). Each rule
//! lists, for every unknown fact, a few candidate values that reach every outcome of its
//! conditions (the thresholds and the values either side of them), so the search is
//! exact and small.

use crate::base::Localized;
use crate::input::Level;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A set of levels (0, 1, 2). JSON: the levels in ascending order, e.g. `[0, 2]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct LevelSet(u8);

impl LevelSet {
    /// No level.
    pub const EMPTY: LevelSet = LevelSet(0);
    /// 0, 1 and 2.
    pub const ALL: LevelSet = LevelSet(0b111);

    /// The set of one level.
    pub const fn single(l: Level) -> LevelSet {
        LevelSet(1 << l.points())
    }

    /// The set with `l` added.
    #[must_use]
    pub const fn with(self, l: Level) -> LevelSet {
        LevelSet(self.0 | 1 << l.points())
    }

    /// Whether `l` is possible.
    pub const fn contains(self, l: Level) -> bool {
        self.0 & (1 << l.points()) != 0
    }

    /// The single level, when the facts determine it.
    pub fn exact(self) -> Option<Level> {
        let mut it = self.iter();
        match (it.next(), it.next()) {
            (Some(l), None) => Some(l),
            _ => None,
        }
    }

    /// The levels, ascending.
    pub fn iter(self) -> impl Iterator<Item = Level> {
        [Level::ZERO, Level::ONE, Level::TWO]
            .into_iter()
            .filter(move |l| self.contains(*l))
    }
}

impl FromIterator<Level> for LevelSet {
    fn from_iter<I: IntoIterator<Item = Level>>(it: I) -> Self {
        it.into_iter().fold(LevelSet::EMPTY, LevelSet::with)
    }
}

impl Serialize for LevelSet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for LevelSet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Vec::<Level>::deserialize(d)?.into_iter().collect())
    }
}

/// The levels `rule` gives over every candidate completion of the facts.
pub(crate) fn possible<T>(
    completions: impl IntoIterator<Item = T>,
    rule: impl Fn(T) -> Level,
) -> LevelSet {
    completions.into_iter().map(rule).collect()
}

/// The known value, or else every candidate.
pub(crate) fn known_or<T: Copy>(known: Option<T>, candidates: &[T]) -> Vec<T> {
    match known {
        Some(v) => vec![v],
        None => candidates.to_vec(),
    }
}

/// The words for the possible levels: "mức 1", "mức 0 hoặc 2", "mức 0–2".
pub fn describe_levels(s: LevelSet) -> Localized {
    let points: Vec<u8> = s.iter().map(Level::points).collect();
    match points.as_slice() {
        [l] => Localized::each(|lang| match lang {
            crate::base::Lang::Vi => format!("mức {l}"),
            crate::base::Lang::En => format!("level {l}"),
        }),
        [0, 1, 2] => Localized::fixed("mức 0–2", "level 0–2"),
        [a, b] if b - a == 1 => Localized::each(|lang| match lang {
            crate::base::Lang::Vi => format!("mức {a}–{b}"),
            crate::base::Lang::En => format!("level {a}–{b}"),
        }),
        [a, b] => Localized::each(|lang| match lang {
            crate::base::Lang::Vi => format!("mức {a} hoặc {b}"),
            crate::base::Lang::En => format!("level {a} or {b}"),
        }),
        _ => Localized::fixed("không mức nào", "no level"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets() {
        let s: LevelSet = [Level::TWO, Level::ZERO].into_iter().collect();
        assert!(s.contains(Level::ZERO) && !s.contains(Level::ONE));
        assert_eq!(s.exact(), None);
        assert_eq!(serde_json::to_string(&s).unwrap(), "[0,2]");
        assert_eq!(serde_json::from_str::<LevelSet>("[2,0]").unwrap(), s);
        assert_eq!(describe_levels(s).vi, "mức 0 hoặc 2");
        assert_eq!(describe_levels(LevelSet::ALL).en, "level 0–2");
        assert_eq!(describe_levels(LevelSet::single(Level::ONE)).en, "level 1");
        let s12 = LevelSet::single(Level::ONE).with(Level::TWO);
        assert_eq!(describe_levels(s12).vi, "mức 1–2");
        assert_eq!(s12.exact(), None);
        assert_eq!(LevelSet::single(Level::TWO).exact(), Some(Level::TWO));
    }
}
