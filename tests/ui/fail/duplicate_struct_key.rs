use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
#[config(prefix = "APP_", prefix = "SERVICE_")]
struct Config {
    port: u16,
}

fn main() {}
