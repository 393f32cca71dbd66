use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
struct Config {
    #[config(strength)]
    pin: u32,
}

fn main() {}
