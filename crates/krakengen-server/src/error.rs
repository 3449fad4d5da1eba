//! Errors in Kraken's shape.
//!
//! Kraken answers a failed mutation with HTTP 200 and an entry in `errors` whose `extensions` hold
//! `errorType` (`AUTHORIZATION`, `VALIDATION`, ...), `errorCode` (`KT-CT-1111`), `errorDescription`
//! and, for validation errors, `validationErrors: [{inputPath, message}]`. [`KrakenError`] is that
//! error on the server side; it converts into an async-graphql error carrying those extensions.

use serde::{Deserialize, Serialize};

/// One failed validation of an input field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidationError {
    pub message: String,
    pub input_path: Vec<String>,
}

/// A Kraken error as a server returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KrakenError {
    /// `AUTHORIZATION`, `VALIDATION`, `NOT_FOUND`, `RATE_LIMIT`, ...
    pub error_type: String,
    /// `KT-CT-1111`.
    pub code: String,
    /// The human-readable description (also used as the GraphQL `message`).
    pub description: String,
    pub validation_errors: Vec<ValidationError>,
    /// The id under which an internal error was logged (`extensions.correlationId`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
}

/// Kraken's internal error for a failure of the server itself: `what` (which may hold request
/// data) is logged with a new correlation id, and the caller gets only the id.
pub fn internal(what: impl std::fmt::Display) -> KrakenError {
    let id = correlation_id();
    tracing::error!(correlation_id = %id, "{what}");
    let mut error = KrakenError::new("APPLICATION", krakengen_policy::generic::INTERNAL_ERROR, "Internal server error.");
    error.correlation_id = Some(id);
    error
}

/// 16 hex digits, distinct within a process (a counter) and across processes (hashed with the
/// process's random keys): enough to find a log line, and saying nothing of the request.
fn correlation_id() -> String {
    use std::hash::BuildHasher as _;
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    static KEYS: std::sync::OnceLock<std::collections::hash_map::RandomState> = std::sync::OnceLock::new();
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!("{:016x}", KEYS.get_or_init(std::collections::hash_map::RandomState::new).hash_one(n))
}

impl KrakenError {
    pub fn new(error_type: impl Into<String>, code: impl Into<String>, description: impl Into<String>) -> Self {
        Self {
            error_type: error_type.into(),
            code: code.into(),
            description: description.into(),
            validation_errors: Vec::new(),
            correlation_id: None,
        }
    }

    /// Adds a validation error (and makes the error a `VALIDATION` one).
    pub fn with_validation_error(mut self, input_path: &[&str], message: impl Into<String>) -> Self {
        self.error_type = "VALIDATION".into();
        self.validation_errors.push(ValidationError {
            message: message.into(),
            input_path: input_path.iter().map(|s| s.to_string()).collect(),
        });
        self
    }

    /// The `extensions` object Kraken sends.
    pub fn extensions(&self) -> serde_json::Value {
        let mut ext = serde_json::json!({
            "errorType": self.error_type,
            "errorCode": self.code,
            "errorDescription": self.description,
        });
        if !self.validation_errors.is_empty() {
            ext["validationErrors"] = serde_json::to_value(&self.validation_errors).unwrap_or_default();
        }
        if let Some(id) = &self.correlation_id {
            ext["correlationId"] = id.as_str().into();
        }
        ext
    }
}

impl std::fmt::Display for KrakenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.description)
    }
}

impl std::error::Error for KrakenError {}

impl KrakenError {
    /// A whole response body holding only this error (`{"data": null, "errors": [...]}`), for a
    /// request refused before the schema ran.
    pub fn response_body(&self) -> serde_json::Value {
        serde_json::json!({ "data": null, "errors": [{ "message": self.description, "extensions": self.extensions() }] })
    }

    /// The async-graphql error carrying Kraken's extensions. (async-graphql's blanket
    /// `From<impl Display>` would drop the extensions, so this is a method rather than `From`.)
    pub fn into_graphql(self) -> async_graphql::Error {
        let e = self;
        let mut err = async_graphql::Error::new(e.description.clone());
        let mut ext = async_graphql::ErrorExtensionValues::default();
        ext.set("errorType", e.error_type.as_str());
        ext.set("errorCode", e.code.as_str());
        ext.set("errorDescription", e.description.as_str());
        if !e.validation_errors.is_empty() {
            let list: Vec<async_graphql::Value> = e
                .validation_errors
                .iter()
                .map(|v| {
                    async_graphql::Value::from_json(serde_json::to_value(v).unwrap_or_default()).unwrap_or_default()
                })
                .collect();
            ext.set("validationErrors", async_graphql::Value::List(list));
        }
        if let Some(id) = &e.correlation_id {
            ext.set("correlationId", id.as_str());
        }
        err.extensions = Some(ext);
        err
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_have_kraken_names() {
        let e = KrakenError::new("AUTHORIZATION", "KT-CT-1111", "Unauthorized.").with_validation_error(&["input", "email"], "bad");
        let ext = e.extensions();
        assert_eq!(ext["errorCode"], "KT-CT-1111");
        assert_eq!(ext["errorType"], "VALIDATION");
        assert_eq!(ext["validationErrors"][0]["inputPath"][1], "email");
        let gql = e.into_graphql();
        let json = serde_json::to_value(gql.extensions.unwrap()).unwrap();
        assert_eq!(json["errorCode"], "KT-CT-1111");
        assert_eq!(json["validationErrors"][0]["message"], "bad");
    }

    #[test]
    fn internal_errors_send_a_correlation_id_and_nothing_else() {
        let a = internal("the payload of `m` holds password hunter2");
        let b = internal("again");
        assert_eq!((a.code.as_str(), a.description.as_str()), ("KT-CT-7899", "Internal server error."));
        let id = a.correlation_id.clone().unwrap();
        assert!(id.len() == 16 && id.chars().all(|c| c.is_ascii_hexdigit()), "{id}");
        assert_ne!(a.correlation_id, b.correlation_id);
        let body = a.response_body().to_string();
        assert!(body.contains(&id) && !body.contains("hunter2"), "{body}");
    }
}
