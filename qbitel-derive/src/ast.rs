//! Stage one: the attributes as written, parsed by `darling`.
//!
//! Each option is documented where it is declared; `validate` checks how they combine.

use darling::util::{Flag, SpannedValue};
use darling::{FromDeriveInput, FromField};

use crate::attr::{CratePath, MinLen, StrengthKind};

/// `#[config(...)]` on the struct. The fields are parsed one by one in `validate`, so that a
/// field whose attribute does not parse does not hide the other fields' errors.
#[derive(FromDeriveInput)]
#[darling(attributes(config))]
pub(crate) struct Container {
    /// `prefix = "QBITEL_AI_"`: put before the upper-cased field name to make a field's default
    /// variable name. Explicit `env` and `fallback` names are used as written.
    pub(crate) prefix: Option<SpannedValue<String>>,
    /// `crate = "path"`: where the runtime is, for crates that re-export it.
    #[darling(rename = "crate")]
    pub(crate) krate: Option<CratePath>,
}

/// `#[config(...)]` on a field.
#[derive(FromField)]
#[darling(attributes(config), forward_attrs(doc))]
pub(crate) struct Field {
    pub(crate) ident: Option<syn::Ident>,
    pub(crate) ty: syn::Type,
    pub(crate) attrs: Vec<syn::Attribute>,
    /// `env = "NAME"`: the primary variable; by default the prefix and the upper-cased field name.
    pub(crate) env: Option<SpannedValue<String>>,
    /// `fallback = "NAME"`, repeatable: tried in order when the primary is unset or empty.
    #[darling(multiple)]
    pub(crate) fallback: Vec<SpannedValue<String>>,
    /// `min_len = N`: the minimum length in characters.
    pub(crate) min_len: Option<MinLen>,
    /// `strength`, `strength = "password"` or `strength = "key"`: reject weak secrets, with the
    /// thresholds of that kind of secret.
    pub(crate) strength: Option<SpannedValue<StrengthKind>>,
    /// `letters_and_digits`: the value must contain both (API keys).
    pub(crate) letters_and_digits: Flag,
    /// `required`, on an `Option` field: must be set in production; `None` with a warning
    /// elsewhere.
    pub(crate) required: Flag,
    /// `recommended`, on an `Option` field: a warning when unset.
    pub(crate) recommended: Flag,
    /// `default = "literal"`: the value when nothing is set, in every environment. Never on a
    /// secret: secrets do not live in source code.
    pub(crate) default: Option<SpannedValue<String>>,
    /// `dev_default = "literal"`: the value when nothing is set, outside production only.
    pub(crate) dev_default: Option<SpannedValue<String>>,
    /// `production = "literal"`: the value this setting must have in production (`debug` off,
    /// TLS on). Any other value, from any source, is an error in production and a warning
    /// elsewhere. Never on a secret.
    pub(crate) production: Option<SpannedValue<String>>,
    /// `hint = "..."`: a line added to the field's messages.
    pub(crate) hint: Option<SpannedValue<String>>,
    /// `label = "..."`: the human name in messages; by default the doc comment's first line.
    pub(crate) label: Option<SpannedValue<String>>,
    /// `nested`: the field is itself a `ProductionConfig` struct, loaded in place (a section of
    /// a config file); its own `prefix` names its variables.
    pub(crate) nested: Flag,
    /// `allow = "check.id"`, repeatable: silence that check's warnings for this field.
    #[darling(multiple)]
    pub(crate) allow: Vec<SpannedValue<String>>,
}
