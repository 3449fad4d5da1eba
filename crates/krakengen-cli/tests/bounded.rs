//! Bad input of any size gets a short, bounded report: every command that reads user input is given
//! 2 MB of single-line JSON (as an introspection result saved by a GraphQL tool looks) and 2 MB of
//! one line of junk, as each kind of input it reads (reference, supplement, fragments file,
//! configuration), and so is a valid SDL line followed by 2 MB of junk. Each must exit with its
//! documented code, write nothing anywhere in its directory, and print at most the 7 KB
//! `docs/benchmarks.md` promises. The inputs are generated here, not checked in.
//!
//! How fast and how lean these runs are is measured in release by the commands in
//! `docs/benchmarks.md`; the deadline here only stops a test that hangs (debug builds, a loaded CI
//! machine), it is no speed target.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The most a run may print on stdout and stderr together, as `docs/benchmarks.md` states it.
const MAX_OUTPUT: usize = 7 * 1024;
/// A run that takes longer than this is hung, not slow.
const DEADLINE: Duration = Duration::from_secs(120);
const SIZE: usize = 2 * 1024 * 1024;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the repository root")
}

use krakengen::synth::{introspection_json, junk};

struct Run {
    code: Option<i32>,
    output: Vec<u8>,
}

/// Runs the binary in `dir` and kills it at the deadline.
fn krakengen(dir: &Path, args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_krakengen"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("krakengen runs");
    let start = Instant::now();
    let mut pipes = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let readers = std::thread::spawn(move || {
        use std::io::Read;
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let _ = pipes.0.read_to_end(&mut out);
        let _ = pipes.1.read_to_end(&mut err);
        out.extend(err);
        out
    });
    loop {
        if let Some(status) = child.try_wait().expect("waiting works") {
            return Run { code: status.code(), output: readers.join().unwrap() };
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("krakengen {args:?} still ran after {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A scratch directory holding the bad input as `bad`, a small good reference and a configuration
/// naming them.
fn scratch(bad: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad"), bad).unwrap();
    std::fs::copy(root().join("tests/fixtures/standard/small.txt"), dir.path().join("ref.txt")).unwrap();
    dir
}

/// Writes a configuration `name` of one project generating from `ref.txt`, plus `extra` keys.
fn config(dir: &Path, name: &str, extra: &str) {
    let text = format!(
        "[[project]]\nname = \"t\"\ndocs = \"ref.txt\"\nschema_dir = \"out\"\nerrors_crate = \"e\"\nclient_crate = \"c\"\n{extra}"
    );
    std::fs::write(dir.join(name), text).unwrap();
}

/// Every file below `dir` with its length, to tell whether a run wrote anything anywhere.
fn files(dir: &Path) -> Vec<(PathBuf, u64)> {
    let mut out: Vec<(PathBuf, u64)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_path_buf(), e.metadata().map_or(0, |m| if m.is_file() { m.len() } else { 0 })))
        .collect();
    out.sort();
    out
}

/// Every way the bad input reaches a command, with the exit code that command documents.
fn check_every_command(name: &str, bad: &str) {
    let dir = scratch(bad);
    let d = dir.path();
    config(d, "supplement.toml", "supplements = [\"bad\"]\n");
    config(d, "fragments.toml", "fragments = [\"bad\"]\n");
    let cases: &[(&[&str], i32)] = &[
        (&["check", "bad"], 1),
        (&["check", "bad", "--format", "json"], 1),
        (&["parse", "bad"], 1),
        (&["schema", "bad", "--out", "out"], 1),
        (&["generate", "bad", "--out", "out"], 1),
        (&["schema", "ref.txt", "--out", "out", "--supplement", "bad"], 1),
        (&["generate", "ref.txt", "--out", "out", "--supplement", "bad"], 1),
        (&["generate", "ref.txt", "--out", "out", "--fragments", "bad"], 1),
        (&["codegen", "--config", "supplement.toml", "--no-stamp"], 1),
        (&["codegen", "--config", "fragments.toml", "--no-stamp"], 1),
        (&["codegen", "--config", "bad", "--no-stamp"], 2),
        (&["scaffold", "resolvers.rs", "--config", "bad"], 2),
    ];
    let before = files(d);
    for (args, code) in cases {
        let run = krakengen(d, args);
        let shown = String::from_utf8_lossy(&run.output[..run.output.len().min(2_000)]).into_owned();
        assert_eq!(run.code, Some(*code), "{name}: krakengen {args:?}:\n{shown}");
        assert!(run.output.len() < MAX_OUTPUT, "{name}: krakengen {args:?} printed {} bytes:\n{shown}", run.output.len());
        assert!(!run.output.is_empty(), "{name}: krakengen {args:?} said nothing");
        assert_eq!(files(d), before, "{name}: krakengen {args:?} wrote or changed something in its directory");
    }
}

#[test]
fn two_megabytes_of_json_get_short_reports() {
    let json = introspection_json(SIZE);
    assert!(json.len() >= SIZE && !json.contains('\n'));
    check_every_command("json", &json);
}

#[test]
fn two_megabytes_of_junk_get_short_reports() {
    check_every_command("junk", &junk(SIZE, 7));
}

/// Junk behind a valid first definition gets past the supplement's early refusal, so the GraphQL
/// parser reads all of it: its problems are listed up to a bound and counted after it. Every
/// command gets it as every kind of input too.
#[test]
fn junk_behind_valid_sdl_is_reported_within_bounds() {
    check_every_command("sdl+junk", &format!("type Query {{ a: String }}\n{}", junk(SIZE, 7)));
    let dir = scratch(&format!("type Query {{ a: String }}\n{}", junk(SIZE, 7)));
    let run = krakengen(dir.path(), &["schema", "ref.txt", "--out", "out", "--supplement", "bad"]);
    let text = String::from_utf8_lossy(&run.output).into_owned();
    assert_eq!(run.code, Some(1), "{text}");
    assert!(run.output.len() < MAX_OUTPUT, "{} bytes", run.output.len());
    assert!(text.contains("krakengen::supplement-invalid"), "{text}");
    assert!(!dir.path().join("out").exists());
}

/// The cap is the user's: `--max-diagnostics` shows more or fewer, and the rest is counted by code.
#[test]
fn max_diagnostics_sets_the_cap() {
    let dir = scratch(&format!("type Query {{ a: String }}\n{}", junk(64 * 1024, 7)));
    let count = |n: &str| {
        let run = krakengen(dir.path(), &["schema", "ref.txt", "--out", "out", "--supplement", "bad", "--max-diagnostics", n]);
        assert_eq!(run.code, Some(1));
        let text = String::from_utf8_lossy(&run.output).into_owned();
        let more = text.lines().find(|l| l.starts_with("… and ")).map(str::to_string);
        (text.matches("krakengen::supplement-invalid").count(), more)
    };
    let (shown, more) = count("3");
    assert_eq!(shown, 3);
    assert!(more.as_deref().is_some_and(|m| m.contains("of bad not shown (supplement-invalid ×")), "{more:?}");
    assert_eq!(count("10").0, 10);
    let json = krakengen(dir.path(), &["check", "bad", "--format", "json", "--max-diagnostics", "0"]);
    let report: serde_json::Value = serde_json::from_slice(&json.output).expect("one JSON object");
    assert_eq!(report["diagnostics"], serde_json::json!([]));
    assert_eq!(report["omitted"]["bad"]["no-mutations"], 1, "{report}");
}
