//! Requests per second of the generated server (`oees-server`) as deployed (JWT-verified callers,
//! the default `Limits` and `Settings`) against the same server as it was served before callers
//! were verified and costs bounded (permissions from the `X-Kraken-Permissions` header, no cost
//! limits): one alternating run in one process, both on loopback, the same client.
//!
//! `cargo bench -p oees-service --bench throughput [-- ROUNDS SECONDS]` (default 3 rounds of 3 s).
//! Each answer is checked (the payload's `__typename`), so a server that answers fast but wrongly
//! does not look fast. The mutation, `acceptGoodsQuote`, documents no rate limit.

#[allow(dead_code)]
#[path = "../../../tests/server/resolvers.rs"]
mod resolvers;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use krakengen_server::auth::JwtAuthenticator;
use krakengen_server::http::Limits;
use krakengen_server::policy::Unspecified;
use krakengen_server::schema::Settings;

const SECRET: &[u8] = b"throughput benchmark secret, 32+ bytes";
const QUERY: &str = r#"{"query": "mutation { acceptGoodsQuote(input: {quoteId: \"q-1\"}) { goodsPurchase { __typename } } }"}"#;
const PERMISSION: &str = "Can manage goods purchases";
const CONNECTIONS: usize = 32;

struct Variant {
    name: &'static str,
    url: String,
    headers: Vec<(&'static str, String)>,
}

fn token() -> String {
    let exp = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() + 3600;
    let claims = serde_json::json!({ "sub": "bench", "exp": exp, "permissions": [PERMISSION] });
    jsonwebtoken::encode(&jsonwebtoken::Header::default(), &claims, &jsonwebtoken::EncodingKey::from_secret(SECRET).unwrap()).unwrap()
}

async fn serve(router: krakengen_server::http::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/graphql", listener.local_addr().unwrap());
    tokio::spawn(krakengen_server::http::serve(listener, router, std::future::pending()));
    url
}

/// Requests per second over `seconds`, `CONNECTIONS` callers at once.
async fn measure(client: &reqwest::Client, v: &Variant, seconds: u64) -> f64 {
    let done = Arc::new(AtomicU64::new(0));
    let stop = Instant::now() + Duration::from_secs(seconds);
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..CONNECTIONS {
        let (client, done) = (client.clone(), Arc::clone(&done));
        let (url, headers) = (v.url.clone(), v.headers.clone());
        workers.spawn(async move {
            while Instant::now() < stop {
                let mut request = client.post(&url).header("content-type", "application/json").body(QUERY);
                for (k, value) in &headers {
                    request = request.header(*k, value);
                }
                let body = request.send().await.unwrap().text().await.unwrap();
                assert!(body.contains("\"GoodsPurchase\""), "a wrong answer: {body}");
                done.fetch_add(1, Ordering::Relaxed);
            }
        });
    }
    let started = Instant::now();
    workers.join_all().await;
    done.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let args: Vec<u64> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (rounds, seconds) = (args.first().copied().unwrap_or(3) as usize, args.get(1).copied().unwrap_or(3));
    let servers = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let clients = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let token = token();
    let variants = servers.block_on(async {
        let before = oees_server::router_trusting_headers_for_tests(resolvers::Resolvers::default(), Unspecified::Deny, &Settings::unbounded().with_introspection(false))
            .unwrap();
        let deployed = |settings: Settings| {
            let authenticator = Arc::new(JwtAuthenticator::hs256(SECRET).unwrap());
            oees_server::router(resolvers::Resolvers::default(), Unspecified::Deny, &settings, authenticator, &Limits::default()).unwrap()
        };
        let variants = vec![
            Variant { name: "before: header permissions, no cost limits", url: serve(before).await, headers: vec![("x-kraken-permissions", PERMISSION.into())] },
            Variant { name: "deployed: verified JWT, default limits", url: serve(deployed(Settings::default())).await, headers: vec![("authorization", token.clone())] },
        ];
        variants
    });
    let client = reqwest::Client::builder().pool_max_idle_per_host(CONNECTIONS).build().unwrap();
    clients.block_on(async {
        for v in &variants {
            measure(&client, v, 1).await; // warm up: connections, allocator
        }
    });
    let mut figures: Vec<Vec<f64>> = vec![Vec::new(); variants.len()];
    for round in 0..rounds {
        for (i, v) in variants.iter().enumerate() {
            let rps = clients.block_on(measure(&client, v, seconds));
            println!("round {}: {:<46} {rps:>9.0} requests/s", round + 1, v.name);
            figures[i].push(rps);
        }
    }
    let base = median(figures[0].clone());
    println!();
    for (v, f) in variants.iter().zip(figures) {
        let m = median(f);
        println!("{:<46} median {m:>9.0} requests/s  {:>6.1}% of before", v.name, 100.0 * m / base);
    }
}
