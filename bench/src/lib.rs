//! The design document's configuration (`qbitel::AppConfig`) declared once per crate under
//! comparison, the data they all load, and a hand-written loader that is the floor.
//!
//! Every loader reads the same thirteen variables (the environment, five secrets, CORS origins,
//! database URL, port, workers, debug, log level, timeout) and parses them into the same Rust
//! types; only qbitel also checks them.
#![forbid(unsafe_code)]

pub mod data;
pub mod floor;
pub mod peers;
pub mod qbitel;
