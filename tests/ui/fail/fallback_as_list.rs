use qbitel_runtime::{ProductionConfig, SecretString};

#[derive(ProductionConfig)]
struct Config {
    #[config(fallback = ["DATABASE_PASSWORD", "DB_PASSWORD"])]
    db_password: SecretString,
}

fn main() {}
