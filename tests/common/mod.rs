//! Values shared by the integration tests: strong secrets made by `secrets.token_urlsafe` and
//! `Fernet.generate_key()`, and a valid production environment for `qbitel::AppConfig`.
#![allow(dead_code)]

use qbitel_runtime::Vars;

pub const DB_PASSWORD: &str = "BrSqAO8A_twfSzwD0KeZIkKwsvdnGYOnOiA4-cp60aU";
pub const REDIS_PASSWORD: &str = "K6TW_xbzLo-WIeM4aCrHwu8flhimeXnwJlH1kV2rHDo";
pub const JWT_SECRET: &str = "Bw3NoYaHPdMACH_DNlqZRO0TRmlt2mJGJoZbq9UinhUBC-T4gwsAb5tdvqrIzIS_";
pub const ENCRYPTION_KEY: &str = "6U7TL2LEEGq52KwS4UjlybPaOOITf9tr_qIgUD8mp7s=";
pub const API_KEY: &str = "xd3_K4kLIjilHK-b1a_WBzQBoMHOeDBcoYnJESggDbc";

/// Every secret value above, to search output for leaks.
pub const SECRETS: [&str; 5] = [
    DB_PASSWORD,
    REDIS_PASSWORD,
    JWT_SECRET,
    ENCRYPTION_KEY,
    API_KEY,
];

/// A production environment in which `AppConfig` is ready, in this order: the environment,
/// the five secrets, the CORS origins.
pub const PRODUCTION: [(&str, &str); 7] = [
    ("QBITEL_AI_ENVIRONMENT", "production"),
    ("QBITEL_AI_DB_PASSWORD", DB_PASSWORD),
    ("QBITEL_AI_REDIS_PASSWORD", REDIS_PASSWORD),
    ("QBITEL_AI_JWT_SECRET", JWT_SECRET),
    ("QBITEL_AI_ENCRYPTION_KEY", ENCRYPTION_KEY),
    ("QBITEL_AI_API_KEY", API_KEY),
    (
        "QBITEL_AI_CORS_ORIGINS",
        "https://app.example.com,https://dashboard.example.com",
    ),
];

/// [`PRODUCTION`] as a list to extend.
pub fn production_pairs() -> Vec<(&'static str, &'static str)> {
    PRODUCTION.to_vec()
}

/// A valid production environment, with `changes` applied: `(name, Some(value))` sets,
/// `(name, None)` removes.
pub fn production_with(changes: &[(&str, Option<&str>)]) -> Vars {
    let mut vars = Vars::from_pairs(production_pairs());
    for (name, value) in changes {
        match value {
            Some(value) => vars.set(*name, *value),
            None => vars.remove(name),
        };
    }
    vars
}

/// Asserts that no secret above appears in `text`.
pub fn assert_no_secret(text: &str) {
    for secret in SECRETS {
        assert!(!text.contains(secret), "a secret leaked into: {text}");
    }
}
