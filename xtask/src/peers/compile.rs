//! `cargo xtask bench-peers --compile`: what users pay in every build, the compile time and memory
//! of the generated Rust, against graphql-client's output for the same operations.
//!
//! Both sides are crates of their own below `target/peers/compile/` with their dependencies built
//! first: krakengen's is the self-contained crate of `krakengen generate` (the error codes and the
//! client), graphql-client's holds the module its CLI writes for each operation document, with the
//! SDL's custom scalars as `serde_json::Value`. There are four pairs: every operation of the vendored
//! reference, and five of them (krakengen's crate restricted with `--operation`), each with the
//! runtime embedded (the default) and as the `krakengen-client` dependency (`--runtime-path`). Each round touches each crate's
//! `lib.rs` and times `cargo check` and `cargo build --release` of the crate alone
//! (`CARGO_INCREMENTAL=0`), the two sides alternating which goes first; peak memory is the largest
//! resident set of the compiler (`/usr/bin/time -f %M`), when that tool exists.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use super::{cargo, install_graphql_client, load_average, median, reset_dir, versions, write_operation_documents};

/// One crate to compile: where it is and its name in the report.
struct Crate {
    label: &'static str,
    dir: PathBuf,
}

/// One measured compilation.
struct Sample {
    time: Duration,
    peak_kb: Option<u64>,
}

/// Compiles `krate` once in `mode` (`check` or `release`) after touching its `lib.rs`.
fn compile(krate: &Crate, mode: &str) -> Result<Sample, String> {
    let lib = krate.dir.join("src/lib.rs");
    let text = std::fs::read(&lib).map_err(|e| format!("cannot read {}: {e}", lib.display()))?;
    std::fs::write(&lib, text).map_err(|e| format!("cannot touch {}: {e}", lib.display()))?;
    let args: &[&str] = match mode {
        "check" => &["check", "--quiet"],
        _ => &["build", "--release", "--quiet"],
    };
    let time_tool = Path::new("/usr/bin/time");
    let mut cmd = if time_tool.exists() {
        let mut c = Command::new(time_tool);
        c.args(["-f", "peak-kb %M"]).arg(cargo());
        c
    } else {
        Command::new(cargo())
    };
    cmd.args(args).current_dir(&krate.dir).env("CARGO_INCREMENTAL", "0").env_remove("RUSTFLAGS");
    let start = Instant::now();
    let out = cmd.output().map_err(|e| format!("cannot run cargo in {}: {e}", krate.dir.display()))?;
    let time = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(format!("cargo {args:?} failed in {}:\n{stderr}", krate.dir.display()));
    }
    let peak_kb = stderr.lines().rev().find_map(|l| l.strip_prefix("peak-kb ")).and_then(|n| n.trim().parse().ok());
    Ok(Sample { time, peak_kb })
}

/// The crate of graphql-client's output: one module per generated file, the SDL's custom scalars
/// (which graphql-client expects its user to define) as JSON values.
fn graphql_client_crate(dir: &Path, generated: &Path, sdl: &str) -> Result<usize, String> {
    let src = dir.join("src/gen");
    std::fs::create_dir_all(&src).map_err(|e| format!("cannot create {}: {e}", src.display()))?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(generated)
        .map_err(|e| format!("cannot read {}: {e}", generated.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    let mut lib = String::from("//! graphql-client's output for every operation, one module each.\n#![allow(clippy::all, warnings)]\n\npub mod scalars {\n");
    for line in sdl.lines() {
        if let Some(name) = line.strip_prefix("scalar ").and_then(|r| r.split_whitespace().next()) {
            lib.push_str(&format!("    pub type {name} = serde_json::Value;\n"));
        }
    }
    lib.push_str("}\n\n");
    for (i, file) in files.iter().enumerate() {
        let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        // The generated code names the scalars as `super::X` from its operation module, so the
        // module holding it imports them.
        let (first, rest) = text.split_once('\n').unwrap_or(("", &text));
        let body = if first.starts_with("#![") { format!("{first}\nuse crate::scalars::*;\n{rest}") } else { format!("use crate::scalars::*;\n{text}") };
        let name = format!("op{i}.rs");
        std::fs::write(src.join(&name), body).map_err(|e| format!("cannot write {name}: {e}"))?;
        lib.push_str(&format!("#[path = \"gen/{name}\"]\npub mod op{i};\n"));
    }
    std::fs::write(dir.join("src/lib.rs"), lib).map_err(|e| format!("cannot write lib.rs: {e}"))?;
    let manifest = "[package]\nname = \"graphql-client-output\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n\
                    [dependencies]\ngraphql_client = \"0.16\"\nserde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\n\n[workspace]\n";
    std::fs::write(dir.join("Cargo.toml"), manifest).map_err(|e| format!("cannot write Cargo.toml: {e}"))?;
    Ok(files.len())
}

/// The operations of the restricted pair: a client that calls five mutations, as in the restricted
/// crate of `docs/benchmarks.md`.
const FIVE: [&str; 5] = ["obtainKrakenToken", "acceptGoodsQuote", "generatePreSignedToken", "createAccountReminder", "resetUserPassword"];

/// One comparison: krakengen's crate and graphql-client's for the same operations.
struct Pair {
    label: &'static str,
    ours: Crate,
    peer: Crate,
    modules: usize,
}

/// Writes both crates of a pair below `work/key`: krakengen's for `operations` (all when empty),
/// graphql-client's for those documents. Returns the pair and how many documents graphql-client
/// rejected.
#[allow(clippy::too_many_arguments)]
fn pair(label: &'static str, key: &str, operations: &[&str], runtime: bool, work: &Path, krakengen: &Path, graphql_client: &Path, documents: &[(String, String)]) -> Result<(Pair, usize), String> {
    let root = crate::root();
    let ours = Crate { label: "krakengen generate (error codes and client)", dir: work.join(format!("krakengen-{key}")) };
    let mut generate = Command::new(krakengen);
    generate.arg("generate").arg(root.join("schema/oees/mutations.txt")).arg("--out").arg(&ours.dir).args(["--project", "oees"]);
    if runtime {
        generate.arg("--runtime-path").arg(root.join("crates/krakengen-client"));
    }
    for op in operations {
        generate.args(["--operation", op]);
    }
    // The reference's warnings are `krakengen check`'s business; only a failure is shown.
    let generated_ours = generate.output().map_err(|e| format!("cannot run krakengen generate: {e}"))?;
    if !generated_ours.status.success() {
        return Err(format!("krakengen generate failed:\n{}", String::from_utf8_lossy(&generated_ours.stderr)));
    }
    let generated = work.join(format!("graphql-client-out-{key}"));
    reset_dir(&generated)?;
    let sdl_path = root.join("schema/oees/schema.graphql");
    let mut rejected = 0;
    for (name, _) in documents.iter().filter(|(name, _)| operations.is_empty() || operations.contains(&name.as_str())) {
        let ok = Command::new(graphql_client)
            .arg("generate")
            .arg("--schema-path")
            .arg(&sdl_path)
            .arg("--output-directory")
            .arg(&generated)
            .arg(work.join("operations").join(format!("{name}.graphql")))
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
        rejected += usize::from(!ok);
    }
    let sdl = std::fs::read_to_string(&sdl_path).map_err(|e| format!("cannot read {}: {e}", sdl_path.display()))?;
    let peer = Crate { label: "graphql-client generate, one module per operation", dir: work.join(format!("graphql-client-{key}")) };
    let modules = graphql_client_crate(&peer.dir, &generated, &sdl)?;
    Ok((Pair { label, ours, peer, modules }, rejected))
}

pub fn run(rounds: usize) -> Result<String, String> {
    let super::Setup { root, peers, work, krakengen } = super::prepare(rounds, "compile")?;
    let graphql_client = install_graphql_client(&peers)?;
    let documents = write_operation_documents(&root, &work.join("operations"))?;
    let (all, rejected) = pair("all 326 operations", "all", &[], false, &work, &krakengen, &graphql_client, &documents)?;
    let (all_dep, _) = pair("all 326, runtime crate as a dependency", "all-dep", &[], true, &work, &krakengen, &graphql_client, &documents)?;
    let (five, rejected_five) = pair("five operations", "five", &FIVE, false, &work, &krakengen, &graphql_client, &documents)?;
    let (five_dep, _) = pair("five, runtime crate as a dependency", "five-dep", &FIVE, true, &work, &krakengen, &graphql_client, &documents)?;
    let pairs = [all, all_dep, five, five_dep];

    // The dependencies, and each crate once, before anything is timed.
    for p in &pairs {
        for krate in [&p.ours, &p.peer] {
            for mode in ["check", "release"] {
                eprintln!("warming up: {} ({mode}, {})…", krate.label, p.label);
                compile(krate, mode)?;
            }
        }
    }
    let modes = ["check", "release"];
    // samples[pair][mode][side]
    let mut samples: Vec<Vec<[Vec<Sample>; 2]>> = pairs.iter().map(|_| modes.iter().map(|_| [Vec::new(), Vec::new()]).collect()).collect();
    let load_before = load_average();
    for round in 1..=rounds {
        eprintln!("round {round}/{rounds}");
        for (p, pair) in pairs.iter().enumerate() {
            for (m, mode) in modes.iter().enumerate() {
                let order: [usize; 2] = if round % 2 == 1 { [1, 0] } else { [0, 1] };
                for side in order {
                    let krate = if side == 0 { &pair.ours } else { &pair.peer };
                    samples[p][m][side].push(compile(krate, mode)?);
                }
            }
        }
    }
    let load_after = load_average();

    let secs = |d: Duration| format!("{:.2} s", d.as_secs_f64());
    let mb = |v: &[Sample]| {
        let mut peaks: Vec<u64> = v.iter().filter_map(|s| s.peak_kb).collect();
        peaks.sort_unstable();
        peaks.get(peaks.len() / 2).copied()
    };
    let mut report = String::from("| operations | | krakengen | graphql-client | krakengen / graphql-client |\n|---|---|---:|---:|---:|\n");
    for (p, pair) in pairs.iter().enumerate() {
        for (m, mode) in modes.iter().enumerate() {
            let what = if *mode == "check" { "`cargo check`" } else { "`cargo build --release`" };
            let (a, b) = (&samples[p][m][0], &samples[p][m][1]);
            let (ta, tb) = (median(&a.iter().map(|s| s.time).collect::<Vec<_>>()), median(&b.iter().map(|s| s.time).collect::<Vec<_>>()));
            report.push_str(&format!("| {} | {what}, median time | {} | {} | {:.2} |\n", pair.label, secs(ta), secs(tb), ta.as_secs_f64() / tb.as_secs_f64()));
            if let (Some(pa), Some(pb)) = (mb(a), mb(b)) {
                report.push_str(&format!("| {} | {what}, median peak memory | {} MB | {} MB | {:.2} |\n", pair.label, pa / 1024, pb / 1024, pa as f64 / pb as f64));
            }
        }
    }
    report.push_str(&format!(
        "\n{rounds} alternating rounds after a warm-up build of each crate; {} operations, {} and {} graphql-client modules ({} documents rejected by graphql-client).\n",
        documents.len(),
        pairs[0].modules,
        pairs[2].modules,
        rejected + rejected_five
    ));
    report.push_str(&format!(
        "Machine: {} cores, load average {load_before} before and {load_after} after; {}.\n",
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        versions(&[(Path::new("rustc"), "--version"), (&krakengen, "--version"), (&graphql_client, "--version")])
    ));
    let path = peers.join("compile-report.md");
    std::fs::write(&path, &report).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(format!("{report}\n(also written to {})", path.display()))
}
