use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
struct Config {
    #[config(env = "PORT=8000")]
    port: u16,
}

fn main() {}
