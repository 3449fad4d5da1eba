//! `krakengen lint`: the fixtures of `tests/fixtures/lint` in the three formats, positions that
//! point at what they name, and the same findings wherever a document is embedded.

use krakengen::lint::{self, FailOn, Input, Kind};

/// The day of the fixtures: after `createAccountReminder`'s removal date (2025-04-16) and before
/// `startTestChargeForSmartFlexOnboarding`'s (2026-10-03).
const TODAY: &str = "2026-06-01";

fn schema() -> &'static apollo_compiler::validation::Valid<apollo_compiler::Schema> {
    krakengen_tests::vendored_loaded().model().schema()
}

/// The fixtures, read as `krakengen lint` reads a directory, with paths relative to the root.
fn fixtures() -> Vec<Input> {
    let dir = krakengen_tests::fixture("lint");
    let mut inputs = lint::read_documents(&[&dir]).expect("the fixtures read");
    for i in &mut inputs {
        i.path = std::path::Path::new(&i.path).strip_prefix(krakengen_tests::root()).unwrap().display().to_string();
    }
    inputs
}

fn kinds(report: &lint::Report) -> Vec<(String, Kind)> {
    report.findings.iter().map(|f| (format!("{}:{}", f.file.rsplit('/').next().unwrap(), f.line), f.kind)).collect()
}

#[test]
fn fixtures_in_every_format() {
    let inputs = fixtures();
    // The README of the folder is not a document; every source file is.
    let names: Vec<&str> = inputs.iter().map(|i| i.path.rsplit('/').next().unwrap()).collect();
    assert_eq!(names, ["client.go", "client.py", "client.rs", "client.ts", "fragments.graphql", "operations.graphql"]);
    let report = lint::lint(schema(), &inputs, TODAY);
    insta::assert_snapshot!("lint_text", lint::render::text(&report));
    insta::assert_snapshot!("lint_json", lint::render::json(&report));
    insta::assert_snapshot!("lint_markdown", lint::render::markdown(&report));
    let found = kinds(&report);
    for expected in [
        ("operations.graphql:13", Kind::Removed),
        ("operations.graphql:20", Kind::Removed),
        ("operations.graphql:22", Kind::Removed),
        ("operations.graphql:28", Kind::Overdue),
        ("operations.graphql:34", Kind::Deprecated),
        ("operations.graphql:41", Kind::Invalid),
        ("operations.graphql:48", Kind::Unchecked),
        ("client.py:24", Kind::Removed),
        ("client.ts:11", Kind::Removed),
        ("client.rs:4", Kind::Overdue),
        ("client.go:9", Kind::Invalid),
    ] {
        assert!(found.contains(&(expected.0.to_string(), expected.1)), "{expected:?} not in {found:?}");
    }
    // The valid operations (Login twice, AcceptQuote, Refresh's fragment) have no finding, and
    // the unused-variable error of a removed mutation is not reported.
    for quiet in ["operations.graphql:5", "operations.graphql:6", "client.py:6", "client.go:5", "operations.graphql:12"] {
        assert!(!found.iter().any(|(at, _)| at == quiet), "{quiet} in {found:?}");
    }
    // The JSON is the documented shape.
    let json: serde_json::Value = serde_json::from_str(&lint::render::json(&report)).unwrap();
    let first = &json["findings"][0];
    for key in ["file", "line", "column", "operation", "kind", "message"] {
        assert!(first.get(key).is_some(), "{key} missing in {first}");
    }
    let login = json["summary"]["operations"].as_array().unwrap().iter().find(|o| o["operation"] == "Login").unwrap();
    assert_eq!(login["fields"][0]["name"], "obtainKrakenToken");
    assert!(login["fields"][0]["errors"].as_array().unwrap().iter().any(|c| c == "KT-CT-1134"), "{login}");
    assert_eq!(json["summary"]["documents"], 9);
}

#[test]
fn thresholds() {
    let report = lint::lint(schema(), &fixtures(), TODAY);
    assert!(report.fails(FailOn::Error));
    let only = |keep: &[Kind]| lint::Report {
        findings: report.findings.iter().filter(|f| keep.contains(&f.kind)).cloned().collect(),
        summary: report.summary.clone(),
    };
    let deprecated = only(&[Kind::Deprecated, Kind::Unchecked]);
    assert!(!deprecated.fails(FailOn::Error) && !deprecated.fails(FailOn::Overdue) && deprecated.fails(FailOn::Deprecated));
    let overdue = only(&[Kind::Overdue]);
    assert!(!overdue.fails(FailOn::Error) && overdue.fails(FailOn::Overdue) && overdue.fails(FailOn::Deprecated));
    assert!(!only(&[Kind::Unchecked]).fails(FailOn::Deprecated));
    // Before every removal date, nothing is overdue.
    assert!(!lint::lint(schema(), &fixtures(), "2000-01-01").findings.iter().any(|f| f.kind == Kind::Overdue));
}

/// The identifier a finding's message names as the thing at its position.
fn named(message: &str) -> Option<&str> {
    let after = |pat: &str| message.find(pat).map(|i| &message[i + pat.len()..]).and_then(|r| r.split('`').next());
    for pat in ["has no field `", "has no argument `", "the mutation `", "the query `", "argument `"] {
        if let Some(n) = after(pat) {
            return Some(n);
        }
    }
    if message.starts_with("krakengen does not know the fields of `") && message.contains(", so `") {
        return after(", so `");
    }
    let coordinate = message.strip_prefix('`')?.split('`').next()?;
    Some(coordinate.rsplit('.').next().unwrap())
}

#[test]
fn positions_point_at_what_the_finding_names() {
    let inputs = fixtures();
    let report = lint::lint(schema(), &inputs, TODAY);
    let mut checked = 0;
    // apollo-compiler's messages are its own; the walk's name what they point at.
    for f in report.findings.iter().filter(|f| f.kind != Kind::Invalid) {
        let Some(name) = named(&f.message) else { continue };
        if f.message.contains("is a str.format template") || f.message.contains("of the input") {
            continue;
        }
        let text = &inputs.iter().find(|i| i.path == f.file).unwrap().text;
        let line = text.lines().nth(f.line as usize - 1).unwrap();
        let at: String = line.chars().skip(f.column as usize - 1).collect();
        assert!(at.starts_with(name), "{}:{}:{} should point at `{name}`: {at:?} ({})", f.file, f.line, f.column, f.message);
        checked += 1;
    }
    assert!(checked >= 12, "only {checked} findings checked");
}

/// A small deterministic generator, so a failure reproduces.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// Every example operation of the vendored reference, linted as a `.graphql` file and embedded in
/// each host language after a random number of lines that hold quotes and comments: the findings
/// are the same, their lines shifted by the lines before the document.
#[test]
fn embedded_documents_have_the_findings_of_graphql_files() {
    let loaded = krakengen_tests::vendored_loaded();
    let mut rng = Lcg(7);
    let mut compared = 0;
    let mut with_findings = 0;
    for op in loaded.model().operations() {
        let doc = op.example.operation.trim();
        // A literal counts as GraphQL only when it parses, so a document with a syntax error
        // (a few examples of the reference have one) is a finding in a `.graphql` file alone.
        if doc.is_empty() || apollo_compiler::ast::Document::parse(doc, "op.graphql").is_err() {
            continue;
        }
        let plain = lint::lint(schema(), &[Input { path: "op.graphql".into(), text: doc.to_string() }], TODAY);
        if plain.summary.documents == 0 {
            continue;
        }
        let junk_lines = rng.below(4) as u32;
        let junk: String = (0..junk_lines).map(|i| format!("x{i} = 1  # it's \"quoted\" `here`\n")).collect();
        let hosts: Vec<(&str, String, u32)> = vec![
            ("a.py", format!("{junk}Q = '''\n{doc}\n'''\n"), junk_lines + 1),
            ("a.ts", format!("{}const Q = gql`\n{doc}\n`;\n", junk.replace('#', "//").replace('`', "'")), junk_lines + 1),
            ("a.go", format!("package a\n{}const q = `\n{doc}\n`\n", junk.replace('#', "//").replace('`', "'")), junk_lines + 2),
            ("a.rs", format!("{}const Q: &str = r#\"\n{doc}\n\"#;\n", junk.replace('#', "//")), junk_lines + 1),
        ];
        for (path, text, shift) in hosts {
            // A document holding its host's closing quote cannot be written in it.
            let unwritable = match path {
                "a.py" => doc.contains("'''") || doc.contains("{{"),
                "a.ts" => doc.contains('`') || doc.contains("${"),
                "a.go" => doc.contains('`'),
                _ => doc.contains("\"#"),
            };
            if unwritable {
                continue;
            }
            let embedded = lint::lint(schema(), &[Input { path: path.into(), text }], TODAY);
            let expect: Vec<_> = plain.findings.iter().map(|f| (f.line + shift, f.column, f.kind, &f.message, &f.operation)).collect();
            let got: Vec<_> = embedded.findings.iter().map(|f| (f.line, f.column, f.kind, &f.message, &f.operation)).collect();
            assert_eq!(got, expect, "{} in {path}", op.name);
            compared += 1;
        }
        with_findings += usize::from(!plain.findings.is_empty());
    }
    assert!(compared >= 4 * 300, "only {compared} comparisons");
    assert!(with_findings > 50, "the examples should exercise findings: {with_findings}");
}

/// A newer reference without three mutations of the vendored one: `removed` says what the vendored
/// (previous) reference's deprecation named instead, or that it had no deprecation; a name neither
/// reference has keeps its "did you mean".
#[test]
fn removed_operations_name_the_previous_references_replacement() {
    use krakengen_tests::edits::{apply, Edit};
    let newer = apply(
        krakengen_tests::vendored_text(),
        &[Edit::DropMutation("suspendControl"), Edit::DropMutation("updateUserDetails"), Edit::DropMutation("createQuote")],
    );
    let newer = krakengen::Pipeline::new("oees").reference_text("newer.txt", &newer).load().expect("the newer reference loads");
    let doc = "mutation Suspend($input: AccountNumberInput) {\n  suspendControl(input: $input) { __typename }\n}\n\
               mutation Details { updateUserDetails { __typename } }\n\
               mutation Quote($input: CreateQuoteInput!) { createQuote(input: $input) { __typename } }\n\
               mutation Typo { acceptGoodsQoute { __typename } }\n";
    let inputs = [Input { path: "ops.graphql".into(), text: doc.into() }];
    let report = lint::lint_since(newer.model().schema(), Some(schema()), &inputs, TODAY);
    let removed: Vec<(u32, u32, &str, Option<&str>)> =
        report.findings.iter().filter(|f| f.kind == Kind::Removed).map(|f| (f.line, f.column, f.message.as_str(), f.replacement.as_deref())).collect();
    assert_eq!(
        removed,
        [
            (2, 3, "the mutation `suspendControl` is not in the schema; the previous reference deprecated it for `updateDeviceSmartControl`", Some("updateDeviceSmartControl")),
            (4, 20, "the mutation `updateUserDetails` is not in the schema; the previous reference deprecated it for `updateUser`", Some("updateUser")),
            (5, 45, "the mutation `createQuote` is not in the schema; the previous reference had it, without a deprecation", None),
            (6, 17, "the mutation `acceptGoodsQoute` is not in the schema (did you mean `acceptGoodsQuote`?)", None),
        ]
    );
    // Without the previous reference, only the closest names are offered.
    let alone = lint::lint(newer.model().schema(), &inputs, TODAY);
    let first = alone.findings.iter().find(|f| f.kind == Kind::Removed).unwrap();
    assert!(!first.message.contains("previous") && first.replacement.is_none(), "{first:?}");
    // The JSON carries the replacement.
    let json: serde_json::Value = serde_json::from_str(&lint::render::json(&report)).unwrap();
    assert_eq!(json["findings"][0]["replacement"], "updateDeviceSmartControl");
    assert!(json["findings"].as_array().unwrap().iter().filter(|f| f.get("replacement").is_some()).count() == 2);
}
