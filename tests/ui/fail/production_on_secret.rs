use qbitel_runtime::{ProductionConfig, SecretString};

#[derive(ProductionConfig)]
struct Config {
    #[config(production = "expected-in-production")]
    db_password: SecretString,
}

fn main() {}
