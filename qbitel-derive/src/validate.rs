//! Stage two: check how the parsed options combine, resolve names, and produce the model that
//! `expand` turns into code. Every problem is collected; none stops the others being found.

use std::collections::HashMap;

use darling::util::SpannedValue;
use darling::{Error, FromDeriveInput};
use proc_macro2::Span;

use crate::ast::{Container, Field};
use crate::attr::StrengthKind;
use crate::names;

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

/// The crate path of the runtime when no `crate = "..."` is given.
fn default_crate() -> syn::Path {
    syn::parse_quote!(::qbitel_runtime)
}

/// Parses and validates; the error holds every problem found.
pub(crate) fn validate(input: &syn::DeriveInput) -> Result<Model, Error> {
    let mut errors = Error::accumulator();
    check_shape(input, &mut errors);
    if !input.generics.params.is_empty() {
        errors.push(
            Error::custom(
                "`ProductionConfig` cannot be derived for a generic struct: a configuration is \
                 one concrete type; use concrete field types",
            )
            .with_span(&input.generics),
        );
    }
    if !is_named_struct(input) {
        return Err(finish_with_error(errors));
    }
    let Some(container) = errors.handle(Container::from_derive_input(input)) else {
        return Err(finish_with_error(errors));
    };
    let prefix = container.prefix.as_ref().map_or(String::new(), |p| (**p).clone());
    let fields = container
        .data
        .take_struct()
        .map(|fields| fields.fields)
        .unwrap_or_default();
    let mut models = Vec::new();
    let mut seen: HashMap<String, (String, Span)> = HashMap::new();
    for field in fields {
        if let Some(model) = validate_field(field, &prefix, container.prefix.as_ref(), &mut seen, &mut errors) {
            models.push(model);
        }
    }
    errors.finish()?;
    Ok(Model {
        ident: container.ident,
        krate: container.krate.unwrap_or_else(default_crate),
        fields: models,
    })
}

fn finish_with_error(errors: darling::error::Accumulator) -> Error {
    match errors.finish() {
        Err(error) => error,
        Ok(()) => Error::custom("`ProductionConfig` can only be derived for a struct with named fields"),
    }
}

fn is_named_struct(input: &syn::DeriveInput) -> bool {
    matches!(&input.data, syn::Data::Struct(data) if matches!(data.fields, syn::Fields::Named(_)))
}

/// Enums, unions, tuple and unit structs: one error at the keyword, naming the fix.
fn check_shape(input: &syn::DeriveInput, errors: &mut darling::error::Accumulator) {
    const HELP: &str = "`ProductionConfig` can only be derived for a struct with named fields, \
                        one field per setting";
    let problem = match &input.data {
        syn::Data::Struct(data) => match data.fields {
            syn::Fields::Named(_) => None,
            syn::Fields::Unnamed(_) => Some(("a tuple struct", data.struct_token.span)),
            syn::Fields::Unit => Some(("a unit struct", data.struct_token.span)),
        },
        syn::Data::Enum(data) => Some(("an enum", data.enum_token.span)),
        syn::Data::Union(data) => Some(("a union", data.union_token.span)),
    };
    if let Some((what, span)) = problem {
        errors.push(Error::custom(format!("{HELP}, not {what}")).with_span(&span));
    }
}

fn validate_field(
    field: Field,
    prefix: &str,
    prefix_attr: Option<&SpannedValue<String>>,
    seen: &mut HashMap<String, (String, Span)>,
    errors: &mut darling::error::Accumulator,
) -> Option<FieldModel> {
    let ident = field.ident.clone()?;
    let field_name = ident.to_string();
    if field.nested.is_present() {
        return validate_nested(field, ident, errors);
    }

    let env = match &field.env {
        Some(env) => {
            check_name(env, env.span(), errors);
            (**env).clone()
        }
        None => {
            let name = names::default_name(prefix, &field_name);
            if let Some(reason) = names::invalid_reason(&name) {
                let span = prefix_attr.map_or(ident.span(), SpannedValue::span);
                errors.push(
                    Error::custom(format!(
                        "the default variable name of `{field_name}` is not valid: {reason}; \
                         set `env = \"NAME\"`"
                    ))
                    .with_span(&span),
                );
            }
            name
        }
    };
    let env_span = field.env.as_ref().map_or(ident.span(), SpannedValue::span);
    register(&env, env_span, &field_name, seen, errors);

    for fallback in &field.fallback {
        check_name(fallback, fallback.span(), errors);
        if **fallback == env {
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
        register(fallback, fallback.span(), &field_name, seen, errors);
    }

    check_combinations(&field, errors);

    let (doc_label, description) = doc_text(&field.attrs);
    let label = field
        .label
        .clone()
        .or(doc_label)
        .unwrap_or_else(|| names::label_from_ident(&field_name));

    Some(FieldModel {
        ident,
        ty: field.ty.clone(),
        env,
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
        hint: field.hint.clone(),
        allow: field.allow.iter().map(|a| (**a).clone()).collect(),
        nested: false,
    })
}

/// A `nested` field takes its names and rules from the nested struct: any other option here
/// would be silently ignored, so each is an error.
fn validate_nested(
    field: Field,
    ident: syn::Ident,
    errors: &mut darling::error::Accumulator,
) -> Option<FieldModel> {
    let mut reject = |present: bool, span: Option<Span>, option: &str| {
        if let (true, Some(span)) = (present, span) {
            errors.push(
                Error::custom(format!(
                    "`{option}` has no effect on a `nested` field; set it on the fields of the \
                     nested struct"
                ))
                .with_span(&span),
            );
        }
    };
    reject(field.env.is_some(), field.env.as_ref().map(SpannedValue::span), "env");
    for fallback in &field.fallback {
        reject(true, Some(fallback.span()), "fallback");
    }
    reject(field.min_len.is_some(), Some(ident.span()), "min_len");
    reject(field.strength.is_some(), field.strength.as_ref().map(SpannedValue::span), "strength");
    reject(field.letters_and_digits.is_present(), Some(field.letters_and_digits.span()), "letters_and_digits");
    reject(field.required.is_present(), Some(field.required.span()), "required");
    reject(field.recommended.is_present(), Some(field.recommended.span()), "recommended");
    reject(field.default.is_some(), field.default.as_ref().map(SpannedValue::span), "default");
    reject(field.dev_default.is_some(), field.dev_default.as_ref().map(SpannedValue::span), "dev_default");
    reject(field.hint.is_some(), Some(ident.span()), "hint");
    let (doc_label, description) = doc_text(&field.attrs);
    let label = field
        .label
        .clone()
        .or(doc_label)
        .unwrap_or_else(|| names::label_from_ident(&ident.to_string()));
    Some(FieldModel {
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
        hint: None,
        allow: Vec::new(),
        nested: true,
    })
}

fn check_name(name: &str, span: Span, errors: &mut darling::error::Accumulator) {
    if let Some(reason) = names::invalid_reason(name) {
        errors.push(Error::custom(format!("invalid variable name: {reason}")).with_span(&span));
    }
}

/// Records a variable name; a name used twice in one struct is an error at the second use.
fn register(
    name: &str,
    span: Span,
    field: &str,
    seen: &mut HashMap<String, (String, Span)>,
    errors: &mut darling::error::Accumulator,
) {
    if let Some((owner, _)) = seen.get(name) {
        let whose = if owner == field {
            "this field".to_owned()
        } else {
            format!("field `{owner}`")
        };
        errors.push(
            Error::custom(format!(
                "variable `{name}` is already used by {whose}; each variable may feed one field"
            ))
            .with_span(&span),
        );
    } else {
        seen.insert(name.to_owned(), (field.to_owned(), span));
    }
}

/// Options that contradict each other.
fn check_combinations(field: &Field, errors: &mut darling::error::Accumulator) {
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
    for allowed in &field.allow {
        if allowed.trim().is_empty() || allowed.contains(char::is_whitespace) {
            errors.push(
                Error::custom("`allow` takes one check id, such as \"value.recommended\"")
                    .with_span(&allowed.span()),
            );
        }
    }
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
