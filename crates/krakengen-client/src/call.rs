//! Typed calls: the variables encoded, the call sent by the [`Engine`], the response decoded into
//! the operation's payload or the generated crate's `Error`.
//!
//! These bodies are generic over the operation and the error type, so they are compiled once here
//! and instantiated where a call is made; a generated `Client` only forwards to them. Written in
//! each generated crate, they were a large part of its compile time.

use serde_json::Value;

use super::engine::Engine;
use super::transport::{OperationKind, Response, Transport, TransportError};
use super::Operation;

/// What a generated crate's `Error` is built from: the runtime builds it for every way a typed
/// call fails, and the generated crate decides how GraphQL errors are parsed (it knows the API's
/// error codes).
pub trait ApiError: From<TransportError> {
    /// The variables could not be serialized.
    fn encode(error: serde_json::Error) -> Self;
    /// The response did not have the expected shape.
    fn decode(error: serde_json::Error) -> Self;
    /// The response had neither `data` nor `errors`.
    fn missing_data() -> Self;
    /// Authentication succeeded but returned no token.
    fn missing_token() -> Self;
    /// The error of a response whose body carries GraphQL `errors`, holding the partial `data`
    /// that came with them; when the body has no errors, `data` given back.
    fn graphql(body: &Value, data: Option<Value>) -> Result<Option<Value>, Self>;
}

/// The `data` of a response, or its GraphQL errors as `E`.
#[inline]
fn decode<E: ApiError>(response: Response) -> Result<Value, E> {
    let mut body = response.body;
    let data = body.get_mut("data").map(Value::take).filter(|d| !d.is_null());
    E::graphql(&body, data)?.ok_or_else(E::missing_data)
}

/// The payload of operation `O` in a response, or its GraphQL errors as `E`.
#[inline]
fn payload<O: Operation, E: ApiError>(response: Response) -> Result<O::Payload, E> {
    let data = <O::Data as serde::Deserialize>::deserialize(decode::<E>(response)?).map_err(E::decode)?;
    Ok(O::payload(data))
}

/// How the payload of the token mutation is checked for a token: a function of the generated
/// crate, which knows the payload's type.
pub type TokenCheck<P, Q> = fn(P) -> Option<Q>;

impl<T: Transport> Engine<T> {
    /// Sends operation `O` with `variables` and returns its payload.
    #[inline]
    pub async fn execute<O: Operation, E: ApiError>(&self, variables: &O::Variables) -> Result<O::Payload, E> {
        let variables = serde_json::to_value(variables).map_err(E::encode)?;
        payload::<O, E>(self.send(O::NAME, O::DOCUMENT, variables, O::KIND).await?)
    }

    /// Sends any document and returns the response's `data`; it is sent again on failure only
    /// when it is a query (see [`OperationKind::of_document`]).
    #[inline]
    pub async fn execute_raw<E: ApiError>(&self, operation_name: &str, document: &str, variables: Value) -> Result<Value, E> {
        let kind = OperationKind::of_document(document);
        decode(self.send(operation_name, document, variables, kind).await?)
    }

    /// Sends the token mutation `O` (whose field of `data` is `field`) with the caller's
    /// credentials and keeps its tokens in the session (see [`Engine::authenticate`]). `token`
    /// gives the payload back when it holds a token; a payload without one is
    /// [`ApiError::missing_token`].
    #[inline]
    pub async fn login<O: Operation, E: ApiError, Q>(&self, field: &str, variables: &O::Variables, token: TokenCheck<O::Payload, Q>) -> Result<Q, E> {
        let variables = serde_json::to_value(variables).map_err(E::encode)?;
        let response = self.authenticate(O::NAME, O::DOCUMENT, field, variables).await?;
        token(payload::<O, E>(response)?).ok_or_else(E::missing_token)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use serde_json::json;

    use super::*;
    use crate::retry::RetryPolicy;
    use crate::transport::Request;

    /// The shape of a generated `Error`, with the GraphQL errors kept as their messages.
    #[derive(Debug, PartialEq)]
    enum Failure {
        Transport,
        Encode,
        Decode,
        MissingData,
        MissingToken,
        Graphql(Vec<String>, Option<Value>),
    }

    impl From<TransportError> for Failure {
        fn from(_: TransportError) -> Self {
            Failure::Transport
        }
    }

    impl ApiError for Failure {
        fn encode(_: serde_json::Error) -> Self {
            Failure::Encode
        }
        fn decode(_: serde_json::Error) -> Self {
            Failure::Decode
        }
        fn missing_data() -> Self {
            Failure::MissingData
        }
        fn missing_token() -> Self {
            Failure::MissingToken
        }
        fn graphql(body: &Value, data: Option<Value>) -> Result<Option<Value>, Self> {
            match body.get("errors").and_then(Value::as_array) {
                Some(errors) if !errors.is_empty() => {
                    Err(Failure::Graphql(errors.iter().filter_map(|e| e.get("message")?.as_str().map(String::from)).collect(), data))
                }
                _ => Ok(data),
            }
        }
    }

    /// Answers every request with the same body and records the variables sent.
    struct Fixed(Value, Mutex<Vec<Value>>);

    impl Transport for Fixed {
        async fn execute(&self, request: &Request<'_>) -> Result<Response, TransportError> {
            self.1.lock().unwrap().push(request.variables.clone());
            Ok(self.0.clone().into())
        }
    }

    /// `token { token }`: a payload that may hold a token.
    struct Token;

    impl Operation for Token {
        const NAME: &'static str = "Token";
        const DOCUMENT: &'static str = "mutation Token($input: I!) { token(input: $input) { token } }";
        const KIND: OperationKind = OperationKind::Mutation;
        type Variables = Value;
        type Data = Value;
        type Payload = Option<Value>;
        fn payload(data: Value) -> Option<Value> {
            data.get("token").cloned().filter(|t| !t.is_null())
        }
    }

    fn answering(body: Value) -> Engine<Fixed> {
        let mut engine = Engine::new(Fixed(body, Mutex::default()), None);
        engine.set_retry(RetryPolicy::never());
        engine
    }

    fn with_token(payload: Option<Value>) -> Option<Value> {
        payload.filter(|p| p.get("token").is_some_and(|t| !t.is_null()))
    }

    #[tokio::test]
    async fn a_call_sends_its_variables_and_returns_its_payload() {
        let engine = answering(json!({ "data": { "token": { "token": "t" } } }));
        let payload = engine.execute::<Token, Failure>(&json!({ "input": 1 })).await.unwrap();
        assert_eq!(payload, Some(json!({ "token": "t" })));
        assert_eq!(*engine.transport().1.lock().unwrap(), [json!({ "input": 1 })]);
    }

    #[tokio::test]
    async fn errors_win_over_data_and_keep_it() {
        let engine = answering(json!({ "data": { "token": null }, "errors": [{ "message": "no" }] }));
        let error = engine.execute::<Token, Failure>(&json!({})).await.unwrap_err();
        assert_eq!(error, Failure::Graphql(vec!["no".into()], Some(json!({ "token": null }))));
        let error = engine.execute_raw::<Failure>("Q", "query Q { a }", json!({})).await.unwrap_err();
        assert_eq!(error, Failure::Graphql(vec!["no".into()], Some(json!({ "token": null }))));
    }

    #[tokio::test]
    async fn a_body_without_data_or_errors_is_missing_data() {
        let engine = answering(json!({ "data": null }));
        assert_eq!(engine.execute::<Token, Failure>(&json!({})).await.unwrap_err(), Failure::MissingData);
        assert_eq!(engine.execute_raw::<Failure>("Q", "query Q { a }", json!({})).await.unwrap_err(), Failure::MissingData);
    }

    #[tokio::test]
    async fn a_login_without_a_token_is_missing_token_and_one_with_it_is_kept() {
        let engine = answering(json!({ "data": { "token": { "token": null } } }));
        assert_eq!(engine.login::<Token, Failure, _>("token", &json!({}), with_token).await.unwrap_err(), Failure::MissingToken);
        assert!(engine.session().tokens().is_none());

        let engine = answering(json!({ "data": { "token": { "token": "t1" } } }));
        let payload = engine.login::<Token, Failure, _>("token", &json!({}), with_token).await.unwrap();
        assert_eq!(payload, json!({ "token": "t1" }));
        assert_eq!(engine.session().tokens().map(|t| t.token.expose().to_string()), Some("t1".to_string()));
    }

    #[tokio::test]
    async fn a_failed_login_is_the_graphql_error() {
        let engine = answering(json!({ "data": null, "errors": [{ "message": "bad credentials" }] }));
        let error = engine.login::<Token, Failure, _>("token", &json!({}), with_token).await.unwrap_err();
        assert_eq!(error, Failure::Graphql(vec!["bad credentials".into()], None));
    }
}
