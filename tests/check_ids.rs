//! The derive validates `allow = "id"` against its own list of check ids
//! (`qbitel-derive/src/check_ids.rs`), since a proc-macro cannot ask the runtime. This test ties
//! that list to what the runtime really reports, and to the documented table.

mod common;

use common::production_with;
use qbitel::AppConfig;
use qbitel_runtime::{ProductionConfig, Vars};

/// The ids between `KNOWN: &[&str] = &[` and `];` in the derive's source.
fn derive_ids() -> Vec<String> {
    let source = include_str!("../qbitel-derive/src/check_ids.rs");
    let start = source.find("KNOWN: &[&str] = &[").expect("KNOWN list");
    let list = &source[start..];
    let end = list.find("];").expect("end of KNOWN");
    list[..end]
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_field_check_the_runtime_reports_can_be_allowed() {
    let known = derive_ids();
    assert!(known.len() > 10, "{known:?}");
    let mut weak = Vars::from_pairs([("QBITEL_AI_ENVIRONMENT", "production")]);
    weak.set("QBITEL_AI_DB_PASSWORD", "password")
        .set("DATABASE_PASSWORD", "other")
        .set("QBITEL_AI_REDIS_PASSWORD", "")
        .set("QBITEL_AI_API_KEY", "abcdefghijklmnopqrstuvwxyzabcdefgh")
        .set("QBITEL_AI_ENCRYPTION_KEY", "not a key")
        .set("QBITEL_AI_CORS_ORIGINS", "*,http://a.example,ftp://b")
        .set("QBITEL_AI_PORT", "eighty")
        .set("QBITEL_AI_DEBUG", "true");
    weak.set_bytes("QBITEL_AI_LOG_LEVEL", vec![0xff]);
    let cases = [
        Vars::new(),
        Vars::from_pairs([("QBITEL_AI_ENVIRONMENT", "production")]),
        production_with(&[("QBITEL_AI_REDIS_PASSWORD", Some(common::DB_PASSWORD))]),
        production_with(&[("QBITEL_AI_DB_PASSWORD_FILE", Some("/nonexistent/qbitel"))]),
        weak,
    ];
    let mut seen = Vec::new();
    for vars in cases {
        for check in AppConfig::report_from(&vars).checks() {
            if check.field().is_some() && !seen.contains(&check.id()) {
                seen.push(check.id());
            }
        }
    }
    for id in &seen {
        assert!(
            known.iter().any(|k| k == id),
            "`allow` would reject {id}; add it to check_ids.rs"
        );
    }
    assert!(seen.len() >= 15, "{seen:?}");
}

#[test]
fn every_id_the_derive_accepts_is_documented() {
    let table = include_str!("../docs/CHECKER.md");
    for id in derive_ids() {
        assert!(
            table.contains(&format!("`{id}`")),
            "{id} is not in docs/CHECKER.md"
        );
    }
}
