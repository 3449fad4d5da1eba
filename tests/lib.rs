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
