//! # qbitel-runtime
//!
//! Declare a service's configuration, secrets above all, as one annotated struct; refuse to
//! start in production until every secret is present and strong, and stay friendly in
//! development.
//!
//! ```
//! use qbitel_runtime::{ProductionConfig, SecretString, Vars};
//!
//! #[derive(ProductionConfig)]
//! #[config(prefix = "QBITEL_AI_")]
//! struct AppConfig {
//!     /// Database password
//!     #[config(fallback = "DATABASE_PASSWORD", min_len = 16, strength)]
//!     db_password: SecretString,
//!     #[config(default = "8000")]
//!     port: u16,
//! }
//!
//! // Production with nothing set: refused, with every reason.
//! let vars = Vars::from_pairs([("QBITEL_AI_ENVIRONMENT", "production")]);
//! let error = AppConfig::load_from(&vars).err().unwrap();
//! assert!(error.to_string().contains("Database password not configured!"));
//!
//! // Development with nothing set: starts, with warnings.
//! let config = AppConfig::load_from(&Vars::new()).unwrap();
//! assert_eq!(config.port, 8000);
//! ```
//!
//! See the README for the attributes, the check ids and the strength model.
#![forbid(unsafe_code)]

pub mod check;
mod config;
mod environment;
mod error;
mod files;
mod load;
mod meta;
mod report;
mod shown;
mod source;
pub mod strength;
mod types;
mod value;

#[doc(hidden)]
pub mod __private;

pub use config::{ProductionConfig, environment, is_production};
pub use environment::{ENVIRONMENT_VARIABLES, Environment, EnvironmentOrigin};
pub use error::ConfigError;
pub use files::{
    CONFIG_FILE_VARIABLE, FILE_SUFFIX, MAX_CONFIG_FILE_SIZE, MAX_SECRET_FILE_SIZE,
    SECRETS_DIR_VARIABLE,
};
pub use load::{ALLOW_WARNINGS_VARIABLE, LoadOptions, generate_secret};
pub use meta::{ConfigMeta, FieldMeta};
pub use report::{Check, Provenance, Report, Status};
pub use secrecy::{ExposeSecret, SecretString};
pub use source::{Lookup, ProcessEnv, Source, Vars};
pub use types::{CorsOrigins, FernetKey};
pub use value::{ConfigValue, FieldType, Grade, Invalid, ValueContext, ValueKind, parse_from_str};

#[cfg(feature = "derive")]
pub use qbitel_derive::ProductionConfig;
