//! What a client sends and receives, and the trait of whatever carries it (HTTP, a test double).

use std::error::Error as StdError;
use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use serde::ser::SerializeMap as _;
use serde_json::Value;

/// Whether an operation only reads (a query) or may change something (a mutation): what decides
/// whether a failed call may be sent again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OperationKind {
    /// Reads only; sending it twice does no harm.
    Query,
    /// May change state; sent again only when the failure proves it did not run.
    Mutation,
}

impl OperationKind {
    /// The kind of a GraphQL document's first operation: `Query` for `query …` or the `{ … }`
    /// shorthand, `Mutation` for `mutation` or `subscription`, and `Mutation` too for a document it
    /// cannot tell (the cautious answer: a mutation is never sent twice). Fragment definitions
    /// before the operation are skipped; comments and strings are not mistaken for keywords.
    #[inline]
    pub fn of_document(document: &str) -> OperationKind {
        let bytes = document.as_bytes();
        let (mut i, mut depth, mut in_fragment) = (0, 0usize, false);
        while i < bytes.len() {
            match bytes[i] {
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'"' => {
                    let block = bytes[i..].starts_with(b"\"\"\"");
                    i += if block { 3 } else { 1 };
                    while i < bytes.len() {
                        if bytes[i] == b'\\' {
                            i += 2;
                            continue;
                        }
                        if (block && bytes[i..].starts_with(b"\"\"\"")) || (!block && bytes[i] == b'"') {
                            i += if block { 2 } else { 0 };
                            break;
                        }
                        i += 1;
                    }
                }
                b'{' if depth == 0 && !in_fragment => return OperationKind::Query,
                b'{' => depth += 1,
                b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        in_fragment = false;
                    }
                }
                c if depth == 0 && (c.is_ascii_alphabetic() || c == b'_') => {
                    let start = i;
                    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                        i += 1;
                    }
                    match &document[start..i] {
                        "query" if !in_fragment => return OperationKind::Query,
                        "mutation" | "subscription" if !in_fragment => return OperationKind::Mutation,
                        "fragment" => in_fragment = true,
                        _ => {}
                    }
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        OperationKind::Mutation
    }
}

/// One GraphQL request. It serializes as the JSON body of a POST (`operationName`, `query`,
/// `variables`); the token travels beside it, for the transport to put in a header, and its `Debug`
/// never shows it.
#[derive(Clone, PartialEq)]
pub struct Request<'a> {
    /// The operation to run.
    pub operation_name: &'a str,
    /// The GraphQL document.
    pub query: &'a str,
    /// The variables, a JSON object.
    pub variables: Value,
    /// The Kraken token to send as the `Authorization` header, if any.
    pub token: Option<&'a str>,
}

impl fmt::Debug for Request<'_> {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("operation_name", &self.operation_name)
            .field("query", &self.query)
            .field("variables", &super::redact::redact_json(&self.variables))
            .field("token", &self.token.map(|_| super::redact::REDACTED))
            .finish()
    }
}

impl serde::Serialize for Request<'_> {
    #[inline]
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("operationName", self.operation_name)?;
        map.serialize_entry("query", self.query)?;
        map.serialize_entry("variables", &self.variables)?;
        map.end()
    }
}

/// A response: its JSON body (`{"data": …, "errors": […]}`) and what the transport learnt besides.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The whole body.
    pub body: Value,
    /// How long the server asked to wait before the next request (a `Retry-After` header).
    pub retry_after: Option<Duration>,
}

impl From<Value> for Response {
    #[inline]
    fn from(body: Value) -> Self {
        Response { body, retry_after: None }
    }
}

/// What went wrong in a [`TransportError`], as far as deciding whether to send the request again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// No connection could be made: the request never reached the server.
    Connect,
    /// No answer in time: the request may or may not have run.
    Timeout,
    /// The server answered with this HTTP status and no GraphQL errors.
    Status(u16),
    /// The body was larger than the transport accepts.
    TooLarge,
    /// The body could not be read or is not JSON.
    Body,
    /// The request could not be built (an invalid header, say), so it was never sent.
    Request,
    /// Anything else.
    Other,
}

/// A failure to exchange a request and a response (network, HTTP status, a body that is not JSON);
/// GraphQL errors in a response are not transport errors.
pub struct TransportError {
    kind: TransportErrorKind,
    message: String,
    retry_after: Option<Duration>,
    source: Option<Box<dyn StdError + Send + Sync>>,
}

impl fmt::Debug for TransportError {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportError")
            .field("kind", &self.kind)
            .field("message", &self.message)
            .field("retry_after", &self.retry_after)
            .field("source", &self.source)
            .finish()
    }
}

impl TransportError {
    /// An error of kind [`TransportErrorKind::Other`] with a message.
    #[inline]
    pub fn new(message: impl Into<String>) -> Self {
        TransportError { kind: TransportErrorKind::Other, message: message.into(), retry_after: None, source: None }
    }

    /// Sets what kind of failure it is.
    #[must_use]
    #[inline]
    pub fn with_kind(mut self, kind: TransportErrorKind) -> Self {
        self.kind = kind;
        self
    }

    /// Records the HTTP status of the response (the kind becomes [`TransportErrorKind::Status`]).
    #[must_use]
    #[inline]
    pub fn with_status(mut self, status: u16) -> Self {
        self.kind = TransportErrorKind::Status(status);
        self
    }

    /// Records how long the server asked to wait.
    #[must_use]
    #[inline]
    pub fn with_retry_after(mut self, wait: Option<Duration>) -> Self {
        self.retry_after = wait;
        self
    }

    /// Records the underlying error.
    #[must_use]
    #[inline]
    pub fn with_source(mut self, source: impl StdError + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// What kind of failure it is.
    #[inline]
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// The HTTP status, when the server answered with an unexpected one.
    #[inline]
    pub fn status(&self) -> Option<u16> {
        match self.kind {
            TransportErrorKind::Status(s) => Some(s),
            _ => None,
        }
    }

    /// How long the server asked to wait before the next request.
    #[inline]
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }
}

impl fmt::Display for TransportError {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(source) = &self.source {
            write!(f, ": {source}")?;
        }
        Ok(())
    }
}

impl StdError for TransportError {
    #[inline]
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source.as_deref().map(|e| e as &(dyn StdError + 'static))
    }
}

/// Sends requests. The `reqwest` feature provides `http::ReqwestTransport`; tests and mock servers
/// can implement it directly.
pub trait Transport {
    /// Sends one request and returns the whole response.
    fn execute(&self, request: &Request<'_>) -> impl Future<Output = Result<Response, TransportError>> + Send;
}

/// A shared transport is a transport, so several clients (or a client and a test) can use one.
impl<T: Transport + Send + Sync + ?Sized> Transport for Arc<T> {
    #[inline]
    fn execute(&self, request: &Request<'_>) -> impl Future<Output = Result<Response, TransportError>> + Send {
        T::execute(self, request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_of_a_document_is_its_first_keyword() {
        assert_eq!(OperationKind::of_document("query Q { a }"), OperationKind::Query);
        assert_eq!(OperationKind::of_document("  # a comment\n{ a }"), OperationKind::Query);
        assert_eq!(OperationKind::of_document("mutation M { a }"), OperationKind::Mutation);
        assert_eq!(OperationKind::of_document("subscription S { a }"), OperationKind::Mutation);
        assert_eq!(OperationKind::of_document("queryish"), OperationKind::Mutation);
        assert_eq!(OperationKind::of_document("fragment F on T { a { b } } query Q { ...F }"), OperationKind::Query);
        assert_eq!(OperationKind::of_document("fragment F on T { a } mutation M { ...F }"), OperationKind::Mutation);
        assert_eq!(OperationKind::of_document("# query\n\"\"\"query\"\"\" mutation M { a }"), OperationKind::Mutation);
        assert_eq!(OperationKind::of_document(""), OperationKind::Mutation);
    }

    #[test]
    fn a_request_serializes_without_its_token_and_hides_it_from_debug() {
        let request = Request {
            operation_name: "Q",
            query: "query Q { a }",
            variables: serde_json::json!({ "input": { "password": "hunter2" } }),
            token: Some("secret-token"),
        };
        let json = serde_json::to_string(&request).unwrap();
        assert_eq!(json, r#"{"operationName":"Q","query":"query Q { a }","variables":{"input":{"password":"hunter2"}}}"#);
        let debug = format!("{request:?}");
        assert!(!debug.contains("secret-token") && !debug.contains("hunter2"), "{debug}");
        assert!(debug.contains("<redacted>"), "{debug}");
    }

    #[test]
    fn status_sets_the_kind() {
        let e = TransportError::new("bad gateway").with_status(502);
        assert_eq!(e.kind(), TransportErrorKind::Status(502));
        assert_eq!(e.status(), Some(502));
        assert_eq!(TransportError::new("x").status(), None);
    }
}
