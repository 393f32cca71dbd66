//! A parsed configuration file, whatever its format: every key with its path in the sections
//! and its position, and every value as text, the form environment variables have.

use zeroize::Zeroizing;

/// A place in a file, 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Position {
    pub(crate) line: usize,
    pub(crate) column: usize,
}

impl Position {
    /// The position of byte `offset` in `text`, for parsers that report byte offsets.
    #[cfg(feature = "toml")]
    pub(crate) fn at_byte(text: &str, offset: usize) -> Self {
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let column = before
            .rsplit('\n')
            .next()
            .map_or(0, |last| last.chars().count())
            + 1;
        Self { line, column }
    }
}

/// A value as a parser hands it over, before flattening.
// Only the parsers make nodes, and only YAML has null: a build without YAML never makes some.
#[cfg_attr(not(feature = "yaml"), allow(dead_code))]
pub(crate) enum Node {
    /// An explicit "no value" (`key:` or `key: ~` in YAML).
    Null,
    /// A scalar, as text (numbers keep their spelling in the file).
    Text(Zeroizing<String>),
    /// A list, each item with its position.
    List(Vec<(Node, Position)>),
    /// A section: keys, their positions and values.
    Map(Vec<(String, Position, Node)>),
}

/// A list item; only scalars can become part of a field's text.
pub(crate) struct Item {
    pub(crate) text: Option<Zeroizing<String>>,
    pub(crate) position: Position,
}

/// What a key holds.
pub(crate) enum Value {
    Null,
    Text(Zeroizing<String>),
    List(Vec<Item>),
    /// A section; its keys are entries of their own.
    Section,
}

/// Whether the loader used an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Use {
    /// No field or rule asked for it (yet).
    Unused,
    /// Its value is the field's value (or it is a section of the configuration).
    InEffect,
    /// A field asked for it, but a variable or a secret file took precedence.
    Overridden,
}

/// One key of the file.
pub(crate) struct Entry {
    /// The section names, then the key (`["security", "tls_enabled"]`).
    pub(crate) path: Vec<String>,
    /// Where the key is.
    pub(crate) position: Position,
    pub(crate) value: Value,
    pub(crate) used: Use,
}

impl Entry {
    /// The key (the last element of the path).
    pub(crate) fn key(&self) -> &str {
        self.path.last().map_or("", String::as_str)
    }

    /// The dotted path (`security.tls_enabled`), for a message: a file's keys are shown
    /// with control characters escaped.
    pub(crate) fn dotted(&self) -> String {
        crate::shown::text(&self.path.join(".")).to_string()
    }

    /// The section holding the key.
    pub(crate) fn section(&self) -> &[String] {
        &self.path[..self.path.len().saturating_sub(1)]
    }
}

/// Every key of one file, sections before the keys they hold.
#[derive(Default)]
pub(crate) struct Document {
    pub(crate) entries: Vec<Entry>,
}

impl Document {
    /// Flattens a parsed top level; `None` when it is not a mapping of keys.
    pub(crate) fn from_root(root: Node) -> Option<Self> {
        let mut document = Self::default();
        match root {
            Node::Null => {}
            Node::Map(keys) => document.add_section(&[], keys),
            Node::Text(_) | Node::List(_) => return None,
        }
        document
            .entries
            .sort_by_key(|entry| (entry.position.line, entry.position.column));
        Some(document)
    }

    fn add_section(&mut self, section: &[String], keys: Vec<(String, Position, Node)>) {
        for (key, position, node) in keys {
            let mut path = section.to_vec();
            path.push(key);
            let value = match node {
                Node::Null => Value::Null,
                Node::Text(text) => Value::Text(text),
                Node::List(items) => Value::List(
                    items
                        .into_iter()
                        .map(|(item, position)| Item {
                            text: match item {
                                Node::Text(text) => Some(text),
                                _ => None,
                            },
                            position,
                        })
                        .collect(),
                ),
                Node::Map(keys) => {
                    self.add_section(&path, keys);
                    Value::Section
                }
            };
            self.entries.push(Entry {
                path,
                position,
                value,
                used: Use::Unused,
            });
        }
    }

    /// The entry for `name` in `section`.
    pub(crate) fn find(&self, section: &[&str], name: &str) -> Option<usize> {
        self.entries.iter().position(|entry| {
            entry.key() == name
                && entry.section().len() == section.len()
                && entry.section().iter().zip(section).all(|(a, b)| a == b)
        })
    }
}
