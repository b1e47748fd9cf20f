//! Capitals for the report header: the seed prints the unit and its organization in
//! capitals ("UBND HUYỆN ĐIỆN BIÊN"). Every Vietnamese letter, and every Latin letter of
//! the Latin-1, Latin Extended-A and Latin Extended Additional blocks whose capital is one
//! letter of those blocks, is put in upper case exactly as Unicode says (`str::to_uppercase`,
//! which a test compares over those blocks; ß is SS); the others (µ, ŉ, ẖ ẗ ẘ ẙ ẚ) and
//! letters of other scripts are left as written. Unicode's whole case tables
//! would cost about 7 KB of gzip in the browser's main module, for names that are
//! Vietnamese.

/// `s` in capitals (see the module).
pub fn upper(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ß' => out.push_str("SS"),
            _ => out.push(upper_char(c)),
        }
    }
    out
}

fn upper_char(c: char) -> char {
    let u = c as u32;
    let to = match u {
        0x61..=0x7A => u - 0x20,
        // Latin-1: à…þ, but not ÷.
        0xE0..=0xFE if u != 0xF7 => u - 0x20,
        0xFF => 0x178,
        // Latin Extended-A: pairs, the capital first, then from Ĺ the capital second.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u % 2 == 1 => u - 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 0 => u - 1,
        0x131 => 0x49,    // dotless ı
        0x17F => 0x53,    // long ſ
        0x1E9B => 0x1E60, // ẛ
        0x1A1 => 0x1A0,   // ơ
        0x1B0 => 0x1AF,   // ư
        // Latin Extended Additional (every Vietnamese vowel with its tone): pairs.
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if u % 2 == 1 => u - 1,
        _ => u,
    };
    char::from_u32(to).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_as_unicode_says_over_the_latin_blocks() {
        let covered = |u: u32| matches!(u, 0x20..=0x7E | 0xA0..=0x17F | 0x1A0 | 0x1A1 | 0x1AF | 0x1B0 | 0x1E00..=0x1EFF);
        for c in (0..=0x1EFF)
            .filter(|&u| covered(u))
            .filter_map(char::from_u32)
        {
            let want: String = c.to_uppercase().collect();
            // Letters whose capital is outside these blocks or more than one letter (µ → Μ,
            // ŉ → ʼN, ẖ → H̱ …) stay as written; ß is SS.
            let kept =
                want.chars().count() > 1 && c != 'ß' || want.chars().any(|w| !covered(w as u32));
            let got = upper(&c.to_string());
            if kept {
                assert_eq!(got, c.to_string(), "{c} U+{:04X}", c as u32);
            } else {
                assert_eq!(got, want, "{c} U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn vietnamese_names() {
        assert_eq!(
            upper("UBND huyện Điện Biên, tỉnh Điện Biên"),
            "UBND HUYỆN ĐIỆN BIÊN, TỈNH ĐIỆN BIÊN"
        );
        assert_eq!(
            upper("ủy ban nhân dân xã Ẳng Nưa, Mường Ảng"),
            "ỦY BAN NHÂN DÂN XÃ ẲNG NƯA, MƯỜNG ẢNG"
        );
        let lower = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
        assert_eq!(upper(lower), lower.to_uppercase());
        // Other scripts as written.
        assert_eq!(upper("Ωμέγα"), "Ωμέγα");
    }
}
