//! Ascending and descending runs of letters or digits (`abcdef`, `98765`, `2468`).

/// Two-character steps happen by chance all the time; three in a row start to mean something.
const MIN_RUN_LEN: usize = 3;

/// Letters and digits, the only classes with an order people type runs in.
fn class(c: char) -> Option<u8> {
    match c {
        'a'..='z' => Some(0),
        'A'..='Z' => Some(1),
        '0'..='9' => Some(2),
        _ => None,
    }
}

/// Reports `(end, guesses)` for every run of at least three characters starting at `start`
/// with a constant step of 1 or 2, either way.
pub(super) fn runs_at(chars: &[char], start: usize, mut report: impl FnMut(usize, f64)) {
    let (Some(&first), Some(&second)) = (chars.get(start), chars.get(start + 1)) else {
        return;
    };
    let Some(first_class) = class(first) else {
        return;
    };
    let step = i64::from(u32::from(second)) - i64::from(u32::from(first));
    if !matches!(step, -2 | -1 | 1 | 2) || class(second) != Some(first_class) {
        return;
    }
    let mut previous = second;
    let mut len = 2;
    while let Some(&next) = chars.get(start + len) {
        if class(next) != Some(first_class)
            || i64::from(u32::from(next)) - i64::from(u32::from(previous)) != step
        {
            break;
        }
        previous = next;
        len += 1;
        if len >= MIN_RUN_LEN {
            report(start + len, guesses(first, len, step));
        }
    }
}

/// zxcvbn's sequence guesses: the starting character (few choices for an obvious start such
/// as `a` or `1`), times the length, doubled for descending and again for a step of two.
fn guesses(first: char, len: usize, step: i64) -> f64 {
    let start_choices = if "aAzZ019".contains(first) {
        4.0
    } else if first.is_ascii_digit() {
        10.0
    } else {
        26.0
    };
    let direction = if step < 0 { 2.0 } else { 1.0 };
    let stride = if step.abs() == 2 { 2.0 } else { 1.0 };
    start_choices * len as f64 * direction * stride
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(secret: &str) -> Vec<(usize, f64)> {
        let chars: Vec<char> = secret.chars().collect();
        let mut found = Vec::new();
        runs_at(&chars, 0, |end, guesses| found.push((end, guesses)));
        found
    }

    #[test]
    fn finds_runs_both_ways() {
        assert_eq!(runs("abcx").as_slice(), [(3, 12.0)]);
        assert_eq!(runs("987654").last(), Some(&(6, 4.0 * 6.0 * 2.0)));
        assert_eq!(runs("2468").last(), Some(&(4, 10.0 * 4.0 * 2.0)));
        assert_eq!(runs("XYZ").len(), 1);
    }

    #[test]
    fn rejects_mixed_classes_and_irregular_steps() {
        assert!(runs("ab").is_empty());
        assert!(runs("yz{").is_empty());
        assert!(runs("9:;").is_empty());
        assert!(runs("aBc").is_empty());
        assert!(runs("adg").is_empty());
        assert!(runs("abd").is_empty());
    }
}
