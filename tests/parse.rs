//! Parser tests on the vendored reference: the counts the issue requires, the placement of table
//! rows, snapshots of the model for representative mutations, and merging a directory of files.
//!
//! Where a test can, it recovers the expected facts from the raw text by a route independent of
//! the parser (see `raw_blocks`, `raw_rows`), so a parser bug cannot make the test agree with it.

use std::collections::{BTreeMap, BTreeSet};

use krakengen::diag::Severity;
use krakengen::model::{Operation, PermissionExpr, Permissions, Provenance, RatePeriod, Rendering, TypeKind};
use krakengen_tests::{mutation, raw_blocks, span_text, vendored_parsed, vendored_text};
use serde_json::json;

#[test]
fn vendored_reference_has_the_required_counts_and_no_errors() {
    let parsed = vendored_parsed();
    let r = &parsed.reference;
    assert_eq!(r.files[0].rendering, Rendering::Standard);
    assert_eq!(r.operations.len(), 326);
    assert_eq!(r.error_entry_count(), 1311);
    assert_eq!(r.error_codes().len(), 718);
    assert_eq!(parsed.diagnostics.errors(), 0, "{}", parsed.report().render(false));

    // The same numbers straight from the text: every `- KT-..-NNNN: ` line is one error entry.
    let entries: Vec<&str> = vendored_text()
        .lines()
        .filter_map(|l| l.strip_prefix("- KT-"))
        .filter_map(|l| l.split_once(": ").map(|(code, _)| code))
        .collect();
    assert_eq!(entries.len(), r.error_entry_count());
    assert_eq!(entries.iter().collect::<BTreeSet<_>>().len(), r.error_codes().len());
    assert_eq!(raw_blocks(vendored_text()).len(), r.operations.len());
}

#[test]
fn vendored_reference_warnings_are_exactly_the_known_ones() {
    let parsed = vendored_parsed();
    // Nine operations select nothing (`{ }`, only deprecated fields), and `createQuote` selects
    // `errors`, which no row describes. Anything else is a regression.
    let mut got: Vec<(Severity, &str, &str)> = Vec::new();
    for d in parsed.diagnostics.iter() {
        let m = parsed
            .reference
            .operations
            .iter()
            .filter(|m| m.span.offset <= d.span.offset)
            .max_by_key(|m| m.span.offset)
            .expect("every diagnostic lies inside a block");
        got.push((d.severity, d.code.as_str(), m.name.as_str()));
    }
    let empty = [
        "addPortfolioReference",
        "addUserToPortfolio",
        "completeReminder",
        "grantUserAccessToBusiness",
        "registerLeadFlowStatusEvent",
        "registerOpportunityFlowStatusEvent",
        "revokeUserAccessFromBusiness",
        "setPaymentPreference",
        "stopAutomatedPayments",
    ];
    let mut want: Vec<(Severity, &str, &str)> = empty.iter().map(|n| (Severity::Warning, "empty-selection", *n)).collect();
    want.push((Severity::Warning, "unmatched-rows", "createQuote"));
    got.sort();
    want.sort();
    assert_eq!(got, want);
    for name in empty {
        let m = mutation(parsed, name);
        assert!(m.fields.iter().all(|f| !f.selected && f.deprecation.is_some()), "{name}: {:?}", m.fields);
    }
}

/// Lines that end a table section in a standard block.
fn ends_table(line: &str) -> bool {
    matches!(line, "Arguments" | "Return fields" | "Mutation")
}

/// The row lines of a block's table, headers removed.
fn table_body<'a>(block: &[&'a str], header: &str) -> Option<Vec<&'a str>> {
    let start = block.iter().position(|l| *l == header)? + 1;
    Some(
        block[start..]
            .iter()
            .take_while(|l| !ends_table(l))
            .filter(|l| !matches!(**l, "| Name | Description |" | "|---|---|" | "|---|"))
            .copied()
            .collect(),
    )
}

/// The rows of a standard table, read without the parser: a row opens with a lone `|` and its text
/// runs to the first line ending in `|` (a lone `|` when empty); a final lone `|` is an empty last
/// row; a line of text right after an empty row is that row's text (the rendering prints a
/// description whose first line is blank that way).
fn raw_rows(body: &[&str]) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    let mut i = 0;
    let mut after_empty = false;
    while i < body.len() {
        let line = body[i];
        i += 1;
        if line != "|" {
            assert!(after_empty, "unexpected table line `{line}`");
            *rows.last_mut().expect("a row before") = line.to_string();
            after_empty = false;
            continue;
        }
        let mut text = Vec::new();
        while i < body.len() {
            let t = body[i];
            i += 1;
            text.push(t);
            if t.ends_with('|') {
                break;
            }
        }
        let joined = text.join("\n");
        after_empty = joined == "|";
        rows.push(joined);
    }
    rows
}

/// A row's description and the name of the deprecated field it names, if any.
fn row_parts(row: &str) -> (Option<String>, Option<String>) {
    let text = row.strip_suffix('|').unwrap_or(row).trim();
    let (desc, deprecated) = match text.find("Deprecated The '") {
        Some(at) => {
            let rest = &text[at + "Deprecated The '".len()..];
            let name = rest.split_once("' field is deprecated").expect("a complete deprecation sentence").0;
            (&text[..at], Some(name.to_string()))
        }
        None => (text, None),
    };
    // The rendering drops the items of a bullet list that ends a description, leaving a lone `-`.
    let desc = desc.trim();
    let desc = desc.strip_suffix("\n-").unwrap_or(desc).trim();
    ((!desc.is_empty()).then(|| desc.to_string()), deprecated)
}

/// The rule "rows follow the fields' order, case-insensitive alphabetical", checked on every table of
/// the vendored reference: wherever a row names its field (`The 'X' field is deprecated.`), the
/// field at that position must be `X`, and every description must land where the rule puts it.
#[test]
fn table_rows_follow_case_insensitive_field_order() {
    let parsed = vendored_parsed();
    let mut one_to_one = [0usize; 2];
    let mut empty_table = [0usize; 2];
    let mut not_one_to_one = Vec::new();
    let mut deprecated_rows = 0;
    let mut agreeing = 0;
    for (name, block) in raw_blocks(vendored_text()) {
        let m = mutation(parsed, name);
        for (t, header) in ["Arguments", "Return fields"].into_iter().enumerate() {
            let Some(body) = table_body(&block, header) else { continue };
            let rows = raw_rows(&body);
            let items: Vec<(&str, Option<&str>)> = if t == 0 {
                m.arguments.iter().map(|a| (a.name.as_str(), a.description.as_deref())).collect()
            } else {
                m.fields.iter().map(|f| (f.name.as_str(), f.description.as_deref())).collect()
            };
            let mut sorted = items.clone();
            sorted.sort_by_key(|(n, _)| n.to_lowercase());
            if t == 1 {
                assert_eq!(items, sorted, "the fields of `{name}` are kept in table order");
            }
            let matched = rows.len() == items.len();
            if matched {
                one_to_one[t] += 1;
            } else if rows.is_empty() {
                empty_table[t] += 1;
                assert!(items.iter().all(|(_, d)| d.is_none()), "{name}: {items:?}");
            } else {
                not_one_to_one.push(format!("{name} {header}"));
            }
            for (k, row) in rows.iter().enumerate() {
                let (desc, deprecated) = row_parts(row);
                if let Some(x) = &deprecated {
                    deprecated_rows += 1;
                    // Whatever the table, a row naming its field lands on that field.
                    let f = m.fields.iter().find(|f| f.name == *x).unwrap_or_else(|| panic!("{name}: no field `{x}`"));
                    let reason = &f.deprecation.as_ref().unwrap_or_else(|| panic!("{name}.{x} is deprecated")).reason;
                    assert_eq!(reason, &format!("The '{x}' field is deprecated."));
                    assert_eq!(f.description, desc, "{name}.{x}");
                    if matched {
                        assert_eq!(sorted[k].0, x, "row {k} of `{name}` names `{x}` but the order rule gives `{}`", sorted[k].0);
                        agreeing += 1;
                    }
                }
                if matched {
                    assert_eq!(sorted[k].1, desc.as_deref(), "row {k} of {header} of `{name}`");
                }
            }
        }
    }
    eprintln!(
        "one-to-one tables: {} argument, {} return-field; empty tables with names: {:?}; not one-to-one: {:?}; \
         rows naming a deprecated field: {deprecated_rows}, agreeing with the order rule: {agreeing}",
        one_to_one[0], one_to_one[1], empty_table, not_one_to_one
    );
    assert_eq!(one_to_one, [312, 325]);
    // Eleven blocks print an empty Arguments table although the operation passes `input`.
    assert_eq!(empty_table, [11, 0]);
    assert_eq!(not_one_to_one, ["createQuote Return fields"]);
    assert_eq!(deprecated_rows, vendored_text().matches("Deprecated The '").count());
    // Only createQuote's `possibleErrors` row stands in a table that is not one-to-one.
    assert_eq!(agreeing, deprecated_rows - 1);
}

#[test]
fn descriptions_are_the_lines_between_url_and_the_next_section() {
    let parsed = vendored_parsed();
    let mut described = 0;
    for (name, block) in raw_blocks(vendored_text()) {
        let lines: Vec<&str> = block[3..]
            .iter()
            .take_while(|l| !l.starts_with("Query Complexity:"))
            .copied()
            .collect();
        assert!(block[2].starts_with("URL: "), "{name}");
        let want = (!lines.is_empty()).then(|| lines.join("\n"));
        described += usize::from(want.is_some());
        assert_eq!(mutation(parsed, name).description, want, "{name}");
    }
    assert_eq!(described, 326 - 27);
}

#[test]
fn spans_point_at_the_facts_they_locate() {
    let parsed = vendored_parsed();
    for m in &parsed.reference.operations {
        assert_eq!(span_text(parsed, m.span), m.name);
        for e in &m.errors {
            assert_eq!(span_text(parsed, e.span), e.code);
        }
        for r in &m.rate_limits {
            assert_eq!(span_text(parsed, r.span), r.key);
        }
        for a in &m.arguments {
            // The span covers the line of the variable definition, which may hold the whole header.
            assert!(span_text(parsed, a.span).contains(&format!("${}: {}", a.name, a.ty)), "{}.{}", m.name, a.name);
        }
        for f in m.fields.iter().filter(|f| f.selected) {
            assert!(span_text(parsed, f.span).starts_with(&f.name), "{}.{}", m.name, f.name);
        }
    }
}

#[test]
fn representative_facts() {
    let parsed = vendored_parsed();
    let r = &parsed.reference;

    // Several arguments; an enum recognised from an argument's literal value, used on a field.
    let m = mutation(parsed, "generatePreSignedToken");
    let args: Vec<String> = m.arguments.iter().map(|a| format!("{}: {}", a.name, a.ty)).collect();
    assert_eq!(args, ["email: String!", "numberOfDaysAllowed: Int!", "scope: PreSignedTokenScope!"]);
    let scope = m.fields.iter().find(|f| f.name == "scope").expect("scope field");
    assert_eq!(scope.ty.as_ref().map(|t| t.to_string()).as_deref(), Some("PreSignedTokenScope"));
    assert_eq!(scope.provenance, Some(Provenance::Inferred));
    let enum_ = &r.types["PreSignedTokenScope"];
    assert_eq!((enum_.kind, enum_.values.as_slice()), (TypeKind::Enum, ["SUBMIT_METER_READINGS".to_string()].as_slice()));

    // Rate limits with several keys, and `(No)`.
    let m = mutation(parsed, "obtainKrakenToken");
    let limits: Vec<(&str, Vec<(u32, RatePeriod)>)> =
        m.rate_limits.iter().map(|l| (l.key.as_str(), l.steps.iter().map(|s| (s.limit, s.per)).collect())).collect();
    assert_eq!(
        limits,
        [
            ("Email from graphql input fields", vec![(5, RatePeriod::Minute)]),
            ("Failed logins per ip", vec![(3, RatePeriod::Minute)]),
            ("Ip", vec![(10, RatePeriod::Minute)]),
            ("Ip if email or password in input", vec![(10, RatePeriod::Minute)]),
        ]
    );
    assert_eq!(m.permissions, Permissions::Public);

    // A nested permission expression, and an `OR` continuation line.
    let m = mutation(parsed, "createNewAgreementFromProductSwitchProcess");
    let Permissions::Required(e) = &m.permissions else { panic!("{:?}", m.permissions) };
    assert!(matches!(e, PermissionExpr::All(v) if matches!(v[0], PermissionExpr::Any(_))));
    assert_eq!(e.to_string(), "(Can manage account renewals OR Can switch product) AND Can query agreements");
    let Permissions::Required(e) = &mutation(parsed, "createQuote").permissions else { panic!() };
    assert_eq!(e.to_string(), "Can create electricity quote OR Can create gas quote");
    // No section at all is not the same as `(No)`.
    assert_eq!(mutation(parsed, "cancelEnrollment").permissions, Permissions::Unspecified);
    let counts = r.operations.iter().fold(BTreeMap::new(), |mut c, m| {
        *c.entry(match m.permissions {
            Permissions::Unspecified => "unspecified",
            Permissions::Public => "public",
            Permissions::Required(_) => "required",
        })
        .or_insert(0) += 1;
        c
    });
    let text = vendored_text();
    assert_eq!(counts["public"], text.matches("Required Permissions:\n(No)\n").count());
    assert_eq!(counts["public"] + counts["required"], text.matches("\nRequired Permissions:\n").count());

    // A deprecated mutation.
    let d = mutation(parsed, "createAccountReminder").deprecation.as_ref().expect("deprecated");
    assert!(d.reason.starts_with("The 'createAccountReminder' field is deprecated.\nThis mutation rely"), "{}", d.reason);
    assert_eq!((d.marked.as_deref(), d.removal.as_deref(), d.link.as_deref()), (Some("2024-11-14"), Some("2025-04-16"), None));
    let d = mutation(parsed, "deauthenticateDevice").deprecation.as_ref().expect("deprecated");
    assert_eq!(d.link.as_deref(), Some("https://announcements.kraken.tech/announcements/public/606/"));
    assert_eq!(r.operations.iter().filter(|m| m.deprecation.is_some()).count(), text.matches("\nDeprecated\n").count());

    // Deprecated fields the operation omits.
    let m = mutation(parsed, "resetUserPassword");
    let fields: Vec<(&str, bool, bool)> = m.fields.iter().map(|f| (f.name.as_str(), f.selected, f.deprecation.is_some())).collect();
    assert_eq!(
        fields,
        [("failureCodes", false, true), ("failureReasons", false, true), ("passwordUpdated", false, true), ("userId", true, false)]
    );
    let m = mutation(parsed, "instigateLeaveSupplier");
    assert!(m.fields.iter().any(|f| f.name == "leaveSupplierProcessId" && !f.selected && f.deprecation.is_some()));

    // Union returns and abstract fields.
    assert_eq!(mutation(parsed, "linkUserToLine").union_members, ["AlreadyLinkedError", "LineLinkRedirectResponse", "LinkTokenNotFound"]);
    assert_eq!(r.types["LinkUserToLineResponse"].kind, TypeKind::Union);
    let f = &mutation(parsed, "cancelEnrollment").fields[0];
    let synthetic = &r.types[f.ty.as_ref().expect("typed").base()];
    assert!(synthetic.synthetic && synthetic.kind == TypeKind::Union);
    assert_eq!(synthetic.members, ["JoinSupplierProcessType", "OccupyPropertyProcessType"]);

    // An empty Arguments table with an argument keeps the argument and invents no description.
    let m = mutation(parsed, "closeInkLiveChat");
    assert_eq!(m.arguments.len(), 1);
    assert_eq!((m.arguments[0].ty.to_string(), m.arguments[0].description.as_deref()), ("CloseInkLiveChaConversationtInput".to_string(), None));

    // createQuote: the row that names its field is placed; the other cannot be, and is dropped.
    let m = mutation(parsed, "createQuote");
    let fields: Vec<(&str, Option<&str>, Option<String>)> =
        m.fields.iter().map(|f| (f.name.as_str(), f.description.as_deref(), f.ty.as_ref().map(|t| t.to_string()))).collect();
    assert_eq!(
        fields,
        [
            ("errors", None, Some("[SerializerFieldErrorsType]".to_string())),
            ("possibleErrors", Some("Field with the possible errors of the query/mutation."), None),
            ("quote", None, Some("QuoteType".to_string())),
        ]
    );
}

/// The model of one mutation plus every type it names, for a snapshot.
fn view(name: &str) -> serde_json::Value {
    let r = &vendored_parsed().reference;
    let m: &Operation = r.operation(name).expect("mutation exists");
    let mut names = BTreeSet::new();
    names.insert(m.return_type.base().to_string());
    names.extend(m.arguments.iter().map(|a| a.ty.base().to_string()));
    names.extend(m.fields.iter().filter_map(|f| f.ty.as_ref()).map(|t| t.base().to_string()));
    names.extend(m.union_members.iter().cloned());
    let types: BTreeMap<&String, _> = names.iter().filter_map(|n| r.types.get_key_value(n)).collect();
    json!({ "mutation": m, "types": types })
}

macro_rules! model_snapshot {
    ($test:ident, $name:literal) => {
        #[test]
        fn $test() {
            insta::assert_json_snapshot!($name, view($name));
        }
    };
}

// Single `input` argument.
model_snapshot!(snapshot_accept_goods_quote, "acceptGoodsQuote");
// Several arguments; an enum inferred from a literal argument value.
model_snapshot!(snapshot_generate_pre_signed_token, "generatePreSignedToken");
// A field whose type is abstract: its members appear only as inline fragments.
model_snapshot!(snapshot_cancel_enrollment, "cancelEnrollment");
// A union return.
model_snapshot!(snapshot_link_user_to_line, "linkUserToLine");
// A deprecated mutation.
model_snapshot!(snapshot_create_account_reminder, "createAccountReminder");
// Deprecated fields omitted from the operation.
model_snapshot!(snapshot_reset_user_password, "resetUserPassword");
// Rate limits with several keys; `(No)` permissions.
model_snapshot!(snapshot_obtain_kraken_token, "obtainKrakenToken");
// A nested permission expression.
model_snapshot!(snapshot_create_new_agreement_from_product_switch_process, "createNewAgreementFromProductSwitchProcess");
// An empty Arguments table although the operation passes an argument.
model_snapshot!(snapshot_close_ink_live_chat, "closeInkLiveChat");
// A return-fields table that does not match the operation one to one.
model_snapshot!(snapshot_create_quote, "createQuote");

/// `DOCS` may be a directory: its `.txt` files are merged in name order, and a mutation defined
/// again is reported, the first definition (in name order) kept.
#[test]
fn a_directory_is_merged_in_name_order_with_conflicts_reported() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let blocks = raw_blocks(vendored_text());
    let text = |range: std::ops::Range<usize>| blocks[range].iter().map(|(_, l)| l.join("\n") + "\n").collect::<String>();
    // `b.txt` sorts after `a.txt` although it is written first; its `acceptGoodsQuote` returns
    // another type, which conflicts with the one in `a.txt`.
    let conflicting = text(0..1).replace("Type: AcceptGoodsQuote\n", "Type: SomethingElse!\n");
    std::fs::write(dir.path().join("b.txt"), conflicting + &text(3..5)).unwrap();
    std::fs::write(dir.path().join("a.txt"), text(0..3)).unwrap();
    std::fs::write(dir.path().join("notes.md"), "not a reference").unwrap();
    let parsed = krakengen::parse::parse_path(dir.path()).expect("the directory loads");

    let files: Vec<String> = parsed.reference.files.iter().map(|f| f.path.rsplit('/').next().unwrap_or("").to_string()).collect();
    assert_eq!(files, ["a.txt", "b.txt"]);
    let names: Vec<&str> = parsed.reference.operations.iter().map(|m| m.name.as_str()).collect();
    let want: Vec<&str> = blocks[0..5].iter().map(|(n, _)| *n).collect();
    assert_eq!(names, want);
    let kept = mutation(&parsed, "acceptGoodsQuote");
    assert_eq!((kept.span.file, kept.return_type.to_string()), (0, "AcceptGoodsQuote".to_string()));
    assert_eq!(mutation(&parsed, blocks[4].0).span.file, 1);

    let diags: Vec<_> = parsed.diagnostics.iter().map(|d| (d.severity, d.code.as_str(), d.span.file, d.span.line)).collect();
    assert_eq!(diags, [(Severity::Error, "conflicting-mutation", 1, 1)]);
    let rendered = parsed.report().render(false);
    assert!(rendered.contains("b.txt:1:1"), "{rendered}");
    let (a, b) = (parsed.reference.files[0].path.as_str(), parsed.reference.files[1].path.as_str());
    let both = format!("operation `acceptGoodsQuote` is defined differently at {a}:1 and at {b}:1; remove the definition that is out of date");
    assert_eq!(parsed.diagnostics.iter().next().map(|d| d.message.as_str()), Some(both.as_str()));

    // The same block twice is a duplicate, not a conflict.
    std::fs::write(dir.path().join("c.txt"), text(1..2)).unwrap();
    let parsed = krakengen::parse::parse_path(dir.path()).expect("the directory loads");
    let codes: Vec<_> = parsed.diagnostics.iter().map(|d| (d.code.as_str(), d.span.file)).collect();
    assert_eq!(codes, [("conflicting-mutation", 1), ("duplicate-mutation", 2)]);
    let repeat = parsed.diagnostics.iter().find(|d| d.code == "duplicate-mutation").unwrap();
    assert_eq!(repeat.severity, Severity::Warning);
    let first = mutation(&parsed, blocks[1].0).span;
    assert!(repeat.message.contains(&format!("as at {}:{}", parsed.reference.files[0].path, first.line)), "{}", repeat.message);

    // A directory with no reference files is an error, not an empty model.
    let empty = tempfile::tempdir().expect("a temporary directory");
    assert!(krakengen::parse::parse_path(empty.path()).is_err());
}

/// Every field name `krakengen parse --format json` prints, and every value of a `kind` or enum
/// field, is documented in `docs/model.md`.
#[test]
fn every_json_field_name_is_documented() {
    let docs = std::fs::read_to_string(krakengen_tests::root().join("docs/model.md")).expect("docs/model.md");
    let mut reference = vendored_parsed().reference.clone();
    // Add the renderings, so values only they produce are covered too.
    for f in ["compact/basic.txt", "rich/basic.txt"] {
        reference.files.extend(krakengen_tests::parse_rel(&krakengen_tests::fixture(f)).reference.files);
    }
    let json = serde_json::to_value(&reference).expect("serialisable");
    let mut names = BTreeSet::new();
    fn walk(v: &serde_json::Value, in_types: bool, names: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::Object(o) => {
                for (k, v) in o {
                    // The keys of `types` are type names, not field names.
                    if !in_types {
                        names.insert(k.clone());
                    }
                    if matches!(k.as_str(), "kind" | "rendering" | "provenance" | "return_type_provenance" | "per") {
                        if let Some(s) = v.as_str() {
                            names.insert(s.to_string());
                        }
                    }
                    walk(v, k == "types" && !in_types, names);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, false, names)),
            _ => {}
        }
    }
    walk(&json, false, &mut names);
    let missing: Vec<&String> = names.iter().filter(|n| !docs.contains(&format!("`{n}`")) && !docs.contains(&format!("`\"{n}\"`"))).collect();
    assert!(names.len() > 40, "{names:?}");
    assert!(missing.is_empty(), "not documented in docs/model.md: {missing:?}");
}

/// The plain operation reader (the fast path) reads every vendored operation, and gives exactly
/// what graphql-parser gives.
#[test]
fn plain_operation_reader_reads_every_vendored_operation_as_graphql_parser_does() {
    use krakengen::parse::operation::{parse_general, parse_plain};
    for m in &vendored_parsed().reference.operations {
        let text = &m.example.operation;
        let plain = parse_plain(text).unwrap_or_else(|| panic!("the plain reader gives up on `{}`", m.name));
        let general = parse_general(text).unwrap_or_else(|e| panic!("{}: {}", m.name, e.message));
        assert_eq!(plain, general, "{}", m.name);
    }
}
