//! A secret that must be a Fernet key.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE;
use base64::{DecodeSliceError, Engine};
use secrecy::{ExposeSecret, SecretBox, SecretString};

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
        let mut raw = zeroize::Zeroizing::new(encoded.into());
        // Stored trimmed, so that the reuse check compares the key itself.
        if raw.trim().len() != raw.len() {
            *raw = raw.trim().to_owned();
        }
        decode(&raw)?;
        Ok(Self {
            encoded: SecretString::from(std::mem::take(&mut *raw)),
        })
    }

    /// The decoded 32 bytes.
    pub fn to_bytes(&self) -> SecretBox<[u8; FernetKey::LEN]> {
        // Validated in `parse`; an all-zero key would only appear if that invariant broke.
        let bytes = decode(self.encoded.expose_secret()).unwrap_or([0; FernetKey::LEN]);
        SecretBox::new(Box::new(bytes))
    }
}

fn decode(encoded: &str) -> Result<[u8; FernetKey::LEN], Invalid> {
    const EXPECTED: &str = "expected the URL-safe base64 encoding of exactly 32 bytes \
         (44 characters ending in '='), as Fernet.generate_key() makes";
    let wrong_size = || {
        Invalid::with_id(
            "key.fernet",
            format!("is not a Fernet key: it decodes to the wrong number of bytes; {EXPECTED}"),
        )
    };
    // Decoded on the stack, into room for one byte more than a key: keys are decoded at every
    // load, and anything longer is the wrong size whatever it holds.
    let mut buffer = zeroize::Zeroizing::new([0u8; FernetKey::LEN + 1]);
    let len = match URL_SAFE.decode_slice(encoded.trim(), &mut *buffer) {
        Ok(len) => len,
        Err(DecodeSliceError::OutputSliceTooSmall) => return Err(wrong_size()),
        Err(DecodeSliceError::DecodeError(_)) => {
            return Err(Invalid::with_id(
                "key.fernet",
                format!("is not a Fernet key: {EXPECTED}"),
            ));
        }
    };
    buffer
        .get(..len)
        .and_then(|bytes| <[u8; FernetKey::LEN]>::try_from(bytes).ok())
        .ok_or_else(wrong_size)
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
