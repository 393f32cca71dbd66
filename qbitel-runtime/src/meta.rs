//! The static description of a configuration that `#[derive(ProductionConfig)]` generates and
//! the loader interprets.
//!
//! Built with `const fn` builders so that new options can be added without breaking the code
//! older derives generated.

use crate::strength::SecretKind;
use crate::value::ValueKind;

/// The description of one configuration struct.
#[derive(Debug)]
pub struct ConfigMeta {
    name: &'static str,
    fields: &'static [FieldMeta],
}

impl ConfigMeta {
    /// Describes the struct `name` with `fields`, in declaration order.
    pub const fn new(name: &'static str, fields: &'static [FieldMeta]) -> Self {
        Self { name, fields }
    }

    /// The struct's name.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The fields, in declaration order.
    pub const fn fields(&self) -> &'static [FieldMeta] {
        self.fields
    }

    /// Every field that holds a value, nested structs flattened, in declaration order, each
    /// with the dotted path reports use (`security.cors_origins`).
    pub fn leaf_fields(&'static self) -> Vec<(String, &'static FieldMeta)> {
        let mut fields = Vec::new();
        collect_leaves(self, "", &mut fields);
        fields
    }
}

fn collect_leaves(
    meta: &'static ConfigMeta,
    prefix: &str,
    into: &mut Vec<(String, &'static FieldMeta)>,
) {
    for field in meta.fields() {
        let path = format!("{prefix}{}", field.name());
        match field.nested_meta() {
            Some(nested) => collect_leaves(nested, &format!("{path}."), into),
            None => into.push((path, field)),
        }
    }
}

/// The description of one field: where its value comes from and the rules it must meet.
#[derive(Debug)]
pub struct FieldMeta {
    name: &'static str,
    env: &'static str,
    fallbacks: &'static [&'static str],
    label: &'static str,
    description: &'static str,
    min_len: Option<usize>,
    strength: Option<SecretKind>,
    letters_and_digits: bool,
    required: bool,
    recommended: bool,
    default: Option<&'static str>,
    dev_default: Option<&'static str>,
    production: Option<&'static str>,
    hint: Option<&'static str>,
    allow: &'static [&'static str],
    nested: Option<&'static ConfigMeta>,
    kind: ValueKind,
    optional: bool,
}

impl FieldMeta {
    /// A field named `name` read from the variable `env`.
    pub const fn new(name: &'static str, env: &'static str) -> Self {
        Self {
            name,
            env,
            fallbacks: &[],
            label: name,
            description: "",
            min_len: None,
            strength: None,
            letters_and_digits: false,
            required: false,
            recommended: false,
            default: None,
            dev_default: None,
            production: None,
            hint: None,
            allow: &[],
            nested: None,
            kind: ValueKind::Plain,
            optional: false,
        }
    }

    /// What the field's type holds and whether it is an `Option`, from its
    /// [`FieldType`](crate::FieldType).
    pub const fn typed(mut self, kind: ValueKind, optional: bool) -> Self {
        self.kind = kind;
        self.optional = optional;
        self
    }

    /// What the field's type holds.
    pub const fn kind(&self) -> ValueKind {
        self.kind
    }

    /// Whether the field is an `Option`.
    pub const fn is_optional(&self) -> bool {
        self.optional
    }

    /// A field that is itself a configuration struct (a section of a config file).
    pub const fn nested(mut self, meta: &'static ConfigMeta) -> Self {
        self.nested = Some(meta);
        self
    }

    /// The nested struct's description, for a nested field.
    pub const fn nested_meta(&self) -> Option<&'static ConfigMeta> {
        self.nested
    }

    /// Names tried, in order, when the primary is unset or empty.
    pub const fn fallbacks(mut self, fallbacks: &'static [&'static str]) -> Self {
        self.fallbacks = fallbacks;
        self
    }

    /// The human label used in messages (`Database password`).
    pub const fn label(mut self, label: &'static str) -> Self {
        self.label = label;
        self
    }

    /// A longer description, from the rest of the doc comment.
    pub const fn description(mut self, description: &'static str) -> Self {
        self.description = description;
        self
    }

    /// The minimum length in characters.
    pub const fn min_len(mut self, min_len: usize) -> Self {
        self.min_len = Some(min_len);
        self
    }

    /// Checks the value's strength as a secret of `kind`.
    pub const fn strength(mut self, kind: SecretKind) -> Self {
        self.strength = Some(kind);
        self
    }

    /// Requires both letters and digits (API keys).
    pub const fn letters_and_digits(mut self) -> Self {
        self.letters_and_digits = true;
        self
    }

    /// An `Option` field that must be set in production.
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// An `Option` field whose absence is a warning.
    pub const fn recommended(mut self) -> Self {
        self.recommended = true;
        self
    }

    /// The value used when no variable is set, in every environment.
    pub const fn default(mut self, default: &'static str) -> Self {
        self.default = Some(default);
        self
    }

    /// The value used when no variable is set, outside production only.
    pub const fn dev_default(mut self, default: &'static str) -> Self {
        self.dev_default = Some(default);
        self
    }

    /// The value the field must have in production.
    pub const fn production(mut self, value: &'static str) -> Self {
        self.production = Some(value);
        self
    }

    /// A line added to the field's messages.
    pub const fn hint(mut self, hint: &'static str) -> Self {
        self.hint = Some(hint);
        self
    }

    /// Check ids whose warnings are silenced for this field.
    pub const fn allow(mut self, ids: &'static [&'static str]) -> Self {
        self.allow = ids;
        self
    }

    /// The Rust field name.
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The primary variable name.
    pub const fn env(&self) -> &'static str {
        self.env
    }

    /// The fallback variable names, in the order they are tried.
    pub const fn fallback_names(&self) -> &'static [&'static str] {
        self.fallbacks
    }

    /// The primary name, then the fallbacks.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.env).chain(self.fallbacks.iter().copied())
    }

    /// The human label.
    pub const fn label_text(&self) -> &'static str {
        self.label
    }

    /// The description (may be empty).
    pub const fn description_text(&self) -> &'static str {
        self.description
    }

    /// The minimum length, if any.
    pub const fn min_len_value(&self) -> Option<usize> {
        self.min_len
    }

    /// The strength rule, if any.
    pub const fn strength_kind(&self) -> Option<SecretKind> {
        self.strength
    }

    /// Whether letters and digits are both required.
    pub const fn needs_letters_and_digits(&self) -> bool {
        self.letters_and_digits
    }

    /// Whether an `Option` field must be set in production.
    pub const fn is_required(&self) -> bool {
        self.required
    }

    /// Whether absence is a warning.
    pub const fn is_recommended(&self) -> bool {
        self.recommended
    }

    /// The literal default, if any.
    pub const fn default_value(&self) -> Option<&'static str> {
        self.default
    }

    /// The development-only default, if any.
    pub const fn dev_default_value(&self) -> Option<&'static str> {
        self.dev_default
    }

    /// The value required in production, if any.
    pub const fn production_value(&self) -> Option<&'static str> {
        self.production
    }

    /// The extra message line, if any.
    pub const fn hint_text(&self) -> Option<&'static str> {
        self.hint
    }

    /// Check ids silenced for this field.
    pub const fn allowed(&self) -> &'static [&'static str] {
        self.allow
    }
}
