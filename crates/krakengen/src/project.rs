//! Regenerating everything a configuration names.
//!
//! This is the one place that knows which generators run for a project and where their files go, so
//! `cargo xtask codegen`, its `--check` mode and the staleness test all agree byte for byte.
//!
//! Files go to an [`Outputs`] one at a time, as they are produced. [`codegen`] uses [`Staging`]: each
//! file's text is compared with the disk while it is formatted, and what differs goes to a temporary
//! file next to its target; only when every project succeeded are the temporary files renamed into
//! place, so a failing reference never leaves a half-written output tree, and no generated file is
//! ever held in memory whole (at 100× the vendored reference they add up to over 400 MB).

use std::path::{Path, PathBuf};

use crate::config::ConfigFile;
pub use crate::pipeline::Failure;
use crate::pipeline::Pipeline;
pub use crate::write::GeneratedFile;

/// Where the generated files go, one at a time, as they are produced.
pub trait Outputs {
    /// Receives one file's text, piece by piece.
    type File: crate::write::TextSink;
    /// Starts the file at `path`.
    fn create(&mut self, path: PathBuf) -> Self::File;
    /// Takes a file whose text is complete.
    fn finish(&mut self, file: Self::File) -> Result<(), Failure>;
}

/// Outputs held in memory, for [`generate`].
struct Collect(Vec<GeneratedFile>);

impl Outputs for Collect {
    type File = GeneratedFile;

    fn create(&mut self, path: PathBuf) -> GeneratedFile {
        GeneratedFile { path, contents: String::new() }
    }

    fn finish(&mut self, file: GeneratedFile) -> Result<(), Failure> {
        self.0.push(file);
        Ok(())
    }
}

/// Outputs compared with the disk as they arrive, the differing ones staged in temporary files (see
/// [`crate::write::StagedFile`]) until [`Staging::commit`]. Dropping it uncommitted removes every
/// temporary file and leaves the tree as it was.
pub struct Staging {
    check: bool,
    staged: Vec<crate::write::Staged>,
    /// The directories created for the temporary files, removed again if nothing is committed.
    dirs: crate::write::CreatedDirs,
}

impl Staging {
    /// With `check`, nothing is staged and [`Staging::commit`] only reports what is stale.
    pub fn new(check: bool) -> Self {
        Staging { check, staged: Vec::new(), dirs: Default::default() }
    }

    /// Every output so far: its path, length and content hash (see [`crate::write::ContentHash`]).
    pub fn outputs(&self) -> Vec<(PathBuf, u64, u64)> {
        let mut v: Vec<_> = self.staged.iter().map(|s| (s.path.clone(), s.len, s.hash)).collect();
        v.sort();
        v
    }

    /// Puts every stale output in place, in path order (in check mode, only reports them).
    pub fn commit(mut self) -> std::io::Result<SyncReport> {
        self.staged.sort_by(|a, b| a.path.cmp(&b.path));
        let mut report = SyncReport::default();
        for staged in std::mem::take(&mut self.staged) {
            if staged.fresh {
                continue;
            }
            report.stale.push(staged.path.clone());
            if let Some(diff) = staged.diff(DIFF_LINES) {
                report.diffs.push(diff);
            }
            if !self.check {
                let path = staged.path.clone();
                staged.commit()?;
                report.written.push(path);
            }
        }
        self.dirs.forget();
        Ok(report)
    }
}

impl Drop for Staging {
    /// An uncommitted staging leaves the tree as it was: the temporary files go, and so do the
    /// directories made for them.
    fn drop(&mut self) {
        self.staged.clear();
        self.dirs.remove_empty();
    }
}

impl Outputs for Staging {
    type File = crate::write::StagedFile;

    fn create(&mut self, path: PathBuf) -> crate::write::StagedFile {
        crate::write::StagedFile::new(path, self.check).with_created_dirs(self.dirs.clone())
    }

    fn finish(&mut self, file: crate::write::StagedFile) -> Result<(), Failure> {
        let path = file.path().display().to_string();
        let staged = file.finish().map_err(|e| Failure::Write(format!("cannot write {path}: {e}")))?;
        self.staged.push(staged);
        Ok(())
    }
}

/// Generates every file of every project in memory, sorted by path.
pub fn generate(config: &ConfigFile) -> Result<Vec<GeneratedFile>, Failure> {
    let mut files = Collect(Vec::new());
    generate_into(config, &mut files)?;
    files.0.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files.0)
}

/// Generates every file of every project into `outputs`.
pub fn generate_into(config: &ConfigFile, outputs: &mut impl Outputs) -> Result<(), Failure> {
    for project in &config.projects {
        generate_project_into(config, project, outputs)?;
    }
    Ok(())
}

/// Generates the files of one project into `outputs`: its SDL and catalogue, and its crates and
/// Python package when it names them.
pub fn generate_project_into(config: &ConfigFile, project: &crate::config::Project, outputs: &mut impl Outputs) -> Result<(), Failure> {
    use crate::write::TextSink;
    let pipeline = Pipeline::from_project(config, project);
    let loaded = pipeline.load()?;
    let crate::sdl::SchemaOutput { sdl, metadata_json, .. } = loaded.schema();
    let dir = config.path(&project.schema_dir);
    for (name, text) in [("schema.graphql", sdl), ("metadata.json", metadata_json)] {
        let mut file = outputs.create(dir.join(name));
        file.push_text(&text);
        outputs.finish(file)?;
    }
    if project.python_package.is_none() && !pipeline.has_workspace_crates() {
        return Ok(());
    }
    let generator = loaded.generator()?;
    if let Some(dir) = &project.python_package {
        let files = generator
            .python_package(project.python_dist())
            .map_err(|diagnostics| Failure::Diagnostics { project: project.name.clone(), report: loaded.report(diagnostics) })?;
        let dir = config.path(dir);
        for f in files {
            let mut file = outputs.create(dir.join(&f.path));
            file.push_text(&f.contents);
            outputs.finish(file)?;
        }
    }
    if pipeline.has_workspace_crates() {
        // The generator has taken what it needs from the model; the model, the validated schema
        // above all, is dropped before formatting, which needs most of the memory.
        let sources = loaded.warnings().sources.clone();
        drop(loaded);
        let files = generator
            .workspace_crates_into(|path| outputs.create(config.root.join(path)))
            .map_err(|diagnostics| Failure::Diagnostics {
                project: project.name.clone(),
                report: crate::diag::Report::new(diagnostics, sources.clone()),
            })?;
        for file in files {
            outputs.finish(file)?;
        }
    }
    Ok(())
}

/// What [`sync`] did or would do.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Files whose contents differ from what is on disk (or that are missing).
    pub stale: Vec<PathBuf>,
    /// Files written (empty in check mode).
    pub written: Vec<PathBuf>,
    /// In check mode, per stale file, a short unified diff of its first differences (at most
    /// [`DIFF_LINES`] changed lines), so that a pipeline log shows what is stale.
    pub diffs: Vec<String>,
}

/// How many changed lines the check's diff of a stale file shows.
pub const DIFF_LINES: usize = 40;

/// Compares generated files with the disk and, unless `check`, writes the ones that differ (atomically;
/// unchanged files are left alone so their modification times stay).
///
/// Every stale file is staged in a temporary file before the first one is put in place, so a failed
/// write leaves every target as it was.
pub fn sync(files: &[GeneratedFile], check: bool) -> std::io::Result<SyncReport> {
    let mut staging = Staging::new(check);
    for f in files {
        // An unreadable file counts as stale, as a missing one does; writing it reports the error.
        let mut file = crate::write::StagedFile::new(f.path.clone(), check).with_created_dirs(staging.dirs.clone());
        file.push(f.contents.as_bytes());
        staging.staged.push(file.finish()?);
    }
    staging.commit()
}

/// What [`codegen`] found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// How many files the configuration generates.
    pub files: usize,
    /// What was stale and what was written.
    pub report: SyncReport,
    /// The check was answered by the stamp, without regenerating.
    pub from_stamp: bool,
}

/// Regenerates every output of `config` (or, with `check`, compares without writing), keeping the
/// stamp at `stamp` (see [`crate::stamp`]) when one is given.
///
/// With `check` and a stamp that proves every output fresh, nothing is regenerated. Otherwise the full
/// path runs, and when it leaves every output matching the generator (after writing, or a check that
/// found nothing stale) the stamp is rewritten; a check that finds stale files removes it. Failing to
/// write the stamp never fails the run: the next check is then simply a full one.
pub fn codegen(config: &ConfigFile, check: bool, stamp: Option<&Path>) -> Result<Outcome, Failure> {
    if let (true, Some(stamp)) = (check, stamp) {
        if let Some(files) = crate::stamp::verify(config, stamp) {
            return Ok(Outcome { files, report: SyncReport::default(), from_stamp: true });
        }
    }
    // Hashed before generation reads them, so an input edited meanwhile can only make the stamp
    // stale, never make it vouch for outputs of older inputs.
    let inputs = stamp.map(|_| crate::stamp::inputs(config));
    let mut staging = Staging::new(check);
    generate_into(config, &mut staging)?;
    let outputs = staging.outputs();
    let report = staging.commit().map_err(|e| Failure::Write(format!("cannot write generated files: {e}")))?;
    if let (Some(stamp), Some(inputs)) = (stamp, inputs) {
        match inputs {
            Ok(inputs) if report.stale.is_empty() || !check => {
                let _ = crate::stamp::record(config, inputs, &outputs, stamp);
            }
            _ => {
                let _ = std::fs::remove_file(stamp);
            }
        }
    }
    Ok(Outcome { files: outputs.len(), report, from_stamp: false })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(dir: &Path, reference: &str) -> ConfigFile {
        std::fs::write(dir.join("ref.txt"), reference).unwrap();
        let text = "[[project]]\nname = \"t\"\ndocs = \"ref.txt\"\nschema_dir = \"out\"\n";
        std::fs::write(dir.join("krakengen.toml"), text).unwrap();
        ConfigFile::load(&dir.join("krakengen.toml")).unwrap()
    }

    const SMALL: &str = include_str!("../../../tests/fixtures/crlf/basic.txt");

    #[test]
    fn check_reports_stale_files_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let files = generate(&config(dir.path(), SMALL)).unwrap();
        assert_eq!(files.len(), 2);
        let report = sync(&files, true).unwrap();
        assert_eq!(report.stale.len(), 2);
        assert!(report.written.is_empty());
        assert!(!dir.path().join("out").exists());
        // Writing makes them fresh; a second write touches nothing.
        assert_eq!(sync(&files, false).unwrap().written.len(), 2);
        assert_eq!(sync(&files, true).unwrap(), SyncReport::default());
        std::fs::write(&files[0].path, "edited").unwrap();
        assert_eq!(sync(&files, true).unwrap().stale, vec![files[0].path.clone()]);
        // A check says what is stale: the first differences as a short unified diff.
        let mut lines: Vec<&str> = files[0].contents.lines().collect();
        lines[3] = "an edited line";
        std::fs::write(&files[0].path, lines.join("\n") + "\n").unwrap();
        let report = sync(&files, true).unwrap();
        assert_eq!(report.diffs.len(), 1);
        let diff = &report.diffs[0];
        assert!(diff.contains("@@ line 4 @@\n"), "{diff}");
        assert!(diff.contains("\n-an edited line\n"), "{diff}");
        assert!(diff.contains(&format!("\n+{}\n", files[0].contents.lines().nth(3).unwrap())), "{diff}");
        assert!(diff.lines().count() <= DIFF_LINES + 4, "{diff}");
        // Lines the disk has beyond the generated end are shown as removed.
        std::fs::write(&files[0].path, format!("{}left over\n", files[0].contents)).unwrap();
        let diff = sync(&files, true).unwrap().diffs.remove(0);
        assert!(diff.ends_with("-left over\n"), "{diff}");
    }

    /// Runs `codegen` with the stamp at `dir/target/stamp`.
    fn run(config: &ConfigFile, check: bool) -> Outcome {
        codegen(config, check, Some(&config.root.join("target/stamp"))).unwrap()
    }

    #[test]
    fn a_missing_stamp_falls_back_to_the_full_check() {
        let dir = tempfile::tempdir().unwrap();
        let config = config(dir.path(), SMALL);
        let stamp = dir.path().join("target/stamp");
        // Nothing generated and no stamp: the full check runs and finds both files missing.
        let first = run(&config, true);
        assert!(!first.from_stamp);
        assert_eq!(first.report.stale.len(), 2);
        assert!(!stamp.exists(), "a failed check writes no stamp");
        // Generating writes the files and the stamp; the next check is answered by the stamp.
        assert_eq!(run(&config, false).report.written.len(), 2);
        assert!(stamp.exists());
        assert_eq!(run(&config, true), Outcome { files: 2, report: SyncReport::default(), from_stamp: true });
        // Without the stamp the files are still fresh, found by the full check, which writes it again.
        std::fs::remove_file(&stamp).unwrap();
        assert_eq!(run(&config, true), Outcome { files: 2, report: SyncReport::default(), from_stamp: false });
        assert!(run(&config, true).from_stamp);
        // A stamp that is not one (truncated, from another format) is ignored, not trusted.
        std::fs::write(&stamp, "krakengen codegen stamp v1\n").unwrap();
        assert!(!run(&config, true).from_stamp);
        std::fs::write(&stamp, "garbage").unwrap();
        assert!(!run(&config, true).from_stamp);
    }

    #[test]
    fn the_stamp_detects_edited_and_missing_outputs() {
        let dir = tempfile::tempdir().unwrap();
        let config = config(dir.path(), SMALL);
        let files = generate(&config).unwrap();
        run(&config, false);
        assert!(run(&config, true).from_stamp);
        for (i, f) in files.iter().enumerate() {
            // Same length, one byte different: only the hash can tell.
            let mut edited = f.contents.clone().into_bytes();
            let last = edited.len() - 2;
            edited[last] = if edited[last] == b'x' { b'y' } else { b'x' };
            std::fs::write(&f.path, &edited).unwrap();
            let check = run(&config, true);
            assert!(!check.from_stamp, "file {i}");
            assert_eq!(check.report.stale, vec![f.path.clone()], "file {i}");
            // The stale check removed the stamp; regenerating restores both.
            assert!(!dir.path().join("target/stamp").exists());
            run(&config, false);
            assert!(run(&config, true).from_stamp);
            std::fs::remove_file(&f.path).unwrap();
            let check = run(&config, true);
            assert!(!check.from_stamp, "file {i}");
            assert_eq!(check.report.stale, vec![f.path.clone()], "file {i}");
            run(&config, false);
        }
    }

    #[test]
    fn the_stamp_detects_edited_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let config = config(dir.path(), SMALL);
        run(&config, false);
        assert!(run(&config, true).from_stamp);
        // An edit that changes the outputs: the full check runs and reports them stale.
        let edited = SMALL.replace("Enrollment process not found.", "Enrollment process was not found.");
        assert_ne!(edited, SMALL);
        std::fs::write(dir.path().join("ref.txt"), &edited).unwrap();
        let check = run(&config, true);
        assert!(!check.from_stamp);
        assert!(!check.report.stale.is_empty());
        run(&config, false);
        assert!(run(&config, true).from_stamp);
        // An input edit that changes no output still forces the full check (which then passes).
        std::fs::write(dir.path().join("ref.txt"), format!("{edited}\r\n")).unwrap();
        let check = run(&config, true);
        assert!(!check.from_stamp);
        assert!(check.report.stale.is_empty(), "{:?}", check.report);
        assert!(run(&config, true).from_stamp);
        // A configuration change is an input change too.
        let mut other = config.clone();
        other.projects[0].scalars.insert("Date".into(), "::std::string::String".into());
        assert!(!codegen(&other, true, Some(&dir.path().join("target/stamp"))).unwrap().from_stamp);
    }

    /// The project's supplements reach the client as well as the SDL: the type the reference leaves
    /// unknown is a JSON newtype without them and a struct with them.
    #[test]
    fn supplements_type_the_client() {
        let dir = tempfile::tempdir().unwrap();
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/supplement");
        std::fs::copy(fixtures.join("reference.txt"), dir.path().join("ref.txt")).unwrap();
        std::fs::copy(fixtures.join("agreeing.graphql"), dir.path().join("sup.graphql")).unwrap();
        let base = "[[project]]\nname = \"s\"\ndocs = \"ref.txt\"\nschema_dir = \"out\"\nerrors_crate = \"e\"\nclient_crate = \"c\"\n";
        for (extra, typed) in [("", false), ("supplements = [\"sup.graphql\"]\n", true)] {
            std::fs::write(dir.path().join("krakengen.toml"), format!("{base}{extra}")).unwrap();
            let files = generate(&ConfigFile::load(&dir.path().join("krakengen.toml")).unwrap()).unwrap();
            let client = files.iter().find(|f| f.path.ends_with("c/src/generated.rs")).expect("the client is generated");
            assert_eq!(client.contents.contains("pub struct GoodsPurchase {"), typed, "supplements: {extra:?}");
            assert_eq!(client.contents.contains("pub struct GoodsPurchase(pub ::serde_json::Value);"), !typed);
            // Two supplied fields have types only the supplement defines: an enum and a scalar.
            for item in ["pub enum PurchaseStatus {", "pub struct PurchaseInstant(", "pub placed_at: ::std::option::Option<PurchaseInstant>,"] {
                assert_eq!(client.contents.contains(item), typed, "{item}, supplements: {extra:?}");
            }
        }
    }

    /// A project that fails after another one was generated and staged: nothing of either is
    /// written, and no temporary file is left.
    #[test]
    fn a_later_failing_project_leaves_the_tree_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("good.txt"), SMALL).unwrap();
        std::fs::write(dir.path().join("bad.txt"), SMALL.replace("Query Complexity: 1", "Query Complexity: lots")).unwrap();
        let text = "[[project]]\nname = \"a\"\ndocs = \"good.txt\"\nschema_dir = \"out\"\n\n\
                    [[project]]\nname = \"b\"\ndocs = \"bad.txt\"\nschema_dir = \"out-b\"\n";
        std::fs::write(dir.path().join("krakengen.toml"), text).unwrap();
        let config = ConfigFile::load(&dir.path().join("krakengen.toml")).unwrap();
        std::fs::create_dir(dir.path().join("out")).unwrap();
        std::fs::write(dir.path().join("out/schema.graphql"), "old").unwrap();
        assert!(matches!(codegen(&config, false, None), Err(Failure::Diagnostics { .. })));
        let names: Vec<_> = std::fs::read_dir(dir.path().join("out")).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["schema.graphql"], "nothing staged is left behind");
        assert_eq!(std::fs::read_to_string(dir.path().join("out/schema.graphql")).unwrap(), "old");
        assert!(!dir.path().join("out-b").exists());
    }

    /// The directories a failed run created for its temporary files are removed with them, however
    /// deep: the tree is left exactly as it was.
    #[test]
    fn a_failed_run_leaves_no_new_directory() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("good.txt"), SMALL).unwrap();
        std::fs::write(dir.path().join("bad.txt"), SMALL.replace("Query Complexity: 1", "Query Complexity: lots")).unwrap();
        let text = "[[project]]\nname = \"a\"\ndocs = \"good.txt\"\nschema_dir = \"new/deep/out\"\n\n\
                    [[project]]\nname = \"b\"\ndocs = \"bad.txt\"\nschema_dir = \"out-b\"\n";
        std::fs::write(dir.path().join("krakengen.toml"), text).unwrap();
        let config = ConfigFile::load(&dir.path().join("krakengen.toml")).unwrap();
        assert!(matches!(codegen(&config, false, None), Err(Failure::Diagnostics { .. })));
        let mut names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        names.sort();
        assert_eq!(names, ["bad.txt", "good.txt", "krakengen.toml"]);
        // A run that commits keeps the directories it made.
        std::fs::write(dir.path().join("bad.txt"), SMALL).unwrap();
        codegen(&config, false, None).unwrap();
        assert!(dir.path().join("new/deep/out/schema.graphql").exists());
    }

    /// What `codegen` writes is what `generate` returns, and the stamp records its lengths and hashes.
    #[test]
    fn streaming_codegen_writes_what_generate_returns() {
        let dir = tempfile::tempdir().unwrap();
        let config = config(dir.path(), SMALL);
        let files = generate(&config).unwrap();
        let outcome = codegen(&config, false, None).unwrap();
        assert_eq!(outcome.report.written, files.iter().map(|f| f.path.clone()).collect::<Vec<_>>());
        for f in &files {
            assert_eq!(std::fs::read_to_string(&f.path).unwrap(), f.contents);
        }
        assert_eq!(codegen(&config, true, None).unwrap().report, SyncReport::default());
    }

    #[test]
    fn a_broken_reference_fails_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let broken = SMALL.replace("Query Complexity: 1", "Query Complexity: lots");
        let failure = generate(&config(dir.path(), &broken)).unwrap_err();
        let rendered = failure.to_string();
        let Failure::Diagnostics { report, .. } = failure else { panic!("expected diagnostics") };
        assert!(report.diagnostics.has_errors());
        assert!(rendered.contains("ref.txt:"), "{rendered}");
        assert!(rendered.contains("bad-complexity"), "{rendered}");
        assert!(!dir.path().join("out").exists());
    }
}
