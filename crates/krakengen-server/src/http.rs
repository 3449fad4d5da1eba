//! Serving a schema over HTTP the way Kraken does: `POST /graphql` and `POST /v1/graphql/`, with the
//! caller taken from the request.
//!
//! The caller comes from an [`Authenticator`]: a deployed server's verifies a token
//! ([`crate::auth::JwtAuthenticator`]); the mock's and tests' ([`TrustedHeadersForTests`]) take
//! the permissions a caller claims in `X-Kraken-Permissions`. The caller's address, which `Ip` rate
//! limits count, is the TCP peer's, or, when the peer is one of [`Limits::trusted_proxies`], the
//! address those proxies say they forwarded for (`Forwarded`, else `X-Forwarded-For`); from anyone
//! else those headers are ignored.
//!
//! [`serve`] runs the routes on hyper's HTTP/1.1 with bounds on connections ([`Connections`]):
//! a header-read timeout, a cap on open connections, a shutdown that waits a bounded time.

use std::net::{IpAddr, SocketAddr};
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
use tower::Service as _;
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
    trusted_proxies: Arc<Vec<ipnet::IpNet>>,
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
    /// The reverse proxies (load balancers) in front of the server, whose `Forwarded` and
    /// `X-Forwarded-For` headers are believed. Default none: the caller is the TCP peer.
    pub trusted_proxies: Vec<ipnet::IpNet>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body_bytes: 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            max_concurrent_requests: 256,
            trusted_proxies: Vec::new(),
        }
    }
}

impl Limits {
    /// Believes the forwarding headers of peers in `proxies` (`"10.0.0.0/8"`, `"::1/128"`).
    #[must_use]
    pub fn with_trusted_proxies(mut self, proxies: impl IntoIterator<Item = ipnet::IpNet>) -> Self {
        self.trusted_proxies = proxies.into_iter().collect();
        self
    }
}

/// The most forwarded-for entries read from one request.
const MAX_FORWARDED_HOPS: usize = 32;

/// The caller's address: `peer`, unless `peer` is a trusted proxy, then the nearest address the
/// chain of trusted proxies forwarded for (the rightmost entry not itself a trusted proxy). An
/// entry that is not an address (`unknown`, an obfuscated name) ends the chain at the proxy that
/// wrote it.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[ipnet::IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let forwarded: Vec<String> = headers
        .get_all(axum::http::header::FORWARDED)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|element| {
            element.split(';').find_map(|pair| {
                let (name, value) = pair.split_once('=')?;
                name.trim().eq_ignore_ascii_case("for").then(|| value.trim().to_string())
            })
        })
        .collect();
    let hops: Vec<String> = if forwarded.is_empty() {
        headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|s| s.trim().to_string())
            .collect()
    } else {
        forwarded
    };
    let mut nearest = peer;
    for hop in hops.iter().rev().take(MAX_FORWARDED_HOPS) {
        let Some(ip) = hop_address(hop) else { return nearest };
        if !is_trusted(&ip) {
            return ip;
        }
        nearest = ip;
    }
    nearest
}

/// The address of one forwarded-for entry: `192.0.2.1`, `192.0.2.1:4711`, `2001:db8::1`,
/// `"[2001:db8::1]:4711"`.
fn hop_address(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim().trim_matches('"');
    if let Ok(ip) = hop.parse() {
        return Some(ip);
    }
    if let Some(rest) = hop.strip_prefix('[') {
        return rest.split_once(']')?.0.parse().ok();
    }
    hop.parse::<std::net::SocketAddrV4>().ok().map(|a| IpAddr::V4(*a.ip()))
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
    let state = AppState { schema, authenticator, trusted_proxies: Arc::new(limits.trusted_proxies.clone()) };
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

/// The answer to a request whose handling panicked: Kraken's internal error with a correlation
/// id; the panic's message (which may hold request data) is logged under that id, not sent.
fn panicked(panic: Box<dyn std::any::Any + Send + 'static>) -> axum::response::Response {
    let message = panic.downcast_ref::<&str>().copied().or_else(|| panic.downcast_ref::<String>().map(String::as_str)).unwrap_or("a panic");
    let error = crate::error::internal(format_args!("a request handler panicked: {message}"));
    (StatusCode::INTERNAL_SERVER_ERROR, axum::Json(error.response_body())).into_response()
}

async fn graphql(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    req: GraphQLRequest,
) -> axum::response::Response {
    let ip = client_ip(addr.ip(), &headers, &state.trusted_proxies);
    match state.authenticator.caller(&headers, Some(ip)).await {
        Ok(caller) => GraphQLResponse::from(state.schema.execute(req.into_inner().data(caller)).await).into_response(),
        Err(refusal) => axum::Json(refusal.response_body()).into_response(),
    }
}

/// The bounds of connections, which come before requests: a client that opens a connection and
/// sends its headers a byte at a time must not hold it, nor may any number of such clients.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connections {
    /// The longest a client may take to send a request's headers; then the connection is closed.
    /// Default 10 s.
    pub header_read_timeout: Duration,
    /// The most connections open at once; later ones wait in the listen backlog until one
    /// closes. Default 1,024.
    pub max_connections: usize,
    /// How long a shutdown waits for the requests in flight before it drops them. Default 30 s.
    pub shutdown_grace: Duration,
}

impl Default for Connections {
    fn default() -> Self {
        Connections { header_read_timeout: Duration::from_secs(10), max_connections: 1024, shutdown_grace: Duration::from_secs(30) }
    }
}

/// Serves the router on `listener` until `shutdown` resolves, within the default [`Connections`].
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_with(listener, router, shutdown, Connections::default()).await
}

/// [`serve`] within `connections`: HTTP/1.1 (hyper) with a header-read timeout, at most so many
/// connections, and a graceful shutdown bounded in time. Each request carries its peer address
/// (`ConnectInfo<SocketAddr>`), which the routes read the caller's address from.
pub async fn serve_with(
    listener: tokio::net::TcpListener,
    router: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    connections: Connections,
) -> std::io::Result<()> {
    let slots = Arc::new(tokio::sync::Semaphore::new(connections.max_connections.max(1)));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(hyper_util::rt::TokioTimer::new()).header_read_timeout(connections.header_read_timeout);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = Arc::clone(&slots).acquire_owned() => permit.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors, or a connection reset before it was accepted: wait
                    // a little rather than spin, and go on serving.
                    tracing::warn!("accepting a connection failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let service = hyper::service::service_fn(move |mut request: axum::http::Request<hyper::body::Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            let mut router = router.clone();
            async move {
                std::future::poll_fn(|cx| tower::Service::<axum::extract::Request>::poll_ready(&mut router, cx)).await?;
                router.call(request.map(axum::body::Body::new)).await
            }
        });
        let connection = graceful.watch(http.serve_connection(hyper_util::rt::TokioIo::new(stream), service));
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    if tokio::time::timeout(connections.shutdown_grace, graceful.shutdown()).await.is_err() {
        tracing::warn!("requests still in flight after {:?} were dropped", connections.shutdown_grace);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(), v.parse().unwrap());
        }
        h
    }

    #[test]
    fn forwarding_headers_count_only_from_trusted_proxies() {
        let trusted: Vec<ipnet::IpNet> = vec!["10.0.0.0/8".parse().unwrap(), "fd00::/8".parse().unwrap()];
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        let xff = headers(&[("x-forwarded-for", "6.6.6.6, 203.0.113.9, 10.1.1.1")]);
        // From anyone else the header is ignored.
        assert_eq!(client_ip(ip("198.51.100.1"), &xff, &trusted), ip("198.51.100.1"));
        assert_eq!(client_ip(ip("10.0.0.2"), &xff, &[]), ip("10.0.0.2"));
        // Through trusted proxies: the rightmost untrusted entry, not what the client wrote first.
        assert_eq!(client_ip(ip("10.0.0.2"), &xff, &trusted), ip("203.0.113.9"));
        // Several header lines are one list.
        let split = headers(&[("x-forwarded-for", "6.6.6.6"), ("x-forwarded-for", "203.0.113.9:5555")]);
        assert_eq!(client_ip(ip("10.0.0.2"), &split, &trusted), ip("203.0.113.9"));
        // `Forwarded` wins over `X-Forwarded-For`, with ports and IPv6 brackets.
        let fwd = headers(&[("forwarded", "for=6.6.6.6, for=\"[2001:db8::7]:4711\";proto=https"), ("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(client_ip(ip("fd00::1"), &fwd, &trusted), ip("2001:db8::7"));
        // An entry that is no address ends the chain at the proxy that wrote it.
        let unknown = headers(&[("x-forwarded-for", "203.0.113.9, unknown, 10.1.1.1")]);
        assert_eq!(client_ip(ip("10.0.0.2"), &unknown, &trusted), ip("10.1.1.1"));
        // Only trusted hops: the farthest of them.
        let inside = headers(&[("x-forwarded-for", "10.9.9.9, 10.1.1.1")]);
        assert_eq!(client_ip(ip("10.0.0.2"), &inside, &trusted), ip("10.9.9.9"));
        // No header: the proxy itself.
        assert_eq!(client_ip(ip("10.0.0.2"), &HeaderMap::new(), &trusted), ip("10.0.0.2"));
    }
}

#[cfg(test)]
mod serve_tests {
    use super::*;
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

    async fn started(connections: Connections) -> SocketAddr {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let router = Router::new().route(
            "/peer",
            axum::routing::get(|ConnectInfo(peer): ConnectInfo<SocketAddr>| async move { peer.ip().to_string() }),
        );
        tokio::spawn(serve_with(listener, router, std::future::pending(), connections));
        addr
    }

    async fn get(addr: SocketAddr) -> String {
        let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
        s.write_all(b"GET /peer HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n").await.unwrap();
        let mut answer = String::new();
        s.read_to_string(&mut answer).await.unwrap();
        answer
    }

    /// A schema with one mutation guarded by `Can do`, whose resolver panics for the name `boom`.
    fn guarded_schema() -> Schema {
        use crate::model::{PermissionExpr, Permissions};
        use crate::policy::{OperationPolicy, Policy, Unspecified};
        use crate::schema::{Call, Dispatch, DispatchFuture};
        struct Answer;
        impl Dispatch for Answer {
            fn call<'a>(&'a self, call: Call<'a>) -> DispatchFuture<'a> {
                assert_ne!(call.arguments["name"], "boom", "the resolver of `boom` panics");
                Box::pin(async { Ok(serde_json::json!({ "ok": true })) })
            }
        }
        let guard = OperationPolicy::new(Permissions::Required(PermissionExpr::Permission("Can do".into())), &[], None);
        let policy = Policy::new([("doIt".to_string(), guard)], Unspecified::Deny);
        let sdl = "type Query { x: Int } type Mutation { doIt(name: String): Done } type Done { ok: Boolean }";
        crate::schema::build(sdl, Arc::new(policy), Arc::new(Answer)).unwrap()
    }

    async fn post_to(addr: SocketAddr, headers: &str, name: &str) -> String {
        let body = format!(r#"{{"query": "mutation {{ doIt(name: \"{name}\") {{ ok }} }}"}}"#);
        let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
        let request = format!("POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n{headers}content-length: {}\r\nconnection: close\r\n\r\n{body}", body.len());
        s.write_all(request.as_bytes()).await.unwrap();
        let mut answer = String::new();
        s.read_to_string(&mut answer).await.unwrap();
        answer
    }

    /// The test router trusts the permissions header; a panic answers Kraken's internal error
    /// with a correlation id and the server goes on; `serve` serves with the default bounds.
    #[tokio::test]
    async fn the_test_router_trusts_its_header_and_survives_a_panic() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(serve(listener, router(guarded_schema(), &["Can do"]), std::future::pending()));
        let denied = post_to(addr, "", "a").await;
        assert!(denied.contains("KT-CT-1111"), "{denied}");
        for header in ["x-kraken-permissions: *\r\n", "x-kraken-permissions: Can read, Can do\r\n"] {
            let allowed = post_to(addr, header, "a").await;
            assert!(allowed.starts_with("HTTP/1.1 200") && allowed.contains(r#""ok":true"#), "{header}: {allowed}");
        }
        let panicked = post_to(addr, "x-kraken-permissions: *\r\n", "boom").await;
        assert!(panicked.starts_with("HTTP/1.1 500") && panicked.contains("KT-CT-7899") && panicked.contains("correlationId"), "{panicked}");
        assert!(!panicked.contains("panics"), "the panic's message is not sent: {panicked}");
        assert!(post_to(addr, "x-kraken-permissions: *\r\n", "a").await.contains(r#""ok":true"#), "still serving");
    }

    #[test]
    fn headers_a_test_caller_is_read_from() {
        let all = ["Can a", "Can b"];
        let read = |pairs: &[(&str, &str)]| caller_from_headers(&super::tests::headers(pairs), None, &all);
        assert_eq!(read(&[("x-kraken-permissions", " * ")]).granted.len(), 2);
        let some = read(&[("x-kraken-permissions", "Can x, , Can y"), ("authorization", "t")]);
        assert_eq!(some.granted.into_iter().collect::<Vec<_>>(), ["Can x", "Can y"]);
        assert_eq!(some.user.as_deref(), Some("t"));
        assert!(read(&[]).granted.is_empty() && read(&[]).user.is_none());
        let net: ipnet::IpNet = "10.0.0.0/8".parse().unwrap();
        assert_eq!(Limits::default().with_trusted_proxies([net]).trusted_proxies, [net]);
    }

    #[tokio::test]
    async fn a_client_slow_to_send_its_headers_is_cut_off() {
        let addr = started(Connections { header_read_timeout: Duration::from_millis(300), ..Connections::default() }).await;
        assert!(get(addr).await.ends_with("127.0.0.1"), "the peer address reaches the routes");
        let mut slow = tokio::net::TcpStream::connect(addr).await.unwrap();
        slow.write_all(b"GET /peer HTTP/1.1\r\nhost: x\r\n").await.unwrap();
        let started = std::time::Instant::now();
        let mut rest = Vec::new();
        let read = tokio::time::timeout(Duration::from_secs(5), slow.read_to_end(&mut rest)).await;
        assert!(read.is_ok(), "the connection was held past 5 s");
        assert!(started.elapsed() >= Duration::from_millis(250), "{:?}", started.elapsed());
    }

    #[tokio::test]
    async fn connections_past_the_cap_wait_for_one_to_close() {
        let addr = started(Connections { header_read_timeout: Duration::from_millis(600), max_connections: 1, ..Connections::default() }).await;
        // The one slot is held by a client that sends nothing...
        let _idle = tokio::net::TcpStream::connect(addr).await.unwrap();
        tokio::time::sleep(Duration::from_millis(50)).await;
        // ...so the next is served only once the first is cut off.
        let started = std::time::Instant::now();
        let answer = tokio::time::timeout(Duration::from_secs(5), get(addr)).await.expect("served once the slot is free");
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(started.elapsed() >= Duration::from_millis(400), "served before the slot was free: {:?}", started.elapsed());
    }
}
