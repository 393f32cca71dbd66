//! Which environment the service runs in, and how that was decided.

use std::fmt;

use crate::error::ConfigError;
use crate::report::{Check, Status};
use crate::source::{Lookup, ProcessEnv, Source};

/// The variables that name the environment, in priority order.
pub const ENVIRONMENT_VARIABLES: [&str; 2] = ["QBITEL_AI_ENVIRONMENT", "ENVIRONMENT"];

/// The environment a service runs in.
///
/// Only [`Environment::Production`] is strict: there, every finding is an error and the
/// service refuses to start. Everywhere else the same findings are warnings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Environment {
    /// `production` or `prod`: every secret present and strong, or no start.
    Production,
    /// `staging` or `stage`.
    Staging,
    /// `development` or `dev`; also the default when nothing is set.
    Development,
    /// `testing` or `test`.
    Testing,
}

/// Every accepted spelling, with the environment it means.
const SPELLINGS: [(&str, Environment); 8] = [
    ("production", Environment::Production),
    ("prod", Environment::Production),
    ("staging", Environment::Staging),
    ("stage", Environment::Staging),
    ("development", Environment::Development),
    ("dev", Environment::Development),
    ("testing", Environment::Testing),
    ("test", Environment::Testing),
];

/// How the environment was decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EnvironmentOrigin {
    /// Read from this variable.
    Variable(&'static str),
    /// No variable was set: the default, development.
    Default,
    /// Chosen by the caller (for example `--environment production`), whatever the variables say.
    Override,
    /// This variable holds a value that is not an environment; the configuration is judged as
    /// strictly as production, and fails.
    Invalid(String),
}

impl fmt::Display for EnvironmentOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EnvironmentOrigin::Variable(name) => f.write_str(name),
            EnvironmentOrigin::Default => {
                f.write_str("default (neither QBITEL_AI_ENVIRONMENT nor ENVIRONMENT is set)")
            }
            EnvironmentOrigin::Override => f.write_str("override"),
            EnvironmentOrigin::Invalid(name) => write!(
                f,
                "{name} (not a recognised environment: judged as strictly as production)"
            ),
        }
    }
}

impl Environment {
    /// Detects the environment from the process environment.
    pub fn detect() -> Result<Environment, ConfigError> {
        Self::detect_from(&ProcessEnv)
    }

    /// Detects the environment from `source`: `QBITEL_AI_ENVIRONMENT`, else `ENVIRONMENT`;
    /// neither set (or empty) means development. An unrecognised value is an error, never a
    /// silent fall back to development.
    pub fn detect_from<S: Source + ?Sized>(source: &S) -> Result<Environment, ConfigError> {
        Detection::run(source)
            .map(|detection| detection.environment)
            .map_err(|check| ConfigError::new(Environment::Production, vec![*check]))
    }

    /// Parses one of the accepted spellings, case-insensitively, ignoring surrounding space.
    pub fn parse(value: &str) -> Option<Environment> {
        let value = value.trim();
        SPELLINGS
            .iter()
            .find(|(spelling, _)| spelling.eq_ignore_ascii_case(value))
            .map(|(_, environment)| *environment)
    }

    /// The canonical lower-case name: `production`, `staging`, `development` or `testing`.
    pub fn as_str(self) -> &'static str {
        match self {
            Environment::Production => "production",
            Environment::Staging => "staging",
            Environment::Development => "development",
            Environment::Testing => "testing",
        }
    }

    /// Whether this is production, the one strict environment.
    pub fn is_production(self) -> bool {
        self == Environment::Production
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Environment {
    type Err = String;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Environment::parse(value).ok_or_else(|| unrecognised_message(None, value))
    }
}

/// The environment and how it was decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Detection {
    pub(crate) environment: Environment,
    pub(crate) origin: EnvironmentOrigin,
}

impl Detection {
    /// Reads the environment variables; the error is the failed check to report.
    pub(crate) fn run<S: Source + ?Sized>(source: &S) -> Result<Detection, Box<Check>> {
        for name in ENVIRONMENT_VARIABLES {
            match source.lookup(name) {
                Lookup::Missing => {}
                Lookup::Value(value) if value.trim().is_empty() => {}
                Lookup::Value(value) => {
                    return match Environment::parse(&value) {
                        Some(environment) => Ok(Detection {
                            environment,
                            origin: EnvironmentOrigin::Variable(name),
                        }),
                        None => Err(invalid(name, unrecognised_message(Some(name), &value))),
                    };
                }
                Lookup::NotUnicode => {
                    return Err(invalid(
                        name,
                        format!(
                            "{name} is not valid UTF-8; set it to one of: {}",
                            accepted()
                        ),
                    ));
                }
            }
        }
        Ok(Detection {
            environment: Environment::Development,
            origin: EnvironmentOrigin::Default,
        })
    }
}

fn invalid(name: &str, message: String) -> Box<Check> {
    Box::new(Check::new("environment.invalid", Status::Failure, message).with_variable(name))
}

fn accepted() -> String {
    SPELLINGS
        .iter()
        .map(|(spelling, _)| *spelling)
        .collect::<Vec<_>>()
        .join(", ")
}

fn unrecognised_message(name: Option<&str>, value: &str) -> String {
    let shown: String = value.trim().chars().take(64).collect();
    let lowered = shown.to_ascii_lowercase();
    let suggestion = SPELLINGS
        .iter()
        .map(|(spelling, _)| (strsim::damerau_levenshtein(spelling, &lowered), *spelling))
        .filter(|(distance, _)| *distance <= 3)
        .min()
        .map(|(_, spelling)| format!("; did you mean \"{spelling}\"?"))
        .unwrap_or_else(|| ".".to_owned());
    let subject = match name {
        Some(name) => format!("{name}={shown:?}"),
        None => format!("{shown:?}"),
    };
    format!(
        "{subject} is not a recognised environment{suggestion} Accepted values (case-insensitive): {}. \
         Refusing to guess: a typo must not drop a service into development mode.",
        accepted()
    )
}
