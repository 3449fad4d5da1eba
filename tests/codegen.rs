//! Tests of the Rust generator: the checked-in crates are fresh, output is deterministic, snapshots
//! of representative mutations, operation documents are valid GraphQL, and generated crates build on
//! their own (the hostile fixture always, the vendored reference when `--ignored`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use krakengen::codegen::{self, Generator, Options};
use krakengen::model::{Reference, TypeKind};
use krakengen_tests::{fixture, oees_options, parse_rel, root, vendored};

fn vendored_reference() -> Reference {
    let parsed = parse_rel(&vendored());
    assert!(!parsed.diagnostics.has_errors());
    parsed.reference
}

/// The generator of a reference over its type model without supplements.
fn generator(reference: &Reference, options: &Options) -> Generator {
    krakengen_tests::try_generator(reference, options).unwrap_or_else(|d| panic!("the generator builds: {d:?}"))
}

/// The schema of a reference with one supplement given as text; it must build.
fn with_supplement(reference: &Reference, name: &str, text: &str) -> krakengen_tests::Schema {
    let build = krakengen_tests::schema_with_text(&krakengen_tests::parsed_of(reference), name, text);
    build.output.unwrap_or_else(|| panic!("the schema builds with {name}: {:?}", build.diagnostics))
}

fn documents(generator: &Generator) -> Vec<(String, String)> {
    generator.operation_documents().into_iter().map(|(n, d)| (n.to_string(), d.to_string())).collect()
}

#[test]
fn output_is_deterministic() {
    let r = vendored_reference();
    let a = generator(&r, &oees_options()).workspace_crates().unwrap();
    let b = generator(&r.clone(), &oees_options()).workspace_crates().unwrap();
    assert_eq!(a, b);
    let paths: Vec<&str> = a.iter().map(|f| f.path.to_str().unwrap()).collect();
    assert_eq!(paths, ["crates/oees-errors/src/generated.rs", "crates/oees-client/src/generated.rs"]);
    for f in &a {
        assert!(f.contents.starts_with(codegen::HEADER), "{}", f.path.display());
    }
}

/// Snapshots of everything generated for representative mutations: a plain object payload behind a
/// fragment (`acceptGoodsQuote`), typed scalar and enum fields (`generatePreSignedToken`), an abstract
/// field (`cancelEnrollment`, `backendScreenEvent`), a deprecated mutation (`createAccountReminder`),
/// deprecated fields of unknown type and a validation error code (`resetUserPassword`), and the
/// authentication mutation (`obtainKrakenToken`).
#[test]
fn representative_mutations_snapshot() {
    let r = vendored_reference();
    let g = generator(&r, &oees_options());
    for name in [
        "acceptGoodsQuote",
        "generatePreSignedToken",
        "cancelEnrollment",
        "backendScreenEvent",
        "createAccountReminder",
        "resetUserPassword",
        "obtainKrakenToken",
    ] {
        let text = g.render_mutation(name).unwrap().expect("mutation exists");
        insta::assert_snapshot!(name, text);
    }
    assert_eq!(g.render_mutation("noSuchMutation").unwrap(), None);
}

/// A schema built from the model, standing in for `schema/oees/schema.graphql` (which the SDL work
/// produces): every mutation with its arguments, payload objects with the fields the reference
/// gives, and every other type with a placeholder field. Enough to validate selections and variables.
fn stand_in_schema(r: &Reference) -> String {
    let mut fields: BTreeMap<&str, BTreeMap<&str, String>> = BTreeMap::new();
    let mut mutation = String::from("type Mutation {\n");
    for m in &r.operations {
        let args: Vec<String> = m.arguments.iter().map(|a| format!("{}: {}", a.name, a.ty)).collect();
        let args = if args.is_empty() { String::new() } else { format!("({})", args.join(", ")) };
        mutation.push_str(&format!("  {}{}: {}\n", m.name, args, m.return_type));
        let entry = fields.entry(m.return_type.base()).or_default();
        for f in &m.fields {
            if let Some(t) = &f.ty {
                entry.insert(&f.name, t.to_string());
            }
        }
    }
    mutation.push_str("}\n");
    let mut out = String::from("type Query {\n  _unused: Boolean\n}\n");
    out.push_str(&mutation);
    for (name, t) in &r.types {
        match t.kind {
            TypeKind::BuiltinScalar => {}
            TypeKind::Scalar => out.push_str(&format!("scalar {name}\n")),
            TypeKind::Enum => out.push_str(&format!("enum {name} {{ {} }}\n", t.values.join(" "))),
            TypeKind::Union => out.push_str(&format!("union {name} = {}\n", t.members.join(" | "))),
            TypeKind::InputObject | TypeKind::UnknownInput => out.push_str(&format!("input {name} {{ _unknown: Boolean }}\n")),
            TypeKind::Object | TypeKind::Interface | TypeKind::UnknownOutput => {
                let body: Vec<String> = match fields.get(name.as_str()) {
                    Some(f) if !f.is_empty() => f.iter().map(|(n, t)| format!("{n}: {t}")).collect(),
                    _ => vec!["_unknown: Boolean".into()],
                };
                out.push_str(&format!("type {name} {{ {} }}\n", body.join(" ")));
            }
        }
    }
    out
}

fn validate_all(docs: &[(String, String)], schema: &str, schema_name: &str) {
    let schema = apollo_compiler::Schema::parse_and_validate(schema, schema_name)
        .unwrap_or_else(|e| panic!("{schema_name} is not a valid schema: {}", e.errors));
    for (name, doc) in docs {
        if let Err(e) = apollo_compiler::ExecutableDocument::parse_and_validate(&schema, doc.as_str(), name.as_str()) {
            panic!("the document of {name} is invalid against {schema_name}:\n{doc}\n{}", e.errors);
        }
    }
}

#[test]
fn every_operation_document_is_valid_graphql() {
    let r = vendored_reference();
    let docs = documents(&generator(&r, &oees_options()));
    assert_eq!(docs.len(), 326);
    for (name, doc) in &docs {
        graphql_parser::parse_query::<String>(doc).unwrap_or_else(|e| panic!("{name}: {e}\n{doc}"));
        // The reference's undefined fragment spreads must all have been replaced.
        assert!(!doc.contains("..."), "{name} spreads a fragment nobody defined:\n{doc}");
    }
    validate_all(&docs, &stand_in_schema(&r), "stand-in schema");
    // The SDL the schema work generates is the real contract; validate against it once it exists.
    let sdl = root().join("schema/oees/schema.graphql");
    if let Ok(text) = std::fs::read_to_string(&sdl) {
        validate_all(&docs, &text, "schema/oees/schema.graphql");
    }
}

#[test]
fn supplied_fragments_are_spread_and_defined() {
    let r = vendored_reference();
    let options = oees_options()
        .with_fragments("purchase.graphql", "fragment PurchaseFields on GoodsPurchase { __typename ...Nested }\nfragment Nested on GoodsPurchase { __typename }")
        .with_fragments("join.graphql", "fragment JoinFields on JoinSupplierProcessType { __typename }");
    let docs: BTreeMap<String, String> = documents(&generator(&r, &options)).into_iter().collect();
    let accept = &docs["acceptGoodsQuote"];
    // Every fragment on the field's type is spread, in name order, after `__typename`.
    assert!(accept.contains("goodsPurchase {\n      __typename\n      ...Nested\n      ...PurchaseFields\n    }"), "{accept}");
    assert!(accept.contains("fragment PurchaseFields on GoodsPurchase") && accept.contains("fragment Nested on"), "{accept}");
    // A fragment on a union member is spread inside the union's selection.
    assert!(docs["cancelEnrollment"].contains("...JoinFields"), "{}", docs["cancelEnrollment"]);
    assert!(!docs["obtainKrakenToken"].contains("fragment"), "unrelated documents stay as they were");
    let docs: Vec<(String, String)> = docs.into_iter().collect();
    validate_all(&docs, &stand_in_schema(&r), "stand-in schema");

    let broken = oees_options().with_fragments("bad.graphql", "fragment X on GoodsPurchase { ...Missing }");
    let Err(err) = krakengen_tests::try_generator(&r, &broken) else { panic!("a broken fragment file must fail") };
    assert!(err.iter().any(|d| d.code == "fragment-undefined"), "{err:?}");
    let g = generator(&r, &oees_options().with_fragments("f.graphql", "fragment Y on NoSuchType { __typename }"));
    assert!(g.warnings().iter().any(|d| d.code == "fragment-unknown-type"), "{:?}", g.warnings());
}

/// A supplement fills a type the reference leaves opaque: its leaf fields are selected wherever the
/// type is, and its struct has every field, the composite one typed but not selected.
#[test]
fn supplement_fields_are_selected_and_typed() {
    let r = vendored_reference();
    let supplement = "type GoodsPurchase { code: String!, scope: [PreSignedTokenScope], account: AccountType }\n\
                      enum PreSignedTokenScope { SUBMIT_METER_READINGS }\ntype AccountType { number: String }\n";
    let schema = with_supplement(&r, "goods.graphql", supplement);
    let g = Generator::new(schema.model(), &oees_options()).unwrap();
    let docs: BTreeMap<String, String> = documents(&g).into_iter().collect();
    let accept = &docs["acceptGoodsQuote"];
    assert!(accept.contains("goodsPurchase {\n      __typename\n      code\n      scope\n    }"), "{accept}");
    assert!(!accept.contains("account"), "a composite field is not selected:\n{accept}");
    let client = &g.workspace_crates().unwrap()[1].contents;
    let start = client.find("pub struct GoodsPurchase {").expect("GoodsPurchase is a struct now");
    let body = &client[start..start + client[start..].find("\n    }\n").unwrap()];
    let compact: String = body.split_whitespace().collect();
    assert!(compact.contains("pubcode:::std::option::Option<::std::string::String>,"), "{body}");
    assert!(compact.contains("pubscope:::std::option::Option<::std::vec::Vec<::std::option::Option<PreSignedTokenScope>>,>"), "{body}");
    assert!(compact.contains("pubaccount:::std::option::Option<AccountType>,"), "{body}");
    assert!(client.contains("pub struct AccountType {"), "the composite field's type is generated too");
}

#[test]
fn scalar_mappings_are_checked_and_applied() {
    let r = vendored_reference();
    let options = oees_options().with_scalar("Date", "::std::string::String");
    let g = generator(&r, &options);
    let text = g.render_mutation("generatePreSignedToken").unwrap().unwrap();
    assert!(!text.contains("pub type Date"), "Date is not used by this mutation");
    let files = g.workspace_crates().unwrap();
    assert!(files[1].contents.contains("pub type Date = ::std::string::String;"));
    let Err(err) = krakengen_tests::try_generator(&r, &oees_options().with_scalar("Date", "not a type!")) else {
        panic!("an invalid mapping must fail")
    };
    assert!(err.iter().any(|d| d.code == "scalar-mapping"), "{err:?}");
}

/// A supplement SDL makes the client typed where the reference is not: `GoodsPurchase`, which the
/// reference names only through an undefined fragment, becomes a struct with the supplement's leaf
/// fields, a supplied fragment on it is spread next to them, every document still validates against
/// the merged SDL, and the crate builds and parses a response into the typed fields
/// (`tests/fixtures/supplement/exercise.rs`).
#[test]
fn supplement_fields_type_the_client() {
    let parsed = parse_rel(&fixture("supplement/reference.txt"));
    assert!(!parsed.diagnostics.has_errors(), "{}", parsed.report().render(false));
    let build = krakengen_tests::schema_with_file(&parsed, &fixture("supplement/agreeing.graphql"));
    let schema = build.output.expect("the agreeing supplement builds");
    let fragment = "fragment PurchaseCode on GoodsPurchase { code }";
    let options = Options::new("sup").with_crate_name("sup-client").with_fragments("purchase.graphql", fragment);
    let supplemented = Generator::new(schema.model(), &options).unwrap();

    // Without the supplement the type is a JSON newtype; with it, a struct of optional typed fields.
    let plain = generator(&parsed.reference, &options).crate_files().unwrap()[3].contents.clone();
    assert!(plain.contains("pub struct GoodsPurchase(pub ::serde_json::Value);"), "{plain}");
    let typed = supplemented.crate_files().unwrap()[3].contents.clone();
    let start = typed.find("pub struct GoodsPurchase {").unwrap_or_else(|| panic!("GoodsPurchase is no struct:\n{typed}"));
    let body: String = typed[start..start + typed[start..].find("\n    }\n").unwrap()].split_whitespace().collect();
    assert!(body.contains("pubcode:::std::option::Option<::std::string::String>,"), "{body}");
    // A field with an optional argument is typed too (`steps(first: Int = 10)`).
    let start = typed.find("pub struct SmartFlexOnboardingWizard {").expect("the wizard is a struct");
    let body: String = typed[start..start + typed[start..].find("\n    }\n").unwrap()].split_whitespace().collect();
    assert!(body.contains("pubsteps:::std::option::Option<::std::vec::Vec<::std::string::String>>,"), "{body}");

    let docs = documents(&supplemented);
    let accept = &docs.iter().find(|(n, _)| n == "acceptGoodsQuote").unwrap().1;
    // `status` and `placedAt` have types only the supplement defines (an enum, a custom scalar).
    assert!(accept.contains("goodsPurchase {\n      __typename\n      code\n      status\n      placedAt\n      ...PurchaseCode\n    }"), "{accept}");
    assert!(accept.contains("fragment PurchaseCode on GoodsPurchase"), "{accept}");
    // The members of a union have no common fields: each member's supplied fields are selected in an
    // inline fragment on it.
    let link = &docs.iter().find(|(n, _)| n == "linkUserToLine").unwrap().1;
    assert!(link.contains("    __typename\n    ... on AlreadyLinkedError {\n      message\n    }\n    ... on LineLinkRedirectResponse {\n      redirectUrl\n    }\n"), "{link}");
    validate_all(&docs, &schema.sdl, "the merged SDL");

    let dir = tempfile::tempdir().unwrap();
    write_crate(dir.path(), &supplemented.crate_files().unwrap());
    std::fs::create_dir_all(dir.path().join("tests")).unwrap();
    std::fs::copy(fixture("supplement/exercise.rs"), dir.path().join("tests/exercise.rs")).unwrap();
    cargo_in(dir.path(), &["test", "--quiet"]);
}

/// The reference of the supplement fixtures with `typed.graphql`, whose shapes the type model must
/// carry into typed Rust: an input with required, optional, nested, list and enum fields, a
/// recursive input, an enum the reference lists only partly, a union and an interface whose members
/// share a field name with different nullability.
fn typed_fixture() -> (krakengen::parse::Parsed, krakengen_tests::Schema) {
    let parsed = parse_rel(&fixture("supplement/reference.txt"));
    let build = krakengen_tests::schema_with_file(&parsed, &fixture("supplement/typed.graphql"));
    assert_eq!(build.diagnostics.errors(), 0, "{}", build.rendered());
    let schema = build.output.expect("the typed supplement builds");
    (parsed, schema)
}

/// The crate generated with the typed supplement compiles, and its tests
/// (`tests/fixtures/supplement/typed_exercise.rs`) build typed inputs, send them over loopback to
/// the mock of the same reference and schema, and check the JSON on the wire and the typed answers.
#[test]
fn typed_model_reaches_the_client() {
    let (_, schema) = typed_fixture();
    let generator = Generator::new(schema.model(), &Options::new("sup").with_crate_name("typed-client")).unwrap();
    let docs = documents(&generator);
    validate_all(&docs, &schema.sdl, "the merged SDL");
    // The aliases are needed: the members' `screenId` (and the interface members' `isSuspended`)
    // differ in nullability, which GraphQL's "fields can merge" rule refuses under one name.
    let merged = apollo_compiler::Schema::parse_and_validate(&schema.sdl, "merged.graphql").unwrap();
    for (mutation, alias) in
        [("linkUserToLine", "screenId_LinkTokenNotFound: "), ("setDevicePreferences", "isSuspended_SmartFlexDeviceStatusOffline: ")]
    {
        let doc = &docs.iter().find(|(n, _)| n == mutation).unwrap().1;
        assert!(doc.contains(alias), "{doc}");
        let unaliased = doc.replace(alias, "");
        let err = apollo_compiler::ExecutableDocument::parse_and_validate(&merged, unaliased, "unaliased.graphql").unwrap_err();
        assert!(err.errors.to_string().contains("must not select different types using the same name"), "{}", err.errors);
    }
    let rt = krakengen_tests::runtime();
    let server = rt.block_on(async {
        let mock = krakengen_mock::schema(&schema.sdl, schema.model(), krakengen_server::policy::Unspecified::Allow)
            .expect("the mock serves the merged SDL");
        krakengen_tests::Server::start(krakengen_mock::router(mock, schema.model())).await
    });
    let addr = server.url.trim_start_matches("http://").split('/').next().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    write_crate(dir.path(), &generator.crate_files().unwrap());
    std::fs::create_dir_all(dir.path().join("tests")).unwrap();
    std::fs::copy(fixture("supplement/typed_exercise.rs"), dir.path().join("tests/exercise.rs")).unwrap();
    std::fs::create_dir_all(dir.path().join("tests/loopback")).unwrap();
    std::fs::copy(fixture("supplement/loopback.rs"), dir.path().join("tests/loopback/mod.rs")).unwrap();
    cargo_with(dir.path(), &["test", "--quiet"], &[("KRAKENGEN_MOCK_ADDR", &addr)]);
    rt.block_on(server.stop());
}

/// The generated server's trait takes the client's typed inputs, so a resolver receives the
/// supplement's input struct, not JSON.
#[test]
fn the_server_trait_takes_the_typed_inputs() {
    let (_, schema) = typed_fixture();
    let options = Options::new("sup")
        .with_errors_crate("crates/sup-errors")
        .with_client_crate("crates/sup-client")
        .with_server_crate("crates/sup-server", "schema/sup/schema.graphql");
    let files = Generator::new(schema.model(), &options).unwrap().workspace_crates().unwrap();
    let server: String = files[2].contents.split_whitespace().collect();
    assert!(server.contains("input:::sup_client::types::AcceptGoodsQuoteInput,"), "{}", files[2].contents);
    assert!(server.contains("scope:::sup_client::types::PreSignedTokenScope,"), "{}", files[2].contents);
}

/// Every type of the merged schema that is not opaque has a typed Rust item with the same fields,
/// values or members: the walk goes over the model and over the generated client parsed with syn.
#[test]
fn every_known_type_has_a_typed_item() {
    let (parsed, schema) = typed_fixture();
    let generator = Generator::new(schema.model(), &Options::new("sup")).unwrap();
    let client = generator.crate_files().unwrap().swap_remove(3).contents;
    let file = syn::parse_file(&client).expect("the client parses");
    let types_module = file
        .items
        .iter()
        .find_map(|i| match i {
            syn::Item::Mod(m) if m.ident == "types" => m.content.as_ref().map(|c| &c.1),
            _ => None,
        })
        .expect("a `types` module");
    // The GraphQL names of a struct's fields are the keys its `Serialize` impl writes, in field
    // order: the only string literals of that impl. (Every struct has one in this layout, the
    // received ones behind the `server` feature.)
    fn literals(tokens: proc_macro2::TokenStream, out: &mut Vec<String>) {
        for t in tokens {
            match t {
                proc_macro2::TokenTree::Group(g) => literals(g.stream(), out),
                proc_macro2::TokenTree::Literal(l) => {
                    if let Ok(syn::Lit::Str(s)) = syn::parse_str::<syn::Lit>(&l.to_string()) {
                        out.push(s.value());
                    }
                }
                _ => {}
            }
        }
    }
    let serialized_keys = |items: &[&syn::Item]| -> BTreeMap<String, Vec<String>> {
        let mut keys = BTreeMap::new();
        for item in items {
            let syn::Item::Impl(imp) = item else { continue };
            let Some((_, path, _)) = &imp.trait_ else { continue };
            if path.segments.last().is_none_or(|s| s.ident != "Serialize") {
                continue;
            }
            let syn::Type::Path(ty) = &*imp.self_ty else { continue };
            let mut found = Vec::new();
            for i in &imp.items {
                literals(i.to_token_stream(), &mut found);
            }
            keys.insert(ty.path.segments.last().unwrap().ident.to_string(), found);
        }
        keys
    };
    let mut structs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut enums: BTreeMap<String, Vec<String>> = BTreeMap::new();
    // Payload types are structs of their operation's module.
    let payloads: Vec<&syn::Item> = file
        .items
        .iter()
        .filter_map(|i| match i {
            // The runtime's modules (the HTTP transport, the serde helpers) hold no API types.
            syn::Item::Mod(m) if !["types", "http", "__private"].contains(&m.ident.to_string().as_str()) => m.content.as_ref().map(|c| &c.1),
            _ => None,
        })
        .flatten()
        .filter(|i| {
            let name = match i {
                syn::Item::Struct(s) => s.ident.to_string(),
                syn::Item::Impl(imp) => imp.self_ty.to_token_stream().to_string(),
                _ => return false,
            };
            !["Variables", "Data", "Mutation"].contains(&name.as_str())
        })
        .collect();
    let returned: BTreeSet<&str> = parsed.reference.operations.iter().map(|m| m.return_type.base()).collect();
    let items: Vec<&syn::Item> = types_module.iter().chain(payloads.iter().copied()).collect();
    let keys = serialized_keys(&items);
    for item in items {
        match item {
            syn::Item::Struct(s) => {
                // A newtype (a custom scalar) has no named fields.
                let names = match &s.fields {
                    syn::Fields::Named(f) => {
                        let names = keys.get(&s.ident.to_string()).cloned().unwrap_or_default();
                        assert_eq!(names.len(), f.named.len(), "{}: one key per field, {names:?}", s.ident);
                        names
                    }
                    _ => Vec::new(),
                };
                structs.insert(s.ident.to_string(), names);
            }
            syn::Item::Enum(e) => {
                enums.insert(e.ident.to_string(), e.variants.iter().map(|v| v.ident.to_string()).collect());
            }
            _ => {}
        }
    }
    use krakengen::types::{Kind, Shape};
    use quote::ToTokens as _;
    let model = schema.model();
    let mut checked = 0;
    for def in model.types().values().filter(|d| d.shape != Shape::Opaque && d.name != "Unknown") {
        let name = &def.name;
        match def.kind {
            Kind::Scalar => assert!(structs.contains_key(name), "scalar {name} is a newtype"),
            Kind::Enum => {
                let variants = &enums[name];
                assert_eq!(variants.len(), def.values.len() + 1, "enum {name}: {variants:?}");
                assert_eq!(variants.last().map(String::as_str), Some("Unknown"));
            }
            Kind::Union => {
                let variants = &enums[name];
                let want: Vec<&str> = def.members.iter().map(String::as_str).chain(["Unknown"]).collect();
                assert_eq!(variants, &want, "union {name}");
            }
            Kind::Interface | Kind::Object | Kind::InputObject => {
                let implementations: Vec<&str> = model
                    .types()
                    .values()
                    .filter(|o| o.interfaces.contains(name))
                    .map(|o| o.name.as_str())
                    .collect();
                if def.kind == Kind::Interface && !implementations.is_empty() {
                    let want: Vec<&str> = implementations.into_iter().chain(["Unknown"]).collect();
                    assert_eq!(&enums[name], &want, "interface {name}");
                } else {
                    let fields = structs.get(name).unwrap_or_else(|| panic!("{:?} {name} has no struct", def.kind));
                    let mut want: Vec<String> = def.fields.iter().map(|f| f.name.clone()).collect();
                    if def.kind != Kind::InputObject && !returned.contains(name.as_str()) {
                        want.insert(0, "__typename".into());
                    }
                    assert_eq!(fields, &want, "{:?} {name}", def.kind);
                }
            }
        }
        checked += 1;
    }
    assert!(checked >= 25, "only {checked} types were checked");
}

/// Runs cargo on a crate generated into a temporary directory, sharing one target directory below
/// the workspace's so that dependencies compile once. Warnings in generated code are errors.
fn cargo_in(dir: &Path, args: &[&str]) {
    cargo_with(dir, args, &[]);
}

use krakengen_tests::{cargo_with, write_crate};

/// The crate generated from the hostile fixture builds on its own (with and without its `server`
/// feature), passes its doctests (so no
/// description became a doctest), and behaves: `tests/fixtures/hostile/exercise.rs` is copied in as
/// an integration test of the generated crate and checks the escaped names and the inert texts.
#[test]
fn hostile_fixture_crate_builds_and_behaves() {
    let parsed = parse_rel(&fixture("hostile/hostile.txt"));
    assert!(parsed.diagnostics.is_empty(), "{}", parsed.report().render(false));
    // A supplement gives `Other` fields: a keyword, a name that collides with the generated
    // `typename` field, an enum, a custom scalar, and a composite field of its own type (so boxed),
    // with descriptions that try to break out of a doc comment.
    let describe = |name: &str| format!("\"Supplied `{name}` */ \\\"); field.\"");
    let supplement = format!(
        "type Other {{\n{} type: String!\n{} typename: Int\n{} scope: HostileScope\n{} when: DateTime\n{} nested: Other\n}}\n\
         enum HostileScope {{ UNKNOWN }}\nscalar DateTime\n",
        describe("type"),
        describe("typename"),
        describe("scope"),
        describe("when"),
        describe("nested")
    );
    let schema = with_supplement(&parsed.reference, "other.graphql", &supplement);
    let options = Options::new("hostile").with_crate_name("hostile-client");
    let files = Generator::new(schema.model(), &options).unwrap().crate_files().unwrap();
    assert!(files[3].contents.contains("pub nested: ::std::option::Option<::std::boxed::Box<Other>>,"), "{}", files[3].contents);
    let dir = tempfile::tempdir().unwrap();
    write_crate(dir.path(), &files);
    std::fs::create_dir_all(dir.path().join("tests")).unwrap();
    std::fs::copy(fixture("hostile/exercise.rs"), dir.path().join("tests/exercise.rs")).unwrap();
    // A client builds with one serde derive per type; the exercise also decodes variables, which is
    // what the `server` feature adds.
    cargo_in(dir.path(), &["build", "--quiet"]);
    cargo_in(dir.path(), &["test", "--quiet", "--features", "server"]);
}

/// The five operations of the restricted-crate test, and of the compile-time figures in
/// docs/benchmarks.md.
const FIVE: [&str; 5] = ["obtainKrakenToken", "acceptGoodsQuote", "generatePreSignedToken", "createAccountReminder", "resetUserPassword"];

/// A crate restricted to five operations builds and holds only them: five operation modules, the
/// error codes they raise and no other.
#[test]
fn a_crate_of_five_operations_builds_and_holds_only_them() {
    let r = vendored_reference();
    let generator = generator(&r, &oees_options().with_crate_name("five-client").with_operations(FIVE));
    assert!(generator.warnings().is_empty(), "{:?}", generator.warnings());
    let files = generator.crate_files().unwrap();
    let client = &files[3].contents;
    assert_eq!(client.matches("pub const DOCUMENT: &str").count(), 5);
    for name in FIVE {
        // Each document calls its mutation: `  acceptGoodsQuote(input: $input) {`.
        assert!(client.contains(&format!("\\n  {name}(")) || client.contains(&format!("\\n  {name} {{")), "{name}");
    }
    // The codes the five list, and the generic codes any caller may meet (which the reference
    // lists for other operations too).
    let mut codes: BTreeSet<&str> = r.operations.iter().filter(|m| FIVE.contains(&m.name.as_str())).flat_map(|m| m.errors.iter().map(|e| e.code.as_str())).collect();
    codes.extend(krakengen_policy::generic::GENERIC_CODES.iter().map(|g| g.code));
    let errors = &files[2].contents;
    for code in &codes {
        assert!(errors.contains(&format!("\"{code}\"")), "{code} is raised by the five");
    }
    for m in r.operations.iter().filter(|m| !FIVE.contains(&m.name.as_str())) {
        for e in m.errors.iter().filter(|e| !codes.contains(e.code.as_str())) {
            assert!(!errors.contains(&format!("\"{}\"", e.code)), "{} of {} is not raised by the five", e.code, m.name);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    write_crate(dir.path(), &files);
    cargo_in(dir.path(), &["build", "--quiet"]);

    // The same crate depending on the runtime crate instead of embedding it, with a supplement
    // that makes the token required, so that the other way `authenticate` checks for a token is
    // compiled too.
    let runtime = concat!(env!("CARGO_MANIFEST_DIR"), "/../crates/krakengen-client");
    let supplement = "type ObtainKrakenJSONWebToken { token: String!, refreshToken: String, refreshExpiresIn: Int, payload: GenericScalar }\nscalar GenericScalar\n";
    let schema = with_supplement(&r, "token.graphql", supplement);
    let options = oees_options().with_crate_name("five-client").with_operations(FIVE).with_runtime_path(runtime);
    let files = Generator::new(schema.model(), &options).unwrap().crate_files().unwrap();
    assert!(files[3].contents.contains("pub token: ::std::string::String,") && files[3].contents.contains("|payload| payload)"), "{}", files[3].contents);
    let manifest: toml::Table = files[0].contents.parse().unwrap();
    assert_eq!(manifest["dependencies"]["krakengen-client"]["path"].as_str(), Some(runtime), "{}", files[0].contents);
    assert!(manifest["dependencies"].get("tokio").is_none(), "the runtime's dependencies are its own");
    assert!(files[3].contents.contains("pub use ::krakengen_client as runtime;") && !files[3].contents.contains("pub mod runtime {"));
    let dir = tempfile::tempdir().unwrap();
    write_crate(dir.path(), &files);
    cargo_in(dir.path(), &["build", "--quiet"]);
}

/// The crate `krakengen generate` writes for the vendored reference builds on its own, HTTP
/// transport included. Slow (a minute or more of compiling reqwest and the whole client in a
/// target of its own), so opt-in: `cargo nextest run -p krakengen-tests --run-ignored all
/// vendored_standalone`. The same transport code is compiled by every run, in `oees-client` (the
/// tests enable its `reqwest` feature) and the end-to-end tests call the mock through it.
#[test]
#[ignore = "slow: a minute or more; oees-client's reqwest build covers the transport in every run"]
fn vendored_standalone_crate_builds() {
    let files = generator(&vendored_reference(), &oees_options()).crate_files().unwrap();
    let dir = tempfile::tempdir().unwrap();
    write_crate(dir.path(), &files);
    cargo_in(dir.path(), &["build", "--features", "reqwest"]);
}

/// The users' documents of `tests/fixtures/documents`, with the supplement fixtures.
fn with_documents(extra: &[(&str, &str)]) -> Result<Generator, krakengen::diag::Diagnostics> {
    let parsed = parse_rel(&fixture("supplement/reference.txt"));
    let build = krakengen_tests::schema_with_file(&parsed, &fixture("supplement/agreeing.graphql"));
    let schema = build.output.expect("the agreeing supplement builds");
    let mut options = Options::new("sup").with_crate_name("sup-client");
    for file in ["documents/fragments.graphql", "documents/operations.graphql"] {
        options = options.with_documents(&format!("tests/fixtures/{file}"), &std::fs::read_to_string(fixture(file)).unwrap());
    }
    for (name, text) in extra {
        options = options.with_documents(name, text);
    }
    Generator::new(schema.model(), &options)
}

/// The module `name` of a generated client file, from `pub mod name {` to its closing brace.
fn module_text<'a>(client: &'a str, name: &str) -> &'a str {
    let start = client.find(&format!("\npub mod {name} {{")).unwrap_or_else(|| panic!("no module {name}")) + 1;
    let end = start + client[start..].find("\n}\n").unwrap() + 3;
    &client[start..end]
}

/// Users' own operations become modules typed by their selections (a union as an enum by
/// `__typename`, aliases, fragments inlined, `@include` as `Option`, several root fields), with a
/// `Client` method each; the reference operations they call come along for their error tables, and
/// no other. The crate builds and `tests/fixtures/documents/exercise.rs` decodes answers into the
/// types and sends a document through a canned transport.
#[test]
fn users_documents_are_typed_by_their_selections() {
    let generator = with_documents(&[]).unwrap_or_else(|d| panic!("{d:?}"));
    let files = generator.crate_files().unwrap();
    let client = &files.iter().find(|f| f.path.ends_with("client.rs")).unwrap().contents;
    insta::assert_snapshot!("user_operation_link", module_text(client, "link"));
    insta::assert_snapshot!("user_operation_devices", module_text(client, "devices"));
    insta::assert_snapshot!("user_operation_quotes", module_text(client, "quotes"));
    // The reference operations the documents call, and none other.
    let reference: BTreeSet<&str> = generator.operation_documents().iter().map(|(n, _)| *n).collect();
    assert_eq!(reference, BTreeSet::from(["acceptGoodsQuote", "generatePreSignedToken", "linkUserToLine", "setDevicePreferences"]));
    for method in ["pub fn link<'a>(", "pub fn devices<'a>(", "pub fn quotes<'a>("] {
        assert!(client.contains(method), "{method}");
    }
    let dir = tempfile::tempdir().unwrap();
    write_crate(dir.path(), &files);
    std::fs::create_dir_all(dir.path().join("tests")).unwrap();
    std::fs::copy(fixture("documents/exercise.rs"), dir.path().join("tests/exercise.rs")).unwrap();
    cargo_in(dir.path(), &["test", "--quiet"]);
}

/// A document that does not validate, an anonymous operation and a name defined twice are refused
/// with the file, line and column of each, and nothing is generated.
#[test]
fn users_documents_are_validated_first() {
    let messages = |extra: &[(&str, &str)]| -> Vec<String> {
        let Err(diags) = with_documents(extra) else { panic!("{extra:?} generated") };
        diags.iter().map(|d| d.message.clone()).collect()
    };
    let invalid = messages(&[("bad.graphql", "mutation Bad($input: LinkUserToLineInput!) {\n  linkUserToLine(input: $input) { nope }\n}\n")]);
    assert_eq!(invalid.len(), 1, "{invalid:?}");
    assert!(invalid[0].starts_with("bad.graphql:2:"), "{invalid:?}");
    assert!(invalid[0].contains("nope"), "{invalid:?}");
    let anonymous = messages(&[("anon.graphql", "\n\nmutation { __typename }\n")]);
    assert_eq!(anonymous, ["anon.graphql:3:1: an operation needs a name, which names its module and method"]);
    let twice = messages(&[("again.graphql", "mutation Link { __typename }\n")]);
    assert_eq!(twice.len(), 1, "{twice:?}");
    assert!(twice[0].starts_with("again.graphql:1:10: operation `Link` is defined again (first at tests/fixtures/documents/operations.graphql:6:10)"), "{twice:?}");
    let syntax = messages(&[("junk.graphql", "mutation Oops {")]);
    assert!(syntax[0].starts_with("junk.graphql:1:"), "{syntax:?}");
}
