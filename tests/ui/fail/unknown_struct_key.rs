use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
#[config(prefx = "APP_")]
struct Config {
    port: u16,
}

fn main() {}
