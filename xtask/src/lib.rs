//! The xtask's library half, so the staleness check can run as an ordinary `#[test]`.

use std::path::{Path, PathBuf};

use krakengen::config::ConfigFile;
use krakengen::project;

pub mod bad_input;
pub mod peers;

/// The repository root (the xtask lives one level below it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask has a parent directory").to_path_buf()
}

/// Where `cargo xtask codegen` keeps its stamp (see `krakengen::stamp`): in the target directory,
/// which is never checked in.
pub fn stamp_path() -> PathBuf {
    let root = root();
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("target"));
    root.join(target).join("krakengen/codegen.stamp")
}

/// Regenerates (or, with `check`, verifies) every generated file; `Err` holds the message to print.
///
/// `stamp` lets a check of an unchanged tree skip regeneration (the stamp is also kept up to date
/// by every run that gives one); `None` always runs the full check.
pub fn codegen(check: bool, stamp: Option<&Path>) -> Result<String, String> {
    let root = root();
    let config = ConfigFile::load(&root.join("krakengen.toml")).map_err(|e| e.to_string())?;
    let outcome = project::codegen(&config, check, stamp).map_err(|e| e.to_string())?;
    let (files, report) = (outcome.files, outcome.report);
    let show = |paths: &[PathBuf]| paths.iter().map(|p| format!("  {}", config.shown(p))).collect::<Vec<_>>().join("\n");
    if check {
        if report.stale.is_empty() {
            let how = if outcome.from_stamp { " (inputs and outputs match the stamp)" } else { "" };
            Ok(format!("{files} generated files are up to date{how}"))
        } else {
            Err(format!(
                "{} generated file(s) are stale:\n{}\n{}Run `cargo xtask codegen` to regenerate them.",
                report.stale.len(),
                show(&report.stale),
                report.diffs.concat()
            ))
        }
    } else if report.written.is_empty() {
        Ok(format!("{files} generated files are up to date; nothing written"))
    } else {
        Ok(format!("wrote {} of {files} generated files:\n{}", report.written.len(), show(&report.written)))
    }
}

/// Writes an `n`-fold synthetic copy of the vendored reference (default: `target/synth/oees-xN.txt`).
pub fn synth(n: usize, out: Option<&str>) -> Result<String, String> {
    if n == 0 {
        return Err("--factor must be at least 1".into());
    }
    let root = root();
    let text = std::fs::read_to_string(root.join("schema/oees/mutations.txt")).map_err(|e| e.to_string())?;
    let out = out.map(PathBuf::from).unwrap_or_else(|| root.join(format!("target/synth/oees-x{n}.txt")));
    let synthetic = krakengen::synth::synthesize(&text, n);
    krakengen::write::write_if_changed(&out, synthetic.as_bytes()).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(format!("wrote {} ({} bytes, {n}x)", out.display(), synthetic.len()))
}

#[cfg(test)]
mod tests {
    /// Fails when a checked-in generated file differs from what `cargo xtask codegen` would write:
    /// the one freshness check of the repository. Always the full check: the stamp is what this
    /// test guards. Every file `krakengen.toml` generates is compared: per project, the SDL, the
    /// catalogue and the three crates' `generated.rs`, and the nine files of the oees project's
    /// Python package.
    #[test]
    fn generated_files_are_fresh() {
        let projects = krakengen::config::ConfigFile::load(&super::root().join("krakengen.toml")).expect("krakengen.toml loads").projects.len();
        assert_eq!(projects, 2, "oees and queries");
        match super::codegen(true, None) {
            Ok(message) => assert_eq!(message, format!("{} generated files are up to date", 5 * projects + 9), "every output of krakengen.toml is compared"),
            Err(message) => panic!("{message}"),
        }
    }
}
