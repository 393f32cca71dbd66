//! The error `load` returns: every violation found, not the first.

use std::fmt;

use crate::environment::Environment;
use crate::report::{Check, Report};

/// Why a configuration cannot be used. Carries every failed check of the evaluation.
///
/// `Display` lists them all, each with its stable id and full message; no message contains a
/// secret's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    environment: Environment,
    violations: Vec<Check>,
}

impl ConfigError {
    pub(crate) fn new(environment: Environment, violations: Vec<Check>) -> Self {
        Self {
            environment,
            violations,
        }
    }

    pub(crate) fn from_report(report: Report) -> Self {
        let environment = report.environment();
        let violations = report
            .into_checks()
            .into_iter()
            .filter(|check| check.status() == crate::Status::Failure)
            .collect();
        Self::new(environment, violations)
    }

    /// The environment the configuration was evaluated for.
    pub fn environment(&self) -> Environment {
        self.environment
    }

    /// Every failed check.
    pub fn violations(&self) -> &[Check] {
        &self.violations
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.violations.len();
        write!(
            f,
            "configuration is not valid for {}: {count} problem{}",
            self.environment,
            if count == 1 { "" } else { "s" }
        )?;
        for (index, check) in self.violations.iter().enumerate() {
            let mut lines = check.message().lines();
            write!(
                f,
                "\n  {}. [{}] {}",
                index + 1,
                check.id(),
                lines.next().unwrap_or_default()
            )?;
            for line in lines {
                write!(f, "\n       {line}")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}
