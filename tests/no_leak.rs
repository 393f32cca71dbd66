//! No output path ever shows a secret: over random secrets, the variables they are set under,
//! and the ways they fail, neither `Display` nor `Debug` of the configuration, its error, its
//! report and checks, the checker's text and JSON, nor the `tracing` logs of a load contain a
//! secret or any 8-character piece of one.
//!
//! Secrets have `~` at every fourth position, a character no message uses, so any window of
//! four or more of their characters cannot occur in message text by coincidence; Fernet keys
//! (which must be base64) have `-` there instead.

use std::io;
use std::sync::{Arc, Mutex, PoisonError};

use proptest::prelude::*;
use qbitel::AppConfig;
use qbitel_runtime::check::{TextOptions, render_text, to_json};
use qbitel_runtime::{ProductionConfig, Vars};

/// How one secret field is set.
#[derive(Clone, Debug)]
enum Setting {
    /// Not set.
    Missing,
    /// Set to the empty string.
    Empty,
    /// Set under the prefixed name.
    Prefixed(String),
    /// Set under the design document's unprefixed fallback name.
    Fallback(String),
    /// Set under both names, to different values.
    Both(String, String),
    /// Set under the prefixed name to the secret's bytes followed by invalid UTF-8.
    NotUnicode(String),
}

impl Setting {
    fn secrets(&self) -> Vec<&str> {
        match self {
            Setting::Missing | Setting::Empty => vec![],
            Setting::Prefixed(secret) | Setting::Fallback(secret) | Setting::NotUnicode(secret) => {
                vec![secret]
            }
            Setting::Both(first, second) => vec![first, second],
        }
    }

    fn apply(&self, vars: &mut Vars, prefixed: &str, fallback: &str) {
        match self {
            Setting::Missing => {}
            Setting::Empty => {
                vars.set(prefixed, "");
            }
            Setting::Prefixed(secret) => {
                vars.set(prefixed, secret.as_str());
            }
            Setting::Fallback(secret) => {
                vars.set(fallback, secret.as_str());
            }
            Setting::Both(first, second) => {
                vars.set(prefixed, first.as_str());
                vars.set(fallback, second.as_str());
            }
            Setting::NotUnicode(secret) => {
                let mut bytes = secret.as_bytes().to_vec();
                bytes.extend_from_slice(&[0xff, 0xfe]);
                vars.set_bytes(prefixed, bytes);
            }
        }
    }
}

/// Text with `separator` at every fourth position: random (strong when long), short, or
/// repetitive (weak).
fn marked(alphabet: &'static str, separator: char) -> BoxedStrategy<String> {
    let chars: Vec<char> = alphabet.chars().collect();
    let random = prop::collection::vec(prop::sample::select(chars), 1..80);
    let repeated = (
        prop::collection::vec(
            prop::sample::select(alphabet.chars().collect::<Vec<_>>()),
            1..4,
        ),
        2..20usize,
    )
        .prop_map(|(chunk, times)| chunk.into_iter().cycle().take(times * 4).collect());
    prop_oneof![random, repeated]
        .prop_map(move |chars: Vec<char>| {
            chars
                .into_iter()
                .enumerate()
                .map(|(index, c)| if index % 4 == 3 { separator } else { c })
                .collect()
        })
        .boxed()
}

fn secret() -> BoxedStrategy<String> {
    marked(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#%",
        '~',
    )
}

/// A Fernet-key-shaped value: 43 base64url characters and `=`, valid or not.
fn fernet_like() -> BoxedStrategy<String> {
    let valid = (
        prop::collection::vec(
            prop::sample::select(
                "abcdefghijklmnopqrstuvwxyz0123456789"
                    .chars()
                    .collect::<Vec<_>>(),
            ),
            42,
        ),
        prop::sample::select(vec!['c', 'g', 'k', 'o', 's', 'w', '0', '4', '8']),
    )
        .prop_map(|(chars, last)| {
            let mut key: String = chars
                .into_iter()
                .enumerate()
                .map(|(index, c)| if index % 4 == 3 { '-' } else { c })
                .collect();
            key.push(last);
            key.push('=');
            key
        });
    prop_oneof![valid, secret()].boxed()
}

fn setting(value: BoxedStrategy<String>) -> impl Strategy<Value = Setting> {
    prop_oneof![
        1 => Just(Setting::Missing),
        1 => Just(Setting::Empty),
        6 => value.clone().prop_map(Setting::Prefixed),
        2 => value.clone().prop_map(Setting::Fallback),
        1 => (value.clone(), value.clone()).prop_map(|(a, b)| Setting::Both(a, b)),
        1 => value.prop_map(Setting::NotUnicode),
    ]
}

/// The five secret fields of `AppConfig`: prefixed and fallback names.
const SECRET_NAMES: [(&str, &str); 5] = [
    ("QBITEL_AI_DB_PASSWORD", "DATABASE_PASSWORD"),
    ("QBITEL_AI_REDIS_PASSWORD", "REDIS_PASSWORD"),
    ("QBITEL_AI_JWT_SECRET", "JWT_SECRET"),
    ("QBITEL_AI_ENCRYPTION_KEY", "ENCRYPTION_KEY"),
    ("QBITEL_AI_API_KEY", "API_KEY"),
];

const CHECK_IDS: [&str; 8] = [
    "value.recommended",
    "secret.strength",
    "secret.letters_and_digits",
    "secret.unique",
    "secret.stand_in",
    "cors.wildcard",
    "cors.insecure",
    "value.min_len",
];

#[derive(Clone, Debug)]
struct Case {
    environment: &'static str,
    settings: Vec<Setting>,
    /// Index of a secret field whose value is copied into another secret field.
    duplicate: Option<(usize, usize)>,
    allowed: Vec<&'static str>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::sample::select(vec![
            "production",
            "development",
            "staging",
            "prod",
            "bogus",
        ]),
        setting(secret()),
        setting(secret()),
        setting(secret()),
        setting(fernet_like()),
        setting(secret()),
        prop::option::of((0..5usize, 0..5usize)),
        prop::sample::subsequence(CHECK_IDS.to_vec(), 0..4),
    )
        .prop_map(
            |(environment, db, redis, jwt, key, api, duplicate, allowed)| Case {
                environment,
                settings: vec![db, redis, jwt, key, api],
                duplicate,
                allowed,
            },
        )
}

impl Case {
    fn vars(&self) -> Vars {
        let mut vars = Vars::from_pairs([
            ("QBITEL_AI_ENVIRONMENT", self.environment),
            ("QBITEL_AI_CORS_ORIGINS", "https://app.example.com"),
        ]);
        if !self.allowed.is_empty() {
            vars.set("QBITEL_AI_ALLOW_WARNINGS", self.allowed.join(","));
        }
        let mut settings = self.settings.clone();
        if let Some((from, to)) = self.duplicate {
            settings[to] = settings[from].clone();
        }
        for (setting, (prefixed, fallback)) in settings.iter().zip(SECRET_NAMES) {
            setting.apply(&mut vars, prefixed, fallback);
        }
        vars
    }

    fn secrets(&self) -> Vec<&str> {
        self.settings.iter().flat_map(Setting::secrets).collect()
    }
}

/// A `tracing` writer into a shared buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(PoisonError::into_inner)).into_owned()
    }
}

/// Everything a load can show: the value's fields, the error, the report and every check, and
/// the logs written at every level.
fn every_output(vars: &Vars) -> String {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let mut out = String::new();
    tracing::subscriber::with_default(subscriber, || {
        match AppConfig::load_from(vars) {
            Ok(config) => {
                out += &format!(
                    "{:?} {:?} {:?} {:?} {:?} {:?} {}",
                    config.db_password,
                    config.redis_password,
                    config.jwt_secret,
                    config.encryption_key,
                    config.api_key,
                    config.security.cors_origins,
                    config.security.cors_origins,
                );
            }
            Err(error) => {
                out += &format!("{error}\n{error:?}\n");
                for check in error.violations() {
                    out += &format!("{check}\n{check:?}\n");
                }
            }
        }
        let report = AppConfig::report_from(vars);
        out += &format!("{report:?}\n");
        out += &render_text(&report, &TextOptions::new().config(AppConfig::META));
        out += &to_json(&report);
        for check in report.checks() {
            out += &format!(
                "{check}\n{check:?}\n{}\n{:?}\n{:?}\n{:?}\n",
                check.message(),
                check.label(),
                check.variable(),
                check.provenance().map(ToString::to_string),
            );
        }
    });
    out + &captured.text()
}

/// Fails when `text` contains `secret` or any 8-character piece of it (the whole secret when
/// it is shorter, from four characters on: see the module's note on `~`).
fn assert_absent(text: &str, secret: &str) -> Result<(), TestCaseError> {
    let chars: Vec<char> = secret.chars().collect();
    if chars.len() < 4 {
        return Ok(());
    }
    let pieces: Vec<String> = if chars.len() < 8 {
        vec![secret.to_owned()]
    } else {
        chars.windows(8).map(|w| w.iter().collect()).collect()
    };
    for piece in pieces {
        prop_assert!(
            !text.contains(&piece),
            "{piece:?} of a secret leaked into:\n{text}"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_output_contains_a_secret(case in case()) {
        let text = every_output(&case.vars());
        for secret in case.secrets() {
            assert_absent(&text, secret)?;
        }
    }
}

/// The capture works: a load's warnings and failures do reach it (so the property above
/// really searches the logs).
#[test]
fn logs_are_captured() {
    let vars = Vars::from_pairs([("QBITEL_AI_ENVIRONMENT", "production")]);
    let text = every_output(&vars);
    assert!(text.contains("ERROR"), "no log captured:\n{text}");
    assert!(text.contains("Database password"), "{text}");
}

/// The search finds a secret's piece wherever it sits (so a pass above means absence).
#[test]
fn a_leaked_piece_is_found() {
    let secret = "abc~def~ghi~jkl~";
    assert!(assert_absent("no secret here", secret).is_ok());
    assert!(assert_absent("message: def~ghi~ and more", secret).is_err());
    assert!(assert_absent("short ab~c", "ab~c").is_err());
}
