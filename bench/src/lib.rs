//! The design document's configuration (`qbitel::AppConfig`) declared once per crate under
//! comparison, the data they all load, and two hand-written loaders that are the floors.
//!
//! Every loader finds the same thirteen variables (the environment, five secrets, CORS
//! origins, database URL, port, workers, debug, log level, timeout) and parses them into the
//! same Rust types. The peers and the minimal floor read one variable per field and validate
//! nothing; qbitel and the floor proper make the same 38 reads (every name's `NAME_FILE`, a
//! secret's fallback even when its primary is set, the control variables) and parse the
//! Fernet key and the origins; only qbitel also checks the values and reports.
#![forbid(unsafe_code)]

pub mod data;
pub mod floor;
pub mod peers;
pub mod qbitel;
