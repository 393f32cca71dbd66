use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
struct Config {
    #[config(env = "")]
    port: u16,
}

fn main() {}
