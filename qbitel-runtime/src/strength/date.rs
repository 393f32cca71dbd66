//! Years and calendar dates (`2024`, `19870413`, `13/04/87`, `2024-04-13`).

/// Years are priced by distance from this one: recent years are the likeliest guesses.
const REFERENCE_YEAR: i64 = 2025;

/// Even the closest years are not one guess: an attacker tries a window of them.
const MIN_YEAR_SPACE: i64 = 20;

/// Characters people put between day, month and year.
const SEPARATORS: &str = "/-._ \\";

fn year_space(year: i64) -> f64 {
    (year - REFERENCE_YEAR).abs().max(MIN_YEAR_SPACE) as f64
}

/// A two-digit year means whichever of 19xx and 20xx is closer to now.
fn full_year(year: i64) -> i64 {
    if year < 100 {
        if 2000 + year > REFERENCE_YEAR + 20 {
            1900 + year
        } else {
            2000 + year
        }
    } else {
        year
    }
}

fn plausible_year(year: i64) -> bool {
    (1900..=2099).contains(&year)
}

fn day_month(a: i64, b: i64) -> bool {
    let valid = |day: i64, month: i64| (1..=31).contains(&day) && (1..=12).contains(&month);
    valid(a, b) || valid(b, a)
}

/// The value of `len` digits at `start`, if they are all ASCII digits.
fn number(chars: &[char], start: usize, len: usize) -> Option<i64> {
    let digits = chars.get(start..start + len)?;
    digits.iter().try_fold(0i64, |acc, c| {
        c.to_digit(10).map(|d| acc * 10 + i64::from(d))
    })
}

/// How many ASCII digits follow `start`, counting at most `max`.
fn digits_at(chars: &[char], start: usize, max: usize) -> usize {
    chars
        .iter()
        .skip(start)
        .take(max)
        .take_while(|c| c.is_ascii_digit())
        .count()
}

/// Reports `(end, guesses)` for every year or date starting at `start`.
pub(super) fn dates_at(chars: &[char], start: usize, mut report: impl FnMut(usize, f64)) {
    // Every shape starts with a digit; most positions of most secrets do not.
    if !chars.get(start).is_some_and(char::is_ascii_digit) {
        return;
    }
    let run = digits_at(chars, start, 8);
    if run >= 4
        && let Some(year) = number(chars, start, 4).filter(|y| plausible_year(*y))
    {
        report(start + 4, year_space(year));
    }
    let n = |offset: usize, len: usize| number(chars, start + offset, len).unwrap_or(-1);
    if run >= 6 {
        // DDMMYY, MMDDYY, YYMMDD.
        let candidates = [(n(0, 2), n(2, 2), n(4, 2)), (n(2, 2), n(4, 2), n(0, 2))];
        if let Some(&(_, _, year)) = candidates.iter().find(|(a, b, _)| day_month(*a, *b)) {
            report(start + 6, 365.0 * year_space(full_year(year)));
        }
    }
    if run >= 8 {
        // DDMMYYYY, MMDDYYYY, YYYYMMDD.
        let candidates = [(n(0, 2), n(2, 2), n(4, 4)), (n(4, 2), n(6, 2), n(0, 4))];
        if let Some(&(_, _, year)) = candidates
            .iter()
            .find(|(a, b, y)| day_month(*a, *b) && plausible_year(*y))
        {
            report(start + 8, 365.0 * year_space(year));
        }
    }
    separated_date_at(chars, start, &mut report);
}

/// `D/M/Y`, `M/D/Y` and `Y/M/D` with one repeated separator; the separator is one of a few,
/// which multiplies the guesses by four.
fn separated_date_at(chars: &[char], start: usize, report: &mut impl FnMut(usize, f64)) {
    let first_len = digits_at(chars, start, 5);
    let Some(&separator) = chars.get(start + first_len) else {
        return;
    };
    if !matches!(first_len, 1 | 2 | 4) || !SEPARATORS.contains(separator) {
        return;
    }
    let second_start = start + first_len + 1;
    let second_len = digits_at(chars, second_start, 3);
    if !matches!(second_len, 1 | 2) || chars.get(second_start + second_len) != Some(&separator) {
        return;
    }
    let third_start = second_start + second_len + 1;
    let third_run = digits_at(chars, third_start, 4);
    let first = number(chars, start, first_len).unwrap_or(-1);
    let second = number(chars, second_start, second_len).unwrap_or(-1);
    let (third_len, year) = if first_len == 4 {
        (third_run.min(2), first)
    } else if third_run >= 4 {
        (4, number(chars, third_start, 4).unwrap_or(-1))
    } else if third_run >= 2 {
        (2, full_year(number(chars, third_start, 2).unwrap_or(-1)))
    } else {
        return;
    };
    let third = number(chars, third_start, third_len).unwrap_or(-1);
    let valid = if first_len == 4 {
        third_len > 0 && day_month(second, third)
    } else {
        day_month(first, second)
    };
    if valid && plausible_year(year) {
        report(third_start + third_len, 4.0 * 365.0 * year_space(year));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ends(secret: &str) -> Vec<usize> {
        let chars: Vec<char> = secret.chars().collect();
        let mut found = Vec::new();
        dates_at(&chars, 0, |end, _| found.push(end));
        found
    }

    #[test]
    fn finds_years_and_dates() {
        assert_eq!(ends("2024!"), [4]);
        assert_eq!(ends("19870413"), [4, 8]);
        assert_eq!(ends("130487"), [6]);
        assert_eq!(ends("13/04/1987"), [10]);
        assert_eq!(ends("2024-04-13"), [4, 10]);
        assert_eq!(ends("1.2.99"), [6]);
    }

    #[test]
    fn ignores_impossible_dates() {
        assert!(ends("1234").is_empty());
        assert!(ends("3199").is_empty());
        assert!(ends("13/13/2024").is_empty());
        assert!(ends("13/04-1987").is_empty());
        assert!(ends("5/").is_empty());
    }

    #[test]
    fn recent_years_are_cheapest() {
        assert!(year_space(2024) < year_space(1950));
        assert_eq!(year_space(2024), 20.0);
    }
}
