use qbitel_runtime::{ProductionConfig, SecretString};

#[derive(ProductionConfig)]
struct Config {
    #[config(hint = "  ")]
    db_password: SecretString,
}

fn main() {}
