//! Per-field loading: names and fallbacks, empty and conflicting values, and the field types.

mod common;

use std::net::SocketAddr;

use qbitel_runtime::{
    CorsOrigins, ExposeSecret, FernetKey, ProductionConfig, Provenance, SecretString, Status, Vars,
};

#[derive(ProductionConfig)]
#[config(prefix = "APP_")]
struct Settings {
    /// Service token
    #[config(fallback = "TOKEN", fallback = "LEGACY_TOKEN")]
    token: SecretString,
    #[config(default = "8000")]
    port: u16,
    #[config(default = "false")]
    debug: bool,
    #[config(default = "info")]
    log_level: String,
    #[config(default = "1,2,3")]
    shards: Vec<u8>,
    #[config(default = "127.0.0.1:9000")]
    listen: SocketAddr,
    nickname: Option<String>,
    #[config(env = "CUSTOM_LEVEL", default = "3")]
    level: Level,
}

#[derive(Debug, PartialEq)]
struct Level(u8);

impl std::str::FromStr for Level {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        match text.parse::<u8>() {
            Ok(n) if n < 10 => Ok(Level(n)),
            _ => Err("expected a level from 0 to 9".to_owned()),
        }
    }
}

qbitel_runtime::config_value_from_str!(Level);

const TOKEN: &str = common::DB_PASSWORD;

fn load(pairs: &[(&str, &str)]) -> Result<Settings, qbitel_runtime::ConfigError> {
    Settings::load_from(&Vars::from_pairs(pairs.iter().copied()))
}

fn check<'r>(
    report: &'r qbitel_runtime::Report,
    id: &str,
    field: &str,
) -> Vec<&'r qbitel_runtime::Check> {
    report
        .checks()
        .iter()
        .filter(|c| c.id() == id && c.field() == Some(field))
        .collect()
}

#[test]
fn values_of_every_kind_are_parsed() {
    let settings = load(&[
        ("APP_TOKEN", TOKEN),
        ("APP_PORT", "9090"),
        ("APP_DEBUG", "Yes"),
        ("APP_LOG_LEVEL", "debug"),
        ("APP_SHARDS", " 4, 5 ,,6 "),
        ("APP_LISTEN", "[::1]:8443"),
        ("APP_NICKNAME", "blue"),
        ("CUSTOM_LEVEL", "7"),
    ])
    .unwrap();
    assert_eq!(settings.token.expose_secret(), TOKEN);
    assert_eq!(settings.port, 9090);
    assert!(settings.debug);
    assert_eq!(settings.log_level, "debug");
    assert_eq!(settings.shards, vec![4, 5, 6]);
    assert_eq!(settings.listen, "[::1]:8443".parse().unwrap());
    assert_eq!(settings.nickname.as_deref(), Some("blue"));
    assert_eq!(settings.level, Level(7));
}

#[test]
fn defaults_apply_when_nothing_is_set() {
    let settings = load(&[("APP_TOKEN", TOKEN)]).unwrap();
    assert_eq!(settings.port, 8000);
    assert!(!settings.debug);
    assert_eq!(settings.shards, vec![1, 2, 3]);
    assert_eq!(settings.nickname, None);
    assert_eq!(settings.level, Level(3));
    let report = Settings::report_from(&Vars::from_pairs([("APP_TOKEN", TOKEN)]));
    let port = check(&report, "value.present", "port");
    assert_eq!(port[0].provenance(), Some(&Provenance::Default));
}

#[test]
fn fallbacks_are_tried_in_order_and_the_report_names_the_supplier() {
    let vars = Vars::from_pairs([("LEGACY_TOKEN", TOKEN)]);
    let settings = Settings::load_from(&vars).unwrap();
    assert_eq!(settings.token.expose_secret(), TOKEN);
    let report = Settings::report_from(&vars);
    let present = check(&report, "value.present", "token");
    assert_eq!(present[0].variable(), Some("LEGACY_TOKEN"));
    assert_eq!(
        present[0].provenance(),
        Some(&Provenance::Variable("LEGACY_TOKEN".into()))
    );
    assert!(
        present[0]
            .message()
            .contains("Service token is configured (LEGACY_TOKEN)")
    );

    let both = Vars::from_pairs([("TOKEN", TOKEN), ("LEGACY_TOKEN", TOKEN)]);
    let report = Settings::report_from(&both);
    assert_eq!(
        check(&report, "value.present", "token")[0].variable(),
        Some("TOKEN")
    );
}

#[test]
fn an_empty_variable_counts_as_missing_and_is_reported() {
    let vars = Vars::from_pairs([("APP_TOKEN", ""), ("TOKEN", TOKEN)]);
    let report = Settings::report_from(&vars);
    let empty = check(&report, "value.empty", "token");
    assert_eq!(empty.len(), 1);
    assert_eq!(empty[0].status(), Status::Warning);
    assert_eq!(empty[0].variable(), Some("APP_TOKEN"));
    assert_eq!(
        check(&report, "value.present", "token")[0].variable(),
        Some("TOKEN")
    );
}

#[test]
fn two_names_with_different_values_warn_naming_both_but_never_the_values() {
    let other = common::REDIS_PASSWORD;
    let vars = Vars::from_pairs([("APP_TOKEN", TOKEN), ("LEGACY_TOKEN", other)]);
    let report = Settings::report_from(&vars);
    let conflict = check(&report, "value.conflict", "token");
    assert_eq!(conflict.len(), 1);
    assert_eq!(conflict[0].status(), Status::Warning);
    let message = conflict[0].message();
    assert!(
        message.contains("APP_TOKEN") && message.contains("LEGACY_TOKEN"),
        "{message}"
    );
    assert!(
        !message.contains(TOKEN) && !message.contains(other),
        "{message}"
    );

    let same = Vars::from_pairs([("APP_TOKEN", TOKEN), ("LEGACY_TOKEN", TOKEN)]);
    assert!(check(&Settings::report_from(&same), "value.conflict", "token").is_empty());
}

#[test]
fn a_value_that_is_not_utf8_is_an_error_naming_the_variable() {
    let mut vars = Vars::from_pairs([("APP_TOKEN", TOKEN)]);
    vars.set_bytes("APP_LOG_LEVEL", vec![b'o', 0xc3, 0x28]);
    let error = Settings::load_from(&vars).err().unwrap();
    let text = error.to_string();
    assert!(
        text.contains("[value.unicode] APP_LOG_LEVEL is set, but its value is not valid UTF-8"),
        "{text}"
    );
}

#[test]
fn a_malformed_plain_value_is_an_error_in_every_environment() {
    for environment in ["development", "production"] {
        let vars = Vars::from_pairs([
            ("QBITEL_AI_ENVIRONMENT", environment),
            ("APP_TOKEN", TOKEN),
            ("APP_PORT", "eighty"),
            ("APP_DEBUG", "maybe"),
            ("CUSTOM_LEVEL", "12"),
        ]);
        let error = Settings::load_from(&vars).err().unwrap();
        let ids: Vec<_> = error
            .violations()
            .iter()
            .map(|c| (c.id(), c.field().unwrap()))
            .collect();
        assert_eq!(
            ids,
            [
                ("value.invalid", "port"),
                ("value.invalid", "debug"),
                ("value.invalid", "level")
            ],
            "{environment}"
        );
        let text = error.to_string();
        assert!(text.contains("\"eighty\" is not a valid u16"), "{text}");
        assert!(text.contains("\"maybe\" is not a boolean"), "{text}");
        assert!(text.contains("expected a level from 0 to 9"), "{text}");
    }
}

#[test]
fn a_missing_plain_value_without_default_is_an_error_in_every_environment() {
    #[derive(ProductionConfig)]
    struct Needs {
        /// Upstream URL
        #[config(env = "UPSTREAM_URL")]
        upstream: String,
    }
    for environment in ["development", "testing", "production"] {
        let vars = Vars::from_pairs([("ENVIRONMENT", environment)]);
        let error = Needs::load_from(&vars)
            .map(|needs| needs.upstream)
            .unwrap_err();
        assert_eq!(error.violations()[0].id(), "value.present", "{environment}");
        assert!(error.to_string().contains("Upstream URL not configured!"));
    }
}

#[test]
fn fernet_keys_accept_exactly_32_url_safe_bytes() {
    #[derive(ProductionConfig)]
    struct Keys {
        #[config(env = "KEY")]
        key: FernetKey,
    }
    let production = |key: &str| Vars::from_pairs([("ENVIRONMENT", "production"), ("KEY", key)]);
    let loaded = Keys::load_from(&production(common::ENCRYPTION_KEY)).unwrap();
    assert_eq!(loaded.key.expose_secret(), common::ENCRYPTION_KEY);
    assert_eq!(loaded.key.to_bytes().expose_secret().len(), 32);

    let rejected = [
        // 48 bytes (`secrets.token_urlsafe(48)`), not a Fernet key.
        common::JWT_SECRET,
        // The same 32 bytes in the standard alphabet (`+`, `/`).
        "6U7TL2LEEGq52KwS4UjlybPaOOITf9tr/qIgUD8mp7s=",
        // Unpadded.
        "6U7TL2LEEGq52KwS4UjlybPaOOITf9tr_qIgUD8mp7s",
        // 31 bytes.
        "6U7TL2LEEGq52KwS4UjlybPaOOITf9tr_qIgUD8mpw==",
        "not base64 at all!!",
    ];
    for key in rejected {
        let error = Keys::load_from(&production(key)).err().unwrap();
        assert_eq!(error.violations()[0].id(), "key.fernet", "{key}");
        assert!(!error.to_string().contains(key));
    }

    // The message says why: the wrong size only for base64 text, whatever its length.
    let reason = |key: &str| {
        let error = Keys::load_from(&production(key)).err().unwrap();
        error.violations()[0].message().to_owned()
    };
    let wrong_size = "decodes to the wrong number of bytes";
    assert!(reason(common::JWT_SECRET).contains(wrong_size));
    assert!(reason("6U7TL2LEEGq52KwS4UjlybPaOOITf9tr_qIgUD8mpw==").contains(wrong_size));
    for not_base64 in [
        "correct horse battery staple and then some more words!!",
        "not base64 at all!!",
    ] {
        let message = reason(not_base64);
        assert!(
            message.contains("is not a Fernet key: expected"),
            "{message}"
        );
        assert!(!message.contains(wrong_size), "{message}");
    }
}

#[test]
fn cors_origins_are_normalised_and_queried() {
    #[derive(ProductionConfig)]
    struct Web {
        #[config(env = "ORIGINS")]
        origins: CorsOrigins,
    }
    let vars = Vars::from_pairs([
        ("ENVIRONMENT", "production"),
        (
            "ORIGINS",
            "https://App.Example.com/, https://dash.example.com:8443",
        ),
    ]);
    let web = Web::load_from(&vars).unwrap();
    assert_eq!(
        web.origins.origins(),
        ["https://app.example.com", "https://dash.example.com:8443"]
    );
    assert!(web.origins.allows("https://app.example.com"));
    assert!(!web.origins.allows("https://evil.example.com"));
    assert!(!web.origins.is_wildcard());
}

#[test]
fn secrets_never_show_in_debug_output() {
    let settings = load(&[("APP_TOKEN", TOKEN)]).unwrap();
    let debug = format!("{:?}", settings.token);
    assert!(!debug.contains(TOKEN));
    let vars = Vars::from_pairs([("APP_TOKEN", TOKEN)]);
    assert!(!format!("{vars:?}").contains(TOKEN));
    let report = Settings::report_from(&vars);
    common::assert_no_secret(&format!("{report:?}"));
}
