//! Repeated characters and repeated chunks (`aaaa`, `abcabc`, `Summer2024!Summer2024!`),
//! found as copies of earlier text: a copy costs its distance back and its length, whatever
//! the repeated text was.

/// Copies shorter than a trigram are too common in random text to discount.
const MIN_COPY_LEN: usize = 3;

/// Longest extension computed at once. A longer copy is found again in pieces, so this only
/// bounds the work an input built to defeat the run cache (below) can cause.
const MAX_EXTENSION: usize = 4096;

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
    run_period: usize,
    run_end: usize,
}

impl<'a> Repeats<'a> {
    pub(super) fn new(chars: &'a [char]) -> Self {
        let slots = chars.len().clamp(8, 1 << 21).next_power_of_two() * 2;
        Repeats {
            chars,
            last_seen: vec![0; slots],
            mask: slots - 1,
            inserted: 0,
            run_period: 0,
            run_end: 0,
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
            if let Some(trigram) = self.trigram(self.inserted) {
                let slot = self.slot(trigram);
                if let Some(entry) = self.last_seen.get_mut(slot) {
                    *entry = u32::try_from(self.inserted + 1).unwrap_or(0);
                }
            }
            self.inserted += 1;
        }
        let trigram = self.trigram(start)?;
        let source = (*self.last_seen.get(self.slot(trigram))? as usize).checked_sub(1)?;
        if self.trigram(source) != Some(trigram) {
            return None;
        }
        let period = start - source;
        // Inside a run already measured, the copy ends where the run ends.
        if period == self.run_period && start < self.run_end {
            return Some((self.run_end, period));
        }
        let limit = start.saturating_add(MAX_EXTENSION);
        let mut end = start + MIN_COPY_LEN;
        while end < limit
            && let (Some(a), Some(b)) = (self.chars.get(end), self.chars.get(end - period))
            && a == b
        {
            end += 1;
        }
        self.run_period = period;
        self.run_end = end;
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
        assert_eq!(found.first(), Some(&(2, 2 + MAX_EXTENSION, 2)));
    }
}
