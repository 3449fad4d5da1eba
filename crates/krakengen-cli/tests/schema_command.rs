//! End-to-end tests of `krakengen schema`: what it writes, what it leaves alone, and how it fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn krakengen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_krakengen")).args(args).current_dir(repo()).output().expect("krakengen runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn writes_both_files_and_leaves_unchanged_ones_alone() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let out_s = out.to_str().unwrap();
    let first = krakengen(&["schema", "tests/fixtures/supplement/reference.txt", "--out", out_s]);
    assert!(first.status.success(), "{}", stderr(&first));
    let sdl = std::fs::read_to_string(out.join("schema.graphql")).unwrap();
    let json = std::fs::read_to_string(out.join("metadata.json")).unwrap();
    assert!(sdl.contains("type Mutation {") && sdl.contains("acceptGoodsQuote("));
    assert!(json.contains("\"acceptGoodsQuote\""));
    assert!(stderr(&first).contains("wrote"), "{}", stderr(&first));

    let mtime = |name: &str| std::fs::metadata(out.join(name)).unwrap().modified().unwrap();
    let before = (mtime("schema.graphql"), mtime("metadata.json"));
    std::thread::sleep(std::time::Duration::from_millis(20));
    let second = krakengen(&["schema", "tests/fixtures/supplement/reference.txt", "--out", out_s]);
    assert!(second.status.success());
    assert!(!stderr(&second).contains("wrote"), "{}", stderr(&second));
    assert_eq!((mtime("schema.graphql"), mtime("metadata.json")), before);
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 2, "no temporary files are left behind");
}

#[test]
fn a_supplement_fills_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = krakengen(&[
        "schema",
        "tests/fixtures/supplement/reference.txt",
        "--out",
        out.to_str().unwrap(),
        "--supplement",
        "tests/fixtures/supplement/agreeing.graphql",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let sdl = std::fs::read_to_string(out.join("schema.graphql")).unwrap();
    assert!(sdl.contains("input AcceptGoodsQuoteInput @fromSupplement {"), "{sdl}");
}

#[test]
fn errors_exit_1_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let out_s = out.to_str().unwrap();
    let bad_reference = krakengen(&["schema", "tests/fixtures/malformed/empty.txt", "--out", out_s]);
    assert_eq!(bad_reference.status.code(), Some(1), "{}", stderr(&bad_reference));
    let bad_supplement = krakengen(&[
        "schema",
        "tests/fixtures/supplement/reference.txt",
        "--out",
        out_s,
        "--supplement",
        "tests/fixtures/supplement/invalid.graphql",
    ]);
    assert_eq!(bad_supplement.status.code(), Some(1));
    assert!(stderr(&bad_supplement).contains("tests/fixtures/supplement/invalid.graphql:7:18"), "{}", stderr(&bad_supplement));
    assert!(!out.exists(), "nothing may be written when there are errors");
}

#[test]
fn a_missing_reference_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let o = krakengen(&["schema", "does/not/exist.txt", "--out", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
}
