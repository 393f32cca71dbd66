//! The words of the loader's messages, after the design document's troubleshooting section.
//! Built from labels, names and rules only: never from a value.

use std::fmt::Write as _;

use crate::environment::Environment;
use crate::meta::FieldMeta;
use crate::value::ValueKind;

use super::generate::command_for;

/// "Set one of the following environment variables: ..." and how to make a value; a setting
/// (never a secret) may also come from the configuration file, under its dotted `path`.
fn how_to_set(meta: &FieldMeta, kind: ValueKind, path: &str) -> String {
    let mut text = String::new();
    if meta.fallback_names().is_empty() {
        let _ = write!(
            text,
            "REQUIRED: Set the environment variable:\n  - {}",
            meta.env()
        );
    } else {
        let _ = write!(
            text,
            "REQUIRED: Set one of the following environment variables:\n  - {} (recommended)",
            meta.env()
        );
        for name in meta.fallback_names() {
            let _ = write!(text, "\n  - {name}");
        }
    }
    if !kind.is_secret() {
        let _ = write!(text, "\n  or the key `{path}` in the configuration file");
    }
    if let Some(command) = command_for(kind, meta) {
        let _ = write!(text, "\nGenerate one with: {command}");
    }
    text
}

/// Appends the field's `hint` as a last line.
pub(crate) fn with_hint(meta: &FieldMeta, mut message: String) -> String {
    if let Some(hint) = meta.hint_text() {
        message.push('\n');
        message.push_str(hint);
    }
    message
}

pub(crate) fn missing(
    meta: &FieldMeta,
    kind: ValueKind,
    optional: bool,
    env: Environment,
    path: &str,
) -> String {
    let headline = if optional && env.is_production() {
        format!("{} not configured in PRODUCTION mode!", meta.label_text())
    } else if optional {
        format!(
            "{} not configured; it is required in production.",
            meta.label_text()
        )
    } else {
        format!("{} not configured!", meta.label_text())
    };
    with_hint(
        meta,
        format!("{headline}\n{}", how_to_set(meta, kind, path)),
    )
}

pub(crate) fn recommended(meta: &FieldMeta, kind: ValueKind, path: &str) -> String {
    with_hint(
        meta,
        format!(
            "{} not configured (recommended).\n{}",
            meta.label_text(),
            how_to_set(meta, kind, path).replacen("REQUIRED", "RECOMMENDED", 1)
        ),
    )
}

/// Stand-ins are made for secrets only, which never come from the configuration file.
pub(crate) fn stand_in(meta: &FieldMeta, kind: ValueKind, from_dev_default: bool) -> String {
    let what = if from_dev_default {
        "using its dev_default from source code"
    } else {
        "using an ephemeral random value for this run: anything it protects will not survive a restart"
    };
    with_hint(
        meta,
        format!(
            "{} not configured; {what} (development only, an error in production).\n{}",
            meta.label_text(),
            how_to_set(meta, kind, meta.name())
        ),
    )
}

pub(crate) fn configured(meta: &FieldMeta, origin: &str) -> String {
    format!("{} is configured ({origin})", meta.label_text())
}

pub(crate) fn rule_failed(meta: &FieldMeta, kind: ValueKind, problems: &[String]) -> String {
    let mut text = format!("{} validation failed:", meta.label_text());
    for problem in problems {
        let _ = write!(text, "\n  - {problem}");
    }
    if let Some(command) = command_for(kind, meta) {
        let _ = write!(text, "\nGenerate a strong one with: {command}");
    }
    with_hint(meta, text)
}
