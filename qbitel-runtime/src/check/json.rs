//! The JSON report for CI pipelines. The schema is documented in `docs/CHECKER.md`; a change
//! that removes or retypes a key bumps [`SCHEMA_VERSION`].

use serde_json::{Value, json};

use crate::environment::EnvironmentOrigin;
use crate::report::{Check, Provenance, Report, Status};

use super::verdict::{FailOn, Verdict};

/// The version of the JSON report's schema.
pub const SCHEMA_VERSION: u32 = 1;

/// The report as pretty-printed JSON, failures deciding the verdict.
pub fn to_json(report: &Report) -> String {
    to_json_with(report, FailOn::Failure)
}

/// The report as pretty-printed JSON, `fail_on` deciding the verdict. Holds ids, names,
/// labels and messages, never a value.
pub fn to_json_with(report: &Report, fail_on: FailOn) -> String {
    let origin = match report.environment_origin() {
        EnvironmentOrigin::Invalid(_) => "invalid",
        EnvironmentOrigin::Variable(name) => name,
        EnvironmentOrigin::Default => "default",
        EnvironmentOrigin::Override => "override",
    };
    let document = json!({
        "schema_version": SCHEMA_VERSION,
        "environment": report.environment().as_str(),
        "environment_origin": origin,
        "production": report.environment().is_production(),
        "fail_on": fail_on.as_str(),
        "checks": report.checks().iter().map(check).collect::<Vec<_>>(),
        "summary": {
            "total": report.checks().len(),
            "passed": report.count(Status::Pass),
            "failed": report.count(Status::Failure),
            "warnings": report.count(Status::Warning),
        },
        "verdict": Verdict::of(report, fail_on).as_str(),
    });
    let mut text = format!("{document:#}");
    text.push('\n');
    text
}

fn check(check: &Check) -> Value {
    let source = check.provenance().map(|provenance| match provenance {
        Provenance::Variable(_) => "variable",
        Provenance::Default => "default",
        Provenance::DevDefault => "dev_default",
        Provenance::Ephemeral => "ephemeral",
        Provenance::File { .. } => "file",
        Provenance::SecretFile { .. } => "secret_file",
    });
    json!({
        "id": check.id(),
        "status": check.status().as_str(),
        "field": check.field(),
        "label": check.label(),
        "variable": check.variable(),
        "secret": check.is_secret(),
        "source": source,
        "message": check.message(),
    })
}
