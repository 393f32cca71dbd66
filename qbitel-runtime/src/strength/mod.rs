//! Secret strength estimation.
//!
//! The verdict comes from an estimate of how many guesses an attacker needs, not from the
//! mere presence of a pattern: the secret is split into the cheapest sequence of pieces
//! (dictionary words, runs, keyboard walks, dates, repeats, or single characters priced by
//! the alphabet they come from), and the sum of the pieces' bits is compared with what the
//! kind of secret needs. A random token that happens to contain `abc` keeps nearly all its
//! bits and passes; `Summer2024!Summer2024!` is three cheap patterns and fails.
//! `docs/STRENGTH.md` describes the model and the thresholds.
//!
//! Estimation is linear in the length of the secret and never panics.

mod alphabet;
mod date;
mod dictionary;
mod keyboard;
mod repeat;
mod segmentation;
mod sequence;

use std::fmt;

/// What kind of secret is being judged; thresholds differ by kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SecretKind {
    /// A password a service presents to another (database, Redis): `strength` or
    /// `strength = "password"`.
    Password,
    /// A signing or encryption key the service uses itself: `strength = "key"`.
    Key,
}

impl SecretKind {
    /// Estimated bits a secret of this kind needs.
    ///
    /// A password must resist an offline attack on a leaked hash: 60 bits is 10^18 guesses,
    /// decades at 10^9 guesses a second. A key must resist brute force outright; real 128-bit
    /// keys (32 hex characters) estimate at up to 128 bits and 256-bit ones far above, and the
    /// 28 bits between 100 and 128 absorb coincidental patterns in random keys.
    pub const fn required_bits(self) -> f64 {
        match self {
            SecretKind::Password => 60.0,
            SecretKind::Key => 100.0,
        }
    }
}

/// A weak pattern found in a secret. `Display` never shows characters of the secret other than
/// a dictionary word it matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WeakPattern {
    /// A dictionary word or common password (lower-cased, leetspeak undone).
    CommonWord(String),
    /// An ascending or descending run (`abc`, `987`).
    Sequence,
    /// Repeated characters or repeated chunks (`aaa`, `abcabc`).
    Repeat,
    /// Adjacent keys on a keyboard (`qwerty`, `asdf`).
    KeyboardWalk,
    /// A calendar date or year.
    Date,
    /// Few distinct characters for the length.
    LowDiversity,
}

impl fmt::Display for WeakPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WeakPattern::CommonWord(word) => write!(f, "contains weak patterns: {word}"),
            WeakPattern::Sequence => f.write_str("contains sequential characters"),
            WeakPattern::Repeat => f.write_str("contains excessive repeated characters"),
            WeakPattern::KeyboardWalk => f.write_str("contains a keyboard pattern"),
            WeakPattern::Date => f.write_str("contains a date or year"),
            WeakPattern::LowDiversity => f.write_str("uses too few distinct characters"),
        }
    }
}

/// The estimator's verdict on one secret.
#[derive(Clone, Debug, PartialEq)]
pub struct Strength {
    /// Estimated guessing work in bits, with the weak patterns discounted.
    pub bits: f64,
    /// Bits this kind of secret needs.
    pub required_bits: f64,
    /// The weak patterns found, in order of first appearance.
    pub findings: Vec<WeakPattern>,
}

impl Strength {
    /// Whether the secret is strong enough for its kind.
    pub fn is_strong(&self) -> bool {
        self.bits >= self.required_bits
    }
}

/// Estimates the strength of `secret` as a secret of `kind`.
///
/// `bits` is rounded down to a tenth so that `Debug` output cannot carry long digit strings.
pub fn estimate(secret: &str, kind: SecretKind) -> Strength {
    let analysis = segmentation::analyse(secret);
    Strength {
        bits: (analysis.bits * 10.0).floor() / 10.0,
        required_bits: kind.required_bits(),
        findings: analysis.findings,
    }
}
