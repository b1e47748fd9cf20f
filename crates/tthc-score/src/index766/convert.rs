//! The conversions from a ratio to points, as small pure functions over exact counts.
//! R is the ratio in percent, numerator ÷ denominator × 100; every function takes a
//! non-zero denominator (a zero one is the profile's zero-denominator treatment, decided
//! before). Products are exact (counts ≤ 2^53 − 1, maxima ≤ 1000); the one division
//! carries 28 significant digits, so that rounding to at most 8 decimals afterwards is
//! the rounding of the exact value.

use crate::base::rounding::quotient;
use rust_decimal::Decimal;

/// R = numerator ÷ denominator × 100, to 25 places (half-up, no trailing zeros); `None`
/// for a zero denominator.
///
/// Source: Decision 766 (index-766.md, "Structure table"): every indicator is a rate "× 100 %".
pub fn percent(numerator: u64, denominator: u64) -> Option<Decimal> {
    // numerator ≤ 2^53 − 1, so × 100 stays below 2^60.
    quotient(numerator.checked_mul(100)?, denominator)
}

/// Saturating at the threshold `t` (in percent): `max` if R ≥ T, else R × max / T.
///
/// Source: index-766.md, "Structure table" ("Score = Max if R ≥ T, otherwise R × Max / T",
/// from the portal's formula document F), confirmed against the portal's scores for 4.3
/// (T = 80 %) and 5.4 (T = 90 %) in its October 2026 update.
pub fn saturating(numerator: u64, denominator: u64, max: Decimal, t: Decimal) -> Decimal {
    debug_assert!(denominator > 0 && t > Decimal::ZERO);
    let n = Decimal::from(numerator) * Decimal::ONE_HUNDRED;
    let d = Decimal::from(denominator) * t;
    if n >= d {
        max
    } else {
        n * max / d
    }
}

/// Linear: R × max / 100 (at most `max`).
///
/// Source: index-766.md, October 2026 update: 1.1, 1.2, 2.1, 4.1, 4.2, 4.4, 4.5
/// "reproduce to 0.01" with R × max / 100.
pub fn linear(numerator: u64, denominator: u64, max: Decimal) -> Decimal {
    saturating(numerator, denominator, max, Decimal::ONE_HUNDRED)
}

/// Complement: points from 100 % − R (at least 0 %), saturating at `t` when given, else
/// linear.
///
/// Source: index-766.md, 5.4 ("100 % − (overdue-dossier rate + rate of dossiers with a
/// PAKN or 'dislike'). T = 90 %"); counting the two rates as one numerator over the
/// dossiers, and a negative complement as 0 %, is inferred.
pub fn complement(numerator: u64, denominator: u64, max: Decimal, t: Option<Decimal>) -> Decimal {
    let good = denominator - numerator.min(denominator);
    saturating(good, denominator, max, t.unwrap_or(Decimal::ONE_HUNDRED))
}

/// One part of a weighted sum: min(cap, weight × numerator ÷ denominator).
///
/// Source: index-766.md, October 2026 update (payment part of group 3: 6·A + min(2, 2.5·B)
/// + 2.5·C, with A, B, C ratios 0–1).
pub fn weighted_part(
    numerator: u64,
    denominator: u64,
    weight: Decimal,
    cap: Option<Decimal>,
) -> Decimal {
    debug_assert!(denominator > 0);
    let v = Decimal::from(numerator) * weight / Decimal::from(denominator);
    match cap {
        Some(c) => v.min(c),
        None => v,
    }
}

/// A weighted sum of parts already computed, capped at the indicator's maximum.
///
/// Source: index-766.md, October 2026 update; the cap is inferred: 6 + 2 + 2.5 = 10.5
/// exceeds the part's 10 points.
pub fn weighted_sum(parts: impl IntoIterator<Item = Decimal>, max: Decimal) -> Decimal {
    parts.into_iter().fold(Decimal::ZERO, |a, b| a + b).min(max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn conversions_by_hand() {
        // 45/50 = 90 % ≥ 80 %: full 2 points; 30/50 = 60 % → 60 × 2 / 80 = 1.5.
        assert_eq!(saturating(45, 50, d("2"), d("80")), d("2"));
        assert_eq!(saturating(30, 50, d("2"), d("80")), d("1.5"));
        assert_eq!(linear(1, 3, d("6")), d("2"));
        assert_eq!(complement(1, 10, d("6"), Some(d("90"))), d("6"));
        assert_eq!(
            complement(3, 10, d("6"), Some(d("90"))).round_dp(10),
            d("4.6666666667")
        );
        assert_eq!(complement(30, 10, d("6"), None), d("0"));
        assert_eq!(weighted_part(1, 1, d("2.5"), Some(d("2"))), d("2"));
        assert_eq!(percent(1, 8), Some(d("12.5")));
        assert_eq!(percent(1, 0), None);
    }
}
