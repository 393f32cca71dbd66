//! Items for generated code only; not a public API and not covered by semver.

pub use crate::load::Loader;
pub use crate::meta::{ConfigMeta, FieldMeta};
pub use crate::strength::SecretKind;
pub use crate::value::{FieldType, OptionalField, PlainValue, TextValue};

/// Compile-time check, spanned at a field's type: `default` needs a non-secret type.
pub const fn assert_plain<T: PlainValue + ?Sized>() {}

/// Compile-time check, spanned at a field's type: `min_len`/`strength` need a text type.
pub const fn assert_text<T: TextValue + ?Sized>() {}

/// Compile-time check, spanned at a field's type: `required`/`recommended` need an `Option`.
pub const fn assert_optional<T: OptionalField + ?Sized>() {}

/// Compile-time check, spanned at a field's type: `production` compares values.
pub const fn assert_comparable<T: Comparable + ?Sized>() {}

/// Marks types whose values can be compared with the literal of `production`: settings, not
/// secrets (a secret's value never lives in source code), with `PartialEq`.
#[diagnostic::on_unimplemented(
    message = "`production = \"...\"` needs a setting that is not a secret and implements `PartialEq`, and `{Self}` is not one",
    label = "`production` cannot compare this field with a literal",
    note = "use `production` on settings such as `debug: bool`; secrets are judged by `min_len` and `strength`"
)]
pub trait Comparable {}

impl<T: PartialEq + PlainValue + ?Sized> Comparable for T {}

/// Compile-time check, spanned at a field's type: `nested` needs a configuration struct.
pub const fn assert_nested<T: crate::ProductionConfig>() {}

/// Compile-time check, spanned at a field's type: the type can be loaded.
pub const fn assert_field<T: FieldType>() {}
