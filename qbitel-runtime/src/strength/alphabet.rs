//! The alphabet a secret was drawn from, which prices every character no pattern explains,
//! and the low-diversity estimate for secrets built from a handful of characters.

/// Added for any non-ASCII character: the attacker does not know which script (as zxcvbn).
const UNICODE_CARDINALITY: f64 = 100.0;

/// Padding and the two extra characters of standard and URL-safe base64.
const BASE64_SYMBOLS: &str = "+/-_=";

/// The size of the smallest common alphabet containing every character of `chars`: digits
/// (10), hex (16), one case (26), one case and digits (36), letters (52), alphanumerics (62),
/// base64 (64), printable ASCII (95), plus 100 if any character is not ASCII.
///
/// Hex and base64 are recognised because they are how generated secrets are written: a
/// 32-character hex key carries 128 bits, not the 165 that "lower case and digits" suggests.
pub(super) fn cardinality(chars: &[char]) -> f64 {
    let (mut lower, mut upper, mut digit) = (false, false, false);
    let (mut lower_beyond_hex, mut upper_beyond_hex) = (false, false);
    let (mut base64_symbol, mut other_symbol, mut unicode) = (false, false, false);
    for &c in chars {
        match c {
            'a'..='f' => lower = true,
            'g'..='z' => (lower, lower_beyond_hex) = (true, true),
            'A'..='F' => upper = true,
            'G'..='Z' => (upper, upper_beyond_hex) = (true, true),
            '0'..='9' => digit = true,
            c if BASE64_SYMBOLS.contains(c) => base64_symbol = true,
            c if c.is_ascii() => other_symbol = true,
            _ => unicode = true,
        }
    }
    let ascii = if other_symbol {
        95.0
    } else if base64_symbol {
        64.0
    } else {
        match (lower, upper, digit) {
            (true, true, true) => 62.0,
            (true, true, false) => 52.0,
            (true, false, _) if !lower_beyond_hex => 16.0,
            (false, true, _) if !upper_beyond_hex => 16.0,
            (true, false, true) | (false, true, true) => 36.0,
            (true, false, false) | (false, true, false) => 26.0,
            (false, false, true) => 10.0,
            (false, false, false) => 0.0,
        }
    };
    if unicode {
        ascii + UNICODE_CARDINALITY
    } else {
        ascii
    }
}

/// Bits to guess `chars` knowing it uses few distinct characters: which `k` of the alphabet,
/// then `k` choices per position. For random secrets this is never below the plain
/// per-character price; for `abaabbbaabab` it is far below.
pub(super) fn diversity_bits(chars: &[char], cardinality: f64) -> f64 {
    let mut ascii_seen = [false; 128];
    let mut others: Vec<char> = Vec::new();
    for &c in chars {
        match ascii_seen.get_mut(c as usize) {
            Some(seen) => *seen = true,
            None => others.push(c),
        }
    }
    others.sort_unstable();
    others.dedup();
    let distinct = ascii_seen.iter().filter(|seen| **seen).count() + others.len();
    let k = distinct as f64;
    let alphabet = cardinality.max(k);
    let choose_bits: f64 = (0..distinct)
        .map(|i| ((alphabet - i as f64) / (i as f64 + 1.0)).log2())
        .sum();
    choose_bits + chars.len() as f64 * k.log2()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(s: &str) -> f64 {
        cardinality(&s.chars().collect::<Vec<_>>())
    }

    #[test]
    fn recognises_generated_alphabets() {
        assert_eq!(card("0123"), 10.0);
        assert_eq!(card("deadbeef0123"), 16.0);
        assert_eq!(card("DEADBEEF0123"), 16.0);
        assert_eq!(card("hello"), 26.0);
        assert_eq!(card("hello123"), 36.0);
        assert_eq!(card("Hello123"), 62.0);
        assert_eq!(card("Hello123-_"), 64.0);
        assert_eq!(card("Hello123+/="), 64.0);
        assert_eq!(card("Hello123!"), 95.0);
        assert_eq!(card("héllo"), 126.0);
    }

    #[test]
    fn few_distinct_characters_cost_little() {
        let chars: Vec<char> = "abaabbbaababbaab".chars().collect();
        let bits = diversity_bits(&chars, 26.0);
        // C(26, 2) pairs, then one bit per character.
        assert!((bits - (325f64.log2() + 16.0)).abs() < 1e-9);
        let single: Vec<char> = "zzzz".chars().collect();
        assert!((diversity_bits(&single, 26.0) - 26f64.log2()).abs() < 1e-9);
    }
}
