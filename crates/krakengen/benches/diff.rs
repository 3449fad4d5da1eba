//! `krakengen diff`: `cargo bench -p krakengen --bench diff`.
//!
//! Two versions of the vendored reference, the second with a few edits (a mutation dropped, an
//! error code added, a permission tightened), compared as the CLI compares them: each side parsed,
//! its type model built and its generator's Rust surface read, the two sides on two threads, then
//! the comparison. `compare_only` times the last step alone; `end_to_end_10x` runs on a synthetic
//! reference ten times the size, against itself with the same kind of edits.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn edit(text: &str) -> String {
    text.replacen("- KT-CT-8201: Received an invalid quoteId.\n", "- KT-CT-8201: Received an invalid quoteId.\n- KT-CT-8299: Quote expired.\n", 1)
        .replacen("Can generate pre signed tokens\n", "Can generate pre signed tokens AND Can query accounts\n", 1)
        .replacen("Query Complexity: 1\n", "Query Complexity: 2\n", 1)
}

/// One side as the CLI loads it: parsed and its type model built.
fn side(name: &str, text: &str) -> krakengen::pipeline::Loaded {
    krakengen::Pipeline::new("kraken").reference_text(name, text).load().expect("builds")
}

fn end_to_end(old: &str, new: &str) -> krakengen::diff::DiffReport {
    std::thread::scope(|s| {
        let a = s.spawn(|| {
            let loaded = side("old.txt", old);
            let surface = loaded.diff_side().surface;
            (loaded, surface)
        });
        let new = side("new.txt", new);
        let b = new.diff_side();
        let (old, surface) = a.join().expect("no panic");
        let a = krakengen::diff::Side { model: old.model(), surface };
        krakengen::diff::compare(&a, &b, "2026-12-01")
    })
}

fn bench(c: &mut Criterion) {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/oees/mutations.txt")).unwrap();
    let edited = edit(&text);
    assert!(!end_to_end(&text, &edited).changes.is_empty());
    let big = krakengen::synth::synthesize(&text, 10);
    let big_edited = edit(&big);
    let mut group = c.benchmark_group("diff");
    group.sample_size(20);
    group.bench_function("end_to_end_1x", |b| b.iter(|| end_to_end(black_box(&text), black_box(&edited))));
    let (old, new) = (side("old.txt", &text), side("new.txt", &edited));
    let (a, b) = (old.diff_side(), new.diff_side());
    group.bench_function("compare_only_1x", |bench| bench.iter(|| krakengen::diff::compare(black_box(&a), black_box(&b), "2026-12-01")));
    group.sample_size(10);
    group.bench_function("end_to_end_10x", |b| b.iter(|| end_to_end(black_box(&big), black_box(&big_edited))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
