use qbitel_runtime::{ProductionConfig, SecretString};

#[derive(ProductionConfig)]
struct Config {
    #[config(recommended)]
    api_key: SecretString,
}

fn main() {}
