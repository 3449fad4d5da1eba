//! Queries references: the same page format with a `Query` section holding `query Name(...)`. Their
//! blocks become fields of the query root, merge with a mutations page of the same brand, and reach
//! the catalogue, the client, the server and the mock like mutations do.

use std::collections::BTreeSet;

use krakengen::model::OperationKind;
use krakengen_tests::{fixture, parse_rel, without_spans};

const QUERIES: [&str; 5] = ["account", "goodsPurchase", "paymentMethod", "searchProducts", "viewer"];

fn schema_of(p: &krakengen::parse::Parsed) -> krakengen_tests::Schema {
    let build = krakengen_tests::schema(p);
    let message = build.rendered();
    build.output.unwrap_or_else(|| panic!("{message}"))
}

#[test]
fn both_renderings_of_the_queries_fixture_give_the_same_queries() {
    let standard = parse_rel(&fixture("queries/standard.txt"));
    let plain = parse_rel(&fixture("queries/plain.txt"));
    for p in [&standard, &plain] {
        assert!(p.diagnostics.is_empty(), "{}", p.report().render(false));
        let names: Vec<_> = p.reference.operations.iter().map(|m| (m.name.as_str(), m.kind)).collect();
        assert_eq!(names, QUERIES.map(|q| (q, OperationKind::Query)));
    }
    for (s, p) in standard.reference.operations.iter().zip(&plain.reference.operations) {
        let (mut s, mut p) = (without_spans(s), without_spans(p));
        // The plain page declares the types of its rows; the standard one lets krakengen infer them.
        for f in s.fields.iter_mut().chain(p.fields.iter_mut()) {
            (f.ty, f.provenance) = (None, None);
        }
        assert_eq!(s, p, "{}", s.name);
    }
    let status = plain.reference.operations[0].fields.iter().find(|f| f.name == "status").unwrap();
    assert_eq!(status.ty.as_ref().map(ToString::to_string).as_deref(), Some("AccountStatus"));
}

#[test]
fn queries_fill_the_query_root_and_the_catalogue_records_their_kind() {
    let p = parse_rel(&fixture("queries/standard.txt"));
    let out = schema_of(&p);
    let schema = apollo_compiler::Schema::parse_and_validate(&out.sdl, "schema.graphql").expect("valid SDL");
    let query = schema.get_object("Query").expect("a query root");
    let fields: Vec<&str> = query.fields.keys().map(|k| k.as_str()).collect();
    assert_eq!(fields, QUERIES, "no `_opaque` placeholder once the reference has queries");
    assert!(schema.get_object("Mutation").is_none(), "a queries page has no mutation root");
    let account = &query.fields["account"];
    assert_eq!(account.arguments[0].ty.to_string(), "String!");
    assert!(out.sdl.contains("@requiresPermissions(expression: \"Can query accounts OR Can query businesses\")"), "{}", out.sdl);
    assert!(out.sdl.contains("viewer: AccountUserType! @complexity(value: 1)"), "{}", out.sdl);
    assert!(out.sdl.contains("union PaymentMethodType"), "{}", out.sdl);
    let catalogue: serde_json::Value = serde_json::from_str(&out.metadata_json).unwrap();
    for q in QUERIES {
        assert_eq!(catalogue["operations"][q]["kind"], "query", "{q}");
    }
    assert_eq!(catalogue["operations"]["account"]["rate_limits"][0]["key"], "User");
}

#[test]
fn a_mutations_page_and_a_queries_page_of_one_brand_are_one_model() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("standard/small.txt"), dir.path().join("mutations.txt")).unwrap();
    std::fs::copy(fixture("queries/standard.txt"), dir.path().join("queries.txt")).unwrap();
    let p = krakengen::parse::parse_path(dir.path()).unwrap();
    assert!(!p.diagnostics.has_errors(), "{}", p.report().render(false));
    let kinds: BTreeSet<_> = p.reference.operations.iter().map(|m| m.kind).collect();
    assert_eq!(kinds, BTreeSet::from([OperationKind::Mutation, OperationKind::Query]));
    let out = schema_of(&p);
    let schema = apollo_compiler::Schema::parse_and_validate(&out.sdl, "schema.graphql").expect("valid SDL");
    assert_eq!(schema.get_object("Query").unwrap().fields.len(), 5);
    assert_eq!(schema.get_object("Mutation").unwrap().fields.len(), 4);
    // `GoodsPurchase` is what `acceptGoodsQuote` returns a field of and what `goodsPurchase`
    // returns: one type, with the fields the query shows.
    let gp = schema.get_object("GoodsPurchase").expect("one GoodsPurchase");
    assert!(gp.fields.contains_key("code") && gp.fields.contains_key("shipsOn"), "{:?}", gp.fields.keys().collect::<Vec<_>>());
    let agq = &schema.get_object("AcceptGoodsQuote").unwrap().fields["goodsPurchase"];
    assert_eq!(agq.ty.inner_named_type().as_str(), "GoodsPurchase");
}

/// The crates of the queries fixture are workspace crates (`examples/queries-*`, written by
/// `cargo xtask codegen` from `krakengen.toml`, whose check keeps them fresh), so the workspace
/// build compiles them with warnings denied and the client's tests
/// (`examples/queries-client/tests/exercise.rs`) query the mock of the same reference. The server
/// has a resolver for every query, which its adapter dispatches.
#[test]
fn a_queries_reference_gives_a_server_with_a_resolver_per_query() {
    let root = krakengen_tests::root();
    let project = krakengen_tests::repository_config().projects.into_iter().find(|p| p.name == "queries").expect("a queries project");
    assert_eq!(project.server_crate.as_deref(), Some(std::path::Path::new("examples/queries-server")));
    let server = std::fs::read_to_string(root.join("examples/queries-server/src/generated.rs")).unwrap();
    for q in ["fn account(", "fn viewer(", "fn search_products(", "fn payment_method(", "fn goods_purchase("] {
        assert!(server.contains(q), "the server trait lacks `{q}`");
    }
    assert!(server.contains("\"account\" =>"), "the adapter dispatches the query");
    let client = std::fs::read_to_string(root.join("examples/queries-client/src/generated.rs")).unwrap();
    assert_eq!(client.matches("pub const DOCUMENT: &str").count(), QUERIES.len());
}
