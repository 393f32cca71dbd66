//! The checker's text and JSON reports for the design document's configuration, kept as
//! snapshots in `tests/snapshots/`: development, production with nothing set, production with
//! everything valid, and production with each kind of failure.
//!
//! After an intended change of wording: `INSTA_UPDATE=always cargo test --test checker_report`,
//! then review the diff of `tests/snapshots/`.

mod common;

use qbitel::AppConfig;
use qbitel_runtime::check::{self, FailOn, TextOptions};
use qbitel_runtime::{Environment, LoadOptions, ProductionConfig, Report, Status, Vars};

/// A production environment that passes every check.
const VALID: [(&str, &str); 7] = common::PRODUCTION;

fn valid_with(changes: &[(&str, &str)], removed: &[&str]) -> Vars {
    let mut vars = Vars::from_pairs(VALID.iter().copied().chain(changes.iter().copied()));
    for name in removed {
        vars.remove(name);
    }
    vars
}

fn report(vars: &Vars) -> Report {
    AppConfig::evaluate(vars, &LoadOptions::default()).1
}

fn text(report: &Report) -> String {
    check::render_text(report, &TextOptions::new().config(AppConfig::META))
}

/// Every secret given to the loader must stay out of every rendering.
fn assert_no_value(rendered: &str, vars: &[(&str, &str)]) {
    for (name, value) in vars {
        // Settings such as a port may be quoted back; secrets never.
        if !["PASSWORD", "SECRET", "KEY"]
            .iter()
            .any(|kind| name.contains(kind))
        {
            continue;
        }
        assert!(
            !rendered.contains(value),
            "the value of {name} appears in the report:\n{rendered}"
        );
    }
}

#[test]
fn development_with_nothing_set() {
    let report = report(&Vars::new());
    assert!(report.is_ready());
    insta::assert_snapshot!("development_text", text(&report));
    insta::assert_snapshot!("development_json", check::to_json(&report));
}

#[test]
fn production_with_nothing_set() {
    let report = report(&Vars::from_pairs([("QBITEL_AI_ENVIRONMENT", "production")]));
    assert!(!report.is_ready());
    insta::assert_snapshot!("production_nothing_set_text", text(&report));
    insta::assert_snapshot!("production_nothing_set_json", check::to_json(&report));
}

#[test]
fn production_with_everything_valid() {
    let report = report(&valid_with(&[], &[]));
    let failures: Vec<String> = report.failures().map(ToString::to_string).collect();
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(report.count(Status::Warning), 0);
    let text = text(&report);
    assert!(text.contains("✓ PRODUCTION READY"));
    assert_no_value(&text, &VALID);
    insta::assert_snapshot!("production_valid_text", text);
    let json = check::to_json(&report);
    assert_no_value(&json, &VALID);
    insta::assert_snapshot!("production_valid_json", json);
}

/// A production environment with one kind of failure: the valid environment with `set`
/// added and `unset` removed, and the check id that must fail.
struct Case {
    name: &'static str,
    set: &'static [(&'static str, &'static str)],
    unset: &'static [&'static str],
    fails: &'static str,
}

const FAILURES: [Case; 13] = [
    Case {
        name: "missing_db_password",
        set: &[],
        unset: &["QBITEL_AI_DB_PASSWORD"],
        fails: "value.present",
    },
    Case {
        name: "missing_redis_password",
        set: &[],
        unset: &["QBITEL_AI_REDIS_PASSWORD"],
        fails: "value.present",
    },
    Case {
        name: "missing_cors_origins",
        set: &[],
        unset: &["QBITEL_AI_CORS_ORIGINS"],
        fails: "value.present",
    },
    Case {
        name: "weak_db_password",
        set: &[("QBITEL_AI_DB_PASSWORD", "password123456789")],
        unset: &[],
        fails: "secret.strength",
    },
    Case {
        name: "short_redis_password",
        set: &[("QBITEL_AI_REDIS_PASSWORD", "k2R_x9Zq")],
        unset: &[],
        fails: "value.min_len",
    },
    Case {
        name: "api_key_without_digits",
        set: &[(
            "QBITEL_AI_API_KEY",
            "qbitelTiZTgqpWetGtGZFCqzMhRXNQqsvYfOPGqOGhpgUc",
        )],
        unset: &[],
        fails: "secret.letters_and_digits",
    },
    Case {
        name: "same_secret_twice",
        set: &[("QBITEL_AI_REDIS_PASSWORD", common::DB_PASSWORD)],
        unset: &[],
        fails: "secret.unique",
    },
    Case {
        name: "encryption_key_not_fernet",
        set: &[(
            "QBITEL_AI_ENCRYPTION_KEY",
            "kMvUxrUEH9qHVlPFaTk6l8Rxc8YYbjwvt0_GixBTwdQRaEqlEuZYPDCd3fK-JadY",
        )],
        unset: &[],
        fails: "key.fernet",
    },
    Case {
        name: "cors_wildcard",
        set: &[("QBITEL_AI_CORS_ORIGINS", "*")],
        unset: &[],
        fails: "cors.wildcard",
    },
    Case {
        name: "cors_insecure",
        set: &[("QBITEL_AI_CORS_ORIGINS", "http://app.example.com")],
        unset: &[],
        fails: "cors.insecure",
    },
    Case {
        name: "cors_malformed",
        set: &[(
            "QBITEL_AI_CORS_ORIGINS",
            "https://app.example.com,app.example.com/path",
        )],
        unset: &[],
        fails: "cors.malformed",
    },
    Case {
        name: "port_not_a_number",
        set: &[("QBITEL_AI_PORT", "eighty")],
        unset: &[],
        fails: "value.invalid",
    },
    Case {
        name: "environment_misspelt",
        set: &[("QBITEL_AI_ENVIRONMENT", "prodution")],
        unset: &[],
        fails: "environment.invalid",
    },
];

#[test]
fn production_with_each_kind_of_failure() {
    for Case {
        name,
        set,
        unset,
        fails: id,
    } in FAILURES
    {
        let report = report(&valid_with(set, unset));
        assert!(
            report.failures().any(|check| check.id() == id),
            "{name}: no {id} failure in {:#?}",
            report.checks()
        );
        let text = text(&report);
        assert!(text.contains("✗ NOT READY"), "{name}");
        assert_no_value(&text, &VALID);
        assert_no_value(&text, set);
        insta::assert_snapshot!(format!("production_{name}_text"), text);
    }
}

#[test]
fn production_with_a_value_that_is_not_unicode() {
    let mut vars = valid_with(&[], &[]);
    vars.set_bytes("QBITEL_AI_JWT_SECRET", vec![0x66, 0x6f, 0xff, 0x6f]);
    let report = report(&vars);
    assert!(report.failures().any(|check| check.id() == "value.unicode"));
    insta::assert_snapshot!("production_not_unicode_text", text(&report));
}

#[test]
fn json_lists_every_failure_with_its_field_and_variable() {
    let vars = valid_with(
        &[
            ("QBITEL_AI_DB_PASSWORD", "password123456789"),
            ("QBITEL_AI_CORS_ORIGINS", "*"),
        ],
        &["QBITEL_AI_REDIS_PASSWORD"],
    );
    let json = check::to_json(&report(&vars));
    assert_no_value(&json, &[("QBITEL_AI_DB_PASSWORD", "password123456789")]);
    insta::assert_snapshot!("production_failures_json", json);
}

#[test]
fn warnings_and_conflicts_are_listed_but_do_not_fail() {
    let vars = valid_with(
        &[
            ("QBITEL_AI_API_KEY", ""),
            ("DATABASE_PASSWORD", "h7V_pRk2xQ9mZt4LwB8nC3fJ6dG1yTaS"),
        ],
        &[],
    );
    let report = report(&vars);
    assert!(report.is_ready());
    let ids: Vec<&str> = report.warnings().map(|check| check.id()).collect();
    assert_eq!(ids, ["value.conflict", "value.empty", "value.recommended"]);
    let text = text(&report);
    assert_no_value(
        &text,
        &[("DATABASE_PASSWORD", "h7V_pRk2xQ9mZt4LwB8nC3fJ6dG1yTaS")],
    );
    insta::assert_snapshot!("production_warnings_text", text);
}

#[test]
fn failing_on_warnings_lists_them_as_the_reason() {
    let report = report(&valid_with(&[], &["QBITEL_AI_API_KEY"]));
    assert!(report.is_ready());
    let options = TextOptions::new()
        .config(AppConfig::META)
        .fail_on(FailOn::Warning);
    let text = check::render_text(&report, &options);
    assert!(text.contains("✗ NOT READY"));
    insta::assert_snapshot!("production_fail_on_warning_text", text);
    let json = check::to_json_with(&report, FailOn::Warning);
    assert!(json.contains("\"verdict\": \"not_ready\""));
    assert!(check::to_json(&report).contains("\"verdict\": \"ready\""));
}

#[test]
fn forced_production_is_reported_as_an_override() {
    let vars = valid_with(&[], &["QBITEL_AI_ENVIRONMENT"]);
    let options = LoadOptions::for_environment(Environment::Production);
    let report = AppConfig::evaluate(&vars, &options).1;
    let text = text(&report);
    assert!(text.contains("  Current Environment: production\n  Production Mode: true\n"));
    assert!(text.contains("  Environment Source: override"));
    assert!(check::to_json(&report).contains("\"environment_origin\": \"override\""));
}

#[test]
fn colour_only_when_asked() {
    let report = report(&Vars::from_pairs([("QBITEL_AI_ENVIRONMENT", "production")]));
    let plain = text(&report);
    let coloured = check::render_text(&report, &TextOptions::new().color(true));
    assert!(!plain.contains('\x1b'));
    assert!(coloured.contains("\x1b[31m✗\x1b[0m"));
}

#[test]
fn recommended_fields_are_grouped_without_the_configuration_only_by_id() {
    let report = report(&valid_with(&[], &[]));
    let with_meta = text(&report);
    let without = check::render_text(&report, &TextOptions::new());
    let api_key_line = "✓ API key is configured (QBITEL_AI_API_KEY)";
    let section = |text: &str, line: &str| {
        let at = text
            .find(line)
            .unwrap_or_else(|| panic!("{line} missing:\n{text}"));
        text[..at]
            .rfind("Check\n")
            .map(|end| {
                text[..end]
                    .rsplit('\n')
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            })
            .unwrap_or_default()
    };
    assert_eq!(section(&with_meta, api_key_line), "Recommended Settings ");
    assert_eq!(section(&without, api_key_line), "Required Secrets ");
}
