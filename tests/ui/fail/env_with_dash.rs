use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
struct Config {
    #[config(env = "HTTP-PORT")]
    port: u16,
}

fn main() {}
