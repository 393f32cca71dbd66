//! The strength estimator on any text: never panics, and its verdict is consistent.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qbitel_runtime::strength::{SecretKind, estimate};

fuzz_target!(|secret: &str| {
    for kind in [SecretKind::Password, SecretKind::Key] {
        let strength = estimate(secret, kind);
        // Formatting is an output path too: it must not panic either.
        let _ = format!("{strength:?}");
    }
});
