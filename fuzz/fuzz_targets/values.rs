//! Value parsing for many field types at once: any bytes in any variable, in any environment.
//! Never panics, and every output path formats.
#![no_main]

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;
use qbitel_runtime::{CorsOrigins, FernetKey, LoadOptions, ProductionConfig, SecretString, Vars};

#[derive(ProductionConfig)]
#[config(prefix = "FUZZ_")]
#[allow(dead_code)]
struct Many {
    /// Password
    #[config(min_len = 16, strength)]
    password: SecretString,
    /// Key
    #[config(min_len = 32, strength = "key", letters_and_digits, recommended)]
    key: Option<SecretString>,
    /// Fernet key
    fernet: FernetKey,
    /// Origins
    #[config(dev_default = "*")]
    origins: CorsOrigins,
    /// Port
    #[config(default = "8000")]
    port: u16,
    /// Offset
    offset: Option<i64>,
    /// Ratio
    #[config(default = "0.5")]
    ratio: f64,
    /// Debug
    #[config(default = "false")]
    debug: bool,
    /// Address
    address: Option<IpAddr>,
    /// Listen
    listen: Option<SocketAddr>,
    /// Path
    path: Option<PathBuf>,
    /// Names
    names: Vec<String>,
    /// Sizes
    sizes: Option<Vec<u32>>,
    /// Initial
    initial: Option<char>,
    /// Text
    #[config(default = "INFO")]
    text: String,
}

const NAMES: [&str; 15] = [
    "FUZZ_PASSWORD",
    "FUZZ_KEY",
    "FUZZ_FERNET",
    "FUZZ_ORIGINS",
    "FUZZ_PORT",
    "FUZZ_OFFSET",
    "FUZZ_RATIO",
    "FUZZ_DEBUG",
    "FUZZ_ADDRESS",
    "FUZZ_LISTEN",
    "FUZZ_PATH",
    "FUZZ_NAMES",
    "FUZZ_SIZES",
    "FUZZ_INITIAL",
    "FUZZ_TEXT",
];

const CONTROL: [&str; 3] = [
    "ENVIRONMENT",
    "QBITEL_AI_ENVIRONMENT",
    "QBITEL_AI_ALLOW_WARNINGS",
];

fuzz_target!(|data: &[u8]| {
    let mut vars = Vars::new();
    // Each line is the next variable's value; an empty line leaves the variable unset.
    let names = CONTROL.iter().chain(NAMES.iter());
    for (name, value) in names.zip(data.split(|&byte| byte == b'\n')) {
        if !value.is_empty() {
            vars.set_bytes(*name, value.to_vec());
        }
    }
    let (_, report) = Many::evaluate(&vars, &LoadOptions::default());
    let _ = format!("{report:?}");
    for check in report.checks() {
        let _ = format!("{check} {check:?} {}", check.message());
    }
    if let Err(error) = Many::load_from(&vars) {
        let _ = format!("{error} {error:?}");
    }
});
