//! Computes the generator's identity for `codegen --check`'s stamp (see `src/stamp.rs`).
//!
//! A stamp may only be reused by the generator that wrote it, so the identity is a hash of everything
//! that decides what krakengen generates: its sources, the askama templates, its manifest and the
//! workspace lock file (which pins syn, prettyplease and apollo-compiler, whose output is part of
//! ours). Cargo reruns this script whenever any of them changes.

use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

/// Every file below `path` (or `path` itself), in a fixed order.
fn files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_file() {
        out.push(path.to_path_buf());
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for e in entries {
        files(&e, out);
    }
}

fn main() {
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let inputs = [
        dir.join("src"),
        dir.join("build.rs"),
        dir.join("Cargo.toml"),
        dir.join("askama.toml"),
        dir.join("../../templates"),
        dir.join("../../Cargo.lock"),
    ];
    let mut hasher = DefaultHasher::new();
    hasher.write(env!("CARGO_PKG_VERSION").as_bytes());
    for input in &inputs {
        println!("cargo:rerun-if-changed={}", input.display());
        let mut list = Vec::new();
        files(input, &mut list);
        for file in list {
            // Names are hashed relative to the crate so that the identity does not depend on where
            // the repository is checked out.
            let name = file.strip_prefix(&dir).unwrap_or(&file).to_string_lossy().into_owned();
            let bytes = std::fs::read(&file).unwrap_or_default();
            hasher.write_u64(name.len() as u64);
            hasher.write(name.as_bytes());
            hasher.write_u64(bytes.len() as u64);
            hasher.write(&bytes);
        }
    }
    println!("cargo:rustc-env=KRAKENGEN_GENERATOR_HASH={:016x}", hasher.finish());
}
