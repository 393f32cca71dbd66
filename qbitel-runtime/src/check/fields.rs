//! Every leaf field of a configuration, nested structs flattened, with the dotted path the
//! loader reports it under.

use crate::meta::{ConfigMeta, FieldMeta};

/// The leaf fields of `meta` in declaration order, each with its path (`security.cors_origins`).
pub(crate) fn leaf_fields(meta: &'static ConfigMeta) -> Vec<(String, &'static FieldMeta)> {
    let mut fields = Vec::new();
    collect(meta, "", &mut fields);
    fields
}

fn collect(meta: &'static ConfigMeta, prefix: &str, into: &mut Vec<(String, &'static FieldMeta)>) {
    for field in meta.fields() {
        let path = format!("{prefix}{}", field.name());
        match field.nested_meta() {
            Some(nested) => collect(nested, &format!("{path}."), into),
            None => into.push((path, field)),
        }
    }
}
