//! The `krakengen` command line as users run it: exit codes, the summary line of `check`, the
//! diagnostics on stderr, and the JSON of `parse`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the repository root")
}

/// Runs the binary from the repository root, so relative paths in its output are stable.
fn krakengen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_krakengen")).args(args).current_dir(root()).output().expect("krakengen runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

#[test]
fn check_accepts_the_vendored_reference() {
    let out = krakengen(&["check", "schema/oees/mutations.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "schema/oees/mutations.txt: standard rendering, 326 mutations, 1311 error entries, 718 error codes, 0 errors, 10 warnings\n"
    );
    let stderr = text(&out.stderr);
    assert_eq!(stderr.matches("krakengen::empty-selection").count(), 9, "{stderr}");
    assert_eq!(stderr.matches("krakengen::unmatched-rows").count(), 1, "{stderr}");
    assert!(stderr.contains("schema/oees/mutations.txt:5392:1"), "{stderr}");
    // Not a terminal, so no colour codes.
    assert!(!stderr.contains('\u{1b}'), "{stderr}");
}

/// `--deny-warnings` fails a reference that only has warnings; a directory names each file's rendering.
#[test]
fn check_can_deny_warnings_and_names_each_rendering() {
    let out = krakengen(&["check", "schema/oees/mutations.txt", "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(1), "10 warnings fail the check");
    let out = krakengen(&["check", "tests/fixtures/crlf/basic.txt", "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root().join("tests/fixtures/standard/small.txt"), dir.path().join("a.txt")).unwrap();
    std::fs::copy(root().join("tests/fixtures/compact/basic.txt"), dir.path().join("b.txt")).unwrap();
    let out = krakengen(&["check", &dir.path().display().to_string()]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains(": 2 files (") && stdout.contains("a.txt: standard") && stdout.contains("b.txt: compact"), "{stdout}");
}

#[test]
fn check_fails_on_errors_and_names_the_place() {
    let out = krakengen(&["check", "tests/fixtures/malformed/bad_complexity.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "tests/fixtures/malformed/bad_complexity.txt: standard rendering, 2 mutations, 4 error entries, 4 error codes, 1 errors, 0 warnings\n"
    );
    let stderr = text(&out.stderr);
    assert!(stderr.contains("krakengen::bad-complexity"), "{stderr}");
    assert!(stderr.contains("[tests/fixtures/malformed/bad_complexity.txt:5:19]"), "{stderr}");
    assert!(stderr.contains("query complexity `lots` is not a whole number"), "{stderr}");
}

#[test]
fn check_reports_every_problem_not_just_the_first() {
    let out = krakengen(&["check", "tests/fixtures/malformed/truncated.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("truncated.txt:46:1"), "{stderr}");
    assert!(stderr.contains("truncated.txt:138:27"), "{stderr}");
    // The file ends inside its last block's operation, which says what happened to the file.
    assert!(stderr.contains("krakengen::truncated-file") && stderr.contains("the file looks truncated"), "{stderr}");
    assert!(text(&out.stdout).ends_with(", 3 errors, 0 warnings\n"), "{}", text(&out.stdout));
}

#[test]
fn check_fails_on_binary_and_empty_input() {
    // Each is refused by the one diagnostic that explains it, and no rendering is named.
    for (file, code) in [("tests/fixtures/malformed/garbage.bin", "invalid-utf8"), ("tests/fixtures/malformed/empty.txt", "empty-file")] {
        let out = krakengen(&["check", file]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        assert!(text(&out.stdout).starts_with(&format!("{file}: no blocks, 0 mutations")), "{file}: {}", text(&out.stdout));
        assert!(text(&out.stdout).ends_with(", 1 errors, 0 warnings\n"), "{file}: {}", text(&out.stdout));
        let stderr = text(&out.stderr);
        assert!(stderr.contains(&format!("krakengen::{code}")) && !stderr.contains("no-mutations"), "{file}: {stderr}");
    }
}

#[test]
fn unreadable_input_is_a_usage_error() {
    let out = krakengen(&["check", "no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("error: cannot read no/such/file.txt"), "{}", text(&out.stderr));
    let empty = tempfile::tempdir().expect("a temporary directory");
    let out = Command::new(env!("CARGO_BIN_EXE_krakengen")).arg("check").arg(empty.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no reference files found"), "{}", text(&out.stderr));
}

#[test]
fn parse_prints_stable_json() {
    let out = krakengen(&["parse", "schema/oees/mutations.txt", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["files"][0]["path"], "schema/oees/mutations.txt");
    assert_eq!(json["files"][0]["rendering"], "standard");
    assert_eq!(json["mutations"].as_array().map(Vec::len), Some(326));
    assert_eq!(json["mutations"][0]["name"], "acceptGoodsQuote");
    // The documented field names of a mutation, in order.
    let keys: Vec<&str> = json["mutations"][0].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "name", "kind", "span", "return_type", "return_type_provenance", "url", "description", "complexity", "errors",
            "permissions", "rate_limits", "deprecation", "arguments", "fields", "union_members", "example"
        ]
    );
    // It reads back into the model, and a second run prints the same bytes.
    let model: krakengen::model::Reference = serde_json::from_slice(&out.stdout).expect("the model");
    assert_eq!(model.operations.len(), 326);
    assert_eq!(krakengen(&["parse", "schema/oees/mutations.txt"]).stdout, out.stdout);
}

#[test]
fn parse_exits_one_on_errors_but_still_prints_the_model() {
    let out = krakengen(&["parse", "tests/fixtures/malformed/bad_error_line.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let model: krakengen::model::Reference = serde_json::from_slice(&out.stdout).expect("the model");
    assert_eq!(model.operations.len(), 2);
    assert!(text(&out.stderr).contains("bad_error_line.txt:7:1"));
}

#[test]
fn a_directory_is_read_in_name_order() {
    let out = krakengen(&["check", "tests/fixtures/standard"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "tests/fixtures/standard: standard rendering, 4 mutations, 11 error entries, 11 error codes, 0 errors, 0 warnings\n");
}

/// `krakengen codegen --check` reads `krakengen.toml` like the xtask: the checked-in files are fresh,
/// and a stale copy in a scratch project is reported with exit code 1 and left untouched.
#[test]
fn codegen_check_reads_the_config_file() {
    // Without a stamp, so this is always the full comparison and nothing is written under `target/`.
    // Every file of the repository's two projects (SDL, catalogue, three crates each, and the oees
    // project's Python package of nine files) is compared.
    let out = krakengen(&["codegen", "--check", "--no-stamp"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "19 generated files, 0 stale\n");

    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root().join("tests/fixtures/crlf/basic.txt"), dir.path().join("ref.txt")).unwrap();
    std::fs::write(dir.path().join("krakengen.toml"), "[[project]]\nname = \"t\"\ndocs = \"ref.txt\"\nschema_dir = \"out\"\n").unwrap();
    let config = dir.path().join("krakengen.toml");
    let run = |check: bool| {
        let mut args = vec!["codegen".to_string(), "--config".into(), config.display().to_string()];
        if check {
            args.push("--check".into());
        }
        Command::new(env!("CARGO_BIN_EXE_krakengen")).args(&args).output().unwrap()
    };
    let stale = run(true);
    assert_eq!(stale.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&stale.stderr).contains("stale out/schema.graphql"), "{}", String::from_utf8_lossy(&stale.stderr));
    assert!(!dir.path().join("out").exists());
    assert_eq!(run(false).status.code(), Some(0));
    assert_eq!(run(true).status.code(), Some(0));
}

/// A `krakengen.toml` project with users' documents and a Python package: the client crate holds
/// the documents' operations, the package their methods with the Python scalar mapping of the
/// file, and a document the schema refuses stops everything with its file, line and column.
#[test]
fn codegen_reads_documents_and_the_python_package_from_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = |rel: &str| root().join("tests/fixtures").join(rel).display().to_string();
    std::fs::create_dir(dir.path().join("ops")).unwrap();
    for file in ["fragments.graphql", "operations.graphql"] {
        std::fs::copy(fixture(&format!("documents/{file}")), dir.path().join("ops").join(file)).unwrap();
    }
    let config = format!(
        "[[project]]\nname = \"sup\"\nreference = {:?}\nschema_dir = \"schema\"\nsupplements = [{:?}]\ndocuments = [\"ops\"]\n\
         errors_crate = \"errors\"\nclient_crate = \"client\"\npython_package = \"py\"\npython_name = \"sup-client\"\n\
         [project.python_scalars]\nDateTime = \"str\"\n",
        fixture("supplement/reference.txt"),
        fixture("supplement/agreeing.graphql"),
    );
    std::fs::write(dir.path().join("krakengen.toml"), config).unwrap();
    let run = || Command::new(env!("CARGO_BIN_EXE_krakengen")).args(["codegen", "--config", "krakengen.toml", "--no-stamp"]).current_dir(dir.path()).output().unwrap();
    let out = run();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let client = std::fs::read_to_string(dir.path().join("client/src/generated.rs")).unwrap();
    assert!(client.contains("pub mod link {") && client.contains("pub mod quotes {"), "the documents' operations");
    let py = dir.path().join("py/src/sup_client");
    let methods = std::fs::read_to_string(py.join("client.py")).unwrap();
    assert!(methods.contains("    async def link(") && methods.contains("    def quotes("), "both clients");
    let models = std::fs::read_to_string(py.join("models.py")).unwrap();
    assert!(models.contains("\nDateTime = str\n"), "the file's scalar mapping");

    std::fs::write(dir.path().join("ops/bad.graphql"), "mutation Bad {\n  notAMutation\n}\n").unwrap();
    let before = std::fs::read(py.join("client.py")).unwrap();
    let failed = run();
    assert_eq!(failed.status.code(), Some(1));
    assert!(text(&failed.stderr).contains("bad.graphql:2:3"), "{}", text(&failed.stderr));
    assert_eq!(std::fs::read(py.join("client.py")).unwrap(), before, "nothing was written");
}

/// `krakengen codegen` keeps the stamp where `cargo xtask codegen` does, and `--check` trusts it only
/// while the inputs and outputs are unchanged: an edited reference or an edited output is stale
/// (exit 1) even with the stamp of an earlier clean run present.
#[test]
fn codegen_check_uses_the_stamp_only_while_nothing_changed() {
    let dir = tempfile::tempdir().unwrap();
    let reference = std::fs::read_to_string(root().join("tests/fixtures/crlf/basic.txt")).unwrap();
    std::fs::write(dir.path().join("ref.txt"), &reference).unwrap();
    std::fs::write(dir.path().join("krakengen.toml"), "[[project]]\nname = \"t\"\ndocs = \"ref.txt\"\nschema_dir = \"out\"\n").unwrap();
    let run = |extra: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_krakengen"))
            .args(["codegen", "--config", "krakengen.toml"])
            .args(extra)
            .current_dir(dir.path())
            .env_remove("CARGO_TARGET_DIR")
            .output()
            .unwrap();
        (out.status.code(), text(&out.stdout), text(&out.stderr))
    };
    let stamp = dir.path().join("target/krakengen/codegen.stamp");
    const FROM_STAMP: &str = "(inputs and outputs match the stamp)";

    assert_eq!(run(&[]).0, Some(0));
    assert!(stamp.exists(), "generating writes the stamp under target/");
    let (code, stdout, _) = run(&["--check"]);
    assert_eq!(code, Some(0));
    assert_eq!(stdout, format!("2 generated files, 0 stale {FROM_STAMP}\n"));
    // `--no-stamp` always runs the full check.
    let (code, stdout, _) = run(&["--check", "--no-stamp"]);
    assert_eq!((code, stdout.as_str()), (Some(0), "2 generated files, 0 stale\n"));

    // An input edited after the clean run: the stamp no longer vouches, the full check finds both
    // outputs stale and writes nothing.
    let sdl = std::fs::read(dir.path().join("out/schema.graphql")).unwrap();
    let edited = reference.replace("Enrollment process not found.", "Enrollment process was not found.");
    assert_ne!(edited, reference);
    std::fs::write(dir.path().join("ref.txt"), &edited).unwrap();
    let (code, stdout, stderr) = run(&["--check"]);
    assert_eq!(code, Some(1), "{stdout}{stderr}");
    assert!(!stdout.contains(FROM_STAMP), "{stdout}");
    assert!(stderr.contains("stale out/metadata.json"), "{stderr}");
    assert_eq!(std::fs::read(dir.path().join("out/schema.graphql")).unwrap(), sdl, "a check writes nothing");

    // Regenerated, the check is answered by the stamp again; an output edited behind its back (same
    // length, so only the hash can tell) is stale again.
    assert_eq!(run(&[]).0, Some(0));
    assert!(run(&["--check"]).1.contains(FROM_STAMP));
    let json = dir.path().join("out/metadata.json");
    let mut bytes = std::fs::read(&json).unwrap();
    let i = bytes.iter().position(|b| b.is_ascii_alphabetic()).unwrap();
    bytes[i] = if bytes[i] == b'x' { b'y' } else { b'x' };
    std::fs::write(&json, &bytes).unwrap();
    let (code, _, stderr) = run(&["--check"]);
    assert_eq!(code, Some(1));
    // The stale file, then a short diff of its first difference.
    let diff = stderr.strip_prefix("stale out/metadata.json\n").unwrap_or_else(|| panic!("{stderr}"));
    assert!(diff.starts_with("--- ") && diff.contains("(on disk)\n+++ ") && diff.contains("@@ line 2 @@\n"), "{diff}");
    assert!(diff.contains("\n-  \"xrrors\": {\n+  \"errors\": {\n"), "{diff}");

    // Bytes added at the end of an output, or cut from it, make it stale too: with the stamp (its
    // hash) and without (the full comparison).
    for change in ["append", "truncate"] {
        assert_eq!(run(&[]).0, Some(0));
        let mut bytes = std::fs::read(&json).unwrap();
        if change == "append" {
            bytes.extend_from_slice(b"\n");
        } else {
            bytes.pop();
        }
        std::fs::write(&json, &bytes).unwrap();
        for extra in [&["--check"][..], &["--check", "--no-stamp"]] {
            let (code, stdout, stderr) = run(extra);
            assert_eq!(code, Some(1), "{change} {extra:?}: {stdout}{stderr}");
            assert!(stderr.starts_with("stale out/metadata.json\n"), "{change} {extra:?}: {stderr}");
        }
    }

    // `--stamp` puts it elsewhere.
    let elsewhere = dir.path().join("elsewhere.stamp");
    assert_eq!(run(&["--stamp", elsewhere.to_str().unwrap()]).0, Some(0));
    assert!(elsewhere.exists());
    assert!(run(&["--check", "--stamp", elsewhere.to_str().unwrap()]).1.contains(FROM_STAMP));
}

/// `krakengen generate --supplement` types what the supplement fills, and an invalid supplement
/// stops it before anything is written.
#[test]
fn generate_takes_supplements() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("crate");
    let run = |supplement: &str| {
        krakengen(&[
            "generate",
            "tests/fixtures/supplement/reference.txt",
            "--out",
            &out.display().to_string(),
            "--supplement",
            supplement,
        ])
    };
    let bad = run("tests/fixtures/supplement/invalid.graphql");
    assert_eq!(bad.status.code(), Some(1), "{}", text(&bad.stderr));
    assert!(text(&bad.stderr).contains("supplement-invalid"), "{}", text(&bad.stderr));
    assert!(!out.exists());
    let good = run("tests/fixtures/supplement/agreeing.graphql");
    assert_eq!(good.status.code(), Some(0), "{}", text(&good.stderr));
    let client = std::fs::read_to_string(out.join("src/client.rs")).unwrap();
    assert!(client.contains("pub struct GoodsPurchase {"), "{client}");
}

/// `krakengen generate` prints the generator's warnings, writes the whole crate, and on a second run
/// rewrites nothing (every file compared while it is generated) and leaves no temporary file.
#[test]
fn generate_warns_writes_once_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("crate");
    let fragment = dir.path().join("f.graphql");
    std::fs::write(&fragment, "fragment Y on NoSuchType { __typename }\n").unwrap();
    let run = || {
        krakengen(&[
            "generate",
            "tests/fixtures/supplement/reference.txt",
            "--out",
            &out.display().to_string(),
            "--fragments",
            &fragment.display().to_string(),
        ])
    };
    let first = run();
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    assert!(text(&first.stderr).contains("fragment `Y` is on `NoSuchType`, a type the schema does not declare"), "{}", text(&first.stderr));
    assert!(text(&first.stdout).ends_with("wrote 4 of 4 files\n"), "{}", text(&first.stdout));
    let client = out.join("src/client.rs");
    // The header names the command that wrote the file.
    for file in ["src/client.rs", "src/errors.rs", "src/lib.rs"] {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        assert!(text.starts_with("// @generated by `krakengen generate`, do not edit.\n"), "{file}: {}", &text[..80]);
    }
    assert!(std::fs::read_to_string(out.join("Cargo.toml")).unwrap().starts_with("# @generated by `krakengen generate`, do not edit.\n"));
    let before = std::fs::metadata(&client).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let second = run();
    assert!(text(&second.stdout).ends_with("wrote 0 of 4 files\n"), "{}", text(&second.stdout));
    assert_eq!(std::fs::metadata(&client).unwrap().modified().unwrap(), before, "an unchanged file is not rewritten");
    let mut names: Vec<String> = std::fs::read_dir(out.join("src")).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["client.rs", "errors.rs", "lib.rs"], "no temporary file is left");
}

/// A typo in `--operation` stops `generate` with exit 1 and a "did you mean", and writes nothing
/// (not even the output directory).
#[test]
fn a_selection_that_matches_nothing_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("kc");
    let run = krakengen(&["generate", "schema/oees/mutations.txt", "--out", &out.display().to_string(), "--operation", "acceptGoodsQoute"]);
    assert_eq!(run.status.code(), Some(1), "{}", text(&run.stderr));
    let stderr = text(&run.stderr);
    // In the style of every other diagnostic (miette wraps it at 100 columns).
    assert!(stderr.starts_with("krakengen::operation-pattern-unused\n\n  × "), "{stderr}");
    assert!(stderr.replace("\n  │ ", " ").contains("did you mean `acceptGoodsQuote`?"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(!stderr.contains("empty-selection"), "the reference's warnings are not the point:\n{stderr}");
    assert!(text(&run.stdout).is_empty());
    assert!(!out.exists(), "nothing is created");
}

/// `--runtime-path` must name the `krakengen-client` package: a directory without it, or another
/// package, stops `generate` with exit 2 and a message naming the flag and the manifest, and
/// nothing is written. A good path is written relative to `--out`.
#[test]
fn generate_checks_the_runtime_path() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("kc");
    let out_arg = out.display().to_string();
    let missing = dir.path().join("nowhere").display().to_string();
    for (path, says) in [(missing.as_str(), "cannot read"), ("crates/krakengen-server", "is not the krakengen-client package")] {
        let run = krakengen(&["generate", "schema/oees/mutations.txt", "--out", &out_arg, "--operation", "acceptGoodsQuote", "--runtime-path", path]);
        assert_eq!(run.status.code(), Some(2), "{}", text(&run.stderr));
        let stderr = text(&run.stderr);
        assert!(stderr.contains("--runtime-path") && stderr.contains("Cargo.toml") && stderr.contains(says), "{stderr}");
        assert!(!out.exists(), "nothing is created");
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap();
    let runtime = root.join("crates/krakengen-client").display().to_string();
    let run = krakengen(&["generate", "schema/oees/mutations.txt", "--out", &out_arg, "--operation", "acceptGoodsQuote", "--runtime-path", &runtime]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let manifest: toml::Table = std::fs::read_to_string(out.join("Cargo.toml")).unwrap().parse().unwrap();
    let written = manifest["dependencies"]["krakengen-client"]["path"].as_str().unwrap().to_string();
    assert!(!std::path::Path::new(&written).is_absolute(), "{written}");
    assert_eq!(out.join(&written).canonicalize().unwrap(), root.join("crates/krakengen-client").canonicalize().unwrap());
}

/// `generate` of a few operations shows the warnings of what it generates and one line counting
/// the others: `addPortfolioReference`'s warning is shown when it is selected and not otherwise.
#[test]
fn generate_shows_only_the_warnings_of_the_selected_operations() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("kc").display().to_string();
    let all = text(&krakengen(&["check", "schema/oees/mutations.txt"]).stderr).matches("\n  ⚠ ").count();
    let run = |operations: &[&str]| {
        let mut args = vec!["generate", "schema/oees/mutations.txt", "--out", &out];
        for o in operations {
            args.extend(["--operation", o]);
        }
        let run = krakengen(&args);
        assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
        text(&run.stderr)
    };
    let quiet = run(&["acceptGoodsQuote", "obtainKrakenToken"]);
    assert!(!quiet.contains("krakengen::"), "{quiet}");
    assert!(quiet.contains(&format!("{all} warnings about operations and types not generated are not shown")), "{quiet}");
    let one = run(&["acceptGoodsQuote", "addPortfolioReference"]);
    assert_eq!(one.matches("krakengen::empty-selection").count(), 1, "{one}");
    assert!(one.contains("`addPortfolioReference`"), "{one}");
    assert!(one.contains(&format!("{} warnings about operations and types not generated are not shown", all - 1)), "{one}");
}

/// A reader that closes the pipe early (`krakengen parse … | head -1`) ends the command quietly,
/// with exit 0, as `ls | head` does: no panic, no "Broken pipe" error.
#[test]
fn a_closed_pipe_ends_quietly() {
    use std::process::Stdio;
    for args in [&["parse", "schema/oees/mutations.txt"][..], &["check", "schema/oees/mutations.txt", "--format", "json"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_krakengen"))
            .args(args)
            .current_dir(root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("krakengen runs");
        // The reader goes away before reading anything; the parse output (megabytes) cannot fit the
        // pipe's buffer, so the write fails with EPIPE.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("krakengen ends");
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe") && !stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

/// `generate --documents`: the users' operations become modules of the crate; an invalid document
/// stops it with its position and writes nothing.
#[test]
fn generate_types_the_users_documents() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("kc");
    let out_s = out.display().to_string();
    let ok = krakengen(&[
        "generate",
        "tests/fixtures/supplement/reference.txt",
        "--supplement",
        "tests/fixtures/supplement/agreeing.graphql",
        "--documents",
        "tests/fixtures/documents",
        "--out",
        &out_s,
    ]);
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok.stderr));
    let client = std::fs::read_to_string(out.join("src/client.rs")).unwrap();
    assert!(client.contains("pub mod link {") && client.contains("pub mod devices {") && client.contains("pub mod quotes {"));

    let bad = dir.path().join("bad.graphql");
    std::fs::write(&bad, "mutation Bad {\n  notAMutation\n}\n").unwrap();
    let out2 = dir.path().join("kc2");
    let failed = krakengen(&[
        "generate",
        "tests/fixtures/supplement/reference.txt",
        "--documents",
        &bad.display().to_string(),
        "--out",
        &out2.display().to_string(),
    ]);
    assert_eq!(failed.status.code(), Some(1), "{}", text(&failed.stderr));
    let stderr = text(&failed.stderr);
    assert!(stderr.contains("bad.graphql:2:3:") && stderr.contains("notAMutation"), "{stderr}");
    assert!(!out2.exists());
}

/// `generate --lang python --name` refuses a name pip would not take, with exit 2, writing nothing.
#[test]
fn a_bad_python_distribution_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("py");
    let o = krakengen(&["generate", "tests/fixtures/standard/small.txt", "--lang", "python", "--name", "9 lives", "--out", &out.display().to_string()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("--name: `9 lives` is not a Python distribution name: letters, digits, - and _, starting with a letter"), "{}", text(&o.stderr));
    assert!(!out.exists());
}

/// `--scalar` with `--lang python` takes a Python name; anything else (code, above all) is refused
/// with its diagnostic and nothing is written.
#[test]
fn a_python_scalar_mapping_must_be_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("py");
    let args = |mapping: &'static str| ["generate", "tests/fixtures/standard/small.txt", "--lang", "python", "--scalar", mapping, "--out"];
    let o = krakengen(&[&args("Date=os.system('x')")[..], &[out.to_str().unwrap()]].concat());
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(text(&o.stderr).contains("the Python mapping of scalar `Date` is not a Python name: `os.system('x')`"), "{}", text(&o.stderr));
    assert!(!out.exists());
    let o = krakengen(&[&args("Date=str")[..], &[out.to_str().unwrap()]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(out.join("pyproject.toml").exists());
}
