//! `cargo xtask bench-bad-input`: how long and how much memory the release `krakengen` takes to
//! refuse 2 MB of single-line JSON, 2 MB of one line of junk, and the junk behind a valid first
//! line, given as each kind of input it reads, and how much it prints. `crates/krakengen-cli/tests/bounded.rs` checks the exit codes and
//! the output bound on every command; this measures the release binary for `docs/benchmarks.md`.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// How the bad file reaches the command: the arguments, with `BAD` standing for its path.
const CASES: [(&str, &[&str]); 4] = [
    ("reference", &["check", "BAD"]),
    ("supplement", &["schema", "ref.txt", "--out", "out", "--supplement", "BAD"]),
    ("fragments", &["generate", "ref.txt", "--out", "out", "--fragments", "BAD"]),
    ("configuration", &["codegen", "--config", "BAD", "--no-stamp"]),
];

/// Runs every case `rounds` times and returns a Markdown table of the medians.
pub fn run(rounds: usize) -> Result<String, String> {
    let root = crate::root();
    eprintln!("building krakengen (release)…");
    let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["build", "--release", "--quiet", "-p", "krakengen-cli", "--bin", "krakengen"])
        .current_dir(&root)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("cargo build --release -p krakengen-cli failed".into());
    }
    let krakengen = root.join("target/release/krakengen");
    let dir = root.join("target/bad-input");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    std::fs::copy(root.join("tests/fixtures/standard/small.txt"), dir.join("ref.txt")).map_err(|e| e.to_string())?;
    const SIZE: usize = 2 * 1024 * 1024;
    let inputs = [
        ("2 MB JSON line", krakengen::synth::introspection_json(SIZE)),
        ("2 MB junk line", krakengen::synth::junk(SIZE, 7)),
        // Past the supplement's early refusal, so the GraphQL parser reads all of it.
        ("SDL line, then 2 MB junk", format!("type Query {{ a: String }}\n{}", krakengen::synth::junk(SIZE, 7))),
    ];
    let time = Path::new("/usr/bin/time");
    let mut table = String::from(
        "| input | given as | exit code | output (bytes) | wall (median) | peak RSS (median) |\n|---|---|---:|---:|---:|---:|\n",
    );
    for (input, text) in &inputs {
        std::fs::write(dir.join("bad"), text).map_err(|e| e.to_string())?;
        for (given_as, args) in CASES {
            let args: Vec<&str> = args.iter().map(|a| if *a == "BAD" { "bad" } else { a }).collect();
            let (mut walls, mut peaks) = (Vec::new(), Vec::new());
            let mut last = None;
            for _ in 0..rounds {
                let _ = std::fs::remove_dir_all(dir.join("out"));
                let start = Instant::now();
                // GNU time reports the peak resident set of the command it runs on its last line.
                let out = if time.exists() {
                    Command::new(time).args(["-f", "%M"]).arg(&krakengen).args(&args).current_dir(&dir).output()
                } else {
                    Command::new(&krakengen).args(&args).current_dir(&dir).output()
                }
                .map_err(|e| format!("cannot run krakengen: {e}"))?;
                walls.push(start.elapsed().as_secs_f64() * 1000.0);
                let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
                let (printed, peak) = match stderr.trim_end().rsplit_once('\n').map(|(rest, last)| (rest, last.trim().parse::<u64>())) {
                    Some((rest, Ok(kb))) if time.exists() => (out.stdout.len() + rest.len() + 1, Some(kb)),
                    _ => (out.stdout.len() + out.stderr.len(), None),
                };
                peaks.extend(peak);
                last = Some((out.status.code(), printed));
            }
            let (code, printed) = last.ok_or("--rounds must be at least 1")?;
            walls.sort_by(f64::total_cmp);
            peaks.sort_unstable();
            let peak = peaks.get(peaks.len() / 2).map_or("—".to_string(), |kb| format!("{:.1} MB", *kb as f64 / 1024.0));
            table.push_str(&format!(
                "| {input} | {given_as} | {} | {printed} | {:.1} ms | {peak} |\n",
                code.map_or("signal".into(), |c| c.to_string()),
                walls[walls.len() / 2]
            ));
        }
    }
    Ok(table)
}
