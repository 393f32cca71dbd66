use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
#[config(prefix = "QBITEL-AI-")]
struct Config {
    port: u16,
    workers: u16,
}

fn main() {}
