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
/// is not itself a midpoint at `d` places lies at least 1 / (2·10^d·n) > 5·10^-25 from one.
/// A *sum* of such quotients is not rounded from them: it may lie exactly on a midpoint or
/// a band's bound that the quotients' sum misses (3 × 4/3), so totals use [`Exact`].
pub const EXACT_SCALE: u32 = 25;

/// The most decimal places a profile may round to (see [`EXACT_SCALE`]).
pub const MAX_DECIMALS: u32 = 8;

/// The quotient `p / n` to [`EXACT_SCALE`] places, rounded half-up, computed by exact
/// integer long division and without trailing zeros ("1.125", "2"); `None` when `n` is zero.
/// A quotient too large for 25 places in a decimal (28 digits: about 7,923 and above, a
/// ratio shown only) keeps as many places as fit.
pub fn quotient(p: u64, n: u64) -> Option<Decimal> {
    if n == 0 {
        return None;
    }
    let (int, rem) = (u128::from(p / n), p % n);
    (0..=EXACT_SCALE)
        .rev()
        .find_map(|places| ratio_to(int, rem, n, places))
}

/// `int + rem / n` (with `rem < n`) to `places` places, half-up, without trailing zeros;
/// `None` beyond a decimal's range.
fn ratio_to(int: u128, mut rem: u64, n: u64, places: u32) -> Option<Decimal> {
    let mut mantissa = i128::try_from(int).ok()?;
    let mut scale = 0;
    // As many digits per step as keep rem · 10^k within a u64 (u64 division is several
    // times faster than u128's): 16 for a thousand dossiers, 2 steps for 25 places. A zero
    // remainder ends the expansion: the quotient is exact.
    const FITS: [u64; 20] = {
        let mut t = [0; 20];
        let mut k = 0;
        while k < 20 {
            t[k] = u64::MAX / 10u64.pow(k as u32);
            k += 1;
        }
        t
    };
    let most = (0..20).rev().find(|&k| FITS[k] >= n).unwrap_or(0) as u32;
    while scale < places && rem != 0 {
        let digits = most.clamp(1, places - scale);
        let base = 10u64.pow(digits);
        let (q, r) = if most > 0 {
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

/// A non-negative rational number held exactly: the sum of indicator scores p / n, or their
/// mean. Totals are rounded and rated from it, because a sum of 25-place quotients can miss
/// a midpoint or a band's bound that the exact sum lies on: 4/3 + 4/3 + 4/3 = 4 exactly,
/// but its quotients add up to 3.9999999999999999999999999 (rules.md: "total = exact sum
/// rounded to 2 decimals"; bounds are inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exact(Ratio);

/// A report's parts share one denominator (its resolved dossiers) or a few small ones:
/// integers of 128 and 64 bits hold them; big integers only when they do not.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Ratio {
    Small {
        num: u128,
        den: u64,
    },
    /// Boxed: the small form is what moves around.
    Big(Box<(Big, Big)>),
}

fn gcd(mut a: u64, mut b: u64) -> u64 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Exact {
    /// Zero.
    pub fn zero() -> Exact {
        Exact(Ratio::Small { num: 0, den: 1 })
    }

    /// `p / n`; `None` when `n` is zero.
    pub fn ratio(p: u64, n: u64) -> Option<Exact> {
        (n > 0).then_some(Exact(Ratio::Small {
            num: u128::from(p),
            den: n,
        }))
    }

    /// A non-negative decimal, exactly; `None` when negative.
    pub fn decimal(d: Decimal) -> Option<Exact> {
        let num = u128::try_from(d.mantissa()).ok()?;
        let scale = 10u128.pow(d.scale());
        Some(Exact(match u64::try_from(scale) {
            Ok(den) => Ratio::Small { num, den },
            Err(_) => Ratio::Big(Box::new((Big::from(num), Big::from(scale)))),
        }))
    }

    /// Numerator and denominator as big integers.
    fn big(&self) -> (Big, Big) {
        match &self.0 {
            Ratio::Small { num, den } => (Big::from(*num), Big::from(u128::from(*den))),
            Ratio::Big(b) => (b.0.clone(), b.1.clone()),
        }
    }

    /// The sum.
    pub fn add(&self, o: &Exact) -> Exact {
        if let (Ratio::Small { num: a, den: x }, Ratio::Small { num: b, den: y }) = (&self.0, &o.0)
        {
            // Without a division: one denominator (a report's parts), or an integer.
            let quick = match (*x, *y) {
                (x, y) if x == y => a.checked_add(*b).map(|num| (num, x)),
                (1, y) => a
                    .checked_mul(u128::from(y))
                    .and_then(|a| a.checked_add(*b))
                    .map(|n| (n, y)),
                (x, 1) => b
                    .checked_mul(u128::from(x))
                    .and_then(|b| b.checked_add(*a))
                    .map(|n| (n, x)),
                _ => None,
            };
            if let Some((num, den)) = quick {
                return Exact(Ratio::Small { num, den });
            }
            let g = gcd(*x, *y);
            let small = (x / g).checked_mul(*y).and_then(|den| {
                let a = a.checked_mul(u128::from(den / x))?;
                let b = b.checked_mul(u128::from(den / y))?;
                Some(Ratio::Small {
                    num: a.checked_add(b)?,
                    den,
                })
            });
            if let Some(r) = small {
                return Exact(r);
            }
        }
        let ((a, x), (b, y)) = (self.big(), o.big());
        Exact(Ratio::Big(Box::new((a.mul(&y).add(&b.mul(&x)), x.mul(&y)))))
    }

    /// The value times `k` / `d`; `None` when `d` is zero.
    pub fn scale(&self, k: u64, d: u64) -> Option<Exact> {
        if d == 0 {
            return None;
        }
        if let Ratio::Small { num, den } = &self.0 {
            let small = num.checked_mul(u128::from(k)).zip(den.checked_mul(d));
            if let Some((num, den)) = small {
                return Some(Exact(Ratio::Small { num, den }));
            }
        }
        let (num, den) = self.big();
        let (k, d) = (Big::from(u128::from(k)), Big::from(u128::from(d)));
        Some(Exact(Ratio::Big(Box::new((num.mul(&k), den.mul(&d))))))
    }

    /// Whether the value is at least `d` (a band's inclusive lower bound).
    pub fn at_least(&self, d: Decimal) -> bool {
        let Ok(m) = u128::try_from(d.mantissa()) else {
            return true; // d < 0 ≤ value
        };
        let pow = 10u128.pow(d.scale());
        // num / den ≥ m / 10^s  ⇔  num · 10^s ≥ m · den
        if let Ratio::Small { num, den } = &self.0 {
            if let (Some(l), Some(r)) = (num.checked_mul(pow), m.checked_mul(u128::from(*den))) {
                return l >= r;
            }
        }
        let (num, den) = self.big();
        let l = num.mul(&Big::from(pow));
        l.cmp(&Big::from(m).mul(&den)) != std::cmp::Ordering::Less
    }

    /// The value rounded to `decimals` (≤ 28) places with `strategy`, exactly; `None` beyond
    /// a decimal's range.
    pub fn round(&self, decimals: u32, strategy: Rounding) -> Option<Decimal> {
        let Rounding::HalfUp = strategy;
        let mut r = match &self.0 {
            Ratio::Small { num, den } => {
                let rem = (num % u128::from(*den)) as u64;
                ratio_to(num / u128::from(*den), rem, *den, decimals)?
            }
            // Half-up, for values ≥ 0: ⌊(2 · num · 10^d + den) / (2 · den)⌋.
            Ratio::Big(b) => {
                let (num, den) = (&b.0, &b.1);
                let n = num.mul(&Big::from(2 * 10u128.checked_pow(decimals)?));
                let q = n.add(den).quotient(&den.mul(&Big::from(2u128)))?;
                Decimal::try_from_i128_with_scale(i128::try_from(q).ok()?, decimals).ok()?
            }
        };
        r.rescale(decimals);
        Some(r)
    }

    /// The value to [`EXACT_SCALE`] places, half-up, without trailing zeros: the "exact"
    /// figure a scorecard shows.
    pub fn to_decimal(&self) -> Option<Decimal> {
        // Fewer places only for a value too large for 25 (never a score: ≤ 18).
        (0..=EXACT_SCALE)
            .rev()
            .find_map(|places| self.round(places, Rounding::HalfUp))
            .map(|d| d.normalize())
    }

    /// `p / n` held as big integers: the tests check both representations agree.
    #[cfg(test)]
    fn big_ratio(p: u64, n: u64) -> Exact {
        Exact(Ratio::Big(Box::new((
            Big::from(u128::from(p)),
            Big::from(u128::from(n)),
        ))))
    }
}

/// A non-negative integer of any size, 32 bits a digit, least significant first, no
/// leading zero digits: only what [`Exact`] needs.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Big(Vec<u32>);

impl From<u128> for Big {
    fn from(mut x: u128) -> Big {
        let mut d = Vec::new();
        while x > 0 {
            d.push(x as u32);
            x >>= 32;
        }
        Big(d)
    }
}

impl Big {
    fn trimmed(mut d: Vec<u32>) -> Big {
        while d.last() == Some(&0) {
            d.pop();
        }
        Big(d)
    }

    fn mul(&self, o: &Big) -> Big {
        let mut r = vec![0u32; self.0.len() + o.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u64;
            for (j, &b) in o.0.iter().enumerate() {
                // At most (2^32 − 1)^2 + 2 (2^32 − 1) = 2^64 − 1.
                let t = u64::from(r[i + j]) + u64::from(a) * u64::from(b) + carry;
                r[i + j] = t as u32;
                carry = t >> 32;
            }
            r[i + o.0.len()] = carry as u32;
        }
        Big::trimmed(r)
    }

    fn add(&self, o: &Big) -> Big {
        let (long, short) = if self.0.len() >= o.0.len() {
            (self, o)
        } else {
            (o, self)
        };
        let mut r = Vec::with_capacity(long.0.len() + 1);
        let mut carry = 0u64;
        for (i, &a) in long.0.iter().enumerate() {
            let t = u64::from(a) + u64::from(short.0.get(i).copied().unwrap_or(0)) + carry;
            r.push(t as u32);
            carry = t >> 32;
        }
        r.push(carry as u32);
        Big::trimmed(r)
    }

    /// `self − o`, for `o ≤ self`.
    fn sub(&self, o: &Big) -> Big {
        let mut r = Vec::with_capacity(self.0.len());
        let mut borrow = 0i64;
        for (i, &a) in self.0.iter().enumerate() {
            let t = i64::from(a) - i64::from(o.0.get(i).copied().unwrap_or(0)) - borrow;
            r.push(t.rem_euclid(1 << 32) as u32);
            borrow = i64::from(t < 0);
        }
        Big::trimmed(r)
    }

    /// `self · 2^bits`.
    fn shl(&self, bits: u32) -> Big {
        let (words, bits) = ((bits / 32) as usize, bits % 32);
        let mut r = vec![0u32; words];
        let mut carry = 0u32;
        for &a in &self.0 {
            r.push(a << bits | carry);
            carry = if bits == 0 { 0 } else { a >> (32 - bits) };
        }
        r.push(carry);
        Big::trimmed(r)
    }

    /// `⌊self / d⌋` when it fits 128 bits (`d` > 0), by long division a bit at a time.
    fn quotient(&self, d: &Big) -> Option<u128> {
        if d.0.is_empty() || self.cmp(&d.shl(128)) != std::cmp::Ordering::Less {
            return None;
        }
        let (mut rest, mut q) = (self.clone(), 0u128);
        for bit in (0..128).rev() {
            let t = d.shl(bit);
            if rest.cmp(&t) != std::cmp::Ordering::Less {
                rest = rest.sub(&t);
                q |= 1 << bit;
            }
        }
        Some(q)
    }

    fn cmp(&self, o: &Big) -> std::cmp::Ordering {
        self.0
            .len()
            .cmp(&o.0.len())
            .then_with(|| self.0.iter().rev().cmp(o.0.iter().rev()))
    }
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
        // Beyond 25 places' range: as many places as a decimal holds (the review's 2.2).
        assert_eq!(
            quotient(40000, 3).unwrap().to_string(),
            "13333.333333333333333333333333"
        );
        assert_eq!(
            quotient(u64::MAX, 3).unwrap().to_string(),
            "6148914691236517205"
        );
        assert_eq!(
            quotient(u64::MAX, 7).unwrap().to_string(),
            "2635249153387078802.1428571429"
        );
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

    fn sum(parts: &[(u64, u64)]) -> Exact {
        parts.iter().fold(Exact::zero(), |a, &(p, n)| {
            a.add(&Exact::ratio(p, n).unwrap())
        })
    }

    /// The review's cases: sums of quotients that never end but are exactly a bound or a
    /// midpoint, which the sum of 25-place quotients misses.
    #[test]
    fn exact_sums_land_on_bounds_and_midpoints() {
        let four = sum(&[(4, 3), (4, 3), (4, 3)]);
        assert_eq!(four.to_decimal().unwrap().to_string(), "4");
        let approx = (0..3).map(|_| quotient(4, 3).unwrap()).sum::<Decimal>();
        assert_eq!(approx.to_string(), "3.9999999999999999999999999");
        assert!(four.at_least(d("4")));
        assert!(!four.at_least(d("4.0000000000000000000000000001")));
        // 14,995 as 531·2/600 … : thirds and sixths that add up to a midpoint.
        let mid = sum(&[(1, 3), (1, 6), (2, 3), (1, 2), (1, 3)])
            .add(&Exact::decimal(d("0.005")).unwrap());
        assert_eq!(mid.to_decimal().unwrap().to_string(), "2.005");
        assert_eq!(mid.round(2, Rounding::HalfUp).unwrap().to_string(), "2.01");
        let below = sum(&[(2, 3), (2, 3), (2, 3)]).scale(1, 3).unwrap();
        assert_eq!(
            below.round(2, Rounding::HalfUp).unwrap().to_string(),
            "0.67"
        );
        assert_eq!(Exact::ratio(1, 0), None);
        assert_eq!(Exact::decimal(d("-1")), None);
        assert!(Exact::zero().at_least(d("-0.5")));
        assert!(!Exact::zero().at_least(d("0.0000000000000000000000000001")));
        // Distinct large denominators (the products need more than 128 bits).
        let n = (1u64 << 52) - 1;
        let big = sum(&[(n, n), (n - 1, n - 2), (3, n), (2 * n - 7, n - 4)]);
        assert!(big.at_least(d("4")));
        assert_eq!(big.round(2, Rounding::HalfUp).unwrap().to_string(), "4.00");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Rounding and band comparisons of a sum of up to nine p / n (n ≤ 60, so that the
        /// reference's common denominator fits an i128) equal the reference in integers.
        #[test]
        fn exact_sums_equal_integer_arithmetic(
            parts in proptest::collection::vec((0u64..=120, 1u64..=60), 0..=9),
            decimals in 0u32..=2,
            bound in 0u64..=1800,
        ) {
            let parts: Vec<(u64, u64)> = parts.into_iter().map(|(p, n)| (p.min(2 * n), n)).collect();
            let (mut num, mut den) = (0i128, 1i128);
            for &(p, n) in &parts {
                num = num * i128::from(n) + i128::from(p) * den;
                den *= i128::from(n);
            }
            let e = sum(&parts);
            // The same sum held in big integers from the start.
            let b = parts
                .iter()
                .fold(Exact::big_ratio(0, 1), |a, &(p, n)| a.add(&Exact::big_ratio(p, n)));
            for places in [decimals, 20, EXACT_SCALE] {
                proptest::prop_assert_eq!(
                    e.round(places, Rounding::HalfUp),
                    b.round(places, Rounding::HalfUp)
                );
            }
            let scale = 10i128.pow(decimals);
            let q = (2 * num * scale + den) / (2 * den);
            proptest::prop_assert_eq!(
                e.round(decimals, Rounding::HalfUp).unwrap(),
                Decimal::from_i128_with_scale(q, decimals)
            );
            // A bound with two decimals: num / den ≥ bound / 100.
            let edge = Decimal::new(bound as i64, 2);
            let want = num * 100 >= i128::from(bound) * den;
            proptest::prop_assert_eq!(e.at_least(edge), want);
            proptest::prop_assert_eq!(b.at_least(edge), want);
            let q25 = (2 * num * 10i128.pow(20) + den) / (2 * den);
            // To 20 places (where the reference fits an i128).
            proptest::prop_assert_eq!(
                e.round(20, Rounding::HalfUp).unwrap(),
                Decimal::from_i128_with_scale(q25, 20)
            );
        }
    }
}
