use qbitel_runtime::{ProductionConfig, SecretString};

#[derive(ProductionConfig)]
struct Config {
    #[config(strength = "strong")]
    db_password: SecretString,
}

fn main() {}
