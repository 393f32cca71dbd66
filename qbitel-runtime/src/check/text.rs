//! The text report, in the design document's layout.

use std::fmt::Write as _;

use crate::environment::EnvironmentOrigin;
use crate::meta::ConfigMeta;
use crate::report::{Check, Report, Status};

use super::sections::{Section, classify};
use super::verdict::{FailOn, Verdict};

/// The title the design document's checker prints.
const DEFAULT_TITLE: &str = "QBITEL - Production Readiness Checker";

/// How [`render_text`] renders a report.
#[derive(Clone, Debug)]
pub struct TextOptions {
    color: bool,
    fail_on: FailOn,
    title: String,
    config: Option<&'static ConfigMeta>,
}

impl Default for TextOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl TextOptions {
    /// No colour, failures decide the verdict, the design document's title, and sections
    /// decided from the checks alone.
    pub fn new() -> Self {
        Self {
            color: false,
            fail_on: FailOn::Failure,
            title: DEFAULT_TITLE.to_owned(),
            config: None,
        }
    }

    /// Colours the symbols and the verdict with ANSI codes; only for a terminal.
    pub fn color(mut self, color: bool) -> Self {
        self.color = color;
        self
    }

    /// Which findings make the configuration not ready.
    pub fn fail_on(mut self, fail_on: FailOn) -> Self {
        self.fail_on = fail_on;
        self
    }

    /// The first line of the report.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = title.into();
        self
    }

    /// The configuration's description (`C::META`), so that the checks of a `recommended`
    /// field are shown with the recommendations even when the field is set.
    pub fn config(mut self, meta: &'static ConfigMeta) -> Self {
        self.config = Some(meta);
        self
    }
}

const GREEN: &str = "\x1b[32m";
const RED: &str = "\x1b[31m";
const YELLOW: &str = "\x1b[33m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// Renders `report` as the design document's text report. Deterministic: the same report and
/// options always give the same text.
pub fn render_text(report: &Report, options: &TextOptions) -> String {
    let mut text = Text {
        out: String::new(),
        color: options.color,
    };
    text.line(&text.paint(BOLD, &options.title));
    text.line(&"=".repeat(70));
    let classified = classify(report, options.config);
    for section in Section::ALL {
        let checks: Vec<&Check> = classified
            .iter()
            .filter(|(of, _)| *of == section)
            .map(|(_, check)| *check)
            .collect();
        if checks.is_empty() && section != Section::Environment {
            continue;
        }
        text.heading(section.title());
        if section == Section::Environment {
            text.environment(report);
        }
        for check in checks {
            text.check(check);
        }
    }
    text.summary(report, options.fail_on);
    text.out
}

struct Text {
    out: String,
    color: bool,
}

impl Text {
    fn line(&mut self, line: &str) {
        self.out.push_str(line);
        self.out.push('\n');
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_owned()
        }
    }

    fn symbol(&self, status: Status) -> String {
        match status {
            Status::Pass => self.paint(GREEN, "✓"),
            Status::Warning => self.paint(YELLOW, "⚠"),
            Status::Failure => self.paint(RED, "✗"),
        }
    }

    fn heading(&mut self, title: &str) {
        let rule = "=".repeat(50);
        self.line("");
        self.line(&rule);
        self.line(&self.paint(BOLD, title));
        self.line(&rule);
        self.line("");
    }

    fn environment(&mut self, report: &Report) {
        let environment = report.environment();
        let origin = match report.environment_origin() {
            EnvironmentOrigin::Override => {
                "override (chosen by the caller, e.g. --environment)".to_owned()
            }
            other => other.to_string(),
        };
        self.line(&format!("  Current Environment: {environment}"));
        self.line(&format!(
            "  Production Mode: {}",
            environment.is_production()
        ));
        self.line(&format!("  Environment Source: {origin}"));
    }

    /// One check; later lines of a multi-line message are indented under the first.
    fn check(&mut self, check: &Check) {
        let mut lines = check.message().lines();
        let first = lines.next().unwrap_or_default();
        let id = match check.status() {
            Status::Pass => String::new(),
            Status::Warning | Status::Failure => format!(" [{}]", check.id()),
        };
        self.line(&format!("{} {first}{id}", self.symbol(check.status())));
        for line in lines {
            self.line(&format!("  {line}"));
        }
    }

    fn summary(&mut self, report: &Report, fail_on: FailOn) {
        self.heading("Production Readiness Summary");
        let _ = writeln!(self.out, "Total Checks: {}", report.checks().len());
        let _ = writeln!(self.out, "Passed: {}", report.count(Status::Pass));
        let _ = writeln!(self.out, "Failed: {}", report.count(Status::Failure));
        let _ = writeln!(self.out, "Warnings: {}", report.count(Status::Warning));
        self.line("");
        let environment = report.environment();
        match Verdict::of(report, fail_on) {
            Verdict::Ready => {
                let verdict = if environment.is_production() {
                    "✓ PRODUCTION READY".to_owned()
                } else {
                    format!("✓ READY ({environment} mode)")
                };
                self.line(&self.paint(&format!("{BOLD}{GREEN}"), &verdict));
                self.line("All critical checks passed!");
                let warnings = report.count(Status::Warning);
                if warnings > 0 {
                    self.line(&format!("{warnings} warning(s) to review above."));
                }
                if !environment.is_production() {
                    self.line(
                        "Checked against development rules; production is stricter: set \
                         QBITEL_AI_ENVIRONMENT=production, or pass --environment production, \
                         to see what production requires.",
                    );
                }
            }
            Verdict::NotReady => {
                self.line(&self.paint(&format!("{BOLD}{RED}"), "✗ NOT READY"));
                let failures: Vec<&Check> = report.failures().collect();
                if !failures.is_empty() {
                    self.line(&format!("{} check(s) failed:", failures.len()));
                    self.listed(&failures);
                }
                if fail_on == FailOn::Warning {
                    let warnings: Vec<&Check> = report.warnings().collect();
                    if !warnings.is_empty() {
                        self.line(&format!(
                            "{} warning(s) count as failures (fail on warning):",
                            warnings.len()
                        ));
                        self.listed(&warnings);
                    }
                }
            }
        }
    }

    /// The first line of each check, with its id.
    fn listed(&mut self, checks: &[&Check]) {
        for check in checks {
            let first = check.message().lines().next().unwrap_or_default();
            self.line(&format!(
                "  {} [{}] {first}",
                self.symbol(check.status()),
                check.id()
            ));
        }
    }
}
