//! What the loader asks of files: the configuration file's value for a field, the secrets
//! directory, and, once every field was loaded, the keys nobody asked for and the file rules.

use std::path::{Path, PathBuf};

use zeroize::Zeroizing;

use super::config_file::{self, ConfigFile};
use super::document::{Use, Value};
use super::{SECRETS_DIR_VARIABLE, rules};
use crate::environment::Environment;
use crate::report::{Check, Provenance, Report, Status};
use crate::source::{Lookup, Source};

/// What the configuration file holds for one field.
pub(crate) enum Content {
    /// `key:` or `key: ~`: no value, as if the key were absent.
    Null,
    /// An empty string or list: counted as not set, like an empty variable.
    Empty,
    /// The field's raw text (a list joined with `,`).
    Text(Zeroizing<String>),
    /// The key's shape does not fit the field; the message says why, never the value.
    Invalid(String),
}

/// One field's key in the configuration file.
pub(crate) struct FileValue {
    pub(crate) index: usize,
    pub(crate) provenance: Provenance,
    pub(crate) content: Content,
}

/// The files one evaluation reads.
pub(crate) struct FileLayer {
    base: Option<PathBuf>,
    secrets_dir: Option<PathBuf>,
    config: Option<ConfigFile>,
    /// The field names asked for, with the section holding them.
    known: Vec<(Vec<&'static str>, &'static str)>,
}

impl FileLayer {
    /// Opens the configuration file and finds the secrets directory, reporting problems.
    pub(crate) fn open(
        source: &dyn Source,
        base: Option<&Path>,
        config_file: Option<&Path>,
        environment: Environment,
        report: &mut Report,
    ) -> Self {
        let (config, checks) = config_file::open(source, config_file, base, environment);
        for check in checks {
            report.push(check);
        }
        let secrets_dir = match source.lookup(SECRETS_DIR_VARIABLE) {
            Lookup::Value(dir) if !dir.trim().is_empty() => {
                let dir = config_file::under(base, Path::new(dir.trim()));
                if dir.is_dir() {
                    Some(dir)
                } else {
                    report.push(secrets_dir_failure(format!(
                        "{SECRETS_DIR_VARIABLE} names {}, which is not a readable directory",
                        crate::shown::path(&dir)
                    )));
                    None
                }
            }
            Lookup::NotUnicode => {
                report.push(secrets_dir_failure(format!(
                    "{SECRETS_DIR_VARIABLE} is not valid UTF-8; set it to the directory's path"
                )));
                None
            }
            _ => None,
        };
        Self {
            base: base.map(Path::to_path_buf),
            secrets_dir,
            config,
            known: Vec::new(),
        }
    }

    /// Where relative paths are resolved (the working directory when `None`).
    pub(crate) fn base(&self) -> Option<&Path> {
        self.base.as_deref()
    }

    /// The secrets directory, when one is configured and exists.
    pub(crate) fn secrets_dir(&self) -> Option<&Path> {
        self.secrets_dir.as_deref()
    }

    /// `path` as seen from the base directory.
    pub(crate) fn resolve(&self, path: &Path) -> PathBuf {
        config_file::under(self.base(), path)
    }

    /// The key for field `name` of `section`, if the file has it.
    pub(crate) fn field(
        &mut self,
        section: &[&'static str],
        name: &'static str,
    ) -> Option<FileValue> {
        let config = self.config.as_ref()?;
        // Known names only serve suggestions for the file's unknown keys.
        self.known.push((section.to_vec(), name));
        let index = config.document.find(section, name)?;
        let entry = &config.document.entries[index];
        let provenance = Provenance::File {
            path: config.path.clone(),
            line: entry.position.line,
        };
        let content = match &entry.value {
            Value::Null => Content::Null,
            Value::Text(text) if text.trim().is_empty() => Content::Empty,
            Value::Text(text) => Content::Text(text.clone()),
            Value::Section => Content::Invalid(format!(
                "{provenance}: `{}` is a section in the file, but a single value in the \
                 configuration",
                entry.dotted()
            )),
            Value::List(items) => {
                let file = crate::shown::path(&config.path);
                let mut texts = Vec::with_capacity(items.len());
                let mut problem = None;
                for item in items {
                    match &item.text {
                        None => {
                            problem = Some(format!(
                                "{file}:{}: an item of the list `{}` is itself a list or a \
                                 section; items must be single values",
                                item.position.line,
                                entry.dotted()
                            ));
                        }
                        Some(text) if text.contains(',') => {
                            problem = Some(format!(
                                "{file}:{}: an item of the list `{}` contains a comma, which \
                                 would split it in two",
                                item.position.line,
                                entry.dotted()
                            ));
                        }
                        Some(text) if !text.trim().is_empty() => texts.push(text.as_str()),
                        Some(_) => {}
                    }
                    if problem.is_some() {
                        break;
                    }
                }
                match problem {
                    Some(message) => Content::Invalid(message),
                    None if texts.is_empty() => Content::Empty,
                    None => Content::Text(Zeroizing::new(texts.join(","))),
                }
            }
        };
        Some(FileValue {
            index,
            provenance,
            content,
        })
    }

    /// Records whether a field's key supplied its value or was overridden.
    pub(crate) fn settle(&mut self, value: &FileValue, in_effect: bool) {
        if let Some(config) = &mut self.config
            && let Some(entry) = config.document.entries.get_mut(value.index)
        {
            entry.used = if in_effect {
                Use::InEffect
            } else {
                Use::Overridden
            };
        }
    }

    /// Enters the nested section `name` of `section`; a failed check when the file has a value
    /// where the configuration has a section.
    pub(crate) fn section(
        &mut self,
        section: &[&'static str],
        name: &'static str,
    ) -> Option<Check> {
        let config = self.config.as_mut()?;
        self.known.push((section.to_vec(), name));
        let index = config.document.find(section, name)?;
        let entry = &mut config.document.entries[index];
        entry.used = Use::InEffect;
        match entry.value {
            Value::Section | Value::Null => None,
            Value::Text(_) | Value::List(_) => Some(
                Check::new(
                    "file.invalid",
                    Status::Failure,
                    format!(
                        "{}:{}: `{}` is a single value in the file, but a section in the \
                         configuration",
                        crate::shown::path(&config.path),
                        entry.position.line,
                        entry.dotted()
                    ),
                )
                .with_provenance(Provenance::File {
                    path: config.path.clone(),
                    line: entry.position.line,
                }),
            ),
        }
    }

    /// The checks made once every field was loaded: unknown keys and the file rules.
    pub(crate) fn finish(&self, environment: Environment, allowed: &[String], report: &mut Report) {
        let Some(config) = &self.config else {
            return;
        };
        for check in rules::check(config, environment, allowed) {
            report.push(check);
        }
        for entry in &config.document.entries {
            if entry.used != Use::Unused || rules::is_rule_key(&entry.path) {
                continue;
            }
            // Only the outermost unknown key: the keys of an unknown section are not reported
            // one by one.
            let section = entry.section();
            let section_known =
                section.is_empty()
                    || config.document.entries.iter().any(|other| {
                        other.path.as_slice() == section && other.used == Use::InEffect
                    });
            if !section_known {
                continue;
            }
            let suggestion = self.suggest(section, entry.key());
            let message = format!(
                "{}:{}: unknown key `{}`{suggestion}; it is not a field of the configuration, \
                 so it is ignored",
                crate::shown::path(&config.path),
                entry.position.line,
                entry.dotted()
            );
            let check = judged("file.unknown", Status::Warning, message, allowed).with_provenance(
                Provenance::File {
                    path: config.path.clone(),
                    line: entry.position.line,
                },
            );
            report.push(check);
        }
    }

    /// "; did you mean `name`?" for the closest field name of `section`, if one is close.
    fn suggest(&self, section: &[String], key: &str) -> String {
        let key = key.to_ascii_lowercase();
        self.known
            .iter()
            .filter(|(known, _)| {
                known.len() == section.len() && known.iter().zip(section).all(|(a, b)| a == b)
            })
            .map(|(_, name)| (strsim::damerau_levenshtein(name, &key), *name))
            .filter(|(distance, _)| *distance <= 3)
            .min()
            .map(|(_, name)| format!("; did you mean `{name}`?"))
            .unwrap_or_default()
    }
}

fn secrets_dir_failure(message: String) -> Check {
    Check::new("file.secrets_dir", Status::Failure, message).with_variable(SECRETS_DIR_VARIABLE)
}

/// A check of the file; a warning whose id is listed in `QBITEL_AI_ALLOW_WARNINGS` becomes a
/// pass, as field warnings do.
pub(super) fn judged(
    id: &'static str,
    status: Status,
    message: String,
    allowed: &[String],
) -> Check {
    Check::judged(
        id,
        status,
        message,
        allowed.iter().any(|allowed| allowed == id),
    )
}
