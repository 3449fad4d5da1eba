//! End to end: an implementation of the generated server trait (`oees_server::OperationResolvers`,
//! in `server/resolvers.rs`, started from `krakengen scaffold`) served by the generated
//! `oees_server::router` (verifying JWTs) and its header-trusting test variant on loopback, and driven over real HTTP by the generated client.
//!
//! Every server binds `127.0.0.1:0` and is stopped by its test (a shutdown signal, then a bounded
//! join); every request loop is bounded.

#[path = "server/resolvers.rs"]
mod resolvers;

use krakengen_server::policy::Unspecified;
use krakengen_server::schema::Settings;
use oees_client::http::ReqwestTransport;
use oees_client::{types, Client, Error};
use oees_errors::ErrorCode;
use krakengen_tests::{runtime, Server};
use serde_json::json;

use resolvers::Resolvers;

/// Serves `resolvers` through the generated server crate's router.
async fn start(resolvers: Resolvers, settings: &Settings) -> Server {
    Server::start(oees_server::router_trusting_headers_for_tests(resolvers, Unspecified::Allow, settings).expect("the generated server builds its schema")).await
}

/// A client whose requests say the caller holds `permissions` (comma-separated) and carry `token`.
fn client(url: &str, permissions: &str, token: &str) -> Client<ReqwestTransport> {
    krakengen_tests::client(url, permissions, Some(token))
}

#[test]
fn a_successful_mutation_returns_the_resolvers_typed_data() {
    runtime().block_on(async {
        let resolvers = Resolvers::default();
        let server = start(resolvers.clone(), &Settings::default()).await;
        let c = client(&server.url, "Can generate pre signed tokens", "user-1");
        let vars = oees_client::generate_pre_signed_token::Variables {
            email: "a@example.com".into(),
            number_of_days_allowed: 3,
            scope: types::PreSignedTokenScope::SubmitMeterReadings,
        };
        let payload = c.generate_pre_signed_token(&vars).await.expect("the call succeeds").expect("a payload");
        // The resolver built the token from the typed arguments it was given, and the caller it saw is
        // the one the request's token and header describe.
        assert_eq!(payload.token.as_deref(), Some("a@example.com/3/user-1"));
        assert_eq!(payload.scope, Some(types::PreSignedTokenScope::SubmitMeterReadings));
        assert_eq!(resolvers.calls(), ["generatePreSignedToken"]);
        server.stop().await;
    });
}

#[test]
fn a_caller_lacking_a_permission_is_refused_before_the_resolver_runs() {
    runtime().block_on(async {
        let resolvers = Resolvers::default();
        let server = start(resolvers.clone(), &Settings::default()).await;
        let vars = oees_client::accept_goods_quote::Variables { input: types::AcceptGoodsQuoteInput(json!({"quoteId": "q-1"})) };
        let err = client(&server.url, "Can query businesses", "user-1").accept_goods_quote(&vars).await.unwrap_err();
        // `acceptGoodsQuote` lists `KT-CT-8223: Unauthorized.` among its possible errors.
        assert_eq!(err.code(), Some(&ErrorCode::KtCt8223), "{err}");
        let Error::Kraken { errors, .. } = &err else { panic!("{err:?}") };
        assert_eq!(errors[0].error_type, Some(oees_errors::ErrorType::Authorization), "{err:?}");
        assert!(resolvers.calls().is_empty(), "the guard runs before the resolver");
        // With the permission the resolver runs and answers.
        let ok = client(&server.url, "Can manage goods purchases", "user-1").accept_goods_quote(&vars).await.expect("allowed");
        // The reference does not know `GoodsPurchase`'s fields, so the client's document selects only
        // `__typename` of what the resolver returned, and the server answers just that.
        assert_eq!(ok.and_then(|p| p.goods_purchase).map(|g| g.0), Some(json!({"__typename": "GoodsPurchase"})));
        assert_eq!(resolvers.calls(), ["acceptGoodsQuote"]);
        server.stop().await;
    });
}

#[test]
fn a_resolvers_error_reaches_the_client_typed_and_narrowed() {
    runtime().block_on(async {
        let server = start(Resolvers::default(), &Settings::default()).await;
        let c = client(&server.url, "Can manage goods purchases", "user-1");
        let vars = oees_client::accept_goods_quote::Variables { input: types::AcceptGoodsQuoteInput(json!({"quoteId": ""})) };
        let err = c.accept_goods_quote(&vars).await.unwrap_err();
        assert_eq!(err.code(), Some(&ErrorCode::KtCt8201), "{err}");
        let Error::Kraken { errors, .. } = &err else { panic!("{err:?}") };
        assert_eq!(errors[0].description.as_deref(), Some("Received an invalid quoteId."), "{err:?}");
        assert_eq!(errors[0].validation_errors.len(), 1, "{err:?}");
        assert_eq!(
            errors[0].narrow::<oees_client::accept_goods_quote::PossibleError>(),
            Some(oees_client::accept_goods_quote::PossibleError::KtCt8201)
        );
        server.stop().await;
    });
}

#[test]
fn an_error_code_unknown_to_the_client_parses_into_the_fallback() {
    runtime().block_on(async {
        let server = start(Resolvers::default(), &Settings::default()).await;
        let c = client(&server.url, "Can manage goods purchases", "user-1");
        let vars = oees_client::accept_goods_quote::Variables { input: types::AcceptGoodsQuoteInput(json!({"quoteId": "brand-new"})) };
        let err = c.accept_goods_quote(&vars).await.unwrap_err();
        assert_eq!(err.code(), Some(&ErrorCode::Unknown("KT-CT-99999".into())), "{err}");
        let Error::Kraken { errors, .. } = &err else { panic!("{err:?}") };
        assert_eq!(errors[0].narrow::<oees_client::accept_goods_quote::PossibleError>(), None, "not a listed error");
        server.stop().await;
    });
}

#[test]
fn exceeding_a_documented_rate_limit_is_refused() {
    runtime().block_on(async {
        let resolvers = Resolvers::default();
        let server = start(resolvers.clone(), &Settings::default()).await;
        // `addProperty` documents `User: ['5/m']`.
        let c = client(&server.url, "Can create property", "user-1");
        let vars = oees_client::add_property::Variables { input: types::AddPropertyInput(json!({"name": "Flat 1"})) };
        for i in 0..5 {
            assert!(c.add_property(&vars).await.is_ok(), "call {i} is within the limit");
        }
        let err = c.add_property(&vars).await.unwrap_err();
        assert_eq!(err.code(), Some(&ErrorCode::KtCt1199), "{err}");
        assert_eq!(resolvers.calls().len(), 5, "the refused call never reached the resolver");
        // Another user has a quota of their own.
        assert!(client(&server.url, "Can create property", "user-2").add_property(&vars).await.is_ok());
        server.stop().await;
    });
}

/// `generatePreSignedToken` costs 1 (its reference's query complexity): a limit below that refuses
/// it before the resolver runs, a limit at it or above lets it through.
#[test]
fn the_configured_complexity_limit_is_enforced() {
    runtime().block_on(async {
        let vars = oees_client::generate_pre_signed_token::Variables {
            email: "a@example.com".into(),
            number_of_days_allowed: 3,
            scope: types::PreSignedTokenScope::SubmitMeterReadings,
        };
        for (limit, allowed) in [(0, false), (1, true), (2, true)] {
            let resolvers = Resolvers::default();
            let server = start(resolvers.clone(), &Settings::default().with_max_complexity(limit)).await;
            let result = client(&server.url, "Can generate pre signed tokens", "u").generate_pre_signed_token(&vars).await;
            if allowed {
                assert!(result.is_ok(), "limit {limit}: {result:?}");
                assert_eq!(resolvers.calls(), ["generatePreSignedToken"], "limit {limit}");
            } else {
                let err = result.unwrap_err();
                let Error::Kraken { errors, .. } = &err else { panic!("{err:?}") };
                assert_eq!(errors[0].code, Some(ErrorCode::KtCt1188), "limit {limit}: {err:?}");
                assert!(resolvers.calls().is_empty(), "limit {limit}: refused before the resolver");
            }
            server.stop().await;
        }
    });
}

/// The implementation file is exactly what `krakengen scaffold` would accept: no method missing, none
/// orphaned. When the reference changes this fails with the methods to add or remove (and the crate
/// stops compiling for the missing ones).
#[test]
fn the_implementation_matches_the_trait() {
    let parsed = krakengen_tests::vendored_parsed();
    let options = krakengen::codegen::Options::new("oees")
        .with_errors_crate("crates/oees-errors")
        .with_client_crate("crates/oees-client")
        .with_server_crate("crates/oees-server", "schema/oees/schema.graphql");
    let generator = krakengen_tests::try_generator(&parsed.reference, &options).unwrap();
    let scaffold = generator.scaffold().unwrap().unwrap();
    let file = std::fs::read_to_string(krakengen_tests::root().join("tests/server/resolvers.rs")).unwrap();
    let comparison = krakengen::codegen::scaffold::compare(&scaffold, &file);
    assert!(comparison.in_sync(), "{:#?}", comparison.diagnostics);
    assert_eq!(comparison.implemented.len(), parsed.reference.operations.len());
}

/// The schema the generated server serves, as `sdl()` prints it, is the checked-in SDL: the same
/// types, fields, arguments, input fields, enum values, union members, interfaces and what they
/// implement, descriptions, default values and deprecations (of fields, arguments, input fields and
/// enum values).
/// Both are parsed with apollo-compiler and compared as sets of facts, not as text (async-graphql
/// orders and prints differently).
///
/// Two differences are forced by the representation (see `krakengen_server::schema`), and the
/// comparison applies them to the checked-in side rather than ignoring whole categories:
/// - krakengen's metadata directives (`@complexity`, `@opaque`, `@inferred`, ...) cannot be declared
///   in an async-graphql dynamic schema, so directives other than `@deprecated` are not compared; the
///   server enforces what they say instead (the other tests);
/// - an input object whose fields the reference does not give (`@opaque`, with a placeholder
///   `_opaque` field) is served as a scalar of the same name, so that real inputs are accepted.
#[test]
fn the_served_schema_is_the_checked_in_sdl() {
    let served = oees_server::schema(Resolvers::default(), Unspecified::Allow, &Settings::default()).unwrap().sdl();
    let checked_in = std::fs::read_to_string(krakengen_tests::root().join("schema/oees/schema.graphql")).unwrap();
    let (served, checked_in) = (facts(&served, false), facts(&checked_in, true));
    let only_served: Vec<_> = served.difference(&checked_in).collect();
    let only_checked_in: Vec<_> = checked_in.difference(&served).collect();
    assert!(only_served.is_empty() && only_checked_in.is_empty(), "only served: {only_served:#?}\nonly checked in: {only_checked_in:#?}");
    // The comparison saw the whole schema, not an empty one: every mutation is a field of the root.
    assert_eq!(served.iter().filter(|f| f.starts_with("field Mutation.")).count(), 326);
}

/// What the vendored SDL does not hold (interfaces, argument and input-field defaults, deprecated
/// arguments and input fields) is served too: the same comparison on a schema that has them.
#[test]
fn interfaces_defaults_and_deprecated_inputs_are_served() {
    use krakengen_server::policy::{OperationPolicy, Policy};
    use krakengen_server::schema::{Call, Dispatch, DispatchFuture};
    struct Nothing;
    impl Dispatch for Nothing {
        fn call<'a>(&'a self, _: Call<'a>) -> DispatchFuture<'a> {
            Box::pin(async { Ok(serde_json::Value::Null) })
        }
    }
    let sdl = r#"
type Query { node(id: ID!): Node }
type Mutation {
  "Does it."
  doThing(input: ThingInput!, dryRun: Boolean = false, mode: Mode = FAST @deprecated(reason: "Use input.mode.")): Thing
}
"A thing with an id."
interface Node { "The id." id: ID! label(short: Boolean = true): String @deprecated(reason: "Use name.") }
interface Named implements Node { id: ID! label(short: Boolean = true): String @deprecated(reason: "Use name.") name: String }
type Thing implements Node & Named { id: ID! label(short: Boolean = true): String @deprecated(reason: "Use name.") name: String }
input ThingInput { name: String! = "x" mode: Mode = SLOW count: Int @deprecated(reason: "Ignored.") }
enum Mode { FAST SLOW @deprecated(reason: "Too slow.") }
"#;
    let policy = Policy::new(
        ["doThing", "node"].map(|n| (n.to_string(), OperationPolicy::new(krakengen_server::model::Permissions::Public, &[], None))),
        Unspecified::Deny,
    );
    let served = krakengen_server::schema::build_with(sdl, std::sync::Arc::new(policy), std::sync::Arc::new(Nothing), &Settings::unbounded()).unwrap().sdl();
    let (served, written) = (facts(&served, false), facts(sdl, false));
    // async-graphql 7's dynamic schema records `implements` of objects only, so an interface
    // implementing an interface is served without saying so (its fields are all there).
    let servable: std::collections::BTreeSet<String> = written.iter().filter(|f| *f != "implements Named Node").cloned().collect();
    let only_served: Vec<_> = served.difference(&servable).collect();
    let only_written: Vec<_> = servable.difference(&served).collect();
    assert!(only_served.is_empty() && only_written.is_empty(), "only served: {only_served:#?}\nonly written: {only_written:#?}");
    for fact in [
        "argument Mutation.doThing(mode: Mode = FAST @deprecated(",
        r#"input field ThingInput(name: String! = "x")"#,
        "implements Named Node",
        "interface field Node.label: String @deprecated(",
        "argument Node.label(short: Boolean = true)",
        "value Mode.SLOW @deprecated(",
    ] {
        assert!(written.iter().any(|f| f.starts_with(fact)), "the comparison does not see `{fact}`: {written:#?}");
    }
}

/// Every fact of a schema as one line, such as `field AcceptGoodsQuote.goodsPurchase: GoodsPurchase`.
/// With `opaque_inputs_as_scalars`, an `@opaque` input object counts as the scalar it is served as.
fn facts(sdl: &str, opaque_inputs_as_scalars: bool) -> std::collections::BTreeSet<String> {
    use apollo_compiler::schema::ExtendedType;
    let schema = match apollo_compiler::Schema::parse(sdl, "schema.graphql") {
        Ok(schema) => schema,
        Err(with_errors) => panic!("{}", with_errors.errors),
    };
    let mut out = std::collections::BTreeSet::new();
    let text = |d: Option<&apollo_compiler::Node<str>>| d.map(|d| d.split_whitespace().collect::<Vec<_>>().join(" ")).unwrap_or_default();
    let deprecation = |directives: &apollo_compiler::ast::DirectiveList| {
        directives.get("deprecated").map(|d| format!(" @deprecated({:?})", d.specified_argument_by_name("reason").map(|r| r.to_string())))
    };
    // An argument or input field: its type, default value, deprecation and description.
    let input_value = |owner: &str, v: &apollo_compiler::ast::InputValueDefinition| {
        format!(
            "{owner}({}: {}{}{}): {}",
            v.name,
            v.ty,
            v.default_value.as_ref().map(|d| format!(" = {d}")).unwrap_or_default(),
            deprecation(&v.directives).unwrap_or_default(),
            text(v.description.as_ref())
        )
    };
    for (name, ty) in &schema.types {
        if ty.is_built_in() {
            continue;
        }
        if let ExtendedType::InputObject(o) = ty {
            if opaque_inputs_as_scalars && o.directives.get("opaque").is_some() {
                out.insert(format!("scalar {name}: {}", text(ty.description())));
                continue;
            }
        }
        out.insert(format!("{} {name}: {}", kind(ty), text(ty.description())));
        match ty {
            ExtendedType::Object(o) => {
                for i in &o.implements_interfaces {
                    out.insert(format!("implements {name} {i}"));
                }
                for (f, def) in &o.fields {
                    out.insert(format!(
                        "field {name}.{f}: {}{}: {}",
                        def.ty,
                        deprecation(&def.directives).unwrap_or_default(),
                        text(def.description.as_ref())
                    ));
                    for a in &def.arguments {
                        out.insert(input_value(&format!("argument {name}.{f}"), a));
                    }
                }
            }
            ExtendedType::InputObject(o) => {
                for (_, def) in &o.fields {
                    out.insert(input_value(&format!("input field {name}"), def));
                }
            }
            ExtendedType::Enum(e) => {
                for (v, def) in &e.values {
                    out.insert(format!("value {name}.{v}{}: {}", deprecation(&def.directives).unwrap_or_default(), text(def.description.as_ref())));
                }
            }
            ExtendedType::Union(u) => {
                for m in &u.members {
                    out.insert(format!("member {name} {m}"));
                }
            }
            ExtendedType::Interface(i) => {
                for iface in &i.implements_interfaces {
                    out.insert(format!("implements {name} {iface}"));
                }
                for (f, def) in &i.fields {
                    out.insert(format!(
                        "interface field {name}.{f}: {}{}: {}",
                        def.ty,
                        deprecation(&def.directives).unwrap_or_default(),
                        text(def.description.as_ref())
                    ));
                    for a in &def.arguments {
                        out.insert(input_value(&format!("argument {name}.{f}"), a));
                    }
                }
            }
            ExtendedType::Scalar(_) => {}
        }
    }
    out
}

fn kind(ty: &apollo_compiler::schema::ExtendedType) -> &'static str {
    use apollo_compiler::schema::ExtendedType::*;
    match ty {
        Scalar(_) => "scalar",
        Object(_) => "type",
        Interface(_) => "interface",
        Union(_) => "union",
        Enum(_) => "enum",
        InputObject(_) => "input",
    }
}

const JWT_SECRET: &[u8] = b"the service's secret, 32 bytes..";

/// Serves `resolvers` as a deployment would: callers verified as HS256 JWTs, the default limits
/// and `Unspecified::default()` (refused).
async fn start_verified(resolvers: Resolvers) -> Server {
    let authenticator = std::sync::Arc::new(krakengen_server::auth::JwtAuthenticator::hs256(JWT_SECRET).unwrap());
    let router = oees_server::router(resolvers, Unspecified::default(), &Settings::default(), authenticator, &Default::default()).unwrap();
    Server::start(router).await
}

fn jwt(claims: serde_json::Value, secret: &[u8]) -> String {
    use jsonwebtoken::{encode, EncodingKey, Header};
    encode(&Header::default(), &claims, &EncodingKey::from_secret(secret).unwrap()).unwrap()
}

fn in_a_minute() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() + 60
}

/// A verified server: the permissions header adds nothing, a valid token with the permission
/// reaches the resolver (bare and as Bearer), and expired, wrongly signed and permission-less tokens
/// are refused before it; an operation without documented permissions is refused to anyone.
#[test]
fn a_verified_server_trusts_tokens_not_headers() {
    runtime().block_on(async {
        let resolvers = Resolvers::default();
        let server = start_verified(resolvers.clone()).await;
        let vars = oees_client::generate_pre_signed_token::Variables {
            email: "a@example.com".into(),
            number_of_days_allowed: 3,
            scope: types::PreSignedTokenScope::SubmitMeterReadings,
        };
        let forged = krakengen_tests::client(&server.url, "*", None);
        let refused = forged.generate_pre_signed_token(&vars).await.unwrap_err();
        // The operation's own `Unauthorized.` code.
        assert_eq!(refused.code(), Some(&ErrorCode::KtCt1128), "the header grants nothing: {refused}");

        let good = jwt(json!({ "sub": "user-1", "exp": in_a_minute(), "permissions": ["Can generate pre signed tokens"] }), JWT_SECRET);
        let raw = Client::new(ReqwestTransport::new(&server.url)).with_token(good.clone());
        raw.generate_pre_signed_token(&vars).await.expect("a valid token with the permission passes");
        let bearer = Client::new(ReqwestTransport::new(&server.url)).with_token(format!("Bearer {good}"));
        bearer.generate_pre_signed_token(&vars).await.expect("as Bearer too");

        for (token, code) in [
            (jwt(json!({ "sub": "u", "exp": in_a_minute() - 600, "permissions": ["Can generate pre signed tokens"] }), JWT_SECRET), ErrorCode::KtCt1124),
            (jwt(json!({ "sub": "u", "exp": in_a_minute(), "permissions": ["Can generate pre signed tokens"] }), b"another secret, also of 32 bytes"), ErrorCode::KtCt1139),
            (jwt(json!({ "sub": "u", "exp": in_a_minute() }), JWT_SECRET), ErrorCode::KtCt1128),
        ] {
            let c = Client::new(ReqwestTransport::new(&server.url)).with_token(token);
            let err = c.generate_pre_signed_token(&vars).await.unwrap_err();
            assert_eq!(err.code(), Some(&code), "{err}");
        }
        assert_eq!(resolvers.calls().len(), 2, "only the two valid calls reached the resolver");

        // `cancelEnrollment` documents no permissions: refused even to a verified caller.
        let cancel = oees_client::cancel_enrollment::Variables { input: types::CancelEnrollmentInput(json!({})) };
        let err = raw.cancel_enrollment(&cancel).await.unwrap_err();
        assert_eq!(err.code().map(ErrorCode::code), Some("KT-CT-1111"), "{err}");
        server.stop().await;
    });
}

/// Posts a raw GraphQL request with `token` as the caller's `Authorization`.
async fn post_raw(url: &str, token: &str, query: &str) -> serde_json::Value {
    let response = reqwest::Client::new()
        .post(url)
        .header("authorization", token)
        .json(&json!({ "query": query, "variables": { "e": "a@example.com" } }))
        .send()
        .await
        .unwrap();
    response.json().await.unwrap()
}

/// `n` aliased `generatePreSignedToken` calls in one operation, inside `inline` nested inline
/// fragments (`... { ... { } }`), inside `named` fragments each spreading the next.
fn aliased_calls(n: usize, named: usize, inline: usize) -> String {
    let calls: String = (0..n).map(|i| format!(" c{i}: generatePreSignedToken(email: $e, numberOfDaysAllowed: 1, scope: SUBMIT_METER_READINGS) {{ token }}")).collect();
    let body = format!("{}{calls}{}", " ... {".repeat(inline), " }".repeat(inline));
    if named == 0 {
        return format!("mutation M($e: String!) {{{body} }}");
    }
    let mut q = "mutation M($e: String!) { ...F0 }\n".to_string();
    for i in 0..named {
        let inner = if i + 1 == named { body.clone() } else { format!(" ...F{}", i + 1) };
        q.push_str(&format!("fragment F{i} on Mutation {{{inner} }}\n"));
    }
    q
}

/// A deployed server's default limits: 17 nested fragments around 2,000 aliased mutations are
/// refused (Kraken's node-limit code) before any resolver runs, spread or inline; so is one alias
/// past the default root-field limit, while an operation at it runs; introspection is refused.
#[test]
fn a_deployed_server_bounds_what_one_request_may_cost() {
    runtime().block_on(async {
        let resolvers = Resolvers::default();
        let server = start_verified(resolvers.clone()).await;
        let token = jwt(json!({ "sub": "user-1", "exp": in_a_minute(), "permissions": ["Can generate pre signed tokens"] }), JWT_SECRET);

        for (named, inline) in [(0, 17), (17, 0), (8, 9)] {
            let started = std::time::Instant::now();
            let attack = post_raw(&server.url, &token, &aliased_calls(2_000, named, inline)).await;
            assert_eq!(attack["errors"][0]["extensions"]["errorCode"], "KT-CT-1189", "{attack}");
            assert!(attack["errors"][0]["message"].as_str().unwrap().contains("root fields of 2000"), "{attack}");
            assert!(started.elapsed() < std::time::Duration::from_secs(2), "{:?}", started.elapsed());
            assert!(resolvers.calls().is_empty(), "no resolver ran");
        }

        let over = post_raw(&server.url, &token, &aliased_calls(33, 2, 2)).await;
        assert_eq!(over["errors"][0]["extensions"]["errorCode"], "KT-CT-1189", "{over}");
        assert!(resolvers.calls().is_empty(), "no resolver ran");
        let at = post_raw(&server.url, &token, &aliased_calls(32, 2, 2)).await;
        assert!(at.get("errors").is_none(), "{at}");
        assert_eq!(resolvers.calls().len(), 32);

        let introspection = post_raw(&server.url, &token, "{ __schema { types { name } } }").await;
        assert!(introspection["errors"].as_array().is_some_and(|e| !e.is_empty()), "{introspection}");
        assert!(!introspection.to_string().contains("GeneratePreSignedToken"), "{introspection}");
        server.stop().await;
    });
}

/// `User` rate limits count the verified identity (`sub`), not the token: a new token for each
/// call does not get a new quota, while another user has one of their own.
#[test]
fn a_verified_users_rate_limit_holds_across_tokens() {
    runtime().block_on(async {
        let resolvers = Resolvers::default();
        let server = start_verified(resolvers.clone()).await;
        let token = |sub: &str, n: usize| {
            jwt(json!({ "sub": sub, "exp": in_a_minute(), "jti": n, "permissions": ["Can create property"] }), JWT_SECRET)
        };
        let vars = oees_client::add_property::Variables { input: types::AddPropertyInput(json!({"name": "Flat 1"})) };
        let url = server.url.clone();
        let call = |t: String| {
            let c = Client::new(ReqwestTransport::new(&url)).with_token(t);
            let vars = vars.clone();
            async move { c.add_property(&vars).await }
        };
        for n in 0..5 {
            assert!(call(token("user-1", n)).await.is_ok(), "call {n} is within `User: 5/m`");
        }
        let err = call(token("user-1", 99)).await.unwrap_err();
        assert_eq!(err.code(), Some(&ErrorCode::KtCt1199), "{err}");
        assert!(call(token("user-2", 0)).await.is_ok(), "another user is not limited");
        assert_eq!(resolvers.calls().len(), 6);
        server.stop().await;
    });
}
