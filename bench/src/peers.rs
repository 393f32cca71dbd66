//! The same configuration declared with each peer crate, the way its documentation shows.
//!
//! The peers do no checks: they read, parse and apply defaults. Secrets are plain `String`s, as
//! their users write them. None of them reads an unprefixed fallback name, so the data sets the
//! prefixed names only and every loader finds each value at its first lookup.

use std::collections::HashMap;
use std::convert::Infallible;
use std::str::FromStr;

use serde::{Deserialize, Deserializer};

/// Comma-separated CORS origins, parsed the same way by every peer.
#[derive(Clone, Debug, PartialEq)]
pub struct Origins(pub Vec<String>);

impl FromStr for Origins {
    type Err = Infallible;

    fn from_str(raw: &str) -> Result<Self, Infallible> {
        Ok(Self(
            raw.split(',')
                .map(|origin| origin.trim().to_owned())
                .filter(|origin| !origin.is_empty())
                .collect(),
        ))
    }
}

impl<'de> Deserialize<'de> for Origins {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        let Ok(origins) = raw.parse();
        Ok(origins)
    }
}

fn default_environment() -> String {
    "development".to_owned()
}
fn default_origins() -> Origins {
    Origins(vec!["*".to_owned()])
}
fn default_database_url() -> String {
    "postgresql://qbitel@localhost:5432/qbitel".to_owned()
}
fn default_port() -> u16 {
    8000
}
fn default_workers() -> u16 {
    4
}
fn default_log_level() -> String {
    "INFO".to_owned()
}
fn default_timeout() -> u64 {
    30
}

macro_rules! summary {
    ($config:ty) => {
        impl $config {
            /// The comparable summary.
            pub fn summary(self) -> crate::data::Summary {
                (
                    [
                        self.db_password,
                        self.redis_password.unwrap_or_default(),
                        self.jwt_secret,
                        self.encryption_key,
                        self.api_key.unwrap_or_default(),
                    ],
                    self.cors_origins.0,
                    self.database_url,
                    self.port,
                    self.workers,
                    self.debug,
                    self.log_level,
                    self.request_timeout_secs,
                )
            }
        }
    };
}

/// With `envconfig`.
pub mod with_envconfig {
    use super::*;
    use ::envconfig::Envconfig;

    /// The design document's configuration.
    #[derive(Envconfig)]
    pub struct AppConfig {
        /// Deployment environment.
        #[envconfig(from = "QBITEL_AI_ENVIRONMENT", default = "development")]
        pub environment: String,
        /// Database password.
        #[envconfig(from = "QBITEL_AI_DB_PASSWORD")]
        pub db_password: String,
        /// Redis password.
        #[envconfig(from = "QBITEL_AI_REDIS_PASSWORD")]
        pub redis_password: Option<String>,
        /// JWT secret.
        #[envconfig(from = "QBITEL_AI_JWT_SECRET")]
        pub jwt_secret: String,
        /// Fernet key, as text.
        #[envconfig(from = "QBITEL_AI_ENCRYPTION_KEY")]
        pub encryption_key: String,
        /// API key.
        #[envconfig(from = "QBITEL_AI_API_KEY")]
        pub api_key: Option<String>,
        /// CORS origins.
        #[envconfig(from = "QBITEL_AI_CORS_ORIGINS", default = "*")]
        pub cors_origins: Origins,
        /// Database URL.
        #[envconfig(
            from = "QBITEL_AI_DATABASE_URL",
            default = "postgresql://qbitel@localhost:5432/qbitel"
        )]
        pub database_url: String,
        /// HTTP port.
        #[envconfig(from = "QBITEL_AI_PORT", default = "8000")]
        pub port: u16,
        /// Worker threads.
        #[envconfig(from = "QBITEL_AI_WORKERS", default = "4")]
        pub workers: u16,
        /// Debug mode.
        #[envconfig(from = "QBITEL_AI_DEBUG", default = "false")]
        pub debug: bool,
        /// Log level.
        #[envconfig(from = "QBITEL_AI_LOG_LEVEL", default = "INFO")]
        pub log_level: String,
        /// Request timeout in seconds.
        #[envconfig(from = "QBITEL_AI_REQUEST_TIMEOUT_SECS", default = "30")]
        pub request_timeout_secs: u64,
    }

    summary!(AppConfig);

    /// Loads from the in-memory map.
    pub fn from_map(map: &HashMap<String, String>) -> Result<AppConfig, ::envconfig::Error> {
        AppConfig::init_from_hashmap(map)
    }

    /// Loads from the process environment.
    pub fn from_env() -> Result<AppConfig, ::envconfig::Error> {
        AppConfig::init_from_env()
    }
}

/// The serde struct `envy` and `figment` deserialize (field names are the variable names
/// without the prefix, lower-cased).
#[derive(Deserialize)]
pub struct SerdeAppConfig {
    /// Deployment environment.
    #[serde(default = "default_environment")]
    pub environment: String,
    /// Database password.
    pub db_password: String,
    /// Redis password.
    pub redis_password: Option<String>,
    /// JWT secret.
    pub jwt_secret: String,
    /// Fernet key, as text.
    pub encryption_key: String,
    /// API key.
    pub api_key: Option<String>,
    /// CORS origins.
    #[serde(default = "default_origins")]
    pub cors_origins: Origins,
    /// Database URL.
    #[serde(default = "default_database_url")]
    pub database_url: String,
    /// HTTP port.
    #[serde(default = "default_port")]
    pub port: u16,
    /// Worker threads.
    #[serde(default = "default_workers")]
    pub workers: u16,
    /// Debug mode.
    #[serde(default)]
    pub debug: bool,
    /// Log level.
    #[serde(default = "default_log_level")]
    pub log_level: String,
    /// Request timeout in seconds.
    #[serde(default = "default_timeout")]
    pub request_timeout_secs: u64,
}

summary!(SerdeAppConfig);

/// With `envy`.
pub mod with_envy {
    use super::*;

    /// Loads from the in-memory map; `from_iter` takes owned pairs, so they are cloned.
    pub fn from_map(map: &HashMap<String, String>) -> Result<SerdeAppConfig, ::envy::Error> {
        ::envy::prefixed("QBITEL_AI_").from_iter(
            map.iter()
                .map(|(name, value)| (name.clone(), value.clone())),
        )
    }

    /// Loads from the process environment.
    pub fn from_env() -> Result<SerdeAppConfig, ::envy::Error> {
        ::envy::prefixed("QBITEL_AI_").from_env()
    }
}

/// With `figment`, which reads variables from the process environment only.
pub mod with_figment {
    use super::*;
    use ::figment::Figment;
    use ::figment::providers::Env;

    /// Loads from the process environment. The error is figment's own, returned as users get it.
    #[allow(clippy::result_large_err)]
    pub fn from_env() -> Result<SerdeAppConfig, ::figment::Error> {
        Figment::from(Env::prefixed("QBITEL_AI_")).extract()
    }
}

/// With `confique`, which reads variables from the process environment only.
pub mod with_confique {
    use super::*;
    use ::confique::Config;

    fn parse_origins(raw: &str) -> Result<Origins, Infallible> {
        raw.parse()
    }

    /// The design document's configuration.
    #[derive(Config)]
    pub struct AppConfig {
        /// Deployment environment.
        #[config(env = "QBITEL_AI_ENVIRONMENT", default = "development")]
        pub environment: String,
        /// Database password.
        #[config(env = "QBITEL_AI_DB_PASSWORD")]
        pub db_password: String,
        /// Redis password.
        #[config(env = "QBITEL_AI_REDIS_PASSWORD")]
        pub redis_password: Option<String>,
        /// JWT secret.
        #[config(env = "QBITEL_AI_JWT_SECRET")]
        pub jwt_secret: String,
        /// Fernet key, as text.
        #[config(env = "QBITEL_AI_ENCRYPTION_KEY")]
        pub encryption_key: String,
        /// API key.
        #[config(env = "QBITEL_AI_API_KEY")]
        pub api_key: Option<String>,
        /// CORS origins.
        #[config(env = "QBITEL_AI_CORS_ORIGINS", parse_env = parse_origins)]
        pub cors_origins: Option<Origins>,
        /// Database URL.
        #[config(
            env = "QBITEL_AI_DATABASE_URL",
            default = "postgresql://qbitel@localhost:5432/qbitel"
        )]
        pub database_url: String,
        /// HTTP port.
        #[config(env = "QBITEL_AI_PORT", default = 8000)]
        pub port: u16,
        /// Worker threads.
        #[config(env = "QBITEL_AI_WORKERS", default = 4)]
        pub workers: u16,
        /// Debug mode.
        #[config(env = "QBITEL_AI_DEBUG", default = false)]
        pub debug: bool,
        /// Log level.
        #[config(env = "QBITEL_AI_LOG_LEVEL", default = "INFO")]
        pub log_level: String,
        /// Request timeout in seconds.
        #[config(env = "QBITEL_AI_REQUEST_TIMEOUT_SECS", default = 30)]
        pub request_timeout_secs: u64,
    }

    impl AppConfig {
        /// The comparable summary.
        pub fn summary(self) -> crate::data::Summary {
            (
                [
                    self.db_password,
                    self.redis_password.unwrap_or_default(),
                    self.jwt_secret,
                    self.encryption_key,
                    self.api_key.unwrap_or_default(),
                ],
                self.cors_origins.unwrap_or_else(default_origins).0,
                self.database_url,
                self.port,
                self.workers,
                self.debug,
                self.log_level,
                self.request_timeout_secs,
            )
        }
    }

    /// Loads from the process environment.
    pub fn from_env() -> Result<AppConfig, ::confique::Error> {
        AppConfig::builder().env().load()
    }
}
