//! TOML through `toml`'s document parser, which keeps the byte span of every key and value.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};
use zeroize::Zeroizing;

use super::document::{Node, Position};
use super::format::Syntax;

/// Parses a TOML document. On error, only the position is kept: the parser's message may quote
/// the file, and the file may hold a secret.
pub(crate) fn parse(text: &str) -> Result<Node, Syntax> {
    match DeTable::parse(text) {
        Ok(table) => Ok(table_node(text, table.into_inner())),
        Err(error) => Err(Syntax {
            position: error.span().map(|span| Position::at_byte(text, span.start)),
        }),
    }
}

fn table_node(text: &str, table: DeTable<'_>) -> Node {
    Node::Map(
        table
            .into_iter()
            .map(|(key, value)| {
                let at = Position::at_byte(text, key.span().start);
                (key.into_inner().into_owned(), at, value_node(text, value))
            })
            .collect(),
    )
}

fn value_node(text: &str, value: Spanned<DeValue<'_>>) -> Node {
    let span = value.span();
    match value.into_inner() {
        DeValue::String(string) => Node::Text(Zeroizing::new(string.into_owned())),
        // In decimal, which every integer type parses: `0x1F40` becomes `8000`.
        DeValue::Integer(number) => Node::Text(Zeroizing::new(
            i128::from_str_radix(number.as_str(), number.radix())
                .map_or_else(|_| spelling(text, span, number.as_str()), |n| n.to_string()),
        )),
        // As written, less `_` separators: `1.10` stays `1.10`, not the float's `1.1`.
        DeValue::Float(number) => Node::Text(Zeroizing::new(
            spelling(text, span, number.as_str()).replace('_', ""),
        )),
        DeValue::Boolean(flag) => Node::Text(Zeroizing::new(flag.to_string())),
        DeValue::Datetime(datetime) => Node::Text(Zeroizing::new(datetime.to_string())),
        DeValue::Array(items) => Node::List(
            items
                .into_iter()
                .map(|item| {
                    let at = Position::at_byte(text, item.span().start);
                    (value_node(text, item), at)
                })
                .collect(),
        ),
        DeValue::Table(table) => table_node(text, table),
    }
}

fn spelling(text: &str, span: Range<usize>, parsed: &str) -> String {
    text.get(span).unwrap_or(parsed).trim().to_owned()
}
