//! The production readiness checker: the design document's report, as text or JSON, and the
//! command line a service calls from its own binary.
//!
//! ```no_run
//! # #[cfg(feature = "cli")]
//! # fn main() -> std::process::ExitCode {
//! # use qbitel_runtime::{ProductionConfig, SecretString};
//! # #[derive(ProductionConfig)]
//! # struct AppConfig { db_password: SecretString }
//! qbitel_runtime::check::main::<AppConfig>()
//! # }
//! # #[cfg(not(feature = "cli"))]
//! # fn main() {}
//! ```
//!
//! Without the `cli` feature, [`render_text`] and (with `json`) [`to_json`] turn any
//! [`Report`](crate::Report) into the same output. `docs/CHECKER.md` documents the layout,
//! the JSON schema, the exit codes and every check id.

#[cfg(feature = "cli")]
mod cli;
mod env_example;
mod generate;
#[cfg(feature = "json")]
mod json;
mod sections;
mod text;
mod verdict;

#[cfg(feature = "cli")]
pub use cli::{Exit, Streams, main, run};
pub use env_example::env_example;
pub use generate::{GeneratedSecret, generate_secrets};
#[cfg(feature = "json")]
pub use json::{SCHEMA_VERSION, to_json, to_json_with};
pub use sections::Section;
pub use text::{TextOptions, render_text};
pub use verdict::{FailOn, Verdict};
