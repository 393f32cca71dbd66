//! The derive's compile-time checks: each `tests/ui/fail/*.rs` is one misuse, named for it, and
//! its `.stderr` is the one error the user sees; each `tests/ui/pass/*.rs` compiles and runs.
//!
//! Regenerate the expected output with `TRYBUILD=overwrite cargo test --test ui`, then read
//! every changed `.stderr`.

#[test]
fn derive_diagnostics() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/fail/*.rs");
    cases.pass("tests/ui/pass/*.rs");
}
