//! The production readiness checker for the design document's configuration.
use qbitel::AppConfig;
use qbitel_runtime::ProductionConfig;

fn main() {
    let report = AppConfig::report();
    for check in report.checks() {
        println!("{:8} {:28} {}", check.status(), check.id(), check.message());
    }
    println!("ready: {}", report.is_ready());
}
