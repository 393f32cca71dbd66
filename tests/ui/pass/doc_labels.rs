//! A field's doc comment is its label (first line) and description (the rest).
use qbitel_runtime::{ProductionConfig, Vars};

#[derive(ProductionConfig)]
struct Config {
    /// Request timeout in seconds.
    ///
    /// How long a request may take
    /// before it is cancelled.
    #[config(default = "30")]
    request_timeout_secs: u64,
    /// Documented, but overridden
    #[config(label = "Worker threads", default = "4")]
    workers: u16,
    #[config(default = "false")]
    debug_mode: bool,
}

fn main() {
    let fields = Config::META.fields();
    assert_eq!(fields[0].label_text(), "Request timeout in seconds");
    assert_eq!(
        fields[0].description_text(),
        "How long a request may take before it is cancelled."
    );
    assert_eq!(fields[1].label_text(), "Worker threads");
    assert_eq!(fields[2].label_text(), "Debug mode");
    assert_eq!(fields[2].description_text(), "");
    let report = Config::report_from(&Vars::new());
    assert!(report.is_ready());
}
