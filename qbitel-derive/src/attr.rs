//! Attribute values with their own parsing rules.

use darling::{Error, FromMeta, Result};

/// `min_len = N`: a positive integer literal, never a string.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MinLen {
    pub(crate) value: usize,
}

impl FromMeta for MinLen {
    fn from_value(value: &syn::Lit) -> Result<Self> {
        match value {
            syn::Lit::Int(int) => {
                let parsed: usize = int.base10_parse().map_err(|_| {
                    Error::custom("`min_len` must be a whole number of characters").with_span(int)
                })?;
                if parsed == 0 {
                    return Err(Error::custom(
                        "`min_len = 0` checks nothing; remove it or set a minimum of at least 1",
                    )
                    .with_span(int));
                }
                Ok(MinLen { value: parsed })
            }
            syn::Lit::Str(text) => Err(Error::custom(format!(
                "`min_len` takes an integer: write `min_len = {}`, without quotes",
                text.value().trim()
            ))
            .with_span(text)),
            other => Err(Error::unexpected_lit_type(other).with_span(other)),
        }
    }
}

/// `strength` (a password) or `strength = "password"` / `strength = "key"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StrengthKind {
    Password,
    Key,
}

impl FromMeta for StrengthKind {
    fn from_word() -> Result<Self> {
        Ok(StrengthKind::Password)
    }

    fn from_string(value: &str) -> Result<Self> {
        match value {
            "password" => Ok(StrengthKind::Password),
            "key" => Ok(StrengthKind::Key),
            other => Err(Error::custom(format!(
                "unknown strength kind {other:?}: use `strength` or `strength = \"password\"` \
                 for passwords, `strength = \"key\"` for keys"
            ))),
        }
    }
}
