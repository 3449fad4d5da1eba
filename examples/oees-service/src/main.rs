//! `oees-service`: the vendored reference's generated server (`oees-server`) served as a
//! deployment would serve it, with the resolvers of the end-to-end tests (`tests/server/resolvers.rs`:
//! three implemented, the others as `krakengen scaffold` leaves them, panicking with `todo!()`).
//!
//! Callers are verified as HS256 JWTs signed with the secret in `--jwt-secret-file`, or as tokens
//! signed with a key of the JWKS document in `--jwks-file` (RS256 or ES256); operations the
//! reference documents no permissions for are refused (`--unspecified` opens them); every limit is
//! at its default (`krakengen_server::schema::Settings`, `krakengen_server::http::Limits`). With
//! `--redis URL` the rate-limit counters are shared through that Redis by every instance given
//! it; when it cannot answer, calls are refused (`--redis-unavailable allow` lets them through).
//! Logs go to stderr (`RUST_LOG` filters them); when it is ready it prints one line with
//! `listening on` to stdout.

#[allow(dead_code)]
#[path = "../../../tests/server/resolvers.rs"]
mod resolvers;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use clap::Parser;
use krakengen_server::auth::{Algorithm, JwtAuthenticator};
use krakengen_server::http::Limits;
use krakengen_server::policy::Unspecified;
use krakengen_server::redis_store::RedisStore;
use krakengen_server::schema::Settings;
use krakengen_server::store::{OnStoreError, SharedStore};

/// The shortest secret taken: HS256 keys shorter than the hash (32 bytes) are guessable.
const MIN_SECRET_BYTES: usize = 32;

#[derive(Parser)]
#[command(version, about = "Serves the OEES Kraken API's generated server with verified callers.")]
struct Args {
    /// The address to listen on (`127.0.0.1:0` picks a free port; the line printed says which).
    #[arg(long, value_name = "ADDR")]
    listen: SocketAddr,
    /// A file holding the HS256 secret callers' tokens are signed with (at least 32 bytes; a
    /// final line break is not part of it).
    #[arg(long, value_name = "FILE", required_unless_present = "jwks_file", conflicts_with = "jwks_file")]
    jwt_secret_file: Option<PathBuf>,
    /// A JWKS document (`{"keys": [...]}`, as an identity provider publishes it) whose RS256 and
    /// ES256 keys callers' tokens are signed with; the token's `kid` picks the key.
    #[arg(long, value_name = "FILE")]
    jwks_file: Option<PathBuf>,
    /// A Redis (`redis://HOST:PORT`) holding the rate-limit counters, shared with every instance
    /// given the same one.
    #[arg(long, value_name = "URL")]
    redis: Option<String>,
    /// What a call does when the Redis of `--redis` cannot answer: `refuse` (default; Kraken's
    /// internal error) or `allow` (no rate limit until it is back).
    #[arg(long, value_name = "CHOICE", default_value = "refuse", value_parser = ["refuse", "allow"], requires = "redis")]
    redis_unavailable: String,
    /// A reverse proxy whose `Forwarded`/`X-Forwarded-For` headers are believed, as a CIDR block.
    /// May be given several times.
    #[arg(long, value_name = "CIDR")]
    trusted_proxy: Vec<ipnet::IpNet>,
    /// What operations without documented permissions do: `deny` (default), `authenticated`
    /// (any verified caller), `allow` (anyone).
    #[arg(long, value_name = "POLICY", default_value = "deny", value_parser = ["deny", "authenticated", "allow"])]
    unspecified: String,
}

fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .init();
    match run(Args::parse()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            std::process::ExitCode::from(2)
        }
    }
}

fn authenticator(args: &Args) -> Result<JwtAuthenticator, String> {
    if let Some(file) = &args.jwks_file {
        let json = std::fs::read(file).map_err(|e| format!("--jwks-file {}: {e}", file.display()))?;
        return JwtAuthenticator::jwks(&json, &[Algorithm::RS256, Algorithm::ES256]).map_err(|e| format!("--jwks-file {}: {e}", file.display()));
    }
    let file = args.jwt_secret_file.as_ref().ok_or("--jwt-secret-file or --jwks-file is needed")?;
    let secret = std::fs::read(file).map_err(|e| format!("--jwt-secret-file {}: {e}", file.display()))?;
    let secret = secret.strip_suffix(b"\n").unwrap_or(&secret);
    let secret = secret.strip_suffix(b"\r").unwrap_or(secret);
    if secret.len() < MIN_SECRET_BYTES {
        return Err(format!("--jwt-secret-file {}: the secret has {} bytes; at least {MIN_SECRET_BYTES} are needed", file.display(), secret.len()));
    }
    JwtAuthenticator::hs256(secret).map_err(|e| e.to_string())
}

fn run(args: Args) -> Result<(), String> {
    let authenticator = authenticator(&args)?;
    let unspecified = match args.unspecified.as_str() {
        "allow" => Unspecified::Allow,
        "authenticated" => Unspecified::Authenticated,
        _ => Unspecified::Deny,
    };
    let limits = Limits::default().with_trusted_proxies(args.trusted_proxy);
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    let mut settings = Settings::default();
    if let Some(url) = &args.redis {
        // The URL may hold a password: errors name the flag, not the value.
        let store = runtime.block_on(RedisStore::connect(url)).map_err(|e| format!("--redis: {e}"))?;
        let on_error = if args.redis_unavailable == "allow" { OnStoreError::Allow } else { OnStoreError::Refuse };
        settings = settings.with_rate_store(SharedStore::new(store, on_error));
    }
    let router = oees_server::router(resolvers::Resolvers::default(), unspecified, &settings, Arc::new(authenticator), &limits)
        .map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.listen).await.map_err(|e| format!("--listen {}: {e}", args.listen))?;
        let address = listener.local_addr().map_err(|e| e.to_string())?;
        println!("listening on http://{address}/graphql");
        tracing::info!(%address, "serving");
        krakengen_server::http::serve(listener, router, shutdown()).await.map_err(|e| e.to_string())
    })
}

/// Resolves on Ctrl-C or, on Unix, SIGTERM (what a container runtime sends).
async fn shutdown() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
    tracing::info!("shutting down");
}
