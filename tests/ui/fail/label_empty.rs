use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
struct Config {
    #[config(label = "")]
    port: u16,
}

fn main() {}
