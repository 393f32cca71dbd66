//! Fresh secrets from the operating system's random number generator: development stand-ins
//! and the values `generate` prints.

use base64::Engine;
use base64::engine::general_purpose::{URL_SAFE, URL_SAFE_NO_PAD};
use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use crate::meta::FieldMeta;
use crate::strength;
use crate::value::ValueKind;

/// How many random bytes a secret with this minimum length gets: at least 32 (256 bits), and
/// half as many again as the minimum, as the design document's `token_urlsafe(48)` for a
/// 32-character JWT secret.
pub(crate) fn random_bytes_for(min_len: Option<usize>) -> usize {
    let min_len = min_len.unwrap_or(0);
    (min_len + min_len / 2).max(32)
}

/// A command a person can run to make a value for this field.
pub(crate) fn command_for(kind: ValueKind, meta: &FieldMeta) -> Option<String> {
    match kind {
        ValueKind::Plain => None,
        ValueKind::FernetKey => Some(
            "python -c \"from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())\""
                .to_owned(),
        ),
        ValueKind::Secret => Some(format!(
            "python -c \"import secrets; print(secrets.token_urlsafe({}))\"",
            random_bytes_for(meta.min_len_value())
        )),
    }
}

/// A fresh random value for a secret field that satisfies the field's rules.
pub fn generate_secret(
    kind: ValueKind,
    meta: &FieldMeta,
) -> Result<SecretString, getrandom::Error> {
    // A random value fails a rule (no digit in 43 base64 characters) with negligible
    // probability; drawing again keeps the promise without weakening the generator.
    for _ in 0..16 {
        let candidate = draw(kind, meta)?;
        if satisfies(candidate.expose_secret(), meta) {
            return Ok(candidate);
        }
    }
    draw(kind, meta)
}

fn draw(kind: ValueKind, meta: &FieldMeta) -> Result<SecretString, getrandom::Error> {
    let len = match kind {
        ValueKind::FernetKey => 32,
        _ => random_bytes_for(meta.min_len_value()),
    };
    let mut bytes = Zeroizing::new(vec![0u8; len]);
    getrandom::fill(&mut bytes)?;
    let encoded = match kind {
        ValueKind::FernetKey => URL_SAFE.encode(&*bytes),
        _ => URL_SAFE_NO_PAD.encode(&*bytes),
    };
    Ok(SecretString::from(encoded))
}

fn satisfies(value: &str, meta: &FieldMeta) -> bool {
    let long_enough = meta
        .min_len_value()
        .is_none_or(|min| value.chars().count() >= min);
    let strong = meta
        .strength_kind()
        .is_none_or(|kind| strength::estimate(value, kind).is_strong());
    let mixed = !meta.needs_letters_and_digits() || has_letters_and_digits(value);
    long_enough && strong && mixed
}

pub(crate) fn has_letters_and_digits(value: &str) -> bool {
    value.chars().any(|c| c.is_alphabetic()) && value.chars().any(|c| c.is_numeric())
}
