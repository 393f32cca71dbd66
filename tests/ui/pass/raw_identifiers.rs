//! Raw identifiers name their variables without `r#`.
use qbitel_runtime::{ProductionConfig, Vars};

#[derive(ProductionConfig)]
#[config(prefix = "APP_")]
struct Config {
    r#type: String,
    #[config(default = "x")]
    r#match: String,
}

fn main() {
    assert_eq!(Config::META.fields()[0].env(), "APP_TYPE");
    assert_eq!(Config::META.fields()[0].name(), "type");
    let config = Config::load_from(&Vars::from_pairs([("APP_TYPE", "worker")])).unwrap();
    assert_eq!(config.r#type, "worker");
    assert_eq!(config.r#match, "x");
}
