//! How each `#[config(...)]` option is written, and darling's generic parse errors restated
//! with it, so that every error names the option and the fix.

use darling::Error;

/// Each option and how it is written; the runtime's README documents the same forms.
const OPTIONS: &[(&str, &str)] = &[
    ("prefix", "`prefix = \"APP_\"`"),
    ("crate", "`crate = \"my_crate::qbitel\"`"),
    ("env", "`env = \"NAME\"`"),
    (
        "fallback",
        "`fallback = \"NAME\"`, repeated for each further name (`fallback = \"A\", fallback = \"B\"`)",
    ),
    ("min_len", "`min_len = 16`"),
    (
        "strength",
        "`strength`, `strength = \"password\"` or `strength = \"key\"`",
    ),
    (
        "letters_and_digits",
        "`letters_and_digits`, without a value",
    ),
    ("required", "`required`, without a value"),
    ("recommended", "`recommended`, without a value"),
    ("nested", "`nested`, without a value"),
    ("default", "`default = \"value\"`, a string in quotes"),
    (
        "dev_default",
        "`dev_default = \"value\"`, a string in quotes",
    ),
    ("production", "`production = \"value\"`, a string in quotes"),
    ("hint", "`hint = \"text\"`"),
    ("label", "`label = \"Human name\"`"),
    ("allow", "`allow = \"check.id\"`, repeated for each id"),
];

/// darling's error prefixes for a value of the wrong kind, and for a repeated option.
const WRONG_KIND: &[&str] = &[
    "Unexpected type",
    "Unexpected meta-item format",
    "Unexpected literal type",
];
const DUPLICATE: &str = "Duplicate field ";

/// Restates darling's generic errors (wrong kind of value, repeated option) with the option's
/// usage; every other error is kept as it is.
pub(crate) fn explain(error: Error) -> Error {
    Error::multiple(error.into_iter().map(explain_one).collect())
}

fn explain_one(error: Error) -> Error {
    let text = error.to_string();
    if let Some(option) = text
        .strip_prefix(DUPLICATE)
        .and_then(|rest| rest.split('`').nth(1))
    {
        return Error::custom(format!("`{option}` is given twice; keep one"))
            .with_span(&error.span());
    }
    // darling's message ends with " at <option>" when the error arose inside that option, or
    // " at <option>[<index>]" for a repeatable one.
    let Some((kind, location)) = text.rsplit_once(" at ") else {
        return error;
    };
    let option = location
        .split_once('[')
        .map_or(location, |(option, _)| option);
    match OPTIONS.iter().find(|(name, _)| *name == option) {
        Some((option, usage)) if WRONG_KIND.iter().any(|prefix| kind.starts_with(prefix)) => {
            Error::custom(format!("`{option}` is written {usage}")).with_span(&error.span())
        }
        _ => error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restates_wrong_kinds_with_the_usage() {
        let error = explain(Error::unexpected_type("int").at("default"));
        assert_eq!(
            error.to_string(),
            "`default` is written `default = \"value\"`, a string in quotes"
        );
        let error = explain(Error::unexpected_type("array").at("fallback[0]"));
        assert!(error.to_string().starts_with("`fallback` is written"));
        let error = explain(Error::duplicate_field("min_len"));
        assert_eq!(error.to_string(), "`min_len` is given twice; keep one");
    }

    #[test]
    fn keeps_other_errors() {
        let error = explain(Error::custom("something else").at("default"));
        assert_eq!(error.to_string(), "something else at default");
        let error = explain(Error::unexpected_type("int").at("unknown_option"));
        assert_eq!(error.to_string(), "Unexpected type `int` at unknown_option");
    }

    #[test]
    fn every_option_has_a_usage() {
        for (name, usage) in OPTIONS {
            assert!(usage.contains(name), "{name}: {usage}");
        }
    }
}
