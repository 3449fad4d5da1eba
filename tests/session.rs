//! The generated client's session and retry policy against the mock over loopback: token
//! refresh across expiries (counted at the mock), one refresh for many concurrent calls,
//! back-off on rate limits, transient failures retried for queries and not for mutations, no
//! repeated logins, and `Debug` without secrets.

use std::sync::Arc;
use std::time::{Duration, Instant};

use krakengen_mock::session::{Stats, WRONG_PASSWORD};
use krakengen_tests::edits::{apply, Edit};
use krakengen_tests::{runtime, Server};
use oees_client::errors::{ErrorCategory, ErrorCode};
use oees_client::http::ReqwestTransport;
use oees_client::{obtain_kraken_token, types, Client, RetryPolicy, Session, Tokens};
use serde_json::json;

/// A mock of `loaded` with `options`, served on loopback.
async fn serve(loaded: &krakengen::pipeline::Loaded, options: krakengen_mock::Options) -> (Server, Arc<Stats>) {
    let mock = krakengen_mock::build(&loaded.schema().sdl, loaded.model(), &options).expect("the mock builds");
    (Server::start(mock.router).await, mock.stats)
}

fn with_sessions(ttl: Duration) -> krakengen_mock::Options {
    krakengen_mock::Options { token_ttl: Some(ttl), ..Default::default() }
}

/// A client granted every permission (the mock's header), so that only the session decides.
fn client(url: &str) -> Client<ReqwestTransport> {
    let transport = ReqwestTransport::new(url).with_header(krakengen_server::http::PERMISSIONS_HEADER, "*").unwrap();
    Client::new(transport)
}

fn login(password: &str) -> obtain_kraken_token::Variables {
    obtain_kraken_token::Variables { input: types::ObtainJsonWebTokenInput(json!({ "email": "a@example.com", "password": password })) }
}

/// A mutation that needs a token (it is not public) and has no rate limit.
async fn accept(client: &Client<ReqwestTransport>) -> Result<(), oees_client::Error> {
    let vars = oees_client::accept_goods_quote::Variables { input: types::AcceptGoodsQuoteInput(json!({ "quoteId": "q-1" })) };
    client.accept_goods_quote(&vars).await.map(|_| ())
}

#[test]
fn calls_need_a_token_the_mock_issued() {
    runtime().block_on(async {
        let (server, _) = serve(krakengen_tests::vendored_loaded(), with_sessions(Duration::from_secs(60))).await;
        let anonymous = client(&server.url);
        assert_eq!(accept(&anonymous).await.unwrap_err().code(), Some(&ErrorCode::KtCt1112));
        let forged = client(&server.url).with_token("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjk5OTk5OTk5OTl9.c2ln");
        let refused = accept(&forged).await.unwrap_err();
        assert_eq!(refused.code(), Some(&ErrorCode::KtCt1139), "{refused}");
        assert_eq!(refused.category(), ErrorCategory::Authentication);
        server.stop().await;
    });
}

/// A session outlives three token lifetimes: every call succeeds, one login, a refresh per
/// lifetime at least, all counted at the mock.
#[test]
fn a_session_lives_three_token_lifetimes() {
    runtime().block_on(async {
        let ttl = Duration::from_secs(2);
        let (server, stats) = serve(krakengen_tests::vendored_loaded(), with_sessions(ttl)).await;
        let c = client(&server.url).with_session(Session::new().with_margin(Duration::from_millis(500)));
        c.authenticate(&login("p")).await.expect("the login succeeds");
        let end = Instant::now() + ttl * 3 + Duration::from_millis(500);
        let mut calls = 0;
        while Instant::now() < end {
            accept(&c).await.unwrap_or_else(|e| panic!("call {calls} failed: {e}"));
            calls += 1;
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        assert!(calls >= 20, "{calls}");
        assert_eq!(stats.logins(), 1);
        assert!(stats.refreshes() >= 3, "{} refreshes in three lifetimes", stats.refreshes());
        assert_eq!(c.session().refreshes(), stats.refreshes());
        server.stop().await;
    });
}

/// 50 concurrent calls across an expiry refresh the token once, whether the client knows the
/// expiry (and refreshes first) or learns it from `KT-CT-1124` (and refreshes then).
#[test]
fn fifty_concurrent_calls_across_an_expiry_refresh_once() {
    runtime().block_on(async {
        // A JWT's `exp` is in whole seconds and checked against whole seconds, so a token of TTL t
        // lives between t - 1 and t + 1 seconds. With 4 s, the refreshed token outlives the 50 calls
        // on a loaded machine (with 1 s it could expire again while they ran and be refreshed
        // twice), and after 5.1 s the first one has expired at the server too.
        let (server, stats) = serve(krakengen_tests::vendored_loaded(), with_sessions(Duration::from_secs(4))).await;
        for expiry_known in [true, false] {
            let c = Arc::new(client(&server.url));
            c.authenticate(&login("p")).await.unwrap();
            if !expiry_known {
                let tokens = c.session().tokens().unwrap();
                c.session().set(Some(Tokens { expires_at: None, ..tokens }));
            }
            tokio::time::sleep(Duration::from_millis(5100)).await;
            let before = stats.refreshes();
            let calls: Vec<_> = (0..50).map(|_| {
                let c = c.clone();
                tokio::spawn(async move { accept(&c).await })
            }).collect();
            for call in calls {
                call.await.unwrap().expect("every call succeeds after the refresh");
            }
            assert_eq!(stats.refreshes() - before, 1, "expiry known: {expiry_known}");
            assert_eq!(c.session().refreshes(), 1);
        }
        server.stop().await;
    });
}

/// A failed login is sent once, whatever the retry policy, and leaves the session empty.
#[test]
fn a_failed_login_is_not_repeated() {
    runtime().block_on(async {
        let (server, stats) = serve(krakengen_tests::vendored_loaded(), with_sessions(Duration::from_secs(60))).await;
        let c = client(&server.url).with_retry(RetryPolicy::new().with_max_attempts(10));
        let err = c.authenticate(&login(WRONG_PASSWORD)).await.unwrap_err();
        assert_eq!(err.code().map(ErrorCode::code), Some("KT-CT-1138"), "{err}");
        assert_eq!(err.category(), ErrorCategory::Authentication);
        assert_eq!(stats.requests(), 1);
        assert!(c.session().tokens().is_none());
        server.stop().await;
    });
}

/// A rate-limited mutation (refused before it ran) is sent again after back-off and succeeds once
/// the window has passed; without retries the refusal is the answer.
#[test]
fn a_rate_limited_call_succeeds_after_the_window() {
    let text = apply(krakengen_tests::vendored_text(), &[Edit::SetRateSteps { mutation: "deauthenticateFlexDevice", key: "User", steps: "['1/s']" }]);
    let loaded = krakengen::pipeline::Pipeline::new("oees").reference_text("limited.txt", &text).load().expect("the edited reference loads");
    runtime().block_on(async {
        let (server, stats) = serve(&loaded, krakengen_mock::Options::default()).await;
        let vars = oees_client::deauthenticate_flex_device::Variables { input: None };
        let patient = client(&server.url).with_retry(RetryPolicy::new().with_initial_backoff(Duration::from_millis(300)));
        patient.deauthenticate_flex_device(&vars).await.expect("the first call is within the limit");
        let started = Instant::now();
        patient.deauthenticate_flex_device(&vars).await.expect("the second call gets through after the window");
        assert!(started.elapsed() >= Duration::from_millis(300), "it waited: {:?}", started.elapsed());
        assert!(stats.requests() >= 3, "the second call was refused at least once: {} requests", stats.requests());

        tokio::time::sleep(Duration::from_millis(1100)).await;
        let impatient = client(&server.url).with_retry(RetryPolicy::never());
        impatient.deauthenticate_flex_device(&vars).await.expect("a new window");
        let refused = impatient.deauthenticate_flex_device(&vars).await.unwrap_err();
        assert_eq!(refused.category(), ErrorCategory::RateLimit, "{refused}");
        server.stop().await;
    });
}

/// A transient failure is retried for a query, and not for a mutation, which may have run.
#[test]
fn transient_failures_are_retried_for_queries_only() {
    let queries = krakengen::pipeline::Pipeline::new("queries").reference(krakengen_tests::root().join("tests/fixtures/queries/standard.txt")).load().unwrap();
    let failing = || krakengen_mock::Options { fail_every: Some(2), ..Default::default() };
    runtime().block_on(async {
        let (server, stats) = serve(&queries, failing()).await;
        let c = client(&server.url);
        let viewer = "query Viewer { viewer { __typename } }";
        c.execute_raw("Viewer", viewer, json!({})).await.expect("request 1 passes");
        c.execute_raw("Viewer", viewer, json!({})).await.expect("request 2 fails, its retry passes");
        assert_eq!((stats.requests(), stats.failures()), (3, 1));
        server.stop().await;

        let (server, stats) = serve(krakengen_tests::vendored_loaded(), failing()).await;
        let c = client(&server.url);
        accept(&c).await.expect("request 1 passes");
        let failed = accept(&c).await.unwrap_err();
        assert_eq!(failed.code().map(ErrorCode::code), Some(krakengen_mock::TRANSIENT_CODE));
        assert_eq!(failed.category(), ErrorCategory::Transient);
        assert_eq!(stats.requests(), 2, "the mutation was not sent again");
        server.stop().await;
    });
}

/// Neither the client nor its session shows a token, a refresh token or the password in `Debug`.
#[test]
fn debug_shows_no_secret() {
    runtime().block_on(async {
        let (server, _) = serve(krakengen_tests::vendored_loaded(), with_sessions(Duration::from_secs(60))).await;
        let c = client(&server.url);
        let vars = login("hunter2-password");
        c.authenticate(&vars).await.unwrap();
        let tokens = c.session().tokens().unwrap();
        let (token, refresh) = (tokens.token.expose().to_string(), tokens.refresh_token.unwrap().expose().to_string());
        for shown in [format!("{c:?}"), format!("{:?}", c.session()), format!("{vars:?}")] {
            for secret in [token.as_str(), refresh.as_str(), "hunter2"] {
                assert!(!shown.contains(secret), "{shown}");
            }
        }
        server.stop().await;
    });
}

/// The runtime decides retries by the same classes as the categories the generated `ErrorCode`
/// gives: every generic and classified code of the generator's tables.
#[test]
fn the_runtime_retries_by_the_generators_categories() {
    use krakengen_policy::generic::{Category, CLASSIFIED_CODES, GENERIC_CODES};
    use oees_client::runtime::retry::{class_of, CodeClass};
    let codes = GENERIC_CODES.iter().map(|g| (g.code, g.category)).chain(CLASSIFIED_CODES.iter().map(|c| (c.code, c.category)));
    let mut checked = 0;
    for (code, category) in codes {
        let class = class_of(code);
        let agrees = match category {
            Category::Authentication => matches!(class, CodeClass::Authentication | CodeClass::TokenExpired),
            Category::RateLimit => class == CodeClass::RateLimit,
            Category::Transient => class == CodeClass::Transient,
            _ => class == CodeClass::Other,
        };
        assert!(agrees, "{code}: the generator says {category:?}, the runtime {class:?}");
        checked += 1;
    }
    assert!(checked >= 15, "{checked}");
}
