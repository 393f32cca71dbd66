use qbitel_runtime::{ProductionConfig, SecretString};

#[derive(ProductionConfig)]
#[config(prefix = "QBITEL_AI_")]
struct Config {
    #[config(fallback = "PASSWORD")]
    db_password: SecretString,
    #[config(fallback = "PASSWORD")]
    redis_password: SecretString,
}

fn main() {}
