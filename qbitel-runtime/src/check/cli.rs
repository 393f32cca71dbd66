//! The checker's command line: the report (default), `generate` and `env-example`.

use std::error::Error;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{Arg, ArgMatches, Command};
use secrecy::ExposeSecret;

use crate::config::ProductionConfig;
use crate::environment::Environment;
use crate::load::LoadOptions;
use crate::report::Report;
use crate::source::{Lookup, ProcessEnv, Source};

use super::env_example::env_example;
use super::generate::generate_secrets;
use super::json::to_json_with;
use super::text::{TextOptions, render_text};
use super::verdict::{FailOn, Verdict};

/// The checker's exit status; `docs/CHECKER.md` documents it for CI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Exit {
    /// 0: ready, or a subcommand (`generate`, `env-example`, `--help`) succeeded.
    Success,
    /// 1: not ready: a check failed (or warned, under `--fail-on warning`).
    NotReady,
    /// 2: a usage error, an unreadable configuration (a `file.read` or `file.parse` failure),
    /// or the checker could not do its job (unwritable output, no OS randomness).
    Usage,
}

impl Exit {
    /// The process exit code: 0, 1 or 2.
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::NotReady => 1,
            Exit::Usage => 2,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit.code())
    }
}

/// Where the checker writes: the report to `out`, usage errors to `err`.
pub struct Streams<'a> {
    /// Standard output, or a buffer.
    pub out: &'a mut dyn Write,
    /// Standard error, or a buffer.
    pub err: &'a mut dyn Write,
    /// Whether `out` is a terminal: `--color auto` colours only then (and never with
    /// `NO_COLOR` set).
    pub terminal: bool,
}

/// The checker for `C` as a whole program: parses [`std::env::args_os`], reads the process
/// environment, writes to stdout and stderr. A service's checker binary is
/// `fn main() -> ExitCode { qbitel_runtime::check::main::<AppConfig>() }`.
pub fn main<C: ProductionConfig>() -> ExitCode {
    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    let mut out = stdout.lock();
    let mut err = std::io::stderr().lock();
    let streams = Streams {
        out: &mut out,
        err: &mut err,
        terminal,
    };
    run::<C>(std::env::args_os(), &ProcessEnv, streams).into()
}

/// The checker for `C` with explicit arguments (the first is the program name), source and
/// streams.
pub fn run<C: ProductionConfig>(
    args: impl IntoIterator<Item = impl Into<OsString> + Clone>,
    source: &dyn Source,
    streams: Streams<'_>,
) -> Exit {
    let Streams { out, err, terminal } = streams;
    let matches = match command().try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(error) => {
            let text = error.render().to_string();
            // `--help` is not an error: it goes to stdout and succeeds.
            let (stream, exit) = if error.use_stderr() {
                (err, Exit::Usage)
            } else {
                (out, Exit::Success)
            };
            return match stream.write_all(text.as_bytes()) {
                Ok(()) => exit,
                Err(_) => Exit::Usage,
            };
        }
    };
    let result = match matches.subcommand() {
        Some(("generate", _)) => generate::<C>(out),
        Some(("env-example", _)) => write(out, &env_example(C::META)),
        _ => check::<C>(&matches, source, out, terminal),
    };
    result.unwrap_or_else(|error| {
        let _ = writeln!(err, "error: {error}");
        Exit::Usage
    })
}

fn command() -> Command {
    Command::new("check_production_readiness")
        .about("Checks that the configuration is ready for production: every secret present and strong")
        .after_help(
            "Exit status: 0 ready, 1 not ready, 2 usage error or unreadable configuration.\n\
             Silence a warning by id with QBITEL_AI_ALLOW_WARNINGS=id,id; failures cannot be silenced.",
        )
        .args_conflicts_with_subcommands(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("format")
                .long("format")
                .value_name("FORMAT")
                .value_parser(["text", "json"])
                .default_value("text")
                .help("Report format; json has a stable schema for CI"),
        )
        .arg(
            Arg::new("environment")
                .long("environment")
                .value_name("ENVIRONMENT")
                .value_parser(|value: &str| value.parse::<Environment>())
                .help("Evaluate for this environment, whatever the process environment says"),
        )
        .arg(
            Arg::new("fail-on")
                .long("fail-on")
                .value_name("LEVEL")
                .value_parser(["failure", "warning"])
                .default_value("failure")
                .help("Lowest status that makes the configuration not ready"),
        )
        .arg(
            Arg::new("color")
                .long("color")
                .value_name("WHEN")
                .value_parser(["auto", "always", "never"])
                .default_value("auto")
                .help("Colour the text report; auto: on a terminal, unless NO_COLOR is set"),
        )
        .subcommand(
            Command::new("generate")
                .about("Print a fresh random value for every secret, as NAME=value lines"),
        )
        .subcommand(
            Command::new("env-example")
                .about("Print a .env.example listing every variable, without secret values"),
        )
}

fn check<C: ProductionConfig>(
    matches: &ArgMatches,
    source: &dyn Source,
    out: &mut dyn Write,
    terminal: bool,
) -> Result<Exit, Box<dyn Error>> {
    let options = matches
        .get_one::<Environment>("environment")
        .map(|environment| LoadOptions::for_environment(*environment))
        .unwrap_or_default();
    let (_, report) = C::evaluate(source, &options);
    log_sources(&report);
    let fail_on = match is(matches, "fail-on", "warning") {
        true => FailOn::Warning,
        false => FailOn::Failure,
    };
    let output = if is(matches, "format", "json") {
        to_json_with(&report, fail_on)
    } else {
        let color = match matches.get_one::<String>("color").map(String::as_str) {
            Some("always") => true,
            Some("never") => false,
            _ => terminal && !no_color(source),
        };
        let options = TextOptions::new()
            .color(color)
            .fail_on(fail_on)
            .config(C::META);
        render_text(&report, &options)
    };
    write(out, &output)?;
    let unreadable = report
        .failures()
        .any(|check| UNREADABLE.contains(&check.id()));
    Ok(match Verdict::of(&report, fail_on) {
        _ if unreadable => Exit::Usage,
        Verdict::Ready => Exit::Success,
        Verdict::NotReady => Exit::NotReady,
    })
}

/// Failures that mean the configuration could not be read at all, rather than read and found
/// wanting: exit 2, as a usage error, so that CI tells a broken setup from an unready one.
const UNREADABLE: [&str; 2] = ["file.read", "file.parse"];

fn is(matches: &ArgMatches, id: &str, value: &str) -> bool {
    matches
        .get_one::<String>(id)
        .is_some_and(|given| given == value)
}

/// `NO_COLOR` set to anything but the empty string (<https://no-color.org>).
fn no_color(source: &dyn Source) -> bool {
    match source.lookup("NO_COLOR") {
        Lookup::Missing => false,
        Lookup::Value(value) => !value.is_empty(),
        Lookup::NotUnicode => true,
    }
}

/// Where each value came from, at debug level: names and origins, never values.
fn log_sources(report: &Report) {
    tracing::debug!(
        environment = report.environment().as_str(),
        origin = %report.environment_origin(),
        "evaluating the configuration"
    );
    for check in report.checks() {
        let source = check
            .provenance()
            .map(ToString::to_string)
            .unwrap_or_default();
        tracing::debug!(
            id = check.id(),
            status = check.status().as_str(),
            field = check.field().unwrap_or_default(),
            variable = check.variable().unwrap_or_default(),
            source,
            "{}",
            check.message()
        );
    }
}

fn generate<C: ProductionConfig>(out: &mut dyn Write) -> Result<Exit, Box<dyn Error>> {
    let mut text = String::new();
    for secret in generate_secrets(C::META)? {
        text.push_str(secret.variable);
        text.push('=');
        text.push_str(secret.value.expose_secret());
        text.push('\n');
    }
    // The buffer held secrets: wipe it once written.
    let result = write(out, &text);
    zeroize::Zeroize::zeroize(&mut text);
    result
}

fn write(out: &mut dyn Write, text: &str) -> Result<Exit, Box<dyn Error>> {
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(Exit::Success)
}
