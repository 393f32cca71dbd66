//! Secrets mounted as files: `NAME_FILE` variables and a secrets directory laid out as Docker
//! and Kubernetes mount them.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use qbitel_runtime::{
    Check, ExposeSecret, LoadOptions, ProductionConfig, Provenance, Report, SecretString, Status,
    Vars,
};
use tempfile::TempDir;

const DB_PASSWORD: &str = "BrSqAO8A_twfSzwD0KeZIkKwsvdnGYOnOiA4-cp60aU";
const JWT_SECRET: &str = "Bw3NoYaHPdMACH_DNlqZRO0TRmlt2mJGJoZbq9UinhUBC-T4gwsAb5tdvqrIzIS_";
const OTHER: &str = "K6TW_xbzLo-WIeM4aCrHwu8flhimeXnwJlH1kV2rHDo";

#[derive(ProductionConfig)]
#[config(prefix = "QBITEL_AI_")]
struct Secrets {
    /// Database password
    #[config(fallback = "DATABASE_PASSWORD", min_len = 16)]
    db_password: SecretString,
    /// JWT secret
    #[config(fallback = "JWT_SECRET", min_len = 32)]
    jwt_secret: SecretString,
    /// HTTP port
    #[config(default = "8000")]
    port: u16,
}

fn temp() -> TempDir {
    tempfile::tempdir().unwrap()
}

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, content).unwrap();
    path
}

fn pairs(pairs: &[(&str, &str)]) -> Vars {
    Vars::from_pairs(pairs.iter().copied())
}

fn evaluate(vars: &Vars, dir: &TempDir) -> (Option<Secrets>, Report) {
    Secrets::evaluate(vars, &LoadOptions::default().with_base_dir(dir.path()))
}

fn with_id<'r>(report: &'r Report, id: &str) -> Vec<&'r Check> {
    report.checks().iter().filter(|c| c.id() == id).collect()
}

fn provenance(report: &Report, field: &str) -> Provenance {
    report
        .checks()
        .iter()
        .find(|c| c.id() == "value.present" && c.field() == Some(field))
        .and_then(|c| c.provenance().cloned())
        .unwrap()
}

/// Nothing in the report, its `Debug` or the error shows a secret.
fn assert_no_leak(report: &Report, secrets: &[&str]) {
    let text = format!("{report:?}");
    for secret in secrets {
        assert!(!text.contains(secret), "{text}");
    }
}

#[test]
fn name_file_supplies_the_value_with_one_trailing_newline_trimmed() {
    let dir = temp();
    let db = write(dir.path(), "db-password", format!("{DB_PASSWORD}\n"));
    write(dir.path(), "jwt", format!("{JWT_SECRET}\n\n"));
    let vars = pairs(&[
        ("QBITEL_AI_ENVIRONMENT", "production"),
        ("QBITEL_AI_DB_PASSWORD_FILE", db.to_str().unwrap()),
        // Relative: resolved from the base directory.
        ("JWT_SECRET_FILE", "jwt"),
    ]);
    let (config, report) = evaluate(&vars, &dir);
    let config = config.unwrap();
    assert_eq!(config.db_password.expose_secret(), DB_PASSWORD);
    // Only one newline is trimmed: the second is part of the value.
    assert_eq!(config.jwt_secret.expose_secret(), format!("{JWT_SECRET}\n"));
    assert_eq!(
        provenance(&report, "db_password"),
        Provenance::SecretFile {
            variable: "QBITEL_AI_DB_PASSWORD_FILE".into(),
            path: db.clone()
        }
    );
    let shown = provenance(&report, "jwt_secret").to_string();
    assert_eq!(
        shown,
        format!(
            "file {} (JWT_SECRET_FILE)",
            dir.path().join("jwt").display()
        )
    );
    assert!(report.is_ready());
    assert_no_leak(&report, &[DB_PASSWORD, JWT_SECRET]);
}

#[test]
fn crlf_is_trimmed_too() {
    let dir = temp();
    write(dir.path(), "db", format!("{DB_PASSWORD}\r\n"));
    let vars = pairs(&[("QBITEL_AI_DB_PASSWORD_FILE", "db")]);
    let config = evaluate(&vars, &dir).0.unwrap();
    assert_eq!(config.db_password.expose_secret(), DB_PASSWORD);
}

#[test]
fn name_and_name_file_both_set_is_an_error_in_every_environment() {
    let dir = temp();
    write(dir.path(), "db", DB_PASSWORD);
    for environment in ["production", "development"] {
        let vars = pairs(&[
            ("QBITEL_AI_ENVIRONMENT", environment),
            ("QBITEL_AI_DB_PASSWORD", DB_PASSWORD),
            ("QBITEL_AI_DB_PASSWORD_FILE", "db"),
        ]);
        let (config, report) = evaluate(&vars, &dir);
        let ambiguous = with_id(&report, "value.ambiguous");
        assert_eq!(ambiguous.len(), 1, "{environment}");
        assert_eq!(ambiguous[0].status(), Status::Failure);
        assert!(
            ambiguous[0]
                .message()
                .contains("QBITEL_AI_DB_PASSWORD and QBITEL_AI_DB_PASSWORD_FILE")
        );
        assert!(config.is_none());
        assert_no_leak(&report, &[DB_PASSWORD]);
    }
}

#[test]
fn unreadable_files_are_errors_naming_the_path_never_the_content() {
    let dir = temp();
    let secret_tail = "tail-of-a-long-secret-0123456789";
    let large = format!("{}{secret_tail}", "x".repeat(64 * 1024));
    write(dir.path(), "large", &large);
    write(dir.path(), "exact", "y".repeat(64 * 1024));
    let mut binary = b"\xff\xfe-binary-secret-".to_vec();
    binary.extend_from_slice(secret_tail.as_bytes());
    write(dir.path(), "binary", binary);
    fs::create_dir(dir.path().join("a-directory")).unwrap();
    for (file, id, reason) in [
        ("missing", "value.file", "no such file"),
        ("a-directory", "value.file", "directory"),
        ("large", "value.file", "larger than 64 KiB"),
        ("binary", "value.unicode", "not valid UTF-8"),
    ] {
        for environment in ["production", "development"] {
            let vars = pairs(&[
                ("QBITEL_AI_ENVIRONMENT", environment),
                ("QBITEL_AI_DB_PASSWORD_FILE", file),
            ]);
            let (config, report) = evaluate(&vars, &dir);
            let checks = with_id(&report, id);
            assert_eq!(checks.len(), 1, "{file} {environment}");
            assert_eq!(checks[0].status(), Status::Failure);
            let message = checks[0].message();
            assert!(
                message.contains(&dir.path().join(file).display().to_string()),
                "{message}"
            );
            assert!(message.contains("QBITEL_AI_DB_PASSWORD_FILE"), "{message}");
            assert!(message.contains(reason), "{message}");
            assert_eq!(checks[0].variable(), Some("QBITEL_AI_DB_PASSWORD_FILE"));
            assert!(config.is_none(), "no stand-in hides a broken secret file");
            assert_no_leak(&report, &[secret_tail]);
            let error =
                Secrets::load_with(&vars, &LoadOptions::default().with_base_dir(dir.path()))
                    .err()
                    .unwrap();
            assert!(!error.to_string().contains(secret_tail));
        }
    }
    // Exactly 64 KiB is accepted.
    let exact = pairs(&[("QBITEL_AI_DB_PASSWORD_FILE", "exact")]);
    assert_eq!(
        evaluate(&exact, &dir)
            .0
            .unwrap()
            .db_password
            .expose_secret()
            .len(),
        64 * 1024
    );
}

#[test]
fn an_empty_secret_file_counts_as_not_set() {
    let dir = temp();
    write(dir.path(), "empty", "\n");
    let vars = pairs(&[
        ("QBITEL_AI_ENVIRONMENT", "production"),
        ("QBITEL_AI_DB_PASSWORD_FILE", "empty"),
        ("DATABASE_PASSWORD", DB_PASSWORD),
    ]);
    let (config, report) = evaluate(&vars, &dir);
    let empty = with_id(&report, "value.empty");
    assert_eq!(empty.len(), 1);
    assert!(empty[0].message().contains("QBITEL_AI_DB_PASSWORD_FILE"));
    assert!(config.is_none(), "jwt_secret is missing in production");
    assert_eq!(
        provenance(&report, "db_password"),
        Provenance::Variable("DATABASE_PASSWORD".into())
    );
}

#[test]
fn fallbacks_have_file_variables_too() {
    let dir = temp();
    write(dir.path(), "db", DB_PASSWORD);
    let vars = pairs(&[("DATABASE_PASSWORD_FILE", "db")]);
    let (config, report) = evaluate(&vars, &dir);
    assert_eq!(config.unwrap().db_password.expose_secret(), DB_PASSWORD);
    assert!(matches!(
        provenance(&report, "db_password"),
        Provenance::SecretFile { variable, .. } if variable == "DATABASE_PASSWORD_FILE"
    ));
}

/// A Kubernetes secret volume: each key a symlink into `..data`, itself a symlink to the
/// current timestamped directory, as the kubelet lays it out (see
/// `examples/deploy/kubernetes.yaml`, whose `items` map keys to these file names).
#[cfg(unix)]
fn kubernetes_volume(secrets: &[(&str, &str)]) -> TempDir {
    let volume = temp();
    let data = volume.path().join("..2026_01_01_00_00_00.000000001");
    fs::create_dir(&data).unwrap();
    std::os::unix::fs::symlink(&data, volume.path().join("..data")).unwrap();
    for (name, value) in secrets {
        fs::write(data.join(name), value).unwrap();
        std::os::unix::fs::symlink(Path::new("..data").join(name), volume.path().join(name))
            .unwrap();
    }
    volume
}

#[cfg(unix)]
#[test]
fn a_kubernetes_secret_volume_supplies_every_secret() {
    let volume = kubernetes_volume(&[
        ("QBITEL_AI_DB_PASSWORD", DB_PASSWORD),
        ("QBITEL_AI_JWT_SECRET", JWT_SECRET),
    ]);
    let vars = pairs(&[
        ("QBITEL_AI_ENVIRONMENT", "production"),
        ("QBITEL_AI_SECRETS_DIR", volume.path().to_str().unwrap()),
    ]);
    let (config, report) = Secrets::evaluate(&vars, &LoadOptions::default());
    assert!(
        report.is_ready(),
        "{:#?}",
        report.failures().collect::<Vec<_>>()
    );
    let config = config.unwrap();
    assert_eq!(config.db_password.expose_secret(), DB_PASSWORD);
    assert_eq!(config.jwt_secret.expose_secret(), JWT_SECRET);
    assert_eq!(
        provenance(&report, "db_password"),
        Provenance::SecretFile {
            variable: "QBITEL_AI_SECRETS_DIR".into(),
            path: volume.path().join("QBITEL_AI_DB_PASSWORD"),
        }
    );
    let message = report
        .checks()
        .iter()
        .find(|c| c.id() == "value.present" && c.field() == Some("jwt_secret"))
        .unwrap()
        .message();
    assert!(message.contains("(QBITEL_AI_SECRETS_DIR)"), "{message}");
    assert_no_leak(&report, &[DB_PASSWORD, JWT_SECRET]);
}

#[test]
fn lower_case_names_are_found_in_the_secrets_directory() {
    let dir = temp();
    write(dir.path(), "qbitel_ai_db_password", DB_PASSWORD);
    write(dir.path(), "jwt_secret", JWT_SECRET);
    let vars = pairs(&[("QBITEL_AI_SECRETS_DIR", dir.path().to_str().unwrap())]);
    let (config, report) = evaluate(&vars, &dir);
    let config = config.unwrap();
    assert_eq!(config.db_password.expose_secret(), DB_PASSWORD);
    assert_eq!(config.jwt_secret.expose_secret(), JWT_SECRET);
    assert!(with_id(&report, "secret.stand_in").is_empty());
}

#[test]
fn exact_and_lower_case_files_with_different_contents_are_ambiguous() {
    let dir = temp();
    write(dir.path(), "QBITEL_AI_DB_PASSWORD", DB_PASSWORD);
    write(dir.path(), "qbitel_ai_db_password", OTHER);
    let vars = pairs(&[("QBITEL_AI_SECRETS_DIR", ".")]);
    let (config, report) = evaluate(&vars, &dir);
    let ambiguous = with_id(&report, "value.ambiguous");
    // On a case-insensitive file system both names are one file: nothing is ambiguous.
    let case_sensitive = fs::read_dir(dir.path()).unwrap().count() == 2;
    if case_sensitive {
        assert_eq!(ambiguous.len(), 1);
        assert_eq!(ambiguous[0].status(), Status::Failure);
        assert!(config.is_none());
    } else {
        assert!(ambiguous.is_empty());
    }
    assert_no_leak(&report, &[DB_PASSWORD, OTHER]);
}

#[test]
fn a_variable_wins_over_its_file_in_the_secrets_directory_and_a_difference_warns() {
    let dir = temp();
    write(dir.path(), "secrets/QBITEL_AI_DB_PASSWORD", OTHER);
    let vars = pairs(&[
        ("QBITEL_AI_SECRETS_DIR", "secrets"),
        ("QBITEL_AI_DB_PASSWORD", DB_PASSWORD),
    ]);
    let (config, report) = evaluate(&vars, &dir);
    assert_eq!(config.unwrap().db_password.expose_secret(), DB_PASSWORD);
    let conflict = with_id(&report, "value.conflict");
    assert_eq!(conflict.len(), 1);
    assert!(
        conflict[0]
            .message()
            .contains("secrets/QBITEL_AI_DB_PASSWORD")
    );
    assert_no_leak(&report, &[DB_PASSWORD, OTHER]);

    // NAME_FILE comes before the directory too.
    write(dir.path(), "db", DB_PASSWORD);
    let by_file = pairs(&[
        ("QBITEL_AI_SECRETS_DIR", "secrets"),
        ("QBITEL_AI_DB_PASSWORD_FILE", "db"),
    ]);
    assert_eq!(
        evaluate(&by_file, &dir)
            .0
            .unwrap()
            .db_password
            .expose_secret(),
        DB_PASSWORD
    );
}

#[test]
fn the_primary_names_directory_file_wins_over_a_fallback_variable() {
    let dir = temp();
    write(dir.path(), "QBITEL_AI_DB_PASSWORD", DB_PASSWORD);
    let vars = pairs(&[
        ("QBITEL_AI_SECRETS_DIR", "."),
        ("DATABASE_PASSWORD", DB_PASSWORD),
    ]);
    let (config, report) = evaluate(&vars, &dir);
    assert_eq!(config.unwrap().db_password.expose_secret(), DB_PASSWORD);
    assert!(matches!(
        provenance(&report, "db_password"),
        Provenance::SecretFile { .. }
    ));
    // Same value: no conflict.
    assert!(with_id(&report, "value.conflict").is_empty());
}

#[test]
fn a_missing_secrets_directory_is_an_error() {
    let dir = temp();
    let vars = pairs(&[
        ("QBITEL_AI_SECRETS_DIR", "no-such-dir"),
        ("QBITEL_AI_DB_PASSWORD", DB_PASSWORD),
    ]);
    let report = evaluate(&vars, &dir).1;
    let checks = with_id(&report, "file.secrets_dir");
    assert_eq!(checks.len(), 1);
    assert_eq!(checks[0].status(), Status::Failure);
    assert!(checks[0].message().contains("no-such-dir"));
}

#[test]
fn plain_variables_keep_working_beside_files() {
    let dir = temp();
    write(dir.path(), "port", "9000\n");
    let vars = pairs(&[
        ("QBITEL_AI_PORT_FILE", "port"),
        ("QBITEL_AI_DB_PASSWORD", ""),
    ]);
    let (config, report) = evaluate(&vars, &dir);
    assert_eq!(config.unwrap().port, 9000);
    assert_eq!(with_id(&report, "value.empty").len(), 1);
}

#[test]
fn the_deployment_examples_match_the_tested_layout() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/deploy");
    let manifest = fs::read_to_string(root.join("kubernetes.yaml")).unwrap();
    for expected in [
        "name: QBITEL_AI_ENVIRONMENT",
        "value: \"production\"",
        "name: QBITEL_AI_SECRETS_DIR",
        "mountPath: /run/secrets/qbitel",
        "path: QBITEL_AI_DB_PASSWORD",
        "path: QBITEL_AI_REDIS_PASSWORD",
        "path: QBITEL_AI_JWT_SECRET",
        "path: QBITEL_AI_ENCRYPTION_KEY",
        "path: QBITEL_AI_API_KEY",
    ] {
        assert!(
            manifest.contains(expected),
            "kubernetes.yaml lacks {expected}"
        );
    }
    let dockerfile = fs::read_to_string(root.join("Dockerfile")).unwrap();
    assert!(dockerfile.contains("ENV QBITEL_AI_ENVIRONMENT=production"));
    assert!(dockerfile.contains("QBITEL_AI_SECRETS_DIR=/run/secrets"));
    assert!(
        !dockerfile.contains("QBITEL_AI_DB_PASSWORD="),
        "no secret baked into the image"
    );
}

/// The child half of `the_process_environment_and_working_directory_path`: loads from the real
/// process environment and working directory.
#[test]
#[ignore = "run in a child process by the_process_environment_and_working_directory_path"]
fn child_loads_from_the_process() {
    let config = Secrets::load().unwrap();
    assert_eq!(config.db_password.expose_secret(), DB_PASSWORD);
    assert_eq!(config.jwt_secret.expose_secret(), JWT_SECRET);
    assert_eq!(config.port, 7000);
}

#[test]
fn the_process_environment_and_working_directory_path() {
    let dir = temp();
    write(dir.path(), "config/qbitel.production.yaml", "port: 7000\n");
    write(
        dir.path(),
        "run/secrets/QBITEL_AI_JWT_SECRET",
        format!("{JWT_SECRET}\n"),
    );
    write(dir.path(), "db", DB_PASSWORD);
    let output = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_loads_from_the_process",
            "--ignored",
            "--test-threads=1",
        ])
        .current_dir(dir.path())
        .env_clear()
        .env("QBITEL_AI_ENVIRONMENT", "production")
        .env("QBITEL_AI_DB_PASSWORD_FILE", "db")
        .env("QBITEL_AI_SECRETS_DIR", "run/secrets")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("1 passed"), "{stdout}");
}
