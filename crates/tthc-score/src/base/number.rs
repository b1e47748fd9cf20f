//! Number formatting. Vietnamese: "." groups thousands and "," marks decimals
//! (1.132 dossiers, 1,91 points); English: 1,132 and 1.91 (rules.md, "Number format").

use super::Lang;
use rust_decimal::Decimal;

/// (thousands separator, decimal mark).
fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    }
}

/// Groups the digits of `int` (ASCII digits only) by thousands into `out`.
fn group(out: &mut String, int: &str, sep: char) {
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
}

/// A whole number with thousands grouping: 1132 → "1.132" (vi) or "1,132" (en).
pub fn count(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    group(&mut out, &digits, separators(lang).0);
    out
}

/// A decimal exactly as its scale says, localized: 16.74 → "16,74" (vi), 1132.5 → "1.132,5".
pub fn decimal(d: Decimal, lang: Lang) -> String {
    let (thousands, point) = separators(lang);
    let text = d.to_string();
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let mut out = String::with_capacity(text.len() + 4);
    out.push_str(sign);
    group(&mut out, int, thousands);
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn counts() {
        assert_eq!(count(1132, Lang::Vi), "1.132");
        assert_eq!(count(1132, Lang::En), "1,132");
        assert_eq!(count(115213, Lang::Vi), "115.213");
        assert_eq!(count(999, Lang::Vi), "999");
        assert_eq!(count(0, Lang::Vi), "0");
        assert_eq!(
            count(9_007_199_254_740_991, Lang::Vi),
            "9.007.199.254.740.991"
        );
    }

    #[test]
    fn decimals() {
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(decimal(d("16.74"), Lang::Vi), "16,74");
        assert_eq!(decimal(d("16.74"), Lang::En), "16.74");
        assert_eq!(decimal(d("18.0"), Lang::Vi), "18,0");
        assert_eq!(decimal(d("2"), Lang::Vi), "2");
        assert_eq!(decimal(d("1234.5"), Lang::Vi), "1.234,5");
        assert_eq!(decimal(d("-1234.5"), Lang::En), "-1,234.5");
    }
}
