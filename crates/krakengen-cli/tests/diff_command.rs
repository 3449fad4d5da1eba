//! `krakengen diff` as a pipeline runs it: the formats, `--fail-on`, `--today` and the exit codes.

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

const BASE: &str = "tests/fixtures/diff/base.txt";

/// A copy of the base page with `from` replaced by `to`, in a temporary directory.
fn edited(dir: &Path, from: &str, to: &str) -> String {
    let base = std::fs::read_to_string(repo().join(BASE)).unwrap();
    assert!(base.contains(from));
    let path = dir.join("new.txt");
    std::fs::write(&path, base.replacen(from, to, 1)).unwrap();
    path.display().to_string()
}

#[test]
fn identical_inputs_print_no_changes_and_exit_0() {
    let o = krakengen(&["diff", BASE, BASE, "--today", "2026-01-01", "--fail-on", "dangerous"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "no changes\n");
}

#[test]
fn fail_on_sets_exit_3_at_its_threshold() {
    let dir = tempfile::tempdir().unwrap();
    // A raised complexity is dangerous and leaves the generated Rust alone.
    let new = edited(dir.path(), "Query Complexity: 1\n", "Query Complexity: 9\n");
    let plain = krakengen(&["diff", BASE, &new, "--today", "2026-01-01"]);
    assert_eq!(plain.status.code(), Some(0));
    assert!(text(&plain.stdout).contains("complexity-raised"), "{}", text(&plain.stdout));
    let breaking = krakengen(&["diff", BASE, &new, "--today", "2026-01-01", "--fail-on", "breaking"]);
    assert_eq!(breaking.status.code(), Some(0), "{}", text(&breaking.stdout));
    let dangerous = krakengen(&["diff", BASE, &new, "--today", "2026-01-01", "--fail-on", "dangerous"]);
    assert_eq!(dangerous.status.code(), Some(3), "{}", text(&dangerous.stdout));
    // A tightened permission is breaking.
    let new = edited(dir.path(), "Can manage goods purchases\n", "Can manage goods purchases AND Can query accounts\n");
    let o = krakengen(&["diff", BASE, &new, "--today", "2026-01-01", "--fail-on", "breaking"]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o.stdout));
    // An operation past its removal date fails `dangerous` even when nothing changed.
    // They are one line, unless `--overdue` lists them.
    let o = krakengen(&["diff", BASE, BASE, "--today", "2026-06-01", "--fail-on", "dangerous"]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o.stdout));
    assert_eq!(text(&o.stdout), "no changes\n\n1 operation is past its scheduled removal on 2026-06-01 (`--overdue` lists them)\n");
    let o = krakengen(&["diff", BASE, BASE, "--today", "2026-06-01", "--overdue"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
    assert!(text(&o.stdout).contains("Mutation.deauthenticateDevice  removal on or after 2026-01-16  [NEW:"), "{}", text(&o.stdout));
    assert!(text(&o.stdout).contains(&format!("NEW {BASE}\n")), "{}", text(&o.stdout));
}

#[test]
fn json_and_markdown_are_what_they_say() {
    let dir = tempfile::tempdir().unwrap();
    let new = edited(dir.path(), "- KT-CT-8224: Invalid data.\n", "");
    let o = krakengen(&["diff", BASE, &new, "--today", "2026-01-01", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("stdout is JSON");
    assert_eq!(json["changes"][0]["kind"], "error-code-removed");
    assert_eq!(json["changes"][0]["location"]["file"], BASE);
    let o = krakengen(&["diff", BASE, &new, "--today", "2026-01-01", "--format", "markdown"]);
    let md = text(&o.stdout);
    assert!(md.starts_with("### krakengen diff\n") && md.contains("| `Mutation.acceptGoodsQuote` | `error-code-removed` |"), "{md}");
    // Not a terminal, so no colour codes.
    let o = krakengen(&["diff", BASE, &new, "--today", "2026-01-01"]);
    assert!(!text(&o.stdout).contains('\x1b'));
}

#[test]
fn bad_input_names_its_side_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, "acceptGoodsQuote\nType: AcceptGoodsQuote\nQuery Complexity: lots\n").unwrap();
    let bad = bad.display().to_string();
    let o = krakengen(&["diff", BASE, &bad]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("the new reference") && text(&o.stderr).contains("nothing was compared"), "{}", text(&o.stderr));
    assert!(o.stdout.is_empty());
    let o = krakengen(&["diff", &bad, BASE]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("the old reference"), "{}", text(&o.stderr));
    let o = krakengen(&["diff", BASE, BASE, "--today", "01/12/2026"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("expected a date as YYYY-MM-DD"), "{}", text(&o.stderr));
    let o = krakengen(&["diff", BASE, "no/such/dir"]);
    assert_eq!(o.status.code(), Some(2));
    // The path is named once, by the error that could not read it.
    let stderr = text(&o.stderr);
    assert!(stderr.starts_with("error: cannot read no/such/dir:") && stderr.matches("no/such/dir").count() == 1, "{stderr}");
}
