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
//!
//! With [`Options::token_ttl`] it also issues real sessions ([`session`]): the token mutation
//! returns signed, expiring tokens, and operations that are not public need one. With
//! [`Options::fail_every`] every Nth request fails with a transient error, for testing retries.

pub mod session;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Duration;

use krakengen::model::{OperationList, Permissions};
use krakengen::types::TypeModel;
use krakengen::parse::example::{self, Value};
use krakengen_server::error::KrakenError;
pub use krakengen_server::http::{caller_from_headers, serve, Router, PERMISSIONS_HEADER};
use krakengen_server::model as runtime;
use krakengen_server::policy::{OperationPolicy, Policy, Unspecified};
use axum::response::IntoResponse as _;
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

/// Builds the mock's schema from the SDL and the model, with [`mock_settings`].
pub fn schema(sdl: &str, model: &TypeModel, unspecified: Unspecified) -> Result<Schema, BuildError> {
    schema_with(sdl, model, unspecified, &mock_settings())
}

/// The mock's limits: a server's defaults (Kraken's own limits), and introspection on, so that
/// `krakengen introspect` and tools that read a schema can be tried against it.
pub fn mock_settings() -> Settings {
    Settings::default().with_introspection(true)
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

/// How the mock behaves beyond answering examples. By default it allows operations without
/// documented permissions (a test double answers everything it can; servers default to refusing
/// them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// What mutations without a permissions section do.
    pub unspecified: Unspecified,
    /// The schema's limits and introspection ([`mock_settings`] by default).
    pub settings: Settings,
    /// Issue real sessions whose tokens live this long (see [`session`]).
    pub token_ttl: Option<Duration>,
    /// Answer every Nth request with the transient error `KT-CT-7899` ([`TRANSIENT_CODE`]).
    pub fail_every: Option<u64>,
}

impl Default for Options {
    fn default() -> Self {
        Options { unspecified: Unspecified::Allow, settings: mock_settings(), token_ttl: None, fail_every: None }
    }
}

/// A mock ready to serve: its routes, and what it has counted.
pub struct Mock {
    /// The HTTP routes (serve them with [`serve`]).
    pub router: Router,
    /// Requests, logins, refreshes and injected failures so far.
    pub stats: Arc<session::Stats>,
}

/// The token mutation of Kraken APIs, which the mock's sessions answer.
const TOKEN_MUTATION: &str = "obtainKrakenToken";

/// The code of the transient failure `fail_every` injects: Kraken's internal error, which any
/// field can raise and clients treat as temporary. (`KT-CT-4340`, which clients tolerate too, is
/// one query's own "unable to fetch planned dispatches", so not a code every operation can meet.)
pub use krakengen_policy::generic::INTERNAL_ERROR as TRANSIENT_CODE;

/// Example answers behind the sessions' checks.
struct SessionDispatch {
    inner: ExampleDispatch,
    sessions: session::Sessions,
    stats: Arc<session::Stats>,
    public: BTreeSet<String>,
}

impl Dispatch for SessionDispatch {
    fn call<'a>(&'a self, call: Call<'a>) -> DispatchFuture<'a> {
        if call.mutation == TOKEN_MUTATION {
            let answer = self.sessions.obtain(&call.arguments, &self.stats);
            return Box::pin(async move { answer });
        }
        if !self.public.contains(call.mutation) {
            if let Err(e) = self.sessions.verify(call.caller.user.as_deref()) {
                return Box::pin(async move { Err(e) });
            }
        }
        self.inner.call(call)
    }
}

/// Why a mock could not be built.
#[derive(Debug, thiserror::Error)]
pub enum MockError {
    #[error(transparent)]
    Schema(#[from] BuildError),
    #[error(transparent)]
    Session(#[from] session::SessionError),
}

/// Builds the mock of a model: the schema from its SDL, the policy and examples from the model,
/// and the sessions and injected failures `options` ask for.
pub fn build(sdl: &str, model: &TypeModel, options: &Options) -> Result<Mock, MockError> {
    let policy = Arc::new(policy(model, options.unspecified));
    let stats = Arc::new(session::Stats::default());
    let examples = ExampleDispatch::from_model(model);
    let dispatch: Arc<dyn Dispatch> = match options.token_ttl {
        Some(ttl) => Arc::new(SessionDispatch {
            inner: examples,
            sessions: session::Sessions::new(ttl)?,
            stats: stats.clone(),
            public: model.operations().iter().filter(|o| o.permissions == Permissions::Public).map(|o| o.name.clone()).collect(),
        }),
        None => Arc::new(examples),
    };
    let schema = krakengen_server::schema::build_with(sdl, policy, dispatch, &options.settings)?;
    let counted = stats.clone();
    let fail_every = options.fail_every;
    let router = router(schema, model).layer(axum::middleware::from_fn(move |request: axum::extract::Request, next: axum::middleware::Next| {
        let fail = counted.request(fail_every);
        async move {
            if fail {
                let error = KrakenError::new("APPLICATION", TRANSIENT_CODE, "Internal server error.");
                return axum::Json(error.response_body()).into_response();
            }
            next.run(request).await
        }
    }));
    Ok(Mock { router, stats })
}
