//! Finding, reading and parsing the configuration file of an environment.

use std::path::{Path, PathBuf};

use super::document::Document;
use super::format::Format;
use super::read::{ReadError, read_capped};
use super::{CONFIG_FILE_VARIABLE, MAX_CONFIG_FILE_SIZE};
use crate::environment::Environment;
use crate::report::{Check, Status};
use crate::source::{Lookup, Source};

/// A configuration file that was read and parsed.
pub(crate) struct ConfigFile {
    /// The path as found, for messages and provenance.
    pub(crate) path: PathBuf,
    pub(crate) document: Document,
}

/// `path` as seen from `base` (the working directory when `None`).
pub(crate) fn under(base: Option<&Path>, path: &Path) -> PathBuf {
    match base {
        Some(base) if path.is_relative() => base.join(path),
        _ => path.to_path_buf(),
    }
}

/// Who named the configuration file: a missing file is an error only when someone did.
enum Named {
    Options,
    Variable,
}

impl Named {
    fn describe(&self) -> &'static str {
        match self {
            Named::Options => "named by the load options",
            Named::Variable => "named by QBITEL_AI_CONFIG_FILE",
        }
    }
}

/// Reads the configuration file for `environment`: the one named by `explicit`, else by
/// `QBITEL_AI_CONFIG_FILE`, else `config/qbitel.{environment}.yaml` (or `.toml`) if it exists
/// and the caller gave a base directory or the source looks in the working directory.
pub(crate) fn open(
    source: &dyn Source,
    explicit: Option<&Path>,
    base: Option<&Path>,
    environment: Environment,
) -> (Option<ConfigFile>, Vec<Check>) {
    let named = match (explicit, source.lookup(CONFIG_FILE_VARIABLE)) {
        (Some(path), _) => Some((under(base, path), Named::Options)),
        (None, Lookup::Value(path)) if !path.trim().is_empty() => {
            Some((under(base, Path::new(path.trim())), Named::Variable))
        }
        (None, Lookup::NotUnicode) => {
            let check = failure(
                "file.read",
                format!("{CONFIG_FILE_VARIABLE} is not valid UTF-8; set it to the file's path"),
            )
            .with_variable(CONFIG_FILE_VARIABLE);
            return (None, vec![check]);
        }
        (None, _) => None,
    };
    match named {
        Some((path, named)) => match read(&path, Some(&named)) {
            Ok(Some(file)) => loaded(file),
            Ok(None) => (None, Vec::new()),
            Err(check) => (None, vec![*check]),
        },
        None if base.is_some() || source.finds_default_config_file() => {
            open_default(base, environment)
        }
        None => (None, Vec::new()),
    }
}

fn open_default(base: Option<&Path>, environment: Environment) -> (Option<ConfigFile>, Vec<Check>) {
    // One system call instead of one per format when there is no `config` directory, the
    // common case of a service configured by its environment alone. Any other answer (not a
    // directory, no permission) goes on to the probes, which report it.
    let dir = std::fs::metadata(under(base, Path::new("config")));
    if dir.is_err_and(|error| error.kind() == std::io::ErrorKind::NotFound) {
        return (None, Vec::new());
    }
    let mut found = Vec::new();
    for extension in ["yaml", "toml"] {
        let name = format!("config/qbitel.{}.{extension}", environment.as_str());
        let path = under(base, Path::new(&name));
        match read(&path, None) {
            Ok(Some(file)) => found.push(file),
            Ok(None) => {}
            Err(check) => return (None, vec![*check]),
        }
    }
    match found.len() {
        0 => (None, Vec::new()),
        1 => loaded(found.remove(0)),
        _ => {
            let paths: Vec<String> = found
                .iter()
                .map(|f| crate::shown::path(&f.path).to_string())
                .collect();
            let check = failure(
                "file.read",
                format!(
                    "Both {} exist; keep one configuration file per environment",
                    paths.join(" and ")
                ),
            );
            (None, vec![check])
        }
    }
}

fn loaded(file: ConfigFile) -> (Option<ConfigFile>, Vec<Check>) {
    let check = Check::new(
        "file.loaded",
        Status::Pass,
        format!(
            "Read configuration file {} ({} keys)",
            crate::shown::path(&file.path),
            file.document.entries.len()
        ),
    );
    (Some(file), vec![check])
}

/// Reads and parses one file; `Ok(None)` when it does not exist and nobody named it.
fn read(path: &Path, named: Option<&Named>) -> Result<Option<ConfigFile>, Box<Check>> {
    let shown = crate::shown::path(path);
    let with_variable = |check: Check| {
        Box::new(match named {
            Some(Named::Variable) => check.with_variable(CONFIG_FILE_VARIABLE),
            _ => check,
        })
    };
    let Some(format) = Format::of(path) else {
        let message = format!(
            "Configuration file {shown} has an unknown format; name it .yaml, .yml or .toml"
        );
        return Err(with_variable(failure("file.read", message)));
    };
    let text = match read_capped(path, MAX_CONFIG_FILE_SIZE) {
        Ok(text) => text,
        Err(ReadError::NotFound) if named.is_none() => return Ok(None),
        Err(error) => {
            let by = named
                .map(|n| format!(" ({})", n.describe()))
                .unwrap_or_default();
            let message = format!("Configuration file {shown}{by} cannot be read: {error}");
            return Err(with_variable(failure("file.read", message)));
        }
    };
    let Some(parsed) = format.parse(&text) else {
        let message = format!(
            "Configuration file {shown} is {}, but this build cannot read {}: enable \
             qbitel-runtime's `{}` feature",
            format.name(),
            format.name(),
            format.feature()
        );
        return Err(with_variable(failure("file.read", message)));
    };
    let root = parsed.map_err(|syntax| {
        let at = syntax
            .position
            .map(|p| format!(":{}:{}", p.line, p.column))
            .unwrap_or_default();
        // The parser's own message is left out: it may quote the line, and the line may be a
        // secret.
        let message = format!(
            "Configuration file {shown}{at}: not valid {} (the parser's message is not shown, \
             as it may quote the file)",
            format.name()
        );
        with_variable(failure("file.parse", message))
    })?;
    let Some(document) = Document::from_root(root) else {
        let message = format!(
            "Configuration file {shown}: the top level must be a mapping of keys to values"
        );
        return Err(with_variable(failure("file.parse", message)));
    };
    Ok(Some(ConfigFile {
        path: path.to_path_buf(),
        document,
    }))
}

fn failure(id: &'static str, message: String) -> Check {
    Check::new(id, Status::Failure, message)
}
