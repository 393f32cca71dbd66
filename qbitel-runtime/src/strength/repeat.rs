//! Repeated characters and repeated chunks (`aaaa`, `abcabc`, `Summer2024!Summer2024!`),
//! found as copies of earlier text: a copy costs its distance back and its length, whatever
//! the repeated text was.

/// Copies shorter than a trigram are too common in random text to discount.
const MIN_COPY_LEN: usize = 3;

/// Copies from further back are not looked for. The repeats people make (`abcabc`,
/// `Summer2024!Summer2024!`, a word padded by repetition) are short; looking further back in
/// a huge secret would only cost cache misses.
const MAX_PERIOD: usize = 4096;

/// Runs measured recently, by period, so that each position inside a long run finds its end
/// without measuring it again.
const CACHED_RUNS: usize = 4;

/// Comparisons allowed per character of the secret. Realistic inputs need one or two; the
/// budget only stops inputs built to defeat the run cache from taking quadratic time (once it
/// is spent, copies are measured only to their first few characters, which can only raise the
/// estimate of such inputs).
const COMPARISONS_PER_CHAR: usize = 32;

/// Finds, for each position in turn, the longest copy of earlier text starting there.
///
/// The earlier occurrence is the most recent one of the same trigram, kept in a
/// direct-mapped hash table: a collision only loses a candidate, never reports a false one,
/// because every candidate is compared character by character.
pub(super) struct Repeats<'a> {
    chars: &'a [char],
    last_seen: Vec<u32>,
    mask: usize,
    inserted: usize,
    runs: [(usize, usize); CACHED_RUNS],
    next_run: usize,
    budget: usize,
    /// The trigram last looked up, kept for inserting it on the next call.
    looked_up: Option<(usize, u64)>,
}

impl<'a> Repeats<'a> {
    pub(super) fn new(chars: &'a [char]) -> Self {
        // Small enough to stay in cache: at most a few repeats with very long periods lose
        // their candidate to a collision, and the run cache still carries the ones found.
        let slots = chars.len().clamp(8, 1 << 15).next_power_of_two() * 2;
        Repeats {
            chars,
            last_seen: vec![0; slots],
            mask: slots - 1,
            inserted: 0,
            runs: [(0, 0); CACHED_RUNS],
            next_run: 0,
            budget: chars.len().saturating_mul(COMPARISONS_PER_CHAR),
            looked_up: None,
        }
    }

    fn trigram(&self, at: usize) -> Option<u64> {
        let window = self.chars.get(at..at + MIN_COPY_LEN)?;
        Some(
            window
                .iter()
                .fold(0u64, |acc, c| (acc << 21) | u64::from(u32::from(*c))),
        )
    }

    fn slot(&self, trigram: u64) -> usize {
        // Fibonacci hashing: the high bits of the product are well mixed.
        (trigram.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & self.mask
    }

    /// The copy starting at `start` as `(end, period)`. Positions must be asked in increasing
    /// order.
    pub(super) fn copy_at(&mut self, start: usize) -> Option<(usize, usize)> {
        while self.inserted < start {
            let known = self
                .looked_up
                .filter(|(at, _)| *at == self.inserted)
                .map(|(_, trigram)| trigram);
            if let Some(trigram) = known.or_else(|| self.trigram(self.inserted)) {
                let slot = self.slot(trigram);
                if let Some(entry) = self.last_seen.get_mut(slot) {
                    *entry = u32::try_from(self.inserted + 1).unwrap_or(0);
                }
            }
            self.inserted += 1;
        }
        let trigram = self.trigram(start)?;
        self.looked_up = Some((start, trigram));
        let source = (*self.last_seen.get(self.slot(trigram))? as usize).checked_sub(1)?;
        let period = start - source;
        if period > MAX_PERIOD
            || self.chars.get(source..source + MIN_COPY_LEN)
                != self.chars.get(start..start + MIN_COPY_LEN)
        {
            return None;
        }
        // Inside a run already measured, the copy ends where the run ends.
        if let Some(&(_, end)) = self
            .runs
            .iter()
            .find(|(p, end)| *p == period && start < *end)
        {
            return Some((end, period));
        }
        let mut end = start + MIN_COPY_LEN;
        while self.budget > 0
            && let (Some(a), Some(b)) = (self.chars.get(end), self.chars.get(end - period))
            && a == b
        {
            end += 1;
            self.budget -= 1;
        }
        if let Some(run) = self.runs.get_mut(self.next_run) {
            *run = (period, end);
        }
        self.next_run = (self.next_run + 1) % CACHED_RUNS;
        Some((end, period))
    }
}

/// Guesses for a copy: which earlier position it repeats, and how far it runs.
pub(super) fn guesses(period: usize, len: usize) -> f64 {
    period as f64 * len as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copies(secret: &str) -> Vec<(usize, usize, usize)> {
        let chars: Vec<char> = secret.chars().collect();
        let mut repeats = Repeats::new(&chars);
        (0..chars.len())
            .filter_map(|i| repeats.copy_at(i).map(|(end, period)| (i, end, period)))
            .collect()
    }

    #[test]
    fn finds_repeated_characters_and_chunks() {
        assert_eq!(copies("aaaa").first(), Some(&(1, 4, 1)));
        let chunk = copies("Summer2024!Summer2024!");
        assert_eq!(chunk.first(), Some(&(11, 22, 11)));
        assert_eq!(copies("xyzabcabcab").first(), Some(&(6, 11, 3)));
    }

    #[test]
    fn copies_need_three_matching_characters() {
        assert!(copies("k3J9xQ2mZ7pL4vN8").is_empty());
        assert!(copies("").is_empty());
        assert_eq!(copies("éééé").first(), Some(&(1, 4, 1)));
    }

    #[test]
    fn long_runs_are_measured_once() {
        let long = "ab".repeat(100_000);
        let found = copies(&long);
        assert_eq!(found.first(), Some(&(2, long.len(), 2)));
        assert!(found.iter().all(|&(_, end, _)| end == long.len()));
    }
}
