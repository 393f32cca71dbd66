//! The design document's service configuration, declared once with `qbitel-runtime`.
//!
//! The workspace's examples, integration tests and benchmarks share it, so that each of them
//! exercises the same struct a service author would write.
#![forbid(unsafe_code)]

use qbitel_runtime::{CorsOrigins, FernetKey, ProductionConfig, SecretString};

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
    #[config(fallback = "ENCRYPTION_KEY", min_len = 32, strength = "key")]
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

    /// Security settings: the design document's `security:` section.
    #[config(nested)]
    pub security: SecurityConfig,

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
    #[config(
        default = "false",
        production = "false",
        hint = "Debug mode exposes internals; turn it off in production."
    )]
    pub debug: bool,

    /// Log level
    #[config(default = "INFO")]
    pub log_level: String,

    /// Request timeout in seconds
    #[config(default = "30")]
    pub request_timeout_secs: u64,
}

/// The `security:` section: CORS and the switches production requires.
#[derive(ProductionConfig)]
#[config(prefix = "QBITEL_AI_")]
pub struct SecurityConfig {
    /// Encryption
    #[config(default = "true", production = "true")]
    pub enable_encryption: bool,

    /// CORS
    #[config(default = "true")]
    pub enable_cors: bool,

    /// CORS origins
    ///
    /// Comma-separated, or a list in the config file; `*` and `http://` are allowed in
    /// development only.
    #[config(dev_default = "*")]
    pub cors_origins: CorsOrigins,

    /// TLS
    #[config(default = "true", production = "true")]
    pub tls_enabled: bool,

    /// TLS client verification
    #[config(default = "false")]
    pub tls_verify_client: bool,
}
