//! Variable names: how a field's default name is made and what a valid name is.

/// Why `name` is not a portable environment-variable name, if it is not one.
pub(crate) fn invalid_reason(name: &str) -> Option<String> {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return Some("the variable name is empty".to_owned());
    };
    if name.contains('=') {
        return Some(format!(
            "`{name}` contains `=`, which cannot appear in a variable name"
        ));
    }
    if name.chars().any(char::is_whitespace) {
        return Some(format!("`{name}` contains white space"));
    }
    if !(first.is_ascii_alphabetic() || first == '_') {
        return Some(format!(
            "`{name}` starts with `{first}`; a variable name starts with a letter or `_`"
        ));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '_'))
    {
        return Some(format!(
            "`{name}` contains `{bad}`; use only letters, digits and `_` ([A-Za-z_][A-Za-z0-9_]*)"
        ));
    }
    None
}

/// The default variable name of a field: the prefix, then the field name upper-cased.
pub(crate) fn default_name(prefix: &str, field: &str) -> String {
    let field = field.strip_prefix("r#").unwrap_or(field);
    format!("{prefix}{}", field.to_ascii_uppercase())
}

/// A label from a field name: `db_password` becomes `Db password`.
pub(crate) fn label_from_ident(field: &str) -> String {
    let words = field.strip_prefix("r#").unwrap_or(field).replace('_', " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_portable_names_only() {
        assert_eq!(invalid_reason("QBITEL_AI_DB_PASSWORD"), None);
        assert_eq!(invalid_reason("_X1"), None);
        for bad in ["", "1ABC", "A=B", "A B", "A-B", "É"] {
            assert!(invalid_reason(bad).is_some(), "{bad:?} accepted");
        }
    }

    #[test]
    fn default_names_and_labels() {
        assert_eq!(
            default_name("QBITEL_AI_", "db_password"),
            "QBITEL_AI_DB_PASSWORD"
        );
        assert_eq!(default_name("", "r#type"), "TYPE");
        assert_eq!(label_from_ident("db_password"), "Db password");
    }
}
