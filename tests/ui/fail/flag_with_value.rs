use qbitel_runtime::{ProductionConfig, SecretString};

#[derive(ProductionConfig)]
struct Config {
    #[config(recommended = true)]
    api_key: Option<SecretString>,
}

fn main() {}
