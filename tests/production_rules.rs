//! The design document's production model on `qbitel::AppConfig`: errors in production,
//! warnings in development, every violation reported at once.

mod common;

use common::{production_pairs, production_with};
use qbitel::AppConfig;
use qbitel_runtime::{
    Environment, ExposeSecret, LoadOptions, ProductionConfig, Report, Status, Vars,
};

fn statuses(report: &Report, field: &str) -> Vec<(&'static str, Status)> {
    report
        .checks()
        .iter()
        .filter(|c| c.field() == Some(field))
        .map(|c| (c.id(), c.status()))
        .collect()
}

fn failure_ids(vars: &Vars) -> Vec<(&'static str, String)> {
    let error = AppConfig::load_from(vars).err().expect("load should fail");
    error
        .violations()
        .iter()
        .map(|c| (c.id(), c.field().unwrap_or_default().to_owned()))
        .collect()
}

/// Asserts no check failed or warned, listing the ones that did.
fn assert_clean(report: &Report) {
    let problems: Vec<_> = report
        .checks()
        .iter()
        .filter(|check| check.status() != Status::Pass)
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn production_with_every_secret_valid_is_ready() {
    let vars = Vars::from_pairs(production_pairs());
    let report = AppConfig::report_from(&vars);
    assert_clean(&report);
    let config = AppConfig::load_from(&vars).unwrap();
    assert_eq!(config.db_password.expose_secret(), common::DB_PASSWORD);
    assert_eq!(
        config
            .redis_password
            .as_ref()
            .map(|s| s.expose_secret().to_owned()),
        Some(common::REDIS_PASSWORD.to_owned())
    );
    assert_eq!(config.security.cors_origins.origins().len(), 2);
    assert_eq!(config.port, 8000);
}

#[test]
fn production_with_nothing_set_fails_listing_every_required_secret() {
    let vars = Vars::from_pairs([("QBITEL_AI_ENVIRONMENT", "production")]);
    let failures = failure_ids(&vars);
    let expected: Vec<(&str, String)> = [
        "db_password",
        "redis_password",
        "jwt_secret",
        "encryption_key",
        "security.cors_origins",
    ]
    .iter()
    .map(|f| ("value.present", (*f).to_owned()))
    .collect();
    assert_eq!(failures, expected);
    let report = AppConfig::report_from(&vars);
    assert_eq!(
        statuses(&report, "api_key"),
        [("value.recommended", Status::Warning)]
    );
}

#[test]
fn the_missing_database_password_message_follows_the_design_document() {
    let vars = production_with(&[("QBITEL_AI_DB_PASSWORD", None)]);
    let error = AppConfig::load_from(&vars).err().unwrap();
    let message = error.violations()[0].message();
    let expected = "Database password not configured!\n\
        REQUIRED: Set one of the following environment variables:\n  \
        - QBITEL_AI_DB_PASSWORD (recommended)\n  \
        - DATABASE_PASSWORD\n\
        Generate one with: python -c \"import secrets; print(secrets.token_urlsafe(32))\"";
    assert_eq!(message, expected);
}

#[test]
fn the_missing_redis_password_carries_the_critical_warning() {
    let vars = production_with(&[("QBITEL_AI_REDIS_PASSWORD", None)]);
    let error = AppConfig::load_from(&vars).err().unwrap();
    let message = error.violations()[0].message();
    assert!(
        message.starts_with("Redis password not configured in PRODUCTION mode!"),
        "{message}"
    );
    assert!(message.ends_with(
        "WARNING: Running Redis without authentication in production is a CRITICAL security risk!"
    ));
}

#[test]
fn each_failure_kind_is_an_error_in_production_and_all_are_reported_together() {
    let vars = production_with(&[
        ("QBITEL_AI_DB_PASSWORD", Some("Zq8#")),
        ("QBITEL_AI_REDIS_PASSWORD", Some("aaaaaaaaaaaaaaaaaaaa")),
        ("QBITEL_AI_ENCRYPTION_KEY", Some(common::JWT_SECRET)),
        (
            "QBITEL_AI_API_KEY",
            Some("abcdefghijklmnopqrstuvwxyzabcdefghijkl"),
        ),
        (
            "QBITEL_AI_CORS_ORIGINS",
            Some("*,http://app.example.com,https://ok.example.com/path"),
        ),
    ]);
    let failures = failure_ids(&vars);
    for expected in [
        ("value.min_len", "db_password"),
        ("secret.strength", "redis_password"),
        ("key.fernet", "encryption_key"),
        ("secret.letters_and_digits", "api_key"),
        ("cors.wildcard", "security.cors_origins"),
        ("cors.insecure", "security.cors_origins"),
        ("cors.malformed", "security.cors_origins"),
    ] {
        assert!(
            failures
                .iter()
                .any(|(id, field)| (*id, field.as_str()) == expected),
            "{expected:?} missing from {failures:?}"
        );
    }
    let text = AppConfig::load_from(&vars).err().unwrap().to_string();
    assert!(
        text.contains("CORS wildcard (*) is FORBIDDEN in production mode!"),
        "{text}"
    );
    assert!(
        text.starts_with("configuration is not valid for production:"),
        "{text}"
    );
    assert!(!text.contains("Zq8#"));
}

#[test]
fn the_same_findings_are_warnings_in_development() {
    let vars = production_with(&[
        ("QBITEL_AI_ENVIRONMENT", Some("development")),
        ("QBITEL_AI_DB_PASSWORD", Some("Zq8#")),
        ("QBITEL_AI_REDIS_PASSWORD", Some("aaaaaaaaaaaaaaaaaaaa")),
        (
            "QBITEL_AI_API_KEY",
            Some("abcdefghijklmnopqrstuvwxyzabcdefghijkl"),
        ),
        (
            "QBITEL_AI_CORS_ORIGINS",
            Some("*,http://localhost:3000,not an origin"),
        ),
    ]);
    let report = AppConfig::report_from(&vars);
    assert!(
        report.is_ready(),
        "{:#?}",
        report.failures().collect::<Vec<_>>()
    );
    let warned: Vec<_> = report.warnings().map(|c| c.id()).collect();
    for id in [
        "value.min_len",
        "secret.strength",
        "secret.letters_and_digits",
        "cors.malformed",
    ] {
        assert!(warned.contains(&id), "{id} not warned: {warned:?}");
    }
    // Wildcard and http:// origins are allowed outside production.
    for id in ["cors.wildcard", "cors.insecure"] {
        let check = report.checks().iter().find(|c| c.id() == id).unwrap();
        assert_eq!(check.status(), Status::Pass);
    }
    let config = AppConfig::load_from(&vars).unwrap();
    assert!(config.security.cors_origins.is_wildcard());
    assert_eq!(
        config.security.cors_origins.origins(),
        ["http://localhost:3000"]
    );
    assert_eq!(config.db_password.expose_secret(), "Zq8#");
}

#[test]
fn development_starts_with_nothing_set() {
    let config = AppConfig::load_from(&Vars::new()).unwrap();
    // A required Option credential of an outside service is simply absent.
    assert!(config.redis_password.is_none());
    // Keys the service uses itself get ephemeral random stand-ins.
    assert!(config.jwt_secret.expose_secret().len() >= 32);
    assert_eq!(config.encryption_key.to_bytes().expose_secret().len(), 32);
    assert!(config.security.cors_origins.is_wildcard());

    let report = AppConfig::report_from(&Vars::new());
    assert_eq!(report.environment(), Environment::Development);
    assert_eq!(
        statuses(&report, "redis_password"),
        [("value.present", Status::Warning)]
    );
    let stand_ins: Vec<_> = report
        .checks()
        .iter()
        .filter(|c| c.id() == "secret.stand_in")
        .map(|c| c.field().unwrap())
        .collect();
    assert_eq!(stand_ins, ["db_password", "jwt_secret", "encryption_key"]);
    let jwt = report
        .checks()
        .iter()
        .find(|c| c.id() == "secret.stand_in" && c.field() == Some("jwt_secret"))
        .unwrap();
    assert!(
        jwt.message().contains("ephemeral random value"),
        "{}",
        jwt.message()
    );
}

#[test]
fn stand_ins_are_fresh_each_load() {
    let a = AppConfig::load_from(&Vars::new()).unwrap();
    let b = AppConfig::load_from(&Vars::new()).unwrap();
    assert_ne!(a.jwt_secret.expose_secret(), b.jwt_secret.expose_secret());
}

#[test]
fn a_dev_default_secret_is_used_outside_production_only() {
    #[derive(ProductionConfig)]
    struct Svc {
        /// Session key
        #[config(env = "SESSION_KEY", dev_default = "local-development-session-key")]
        session_key: qbitel_runtime::SecretString,
    }
    let dev = Svc::load_from(&Vars::new()).unwrap();
    assert_eq!(
        dev.session_key.expose_secret(),
        "local-development-session-key"
    );
    let report = Svc::report_from(&Vars::new());
    assert!(
        report
            .warnings()
            .any(|c| c.id() == "secret.stand_in" && c.message().contains("using its dev_default"))
    );
    let production = Vars::from_pairs([("ENVIRONMENT", "production")]);
    let error = Svc::load_from(&production).err().unwrap();
    assert_eq!(error.violations()[0].id(), "value.present");
}

#[test]
fn the_same_secret_in_two_fields_is_an_error_in_production_and_a_warning_elsewhere() {
    let reused = production_with(&[("QBITEL_AI_REDIS_PASSWORD", Some(common::DB_PASSWORD))]);
    let failures = failure_ids(&reused);
    assert_eq!(failures, [("secret.unique", "redis_password".to_owned())]);
    let message = AppConfig::load_from(&reused).err().unwrap().to_string();
    assert!(message.contains("Database password and Redis password have the same value"));
    common::assert_no_secret(&message);

    let development = production_with(&[
        ("QBITEL_AI_ENVIRONMENT", Some("dev")),
        ("QBITEL_AI_REDIS_PASSWORD", Some(common::DB_PASSWORD)),
    ]);
    let report = AppConfig::report_from(&development);
    assert!(report.is_ready());
    assert!(report.warnings().any(|c| c.id() == "secret.unique"));
}

#[test]
fn a_recommended_setting_missing_is_a_warning_in_production() {
    let vars = production_with(&[("QBITEL_AI_API_KEY", None)]);
    let report = AppConfig::report_from(&vars);
    assert!(report.is_ready());
    assert_eq!(
        statuses(&report, "api_key"),
        [("value.recommended", Status::Warning)]
    );
}

#[test]
fn an_unrecognised_environment_fails_and_is_judged_as_production() {
    let vars = production_with(&[("QBITEL_AI_ENVIRONMENT", Some("prodution"))]);
    let report = AppConfig::report_from(&vars);
    assert!(!report.is_ready());
    assert_eq!(report.environment(), Environment::Production);
    assert_eq!(
        report.failures().next().unwrap().id(),
        "environment.invalid"
    );
}

#[test]
fn a_forced_environment_overrides_the_variables() {
    let options = LoadOptions::for_environment(Environment::Production);
    let (value, report) = AppConfig::evaluate(&Vars::new(), &options);
    assert!(value.is_none());
    assert_eq!(report.environment(), Environment::Production);
    assert!(!report.is_ready());
}

#[test]
fn warnings_can_be_silenced_by_id_but_failures_cannot() {
    let vars = production_with(&[
        ("QBITEL_AI_API_KEY", None),
        (
            "QBITEL_AI_ALLOW_WARNINGS",
            Some("value.recommended, value.present"),
        ),
    ]);
    let report = AppConfig::report_from(&vars);
    assert_eq!(report.count(Status::Warning), 0);
    let silenced = report
        .checks()
        .iter()
        .find(|c| c.id() == "value.recommended")
        .unwrap();
    assert!(silenced.message().ends_with("(warning silenced)"));

    let failing = production_with(&[
        ("QBITEL_AI_DB_PASSWORD", None),
        ("QBITEL_AI_ALLOW_WARNINGS", Some("value.present")),
    ]);
    assert!(!AppConfig::report_from(&failing).is_ready());
}

#[test]
fn no_report_or_error_ever_contains_a_secret() {
    let mut cases = vec![Vars::from_pairs(production_pairs())];
    cases.push(production_with(&[(
        "QBITEL_AI_REDIS_PASSWORD",
        Some(common::DB_PASSWORD),
    )]));
    cases.push(production_with(&[(
        "QBITEL_AI_ENCRYPTION_KEY",
        Some(common::API_KEY),
    )]));
    cases.push(production_with(&[(
        "DATABASE_PASSWORD",
        Some(common::JWT_SECRET),
    )]));
    for vars in cases {
        let report = AppConfig::report_from(&vars);
        common::assert_no_secret(&format!("{report:?}"));
        for check in report.checks() {
            common::assert_no_secret(&check.to_string());
        }
        if let Err(error) = AppConfig::load_from(&vars) {
            common::assert_no_secret(&error.to_string());
            common::assert_no_secret(&format!("{error:?}"));
        }
    }
}

#[test]
fn debug_mode_is_refused_in_production_from_any_source() {
    let vars = production_with(&[("QBITEL_AI_DEBUG", Some("true"))]);
    let error = AppConfig::load_from(&vars).err().unwrap();
    let violation = &error.violations()[0];
    assert_eq!(
        (violation.id(), violation.field()),
        ("value.production", Some("debug"))
    );
    assert_eq!(
        violation.message(),
        "Debug mode (QBITEL_AI_DEBUG) must be false in production\n\
         Debug mode exposes internals; turn it off in production."
    );
    let development = production_with(&[
        ("QBITEL_AI_ENVIRONMENT", Some("development")),
        ("QBITEL_AI_DEBUG", Some("true")),
    ]);
    let report = AppConfig::report_from(&development);
    assert!(report.is_ready());
    assert!(report.warnings().any(|c| c.id() == "value.production"));
}

#[test]
fn the_design_documents_production_file_completes_the_secrets_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("config")).unwrap();
    let file = dir.path().join("config/qbitel.production.yaml");
    std::fs::write(
        &file,
        include_str!("../examples/deploy/config/qbitel.production.yaml"),
    )
    .unwrap();
    // The secrets only, as in the design document's CI example: CORS comes from the file.
    let vars = production_with(&[("QBITEL_AI_CORS_ORIGINS", None)]);
    let options = LoadOptions::default().with_base_dir(dir.path());
    let (config, report) = AppConfig::evaluate(&vars, &options);
    assert_clean(&report);
    let config = config.unwrap();
    assert!(config.security.tls_verify_client);
    assert_eq!(
        config.security.cors_origins.origins(),
        ["https://app.example.com", "https://dashboard.example.com"]
    );
    let origins = report
        .checks()
        .iter()
        .find(|c| c.id() == "value.present" && c.field() == Some("security.cors_origins"))
        .unwrap();
    assert_eq!(
        origins.provenance().unwrap().to_string(),
        format!("{}:10", file.display())
    );
}

#[test]
fn load_finds_exactly_the_problems_the_report_lists() {
    let cases = [
        Vars::from_pairs(production_pairs()),
        Vars::from_pairs([("QBITEL_AI_ENVIRONMENT", "production")]),
        production_with(&[
            ("QBITEL_AI_DEBUG", Some("true")),
            ("QBITEL_AI_DB_PASSWORD", Some("password")),
        ]),
        production_with(&[("QBITEL_AI_ENVIRONMENT", Some("dev"))]),
    ];
    for vars in cases {
        let failures: Vec<_> = AppConfig::report_from(&vars).failures().cloned().collect();
        match AppConfig::load_from(&vars) {
            Ok(_) => assert!(failures.is_empty(), "{failures:#?}"),
            Err(error) => assert_eq!(error.violations(), failures.as_slice()),
        }
    }
}
