use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
struct Config {
    #[config(default = "8000", required)]
    port: Option<u16>,
}

fn main() {}
