//! `cargo xtask`: repository chores.
//!
//! `cargo xtask codegen` regenerates every generated file named by `krakengen.toml`;
//! `cargo xtask codegen --check` regenerates in memory, compares bytes and exits 1, naming the command
//! to run, when anything is stale. Both keep a stamp under `target/` (see `krakengen::stamp`) that
//! lets `--check` on an unchanged tree answer without regenerating. `cargo xtask bench-peers
//! [--rounds N]` times krakengen against graphql-client and GraphQL Code Generator (see `peers.rs`; it
//! installs them below `target/peers`), and with `--compile` the compile time and memory of the
//! generated code against graphql-client's (`peers/compile.rs`); `cargo xtask bench-bad-input [--rounds N]` measures how the
//! release binary refuses 2 MB of bad input of each kind (see `bad_input.rs`). All logic lives in the `krakengen` library and the xtask
//! library; this binary only parses
//! arguments and prints.

use std::process::ExitCode;

/// mimalloc instead of the system allocator: generation allocates heavily, and it runs 0.73-0.76x
/// the wall time of glibc malloc on the vendored reference (README, Benchmarks).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["codegen"] => codegen(false),
        ["codegen", "--check"] => codegen(true),
        ["synth", "--factor", n] => synth(n, None),
        ["synth", "--factor", n, "--out", out] => synth(n, Some(out)),
        ["bench-peers"] => bench_peers("10"),
        ["bench-peers", "--rounds", n] => bench_peers(n),
        ["bench-peers", "--compile"] => bench_compile("5"),
        ["bench-peers", "--compile", "--rounds", n] => bench_compile(n),
        ["bench-peers", "--python"] => bench_python("5"),
        ["bench-peers", "--python", "--rounds", n] => bench_python(n),
        ["bench-bad-input"] => bench_bad_input("5"),
        ["bench-bad-input", "--rounds", n] => bench_bad_input(n),
        _ => {
            eprintln!("usage: cargo xtask codegen [--check]\n       cargo xtask synth --factor N [--out FILE]\n       cargo xtask bench-peers [--compile | --python] [--rounds N]\n       cargo xtask bench-bad-input [--rounds N]");
            ExitCode::from(2)
        }
    }
}

fn synth(factor: &str, out: Option<&str>) -> ExitCode {
    let Ok(n) = factor.parse::<usize>() else {
        eprintln!("--factor takes a whole number, not `{factor}`");
        return ExitCode::from(2);
    };
    report(xtask::synth(n, out))
}

fn bench_peers(rounds: &str) -> ExitCode {
    let Ok(n) = rounds.parse::<usize>() else {
        eprintln!("--rounds takes a whole number, not `{rounds}`");
        return ExitCode::from(2);
    };
    report(xtask::peers::run(n))
}

fn bench_python(rounds: &str) -> ExitCode {
    let Ok(n) = rounds.parse::<usize>() else {
        eprintln!("--rounds takes a whole number, not `{rounds}`");
        return ExitCode::from(2);
    };
    report(xtask::peers::python::run(n))
}

fn bench_compile(rounds: &str) -> ExitCode {
    let Ok(n) = rounds.parse::<usize>() else {
        eprintln!("--rounds takes a whole number, not `{rounds}`");
        return ExitCode::from(2);
    };
    report(xtask::peers::compile::run(n))
}

fn bench_bad_input(rounds: &str) -> ExitCode {
    match rounds.parse::<usize>() {
        Ok(n) if n > 0 => report(xtask::bad_input::run(n)),
        _ => {
            eprintln!("--rounds takes a whole number above 0, not `{rounds}`");
            ExitCode::from(2)
        }
    }
}

fn report(result: Result<String, String>) -> ExitCode {
    match result {
        Ok(msg) => {
            println!("{msg}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("{msg}");
            ExitCode::from(1)
        }
    }
}

fn codegen(check: bool) -> ExitCode {
    report(xtask::codegen(check, Some(&xtask::stamp_path())))
}
