//! `cargo xtask`: repository chores.
//!
//! `cargo xtask codegen` regenerates every generated file named by `krakengen.toml`;
//! `cargo xtask codegen --check` regenerates in memory, compares bytes and exits 1, naming the command
//! to run, when anything is stale. Both keep a stamp under `target/` (see `krakengen::stamp`) that
//! lets `--check` on an unchanged tree answer without regenerating. All logic lives in the `krakengen` library; this binary only parses
//! arguments and prints.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["codegen"] => codegen(false),
        ["codegen", "--check"] => codegen(true),
        ["synth", "--factor", n] => synth(n, None),
        ["synth", "--factor", n, "--out", out] => synth(n, Some(out)),
        _ => {
            eprintln!("usage: cargo xtask codegen [--check]\n       cargo xtask synth --factor N [--out FILE]");
            ExitCode::from(2)
        }
    }
}

fn synth(factor: &str, out: Option<&str>) -> ExitCode {
    let Ok(n) = factor.parse::<usize>() else {
        eprintln!("--factor takes a whole number, not `{factor}`");
        return ExitCode::from(2);
    };
    match xtask::synth(n, out) {
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
    match xtask::codegen(check, Some(&xtask::stamp_path())) {
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
