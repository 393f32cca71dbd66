//! Reading a small text file whose content may be a secret: size-capped, UTF-8, and wiped from
//! memory when dropped. Errors name the path and the reason, never the content.

use std::fmt;
use std::io::{self, Read};
use std::path::Path;

use zeroize::Zeroizing;

/// Why a file could not be read.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// There is no such file.
    NotFound,
    /// The path is a directory.
    Directory,
    /// Larger than the cap, in bytes.
    TooLarge(u64),
    /// The content is not UTF-8.
    NotUnicode,
    /// Any other I/O error (permission denied, ...).
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => f.write_str("no such file"),
            ReadError::Directory => f.write_str("it is a directory, not a file"),
            ReadError::TooLarge(cap) => write!(f, "it is larger than {} KiB", cap / 1024),
            ReadError::NotUnicode => f.write_str("its content is not valid UTF-8"),
            ReadError::Io(error) => write!(f, "{error}"),
        }
    }
}

/// Reads the whole file, refusing more than `cap` bytes.
pub(crate) fn read_capped(path: &Path, cap: u64) -> Result<Zeroizing<String>, ReadError> {
    let file = std::fs::File::open(path).map_err(|error| match error.kind() {
        io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(error),
    })?;
    let metadata = file.metadata().map_err(ReadError::Io)?;
    if metadata.is_dir() {
        return Err(ReadError::Directory);
    }
    if metadata.len() > cap {
        return Err(ReadError::TooLarge(cap));
    }
    // Sized up front so that the buffer is not reallocated (leaving copies behind) as it fills.
    let capacity = usize::try_from(metadata.len().min(cap) + 1).unwrap_or(0);
    let mut bytes = Zeroizing::new(Vec::with_capacity(capacity));
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| match error.kind() {
            // Reading a directory fails here on some systems rather than at `open`.
            io::ErrorKind::IsADirectory => ReadError::Directory,
            _ => ReadError::Io(error),
        })?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooLarge(cap));
    }
    let bytes = std::mem::take(&mut *bytes);
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Zeroizing::new(text)),
        Err(error) => {
            drop(Zeroizing::new(error.into_bytes()));
            Err(ReadError::NotUnicode)
        }
    }
}

/// The value a secret file holds: its content less one trailing newline, which `echo` and
/// editors add and nobody means as part of a secret.
pub(crate) fn secret_value(mut content: Zeroizing<String>) -> Zeroizing<String> {
    let len = content.len();
    if content.ends_with("\r\n") {
        content.truncate(len - 2);
    } else if content.ends_with('\n') {
        content.truncate(len - 1);
    }
    content
}
