//! Finding a field's raw value among its names and their secret files.
//!
//! For each name, primary first, then each fallback: the variable `NAME`, else the file named
//! by `NAME_FILE`, then the file `NAME` (or `name`, lower-case) in the secrets directory. The
//! first value found wins; a later different one is a conflict. `NAME` and `NAME_FILE` both set
//! is an error, as are secret files that cannot be read.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use zeroize::{Zeroize, Zeroizing};

use crate::files::{
    FILE_SUFFIX, FileLayer, MAX_SECRET_FILE_SIZE, ReadError, SECRETS_DIR_VARIABLE, read_capped,
    secret_value,
};
use crate::meta::FieldMeta;
use crate::report::Provenance;
use crate::source::{Lookup, Source};

/// The value used and where it came from.
pub(crate) struct Found {
    pub(crate) raw: Zeroizing<String>,
    pub(crate) provenance: Provenance,
}

/// A failure found while resolving; the field cannot be loaded.
pub(crate) struct Problem {
    pub(crate) id: &'static str,
    pub(crate) variable: String,
    pub(crate) message: String,
}

/// What the names of one field hold.
#[derive(Default)]
pub(crate) struct Resolved {
    /// The first non-empty value.
    pub(crate) value: Option<Found>,
    /// Names (or files) that are set but empty (counted as missing).
    pub(crate) empty: Vec<String>,
    /// Names whose value is not UTF-8.
    pub(crate) not_unicode: Vec<String>,
    /// Later names (or files) set to a value different from the one used.
    pub(crate) conflicting: Vec<String>,
    /// Errors: ambiguous or unreadable sources.
    pub(crate) problems: Vec<Problem>,
}

impl Resolved {
    /// Offers a value found under one name; `shown` names it in a message, when one is needed.
    /// A borrowed value is copied only when it is the one used.
    fn offer(&mut self, raw: Cow<'_, str>, provenance: Provenance, shown: impl FnOnce() -> String) {
        let blank = is_blank(&raw);
        if self.value.is_none() && !blank {
            let raw = Zeroizing::new(raw.into_owned());
            self.value = Some(Found { raw, provenance });
            return;
        }
        if blank {
            self.empty.push(shown());
        } else if self.value.as_ref().is_some_and(|found| *found.raw != *raw) {
            self.conflicting.push(shown());
        }
        wipe(Lookup::Value(raw));
    }

    /// Offers a secret file's content, moved, not copied: `offer` keeps it or wipes it.
    fn offer_file(
        &mut self,
        mut content: Zeroizing<String>,
        provenance: Provenance,
        shown: String,
    ) {
        let content = Cow::Owned(std::mem::take(&mut *content));
        self.offer(content, provenance, || shown);
    }

    fn problem(&mut self, id: &'static str, variable: &str, message: String) {
        self.problems.push(Problem {
            id,
            variable: variable.to_owned(),
            message,
        });
    }
}

/// `pointer_name`: a buffer for the `NAME_FILE` names, reused across fields; building a fresh
/// string for each name was a measurable share of a load.
pub(crate) fn resolve(
    source: &dyn Source,
    files: &FileLayer,
    meta: &FieldMeta,
    pointer_name: &mut String,
) -> Resolved {
    let mut resolved = Resolved::default();
    for name in meta.names() {
        pointer_name.clear();
        pointer_name.push_str(name);
        pointer_name.push_str(FILE_SUFFIX);
        let direct = source.lookup(name);
        let pointer = source.lookup(pointer_name);
        let direct_set = is_set(&direct);
        if direct_set && is_set(&pointer) {
            resolved.problem(
                "value.ambiguous",
                name,
                format!(
                    "{name} and {pointer_name} are both set; set only one of them ({})",
                    meta.label_text()
                ),
            );
            wipe(direct);
            continue;
        }
        match direct {
            Lookup::Missing => {}
            Lookup::NotUnicode => resolved.not_unicode.push(name.to_owned()),
            Lookup::Value(value) => {
                resolved.offer(value, Provenance::Variable(Cow::Borrowed(name)), || {
                    name.to_owned()
                });
            }
        }
        if !direct_set {
            match pointer {
                Lookup::Missing => {}
                Lookup::NotUnicode => resolved.not_unicode.push(pointer_name.clone()),
                Lookup::Value(path) if is_blank(&path) => {
                    resolved.empty.push(pointer_name.clone());
                }
                Lookup::Value(path) => {
                    let path = files.resolve(Path::new(path.trim()));
                    from_pointer(&mut resolved, pointer_name, path, meta);
                }
            }
        }
        if let Some(dir) = files.secrets_dir() {
            from_directory(&mut resolved, dir, name, meta);
        }
    }
    resolved
}

/// Wipes a value this process owns and does not use (an in-memory source's borrowed value
/// stays with the source, which wipes it).
fn wipe(lookup: Lookup<'_>) {
    if let Lookup::Value(Cow::Owned(mut value)) = lookup {
        value.zeroize();
    }
}

/// Whether a value is empty or only white space. (`trim` would scan from both ends; a value
/// is checked at each lookup.)
fn is_blank(value: &str) -> bool {
    value.chars().all(char::is_whitespace)
}

/// Whether a lookup counts as set: an empty value counts as not set.
fn is_set(lookup: &Lookup) -> bool {
    match lookup {
        Lookup::Missing => false,
        Lookup::Value(value) => !is_blank(value),
        Lookup::NotUnicode => true,
    }
}

/// The file named by `NAME_FILE`: it must exist and be readable.
fn from_pointer(resolved: &mut Resolved, pointer_name: &str, path: PathBuf, meta: &FieldMeta) {
    match read_capped(&path, MAX_SECRET_FILE_SIZE) {
        Ok(content) => {
            let shown = format!("{pointer_name} ({})", crate::shown::path(&path));
            let provenance = Provenance::SecretFile {
                variable: pointer_name.to_owned(),
                path,
            };
            resolved.offer_file(secret_value(content), provenance, shown);
        }
        Err(error) => file_problem(resolved, pointer_name, &path, &error, meta),
    }
}

/// The file named after the variable in the secrets directory, exact name first, then
/// lower-case (as Docker Compose secrets are usually named); both, with different contents,
/// is an error.
fn from_directory(resolved: &mut Resolved, dir: &Path, name: &str, meta: &FieldMeta) {
    let mut candidates = vec![dir.join(name)];
    let lower = name.to_ascii_lowercase();
    if lower != name {
        candidates.push(dir.join(lower));
    }
    let mut found: Option<(PathBuf, Zeroizing<String>)> = None;
    for path in candidates {
        match read_capped(&path, MAX_SECRET_FILE_SIZE) {
            Ok(content) => {
                let content = secret_value(content);
                match &found {
                    None => found = Some((path, content)),
                    // One file seen twice on a case-insensitive file system reads the same.
                    Some((first, value)) if **value != *content => {
                        resolved.problem(
                            "value.ambiguous",
                            SECRETS_DIR_VARIABLE,
                            format!(
                                "{} and {} are both in the secrets directory, with different \
                                 contents; keep one ({})",
                                crate::shown::path(first),
                                crate::shown::path(&path),
                                meta.label_text()
                            ),
                        );
                        return;
                    }
                    Some(_) => {}
                }
            }
            Err(ReadError::NotFound) => {}
            Err(error) => {
                file_problem(resolved, SECRETS_DIR_VARIABLE, &path, &error, meta);
                return;
            }
        }
    }
    if let Some((path, content)) = found {
        let shown = crate::shown::path(&path).to_string();
        let provenance = Provenance::SecretFile {
            variable: SECRETS_DIR_VARIABLE.to_owned(),
            path,
        };
        resolved.offer_file(content, provenance, shown);
    }
}

fn file_problem(
    resolved: &mut Resolved,
    variable: &str,
    path: &Path,
    error: &ReadError,
    meta: &FieldMeta,
) {
    let id = match error {
        ReadError::NotUnicode => "value.unicode",
        _ => "value.file",
    };
    resolved.problem(
        id,
        variable,
        format!(
            "{} ({variable}) cannot be used: {error} ({})",
            shown_path(path),
            meta.label_text()
        ),
    );
}

/// A path for a message, unless it may be a secret: someone who sets `NAME_FILE` to the
/// password itself instead of a path gets a path that does not exist. A path is shown only when
/// it names a file in a directory that exists.
fn shown_path(path: &Path) -> String {
    let real_directory = path
        .parent()
        .is_some_and(|dir| !dir.as_os_str().is_empty() && dir.is_dir());
    if real_directory {
        crate::shown::path(path).to_string()
    } else {
        "the named path (not shown: it is not in an existing directory, so it may be a secret \
         set by mistake)"
            .to_owned()
    }
}
