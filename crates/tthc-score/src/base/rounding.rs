//! The one rounding helper. Every rounded figure in the crate goes through [`round`].
//!
//! `rust_decimal`'s `round_dp` rounds half to even (banker's rounding), which no
//! Vietnamese report uses: 1,125 must show as 1,13, not 1,12 (rules.md, "rounding method",
//! our decision \[D\] where the texts say only "làm tròn").

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// How halves are rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
/// Rounding that value again to `d` ≤ [`MAX_DECIMALS`] places gives the exact half-up
/// rounding of p / n for every n < 2^52 (the largest sum of a group of counts): a p / n that
/// is not itself a midpoint at `d` places lies at least 1 / (2·10^d·n) > 5·10^-25 from one,
/// which exceeds the error of the sum of five 25-place quotients (5 × ½·10^-25), so neither
/// an indicator nor a total of them can cross a midpoint.
pub const EXACT_SCALE: u32 = 25;

/// The most decimal places a profile may round to (see [`EXACT_SCALE`]).
pub const MAX_DECIMALS: u32 = 8;

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

    /// Half-up rounding of p / n to `d` places, in integers: the reference.
    fn exact_round(p: u64, n: u64, d: u32) -> Decimal {
        let scaled = u128::from(p) * 10u128.pow(d);
        let (q, r) = (scaled / u128::from(n), scaled % u128::from(n));
        let q = if 2 * r >= u128::from(n) { q + 1 } else { q };
        Decimal::from_i128_with_scale(q as i128, d)
    }

    /// p / n rounded at `d` places, alone and as a total of five such quotients (the worst
    /// case for the accumulated error), equals the exact half-up rounding.
    fn check(p: u64, n: u64, d: u32) {
        let q = quotient(p, n).unwrap();
        assert_eq!(
            round(q, d, Rounding::HalfUp),
            exact_round(p, n, d),
            "{p}/{n} at {d}"
        );
        let five = (0..5).map(|_| q).fold(Decimal::ZERO, |a, b| a + b);
        assert_eq!(
            round(five, d, Rounding::HalfUp),
            exact_round(5 * p, n, d),
            "5×{p}/{n} at {d}"
        );
    }

    /// The claim of [`EXACT_SCALE`], at the limits: the largest group sums and the most
    /// decimals a profile may ask for, for quotients and for sums of five of them.
    #[test]
    fn rounding_the_25_place_quotient_is_exact() {
        let ns = [
            (1u64 << 52) - 1,
            (1 << 52) - 3,
            999_999_999_999_989,
            1132,
            7,
        ];
        for n in ns {
            for k in 0..2000u64 {
                let random = k.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(k) % (2 * n + 1);
                for d in [1, 2, MAX_DECIMALS] {
                    // The numerators closest to a midpoint at d places: the hard cases.
                    let m = u128::from(k % 20);
                    let mid = ((2 * m + 1) * u128::from(n) / (2 * 10u128.pow(d))) as u64;
                    for p in [random, mid.saturating_sub(1), mid, mid + 1] {
                        check(p, n, d);
                    }
                }
            }
        }
    }

    /// The hardest cases by construction: n = 2·10^d·t + 1 puts p = (2m+1)·t at the least
    /// possible distance below a midpoint, 1 / (2·10^d·n), for the largest n allowed.
    #[test]
    fn rounding_is_exact_at_the_closest_midpoints() {
        for d in 1..=MAX_DECIMALS {
            let step = 2 * 10u64.pow(d);
            let t = ((1u64 << 52) - 2) / step;
            for n in [step * t + 1, step * t - 1] {
                for m in 0..5u64 {
                    let p = (2 * m + 1) * t;
                    check(p, n, d);
                }
            }
        }
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
