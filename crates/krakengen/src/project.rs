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
    let _parsed = parse_project(config, project)?;
    let files = Vec::new();
    Ok(files)
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
