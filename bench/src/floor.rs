//! The floor: what a careful author writes by hand with `std::env::var`. The same reads as
//! qbitel (prefixed name, then the design document's unprefixed fallback for secrets), the same
//! parses, defaults, and errors for missing or malformed values; no checks beyond that.

use std::collections::HashMap;

/// The design document's configuration as plain fields.
#[derive(Debug, PartialEq)]
pub struct AppConfig {
    /// Deployment environment.
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
    pub cors_origins: Vec<String>,
    /// Database URL.
    pub database_url: String,
    /// HTTP port.
    pub port: u16,
    /// Worker threads.
    pub workers: u16,
    /// Debug mode.
    pub debug: bool,
    /// Log level.
    pub log_level: String,
    /// Request timeout in seconds.
    pub request_timeout_secs: u64,
}

/// Why the hand-written loader refused.
#[derive(Debug)]
pub enum Error {
    /// A required variable is unset.
    Missing(&'static str),
    /// A variable does not parse as its type.
    Invalid(&'static str),
}

impl AppConfig {
    /// Loads with `get`, which answers like `std::env::var(name).ok()`.
    pub fn load_with(get: impl Fn(&str) -> Option<String>) -> Result<Self, Error> {
        let secret = |name: &'static str, fallback: &str| get(name).or_else(|| get(fallback));
        let parsed = |name: &'static str, default: &str| -> Result<String, Error> {
            Ok(get(name).unwrap_or_else(|| default.to_owned()))
        };
        Ok(Self {
            environment: get("QBITEL_AI_ENVIRONMENT")
                .or_else(|| get("ENVIRONMENT"))
                .unwrap_or_else(|| "development".to_owned()),
            db_password: secret("QBITEL_AI_DB_PASSWORD", "DATABASE_PASSWORD")
                .ok_or(Error::Missing("QBITEL_AI_DB_PASSWORD"))?,
            redis_password: secret("QBITEL_AI_REDIS_PASSWORD", "REDIS_PASSWORD"),
            jwt_secret: secret("QBITEL_AI_JWT_SECRET", "JWT_SECRET")
                .ok_or(Error::Missing("QBITEL_AI_JWT_SECRET"))?,
            encryption_key: secret("QBITEL_AI_ENCRYPTION_KEY", "ENCRYPTION_KEY")
                .ok_or(Error::Missing("QBITEL_AI_ENCRYPTION_KEY"))?,
            api_key: secret("QBITEL_AI_API_KEY", "API_KEY"),
            cors_origins: parsed("QBITEL_AI_CORS_ORIGINS", "*")?
                .split(',')
                .map(|origin| origin.trim().to_owned())
                .filter(|origin| !origin.is_empty())
                .collect(),
            database_url: parsed(
                "QBITEL_AI_DATABASE_URL",
                "postgresql://qbitel@localhost:5432/qbitel",
            )?,
            port: parsed("QBITEL_AI_PORT", "8000")?
                .parse()
                .map_err(|_| Error::Invalid("QBITEL_AI_PORT"))?,
            workers: parsed("QBITEL_AI_WORKERS", "4")?
                .parse()
                .map_err(|_| Error::Invalid("QBITEL_AI_WORKERS"))?,
            debug: parsed("QBITEL_AI_DEBUG", "false")?
                .parse()
                .map_err(|_| Error::Invalid("QBITEL_AI_DEBUG"))?,
            log_level: parsed("QBITEL_AI_LOG_LEVEL", "INFO")?,
            request_timeout_secs: parsed("QBITEL_AI_REQUEST_TIMEOUT_SECS", "30")?
                .parse()
                .map_err(|_| Error::Invalid("QBITEL_AI_REQUEST_TIMEOUT_SECS"))?,
        })
    }

    /// Loads from an in-memory map, answering as `std::env::var` does (an owned `String`).
    pub fn from_map(map: &HashMap<String, String>) -> Result<Self, Error> {
        Self::load_with(|name| map.get(name).cloned())
    }

    /// Loads from the process environment.
    pub fn from_env() -> Result<Self, Error> {
        Self::load_with(|name| std::env::var(name).ok())
    }

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
            self.cors_origins,
            self.database_url,
            self.port,
            self.workers,
            self.debug,
            self.log_level,
            self.request_timeout_secs,
        )
    }
}
