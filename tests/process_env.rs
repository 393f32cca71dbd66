//! The process-environment path (`AppConfig::load()`, `Environment::detect()`,
//! `qbitel_runtime::is_production()`), exercised in a child process whose environment is set
//! with `Command::env`: the test process's own environment is never changed.

mod common;

use std::process::Command;

use qbitel::AppConfig;
use qbitel_runtime::{Environment, ProductionConfig};

/// Runs in the child only (`--ignored`), and prints what the process-env API sees.
#[test]
#[ignore = "run by `loads_from_the_process_environment` in a child process"]
fn child_reports_process_environment() {
    println!("environment={}", qbitel_runtime::environment());
    println!("is_production={}", qbitel_runtime::is_production());
    println!("detect={:?}", Environment::detect().map(|e| e.as_str()));
    // An in-memory source never reads the working directory's configuration file.
    let hermetic =
        AppConfig::load_from(&qbitel_runtime::Vars::from_pairs(common::production_pairs()));
    println!(
        "in_memory_port={:?}",
        hermetic.map(|config| config.port).ok()
    );
    // Invalid names are unset: a name with `=` would otherwise match `QBITEL_TEST_NAME`,
    // whose value starts with `ODD=`.
    for name in ["", "QBITEL_TEST_NAME=ODD", "QBITEL_TEST_NAME\0"] {
        let lookup = qbitel_runtime::Source::lookup(&qbitel_runtime::ProcessEnv, name);
        println!("lookup {name:?}={lookup:?}");
    }
    match AppConfig::load() {
        Ok(config) => println!(
            "load=ok port={} origins={}",
            config.port, config.security.cors_origins
        ),
        Err(error) => println!("load=err {error}"),
    }
}

fn run_child(pairs: &[(&str, &str)]) -> String {
    run_child_in(None, pairs)
}

fn run_child_in(dir: Option<&std::path::Path>, pairs: &[(&str, &str)]) -> String {
    let mut command = Command::new(std::env::current_exe().unwrap());
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    command
        .args([
            "--ignored",
            "--exact",
            "child_reports_process_environment",
            "--nocapture",
        ])
        .env_clear();
    for (name, value) in pairs {
        command.env(name, value);
    }
    let output = command.output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn loads_from_the_process_environment() {
    let mut pairs = common::production_pairs();
    pairs.push(("QBITEL_AI_PORT", "9443"));
    let stdout = run_child(&pairs);
    assert!(stdout.contains("environment=production"), "{stdout}");
    assert!(stdout.contains("is_production=true"), "{stdout}");
    assert!(
        stdout.contains(
            "load=ok port=9443 origins=https://app.example.com,https://dashboard.example.com"
        ),
        "{stdout}"
    );
    common::assert_no_secret(&stdout);
}

#[test]
fn the_process_environment_path_fails_in_production_with_every_reason() {
    let stdout = run_child(&[("ENVIRONMENT", "prod"), ("DATABASE_PASSWORD", "password")]);
    assert!(stdout.contains("is_production=true"), "{stdout}");
    assert!(
        stdout.contains("load=err configuration is not valid for production: 6 problems"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Redis password not configured in PRODUCTION mode!"),
        "{stdout}"
    );
}

#[test]
fn a_typo_in_the_process_environment_counts_as_production() {
    let stdout = run_child(&[("QBITEL_AI_ENVIRONMENT", "prodution")]);
    assert!(stdout.contains("environment=production"), "{stdout}");
    assert!(stdout.contains("detect=Err("), "{stdout}");
    assert!(
        stdout.contains("did you mean \\\"production\\\"?"),
        "{stdout}"
    );
}

#[test]
fn the_process_environment_defaults_to_development() {
    let stdout = run_child(&[]);
    assert!(stdout.contains("environment=development"), "{stdout}");
    assert!(stdout.contains("is_production=false"), "{stdout}");
    assert!(stdout.contains("load=ok port=8000 origins=*"), "{stdout}");
}

#[test]
fn the_process_environment_finds_the_default_config_file_in_the_working_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("config")).unwrap();
    std::fs::write(
        dir.path().join("config/qbitel.production.yaml"),
        "port: 9555\n",
    )
    .unwrap();
    let stdout = run_child_in(Some(dir.path()), &common::production_pairs());
    assert!(stdout.contains("load=ok port=9555"), "{stdout}");
    assert!(stdout.contains("in_memory_port=Some(8000)"), "{stdout}");
}

#[test]
fn invalid_names_are_unset_in_the_process_environment() {
    let out = run_child(&[("QBITEL_TEST_NAME", "ODD=value")]);
    assert!(out.contains("lookup \"\"=Missing"), "{out}");
    assert!(
        out.contains("lookup \"QBITEL_TEST_NAME=ODD\"=Missing"),
        "{out}"
    );
    assert!(
        out.contains("lookup \"QBITEL_TEST_NAME\\0\"=Missing"),
        "{out}"
    );
}
