//! CORS origin parsing through the public path: a configuration with a `CorsOrigins` field,
//! loaded from memory in each environment. Never panics; a loaded value round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qbitel_runtime::{CorsOrigins, LoadOptions, ProductionConfig, Vars};

#[derive(ProductionConfig)]
#[config(prefix = "FUZZ_")]
struct Cors {
    /// Allowed origins
    origins: CorsOrigins,
}

fn environment_vars(environment: u8) -> Vars {
    let name = ["production", "development", "staging", "testing"][usize::from(environment % 4)];
    Vars::from_pairs([("ENVIRONMENT", name)])
}

fuzz_target!(|input: (u8, Vec<u8>)| {
    let (environment, raw) = input;
    let mut vars = environment_vars(environment);
    vars.set_bytes("FUZZ_ORIGINS", raw);
    let (value, report) = Cors::evaluate(&vars, &LoadOptions::default());
    let _ = format!("{report:?}");
    for check in report.checks() {
        let _ = format!("{check} {check:?}");
    }
    if let Err(error) = Cors::load_from(&vars) {
        let _ = format!("{error} {error:?}");
    }
    let Some(config) = value else { return };
    // Normalisation is idempotent: every origin kept is allowed as written.
    for origin in config.origins.origins() {
        assert!(
            config.origins.allows(origin),
            "normalised origin not allowed"
        );
    }
    // The displayed list loads back to the same value.
    let shown = config.origins.to_string();
    if shown.is_empty() {
        return;
    }
    let mut again = environment_vars(environment);
    again.set("FUZZ_ORIGINS", shown);
    if let (Some(reloaded), _) = Cors::evaluate(&again, &LoadOptions::default()) {
        assert_eq!(
            reloaded.origins, config.origins,
            "display does not round-trip"
        );
    }
});
