use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
#[config(prefix = "APP_")]
struct Config {
    #[config(fallback = "APP_PORT")]
    port: u16,
}

fn main() {}
