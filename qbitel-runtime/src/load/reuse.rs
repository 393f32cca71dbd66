//! The secrets loaded so far, kept to find one value used for two secrets.

use std::borrow::Cow;
use std::ops::Range;

use zeroize::Zeroizing;

/// One loaded secret: where its text is in the buffer, and the field it belongs to.
pub(crate) struct LoadedSecret {
    pub(crate) field: Cow<'static, str>,
    pub(crate) label: &'static str,
    text: Range<usize>,
}

/// Every secret's text in one buffer, wiped when dropped: one allocation for all of them
/// instead of one each, at every load.
#[derive(Default)]
pub(crate) struct LoadedSecrets {
    text: Zeroizing<String>,
    secrets: Vec<LoadedSecret>,
}

impl LoadedSecrets {
    pub(crate) fn push(&mut self, field: Cow<'static, str>, label: &'static str, text: &str) {
        if self.text.capacity() - self.text.len() < text.len() {
            // Grown by hand: a `String` growing in place may move its text and free the old
            // buffer unwiped. The replaced buffer is wiped when it drops.
            let capacity = (self.text.len() + text.len()).max(128) * 2;
            let mut grown = Zeroizing::new(String::with_capacity(capacity));
            grown.push_str(&self.text);
            self.text = grown;
        }
        let start = self.text.len();
        self.text.push_str(text);
        if self.secrets.capacity() == 0 {
            self.secrets.reserve(8);
        }
        self.secrets.push(LoadedSecret {
            field,
            label,
            text: start..self.text.len(),
        });
    }

    /// Each pair of secrets with the same text, in load order: (the first, the later one).
    pub(crate) fn reused(&self) -> impl Iterator<Item = (&LoadedSecret, &LoadedSecret)> {
        let text = |secret: &LoadedSecret| self.text.get(secret.text.clone());
        self.secrets.iter().enumerate().flat_map(move |(a, first)| {
            self.secrets[a + 1..]
                .iter()
                .filter(move |second| text(first) == text(second))
                .map(move |second| (first, second))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_reused_pair_across_growth() {
        let mut secrets = LoadedSecrets::default();
        let long = "x".repeat(300);
        for (field, text) in [
            ("a", "one"),
            ("b", long.as_str()),
            ("c", "one"),
            ("d", "two"),
        ] {
            secrets.push(Cow::Borrowed(field), field, text);
        }
        secrets.push(Cow::Borrowed("e"), "e", &long);
        let pairs: Vec<_> = secrets
            .reused()
            .map(|(first, second)| (first.label, second.label))
            .collect();
        assert_eq!(pairs, [("a", "c"), ("b", "e")]);
    }
}
