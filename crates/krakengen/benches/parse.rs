//! Parsing speed: the vendored reference once, and concatenated 10 and 100 times to show that the
//! time grows linearly with the input.
//!
//! A second group times `lines::split` alone on the same inputs. It is a plain linear scan, so its
//! growth shows what the machine's caches and memory do to a linear algorithm at these sizes; the
//! parser should grow no faster than it.
//!
//! The copies rename their mutations (`acceptGoodsQuote` becomes `acceptGoodsQuote_2`, in the block's
//! name line, the operation's root field and the response key), so the larger inputs measure parsing
//! and not the reporting of thousands of duplicate definitions.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};

/// The allocator of the shipped binaries (`krakengen`, `xtask`), so the figures are theirs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn vendored() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/oees/mutations.txt");
    std::fs::read_to_string(path).expect("the vendored reference is readable")
}

fn is_name(line: &str) -> bool {
    line.starts_with(|c: char| c.is_ascii_lowercase()) && line.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The blocks of the reference with every mutation renamed by `suffix`.
fn renamed_blocks(text: &str, suffix: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let first = (0..lines.len()).find(|&i| is_name(lines[i]) && lines.get(i + 1).is_some_and(|l| l.starts_with("Type:")));
    let mut out = String::with_capacity(text.len() + 4096);
    let mut name = "";
    for (i, line) in lines.iter().enumerate().skip(first.unwrap_or(lines.len())) {
        if is_name(line) && lines.get(i + 1).is_some_and(|l| l.starts_with("Type:")) {
            name = line;
        }
        let renamed = if *line == name {
            Some(format!("{name}{suffix}"))
        } else if let Some(rest) = line.strip_prefix(name).filter(|r| r.starts_with('(') || r.starts_with(" {")) {
            Some(format!("{name}{suffix}{rest}"))
        } else {
            line.strip_prefix(&format!("\"{name}\":")).map(|rest| format!("\"{name}{suffix}\":{rest}"))
        };
        out.push_str(renamed.as_deref().unwrap_or(line));
        out.push('\n');
    }
    out
}

/// The reference with its blocks present `copies` times under distinct names.
fn concatenated(text: &str, copies: usize) -> String {
    let mut out = text.to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    for k in 2..=copies {
        out.push_str(&renamed_blocks(text, &format!("_{k}")));
    }
    out
}

fn parse(c: &mut Criterion) {
    let text = vendored();
    let mut group = c.benchmark_group("parse");
    group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5)).sample_size(20);
    for copies in [1usize, 10, 100] {
        let input = concatenated(&text, copies);
        // Check the input once, outside the measurement: every copy parses, with no duplicates.
        let parsed = krakengen::parse::parse_str("bench.txt", &input);
        assert_eq!(parsed.reference.operations.len(), 326 * copies);
        assert_eq!(parsed.diagnostics.errors(), 0);
        assert_eq!(parsed.diagnostics.warnings(), 10 * copies);
        group.throughput(Throughput::Bytes(input.len() as u64));
        // As `krakengen check` does: the file's bytes become the model. The copy of the input that
        // each run consumes is made outside the measurement, and criterion drops the models
        // outside it too.
        group.bench_with_input(BenchmarkId::from_parameter(format!("{copies}x")), &input, |b, input| {
            b.iter_batched(
                || vec![("bench.txt".to_string(), input.as_bytes().to_vec())],
                |files| krakengen::parse::parse_files(black_box(files)),
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();

    let mut group = c.benchmark_group("split_lines");
    group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3)).sample_size(20);
    for copies in [1usize, 10, 100] {
        let input = concatenated(&text, copies);
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(format!("{copies}x")), &input, |b, input| {
            b.iter(|| krakengen::parse::lines::split(black_box(input), 0, krakengen::model::Rendering::Standard))
        });
    }
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
