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
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Load(m) => f.write_str(m),
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
    let dir = config.path(&project.schema_dir);
    let mut files = vec![
        GeneratedFile { path: dir.join("schema.graphql"), contents: schema.sdl.clone() },
        GeneratedFile { path: dir.join("metadata.json"), contents: schema.metadata_json.clone() },
    ];
    if let (Some(errors), Some(client)) = (&project.errors_crate, &project.client_crate) {
        let mut options = crate::codegen::Options::new(&project.name)
            .with_errors_crate(&errors.display().to_string())
            .with_client_crate(&client.display().to_string())
            .with_scalars(&project.scalars);
        if let Some(server) = &project.server_crate {
            let sdl = project.schema_dir.join("schema.graphql");
            options = options.with_server_crate(&server.display().to_string(), &sdl.display().to_string());
        }
        for f in &project.fragments {
            let path = config.path(f);
            let text = std::fs::read_to_string(&path).map_err(|e| Failure::Load(format!("cannot read {}: {e}", path.display())))?;
            options = options.with_fragments(&display_path(&path, &config.root), &text);
        }
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
        let current = std::fs::read(&f.path).ok();
        if current.as_deref() == Some(f.contents.as_bytes()) {
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
