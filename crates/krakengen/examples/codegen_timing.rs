//! Times the Rust generator on the vendored reference outside criterion, reporting wall and CPU
//! time per run, so the figure can be checked on a busy machine: `cargo run --release --example
//! codegen_timing -- 10`.

/// The allocator of the shipped binaries (`krakengen`, `xtask`), so the figures are theirs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn cpu_seconds() -> f64 {
    // /proc/self/stat fields 14 and 15 are user and system time in clock ticks (100 per second on
    // Linux); reading them avoids a libc dependency for an example.
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|s| s.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(10);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/oees/mutations.txt");
    let text = std::fs::read_to_string(path).expect("the vendored reference is readable");
    let parsed = krakengen::parse::parse_str("schema/oees/mutations.txt", &text);
    // As `benches/codegen.rs`' `workspace_crates`: the client depends on the runtime crate.
    let pipeline = krakengen::Pipeline::new("oees").runtime_path("crates/krakengen-client");
    let (wall, cpu) = (std::time::Instant::now(), cpu_seconds());
    let mut bytes = 0;
    for _ in 0..runs {
        let loaded = pipeline.load_parsed(parsed.clone()).expect("loads");
        let files = loaded.generator().expect("builds").workspace_crates().expect("generates");
        bytes = files.iter().map(|f| f.contents.len()).sum();
    }
    let n = runs as f64;
    println!(
        "{runs} runs, {bytes} bytes each: {:.1} ms wall, {:.1} ms CPU per run",
        wall.elapsed().as_secs_f64() * 1000.0 / n,
        (cpu_seconds() - cpu) * 1000.0 / n
    );
}
