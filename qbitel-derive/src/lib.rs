//! `#[derive(ProductionConfig)]`: use it through `qbitel-runtime`, which re-exports it.
//!
//! Three stages, as in `thiserror` and `garde`: [`ast`] parses the attributes with `darling`,
//! [`validate`] checks them against each other and resolves names into a [`validate::Model`],
//! and [`expand`] turns only a valid model into code. Every error of the first two stages is
//! reported in one pass, each at its token, beside a stub impl so that no follow-on errors
//! bury them.
#![forbid(unsafe_code)]

mod ast;
mod attr;
mod check_ids;
mod expand;
mod names;
mod usage;
mod validate;

use proc_macro::TokenStream;

/// Derives `qbitel_runtime::ProductionConfig`; see the `qbitel-runtime` documentation for the
/// `#[config(...)]` attributes.
#[proc_macro_derive(ProductionConfig, attributes(config))]
pub fn derive_production_config(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand::derive(&input).into()
}
