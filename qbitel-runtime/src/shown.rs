//! Paths as messages show them.
//!
//! A path comes from a variable or a mount, and a message goes to a terminal or a log: a
//! newline in a path could start a line that looks like another check, and an escape sequence
//! could recolour or hide the report. Control characters are shown escaped (`\n`, `\u{1b}`).

use std::fmt;
use std::path::Path;

/// `path` for a message, its control characters escaped.
pub(crate) fn path(path: &Path) -> ShownPath<'_> {
    ShownPath(path)
}

/// Displays a path with its control characters escaped.
pub(crate) struct ShownPath<'a>(&'a Path);

impl fmt::Display for ShownPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0.to_string_lossy();
        // Most paths have nothing to escape; write them in one piece.
        if !text.chars().any(char::is_control) {
            return f.write_str(&text);
        }
        for c in text.chars() {
            if c.is_control() {
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
        assert!(!shown.chars().any(char::is_control));
    }

    #[test]
    fn ordinary_paths_are_unchanged() {
        assert_eq!(
            path(Path::new("config/qbitel.production.yaml")).to_string(),
            "config/qbitel.production.yaml"
        );
    }
}
