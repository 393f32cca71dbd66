use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
#[config(crate = "qbitel runtime")]
struct Config {
    port: u16,
}

fn main() {}
