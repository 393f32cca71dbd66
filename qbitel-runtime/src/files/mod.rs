//! Values from files: the configuration file of each environment (non-secret settings, in
//! YAML or TOML) and secret files (`NAME_FILE` variables and a secrets directory, the way
//! Docker and Kubernetes mount secrets).
//!
//! Precedence, highest first: a variable (or its `NAME_FILE`, or its file in the secrets
//! directory), then the configuration file, then the field's default.

mod config_file;
mod document;
mod format;
mod layer;
mod read;
mod rules;
#[cfg(feature = "toml")]
mod toml;
#[cfg(feature = "yaml")]
mod yaml;

pub(crate) use layer::{Content, FileLayer};
pub(crate) use read::{ReadError, read_capped, secret_value};

/// The variable naming the configuration file, overriding `config/qbitel.{environment}.yaml`.
pub const CONFIG_FILE_VARIABLE: &str = "QBITEL_AI_CONFIG_FILE";

/// The variable naming a directory of secret files, one per variable, named after it
/// (`/run/secrets/QBITEL_AI_DB_PASSWORD`).
pub const SECRETS_DIR_VARIABLE: &str = "QBITEL_AI_SECRETS_DIR";

/// Appended to a variable's name to name the variable holding the path of a file with its
/// value (`QBITEL_AI_DB_PASSWORD_FILE=/run/secrets/db-password`).
pub const FILE_SUFFIX: &str = "_FILE";

/// The largest secret file read, in bytes (64 KiB).
pub const MAX_SECRET_FILE_SIZE: u64 = 64 * 1024;

/// The largest configuration file read, in bytes (1 MiB).
pub const MAX_CONFIG_FILE_SIZE: u64 = 1024 * 1024;
