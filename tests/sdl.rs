//! Tests of the normalised SDL and the metadata catalogue (`krakengen::sdl`, `krakengen::catalog`).
//!
//! The vendored reference is built once; snapshots show, per representative mutation, its field on
//! `Mutation`, every type it names, and its catalogue entry, so a reviewer reads each representation
//! choice on a real example.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use apollo_compiler::schema::ExtendedType;
use apollo_compiler::validation::Valid;
use apollo_compiler::Schema;
use krakengen::model::{
    Argument, Deprecation, Example, Field, Operation, Permissions, Provenance, Reference, Rendering, SourceFile, Span,
    TypeInfo, TypeKind, TypeRef,
};
use krakengen::parse::Parsed;
use krakengen::sdl::canonicalize;
use krakengen_tests::SchemaBuild;
use krakengen_tests::{fixture, parse_rel, root, vendored};

struct Built {
    parsed: Parsed,
    build: SchemaBuild,
}

fn vendored_build() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let parsed = parse_rel(&vendored());
        assert!(!parsed.diagnostics.has_errors(), "the vendored reference parses without errors");
        let build = krakengen_tests::schema(&parsed);
        Built { parsed, build }
    })
}

fn rendered(built: &Built) -> String {
    built.build.rendered()
}

fn output(built: &Built) -> &krakengen_tests::Schema {
    built.build.output.as_ref().unwrap_or_else(|| panic!("no output:\n{}", rendered(built)))
}

#[test]
fn vendored_reference_builds_without_schema_diagnostics() {
    let built = vendored_build();
    assert!(built.build.diagnostics.is_empty(), "{}", rendered(built));
    let out = output(built);
    assert!(out.sdl.ends_with("}\n") || out.sdl.ends_with('\n'));
    assert!(out.metadata_json.ends_with("}\n"));
}

#[test]
fn vendored_sdl_validates_with_apollo_compiler() {
    let sdl = &output(vendored_build()).sdl;
    match Schema::parse_and_validate(sdl.as_str(), "schema.graphql") {
        Ok(_) => {}
        Err(e) => panic!("{} diagnostics:\n{}", e.errors.len(), e.errors),
    }
}

#[test]
fn vendored_sdl_parses_with_graphql_parser() {
    let sdl = &output(vendored_build()).sdl;
    let doc = graphql_parser::parse_schema::<String>(sdl).expect("graphql-parser accepts the SDL");
    // Directive definitions, Unknown, Query, Mutation and one definition per declared type.
    let types = output(vendored_build()).catalog.types.len();
    assert_eq!(doc.definitions.len(), 11 + 3 + types);
}

#[test]
fn print_parse_print_is_byte_identical() {
    let sdl = &output(vendored_build()).sdl;
    let (again, _) = canonicalize(sdl).expect("the printed SDL is valid");
    assert!(again == *sdl, "printing the parsed SDL changed it");
    let doc = apollo_compiler::ast::Document::parse(sdl.as_str(), "schema.graphql").unwrap();
    assert_eq!(doc.to_string(), *sdl);
}

#[test]
fn output_is_deterministic() {
    let built = vendored_build();
    let again = krakengen_tests::schema(&built.parsed);
    let (a, b) = (output(built), again.output.as_ref().unwrap());
    assert!(a.sdl == b.sdl, "SDL differs between runs");
    assert!(a.metadata_json == b.metadata_json, "metadata differs between runs");
    // Nothing machine-dependent (such as where the repository is checked out) may leak into it.
    for text in [&a.sdl, &a.metadata_json] {
        assert!(!text.contains(&*root().display().to_string()));
    }
}

/// Every mutation, argument (with its exact type), error code and permission of the reference is in
/// both outputs, and every type name the SDL uses is declared.
#[test]
fn every_fact_of_the_reference_is_in_the_outputs() {
    let built = vendored_build();
    let out = output(built);
    let schema: &Valid<Schema> = out.schema();
    let reference = &built.parsed.reference;
    assert_eq!(reference.operations.len(), 326);
    let mutation_type = schema.get_object("Mutation").unwrap();
    assert_eq!(mutation_type.fields.len(), reference.operations.len());
    for m in &reference.operations {
        let f = mutation_type.fields.get(m.name.as_str()).unwrap_or_else(|| panic!("{} missing", m.name));
        assert_eq!(f.ty.to_string(), m.return_type.to_string(), "{}", m.name);
        assert_eq!(f.arguments.len(), m.arguments.len(), "{}", m.name);
        for a in &m.arguments {
            let sa = f.argument_by_name(&a.name).unwrap_or_else(|| panic!("{}.{} missing", m.name, a.name));
            assert_eq!(sa.ty.to_string(), a.ty.to_string(), "{}.{}", m.name, a.name);
            assert_eq!(sa.description.as_deref(), a.description.as_deref(), "{}.{}", m.name, a.name);
        }
        let codes: Vec<&str> = f
            .directives
            .get("possibleErrors")
            .and_then(|d| d.specified_argument_by_name("codes"))
            .and_then(|v| v.as_list())
            .map(|l| l.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let expected: Vec<&str> = m.errors.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(codes, expected, "{}", m.name);
        let op = &out.catalog.operations[&m.name];
        assert_eq!(op.errors, expected, "{}", m.name);
        assert_eq!(op.complexity, m.complexity, "{}", m.name);
        let expression = f
            .directives
            .get("requiresPermissions")
            .and_then(|d| d.specified_argument_by_name("expression"))
            .and_then(|v| v.as_str());
        match &m.permissions {
            Permissions::Required(e) => {
                assert_eq!(expression, Some(e.to_string().as_str()), "{}", m.name);
                for p in e.names() {
                    assert!(out.catalog.permissions[p].contains(&m.name), "{} / {p}", m.name);
                }
            }
            Permissions::Public => assert!(f.directives.get("public").is_some() && expression.is_none()),
            Permissions::Unspecified => assert!(f.directives.get("public").is_none() && expression.is_none()),
        }
        assert_eq!(f.directives.get_all("rateLimit").count(), m.rate_limits.len(), "{}", m.name);
        assert_eq!(f.directives.get("deprecated").is_some(), m.deprecation.is_some(), "{}", m.name);
    }
    let codes: BTreeSet<&str> = reference.error_codes().keys().copied().collect();
    assert_eq!(codes.len(), 718);
    assert_eq!(out.catalog.errors.keys().map(String::as_str).collect::<BTreeSet<_>>(), codes);
    for (code, info) in &out.catalog.errors {
        assert_eq!(info.message, reference.error_codes()[code.as_str()]);
        assert_eq!(code.split('-').nth(1), Some(info.family.as_str()));
    }
    // Every permission in the catalogue is needed by the mutations it lists, and by no other.
    for (p, ms) in &out.catalog.permissions {
        let needing: Vec<&str> = reference
            .operations
            .iter()
            .filter(|m| matches!(&m.permissions, Permissions::Required(e) if e.names().contains(&p.as_str())))
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(ms, &needing, "{p}");
    }
    // Every type the reference knows is declared with the kind the representation notes promise.
    for (name, info) in &reference.types {
        let declared = schema.types.get(name.as_str()).unwrap_or_else(|| panic!("{name} not declared"));
        let ok = match info.kind {
            TypeKind::BuiltinScalar | TypeKind::Scalar | TypeKind::UnknownInput => matches!(declared, ExtendedType::Scalar(_)),
            TypeKind::Enum => matches!(declared, ExtendedType::Enum(_)),
            TypeKind::Object | TypeKind::UnknownOutput => matches!(declared, ExtendedType::Object(_)),
            TypeKind::Interface => matches!(declared, ExtendedType::Interface(_)),
            TypeKind::Union => matches!(declared, ExtendedType::Union(_)),
            TypeKind::InputObject => matches!(declared, ExtendedType::InputObject(_)),
        };
        assert!(ok, "{name}: {:?} declared as {declared:?}", info.kind);
    }
}

#[test]
fn payload_fields_and_provenance_markers_are_emitted() {
    let built = vendored_build();
    let schema = output(built).schema();
    for m in &built.parsed.reference.operations {
        let Some(payload) = schema.get_object(m.return_type.base()) else { continue };
        for f in &m.fields {
            let sf = payload.fields.get(f.name.as_str()).unwrap_or_else(|| panic!("{}.{}", m.name, f.name));
            match (&f.ty, f.provenance) {
                (None, _) => assert_eq!(sf.ty.to_string(), "Unknown"),
                (Some(t), Some(Provenance::Inferred)) => {
                    assert_eq!(sf.ty.to_string(), t.to_string());
                    assert!(sf.directives.get("inferred").is_some(), "{}.{} lacks @inferred", m.name, f.name);
                }
                (Some(t), _) => assert_eq!(sf.ty.to_string(), t.to_string()),
            }
            assert_eq!(sf.directives.get("deprecated").is_some(), f.deprecation.is_some());
        }
    }
    for (name, info) in &built.parsed.reference.types {
        let ty = &schema.types[name.as_str()];
        if info.synthetic {
            assert!(ty.directives().get("synthetic").is_some(), "{name} lacks @synthetic");
        }
        if matches!(info.kind, TypeKind::InputObject | TypeKind::UnknownOutput | TypeKind::UnknownInput) {
            assert!(ty.directives().get("opaque").is_some(), "{name} lacks @opaque");
        }
    }
}

/// One snapshot per representative mutation: its `Mutation` field, every non-built-in type it names
/// (payload, argument types, field types, union members) and its catalogue entry.
fn slice(name: &str) -> String {
    let built = vendored_build();
    let out = output(built);
    let schema = out.schema();
    let field = schema.type_field("Mutation", name).unwrap_or_else(|_| panic!("{name} missing"));
    let mut text = String::from("# type Mutation\n");
    text.push_str(&field.to_string());
    text.push_str("\n\n");
    let mut names: BTreeSet<String> = BTreeSet::new();
    names.insert(field.ty.inner_named_type().to_string());
    for a in &field.arguments {
        names.insert(a.ty.inner_named_type().to_string());
    }
    let mut queue: Vec<String> = names.iter().cloned().collect();
    // Follow the payload one level: its field types and union members.
    let payload = field.ty.inner_named_type().to_string();
    match schema.types.get(payload.as_str()) {
        Some(ExtendedType::Object(o)) => queue.extend(o.fields.values().map(|f| f.ty.inner_named_type().to_string())),
        Some(ExtendedType::Union(u)) => queue.extend(u.members.iter().map(|m| m.to_string())),
        _ => {}
    }
    for n in queue {
        names.insert(n);
    }
    for n in &names {
        match schema.types.get(n.as_str()) {
            Some(t) if !t.is_built_in() && n != "Unknown" => {
                text.push_str(&t.to_string());
                text.push('\n');
            }
            _ => {}
        }
    }
    let op = serde_json::to_string_pretty(&out.catalog.operations[name]).unwrap();
    text.push_str(&format!("# metadata.json operations.{name}\n{op}\n"));
    text
}

macro_rules! slice_snapshot {
    ($test:ident, $mutation:literal) => {
        #[test]
        fn $test() {
            insta::assert_snapshot!(concat!("sdl_", $mutation), slice($mutation));
        }
    };
}

slice_snapshot!(snapshot_accept_goods_quote, "acceptGoodsQuote");
slice_snapshot!(snapshot_generate_pre_signed_token, "generatePreSignedToken");
slice_snapshot!(snapshot_backend_screen_event, "backendScreenEvent");
slice_snapshot!(snapshot_cancel_enrollment, "cancelEnrollment");
slice_snapshot!(snapshot_create_account_reminder, "createAccountReminder");
slice_snapshot!(snapshot_reset_user_password, "resetUserPassword");
slice_snapshot!(snapshot_obtain_kraken_token, "obtainKrakenToken");
slice_snapshot!(snapshot_create_new_agreement_from_product_switch_process, "createNewAgreementFromProductSwitchProcess");
slice_snapshot!(snapshot_actualize_contract, "actualizeContract");
slice_snapshot!(snapshot_create_quote, "createQuote");
slice_snapshot!(snapshot_link_user_to_line, "linkUserToLine");
slice_snapshot!(snapshot_set_device_preferences, "setDevicePreferences");

#[test]
fn snapshot_sdl_preamble() {
    // The directives, `Unknown` and `Query` are the documentation a reader of the SDL alone gets.
    let sdl = &output(vendored_build()).sdl;
    let end = sdl.find("type Mutation {").unwrap();
    insta::assert_snapshot!("sdl_preamble", &sdl[..end]);
}

// ---------------------------------------------------------------------------------------------------
// The catalogue.

fn assert_sorted_keys(v: &serde_json::Value, path: &str) {
    match v {
        serde_json::Value::Object(m) => {
            let keys: Vec<&String> = m.keys().collect();
            let mut sorted = keys.clone();
            sorted.sort();
            assert_eq!(keys, sorted, "keys of {path} are not sorted");
            for (k, v) in m {
                assert_sorted_keys(v, &format!("{path}.{k}"));
            }
        }
        serde_json::Value::Array(a) => a.iter().enumerate().for_each(|(i, v)| assert_sorted_keys(v, &format!("{path}[{i}]"))),
        _ => {}
    }
}

#[test]
fn catalogue_keys_are_sorted_and_it_round_trips() {
    let out = output(vendored_build());
    let value: serde_json::Value = serde_json::from_str(&out.metadata_json).unwrap();
    assert_sorted_keys(&value, "$");
    let back: krakengen::catalog::Catalog = serde_json::from_str(&out.metadata_json).unwrap();
    assert_eq!(back, out.catalog);
    assert!(out.metadata_json.ends_with("}\n") && !out.metadata_json.ends_with("\n\n"));
}

/// The catalogue's JSON Schema, compiled (boon checks it against the 2020-12 meta-schema first):
/// a function giving each way a value breaks it.
fn metadata_validator() -> impl Fn(&serde_json::Value) -> Result<(), String> {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("schema/metadata.schema.json")).unwrap()).unwrap();
    let id = schema["$id"].as_str().expect("the schema has an $id").to_string();
    let (mut compiler, mut schemas) = (boon::Compiler::new(), boon::Schemas::new());
    compiler.add_resource(&id, schema).expect("the $id is a URL");
    let index = compiler.compile(&id, &mut schemas).unwrap_or_else(|e| panic!("schema/metadata.schema.json is not a valid JSON Schema: {e:#}"));
    move |value| schemas.validate(value, index).map_err(|e| format!("{e:#}"))
}

#[test]
fn catalogue_validates_against_its_json_schema() {
    let validator = metadata_validator();
    let value: serde_json::Value = serde_json::from_str(&output(vendored_build()).metadata_json).unwrap();
    if let Err(errors) = validator(&value) {
        panic!("{errors}");
    }
}

#[test]
fn json_schema_rejects_malformed_catalogues() {
    let validator = metadata_validator();
    let good: serde_json::Value = serde_json::from_str(&output(vendored_build()).metadata_json).unwrap();
    type Breakage = (&'static str, fn(&mut serde_json::Value));
    let breakages: [Breakage; 6] = [
        ("unknown permission group", |v| v["operations"]["createQuote"]["permissions"] = serde_json::json!({"none": ["x"]})),
        ("two keys in a group", |v| {
            v["operations"]["createQuote"]["permissions"] = serde_json::json!({"all": ["x"], "any": ["y"]})
        }),
        ("bad rate period", |v| {
            v["operations"]["obtainKrakenToken"]["rate_limits"][0]["steps"][0]["per"] = serde_json::json!("fortnight")
        }),
        ("error without family", |v| {
            v["errors"]["KT-CT-1111"].as_object_mut().unwrap().remove("family");
        }),
        ("extra operation key", |v| v["operations"]["createQuote"]["surprise"] = serde_json::json!(1)),
        ("errors not a list", |v| v["operations"]["createQuote"]["errors"] = serde_json::json!("KT-CT-1111")),
    ];
    for (what, breakage) in breakages {
        let mut bad = good.clone();
        breakage(&mut bad);
        assert!(validator(&bad).is_err(), "the JSON Schema accepts a catalogue with {what}");
    }
}

// ---------------------------------------------------------------------------------------------------
// Hand-made references: hostile text and contradictions the vendored reference does not have.

fn span(line: u32) -> Span {
    Span { file: 0, line, column: 1, offset: line * 10, len: 1 }
}

fn mutation(name: &str, payload: &str, args: &[(&str, &str)], fields: &[(&str, Option<&str>)]) -> Operation {
    Operation {
        name: name.into(),
        kind: krakengen::model::OperationKind::Mutation,
        span: span(1),
        return_type: TypeRef::Named(payload.into()),
        return_type_provenance: Provenance::Declared,
        url: None,
        description: None,
        complexity: Some(1),
        errors: Vec::new(),
        permissions: Permissions::Unspecified,
        rate_limits: Vec::new(),
        deprecation: None,
        arguments: args
            .iter()
            .enumerate()
            .map(|(i, (n, t))| Argument { name: (*n).into(), ty: TypeRef::parse(t).unwrap(), description: None, span: span(10 + i as u32) })
            .collect(),
        fields: fields
            .iter()
            .enumerate()
            .map(|(i, (n, t))| Field {
                name: (*n).into(),
                ty: t.map(|t| TypeRef::parse(t).unwrap()),
                provenance: t.map(|_| Provenance::Inferred),
                description: None,
                deprecation: None,
                selected: true,
                selection: Vec::new(),
                span: span(20 + i as u32),
            })
            .collect(),
        union_members: Vec::new(),
        example: Example::default(),
    }
}

fn info(name: &str, kind: TypeKind) -> (String, TypeInfo) {
    (
        name.into(),
        TypeInfo {
            name: name.into(),
            kind,
            provenance: if kind == TypeKind::Object { Provenance::Declared } else { Provenance::Inferred },
            values: Vec::new(),
            members: Vec::new(),
            shape_known: kind == TypeKind::Object,
            synthetic: false,
        },
    )
}

fn reference(mutations: Vec<Operation>, types: Vec<(String, TypeInfo)>) -> Reference {
    let mut mutations = mutations;
    mutations.sort_by(|a, b| a.name.cmp(&b.name));
    Reference {
        files: vec![SourceFile { path: "hand-made.txt".into(), rendering: Rendering::Standard, blocks: 1 }],
        operations: mutations,
        types: types.into_iter().collect(),
    }
}

fn codes(build: &SchemaBuild) -> Vec<String> {
    build.diagnostics.iter().map(|d| format!("{:?} {}", d.severity, d.code)).collect()
}

#[test]
fn hostile_descriptions_survive_exactly() {
    let hostile = [
        "ends with a quote\"",
        "ends with a backslash\\",
        "has \"\"\" a triple quote",
        "has \\\"\"\" an escaped triple quote",
        "line one\nline two\n\n  indented line four",
        "  leading spaces",
        "trailing spaces  ",
        "\nstarts with a newline",
        "ends with a newline\n",
        "carriage\rreturn",
        "tab\there and a bell \u{7}",
        "*/ \"); <script>alert(1)</script> 🦀 ünïcödé",
        "\"\"\"",
        "\"",
        "",
    ];
    let mut m = mutation("hostile", "HostilePayload", &[("input", "HostileInput!")], &[("value", Some("String"))]);
    let mut types = vec![info("HostilePayload", TypeKind::Object), info("HostileInput", TypeKind::InputObject)];
    types.push(info("String", TypeKind::BuiltinScalar));
    let mut mutations = Vec::new();
    for (i, text) in hostile.iter().enumerate() {
        let mut m2 = m.clone();
        m2.name = format!("hostile{i}");
        m2.description = Some(text.to_string());
        m2.arguments[0].description = Some(format!("arg {text}"));
        m2.deprecation = Some(Deprecation { reason: text.to_string(), marked: None, removal: None, link: Some(text.to_string()) });
        mutations.push(m2);
    }
    m.fields[0].description = Some(hostile.join("|"));
    mutations.push(m);
    let r = reference(mutations, types);
    let build = krakengen_tests::schema(&krakengen_tests::parsed_of(&r));
    let out = build.output.as_ref().unwrap_or_else(|| panic!("{:?}", codes(&build)));
    graphql_parser::parse_schema::<String>(&out.sdl).expect("graphql-parser accepts hostile descriptions");
    let (again, schema) = canonicalize(&out.sdl).unwrap();
    assert_eq!(again, out.sdl);
    for (i, text) in hostile.iter().enumerate() {
        let f = schema.type_field("Mutation", &format!("hostile{i}")).unwrap();
        assert_eq!(f.description.as_deref(), Some(*text), "description {i}");
        assert_eq!(f.arguments[0].description.as_deref(), Some(format!("arg {text}").as_str()), "argument {i}");
        let reason = f.directives.get("deprecated").unwrap().specified_argument_by_name("reason").unwrap();
        assert_eq!(reason.as_str(), Some(*text), "reason {i}");
    }
    let payload = schema.get_object("HostilePayload").unwrap();
    assert_eq!(payload.fields["value"].description.as_deref(), Some(hostile.join("|").as_str()));
}

#[test]
fn a_type_used_as_input_and_output_becomes_an_opaque_scalar_with_a_warning() {
    let r = reference(
        vec![
            mutation("first", "Shared", &[], &[("id", Some("String"))]),
            mutation("second", "Payload", &[("input", "Shared!")], &[("ok", Some("Boolean"))]),
        ],
        vec![info("Shared", TypeKind::Object), info("Payload", TypeKind::Object)],
    );
    let build = krakengen_tests::schema(&krakengen_tests::parsed_of(&r));
    assert_eq!(codes(&build), ["Warning type-position-conflict"]);
    let out = build.output.unwrap();
    assert!(out.sdl.contains("scalar Shared @inferred @opaque\n"), "{}", out.sdl);
    assert_eq!(out.catalog.types["Shared"].kind, krakengen::types::Kind::Scalar);
}

#[test]
fn unknown_input_kinds_are_opaque_scalars_and_unknown_outputs_opaque_objects() {
    let r = reference(
        vec![mutation("m", "Payload", &[("input", "Mystery")], &[("nested", Some("Nested")), ("untyped", None)])],
        vec![info("Payload", TypeKind::Object), info("Mystery", TypeKind::UnknownInput), info("Nested", TypeKind::UnknownOutput)],
    );
    let build = krakengen_tests::schema(&krakengen_tests::parsed_of(&r));
    assert!(build.diagnostics.is_empty(), "{:?}", codes(&build));
    let sdl = build.output.unwrap().sdl;
    assert!(sdl.contains("scalar Mystery @inferred @opaque\n"), "{sdl}");
    assert!(sdl.contains("type Nested @inferred @opaque {\n  _opaque: Unknown\n}\n"), "{sdl}");
    assert!(sdl.contains("  untyped: Unknown\n"), "{sdl}");
    assert!(sdl.contains("  nested: Nested @inferred\n"), "{sdl}");
}

#[test]
fn a_union_member_used_as_an_input_is_an_error_and_nothing_is_output() {
    let mut m = mutation("m", "Choice", &[("input", "Member!")], &[]);
    m.union_members = vec!["Member".into()];
    let (_, mut choice) = info("Choice", TypeKind::Union);
    choice.members = vec!["Member".into()];
    let r = reference(vec![m], vec![("Choice".into(), choice), info("Member", TypeKind::Object)]);
    let build = krakengen_tests::schema(&krakengen_tests::parsed_of(&r));
    assert!(build.output.is_none());
    assert_eq!(codes(&build), ["Error type-position-conflict"]);
}

#[test]
fn reserved_type_names_are_errors() {
    let r = reference(vec![mutation("m", "Query", &[], &[])], vec![info("Query", TypeKind::Object)]);
    let build = krakengen_tests::schema(&krakengen_tests::parsed_of(&r));
    assert!(build.output.is_none());
    assert_eq!(codes(&build), ["Error reserved-type-name"]);
}

#[test]
fn shared_payload_fields_are_merged_and_conflicts_reported() {
    let mut a = mutation("alpha", "Shared", &[], &[("common", Some("String")), ("onlyA", Some("Int"))]);
    let mut b = mutation("beta", "Shared", &[], &[("common", Some("Int")), ("onlyB", None)]);
    a.span = span(1);
    b.span = span(2);
    let r = reference(vec![a, b], vec![info("Shared", TypeKind::Object)]);
    let build = krakengen_tests::schema(&krakengen_tests::parsed_of(&r));
    assert_eq!(codes(&build), ["Warning payload-field-conflict"]);
    let msg = &build.diagnostics.0[0].message;
    assert!(msg.contains("`Int` in `beta`") && msg.contains("`String` is kept"), "{msg}");
    let out = build.output.unwrap();
    let shared = out.schema().get_object("Shared").unwrap();
    let names: Vec<&str> = shared.fields.keys().map(|k| k.as_str()).collect();
    assert_eq!(names, ["common", "onlyA", "onlyB"]);
    assert_eq!(shared.fields["common"].ty.to_string(), "String");
}

#[test]
fn conflicting_error_messages_are_reported() {
    let mut a = mutation("alpha", "A", &[], &[]);
    let mut b = mutation("beta", "B", &[], &[]);
    a.errors = vec![krakengen::model::ErrorEntry { code: "KT-CT-1".into(), message: "One.".into(), span: span(3) }];
    b.errors = vec![krakengen::model::ErrorEntry { code: "KT-CT-1".into(), message: "Uno.".into(), span: span(4) }];
    let r = reference(vec![a, b], vec![info("A", TypeKind::Object), info("B", TypeKind::Object)]);
    let build = krakengen_tests::schema(&krakengen_tests::parsed_of(&r));
    assert_eq!(codes(&build), ["Warning error-message-conflict"]);
    assert_eq!(build.output.unwrap().catalog.errors["KT-CT-1"].message, "One.");
}

// ---------------------------------------------------------------------------------------------------
// Supplements.

fn supplement_build(supplement: &str) -> (Built, String) {
    let parsed = parse_rel(&fixture("supplement/reference.txt"));
    assert!(!parsed.diagnostics.has_errors(), "{}", parsed.report().render(false));
    let path = fixture(&format!("supplement/{supplement}"));
    let rel = path.strip_prefix(root()).unwrap().display().to_string();
    let text = std::fs::read_to_string(&path).unwrap();
    let build = krakengen_tests::schema_with_text(&parsed, rel, text);
    let built = Built { parsed, build };
    let text = rendered(&built);
    (built, text)
}

#[test]
fn supplement_fills_unknown_types_and_reports_every_conflict() {
    let (built, diagnostics) = supplement_build("conflicts.graphql");
    insta::assert_snapshot!("supplement_conflicts_diagnostics", diagnostics);
    let out = output(&built);
    assert_eq!(canonicalize(&out.sdl).unwrap().0, out.sdl, "print → parse → print is byte-identical");
    graphql_parser::parse_schema::<String>(&out.sdl).expect("graphql-parser accepts the SDL");
    insta::assert_snapshot!("supplement_conflicts_sdl", &out.sdl[out.sdl.find("type Mutation {").unwrap()..]);
}

#[test]
fn supplement_that_agrees_is_silent() {
    let (built, diagnostics) = supplement_build("agreeing.graphql");
    assert!(built.build.diagnostics.is_empty(), "{diagnostics}");
    let out = output(&built);
    assert_eq!(canonicalize(&out.sdl).unwrap().0, out.sdl, "print → parse → print is byte-identical");
    // Nothing is opaque any more (the supplement gave every shape); the mutations page has no
    // queries, so the supplement's query root is the query root.
    assert!(out.sdl.contains("type Query {\n  viewer: String @fromSupplement\n}"), "{}", out.sdl);
    let opaque: Vec<&String> = out.catalog.types.iter().filter(|(_, t)| t.shape == krakengen::types::Shape::Opaque).map(|(n, _)| n).collect();
    assert!(opaque.is_empty(), "{opaque:?}");
}

/// The slice of `sdl` from `type NAME {` to its closing brace.
fn type_block<'s>(sdl: &'s str, name: &str) -> &'s str {
    let start = sdl.find(&format!("type {name} {{")).unwrap_or_else(|| panic!("no type {name} in:\n{sdl}"));
    let end = start + sdl[start..].find("\n}").expect("closing brace") + 2;
    &sdl[start..end]
}

#[test]
fn supplement_fills_the_query_root() {
    let (built, diagnostics) = supplement_build("roots.graphql");
    let out = output(&built);
    assert!(codes(&built.build).iter().all(|c| c.starts_with("Warning")), "{diagnostics}");
    // The roots keep krakengen's names whatever the supplement calls them; every field is marked
    // as the supplement's and keeps its arguments, description and deprecation.
    assert_eq!(
        type_block(&out.sdl, "Query"),
        "type Query {\n  \"\"\"One account by its number.\"\"\"\n  account(accountNumber: String!): Account @fromSupplement\n  \
         viewer: Viewer @deprecated(reason: \"Use `me`. Scheduled for removal on or after 2026-01-01.\") @fromSupplement\n  \
         me: Viewer @fromSupplement\n}"
    );
    assert_eq!(type_block(&out.sdl, "Subscription"), "type Subscription {\n  telemetry(deviceId: ID!): Telemetry @fromSupplement\n}");
    // The types the roots reach are imported whole, through arguments too; an unreached one is not.
    for reached in ["type Account", "enum AccountStatus", "scalar Date", "type Viewer", "type Telemetry"] {
        assert!(out.sdl.contains(reached), "{reached} missing:\n{}", out.sdl);
    }
    assert!(!out.sdl.contains("Unreached") && !out.sdl.contains("QueryRoot"), "{}", out.sdl);
    assert_eq!(canonicalize(&out.sdl).unwrap().0, out.sdl, "print → parse → print is byte-identical");
    // A query written against the supplement's root validates against the model's schema.
    let schema = apollo_compiler::Schema::parse_and_validate(out.sdl.as_str(), "schema.graphql").unwrap();
    let query = "query Me { me { email accounts { number status balance(asOf: \"2026-01-01\") } } account(accountNumber: \"A-1\") { number } }";
    apollo_compiler::ExecutableDocument::parse_and_validate(&schema, query, "q.graphql").unwrap();
}

#[test]
fn a_queries_page_wins_over_the_supplement_query_root() {
    let parsed = parse_rel(&fixture("queries/standard.txt"));
    let path = fixture("supplement/roots.graphql");
    let build = krakengen_tests::schema_with_text(&parsed, "roots.graphql", std::fs::read_to_string(path).unwrap());
    let built = Built { parsed, build };
    let out = output(&built);
    let query = type_block(&out.sdl, "Query");
    assert!(query.contains("account(") && !query.contains("  me:") && !query.contains("@fromSupplement"), "{query}");
    // The page's queries are compared with the supplement's query root, not its mutation root.
    let text = rendered(&built);
    assert!(text.contains("the supplement's `QueryRoot` type has no query"), "{text}");
    assert!(!text.contains("has no mutation"), "{text}");
    // The subscription root, which no page documents, still comes from the supplement.
    assert!(out.sdl.contains("type Subscription {"), "{}", out.sdl);
}

#[test]
fn invalid_supplement_is_an_error_pointing_into_it() {
    let (built, diagnostics) = supplement_build("invalid.graphql");
    assert!(built.build.output.is_none());
    assert!(built.build.diagnostics.iter().all(|d| d.code.starts_with("supplement-")), "{diagnostics}");
    assert!(diagnostics.contains("tests/fixtures/supplement/invalid.graphql:"), "{diagnostics}");
    insta::assert_snapshot!("supplement_invalid_diagnostics", diagnostics);
}

#[test]
fn unreadable_supplement_is_an_error() {
    let parsed = parse_rel(&fixture("supplement/reference.txt"));
    let build = krakengen_tests::schema_with_file(&parsed, &fixture("supplement/does-not-exist.graphql"));
    assert!(build.output.is_none());
    assert!(codes(&build).contains(&"Error supplement-unreadable".to_string()), "{:?}", codes(&build));
}

#[test]
fn supplement_never_overrides_a_declared_field_type() {
    let mut m = mutation("m", "Payload", &[], &[("count", Some("Int!")), ("label", Some("String"))]);
    m.fields[0].provenance = Some(Provenance::Declared);
    let r = reference(vec![m], vec![info("Payload", TypeKind::Object)]);
    // No query root: a supplement of a few types is accepted although it is no complete schema.
    let sup = "type Mutation { m: Payload }\ntype Payload { count: String, label: String! }\n";
    let build = krakengen_tests::schema_with_text(&krakengen_tests::parsed_of(&r), "s.graphql", sup);
    assert_eq!(codes(&build), ["Warning supplement-type-conflict"]);
    let d = &build.diagnostics.0[0];
    assert_eq!((d.span.file, d.span.line), (0, 20), "the diagnostic points at the reference's field");
    assert!(d.message.contains("s.graphql:2:"), "{}", d.message);
    let out = build.output.unwrap();
    let payload = out.schema().get_object("Payload").unwrap();
    assert_eq!(payload.fields["count"].ty.to_string(), "Int!", "the declared type is kept");
    assert_eq!(payload.fields["label"].ty.to_string(), "String!", "an inferred type takes the supplement's nullability");
}

#[test]
fn reserved_and_invalid_names_are_diagnosed_not_emitted() {
    let mut m = mutation("m", "Payload", &[("input", "String"), ("input", "Int")], &[("__typename", Some("String")), ("__secret", None), ("ok", None)]);
    m.fields[1].span = span(30);
    let r = reference(vec![m], vec![info("Payload", TypeKind::Object)]);
    let build = krakengen_tests::schema(&krakengen_tests::parsed_of(&r));
    assert_eq!(codes(&build), ["Warning duplicate-argument", "Warning reserved-field-name"]);
    let out = build.output.unwrap();
    let payload = out.schema().get_object("Payload").unwrap();
    assert_eq!(payload.fields.keys().map(|k| k.as_str()).collect::<Vec<_>>(), ["ok"]);

    let bad = reference(vec![mutation("bad-name", "Payload", &[], &[])], vec![info("Payload", TypeKind::Object)]);
    let build = krakengen_tests::schema(&krakengen_tests::parsed_of(&bad));
    assert!(build.output.is_none());
    assert_eq!(codes(&build), ["Error invalid-name"]);
}

/// Every fixture the parser tests use, malformed ones included, goes through the schema stage
/// without a panic, and whatever output it gives is valid.
#[test]
fn every_fixture_builds_or_is_diagnosed_without_panicking() {
    let mut count = 0;
    for dir in std::fs::read_dir(root().join("tests/fixtures")).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&dir).unwrap() {
            let path = file.unwrap().path();
            if !matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "bin")) {
                continue;
            }
            count += 1;
            let parsed = parse_rel(&path);
            let build = krakengen_tests::schema(&parsed);
            if let Some(out) = build.output {
                Schema::parse_and_validate(out.sdl.as_str(), "schema.graphql")
                    .unwrap_or_else(|e| panic!("{}: {}", path.display(), e.errors));
                let (again, _) = canonicalize(&out.sdl).unwrap();
                assert_eq!(again, out.sdl, "{}", path.display());
            } else {
                assert!(build.diagnostics.has_errors(), "{}: no output and no error", path.display());
            }
        }
    }
    assert!(count >= 10, "only {count} fixtures found");
}

/// The agreeing supplement as users usually have it: the introspection result of that SDL, in both
/// wrappings (`{"data": {"__schema": …}}` and `{"__schema": …}`), derived here from the SDL with
/// apollo-compiler and checked in (`KRAKENGEN_BLESS=1` rewrites them). Each gives exactly the SDL,
/// the catalogue, the diagnostics and the client that the SDL gives.
#[test]
fn introspection_supplements_give_what_their_sdl_gives() {
    let bless = std::env::var_os("KRAKENGEN_BLESS").is_some();
    let sdl = std::fs::read_to_string(fixture("supplement/agreeing.graphql")).unwrap();
    let schema = apollo_compiler::Schema::parse_and_validate(&sdl, "agreeing.graphql").unwrap();
    let wrapped = krakengen::types::introspection::of_schema(&schema);
    let bare = serde_json::json!({"__schema": wrapped["data"]["__schema"]});
    for (name, json) in [("agreeing.introspection.json", &wrapped), ("agreeing.schema.json", &bare)] {
        let path = fixture(&format!("supplement/{name}"));
        let text = serde_json::to_string_pretty(json).unwrap() + "\n";
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            assert!(bless, "{name} is stale; run `KRAKENGEN_BLESS=1 cargo test --test sdl introspection_supplements`");
            std::fs::write(&path, text).unwrap();
        }
    }
    let parsed = parse_rel(&fixture("supplement/reference.txt"));
    let build = |supplement: &str| krakengen_tests::schema_with_file(&parsed, &fixture(supplement));
    let from_sdl = build("supplement/agreeing.graphql");
    let want = from_sdl.output.as_ref().expect("the SDL supplement builds");
    let client = |output: &krakengen_tests::Schema| {
        let options = krakengen::codegen::Options::new("sup");
        krakengen::codegen::Generator::new(output.model(), &options).unwrap().crate_files().unwrap()
    };
    let want_client = client(want);
    for json in ["supplement/agreeing.introspection.json", "supplement/agreeing.schema.json"] {
        let got = build(json);
        assert_eq!(got.diagnostics, from_sdl.diagnostics, "{json}");
        let out = got.output.as_ref().unwrap_or_else(|| panic!("{json} builds"));
        assert_eq!(out.sdl, want.sdl, "{json}");
        assert_eq!(out.metadata_json, want.metadata_json, "{json}");
        assert_eq!(client(out), want_client, "{json}");
    }
}

/// A malformed or partial introspection gets diagnostics at the JSON path and position of each
/// problem, and nothing is built.
#[test]
fn malformed_introspection_is_located() {
    let parsed = parse_rel(&fixture("supplement/reference.txt"));
    let cases = [
        ("no-types", r#"{"data": {"__schema": {"queryType": {"name": "Query"}}}}"#),
        ("disabled", r#"{"data": {"__schema": null}, "errors": [{"message": "introspection is disabled"}]}"#),
        (
            "bad-refs",
            "{\"__schema\": {\"types\": [\n  {\"kind\": \"OBJECT\", \"name\": \"Query\", \"fields\": [\n    {\"name\": \"a\", \"args\": [], \"type\": {\"kind\": \"OBJECT\", \"name\": \"Missing\"}},\n    {\"name\": \"b\", \"args\": [], \"type\": {\"kind\": \"ENUM\", \"name\": \"Query\"}}]},\n  {\"kind\": \"TABLE\", \"name\": \"Odd\"}]}}\n",
        ),
    ];
    let mut rendered = String::new();
    for (name, text) in cases {
        let build = krakengen_tests::schema_with_text(&parsed, format!("{name}.json"), text);
        assert!(build.output.is_none(), "{name}");
        assert!(build.diagnostics.iter().all(|d| d.code == "supplement-introspection-invalid"), "{name}: {:?}", build.diagnostics);
        rendered.push_str(&build.rendered());
    }
    insta::assert_snapshot!(rendered);
}
