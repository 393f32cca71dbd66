//! Which format a configuration file is in, chosen by its extension, and parsing it.

use std::path::Path;

use super::document::{Node, Position};

/// A configuration file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Yaml,
    Toml,
}

/// A file that is not valid in its format: where, never what (the text may hold a secret).
pub(crate) struct Syntax {
    pub(crate) position: Option<Position>,
}

impl Format {
    /// The format for `.yaml`, `.yml` or `.toml` (any case).
    pub(crate) fn of(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "yaml" | "yml" => Some(Format::Yaml),
            "toml" => Some(Format::Toml),
            _ => None,
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
        }
    }

    /// The cargo feature that reads this format.
    pub(crate) fn feature(self) -> &'static str {
        match self {
            Format::Yaml => "yaml",
            Format::Toml => "toml",
        }
    }

    /// Parses `text`; `None` when this build was made without the format's feature.
    pub(crate) fn parse(self, text: &str) -> Option<Result<Node, Syntax>> {
        match self {
            #[cfg(feature = "yaml")]
            Format::Yaml => Some(super::yaml::parse(text)),
            #[cfg(feature = "toml")]
            Format::Toml => Some(super::toml::parse(text)),
            #[allow(unreachable_patterns)]
            _ => {
                let _ = text;
                None
            }
        }
    }
}
