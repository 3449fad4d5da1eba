//! The request path under arbitrary input, for the `request` fuzz target (`fuzz/`) and for the
//! unit test below that runs it on stable over generated inputs.
//!
//! Bytes become one HTTP request (headers, `Authorization` among them, and a body) sent through
//! [`authenticated_router`] with a [`JwtAuthenticator`] and the default limits, in front of a schema
//! whose every root field is guarded. Whatever the bytes: nothing panics (a caught panic would
//! answer 500), the answer comes in bounded time, and no resolver runs, since no caller without a
//! token signed with the harness's secret may pass a guard, and random bytes do not sign.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderName, HeaderValue, Request};
use tower::Service as _;

use krakengen_server::auth::JwtAuthenticator;
use krakengen_server::http::{authenticated_router, Limits, Router};
use krakengen_server::model::{PermissionExpr, Permissions, RatePeriod};
use krakengen_server::policy::{OperationPolicy, Policy, Unspecified};
use krakengen_server::schema::{build_with, Call, Dispatch, DispatchFuture, Settings};

/// The secret tokens of the harness are signed with; inputs never know it.
pub const SECRET: &[u8] = b"the request fuzz harness's secret, 32+ bytes";

const SDL: &str = r#"
type Query { account(number: String!): Account }
type Mutation {
  doThing(input: ThingInput!): ThingPayload
  login(email: String, password: String): ThingPayload
  undocumented: Boolean
}
type Account { number: String, things: [ThingPayload] }
input ThingInput { name: String! }
type ThingPayload { name: String, count: Int, account: Account }
"#;

/// Header names an input picks from by index (any other index reads a name from the bytes).
const NAMES: [&str; 7] = ["authorization", "x-kraken-permissions", "content-type", "forwarded", "x-forwarded-for", "content-length", "x-kraken-user"];

/// Counts resolver calls: the test asserts none happens.
struct Counting(AtomicUsize);

impl Dispatch for Counting {
    fn call<'a>(&'a self, call: Call<'a>) -> DispatchFuture<'a> {
        self.0.fetch_add(1, Ordering::SeqCst);
        let name = call.arguments["input"]["name"].clone();
        Box::pin(async move { Ok(serde_json::json!({ "name": name, "count": 1 })) })
    }
}

struct Harness {
    runtime: tokio::runtime::Runtime,
    router: Router,
    dispatched: Arc<Counting>,
}

fn harness() -> &'static Harness {
    static HARNESS: OnceLock<Harness> = OnceLock::new();
    HARNESS.get_or_init(|| {
        let required = |p: &str| Permissions::Required(PermissionExpr::Permission(p.to_string()));
        let policy = Policy::new(
            [
                ("doThing".to_string(), OperationPolicy::new(required("Can do things"), &[("User", &[(5, RatePeriod::Minute)])], Some("KT-CT-4242"))),
                ("login".to_string(), OperationPolicy::new(required("Can log in"), &[("Failed logins per ip", &[(3, RatePeriod::Minute)])], None)),
                ("account".to_string(), OperationPolicy::new(required("Can read accounts"), &[], None)),
                ("undocumented".to_string(), OperationPolicy::new(Permissions::Unspecified, &[], None)),
            ],
            Unspecified::Deny,
        );
        let dispatched = Arc::new(Counting(AtomicUsize::new(0)));
        let schema = build_with(SDL, Arc::new(policy), Arc::clone(&dispatched) as Arc<dyn Dispatch>, &Settings::default()).expect("the harness's SDL builds");
        let authenticator = JwtAuthenticator::hs256(SECRET).expect("the harness's key");
        let router = authenticated_router(schema, Arc::new(authenticator), &Limits::default());
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
        Harness { runtime, router, dispatched }
    })
}

/// What one request came to.
#[derive(Debug)]
pub struct Outcome {
    pub status: u16,
    /// Resolver calls the request caused.
    pub dispatched: usize,
}

/// Reads a request from `data` (a count of headers; per header a name index, or a length and a
/// name, then a length and a value; the rest is the body) and sends it.
pub fn send(data: &[u8]) -> Outcome {
    let mut bytes = data.iter().copied();
    let mut take = |n: usize| -> Vec<u8> { bytes.by_ref().take(n).collect() };
    let count = take(1).first().map_or(0, |n| n % 8);
    let mut request = Request::post("/graphql");
    for _ in 0..count {
        let pick = take(1).first().copied().unwrap_or(0) as usize;
        let name = match NAMES.get(pick) {
            Some(name) => name.as_bytes().to_vec(),
            None => {
                let len = take(1).first().map_or(0, |n| *n as usize % 32);
                take(len)
            }
        };
        let len = take(2).iter().fold(0usize, |n, b| n * 256 + *b as usize) % 20_000;
        let value = take(len);
        if let (Ok(name), Ok(value)) = (HeaderName::from_bytes(&name), HeaderValue::from_bytes(&value)) {
            request = request.header(name, value);
        }
    }
    let body: Vec<u8> = bytes.collect();
    let mut request = request.body(Body::from(body)).expect("a request from valid parts");
    request.extensions_mut().insert(ConnectInfo(SocketAddr::from(([192, 0, 2, 1], 4711))));
    let h = harness();
    let before = h.dispatched.0.load(Ordering::SeqCst);
    let mut router = h.router.clone();
    let response = h
        .runtime
        .block_on(async { tokio::time::timeout(Duration::from_secs(20), router.call(request)).await })
        .expect("an answer within 20 s")
        .expect("the router is infallible");
    Outcome { status: response.status().as_u16(), dispatched: h.dispatched.0.load(Ordering::SeqCst) - before }
}

/// [`send`], and what must hold whatever the input: no 500 (a panic or an internal failure), no
/// resolver run for a caller nobody signed.
pub fn exercise(data: &[u8]) -> Outcome {
    let outcome = send(data);
    assert!(outcome.status != 500 && outcome.dispatched == 0, "{outcome:?} for the input {:?}", String::from_utf8_lossy(data));
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic generator (xorshift64*), so a failure names an input that can be made again.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
    }

    fn b64(text: &str) -> String {
        use base64::Engine as _;
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text)
    }

    fn signed(claims: serde_json::Value, secret: &[u8]) -> String {
        let key = jsonwebtoken::EncodingKey::from_secret(secret).unwrap();
        jsonwebtoken::encode(&jsonwebtoken::Header::default(), &claims, &key).unwrap()
    }

    fn in_a_minute() -> u64 {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() + 60
    }

    /// One header as [`send`] reads it.
    fn header(out: &mut Vec<u8>, name: usize, value: &[u8]) {
        out.push(name as u8);
        out.extend_from_slice(&(value.len() as u16).to_be_bytes());
        out.extend_from_slice(value);
    }

    /// An input shaped like a request an attacker would try, with some bytes changed at random.
    fn input(rng: &mut Rng) -> Vec<u8> {
        let all = serde_json::json!({ "sub": "u", "exp": in_a_minute(), "permissions": ["Can do things", "Can log in", "Can read accounts"] });
        let tokens = [
            format!("{}.{}.", b64(r#"{"alg":"none","typ":"JWT"}"#), b64(&all.to_string())),
            format!("{}.{}.", b64(r#"{"alg":"HS256","typ":"JWT"}"#), b64(&all.to_string())),
            signed(all.clone(), b"not the harness's secret, also 32+ bytes"),
            format!("{}.{}.c2ln", b64(r#"{"alg":"RS256","kid":"../../etc/passwd"}"#), b64(&all.to_string())),
            "x".repeat(rng.below(20_000)),
            String::new(),
        ];
        let token = &tokens[rng.below(tokens.len())];
        let scheme = rng.pick(&["", "Bearer ", "JWT ", "bearer ", "Basic "]);
        let bodies = [
            r#"{"query": "mutation { doThing(input: {name: \"a\"}) { name } }"}"#.to_string(),
            r#"{"query": "mutation { login(email: \"a@b.c\", password: \"p\") { name } }"}"#.to_string(),
            r#"{"query": "mutation { undocumented }"}"#.to_string(),
            r#"{"query": "query { account(number: \"A-1\") { things { account { number } } } }"}"#.to_string(),
            r#"[{"query": "mutation { doThing(input: {name: \"a\"}) { name } }"}, {"query": "mutation { undocumented }"}]"#.to_string(),
            r#"{"query": "mutation M($i: ThingInput!) { doThing(input: $i) { name } }", "variables": {"i": {"name": 7}}}"#.to_string(),
            format!(r#"{{"query": "mutation {{ {} doThing(input: {{name: \"a\"}}) {{ name }} {} }}"}}"#, "... {".repeat(rng.below(40)), "}".repeat(rng.below(40))),
            format!(r#"{{"query": "mutation {{ {} }}"}}"#, (0..rng.below(300)).map(|i| format!("a{i}: undocumented ")).collect::<String>()),
            r#"{"query": "{ __schema { types { name } } }"}"#.to_string(),
            "{\"query\": ".repeat(rng.below(200)),
            String::new(),
        ];
        let mut out = Vec::new();
        let headers = rng.below(5);
        out.push(headers as u8);
        for _ in 0..headers {
            match rng.below(6) {
                0 | 1 => header(&mut out, 0, format!("{scheme}{token}").as_bytes()),
                2 => header(&mut out, 1, rng.pick(&["*", "Can do things", "Can do things, Can log in"]).as_bytes()),
                3 => header(&mut out, 2, rng.pick(&["application/json", "text/plain", "multipart/form-data; boundary=x", "application/graphql"]).as_bytes()),
                4 => header(&mut out, 3 + rng.below(2), rng.pick(&["for=10.0.0.1", "for=\"[::1]\";proto=https", "203.0.113.9, unknown", "junk;;=,"]).as_bytes()),
                _ => header(&mut out, 5, rng.pick(&["0", "99999999999", "-1", "12"]).as_bytes()),
            }
        }
        out.extend_from_slice(bodies[rng.below(bodies.len())].as_bytes());
        for _ in 0..rng.below(4) {
            if !out.is_empty() {
                let i = rng.below(out.len());
                out[i] = rng.next() as u8;
            }
        }
        out
    }

    #[test]
    fn arbitrary_requests_panic_nothing_and_reach_no_resolver() {
        let mut rng = Rng(0x5eed_cafe_f00d_d00d);
        let mut answered = std::collections::BTreeMap::<u16, usize>::new();
        for _ in 0..1_500 {
            *answered.entry(exercise(&input(&mut rng)).status).or_default() += 1;
        }
        // The inputs reach the schema (200), and some stop at the body limit or the parser.
        assert!(answered.get(&200).is_some_and(|&n| n > 300), "{answered:?}");
    }

    /// The harness can see a caller get through: a token signed with its secret reaches the
    /// resolver, so the test above would catch an unsigned one doing the same.
    #[test]
    fn a_signed_caller_does_reach_the_resolver() {
        let token = signed(serde_json::json!({ "sub": "u", "exp": in_a_minute(), "permissions": ["Can do things"] }), SECRET);
        let mut data = vec![1];
        header(&mut data, 0, token.as_bytes());
        data.extend_from_slice(br#"{"query": "mutation { doThing(input: {name: \"a\"}) { name } }"}"#);
        let outcome = send(&data);
        assert_eq!((outcome.status, outcome.dispatched), (200, 1));
    }
}
