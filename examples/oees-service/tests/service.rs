//! Black-box tests of `oees-service` over HTTP: the binary is started on a free port with a secret
//! of the test's, and driven as a caller on the internet would drive it. Every process is killed
//! when its test ends, and every wait is bounded.

use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::{json, Value};

const SECRET: &[u8] = b"oees-service test secret, 32+ bytes long";

/// A running service: its URL and what it has logged so far.
struct Service {
    child: Child,
    url: String,
    log: Arc<Mutex<String>>,
    _dir: tempfile::TempDir,
}

impl Service {
    fn start(extra: &[&str]) -> Service {
        let dir = tempfile::tempdir().unwrap();
        let secret = dir.path().join("secret");
        std::fs::write(&secret, [SECRET, b"\n"].concat()).unwrap();
        Self::start_with(dir, &["--jwt-secret-file".as_ref(), secret.as_os_str()], extra)
    }

    /// A service verifying tokens with the keys of a JWKS document.
    fn start_jwks(jwks: &str) -> Service {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("jwks.json");
        std::fs::write(&file, jwks).unwrap();
        Self::start_with(dir, &["--jwks-file".as_ref(), file.as_os_str()], &[])
    }

    fn start_with(dir: tempfile::TempDir, keys: &[&std::ffi::OsStr], extra: &[&str]) -> Service {
        let mut child = Command::new(env!("CARGO_BIN_EXE_oees-service"))
            .args(["--listen", "127.0.0.1:0"])
            .args(keys)
            .args(extra)
            .env("RUST_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("oees-service starts");
        let log = Arc::new(Mutex::new(String::new()));
        let stderr = child.stderr.take().unwrap();
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let (tx, rx) = std::sync::mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let line = rx.recv_timeout(Duration::from_secs(30)).unwrap_or_else(|_| {
            let _ = child.kill();
            panic!("no `listening on` line; stderr: {}", log.lock().unwrap())
        });
        let url = line.strip_prefix("listening on ").unwrap_or_else(|| panic!("{line}")).to_string();
        Service { child, url, log, _dir: dir }
    }

    fn address(&self) -> String {
        self.url.trim_start_matches("http://").split('/').next().unwrap().to_string()
    }

    /// Resident memory of the process, in KiB (Linux).
    fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
        line.split_whitespace().nth(1).unwrap().parse().unwrap()
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
}

fn in_a_minute() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() + 60
}

fn jwt(claims: Value, secret: &[u8]) -> String {
    use jsonwebtoken::{encode, EncodingKey, Header};
    encode(&Header::default(), &claims, &EncodingKey::from_secret(secret).unwrap()).unwrap()
}

fn token(sub: &str, permissions: &[&str]) -> String {
    jwt(json!({ "sub": sub, "exp": in_a_minute(), "permissions": permissions }), SECRET)
}

/// A token claiming `alg: none`, with no signature.
fn unsigned(permissions: &[&str]) -> String {
    use base64::Engine as _;
    let b64 = |v: Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
    format!("{}.{}.", b64(json!({ "alg": "none", "typ": "JWT" })), b64(json!({ "sub": "u", "exp": in_a_minute(), "permissions": permissions })))
}

async fn post(url: &str, headers: &[(&str, &str)], query: &str) -> (u16, Value) {
    let mut request = reqwest::Client::new().post(url).json(&json!({ "query": query }));
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    let response = request.timeout(Duration::from_secs(30)).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn code(v: &Value) -> &str {
    v["errors"][0]["extensions"]["errorCode"].as_str().unwrap_or("")
}

/// An empty quote id is answered by the resolver (`KT-CT-8201`), so it tells a call that reached
/// it from one a guard refused.
const ACCEPT_EMPTY: &str = r#"mutation { acceptGoodsQuote(input: {quoteId: ""}) { goodsPurchase { __typename } } }"#;
const ACCEPT: &str = r#"mutation { acceptGoodsQuote(input: {quoteId: "q-1"}) { goodsPurchase { __typename } } }"#;
const GOODS: &str = "Can manage goods purchases";

#[test]
fn only_verified_callers_with_the_permission_reach_the_resolver() {
    let service = Service::start(&[]);
    runtime().block_on(async {
        let url = service.url.as_str();
        // The header that the mock trusts grants nothing here, alone or beside a verified caller.
        let (_, forged) = post(url, &[("x-kraken-permissions", "*")], ACCEPT_EMPTY).await;
        assert_eq!(code(&forged), "KT-CT-8223", "{forged}");
        let without = token("user-1", &[]);
        let (_, added) = post(url, &[("authorization", &without), ("x-kraken-permissions", "*")], ACCEPT_EMPTY).await;
        assert_eq!(code(&added), "KT-CT-8223", "{added}");

        let good = token("user-1", &[GOODS]);
        let (_, reached) = post(url, &[("authorization", &good)], ACCEPT_EMPTY).await;
        assert_eq!(code(&reached), "KT-CT-8201", "the resolver's own answer: {reached}");
        let bearer = format!("Bearer {good}");
        let (_, data) = post(url, &[("authorization", &bearer)], ACCEPT).await;
        assert_eq!(data["data"]["acceptGoodsQuote"]["goodsPurchase"]["__typename"], "GoodsPurchase", "{data}");

        let expired = jwt(json!({ "sub": "u", "exp": in_a_minute() - 600, "permissions": [GOODS] }), SECRET);
        let wrongly_signed = jwt(json!({ "sub": "u", "exp": in_a_minute(), "permissions": [GOODS] }), b"some other secret of 32 bytes or more");
        for (what, token, expected) in [
            ("expired", expired, "KT-CT-1124"),
            ("wrongly signed", wrongly_signed, "KT-CT-1139"),
            ("alg none", unsigned(&[GOODS]), "KT-CT-1139"),
            ("garbage", "not a token".to_string(), "KT-CT-1139"),
        ] {
            let (_, v) = post(url, &[("authorization", &token)], ACCEPT_EMPTY).await;
            assert_eq!(code(&v), expected, "{what}: {v}");
            assert_eq!(v["data"], Value::Null, "{what}: {v}");
        }

        // `cancelEnrollment` documents no permissions: refused, to anonymous and verified callers.
        let cancel = "mutation { cancelEnrollment(input: {}) { __typename } }";
        for headers in [vec![], vec![("authorization", good.as_str())]] {
            let (_, v) = post(url, &headers, cancel).await;
            assert_eq!(code(&v), "KT-CT-1111", "{v}");
        }
    });
}

#[test]
fn what_one_request_may_cost_is_bounded() {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let service = Service::start(&[]);
    runtime().block_on(async {
        let url = service.url.as_str();
        let good = token("user-1", &[GOODS]);

        // A 10 MB body is refused before it is read.
        let started = Instant::now();
        let mut stream = tokio::net::TcpStream::connect(service.address()).await.unwrap();
        let head = format!("POST /graphql HTTP/1.1\r\nhost: {}\r\ncontent-type: application/json\r\ncontent-length: 10000000\r\n\r\n", service.address());
        stream.write_all(head.as_bytes()).await.unwrap();
        let mut answer = vec![0u8; 64];
        let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut answer)).await.unwrap().unwrap();
        assert!(String::from_utf8_lossy(&answer[..n]).starts_with("HTTP/1.1 413"), "{}", String::from_utf8_lossy(&answer[..n]));
        assert!(started.elapsed() < Duration::from_secs(1), "{:?}", started.elapsed());

        // Introspection is off.
        let (_, v) = post(url, &[("authorization", &good)], "{ __schema { types { name } } }").await;
        assert!(v["errors"].as_array().is_some_and(|e| !e.is_empty()) && !v.to_string().contains("AcceptGoodsQuote"), "{v}");

        // 17 nested fragments around 2,000 aliased mutations: refused before any resolver runs
        // (a resolver would have answered `KT-CT-8201` for each).
        let calls: String = (0..2_000).map(|i| format!(" a{i}: acceptGoodsQuote(input: {{quoteId: \"\"}}) {{ goodsPurchase {{ __typename }} }}")).collect();
        let attack = format!("mutation {{{}{calls}{} }}", " ... {".repeat(17), " }".repeat(17));
        let started = Instant::now();
        let (_, v) = post(url, &[("authorization", &good)], &attack).await;
        assert_eq!(code(&v), "KT-CT-1189", "{}", &v.to_string()[..v.to_string().len().min(500)]);
        assert_eq!(v["errors"].as_array().unwrap().len(), 1, "one refusal, no resolver's answers");
        assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
    });
}

#[test]
fn a_users_rate_limit_holds_and_another_user_is_not_limited() {
    let service = Service::start(&[]);
    runtime().block_on(async {
        // `addProperty` documents `User: ['5/m']`; a fresh token per call is still the same user.
        for n in 0..5 {
            let t = jwt(json!({ "sub": "user-1", "exp": in_a_minute(), "jti": n, "permissions": ["Can create property"] }), SECRET);
            let (_, v) = post(&service.url, &[("authorization", &t)], ADD_PROPERTY).await;
            assert!(v.get("errors").is_none(), "call {n}: {v}");
        }
        let t = jwt(json!({ "sub": "user-1", "exp": in_a_minute(), "jti": 99, "permissions": ["Can create property"] }), SECRET);
        let (_, sixth) = post(&service.url, &[("authorization", &t)], ADD_PROPERTY).await;
        assert_eq!(code(&sixth), "KT-CT-1199", "{sixth}");
        let other = token("user-2", &["Can create property"]);
        let (_, v) = post(&service.url, &[("authorization", &other)], ADD_PROPERTY).await;
        assert!(v.get("errors").is_none(), "{v}");
    });
}

#[test]
fn a_panicking_resolver_answers_an_internal_error_and_the_service_goes_on() {
    let service = Service::start(&[]);
    runtime().block_on(async {
        // The scaffold leaves `addSignupReferralOnAccount` as `todo!()`.
        let t = token("user-1", &["Can create referrals", GOODS]);
        let (status, v) = post(&service.url, &[("authorization", &t)], "mutation { addSignupReferralOnAccount(input: {}) { __typename } }").await;
        assert_eq!(status, 500);
        assert_eq!(code(&v), "KT-CT-7899", "{v}");
        assert!(!v.to_string().contains("not implemented"), "the panic's text is not sent: {v}");
        let id = v["errors"][0]["extensions"]["correlationId"].as_str().unwrap().to_string();
        // The panic is logged under the id the caller got.
        let deadline = Instant::now() + Duration::from_secs(5);
        while !service.log.lock().unwrap().contains(&id) {
            assert!(Instant::now() < deadline, "{id} not logged: {}", service.log.lock().unwrap());
            std::thread::sleep(Duration::from_millis(20));
        }
        let log = service.log.lock().unwrap().clone();
        let line = log.lines().find(|l| l.contains(&id)).unwrap();
        assert!(line.contains("addSignupReferralOnAccount is not implemented yet"), "{line}");
        assert!(!log.contains(&t), "no token in the log");
        // The next request is served.
        let (_, v) = post(&service.url, &[("authorization", &t)], ACCEPT_EMPTY).await;
        assert_eq!(code(&v), "KT-CT-8201", "{v}");
    });
}

/// 5,000 distinct 8 KB junk tokens are all refused, and the service holds nothing of them.
#[test]
fn junk_tokens_are_refused_and_cost_no_memory() {
    let service = Service::start(&[]);
    runtime().block_on(async {
        let client = reqwest::Client::new();
        let send = |i: usize| {
            let client = client.clone();
            let url = service.url.clone();
            async move {
                let junk = format!("{i:08}{}", "x".repeat(8 * 1024));
                let v: Value = client
                    .post(&url)
                    .header("authorization", junk)
                    .json(&json!({ "query": r#"mutation { addProperty(input: {}) { __typename } }"# }))
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                code(&v) == "KT-CT-1139"
            }
        };
        // Warm up (allocator arenas, connections), then measure, 16 requests at a time.
        for i in 0..200 {
            assert!(send(i).await);
        }
        let before = service.rss_kib();
        let mut refused = 0;
        for start in (200..5_200).step_by(16) {
            let mut batch = tokio::task::JoinSet::new();
            for i in start..(start + 16).min(5_200) {
                batch.spawn(send(i));
            }
            refused += batch.join_all().await.into_iter().filter(|r| *r).count();
        }
        let grown = service.rss_kib().saturating_sub(before);
        assert_eq!(refused, 5_000);
        assert!(grown < 6 * 1024, "RSS grew by {grown} KiB");
    });
}

#[test]
fn a_short_or_missing_secret_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let short = dir.path().join("short");
    std::fs::write(&short, "too short\n").unwrap();
    let run = |file: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_oees-service")).args(["--listen", "127.0.0.1:0", "--jwt-secret-file"]).arg(file).output().unwrap()
    };
    let out = run(&short);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("the secret has 9 bytes; at least 32"), "{stderr}");
    assert!(!stderr.contains("too short"), "the secret is not printed: {stderr}");
    let missing = run(&dir.path().join("nope"));
    assert_eq!(missing.status.code(), Some(2));
    assert!(out.stdout.is_empty() && missing.stdout.is_empty());
}

/// A `redis-server` of the test's own on a free loopback port, without persistence, killed when
/// dropped. `tests/run` installs Debian's package where it is missing; without it the test fails
/// saying so, rather than passing untested.
struct Redis {
    child: Child,
    url: String,
}

impl Redis {
    fn start() -> Redis {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("redis-server cannot be started ({e}): install Debian's redis-server (tests/run does)"));
        let redis = Redis { child, url: format!("redis://127.0.0.1:{port}/") };
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) {
                use std::io::{Read as _, Write as _};
                let mut pong = [0u8; 7];
                if s.write_all(b"PING\r\n").is_ok() && s.read_exact(&mut pong).is_ok() && &pong == b"+PONG\r\n" {
                    return redis;
                }
            }
            assert!(Instant::now() < deadline, "redis-server did not start on port {port}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const ADD_PROPERTY: &str = r#"mutation { addProperty(input: {name: "Flat 1"}) { __typename } }"#;

#[test]
fn two_instances_on_one_redis_enforce_one_limit() {
    let redis = Redis::start();
    let a = Service::start(&["--redis", &redis.url]);
    let b = Service::start(&["--redis", &redis.url]);
    runtime().block_on(async {
        let user = token("user-1", &["Can create property"]);
        // `addProperty` allows 5 a minute per user: five calls spread over both instances pass...
        for (n, service) in [&a, &b, &a, &b, &a].into_iter().enumerate() {
            let (_, v) = post(&service.url, &[("authorization", &user)], ADD_PROPERTY).await;
            assert!(v.get("errors").is_none(), "call {n}: {v}");
        }
        // ...and the sixth is refused by either.
        for service in [&b, &a] {
            let (_, v) = post(&service.url, &[("authorization", &user)], ADD_PROPERTY).await;
            assert_eq!(code(&v), "KT-CT-1199", "{v}");
        }
        let other = token("user-2", &["Can create property"]);
        let (_, v) = post(&b.url, &[("authorization", &other)], ADD_PROPERTY).await;
        assert!(v.get("errors").is_none(), "another user is not limited: {v}");
    });
}

#[test]
fn a_redis_that_goes_away_refuses_or_allows_as_chosen_and_never_hangs() {
    let mut redis = Redis::start();
    let closed = Service::start(&["--redis", &redis.url]);
    let open = Service::start(&["--redis", &redis.url, "--redis-unavailable", "allow"]);
    runtime().block_on(async {
        let user = token("user-1", &["Can create property"]);
        for service in [&closed, &open] {
            let (_, v) = post(&service.url, &[("authorization", &user)], ADD_PROPERTY).await;
            assert!(v.get("errors").is_none(), "{v}");
        }
        let _ = redis.child.kill();
        let _ = redis.child.wait();
        for _ in 0..3 {
            let started = Instant::now();
            let (_, v) = post(&closed.url, &[("authorization", &user)], ADD_PROPERTY).await;
            assert_eq!(code(&v), "KT-CT-7899", "refused while the limit cannot be counted: {v}");
            assert!(v["errors"][0]["extensions"]["correlationId"].is_string(), "{v}");
            assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
            let started = Instant::now();
            let (_, v) = post(&open.url, &[("authorization", &user)], ADD_PROPERTY).await;
            assert!(v.get("errors").is_none(), "let through: {v}");
            assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
        }
        // A call that needs no counter is not held up by the store.
        let (_, v) = post(&closed.url, &[("authorization", &token("user-1", &[GOODS]))], ACCEPT_EMPTY).await;
        assert_eq!(code(&v), "KT-CT-8201", "{v}");
    });
}

#[test]
fn an_unreachable_redis_stops_the_start_without_printing_its_url() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret");
    std::fs::write(&secret, SECRET).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_oees-service"))
        .args(["--listen", "127.0.0.1:0", "--jwt-secret-file"])
        .arg(&secret)
        .args(["--redis", &format!("redis://:hunter2@127.0.0.1:{port}/")])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--redis: ") && !stderr.contains("hunter2"), "{stderr}");
}

/// A P-256 key pair made for this test with `openssl ecparam -name prime256v1 -genkey`.
const EC_PRIVATE: &[u8] = b"-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgAX03Y/M/xiuCxkaF
tOMne9oUTRG5nc96/PaPvrLgyqihRANCAARRHVnXGP/lCEgkOLkd5uw2fgdj6eal
RP6+h/6hmXdxpKNPuYyS5pfwORvL4sLCXXC9+ftDOKAwusTsy57xqgNv
-----END PRIVATE KEY-----
";

#[test]
fn a_jwks_file_verifies_callers_by_kid() {
    use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
    let key = EncodingKey::from_ec_pem(EC_PRIVATE).unwrap();
    let mut jwk = serde_json::to_value(jsonwebtoken::jwk::Jwk::from_encoding_key(&key, Algorithm::ES256).unwrap()).unwrap();
    jwk["kid"] = "2026-12".into();
    let service = Service::start_jwks(&json!({ "keys": [jwk] }).to_string());
    let claims = json!({ "sub": "user-1", "exp": in_a_minute(), "permissions": [GOODS] });
    let signed = |kid: &str| {
        let mut header = Header::new(Algorithm::ES256);
        header.kid = Some(kid.to_string());
        encode(&header, &claims, &key).unwrap()
    };
    runtime().block_on(async {
        let (_, v) = post(&service.url, &[("authorization", &signed("2026-12"))], ACCEPT_EMPTY).await;
        assert_eq!(code(&v), "KT-CT-8201", "reached the resolver: {v}");
        let (_, v) = post(&service.url, &[("authorization", &signed("2025-01"))], ACCEPT_EMPTY).await;
        assert_eq!(code(&v), "KT-CT-1139", "a key it does not have: {v}");
        // An HS256 token (the secret the other tests sign with) is no caller: the set has no HMAC key.
        let (_, v) = post(&service.url, &[("authorization", &token("user-1", &[GOODS]))], ACCEPT_EMPTY).await;
        assert_eq!(code(&v), "KT-CT-1139", "{v}");
    });
}
