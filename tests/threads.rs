//! Loading from many threads at once gives the same result as loading from one.

use qbitel::AppConfig;
use qbitel_runtime::{ExposeSecret, ProductionConfig, Report, Vars};

mod common;

const THREADS: usize = 8;
const LOADS_PER_THREAD: usize = 25;

/// A report as comparable data: every check's id, status, field, variable, provenance and
/// message.
fn summary(report: &Report) -> Vec<String> {
    report
        .checks()
        .iter()
        .map(|check| {
            format!(
                "{} {:?} {:?} {:?} {:?} {}",
                check.id(),
                check.status(),
                check.field(),
                check.variable(),
                check.provenance().map(ToString::to_string),
                check.message()
            )
        })
        .collect()
}

/// What one load yields: the report, and the loaded values or the error's text. Secrets are
/// compared with the ones set rather than shown, as development generates fresh stand-ins.
fn load_once(vars: &Vars) -> (Vec<String>, String) {
    let report = summary(&AppConfig::report_from(vars));
    let outcome = match AppConfig::load_from(vars) {
        Ok(config) => format!(
            "{} {} {} {} {} {} {}",
            config.db_password.expose_secret() == common::DB_PASSWORD,
            config.jwt_secret.expose_secret() == common::JWT_SECRET,
            config.security.cors_origins,
            config.database_url,
            config.port,
            config.workers,
            config.log_level
        ),
        Err(error) => error.to_string(),
    };
    (report, outcome)
}

fn assert_same_from_every_thread(vars: &Vars) {
    let expected = load_once(vars);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..THREADS)
            .map(|_| {
                scope.spawn(|| {
                    (0..LOADS_PER_THREAD)
                        .map(|_| load_once(vars))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for handle in handles {
            for result in handle.join().expect("a loading thread panicked") {
                assert_eq!(result, expected);
            }
        }
    });
}

#[test]
fn ready_production_configuration_is_identical_from_every_thread() {
    let vars = common::production_with(&[]);
    assert!(AppConfig::load_from(&vars).is_ok());
    assert_same_from_every_thread(&vars);
}

#[test]
fn refused_production_configuration_is_identical_from_every_thread() {
    let vars = common::production_with(&[
        ("QBITEL_AI_DB_PASSWORD", Some("password123")),
        ("QBITEL_AI_JWT_SECRET", None),
        ("QBITEL_AI_CORS_ORIGINS", Some("*")),
    ]);
    assert!(AppConfig::load_from(&vars).is_err());
    assert_same_from_every_thread(&vars);
}

#[test]
fn development_defaults_are_identical_from_every_thread() {
    let vars = Vars::new();
    assert!(AppConfig::load_from(&vars).is_ok());
    assert_same_from_every_thread(&vars);
}
