use qbitel_runtime::{ProductionConfig, SecretString};

#[derive(ProductionConfig)]
struct Config {
    #[config(min_len = 16, min_len = 32)]
    db_password: SecretString,
}

fn main() {}
