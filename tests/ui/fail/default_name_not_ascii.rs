use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
struct Config {
    café_url: String,
}

fn main() {}
