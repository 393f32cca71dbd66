//! A secret that must be a Fernet key.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE;
use base64::{DecodeSliceError, Engine};
use secrecy::{ExposeSecret, SecretBox, SecretString};
use zeroize::Zeroizing;

use crate::value::{ConfigValue, Invalid, TextValue, ValueContext, ValueKind};

/// An encryption key in Fernet format: the URL-safe base64 encoding (with `=` padding) of
/// exactly 32 random bytes, as `Fernet.generate_key()` makes. Anything else is rejected.
///
/// The key is held in `secrecy` types and zeroized on drop; `Debug` never shows it.
#[derive(Clone)]
pub struct FernetKey {
    encoded: SecretString,
}

impl FernetKey {
    /// The number of key bytes: 16 for signing, then 16 for encryption.
    pub const LEN: usize = 32;

    /// Parses a Fernet key. The error never contains the key.
    pub fn parse(encoded: impl Into<String>) -> Result<Self, Invalid> {
        let mut raw = Zeroizing::new(encoded.into());
        // Stored trimmed, so that the reuse check compares the key itself. Replacing the
        // wrapper, not its contents, wipes the untrimmed text.
        if raw.trim().len() != raw.len() {
            raw = Zeroizing::new(raw.trim().to_owned());
        }
        decode_into(&raw, &mut Zeroizing::new([0; FernetKey::LEN]))?;
        Ok(Self {
            encoded: crate::value::secret_string(raw),
        })
    }

    /// The decoded 32 bytes.
    pub fn to_bytes(&self) -> SecretBox<[u8; FernetKey::LEN]> {
        // Validated in `parse`; an all-zero key would only appear if that invariant broke.
        SecretBox::init_with_mut(|bytes| {
            let _ = decode_into(self.encoded.expose_secret(), bytes);
        })
    }
}

/// Decodes a key into `out`; a copy of the bytes is never left behind.
fn decode_into(encoded: &str, out: &mut [u8; FernetKey::LEN]) -> Result<(), Invalid> {
    const EXPECTED: &str = "expected the URL-safe base64 encoding of exactly 32 bytes \
         (44 characters ending in '='), as Fernet.generate_key() makes";
    let not_a_key = || Invalid::with_id("key.fernet", format!("is not a Fernet key: {EXPECTED}"));
    let wrong_size = || {
        Invalid::with_id(
            "key.fernet",
            format!("is not a Fernet key: it decodes to the wrong number of bytes; {EXPECTED}"),
        )
    };
    // Decoded on the stack, into room for one byte more than a key: keys are decoded at every
    // load, and anything longer is the wrong size whatever it holds.
    let mut buffer = Zeroizing::new([0u8; FernetKey::LEN + 1]);
    let len = match URL_SAFE.decode_slice(encoded, &mut *buffer) {
        Ok(len) => len,
        // The size is checked before the characters: text that is not base64 at all is not
        // "the wrong size".
        Err(DecodeSliceError::OutputSliceTooSmall) if is_base64_text(encoded) => {
            return Err(wrong_size());
        }
        Err(_) => return Err(not_a_key()),
    };
    let bytes = buffer
        .get(..len)
        .filter(|bytes| bytes.len() == FernetKey::LEN);
    out.copy_from_slice(bytes.ok_or_else(wrong_size)?);
    Ok(())
}

/// Whether `text` uses only the URL-safe base64 alphabet and padding.
fn is_base64_text(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'='))
}

impl ExposeSecret<str> for FernetKey {
    fn expose_secret(&self) -> &str {
        self.encoded.expose_secret()
    }
}

impl fmt::Debug for FernetKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FernetKey([REDACTED])")
    }
}

impl ConfigValue for FernetKey {
    const KIND: ValueKind = ValueKind::FernetKey;

    fn parse(raw: String, _: &mut ValueContext) -> Result<Self, Invalid> {
        FernetKey::parse(raw)
    }

    fn text(&self) -> Option<&str> {
        Some(self.encoded.expose_secret())
    }
}

impl TextValue for FernetKey {}
