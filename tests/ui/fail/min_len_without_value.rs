use qbitel_runtime::{ProductionConfig, SecretString};

#[derive(ProductionConfig)]
struct Config {
    #[config(min_len)]
    db_password: SecretString,
}

fn main() {}
