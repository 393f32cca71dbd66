use qbitel_runtime::{ProductionConfig, SecretString};

#[derive(ProductionConfig)]
struct Config {
    #[config(required, recommended)]
    api_key: Option<SecretString>,
}

fn main() {}
