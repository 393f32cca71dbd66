use qbitel_runtime::{ProductionConfig, SecretString};

#[derive(ProductionConfig)]
struct Config {
    #[config]
    db_password: SecretString,
}

fn main() {}
