use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
struct Config {
    #[config = "PORT"]
    port: u16,
}

fn main() {}
