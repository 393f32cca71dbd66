use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
#[config(prefix = "APP_")]
struct Config {
    port: u16,
    #[config(fallback = "APP_PORT")]
    admin_port: u16,
}

fn main() {}
