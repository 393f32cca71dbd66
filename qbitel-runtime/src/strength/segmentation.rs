//! The estimate itself: the cheapest way to write the secret as a sequence of pieces, each a
//! pattern an attacker would enumerate (priced at log2 of its guesses) or a single character
//! (priced at log2 of the alphabet), found by dynamic programming over positions.

use std::collections::BTreeMap;

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

/// Prefix costs are kept for a sliding window of positions, not for the whole secret: pieces
/// are read from at most `MAX_WORD_LEN` positions back (reversed words) and, except for
/// repeats, end within `NEAR` positions ahead (words 20, sequences 26, walks 16, dates 10).
const WINDOW: usize = 64;

/// Pieces ending further ahead than this wait in `Prefixes::far` until the window reaches them.
const NEAR: usize = 32;

const _: () = assert!(WINDOW.is_power_of_two() && NEAR + dictionary::MAX_WORD_LEN < WINDOW);

/// A pattern piece, as far as the findings care: its class, and the word for a dictionary word.
#[derive(Clone, Copy, Debug)]
enum Piece {
    Word(WordId),
    Sequence,
    KeyboardWalk,
    Date,
    Repeat,
}

impl Piece {
    /// The piece packed into a `Finding` (never `Finding::NONE`).
    fn finding(self) -> Finding {
        Finding(match self {
            Piece::Sequence => 1,
            Piece::KeyboardWalk => 2,
            Piece::Date => 3,
            Piece::Repeat => 4,
            Piece::Word(word) => word.index().saturating_add(FIRST_WORD_CODE),
        })
    }
}

/// `Finding` codes from here on are dictionary words; below it, `NONE` and the other classes.
const FIRST_WORD_CODE: u32 = 5;

/// What a pattern piece would report if it ends up on the cheapest path: decided when the
/// piece is offered (its saving is known then), so the path keeps four bytes per position
/// instead of the piece and its price.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Finding(u32);

impl Finding {
    const NONE: Finding = Finding(0);

    fn pattern(self, dict: &dictionary::Dictionary) -> Option<WeakPattern> {
        match self.0 {
            0 => None,
            1 => Some(WeakPattern::Sequence),
            2 => Some(WeakPattern::KeyboardWalk),
            3 => Some(WeakPattern::Date),
            4 => Some(WeakPattern::Repeat),
            code => Some(WeakPattern::CommonWord(
                dict.word(WordId::new(code - FIRST_WORD_CODE)).to_owned(),
            )),
        }
    }
}

/// How the cheapest writing of a prefix ends: inside a run of single characters, or with a
/// pattern. Starting a new piece after a pattern costs a boundary; extending a run does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ending {
    Chars = 0,
    Pattern = 1,
}

impl Ending {
    /// Bit in `Prefixes::from_pattern` saying that the link into this ending comes from a
    /// prefix ending with a pattern.
    const fn link_bit(self) -> u8 {
        1 << self as u8
    }
}

/// Where the cheapest writing of a prefix ending with a pattern starts its last piece.
/// (A prefix ending with characters always starts its last piece one position back.)
#[derive(Clone, Copy, Debug)]
struct PatternLink {
    start: u32,
    finding: Finding,
}

/// A pattern piece offered to a position beyond the window.
#[derive(Clone, Copy, Debug)]
struct FarOffer {
    total: f64,
    start: usize,
    from: Ending,
    finding: Finding,
}

/// The cheapest known way to write each prefix of the secret, for each way it can end.
///
/// Costs are only needed near the position being extended, so they live in a ring of
/// `WINDOW` positions; the links back, needed to find the path once the end is reached, take
/// five bytes per position.
struct Prefixes {
    bits: [[f64; 2]; WINDOW],
    far: BTreeMap<usize, FarOffer>,
    pattern_links: Vec<PatternLink>,
    /// Per position, `Ending::link_bit` set for each ending whose link comes from a
    /// prefix ending with a pattern.
    from_pattern: Vec<u8>,
    /// Bits to say where a piece starts: log2 of the number of positions. This is what keeps
    /// a random string from being "explained" by many short coincidental matches, each
    /// saving a bit or two (zxcvbn charges the factorial of the number of pieces instead).
    boundary_bits: f64,
    /// Characters' price, for deciding which pieces save enough to be findings.
    char_bits: f64,
    significant: f64,
    min_pattern_bits: f64,
    n: usize,
}

impl Prefixes {
    fn new(n: usize, char_bits: f64, significant: f64) -> Self {
        let mut bits = [[f64::INFINITY; 2]; WINDOW];
        // The empty prefix counts as ending with a pattern whose boundary is free.
        bits[0][Ending::Pattern as usize] = 0.0;
        let unset = PatternLink {
            start: 0,
            finding: Finding::NONE,
        };
        Prefixes {
            bits,
            far: BTreeMap::new(),
            pattern_links: vec![unset; n + 1],
            from_pattern: vec![Ending::Chars.link_bit() | Ending::Pattern.link_bit(); n + 1],
            boundary_bits: (n as f64).log2(),
            char_bits,
            significant,
            min_pattern_bits: MIN_PATTERN_GUESSES.log2(),
            n,
        }
    }

    /// Cost of the prefix of length `at`, which must lie in the window.
    fn get(&self, at: usize, ending: Ending) -> f64 {
        self.bits[at % WINDOW][ending as usize]
    }

    fn boundary(&self, at: usize) -> f64 {
        if at == 0 { 0.0 } else { self.boundary_bits }
    }

    /// Called before extending from position `at`: brings position `at + NEAR` into the
    /// window, with any far pieces already offered to it. No position the window still holds
    /// is needed any more: reads reach back at most `MAX_WORD_LEN`.
    fn advance(&mut self, at: usize) {
        let entering = at + NEAR;
        if at == 0 || entering > self.n {
            return;
        }
        self.bits[entering % WINDOW] = [f64::INFINITY; 2];
        if !self.far.is_empty()
            && let Some(offer) = self.far.remove(&entering)
        {
            self.relax_pattern(
                offer.start,
                entering,
                offer.from,
                offer.finding,
                offer.total,
            );
        }
    }

    fn relax_pattern(
        &mut self,
        start: usize,
        end: usize,
        from: Ending,
        finding: Finding,
        total: f64,
    ) {
        let best = &mut self.bits[end % WINDOW][Ending::Pattern as usize];
        if total < *best {
            *best = total;
            if let (Some(link), Some(flags)) = (
                self.pattern_links.get_mut(end),
                self.from_pattern.get_mut(end),
            ) {
                *link = PatternLink {
                    start: u32::try_from(start).unwrap_or(u32::MAX),
                    finding,
                };
                set_from(flags, Ending::Pattern, from);
            }
        }
    }

    fn offer_char(&mut self, start: usize) {
        let extend = self.get(start, Ending::Chars);
        let begin = self.get(start, Ending::Pattern) + self.boundary(start);
        let (from, before) = if extend <= begin {
            (Ending::Chars, extend)
        } else {
            (Ending::Pattern, begin)
        };
        let total = before + self.char_bits;
        let best = &mut self.bits[(start + 1) % WINDOW][Ending::Chars as usize];
        if total < *best {
            *best = total;
            if let Some(flags) = self.from_pattern.get_mut(start + 1) {
                set_from(flags, Ending::Chars, from);
            }
        }
    }

    /// Offers the piece `[start, end)`; `start` must lie in the window, and `end` must not
    /// lie beyond `start + NEAR` unless `start` is the position being extended.
    fn offer_pattern(&mut self, start: usize, end: usize, piece: Piece, guesses: f64) {
        if end > self.n {
            return;
        }
        let after_chars = self.get(start, Ending::Chars);
        let after_pattern = self.get(start, Ending::Pattern);
        let (from, before) = if after_chars <= after_pattern {
            (Ending::Chars, after_chars)
        } else {
            (Ending::Pattern, after_pattern)
        };
        let near = end <= start + NEAR;
        // No piece costs less than the floor, so a piece that could not beat the best writing
        // even at the floor is dropped before its logarithm is taken (weak text offers many).
        if near
            && before + (self.min_pattern_bits + self.boundary(start))
                >= self.get(end, Ending::Pattern)
        {
            return;
        }
        let bits = guesses.max(MIN_PATTERN_GUESSES).log2();
        let bits = bits + self.boundary(start);
        let saving = self.char_bits * (end - start) as f64 - bits;
        let finding = if saving < self.significant {
            Finding::NONE
        } else {
            piece.finding()
        };
        let total = before + bits;
        if near {
            self.relax_pattern(start, end, from, finding, total);
        } else {
            let offer = FarOffer {
                total,
                start,
                from,
                finding,
            };
            self.far
                .entry(end)
                .and_modify(|best| {
                    if total < best.total {
                        *best = offer;
                    }
                })
                .or_insert(offer);
        }
    }

    /// The cost of the whole secret, and the findings on its cheapest writing, first
    /// appearance first, each class (or word) once.
    fn finish(&self, dict: &dictionary::Dictionary) -> (f64, Vec<WeakPattern>) {
        let n = self.n;
        let (chars, pattern) = (self.get(n, Ending::Chars), self.get(n, Ending::Pattern));
        let mut ending = if chars <= pattern {
            Ending::Chars
        } else {
            Ending::Pattern
        };
        let mut end = n;
        let mut found = Vec::new();
        while end > 0 {
            let Some(&flags) = self.from_pattern.get(end) else {
                break;
            };
            let start = match ending {
                Ending::Chars => end - 1,
                Ending::Pattern => {
                    let Some(link) = self.pattern_links.get(end) else {
                        break;
                    };
                    if link.finding != Finding::NONE {
                        found.push(link.finding);
                    }
                    link.start as usize
                }
            };
            if start >= end {
                break;
            }
            end = start;
            ending = if flags & ending.link_bit() != 0 {
                Ending::Pattern
            } else {
                Ending::Chars
            };
        }
        let mut findings: Vec<WeakPattern> = Vec::new();
        for finding in found.iter().rev().filter_map(|f| f.pattern(dict)) {
            if !findings.contains(&finding) {
                findings.push(finding);
            }
        }
        (chars.min(pattern), findings)
    }
}

fn set_from(flags: &mut u8, ending: Ending, from: Ending) {
    if from == Ending::Pattern {
        *flags |= ending.link_bit();
    } else {
        *flags &= !ending.link_bit();
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
    let significant = FINDING_MIN_SAVING_BITS + (n as f64).log2();
    let dict = dictionary::dictionary();
    let mut repeats = Repeats::new(&chars);
    let anchors = dict.anchors(&chars);
    let mut stack = Vec::new();
    let mut prefixes = Prefixes::new(n, char_bits, significant);
    for i in 0..=n {
        prefixes.advance(i);
        // Reversed words end here; every prefix they extend is already final.
        if anchors.backwards(i) {
            dict.matches(&chars, i, false, &mut stack, |m| {
                prefixes.offer_pattern(m.start, m.end, Piece::Word(m.word), m.guesses);
            });
        }
        if i == n {
            break;
        }
        prefixes.offer_char(i);
        if anchors.forwards(i) {
            dict.matches(&chars, i, true, &mut stack, |m| {
                prefixes.offer_pattern(m.start, m.end, Piece::Word(m.word), m.guesses);
            });
        }
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
    let (segmented, mut findings) = prefixes.finish(dict);
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
    fn copies_longer_than_the_window_are_one_piece() {
        // 44 characters: the copy ends beyond `NEAR` and waits in `far`.
        let chunk = "k3J9xQ2mZ7pL4vN8R8Zc3kVw0pQeXsdTmYfG1uLh9nJi";
        let once = analyse(chunk);
        let twice = analyse(&chunk.repeat(2));
        assert!(once.findings.is_empty(), "{once:?}");
        assert_eq!(twice.findings, [WeakPattern::Repeat]);
        assert!(twice.bits < once.bits + 20.0, "{once:?} {twice:?}");
    }

    #[test]
    fn handles_empty_and_non_ascii() {
        assert_eq!(analyse("").bits, 0.0);
        assert!(analyse("パスワードパスワードパスワード").bits < 60.0);
    }
}
