use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
struct Config;

fn main() {}
