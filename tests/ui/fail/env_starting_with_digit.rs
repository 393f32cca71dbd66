use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
struct Config {
    #[config(env = "1PORT")]
    port: u16,
}

fn main() {}
