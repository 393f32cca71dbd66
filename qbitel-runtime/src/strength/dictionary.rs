//! Ranked dictionary of common passwords and words, and the matcher that finds them inside a
//! secret (case-insensitively, through leetspeak, and reversed).
//!
//! A word's guess count is its frequency rank: an attacker tries common words first, so
//! `password` (rank 1) costs one guess and a rank-10,000 word about 13 bits.

use std::sync::OnceLock;

/// Longest word matched; bounds matching at `O(n * MAX_WORD_LEN)`.
pub(super) const MAX_WORD_LEN: usize = 20;

/// Shorter words are too common inside random strings to say anything about them.
const MIN_WORD_LEN: usize = 3;

/// Cap on trie states explored from one position: leetspeak makes some characters ambiguous
/// (`1` may be `1`, `i` or `l`), and the cap keeps a run of ambiguous characters linear.
const MAX_STATES_PER_START: usize = 256;

/// Words a service secret is most often built from, ranked ahead of the frequency lists
/// because they are the first guesses against a configuration secret. Includes the design
/// document's list (password, admin, test).
const SERVICE_WORDS: &[&str] = &[
    "password",
    "admin",
    "test",
    "secret",
    "qwerty",
    "letmein",
    "welcome",
    "changeme",
    "default",
    "root",
    "pass",
    "passwd",
    "passw0rd",
    "key",
    "token",
    "login",
    "guest",
    "master",
    "user",
    "administrator",
    "toor",
    "changeit",
    "example",
    "sample",
    "demo",
    "dummy",
    "temp",
    "insecure",
    "private",
    "secure",
    "access",
    "apikey",
    "superuser",
    "sysadmin",
    "system",
    "server",
    "config",
    "database",
    "postgres",
    "postgresql",
    "mysql",
    "redis",
    "mongodb",
    "rabbitmq",
    "django",
    "fernet",
    "jwt",
    "qbitel",
    "development",
    "staging",
    "production",
    "prod",
    "dev",
    "testing",
    "trustno1",
];

/// The frequency lists, most to least significant. Line `N` of each file is rank `N`.
const FREQUENCY_LISTS: [&str; 6] = [
    include_str!("data/passwords.txt"),
    include_str!("data/english.txt"),
    include_str!("data/tv_and_film.txt"),
    include_str!("data/female_names.txt"),
    include_str!("data/male_names.txt"),
    include_str!("data/surnames.txt"),
];

/// Identifies a dictionary word, for naming it in a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct WordId(u32);

impl WordId {
    /// The word at `index` in the dictionary's word list.
    pub(super) const fn new(index: u32) -> Self {
        WordId(index)
    }

    /// The word's index in the dictionary's word list.
    pub(super) const fn index(self) -> u32 {
        self.0
    }
}

/// A dictionary word found in the secret: the span `[start, end)` in characters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct WordMatch {
    pub start: usize,
    pub end: usize,
    pub word: WordId,
    pub guesses: f64,
}

const NO_WORD: u32 = u32::MAX;

/// Every byte that occurs in a listed word, in edge order. A node's children are found by
/// position in a 64-bit set over this alphabet, so a step down the trie is one load.
const LABELS: &[u8; 48] = b"abcdefghijklmnopqrstuvwxyz0123456789'._/-!*%[];@";

/// Position of each byte in `LABELS`, or `NO_LABEL` if no word contains it.
const LABEL_INDEX: [u8; 128] = label_index();
const NO_LABEL: u8 = u8::MAX;

const fn label_index() -> [u8; 128] {
    let mut index = [NO_LABEL; 128];
    let mut i = 0;
    while i < LABELS.len() {
        index[LABELS[i] as usize] = i as u8;
        i += 1;
    }
    index
}

fn label_of(byte: u8) -> Option<u32> {
    match LABEL_INDEX.get(usize::from(byte)) {
        Some(&index) if index != NO_LABEL => Some(u32::from(index)),
        _ => None,
    }
}

/// Labels a character can stand for when a word is read forwards (itself lower-cased, and the
/// letters it stands for in leetspeak), as a count and the labels.
const FORWARD_LABELS: [(u8, [u8; 3]); 128] = forward_labels();

const fn forward_labels() -> [(u8, [u8; 3]); 128] {
    let mut table = [(0, [NO_LABEL; 3]); 128];
    let mut byte = 0;
    while byte < 128 {
        let (mut count, mut labels) = (0, [NO_LABEL; 3]);
        let literal = LABEL_INDEX[(byte as u8).to_ascii_lowercase() as usize];
        if literal != NO_LABEL {
            labels[0] = literal;
            count = 1;
        }
        let letters = leet_letters(byte as u8);
        let mut i = 0;
        while i < letters.len() {
            labels[count] = LABEL_INDEX[letters[i] as usize];
            count += 1;
            i += 1;
        }
        table[byte] = (count as u8, labels);
        byte += 1;
    }
    table
}

/// The labels `c` can stand for read forwards, as a count and the labels; none if it is not
/// ASCII.
fn forward_labels_of(c: char) -> (u8, [u8; 3]) {
    usize::try_from(u32::from(c))
        .ok()
        .and_then(|i| FORWARD_LABELS.get(i))
        .copied()
        .unwrap_or((0, [NO_LABEL; 3]))
}

/// The label of `c` read literally (backwards), or `NO_LABEL`.
fn literal_label_of(c: char) -> u8 {
    u8::try_from(u32::from(c)).map_or(NO_LABEL, |byte| {
        LABEL_INDEX
            .get(usize::from(byte.to_ascii_lowercase()))
            .copied()
            .unwrap_or(NO_LABEL)
    })
}

/// Bits in the set of three-label word beginnings.
const TRIGRAMS: usize = LABELS.len() * LABELS.len() * LABELS.len();

fn trigram_index(a: u8, b: u8, c: u8) -> usize {
    (usize::from(a) * LABELS.len() + usize::from(b)) * LABELS.len() + usize::from(c)
}

/// log2 of the bits in the hashed set of four-label word beginnings; with some 11,500 of
/// them, about one random four-label string in twenty collides with one.
const LONG_BEGINNING_BITS: u32 = 18;

fn long_beginning_index(trigram: usize, d: u8) -> usize {
    let index = u32::try_from(trigram * LABELS.len() + usize::from(d)).unwrap_or(u32::MAX);
    // Multiplicative hashing: the high bits of the product are well mixed.
    (index.wrapping_mul(0x9E37_79B1) >> (32 - LONG_BEGINNING_BITS)) as usize
}

fn set_bit(set: &mut [u64], index: usize) {
    if let Some(bits) = set.get_mut(index / 64) {
        *bits |= 1 << (index % 64);
    }
}

fn has_bit(set: &[u64], index: usize) -> bool {
    set.get(index / 64)
        .is_some_and(|bits| bits & (1 << (index % 64)) != 0)
}

/// A trie node laid out breadth first, so that its children are consecutive nodes.
struct Node {
    /// Which labels have a child, by position in `LABELS`.
    children: u64,
    first_child: u32,
    word: u32,
}

/// The word lists as a byte trie. Nodes are laid out breadth first: the shallow levels every
/// position walks through share a few cache lines, and a node's children are consecutive.
pub(super) struct Dictionary {
    nodes: Vec<Node>,
    words: Vec<(&'static str, u32)>,
    /// Which three labels begin a word, one bit each (14 KB). Most positions of a random
    /// secret begin no word forwards or backwards; this set and the next two tell so without
    /// walking the trie.
    beginnings: Vec<u64>,
    /// Which three labels are a word, one bit each (14 KB).
    short_words: Vec<u64>,
    /// Which four labels begin a word, hashed to `LONG_BEGINNING_BITS` bits (32 KB): a
    /// collision only costs a walk that finds nothing.
    long_beginnings: Vec<u64>,
}

/// The dictionary, built once on first use (a few milliseconds).
pub(super) fn dictionary() -> &'static Dictionary {
    static DICTIONARY: OnceLock<Dictionary> = OnceLock::new();
    DICTIONARY.get_or_init(Dictionary::build)
}

/// Letters a leetspeak character may stand for.
const fn leet_letters(c: u8) -> &'static [u8] {
    match c {
        b'4' | b'@' => b"a",
        b'8' => b"b",
        b'(' | b'{' | b'[' | b'<' => b"c",
        b'3' => b"e",
        b'6' | b'9' => b"g",
        b'1' | b'|' => b"il",
        b'!' => b"i",
        b'7' => b"lt",
        b'0' => b"o",
        b'$' | b'5' => b"s",
        b'+' => b"t",
        b'%' => b"x",
        b'2' => b"z",
        _ => b"",
    }
}

impl Dictionary {
    fn build() -> Dictionary {
        let service = SERVICE_WORDS.iter().enumerate().map(|(i, w)| (i + 1, *w));
        let lists = FREQUENCY_LISTS
            .iter()
            .flat_map(|list| list.lines().enumerate().map(|(i, w)| (i + 1, w)));
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut node_word: Vec<u32> = vec![NO_WORD];
        let mut words: Vec<(&'static str, u32)> = Vec::new();
        for (rank, word) in service.chain(lists) {
            let word = word.trim();
            let listed = |b: u8| label_of(b.to_ascii_lowercase()).is_some();
            if word.len() < MIN_WORD_LEN || word.len() > MAX_WORD_LEN || !word.bytes().all(listed) {
                continue;
            }
            let rank = u32::try_from(rank).unwrap_or(u32::MAX);
            let mut node = 0usize;
            for byte in word.bytes().map(|b| b.to_ascii_lowercase()) {
                let existing = children
                    .get(node)
                    .and_then(|edges| edges.iter().find(|(label, _)| *label == byte))
                    .map(|(_, child)| *child as usize);
                node = match existing {
                    Some(child) => child,
                    None => {
                        let child = children.len();
                        children.push(Vec::new());
                        node_word.push(NO_WORD);
                        if let Some(edges) = children.get_mut(node) {
                            edges.push((byte, u32::try_from(child).unwrap_or(u32::MAX)));
                        }
                        child
                    }
                };
            }
            if let Some(slot) = node_word.get_mut(node) {
                match words.get_mut(*slot as usize) {
                    Some(entry) => entry.1 = entry.1.min(rank),
                    None => {
                        *slot = u32::try_from(words.len()).unwrap_or(NO_WORD);
                        words.push((word, rank));
                    }
                }
            }
        }
        let mut beginnings = vec![0u64; TRIGRAMS.div_ceil(64)];
        let mut short_words = vec![0u64; TRIGRAMS.div_ceil(64)];
        let mut long_beginnings = vec![0u64; (1 << LONG_BEGINNING_BITS) / 64];
        for (word, _) in &words {
            let labels: Vec<u8> = word
                .bytes()
                .filter_map(|b| label_of(b.to_ascii_lowercase()))
                .map(|label| label as u8)
                .collect();
            if let [a, b, c, rest @ ..] = labels.as_slice() {
                let trigram = trigram_index(*a, *b, *c);
                set_bit(&mut beginnings, trigram);
                match rest.first() {
                    None => set_bit(&mut short_words, trigram),
                    Some(&d) => set_bit(&mut long_beginnings, long_beginning_index(trigram, d)),
                }
            }
        }
        let mut order: Vec<usize> = vec![0];
        let mut nodes = Vec::with_capacity(children.len());
        let mut next = 0;
        while let Some(&old) = order.get(next) {
            let mut set = 0u64;
            let first_child = u32::try_from(order.len()).unwrap_or(u32::MAX);
            if let Some(node_edges) = children.get_mut(old) {
                node_edges.sort_unstable_by_key(|(label, _)| label_of(*label));
                for (label, child) in node_edges.iter() {
                    set |= label_of(*label).map_or(0, |index| 1u64 << index);
                    order.push(*child as usize);
                }
            }
            nodes.push(Node {
                children: set,
                first_child,
                word: node_word.get(old).copied().unwrap_or(NO_WORD),
            });
            next += 1;
        }
        Dictionary {
            nodes,
            words,
            beginnings,
            short_words,
            long_beginnings,
        }
    }

    /// The word's text, lower-case as listed.
    pub(super) fn word(&self, id: WordId) -> &'static str {
        self.words.get(id.0 as usize).map_or("", |(word, _)| word)
    }

    /// Whether `word` (any case) is in the dictionary.
    #[cfg(test)]
    fn contains(&self, word: &str) -> bool {
        let mut node = 0u32;
        for byte in word.bytes() {
            match self.child(node, byte.to_ascii_lowercase()) {
                Some(child) => node = child,
                None => return false,
            }
        }
        node != 0
            && self
                .nodes
                .get(node as usize)
                .is_some_and(|n| n.word != NO_WORD)
    }

    /// The positions where `matches` can report anything, found in one pass over the secret.
    /// A word read forwards from a position must be three characters long or begin with the
    /// four there (through leetspeak), and likewise backwards; most positions of a random
    /// secret begin no word either way, and testing that is far cheaper than walking the trie.
    pub(super) fn anchors(&self, chars: &[char]) -> Anchors {
        // The characters from `at - 1` to `at + 4`, in a ring indexed by position, so that
        // each character is looked up once.
        const RING: usize = 8;
        let bits = (chars.len() + 1).div_ceil(64);
        let mut anchors = Anchors {
            forwards: vec![0; bits],
            backwards: vec![0; bits],
        };
        let none = ((0, [NO_LABEL; 3]), NO_LABEL);
        let mut ring = [none; RING];
        let read = |index: usize| {
            chars
                .get(index)
                .map_or(none, |&c| (forward_labels_of(c), literal_label_of(c)))
        };
        for (index, slot) in ring.iter_mut().enumerate().take(4) {
            *slot = read(index);
        }
        for at in 0..chars.len() {
            ring[(at + 4) % RING] = read(at + 4);
            let (first, second, third) = (
                ring[at % RING],
                ring[(at + 1) % RING],
                ring[(at + 2) % RING],
            );
            let fourth = ring[(at + 3) % RING];
            let before = if at == 0 { none } else { ring[(at - 1) % RING] };
            if self.may_begin_forwards(first.0, second.0, third.0, fourth.0.1) {
                set_bit(&mut anchors.forwards, at);
            }
            let (x, y, z) = (third.1, second.1, first.1);
            if x != NO_LABEL
                && y != NO_LABEL
                && z != NO_LABEL
                && self.may_begin(trigram_index(x, y, z), [before.1, NO_LABEL, NO_LABEL])
            {
                set_bit(&mut anchors.backwards, at + 3);
            }
        }
        anchors
    }

    /// Whether a word may be read forwards from characters standing for `first`, `second`,
    /// `third` and then `next` (each a count and labels).
    fn may_begin_forwards(
        &self,
        (xn, xs): (u8, [u8; 3]),
        (yn, ys): (u8, [u8; 3]),
        (zn, zs): (u8, [u8; 3]),
        next: [u8; 3],
    ) -> bool {
        // Most characters stand for one label: one trigram, no loops.
        if xn == 1 && yn == 1 && zn == 1 {
            return self.may_begin(trigram_index(xs[0], ys[0], zs[0]), next);
        }
        for a in xs.into_iter().filter(|&a| a != NO_LABEL) {
            for b in ys.into_iter().filter(|&b| b != NO_LABEL) {
                for c in zs.into_iter().filter(|&c| c != NO_LABEL) {
                    if self.may_begin(trigram_index(a, b, c), next) {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// Whether a word is the three labels of `trigram`, or begins with them followed by one of
    /// `next` (padded with `NO_LABEL`).
    #[inline]
    fn may_begin(&self, trigram: usize, next: [u8; 3]) -> bool {
        has_bit(&self.beginnings, trigram)
            && (has_bit(&self.short_words, trigram)
                || next.into_iter().any(|d| {
                    d != NO_LABEL
                        && has_bit(&self.long_beginnings, long_beginning_index(trigram, d))
                }))
    }

    fn child(&self, node: u32, byte: u8) -> Option<u32> {
        let node = self.nodes.get(node as usize)?;
        let bit = 1u64 << label_of(byte)?;
        if node.children & bit == 0 {
            return None;
        }
        let rank = (node.children & (bit - 1)).count_ones();
        Some(node.first_child + rank)
    }

    /// Reports every word spelled by `chars` starting at `anchor` and read forwards, or ending
    /// at `anchor` and read backwards (a reversed word such as `drowssap`).
    pub(super) fn matches(
        &self,
        chars: &[char],
        anchor: usize,
        forwards: bool,
        stack: &mut Vec<WalkState>,
        mut report: impl FnMut(WordMatch),
    ) {
        stack.clear();
        stack.push(WalkState {
            node: 0,
            len: 0,
            upper: 0,
            lower: 0,
            leet: 0,
            first_upper: false,
            last_upper: false,
        });
        let mut budget = MAX_STATES_PER_START;
        while let Some(state) = stack.pop() {
            if budget == 0 {
                break;
            }
            budget -= 1;
            let word = self
                .nodes
                .get(state.node as usize)
                .map_or(NO_WORD, |n| n.word);
            // People substitute a few letters of a word, not most of them; without this limit
            // strings of digits (hex keys) spell leetspeak words by the thousand.
            let plausible_leet = state.leet as usize * 2 <= state.len;
            if state.len >= MIN_WORD_LEN && word != NO_WORD && plausible_leet {
                let rank = self.words.get(word as usize).map_or(u32::MAX, |w| w.1);
                let span = if forwards {
                    (anchor, anchor + state.len)
                } else {
                    (anchor.saturating_sub(state.len), anchor)
                };
                let reversal = if forwards { 1.0 } else { 2.0 };
                report(WordMatch {
                    start: span.0,
                    end: span.1,
                    word: WordId(word),
                    guesses: f64::from(rank)
                        * state.case_variations()
                        * state.leet_variations()
                        * reversal,
                });
            }
            if state.len >= MAX_WORD_LEN {
                continue;
            }
            let next = if forwards {
                chars.get(anchor + state.len)
            } else {
                anchor
                    .checked_sub(state.len + 1)
                    .and_then(|index| chars.get(index))
            };
            let Some(&c) = next else { continue };
            if !c.is_ascii() {
                continue;
            }
            let byte = c as u8;
            let lowered = byte.to_ascii_lowercase();
            let is_upper = byte.is_ascii_uppercase();
            let step = |node: u32, leet: u32| WalkState {
                node,
                len: state.len + 1,
                upper: state.upper + u32::from(is_upper),
                lower: state.lower + u32::from(byte.is_ascii_lowercase()),
                leet,
                first_upper: if state.len == 0 {
                    is_upper
                } else {
                    state.first_upper
                },
                last_upper: is_upper,
            };
            // Reversed words are matched literally, as zxcvbn does: reversal and leetspeak
            // together would explain too much random text.
            let substitutes = if forwards { leet_letters(byte) } else { b"" };
            for &letter in substitutes {
                if let Some(child) = self.child(state.node, letter) {
                    stack.push(step(child, state.leet + 1));
                }
            }
            if let Some(child) = self.child(state.node, lowered) {
                stack.push(step(child, state.leet));
            }
        }
    }
}

/// Positions where a word may begin (read forwards) or end (read backwards), one bit each.
pub(super) struct Anchors {
    forwards: Vec<u64>,
    backwards: Vec<u64>,
}

impl Anchors {
    /// Whether a word may be read forwards from `at`.
    pub(super) fn forwards(&self, at: usize) -> bool {
        has_bit(&self.forwards, at)
    }

    /// Whether a word may be read backwards from `at`, i.e. end there reversed.
    pub(super) fn backwards(&self, at: usize) -> bool {
        has_bit(&self.backwards, at)
    }
}

/// One partial match while walking the trie.
#[derive(Clone, Copy, Debug)]
pub(super) struct WalkState {
    node: u32,
    len: usize,
    upper: u32,
    lower: u32,
    leet: u32,
    first_upper: bool,
    last_upper: bool,
}

impl WalkState {
    /// zxcvbn's capitalisation count: all lower costs nothing, a capitalised first or last
    /// letter or all caps doubles, otherwise every way to place that many capitals.
    fn case_variations(&self) -> f64 {
        let (upper, lower) = (self.upper, self.lower);
        if upper == 0 {
            return 1.0;
        }
        if lower == 0 || (upper == 1 && (self.first_upper || self.last_upper)) {
            return 2.0;
        }
        (1..=upper.min(lower))
            .map(|i| binomial(upper + lower, i))
            .sum()
    }

    /// Each substituted character doubles the guesses (substitute it or not).
    fn leet_variations(&self) -> f64 {
        2f64.powi(i32::try_from(self.leet).unwrap_or(i32::MAX))
    }
}

/// `n` choose `k` as a float (exact for the small values used here).
pub(super) fn binomial(n: u32, k: u32) -> f64 {
    (0..k).fold(1.0, |acc, i| acc * f64::from(n - i) / f64::from(i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forward(secret: &str) -> Vec<(String, usize, usize, f64)> {
        let chars: Vec<char> = secret.chars().collect();
        let dict = dictionary();
        let mut stack = Vec::new();
        let mut found = Vec::new();
        for start in 0..chars.len() {
            dict.matches(&chars, start, true, &mut stack, |m| {
                found.push((dict.word(m.word).to_owned(), m.start, m.end, m.guesses));
            });
        }
        found
    }

    #[test]
    fn lists_are_loaded_with_their_ranks() {
        let dict = dictionary();
        assert!(dict.words.len() > 35_000, "{}", dict.words.len());
        assert!(dict.contains("password") && dict.contains("boyfriend"));
        assert!(!dict.contains("pa") && !dict.contains("zq9x"));
    }

    #[test]
    fn finds_words_through_case_and_leetspeak() {
        let found = forward("xP@ssw0rdx");
        let hit = found.iter().find(|(w, ..)| w == "password");
        // rank 1, capitalised first letter (x2), two substitutions (x4).
        assert_eq!(hit.map(|h| (h.1, h.2, h.3)), Some((1, 9, 8.0)));
    }

    #[test]
    fn finds_reversed_words() {
        let chars: Vec<char> = "drowssap".chars().collect();
        let dict = dictionary();
        let mut found = Vec::new();
        dict.matches(&chars, chars.len(), false, &mut Vec::new(), |m| {
            found.push((dict.word(m.word), m.start))
        });
        assert!(found.contains(&("password", 0)), "{found:?}");
    }

    #[test]
    fn anchors_cover_every_match() {
        let dict = dictionary();
        for secret in [
            "xP@ssw0rdx",
            "drowssapdrowssap",
            "1!|7|1l0ve7r0ub4d0r",
            "Summer2024!qwertyasdf",
            "aé🔑passwordé🔑",
            "abc",
            "nimdatset",
            "k3J9xQ2mZ7pL4vN8R8Zc-abc_3kVw0pQeXsdTmYfG1uLh9nJi",
        ] {
            let chars: Vec<char> = secret.chars().collect();
            let anchors = dict.anchors(&chars);
            for at in 0..=chars.len() {
                for forwards in [true, false] {
                    let mut found = false;
                    dict.matches(&chars, at, forwards, &mut Vec::new(), |_| found = true);
                    let anchored = if forwards {
                        anchors.forwards(at)
                    } else {
                        anchors.backwards(at)
                    };
                    assert!(
                        anchored || !found,
                        "{secret:?} at {at}, forwards {forwards}"
                    );
                }
            }
        }
    }

    #[test]
    fn anchors_skip_what_begins_no_word() {
        let chars: Vec<char> = "xqzj_#".chars().collect();
        let anchors = dictionary().anchors(&chars);
        assert!((0..=chars.len()).all(|at| !anchors.forwards(at) && !anchors.backwards(at)));
    }

    #[test]
    fn ignores_short_words_and_non_ascii() {
        assert!(forward("a my ßä").is_empty());
    }
}
