//! The production readiness checker: the design document's report, as text or JSON.
