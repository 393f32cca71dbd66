use qbitel_runtime::{ProductionConfig, SecretString};

#[derive(ProductionConfig)]
struct Config {
    #[config(required)]
    redis_password: SecretString,
}

fn main() {}
