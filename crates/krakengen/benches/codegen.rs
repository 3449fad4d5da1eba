//! Benchmark of the Rust generator: the parsed vendored reference → its type model → the generator
//! (every name, type and document decided and validated) → every generated Rust file, formatting
//! included. The target is under 150 ms in release.
//!
//! `workspace_crates` makes the error and client crates as `cargo xtask codegen` makes them for
//! this workspace (`krakengen.toml`: the client depends on the runtime crate); `standalone_crate`
//! makes the one crate `krakengen generate` writes by default, the runtime embedded in it.
//!
//! Run with `cargo bench -p krakengen --bench codegen`.

use criterion::{criterion_group, criterion_main, Criterion};

/// The allocator of the shipped binaries (`krakengen`, `xtask`), so the figures are theirs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/oees/mutations.txt");
    let text = std::fs::read_to_string(path).expect("the vendored reference is readable");
    let parsed = krakengen::parse::parse_str("schema/oees/mutations.txt", &text);
    let workspace = krakengen::Pipeline::new("oees").runtime_path("crates/krakengen-client");
    let standalone = krakengen::Pipeline::new("oees");
    let mut group = c.benchmark_group("codegen");
    group.sample_size(20);
    group.bench_function("workspace_crates", |b| {
        b.iter(|| {
            let loaded = workspace.load_parsed(parsed.clone()).expect("loads");
            loaded.generator().expect("builds").workspace_crates().expect("generates")
        })
    });
    group.bench_function("standalone_crate", |b| {
        b.iter(|| {
            let loaded = standalone.load_parsed(parsed.clone()).expect("loads");
            loaded.generator().expect("builds").crate_files().expect("generates")
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
