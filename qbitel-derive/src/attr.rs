//! Attribute values with their own parsing rules.

use darling::{Error, FromMeta, Result};
use proc_macro2::Span;

/// `min_len = N`: a positive integer literal, never a string.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MinLen {
    pub(crate) value: usize,
    pub(crate) span: Span,
}

impl FromMeta for MinLen {
    fn from_value(value: &syn::Lit) -> Result<Self> {
        match value {
            syn::Lit::Int(int) => {
                let parsed: usize = int.base10_parse().map_err(|_| {
                    Error::custom(
                        "`min_len` takes a positive whole number of characters, such as \
                         `min_len = 16`",
                    )
                    .with_span(int)
                })?;
                if parsed == 0 {
                    return Err(Error::custom(
                        "`min_len = 0` checks nothing; remove it or set a minimum of at least 1",
                    )
                    .with_span(int));
                }
                Ok(MinLen {
                    value: parsed,
                    span: int.span(),
                })
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

/// `crate = "path"`: the path the runtime is re-exported at, parsed with the literal's span so
/// that generated code naming it points back at the attribute.
#[derive(Clone, Debug)]
pub(crate) struct CratePath(pub(crate) syn::Path);

impl FromMeta for CratePath {
    fn from_value(value: &syn::Lit) -> Result<Self> {
        let syn::Lit::Str(text) = value else {
            return Err(Error::unexpected_lit_type(value).with_span(value));
        };
        text.parse::<syn::Path>().map(CratePath).map_err(|_| {
            Error::custom(format!(
                "`crate` takes the path the runtime is re-exported at, such as \
                 `crate = \"my_crate::qbitel\"`; {:?} is not a path",
                text.value()
            ))
            .with_span(text)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(tokens: &str) -> syn::Meta {
        syn::parse_str(tokens).unwrap()
    }

    #[test]
    fn min_len_takes_a_positive_integer() {
        assert_eq!(MinLen::from_meta(&meta("min_len = 16")).unwrap().value, 16);
        for bad in ["min_len = 0", "min_len = \"16\"", "min_len = 1.5"] {
            assert!(MinLen::from_meta(&meta(bad)).is_err(), "{bad} accepted");
        }
        let quoted = MinLen::from_meta(&meta("min_len = \"16\"")).err().unwrap();
        assert!(quoted.to_string().contains("write `min_len = 16`"));
    }

    #[test]
    fn strength_kinds() {
        assert_eq!(
            StrengthKind::from_meta(&meta("strength")).unwrap(),
            StrengthKind::Password
        );
        assert_eq!(
            StrengthKind::from_meta(&meta("strength = \"key\"")).unwrap(),
            StrengthKind::Key
        );
        assert!(StrengthKind::from_meta(&meta("strength = \"strong\"")).is_err());
    }

    #[test]
    fn crate_path_must_parse_as_a_path() {
        let CratePath(path) = CratePath::from_meta(&meta("crate = \"my::runtime\"")).unwrap();
        assert_eq!(
            quote::quote!(#path).to_string(),
            quote::quote!(my::runtime).to_string()
        );
        assert!(CratePath::from_meta(&meta("crate = \"my runtime\"")).is_err());
        assert!(CratePath::from_meta(&meta("crate = \"\"")).is_err());
    }
}
