//! Configuration files per environment: locating them, precedence (variables over the file
//! over defaults), sections, unknown keys, parse errors and the file's production rules.

use std::fs;
use std::path::Path;

use qbitel_runtime::{
    Check, CorsOrigins, ExposeSecret, LoadOptions, ProductionConfig, Provenance, Report,
    SecretString, Status, Vars,
};
use tempfile::TempDir;

const DB_PASSWORD: &str = "BrSqAO8A_twfSzwD0KeZIkKwsvdnGYOnOiA4-cp60aU";

/// The design document's configuration: top-level `environment` and `debug`, and a
/// `security:` section.
#[derive(ProductionConfig)]
#[config(prefix = "QBITEL_AI_")]
struct ServiceConfig {
    /// Database password
    #[config(fallback = "DATABASE_PASSWORD", min_len = 16)]
    db_password: SecretString,
    /// Environment named in the file
    environment: Option<String>,
    /// Debug mode
    #[config(default = "false", production = "false")]
    debug: bool,
    /// HTTP port
    #[config(default = "8000")]
    port: u16,
    /// Log level
    #[config(default = "INFO")]
    log_level: String,
    #[config(nested)]
    security: SecurityConfig,
}

#[derive(ProductionConfig)]
#[config(prefix = "QBITEL_AI_")]
struct SecurityConfig {
    /// Encryption
    #[config(default = "true", production = "true")]
    enable_encryption: bool,
    /// CORS
    #[config(default = "true")]
    enable_cors: bool,
    /// CORS origins
    #[config(default = "https://app.example.com")]
    cors_origins: CorsOrigins,
    /// TLS
    #[config(default = "true", production = "true")]
    tls_enabled: bool,
    /// TLS client verification
    #[config(default = "false")]
    tls_verify_client: bool,
}

/// The design document's `config/qbitel.production.yaml`, line for line.
const PRODUCTION_YAML: &str = "\
environment: production
debug: false

security:
  enable_encryption: true
  enable_cors: true
  cors_origins:
    - \"https://app.example.com\"
    - \"https://dashboard.example.com\"
  tls_enabled: true
  tls_verify_client: true
";

/// A base directory holding `files` (relative path, content).
fn base(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, content) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
    }
    dir
}

fn options(dir: &TempDir) -> LoadOptions {
    LoadOptions::default().with_base_dir(dir.path())
}

fn production(extra: &[(&str, &str)]) -> Vars {
    let mut vars = Vars::from_pairs([
        ("QBITEL_AI_ENVIRONMENT", "production"),
        ("QBITEL_AI_DB_PASSWORD", DB_PASSWORD),
    ]);
    for (name, value) in extra {
        vars.set(*name, *value);
    }
    vars
}

fn with_id<'r>(report: &'r Report, id: &str) -> Vec<&'r Check> {
    report.checks().iter().filter(|c| c.id() == id).collect()
}

fn provenance_of(report: &Report, field: &str) -> String {
    report
        .checks()
        .iter()
        .find(|c| c.id() == "value.present" && c.field() == Some(field))
        .and_then(Check::provenance)
        .map(ToString::to_string)
        .unwrap_or_else(|| panic!("no value.present check with a provenance for {field}"))
}

fn file_line(dir: &TempDir, name: &str, line: usize) -> String {
    format!("{}:{line}", dir.path().join("config").join(name).display())
}

#[test]
fn the_documents_production_file_is_read_from_config_under_the_base_dir() {
    let dir = base(&[("config/qbitel.production.yaml", PRODUCTION_YAML)]);
    let (config, report) = ServiceConfig::evaluate(&production(&[]), &options(&dir));
    assert!(
        report.is_ready(),
        "{:#?}",
        report.failures().collect::<Vec<_>>()
    );
    let config = config.unwrap();
    assert_eq!(config.environment.as_deref(), Some("production"));
    assert!(!config.debug);
    assert!(config.security.tls_verify_client);
    assert!(config.security.enable_encryption && config.security.enable_cors);
    assert!(config.security.tls_enabled);
    assert_eq!(config.security.cors_origins.origins().len(), 2);
    assert_eq!(
        config.security.cors_origins.to_string(),
        "https://app.example.com,https://dashboard.example.com"
    );
    let loaded = with_id(&report, "file.loaded");
    assert_eq!(loaded.len(), 1);
    assert!(loaded[0].message().contains("qbitel.production.yaml"));
    // Where each value came from: the file and line, a variable, a default.
    let file = "qbitel.production.yaml";
    assert_eq!(provenance_of(&report, "debug"), file_line(&dir, file, 2));
    assert_eq!(
        provenance_of(&report, "security.cors_origins"),
        file_line(&dir, file, 7)
    );
    assert_eq!(
        provenance_of(&report, "security.tls_verify_client"),
        file_line(&dir, file, 11)
    );
    assert_eq!(
        provenance_of(&report, "db_password"),
        "QBITEL_AI_DB_PASSWORD"
    );
    assert_eq!(provenance_of(&report, "port"), "default");
    let tls = report
        .checks()
        .iter()
        .find(|c| c.id() == "value.present" && c.field() == Some("security.tls_enabled"))
        .unwrap();
    assert_eq!(
        tls.provenance(),
        Some(&Provenance::File {
            path: dir.path().join("config/qbitel.production.yaml"),
            line: 10
        })
    );
    // The file's and the fields' production rules pass, and no key is unknown.
    for (id, count) in [("file.environment", 1), ("value.production", 3)] {
        let checks = with_id(&report, id);
        assert_eq!(checks.len(), count, "{id}");
        assert!(checks.iter().all(|c| c.status() == Status::Pass), "{id}");
    }
    assert!(with_id(&report, "file.unknown").is_empty());
}

#[test]
fn variables_override_the_file_which_overrides_defaults() {
    let dir = base(&[(
        "config/qbitel.production.yaml",
        "port: 7000\nlog_level: DEBUG\n",
    )]);
    let vars = production(&[("QBITEL_AI_PORT", "9000")]);
    let (config, report) = ServiceConfig::evaluate(&vars, &options(&dir));
    let config = config.unwrap();
    assert_eq!(config.port, 9000);
    assert_eq!(provenance_of(&report, "port"), "QBITEL_AI_PORT");
    assert_eq!(config.log_level, "DEBUG");
    assert_eq!(
        provenance_of(&report, "log_level"),
        file_line(&dir, "qbitel.production.yaml", 2)
    );
    assert!(!config.security.tls_verify_client);
    assert_eq!(
        provenance_of(&report, "security.tls_verify_client"),
        "default"
    );
    // The overridden key was read, so it is not unknown.
    assert!(with_id(&report, "file.unknown").is_empty());

    let (config, report) = ServiceConfig::evaluate(&production(&[]), &options(&dir));
    assert_eq!(config.unwrap().port, 7000);
    assert_eq!(
        provenance_of(&report, "port"),
        file_line(&dir, "qbitel.production.yaml", 1)
    );
}

#[test]
fn each_environment_reads_its_own_file_and_a_missing_default_file_is_fine() {
    let dir = base(&[
        ("config/qbitel.production.yaml", "port: 7000\n"),
        ("config/qbitel.staging.yaml", "port: 7001\n"),
    ]);
    let staging = Vars::from_pairs([
        ("QBITEL_AI_ENVIRONMENT", "staging"),
        ("QBITEL_AI_DB_PASSWORD", DB_PASSWORD),
    ]);
    let (config, _) = ServiceConfig::evaluate(&staging, &options(&dir));
    assert_eq!(config.unwrap().port, 7001);

    // Development has no file here: defaults, and no file check at all.
    let (config, report) = ServiceConfig::evaluate(&Vars::new(), &options(&dir));
    assert_eq!(config.unwrap().port, 8000);
    assert!(report.checks().iter().all(|c| !c.id().starts_with("file.")));
    assert!(report.is_ready());
}

#[test]
fn a_named_file_must_exist() {
    let dir = base(&[]);
    let vars = production(&[("QBITEL_AI_CONFIG_FILE", "config/custom.yaml")]);
    let report = ServiceConfig::evaluate(&vars, &options(&dir)).1;
    let read = with_id(&report, "file.read");
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].status(), Status::Failure);
    assert_eq!(read[0].variable(), Some("QBITEL_AI_CONFIG_FILE"));
    assert!(
        read[0]
            .message()
            .contains(&dir.path().join("config/custom.yaml").display().to_string())
    );
    assert!(read[0].message().contains("QBITEL_AI_CONFIG_FILE"));
    assert!(!report.is_ready());

    // Named by the options: the same, in development too.
    let missing = dir.path().join("nowhere.yaml");
    let options = LoadOptions::default().with_config_file(&missing);
    let report = ServiceConfig::evaluate(&Vars::new(), &options).1;
    let read = with_id(&report, "file.read");
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].status(), Status::Failure);
    assert!(read[0].message().contains(&missing.display().to_string()));
}

#[test]
fn the_variable_names_a_file_relative_to_the_base_dir_and_toml_is_chosen_by_extension() {
    let dir = base(&[
        ("config/qbitel.production.yaml", "port: 7000\n"),
        (
            "deploy/service.toml",
            "environment = \"production\"\nport = 0x1F40\n\n[security]\ncors_origins = \
             [\"https://app.example.com\"]\ntls_enabled = true\n",
        ),
    ]);
    let vars = production(&[("QBITEL_AI_CONFIG_FILE", "deploy/service.toml")]);
    let (config, report) = ServiceConfig::evaluate(&vars, &options(&dir));
    assert!(
        report.is_ready(),
        "{:#?}",
        report.failures().collect::<Vec<_>>()
    );
    let config = config.unwrap();
    // The named file replaces the default one: the YAML's 7000 is not read.
    assert_eq!(config.port, 0x1F40);
    assert_eq!(config.security.cors_origins.origins().len(), 1);
    let toml = dir.path().join("deploy/service.toml").display().to_string();
    assert_eq!(provenance_of(&report, "port"), format!("{toml}:2"));
    assert_eq!(
        provenance_of(&report, "security.cors_origins"),
        format!("{toml}:5")
    );
    assert_eq!(
        production_rule(&report, "security.tls_enabled").status(),
        Status::Pass
    );
}

#[test]
fn options_override_the_variable() {
    let dir = base(&[("a.yaml", "port: 7001\n"), ("b.yaml", "port: 7002\n")]);
    let vars = production(&[("QBITEL_AI_CONFIG_FILE", "a.yaml")]);
    let options = options(&dir).with_config_file("b.yaml");
    assert_eq!(
        ServiceConfig::evaluate(&vars, &options).0.unwrap().port,
        7002
    );
}

#[test]
fn yaml_and_toml_defaults_together_are_ambiguous() {
    let dir = base(&[
        ("config/qbitel.production.yaml", "port: 7000\n"),
        ("config/qbitel.production.toml", "port = 7001\n"),
    ]);
    let report = ServiceConfig::evaluate(&production(&[]), &options(&dir)).1;
    let read = with_id(&report, "file.read");
    assert_eq!(read.len(), 1);
    assert!(read[0].message().contains("keep one"));
    assert!(!report.is_ready());
}

#[test]
fn an_unknown_extension_is_an_error() {
    let dir = base(&[("service.ini", "port=1\n")]);
    let options = options(&dir).with_config_file("service.ini");
    let report = ServiceConfig::evaluate(&production(&[]), &options).1;
    let read = with_id(&report, "file.read");
    assert_eq!(read.len(), 1);
    assert!(read[0].message().contains(".yaml, .yml or .toml"));
}

#[test]
fn unknown_keys_warn_with_file_line_and_a_suggestion() {
    let yaml = "\
environment: production
prot: 7000
securty:
  tls_enabled: true
security:
  tls_enabeld: true
  cors_origins: [\"https://app.example.com\"]
";
    let dir = base(&[("config/qbitel.production.yaml", yaml)]);
    let report = ServiceConfig::evaluate(&production(&[]), &options(&dir)).1;
    let unknown = with_id(&report, "file.unknown");
    let messages: Vec<&str> = unknown.iter().map(|c| c.message()).collect();
    assert_eq!(unknown.len(), 3, "{messages:#?}");
    assert!(unknown.iter().all(|c| c.status() == Status::Warning));
    let path = dir
        .path()
        .join("config/qbitel.production.yaml")
        .display()
        .to_string();
    assert!(messages[0].starts_with(&format!(
        "{path}:2: unknown key `prot`; did you mean `port`?"
    )));
    // An unknown section is reported once, not key by key.
    assert!(messages[1].starts_with(&format!(
        "{path}:3: unknown key `securty`; did you mean `security`?"
    )));
    assert!(messages[2].contains(&format!(
        "{path}:6: unknown key `security.tls_enabeld`; did you mean `tls_enabled`?"
    )));
    assert_eq!(
        unknown[2].provenance(),
        Some(&Provenance::File {
            path: dir.path().join("config/qbitel.production.yaml"),
            line: 6
        })
    );
    // Warnings only: the configuration is still ready.
    assert!(report.is_ready());

    // Silenced by id like any warning.
    let vars = production(&[("QBITEL_AI_ALLOW_WARNINGS", "file.unknown")]);
    let report = ServiceConfig::evaluate(&vars, &options(&dir)).1;
    let unknown = with_id(&report, "file.unknown");
    assert!(unknown.iter().all(|c| c.status() == Status::Pass));
    assert!(unknown[0].message().ends_with("(warning silenced)"));
}

/// A file whose syntax error sits right next to a secret.
fn assert_parse_error(name: &str, text: &str, secret: &str, line_column: &str) {
    let dir = base(&[(name, text)]);
    let options = options(&dir).with_config_file(name);
    let (config, report) = ServiceConfig::evaluate(&production(&[]), &options);
    let parse = with_id(&report, "file.parse");
    assert_eq!(parse.len(), 1, "{name}");
    assert_eq!(parse[0].status(), Status::Failure);
    let expected = format!("{}:{line_column}", dir.path().join(name).display());
    assert!(
        parse[0].message().contains(&expected),
        "{}",
        parse[0].message()
    );
    let everything = format!("{report:?}");
    assert!(!everything.contains(secret), "{everything}");
    let error = ServiceConfig::load_with(&production(&[]), &options)
        .err()
        .unwrap();
    assert!(!error.to_string().contains(secret));
    assert!(
        config.is_some(),
        "the fields still load from variables and defaults"
    );
}

#[test]
fn parse_errors_give_file_line_and_column_and_never_the_text() {
    assert_parse_error(
        "broken.yaml",
        "port: 8000\ndb_password: [\"hunter2-Secret-Value\"\nother: 1\n",
        "hunter2-Secret-Value",
        "3:6",
    );
    assert_parse_error(
        "broken.toml",
        "port = 8000\ndb_password = \"hunter2-Secret-Value\n",
        "hunter2-Secret-Value",
        "2:36",
    );
    assert_parse_error(
        "twice.yaml",
        "hunter2-Secret-Value: 1\nhunter2-Secret-Value: 2\n",
        "hunter2-Secret-Value",
        "2:1",
    );
}

#[test]
fn the_top_level_must_be_a_mapping() {
    let dir = base(&[("list.yaml", "- port\n- 8000\n")]);
    let options = options(&dir).with_config_file("list.yaml");
    let report = ServiceConfig::evaluate(&production(&[]), &options).1;
    let parse = with_id(&report, "file.parse");
    assert_eq!(parse.len(), 1);
    assert!(parse[0].message().contains("mapping"));
}

const UNSAFE_YAML: &str = "\
environment: development
debug: true
security:
  enable_encryption: false
  tls_enabled: false
";

/// The `value.production` check of `field`.
fn production_rule<'r>(report: &'r Report, field: &str) -> &'r Check {
    report
        .checks()
        .iter()
        .find(|c| c.id() == "value.production" && c.field() == Some(field))
        .unwrap_or_else(|| panic!("no production rule for {field}"))
}

#[test]
fn production_rules_are_errors_in_production_pointing_at_the_file() {
    let dir = base(&[("config/qbitel.production.yaml", UNSAFE_YAML)]);
    let report = ServiceConfig::evaluate(&production(&[]), &options(&dir)).1;
    let path = dir
        .path()
        .join("config/qbitel.production.yaml")
        .display()
        .to_string();
    let environment = with_id(&report, "file.environment");
    assert_eq!(environment[0].status(), Status::Failure);
    assert!(environment[0].message().starts_with(&format!("{path}:1: ")));
    assert!(environment[0].message().contains("but this is production"));
    for (field, line, words) in [
        ("debug", 2, "Debug mode"),
        ("security.enable_encryption", 4, "Encryption"),
        ("security.tls_enabled", 5, "TLS"),
    ] {
        let check = production_rule(&report, field);
        assert_eq!(check.status(), Status::Failure, "{field}");
        assert_eq!(
            check.message(),
            format!(
                "{words} ({path}:{line}) must be {} in production",
                if field == "debug" { "false" } else { "true" }
            )
        );
    }
    assert!(!report.is_ready());
    let error = ServiceConfig::load_with(&production(&[]), &options(&dir))
        .err()
        .unwrap();
    assert!(error.to_string().contains("[value.production] TLS"));
}

#[test]
fn production_rules_are_warnings_in_development() {
    let dir = base(&[(
        "config/qbitel.development.yaml",
        &UNSAFE_YAML.replace("environment: development", "environment: production"),
    )]);
    let report = ServiceConfig::evaluate(&Vars::new(), &options(&dir)).1;
    assert_eq!(
        with_id(&report, "file.environment")[0].status(),
        Status::Warning
    );
    for field in [
        "debug",
        "security.enable_encryption",
        "security.tls_enabled",
    ] {
        assert_eq!(
            production_rule(&report, field).status(),
            Status::Warning,
            "{field}"
        );
    }
    assert!(report.is_ready());
}

#[test]
fn an_unrecognised_environment_in_the_file_breaks_the_rule() {
    let dir = base(&[("config/qbitel.production.yaml", "environment: prodution\n")]);
    let report = ServiceConfig::evaluate(&production(&[]), &options(&dir)).1;
    let checks = with_id(&report, "file.environment");
    assert_eq!(checks[0].status(), Status::Failure);
    assert!(checks[0].message().contains("not a recognised environment"));
}

#[test]
fn production_rules_judge_the_value_in_effect_whatever_its_source() {
    // `debug: true` in the file, but the variable says false: the value in effect is false.
    let dir = base(&[("config/qbitel.production.yaml", "debug: true\n")]);
    let vars = production(&[("QBITEL_AI_DEBUG", "false")]);
    let (config, report) = ServiceConfig::evaluate(&vars, &options(&dir));
    assert!(!config.unwrap().debug);
    assert_eq!(production_rule(&report, "debug").status(), Status::Pass);
    assert!(report.is_ready());
    // Without the variable, the file's value is in effect and refused.
    let report = ServiceConfig::evaluate(&production(&[]), &options(&dir)).1;
    assert_eq!(production_rule(&report, "debug").status(), Status::Failure);
    // And a variable turning debug on is refused the same way, with no file at all.
    let empty = base(&[]);
    let vars = production(&[("QBITEL_AI_DEBUG", "true")]);
    let report = ServiceConfig::evaluate(&vars, &options(&empty)).1;
    let check = production_rule(&report, "debug");
    assert_eq!(check.status(), Status::Failure);
    assert_eq!(
        check.message(),
        "Debug mode (QBITEL_AI_DEBUG) must be false in production"
    );
}

#[test]
fn keys_the_struct_lacks_are_unknown_not_judged() {
    #[derive(ProductionConfig)]
    #[config(prefix = "QBITEL_AI_")]
    struct Minimal {
        #[config(default = "8000")]
        port: u16,
    }
    let dir = base(&[(
        "config/qbitel.production.yaml",
        "debug: true\nsecurity:\n  tls_enabled: false\n",
    )]);
    let (config, report) = Minimal::evaluate(&production(&[]), &options(&dir));
    assert_eq!(config.unwrap().port, 8000);
    assert!(with_id(&report, "value.production").is_empty());
    // Neither `debug` nor `security` is part of this struct: their values would be ignored,
    // so say so.
    let unknown: Vec<_> = with_id(&report, "file.unknown")
        .iter()
        .map(|c| c.message().to_owned())
        .collect();
    assert_eq!(unknown.len(), 2, "{unknown:?}");
    assert!(unknown[0].contains("unknown key `debug`"), "{unknown:?}");
    assert!(unknown[1].contains("unknown key `security`"), "{unknown:?}");
}

#[test]
fn a_secret_in_the_file_is_an_error_in_production_and_a_warning_in_development() {
    let yaml = format!("db_password: \"{DB_PASSWORD}\"\n");
    let dir = base(&[
        ("config/qbitel.production.yaml", yaml.as_str()),
        ("config/qbitel.development.yaml", yaml.as_str()),
    ]);
    let vars = Vars::from_pairs([("QBITEL_AI_ENVIRONMENT", "production")]);
    let report = ServiceConfig::evaluate(&vars, &options(&dir)).1;
    let secret = with_id(&report, "file.secret");
    assert_eq!(secret.len(), 1);
    assert_eq!(secret[0].status(), Status::Failure);
    assert!(
        secret[0]
            .message()
            .contains("never commit secrets to version control"),
        "{}",
        secret[0].message()
    );
    assert!(secret[0].message().contains("QBITEL_AI_DB_PASSWORD_FILE"));
    assert!(!format!("{report:?}").contains(DB_PASSWORD));
    let error = ServiceConfig::load_with(&vars, &options(&dir))
        .err()
        .unwrap();
    assert!(!error.to_string().contains(DB_PASSWORD));

    // Even when a variable overrides it, the secret is still committed in the file.
    let report = ServiceConfig::evaluate(&production(&[]), &options(&dir)).1;
    assert_eq!(with_id(&report, "file.secret")[0].status(), Status::Failure);

    let (config, report) = ServiceConfig::evaluate(&Vars::new(), &options(&dir));
    assert_eq!(with_id(&report, "file.secret")[0].status(), Status::Warning);
    assert_eq!(config.unwrap().db_password.expose_secret(), DB_PASSWORD);
    assert_eq!(
        provenance_of(&report, "db_password"),
        file_line(&dir, "qbitel.development.yaml", 1)
    );
}

#[test]
fn shapes_that_do_not_fit_the_field_are_errors() {
    let yaml = "\
port: {number: 1}
security: true
";
    let dir = base(&[("config/qbitel.production.yaml", yaml)]);
    let report = ServiceConfig::evaluate(&production(&[]), &options(&dir)).1;
    let invalid = with_id(&report, "file.invalid");
    assert_eq!(invalid.len(), 2, "{invalid:#?}");
    assert!(invalid.iter().all(|c| c.status() == Status::Failure));
    assert!(
        invalid
            .iter()
            .any(|c| c.message().contains("`port` is a section in the file"))
    );
    assert!(
        invalid
            .iter()
            .any(|c| c.message().contains("`security` is a single value"))
    );

    let dir = base(&[(
        "config/qbitel.production.yaml",
        "security:\n  cors_origins:\n    - \"https://a.example.com,https://b.example.com\"\n",
    )]);
    let report = ServiceConfig::evaluate(&production(&[]), &options(&dir)).1;
    let invalid = with_id(&report, "file.invalid");
    assert_eq!(invalid.len(), 1);
    assert!(
        invalid[0]
            .message()
            .contains(":3: an item of the list `security.cors_origins` contains a comma")
    );

    let dir = base(&[("config/qbitel.production.yaml", "port: [1, [2]]\n")]);
    let report = ServiceConfig::evaluate(&production(&[]), &options(&dir)).1;
    assert!(
        with_id(&report, "file.invalid")[0]
            .message()
            .contains("is itself a list")
    );
}

#[test]
fn values_parse_as_variables_do_and_errors_name_the_line() {
    let dir = base(&[("config/qbitel.production.yaml", "\n\nport: eighty\n")]);
    let report = ServiceConfig::evaluate(&production(&[]), &options(&dir)).1;
    let invalid = with_id(&report, "value.invalid");
    assert_eq!(invalid.len(), 1);
    assert_eq!(invalid[0].status(), Status::Failure);
    assert!(invalid[0].message().contains("qbitel.production.yaml:3"));
}

#[test]
fn empty_and_null_keys_count_as_not_set() {
    let dir = base(&[(
        "config/qbitel.production.yaml",
        "log_level: \"\"\nport:\nsecurity:\n  cors_origins: []\n",
    )]);
    let (config, report) = ServiceConfig::evaluate(&production(&[]), &options(&dir));
    let config = config.unwrap();
    assert_eq!(config.log_level, "INFO");
    assert_eq!(config.port, 8000);
    let empty = with_id(&report, "value.empty");
    assert_eq!(empty.len(), 2, "{empty:#?}");
    assert!(empty[0].message().contains("qbitel.production.yaml:1"));
    assert!(empty.iter().all(|c| c.status() == Status::Warning));
    assert_eq!(provenance_of(&report, "security.cors_origins"), "default");
    assert!(with_id(&report, "file.unknown").is_empty());
}

#[test]
fn numbers_keep_their_spelling() {
    #[derive(ProductionConfig)]
    #[config(prefix = "APP_")]
    struct Versioned {
        version: String,
        ratio: f64,
    }
    let dir = base(&[
        ("c.yaml", "version: 1.10\nratio: 0.5\n"),
        ("c.toml", "version = 1.10\nratio = 0.5\n"),
    ]);
    for name in ["c.yaml", "c.toml"] {
        let options = options(&dir).with_config_file(name);
        let config = Versioned::load_with(&Vars::new(), &options).unwrap();
        assert_eq!(config.version, "1.10", "{name}");
        assert_eq!(config.ratio, 0.5);
    }
}

#[test]
fn the_example_production_file_is_the_documents() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/deploy/config");
    let text = fs::read_to_string(example.join("qbitel.production.yaml")).unwrap();
    assert!(text.contains(PRODUCTION_YAML), "{text}");
    let options = LoadOptions::default().with_base_dir(example.parent().unwrap());
    let report = ServiceConfig::evaluate(&production(&[]), &options).1;
    assert!(
        report.is_ready(),
        "{:#?}",
        report.failures().collect::<Vec<_>>()
    );
    assert_eq!(with_id(&report, "file.loaded").len(), 1);
}

#[test]
fn a_key_with_control_characters_is_shown_escaped() {
    // A quoted YAML key may hold a newline or an escape sequence; printed raw, it could start
    // a line that reads as another check.
    let yaml = "environment: production\n\"prot\\n✓ Database password is strong\\e[2K\": 1\n";
    let dir = base(&[("config/qbitel.production.yaml", yaml)]);
    let report = ServiceConfig::evaluate(&production(&[]), &options(&dir)).1;
    let unknown = with_id(&report, "file.unknown");
    assert_eq!(unknown.len(), 1, "{unknown:#?}");
    let message = unknown[0].message();
    assert!(
        message.contains("unknown key `prot\\n✓ Database password is strong\\u{1b}[2K`"),
        "{message}"
    );
    assert!(!message.contains('\n') && !message.contains('\u{1b}'));
}
