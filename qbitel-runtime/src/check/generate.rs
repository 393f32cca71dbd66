//! Fresh values for every secret of a configuration (the `generate` subcommand).

use secrecy::SecretString;

use crate::load::generate_secret;
use crate::meta::ConfigMeta;

/// A fresh value for one secret field. `Debug` does not show the value.
#[derive(Debug)]
pub struct GeneratedSecret {
    /// The field's primary variable name.
    pub variable: &'static str,
    /// The field's label.
    pub label: &'static str,
    /// The value: it meets the field's rules (length, strength, letters and digits, Fernet).
    pub value: SecretString,
}

/// A fresh value from the operating system's random number generator for every secret field
/// of `meta`, nested structs included, in declaration order.
pub fn generate_secrets(
    meta: &'static ConfigMeta,
) -> Result<Vec<GeneratedSecret>, getrandom::Error> {
    meta.leaf_fields()
        .into_iter()
        .filter(|(_, field)| field.kind().is_secret())
        .map(|(_, field)| {
            Ok(GeneratedSecret {
                variable: field.env(),
                label: field.label_text(),
                value: generate_secret(field.kind(), field)?,
            })
        })
        .collect()
}
