//! A `nested` section takes its names from its own prefix.
use qbitel_runtime::{ProductionConfig, Vars};

#[derive(ProductionConfig)]
#[config(prefix = "DB_")]
struct Database {
    #[config(default = "localhost")]
    host: String,
    port: u16,
}

#[derive(ProductionConfig)]
#[config(prefix = "APP_")]
struct Config {
    /// Database
    #[config(nested, label = "Database connection")]
    database: Database,
    #[config(default = "4")]
    workers: u8,
}

fn main() {
    let nested = Config::META.fields()[0].nested_meta().unwrap();
    assert_eq!(nested.name(), "Database");
    assert_eq!(Config::META.fields()[0].label_text(), "Database connection");
    let config = Config::load_from(&Vars::from_pairs([("DB_PORT", "5432")])).unwrap();
    assert_eq!(config.database.host, "localhost");
    assert_eq!(config.database.port, 5432);
    assert_eq!(config.workers, 4);
}
