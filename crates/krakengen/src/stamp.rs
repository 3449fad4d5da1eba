//! The record of the last successful `codegen` run that lets `codegen --check` skip regeneration.
//!
//! Build pipelines run `cargo xtask codegen --check` on every commit, and regenerating costs far more
//! than reading the files involved. A stamp (kept under `target/`, never checked in) holds one hash of
//! every input together with the generator's identity, and the length and hash of every output as it
//! was written or verified. When the inputs hash the same and every output on disk still has the
//! recorded length and hash, a full check could only report "up to date", so it is skipped.
//!
//! Everything that can change the output is an input: the configuration (every field, through its
//! `Debug` form), the reference files (names and bytes, so a file added to a reference directory
//! counts), supplements, fragments, and [`GENERATOR`], a hash of krakengen's own sources, templates
//! and the workspace lock file computed by `build.rs`, so a changed generator or dependency never
//! reuses a stamp. Any doubt (no stamp, an unreadable or malformed stamp, an unreadable input or
//! output, a path that cannot be written to the stamp) answers "not verified" and the caller falls back
//! to the full check; the stamp can make a check faster, never make it pass.
//!
//! The hash is the standard library's `DefaultHasher` created with `new()`, whose keys are fixed, so
//! it is stable from one run to the next of one build. Its algorithm may change between Rust releases;
//! a stamp written by another build then simply fails to verify once and is rewritten.

use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

use crate::config::ConfigFile;
use crate::write::ContentHash;

/// The identity of this generator: a hash of krakengen's sources, templates and the workspace lock
/// file, computed when the crate was built.
pub const GENERATOR: &str = env!("KRAKENGEN_GENERATOR_HASH");

/// The first line of a stamp; changing the format changes it, so old stamps stop verifying.
const MAGIC: &str = "krakengen codegen stamp v2";

/// A byte hasher whose every piece of input is length-prefixed, so that moving bytes from one piece
/// to the next (a file name into its contents) changes the hash.
struct Hash(DefaultHasher);

impl Hash {
    fn new() -> Self {
        Hash(DefaultHasher::new())
    }

    fn piece(&mut self, bytes: &[u8]) {
        self.0.write_u64(bytes.len() as u64);
        self.0.write(bytes);
    }

    fn finish(&self) -> u64 {
        self.0.finish()
    }
}


/// Hashes every input of every project of `config`, and the generator's identity.
///
/// Fails with a message when an input cannot be read; the full check then reports the problem
/// properly.
pub fn inputs(config: &ConfigFile) -> Result<u64, String> {
    let mut h = Hash::new();
    h.piece(MAGIC.as_bytes());
    h.piece(GENERATOR.as_bytes());
    h.piece(serde_json::to_string(config).unwrap_or_default().as_bytes());
    for project in &config.projects {
        let files = crate::parse::load(&config.path(&project.reference)).map_err(|e| e.to_string())?;
        h.piece(&(files.len() as u64).to_le_bytes());
        for (name, bytes) in &files {
            h.piece(name.as_bytes());
            h.piece(bytes);
        }
        for path in project.supplements.iter().chain(&project.fragments) {
            let path = config.path(path);
            let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            h.piece(path.display().to_string().as_bytes());
            h.piece(&bytes);
        }
        // A directory of documents is every `.graphql` file found in it, the files generation reads:
        // adding one changes the inputs.
        let documents: Vec<PathBuf> = project.documents.iter().map(|d| config.path(d)).collect();
        for input in crate::lint::read_documents_of(&documents, |l| l == crate::lint::Language::GraphQl)? {
            h.piece(input.path.as_bytes());
            h.piece(input.text.as_bytes());
        }
    }
    Ok(h.finish())
}

/// Writes the stamp for `outputs` (path, length and [`ContentHash`] of each), which were generated from
/// inputs hashing to `inputs` and are now on disk exactly so.
///
/// `inputs` must be computed before generation reads the inputs: if an input changes in between, the
/// stamp then records the old inputs and the next check falls back to the full check. A stamp is not
/// written (and any old one is removed) when an output path cannot be recorded faithfully.
pub fn record(config: &ConfigFile, inputs: u64, outputs: &[(PathBuf, u64, u64)], stamp: &Path) -> std::io::Result<()> {
    let mut text = format!("{MAGIC}\ninputs {inputs:016x}\n");
    for (path, len, hash) in outputs {
        let shown = config.shown(path);
        let faithful = path.to_str().is_some() && !shown.contains(['\n', '\r']) && !shown.is_empty();
        if !faithful {
            return match std::fs::remove_file(stamp) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            };
        }
        text.push_str(&format!("{len} {hash:016x} {shown}\n"));
    }
    crate::write::write_if_changed(stamp, text.as_bytes()).map(|_| ())
}

/// One output as the stamp records it.
struct Recorded {
    path: PathBuf,
    len: u64,
    hash: u64,
}

fn parse(text: &str, config: &ConfigFile) -> Option<(u64, Vec<Recorded>)> {
    let mut lines = text.lines();
    if lines.next()? != MAGIC {
        return None;
    }
    let inputs = u64::from_str_radix(lines.next()?.strip_prefix("inputs ")?, 16).ok()?;
    let mut outputs = Vec::new();
    for line in lines {
        let (len, rest) = line.split_once(' ')?;
        let (hash, path) = rest.split_once(' ')?;
        if path.is_empty() {
            return None;
        }
        outputs.push(Recorded {
            path: config.path(Path::new(path)),
            len: len.parse().ok()?,
            hash: u64::from_str_radix(hash, 16).ok()?,
        });
    }
    Some((inputs, outputs))
}

/// Returns the number of generated files when the stamp at `stamp` proves them up to date: the inputs
/// hash as recorded and every recorded output is on disk with its recorded length and hash. Returns
/// `None` whenever that is not certain, and the caller must then run the full check.
pub fn verify(config: &ConfigFile, stamp: &Path) -> Option<usize> {
    let text = std::fs::read_to_string(stamp).ok()?;
    let (recorded_inputs, outputs) = parse(&text, config)?;
    if inputs(config).ok()? != recorded_inputs {
        return None;
    }
    for out in &outputs {
        // Comparing the length first answers most edits without hashing.
        if std::fs::metadata(&out.path).ok()?.len() != out.len {
            return None;
        }
        if ContentHash::of_file(&out.path).ok()? != (out.len, out.hash) {
            return None;
        }
    }
    Some(outputs.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_identity_is_a_hash() {
        assert_eq!(GENERATOR.len(), 16, "{GENERATOR}");
        assert!(GENERATOR.chars().all(|c| c.is_ascii_hexdigit()), "{GENERATOR}");
    }

    #[test]
    fn hashing_is_stable_and_sensitive() {
        let content = |pieces: &[&[u8]]| {
            let mut h = ContentHash::default();
            pieces.iter().for_each(|p| h.update(p));
            h.finish()
        };
        assert_eq!(content(&[b"abc"]), content(&[b"abc"]));
        assert_ne!(content(&[b"abc"]), content(&[b"abd"]));
        assert_ne!(content(&[b"abc"]), content(&[b"abc\0"]));
        // Contents are hashed as a stream: where the generator cut them must not matter, since the
        // stamp is written from pieces and verified from blocks of the file.
        let long: Vec<u8> = (0..10_000u32).map(|i| (i * 7 % 256) as u8).collect();
        let whole = content(&[&long]);
        assert_eq!(content(&[&long[..1], &long[1..9], &long[9..4097], &long[4097..]]), whole);
        assert_eq!(content(&[&long[..5000], &[], &long[5000..]]), whole);
        assert_eq!(whole.0, 10_000);
        let (mut a, mut b) = (Hash::new(), Hash::new());
        a.piece(b"ab");
        a.piece(b"c");
        b.piece(b"a");
        b.piece(b"bc");
        assert_ne!(a.finish(), b.finish(), "pieces are length-prefixed");
    }

    #[test]
    fn malformed_stamps_do_not_parse() {
        let config = ConfigFile::default();
        assert!(parse("", &config).is_none());
        assert!(parse("krakengen codegen stamp v0\ninputs 00\n", &config).is_none());
        assert!(parse(&format!("{MAGIC}\ninputs zz\n"), &config).is_none());
        assert!(parse(&format!("{MAGIC}\ninputs 0f\n12 00ff\n"), &config).is_none());
        assert!(parse(&format!("{MAGIC}\ninputs 0f\nx 00ff a.rs\n"), &config).is_none());
        let (inputs, outputs) = parse(&format!("{MAGIC}\ninputs 0f\n12 00ff dir/a b.rs\n"), &config).unwrap();
        assert_eq!((inputs, outputs.len(), outputs[0].len, outputs[0].hash), (15, 1, 12, 255));
        assert_eq!(outputs[0].path, Path::new("dir/a b.rs"));
    }

    /// A project whose reference is a file in `dir` and whose documents are `dir/ops`.
    fn project_in(dir: &Path) -> ConfigFile {
        std::fs::write(dir.join("ref.txt"), "Mutations\n").unwrap();
        std::fs::create_dir_all(dir.join("ops")).unwrap();
        let project = crate::config::Project {
            name: "p".into(),
            reference: "ref.txt".into(),
            schema_dir: "schema".into(),
            documents: vec!["ops".into()],
            ..Default::default()
        };
        ConfigFile { projects: vec![project], root: dir.to_path_buf() }
    }

    #[test]
    fn the_inputs_are_the_files_generation_reads() {
        let dir = tempfile::tempdir().unwrap();
        let config = project_in(dir.path());
        let before = inputs(&config).unwrap();
        assert_eq!(inputs(&config).unwrap(), before, "stable");
        // A Python file beside the documents is not read by generation, so it changes nothing.
        std::fs::write(dir.path().join("ops/client.py"), "Q = \"\"\"query { a }\"\"\"\n").unwrap();
        assert_eq!(inputs(&config).unwrap(), before);
        std::fs::write(dir.path().join("ops/q.graphql"), "query Q { a }\n").unwrap();
        let with_document = inputs(&config).unwrap();
        assert_ne!(with_document, before, "a document is an input");
        std::fs::write(dir.path().join("ref.txt"), "Mutations\n\n").unwrap();
        assert_ne!(inputs(&config).unwrap(), with_document, "so is the reference");
    }

    #[test]
    fn a_path_the_stamp_cannot_hold_removes_the_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let config = ConfigFile { root: dir.path().to_path_buf(), ..ConfigFile::default() };
        let stamp = dir.path().join("stamp");
        let good = [(dir.path().join("a.rs"), 3, 7)];
        record(&config, 1, &good, &stamp).unwrap();
        assert!(std::fs::read_to_string(&stamp).unwrap().ends_with("3 0000000000000007 a.rs\n"));
        for bad in [dir.path().join("line\nbreak.rs"), dir.path().join("cr\r.rs"), dir.path().to_path_buf()] {
            record(&config, 1, &good, &stamp).unwrap();
            record(&config, 1, &[(bad.clone(), 3, 7)], &stamp).unwrap();
            assert!(!stamp.exists(), "{bad:?}: no stamp rather than a wrong one");
            // With no stamp to remove, that is no failure either.
            record(&config, 1, &[(bad, 3, 7)], &stamp).unwrap();
        }
        // A stamp that cannot be removed is an error.
        let blocked = dir.path().join("blocked");
        std::fs::create_dir(&blocked).unwrap();
        assert!(record(&config, 1, &[(dir.path().join("x\ny"), 3, 7)], &blocked).is_err());
    }
}
