use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
struct Config {
    #[config(default = "8000", dev_default = "8080")]
    port: u16,
}

fn main() {}
