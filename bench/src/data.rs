//! The variables every loader reads: a production deployment with every value set and valid.

use std::collections::HashMap;

/// The variables, as a deployment would set them. The secrets come from the generators the
/// design document names (`secrets.token_urlsafe`, `Fernet.generate_key`), so that they pass
/// qbitel's checks.
pub const VARIABLES: [(&str, &str); 13] = [
    ("QBITEL_AI_ENVIRONMENT", "production"),
    (
        "QBITEL_AI_DB_PASSWORD",
        "ss1fq1ilNN56WQ2oTSDTCXczVyab0u78pnVrclt7JBM",
    ),
    (
        "QBITEL_AI_REDIS_PASSWORD",
        "24mGlUGSlcJxzLeMks97AsWLYzmzZukM6peyx2DGjjY",
    ),
    (
        "QBITEL_AI_JWT_SECRET",
        "iiWagfmqtzzf5zDgXFMXDeCc6pjY_Xc3SOg35NJZITFDwlFxK0DePrwUbGZ1ovhR",
    ),
    (
        "QBITEL_AI_ENCRYPTION_KEY",
        "wyZT26CtYskWJ8I1AANY3fLf90JZp30s6jdHG7Bhfg8=",
    ),
    (
        "QBITEL_AI_API_KEY",
        "XbtgZBWT204ah39Cj40qEYfnA0cL5amTCjJyAcDC",
    ),
    (
        "QBITEL_AI_CORS_ORIGINS",
        "https://app.example.com,https://admin.example.com",
    ),
    (
        "QBITEL_AI_DATABASE_URL",
        "postgresql://qbitel@db.internal:5432/qbitel",
    ),
    ("QBITEL_AI_PORT", "8080"),
    ("QBITEL_AI_WORKERS", "8"),
    ("QBITEL_AI_DEBUG", "false"),
    ("QBITEL_AI_LOG_LEVEL", "INFO"),
    ("QBITEL_AI_REQUEST_TIMEOUT_SECS", "30"),
];

/// The variables as the map the in-memory loaders read.
pub fn map() -> HashMap<String, String> {
    VARIABLES
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect()
}

/// What every loader must produce from [`VARIABLES`], in a form all of them can be compared in:
/// (secrets, origins, database URL, port, workers, debug, log level, timeout).
pub type Summary = (
    [String; 5],
    Vec<String>,
    String,
    u16,
    u16,
    bool,
    String,
    u64,
);

/// The expected summary.
pub fn expected() -> Summary {
    let value = |name: &str| {
        VARIABLES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| (*v).to_owned())
            .unwrap_or_default()
    };
    (
        [
            value("QBITEL_AI_DB_PASSWORD"),
            value("QBITEL_AI_REDIS_PASSWORD"),
            value("QBITEL_AI_JWT_SECRET"),
            value("QBITEL_AI_ENCRYPTION_KEY"),
            value("QBITEL_AI_API_KEY"),
        ],
        vec![
            "https://app.example.com".to_owned(),
            "https://admin.example.com".to_owned(),
        ],
        value("QBITEL_AI_DATABASE_URL"),
        8080,
        8,
        false,
        "INFO".to_owned(),
        30,
    )
}
