//! Which part of the report a check belongs to, decided from public data only: the check's
//! id and secrecy, and the field's description when the configuration is known.

use crate::meta::ConfigMeta;
use crate::report::{Check, Report};

/// A part of the text report, in the order they are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    /// `environment` and `environment.invalid`.
    Environment,
    /// The configuration file's own checks (`file.*` without a field).
    Files,
    /// Every check of a secret field that is not merely recommended.
    Secrets,
    /// `value.recommended`, and every check of a field declared `recommended`.
    Recommended,
    /// CORS and the production switches: `cors.*`, `value.production` (debug off, TLS on),
    /// and every check of a field in a `security` section or with a `cors.*` check.
    Security,
    /// Everything else: the ordinary settings.
    Settings,
}

impl Section {
    /// Every section, in report order.
    pub const ALL: [Section; 6] = [
        Section::Environment,
        Section::Files,
        Section::Secrets,
        Section::Recommended,
        Section::Security,
        Section::Settings,
    ];

    /// The section's heading.
    pub fn title(self) -> &'static str {
        match self {
            Section::Environment => "Environment Mode Check",
            Section::Files => "Configuration File Check",
            Section::Secrets => "Required Secrets Check",
            Section::Recommended => "Recommended Settings Check",
            Section::Security => "Security Settings Check",
            Section::Settings => "Settings Check",
        }
    }
}

/// Assigns every check of `report` to its section, keeping the report's order.
pub(crate) fn classify<'r>(
    report: &'r Report,
    meta: Option<&'static ConfigMeta>,
) -> Vec<(Section, &'r Check)> {
    let recommended: Vec<String> = meta
        .map(ConfigMeta::leaf_fields)
        .unwrap_or_default()
        .into_iter()
        .filter(|(_, field)| field.is_recommended())
        .map(|(path, _)| path)
        .collect();
    let cors_fields: Vec<&str> = report
        .checks()
        .iter()
        .filter(|check| check.id().starts_with("cors."))
        .filter_map(Check::field)
        .collect();
    report
        .checks()
        .iter()
        .map(|check| {
            let field = check.field();
            let section = if field.is_none() && check.id().starts_with("environment") {
                Section::Environment
            } else if field.is_none() && check.id().starts_with("file.") {
                Section::Files
            } else if check.id() == "value.recommended"
                || field.is_some_and(|field| recommended.iter().any(|path| path == field))
            {
                Section::Recommended
            } else if check.id().starts_with("cors.")
                || check.id() == "value.production"
                || field.is_some_and(|field| {
                    cors_fields.contains(&field) || field.starts_with("security.")
                })
            {
                Section::Security
            } else if check.is_secret() {
                Section::Secrets
            } else {
                Section::Settings
            };
            (section, check)
        })
        .collect()
}
