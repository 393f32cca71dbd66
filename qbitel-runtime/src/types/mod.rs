//! Field types with rules of their own.

mod cors;
mod fernet;

pub use cors::CorsOrigins;
pub use fernet::FernetKey;
