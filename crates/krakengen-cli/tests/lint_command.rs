//! `krakengen lint` as a CI job runs it: the formats, `--fail-on`, `--today`, the exit codes and
//! the refusals of bad usage.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn krakengen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_krakengen")).args(args).current_dir(repo()).output().expect("krakengen runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const REFERENCE: &str = "schema/oees/mutations.txt";

fn lint(documents: &str, extra: &[&str]) -> Output {
    let mut args = vec!["lint", REFERENCE, "--documents", documents, "--today", "2026-06-01"];
    args.extend_from_slice(extra);
    krakengen(&args)
}

#[test]
fn findings_at_the_threshold_exit_1_and_others_0() {
    let all = lint("tests/fixtures/lint", &[]);
    assert_eq!(all.status.code(), Some(1), "{}", text(&all.stderr));
    let out = text(&all.stdout);
    assert!(out.contains("tests/fixtures/lint/operations.graphql:13:3: removed:"), "{out}");
    assert!(out.ends_with("5 removed, 5 unchecked\n"), "{out}");

    // A file with only a deprecated use passes by default and fails from `deprecated`.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ops.graphql");
    std::fs::write(&file, "mutation T($i: CompleteSmartFlexOnboardingStepInput!) { startTestChargeForSmartFlexOnboarding(input: $i) { __typename } }\n").unwrap();
    let file = file.display().to_string();
    assert_eq!(lint(&file, &[]).status.code(), Some(0));
    assert_eq!(lint(&file, &["--fail-on", "overdue"]).status.code(), Some(0));
    assert_eq!(lint(&file, &["--fail-on", "deprecated"]).status.code(), Some(1));
    // After its removal date it is overdue.
    let late = krakengen(&["lint", REFERENCE, "--documents", &file, "--today", "2026-12-01", "--fail-on", "overdue"]);
    assert_eq!(late.status.code(), Some(1));
    assert!(text(&late.stdout).contains("overdue: `Mutation.startTestChargeForSmartFlexOnboarding`"), "{}", text(&late.stdout));
}

#[test]
fn json_and_markdown() {
    let json = lint("tests/fixtures/lint", &["--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON on stdout");
    assert_eq!(value["summary"]["files"], 6);
    assert!(value["findings"].as_array().unwrap().len() >= 19);
    let md = text(&lint("tests/fixtures/lint", &["--format", "markdown"]).stdout);
    assert!(md.starts_with("## krakengen lint\n") && md.contains("| ❌ removed |"), "{md}");
}

#[test]
fn bad_usage_exits_2_with_the_flag_named() {
    let missing = lint("tests/fixtures/lint/nope", &[]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("--documents tests/fixtures/lint/nope"), "{}", text(&missing.stderr));
    let other = lint("tests/fixtures/lint/README.md", &[]);
    assert_eq!(other.status.code(), Some(2));
    assert!(text(&other.stderr).contains("not a directory, nor a .graphql"), "{}", text(&other.stderr));
    let day = lint("tests/fixtures/lint", &["--today", "tomorrow"]);
    assert_eq!(day.status.code(), Some(2));
    let none = krakengen(&["lint", REFERENCE]);
    assert_eq!(none.status.code(), Some(2), "--documents is required");
    assert!(none.stdout.is_empty());
}

#[test]
fn a_supplement_makes_queries_checkable() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("q.graphql");
    std::fs::write(&file, "query Me {\n  viewer { email }\n  account(accountNumber: \"A-1\") { numbr }\n}\n").unwrap();
    let file = file.display().to_string();
    let without = text(&lint(&file, &[]).stdout);
    assert!(without.contains("unchecked: krakengen does not know the fields of `Query`"), "{without}");
    let with = lint(&file, &["--supplement", "tests/fixtures/supplement/roots.graphql"]);
    let out = text(&with.stdout);
    assert_eq!(with.status.code(), Some(1), "{out}");
    assert!(out.contains(":2:3: overdue: `Query.viewer` is deprecated and was scheduled for removal on or after 2026-01-01"), "{out}");
    assert!(out.contains(":3:35: removed: `Account` has no field `numbr` (did you mean `number`?) [Me]"), "{out}");
    assert!(!out.contains("unchecked"), "{out}");
}

#[test]
fn previous_names_the_replacement_of_what_is_gone() {
    // The newer reference is the vendored one without `suspendControl`.
    let dir = tempfile::tempdir().unwrap();
    let vendored = std::fs::read_to_string(repo().join(REFERENCE)).unwrap();
    let start = vendored.find("\nsuspendControl\nType:").expect("the block") + 1;
    let end = start + vendored[start..].find("\nswitchAccountToVariablePaymentSchedule\nType:").expect("the next block") + 1;
    let newer = dir.path().join("newer.txt");
    std::fs::write(&newer, format!("{}{}", &vendored[..start], &vendored[end..])).unwrap();
    let ops = dir.path().join("ops.graphql");
    std::fs::write(&ops, "mutation S($i: AccountNumberInput) { suspendControl(input: $i) { __typename } }\n").unwrap();
    let (newer, ops) = (newer.display().to_string(), ops.display().to_string());
    let run = |extra: &[&str]| {
        let mut args = vec!["lint", &newer, "--documents", &ops, "--today", "2026-06-01"];
        args.extend_from_slice(extra);
        krakengen(&args)
    };
    let with = run(&["--previous", REFERENCE]);
    assert_eq!(with.status.code(), Some(1), "{}", text(&with.stderr));
    assert!(
        text(&with.stdout).contains(":1:38: removed: the mutation `suspendControl` is not in the schema; the previous reference deprecated it for `updateDeviceSmartControl` [S]"),
        "{}",
        text(&with.stdout)
    );
    assert!(!text(&run(&[]).stdout).contains("previous"));
    let missing = run(&["--previous", "no/such/reference.txt"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("no/such/reference.txt"), "{}", text(&missing.stderr));
}
