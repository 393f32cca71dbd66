//! The floor: what a careful author writes by hand with `std::env::var`.
//!
//! Two hand-written loaders of the same configuration:
//! - [`AppConfig::load_with`], the floor: the *same reads and parses* as qbitel. Every
//!   name of a field (prefixed, then the design document's unprefixed fallback for secrets) and
//!   its `NAME_FILE` twin, read even when an earlier one is set (qbitel warns when two differ),
//!   the variables naming the environment, configuration file, secrets directory and silenced
//!   warnings, and on the process environment the look for the default configuration
//!   directory; the Fernet key decoded from base64 to its 32 bytes and every CORS origin
//!   parsed as a URI. No report, no messages, no zeroizing.
//! - [`AppConfig::load_minimal_with`]: one read per field, no validation, the least any loader
//!   can do; the peers are at this level.

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
    /// Loads with one read per field and no validation; `get` answers like
    /// `std::env::var(name).ok()`.
    pub fn load_minimal_with(get: impl Fn(&str) -> Option<String>) -> Result<Self, Error> {
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

    /// Loads with the same reads and parses as qbitel; `get` answers like
    /// `std::env::var(name).ok()`.
    pub fn load_with(get: impl Fn(&str) -> Option<String>) -> Result<Self, Error> {
        let mut pointer = String::new();
        let mut first = |names: &[&str]| first_of(&get, &mut pointer, names);
        let environment = get("QBITEL_AI_ENVIRONMENT")
            .or_else(|| get("ENVIRONMENT"))
            .unwrap_or_else(|| "development".to_owned());
        let _ = (
            get("QBITEL_AI_CONFIG_FILE"),
            get("QBITEL_AI_SECRETS_DIR"),
            get("QBITEL_AI_ALLOW_WARNINGS"),
        );
        let db_password = first(&["QBITEL_AI_DB_PASSWORD", "DATABASE_PASSWORD"])
            .ok_or(Error::Missing("QBITEL_AI_DB_PASSWORD"))?;
        let redis_password = first(&["QBITEL_AI_REDIS_PASSWORD", "REDIS_PASSWORD"]);
        let jwt_secret = first(&["QBITEL_AI_JWT_SECRET", "JWT_SECRET"])
            .ok_or(Error::Missing("QBITEL_AI_JWT_SECRET"))?;
        let encryption_key = first(&["QBITEL_AI_ENCRYPTION_KEY", "ENCRYPTION_KEY"])
            .ok_or(Error::Missing("QBITEL_AI_ENCRYPTION_KEY"))?;
        if fernet_key(&encryption_key).is_none() {
            return Err(Error::Invalid("QBITEL_AI_ENCRYPTION_KEY"));
        }
        let api_key = first(&["QBITEL_AI_API_KEY", "API_KEY"]);
        let cors_origins = first(&["QBITEL_AI_CORS_ORIGINS"])
            .unwrap_or_else(|| "*".to_owned())
            .split(',')
            .map(str::trim)
            .filter(|origin| !origin.is_empty())
            .map(|origin| origin_of(origin).ok_or(Error::Invalid("QBITEL_AI_CORS_ORIGINS")))
            .collect::<Result<_, _>>()?;
        let mut with_default = |name: &'static str, default: &str| {
            first(&[name]).unwrap_or_else(|| default.to_owned())
        };
        Ok(Self {
            environment,
            db_password,
            redis_password,
            jwt_secret,
            encryption_key,
            api_key,
            cors_origins,
            database_url: with_default(
                "QBITEL_AI_DATABASE_URL",
                "postgresql://qbitel@localhost:5432/qbitel",
            ),
            port: with_default("QBITEL_AI_PORT", "8000")
                .parse()
                .map_err(|_| Error::Invalid("QBITEL_AI_PORT"))?,
            workers: with_default("QBITEL_AI_WORKERS", "4")
                .parse()
                .map_err(|_| Error::Invalid("QBITEL_AI_WORKERS"))?,
            debug: with_default("QBITEL_AI_DEBUG", "false")
                .parse()
                .map_err(|_| Error::Invalid("QBITEL_AI_DEBUG"))?,
            log_level: with_default("QBITEL_AI_LOG_LEVEL", "INFO"),
            request_timeout_secs: with_default("QBITEL_AI_REQUEST_TIMEOUT_SECS", "30")
                .parse()
                .map_err(|_| Error::Invalid("QBITEL_AI_REQUEST_TIMEOUT_SECS"))?,
        })
    }

    /// Loads from an in-memory map with the same reads and parses as qbitel, answering as
    /// `std::env::var` does (an owned `String`).
    pub fn from_map(map: &HashMap<String, String>) -> Result<Self, Error> {
        Self::load_with(|name| map.get(name).cloned())
    }

    /// Loads from the process environment with the same reads and parses as qbitel, including
    /// its look for the default configuration file's directory.
    pub fn from_env() -> Result<Self, Error> {
        let _ = std::path::Path::new("config").is_dir();
        Self::load_with(|name| std::env::var(name).ok())
    }

    /// [`AppConfig::load_minimal_with`] from an in-memory map.
    pub fn minimal_from_map(map: &HashMap<String, String>) -> Result<Self, Error> {
        Self::load_minimal_with(|name| map.get(name).cloned())
    }

    /// [`AppConfig::load_minimal_with`] from the process environment.
    pub fn minimal_from_env() -> Result<Self, Error> {
        Self::load_minimal_with(|name| std::env::var(name).ok())
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

/// The first set value among `names`, reading every name and its `NAME_FILE` (named in
/// `pointer`, a buffer reused across fields) even after one is found, as qbitel does to warn
/// about conflicts. A set `NAME_FILE` is not followed: the data never sets one.
fn first_of(
    get: &impl Fn(&str) -> Option<String>,
    pointer: &mut String,
    names: &[&str],
) -> Option<String> {
    let mut found = None;
    for name in names {
        let value = get(name);
        pointer.clear();
        pointer.push_str(name);
        pointer.push_str("_FILE");
        if get(pointer).is_some() {
            return None;
        }
        if found.is_none() {
            found = value.filter(|value| !value.trim().is_empty());
        }
    }
    found
}

/// The 32 bytes of a Fernet key (URL-safe base64 with padding).
fn fernet_key(encoded: &str) -> Option<[u8; 32]> {
    use base64::Engine;
    let mut bytes = [0u8; 33];
    let len = base64::engine::general_purpose::URL_SAFE
        .decode_slice(encoded.trim(), &mut bytes)
        .ok()?;
    bytes.get(..len)?.try_into().ok()
}

/// A CORS origin parsed as a URI and normalised: `scheme://host[:port]`, lower-case; `*`
/// stays the wildcard.
fn origin_of(origin: &str) -> Option<String> {
    if origin == "*" {
        return Some(origin.to_owned());
    }
    let origin = origin.strip_suffix('/').unwrap_or(origin);
    let uri: http::Uri = origin.parse().ok()?;
    let scheme = uri.scheme_str()?;
    let authority = uri.authority()?;
    let mut normalised = String::with_capacity(scheme.len() + 3 + authority.as_str().len());
    normalised.push_str(scheme);
    normalised.push_str("://");
    normalised.push_str(authority.as_str());
    normalised.make_ascii_lowercase();
    Some(normalised)
}
