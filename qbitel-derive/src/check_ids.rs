//! The check ids `allow = "..."` may name.
//!
//! This list mirrors the ids the runtime reports (`qbitel-runtime`'s loader, value types and
//! readiness checker); a new id there must be added here, or `allow` rejects it.

/// Every check id the runtime reports.
pub(crate) const KNOWN: &[&str] = &[
    "environment",
    "environment.invalid",
    "value.present",
    "value.recommended",
    "value.empty",
    "value.conflict",
    "value.unicode",
    "value.invalid",
    "value.min_len",
    "value.production",
    "value.ambiguous",
    "value.file",
    "file.secret",
    "secret.strength",
    "secret.letters_and_digits",
    "secret.unique",
    "secret.stand_in",
    "key.fernet",
    "cors.wildcard",
    "cors.insecure",
    "cors.malformed",
];

/// Why `id` cannot be given to `allow`, if it cannot, with the closest known id.
pub(crate) fn unknown_reason(id: &str) -> Option<String> {
    if KNOWN.contains(&id) {
        return None;
    }
    if id.trim().is_empty() {
        return Some("`allow` takes one check id, such as `allow = \"value.recommended\"`".into());
    }
    let closest = KNOWN
        .iter()
        .map(|known| (strsim::jaro_winkler(id, known), *known))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    Some(match closest {
        Some((_, known)) => format!("unknown check id {id:?} in `allow`; did you mean {known:?}?"),
        None => format!(
            "unknown check id {id:?} in `allow`; the ids are {}",
            KNOWN.join(", ")
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_ids_pass() {
        for id in KNOWN {
            assert_eq!(unknown_reason(id), None);
        }
    }

    #[test]
    fn misspelt_ids_get_a_suggestion() {
        let reason = unknown_reason("value.recomended").unwrap();
        assert!(
            reason.contains("did you mean \"value.recommended\""),
            "{reason}"
        );
        let reason = unknown_reason("cors.wildcards").unwrap();
        assert!(
            reason.contains("did you mean \"cors.wildcard\""),
            "{reason}"
        );
    }

    #[test]
    fn unrelated_ids_list_the_known_ones() {
        let reason = unknown_reason("zzz").unwrap();
        assert!(reason.contains("secret.strength"), "{reason}");
        assert!(unknown_reason(" ").unwrap().contains("one check id"));
    }
}
