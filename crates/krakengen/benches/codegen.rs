//! Benchmark of the Rust generator: the parsed vendored reference → its type model → the generator
//! (every name, type and document decided and validated) → every generated Rust file (error crate
//! and client crate), formatting included. The target is under 150 ms in release.
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
    let pipeline = krakengen::Pipeline::new("oees");
    let mut group = c.benchmark_group("codegen");
    group.sample_size(20);
    group.bench_function("workspace_crates", |b| {
        b.iter(|| {
            let loaded = pipeline.load_parsed(parsed.clone()).expect("loads");
            loaded.generator().expect("builds").workspace_crates().expect("generates")
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
