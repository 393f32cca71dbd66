use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
struct Config {
    #[config(fallback = "HTTP_PORT", fallback = "HTTP_PORT")]
    port: u16,
}

fn main() {}
