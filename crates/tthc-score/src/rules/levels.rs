//! Levels as the known facts allow them: three-valued conditions ([`Tri`]) and the range of
//! levels a rule leaves open ([`LevelRange`]).

use crate::base::Localized;
use crate::input::Level;
use serde::{Deserialize, Serialize};

/// A truth value that may be unknown (Kleene logic).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    /// Known true.
    True,
    /// Known false.
    False,
    /// Not known from the facts given.
    Unknown,
}

impl Tri {
    pub(crate) fn of(b: Option<bool>) -> Tri {
        match b {
            Some(true) => Tri::True,
            Some(false) => Tri::False,
            None => Tri::Unknown,
        }
    }

    pub(crate) fn and(self, o: Tri) -> Tri {
        match (self, o) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::True, Tri::True) => Tri::True,
            _ => Tri::Unknown,
        }
    }

    pub(crate) fn or(self, o: Tri) -> Tri {
        match (self, o) {
            (Tri::True, _) | (_, Tri::True) => Tri::True,
            (Tri::False, Tri::False) => Tri::False,
            _ => Tri::Unknown,
        }
    }
}

/// The levels that the known facts allow, `min..=max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct LevelRange {
    /// Lowest level possible.
    pub min: Level,
    /// Highest level possible.
    pub max: Level,
}

impl LevelRange {
    /// The single level, when the facts determine it.
    pub fn exact(self) -> Option<Level> {
        (self.min == self.max).then_some(self.min)
    }

    /// Whether `level` is possible.
    pub fn allows(self, level: Level) -> bool {
        self.min <= level && level <= self.max
    }

    /// The range of "2 if `two`, else 1 if `one`, else 0".
    pub(crate) fn of(two: Tri, one: Tri) -> LevelRange {
        let mut possible = [false; 3];
        for (level, cond) in [(2usize, two), (1, one), (0, Tri::True)] {
            match cond {
                Tri::True => {
                    possible[level] = true;
                    break;
                }
                Tri::Unknown => possible[level] = true,
                Tri::False => {}
            }
        }
        let lo = possible.iter().position(|&p| p).unwrap_or(0);
        let hi = possible.iter().rposition(|&p| p).unwrap_or(0);
        // lo and hi are 0..=2 by construction.
        LevelRange {
            min: Level::new(lo as u8).unwrap_or(Level::ZERO),
            max: Level::new(hi as u8).unwrap_or(Level::ZERO),
        }
    }
}

/// The words for a level range, for findings.
pub fn describe_range(r: LevelRange) -> Localized {
    match r.exact() {
        Some(l) => Localized::new(
            format!("mức {}", l.points()),
            format!("level {}", l.points()),
        ),
        None => Localized::new(
            format!("mức {}–{}", r.min.points(), r.max.points()),
            format!("level {}–{}", r.min.points(), r.max.points()),
        ),
    }
}
