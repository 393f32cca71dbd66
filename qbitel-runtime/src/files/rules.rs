//! The configuration file's own rule: a top-level `environment:` key says which environment
//! the file is for (`file.environment`), and another environment is an error in production
//! and a warning elsewhere. Rules on settings (`debug` off, TLS on in production) belong to the
//! fields, through `#[config(production = "...")]`, so they hold whatever the value's source.

use super::config_file::ConfigFile;
use super::document::Value;
use super::layer::judged;
use crate::environment::Environment;
use crate::report::{Check, Provenance, Status};

/// Whether the file layer reads this key itself (so it is never an unknown key).
pub(crate) fn is_rule_key(path: &[String]) -> bool {
    matches!(path, [key] if key == "environment")
}

pub(crate) fn check(
    config: &ConfigFile,
    environment: Environment,
    allowed: &[String],
) -> Vec<Check> {
    let broken = if environment.is_production() {
        Status::Failure
    } else {
        Status::Warning
    };
    let mut checks = Vec::new();
    for entry in &config.document.entries {
        let Value::Text(text) = &entry.value else {
            continue;
        };
        let at = format!(
            "{}:{}",
            crate::shown::path(&config.path),
            entry.position.line
        );
        let check = match entry.path.as_slice() {
            [key] if key == "environment" => {
                Some(environment_rule(text, &at, environment, broken, allowed))
            }
            _ => None,
        };
        if let Some(check) = check {
            checks.push(check.with_provenance(Provenance::File {
                path: config.path.clone(),
                line: entry.position.line,
            }));
        }
    }
    checks
}

fn environment_rule(
    text: &str,
    at: &str,
    environment: Environment,
    broken: Status,
    allowed: &[String],
) -> Check {
    let id = "file.environment";
    let shown: String = text.trim().chars().take(64).collect();
    match Environment::parse(text) {
        Some(said) if said == environment => judged(
            id,
            Status::Pass,
            format!("{at}: the file is for {said}, the environment running"),
            allowed,
        ),
        Some(_) => judged(
            id,
            broken,
            format!(
                "{at}: the file says `environment: {shown}`, but this is {environment}; \
                 load the file made for {environment}"
            ),
            allowed,
        ),
        None => judged(
            id,
            broken,
            format!("{at}: `environment: {shown:?}` is not a recognised environment"),
            allowed,
        ),
    }
}
