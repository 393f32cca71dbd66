use qbitel_runtime::{ProductionConfig, SecretString};

#[derive(ProductionConfig)]
struct Config {
    #[config(default = "hunter2hunter2hunter2")]
    db_password: SecretString,
}

fn main() {}
