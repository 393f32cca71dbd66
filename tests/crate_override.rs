//! `#[config(crate = "...")]`: a crate that re-exports the runtime under its own path derives
//! through that path.

/// A crate's own facade over the runtime, as a framework would publish it.
mod platform {
    pub mod config {
        pub use qbitel_runtime::*;
    }
}

use platform::config::{ExposeSecret, ProductionConfig, SecretString, Vars};

#[derive(ProductionConfig)]
#[config(crate = "platform::config", prefix = "SVC_")]
struct Config {
    /// Signing key
    #[config(min_len = 32, strength = "key")]
    signing_key: SecretString,
    #[config(default = "3")]
    retries: u8,
}

#[derive(ProductionConfig)]
#[config(crate = "crate::platform::config")]
struct Outer {
    #[config(nested)]
    inner: Config,
}

const KEY: &str = "Zq4vN8tR2wL6yP0sK3xM7bH1cJ5fD9gA";

#[test]
fn loads_through_the_reexported_path() {
    let config = Config::load_from(&Vars::from_pairs([("SVC_SIGNING_KEY", KEY)])).unwrap();
    assert_eq!(config.signing_key.expose_secret(), KEY);
    assert_eq!(config.retries, 3);
    assert_eq!(Config::META.fields()[0].label_text(), "Signing key");
}

#[test]
fn nests_through_the_reexported_path() {
    let vars = Vars::from_pairs([("SVC_SIGNING_KEY", KEY), ("SVC_RETRIES", "5")]);
    let outer = Outer::load_from(&vars).unwrap();
    assert_eq!(outer.inner.retries, 5);
}
