//! The outcome of evaluating a configuration: every check, with a stable id and a status.

use std::borrow::Cow;
use std::fmt;

use crate::environment::{Environment, EnvironmentOrigin};

/// How a check came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// The requirement is met.
    Pass,
    /// Not met, but the service may start: development findings, recommendations.
    Warning,
    /// Not met; the configuration is not ready and `load` fails.
    Failure,
}

impl Status {
    /// `pass`, `warning` or `failure`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Warning => "warning",
            Status::Failure => "failure",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a value came from. Never the value itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Provenance {
    /// An environment variable (or another [`Source`](crate::Source)) of this name.
    Variable(Cow<'static, str>),
    /// The field's `default`.
    Default,
    /// The field's `dev_default`, used outside production.
    DevDefault,
    /// An ephemeral random value made for this run, outside production.
    Ephemeral,
    /// A key of a configuration file (`config/qbitel.production.yaml:12`).
    File {
        /// The file, as it was found (relative to the working directory unless configured).
        path: std::path::PathBuf,
        /// The key's line, 1-based.
        line: usize,
    },
    /// A file whose whole content is the value: named by a `NAME_FILE` variable, or the file
    /// named after the variable in the secrets directory.
    SecretFile {
        /// The variable that led to the file: `QBITEL_AI_DB_PASSWORD_FILE`, or
        /// `QBITEL_AI_SECRETS_DIR`.
        variable: String,
        /// The file.
        path: std::path::PathBuf,
    },
}

impl Provenance {
    /// Whether the value was read from a secret file (`NAME_FILE` or the secrets directory).
    pub fn is_secret_file(&self) -> bool {
        matches!(self, Provenance::SecretFile { .. })
    }
}

impl fmt::Display for Provenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Provenance::Variable(name) => f.write_str(name),
            Provenance::Default => f.write_str("default"),
            Provenance::DevDefault => f.write_str("dev_default"),
            Provenance::Ephemeral => f.write_str("ephemeral random value"),
            Provenance::File { path, line } => write!(f, "{}:{line}", crate::shown::path(path)),
            Provenance::SecretFile { variable, path } => {
                write!(f, "file {} ({variable})", crate::shown::path(path))
            }
        }
    }
}

/// One evaluated requirement.
///
/// Messages are written by the loader from labels, names and rules; they never contain a
/// secret's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    id: &'static str,
    status: Status,
    field: Option<String>,
    label: Option<String>,
    variable: Option<String>,
    provenance: Option<Provenance>,
    secret: bool,
    message: String,
}

impl Check {
    pub(crate) fn new(id: &'static str, status: Status, message: impl Into<String>) -> Self {
        Self {
            id,
            status,
            field: None,
            label: None,
            variable: None,
            provenance: None,
            secret: false,
            message: message.into(),
        }
    }

    /// A check whose warning becomes a pass, marked so, when its id is silenced; failures
    /// are never silenced.
    pub(crate) fn judged(
        id: &'static str,
        status: Status,
        message: String,
        silenced: bool,
    ) -> Self {
        if status == Status::Warning && silenced {
            Self::new(id, Status::Pass, format!("{message} (warning silenced)"))
        } else {
            Self::new(id, status, message)
        }
    }

    pub(crate) fn with_variable(mut self, name: impl Into<String>) -> Self {
        self.variable = Some(name.into());
        self
    }

    pub(crate) fn with_field(mut self, path: String, label: &str, secret: bool) -> Self {
        self.field = Some(path);
        self.label = Some(label.to_owned());
        self.secret = secret;
        self
    }

    pub(crate) fn with_provenance(mut self, provenance: Provenance) -> Self {
        if let Provenance::Variable(name) = &provenance {
            self.variable = Some(name.to_string());
        }
        self.provenance = Some(provenance);
        self
    }

    /// The stable id of the requirement, such as `value.missing` or `secret.weak`; the README
    /// lists them all.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// How the check came out.
    pub fn status(&self) -> Status {
        self.status
    }

    /// The field's path in the configuration struct (`db_password`, `security.tls_enabled`).
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// The field's human label (`Database password`).
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }

    /// The variable the check is about: the one that supplied the value, or the primary name.
    pub fn variable(&self) -> Option<&str> {
        self.variable.as_deref()
    }

    /// Where the value came from, when one was found.
    pub fn provenance(&self) -> Option<&Provenance> {
        self.provenance.as_ref()
    }

    /// Whether the field holds a secret.
    pub fn is_secret(&self) -> bool {
        self.secret
    }

    /// The human message; may span several lines.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}", self.id, self.message)
    }
}

/// Every check of one evaluation, and the environment it was evaluated for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    environment: Environment,
    origin: EnvironmentOrigin,
    checks: Vec<Check>,
}

impl Report {
    pub(crate) fn new(environment: Environment, origin: EnvironmentOrigin) -> Self {
        Self {
            environment,
            origin,
            checks: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, check: Check) {
        self.checks.push(check);
    }

    /// The environment the configuration was evaluated for.
    pub fn environment(&self) -> Environment {
        self.environment
    }

    /// How that environment was decided.
    pub fn environment_origin(&self) -> &EnvironmentOrigin {
        &self.origin
    }

    /// Whether the configuration passes for its environment: no check failed.
    pub fn is_ready(&self) -> bool {
        !self
            .checks
            .iter()
            .any(|check| check.status == Status::Failure)
    }

    /// Every check, in field order.
    pub fn checks(&self) -> &[Check] {
        &self.checks
    }

    /// The checks that failed.
    pub fn failures(&self) -> impl Iterator<Item = &Check> {
        self.with_status(Status::Failure)
    }

    /// The checks that warned.
    pub fn warnings(&self) -> impl Iterator<Item = &Check> {
        self.with_status(Status::Warning)
    }

    /// The checks with `status`.
    pub fn with_status(&self, status: Status) -> impl Iterator<Item = &Check> {
        self.checks
            .iter()
            .filter(move |check| check.status == status)
    }

    /// The number of checks with `status`.
    pub fn count(&self, status: Status) -> usize {
        self.with_status(status).count()
    }

    pub(crate) fn into_checks(self) -> Vec<Check> {
        self.checks
    }
}
