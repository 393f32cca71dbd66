//! The checker's verdict: it follows the failures (and, when asked, the warnings), never a
//! score.

use crate::report::{Report, Status};

/// Which findings make the configuration not ready.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FailOn {
    /// Only failures (the default).
    #[default]
    Failure,
    /// Warnings too (`--fail-on warning`), for pipelines that want a clean report.
    Warning,
}

impl FailOn {
    /// `failure` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Failure => "failure",
            FailOn::Warning => "warning",
        }
    }
}

/// Whether the configuration is ready for the environment it was evaluated for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// No check failed (nor warned, under [`FailOn::Warning`]).
    Ready,
    /// At least one check failed (or warned, under [`FailOn::Warning`]).
    NotReady,
}

impl Verdict {
    /// The verdict on `report`.
    pub fn of(report: &Report, fail_on: FailOn) -> Verdict {
        let blocking = report.count(Status::Failure)
            + match fail_on {
                FailOn::Failure => 0,
                FailOn::Warning => report.count(Status::Warning),
            };
        if blocking == 0 {
            Verdict::Ready
        } else {
            Verdict::NotReady
        }
    }

    /// `ready` or `not_ready`, as in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ready => "ready",
            Verdict::NotReady => "not_ready",
        }
    }

    /// Whether the verdict is [`Verdict::Ready`].
    pub fn is_ready(self) -> bool {
        self == Verdict::Ready
    }
}
