use qbitel_runtime::ProductionConfig;

#[derive(ProductionConfig)]
#[config(prefix = "DB_")]
struct Database {
    port: u16,
}

#[derive(ProductionConfig)]
struct Config {
    #[config(nested, env = "DATABASE")]
    database: Database,
}

fn main() {}
