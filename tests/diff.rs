//! `krakengen diff`: one fixture pair per kind of change, reported in the three formats and
//! snapshotted; edits applied to the vendored reference reported exactly, and nothing else.
//!
//! Each pair is the fixture `tests/fixtures/diff/base.txt` and the same page with edits applied by
//! [`krakengen_tests::edits`] (a republished page changes a few lines, which is what the edits do),
//! with an optional supplement on each side for the facts only a schema states.

use std::collections::BTreeSet;

use krakengen::diff::{self, Class, DiffReport};
use krakengen_tests::edits::{apply, Edit};

/// The day of the fixture pairs: before the base page's one scheduled removal (2026-01-16), so only a
/// pair that moves it closer has an overdue operation.
const TODAY: &str = "2026-01-01";

fn base() -> String {
    std::fs::read_to_string(krakengen_tests::fixture("diff/base.txt")).unwrap()
}

/// One side, loaded as `krakengen diff` loads it.
fn side(name: &str, text: &str, supplement: Option<&str>) -> krakengen::pipeline::Loaded {
    let pipeline = krakengen::Pipeline::new("kraken").reference_text(name, text);
    let pipeline = match supplement {
        Some(s) => pipeline.supplement_text(format!("{name}.graphql"), s),
        None => pipeline,
    };
    pipeline.load().unwrap_or_else(|failure| panic!("{failure}"))
}

fn compare(old: &str, new: &str, old_supplement: Option<&str>, new_supplement: Option<&str>) -> DiffReport {
    let (old, new) = (side("old.txt", old, old_supplement), side("new.txt", new, new_supplement));
    assert!(old.diff_side().surface.is_some() && new.diff_side().surface.is_some(), "both sides generate");
    old.diff(&new, TODAY)
}

/// The (class, kind, path) of every change, for exact comparisons.
fn facts(report: &DiffReport) -> BTreeSet<(Class, &'static str, String)> {
    report.changes.iter().map(|c| (c.class, c.kind.as_str(), c.path.clone())).collect()
}

/// Expected [`facts`], written as literals.
fn expected<'k>(changes: &[(Class, &'k str, &str)]) -> BTreeSet<(Class, &'k str, String)> {
    changes.iter().map(|&(c, k, p)| (c, k, p.to_string())).collect()
}

const SCOPE_2: &str = "enum PreSignedTokenScope { SUBMIT_METER_READINGS MANAGE_ACCOUNT }";
const SCOPE_3: &str = "enum PreSignedTokenScope { SUBMIT_METER_READINGS MANAGE_ACCOUNT VIEW_BILLS }";
const INPUT_1: &str = "input AcceptGoodsQuoteInput { quoteId: ID! note: String }";
const INPUT_REQUIRED: &str = "input AcceptGoodsQuoteInput { quoteId: ID! note: String accountNumber: String! }";
const INPUT_OPTIONAL: &str = "input AcceptGoodsQuoteInput { quoteId: ID! note: String reference: String }";

const DROP_DAYS: [Edit<'static>; 3] = [
    Edit::DropLines { mutation: "generatePreSignedToken", first: "$numberOfDaysAllowed: Int!,", count: 1 },
    Edit::DropLines { mutation: "generatePreSignedToken", first: "numberOfDaysAllowed: $numberOfDaysAllowed,", count: 1 },
    Edit::DropRow { mutation: "generatePreSignedToken", description: "The number of days that the token will be available for authentication (From now on)." },
];

const ADD_FLAG: [Edit<'static>; 3] = [
    // Rows come in argument order, so `flag`'s row goes between `email`'s and `numberOfDaysAllowed`'s.
    Edit::Replace { mutation: "generatePreSignedToken", from: "The number of days", to: "Whether to flag the token. |\n|\nThe number of days" },
    Edit::Replace { mutation: "generatePreSignedToken", from: "$scope: PreSignedTokenScope!", to: "$scope: PreSignedTokenScope!,\n$flag: Boolean" },
    Edit::Replace { mutation: "generatePreSignedToken", from: "scope: $scope", to: "scope: $scope,\nflag: $flag" },
];

const DROP_OCCUPY: [Edit<'static>; 1] =
    [Edit::DropLines { mutation: "cancelEnrollment", first: "... on OccupyPropertyProcessType {", count: 3 }];

const DEPRECATE: [Edit<'static>; 1] = [Edit::Replace {
    mutation: "acceptGoodsQuote",
    from: "Arguments",
    to: "Deprecated\nThe 'acceptGoodsQuote' field is deprecated.\nPlease use 'acceptQuote' instead.\n- Marked as deprecated on 2026-11-01.\n- Scheduled for removal on or after 2027-03-01.\nArguments",
}];

/// One fixture pair: the edits that make OLD and NEW from the base page, and their supplements.
struct Case {
    name: &'static str,
    old: &'static [Edit<'static>],
    new: &'static [Edit<'static>],
    old_supplement: Option<&'static str>,
    new_supplement: Option<&'static str>,
    /// The changes the pair must report, exactly.
    expect: &'static [(Class, &'static str, &'static str)],
}

const fn case(name: &'static str, old: &'static [Edit<'static>], new: &'static [Edit<'static>], expect: &'static [(Class, &'static str, &'static str)]) -> Case {
    Case { name, old, new, old_supplement: None, new_supplement: None, expect }
}

const fn supplemented(name: &'static str, old: &'static str, new: &'static str, expect: &'static [(Class, &'static str, &'static str)]) -> Case {
    Case { name, old: &[], new: &[], old_supplement: Some(old), new_supplement: Some(new), expect }
}

use Class::{Breaking, Dangerous, Safe};

const CASES: &[Case] = &[
    case("identical", &[], &[], &[]),
    // The payload, the input and a type only they reached go with the operation, as one change.
    case("operation_removed", &[], &[Edit::DropMutation("acceptGoodsQuote")], &[
        (Breaking, "operation-removed", "Mutation.acceptGoodsQuote"),
    ]),
    case("operation_added", &[Edit::DropMutation("acceptGoodsQuote")], &[], &[
        (Safe, "operation-added", "Mutation.acceptGoodsQuote"),
        (Safe, "type-added", "AcceptGoodsQuote"),
        (Safe, "type-added", "AcceptGoodsQuoteInput"),
        (Safe, "type-added", "GoodsPurchase"),
    ]),
    case("argument_removed", &[], &DROP_DAYS, &[
        (Breaking, "argument-removed", "Mutation.generatePreSignedToken(numberOfDaysAllowed:)"),
    ]),
    case("argument_added_required", &DROP_DAYS, &[], &[
        (Breaking, "argument-added-required", "Mutation.generatePreSignedToken(numberOfDaysAllowed:)"),
    ]),
    case("argument_added_optional", &[], &ADD_FLAG, &[
        (Dangerous, "argument-added-optional", "Mutation.generatePreSignedToken(flag:)"),
    ]),
    case("argument_type_changed", &[], &[Edit::SetArgumentType { mutation: "generatePreSignedToken", argument: "email", ty: "ID!" }], &[
        (Breaking, "argument-type-changed", "Mutation.generatePreSignedToken(email:)"),
    ]),
    case("argument_type_relaxed", &[], &[Edit::SetArgumentType { mutation: "generatePreSignedToken", argument: "email", ty: "String" }], &[
        (Safe, "argument-type-changed", "Mutation.generatePreSignedToken(email:)"),
    ]),
    supplemented("enum_value_added", SCOPE_2, SCOPE_3, &[(Dangerous, "enum-value-added", "PreSignedTokenScope.VIEW_BILLS")]),
    supplemented("enum_value_removed", SCOPE_3, SCOPE_2, &[(Breaking, "enum-value-removed", "PreSignedTokenScope.VIEW_BILLS")]),
    case("union_member_removed", &[], &DROP_OCCUPY, &[
        (Dangerous, "union-member-removed", "EnrollmentCancelledEnrollmentProcess"),
        (Dangerous, "type-removed", "OccupyPropertyProcessType"),
    ]),
    case("union_member_added", &DROP_OCCUPY, &[], &[
        (Dangerous, "union-member-added", "EnrollmentCancelledEnrollmentProcess"),
        (Safe, "type-added", "OccupyPropertyProcessType"),
    ]),
    supplemented("input_field_added_required", INPUT_1, INPUT_REQUIRED, &[
        (Breaking, "input-field-added-required", "AcceptGoodsQuoteInput.accountNumber"),
    ]),
    supplemented("input_field_added_optional", INPUT_1, INPUT_OPTIONAL, &[
        (Dangerous, "input-field-added-optional", "AcceptGoodsQuoteInput.reference"),
    ]),
    supplemented("input_field_removed", INPUT_REQUIRED, INPUT_1, &[
        (Breaking, "input-field-removed", "AcceptGoodsQuoteInput.accountNumber"),
    ]),
    case("permission_added", &[], &[Edit::SetPermissions { mutation: "acceptGoodsQuote", permissions: "Can manage goods purchases AND Can query accounts" }], &[
        (Breaking, "permissions-tightened", "Mutation.acceptGoodsQuote"),
    ]),
    case("permission_alternative_removed", &[Edit::SetPermissions { mutation: "acceptGoodsQuote", permissions: "Can manage goods purchases OR Can query accounts" }], &[], &[
        (Breaking, "permissions-tightened", "Mutation.acceptGoodsQuote"),
    ]),
    case("permission_loosened", &[Edit::SetPermissions { mutation: "acceptGoodsQuote", permissions: "Can manage goods purchases AND Can query accounts" }], &[], &[
        (Safe, "permissions-loosened", "Mutation.acceptGoodsQuote"),
    ]),
    case("rate_limit_tightened", &[], &[Edit::SetRateSteps { mutation: "deauthenticateDevice", key: "User", steps: "['100/h', '5/m']" }], &[
        (Dangerous, "rate-limit-tightened", "Mutation.deauthenticateDevice"),
    ]),
    case("rate_limit_loosened", &[Edit::SetRateSteps { mutation: "deauthenticateDevice", key: "User", steps: "['100/h']" }], &[], &[
        (Safe, "rate-limit-loosened", "Mutation.deauthenticateDevice"),
    ]),
    case("error_code_added", &[], &[Edit::AddErrorCode { mutation: "acceptGoodsQuote", code: "KT-CT-8299", message: "Quote expired." }], &[
        (Dangerous, "error-code-added", "Mutation.acceptGoodsQuote"),
    ]),
    case("error_code_removed", &[], &[Edit::DropErrorCode { mutation: "acceptGoodsQuote", code: "KT-CT-8224" }], &[
        (Safe, "error-code-removed", "Mutation.acceptGoodsQuote"),
    ]),
    case("complexity_raised", &[], &[Edit::SetComplexity { mutation: "acceptGoodsQuote", complexity: 8 }], &[
        (Dangerous, "complexity-raised", "Mutation.acceptGoodsQuote"),
    ]),
    case("deprecation_added", &[], &DEPRECATE, &[(Safe, "deprecation-added", "Mutation.acceptGoodsQuote")]),
    case("deprecation_removed", &DEPRECATE, &[], &[(Safe, "deprecation-removed", "Mutation.acceptGoodsQuote")]),
    case("removal_moved_closer", &[], &[Edit::Replace { mutation: "deauthenticateDevice", from: "on or after 2026-01-16", to: "on or after 2025-11-01" }], &[
        (Dangerous, "removal-moved-closer", "Mutation.deauthenticateDevice"),
    ]),
    case("description_changed", &[], &[Edit::Replace { mutation: "acceptGoodsQuote", from: "Accept a goods quote.", to: "Accept a quote for goods." }], &[
        (Safe, "description-changed", "Mutation.acceptGoodsQuote"),
    ]),
];

/// A type two removed operations reached is a change of its own; what only one reached goes with it.
#[test]
fn a_type_two_removed_operations_shared_stays_its_own_change() {
    let text = &base();
    let edited = apply(text, &[Edit::DropMutation("acceptGoodsQuote"), Edit::DropMutation("deauthenticateDevice")]);
    let shared = "input AcceptGoodsQuoteInput { quoteId: ID! note: Note } input DeAuthenticationInput { deviceId: ID note: Note } input Note { text: String }";
    let report = compare(text, &edited, Some(shared), None);
    let removed: Vec<&diff::Change> = report.changes.iter().filter(|c| c.kind == "operation-removed").collect();
    assert_eq!(removed.len(), 2, "{}", diff::render::text(&report, diff::render::Style::default()));
    let note = report.changes.iter().filter(|c| c.kind == "type-removed" && c.path == "Note").count();
    assert_eq!(note, 1, "{}", diff::render::text(&report, diff::render::Style::default()));
    for c in removed {
        assert!(!c.with.contains(&"Note".to_string()), "{:?}", c.with);
        assert!(!c.with.is_empty() && c.message.contains("taking along"), "{c:?}");
    }
}

#[test]
fn each_fixture_pair_reports_its_change_in_three_formats() {
    let base = base();
    for case in CASES {
        let (old, new) = (apply(&base, case.old), apply(&base, case.new));
        let report = compare(&old, &new, case.old_supplement, case.new_supplement);
        let want = expected(case.expect);
        assert_eq!(facts(&report), want, "{}:\n{}", case.name, diff::render::text(&report, diff::render::Style::default()));
        let snapshot = format!(
            "{}\n--- json ---\n{}\n--- markdown ---\n{}",
            diff::render::text(&report, diff::render::Style::default()),
            diff::render::json(&report),
            diff::render::markdown(&report, diff::render::Style::default())
        );
        insta::assert_snapshot!(format!("diff_{}", case.name), snapshot);
    }
}

#[test]
fn the_rust_column_names_what_breaks_callers() {
    let base = base();
    let rust = |case: &str| {
        let case = CASES.iter().find(|c| c.name == case).unwrap();
        let report = compare(&apply(&base, case.old), &apply(&base, case.new), case.old_supplement, case.new_supplement);
        report.changes.iter().filter_map(|c| c.rust.clone()).collect::<Vec<_>>().join("\n")
    };
    // Safe or dangerous for GraphQL, and still a compile error for code written against the crates.
    assert!(rust("error_code_removed").contains("removes the variant `errors::mutations::AcceptGoodsQuoteError::KtCt8224`"), "{}", rust("error_code_removed"));
    assert!(rust("error_code_added").contains("adds the variant `errors::mutations::AcceptGoodsQuoteError::KtCt8299`"));
    assert!(rust("argument_added_optional").contains("adds the field `flag` to `generate_pre_signed_token::Variables`"));
    assert!(rust("enum_value_added").contains("adds the variant `types::PreSignedTokenScope::ViewBills`"), "{}", rust("enum_value_added"));
    assert!(rust("input_field_added_required").contains("adds the field `account_number` to `types::AcceptGoodsQuoteInput`, a required field"), "{}", rust("input_field_added_required"));
    assert!(rust("argument_type_relaxed").contains("from `String` to `Option<String>`"), "{}", rust("argument_type_relaxed"));
    // Changes that leave the generated items alone have no Rust note.
    assert_eq!(rust("complexity_raised"), "");
    assert_eq!(rust("permission_added"), "");
}

#[test]
fn the_vendored_reference_against_itself_has_no_changes() {
    let loaded = krakengen_tests::pipeline_of(krakengen_tests::vendored_parsed()).load().expect("the vendored reference builds");
    let side = loaded.diff_side();
    let report = diff::compare(&side, &side, "2026-12-01");
    assert!(report.changes.is_empty(), "{}", diff::render::text(&report, diff::render::Style::default()));
    assert!(report.rust_checked);
    assert!(diff::render::text(&report, diff::render::Style::default()).starts_with("no changes\n"));
    // It still flags what is overdue on the day given: the vendored page schedules removals from 2023
    // to 2026, and none on or before 2023-01-01.
    assert!(report.overdue.iter().any(|o| o.path == "Mutation.updateUserDetails" && o.removal == "2023-04-06"));
    assert!(diff::compare(&side, &side, "2023-01-01").overdue.is_empty());
    assert!(!report.fails(Class::Breaking) && report.fails(Class::Dangerous));
}

#[test]
fn edits_of_the_vendored_reference_are_reported_exactly() {
    let text = krakengen_tests::vendored_text();
    let edited = apply(
        text,
        &[
            Edit::DropMutation("acceptGoodsQuote"),
            Edit::AddErrorCode { mutation: "createQuote", code: "KT-CT-4199", message: "Quote limit reached." },
            Edit::SetPermissions { mutation: "generatePreSignedToken", permissions: "Can generate pre signed tokens AND Can query accounts" },
            Edit::SetArgumentType { mutation: "generatePreSignedToken", argument: "numberOfDaysAllowed", ty: "Int" },
            Edit::SetComplexity { mutation: "obtainKrakenToken", complexity: 3 },
        ],
    );
    let old_supplement = "input ObtainJSONWebTokenInput { email: String password: String }";
    let new_supplement = "input ObtainJSONWebTokenInput { email: String password: String otp: String! }";
    let report = compare(text, &edited, Some(old_supplement), Some(new_supplement));
    let want = expected(&[
        (Breaking, "operation-removed", "Mutation.acceptGoodsQuote"),
        (Dangerous, "error-code-added", "Mutation.createQuote"),
        (Breaking, "permissions-tightened", "Mutation.generatePreSignedToken"),
        (Safe, "argument-type-changed", "Mutation.generatePreSignedToken(numberOfDaysAllowed:)"),
        (Dangerous, "complexity-raised", "Mutation.obtainKrakenToken"),
        (Breaking, "input-field-added-required", "ObtainJSONWebTokenInput.otp"),
    ]);
    assert_eq!(facts(&report), want, "{}", diff::render::text(&report, diff::render::Style::default()));
    // Every change points at its line: the removed block in OLD, the rest in NEW.
    let removed = report.changes.iter().find(|c| c.kind == "operation-removed").unwrap();
    let at = removed.location.as_ref().unwrap();
    assert_eq!((at.side, at.file.as_str()), (diff::SideName::Old, "old.txt"));
    assert_eq!(text.lines().nth(at.line as usize - 1), Some("acceptGoodsQuote"));
    let added = report.changes.iter().find(|c| c.kind == "error-code-added").unwrap();
    let at = added.location.as_ref().unwrap();
    assert_eq!(edited.lines().nth(at.line as usize - 1), Some("- KT-CT-4199: Quote limit reached."));
}

#[test]
fn the_json_report_has_the_documented_shape() {
    let base = base();
    let report = compare(&base, &apply(&base, &[Edit::DropErrorCode { mutation: "acceptGoodsQuote", code: "KT-CT-8224" }]), None, None);
    let json: serde_json::Value = serde_json::from_str(&diff::render::json(&report)).unwrap();
    assert_eq!(json["format_version"], 1);
    assert_eq!(json["summary"]["safe"], 1);
    assert_eq!(json["summary"]["rust_breaking"], 1);
    let change = &json["changes"][0];
    for key in ["class", "area", "kind", "path", "message", "location", "rust"] {
        assert!(change.get(key).is_some(), "{key} missing from {change}");
    }
    assert_eq!(change["location"]["side"], "old");
    let doc = std::fs::read_to_string(krakengen_tests::root().join("docs/diff.md")).unwrap();
    for kind in CASES.iter().flat_map(|c| c.expect.iter().map(|e| e.1)) {
        assert!(doc.contains(&format!("`{kind}`")), "docs/diff.md does not list `{kind}`");
    }
}

/// `docs/diff.md` documents exactly the kinds of change the code reports: its tables' first
/// column (a kind, or two joined by ` / `) against `ChangeKind::ALL`.
#[test]
fn docs_diff_md_lists_every_kind_and_no_other() {
    let text = std::fs::read_to_string(krakengen_tests::root().join("docs/diff.md")).unwrap();
    let mut documented = BTreeSet::new();
    for line in text.lines().filter(|l| l.starts_with("| `")) {
        let first = line.split('|').nth(1).unwrap_or_default();
        for kind in first.split('/') {
            documented.insert(kind.trim().trim_matches('`').to_string());
        }
    }
    let code: BTreeSet<String> = krakengen::diff::ChangeKind::ALL.iter().map(|k| k.as_str().to_string()).collect();
    assert!(code.len() >= 50, "{code:?}");
    let undocumented: Vec<_> = code.difference(&documented).collect();
    let unknown: Vec<_> = documented.difference(&code).collect();
    assert!(undocumented.is_empty() && unknown.is_empty(), "undocumented kinds: {undocumented:?}; documented kinds the code does not report: {unknown:?}");
}

/// `--fail-on`: a tightened permission fails at `breaking` although no generated item changes; an
/// error code removed is safe for callers but fails at `breaking` all the same, since it removes a
/// variant generated Rust may name; a complexity raised fails at `dangerous` and not at `breaking`;
/// a description changed only at `safe`; no change fails nothing.
#[test]
fn thresholds_follow_the_worst_change() {
    let base = base();
    let after = |edits: &[Edit<'_>]| compare(&base, &apply(&base, edits), None, None);
    let tightened = after(&[Edit::SetPermissions { mutation: "acceptGoodsQuote", permissions: "Can manage goods purchases AND Can query accounts" }]);
    assert_eq!((tightened.count(Class::Breaking), tightened.rust_breaking()), (1, 0));
    assert!(tightened.fails(Class::Breaking) && tightened.fails(Class::Dangerous) && tightened.fails(Class::Safe));
    let dropped = after(&[Edit::DropErrorCode { mutation: "acceptGoodsQuote", code: "KT-CT-8224" }]);
    assert_eq!((dropped.count(Class::Breaking), dropped.count(Class::Safe), dropped.rust_breaking()), (0, 1, 1));
    assert!(dropped.fails(Class::Breaking) && dropped.fails(Class::Dangerous));
    let raised = after(&[Edit::SetComplexity { mutation: "acceptGoodsQuote", complexity: 8 }]);
    assert_eq!((raised.count(Class::Breaking), raised.count(Class::Dangerous), raised.rust_breaking()), (0, 1, 0));
    assert!(!raised.fails(Class::Breaking) && raised.fails(Class::Dangerous) && raised.fails(Class::Safe));
    let same = after(&[]);
    assert!(!same.fails(Class::Breaking) && !same.fails(Class::Dangerous) && !same.fails(Class::Safe));
}

/// The one change between the base page with the `old` edits and with the `new` ones (that there is
/// exactly one is asserted): its class, kind and message.
fn only_change(old: &[Edit<'_>], new: &[Edit<'_>]) -> (Class, &'static str, String) {
    let base = base();
    let report = compare(&apply(&base, old), &apply(&base, new), None, None);
    assert_eq!(report.changes.len(), 1, "{:?}", report.changes);
    let c = &report.changes[0];
    (c.class, c.kind.as_str(), c.message.clone())
}

/// The complexity's four changes: raised is dangerous, lowered safe, newly stated dangerous (a
/// limit callers did not plan for), no longer stated safe; each once, with the figures.
#[test]
fn complexity_changes_are_classed_by_direction() {
    let one = only_change;
    let eight = [Edit::SetComplexity { mutation: "acceptGoodsQuote", complexity: 8 }];
    let unstated = [Edit::DropLines { mutation: "acceptGoodsQuote", first: "Query Complexity: 1", count: 1 }];
    assert_eq!(one(&eight, &[]), (Class::Safe, "complexity-lowered", "the query complexity fell from 8 to 1".to_string()));
    assert_eq!(one(&unstated, &[]), (Class::Dangerous, "complexity-stated", "the reference now states a query complexity of 1".to_string()));
    assert_eq!(one(&[], &unstated), (Class::Safe, "complexity-unstated", "the reference no longer states the query complexity (it was 1)".to_string()));
    assert_eq!(one(&[], &eight).0, Class::Dangerous);
}

/// A scheduled removal moved later is safe, newly scheduled dangerous, unscheduled safe, a reason
/// changed under the same dates safe; each once.
#[test]
fn removal_dates_are_classed_by_direction() {
    let one = |old: &[Edit<'_>], new: &[Edit<'_>]| {
        let (class, kind, _) = only_change(old, new);
        (class, kind)
    };
    let later = [Edit::Replace { mutation: "deauthenticateDevice", from: "on or after 2026-01-16", to: "on or after 2026-06-01" }];
    let unscheduled = [Edit::DropLines { mutation: "deauthenticateDevice", first: "- Scheduled for removal on or after 2026-01-16.", count: 1 }];
    assert_eq!(one(&[], &later), (Class::Safe, "removal-moved-later"));
    assert_eq!(one(&[], &unscheduled), (Class::Safe, "removal-unscheduled"));
    assert_eq!(one(&unscheduled, &[]), (Class::Dangerous, "removal-scheduled"));
    // The same dates with another reason: safe, and only when the reason differs.
    let reason = [Edit::Replace { mutation: "deauthenticateDevice", from: "Please use 'deauthenticateFlexDevice' instead.", to: "Please use 'unlinkDevice' instead." }];
    assert_eq!(one(&[], &reason), (Class::Safe, "deprecation-reason-changed"));
}

/// A return type the reference states, changed in a way callers notice, is breaking; the same
/// change against a type krakengen inferred (no `Type:` line) is only dangerous and says so; a
/// change callers cannot notice is safe either way, without the note.
#[test]
fn return_type_changes_are_classed_by_what_the_reference_states() {
    let base = base();
    let one = |old: &[Edit<'_>], new: &[Edit<'_>]| {
        let report = compare(&apply(&base, old), &apply(&base, new), None, None);
        let c: Vec<_> = report.changes.iter().filter(|c| c.kind == "return-type-changed").collect();
        assert_eq!(c.len(), 1, "{:?}", report.changes);
        (c[0].class, c[0].message.clone())
    };
    let non_null = [Edit::Replace { mutation: "acceptGoodsQuote", from: "Type: AcceptGoodsQuote", to: "Type: AcceptGoodsQuote!" }];
    let unstated = [Edit::DropLines { mutation: "acceptGoodsQuote", first: "Type: AcceptGoodsQuote", count: 1 }];
    let plain = "the return type changed from `AcceptGoodsQuote!` to `AcceptGoodsQuote`";
    assert_eq!(one(&non_null, &[]), (Class::Breaking, plain.to_string()));
    assert_eq!(
        one(&non_null, &unstated),
        (Class::Dangerous, format!("{plain} (inferred from an example, not stated by the reference)"))
    );
    assert_eq!(one(&unstated, &non_null), (Class::Safe, "the return type changed from `AcceptGoodsQuote` to `AcceptGoodsQuote!`".to_string()));
}

/// A removed operation whose payload is an interface takes along the objects implementing it,
/// which nothing else reached.
#[test]
fn a_removed_operation_takes_along_the_implementers_of_its_interface() {
    let text = &base();
    let edited = apply(text, &[Edit::DropMutation("acceptGoodsQuote")]);
    let interface = "interface GoodsPurchase { id: ID } type BoilerPurchase implements GoodsPurchase { id: ID model: String }";
    let report = compare(text, &edited, Some(interface), None);
    let rendered = diff::render::text(&report, diff::render::Style::default());
    let removed: Vec<&diff::Change> = report.changes.iter().filter(|c| c.kind == "operation-removed").collect();
    assert_eq!(removed.len(), 1, "{rendered}");
    assert!(removed[0].with.contains(&"BoilerPurchase".to_string()), "{:?}", removed[0].with);
    assert!(!report.changes.iter().any(|c| c.path == "BoilerPurchase"), "{rendered}");
}

/// The (class, kind, message) of every change, in report order.
fn told(report: &DiffReport) -> Vec<(Class, &'static str, String)> {
    report.changes.iter().map(|c| (c.class, c.kind.as_str(), c.message.clone())).collect()
}

/// Where krakengen guessed a kind or a shape on one side, a change is softened and says why: a
/// kind it could not tell is safe to change, a kind or fields inferred from an example make a
/// change dangerous rather than breaking, and values of a partly listed enum may only be unlisted.
/// The same changes between two stated sides are breaking.
#[test]
fn changes_are_softened_where_one_side_was_guessed() {
    let text = &base();
    let kind = |old: Option<&str>, new: Option<&str>| told(&compare(text, text, old, new));
    assert_eq!(kind(None, Some("interface GoodsPurchase { id: ID }")), vec![(
        Class::Safe,
        "type-kind-changed",
        "the kind of `GoodsPurchase` changed from object type to interface (krakengen could not tell the kind on one side)".to_string()
    )]);
    assert_eq!(kind(None, Some("scalar PreSignedTokenScope")), vec![(
        Class::Dangerous,
        "type-kind-changed",
        "the kind of `PreSignedTokenScope` changed from enum to scalar (inferred from an example, not stated by the reference)".to_string()
    )]);
    assert_eq!(kind(Some(SCOPE_2), Some("scalar PreSignedTokenScope")), vec![(
        Class::Breaking,
        "type-kind-changed",
        "the kind of `PreSignedTokenScope` changed from enum to scalar".to_string()
    )]);
    let unlisted = |v: &str| (Class::Dangerous, "enum-value-removed", format!("value `{v}` of enum `PreSignedTokenScope` was removed (the reference lists only some of them)"));
    assert_eq!(kind(Some(SCOPE_3), None), vec![unlisted("MANAGE_ACCOUNT"), unlisted("VIEW_BILLS")]);

    // A payload's field gone from its table: breaking where the page states the payload type,
    // dangerous where krakengen inferred it (no `Type:` line).
    let row = || Edit::DropRow { mutation: "acceptGoodsQuote", description: "Field with the possible errors of the query/mutation. Deprecated The 'possibleErrors' field is deprecated." };
    let unstated = || Edit::DropLines { mutation: "acceptGoodsQuote", first: "Type: AcceptGoodsQuote", count: 1 };
    let field = |new: &[Edit<'_>]| told(&compare(text, &apply(text, new), None, None));
    let removed = "field `possibleErrors` of `AcceptGoodsQuote` was removed";
    assert_eq!(field(&[row()]), vec![(Class::Breaking, "field-removed", removed.to_string())]);
    assert_eq!(field(&[row(), unstated()]), vec![(Class::Dangerous, "field-removed", format!("{removed} (krakengen inferred them from an example)"))]);
}

/// A rate limit is compared over every window either side names: `10/m` allows 600 an hour,
/// so `500/h` is tighter (and `700/h` looser) although it allows more a minute.
#[test]
fn rate_limits_are_compared_over_every_window() {
    let steps = |steps: &'static str| [Edit::SetRateSteps { mutation: "deauthenticateDevice", key: "User", steps }];
    let one = |old: &'static str, new: &'static str| {
        let (class, kind, _) = only_change(&steps(old), &steps(new));
        (class, kind)
    };
    assert_eq!(one("['10/m']", "['500/h']"), (Class::Dangerous, "rate-limit-tightened"));
    assert_eq!(one("['10/m']", "['700/h']"), (Class::Safe, "rate-limit-loosened"));
}

/// An error code whose message changed is reported, safe, with both messages.
#[test]
fn an_error_message_changed_is_reported() {
    let text = &base();
    let edited = apply(text, &[Edit::Replace { mutation: "acceptGoodsQuote", from: "Received an invalid quoteId.", to: "Received an unknown quoteId." }]);
    assert_eq!(told(&compare(text, &edited, None, None)), vec![(
        Class::Safe,
        "error-message-changed",
        "the message of error code `KT-CT-8201` changed from \"Received an invalid quoteId.\" to \"Received an unknown quoteId.\"".to_string()
    )]);
}

/// With an operation removed, a type removed from an operation that stays is still a change of
/// its own, and so is the change of a type only that operation reaches.
#[test]
fn only_the_removed_operations_types_go_with_it() {
    let text = &base();
    let mut edits = vec![Edit::DropMutation("acceptGoodsQuote")];
    edits.extend(DROP_OCCUPY);
    let report = compare(text, &apply(text, &edits), None, None);
    let want = expected(&[
        (Breaking, "operation-removed", "Mutation.acceptGoodsQuote"),
        (Dangerous, "union-member-removed", "EnrollmentCancelledEnrollmentProcess"),
        (Dangerous, "type-removed", "OccupyPropertyProcessType"),
    ]);
    assert_eq!(facts(&report), want, "{}", diff::render::text(&report, diff::render::Style::default()));
}

/// Fields of output types: one added is safe (not an input field's change), a type made stricter
/// is safe and looser breaking, a type newly stated or no longer stated is safe, and a change from
/// a type krakengen inferred is dangerous and says so.
#[test]
fn field_changes_follow_the_position_and_what_was_stated() {
    let text = &base();
    let pair = |old: &str, new: &str| told(&compare(text, text, Some(old), Some(new)));
    let one = |class, kind, message: &str| vec![(class, kind, message.to_string())];
    let (id, id_required) = ("type GoodsPurchase { id: ID }", "type GoodsPurchase { id: ID! }");
    assert_eq!(pair(id, "type GoodsPurchase { id: ID name: String }"), one(Class::Safe, "field-added", "field `name` was added to `GoodsPurchase`"));
    assert_eq!(pair(id, id_required), one(Class::Safe, "field-type-changed", "the type of `GoodsPurchase.id` changed from `ID` to `ID!`"));
    assert_eq!(pair(id_required, id), one(Class::Breaking, "field-type-changed", "the type of `GoodsPurchase.id` changed from `ID!` to `ID`"));
    // `possibleErrors` has no type on the page; `goodsPurchase`'s is inferred from the example.
    let payload = |purchase: &str, errors: &str| format!("type AcceptGoodsQuote {{ goodsPurchase: {purchase} possibleErrors: {errors} }} {id}");
    let stated = payload("GoodsPurchase", "[String]");
    assert_eq!(pair(id, &stated), one(Class::Safe, "field-type-stated", "the type of `AcceptGoodsQuote.possibleErrors` is now known: `[String]`"));
    assert_eq!(pair(&stated, id), one(Class::Safe, "field-type-unstated", "the type of `AcceptGoodsQuote.possibleErrors` is no longer known (it was `[String]`)"));
    let listed = pair(id, &payload("[GoodsPurchase]", "[String]"));
    assert_eq!(listed[0], (
        Class::Dangerous,
        "field-type-changed",
        "the type of `AcceptGoodsQuote.goodsPurchase` changed from `GoodsPurchase` to `[GoodsPurchase]` (inferred from an example, not stated by the reference)".to_string()
    ), "{listed:?}");
}

/// A field's arguments, defaults, description and deprecation, each changed alone between two
/// supplements: exactly one change, of the class a caller's query would feel.
#[test]
fn a_fields_arguments_and_defaults_are_compared() {
    let text = &base();
    let items = |args: &str, rest: &str| format!("type GoodsPurchase {{ {rest} items({args}): [String] }}");
    let old = items("first: Int, after: String = \"a\"", "");
    let cases: [(String, Class, &str, &str); 9] = [
        (items("after: String = \"a\"", ""), Breaking, "argument-removed", "GoodsPurchase.items(first:)"),
        (items("first: Int, after: String = \"a\", kind: String!", ""), Breaking, "argument-added-required", "GoodsPurchase.items(kind:)"),
        (items("first: Int, after: String = \"a\", kind: String", ""), Dangerous, "argument-added-optional", "GoodsPurchase.items(kind:)"),
        (items("first: Int, after: String = \"a\", kind: String! = \"x\"", ""), Dangerous, "argument-added-optional", "GoodsPurchase.items(kind:)"),
        (items("first: Int!, after: String = \"a\"", ""), Breaking, "argument-type-changed", "GoodsPurchase.items(first:)"),
        (items("first: Int, after: String = \"b\"", ""), Dangerous, "default-changed", "GoodsPurchase.items(after:)"),
        (items("first: Int, after: String = \"a\"", "\"Items bought.\""), Safe, "description-changed", "GoodsPurchase.items"),
        ("type GoodsPurchase { items(first: Int, after: String = \"a\"): [String] @deprecated(reason: \"Use lines.\") }".to_string(), Safe, "deprecation-added", "GoodsPurchase.items"),
        (items("first: Int, after: String = \"a\"", "id: ID"), Safe, "field-added", "GoodsPurchase.id"),
    ];
    for (new, class, kind, path) in &cases {
        let report = compare(text, text, Some(&old), Some(new));
        assert_eq!(facts(&report), BTreeSet::from([(*class, *kind, path.to_string())]), "{new}");
    }
    // The other way, a stricter argument type is a looser one: safe.
    let report = compare(text, text, Some(&cases[4].0), Some(&old));
    assert_eq!(facts(&report), BTreeSet::from([(Safe, "argument-type-changed", "GoodsPurchase.items(first:)".to_string())]));
    // An input field's default.
    let input = |default: &str| format!("input AcceptGoodsQuoteInput {{ quoteId: ID! note: String = {default} }}");
    let report = compare(text, text, Some(&input("\"a\"")), Some(&input("\"b\"")));
    assert_eq!(facts(&report), BTreeSet::from([(Dangerous, "default-changed", "AcceptGoodsQuoteInput.note".to_string())]));
}
