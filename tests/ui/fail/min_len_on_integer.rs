use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
struct Config {
    #[config(min_len = 4)]
    port: u16,
}

fn main() {}
