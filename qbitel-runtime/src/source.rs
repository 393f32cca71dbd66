//! Where values come from.
//!
//! A [`Source`] answers "what is the value of this variable?". The process environment is the
//! default; [`Vars`] holds values in memory, for tests and for callers that assemble their
//! configuration themselves.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ffi::OsString;

use zeroize::Zeroizing;

/// The answer of a [`Source`] for one variable name.
///
/// A value is borrowed from the source when it can be (an in-memory source), so that looking a
/// variable up copies nothing; the loader copies a value once, when it keeps it.
#[derive(Clone, PartialEq, Eq)]
pub enum Lookup<'a> {
    /// The variable is not set.
    Missing,
    /// The variable is set to this value (possibly empty).
    Value(Cow<'a, str>),
    /// The variable is set, but its value is not valid UTF-8.
    NotUnicode,
}

// Values may be secrets: never print them.
impl std::fmt::Debug for Lookup<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Lookup::Missing => f.write_str("Missing"),
            Lookup::Value(_) => f.write_str("Value(<redacted>)"),
            Lookup::NotUnicode => f.write_str("NotUnicode"),
        }
    }
}

/// A place configuration values are read from, by variable name.
pub trait Source {
    /// Looks up one variable.
    fn lookup(&self, name: &str) -> Lookup<'_>;

    /// Whether the default configuration file (`config/qbitel.{environment}.yaml` in the
    /// working directory) is looked for when nothing names one. The process environment says
    /// yes; in-memory sources are hermetic, unless `LoadOptions::with_base_dir` says where to
    /// look.
    fn finds_default_config_file(&self) -> bool {
        false
    }
}

impl<S: Source + ?Sized> Source for &S {
    fn lookup(&self, name: &str) -> Lookup<'_> {
        (**self).lookup(name)
    }

    fn finds_default_config_file(&self) -> bool {
        (**self).finds_default_config_file()
    }
}

/// The process environment, read at lookup time.
#[derive(Clone, Copy, Debug, Default)]
pub struct ProcessEnv;

impl Source for ProcessEnv {
    fn lookup(&self, name: &str) -> Lookup<'_> {
        // An invalid name is just unset. `var_os` answers `None` for a name with a NUL byte; a
        // name with `=` would match the variable before it, whose value follows the `=`. One
        // `memchr`: the loader looks up about three names per field, and a `char` pattern search
        // cost a quarter as much as the lookup itself.
        if name.is_empty() || name.as_bytes().contains(&b'=') {
            return Lookup::Missing;
        }
        match std::env::var_os(name) {
            None => Lookup::Missing,
            Some(value) => from_os_string(value),
        }
    }

    fn finds_default_config_file(&self) -> bool {
        true
    }
}

fn from_os_string(value: OsString) -> Lookup<'static> {
    match value.into_string() {
        Ok(value) => Lookup::Value(Cow::Owned(value)),
        Err(value) => {
            // Wiped all the same: the bytes may be a secret in the wrong encoding.
            drop(Zeroizing::new(value.into_encoded_bytes()));
            Lookup::NotUnicode
        }
    }
}

/// An in-memory source: a map from variable names to values. Values are wiped from memory
/// when they are replaced or removed, and when the source is dropped.
///
/// ```
/// use qbitel_runtime::{Source, Vars, Lookup};
/// let vars = Vars::from_pairs([("QBITEL_AI_ENVIRONMENT", "production")]);
/// assert_eq!(vars.lookup("QBITEL_AI_ENVIRONMENT"), Lookup::Value("production".into()));
/// ```
#[derive(Clone, Default)]
pub struct Vars {
    // A load looks up about three names per field, most of them unset (`NAME_FILE`, fallbacks):
    // foldhash hashes a short name several times faster than the standard library's SipHash,
    // and is still seeded per process.
    values: HashMap<String, Entry, foldhash::fast::RandomState>,
}

/// A variable held by [`Vars`]; values may be secrets, so they are wiped when dropped.
#[derive(Clone)]
enum Entry {
    Text(Zeroizing<String>),
    NotUnicode,
}

impl Vars {
    /// An empty source: every variable is unset.
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds a source from `(name, value)` pairs; a later pair wins over an earlier one.
    pub fn from_pairs<I, K, V>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        let mut vars = Self::new();
        for (name, value) in pairs {
            vars.set(name, value);
        }
        vars
    }

    /// Sets a variable.
    pub fn set(&mut self, name: impl Into<String>, value: impl Into<String>) -> &mut Self {
        self.values
            .insert(name.into(), Entry::Text(Zeroizing::new(value.into())));
        self
    }

    /// Sets a variable to raw bytes, as an operating system may; bytes that are not UTF-8
    /// behave as such a variable does in the process environment.
    pub fn set_bytes(&mut self, name: impl Into<String>, value: Vec<u8>) -> &mut Self {
        let entry = match String::from_utf8(value) {
            Ok(value) => Entry::Text(Zeroizing::new(value)),
            Err(error) => {
                // Wiped all the same: the bytes may be a secret in the wrong encoding.
                drop(Zeroizing::new(error.into_bytes()));
                Entry::NotUnicode
            }
        };
        self.values.insert(name.into(), entry);
        self
    }

    /// Unsets a variable.
    pub fn remove(&mut self, name: &str) -> &mut Self {
        self.values.remove(name);
        self
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Vars {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Self::from_pairs(iter)
    }
}

// Names only: the values may be secrets.
impl std::fmt::Debug for Vars {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut names: Vec<&str> = self.values.keys().map(String::as_str).collect();
        names.sort_unstable();
        f.debug_struct("Vars").field("names", &names).finish()
    }
}

impl Source for Vars {
    fn lookup(&self, name: &str) -> Lookup<'_> {
        match self.values.get(name) {
            None => Lookup::Missing,
            Some(Entry::Text(value)) => Lookup::Value(Cow::Borrowed(value.as_str())),
            Some(Entry::NotUnicode) => Lookup::NotUnicode,
        }
    }
}

impl<H: std::hash::BuildHasher> Source for HashMap<String, String, H> {
    fn lookup(&self, name: &str) -> Lookup<'_> {
        self.get(name)
            .map_or(Lookup::Missing, |value| Lookup::Value(Cow::Borrowed(value)))
    }
}
