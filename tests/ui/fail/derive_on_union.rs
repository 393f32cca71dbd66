use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
union Config {
    port: u16,
    workers: u32,
}

fn main() {}
