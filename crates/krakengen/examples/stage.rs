//! Runs one stage of the pipeline (or all of them) on an N-fold synthetic reference, for instruction
//! counts under callgrind and quick wall-clock ratios outside criterion.
//!
//! ```text
//! cargo build --release --example stage
//! target/release/examples/stage all 10            # every stage once, wall ms and ms per copy
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*run_stage*' \
//!     target/release/examples/stage parse 10      # instructions of parsing alone
//! ```
//!
//! Everything a stage needs is prepared before `run_stage`, so callgrind's toggle counts the stage
//! alone. The stages are those of `benches/stages.rs`.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use krakengen::codegen::stages::{self, Which};
use krakengen::config::ConfigFile;
use krakengen::project;

/// The allocator of the shipped binaries (`krakengen`, `xtask`), so the figures are theirs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const STAGES: [&str; 16] = [
    "parse",
    "schema",
    "codegen_ir",
    "emit_errors",
    "emit_client",
    "emit_server",
    "format_errors",
    "format_client",
    "format_server",
    "generate_errors",
    "generate_client",
    "generate_server",
    "write_new",
    "write_unchanged",
    "xtask_codegen",
    "xtask_check_stamp",
];

fn pipeline() -> krakengen::Pipeline {
    // As krakengen.toml configures the workspace's crates: the client depends on the runtime crate.
    krakengen::Pipeline::new("oees")
        .runtime_path("crates/krakengen-client")
        .workspace_crates("crates/oees-errors", "crates/oees-client")
        .server_crate("crates/oees-server", "schema/schema.graphql")
}

/// What a stage consumes, built before it runs.
enum Input {
    Bytes(Vec<u8>),
    Parsed(krakengen::parse::Parsed),
    /// The reference and its type model, for the generator's first stage.
    Modelled(Box<krakengen::pipeline::Loaded>),
    Prepared(Box<stages::Prepared>, Which),
    Tokens(Vec<stages::Emitted>),
    Project(ConfigFile, Vec<project::GeneratedFile>),
}

/// The generator of a parsed reference over its type model.
fn prepared(parsed: krakengen::parse::Parsed) -> stages::Prepared {
    stages::prepare(pipeline().load_parsed(parsed).expect("the type model builds").generator().expect("the IR builds"))
}

fn prepare(stage: &str, text: &str, dir: &Path) -> Input {
    let parsed = || krakengen::parse::parse_str("synth.txt", text);
    let which = match stage.rsplit('_').next() {
        Some("errors") => Which::Errors,
        Some("server") => Which::Server,
        _ => Which::Client,
    };
    match stage {
        "parse" => Input::Bytes(text.as_bytes().to_vec()),
        "schema" => Input::Parsed(parsed()),
        "codegen_ir" => Input::Modelled(Box::new(pipeline().load_parsed(parsed()).expect("the type model builds"))),
        "emit_errors" | "emit_client" | "emit_server" | "generate_errors" | "generate_client" | "generate_server" => {
            Input::Prepared(Box::new(prepared(parsed())), which)
        }
        "format_errors" | "format_client" | "format_server" => Input::Tokens(stages::emit(&prepared(parsed()), which)),
        _ => {
            std::fs::write(dir.join("ref.txt"), text).expect("writable");
            let toml = "[[project]]\nname = \"oees\"\ndocs = \"ref.txt\"\nschema_dir = \"schema\"\n\
                        errors_crate = \"crates/oees-errors\"\nclient_crate = \"crates/oees-client\"\n\
                        server_crate = \"crates/oees-server\"\n";
            std::fs::write(dir.join("krakengen.toml"), toml).expect("writable");
            let config = ConfigFile::load(&dir.join("krakengen.toml")).expect("the configuration loads");
            let files = project::generate(&config).expect("the project generates");
            for f in &files {
                let _ = std::fs::remove_file(&f.path);
            }
            if stage != "write_new" {
                project::sync(&files, false).expect("writes");
            }
            if stage == "xtask_check_stamp" {
                project::codegen(&config, false, Some(&dir.join("stamp"))).expect("generates");
            }
            Input::Project(config, files)
        }
    }
}

/// The measured part: one run of `stage` on `input`; returns a size so nothing is optimised away.
#[inline(never)]
fn run_stage(stage: &str, input: Input, dir: &Path) -> usize {
    match (stage, input) {
        (_, Input::Bytes(bytes)) => krakengen::parse::parse_files(vec![("synth.txt".into(), bytes)]).reference.operations.len(),
        ("schema", Input::Parsed(p)) => {
            pipeline().load_parsed(p).expect("the schema builds").schema().sdl.len()
        }
        (_, Input::Parsed(_)) => unreachable!("only `schema` reads the parsed reference alone"),
        (_, Input::Modelled(m)) => black_box(m.generator().ok().map(stages::prepare)).is_some() as usize,
        (s, Input::Prepared(p, which)) if s.starts_with("emit") => stages::emit(&p, which).len(),
        (_, Input::Prepared(p, which)) => stages::generate(&p, which).expect("generates").len(),
        (_, Input::Tokens(t)) => stages::format(t).expect("formats").iter().map(String::len).sum(),
        ("write_new" | "write_unchanged", Input::Project(_, files)) => {
            let report = project::sync(&files, false).expect("writes");
            report.written.len() + files.len()
        }
        ("xtask_codegen", Input::Project(config, _)) => project::codegen(&config, false, None).expect("generates").files,
        (_, Input::Project(config, _)) => {
            let outcome = project::codegen(&config, true, Some(&dir.join("stamp"))).expect("checks");
            assert!(outcome.from_stamp);
            outcome.files
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(stage), Some(factor)) = (args.first(), args.get(1).and_then(|n| n.parse::<usize>().ok())) else {
        eprintln!("usage: stage <{}|all> FACTOR [RUNS]", STAGES.join("|"));
        std::process::exit(2);
    };
    let runs: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/oees/mutations.txt");
    let text = std::fs::read_to_string(path).expect("the vendored reference is readable");
    let text = krakengen::synth::synthesize(&text, factor);
    let selected: Vec<&str> = if stage == "all" { STAGES.to_vec() } else { vec![stage.as_str()] };
    for stage in selected {
        assert!(STAGES.contains(&stage), "unknown stage `{stage}`");
        let mut best = f64::INFINITY;
        for _ in 0..runs {
            let dir = tempfile::tempdir().expect("a scratch directory");
            let input = prepare(stage, &text, dir.path());
            let start = Instant::now();
            black_box(run_stage(stage, input, dir.path()));
            best = best.min(start.elapsed().as_secs_f64() * 1000.0);
        }
        println!("{stage:18} {factor:4}x  {best:10.2} ms  {:8.3} ms per copy", best / factor as f64);
    }
}
