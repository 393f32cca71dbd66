use qbitel_runtime::{ProductionConfig, SecretString};

#[derive(ProductionConfig)]
struct Config {
    #[config(recommended, allow = "")]
    api_key: Option<SecretString>,
}

fn main() {}
