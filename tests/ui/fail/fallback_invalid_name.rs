use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
struct Config {
    #[config(fallback = "http.port")]
    port: u16,
}

fn main() {}
