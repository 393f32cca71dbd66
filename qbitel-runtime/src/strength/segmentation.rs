//! The estimate itself: the cheapest way to write the secret as a sequence of pieces, each a
//! pattern an attacker would enumerate (priced at log2 of its guesses) or a single character
//! (priced at log2 of the alphabet), found by dynamic programming over positions.

use super::WeakPattern;
use super::alphabet;
use super::date;
use super::dictionary::{self, WordId};
use super::keyboard;
use super::repeat::{self, Repeats};
use super::sequence;

/// No pattern piece is cheaper than this many guesses (zxcvbn's floor for a pattern inside a
/// longer secret).
const MIN_PATTERN_GUESSES: f64 = 50.0;

/// A pattern becomes a finding only if it lowered the estimate, compared with pricing its
/// characters one by one, by this much plus log2 of the secret's length. A piece saving `s`
/// bits turns up by chance at a given position of a random string with probability about
/// `2^-s`, so over `n` positions this keeps coincidences (`abc` inside a random token) out of
/// the findings while any pattern that shapes the verdict of a short secret is in them.
const FINDING_MIN_SAVING_BITS: f64 = 8.0;

#[derive(Clone, Copy, Debug)]
enum Piece {
    Char,
    Word(WordId),
    Sequence,
    KeyboardWalk,
    Date,
    Repeat,
}

/// How the cheapest writing of a prefix ends: inside a run of single characters, or with a
/// pattern. Starting a new piece after a pattern costs a boundary; extending a run does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ending {
    Chars = 0,
    Pattern = 1,
}

#[derive(Clone, Copy, Debug)]
struct Link {
    start: usize,
    from: Ending,
    piece: Piece,
    bits: f64,
}

/// The cheapest known way to write each prefix of the secret, for each way it can end.
struct Prefixes {
    bits: [Vec<f64>; 2],
    links: [Vec<Link>; 2],
    /// Bits to say where a piece starts: log2 of the number of positions. This is what keeps
    /// a random string from being "explained" by many short coincidental matches, each
    /// saving a bit or two (zxcvbn charges the factorial of the number of pieces instead).
    boundary_bits: f64,
}

impl Prefixes {
    fn new(n: usize) -> Self {
        let unset = Link {
            start: 0,
            from: Ending::Pattern,
            piece: Piece::Char,
            bits: 0.0,
        };
        let mut bits = [vec![f64::INFINITY; n + 1], vec![f64::INFINITY; n + 1]];
        // The empty prefix counts as ending with a pattern whose boundary is free.
        if let Some(empty) = bits[Ending::Pattern as usize].first_mut() {
            *empty = 0.0;
        }
        Prefixes {
            bits,
            links: [vec![unset; n + 1], vec![unset; n + 1]],
            boundary_bits: (n as f64).log2(),
        }
    }

    fn get(&self, at: usize, ending: Ending) -> f64 {
        self.bits[ending as usize]
            .get(at)
            .copied()
            .unwrap_or(f64::INFINITY)
    }

    fn boundary(&self, at: usize) -> f64 {
        if at == 0 { 0.0 } else { self.boundary_bits }
    }

    fn relax(&mut self, end: usize, ending: Ending, link: Link, total: f64) {
        let e = ending as usize;
        if let (Some(best), Some(slot)) = (self.bits[e].get_mut(end), self.links[e].get_mut(end))
            && total < *best
        {
            *best = total;
            *slot = link;
        }
    }

    fn offer_char(&mut self, start: usize, bits: f64) {
        let extend = self.get(start, Ending::Chars);
        let begin = self.get(start, Ending::Pattern) + self.boundary(start);
        let (from, before) = if extend <= begin {
            (Ending::Chars, extend)
        } else {
            (Ending::Pattern, begin)
        };
        let link = Link {
            start,
            from,
            piece: Piece::Char,
            bits,
        };
        self.relax(start + 1, Ending::Chars, link, before + bits);
    }

    fn offer_pattern(&mut self, start: usize, end: usize, piece: Piece, guesses: f64) {
        let bits = guesses.max(MIN_PATTERN_GUESSES).log2();
        let after_chars = self.get(start, Ending::Chars);
        let after_pattern = self.get(start, Ending::Pattern);
        let (from, before) = if after_chars <= after_pattern {
            (Ending::Chars, after_chars)
        } else {
            (Ending::Pattern, after_pattern)
        };
        let bits = bits + self.boundary(start);
        let link = Link {
            start,
            from,
            piece,
            bits,
        };
        self.relax(end, Ending::Pattern, link, before + bits);
    }

    /// The pieces of the cheapest writing of the first `n` characters, in order.
    fn path(&self, n: usize) -> Vec<(Link, usize)> {
        let mut ending = if self.get(n, Ending::Chars) <= self.get(n, Ending::Pattern) {
            Ending::Chars
        } else {
            Ending::Pattern
        };
        let mut end = n;
        let mut path = Vec::new();
        while end > 0 {
            let Some(&link) = self.links[ending as usize].get(end) else {
                break;
            };
            if link.start >= end {
                break;
            }
            path.push((link, end));
            end = link.start;
            ending = link.from;
        }
        path.reverse();
        path
    }
}

/// The estimate and what lowered it.
#[derive(Debug)]
pub(super) struct Analysis {
    pub bits: f64,
    pub findings: Vec<WeakPattern>,
}

pub(super) fn analyse(secret: &str) -> Analysis {
    let chars: Vec<char> = secret.chars().collect();
    let n = chars.len();
    if n == 0 {
        return Analysis {
            bits: 0.0,
            findings: Vec::new(),
        };
    }
    let cardinality = alphabet::cardinality(&chars);
    let char_bits = cardinality.log2();
    let dict = dictionary::dictionary();
    let mut repeats = Repeats::new(&chars);
    let mut stack = Vec::new();
    let mut prefixes = Prefixes::new(n);
    for i in 0..=n {
        // Reversed words end here; every prefix they extend is already final.
        dict.matches(&chars, i, false, &mut stack, |m| {
            prefixes.offer_pattern(m.start, m.end, Piece::Word(m.word), m.guesses);
        });
        if i == n {
            break;
        }
        prefixes.offer_char(i, char_bits);
        dict.matches(&chars, i, true, &mut stack, |m| {
            prefixes.offer_pattern(m.start, m.end, Piece::Word(m.word), m.guesses);
        });
        sequence::runs_at(&chars, i, |end, guesses| {
            prefixes.offer_pattern(i, end, Piece::Sequence, guesses);
        });
        keyboard::walks_at(&chars, i, |end, guesses| {
            prefixes.offer_pattern(i, end, Piece::KeyboardWalk, guesses);
        });
        date::dates_at(&chars, i, |end, guesses| {
            prefixes.offer_pattern(i, end, Piece::Date, guesses);
        });
        if let Some((end, period)) = repeats.copy_at(i) {
            prefixes.offer_pattern(i, end, Piece::Repeat, repeat::guesses(period, end - i));
        }
    }
    let segmented = prefixes
        .get(n, Ending::Chars)
        .min(prefixes.get(n, Ending::Pattern));
    let significant = FINDING_MIN_SAVING_BITS + (n as f64).log2();
    let mut findings = findings(&prefixes.path(n), char_bits, significant, dict);
    let diverse = alphabet::diversity_bits(&chars, cardinality);
    let bits = if diverse < segmented {
        if segmented - diverse >= significant {
            findings.push(WeakPattern::LowDiversity);
        }
        diverse
    } else {
        segmented
    };
    Analysis { bits, findings }
}

/// The patterns on the cheapest path that saved enough to matter, first appearance first,
/// each class (or word) once.
fn findings(
    path: &[(Link, usize)],
    char_bits: f64,
    significant: f64,
    dict: &dictionary::Dictionary,
) -> Vec<WeakPattern> {
    let mut findings: Vec<WeakPattern> = Vec::new();
    for (link, end) in path {
        let saving = char_bits * (end - link.start) as f64 - link.bits;
        if saving < significant {
            continue;
        }
        let finding = match link.piece {
            Piece::Char => continue,
            Piece::Word(word) => WeakPattern::CommonWord(dict.word(word).to_owned()),
            Piece::Sequence => WeakPattern::Sequence,
            Piece::KeyboardWalk => WeakPattern::KeyboardWalk,
            Piece::Date => WeakPattern::Date,
            Piece::Repeat => WeakPattern::Repeat,
        };
        if !findings.contains(&finding) {
            findings.push(finding);
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_random_characters_by_alphabet() {
        let analysis = analyse("k3J9xQ2mZ7pL4vN8");
        assert!(
            (analysis.bits - 16.0 * 62f64.log2()).abs() < 1e-9,
            "{analysis:?}"
        );
        assert!(analysis.findings.is_empty());
    }

    #[test]
    fn explains_a_weak_password_by_its_parts() {
        let analysis = analyse("Summer2024!Summer2024!");
        assert!(analysis.bits < 40.0, "{analysis:?}");
        assert_eq!(
            analysis.findings,
            [
                WeakPattern::CommonWord("summer".into()),
                WeakPattern::Date,
                WeakPattern::Repeat
            ]
        );
    }

    #[test]
    fn short_coincidences_are_not_findings() {
        // A three-letter run and a short walk inside random base64.
        let analysis = analyse("R8Zc-abc_3kVw0pQeXsdTmYfG1uLh9nJi7oKq2yBxM");
        assert!(analysis.findings.is_empty(), "{analysis:?}");
    }

    #[test]
    fn handles_empty_and_non_ascii() {
        assert_eq!(analyse("").bits, 0.0);
        assert!(analyse("パスワードパスワードパスワード").bits < 60.0);
    }
}
