//! A runnable mock of a Kraken API, built from the model of a reference.
//!
//! It sits beside the runtime (`krakengen-server`) rather than in it because it needs the
//! generator's model of the reference, which generated servers must not compile.
//!
//! Every mutation answers with the example response of its reference block, after the same permission
//! guards and rate limits a generated server enforces. Callers say which permissions they hold in the
//! `X-Kraken-Permissions` header (a comma-separated list of permission names, or `*` for all); the
//! `Authorization` header identifies the user for `User` rate limits. Platform engineers use it to test
//! integrations without a live account; the end-to-end tests use it to drive the generated client.

use std::collections::BTreeMap;
use std::sync::Arc;

use krakengen::model::OperationList;
use krakengen::types::TypeModel;
use krakengen::parse::example::{self, Value};
use krakengen_server::error::KrakenError;
pub use krakengen_server::http::{caller_from_headers, serve, Router, PERMISSIONS_HEADER};
use krakengen_server::model as runtime;
use krakengen_server::policy::{OperationPolicy, Policy, Unspecified};
use krakengen_server::schema::{BuildError, Call, Dispatch, DispatchFuture, Schema, Settings};

/// The guards of every operation of a model: what a generated server's `policy` holds, read from
/// the model instead of the catalogue.
pub fn policy(model: &TypeModel, unspecified: Unspecified) -> Policy {
    let operations = model.operations().iter().map(|m| {
        let guard = OperationPolicy {
            permissions: m.permissions.clone(),
            rate_limits: m
                .rate_limits
                .iter()
                .map(|r| runtime::RateLimit {
                    key: r.key.clone(),
                    steps: r.steps.clone(),
                })
                .collect(),
            unauthorized_code: m.unauthorized_code().map(str::to_string),
        };
        (m.name.clone(), guard)
    });
    Policy::new(operations, unspecified)
}

/// Answers every mutation with its example response.
pub struct ExampleDispatch {
    payloads: BTreeMap<String, serde_json::Value>,
}

impl ExampleDispatch {
    /// The example response of every operation of `model`.
    pub fn from_model(model: &TypeModel) -> Self {
        let payloads = model
            .operations()
            .iter()
            .map(|m| {
                let payload = example::parse(&m.example.response)
                    .ok()
                    .and_then(|v| v.get("data").and_then(|d| d.get(&m.name)).cloned())
                    .map(|v| to_json(&v))
                    .unwrap_or(serde_json::Value::Null);
                (m.name.clone(), payload)
            })
            .collect();
        Self { payloads }
    }
}

impl Dispatch for ExampleDispatch {
    fn call<'a>(&'a self, call: Call<'a>) -> DispatchFuture<'a> {
        let result = self.payloads.get(call.mutation).cloned().ok_or_else(|| {
            KrakenError::new("NOT_FOUND", "KT-CT-1000", format!("the mock has no example for `{}`", call.mutation))
        });
        Box::pin(async move { result })
    }
}

/// Turns an example value into JSON a resolver can return: a bare type name becomes an object holding
/// only its `__typename`, and an alternation of sample shapes its first sample.
pub fn to_json(v: &Value) -> serde_json::Value {
    match v {
        Value::Str(s) => serde_json::Value::String(s.clone()),
        Value::Int(i) => serde_json::Value::from(*i),
        Value::Float(f) => f.parse::<f64>().map(serde_json::Value::from).unwrap_or(serde_json::Value::Null),
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Null => serde_json::Value::Null,
        Value::Object(fields) => serde_json::Value::Object(fields.iter().map(|(k, v)| (k.clone(), to_json(v))).collect()),
        Value::List(items) => serde_json::Value::Array(items.iter().map(to_json).collect()),
        Value::TypeName(t) => serde_json::json!({ "__typename": t }),
        Value::Alt(items) => items.first().map(to_json).unwrap_or(serde_json::Value::Null),
    }
}

/// Builds the mock's schema from the SDL and the model.
pub fn schema(sdl: &str, model: &TypeModel, unspecified: Unspecified) -> Result<Schema, BuildError> {
    schema_with(sdl, model, unspecified, &Settings::default())
}

/// [`schema`] with settings, such as a complexity limit.
pub fn schema_with(sdl: &str, model: &TypeModel, unspecified: Unspecified, settings: &Settings) -> Result<Schema, BuildError> {
    let policy = Arc::new(policy(model, unspecified));
    krakengen_server::schema::build_with(sdl, policy, Arc::new(ExampleDispatch::from_model(model)), settings)
}

/// The HTTP routes of the mock: those of [`krakengen_server::http::router`], granting `*` every
/// permission the model's operations name.
pub fn router(schema: Schema, model: &TypeModel) -> Router {
    krakengen_server::http::router(schema, &model.operations().required_permissions().into_iter().collect::<Vec<_>>())
}
