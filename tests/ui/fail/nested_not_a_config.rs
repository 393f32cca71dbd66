use qbitel_runtime::ProductionConfig;

struct Database {
    port: u16,
}

#[derive(ProductionConfig)]
struct Config {
    #[config(nested)]
    database: Database,
}

fn main() {}
