use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
struct Config(u16);

fn main() {}
