//! Every field option at once, loaded in development and production.
use qbitel_runtime::{
    Environment, ExposeSecret, LoadOptions, ProductionConfig, SecretString, Vars,
};

#[derive(ProductionConfig)]
#[config(prefix = "APP_", crate = "qbitel_runtime")]
struct Config {
    /// Database password
    #[config(
        env = "DB_PASS",
        fallback = "DATABASE_PASSWORD",
        fallback = "PGPASSWORD"
    )]
    #[config(
        min_len = 16,
        strength = "password",
        hint = "Use a generated password."
    )]
    db_password: SecretString,
    #[config(min_len = 32, strength = "key", letters_and_digits, recommended)]
    #[config(allow = "value.recommended", label = "API key")]
    api_key: Option<SecretString>,
    #[config(strength, required)]
    redis_password: Option<SecretString>,
    #[config(default = "8000")]
    port: u16,
    #[config(dev_default = "debug")]
    log_level: String,
    #[config(default = "false", production = "false")]
    debug: bool,
}

fn main() {
    let meta = Config::META;
    assert_eq!(meta.name(), "Config");
    let fields = meta.fields();
    assert_eq!(fields[0].env(), "DB_PASS");
    assert_eq!(
        fields[0].fallback_names(),
        ["DATABASE_PASSWORD", "PGPASSWORD"]
    );
    assert_eq!(fields[0].min_len_value(), Some(16));
    assert_eq!(fields[0].hint_text(), Some("Use a generated password."));
    assert_eq!(fields[1].env(), "APP_API_KEY");
    assert_eq!(fields[1].label_text(), "API key");
    assert!(fields[1].needs_letters_and_digits() && fields[1].is_recommended());
    assert_eq!(fields[1].allowed(), ["value.recommended"]);
    assert!(fields[2].is_required());
    assert_eq!(fields[3].default_value(), Some("8000"));
    assert_eq!(fields[4].dev_default_value(), Some("debug"));
    assert_eq!(fields[5].production_value(), Some("false"));

    let vars = Vars::from_pairs([
        ("PGPASSWORD", "vT8#qL2!mZ6@wK4$rN9^"),
        ("APP_REDIS_PASSWORD", "pX3&hJ7*dF1(sG5)kB8_"),
    ]);
    let config = Config::load_with(
        &vars,
        &LoadOptions::for_environment(Environment::Development),
    )
    .unwrap();
    assert_eq!(config.db_password.expose_secret(), "vT8#qL2!mZ6@wK4$rN9^");
    assert!(config.api_key.is_none());
    assert_eq!(config.port, 8000);
    assert_eq!(config.log_level, "debug");
    assert!(!config.debug);
}
