//! Parsing the same facts in each rendering: `cargo bench -p krakengen-tests --bench renderings`.
//!
//! The vendored reference as published (standard), then its model written back out by the test-only
//! renderer (`krakengen_tests::render`) as the plain page (blank lines, indentation, typed rows) and
//! as a markdown export, so the figures compare renderings of exactly the same 326 mutations.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use krakengen_tests::render::{page, Style};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench(c: &mut Criterion) {
    let vendored = krakengen_tests::vendored_text().to_string();
    let model = &krakengen_tests::vendored_parsed().reference;
    let mut group = c.benchmark_group("parse_rendering");
    group.bench_function("standard_vendored", |b| b.iter(|| krakengen::parse::parse_str("mutations.txt", black_box(&vendored))));
    for (name, style) in [("plain", Style::Plain), ("markdown", Style::Markdown)] {
        let text = page(model, style);
        group.bench_function(name, |b| b.iter(|| krakengen::parse::parse_str("mutations.txt", black_box(&text))));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
