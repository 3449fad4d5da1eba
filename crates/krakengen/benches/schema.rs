//! Benchmark of the reference → SDL + catalogue step on the vendored reference, validation included.
//!
//! Parsing is done once outside the measurement (it has its own benchmark); what is measured is
//! everything `krakengen schema` does after it: building the schema IR, emitting, parsing and printing
//! the SDL with apollo-compiler, validating it, and building and serialising the catalogue.
//! Target: under 20 ms in release.

use criterion::{criterion_group, criterion_main, Criterion};
use krakengen::Pipeline;

/// The allocator of the shipped binaries (`krakengen`, `xtask`), so the figures are theirs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn schema(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/oees/mutations.txt");
    let text = std::fs::read_to_string(path).expect("the vendored reference is readable");
    let parsed = krakengen::parse::parse_str("schema/oees/mutations.txt", &text);
    assert!(!parsed.diagnostics.has_errors(), "the vendored reference parses");
    let pipeline = Pipeline::new("oees");
    // Fail loudly rather than measure an error path.
    assert!(pipeline.load_parsed(parsed.clone()).is_ok(), "the schema builds");
    c.bench_function("schema/oees: reference → validated SDL + catalogue", |b| {
        b.iter(|| {
            let loaded = pipeline.load_parsed(std::hint::black_box(parsed.clone())).expect("builds");
            let o = loaded.schema();
            std::hint::black_box((o.sdl.len(), o.metadata_json.len()))
        })
    });
}

criterion_group!(benches, schema);
criterion_main!(benches);
