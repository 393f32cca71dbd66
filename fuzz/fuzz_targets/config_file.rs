//! The configuration-file layer: any bytes as a YAML or TOML configuration file, read through
//! the public path (`LoadOptions::with_config_file`). Never panics, and every output formats.
#![no_main]

use std::net::IpAddr;
use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;
use qbitel_runtime::{CorsOrigins, LoadOptions, ProductionConfig, SecretString, Vars};

#[derive(ProductionConfig)]
#[config(prefix = "FUZZ_")]
#[allow(dead_code)]
struct FromFile {
    /// Password
    #[config(min_len = 16, strength)]
    password: SecretString,
    /// Origins
    #[config(dev_default = "*")]
    origins: CorsOrigins,
    /// Port
    #[config(default = "8000")]
    port: u16,
    /// Debug
    #[config(default = "false")]
    debug: bool,
    /// Names
    names: Vec<String>,
    /// Address
    address: Option<IpAddr>,
    /// Ratio
    ratio: Option<f64>,
    /// Level
    #[config(default = "INFO")]
    log_level: String,
}

/// One file per process (libFuzzer runs inputs one after another), in the temporary directory.
fn path(extension: &str) -> PathBuf {
    std::env::temp_dir().join(format!("qbitel-fuzz-{}.{extension}", std::process::id()))
}

fuzz_target!(|input: (bool, bool, &[u8])| {
    let (toml, production, content) = input;
    let path = path(if toml { "toml" } else { "yaml" });
    if std::fs::write(&path, content).is_err() {
        return;
    }
    let vars = Vars::from_pairs([(
        "ENVIRONMENT",
        if production {
            "production"
        } else {
            "development"
        },
    )]);
    let options = LoadOptions::default().with_config_file(&path);
    let (_, report) = FromFile::evaluate(&vars, &options);
    let _ = format!("{report:?}");
    for check in report.checks() {
        let _ = format!("{check} {check:?}");
    }
    if let Err(error) = FromFile::load_with(&vars, &options) {
        let _ = format!("{error} {error:?}");
    }
});
