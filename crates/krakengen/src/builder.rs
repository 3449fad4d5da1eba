//! The build-script front door: generate the client of a reference into `OUT_DIR`, as prost-build
//! does for protobuf.
//!
//! A crate that calls a Kraken API adds krakengen as a build dependency (and `serde` and
//! `serde_json` as dependencies, which the generated code uses; it needs no `derive` feature), and
//! writes a `build.rs`:
//!
//! ```no_run
//! // build.rs
//! fn main() {
//!     if let Err(e) = krakengen::builder::Config::new()
//!         .project("oees")
//!         .reference("kraken/mutations.txt")
//!         .supplement("kraken/schema.json")
//!         .fragments("kraken/fragments.graphql")
//!         .scalar("Date", "::std::string::String")
//!         .compile()
//!     {
//!         // The error's `Display` is every diagnostic, rendered with its file, line and column.
//!         panic!("{e}");
//!     }
//! }
//! ```
//!
//! and includes the file it writes, `$OUT_DIR/{project}.rs`, in any module:
//!
//! ```ignore
//! pub mod kraken {
//!     include!(concat!(env!("OUT_DIR"), "/oees.rs"));
//! }
//! // kraken::errors::ErrorCode, kraken::client::Client (also kraken::Client), kraken::types::…
//! ```
//!
//! `compile` prints `cargo:rerun-if-changed` for every input (the reference, a directory of
//! references, each supplement and fragment file), so cargo runs the script again only when one
//! changes, and a `cargo:warning` for each warning. The file is written only when its contents
//! change. The HTTP transport of the generated client needs the `reqwest` dependency and a
//! `reqwest` cargo feature in the including crate; without it, implement `Transport` yourself.

// The example above is a complete build.rs, and a build script is its `main`.
#![allow(clippy::needless_doctest_main)]

use std::path::PathBuf;
#[cfg(test)]
use std::path::Path;

use crate::diag::Diagnostics;
use crate::pipeline::{Failure, Pipeline};

/// What to generate, built with chained setters; [`Config::compile`] generates it. It is a
/// [`Pipeline`] and the directory the file goes to.
#[derive(Debug, Clone)]
pub struct Config {
    pipeline: Pipeline,
    out_dir: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            pipeline: Pipeline::new("kraken").generated_by("the build-script builder `krakengen::builder`"),
            out_dir: None,
        }
    }
}

/// Why [`Config::compile`] failed: its `Display` is the rendered diagnostics (or the I/O problem).
#[derive(Debug)]
pub struct Error {
    message: String,
    /// The diagnostics, when the inputs had errors.
    pub diagnostics: Diagnostics,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl Error {
    fn io(message: String) -> Error {
        Error { message, diagnostics: Diagnostics::new() }
    }
}

impl From<Failure> for Error {
    fn from(failure: Failure) -> Error {
        let message = failure.render(false);
        let diagnostics = failure.report().map(|r| r.diagnostics.clone()).unwrap_or_default();
        Error { message, diagnostics }
    }
}

impl Config {
    pub fn new() -> Self {
        Self::default()
    }

    fn map(mut self, f: impl FnOnce(Pipeline) -> Pipeline) -> Self {
        self.pipeline = f(self.pipeline);
        self
    }

    /// The project name: the generated file is `{project}.rs`, and documentation names the API by
    /// it. Default: `kraken`.
    #[must_use]
    pub fn project(self, name: &str) -> Self {
        self.map(|p| p.project(name))
    }

    /// The reference: a file, or a directory of `.txt` reference files (a mutations and a queries
    /// page, say). Relative paths are relative to the crate (cargo runs build scripts there).
    #[must_use]
    pub fn reference(self, path: impl Into<PathBuf>) -> Self {
        self.map(|p| p.reference(path))
    }

    /// A supplement: the brand's schema as SDL or as an introspection result (JSON). May be given
    /// several times.
    #[must_use]
    pub fn supplement(self, path: impl Into<PathBuf>) -> Self {
        self.map(|p| p.supplement(path))
    }

    /// A `.graphql` file of fragment definitions spread into the operation documents. May be given
    /// several times.
    #[must_use]
    pub fn fragments(self, path: impl Into<PathBuf>) -> Self {
        self.map(|p| p.fragments(path))
    }

    /// Your own operations: a `.graphql`/`.gql` file or a directory of them (see
    /// [`crate::codegen::Options::with_documents`]). May be given several times; `compile` tells
    /// cargo to rerun when any of them changes.
    #[must_use]
    pub fn documents(self, path: impl Into<PathBuf>) -> Self {
        self.map(|p| p.documents(path))
    }

    /// Maps a custom scalar to a Rust type path, as [`crate::codegen::Options::with_scalar`] does.
    #[must_use]
    pub fn scalar(self, graphql: &str, rust: &str) -> Self {
        self.map(|p| p.scalar(graphql, rust))
    }

    /// Generates only the operations this pattern selects (a name, a glob such as `smartFlex*`, or
    /// an exclusion `!name`), with the types they reach and the codes they raise; may be given
    /// several times. See [`crate::codegen::Options::with_operations`].
    #[must_use]
    pub fn operation(self, pattern: &str) -> Self {
        self.map(|p| p.operations([pattern]))
    }

    /// Uses the runtime crate `krakengen-client` (a dependency of the crate whose build script this
    /// is) instead of embedding its sources in the generated file. `dir` is only recorded; the
    /// crate's own `Cargo.toml` names the dependency.
    #[must_use]
    pub fn runtime_path(self, dir: &str) -> Self {
        self.map(|p| p.runtime_path(dir))
    }

    /// Where the file goes. Default: `$OUT_DIR`, which cargo sets for build scripts.
    #[must_use]
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// The pipeline this configuration runs.
    pub fn pipeline(&self) -> &Pipeline {
        &self.pipeline
    }

    /// Generates `{out_dir}/{project}.rs` and returns its path, printing the instructions for cargo
    /// on standard output.
    pub fn compile(&self) -> Result<PathBuf, Error> {
        self.compile_to(&mut std::io::stdout().lock())
    }

    /// [`Config::compile`], writing the instructions for cargo (`cargo:rerun-if-changed=…`,
    /// `cargo:warning=…`) to `cargo` instead of standard output.
    pub fn compile_to(&self, cargo: &mut impl std::io::Write) -> Result<PathBuf, Error> {
        if !self.pipeline.has_reference() {
            return Err(Error::io("krakengen::builder::Config has no reference".into()));
        }
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or_else(|| Error::io("OUT_DIR is not set: call compile from a build script, or set out_dir".into()))?,
        };
        for input in self.pipeline.input_paths() {
            let _ = writeln!(cargo, "cargo:rerun-if-changed={}", input.display());
        }
        let loaded = self.pipeline.load()?;
        let generator = loaded.generator()?;
        let (warnings, left_out) = loaded.warnings_for(&generator);
        warn(cargo, &warnings.diagnostics);
        if left_out > 0 {
            let _ = writeln!(cargo, "cargo:warning={left_out} warnings about operations and types not generated are not shown (`krakengen check` shows them)");
        }
        warn(cargo, generator.warnings());
        let file = generator.included_file().map_err(|d| loaded.failure(d))?;
        let path = out_dir.join(format!("{}.rs", self.pipeline.name()));
        crate::write::write_if_changed(&path, file.as_bytes()).map_err(|e| Error::io(format!("cannot write {}: {e}", path.display())))?;
        Ok(path)
    }
}

/// Writes each warning as a cargo warning (one line each; cargo shows them after the build).
fn warn(cargo: &mut impl std::io::Write, diagnostics: &Diagnostics) {
    for d in diagnostics.iter().filter(|d| d.severity == crate::diag::Severity::Warning) {
        let d = d.clipped();
        let _ = writeln!(cargo, "cargo:warning=krakengen {}: {}", d.code, d.message.replace('\n', " "));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(rel: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures").join(rel)
    }

    #[test]
    fn compile_writes_an_includable_file_and_names_every_input() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("purchase.graphql"), "fragment P on GoodsPurchase { code }").unwrap();
        let config = Config::new()
            .project("sup")
            .reference(fixture("supplement/reference.txt"))
            .supplement(fixture("supplement/typed.graphql"))
            .fragments(dir.path().join("purchase.graphql"))
            .out_dir(dir.path());
        let mut cargo = Vec::new();
        let path = config.compile_to(&mut cargo).unwrap();
        let cargo = String::from_utf8(cargo).unwrap();
        for input in ["reference.txt", "typed.graphql", "purchase.graphql"] {
            assert!(cargo.lines().any(|l| l.starts_with("cargo:rerun-if-changed=") && l.ends_with(input)), "{input}: {cargo}");
        }
        assert!(cargo.contains("cargo:warning=krakengen unmatched-rows:"), "{cargo}");
        assert_eq!(path, dir.path().join("sup.rs"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("// @generated by the build-script builder `krakengen::builder`, do not edit.\npub mod errors {\n"), "{}", &text[..200]);
        assert!(text.ends_with("pub use client::*;\n"));
        syn::parse_file(&text).expect("the file is Rust");
        // Nothing that must come first in a file: it is included into a module.
        assert!(!text.lines().next().unwrap_or_default().starts_with("#!"), "no inner attribute heads the file");
    }

    #[test]
    fn errors_render_the_diagnostics() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("bad.txt"), std::fs::read_to_string(fixture("standard/small.txt")).unwrap().replace("Query Complexity: 1", "Query Complexity: lots")).unwrap();
        let err = Config::new().reference(dir.path().join("bad.txt")).out_dir(dir.path()).compile_to(&mut Vec::new()).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("bad.txt:") && text.contains("krakengen::bad-complexity"), "{text}");
        assert!(err.diagnostics.has_errors());
        assert!(!dir.path().join("kraken.rs").exists(), "nothing is written");
        let err = Config::new().reference(dir.path().join("bad.txt")).compile_to(&mut Vec::new());
        assert!(err.is_err(), "without OUT_DIR or out_dir there is nowhere to write");
    }
}
