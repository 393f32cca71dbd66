//! The configuration file's production rules, on well-known keys, whatever the struct:
//!
//! | id                | key (top level, or under `security:`) | breaks it                   |
//! |-------------------|---------------------------------------|-----------------------------|
//! | `file.environment`| `environment` (top level only)        | another environment         |
//! | `file.debug`      | `debug`                               | `true`                      |
//! | `file.tls`        | `tls_enabled`                         | `false`                     |
//! | `file.encryption` | `enable_encryption`                   | `false`                     |
//!
//! Each is an error in production and a warning elsewhere. A key that a field read but a
//! variable overrode is not in effect, so it is not judged (except `environment`, which says
//! what the file is for).

use super::config_file::ConfigFile;
use super::document::{Entry, Use, Value};
use super::layer::judged;
use crate::environment::Environment;
use crate::report::{Check, Provenance, Status};
use crate::value::{ConfigValue, ValueContext};

/// A boolean key and the value that breaks its rule.
struct Switch {
    id: &'static str,
    key: &'static str,
    bad: bool,
    why: &'static str,
}

const SWITCHES: [Switch; 3] = [
    Switch {
        id: "file.debug",
        key: "debug",
        bad: true,
        why: "debug mode exposes internals and must be off in production",
    },
    Switch {
        id: "file.tls",
        key: "tls_enabled",
        bad: false,
        why: "TLS must be enabled in production",
    },
    Switch {
        id: "file.encryption",
        key: "enable_encryption",
        bad: false,
        why: "encryption must be enabled in production",
    },
];

/// The section, besides the top level, where the switches are looked for.
const SECURITY: &str = "security";

/// Whether the file layer reads this key itself (so it is never an unknown key).
pub(crate) fn is_rule_key(path: &[String]) -> bool {
    match path {
        [key] => key == "environment" || SWITCHES.iter().any(|s| s.key == key),
        [section, key] => section == SECURITY && SWITCHES.iter().any(|s| s.key == key),
        _ => false,
    }
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
        let at = format!("{}:{}", config.path.display(), entry.position.line);
        let check = match entry.path.as_slice() {
            [key] if key == "environment" => {
                Some(environment_rule(text, &at, environment, broken, allowed))
            }
            [key] | [_, key] if is_rule_key(&entry.path) => SWITCHES
                .iter()
                .find(|switch| switch.key == key)
                .filter(|_| entry.used != Use::Overridden)
                .map(|switch| switch_rule(switch, entry, text, &at, environment, broken, allowed)),
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

fn switch_rule(
    switch: &Switch,
    entry: &Entry,
    text: &str,
    at: &str,
    environment: Environment,
    broken: Status,
    allowed: &[String],
) -> Check {
    let dotted = entry.dotted();
    let mut cx = ValueContext::new(environment);
    match <bool as ConfigValue>::parse(text.to_owned(), &mut cx) {
        Ok(value) if value == switch.bad => judged(
            switch.id,
            broken,
            format!("{at}: `{dotted}: {value}`: {}", switch.why),
            allowed,
        ),
        Ok(value) => judged(
            switch.id,
            Status::Pass,
            format!("{at}: `{dotted}: {value}`"),
            allowed,
        ),
        Err(invalid) => judged(
            switch.id,
            broken,
            format!("{at}: `{dotted}`: {invalid}"),
            allowed,
        ),
    }
}
