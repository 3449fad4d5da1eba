//! Keeping secrets out of `Debug`: the rule that says which names hold one, a JSON redactor, and a
//! string wrapper for tokens.

use std::fmt;

use serde_json::Value;

/// What `Debug` shows in place of a secret.
pub const REDACTED: &str = "<redacted>";

/// What a name holding a secret contains, once lower-cased without separators.
pub const SECRET_WORDS: [&str; 3] = ["password", "passcode", "secret"];
/// What such a name ends with.
pub const SECRET_SUFFIXES: [&str; 4] = ["token", "apikey", "privatekey", "accesskey"];

/// Whether a field or key named `name` holds a secret: its letters and digits, lower-cased, contain
/// one of [`SECRET_WORDS`] or end with one of [`SECRET_SUFFIXES`] (`password`, `refreshToken`,
/// `APIKey`, `secret_key`). The generator decides which struct fields to hide by the same rule.
pub fn secret_key(name: &str) -> bool {
    let n: String = name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    SECRET_WORDS.iter().any(|w| n.contains(w)) || SECRET_SUFFIXES.iter().any(|w| n.ends_with(w))
}

/// `value` with the value of every key that names a secret replaced by `"<redacted>"`, at any depth:
/// what the `Debug` of a JSON-carried type shows. Not `#[inline]`, unlike the rest of the runtime:
/// generated `Debug` impls call it from non-generic code, which would compile a copy of it (and of
/// the JSON map's cloning) into every generated crate.
pub fn redact_json(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let v = if secret_key(k) { Value::from(REDACTED) } else { redact_json(v) };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(redact_json).collect()),
        other => other.clone(),
    }
}

/// A string that is a secret (a token, a refresh token): its `Debug` shows `<redacted>`, and it has
/// no `Display`, so it reaches a log only through [`Secret::expose`].
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps `value`.
    #[inline]
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself, for the one place that must send it.
    #[inline]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl From<String> for Secret {
    #[inline]
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    #[inline]
    fn from(value: &str) -> Self {
        Secret(value.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_names_follow_the_rule() {
        for name in ["password", "newPassword", "refreshToken", "APIKey", "api_key", "secretKey", "clientSecret", "token"] {
            assert!(secret_key(name), "{name}");
        }
        for name in ["email", "tokenType", "accountNumber", "keyword", "passengers"] {
            assert!(!secret_key(name), "{name}");
        }
    }

    #[test]
    fn json_is_redacted_at_any_depth() {
        let v = serde_json::json!({ "input": { "email": "a@b", "password": "p" }, "list": [{ "token": "t" }] });
        assert_eq!(
            redact_json(&v),
            serde_json::json!({ "input": { "email": "a@b", "password": REDACTED }, "list": [{ "token": REDACTED }] })
        );
    }

    #[test]
    fn a_secret_never_debugs() {
        let s = Secret::new("abc");
        assert_eq!(format!("{s:?}"), REDACTED);
        assert_eq!(s.expose(), "abc");
    }
}
