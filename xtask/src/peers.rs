//! `cargo xtask bench-peers`: times krakengen against the generators users would pick instead.
//!
//! Three pairs are timed on the same machine in one run, alternating within every round so that a
//! change of load (other builds on the machine) hits both sides of a pair alike:
//!
//! 1. the Rust client for every operation: `krakengen generate` (reference → self-contained client
//!    crate) against `graphql-client generate` (crate `graphql_client_cli`) run on each operation
//!    document with the SDL krakengen derived from the same reference;
//! 2. the whole regeneration: `krakengen codegen` (reference → SDL, catalogue and both Rust crates, what
//!    `cargo xtask codegen` does) against GraphQL Code Generator with the `typescript` and
//!    `typescript-operations` plugins on the same SDL and documents;
//! 3. a client from 200 users' documents: `krakengen generate --documents` against graphql-client
//!    given the same documents in one file.
//!
//! Every side is timed as the processes a user would start, so process start-up counts on both
//! sides. The peers are installed below `target/peers/` the first time this command runs, never by
//! the build or the tests. Everything that can be wrong without the network (medians, the table, the
//! grouping of failures) is pure and unit-tested below.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub mod compile;
pub mod python;

/// The peer versions this benchmark installs, pinned so that two runs compare the same tools.
const GRAPHQL_CLIENT_CLI: &str = "0.16.0";
const NPM_PACKAGES: &[&str] = &[
    "@graphql-codegen/cli@7.4.3",
    "@graphql-codegen/typescript@6.1.0",
    "@graphql-codegen/typescript-operations@6.1.9",
    "graphql@16.13.0",
];

/// One process to start: a program, its arguments and its working directory.
#[derive(Debug, Clone)]
struct Proc {
    program: PathBuf,
    args: Vec<OsString>,
    dir: PathBuf,
}

impl Proc {
    fn new(program: impl Into<PathBuf>, args: &[&dyn AsRef<std::ffi::OsStr>], dir: &Path) -> Self {
        Self { program: program.into(), args: args.iter().map(|a| a.as_ref().to_os_string()).collect(), dir: dir.to_path_buf() }
    }

    /// Runs the process to completion with its output captured; `Err` holds a one-line reason.
    fn run(&self) -> Result<(), String> {
        let out = Command::new(&self.program)
            .args(&self.args)
            .current_dir(&self.dir)
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("cannot start {}: {e}", self.program.display()))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(first_meaningful_line(&String::from_utf8_lossy(&out.stderr))
                .or_else(|| first_meaningful_line(&String::from_utf8_lossy(&out.stdout)))
                .unwrap_or_else(|| format!("exited with {}", out.status)))
        }
    }
}

/// One side of a pair: the processes it starts, one after the other, and the directory it writes,
/// emptied before every run so each run writes all of its output.
struct Side {
    label: String,
    procs: Vec<Proc>,
    out_dir: PathBuf,
    /// Whether some processes are expected to fail (the peer rejects some operations; the failures
    /// were counted beforehand and are reported), so a failure does not stop the benchmark.
    tolerate_failures: bool,
}

impl Side {
    fn run_timed(&self) -> Result<Duration, String> {
        reset_dir(&self.out_dir)?;
        let start = Instant::now();
        for p in &self.procs {
            if let Err(e) = p.run() {
                if !self.tolerate_failures {
                    return Err(format!("{}: {e}", self.label));
                }
            }
        }
        Ok(start.elapsed())
    }
}

/// What every comparison starts from.
pub(crate) struct Setup {
    /// The repository.
    pub root: PathBuf,
    /// `target/peers`, where the peers are installed.
    pub peers: PathBuf,
    /// The comparison's scratch directory below it, emptied.
    pub work: PathBuf,
    /// krakengen's release binary.
    pub krakengen: PathBuf,
}

/// Checks the round count, empties `target/peers/{work}` and builds krakengen in release.
pub(crate) fn prepare(rounds: usize, work: &str) -> Result<Setup, String> {
    if rounds == 0 {
        return Err("--rounds must be at least 1".into());
    }
    let root = crate::root();
    let peers = root.join("target/peers");
    let work = peers.join(work);
    reset_dir(&work)?;
    eprintln!("building krakengen (release)…");
    run_status(
        Command::new(cargo()).args(["build", "--release", "--quiet", "-p", "krakengen-cli", "--bin", "krakengen"]).current_dir(&root),
        "cargo build --release -p krakengen-cli",
    )?;
    let krakengen = root.join("target/release/krakengen");
    Ok(Setup { root, peers, work, krakengen })
}

/// Runs `cargo xtask bench-peers --rounds N`; `Ok` holds the report (a markdown table and notes).
pub fn run(rounds: usize) -> Result<String, String> {
    let Setup { root, peers, work, krakengen } = prepare(rounds, "work")?;
    let graphql_client = install_graphql_client(&peers)?;
    let graphql_codegen = install_graphql_codegen(&peers)?;

    // The inputs both sides share: the reference, the SDL krakengen derives from it (checked in and
    // kept fresh by `cargo xtask codegen --check`) and one operation document per mutation.
    let reference = root.join("schema/oees/mutations.txt");
    let sdl = root.join("schema/oees/schema.graphql");
    let ops_dir = work.join("operations");
    let documents = write_operation_documents(&root, &ops_dir)?;
    let doc_paths: Vec<PathBuf> = documents.iter().map(|(name, _)| ops_dir.join(format!("{name}.graphql"))).collect();

    // Pair 1: the Rust client.
    let out1 = work.join("out/krakengen-client");
    let out_gc = work.join("out/graphql-client");
    let kg_client = Side {
        label: "krakengen generate".into(),
        procs: vec![Proc::new(&krakengen, &[&"generate", &reference, &"--out", &out1, &"--project", &"oees"], &root)],
        out_dir: out1,
        tolerate_failures: false,
    };
    let gc_procs: Vec<Proc> = doc_paths
        .iter()
        .map(|doc| Proc::new(&graphql_client, &[&"generate", &"--schema-path", &sdl, &"--output-directory", &out_gc, doc], &root))
        .collect();
    eprintln!("checking which of the {} operations graphql-client accepts…", gc_procs.len());
    reset_dir(&out_gc)?;
    let failures: Vec<(String, String)> =
        documents.iter().zip(&gc_procs).filter_map(|((name, _), p)| p.run().err().map(|e| (name.clone(), e))).collect();
    let gc_side = Side { label: "graphql-client generate, one process per operation".into(), procs: gc_procs, out_dir: out_gc, tolerate_failures: true };
    // graphql-client also accepts one document holding every operation and then generates a module per
    // operation, so the fastest way to use it is timed too (with and without its rustfmt pass).
    let all = work.join("concatenated/all.graphql");
    std::fs::create_dir_all(work.join("concatenated")).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    std::fs::write(&all, concatenate(&documents)).map_err(|e| format!("cannot write {}: {e}", all.display()))?;
    let out_cat = work.join("out/graphql-client-one-document");
    let gc_one = |formatting: bool| {
        let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"generate", &"--schema-path", &sdl, &"--output-directory", &out_cat, &all];
        if !formatting {
            args.insert(1, &"--no-formatting");
        }
        Side {
            label: format!("graphql-client generate, one document{}", if formatting { "" } else { ", --no-formatting" }),
            procs: vec![Proc::new(&graphql_client, &args, &root)],
            out_dir: out_cat.clone(),
            tolerate_failures: false,
        }
    };
    let (gc_cat, gc_cat_raw) = (gc_one(true), gc_one(false));

    // Pair 2: the whole regeneration, into a scratch copy of the project's layout.
    let regen = work.join("regen");
    std::fs::write(work.join("krakengen.toml"), regen_config()).map_err(|e| format!("cannot write the scratch krakengen.toml: {e}"))?;
    let kg_regen = Side {
        label: "krakengen codegen".into(),
        procs: vec![Proc::new(&krakengen, &[&"codegen", &"--config", &work.join("krakengen.toml")], &root)],
        out_dir: regen,
        tolerate_failures: false,
    };
    let out_ts = work.join("out/graphql-codegen");
    std::fs::write(work.join("codegen.yml"), codegen_config(&sdl, &ops_dir, &out_ts.join("types.ts")))
        .map_err(|e| format!("cannot write codegen.yml: {e}"))?;
    let gcg_side = Side {
        label: "graphql-codegen".into(),
        // Plugins are resolved from the working directory, so the tool runs where it was installed.
        procs: vec![Proc::new(&graphql_codegen, &[&"--config", &work.join("codegen.yml")], &peers.join("node"))],
        out_dir: out_ts,
        tolerate_failures: false,
    };

    // Pair 3: a client from 200 users' documents (the first 200 operation documents, one file each):
    // `krakengen generate --documents` against graphql-client given the same documents in one file.
    let user_dir = work.join("documents-200");
    std::fs::create_dir_all(&user_dir).map_err(|e| format!("cannot create {}: {e}", user_dir.display()))?;
    let users = &documents[..documents.len().min(200)];
    for (name, doc) in users {
        let path = user_dir.join(format!("{name}.graphql"));
        std::fs::write(&path, doc).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let out_docs = work.join("out/krakengen-documents");
    let kg_docs = Side {
        label: format!("krakengen generate --documents ({} files)", users.len()),
        procs: vec![Proc::new(&krakengen, &[&"generate", &reference, &"--documents", &user_dir, &"--out", &out_docs, &"--project", &"oees"], &root)],
        out_dir: out_docs,
        tolerate_failures: false,
    };
    let all200 = work.join("concatenated/documents-200.graphql");
    std::fs::write(&all200, concatenate(users)).map_err(|e| format!("cannot write {}: {e}", all200.display()))?;
    let out_gc200 = work.join("out/graphql-client-200");
    let gc_200 = |formatting: bool| {
        let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"generate", &"--schema-path", &sdl, &"--output-directory", &out_gc200, &all200];
        if !formatting {
            args.insert(1, &"--no-formatting");
        }
        Side {
            label: format!("graphql-client generate, the same documents in one file{}", if formatting { "" } else { ", --no-formatting" }),
            procs: vec![Proc::new(&graphql_client, &args, &root)],
            out_dir: out_gc200.clone(),
            tolerate_failures: false,
        }
    };
    let (gc_200_fmt, gc_200_raw) = (gc_200(true), gc_200(false));

    let pairs = [
        (&kg_client, &gc_side),
        (&kg_client, &gc_cat),
        (&kg_client, &gc_cat_raw),
        (&kg_regen, &gcg_side),
        (&kg_docs, &gc_200_fmt),
        (&kg_docs, &gc_200_raw),
    ];
    let load_before = load_average();
    let mut times: Vec<(Vec<Duration>, Vec<Duration>)> = vec![(Vec::new(), Vec::new()); pairs.len()];
    // Round 0 warms the page cache and is not counted. Odd rounds run the peer first, so neither side
    // always runs right after the other's writes.
    for round in 0..=rounds {
        eprintln!("round {round}/{rounds}{}", if round == 0 { " (warm-up, not counted)" } else { "" });
        for ((ours, peer), times) in pairs.iter().zip(times.iter_mut()) {
            run_pair(round, ours, peer, times)?;
        }
    }
    let load_after = load_average();

    let rows: Vec<Row> = pairs
        .iter()
        .zip(&times)
        .map(|((ours, peer), (t_ours, t_peer))| Row {
            ours: ours.label.clone(),
            peer: peer.label.clone(),
            ours_median: median(t_ours),
            peer_median: median(t_peer),
        })
        .collect();
    let mut report = table(&rows);
    report.push_str(&format!(
        "\n{rounds} alternating rounds after one warm-up round; {} operation documents.\n",
        documents.len()
    ));
    report.push_str(&format!(
        "Machine: {} cores, load average {} before and {} after; {}.\n",
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        load_before,
        load_after,
        versions(&[
            (Path::new("rustc"), "--version"),
            (&krakengen, "--version"),
            (&graphql_client, "--version"),
            (Path::new("node"), "--version"),
            (&graphql_codegen, "--version"),
        ])
    ));
    report.push_str(&failure_summary("graphql-client", documents.len(), &failures));
    let path = peers.join("report.md");
    std::fs::write(&path, &report).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(format!("{report}\n(also written to {})", path.display()))
}

/// Runs both sides of a pair once in round `round`, the peer first in odd rounds so that neither
/// side always runs right after the other's writes, and adds their times to `times` (ours, the
/// peer's) unless it is the warm-up round 0.
fn run_pair(round: usize, ours: &Side, peer: &Side, times: &mut (Vec<Duration>, Vec<Duration>)) -> Result<(), String> {
    let peer_first = round % 2 == 1;
    let (a, b) = if peer_first { (peer, ours) } else { (ours, peer) };
    let (ta, tb) = (a.run_timed()?, b.run_timed()?);
    if round > 0 {
        let (t_ours, t_peer) = if peer_first { (tb, ta) } else { (ta, tb) };
        times.0.push(t_ours);
        times.1.push(t_peer);
    }
    Ok(())
}

/// The scratch configuration of pair 2: the vendored reference, outputs below `target/peers/work/regen`.
fn regen_config() -> String {
    // Paths are relative to the file, which lives in `target/peers/work`.
    "[[project]]\nname = \"oees\"\ndocs = \"../../../schema/oees/mutations.txt\"\nschema_dir = \"regen/schema\"\n\
     errors_crate = \"regen/crates/oees-errors\"\nclient_crate = \"regen/crates/oees-client\"\n"
        .to_string()
}

/// GraphQL Code Generator's configuration: types for the SDL and for every operation, in one file.
fn codegen_config(sdl: &Path, ops_dir: &Path, out: &Path) -> String {
    // JSON is YAML, and serde-free string escaping is enough for paths.
    format!(
        "{{\"overwrite\": true, \"silent\": true, \"schema\": {}, \"documents\": {}, \"generates\": {{{}: {{\"plugins\": [\"typescript\", \"typescript-operations\"]}}}}}}\n",
        json_string(&sdl.display().to_string()),
        json_string(&format!("{}/*.graphql", ops_dir.display())),
        json_string(&out.display().to_string()),
    )
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Joins the operation documents into one document (each ends with a newline already; a blank line
/// between them keeps the file readable).
fn concatenate(documents: &[(String, String)]) -> String {
    documents.iter().map(|(_, d)| d.trim_end()).collect::<Vec<_>>().join("\n\n") + "\n"
}

/// Writes one `.graphql` file per mutation, named after it, from the same options `cargo xtask codegen`
/// uses, and returns `(mutation, document)` in mutation order.
pub(crate) fn write_operation_documents(root: &Path, dir: &Path) -> Result<Vec<(String, String)>, String> {
    let config = krakengen::config::ConfigFile::load(&root.join("krakengen.toml")).map_err(|e| e.to_string())?;
    let project = config.projects.first().ok_or("krakengen.toml names no project")?;
    let loaded = krakengen::Pipeline::from_project(&config, project).load().map_err(|e| e.to_string())?;
    let generator = loaded.generator().map_err(|e| e.to_string())?;
    let documents: Vec<(String, String)> =
        generator.operation_documents().into_iter().map(|(name, doc)| (name.to_string(), doc.to_string())).collect();
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (name, doc) in &documents {
        let path = dir.join(format!("{name}.graphql"));
        std::fs::write(&path, doc).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(documents)
}

/// Installs `graphql-client` below `target/peers/cargo` unless it is there already.
pub(crate) fn install_graphql_client(peers: &Path) -> Result<PathBuf, String> {
    let root = peers.join("cargo");
    let bin = root.join("bin/graphql-client");
    if !bin.exists() {
        eprintln!("installing graphql_client_cli {GRAPHQL_CLIENT_CLI} into {} (several minutes on 2 cores)…", root.display());
        run_status(
            Command::new(cargo()).args(["install", "graphql_client_cli", "--locked", "--version", GRAPHQL_CLIENT_CLI, "--root"]).arg(&root),
            "cargo install graphql_client_cli",
        )?;
    }
    Ok(bin)
}

/// Installs GraphQL Code Generator below `target/peers/node` unless it is there already.
fn install_graphql_codegen(peers: &Path) -> Result<PathBuf, String> {
    let dir = peers.join("node");
    let bin = dir.join("node_modules/.bin/graphql-codegen");
    if !bin.exists() {
        std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        eprintln!("installing {} into {} with npm…", NPM_PACKAGES.join(" "), dir.display());
        run_status(
            Command::new("npm").args(["install", "--no-audit", "--no-fund", "--prefix"]).arg(&dir).args(NPM_PACKAGES),
            "npm install (needs Node.js 20 or later, npm and the npm registry)",
        )?;
    }
    Ok(bin)
}

/// Runs an install or build step with its output shown; `Err` names the step.
pub(crate) fn run_status(cmd: &mut Command, what: &str) -> Result<(), String> {
    match cmd.status() {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!("`{what}` failed ({s}); see its output above")),
        Err(e) => Err(format!("cannot run `{what}`: {e}")),
    }
}

pub(crate) fn cargo() -> OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

/// Removes and recreates a directory.
pub(crate) fn reset_dir(dir: &Path) -> Result<(), String> {
    match std::fs::remove_dir_all(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(format!("cannot remove {}: {e}", dir.display())),
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

/// The 1-, 5- and 15-minute load averages, as `uptime` shows them.
pub(crate) fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// The first line of each tool's `--version`, joined.
pub(crate) fn versions(tools: &[(&Path, &str)]) -> String {
    tools
        .iter()
        .map(|(program, flag)| {
            let name = program.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let version = Command::new(program)
                .arg(flag)
                .output()
                .ok()
                .and_then(|o| first_meaningful_line(&String::from_utf8_lossy(&o.stdout)))
                .unwrap_or_else(|| "unknown".into());
            if version.starts_with(&name) { version } else { format!("{name} {version}") }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn first_meaningful_line(text: &str) -> Option<String> {
    text.lines().map(str::trim).find(|l| !l.is_empty()).map(str::to_string)
}

/// The median of the measured durations (the mean of the two middle ones for an even count).
pub(crate) fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    match sorted.len() {
        0 => Duration::ZERO,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
    }
}

/// One line of the report: both sides of a pair and their medians.
struct Row {
    ours: String,
    peer: String,
    ours_median: Duration,
    peer_median: Duration,
}

/// The markdown table of the report.
fn table(rows: &[Row]) -> String {
    let mut out = String::from("| krakengen | median | peer | median | peer / krakengen |\n|---|---:|---|---:|---:|\n");
    for r in rows {
        let ratio = if r.ours_median.is_zero() { "n/a".to_string() } else { format!("{:.1}×", r.peer_median.as_secs_f64() / r.ours_median.as_secs_f64()) };
        out.push_str(&format!("| {} | {} | {} | {} | {ratio} |\n", r.ours, millis(r.ours_median), r.peer, millis(r.peer_median)));
    }
    out
}

fn millis(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms >= 100.0 { format!("{ms:.0} ms") } else { format!("{ms:.1} ms") }
}

/// How many operations a peer rejected and why, most frequent reason first.
fn failure_summary(peer: &str, total: usize, failures: &[(String, String)]) -> String {
    if failures.is_empty() {
        return format!("{peer} accepted all {total} operations.\n");
    }
    let mut reasons: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (op, reason) in failures {
        reasons.entry(reason.as_str()).or_default().push(op.as_str());
    }
    let mut reasons: Vec<_> = reasons.into_iter().collect();
    reasons.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    let mut out = format!("{peer} rejected {} of {total} operations:\n", failures.len());
    for (reason, ops) in reasons {
        let shown: Vec<&str> = ops.iter().take(3).copied().collect();
        let more = if ops.len() > 3 { format!(", … {} more", ops.len() - 3) } else { String::new() };
        out.push_str(&format!("- {} × `{reason}` ({}{more})\n", ops.len(), shown.join(", ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[ms(30), ms(10), ms(20)]), ms(20));
        assert_eq!(median(&[ms(40), ms(10), ms(30), ms(20)]), ms(25));
        assert_eq!(median(&[]), Duration::ZERO);
    }

    #[test]
    fn table_shows_medians_and_ratio() {
        let rows = [Row { ours: "a".into(), peer: "b".into(), ours_median: ms(20), peer_median: Duration::from_millis(2500) }];
        assert_eq!(table(&rows).lines().nth(2), Some("| a | 20.0 ms | b | 2500 ms | 125.0× |"));
    }

    #[test]
    fn failures_are_grouped_by_reason_most_frequent_first() {
        let failures: Vec<(String, String)> =
            [("x", "r2"), ("y", "r1"), ("z", "r1"), ("w", "r1"), ("v", "r1")].iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(
            failure_summary("p", 9, &failures),
            "p rejected 5 of 9 operations:\n- 4 × `r1` (y, z, w, … 1 more)\n- 1 × `r2` (x)\n"
        );
        assert_eq!(failure_summary("p", 9, &[]), "p accepted all 9 operations.\n");
    }

    #[test]
    fn concatenation_keeps_every_document_whole() {
        let docs = [("A".to_string(), "mutation A { a }\n".to_string()), ("B".to_string(), "mutation B { b }".to_string())];
        assert_eq!(concatenate(&docs), "mutation A { a }\n\nmutation B { b }\n");
    }

    #[test]
    fn codegen_config_escapes_paths() {
        let text = codegen_config(Path::new("/a \"b\"/s.graphql"), Path::new("/ops"), Path::new("/o/t.ts"));
        assert!(text.contains(r#""schema": "/a \"b\"/s.graphql""#), "{text}");
        assert!(text.contains(r#""documents": "/ops/*.graphql""#), "{text}");
    }
}
