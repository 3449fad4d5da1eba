//! Regenerating everything a configuration names.
//!
//! This is the one place that knows which generators run for a project and where their files go, so
//! `cargo xtask codegen`, its `--check` mode and the staleness test all agree byte for byte. Generation
//! happens in memory first; only when every project succeeded is anything written, so a failing
//! reference never leaves a half-written output tree.

use std::path::{Path, PathBuf};

use crate::config::{Config, Project};
use crate::diag::Diagnostics;
use crate::parse::{self, Parsed};

/// One file to write: an absolute (or config-relative) path and its contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    pub path: PathBuf,
    pub contents: String,
}

/// Why a project could not be generated.
#[derive(Debug)]
pub enum Failure {
    /// The inputs could not be read.
    Load(String),
    /// The reference (or a stage after it) has errors; the rendered diagnostics say which.
    Diagnostics { project: String, rendered: String, diagnostics: Diagnostics },
    /// The generated files could not be written.
    Write(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Load(m) | Failure::Write(m) => f.write_str(m),
            Failure::Diagnostics { project, rendered, diagnostics } => write!(
                f,
                "{rendered}project `{project}`: {} error(s), {} warning(s); nothing was written",
                diagnostics.errors(),
                diagnostics.warnings()
            ),
        }
    }
}

/// Generates every file of every project in memory.
pub fn generate(config: &Config) -> Result<Vec<GeneratedFile>, Failure> {
    let mut files = Vec::new();
    for project in &config.projects {
        files.extend(generate_project(config, project)?);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Parses a project's reference, naming files relative to the configuration's directory so that
/// nothing generated depends on where the repository is checked out.
pub fn parse_project(config: &Config, project: &Project) -> Result<Parsed, Failure> {
    let mut inputs = parse::load(&config.path(&project.docs)).map_err(|e| Failure::Load(e.to_string()))?;
    for (name, _) in &mut inputs {
        *name = display_path(Path::new(name.as_str()), &config.root);
    }
    let parsed = parse::parse_files(inputs);
    if parsed.diagnostics.has_errors() {
        return Err(Failure::Diagnostics {
            project: project.name.clone(),
            rendered: parsed.render_diagnostics(false),
            diagnostics: parsed.diagnostics.clone(),
        });
    }
    Ok(parsed)
}

/// Generates the files of one project.
pub fn generate_project(config: &Config, project: &Project) -> Result<Vec<GeneratedFile>, Failure> {
    let parsed = parse_project(config, project)?;
    let schema = build_schema(config, project, &parsed)?;
    // The options take what they need from the schema (the supplement's fields) before its texts
    // move into the output files.
    let options = codegen_options(config, project, &schema)?;
    let dir = config.path(&project.schema_dir);
    let mut files = vec![
        GeneratedFile { path: dir.join("schema.graphql"), contents: schema.sdl },
        GeneratedFile { path: dir.join("metadata.json"), contents: schema.metadata_json },
    ];
    if let Some(options) = options {
        let generated = crate::codegen::generate_workspace_crates(&parsed.reference, &options).map_err(|diagnostics| {
            Failure::Diagnostics {
                project: project.name.clone(),
                rendered: crate::diag::render(&diagnostics, &[], false),
                diagnostics,
            }
        })?;
        files.extend(generated.into_iter().map(|f| GeneratedFile { path: config.root.join(f.path), contents: f.contents }));
    }
    Ok(files)
}

/// The code generator's options for a project: its crates, scalars, fragments and the fields its
/// supplements give (from `schema`, the project's built SDL). `None` when the project names no errors
/// and client crate (it then only gets its SDL and catalogue).
pub fn codegen_options(
    config: &Config,
    project: &Project,
    schema: &crate::sdl::SchemaOutput,
) -> Result<Option<crate::codegen::Options>, Failure> {
    let (Some(errors), Some(client)) = (&project.errors_crate, &project.client_crate) else { return Ok(None) };
    let mut options = crate::codegen::Options::new(&project.name)
        .with_errors_crate(&errors.display().to_string())
        .with_client_crate(&client.display().to_string())
        .with_scalars(&project.scalars)
        .with_supplemented_fields(schema);
    if let Some(server) = &project.server_crate {
        let sdl = project.schema_dir.join("schema.graphql");
        options = options.with_server_crate(&server.display().to_string(), &sdl.display().to_string());
    }
    for f in &project.fragments {
        let path = config.path(f);
        let text = std::fs::read_to_string(&path).map_err(|e| Failure::Load(format!("cannot read {}: {e}", path.display())))?;
        options = options.with_fragments(&display_path(&path, &config.root), &text);
    }
    Ok(Some(options))
}

/// Builds a project's SDL and catalogue, with the supplements its configuration names.
pub fn build_schema(config: &Config, project: &Project, parsed: &Parsed) -> Result<crate::sdl::SchemaOutput, Failure> {
    let mut options = crate::sdl::SchemaOptions::new();
    for s in &project.supplements {
        options = options.with_supplement(config.path(s));
    }
    let build = options.build(&parsed.reference);
    match build.output {
        Some(out) if !build.diagnostics.has_errors() => Ok(out),
        _ => Err(Failure::Diagnostics {
            project: project.name.clone(),
            rendered: build.render_diagnostics_for(parsed, false),
            diagnostics: build.diagnostics.clone(),
        }),
    }
}

/// What [`sync`] did or would do.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Files whose contents differ from what is on disk (or that are missing).
    pub stale: Vec<PathBuf>,
    /// Files written (empty in check mode).
    pub written: Vec<PathBuf>,
}

/// Compares generated files with the disk and, unless `check`, writes the ones that differ (atomically;
/// unchanged files are left alone so their modification times stay).
pub fn sync(files: &[GeneratedFile], check: bool) -> std::io::Result<SyncReport> {
    let mut report = SyncReport::default();
    for f in files {
        // An unreadable file counts as stale, as a missing one does; writing it reports the error.
        if crate::write::holds(&f.path, f.contents.as_bytes()).unwrap_or(false) {
            continue;
        }
        report.stale.push(f.path.clone());
        if !check {
            crate::write::write_if_changed(&f.path, f.contents.as_bytes())?;
            report.written.push(f.path.clone());
        }
    }
    Ok(report)
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
pub fn codegen(config: &Config, check: bool, stamp: Option<&Path>) -> Result<Outcome, Failure> {
    if let (true, Some(stamp)) = (check, stamp) {
        if let Some(files) = crate::stamp::verify(config, stamp) {
            return Ok(Outcome { files, report: SyncReport::default(), from_stamp: true });
        }
    }
    // Hashed before generation reads them, so an input edited meanwhile can only make the stamp
    // stale, never make it vouch for outputs of older inputs.
    let inputs = stamp.map(|_| crate::stamp::inputs(config));
    let files = generate(config)?;
    let report = sync(&files, check).map_err(|e| Failure::Write(format!("cannot write generated files: {e}")))?;
    if let (Some(stamp), Some(inputs)) = (stamp, inputs) {
        match inputs {
            Ok(inputs) if report.stale.is_empty() || !check => {
                let _ = crate::stamp::record(config, inputs, &files, stamp);
            }
            _ => {
                let _ = std::fs::remove_file(stamp);
            }
        }
    }
    Ok(Outcome { files: files.len(), report, from_stamp: false })
}

/// Shows `path` relative to `root` when it lies below it.
pub fn display_path(path: &Path, root: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(dir: &Path, reference: &str) -> Config {
        std::fs::write(dir.join("ref.txt"), reference).unwrap();
        let text = "[[project]]\nname = \"t\"\ndocs = \"ref.txt\"\nschema_dir = \"out\"\n";
        std::fs::write(dir.join("krakengen.toml"), text).unwrap();
        Config::load(&dir.join("krakengen.toml")).unwrap()
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
    }

    /// Runs `codegen` with the stamp at `dir/target/stamp`.
    fn run(config: &Config, check: bool) -> Outcome {
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
            let files = generate(&Config::load(&dir.path().join("krakengen.toml")).unwrap()).unwrap();
            let client = files.iter().find(|f| f.path.ends_with("c/src/generated.rs")).expect("the client is generated");
            assert_eq!(client.contents.contains("pub struct GoodsPurchase {"), typed, "supplements: {extra:?}");
            assert_eq!(client.contents.contains("pub struct GoodsPurchase(pub ::serde_json::Value);"), !typed);
        }
    }

    #[test]
    fn a_broken_reference_fails_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let broken = SMALL.replace("Query Complexity: 1", "Query Complexity: lots");
        let Err(Failure::Diagnostics { rendered, diagnostics, .. }) = generate(&config(dir.path(), &broken)) else {
            panic!("expected diagnostics")
        };
        assert!(diagnostics.has_errors());
        assert!(rendered.contains("ref.txt:"), "{rendered}");
        assert!(rendered.contains("bad-complexity"), "{rendered}");
        assert!(!dir.path().join("out").exists());
    }
}
