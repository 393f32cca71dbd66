use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
#[config(prefix = "DB_")]
struct Database {
    port: u16,
}

#[derive(ProductionConfig)]
struct Config {
    #[config(nested, allow = "value.present")]
    database: Database,
}

fn main() {}
