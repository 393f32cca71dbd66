//! Stage two: check how the parsed options combine, resolve names, and produce the model that
//! `expand` turns into code. Every problem is collected; none stops the others being found.

use std::collections::HashMap;

use darling::error::Accumulator;
use darling::util::SpannedValue;
use darling::{Error, FromDeriveInput, FromField};
use proc_macro2::Span;

use crate::ast::{Container, Field};
use crate::attr::{CratePath, StrengthKind};
use crate::{check_ids, names, usage};

/// A validated configuration struct.
pub(crate) struct Model {
    pub(crate) ident: syn::Ident,
    pub(crate) krate: syn::Path,
    pub(crate) fields: Vec<FieldModel>,
}

/// A validated field, with its names resolved.
pub(crate) struct FieldModel {
    pub(crate) ident: syn::Ident,
    pub(crate) ty: syn::Type,
    pub(crate) env: String,
    pub(crate) fallbacks: Vec<String>,
    pub(crate) label: String,
    pub(crate) description: String,
    pub(crate) min_len: Option<usize>,
    pub(crate) strength: Option<StrengthKind>,
    pub(crate) letters_and_digits: bool,
    pub(crate) required: bool,
    pub(crate) recommended: bool,
    pub(crate) default: Option<String>,
    pub(crate) dev_default: Option<String>,
    pub(crate) production: Option<String>,
    pub(crate) hint: Option<String>,
    pub(crate) allow: Vec<String>,
    pub(crate) nested: bool,
}

impl FieldModel {
    /// Whether `min_len`, `strength` or `letters_and_digits` need the type to be text.
    pub(crate) fn needs_text(&self) -> bool {
        self.min_len.is_some() || self.strength.is_some() || self.letters_and_digits
    }
}

/// Why the input was rejected: every error, and the runtime path when `crate = "..."` parsed,
/// for the stub impl.
pub(crate) struct Rejected {
    pub(crate) error: Error,
    pub(crate) krate: Option<syn::Path>,
}

/// The crate path of the runtime when no `crate = "..."` is given.
pub(crate) fn default_crate() -> syn::Path {
    syn::parse_quote!(::qbitel_runtime)
}

/// Parses and validates; the error holds every problem found.
pub(crate) fn validate(input: &syn::DeriveInput) -> Result<Model, Box<Rejected>> {
    let mut errors = Error::accumulator();
    check_bare_attributes(&input.attrs, &mut errors);
    let container = errors.handle(Container::from_derive_input(input).map_err(usage::explain));
    let krate = container
        .as_ref()
        .and_then(|c| c.krate.clone())
        .map(|CratePath(path)| path);
    let reject = |errors: Accumulator| Rejected {
        error: errors.finish().err().unwrap_or_else(|| {
            Error::custom("`ProductionConfig` can only be derived for a struct with named fields")
        }),
        krate: krate.clone(),
    };

    let Some(fields) = named_fields(input, &mut errors) else {
        return Err(Box::new(reject(errors)));
    };
    if !input.generics.params.is_empty() {
        errors.push(
            Error::custom(
                "`ProductionConfig` cannot be derived for a generic struct: a configuration is \
                 one concrete type; use concrete field types",
            )
            .with_span(&input.generics),
        );
    }
    let prefix = container.as_ref().and_then(|c| c.prefix.as_ref());
    let prefix_valid = prefix.is_none_or(|prefix| check_prefix(prefix, &mut errors));
    let names = Names {
        prefix: prefix.map_or(String::new(), |p| (**p).clone()),
        defaults_known: container.is_some() && prefix_valid,
        seen: HashMap::new(),
    };
    let models = validate_fields(fields, names, &mut errors);
    match (errors.finish(), container) {
        (Ok(()), Some(_)) => Ok(Model {
            ident: input.ident.clone(),
            krate: krate.unwrap_or_else(default_crate),
            fields: models,
        }),
        (result, _) => Err(Box::new(Rejected {
            error: result
                .err()
                .unwrap_or_else(|| Error::custom("invalid `#[config]`")),
            krate,
        })),
    }
}

fn validate_fields(
    fields: &syn::FieldsNamed,
    mut names: Names,
    errors: &mut Accumulator,
) -> Vec<FieldModel> {
    let mut models = Vec::new();
    for field in &fields.named {
        if !check_bare_attributes(&field.attrs, errors) {
            continue;
        }
        let Some(field) = errors.handle(Field::from_field(field).map_err(usage::explain)) else {
            continue;
        };
        if let Some(model) = validate_field(field, &mut names, errors) {
            models.push(model);
        }
    }
    models
}

/// The named fields, or one error at the keyword for enums, unions, tuple and unit structs.
fn named_fields<'a>(
    input: &'a syn::DeriveInput,
    errors: &mut Accumulator,
) -> Option<&'a syn::FieldsNamed> {
    const HELP: &str = "`ProductionConfig` can only be derived for a struct with named fields, \
                        one field per setting";
    let (what, span) = match &input.data {
        syn::Data::Struct(data) => match &data.fields {
            syn::Fields::Named(fields) => return Some(fields),
            syn::Fields::Unnamed(_) => ("a tuple struct", data.struct_token.span),
            syn::Fields::Unit => ("a unit struct", data.struct_token.span),
        },
        syn::Data::Enum(data) => ("an enum", data.enum_token.span),
        syn::Data::Union(data) => ("a union", data.union_token.span),
    };
    errors.push(Error::custom(format!("{HELP}, not {what}")).with_span(&span));
    None
}

/// `#[config]` and `#[config = ...]` carry no options; darling would ignore the first silently.
/// Returns whether every `config` attribute has the list form.
fn check_bare_attributes(attrs: &[syn::Attribute], errors: &mut Accumulator) -> bool {
    let mut ok = true;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("config")) {
        if !matches!(attr.meta, syn::Meta::List(_)) {
            ok = false;
            errors.push(
                Error::custom(
                    "`#[config]` takes its options in parentheses, such as \
                     `#[config(min_len = 16)]`; remove it if the field needs none",
                )
                .with_span(&attr.meta),
            );
        }
    }
    ok
}

/// A prefix is the start of every default name, so it must itself be a valid name.
fn check_prefix(prefix: &SpannedValue<String>, errors: &mut Accumulator) -> bool {
    if prefix.is_empty() {
        return true;
    }
    match names::invalid_reason(prefix) {
        Some(reason) => {
            errors.push(
                Error::custom(format!("invalid `prefix`: {reason}")).with_span(&prefix.span()),
            );
            false
        }
        None => true,
    }
}

/// The variable names of the struct so far.
struct Names {
    prefix: String,
    /// Whether default names can be checked: not when the struct's attribute or its prefix is
    /// already reported invalid, which would repeat that error once per field or report
    /// clashes with names the user did not mean.
    defaults_known: bool,
    /// Each variable name, with the field that uses it.
    seen: HashMap<String, String>,
}

impl Names {
    /// Records a variable name; a name used twice in one struct is an error at the second use.
    fn register(&mut self, name: &str, span: Span, field: &str, errors: &mut Accumulator) {
        if let Some(owner) = self.seen.get(name) {
            let whose = if owner == field {
                "this field".to_owned()
            } else {
                format!("field `{owner}`")
            };
            errors.push(
                Error::custom(format!(
                    "variable `{name}` is already used by {whose}; each variable may feed one \
                     field"
                ))
                .with_span(&span),
            );
        } else {
            self.seen.insert(name.to_owned(), field.to_owned());
        }
    }
}

fn validate_field(field: Field, names: &mut Names, errors: &mut Accumulator) -> Option<FieldModel> {
    let ident = field.ident.clone()?;
    let field_name = ident.to_string();
    check_texts(&field, errors);
    if field.nested.is_present() {
        return Some(validate_nested(field, ident, errors));
    }

    // Without a known default name, name checks would report clashes the user did not write.
    let env = match &field.env {
        Some(env) => {
            check_name(env, env.span(), errors);
            Some((**env).clone())
        }
        None if names.defaults_known => {
            let name = names::default_name(&names.prefix, &field_name);
            if let Some(reason) = names::invalid_reason(&name) {
                errors.push(
                    Error::custom(format!(
                        "the default variable name of `{field_name}` is not valid: {reason}; \
                         set `env = \"NAME\"`"
                    ))
                    .with_span(&ident),
                );
            }
            Some(name)
        }
        None => None,
    };
    if let Some(env) = &env {
        let env_span = field.env.as_ref().map_or(ident.span(), SpannedValue::span);
        names.register(env, env_span, &field_name, errors);
    }

    for fallback in &field.fallback {
        check_name(fallback, fallback.span(), errors);
        if env.as_deref() == Some(fallback.as_str()) {
            errors.push(
                Error::custom(format!(
                    "fallback `{}` is this field's own primary name; a fallback must be another \
                     variable",
                    **fallback
                ))
                .with_span(&fallback.span()),
            );
            continue;
        }
        names.register(fallback, fallback.span(), &field_name, errors);
    }

    check_combinations(&field, errors);
    for allowed in &field.allow {
        if let Some(reason) = check_ids::unknown_reason(allowed) {
            errors.push(Error::custom(reason).with_span(&allowed.span()));
        }
    }

    let (label, description) = label_and_description(&field, &field_name);
    Some(FieldModel {
        ident,
        ty: field.ty.clone(),
        env: env.unwrap_or_default(),
        fallbacks: field.fallback.iter().map(|f| (**f).clone()).collect(),
        label,
        description,
        min_len: field.min_len.map(|m| m.value),
        strength: field.strength.as_ref().map(|s| **s),
        letters_and_digits: field.letters_and_digits.is_present(),
        required: field.required.is_present(),
        recommended: field.recommended.is_present(),
        default: field.default.as_ref().map(|d| (**d).clone()),
        dev_default: field.dev_default.as_ref().map(|d| (**d).clone()),
        production: field.production.as_ref().map(|p| (**p).clone()),
        hint: field.hint.as_ref().map(|h| (**h).clone()),
        allow: field.allow.iter().map(|a| (**a).clone()).collect(),
        nested: false,
    })
}

/// `label` and `hint` are shown to people; an empty one would print a blank.
fn check_texts(field: &Field, errors: &mut Accumulator) {
    let texts = [
        (&field.label, "label", "the field's human name"),
        (&field.hint, "hint", "a line to add to the field's messages"),
    ];
    for (text, option, what) in texts {
        if let Some(text) = text.as_ref().filter(|text| text.trim().is_empty()) {
            errors.push(
                Error::custom(format!(
                    "`{option}` is empty; write {what}, or remove `{option}`"
                ))
                .with_span(&text.span()),
            );
        }
    }
}

/// The label (`label`, else the doc comment's first line, else the field name) and the
/// description (the rest of the doc comment).
fn label_and_description(field: &Field, field_name: &str) -> (String, String) {
    let (doc_label, description) = doc_text(&field.attrs);
    let label = field
        .label
        .as_ref()
        .map(|label| label.trim().to_owned())
        .or(doc_label)
        .unwrap_or_else(|| names::label_from_ident(field_name));
    (label, description)
}

/// A `nested` field takes its names and rules from the nested struct: any other option here
/// would be silently ignored, so each is an error.
fn validate_nested(field: Field, ident: syn::Ident, errors: &mut Accumulator) -> FieldModel {
    let mut reject = |span: Option<Span>, option: &str| {
        if let Some(span) = span {
            errors.push(
                Error::custom(format!(
                    "`{option}` has no effect on a `nested` field; set it on the fields of the \
                     nested struct"
                ))
                .with_span(&span),
            );
        }
    };
    let flag = |flag: &darling::util::Flag| flag.is_present().then(|| flag.span());
    reject(field.env.as_ref().map(SpannedValue::span), "env");
    for fallback in &field.fallback {
        reject(Some(fallback.span()), "fallback");
    }
    reject(field.min_len.map(|m| m.span), "min_len");
    reject(field.strength.as_ref().map(SpannedValue::span), "strength");
    reject(flag(&field.letters_and_digits), "letters_and_digits");
    reject(flag(&field.required), "required");
    reject(flag(&field.recommended), "recommended");
    reject(field.default.as_ref().map(SpannedValue::span), "default");
    reject(
        field.dev_default.as_ref().map(SpannedValue::span),
        "dev_default",
    );
    reject(
        field.production.as_ref().map(SpannedValue::span),
        "production",
    );
    reject(field.hint.as_ref().map(SpannedValue::span), "hint");
    for allowed in &field.allow {
        reject(Some(allowed.span()), "allow");
    }
    let (label, description) = label_and_description(&field, &ident.to_string());
    FieldModel {
        ident,
        ty: field.ty,
        env: String::new(),
        fallbacks: Vec::new(),
        label,
        description,
        min_len: None,
        strength: None,
        letters_and_digits: false,
        required: false,
        recommended: false,
        default: None,
        dev_default: None,
        production: None,
        hint: None,
        allow: Vec::new(),
        nested: true,
    }
}

fn check_name(name: &str, span: Span, errors: &mut Accumulator) {
    if let Some(reason) = names::invalid_reason(name) {
        errors.push(Error::custom(format!("invalid variable name: {reason}")).with_span(&span));
    }
}

/// Options that contradict each other.
fn check_combinations(field: &Field, errors: &mut Accumulator) {
    let default_span = field.default.as_ref().map(SpannedValue::span);
    let mut conflict = |present: bool, span: Option<Span>, message: &str| {
        if let (true, Some(span)) = (present, span) {
            errors.push(Error::custom(message).with_span(&span));
        }
    };
    conflict(
        field.recommended.is_present(),
        default_span,
        "`default` and `recommended` contradict each other: a field with a default is never \
         missing; remove one",
    );
    conflict(
        field.required.is_present(),
        default_span,
        "`default` and `required` contradict each other: a field with a default is never \
         missing; remove one",
    );
    conflict(
        field.dev_default.is_some(),
        default_span,
        "`default` and `dev_default` together: `default` applies everywhere, so `dev_default` \
         would never be used; keep one",
    );
    conflict(
        field.required.is_present() && field.recommended.is_present(),
        Some(field.recommended.span()),
        "`required` and `recommended` together: `required` already covers production; keep one",
    );
}

/// The doc comment: the first line is the label, the rest the description.
fn doc_text(attrs: &[syn::Attribute]) -> (Option<String>, String) {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"))
        .filter_map(|attr| match &attr.meta {
            syn::Meta::NameValue(syn::MetaNameValue {
                value:
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(text),
                        ..
                    }),
                ..
            }) => Some(text.value().trim().to_owned()),
            _ => None,
        })
        .collect();
    let mut lines = lines.into_iter().skip_while(String::is_empty);
    let label = lines
        .next()
        .map(|line| line.trim_end_matches('.').to_owned())
        .filter(|line| !line.is_empty());
    let description = lines.collect::<Vec<_>>().join(" ").trim().to_owned();
    (label, description)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(item: syn::ItemStruct) -> Vec<syn::Attribute> {
        item.fields.into_iter().next().unwrap().attrs
    }

    #[test]
    fn doc_comment_gives_label_and_description() {
        let item: syn::ItemStruct = syn::parse_quote! {
            struct C {
                ///
                /// Database password.
                ///
                /// Not the URL: that is
                /// `database_url`.
                f: u8,
            }
        };
        let (label, description) = doc_text(&attrs(item));
        assert_eq!(label.as_deref(), Some("Database password"));
        assert_eq!(description, "Not the URL: that is `database_url`.");
    }

    #[test]
    fn no_doc_comment_no_label() {
        let item: syn::ItemStruct = syn::parse_quote!(
            struct C {
                f: u8,
            }
        );
        assert_eq!(doc_text(&attrs(item)), (None, String::new()));
    }

    fn validate_ok(input: syn::DeriveInput) -> Model {
        validate(&input).ok().unwrap()
    }

    fn validate_err(input: syn::DeriveInput) -> Rejected {
        *validate(&input).err().unwrap()
    }

    #[test]
    fn names_are_resolved_with_the_prefix() {
        let model = validate_ok(syn::parse_quote! {
            #[config(prefix = "APP_")]
            struct C {
                /// HTTP port
                #[config(fallback = "PORT")]
                port: u16,
                #[config(env = "WORKERS")]
                r#workers: u16,
            }
        });
        assert_eq!(model.fields[0].env, "APP_PORT");
        assert_eq!(model.fields[0].fallbacks, ["PORT"]);
        assert_eq!(model.fields[0].label, "HTTP port");
        assert_eq!(model.fields[1].env, "WORKERS");
        assert_eq!(model.fields[1].label, "Workers");
    }

    #[test]
    fn errors_accumulate_across_fields() {
        let rejected = validate_err(syn::parse_quote! {
            struct C {
                #[config(min_len = "16")]
                a: String,
                #[config(env = "B C")]
                b: String,
                #[config(label = "")]
                c: String,
            }
        });
        assert_eq!(rejected.error.len(), 3);
    }

    #[test]
    fn rejected_input_keeps_a_valid_crate_path() {
        let rejected = validate_err(syn::parse_quote! {
            #[config(crate = "my::runtime")]
            struct C {
                #[config(min_len = 0)]
                a: String,
            }
        });
        let krate = rejected.krate.unwrap();
        assert_eq!(quote::quote!(#krate).to_string(), "my :: runtime");
    }
}
