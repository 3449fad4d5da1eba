//! Shared helpers for krakengen's end-to-end and snapshot tests.

use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// A path below `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// The vendored reference.
pub fn vendored() -> PathBuf {
    root().join("schema/oees/mutations.txt")
}

/// Parses a file and returns the parse result with the path shown relative to the repository root,
/// so snapshots do not depend on where the repository is checked out.
pub fn parse_rel(path: &Path) -> krakengen::parse::Parsed {
    let bytes = std::fs::read(path).expect("fixture is readable");
    let rel = path.strip_prefix(root()).unwrap_or(path).display().to_string();
    krakengen::parse::parse_files(vec![(rel, bytes)])
}

/// The codegen options of the vendored reference, matching what `cargo xtask codegen` uses.
pub fn oees_options() -> krakengen::codegen::Options {
    krakengen::codegen::Options::new("oees")
}

/// Every generated file of the checked-in workspace crates, as `cargo xtask codegen` writes them.
pub fn generated_workspace_files() -> Vec<krakengen::codegen::GeneratedFile> {
    let parsed = parse_rel(&vendored());
    assert!(!parsed.diagnostics.has_errors(), "the vendored reference parses cleanly");
    krakengen::codegen::generate_workspace_crates(&parsed.reference, &oees_options()).expect("codegen succeeds")
}
