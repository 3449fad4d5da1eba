//! Serving a schema over HTTP the way Kraken does: `POST /graphql` and `POST /v1/graphql/`, with the
//! caller taken from the request.
//!
//! Callers say which permissions they hold in the `X-Kraken-Permissions` header (a comma-separated
//! list of permission names, or `*` for every permission the server knows); the `Authorization` header
//! identifies the user for `User` rate limits and the peer address the `Ip` ones. Both the mock and
//! generated servers use these routes.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use async_graphql::dynamic::Schema;
use async_graphql_axum::{GraphQLRequest, GraphQLResponse};
use axum::extract::{ConnectInfo, State};
use axum::http::HeaderMap;
use axum::http::StatusCode;
use axum::response::IntoResponse as _;
use axum::routing::post;
pub use axum::Router;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use crate::auth::{AuthFuture, Authenticator};
use crate::policy::Caller;

/// The header listing the caller's granted permissions.
pub const PERMISSIONS_HEADER: &str = "x-kraken-permissions";

/// Reads the caller from request headers: granted permissions, and the user for rate limits.
/// `all_permissions` is what `*` grants.
pub fn caller_from_headers<S: AsRef<str>>(headers: &HeaderMap, ip: Option<std::net::IpAddr>, all_permissions: &[S]) -> Caller {
    let granted = headers
        .get(PERMISSIONS_HEADER)
        .and_then(|h| h.to_str().ok())
        .map(|h| {
            if h.trim() == "*" {
                all_permissions.iter().map(|p| p.as_ref().to_string()).collect()
            } else {
                h.split(',').map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect::<Vec<_>>()
            }
        })
        .unwrap_or_default()
        .into_iter()
        .collect();
    let user = headers.get(axum::http::header::AUTHORIZATION).and_then(|h| h.to_str().ok()).map(str::to_string);
    Caller { granted, user, ip }
}

#[derive(Clone)]
struct AppState {
    schema: Schema,
    authenticator: Arc<dyn Authenticator>,
}

/// Takes the caller's permissions from the `X-Kraken-Permissions` header and its identity from
/// `Authorization`, unverified: anyone is anyone. For the mock and tests only; a deployed server
/// takes a verifying [`Authenticator`] such as [`crate::auth::JwtAuthenticator`].
pub struct TrustedHeadersForTests {
    permissions: Vec<String>,
}

impl TrustedHeadersForTests {
    /// `permissions` is what `X-Kraken-Permissions: *` grants.
    pub fn new<S: AsRef<str>>(permissions: &[S]) -> Self {
        TrustedHeadersForTests { permissions: permissions.iter().map(|p| p.as_ref().to_string()).collect() }
    }
}

impl Authenticator for TrustedHeadersForTests {
    fn caller<'a>(&'a self, headers: &'a HeaderMap, ip: Option<std::net::IpAddr>) -> AuthFuture<'a> {
        Box::pin(std::future::ready(Ok(caller_from_headers(headers, ip, &self.permissions))))
    }
}

/// The bounds of every request, whatever the schema: a server facing the internet must not read a
/// body of any size, wait forever, take any number of requests at once, or die of a panic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// The largest request body; a larger one is refused with 413 before it is read. Default 1 MiB.
    pub max_body_bytes: usize,
    /// The longest a request may take, body read and resolvers run; then 408. Default 30 s.
    pub request_timeout: Duration,
    /// The most requests handled at once; later ones wait for a slot. Default 256.
    pub max_concurrent_requests: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_body_bytes: 1024 * 1024, request_timeout: Duration::from_secs(30), max_concurrent_requests: 256 }
    }
}

/// The HTTP routes serving `schema` to callers who say who they are in headers
/// ([`TrustedHeadersForTests`]), with the default [`Limits`]: for the mock and tests.
/// `permissions` is what `X-Kraken-Permissions: *` grants.
pub fn router<S: AsRef<str>>(schema: Schema, permissions: &[S]) -> Router {
    authenticated_router(schema, Arc::new(TrustedHeadersForTests::new(permissions)), &Limits::default())
}

/// The HTTP routes serving `schema` to the callers `authenticator` verifies, within `limits`: what
/// a deployed server uses. A refused caller gets the authenticator's Kraken error and no resolver
/// runs.
pub fn authenticated_router(schema: Schema, authenticator: Arc<dyn Authenticator>, limits: &Limits) -> Router {
    let state = AppState { schema, authenticator };
    Router::new()
        .route("/graphql", post(graphql))
        .route("/v1/graphql/", post(graphql))
        .with_state(state)
        // Innermost first: a panic becomes an error response, a slow request a 408, an oversized
        // body a 413, and at most so many requests run at once.
        .layer(CatchPanicLayer::custom(panicked))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, limits.request_timeout))
        .layer(RequestBodyLimitLayer::new(limits.max_body_bytes))
        .layer(GlobalConcurrencyLimitLayer::new(limits.max_concurrent_requests))
}

/// The answer to a request whose handling panicked: Kraken's internal error, with nothing of the
/// panic (which may hold request data) sent to the caller.
fn panicked(_: Box<dyn std::any::Any + Send + 'static>) -> axum::response::Response {
    let error = crate::error::KrakenError::new("APPLICATION", krakengen_policy::generic::INTERNAL_ERROR, "Internal server error.");
    (StatusCode::INTERNAL_SERVER_ERROR, axum::Json(error.response_body())).into_response()
}

async fn graphql(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    req: GraphQLRequest,
) -> axum::response::Response {
    match state.authenticator.caller(&headers, Some(addr.ip())).await {
        Ok(caller) => GraphQLResponse::from(state.schema.execute(req.into_inner().data(caller)).await).into_response(),
        Err(refusal) => axum::Json(refusal.response_body()).into_response(),
    }
}

/// Serves the router on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).with_graceful_shutdown(shutdown).await
}
