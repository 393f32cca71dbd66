//! The readiness checker as a program: the example `check_production_readiness` run as a child
//! process with its environment set on the child, and `check::run` in-process with [`Vars`]
//! where a terminal or a test-only struct is needed.
//!
//! `cargo test` builds the examples before running integration tests; run alone
//! (`cargo test --test checker_cli`), build the example first with
//! `cargo build --example check_production_readiness`.

mod common;

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::Command;

use qbitel::AppConfig;
use qbitel_runtime::check::{self, Exit, Streams};
use qbitel_runtime::{ProductionConfig, SecretString, Vars};
use serde_json::Value;

/// A production environment that passes every check.
const VALID: [(&str, &str); 7] = common::PRODUCTION;

const SECRET_VARIABLES: [&str; 5] = [
    "QBITEL_AI_DB_PASSWORD",
    "QBITEL_AI_REDIS_PASSWORD",
    "QBITEL_AI_JWT_SECRET",
    "QBITEL_AI_ENCRYPTION_KEY",
    "QBITEL_AI_API_KEY",
];

fn valid_without(removed: &[&str]) -> Vec<(&'static str, &'static str)> {
    VALID
        .into_iter()
        .filter(|(name, _)| !removed.contains(name))
        .collect()
}

fn example() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    // target/<profile>/deps/checker_cli-<hash> → target/<profile>/examples/
    let profile = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let path = profile.join("examples").join(format!(
        "check_production_readiness{}",
        std::env::consts::EXE_SUFFIX
    ));
    assert!(
        path.exists(),
        "{} is not built: run `cargo test` (which builds examples) or \
         `cargo build --example check_production_readiness`",
        path.display()
    );
    path
}

/// An empty working directory inside the target directory, so that no `config/` file near
/// the tests is read.
fn empty_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().join("checker-cli-workdir");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|error| panic!("{error}: not JSON:\n{}", self.stdout))
    }

    fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "stdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

fn checker(args: &[&str], vars: &[(&str, &str)]) -> Run {
    let output = Command::new(example())
        .args(args)
        .env_clear()
        .envs(vars.iter().copied())
        .current_dir(empty_dir())
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

#[test]
fn a_fresh_clone_gets_a_development_report() {
    let run = checker(&[], &[]);
    run.assert_code(0);
    let out = &run.stdout;
    assert!(out.starts_with("QBITEL - Production Readiness Checker\n====="));
    for expected in [
        "Environment Mode Check",
        "  Current Environment: development",
        "  Production Mode: false",
        "Required Secrets Check",
        "⚠ Redis password not configured; it is required in production.",
        "Recommended Settings Check",
        "Security Settings Check",
        "Production Readiness Summary",
        "✓ READY (development mode)",
    ] {
        assert!(out.contains(expected), "{expected:?} missing:\n{out}");
    }
    assert!(!out.contains('\x1b'), "colour on a pipe");
}

#[test]
fn production_with_nothing_set_is_not_ready() {
    let run = checker(&[], &[("QBITEL_AI_ENVIRONMENT", "production")]);
    run.assert_code(1);
    assert!(
        run.stdout
            .contains("✗ Database password not configured! [value.present]")
    );
    assert!(run.stdout.contains("✗ NOT READY"));
}

#[test]
fn valid_production_is_ready_and_names_each_source() {
    let run = checker(&[], &VALID);
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("✓ Database password is configured (QBITEL_AI_DB_PASSWORD)")
    );
    assert!(
        run.stdout
            .contains("✓ PRODUCTION READY\nAll critical checks passed!")
    );

    let mut vars = valid_without(&["QBITEL_AI_DB_PASSWORD"]);
    vars.push(("DATABASE_PASSWORD", VALID[1].1));
    let run = checker(&[], &vars);
    run.assert_code(0);
    assert!(
        run.stdout
            .contains("✓ Database password is configured (DATABASE_PASSWORD)")
    );
}

#[test]
fn json_has_the_documented_schema() {
    let run = checker(
        &["--format", "json"],
        &[("QBITEL_AI_ENVIRONMENT", "production")],
    );
    run.assert_code(1);
    let json = run.json();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["environment"], "production");
    assert_eq!(json["environment_origin"], "QBITEL_AI_ENVIRONMENT");
    assert_eq!(json["production"], true);
    assert_eq!(json["fail_on"], "failure");
    assert_eq!(json["verdict"], "not_ready");
    let checks = json["checks"].as_array().unwrap();
    for check in checks {
        let keys: HashSet<&str> = check
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let expected: HashSet<&str> = [
            "id", "status", "field", "label", "variable", "secret", "source", "message",
        ]
        .into();
        assert_eq!(keys, expected);
        assert!(["pass", "warning", "failure"].contains(&check["status"].as_str().unwrap()));
    }
    let db_missing = checks
        .iter()
        .find(|check| check["field"] == "db_password")
        .unwrap();
    assert_eq!(db_missing["id"], "value.present");
    assert_eq!(db_missing["status"], "failure");
    assert_eq!(db_missing["variable"], "QBITEL_AI_DB_PASSWORD");
    assert_eq!(db_missing["secret"], true);
    assert_eq!(db_missing["source"], Value::Null);
    let summary = &json["summary"];
    let count = |status: &str| checks.iter().filter(|c| c["status"] == status).count();
    assert_eq!(summary["total"], checks.len());
    assert_eq!(summary["passed"], count("pass"));
    assert_eq!(summary["failed"], count("failure"));
    assert_eq!(summary["warnings"], count("warning"));
    assert!(count("failure") > 0);

    let ready = run_json(&VALID);
    assert_eq!(ready["verdict"], "ready");
    let db = ready["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|check| check["field"] == "db_password")
        .unwrap();
    assert_eq!(db["source"], "variable");
}

fn run_json(vars: &[(&str, &str)]) -> Value {
    checker(&["--format", "json"], vars).assert_code(0).json()
}

#[test]
fn forced_production_judges_as_production_whatever_the_process_says() {
    let unset = valid_without(&["QBITEL_AI_ENVIRONMENT"]);
    let run_forced = checker(&["--environment", "production", "--format", "json"], &unset);
    run_forced.assert_code(0);
    let json = run_forced.json();
    assert_eq!(json["environment"], "production");
    assert_eq!(json["environment_origin"], "override");

    let development = [("QBITEL_AI_ENVIRONMENT", "development")];
    checker(&[], &development).assert_code(0);
    let forced = checker(&["--environment", "prod"], &development);
    forced.assert_code(1);
    assert!(forced.stdout.contains("  Environment Source: override"));
    assert!(
        forced
            .stdout
            .contains("Redis password not configured in PRODUCTION mode!")
    );

    // And the other way round: what would development say?
    checker(
        &["--environment", "development"],
        &[("QBITEL_AI_ENVIRONMENT", "production")],
    )
    .assert_code(0);
}

#[test]
fn warnings_fail_only_when_asked() {
    let no_api_key = valid_without(&["QBITEL_AI_API_KEY"]);
    checker(&[], &no_api_key).assert_code(0);
    let strict = checker(&["--fail-on", "warning"], &no_api_key);
    strict.assert_code(1);
    assert!(
        strict
            .stdout
            .contains("1 warning(s) count as failures (fail on warning):")
    );
    assert!(
        strict
            .stdout
            .contains("[value.recommended] API key not configured (recommended).")
    );
    let json = checker(&["--fail-on", "warning", "--format", "json"], &no_api_key);
    json.assert_code(1);
    assert_eq!(json.json()["verdict"], "not_ready");
    checker(&["--fail-on", "warning"], &VALID).assert_code(0);
}

#[test]
fn a_warning_can_be_silenced_by_variable_but_a_failure_cannot() {
    let mut vars = valid_without(&["QBITEL_AI_API_KEY"]);
    vars.push(("QBITEL_AI_ALLOW_WARNINGS", "value.recommended"));
    let silenced = checker(&["--fail-on", "warning"], &vars);
    silenced.assert_code(0);
    assert!(silenced.stdout.contains("(warning silenced)"));

    let mut vars = valid_without(&["QBITEL_AI_DB_PASSWORD"]);
    vars.push(("QBITEL_AI_DB_PASSWORD", "password123456789"));
    vars.push(("QBITEL_AI_ALLOW_WARNINGS", "secret.strength,value.present"));
    let refused = checker(&[], &vars);
    refused.assert_code(1);
    assert!(refused.stdout.contains("[secret.strength]"));
}

/// A service of its own, with a warning silenced by attribute, checked through the same
/// command line in-process.
#[derive(ProductionConfig)]
#[config(prefix = "SVC_")]
#[allow(dead_code)] // Only ever checked, never used.
struct Service {
    /// Signing key
    #[config(
        min_len = 32,
        strength = "key",
        recommended,
        allow = "value.recommended"
    )]
    signing_key: Option<SecretString>,
    /// Webhook secret
    #[config(min_len = 32, strength = "key")]
    webhook_secret: SecretString,
}

fn run_in_process<C: ProductionConfig>(
    args: &[&str],
    vars: &Vars,
    terminal: bool,
) -> (Exit, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let streams = Streams {
        out: &mut out,
        err: &mut err,
        terminal,
    };
    let args = std::iter::once("checker").chain(args.iter().copied());
    let exit = check::run::<C>(args, vars, streams);
    (
        exit,
        String::from_utf8(out).unwrap() + &String::from_utf8(err).unwrap(),
    )
}

#[test]
fn a_warning_can_be_silenced_by_attribute_but_a_failure_cannot() {
    let vars = Vars::from_pairs([
        ("QBITEL_AI_ENVIRONMENT", "production"),
        ("SVC_WEBHOOK_SECRET", common::JWT_SECRET),
    ]);
    let (exit, out) = run_in_process::<Service>(&["--fail-on", "warning"], &vars, false);
    assert_eq!(exit, Exit::Success, "{out}");
    assert!(
        out.contains("✓ Signing key not configured (recommended)."),
        "{out}"
    );
    assert!(out.contains("(warning silenced)"), "{out}");

    let weak = Vars::from_pairs([
        ("QBITEL_AI_ENVIRONMENT", "production"),
        ("SVC_SIGNING_KEY", "password123456789password123456789"),
        ("SVC_WEBHOOK_SECRET", common::JWT_SECRET),
    ]);
    let (exit, out) = run_in_process::<Service>(&[], &weak, false);
    assert_eq!(exit, Exit::NotReady, "{out}");
    assert!(out.contains("[secret.strength]"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--format", "xml"][..],
        &["--bogus"],
        &["--fail-on", "everything"],
        &["--environment", "prodution"],
        &["--format", "json", "generate"],
        &["frobnicate"],
    ] {
        let run = checker(args, &[]);
        run.assert_code(2);
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
        assert!(run.stderr.contains("error"), "{args:?}: {}", run.stderr);
    }
    let typo = checker(&["--environment", "prodution"], &[]);
    assert!(
        typo.stderr.contains("did you mean \"production\"?"),
        "{}",
        typo.stderr
    );

    let help = checker(&["--help"], &[]);
    help.assert_code(0);
    for expected in [
        "--format",
        "--environment",
        "--fail-on",
        "generate",
        "env-example",
        "Exit status",
    ] {
        assert!(
            help.stdout.contains(expected),
            "{expected} missing:\n{}",
            help.stdout
        );
    }
}

#[test]
fn an_unreadable_configuration_file_exits_2() {
    let missing = empty_dir().join("no-such-file.yaml");
    let mut vars = valid_without(&[]);
    let missing = missing.to_str().unwrap();
    vars.push(("QBITEL_AI_CONFIG_FILE", missing));
    let run = checker(&[], &vars);
    run.assert_code(2);
    assert!(run.stdout.contains("[file.read]"), "{}", run.stdout);
}

fn generated() -> Vec<(String, String)> {
    let run = checker(&["generate"], &[]);
    run.assert_code(0);
    run.stdout
        .lines()
        .map(|line| {
            let (name, value) = line.split_once('=').unwrap();
            (name.to_owned(), value.to_owned())
        })
        .collect()
}

#[test]
fn generated_secrets_pass_in_production() {
    let pairs = generated();
    let names: Vec<&str> = pairs.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, SECRET_VARIABLES);
    let key = &pairs[3].1;
    assert_eq!(key.len(), 44);
    assert!(key.ends_with('='));

    let mut vars = Vars::from_pairs(pairs.clone());
    vars.set("QBITEL_AI_ENVIRONMENT", "production");
    vars.set("QBITEL_AI_CORS_ORIGINS", VALID[6].1);
    let report = AppConfig::report_from(&vars);
    let problems: Vec<String> = report
        .checks()
        .iter()
        .filter(|check| check.status() != qbitel_runtime::Status::Pass)
        .map(ToString::to_string)
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(AppConfig::load_from(&vars).is_ok());

    // Through the checker too, and each run draws anew.
    let mut env: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    env.push(("QBITEL_AI_ENVIRONMENT", "production"));
    env.push(VALID[6]);
    checker(&["--fail-on", "warning"], &env).assert_code(0);
    let again = generated();
    for ((_, first), (_, second)) in pairs.iter().zip(&again) {
        assert_ne!(first, second);
    }
}

#[test]
fn env_example_lists_every_variable_and_no_secret_value() {
    let run = checker(&["env-example"], &VALID);
    run.assert_code(0);
    let out = &run.stdout;
    let assignments: Vec<&str> = out
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .collect();
    let fields = AppConfig::META.leaf_fields();
    assert!(
        fields
            .iter()
            .any(|(_, field)| field.env() == "QBITEL_AI_TLS_ENABLED")
    );
    for (_, field) in fields {
        let line = assignments
            .iter()
            .find(|line| {
                line.split_once('=')
                    .is_some_and(|(name, _)| name == field.env())
            })
            .unwrap_or_else(|| panic!("{} missing:\n{out}", field.env()));
        if field.kind().is_secret() {
            assert_eq!(*line, format!("{}=", field.env()));
        }
        assert!(out.contains(&format!("# {}", field.label_text())));
        for fallback in field.fallback_names() {
            assert!(out.contains(fallback), "{fallback} missing");
        }
    }
    assert!(assignments.contains(&"QBITEL_AI_PORT=8000"));
    assert!(assignments.contains(&"QBITEL_AI_ENVIRONMENT=development"));
    assert!(out.contains("# Database password (secret)\n# Required in production"));
    assert!(out.contains("# API key (secret)\n# Recommended (optional)."));
    for (name, value) in &VALID[1..6] {
        assert!(!out.contains(value), "the value of {name} leaked");
    }
}

#[test]
fn no_color_is_respected_on_a_terminal() {
    let vars = Vars::from_pairs([("QBITEL_AI_ENVIRONMENT", "production")]);
    let (exit, coloured) = run_in_process::<AppConfig>(&[], &vars, true);
    assert_eq!(exit, Exit::NotReady);
    assert!(coloured.contains("\x1b[31m✗\x1b[0m"));

    let mut no_color = vars.clone();
    no_color.set("NO_COLOR", "1");
    let (_, plain) = run_in_process::<AppConfig>(&[], &no_color, true);
    assert!(!plain.contains('\x1b'));

    // The empty string does not count (no-color.org), and `--color` overrides either way.
    no_color.set("NO_COLOR", "");
    assert!(
        run_in_process::<AppConfig>(&[], &no_color, true)
            .1
            .contains('\x1b')
    );
    assert!(
        !run_in_process::<AppConfig>(&["--color", "never"], &vars, true)
            .1
            .contains('\x1b')
    );
    let always = checker(
        &["--color", "always"],
        &[("QBITEL_AI_ENVIRONMENT", "production")],
    );
    assert!(always.stdout.contains("\x1b[31m✗\x1b[0m"));
    let piped = checker(&[], &[("QBITEL_AI_ENVIRONMENT", "production")]);
    assert!(!piped.stdout.contains('\x1b'));
}

#[test]
fn no_secret_value_reaches_stdout_or_stderr() {
    let weak = [
        ("QBITEL_AI_ENVIRONMENT", "production"),
        ("QBITEL_AI_DB_PASSWORD", "password123456789"),
        ("REDIS_PASSWORD", "k2R_x9Zq"),
        ("QBITEL_AI_JWT_SECRET", common::JWT_SECRET),
        (
            "JWT_SECRET",
            "Ksk2B9vQx7LmT4wZp8nR3cF6hJ1dG5yYa0Ue7Io2Ek9Uw4Nr8Xt3Qv6Bm1Zl5Cy0",
        ),
        (
            "QBITEL_AI_ENCRYPTION_KEY",
            "kMvUxrUEH9qHVlPFaTk6l8Rxc8YYbjwvt0_GixBTwdQRaEqlEuZYPDCd3fK-JadY",
        ),
        (
            "QBITEL_AI_API_KEY",
            "qbitelTiZTgqpWetGtGZFCqzMhRXNQqsvYfOPGqOGhpgUc",
        ),
    ];
    for vars in [&VALID[..], &weak[..]] {
        for args in [
            &[][..],
            &["--format", "json"],
            &["--environment", "development"],
        ] {
            let mut env = vars.to_vec();
            env.push(("QBITEL_AI_LOG_LEVEL", "DEBUG"));
            let run = checker(args, &env);
            assert!(
                run.stderr.contains("DEBUG"),
                "no debug logs:\n{}",
                run.stderr
            );
            assert!(
                run.stderr.contains("source=\"QBITEL_AI_DB_PASSWORD\""),
                "{}",
                run.stderr
            );
            for (name, value) in &vars[1..] {
                if name.ends_with("_CORS_ORIGINS") {
                    continue;
                }
                assert!(!run.stdout.contains(value), "{name} in stdout ({args:?})");
                assert!(!run.stderr.contains(value), "{name} in stderr ({args:?})");
            }
        }
    }
}

#[test]
fn debug_logs_name_the_source_of_each_value() {
    let mut env = VALID.to_vec();
    env.push(("QBITEL_AI_LOG_LEVEL", "debug"));
    let run = checker(&["--format", "json"], &env);
    run.assert_code(0);
    let line = run
        .stderr
        .lines()
        .find(|line| line.contains("field=\"db_password\"") && line.contains("value.present"))
        .unwrap_or_else(|| panic!("no debug line for db_password:\n{}", run.stderr));
    assert!(line.contains("source=\"QBITEL_AI_DB_PASSWORD\""), "{line}");
    assert!(run.json()["verdict"] == "ready");

    let quiet = run_quiet(&VALID);
    assert!(!quiet.contains("DEBUG"), "{quiet}");
}

fn run_quiet(vars: &[(&str, &str)]) -> String {
    checker(&[], vars).stderr
}
