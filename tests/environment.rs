//! Environment detection: `QBITEL_AI_ENVIRONMENT`, else `ENVIRONMENT`, else development.

use qbitel_runtime::{Environment, Vars};

fn detect(pairs: &[(&str, &str)]) -> Result<Environment, qbitel_runtime::ConfigError> {
    Environment::detect_from(&Vars::from_pairs(pairs.iter().copied()))
}

#[test]
fn every_spelling_is_recognised_case_insensitively_and_trimmed() {
    let cases = [
        ("production", Environment::Production),
        ("PROD", Environment::Production),
        ("  Production \n", Environment::Production),
        ("staging", Environment::Staging),
        ("Stage", Environment::Staging),
        ("development", Environment::Development),
        ("DEV", Environment::Development),
        ("testing", Environment::Testing),
        ("test", Environment::Testing),
    ];
    for (value, expected) in cases {
        assert_eq!(
            detect(&[("QBITEL_AI_ENVIRONMENT", value)]).unwrap(),
            expected,
            "{value:?}"
        );
        assert_eq!(
            detect(&[("ENVIRONMENT", value)]).unwrap(),
            expected,
            "{value:?}"
        );
    }
}

#[test]
fn the_qbitel_variable_wins_over_the_generic_one() {
    let env = detect(&[
        ("QBITEL_AI_ENVIRONMENT", "production"),
        ("ENVIRONMENT", "development"),
    ]);
    assert_eq!(env.unwrap(), Environment::Production);
}

#[test]
fn nothing_set_or_empty_means_development() {
    assert_eq!(detect(&[]).unwrap(), Environment::Development);
    assert_eq!(
        detect(&[("QBITEL_AI_ENVIRONMENT", "  "), ("ENVIRONMENT", "")]).unwrap(),
        Environment::Development
    );
    assert_eq!(
        detect(&[("QBITEL_AI_ENVIRONMENT", ""), ("ENVIRONMENT", "prod")]).unwrap(),
        Environment::Production
    );
}

#[test]
fn a_typo_is_an_error_naming_variable_value_accepted_values_and_a_suggestion() {
    let error = detect(&[("QBITEL_AI_ENVIRONMENT", "prodution")]).unwrap_err();
    let text = error.to_string();
    assert!(text.contains("QBITEL_AI_ENVIRONMENT"), "{text}");
    assert!(text.contains("\"prodution\""), "{text}");
    assert!(text.contains("did you mean \"production\"?"), "{text}");
    assert!(
        text.contains("production, prod, staging, stage, development, dev, testing, test"),
        "{text}"
    );
    assert_eq!(error.violations().len(), 1);
    assert_eq!(error.violations()[0].id(), "environment.invalid");
}

#[test]
fn a_value_far_from_any_spelling_gets_no_suggestion() {
    let text = detect(&[("ENVIRONMENT", "qa-cluster-7")])
        .unwrap_err()
        .to_string();
    assert!(text.contains("ENVIRONMENT=\"qa-cluster-7\""), "{text}");
    assert!(!text.contains("did you mean"), "{text}");
}

#[test]
fn a_value_that_is_not_utf8_is_an_error_naming_the_variable() {
    let mut vars = Vars::new();
    vars.set_bytes("QBITEL_AI_ENVIRONMENT", vec![0x70, 0xff, 0xfe]);
    let text = Environment::detect_from(&vars).unwrap_err().to_string();
    assert!(
        text.contains("QBITEL_AI_ENVIRONMENT is not valid UTF-8"),
        "{text}"
    );
}

#[test]
fn names_and_predicates() {
    let all = [
        (Environment::Production, "production"),
        (Environment::Staging, "staging"),
        (Environment::Development, "development"),
        (Environment::Testing, "testing"),
    ];
    for (environment, name) in all {
        assert_eq!(environment.as_str(), name);
        assert_eq!(environment.to_string(), name);
        assert_eq!(name.parse::<Environment>().unwrap(), environment);
        assert_eq!(environment.is_production(), name == "production");
    }
}
