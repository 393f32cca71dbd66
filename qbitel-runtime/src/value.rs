//! How field types are read: the types carry the behaviour, the derive only names them.
//!
//! [`ConfigValue`] is implemented by every type a value can be parsed into; [`FieldType`] adds
//! the `Option` layer on top. The marker traits at the end turn attribute misuse (`min_len` on
//! an integer, `default` on a secret) into compile errors that point at the field's type.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::PathBuf;

use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use crate::environment::Environment;

/// What kind of value a type holds; decides redaction, stand-ins and generation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// An ordinary setting; may be printed and defaulted.
    Plain,
    /// A secret string: redacted everywhere, never defaulted in source.
    Secret,
    /// A secret that must be a Fernet key (URL-safe base64 of 32 bytes).
    FernetKey,
}

impl ValueKind {
    /// Whether values of this kind are secrets.
    pub const fn is_secret(self) -> bool {
        !matches!(self, ValueKind::Plain)
    }
}

/// Why a value could not be parsed. The message must never contain a secret's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    id: &'static str,
    message: String,
}

impl Invalid {
    /// A parse failure with the generic id `value.invalid`.
    pub fn new(message: impl Into<String>) -> Self {
        Self::with_id("value.invalid", message)
    }

    /// A parse failure with a specific check id (such as `key.fernet`).
    pub fn with_id(id: &'static str, message: impl Into<String>) -> Self {
        Self {
            id,
            message: message.into(),
        }
    }

    /// The check id.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The reason, without the value.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// How a rule a value breaks is graded by environment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Grade {
    /// An error in production, a warning elsewhere (weak or short secrets, malformed origins).
    Policy,
    /// An error in production, allowed elsewhere (a CORS wildcard or `http://` origin).
    ProductionOnly,
}

/// A rule a parsed value breaks, reported by the type itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub(crate) id: &'static str,
    pub(crate) grade: Grade,
    pub(crate) message: String,
}

/// What a type sees while it parses: the environment, and where to report rule findings.
#[derive(Debug)]
pub struct ValueContext {
    environment: Environment,
    findings: Vec<Finding>,
}

impl ValueContext {
    pub(crate) fn new(environment: Environment) -> Self {
        Self {
            environment,
            findings: Vec::new(),
        }
    }

    /// The environment being evaluated.
    pub fn environment(&self) -> Environment {
        self.environment
    }

    /// Reports that the value breaks a rule; `message` must never contain a secret's value.
    pub fn finding(&mut self, id: &'static str, grade: Grade, message: impl Into<String>) {
        self.findings.push(Finding {
            id,
            grade,
            message: message.into(),
        });
    }

    pub(crate) fn take_findings(&mut self) -> Vec<Finding> {
        std::mem::take(&mut self.findings)
    }
}

/// A type a configuration value can be parsed into.
///
/// Implemented for strings, secrets, numbers, `bool`, addresses, paths, [`Vec`] (a
/// comma-separated list), [`CorsOrigins`](crate::CorsOrigins) and
/// [`FernetKey`](crate::FernetKey). For your own `FromStr` types, use
/// [`config_value_from_str!`](crate::config_value_from_str).
pub trait ConfigValue: Sized {
    /// What kind of value this is.
    const KIND: ValueKind = ValueKind::Plain;

    /// Parses the raw text of a variable. For secrets, `raw` is the secret: move it into a
    /// `secrecy` type and never copy it into the error.
    fn parse(raw: String, cx: &mut ValueContext) -> Result<Self, Invalid>;

    /// The text that `min_len`, `strength` and the reuse check look at, for text types.
    fn text(&self) -> Option<&str> {
        None
    }
}

/// A field's type: a [`ConfigValue`], or an `Option` of one.
pub trait FieldType: Sized {
    /// The value parsed from text.
    type Value: ConfigValue;
    /// Whether the field may be absent.
    const OPTIONAL: bool;
    /// The value's kind.
    const KIND: ValueKind = <Self::Value as ConfigValue>::KIND;

    /// The field holding a value.
    fn present(value: Self::Value) -> Self;

    /// The field when no value is set, if it can be absent.
    fn absent() -> Option<Self>;
}

impl<T: ConfigValue> FieldType for T {
    type Value = T;
    const OPTIONAL: bool = false;

    fn present(value: T) -> Self {
        value
    }

    fn absent() -> Option<Self> {
        None
    }
}

impl<T: ConfigValue> FieldType for Option<T> {
    type Value = T;
    const OPTIONAL: bool = true;

    fn present(value: T) -> Self {
        Some(value)
    }

    fn absent() -> Option<Self> {
        Some(None)
    }
}

/// A secret string from `raw`, leaving no unwiped copy: moved when it fills its buffer
/// exactly, since shrinking a larger buffer may move the text and free the old one unwiped,
/// and copied otherwise (the original is wiped when `raw` drops).
pub(crate) fn secret_string(mut raw: Zeroizing<String>) -> SecretString {
    if raw.capacity() == raw.len() {
        SecretString::from(std::mem::take(&mut *raw))
    } else {
        SecretString::from(raw.as_str())
    }
}

impl ConfigValue for SecretString {
    const KIND: ValueKind = ValueKind::Secret;

    fn parse(raw: String, _: &mut ValueContext) -> Result<Self, Invalid> {
        Ok(secret_string(Zeroizing::new(raw)))
    }

    fn text(&self) -> Option<&str> {
        Some(self.expose_secret())
    }
}

impl ConfigValue for String {
    fn parse(raw: String, _: &mut ValueContext) -> Result<Self, Invalid> {
        Ok(raw)
    }

    fn text(&self) -> Option<&str> {
        Some(self)
    }
}

impl ConfigValue for bool {
    fn parse(raw: String, _: &mut ValueContext) -> Result<Self, Invalid> {
        const TRUE: [&str; 4] = ["true", "1", "yes", "on"];
        const FALSE: [&str; 4] = ["false", "0", "no", "off"];
        let value = raw.trim();
        if TRUE.iter().any(|word| word.eq_ignore_ascii_case(value)) {
            Ok(true)
        } else if FALSE.iter().any(|word| word.eq_ignore_ascii_case(value)) {
            Ok(false)
        } else {
            Err(Invalid::new(format!(
                "{value:?} is not a boolean; use one of true/false, 1/0, yes/no, on/off"
            )))
        }
    }
}

/// Parses a plain (non-secret) value through its `FromStr`, naming the expected type.
pub fn parse_from_str<T>(raw: &str, expected: &str) -> Result<T, Invalid>
where
    T: std::str::FromStr,
    T::Err: fmt::Display,
{
    let value = raw.trim();
    value
        .parse()
        .map_err(|error| Invalid::new(format!("{value:?} is not a valid {expected}: {error}")))
}

/// Implements [`ConfigValue`] for types through their `FromStr`, as plain (non-secret) values.
///
/// ```
/// #[derive(Debug)]
/// struct Level(u8);
/// impl std::str::FromStr for Level {
///     type Err = String;
///     fn from_str(s: &str) -> Result<Self, String> {
///         s.parse().map(Level).map_err(|_| "expected 0-9".to_owned())
///     }
/// }
/// qbitel_runtime::config_value_from_str!(Level);
/// ```
#[macro_export]
macro_rules! config_value_from_str {
    ($($ty:ty),+ $(,)?) => {$(
        impl $crate::ConfigValue for $ty {
            fn parse(
                raw: ::std::string::String,
                _: &mut $crate::ValueContext,
            ) -> ::core::result::Result<Self, $crate::Invalid> {
                $crate::parse_from_str(&raw, ::core::stringify!($ty))
            }
        }
        impl $crate::__private::PlainValue for $ty {}
    )+};
}

config_value_from_str!(
    char,
    i8,
    i16,
    i32,
    i64,
    i128,
    isize,
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    f32,
    f64,
    PathBuf,
    IpAddr,
    Ipv4Addr,
    Ipv6Addr,
    SocketAddr,
    Environment,
);

impl<T: ConfigValue + PlainValue> ConfigValue for Vec<T> {
    fn parse(raw: String, cx: &mut ValueContext) -> Result<Self, Invalid> {
        let mut values = Vec::new();
        let mut problems = Vec::new();
        for (index, item) in raw.split(',').map(str::trim).enumerate() {
            if item.is_empty() {
                continue;
            }
            match T::parse(item.to_owned(), cx) {
                Ok(value) => values.push(value),
                Err(invalid) => problems.push(format!("item {}: {invalid}", index + 1)),
            }
        }
        if problems.is_empty() {
            Ok(values)
        } else {
            Err(Invalid::new(problems.join("; ")))
        }
    }
}

/// Marks types that may have a literal `default`: everything but secrets.
#[diagnostic::on_unimplemented(
    message = "`{Self}` holds a secret, and secrets never live in source code",
    label = "`default` is not allowed on this secret field",
    note = "use `dev_default` for a value used outside production only, or set the variable"
)]
pub trait PlainValue {}

impl PlainValue for String {}
impl PlainValue for bool {}
impl<T: PlainValue> PlainValue for Vec<T> {}
impl<T: PlainValue> PlainValue for Option<T> {}

/// Marks types with a text to measure: the ones `min_len` and `strength` apply to.
#[diagnostic::on_unimplemented(
    message = "`min_len`, `strength` and `letters_and_digits` need a text value, but `{Self}` is not one",
    label = "this type has no text to measure",
    note = "use them on `SecretString`, `String`, `FernetKey` or an `Option` of one"
)]
pub trait TextValue {}

impl TextValue for String {}
impl TextValue for SecretString {}
impl<T: TextValue> TextValue for Option<T> {}

/// Marks `Option` fields: the only ones that can be `required` or `recommended`.
#[diagnostic::on_unimplemented(
    message = "`required` and `recommended` apply to `Option` fields, and `{Self}` is not an `Option`",
    label = "make this `Option<{Self}>`",
    note = "a field that is not an `Option` is always required"
)]
pub trait OptionalField {}

impl<T> OptionalField for Option<T> {}
