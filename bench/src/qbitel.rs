//! qbitel: `qbitel::AppConfig` from the root package, copied verbatim, and the same struct
//! without `strength`, to separate the cost of loading from the cost of strength estimation.

use qbitel_runtime::{CorsOrigins, ExposeSecret, FernetKey, ProductionConfig, SecretString};

/// QBITEL's configuration: the secrets the design document requires in production, the
/// recommended API key, CORS, and the service's ordinary settings.
#[derive(ProductionConfig)]
#[config(prefix = "QBITEL_AI_")]
pub struct AppConfig {
    /// Database password
    #[config(fallback = "DATABASE_PASSWORD", min_len = 16, strength)]
    pub db_password: SecretString,

    /// Redis password
    ///
    /// Optional outside production: a development Redis may run without authentication.
    #[config(
        fallback = "REDIS_PASSWORD",
        min_len = 16,
        strength,
        required,
        hint = "WARNING: Running Redis without authentication in production is a CRITICAL security risk!"
    )]
    pub redis_password: Option<SecretString>,

    /// JWT secret
    #[config(fallback = "JWT_SECRET", min_len = 32, strength = "key")]
    pub jwt_secret: SecretString,

    /// Encryption key
    ///
    /// A Fernet key: the URL-safe base64 encoding of 32 random bytes.
    #[config(fallback = "ENCRYPTION_KEY", min_len = 32)]
    pub encryption_key: FernetKey,

    /// API key
    #[config(
        fallback = "API_KEY",
        min_len = 32,
        strength = "key",
        letters_and_digits,
        recommended
    )]
    pub api_key: Option<SecretString>,

    /// CORS origins
    ///
    /// Comma-separated; `*` and `http://` are allowed in development only.
    #[config(dev_default = "*")]
    pub cors_origins: CorsOrigins,

    /// Database URL
    ///
    /// Without the password, which is `db_password`.
    #[config(default = "postgresql://qbitel@localhost:5432/qbitel")]
    pub database_url: String,

    /// HTTP port
    #[config(default = "8000")]
    pub port: u16,

    /// Worker threads
    #[config(default = "4")]
    pub workers: u16,

    /// Debug mode
    #[config(default = "false")]
    pub debug: bool,

    /// Log level
    #[config(default = "INFO")]
    pub log_level: String,

    /// Request timeout in seconds
    #[config(default = "30")]
    pub request_timeout_secs: u64,
}

/// [`AppConfig`] without `strength`: every other check (presence, length, Fernet key, CORS,
/// uniqueness, letters and digits) stays.
#[derive(ProductionConfig)]
#[config(prefix = "QBITEL_AI_")]
pub struct AppConfigNoStrength {
    /// Database password
    #[config(fallback = "DATABASE_PASSWORD", min_len = 16)]
    pub db_password: SecretString,

    /// Redis password
    ///
    /// Optional outside production: a development Redis may run without authentication.
    #[config(
        fallback = "REDIS_PASSWORD",
        min_len = 16,
        required,
        hint = "WARNING: Running Redis without authentication in production is a CRITICAL security risk!"
    )]
    pub redis_password: Option<SecretString>,

    /// JWT secret
    #[config(fallback = "JWT_SECRET", min_len = 32)]
    pub jwt_secret: SecretString,

    /// Encryption key
    ///
    /// A Fernet key: the URL-safe base64 encoding of 32 random bytes.
    #[config(fallback = "ENCRYPTION_KEY", min_len = 32)]
    pub encryption_key: FernetKey,

    /// API key
    #[config(fallback = "API_KEY", min_len = 32, letters_and_digits, recommended)]
    pub api_key: Option<SecretString>,

    /// CORS origins
    ///
    /// Comma-separated; `*` and `http://` are allowed in development only.
    #[config(dev_default = "*")]
    pub cors_origins: CorsOrigins,

    /// Database URL
    ///
    /// Without the password, which is `db_password`.
    #[config(default = "postgresql://qbitel@localhost:5432/qbitel")]
    pub database_url: String,

    /// HTTP port
    #[config(default = "8000")]
    pub port: u16,

    /// Worker threads
    #[config(default = "4")]
    pub workers: u16,

    /// Debug mode
    #[config(default = "false")]
    pub debug: bool,

    /// Log level
    #[config(default = "INFO")]
    pub log_level: String,

    /// Request timeout in seconds
    #[config(default = "30")]
    pub request_timeout_secs: u64,
}

fn expose(secret: Option<&SecretString>) -> String {
    secret
        .map(|s| s.expose_secret().to_owned())
        .unwrap_or_default()
}

macro_rules! summary {
    ($config:ty) => {
        impl $config {
            /// The comparable summary (exposes the secrets: benchmark data only).
            pub fn summary(self) -> crate::data::Summary {
                (
                    [
                        expose(Some(&self.db_password)),
                        expose(self.redis_password.as_ref()),
                        expose(Some(&self.jwt_secret)),
                        self.encryption_key.expose_secret().to_owned(),
                        expose(self.api_key.as_ref()),
                    ],
                    self.cors_origins.origins().to_vec(),
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

summary!(AppConfig);
summary!(AppConfigNoStrength);
