//! The per-unit facts the dossiers cannot give (one-stop shares, publicity, feedback,
//! deployment of online services, the unit's level and organization): a side file that
//! completes the tally's report inputs so they can be scored as they are.
//!
//! ```json
//! { "default": { "level": "commune" },
//!   "units": { "UBND xã A": { "organization": "UBND xã A, huyện B",
//!                             "perUnit": { "publicity": { "level": 2 },
//!                                          "onlineServices": { "facts": { "deployedPercent": 25 } } } } } }
//! ```
//! An indicator the file does not give stays undetermined (`{"facts": {}}`: not counted,
//! with `LEVEL_UNDETERMINED`); `onlineUnresolvedOrLate` always comes from the dossiers.

use super::counters::{count, grades, Counters, GradeCounts};
use super::normalize_name;
use crate::error::{Code, Problem};
use crate::input::{
    Dossiers, FeedbackFacts, Official, OneStopFacts, OnlineFacts, Pending, PerDossier, PerUnit,
    Period, PublicityFacts, Received, Report, Resolved, Unit, UnitIndicator, UnitLevel,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The per-unit indicators a side file may give.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
#[allow(missing_docs)]
pub struct UnitIndicatorFacts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_stop: Option<UnitIndicator<OneStopFacts>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publicity: Option<UnitIndicator<PublicityFacts>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<UnitIndicator<FeedbackFacts>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_services: Option<UnitIndicator<OnlineFacts>>,
}

/// What the side file says of one unit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct UnitFactsEntry {
    /// The unit's administrative level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<UnitLevel>,
    /// The reporting body printed in the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// Per-unit indicators.
    #[serde(default)]
    pub per_unit: UnitIndicatorFacts,
}

/// The side file: entries by unit name, and a default for every unit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct UnitFacts {
    /// Applies to every unit, under its own entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<UnitFactsEntry>,
    /// By unit name (compared trimmed and in NFC, like the dossiers' units). A unit given
    /// twice (the same name, or names equal once trimmed and normalized) is ambiguous:
    /// `DUPLICATE_FIELD`.
    #[serde(
        default,
        deserialize_with = "unit_entries",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    #[cfg_attr(
        feature = "ts",
        tsify(type = "Record<string, UnitFactsEntry>", optional)
    )]
    pub units: BTreeMap<String, UnitFactsEntry>,
}

fn duplicate_unit(name: &str) -> Problem {
    // Named as the tally compares it (trimmed, NFC): a name in NFD would otherwise show its
    // combining marks escaped.
    let shown = super::normalize_name(name);
    let shown = crate::base::cut(&shown, crate::base::QUOTED_CHARS);
    Problem::new(
        Code::DuplicateField,
        format!("units.{name}"),
        format!(
            "Đơn vị {shown:?} có hai mục (tên được so sánh sau khi bỏ khoảng trắng đầu cuối và chuẩn hóa Unicode NFC)"
        ),
        format!(
            "the unit {shown:?} has two entries (names are compared trimmed and in Unicode NFC)"
        ),
    )
}

/// The entries by unit, refusing a unit given twice (raised inside the key's visitor, so
/// that the path names the second entry).
fn unit_entries<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, UnitFactsEntry>, D::Error> {
    use serde::de::{DeserializeSeed, Error, MapAccess, Visitor};
    use std::collections::HashSet;
    struct Key<'a>(&'a mut HashSet<String>);
    impl<'de> DeserializeSeed<'de> for Key<'_> {
        type Value = String;
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
            d.deserialize_str(self)
        }
    }
    impl Visitor<'_> for Key<'_> {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a unit name")
        }
        fn visit_str<E: Error>(self, k: &str) -> Result<String, E> {
            if !self.0.insert(normalize_name(k).into_owned()) {
                let p = duplicate_unit(k);
                return Err(E::custom(crate::error::tagged(
                    p.code,
                    &p.message.vi,
                    &p.message.en,
                )));
            }
            Ok(k.to_string())
        }
    }
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = BTreeMap<String, UnitFactsEntry>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("the entries by unit name (an object)")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Self::Value, A::Error> {
            let (mut seen, mut out) = (HashSet::new(), BTreeMap::new());
            while let Some(k) = m.next_key_seed(Key(&mut seen))? {
                let v = m.next_value()?;
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(V)
}

impl UnitFacts {
    /// Checks that no entry gives what the dossiers say (`onlineUnresolvedOrLate`), and
    /// that no unit has two entries (names equal once trimmed and normalized).
    ///
    /// # Errors
    /// `INVALID_VALUE` at the offending entry; `DUPLICATE_FIELD` at the second entry of
    /// a unit.
    pub fn check(&self) -> Result<(), Problem> {
        let mut seen = std::collections::HashSet::new();
        for k in self.units.keys() {
            if !seen.insert(normalize_name(k)) {
                return Err(duplicate_unit(k));
            }
        }
        // Paths in the notation of the JSON reader: `units.UBND xã A.perUnit…`.
        let entries = self
            .default
            .iter()
            .map(|e| ("default".to_string(), e))
            .chain(self.units.iter().map(|(k, e)| (format!("units.{k}"), e)));
        for (path, e) in entries {
            let given = e
                .per_unit
                .online_services
                .as_ref()
                .and_then(|o| o.facts)
                .is_some_and(|f| f.online_unresolved_or_late.is_some());
            if given {
                return Err(Problem::new(
                    Code::InvalidValue,
                    format!("{path}.perUnit.onlineServices.facts.onlineUnresolvedOrLate"),
                    "Số hồ sơ trực tuyến chưa giải quyết hoặc quá hạn được tính từ hồ sơ, không nhập ở đây",
                    "onlineUnresolvedOrLate is counted from the dossiers, not given here",
                ));
            }
        }
        Ok(())
    }

    /// The entry of `name`, if any (names compared normalized).
    pub(super) fn entry(&self, name: &str) -> Option<&UnitFactsEntry> {
        self.units
            .iter()
            .find(|(k, _)| normalize_name(k) == name)
            .map(|(_, e)| e)
    }
}

fn undetermined<F: Default>() -> UnitIndicator<F> {
    UnitIndicator {
        level: None,
        facts: Some(F::default()),
        not_applicable: false,
    }
}

/// The unit's own entry for an indicator, else the default's, else undetermined.
fn indicator<F: Default>(
    entry: Option<&UnitFactsEntry>,
    default: Option<&UnitFactsEntry>,
    get: fn(&UnitIndicatorFacts) -> Option<UnitIndicator<F>>,
) -> UnitIndicator<F> {
    entry
        .and_then(|e| get(&e.per_unit))
        .or_else(|| default.and_then(|e| get(&e.per_unit)))
        .unwrap_or_else(undetermined)
}

fn too_large(name: &str) -> Problem {
    Problem::new(
        Code::CountTooLarge,
        format!("units[{name:?}]"),
        "Số hồ sơ vượt quá 9.007.199.254.740.991",
        "a count exceeds 9007199254740991",
    )
}

/// The report input of one unit.
pub(super) fn report(
    period: Period,
    name: &str,
    c: &Counters,
    officials: &[(String, [GradeCounts; 5])],
    facts: &UnitFacts,
) -> Result<Report, Problem> {
    let big = || too_large(name);
    let entry = facts.entry(name);
    let default = facts.default.as_ref();
    let one_stop = indicator(entry, default, |p| p.one_stop);
    let publicity = indicator(entry, default, |p| p.publicity);
    let feedback = indicator(entry, default, |p| p.feedback);
    let mut online = indicator(entry, default, |p| p.online_services);
    if !online.not_applicable {
        let mut f = online.facts.unwrap_or_default();
        f.online_unresolved_or_late = Some(count(c.online_unresolved_or_late).ok_or_else(big)?);
        online.facts = Some(f);
    }
    let g = |i: usize| grades(&c.grades[i]).ok_or_else(big);
    let officials = officials
        .iter()
        .map(|(n, og)| {
            let og = |i: usize| grades(&og[i]).ok_or_else(big);
            Ok(Official {
                name: n.clone(),
                total_time: og(0)?,
                agency_time: og(1)?,
                contacts: og(2)?,
                agencies: og(3)?,
                attitude: og(4)?,
            })
        })
        .collect::<Result<Vec<_>, Problem>>()?;
    let names: Vec<&str> = officials.iter().map(|o| o.name.as_str()).collect();
    let officials: Vec<Official> = super::by_name(&names)
        .into_iter()
        .map(|i| officials[i].clone())
        .collect();
    let n = |v: u64| count(v).ok_or_else(big);
    Ok(Report {
        period,
        unit: Unit {
            name: name.to_string(),
            level: entry
                .and_then(|e| e.level)
                .or(default.and_then(|e| e.level)),
            organization: entry
                .and_then(|e| e.organization.clone())
                .or(default.and_then(|e| e.organization.clone())),
        },
        dossiers: Dossiers {
            received: Received {
                online: n(c.received_online)?,
                direct: n(c.received_direct)?,
                carried_over: n(c.carried_over)?,
                total: None,
            },
            resolved: Resolved {
                early: n(c.resolved[0])?,
                on_time: n(c.resolved[1])?,
                late: n(c.resolved[2])?,
                total: None,
            },
            pending: Pending {
                within_deadline: n(c.pending_within)?,
                overdue: n(c.pending_overdue)?,
            },
        },
        per_dossier: PerDossier {
            // The total-time grades are the resolved breakdown: left to the core to derive.
            total_time: None,
            agency_time: g(1)?,
            contacts: g(2)?,
            agencies: g(3)?,
            attitude: g(4)?,
        },
        per_unit: PerUnit {
            one_stop,
            publicity,
            feedback,
            online_services: online,
        },
        officials,
        declared: None,
    })
}

crate::base::objects_only!(UnitIndicatorFacts, UnitFactsEntry, UnitFacts);
