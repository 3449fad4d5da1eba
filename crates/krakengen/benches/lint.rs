//! `krakengen lint` and generation from users' documents at the sizes of issue #23:
//! `cargo bench -p krakengen --bench lint`.
//!
//! The documents are the vendored reference's example operations, renamed `Op0`, `Op1`, … and
//! repeated to the count wanted, each in its own file: for lint, half `.graphql` files and half
//! Python modules holding the document in a triple-quoted string (the examples that parse); for
//! generation, `.graphql` files of the example operations that validate against the model. The supplement is the introspection
//! result of the vendored model's own schema padded with synthetic types to 2 MB, pretty-printed as
//! `krakengen introspect` writes it.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const REFERENCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/oees/mutations.txt");

/// The model's SDL with unreferenced synthetic types added until its introspection is about 2 MB.
fn supplement(sdl: &str) -> String {
    let mut padded = sdl.to_string();
    let schema = |s: &str| apollo_compiler::Schema::parse_and_validate(s.to_string(), "s.graphql").expect("valid");
    let size = |s: &str| serde_json::to_string_pretty(&krakengen::types::introspection::of_schema(&schema(s))).unwrap().len();
    let mut i = 0;
    while size(&padded) < 2_000_000 {
        for _ in 0..50 {
            let _ = writeln!(padded, "\"Padding {i}.\"\ntype Pad{i} {{");
            for f in 0..20 {
                let _ = writeln!(padded, "  \"Field {f}.\"\n  f{f}(first: Int = 10): [String!] @deprecated(reason: \"Old.\")");
            }
            padded.push_str("}\n");
            i += 1;
        }
    }
    serde_json::to_string_pretty(&krakengen::types::introspection::of_schema(&schema(&padded))).unwrap()
}

/// The example operations, renamed so that every name is unique.
fn examples(loaded: &krakengen::pipeline::Loaded, count: usize, valid_only: bool) -> Vec<String> {
    let schema = loaded.model().schema();
    let docs: Vec<&str> = loaded
        .model()
        .operations()
        .iter()
        .map(|o| o.example.operation.as_str())
        .filter(|d| apollo_compiler::ast::Document::parse(d.to_string(), "d.graphql").is_ok())
        .filter(|d| !valid_only || apollo_compiler::ExecutableDocument::parse_and_validate(schema, d.to_string(), "d.graphql").is_ok())
        .collect();
    (0..count)
        .map(|i| {
            let d = docs[i % docs.len()];
            // `mutation Name(` or `mutation Name {`: the second word is the name.
            let name_at = d.find(char::is_whitespace).map_or(0, |s| s + 1);
            let name_end = name_at + d[name_at..].find(|c: char| !c.is_alphanumeric() && c != '_').unwrap_or(0);
            format!("{}Op{i}{}", &d[..name_at], &d[name_end..])
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let text = std::fs::read_to_string(REFERENCE).unwrap();
    let plain = krakengen::Pipeline::new("oees").reference_text("mutations.txt", &text).load().expect("loads");
    let json = supplement(&plain.model().sdl());
    eprintln!("supplement of {} bytes", json.len());
    let loaded = krakengen::Pipeline::new("oees")
        .reference_text("mutations.txt", &text)
        .supplement_text("brand.json", json.clone())
        .load()
        .expect("loads with the supplement");
    let inputs: Vec<krakengen::lint::Input> = examples(&loaded, 500, false)
        .into_iter()
        .enumerate()
        .map(|(i, d)| match i % 2 {
            0 => krakengen::lint::Input { path: format!("ops/op{i}.graphql"), text: d },
            _ => krakengen::lint::Input { path: format!("ops/op{i}.py"), text: format!("import x\n\nQUERY = \"\"\"\n{d}\n\"\"\"\n") },
        })
        .collect();
    let report = krakengen::lint::lint(loaded.model().schema(), &inputs, "2026-12-01");
    assert_eq!(report.summary.documents, 500);

    let mut group = c.benchmark_group("lint");
    group.sample_size(10);
    group.bench_function("500_documents", |b| {
        b.iter(|| krakengen::lint::lint(black_box(loaded.model().schema()), black_box(&inputs), "2026-12-01"))
    });
    group.bench_function("500_documents_with_loading", |b| {
        b.iter(|| {
            let loaded = krakengen::Pipeline::new("oees")
                .reference_text("mutations.txt", black_box(&text))
                .supplement_text("brand.json", json.clone())
                .load()
                .expect("loads");
            krakengen::lint::lint(loaded.model().schema(), &inputs, "2026-12-01")
        })
    });
    group.finish();

    let documents = examples(&plain, 200, true);
    let mut options = krakengen::codegen::Options::new("oees").with_crate_name("oees-client");
    for (i, d) in documents.iter().enumerate() {
        options = options.with_documents(&format!("ops/op{i}.graphql"), d);
    }
    let mut group = c.benchmark_group("documents");
    group.sample_size(10);
    group.bench_function("generate_200", |b| {
        b.iter(|| {
            let generator = krakengen::codegen::Generator::new(black_box(plain.model()), &options).expect("the documents generate");
            generator.crate_files().expect("files")
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
