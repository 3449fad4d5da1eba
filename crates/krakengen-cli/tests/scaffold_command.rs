//! `krakengen scaffold` as users run it: the file is written once, never overwritten, and compared
//! with the trait on every later run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the repository root")
}

fn scaffold(file: &Path, extra: &[&str]) -> Output {
    let config = repo().join("krakengen.toml");
    Command::new(env!("CARGO_BIN_EXE_krakengen"))
        .arg("scaffold")
        .arg(file)
        .arg("--config")
        .arg(&config)
        // The repository's configuration has two projects with a server (oees, queries).
        .args(if extra.contains(&"--project") { &[][..] } else { &["--project", "oees"][..] })
        .args(extra)
        .output()
        .expect("krakengen runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

#[test]
fn writes_once_then_compares_without_touching_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("src/resolvers.rs");
    let out = scaffold(&file, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("326 methods, every body `todo!()`"), "{}", text(&out.stderr));
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written.matches("::std::todo!(").count(), 326);

    // A second run compares: in sync, exit 0, nothing written.
    let out = scaffold(&file, &["--project", "oees"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("326 methods implemented, 0 missing, 0 orphaned; the file was not modified"), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());

    // The user's file lacks one method and has one the trait does not: both are reported, the missing
    // one with a stub to paste, and the file is left exactly as it was.
    let start = written.find("    #[allow(unused_variables)]\n    async fn accept_goods_quote(").unwrap();
    let end = start + written[start..].find("\n    }\n").unwrap() + "\n    }\n".len();
    let edited = format!("{}{}", &written[..start], &written[end..]).replace("async fn add_property(", "async fn add_old_property(");
    std::fs::write(&file, &edited).unwrap();
    let out = scaffold(&file, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(stdout.contains("async fn accept_goods_quote(") && stdout.contains("::std::todo!(\"acceptGoodsQuote is not implemented yet\")"), "{stdout}");
    assert!(stderr.contains("324 methods implemented, 2 missing, 1 orphaned"), "{stderr}");
    let line = edited.lines().position(|l| l.contains("fn add_old_property(")).unwrap() + 1;
    assert!(stderr.contains(&format!("resolvers.rs:{line}:11")), "the orphan is located: {stderr}");
    assert!(stderr.contains("`add_old_property` is not a method of `OperationResolvers`"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), edited, "the user's file is never modified");
}

#[test]
fn a_file_that_is_not_an_implementation_is_reported_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("resolvers.rs");
    std::fs::write(&file, "fn main() {}\n").unwrap();
    let out = scaffold(&file, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("no `impl OperationResolvers for …` block"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "fn main() {}\n");
}

#[test]
fn an_unknown_project_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = scaffold(&dir.path().join("r.rs"), &["--project", "nope"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("no project `nope` with a `server_crate`"), "{}", text(&out.stderr));
    assert!(!dir.path().join("r.rs").exists());
}

#[test]
fn a_configuration_without_a_server_crate_or_with_several_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let reference = repo().join("schema/oees/mutations.txt");
    let project = |name: &str, server: bool| {
        format!(
            "[[project]]\nname = \"{name}\"\ndocs = {:?}\nschema_dir = \"{name}/schema\"\nerrors_crate = \"{name}/e\"\nclient_crate = \"{name}/c\"\n{}",
            reference.display().to_string(),
            if server { format!("server_crate = \"{name}/s\"\n") } else { String::new() }
        )
    };
    let run = |config: &str| {
        std::fs::write(dir.path().join("krakengen.toml"), config).unwrap();
        Command::new(env!("CARGO_BIN_EXE_krakengen"))
            .args(["scaffold", "r.rs", "--config", "krakengen.toml"])
            .current_dir(dir.path())
            .output()
            .expect("krakengen runs")
    };
    let out = run(&project("a", false));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("no project of the configuration names a `server_crate`"), "{}", text(&out.stderr));
    let out = run(&format!("{}\n{}", project("a", true), project("b", true)));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("several projects name a `server_crate`; choose one with --project"), "{}", text(&out.stderr));
    assert!(!dir.path().join("r.rs").exists(), "nothing is written on a usage error");
}
