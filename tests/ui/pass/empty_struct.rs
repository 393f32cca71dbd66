//! A struct with no fields is a valid, always-ready configuration.
use qbitel_runtime::{ProductionConfig, Vars};

#[derive(ProductionConfig)]
struct Config {}

fn main() {
    assert!(Config::META.fields().is_empty());
    Config::load_from(&Vars::new()).unwrap();
}
