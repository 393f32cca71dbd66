//! A `.env.example` for a configuration (the `env-example` subcommand): every variable with
//! its label, its rules and defaults, and never a secret's value.

use std::fmt::Write as _;

use crate::environment::ENVIRONMENT_VARIABLES;
use crate::files::{CONFIG_FILE_VARIABLE, FILE_SUFFIX, SECRETS_DIR_VARIABLE};
use crate::load::ALLOW_WARNINGS_VARIABLE;
use crate::meta::{ConfigMeta, FieldMeta};
use crate::value::ValueKind;

/// The `.env.example` text for `meta`. Secret lines are left empty (`NAME=`); settings with a
/// default show it.
pub fn env_example(meta: &'static ConfigMeta) -> String {
    let mut text = String::new();
    let _ = writeln!(
        text,
        "# Environment variables of {}. Secrets are left empty: fill them from a secrets \
         manager (the checker's `generate` subcommand makes fresh ones) and never commit them.",
        meta.name()
    );
    let [primary, fallback] = ENVIRONMENT_VARIABLES;
    let _ = writeln!(
        text,
        "\n# Environment: production, staging, development or testing (default: development)."
    );
    let _ = writeln!(text, "# Also read from: {fallback}");
    let _ = writeln!(text, "{primary}=development");
    let _ = writeln!(
        text,
        "\n# Check ids whose warnings are silenced, comma-separated; failures cannot be silenced."
    );
    let _ = writeln!(text, "{ALLOW_WARNINGS_VARIABLE}=");
    let _ = writeln!(
        text,
        "\n# The configuration file; by default config/qbitel.{{environment}}.yaml (or .toml) if it exists."
    );
    let _ = writeln!(
        text,
        "# {CONFIG_FILE_VARIABLE}=config/qbitel.production.yaml"
    );
    let _ = writeln!(
        text,
        "\n# A directory of secret files, one per variable name (as Docker and Kubernetes mount \
         them). Any variable can also be read from the file named by NAME{FILE_SUFFIX}."
    );
    let _ = writeln!(text, "# {SECRETS_DIR_VARIABLE}=/run/secrets");
    for (_, field) in meta.leaf_fields() {
        text.push('\n');
        entry(&mut text, field);
    }
    text
}

fn entry(text: &mut String, field: &FieldMeta) {
    let secret = field.kind().is_secret();
    let kind = match field.kind() {
        ValueKind::Plain => "",
        ValueKind::Secret => " (secret)",
        ValueKind::FernetKey => " (secret: a Fernet key, URL-safe base64 of 32 bytes)",
    };
    let _ = writeln!(text, "# {}{kind}", field.label_text());
    for line in field.description_text().lines() {
        let _ = writeln!(text, "#   {line}");
    }
    let _ = writeln!(text, "# {}", requirement(field));
    let mut rules = Vec::new();
    if let Some(min_len) = field.min_len_value() {
        rules.push(format!("at least {min_len} characters"));
    }
    if field.strength_kind().is_some() {
        rules.push("strength checked".to_owned());
    }
    if field.needs_letters_and_digits() {
        rules.push("letters and digits".to_owned());
    }
    if !rules.is_empty() {
        let _ = writeln!(text, "# Rules: {}", rules.join(", "));
    }
    if !field.fallback_names().is_empty() {
        let _ = writeln!(
            text,
            "# Also read from: {}",
            field.fallback_names().join(", ")
        );
    }
    if let Some(dev_default) = field.dev_default_value() {
        let _ = writeln!(text, "# Outside production, defaults to: {dev_default}");
    }
    if let Some(hint) = field.hint_text() {
        let _ = writeln!(text, "# {hint}");
    }
    let value = match field.default_value() {
        Some(default) if !secret => default,
        _ => "",
    };
    let _ = writeln!(text, "{}={value}", field.env());
}

/// Whether the variable must be set in production.
fn requirement(field: &FieldMeta) -> String {
    if let Some(default) = field.default_value() {
        format!("Optional; default: {default}")
    } else if field.is_optional() && field.is_required() {
        "Required in production.".to_owned()
    } else if field.is_optional() && field.is_recommended() {
        "Recommended (optional).".to_owned()
    } else if field.is_optional() {
        "Optional.".to_owned()
    } else if field.dev_default_value().is_some() {
        "Required in production.".to_owned()
    } else if field.kind().is_secret() {
        "Required in production; outside production a random value is used for the run.".to_owned()
    } else {
        "Required.".to_owned()
    }
}
