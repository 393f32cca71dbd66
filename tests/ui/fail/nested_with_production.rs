use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
struct Security {
    #[config(default = "true")]
    tls_enabled: bool,
}

#[derive(ProductionConfig)]
struct Config {
    #[config(nested, production = "true")]
    security: Security,
}

fn main() {}
