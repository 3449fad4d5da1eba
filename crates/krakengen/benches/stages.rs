//! Every stage of the pipeline at 1×, 10× and 100× the vendored reference (issue #6), to show that
//! each grows linearly with its input.
//!
//! The inputs come from [`krakengen::synth::synthesize`]: copies of the reference whose mutations,
//! types and error codes are renamed, so every stage does N times the work. Groups (each with the
//! benchmarks `1x`, `10x`, `100x`):
//!
//! - `parse`: the file's bytes → the model, as `krakengen check` does.
//! - `schema`: the model → SDL + catalogue, normalised and validated (`Pipeline::load` and `Loaded::schema`).
//! - `codegen_ir`: the model → the Rust generator's IR (every name and type decided).
//! - `emit_errors`, `emit_client`, `emit_server`: the IR → `proc_macro2` tokens of one crate, on one
//!   thread.
//! - `format_errors`, `format_client`, `format_server`: those tokens → text with syn + prettyplease,
//!   on one thread.
//! - `generate_errors`, `generate_client`, `generate_server`: IR → formatted file as `cargo xtask
//!   codegen` does it (emitting and formatting on all cores).
//! - `write_new`, `write_unchanged`: `project::sync` of every generated file into an empty directory,
//!   and over identical files (read and compare only).
//! - `xtask_codegen`: the whole `cargo xtask codegen` path on an unchanged tree (load, parse, schema,
//!   the three crates, compare with disk) and `xtask_check_stamp`: `codegen --check` answered by its stamp.
//!
//! The 100× runs take seconds per iteration (the codegen ones tens of seconds), so every group uses
//! ten samples; run subsets with a filter, e.g.
//! `cargo bench -p krakengen --bench stages -- 'parse/|schema/'` or `-- '/10x'`.
//! Each input is built on first use and only for the benchmarks the filter selects.

use std::cell::OnceCell;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkGroup, Criterion, Throughput};
use krakengen::codegen::stages::{self, Prepared, Which};
use krakengen::config::ConfigFile;
use krakengen::parse::Parsed;
use krakengen::project::{self, GeneratedFile};

/// The allocator of the shipped binaries (`krakengen`, `xtask`), so the figures are theirs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const FACTORS: [usize; 3] = [1, 10, 100];

/// One input size and everything derived from it, each built on first use.
struct Scale {
    factor: usize,
    text: OnceCell<String>,
    parsed: OnceCell<Parsed>,
    loaded: OnceCell<krakengen::pipeline::Loaded>,
    prepared: OnceCell<Prepared>,
    tokens: [OnceCell<Vec<stages::Emitted>>; 3],
    /// A project directory holding the reference, a `krakengen.toml` naming both crates, and the
    /// generated files (written once, on first use).
    project: OnceCell<(tempfile::TempDir, ConfigFile, Vec<GeneratedFile>)>,
    /// Set once the project's outputs and stamp were written for `xtask_check_stamp`.
    stamped: OnceCell<()>,
}

impl Scale {
    fn new(factor: usize) -> Self {
        Scale {
            factor,
            text: OnceCell::new(),
            parsed: OnceCell::new(),
            loaded: OnceCell::new(),
            prepared: OnceCell::new(),
            tokens: [OnceCell::new(), OnceCell::new(), OnceCell::new()],
            project: OnceCell::new(),
            stamped: OnceCell::new(),
        }
    }

    fn text(&self) -> &str {
        self.text.get_or_init(|| {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/oees/mutations.txt");
            let text = std::fs::read_to_string(path).expect("the vendored reference is readable");
            krakengen::synth::synthesize(&text, self.factor)
        })
    }

    fn parsed(&self) -> &Parsed {
        self.parsed.get_or_init(|| {
            let parsed = krakengen::parse::parse_str("synth.txt", self.text());
            // Fail loudly rather than measure an error path.
            assert_eq!(parsed.reference.operations.len(), 326 * self.factor);
            assert_eq!(parsed.diagnostics.errors(), 0);
            parsed
        })
    }

    fn loaded(&self) -> &krakengen::pipeline::Loaded {
        self.loaded.get_or_init(|| pipeline().load_parsed(self.parsed().clone()).expect("the type model builds"))
    }

    fn prepared(&self) -> &Prepared {
        self.prepared.get_or_init(|| stages::prepare(self.loaded().generator().expect("the IR builds")))
    }

    fn tokens(&self, which: Which) -> &Vec<stages::Emitted> {
        self.tokens[which as usize].get_or_init(|| stages::emit(self.prepared(), which))
    }

    fn project(&self) -> &(tempfile::TempDir, ConfigFile, Vec<GeneratedFile>) {
        self.project.get_or_init(|| {
            let dir = tempfile::tempdir().expect("a temporary directory");
            std::fs::write(dir.path().join("ref.txt"), self.text()).expect("writable");
            let toml = "[[project]]\nname = \"oees\"\ndocs = \"ref.txt\"\nschema_dir = \"schema\"\n\
                        errors_crate = \"crates/oees-errors\"\nclient_crate = \"crates/oees-client\"\n\
                        server_crate = \"crates/oees-server\"\n";
            std::fs::write(dir.path().join("krakengen.toml"), toml).expect("writable");
            let config = ConfigFile::load(&dir.path().join("krakengen.toml")).expect("the configuration loads");
            let files = project::generate(&config).expect("the project generates");
            assert_eq!(files.len(), 5);
            project::sync(&files, false).expect("the files are written");
            (dir, config, files)
        })
    }
}

fn pipeline() -> krakengen::Pipeline {
    // As krakengen.toml configures the workspace's crates: the client depends on the runtime crate.
    krakengen::Pipeline::new("oees")
        .runtime_path("crates/krakengen-client")
        .workspace_crates("crates/oees-errors", "crates/oees-client")
        .server_crate("crates/oees-server", "schema/schema.graphql")
}

fn group<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(name);
    group.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    group
}

/// Runs `f` as the benchmark `{factor}x` of `name` for every scale, with the input's size as throughput.
fn each(c: &mut Criterion, scales: &[Scale], name: &str, mut f: impl FnMut(&mut criterion::Bencher<'_>, &Scale)) {
    let mut group = group(c, name);
    for scale in scales {
        // The size of the reference, so that throughputs of all stages are comparable.
        group.throughput(Throughput::Bytes(scale.text().len() as u64));
        group.bench_function(format!("{}x", scale.factor), |b| f(b, scale));
    }
    group.finish();
}

fn remove_outputs(files: &[GeneratedFile]) {
    for f in files {
        let _ = std::fs::remove_file(&f.path);
    }
}

fn stamp(dir: &Path) -> PathBuf {
    dir.join("target/stamp")
}

fn benches(c: &mut Criterion) {
    let scales: Vec<Scale> = FACTORS.iter().map(|&n| Scale::new(n)).collect();
    each(c, &scales, "parse", |b, s| {
        let bytes = s.text().as_bytes();
        b.iter_batched(
            || vec![("synth.txt".to_string(), bytes.to_vec())],
            |files| krakengen::parse::parse_files(black_box(files)),
            BatchSize::PerIteration,
        )
    });
    each(c, &scales, "schema", |b, s| {
        let pipeline = pipeline();
        b.iter(|| pipeline.load_parsed(black_box(s.parsed().clone())).expect("builds").schema())
    });
    each(c, &scales, "codegen_ir", |b, s| {
        let loaded = s.loaded();
        b.iter(|| black_box(loaded).generator().ok().map(stages::prepare))
    });
    for (name, which) in [("errors", Which::Errors), ("client", Which::Client), ("server", Which::Server)] {
        each(c, &scales, &format!("emit_{name}"), |b, s| b.iter(|| stages::emit(black_box(s.prepared()), which)));
        each(c, &scales, &format!("format_{name}"), |b, s| {
            let tokens = s.tokens(which);
            b.iter_batched(|| tokens.clone(), |t| stages::format(t).expect("formats"), BatchSize::PerIteration)
        });
        each(c, &scales, &format!("generate_{name}"), |b, s| {
            b.iter(|| stages::generate(black_box(s.prepared()), which).expect("generates"))
        });
    }
    each(c, &scales, "write_new", |b, s| {
        let files = &s.project().2;
        b.iter_batched(|| remove_outputs(files), |()| project::sync(files, false).expect("writes"), BatchSize::PerIteration)
    });
    each(c, &scales, "write_unchanged", |b, s| {
        let files = &s.project().2;
        project::sync(files, false).expect("writes");
        b.iter(|| {
            let report = project::sync(files, false).expect("reads");
            assert!(report.written.is_empty());
        })
    });
    each(c, &scales, "xtask_codegen", |b, s| {
        let config = &s.project().1;
        project::sync(&s.project().2, false).expect("writes");
        b.iter(|| {
            let outcome = project::codegen(config, false, None).expect("generates");
            assert!(outcome.report.written.is_empty());
        })
    });
    each(c, &scales, "xtask_check_stamp", |b, s| {
        let (dir, config, files) = s.project();
        // criterion calls this closure for the warm-up and again for every sample; the full
        // regeneration that writes the stamp (16 s at 100×) is needed only once.
        s.stamped.get_or_init(|| {
            project::sync(files, false).expect("writes");
            project::codegen(config, false, Some(&stamp(dir.path()))).expect("generates");
        });
        b.iter(|| {
            let outcome = project::codegen(config, true, Some(&stamp(dir.path()))).expect("checks");
            assert!(outcome.from_stamp);
        })
    });
}

criterion_group!(stage_benches, benches);
criterion_main!(stage_benches);
