//! `Option` fields: `None` when unset, `Some` when set; `required` only bites in production.
use qbitel_runtime::{Environment, LoadOptions, ProductionConfig, SecretString, Vars};

#[derive(ProductionConfig)]
struct Config {
    sentry_dsn: Option<String>,
    #[config(recommended)]
    api_key: Option<SecretString>,
    #[config(required)]
    redis_password: Option<SecretString>,
    max_connections: Option<u32>,
}

fn main() {
    assert!(
        Config::META
            .fields()
            .iter()
            .all(|field| field.is_optional())
    );
    let development = LoadOptions::for_environment(Environment::Development);
    let config = Config::load_with(&Vars::new(), &development).unwrap();
    assert!(config.sentry_dsn.is_none() && config.redis_password.is_none());
    let vars = Vars::from_pairs([
        ("SENTRY_DSN", "https://sentry.example"),
        ("MAX_CONNECTIONS", "12"),
    ]);
    let config = Config::load_with(&vars, &development).unwrap();
    assert_eq!(config.sentry_dsn.as_deref(), Some("https://sentry.example"));
    assert_eq!(config.max_connections, Some(12));
    let production = LoadOptions::for_environment(Environment::Production);
    assert!(Config::load_with(&Vars::new(), &production).is_err());
}
