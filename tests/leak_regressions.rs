//! Found in review: paths by which a secret could reach a message, and a reuse the check
//! missed. Each test fails if the value shows again.

mod common;

use common::{DB_PASSWORD, ENCRYPTION_KEY, production_with};
use qbitel::AppConfig;
use qbitel_runtime::{ProductionConfig, Report};

fn all_text(report: &Report) -> String {
    let mut text = format!("{report:?}");
    for check in report.checks() {
        text.push_str(&check.to_string());
    }
    text
}

#[test]
fn a_setting_fed_from_a_secret_file_never_quotes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mount = dir.path().join("db_password");
    std::fs::write(&mount, DB_PASSWORD).unwrap();
    let mount = mount.display().to_string();
    for variable in ["QBITEL_AI_DEBUG_FILE", "QBITEL_AI_CORS_ORIGINS_FILE"] {
        let vars = production_with(&[(variable, Some(&mount)), ("QBITEL_AI_CORS_ORIGINS", None)]);
        let report = AppConfig::report_from(&vars);
        assert!(!report.is_ready(), "{variable}");
        let text = all_text(&report);
        assert!(!text.contains(DB_PASSWORD), "{variable}: {text}");
        assert!(text.contains("not shown"), "{variable}: {text}");
    }
}

#[test]
fn a_secret_put_in_name_file_instead_of_a_path_is_not_shown() {
    let mistaken = "Sup3rS3cret/Pw!9x";
    let vars = production_with(&[
        ("QBITEL_AI_DB_PASSWORD", None),
        ("QBITEL_AI_DB_PASSWORD_FILE", Some(mistaken)),
    ]);
    let error = AppConfig::load_from(&vars).err().unwrap();
    let text = format!("{error}{error:?}");
    assert!(!text.contains(mistaken), "{text}");
    assert!(error.violations().iter().any(|c| c.id() == "value.file"));
}

#[test]
fn a_cors_origin_with_credentials_is_reported_without_them() {
    let vars = production_with(&[(
        "QBITEL_AI_CORS_ORIGINS",
        Some("https://admin:hunter2pass@app.example.com"),
    )]);
    let report = AppConfig::report_from(&vars);
    let malformed = report
        .checks()
        .iter()
        .find(|c| c.id() == "cors.malformed")
        .unwrap();
    assert!(
        !malformed.message().contains("hunter2pass"),
        "{}",
        malformed.message()
    );
    assert!(
        !malformed.message().contains("admin"),
        "{}",
        malformed.message()
    );
    assert!(
        malformed
            .message()
            .contains("https://<redacted>@app.example.com")
    );
}

#[test]
fn a_fernet_key_with_surrounding_space_is_still_caught_when_reused() {
    let padded = format!(" {ENCRYPTION_KEY}\n");
    let vars = production_with(&[
        ("QBITEL_AI_REDIS_PASSWORD", Some(ENCRYPTION_KEY)),
        ("QBITEL_AI_ENCRYPTION_KEY", Some(&padded)),
    ]);
    let error = AppConfig::load_from(&vars).err().unwrap();
    let ids: Vec<_> = error.violations().iter().map(|c| c.id()).collect();
    assert!(ids.contains(&"secret.unique"), "{ids:?}");
}

/// A path is printed in messages; a newline or an escape sequence in it must not start a
/// line that reads as another check, nor reach the terminal raw.
#[test]
fn control_characters_in_a_path_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let spoof = "missing\n✓ Database password is strong [secret.strength]\u{1b}[2K";
    let path = dir.path().join(spoof).display().to_string();
    let vars = production_with(&[
        ("QBITEL_AI_DB_PASSWORD", None),
        ("QBITEL_AI_DB_PASSWORD_FILE", Some(&path)),
    ]);
    let error = AppConfig::load_from(&vars).err().unwrap();
    let check = error
        .violations()
        .iter()
        .find(|c| c.id() == "value.file")
        .unwrap();
    let message = check.message();
    assert!(
        message.contains("missing\\n✓ Database password"),
        "{message}"
    );
    assert!(
        !message.contains('\n') && !message.contains('\u{1b}'),
        "{message}"
    );
    let text = qbitel_runtime::check::render_text(
        &AppConfig::report_from(&vars),
        &qbitel_runtime::check::TextOptions::new(),
    );
    assert!(!text.lines().any(|line| {
        line.trim_start()
            .starts_with("✓ Database password is strong [")
    }));
    assert!(!text.contains('\u{1b}'));
}
