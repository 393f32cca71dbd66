//! Errors are accumulated: every misuse in one derive is reported in one compilation.
use qbitel_runtime::{ProductionConfig, SecretString};

#[derive(ProductionConfig)]
#[config(prefix = "APP_")]
struct Config {
    #[config(min_len = "16", strenght)]
    db_password: SecretString,
    #[config(env = "HTTP PORT")]
    port: u16,
    #[config(env = "APP_DB_PASSWORD")]
    other: String,
}

fn main() {}
