//! Serving a schema over HTTP the way Kraken does: `POST /graphql` and `POST /v1/graphql/`, with the
//! caller taken from the request.
//!
//! Callers say which permissions they hold in the `X-Kraken-Permissions` header (a comma-separated
//! list of permission names, or `*` for every permission the server knows); the `Authorization` header
//! identifies the user for `User` rate limits and the peer address the `Ip` ones. Both the mock and
//! generated servers use these routes.

use std::net::SocketAddr;
use std::sync::Arc;

use async_graphql::dynamic::Schema;
use async_graphql_axum::{GraphQLRequest, GraphQLResponse};
use axum::extract::{ConnectInfo, State};
use axum::http::HeaderMap;
use axum::routing::post;
pub use axum::Router;

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
    permissions: Arc<Vec<String>>,
}

/// The HTTP routes serving `schema`; `permissions` is what `X-Kraken-Permissions: *` grants.
pub fn router<S: AsRef<str>>(schema: Schema, permissions: &[S]) -> Router {
    let permissions = permissions.iter().map(|p| p.as_ref().to_string()).collect();
    let state = AppState { schema, permissions: Arc::new(permissions) };
    Router::new().route("/graphql", post(graphql)).route("/v1/graphql/", post(graphql)).with_state(state)
}

async fn graphql(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    req: GraphQLRequest,
) -> GraphQLResponse {
    let caller = caller_from_headers(&headers, Some(addr.ip()), &state.permissions);
    state.schema.execute(req.into_inner().data(caller)).await.into()
}

/// Serves the router on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>()).with_graceful_shutdown(shutdown).await
}
