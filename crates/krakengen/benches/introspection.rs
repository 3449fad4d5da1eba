//! Converting a 2 MB introspection result: `cargo bench -p krakengen --bench introspection`.
//!
//! The input is the introspection of a synthetic schema (object types of twenty fields, inputs and
//! enums, with descriptions and deprecations), computed by apollo-compiler, pretty-printed as
//! `krakengen introspect` writes it. Two measurements: the conversion alone (JSON to SDL), and a
//! whole schema build of a small reference with the file as its supplement, which adds parsing and
//! validating the SDL and reconciling it with the reference.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// An SDL whose introspection, pretty-printed, is about `size` bytes.
fn synthetic(size: usize) -> String {
    let mut sdl = String::from("type Query {\n  t0: T0\n}\n");
    let mut i = 0;
    while sdl.len() * 14 < size {
        let _ = writeln!(sdl, "\"Type {i}.\"\ntype T{i} {{");
        for f in 0..20 {
            let _ = writeln!(sdl, "  \"Field {f}.\"\n  f{f}(first: Int = 10): [String!] @deprecated(reason: \"Old.\")");
        }
        let _ = writeln!(sdl, "  next: T{}\n  colour: Colour{i}\n}}\nenum Colour{i} {{ RED GREEN }}\ninput In{i} {{ a: Int!, b: [In{i}!] }}", i + 1);
        i += 1;
    }
    let _ = writeln!(sdl, "type T{i} {{ end: Boolean }}");
    sdl
}

fn bench(c: &mut Criterion) {
    let schema = apollo_compiler::Schema::parse_and_validate(synthetic(2_000_000), "synthetic.graphql").expect("valid");
    let json = serde_json::to_string_pretty(&krakengen::types::introspection::of_schema(&schema)).unwrap();
    eprintln!("introspection of {} bytes", json.len());
    let small = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/standard/small.txt")).unwrap();
    let mut group = c.benchmark_group("introspection");
    group.sample_size(10);
    group.bench_function("to_sdl_2mb", |b| b.iter(|| krakengen::types::introspection::to_sdl(black_box(&json)).expect("converts")));
    group.bench_function("schema_with_2mb_supplement", |b| {
        b.iter(|| {
            let pipeline = krakengen::Pipeline::new("small").reference_text("small.txt", black_box(&small)).supplement_text("big.json", json.clone());
            pipeline.load().unwrap_or_else(|failure| panic!("{failure}")).schema()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
