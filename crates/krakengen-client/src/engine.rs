//! Sending one call: the session's token on it, refreshed when due or when the API says it expired,
//! and the call sent again when the retry policy allows.

use std::fmt;
use std::time::Instant;

use serde_json::Value;

use super::redact::Secret;
use super::retry::{self, RetryPolicy};
use super::session::{Session, Tokens};
use super::transport::{OperationKind, Request, Response, Transport, TransportError};

/// The API's token mutation (`obtainKrakenToken`), which both authenticates and refreshes: its
/// document, the root field that returns the tokens, and the argument taking the input object
/// (which carries `refreshToken` to refresh).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenMutation {
    /// The operation name in `document`.
    pub operation_name: &'static str,
    /// A document selecting `token`, `refreshToken`, `refreshExpiresIn` and `payload`.
    pub document: &'static str,
    /// The mutation's field of `data`.
    pub field: &'static str,
    /// The argument the input object is passed in (`input`).
    pub argument: &'static str,
}

/// The code of an expired token.
const TOKEN_EXPIRED: &str = "KT-CT-1124";

/// Sends calls through a transport with a session and a retry policy: the plumbing of a generated
/// `Client`, which adds one typed method per operation.
pub struct Engine<T> {
    transport: T,
    session: Session,
    retry: RetryPolicy,
    token_mutation: Option<TokenMutation>,
}

impl<T: fmt::Debug> fmt::Debug for Engine<T> {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Engine")
            .field("transport", &self.transport)
            .field("session", &self.session)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

/// Why a token could not be had before a call.
enum NoToken {
    /// The refresh was answered with errors: they are the call's answer.
    Refused(Response),
    Transport(TransportError),
}

impl<T> Engine<T> {
    /// An engine over `transport` with an empty session and the default retry policy;
    /// `token_mutation` is how the session refreshes (`None`: it cannot).
    #[inline]
    pub fn new(transport: T, token_mutation: Option<TokenMutation>) -> Self {
        Engine { transport, session: Session::new(), retry: RetryPolicy::default(), token_mutation }
    }

    /// Replaces the retry policy ([`RetryPolicy::never`] turns retries off).
    #[inline]
    pub fn set_retry(&mut self, retry: RetryPolicy) {
        self.retry = retry;
    }

    /// Replaces the session (to set its margin or a token source).
    #[inline]
    pub fn set_session(&mut self, session: Session) {
        self.session = session;
    }

    /// The retry policy.
    #[inline]
    pub fn retry(&self) -> &RetryPolicy {
        &self.retry
    }

    /// The session.
    #[inline]
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The transport.
    #[inline]
    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// Gives the transport back.
    #[inline]
    pub fn into_transport(self) -> T {
        self.transport
    }
}

impl<T: Transport> Engine<T> {
    /// Sends a call with the session's token, refreshing it when due, and again after a refresh
    /// when the API answers `KT-CT-1124`, and as the retry policy allows. Returns the last
    /// response, errors and all; the caller decodes it.
    #[inline]
    pub async fn send(&self, operation_name: &str, document: &str, variables: Value, kind: OperationKind) -> Result<Response, TransportError> {
        self.send_with(operation_name, document, variables, kind, true).await
    }

    /// Sends the token mutation with `variables` (the credentials), without a token, and keeps the
    /// tokens of its answer in the session. Failures are not sent again, except a rate-limit
    /// refusal (a failed login repeated can lock the account).
    #[inline]
    pub async fn authenticate(&self, operation_name: &str, document: &str, field: &str, variables: Value) -> Result<Response, TransportError> {
        let response = self.send_with(operation_name, document, variables, OperationKind::Mutation, false).await?;
        if let Some(tokens) = payload(&response.body, field).and_then(Tokens::from_payload) {
            self.session.set(Some(tokens));
        }
        Ok(response)
    }

    #[inline]
    async fn send_with(&self, operation_name: &str, document: &str, variables: Value, kind: OperationKind, authorized: bool) -> Result<Response, TransportError> {
        let start = Instant::now();
        let (mut attempts, mut refreshed) = (0u32, false);
        let mut rejected: Option<Secret> = None;
        loop {
            let (token, generation) = if authorized {
                match self.token(rejected.take()).await {
                    Ok(t) => t,
                    Err(NoToken::Refused(response)) => return Ok(response),
                    Err(NoToken::Transport(e)) => return Err(e),
                }
            } else {
                (None, 0)
            };
            attempts += 1;
            let request = Request { operation_name, query: document, variables: variables.clone(), token: token.as_ref().map(Secret::expose) };
            let result = self.transport.execute(&request).await;
            let (retryable, retry_after) = match &result {
                Err(e) => (retry::retryable_transport(kind, e), e.retry_after()),
                Ok(response) => {
                    let codes = error_codes(&response.body);
                    if authorized && !refreshed && token.is_some() && codes.contains(&Some(TOKEN_EXPIRED)) && self.can_renew() {
                        // The API refused the token before running anything: renew it and send
                        // the call once more, outside the retry budget.
                        refreshed = true;
                        attempts -= 1;
                        if self.session.source().is_some() {
                            rejected = token;
                        } else if let Err(no) = self.refresh(generation).await {
                            return match no {
                                NoToken::Refused(refusal) => Ok(refusal),
                                NoToken::Transport(e) => Err(e),
                            };
                        }
                        continue;
                    }
                    (retry::retryable_codes(kind, &codes), response.retry_after)
                }
            };
            if !retryable {
                return result;
            }
            let wait = self.retry.backoff(attempts, retry_after);
            if !self.retry.allows(attempts, start.elapsed(), wait) {
                return result;
            }
            tokio::time::sleep(wait).await;
        }
    }

    #[inline]
    fn can_renew(&self) -> bool {
        self.session.source().is_some() || (self.token_mutation.is_some() && self.session.tokens().is_some_and(|t| t.refresh_token.is_some()))
    }

    /// The token for the next request and the session generation it belongs to: the source's, or
    /// the session's, refreshed first when due. A due refresh that fails is not fatal while the
    /// token is still valid.
    #[inline]
    async fn token(&self, rejected: Option<Secret>) -> Result<(Option<Secret>, u64), NoToken> {
        if let Some(source) = self.session.source() {
            return source.token(rejected.as_ref()).await.map(|t| (Some(t), 0)).map_err(NoToken::Transport);
        }
        let snapshot = self.session.snapshot();
        if snapshot.refresh_due && self.token_mutation.is_some() {
            match self.refresh(snapshot.generation).await {
                Ok(()) => {}
                Err(no) if snapshot.expired => return Err(no),
                Err(_) => return Ok((snapshot.token, snapshot.generation)),
            }
            let fresh = self.session.snapshot();
            return Ok((fresh.token, fresh.generation));
        }
        Ok((snapshot.token, snapshot.generation))
    }

    /// Refreshes the token of session generation `seen`, unless another call already did: one
    /// refresh in flight, and every call that saw the old token waits for it.
    #[inline]
    async fn refresh(&self, seen: u64) -> Result<(), NoToken> {
        let _one_at_a_time = self.session.refresh_lock.lock().await;
        if self.session.generation() != seen {
            return Ok(());
        }
        let (Some(mutation), Some(refresh_token)) = (self.token_mutation, self.session.tokens().and_then(|t| t.refresh_token)) else {
            return Ok(());
        };
        let mut input = serde_json::Map::new();
        input.insert("refreshToken".into(), Value::from(refresh_token.expose()));
        let mut variables = serde_json::Map::new();
        variables.insert(mutation.argument.into(), Value::Object(input));
        let request = Request { operation_name: mutation.operation_name, query: mutation.document, variables: Value::Object(variables), token: None };
        let response = self.transport.execute(&request).await.map_err(NoToken::Transport)?;
        match payload(&response.body, mutation.field).and_then(Tokens::from_payload) {
            Some(tokens) if error_codes(&response.body).is_empty() => {
                self.session.set(Some(tokens));
                self.session.count_refresh();
                Ok(())
            }
            _ => Err(NoToken::Refused(response)),
        }
    }
}

/// The field `field` of a response's `data`.
#[inline]
fn payload<'a>(body: &'a Value, field: &str) -> Option<&'a Value> {
    body.get("data")?.get(field).filter(|v| !v.is_null())
}

/// The `extensions.errorCode` of every error of a response (`None` for an error without one).
#[inline]
pub fn error_codes(body: &Value) -> Vec<Option<&str>> {
    match body.get("errors") {
        Some(Value::Array(errors)) => {
            errors.iter().map(|e| e.get("extensions").and_then(|x| x.get("errorCode")).and_then(Value::as_str)).collect()
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, SystemTime};

    use serde_json::json;

    use super::*;
    use crate::session::{TokenFuture, TokenSource};
    use crate::transport::TransportErrorKind;

    /// Answers requests from a script and records what was sent.
    #[derive(Default)]
    struct Script {
        answers: Mutex<VecDeque<Result<Value, TransportErrorKind>>>,
        sent: Mutex<Vec<(String, Option<String>, Value)>>,
    }

    impl Script {
        fn new(answers: impl IntoIterator<Item = Result<Value, TransportErrorKind>>) -> Arc<Self> {
            Arc::new(Script { answers: Mutex::new(answers.into_iter().collect()), sent: Mutex::default() })
        }
        fn sent(&self) -> Vec<(String, Option<String>, Value)> {
            self.sent.lock().unwrap().clone()
        }
    }

    impl Transport for Script {
        async fn execute(&self, request: &Request<'_>) -> Result<Response, TransportError> {
            self.sent.lock().unwrap().push((request.operation_name.into(), request.token.map(String::from), request.variables.clone()));
            match self.answers.lock().unwrap().pop_front().expect("an answer for every request") {
                Ok(body) => Ok(body.into()),
                Err(kind) => Err(TransportError::new("scripted").with_kind(kind)),
            }
        }
    }

    const TOKEN: TokenMutation = TokenMutation { operation_name: "Token", document: "mutation Token { t }", field: "obtainKrakenToken", argument: "input" };

    fn coded(code: &str) -> Value {
        json!({ "data": null, "errors": [{ "message": code, "extensions": { "errorCode": code } }] })
    }

    fn tokens(token: &str, refresh: &str, exp: u64) -> Value {
        json!({ "data": { "obtainKrakenToken": { "token": token, "refreshToken": refresh, "payload": { "exp": exp } } } })
    }

    fn now() -> u64 {
        SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
    }

    fn fast(engine: &mut Engine<Arc<Script>>) {
        engine.set_retry(RetryPolicy::new().without_jitter().with_initial_backoff(Duration::from_millis(1)));
    }

    #[tokio::test]
    async fn an_expired_token_is_refreshed_and_the_call_sent_once_more() {
        let script = Script::new([Ok(tokens("t1", "r1", now() + 3600)), Ok(coded("KT-CT-1124")), Ok(tokens("t2", "r2", now() + 3600)), Ok(json!({ "data": { "a": 1 } }))]);
        let engine = Engine::new(script.clone(), Some(TOKEN));
        engine.authenticate("Token", TOKEN.document, TOKEN.field, json!({ "input": { "email": "e", "password": "p" } })).await.unwrap();
        let response = engine.send("Q", "query Q { a }", json!({}), OperationKind::Query).await.unwrap();
        assert_eq!(response.body, json!({ "data": { "a": 1 } }));
        let sent = script.sent();
        let tokens: Vec<_> = sent.iter().map(|(_, t, _)| t.as_deref()).collect();
        assert_eq!(tokens, [None, Some("t1"), None, Some("t2")]);
        assert_eq!(sent[2].2, json!({ "input": { "refreshToken": "r1" } }));
        assert_eq!(engine.session().refreshes(), 1);
    }

    #[tokio::test]
    async fn a_second_expiry_answer_is_returned_not_looped_on() {
        let script = Script::new([Ok(tokens("t1", "r1", now() + 3600)), Ok(coded("KT-CT-1124")), Ok(tokens("t2", "r2", now() + 3600)), Ok(coded("KT-CT-1124"))]);
        let engine = Engine::new(script.clone(), Some(TOKEN));
        engine.authenticate("Token", TOKEN.document, TOKEN.field, json!({})).await.unwrap();
        let response = engine.send("Q", "query Q { a }", json!({}), OperationKind::Query).await.unwrap();
        assert_eq!(error_codes(&response.body), [Some("KT-CT-1124")]);
        assert_eq!(script.sent().len(), 4);
    }

    #[tokio::test]
    async fn a_refused_refresh_is_the_calls_answer() {
        let script = Script::new([Ok(tokens("t1", "r1", now() + 3600)), Ok(coded("KT-CT-1124")), Ok(coded("KT-CT-1135"))]);
        let engine = Engine::new(script.clone(), Some(TOKEN));
        engine.authenticate("Token", TOKEN.document, TOKEN.field, json!({})).await.unwrap();
        let response = engine.send("Q", "query Q { a }", json!({}), OperationKind::Query).await.unwrap();
        assert_eq!(error_codes(&response.body), [Some("KT-CT-1135")]);
        assert_eq!(engine.session().refreshes(), 0);
    }

    #[tokio::test]
    async fn an_expired_token_is_refreshed_before_the_call() {
        let script = Script::new([Ok(tokens("t1", "r1", now() - 1)), Ok(tokens("t2", "r2", now() + 3600)), Ok(json!({ "data": {} }))]);
        let engine = Engine::new(script.clone(), Some(TOKEN));
        engine.authenticate("Token", TOKEN.document, TOKEN.field, json!({})).await.unwrap();
        engine.send("M", "mutation M { a }", json!({}), OperationKind::Mutation).await.unwrap();
        let names: Vec<_> = script.sent().into_iter().map(|(n, t, _)| (n, t)).collect();
        assert_eq!(names, [("Token".into(), None), ("Token".into(), None), ("M".into(), Some("t2".into()))]);
    }

    #[tokio::test]
    async fn failed_logins_are_not_repeated() {
        let script = Script::new([Ok(coded("KT-CT-1138"))]);
        let mut engine = Engine::new(script.clone(), Some(TOKEN));
        fast(&mut engine);
        let response = engine.authenticate("Token", TOKEN.document, TOKEN.field, json!({})).await.unwrap();
        assert_eq!(error_codes(&response.body), [Some("KT-CT-1138")]);
        assert_eq!(script.sent().len(), 1);
        assert!(engine.session().tokens().is_none());
    }

    #[tokio::test]
    async fn transient_errors_are_retried_for_queries_only() {
        let script = Script::new([Ok(coded("KT-CT-4340")), Ok(coded("KT-CT-4340")), Ok(json!({ "data": { "a": 1 } }))]);
        let mut engine = Engine::new(script.clone(), None);
        fast(&mut engine);
        let response = engine.send("Q", "query Q { a }", json!({}), OperationKind::Query).await.unwrap();
        assert_eq!(response.body, json!({ "data": { "a": 1 } }));
        assert_eq!(script.sent().len(), 3);

        let script = Script::new([Ok(coded("KT-CT-4340"))]);
        let mut engine = Engine::new(script.clone(), None);
        fast(&mut engine);
        let response = engine.send("M", "mutation M { a }", json!({}), OperationKind::Mutation).await.unwrap();
        assert_eq!(error_codes(&response.body), [Some("KT-CT-4340")]);
        assert_eq!(script.sent().len(), 1);
    }

    #[tokio::test]
    async fn rate_limits_and_refused_connections_are_retried_for_mutations_up_to_the_bound() {
        let script = Script::new([Ok(coded("KT-CT-1199")), Err(TransportErrorKind::Connect), Ok(json!({ "data": { "a": 1 } }))]);
        let mut engine = Engine::new(script.clone(), None);
        fast(&mut engine);
        let response = engine.send("M", "mutation M { a }", json!({}), OperationKind::Mutation).await.unwrap();
        assert_eq!(response.body, json!({ "data": { "a": 1 } }));

        let script = Script::new((0..4).map(|_| Ok(coded("KT-CT-1199"))));
        let mut engine = Engine::new(script.clone(), None);
        fast(&mut engine);
        let response = engine.send("M", "mutation M { a }", json!({}), OperationKind::Mutation).await.unwrap();
        assert_eq!(error_codes(&response.body), [Some("KT-CT-1199")]);
        assert_eq!(script.sent().len(), 4, "the default policy's 4 attempts");

        let script = Script::new([Err(TransportErrorKind::Timeout)]);
        let mut engine = Engine::new(script.clone(), None);
        fast(&mut engine);
        let error = engine.send("M", "mutation M { a }", json!({}), OperationKind::Mutation).await.unwrap_err();
        assert_eq!(error.kind(), TransportErrorKind::Timeout, "a timed-out mutation may have run");
    }

    #[tokio::test]
    async fn never_sends_once() {
        let script = Script::new([Ok(coded("KT-CT-1199"))]);
        let mut engine = Engine::new(script.clone(), None);
        engine.set_retry(RetryPolicy::never());
        engine.send("Q", "query Q { a }", json!({}), OperationKind::Query).await.unwrap();
        assert_eq!(script.sent().len(), 1);
    }

    struct Counting(AtomicUsize);

    impl TokenSource for Counting {
        fn token<'a>(&'a self, rejected: Option<&'a Secret>) -> TokenFuture<'a> {
            let n = self.0.fetch_add(1, Ordering::SeqCst);
            let rejected = rejected.map(|r| r.expose().to_string());
            Box::pin(async move {
                assert_eq!(rejected.is_some(), n == 1, "the second call is told which token was refused");
                Ok(Secret::new(format!("s{n}")))
            })
        }
    }

    #[tokio::test]
    async fn a_token_function_is_a_source() {
        let script = Script::new([Ok(coded("KT-CT-1124")), Ok(json!({ "data": {} }))]);
        let mut engine = Engine::new(script.clone(), None);
        let calls = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&calls);
        engine.set_session(Session::new().with_token_fn(move |rejected: Option<Secret>| {
            let n = counted.fetch_add(1, Ordering::SeqCst);
            async move {
                assert_eq!(rejected.map(|r| r.expose().to_string()), (n == 1).then(|| "t0".to_string()));
                Ok(Secret::new(format!("t{n}")))
            }
        }));
        engine.send("Q", "query Q { a }", json!({}), OperationKind::Query).await.unwrap();
        let tokens: Vec<_> = script.sent().into_iter().map(|(_, t, _)| t).collect();
        assert_eq!(tokens, [Some("t0".into()), Some("t1".into())]);
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_token_source_is_asked_again_after_an_expiry() {
        let script = Script::new([Ok(coded("KT-CT-1124")), Ok(json!({ "data": {} }))]);
        let mut engine = Engine::new(script.clone(), None);
        engine.set_session(Session::new().with_source(Arc::new(Counting(AtomicUsize::new(0)))));
        engine.send("Q", "query Q { a }", json!({}), OperationKind::Query).await.unwrap();
        let tokens: Vec<_> = script.sent().into_iter().map(|(_, t, _)| t).collect();
        assert_eq!(tokens, [Some("s0".into()), Some("s1".into())]);
    }
}
