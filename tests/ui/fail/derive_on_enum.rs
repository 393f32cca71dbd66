use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
enum Config {
    Development,
    Production,
}

fn main() {}
