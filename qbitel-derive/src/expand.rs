//! Stage three: code from a validated model. The generated code is thin: a static field table
//! and one runtime call per field; every path is absolute.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::attr::StrengthKind;
use crate::validate::{self, FieldModel, Model, Rejected};

/// The derive's output: the impl, or the errors beside a stub impl.
pub(crate) fn derive(input: &syn::DeriveInput) -> TokenStream {
    match validate::validate(input) {
        Ok(model) => expand(&model),
        Err(rejected) => {
            let Rejected { error, krate } = *rejected;
            let errors = error.write_errors();
            let krate = krate.unwrap_or_else(validate::default_crate);
            let stub = stub(input, &krate);
            quote! { #errors #stub }
        }
    }
}

/// An impl that compiles whatever the attributes said, so that the user sees only the real
/// errors, not "trait not implemented" everywhere the type is used. It names the runtime by
/// the user's `crate = "..."` when that parsed, since `::qbitel_runtime` may not be a
/// dependency of a crate that re-exports it.
fn stub(input: &syn::DeriveInput, krate: &syn::Path) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, type_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::ProductionConfig for #ident #type_generics #where_clause {
            const META: &'static #krate::__private::ConfigMeta =
                &#krate::__private::ConfigMeta::new(::core::stringify!(#ident), &[]);
            fn __load(
                _: &mut #krate::__private::Loader<'_>,
            ) -> ::core::option::Option<Self> {
                ::core::option::Option::None
            }
        }
    }
}

fn expand(model: &Model) -> TokenStream {
    let Model {
        ident,
        krate,
        fields,
    } = model;
    let name = ident.to_string();
    let metas = fields.iter().map(|field| field_meta(krate, field));
    let type_checks: Vec<_> = fields
        .iter()
        .map(|field| type_check(krate, field))
        .collect();
    let rule_checks = fields.iter().map(|field| rule_checks(krate, field));
    let locals: Vec<_> = (0..fields.len())
        .map(|i| format_ident!("__field_{}", i))
        .collect();
    let loads = fields
        .iter()
        .zip(&locals)
        .enumerate()
        .map(|(index, (field, local))| {
            let ty = &field.ty;
            let method = if field.nested {
                quote!(nested)
            } else {
                quote!(field)
            };
            let meta = quote!(&<Self as #krate::ProductionConfig>::META.fields()[#index]);
            // Only fields with `production` need `PartialEq`, so only they call the rule.
            let production = field
                .production
                .as_ref()
                .map(|_| quote!(__loader.production_rule::<#ty>(#meta, &#local);));
            quote! {
                let #local = __loader.#method::<#ty>(#meta);
                #production
            }
        });
    let idents = fields.iter().map(|field| &field.ident);
    quote! {
        #[automatically_derived]
        #[allow(unused_qualifications)]
        impl #krate::ProductionConfig for #ident {
            const META: &'static #krate::__private::ConfigMeta = {
                const FIELDS: &[#krate::__private::FieldMeta] = {
                    #(#type_checks)*
                    &[#(#metas),*]
                };
                &#krate::__private::ConfigMeta::new(#name, FIELDS)
            };

            fn __load(
                __loader: &mut #krate::__private::Loader<'_>,
            ) -> ::core::option::Option<Self> {
                #(#type_checks)*
                #(#rule_checks)*
                #(#loads)*
                ::core::option::Option::Some(Self {
                    #(#idents: #locals?,)*
                })
            }
        }
    }
}

fn field_meta(krate: &syn::Path, field: &FieldModel) -> TokenStream {
    let name = field.ident.to_string();
    let name = name.strip_prefix("r#").unwrap_or(&name);
    let env = &field.env;
    let label = &field.label;
    let mut meta = quote! {
        #krate::__private::FieldMeta::new(#name, #env).label(#label)
    };
    let mut add = |tokens: TokenStream| meta.extend(quote!(.#tokens));
    let ty = &field.ty;
    if field.nested {
        add(quote!(nested(<#ty as #krate::ProductionConfig>::META)));
    } else {
        add(quote!(typed(
            <#ty as #krate::__private::FieldType>::KIND,
            <#ty as #krate::__private::FieldType>::OPTIONAL,
        )));
    }
    if !field.fallbacks.is_empty() {
        let fallbacks = &field.fallbacks;
        add(quote!(fallbacks(&[#(#fallbacks),*])));
    }
    if !field.description.is_empty() {
        let description = &field.description;
        add(quote!(description(#description)));
    }
    if let Some(min_len) = field.min_len {
        add(quote!(min_len(#min_len)));
    }
    if let Some(kind) = field.strength {
        let kind = match kind {
            StrengthKind::Password => quote!(Password),
            StrengthKind::Key => quote!(Key),
        };
        add(quote!(strength(#krate::__private::SecretKind::#kind)));
    }
    if field.letters_and_digits {
        add(quote!(letters_and_digits()));
    }
    if field.required {
        add(quote!(required()));
    }
    if field.recommended {
        add(quote!(recommended()));
    }
    if let Some(default) = &field.default {
        add(quote!(default(#default)));
    }
    if let Some(default) = &field.dev_default {
        add(quote!(dev_default(#default)));
    }
    if let Some(required) = &field.production {
        add(quote!(production(#required)));
    }
    if let Some(hint) = &field.hint {
        add(quote!(hint(#hint)));
    }
    if !field.allow.is_empty() {
        let allow = &field.allow;
        add(quote!(allow(&[#(#allow),*])));
    }
    meta
}

/// The check that a field's type can be a field at all (`FieldType`, or `ProductionConfig` for
/// `nested`), spanned at the type. Both the field table and `__load` need the bound; each
/// starts with this same check so that rustc reports one identical error once, not one per
/// item.
fn type_check(krate: &syn::Path, field: &FieldModel) -> TokenStream {
    let ty = &field.ty;
    if field.nested {
        quote_spanned!(ty.span()=> let _ = #krate::__private::assert_nested::<#ty>;)
    } else {
        quote_spanned!(ty.span()=> let _ = #krate::__private::assert_field::<#ty>;)
    }
}

/// Trait-bound checks spanned at the field's type, so that misuse (`min_len` on an integer,
/// `default` on a secret) is a compile error pointing there, with the runtime's explanation.
fn rule_checks(krate: &syn::Path, field: &FieldModel) -> TokenStream {
    let ty = &field.ty;
    let span = ty.span();
    let mut checks = Vec::new();
    if field.needs_text() {
        checks.push(quote_spanned!(span=> #krate::__private::assert_text::<#ty>));
    }
    if field.production.is_some() {
        // Implies `PlainValue`: a secret gets one error, not two.
        checks.push(quote_spanned!(span=> #krate::__private::assert_comparable::<#ty>));
    } else if field.default.is_some() {
        checks.push(quote_spanned!(span=> #krate::__private::assert_plain::<#ty>));
    }
    if field.required || field.recommended {
        checks.push(quote_spanned!(span=> #krate::__private::assert_optional::<#ty>));
    }
    quote! { #(let _ = #checks;)* }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stub_names_the_given_runtime_path() {
        let input: syn::DeriveInput = syn::parse_quote! {
            #[config(crate = "my::runtime")]
            struct C {
                #[config(min_len = 0)]
                a: String,
            }
        };
        let output = derive(&input).to_string();
        assert!(output.contains("compile_error"), "{output}");
        assert!(
            output.contains("impl my :: runtime :: ProductionConfig for C"),
            "{output}"
        );
        assert!(!output.contains("qbitel_runtime"), "{output}");
    }

    #[test]
    fn stub_defaults_to_the_runtime_crate() {
        let input: syn::DeriveInput = syn::parse_quote!(
            enum C {
                A,
            }
        );
        let output = derive(&input).to_string();
        assert!(
            output.contains("impl :: qbitel_runtime :: ProductionConfig for C"),
            "{output}"
        );
    }
}
