//! YAML through `serde-saphyr`: every key and value with its line and column.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Location, Spanned};
use zeroize::Zeroizing;

use super::document::{Node, Position};
use super::format::Syntax;

/// A YAML value as deserialised, before its numbers get their spelling back from the text.
enum Yaml {
    Null,
    Text(Zeroizing<String>),
    /// An integer or a boolean, as the parser read it (`0x1F40` becomes `8000`).
    Other(String),
    /// A float; its text is taken from the file, where `1.10` is not `1.1`.
    Float(f64),
    List(Vec<Spanned<Yaml>>),
    Map(Vec<(Spanned<String>, Spanned<Yaml>)>),
}

impl<'de> Deserialize<'de> for Yaml {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(YamlVisitor)
    }
}

struct YamlVisitor;

impl<'de> Visitor<'de> for YamlVisitor {
    type Value = Yaml;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a YAML value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Yaml, E> {
        Ok(Yaml::Other(value.to_string()))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Yaml, E> {
        Ok(Yaml::Other(value.to_string()))
    }

    fn visit_i128<E: de::Error>(self, value: i128) -> Result<Yaml, E> {
        Ok(Yaml::Other(value.to_string()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Yaml, E> {
        Ok(Yaml::Other(value.to_string()))
    }

    fn visit_u128<E: de::Error>(self, value: u128) -> Result<Yaml, E> {
        Ok(Yaml::Other(value.to_string()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Yaml, E> {
        Ok(Yaml::Float(value))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Yaml, E> {
        Ok(Yaml::Text(Zeroizing::new(value.to_owned())))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Yaml, E> {
        Ok(Yaml::Text(Zeroizing::new(value)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Yaml, E> {
        Ok(Yaml::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Yaml, E> {
        Ok(Yaml::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Yaml, D::Error> {
        Yaml::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Yaml, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Yaml::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Yaml, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key()? {
            entries.push((key, map.next_value()?));
        }
        Ok(Yaml::Map(entries))
    }
}

/// Parses a YAML document. On error, only the position is kept: the parser's message may quote
/// the file, and the file may hold a secret.
pub(crate) fn parse(text: &str) -> Result<Node, Syntax> {
    match serde_saphyr::from_str::<Spanned<Yaml>>(text) {
        Ok(root) => Ok(convert(text, root)),
        Err(error) => Err(Syntax {
            position: error.location().map(|location| position(&location)),
        }),
    }
}

fn position(location: &Location) -> Position {
    Position {
        line: usize::try_from(location.line()).unwrap_or(usize::MAX),
        column: usize::try_from(location.column()).unwrap_or(usize::MAX),
    }
}

fn convert(text: &str, spanned: Spanned<Yaml>) -> Node {
    match spanned.value {
        Yaml::Null => Node::Null,
        Yaml::Text(value) => Node::Text(value),
        Yaml::Other(value) => Node::Text(Zeroizing::new(value)),
        Yaml::Float(parsed) => {
            let span = spanned.referenced.span();
            let spelling = span
                .byte_offset()
                .zip(span.byte_len())
                .and_then(|(start, len)| {
                    let start = usize::try_from(start).ok()?;
                    let end = start.checked_add(usize::try_from(len).ok()?)?;
                    text.get(start..end)
                });
            let text = spelling.map_or_else(|| parsed.to_string(), |s| s.trim().to_owned());
            Node::Text(Zeroizing::new(text))
        }
        Yaml::List(items) => Node::List(
            items
                .into_iter()
                .map(|item| {
                    let at = position(&item.referenced);
                    (convert(text, item), at)
                })
                .collect(),
        ),
        Yaml::Map(entries) => Node::Map(
            entries
                .into_iter()
                .map(|(key, value)| {
                    let at = position(&key.referenced);
                    (key.value, at, convert(text, value))
                })
                .collect(),
        ),
    }
}
