//! Stage three: code from a validated model. The generated code is thin: a static field table
//! and one runtime call per field; every path is absolute.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::attr::StrengthKind;
use crate::validate::{self, FieldModel, Model};

/// The derive's output: the impl, or the errors beside a stub impl.
pub(crate) fn derive(input: &syn::DeriveInput) -> TokenStream {
    match validate::validate(input) {
        Ok(model) => expand(&model),
        Err(error) => {
            let errors = error.write_errors();
            let stub = stub(input);
            quote! { #errors #stub }
        }
    }
}

/// An impl that compiles whatever the attributes said, so that the user sees only the real
/// errors, not "trait not implemented" everywhere the type is used.
fn stub(input: &syn::DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let krate: syn::Path = syn::parse_quote!(::qbitel_runtime);
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
    let assertions = fields.iter().map(|field| assertions(krate, field));
    let locals: Vec<_> = (0..fields.len()).map(|i| format_ident!("__field_{}", i)).collect();
    let loads = fields.iter().zip(&locals).enumerate().map(|(index, (field, local))| {
        let ty = &field.ty;
        let method = if field.nested { quote!(nested) } else { quote!(field) };
        quote! {
            let #local = __loader.#method::<#ty>(
                &<Self as #krate::ProductionConfig>::META.fields()[#index],
            );
        }
    });
    let idents = fields.iter().map(|field| &field.ident);
    quote! {
        #[automatically_derived]
        #[allow(unused_qualifications)]
        impl #krate::ProductionConfig for #ident {
            const META: &'static #krate::__private::ConfigMeta = {
                const FIELDS: &[#krate::__private::FieldMeta] = &[#(#metas),*];
                &#krate::__private::ConfigMeta::new(#name, FIELDS)
            };

            fn __load(
                __loader: &mut #krate::__private::Loader<'_>,
            ) -> ::core::option::Option<Self> {
                #(#assertions)*
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
    if let Some(hint) = &field.hint {
        add(quote!(hint(#hint)));
    }
    if !field.allow.is_empty() {
        let allow = &field.allow;
        add(quote!(allow(&[#(#allow),*])));
    }
    meta
}

/// Trait-bound checks spanned at the field's type, so that misuse (`min_len` on an integer,
/// `default` on a secret) is a compile error pointing there, with the runtime's explanation.
fn assertions(krate: &syn::Path, field: &FieldModel) -> TokenStream {
    let ty = &field.ty;
    let span = ty.span();
    if field.nested {
        return quote_spanned!(span=> let _ = #krate::__private::assert_nested::<#ty>;);
    }
    let mut checks = vec![quote_spanned!(span=> #krate::__private::assert_field::<#ty>)];
    if field.needs_text() {
        checks.push(quote_spanned!(span=> #krate::__private::assert_text::<#ty>));
    }
    if field.default.is_some() {
        checks.push(quote_spanned!(span=> #krate::__private::assert_plain::<#ty>));
    }
    if field.required || field.recommended {
        checks.push(quote_spanned!(span=> #krate::__private::assert_optional::<#ty>));
    }
    quote! { #(let _ = #checks;)* }
}
