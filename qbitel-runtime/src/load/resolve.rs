//! Finding a field's raw value: the primary name, then each fallback in order.

use zeroize::Zeroizing;

use crate::meta::FieldMeta;
use crate::source::{Lookup, Source};

/// What the names of one field hold.
#[derive(Default)]
pub(crate) struct Resolved {
    /// The first non-empty value and the name that supplied it.
    pub(crate) value: Option<(Zeroizing<String>, &'static str)>,
    /// Names that are set but empty (counted as missing).
    pub(crate) empty: Vec<&'static str>,
    /// Names whose value is not UTF-8.
    pub(crate) not_unicode: Vec<&'static str>,
    /// Later names set to a value different from the one used.
    pub(crate) conflicting: Vec<&'static str>,
}

pub(crate) fn resolve(source: &dyn Source, meta: &FieldMeta) -> Resolved {
    let mut resolved = Resolved::default();
    for name in meta.names() {
        match source.lookup(name) {
            Lookup::Missing => {}
            Lookup::NotUnicode => resolved.not_unicode.push(name),
            Lookup::Value(value) => {
                let value = Zeroizing::new(value);
                if value.trim().is_empty() {
                    resolved.empty.push(name);
                } else if let Some((chosen, _)) = &resolved.value {
                    if **chosen != *value {
                        resolved.conflicting.push(name);
                    }
                } else {
                    resolved.value = Some((value, name));
                }
            }
        }
    }
    resolved
}
