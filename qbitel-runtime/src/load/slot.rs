//! The one type-dependent step of loading a field, behind a trait object.
//!
//! Parsing is all a field's type decides; resolution, defaults, stand-ins and every rule are
//! the same for all types. Keeping them out of generic code means they are compiled once, in
//! this crate, instead of once per field type in every crate that derives `ProductionConfig`.

use crate::value::{ConfigValue, FieldType, Invalid, ValueContext};

/// Where a field's parsed value is kept while the loader checks it.
pub(crate) trait Slot {
    /// Parses `raw` into the slot, replacing what it held.
    fn parse(&mut self, raw: String, cx: &mut ValueContext) -> Result<(), Invalid>;

    /// The parsed value's text, for the text rules (`min_len`, `strength`, reuse).
    fn text(&self) -> Option<&str>;
}

/// How a field came out of the loader.
pub(crate) enum Outcome {
    /// The slot holds its value.
    Present,
    /// No value, and the field may be absent.
    Absent,
    /// The field could not be made; the report says why.
    Failed,
}

/// A [`Slot`] for fields of type `T`.
pub(crate) struct TypedSlot<T: FieldType>(Option<T::Value>);

impl<T: FieldType> TypedSlot<T> {
    pub(crate) fn new() -> Self {
        Self(None)
    }

    /// The field, from how the loader said it came out.
    pub(crate) fn finish(self, outcome: Outcome) -> Option<T> {
        match outcome {
            Outcome::Present => self.0.map(T::present),
            Outcome::Absent => T::absent(),
            Outcome::Failed => None,
        }
    }
}

impl<T: FieldType> Slot for TypedSlot<T> {
    fn parse(&mut self, raw: String, cx: &mut ValueContext) -> Result<(), Invalid> {
        self.0 = Some(<T::Value as ConfigValue>::parse(raw, cx)?);
        Ok(())
    }

    fn text(&self) -> Option<&str> {
        self.0.as_ref().and_then(ConfigValue::text)
    }
}
