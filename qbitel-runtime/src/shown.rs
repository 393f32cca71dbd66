//! Text from outside (paths, configuration-file keys) as messages show it.
//!
//! Such text comes from a variable, a mount or a file, and a message goes to a terminal or a
//! log: a newline could start a line that looks like another check, an escape sequence could
//! recolour or hide the report, and a bidirectional override could make text read backwards.
//! Those characters are shown escaped (`\n`, `\u{1b}`, `\u{202e}`). Backslashes are left as
//! they are, so that Windows paths stay readable.

use std::borrow::Cow;
use std::fmt;
use std::path::Path;

/// `path` for a message.
pub(crate) fn path(path: &Path) -> Shown<'_> {
    Shown(path.to_string_lossy())
}

/// `text` for a message.
pub(crate) fn text(text: &str) -> Shown<'_> {
    Shown(Cow::Borrowed(text))
}

/// Displays text with the characters that could forge or hide output escaped.
pub(crate) struct Shown<'a>(Cow<'a, str>);

/// Control characters, line and paragraph separators, and bidirectional formatting.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Most text has nothing to escape; write it in one piece.
        if !self.0.chars().any(needs_escape) {
            return f.write_str(&self.0);
        }
        for c in self.0.chars() {
            if needs_escape(c) {
                write!(f, "{}", c.escape_default())?;
            } else {
                fmt::Write::write_char(f, c)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        let shown = path(Path::new(
            "/run/secrets/db\n✓ [value.present] fake\u{1b}[2J",
        ))
        .to_string();
        assert_eq!(shown, "/run/secrets/db\\n✓ [value.present] fake\\u{1b}[2J");
        assert!(!shown.chars().any(needs_escape));
    }

    #[test]
    fn bidirectional_overrides_and_separators_are_escaped() {
        let shown = text("key\u{202e}gnp.exe\u{2028}next").to_string();
        assert_eq!(shown, "key\\u{202e}gnp.exe\\u{2028}next");
    }

    #[test]
    fn ordinary_text_is_unchanged() {
        assert_eq!(
            path(Path::new("config/qbitel.production.yaml")).to_string(),
            "config/qbitel.production.yaml"
        );
        assert_eq!(
            text("security.tls_enabled").to_string(),
            "security.tls_enabled"
        );
    }
}
