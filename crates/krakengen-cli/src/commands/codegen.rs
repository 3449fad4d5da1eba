//! `krakengen codegen`: regenerates (or, with `--check`, compares) every output of a `krakengen.toml`.

use std::path::PathBuf;

use super::{Context, Exit, Result};

#[derive(clap::Args)]
pub struct Args {
    /// The configuration file.
    #[arg(long, value_name = "FILE", default_value = "krakengen.toml")]
    config: PathBuf,
    /// Write nothing and exit 1 when any generated file is stale. When the stamp (see `--stamp`)
    /// shows that no input changed and every output is on disk as the last clean run left it, the
    /// check is answered without regenerating; otherwise the full check runs.
    #[arg(long)]
    check: bool,
    /// The stamp file that lets `--check` skip regeneration; every run that leaves the outputs
    /// matching rewrites it. Default: `krakengen/codegen.stamp` in the cargo target directory of
    /// the configuration's directory (`$CARGO_TARGET_DIR`, or `target/` next to `krakengen.toml`),
    /// the file `cargo xtask codegen` keeps. Never check it in.
    #[arg(long, value_name = "FILE")]
    stamp: Option<PathBuf>,
    /// Neither read nor write a stamp: `--check` always regenerates and compares.
    #[arg(long, conflicts_with = "stamp")]
    no_stamp: bool,
}

pub fn run(args: Args, cx: &Context) -> Result {
    // An absolute path makes the configuration's root, and so the stamp's record of it, the same
    // as `cargo xtask codegen`'s, so the two share one stamp instead of each invalidating the
    // other's.
    let path = std::path::absolute(&args.config).unwrap_or(args.config);
    let config = krakengen::config::ConfigFile::load(&path)?;
    let stamp = (!args.no_stamp).then(|| args.stamp.unwrap_or_else(|| default_stamp(&config.root)));
    let outcome = match krakengen::project::codegen(&config, args.check, stamp.as_deref()) {
        Ok(outcome) => outcome,
        Err(failure) => return cx.fail(&failure, "nothing was written"),
    };
    let report = &outcome.report;
    for p in &report.stale {
        eprintln!("{} {}", if args.check { "stale" } else { "wrote" }, config.shown(p));
    }
    for diff in &report.diffs {
        eprint!("{diff}");
    }
    let how = if outcome.from_stamp { " (inputs and outputs match the stamp)" } else { "" };
    super::stdout(&format!(
        "{} generated files, {} {}{how}\n",
        outcome.files,
        report.stale.len(),
        if args.check { "stale" } else { "written" }
    ))?;
    Ok(if args.check && !report.stale.is_empty() { Exit::Problems } else { Exit::Success })
}

/// Where `krakengen codegen` keeps its stamp by default: where `cargo xtask codegen` keeps it, in the
/// cargo target directory of the directory holding `krakengen.toml` (`$CARGO_TARGET_DIR` when set,
/// resolved against that directory when relative, else `target/`), which Rust repositories already
/// keep out of version control.
fn default_stamp(root: &std::path::Path) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("target"));
    root.join(target).join("krakengen/codegen.stamp")
}
