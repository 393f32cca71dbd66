//! The list of origins allowed by CORS, with the production rules.

use std::fmt;

use http::Uri;

use crate::value::{ConfigValue, Grade, Invalid, PlainValue, ValueContext};

/// The allowed CORS origins, from a comma-separated list
/// (`https://app.example.com,https://dashboard.example.com`).
///
/// In production the wildcard `*` is forbidden and every origin must be a well-formed
/// `https://` origin (scheme, host, optional port; no path). In development `*` and `http://`
/// are allowed, and a malformed origin is dropped with a warning.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CorsOrigins {
    origins: Vec<String>,
    wildcard: bool,
}

impl CorsOrigins {
    /// Whether `*` (any origin) is allowed.
    pub fn is_wildcard(&self) -> bool {
        self.wildcard
    }

    /// The explicit origins, normalised (lower-case scheme and host, no trailing `/`).
    pub fn origins(&self) -> &[String] {
        &self.origins
    }

    /// Whether a request from `origin` is allowed.
    pub fn allows(&self, origin: &str) -> bool {
        self.wildcard || normalise(origin).is_ok_and(|origin| self.origins.contains(&origin))
    }
}

impl fmt::Display for CorsOrigins {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut items: Vec<&str> = self.origins.iter().map(String::as_str).collect();
        if self.wildcard {
            items.insert(0, "*");
        }
        f.write_str(&items.join(","))
    }
}

/// Why an origin is not one.
fn normalise(origin: &str) -> Result<String, String> {
    let origin = origin.trim();
    let origin = origin.strip_suffix('/').unwrap_or(origin);
    let uri: Uri = origin
        .parse()
        .map_err(|error| format!("it does not parse as a URI ({error})"))?;
    let scheme = uri
        .scheme_str()
        .ok_or("it has no scheme; write https://host")?;
    let scheme = match scheme {
        _ if scheme.eq_ignore_ascii_case("https") => "https://",
        _ if scheme.eq_ignore_ascii_case("http") => "http://",
        _ => {
            return Err(format!(
                "its scheme is {:?}; an origin is https:// or http://",
                scheme.to_ascii_lowercase()
            ));
        }
    };
    let authority = uri.authority().ok_or("it has no host")?;
    if authority.as_str().contains('@') {
        return Err("it contains user information (`user@`); an origin has none".to_owned());
    }
    if authority.host().is_empty() {
        return Err("it has no host".to_owned());
    }
    if uri.path() != "/" && !uri.path().is_empty() || uri.query().is_some() {
        return Err("it has a path or query; an origin is only scheme://host[:port]".to_owned());
    }
    // Built in one allocation: origins are parsed at every load.
    let mut normalised = String::with_capacity(scheme.len() + authority.as_str().len());
    normalised.push_str(scheme);
    normalised.push_str(authority.as_str());
    normalised.make_ascii_lowercase();
    Ok(normalised)
}

impl ConfigValue for CorsOrigins {
    fn parse(raw: String, cx: &mut ValueContext) -> Result<Self, Invalid> {
        let mut list = CorsOrigins::default();
        for item in raw
            .split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
        {
            if item == "*" {
                list.wildcard = true;
                let message = if cx.environment().is_production() {
                    "CORS wildcard (*) is FORBIDDEN in production mode! \
                     Specify the allowed origins explicitly, e.g. https://app.example.com"
                } else {
                    "CORS wildcard (*) allowed outside production; it is FORBIDDEN in production"
                };
                cx.finding("cors.wildcard", Grade::ProductionOnly, message);
                continue;
            }
            match normalise(item) {
                Ok(origin) => {
                    if origin.starts_with("http://") {
                        let verdict = if cx.environment().is_production() {
                            "all origins must use HTTPS in production"
                        } else {
                            "allowed outside production only"
                        };
                        cx.finding(
                            "cors.insecure",
                            Grade::ProductionOnly,
                            format!("CORS origin {origin} does not use HTTPS; {verdict}"),
                        );
                    }
                    if !list.origins.contains(&origin) {
                        list.origins.push(origin);
                    }
                }
                Err(reason) => cx.finding(
                    "cors.malformed",
                    Grade::Policy,
                    format!(
                        "CORS origin {:?} is not a valid origin: {reason}; it is ignored",
                        without_user_info(item)
                    ),
                ),
            }
        }
        Ok(list)
    }
}

impl PlainValue for CorsOrigins {}

/// `item` with anything before an `@` in its authority replaced: `user:password@` must not be
/// repeated in a message.
fn without_user_info(item: &str) -> String {
    let (scheme, rest) = item.split_once("://").unwrap_or(("", item));
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => {
            let prefix = if scheme.is_empty() {
                String::new()
            } else {
                format!("{scheme}://")
            };
            format!("{prefix}<redacted>{}", &rest[at..])
        }
        None => item.to_owned(),
    }
}
