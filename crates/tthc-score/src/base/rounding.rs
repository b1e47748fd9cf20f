//! The one rounding helper. Every rounded figure in the crate goes through [`round`].
//!
//! `rust_decimal`'s `round_dp` rounds half to even (banker's rounding), which no
//! Vietnamese report uses: 1,125 must show as 1,13, not 1,12 (rules.md, "rounding method",
//! our decision \[D\] where the texts say only "làm tròn").

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// How halves are rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Rounding {
    /// Half up, i.e. away from zero for the non-negative scores here (1,125 → 1,13).
    #[default]
    HalfUp,
}

/// Rounds `value` to `decimals` places with `strategy`, and fixes the scale so that the
/// text form always has exactly `decimals` places ("2.00", not "2").
pub fn round(value: Decimal, decimals: u32, strategy: Rounding) -> Decimal {
    let s = match strategy {
        Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
    };
    let mut r = value.round_dp_with_strategy(decimals, s);
    // After rounding the scale is at most `decimals`, so rescale only pads zeros.
    r.rescale(decimals);
    r
}

/// Decimal places of a "full precision" score. The seed's rules show 2165 / 1132 as
/// "1.9125441696113074204946996": the quotient to 25 places, rounded half-up.
///
/// No later rounding is affected: for p / n with n ≤ 2^53 that is not itself a midpoint
/// at ≤ 10 places, its distance to such a midpoint is at least 1 / (2·10^10·n) > 10^-26.
pub const EXACT_SCALE: u32 = 25;

/// The quotient `p / n` to [`EXACT_SCALE`] places, rounded half-up, computed by exact
/// integer long division and without trailing zeros ("1.125", "2"); `None` when `n` is zero
/// or the result exceeds a decimal's range.
pub fn quotient(p: u64, n: u64) -> Option<Decimal> {
    if n == 0 {
        return None;
    }
    let (int, mut rem) = (p / n, p % n);
    let mut mantissa = i128::from(int);
    let mut scale = 0;
    // Three digits per step while rem · 1000 fits in u64 (always, for counts below 2^53):
    // u64 division is several times faster than u128 division. A zero remainder ends the
    // expansion: the quotient is exact.
    let chunked = n < (1 << 54);
    while scale < EXACT_SCALE && rem != 0 {
        let (digits, base) = if chunked && EXACT_SCALE - scale >= 3 {
            (3, 1000u64)
        } else {
            (1, 10u64)
        };
        let (q, r) = if chunked {
            let x = rem * base;
            (x / n, x % n)
        } else {
            let x = u128::from(rem) * u128::from(base);
            ((x / u128::from(n)) as u64, (x % u128::from(n)) as u64)
        };
        mantissa = mantissa
            .checked_mul(i128::from(base))?
            .checked_add(i128::from(q))?;
        rem = r;
        scale += digits;
    }
    if u128::from(rem) * 2 >= u128::from(n) {
        mantissa = mantissa.checked_add(1)?;
    }
    while scale > 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        scale -= 1;
    }
    Decimal::try_from_i128_with_scale(mantissa, scale).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotient_to_25_places() {
        assert_eq!(
            quotient(2165, 1132).unwrap().to_string(),
            "1.9125441696113074204946996"
        );
        assert_eq!(quotient(2, 1).unwrap().to_string(), "2");
        assert_eq!(quotient(9, 8).unwrap().to_string(), "1.125");
        assert_eq!(
            quotient(2, 3).unwrap().to_string(),
            "0.6666666666666666666666667"
        );
        assert_eq!(quotient(1, 0), None);
        let max = (1u64 << 53) - 1;
        assert_eq!(quotient(2 * max, max).unwrap().to_string(), "2");
        // The u128 path for very large divisors agrees with the chunked one.
        assert_eq!(
            quotient(u64::MAX / 3, u64::MAX).unwrap().to_string(),
            "0.3333333333333333333333333"
        );
        assert_eq!(
            quotient(1, 7).unwrap().to_string(),
            "0.1428571428571428571428571"
        );
        assert_eq!(quotient(1, 8).unwrap().to_string(), "0.125");
    }
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn half_up_differs_from_bankers() {
        assert_eq!(round(d("1.125"), 2, Rounding::HalfUp).to_string(), "1.13");
        assert_eq!(d("1.125").round_dp(2).to_string(), "1.12");
        assert_eq!(round(d("1.25"), 1, Rounding::HalfUp).to_string(), "1.3");
        assert_eq!(round(d("16.745"), 2, Rounding::HalfUp).to_string(), "16.75");
    }

    #[test]
    fn pads_to_fixed_scale() {
        assert_eq!(round(d("2"), 2, Rounding::HalfUp).to_string(), "2.00");
        assert_eq!(round(d("18"), 1, Rounding::HalfUp).to_string(), "18.0");
        assert_eq!(
            round(d("1.9125441696113074204946996"), 2, Rounding::HalfUp).to_string(),
            "1.91"
        );
        assert_eq!(
            round(d("0.004999"), 2, Rounding::HalfUp).to_string(),
            "0.00"
        );
    }
}
