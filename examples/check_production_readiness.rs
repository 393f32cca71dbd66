//! The production readiness checker for the design document's configuration, `AppConfig`:
//!
//! ```text
//! cargo run --example check_production_readiness                              # the report
//! cargo run --example check_production_readiness -- --environment production  # as production
//! cargo run --example check_production_readiness -- --format json             # for CI
//! cargo run --example check_production_readiness -- generate                  # fresh secrets
//! cargo run --example check_production_readiness -- env-example               # .env.example
//! ```
//!
//! Exit status: 0 ready, 1 not ready, 2 usage error or unreadable configuration.
//! `QBITEL_AI_LOG_LEVEL=DEBUG` logs to stderr where each value came from (never the value).
#![forbid(unsafe_code)]

use std::process::ExitCode;

use qbitel::AppConfig;
use tracing_subscriber::filter::LevelFilter;

fn main() -> ExitCode {
    install_logging();
    qbitel_runtime::check::main::<AppConfig>()
}

/// Logs to stderr at the level `QBITEL_AI_LOG_LEVEL` names (default `INFO`), so that stdout
/// stays the report alone.
fn install_logging() {
    let name = std::env::var("QBITEL_AI_LOG_LEVEL").unwrap_or_default();
    let level = match name.trim().to_ascii_uppercase().as_str() {
        "" => LevelFilter::INFO,
        // The design document's service is Python: accept its level names too.
        "WARNING" => LevelFilter::WARN,
        "CRITICAL" => LevelFilter::ERROR,
        other => other.parse().unwrap_or_else(|_| {
            eprintln!(
                "QBITEL_AI_LOG_LEVEL={other:?} is not a log level (TRACE, DEBUG, INFO, WARN, \
                 ERROR, OFF); using INFO"
            );
            LevelFilter::INFO
        }),
    };
    tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(std::io::stderr)
        .init();
}
