//! The loader: evaluates a described configuration against a source, field by field,
//! recording every check in a [`Report`].

mod generate;
mod messages;
mod resolve;
mod reuse;
mod slot;

use std::borrow::Cow;
use std::path::PathBuf;

use secrecy::ExposeSecret;
use zeroize::Zeroizing;

pub use generate::generate_secret;

use crate::config::ProductionConfig;
use crate::environment::{Detection, Environment, EnvironmentOrigin};
use crate::files::{Content, FileLayer};
use crate::meta::FieldMeta;
use crate::report::{Check, Provenance, Report, Status};
use crate::source::{Lookup, Source};
use crate::strength;
use crate::value::{ConfigValue, FieldType, Grade, Invalid, ValueContext, ValueKind};
use reuse::LoadedSecrets;
use slot::{Outcome, Slot, TypedSlot};

/// The variable listing check ids whose warnings are silenced (comma-separated).
pub const ALLOW_WARNINGS_VARIABLE: &str = "QBITEL_AI_ALLOW_WARNINGS";

/// How to evaluate a configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct LoadOptions {
    /// Evaluate for this environment, whatever the variables say.
    pub environment: Option<Environment>,
    /// The directory relative paths are resolved from: the default configuration file
    /// `config/qbitel.{environment}.yaml`, `QBITEL_AI_CONFIG_FILE`, `NAME_FILE` paths and
    /// `QBITEL_AI_SECRETS_DIR`. `None`: the working directory, where the default file is
    /// looked for only when the source is the process environment.
    pub base_dir: Option<PathBuf>,
    /// Read this configuration file, whatever `QBITEL_AI_CONFIG_FILE` says; it must exist.
    pub config_file: Option<PathBuf>,
}

impl LoadOptions {
    /// Options that evaluate for `environment`, whatever the variables say.
    pub fn for_environment(environment: Environment) -> Self {
        Self {
            environment: Some(environment),
            ..Self::default()
        }
    }

    /// Resolves relative paths from `dir` instead of the working directory, and looks for the
    /// default configuration file there, whatever the source.
    pub fn with_base_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.base_dir = Some(dir.into());
        self
    }

    /// Reads the configuration file `path` (relative to the base directory), which must exist.
    pub fn with_config_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.config_file = Some(path.into());
        self
    }
}

/// Evaluates one configuration. Generated code calls [`Loader::field`] once per field.
pub struct Loader<'a> {
    source: &'a dyn Source,
    environment: Environment,
    report: Report,
    allowed: Vec<String>,
    secrets: LoadedSecrets,
    /// The field names of the nested structs being loaded, outermost first.
    path: Vec<&'static str>,
    /// The configuration file and secret files.
    files: FileLayer,
    /// Whether passed checks are recorded.
    passes: bool,
    /// Where the value of the field loaded last came from, for the rules checked after it.
    last_origin: Option<Provenance>,
    /// The buffer `resolve` builds `NAME_FILE` names in.
    pointer_name: String,
}

impl<'a> Loader<'a> {
    /// `passes`: whether passed checks are recorded. A report needs them; `load` only needs
    /// them for debug logs, and building their messages is most of a load's cost.
    pub(crate) fn new(source: &'a dyn Source, options: &LoadOptions, passes: bool) -> Self {
        let detection = Detection::run(source);
        let (environment, origin, failure) = match (options.environment, detection) {
            (Some(environment), _) => (environment, EnvironmentOrigin::Override, None),
            (None, Ok(detection)) => (detection.environment, detection.origin, None),
            // Unknown spelling: judge as strictly as production, and fail.
            (None, Err(check)) => {
                let variable = check.variable().unwrap_or_default().to_owned();
                let origin = EnvironmentOrigin::Invalid(variable);
                (Environment::Production, origin, Some(check))
            }
        };
        let mut report = Report::new(environment, origin.clone());
        match failure {
            Some(check) => report.push(*check),
            None if passes => report.push(Check::new(
                "environment",
                Status::Pass,
                format!("Running in {} mode", environment.as_str().to_uppercase()),
            )),
            None => {}
        }
        let files = FileLayer::open(
            source,
            options.base_dir.as_deref(),
            options.config_file.as_deref(),
            environment,
            &mut report,
        );
        let allowed = match source.lookup(ALLOW_WARNINGS_VARIABLE) {
            Lookup::Value(ids) => ids.split(',').map(|id| id.trim().to_owned()).collect(),
            _ => Vec::new(),
        };
        Self {
            source,
            environment,
            report,
            allowed,
            secrets: LoadedSecrets::default(),
            path: Vec::new(),
            files,
            passes,
            last_origin: None,
            pointer_name: String::new(),
        }
    }

    /// The environment being evaluated.
    pub fn environment(&self) -> Environment {
        self.environment
    }

    /// Loads one field, recording its checks; `None` when it failed.
    pub fn field<T: FieldType>(&mut self, meta: &'static FieldMeta) -> Option<T> {
        let mut slot = TypedSlot::<T>::new();
        let outcome = self.field_in(meta, T::KIND, T::OPTIONAL, &mut slot);
        slot.finish(outcome)
    }

    /// [`Loader::field`] for any type: `slot` parses and keeps the value.
    fn field_in(
        &mut self,
        meta: &'static FieldMeta,
        kind: ValueKind,
        optional: bool,
        slot: &mut dyn Slot,
    ) -> Outcome {
        self.last_origin = None;
        let file = self.files.field(&self.path, meta.name());
        let mut field = FieldScope::new(self, meta, kind, optional);
        let loader = &mut *field.loader;
        let resolved =
            resolve::resolve(loader.source, &loader.files, meta, &mut loader.pointer_name);
        for problem in &resolved.problems {
            let message = problem.message.clone();
            field.check_at(problem.id, Status::Failure, &problem.variable, message);
        }
        if let Some(file) = &file {
            field.loader.files.settle(file, resolved.value.is_none());
            if field.kind.is_secret() && matches!(file.content, Content::Text(_)) {
                field.file_secret(&file.provenance);
            }
        }
        if !resolved.problems.is_empty() {
            return Outcome::Failed;
        }
        for name in &resolved.not_unicode {
            field.check_at(
                "value.unicode",
                Status::Failure,
                name,
                format!(
                    "{name} is set, but its value is not valid UTF-8; set it to UTF-8 text ({})",
                    meta.label_text()
                ),
            );
        }
        for name in &resolved.empty {
            field.check_at(
                "value.empty",
                Status::Warning,
                name,
                format!("{name} is set but empty; an empty variable counts as not set"),
            );
        }
        if let Some(found) = &resolved.value {
            let used = &found.provenance;
            for name in &resolved.conflicting {
                field.check_at(
                    "value.conflict",
                    Status::Warning,
                    name,
                    format!(
                        "{used} and {name} are both set, to different values; using {used}. \
                         Unset one of them."
                    ),
                );
            }
        }
        match (resolved.value, file) {
            (Some(found), _) => field.accept(slot, found.raw, found.provenance),
            (None, Some(file)) => field.use_file(slot, file.content, file.provenance),
            (None, None) => field.absent(slot),
        }
    }

    /// The `production = "..."` rule of a loaded field: anything but that value is an error in
    /// production and a warning elsewhere.
    pub fn production_rule<T: FieldType + PartialEq>(
        &mut self,
        meta: &'static FieldMeta,
        value: &Option<T>,
    ) {
        let (Some(expected), Some(value)) = (meta.production_value(), value) else {
            return;
        };
        let mut cx = ValueContext::new(self.environment);
        let matches = <T::Value as ConfigValue>::parse(expected.to_owned(), &mut cx)
            .map(|required| T::present(required) == *value);
        self.production_check(meta, T::KIND, expected, matches);
    }

    /// The check of a `production = "..."` rule; `matches` says whether the value is the one
    /// required, or why the required text does not parse.
    fn production_check(
        &mut self,
        meta: &'static FieldMeta,
        kind: ValueKind,
        expected: &str,
        matches: Result<bool, Invalid>,
    ) {
        let origin = self.last_origin.take();
        let mut field = FieldScope::new(self, meta, kind, false);
        let (status, message) = match matches {
            Ok(true) => {
                if !field.loader.passes {
                    return;
                }
                let message = format!(
                    "{} is {expected}, as production requires",
                    meta.label_text()
                );
                (Status::Pass, message)
            }
            Ok(false) => {
                let status = grade_status(Grade::Policy, field.loader.environment);
                let from = origin
                    .as_ref()
                    .map(|o| format!(" ({o})"))
                    .unwrap_or_default();
                let message = format!(
                    "{}{from} must be {expected} in production",
                    meta.label_text()
                );
                (status, messages::with_hint(meta, message))
            }
            Err(invalid) => (
                Status::Failure,
                format!(
                    "{}: `production = {expected:?}` is not a valid value: {invalid}",
                    meta.label_text()
                ),
            ),
        };
        let check = field.check("value.production", status, message);
        field.push(match origin {
            Some(origin) => check.with_provenance(origin),
            None => check,
        });
    }

    /// Loads a nested configuration struct, its fields reported under `field.`.
    pub fn nested<C: ProductionConfig>(&mut self, meta: &'static FieldMeta) -> Option<C> {
        if let Some(check) = self.files.section(&self.path, meta.name()) {
            self.report.push(check);
        }
        self.path.push(meta.name());
        let value = C::__load(self);
        self.path.pop();
        value
    }

    /// The dotted path of a field of the struct being loaded (`security.cors_origins`).
    fn field_path(&self, name: &'static str) -> Cow<'static, str> {
        if self.path.is_empty() {
            return Cow::Borrowed(name);
        }
        let mut path = String::new();
        for section in &self.path {
            path.push_str(section);
            path.push('.');
        }
        path.push_str(name);
        Cow::Owned(path)
    }

    pub(crate) fn finish(mut self) -> Report {
        for (first, second) in self.secrets.reused() {
            let check = Check::new(
                "secret.unique",
                grade_status(Grade::Policy, self.environment),
                format!(
                    "{} and {} have the same value; every secret must be unique, so that one \
                     leak does not expose the other",
                    first.label, second.label
                ),
            )
            .with_field(second.field.to_string(), second.label, true);
            self.report.push(check);
        }
        self.files
            .finish(self.environment, &self.allowed, &mut self.report);
        self.report
    }
}

fn grade_status(grade: Grade, environment: Environment) -> Status {
    match (grade, environment.is_production()) {
        (_, true) => Status::Failure,
        (Grade::Policy, false) => Status::Warning,
        (Grade::ProductionOnly, false) => Status::Pass,
    }
}

/// One field's evaluation: its description, kind and the loader to report to.
struct FieldScope<'l, 'a> {
    loader: &'l mut Loader<'a>,
    meta: &'static FieldMeta,
    kind: ValueKind,
    /// Whether the field's type is an `Option`.
    optional: bool,
}

impl<'l, 'a> FieldScope<'l, 'a> {
    fn new(
        loader: &'l mut Loader<'a>,
        meta: &'static FieldMeta,
        kind: ValueKind,
        optional: bool,
    ) -> Self {
        Self {
            loader,
            meta,
            kind,
            optional,
        }
    }

    fn production(&self) -> bool {
        self.loader.environment.is_production()
    }

    fn check_at(&mut self, id: &'static str, status: Status, variable: &str, message: String) {
        let check = self.check(id, status, message).with_variable(variable);
        self.push(check);
    }

    fn check(&self, id: &'static str, status: Status, message: String) -> Check {
        let silenced =
            self.meta.allowed().contains(&id) || self.loader.allowed.iter().any(|a| a == id);
        Check::judged(id, status, message, silenced)
            .with_field(
                self.loader.field_path(self.meta.name()).into_owned(),
                self.meta.label_text(),
                self.kind.is_secret(),
            )
            .with_variable(self.meta.env())
    }

    fn push(&mut self, check: Check) {
        self.loader.report.push(check);
    }

    /// Records a passed check, building its message only when passes are kept.
    fn pass(&mut self, id: &'static str, origin: &Provenance, message: impl FnOnce() -> String) {
        if self.loader.passes {
            let check = self.check(id, Status::Pass, message());
            self.push(check.with_provenance(origin.clone()));
        }
    }

    fn record(&mut self, id: &'static str, status: Status, message: String) {
        let check = self.check(id, status, message);
        self.push(check);
    }

    /// No variable holds a value, but the configuration file has the key.
    fn use_file(mut self, slot: &mut dyn Slot, content: Content, origin: Provenance) -> Outcome {
        match content {
            Content::Text(raw) => self.accept(slot, raw, origin),
            Content::Null => self.absent(slot),
            Content::Empty => {
                let message =
                    format!("{origin}: the key is empty; an empty value counts as not set");
                let check = self.check("value.empty", Status::Warning, message);
                self.push(check.with_provenance(origin));
                self.absent(slot)
            }
            Content::Invalid(message) => {
                let check = self.check("file.invalid", Status::Failure, message);
                self.push(check.with_provenance(origin));
                Outcome::Failed
            }
        }
    }

    /// A secret written in the configuration file, which is committed with the code.
    fn file_secret(&mut self, origin: &Provenance) {
        let status = grade_status(Grade::Policy, self.loader.environment);
        let env = self.meta.env();
        let message = format!(
            "{} is set in the configuration file ({origin}): never commit secrets to version \
             control. Remove it from the file and set {env}, {env}{} (a file's path), or a file \
             named {env} in {}.",
            self.meta.label_text(),
            crate::files::FILE_SUFFIX,
            crate::files::SECRETS_DIR_VARIABLE,
        );
        let check = self.check("file.secret", status, message);
        self.push(check.with_provenance(origin.clone()));
    }

    /// No name holds a value: defaults, stand-ins, or a missing-value check.
    fn absent(mut self, slot: &mut dyn Slot) -> Outcome {
        let meta = self.meta;
        if let Some(default) = meta.default_value() {
            return self.accept(
                slot,
                Zeroizing::new(default.to_owned()),
                Provenance::Default,
            );
        }
        if let (false, Some(default)) = (self.production(), meta.dev_default_value()) {
            if self.kind.is_secret() {
                let message = messages::stand_in(meta, self.kind, true);
                self.record("secret.stand_in", Status::Warning, message);
            }
            return self.accept(
                slot,
                Zeroizing::new(default.to_owned()),
                Provenance::DevDefault,
            );
        }
        let production = self.production();
        if self.optional {
            if meta.is_required() {
                let status = if production {
                    Status::Failure
                } else {
                    Status::Warning
                };
                let path = self.loader.field_path(meta.name());
                let message =
                    messages::missing(meta, self.kind, true, self.loader.environment, &path);
                self.record("value.present", status, message);
            } else if meta.is_recommended() {
                let path = self.loader.field_path(meta.name());
                let message = messages::recommended(meta, self.kind, &path);
                self.record("value.recommended", Status::Warning, message);
            } else {
                let message = format!("{} is not set (optional)", meta.label_text());
                self.record("value.present", Status::Pass, message);
            }
            return Outcome::Absent;
        }
        if self.kind.is_secret() && !production {
            return self.stand_in(slot);
        }
        let path = self.loader.field_path(meta.name());
        let message = messages::missing(meta, self.kind, false, self.loader.environment, &path);
        self.record("value.present", Status::Failure, message);
        Outcome::Failed
    }

    /// Outside production, a missing or unusable secret gets a random value, loudly.
    fn stand_in(mut self, slot: &mut dyn Slot) -> Outcome {
        let message = messages::stand_in(self.meta, self.kind, false);
        match generate_secret(self.kind, self.meta) {
            Ok(value) => {
                self.record("secret.stand_in", Status::Warning, message);
                let raw = Zeroizing::new(value.expose_secret().to_owned());
                self.accept(slot, raw, Provenance::Ephemeral)
            }
            Err(error) => {
                let message = format!(
                    "{} not configured, and no random stand-in could be made ({error}).\n{message}",
                    self.meta.label_text()
                );
                self.record("value.present", Status::Failure, message);
                Outcome::Failed
            }
        }
    }

    /// Parses a value found for the field and checks its rules.
    fn accept(
        mut self,
        slot: &mut dyn Slot,
        mut raw: Zeroizing<String>,
        origin: Provenance,
    ) -> Outcome {
        let meta = self.meta;
        let mut cx = ValueContext::new(self.loader.environment);
        match slot.parse(std::mem::take(&mut *raw), &mut cx) {
            Ok(()) => {}
            Err(invalid) => {
                // A parse error may quote the value; a value read from a secret file is treated
                // as a secret whatever the field, since the file may be the wrong mount.
                let reason = if origin.is_secret_file() {
                    "is not a valid value (not shown: it came from a secret file)"
                } else {
                    invalid.message()
                };
                let message =
                    messages::with_hint(meta, format!("{} ({origin}) {reason}", meta.label_text()));
                let ephemeral = matches!(origin, Provenance::Ephemeral);
                if self.kind.is_secret() && !self.production() && !ephemeral {
                    let check = self
                        .check(invalid.id(), Status::Warning, message)
                        .with_provenance(origin);
                    self.push(check);
                    return self.stand_in(slot);
                }
                let check = self
                    .check(invalid.id(), Status::Failure, message)
                    .with_provenance(origin);
                self.push(check);
                return Outcome::Failed;
            }
        }
        if meta.production_value().is_some() {
            self.loader.last_origin = Some(origin.clone());
        }
        // A stand-in was made to fit the rules, and its warning already says it is one.
        if matches!(origin, Provenance::Ephemeral) {
            return Outcome::Present;
        }
        self.pass("value.present", &origin, || {
            messages::configured(meta, &origin.to_string())
        });
        for finding in cx.take_findings() {
            let status = grade_status(finding.grade, self.loader.environment);
            let message = if origin.is_secret_file() {
                format!(
                    "{} ({origin}) breaks the `{}` rule (details not shown: the value came from \
                     a secret file)",
                    meta.label_text(),
                    finding.id
                )
            } else {
                finding.message
            };
            let check = self
                .check(finding.id, status, messages::with_hint(meta, message))
                .with_provenance(origin.clone());
            self.push(check);
        }
        if let Some(text) = slot.text() {
            self.text_rules(text, &origin);
        }
        if let (true, Some(text)) = (self.kind.is_secret(), slot.text()) {
            let field = self.loader.field_path(meta.name());
            self.loader.secrets.push(field, meta.label_text(), text);
        }
        Outcome::Present
    }

    /// `min_len`, `strength` and `letters_and_digits`.
    fn text_rules(&mut self, text: &str, origin: &Provenance) {
        let meta = self.meta;
        let policy = grade_status(Grade::Policy, self.loader.environment);
        if let Some(min_len) = meta.min_len_value() {
            if text.chars().count() >= min_len {
                self.pass("value.min_len", origin, || {
                    format!("{} is at least {min_len} characters", meta.label_text())
                });
            } else {
                let problem = format!("Must be at least {min_len} characters long");
                let message = messages::rule_failed(meta, self.kind, &[problem]);
                let check = self.check("value.min_len", policy, message);
                self.push(check.with_provenance(origin.clone()));
            }
        }
        if let Some(kind) = meta.strength_kind() {
            let estimate = strength::estimate(text, kind);
            if estimate.is_strong() {
                self.pass("secret.strength", origin, || {
                    format!("{} is strong", meta.label_text())
                });
            } else {
                let mut problems: Vec<String> = estimate
                    .findings
                    .iter()
                    .map(|f| format!("Secret {f}"))
                    .collect();
                problems.push(format!(
                    "Too predictable: about {:.0} bits of guessing work, at least {:.0} needed",
                    estimate.bits, estimate.required_bits
                ));
                let message = messages::rule_failed(meta, self.kind, &problems);
                let check = self.check("secret.strength", policy, message);
                self.push(check.with_provenance(origin.clone()));
            }
        }
        if meta.needs_letters_and_digits() {
            if generate::has_letters_and_digits(text) {
                self.pass("secret.letters_and_digits", origin, || {
                    format!("{} contains letters and digits", meta.label_text())
                });
            } else {
                let problem = "Must contain both letters and digits".to_owned();
                let message = messages::rule_failed(meta, self.kind, &[problem]);
                let check = self.check("secret.letters_and_digits", policy, message);
                self.push(check.with_provenance(origin.clone()));
            }
        }
    }
}
