//! The pipeline value: what every front door runs.
//!
//! The CLI's commands, `cargo xtask codegen` (through [`crate::project`]), the build-script
//! [`crate::builder`], the tests' helpers and the benchmarks describe their inputs as one
//! [`Pipeline`] (the reference, supplements, fragments, scalars, the operations to generate and
//! where the crates go) and run the same stages through it:
//!
//! ```text
//! Pipeline ──parse()──▶ Parsed ──load()──▶ Loaded { reference, model, warnings }
//!                                              ├── schema()     SDL + catalogue
//!                                              ├── generator()  the Rust generator
//!                                              └── diff(&new)   what changed
//! ```
//!
//! Every way a stage can fail is a [`Failure`], which owns the files its diagnostics point into
//! and renders itself.
//!
//! ```no_run
//! let loaded = krakengen::Pipeline::new("oees").reference("schema/oees/mutations.txt").supplement("brand.json").load()?;
//! let sdl = loaded.schema().sdl;
//! let crate_files = loaded.generator()?.crate_files().map_err(|d| loaded.failure(d))?;
//! # Ok::<(), krakengen::pipeline::Failure>(())
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::codegen::{Generator, Options};
use crate::diag::{Diagnostics, RenderOptions, Report};
use crate::parse::Parsed;
use crate::types::{SupplementSource, TypeModel};

/// Where a reference or a fragment document comes from.
#[derive(Debug, Clone)]
enum Input {
    /// A file (a reference may also be a directory of `.txt` files).
    Path(PathBuf),
    /// Text in memory, with the name diagnostics show.
    Text { name: String, text: String },
    /// A reference already parsed (tests and tools that edit a parsed reference).
    Parsed(Box<Parsed>),
}

/// Where the generated Rust goes.
#[derive(Debug, Clone)]
enum Crates {
    /// Checked-in crates of a workspace (`krakengen.toml`): an errors and a client crate, and maybe
    /// a server crate with the path of the SDL it embeds, all relative to the root.
    Workspace { errors: String, client: String, server: Option<(String, String)> },
    /// One self-contained crate (`krakengen generate`, the builder's file), with its package name.
    Standalone { name: Option<String> },
}

/// The inputs of one run and the settings of every stage, built with chained setters.
#[derive(Debug, Clone)]
pub struct Pipeline {
    name: String,
    root: PathBuf,
    reference: Option<Input>,
    supplements: Vec<SupplementSource>,
    fragments: Vec<Input>,
    documents: Vec<Input>,
    scalars: BTreeMap<String, String>,
    python_scalars: BTreeMap<String, String>,
    operations: Vec<String>,
    crates: Crates,
    generated_by: Option<String>,
    runtime_path: Option<String>,
}

impl Pipeline {
    /// A pipeline for the project `name` (used in crate names and messages), with no input yet.
    pub fn new(name: &str) -> Self {
        Pipeline {
            name: name.to_string(),
            root: PathBuf::new(),
            reference: None,
            supplements: Vec::new(),
            fragments: Vec::new(),
            documents: Vec::new(),
            scalars: BTreeMap::new(),
            python_scalars: BTreeMap::new(),
            operations: Vec::new(),
            crates: Crates::Standalone { name: None },
            generated_by: None,
            runtime_path: None,
        }
    }

    /// The pipeline of one project of a `krakengen.toml`: its paths resolved against the file's
    /// directory and shown relative to it, so nothing generated depends on where the repository is
    /// checked out.
    pub fn from_project(config: &crate::config::ConfigFile, project: &crate::config::Project) -> Self {
        let mut p = Pipeline::new(&project.name).root(&config.root).reference(config.path(&project.reference));
        for s in &project.supplements {
            p = p.supplement(config.path(s));
        }
        for f in &project.fragments {
            p = p.fragments(config.path(f));
        }
        for d in &project.documents {
            p = p.documents(config.path(d));
        }
        p = p.scalars(&project.scalars).operations(&project.operations);
        for (graphql, python) in &project.python_scalars {
            p = p.python_scalar(graphql, python);
        }
        p.runtime_path = project.runtime_path.clone();
        if let (Some(errors), Some(client)) = (&project.errors_crate, &project.client_crate) {
            let server = project.server_crate.as_ref().map(|server| {
                (server.display().to_string(), project.schema_dir.join("schema.graphql").display().to_string())
            });
            p.crates = Crates::Workspace { errors: errors.display().to_string(), client: client.display().to_string(), server };
        }
        p
    }

    /// The project name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Renames the project.
    #[must_use]
    pub fn project(mut self, name: &str) -> Self {
        self.name = name.to_string();
        self
    }

    /// Whether a reference was given.
    pub fn has_reference(&self) -> bool {
        self.reference.is_some()
    }

    /// Paths below `dir` are shown relative to it in diagnostics and generated files.
    #[must_use]
    pub fn root(mut self, dir: impl Into<PathBuf>) -> Self {
        self.root = dir.into();
        self
    }

    /// The reference: a file, or a directory of `.txt` reference files (a mutations and a queries
    /// page, say).
    #[must_use]
    pub fn reference(mut self, path: impl Into<PathBuf>) -> Self {
        self.reference = Some(Input::Path(path.into()));
        self
    }

    /// The reference as text in memory; `name` is the path diagnostics show.
    #[must_use]
    pub fn reference_text(mut self, name: &str, text: &str) -> Self {
        self.reference = Some(Input::Text { name: name.to_string(), text: text.to_string() });
        self
    }

    /// A reference already parsed: the later stages run on it as it is.
    #[must_use]
    pub fn parsed(mut self, parsed: Parsed) -> Self {
        self.reference = Some(Input::Parsed(Box::new(parsed)));
        self
    }

    /// A supplement: the brand's schema as SDL or as an introspection result (JSON), filling what
    /// the reference leaves unknown. May be given several times; the files are merged as one schema.
    #[must_use]
    pub fn supplement(mut self, path: impl Into<PathBuf>) -> Self {
        self.supplements.push(SupplementSource::File(path.into()));
        self
    }

    /// A supplement as text in memory; `name` is the path diagnostics show.
    #[must_use]
    pub fn supplement_text(mut self, name: impl Into<String>, text: impl Into<String>) -> Self {
        self.supplements.push(SupplementSource::Text { name: name.into(), text: text.into() });
        self
    }

    /// A `.graphql` file of fragment definitions spread into the operation documents (see
    /// [`crate::codegen::FragmentSource`]). May be given several times.
    #[must_use]
    pub fn fragments(mut self, path: impl Into<PathBuf>) -> Self {
        self.fragments.push(Input::Path(path.into()));
        self
    }

    /// Users' own operations: a `.graphql`/`.gql` file, or a directory searched for them (in name
    /// order). The client then holds their modules (see [`Options::with_documents`]). May be
    /// given several times.
    #[must_use]
    pub fn documents(mut self, path: impl Into<PathBuf>) -> Self {
        self.documents.push(Input::Path(path.into()));
        self
    }

    /// Users' operations as text in memory; `name` is shown in diagnostics.
    #[must_use]
    pub fn documents_text(mut self, name: &str, text: &str) -> Self {
        self.documents.push(Input::Text { name: name.to_string(), text: text.to_string() });
        self
    }

    /// Fragment definitions as text in memory; `name` is shown in diagnostics.
    #[must_use]
    pub fn fragments_text(mut self, name: &str, text: &str) -> Self {
        self.fragments.push(Input::Text { name: name.to_string(), text: text.to_string() });
        self
    }

    /// Maps a custom scalar to a Rust type path (see [`Options::with_scalar`]).
    #[must_use]
    pub fn scalar(mut self, graphql: &str, rust: &str) -> Self {
        self.scalars.insert(graphql.to_string(), rust.to_string());
        self
    }

    /// Every mapping of `scalars`, as [`Pipeline::scalar`] does.
    #[must_use]
    pub fn scalars<'a>(mut self, scalars: impl IntoIterator<Item = (&'a String, &'a String)>) -> Self {
        self.scalars.extend(scalars.into_iter().map(|(k, v)| (k.clone(), v.clone())));
        self
    }

    /// Maps a custom scalar to a Python type (see [`Options::with_python_scalar`]).
    #[must_use]
    pub fn python_scalar(mut self, graphql: &str, python: &str) -> Self {
        self.python_scalars.insert(graphql.to_string(), python.to_string());
        self
    }

    /// Generates only the operations these patterns select (see [`Options::with_operations`]).
    #[must_use]
    pub fn operations<S: AsRef<str>>(mut self, patterns: impl IntoIterator<Item = S>) -> Self {
        self.operations.extend(patterns.into_iter().map(|p| p.as_ref().to_string()));
        self
    }

    /// Depends on the runtime crate `krakengen-client` at `dir` instead of embedding it (see
    /// [`Options::with_runtime_path`]).
    #[must_use]
    pub fn runtime_path(mut self, dir: &str) -> Self {
        self.runtime_path = Some(dir.to_string());
        self
    }

    /// Checked-in workspace crates: the errors and client crates' directories, relative to the root.
    #[must_use]
    pub fn workspace_crates(mut self, errors: &str, client: &str) -> Self {
        let server = match std::mem::replace(&mut self.crates, Crates::Standalone { name: None }) {
            Crates::Workspace { server, .. } => server,
            Crates::Standalone { .. } => None,
        };
        self.crates = Crates::Workspace { errors: errors.to_string(), client: client.to_string(), server };
        self
    }

    /// Also a server crate in `dir`, embedding the SDL at `sdl` (both relative to the root); needs
    /// [`Pipeline::workspace_crates`].
    #[must_use]
    pub fn server_crate(mut self, dir: &str, sdl: &str) -> Self {
        if let Crates::Workspace { server, .. } = &mut self.crates {
            *server = Some((dir.to_string(), sdl.to_string()));
        }
        self
    }

    /// The package name of the self-contained crate (default `{name}-client`).
    #[must_use]
    pub fn crate_name(mut self, name: &str) -> Self {
        self.crates = Crates::Standalone { name: Some(name.to_string()) };
        self
    }

    /// What generated files' headers name as their producer (default: `cargo xtask codegen`).
    #[must_use]
    pub fn generated_by(mut self, producer: &str) -> Self {
        self.generated_by = Some(producer.to_string());
        self
    }

    /// Whether the pipeline generates checked-in workspace crates (a `krakengen.toml` project that
    /// names an errors and a client crate).
    pub fn has_workspace_crates(&self) -> bool {
        matches!(self.crates, Crates::Workspace { .. })
    }

    /// Every input file, for a build script's `rerun-if-changed`.
    pub fn input_paths(&self) -> Vec<&Path> {
        // A directory of documents is watched whole: cargo rescans a directory it is told to.
        let reference = self.reference.iter().chain(&self.fragments).chain(&self.documents).filter_map(|i| match i {
            Input::Path(p) => Some(p.as_path()),
            _ => None,
        });
        let supplements = self.supplements.iter().filter_map(|s| match s {
            SupplementSource::File(p) => Some(p.as_path()),
            SupplementSource::Text { .. } => None,
        });
        reference.chain(supplements).collect()
    }

    /// Stage 1: reads and parses the reference. `Err` only when it cannot be read; its problems are
    /// in [`Parsed::diagnostics`], for the commands that report them whatever they are.
    pub fn parse(&self) -> Result<Parsed, Failure> {
        match &self.reference {
            None => Err(Failure::Load(format!("project `{}` has no reference", self.name))),
            Some(Input::Parsed(parsed)) => Ok((**parsed).clone()),
            Some(Input::Text { name, text }) => Ok(crate::parse::parse_str(name, text)),
            Some(Input::Path(path)) => {
                let mut inputs = crate::parse::load(path).map_err(|e| Failure::Load(e.to_string()))?;
                for (name, _) in &mut inputs {
                    *name = self.shown(Path::new(name.as_str()));
                }
                Ok(crate::parse::parse_files(inputs))
            }
        }
    }

    /// Stages 1 and 2: the reference parsed and its type model built (supplements applied and
    /// validated). Fails with every diagnostic of the first stage that has errors.
    pub fn load(&self) -> Result<Loaded, Failure> {
        let parsed = self.parse()?;
        self.load_parsed(parsed)
    }

    /// [`Pipeline::load`] from a reference parsed by [`Pipeline::parse`].
    pub fn load_parsed(&self, parsed: Parsed) -> Result<Loaded, Failure> {
        if parsed.diagnostics.has_errors() {
            return Err(self.diagnostics(parsed.report()));
        }
        let build = crate::types::build(&parsed, &self.supplements);
        let mut diagnostics = parsed.diagnostics.clone();
        diagnostics.extend(build.diagnostics.clone());
        let report = Report::new(diagnostics, build.sources);
        let Some(model) = build.output else { return Err(self.diagnostics(report)) };
        Ok(Loaded { pipeline: self.settings(), parsed, model, warnings: report })
    }

    /// The pipeline without its reference input, which a [`Loaded`] holds parsed already: cloning
    /// the input too would copy a reference given parsed a second time.
    fn settings(&self) -> Pipeline {
        Pipeline {
            name: self.name.clone(),
            root: self.root.clone(),
            reference: None,
            supplements: self.supplements.clone(),
            fragments: self.fragments.clone(),
            documents: self.documents.clone(),
            scalars: self.scalars.clone(),
            python_scalars: self.python_scalars.clone(),
            operations: self.operations.clone(),
            crates: self.crates.clone(),
            generated_by: self.generated_by.clone(),
            runtime_path: self.runtime_path.clone(),
        }
    }

    /// The Rust generator's options: the crates, scalars, fragments (read here) and operations.
    pub fn codegen_options(&self) -> Result<Options, Failure> {
        let mut options = Options::new(&self.name).with_scalars(&self.scalars).with_operations(&self.operations);
        for (graphql, python) in &self.python_scalars {
            options = options.with_python_scalar(graphql, python);
        }
        if let Some(by) = &self.generated_by {
            options = options.with_generated_by(by);
        }
        if let Some(dir) = &self.runtime_path {
            options = options.with_runtime_path(dir);
        }
        match &self.crates {
            Crates::Workspace { errors, client, server } => {
                options = options.with_errors_crate(errors).with_client_crate(client);
                if let Some((dir, sdl)) = server {
                    options = options.with_server_crate(dir, sdl);
                }
            }
            Crates::Standalone { name: Some(name) } => options = options.with_crate_name(name),
            Crates::Standalone { name: None } => {}
        }
        for f in &self.fragments {
            match f {
                Input::Path(path) => {
                    let text = std::fs::read_to_string(path)
                        .map_err(|e| Failure::Load(format!("cannot read {}: {e}", path.display())))?;
                    options = options.with_fragments(&self.shown(path), &text);
                }
                Input::Text { name, text } => options = options.with_fragments(name, text),
                Input::Parsed(_) => {}
            }
        }
        for d in &self.documents {
            match d {
                Input::Path(path) => {
                    let files = crate::lint::read_documents_of(std::slice::from_ref(path), |l| l == crate::lint::Language::GraphQl)
                        .map_err(Failure::Load)?;
                    if files.is_empty() {
                        return Err(Failure::Load(format!("--documents {}: no .graphql or .gql file", path.display())));
                    }
                    for f in files {
                        options = options.with_documents(&self.shown(Path::new(&f.path)), &f.text);
                    }
                }
                Input::Text { name, text } => options = options.with_documents(name, text),
                Input::Parsed(_) => {}
            }
        }
        Ok(options)
    }

    /// `path` as diagnostics and generated files show it: relative to the root when below it.
    fn shown(&self, path: &Path) -> String {
        path.strip_prefix(&self.root).unwrap_or(path).display().to_string()
    }

    fn diagnostics(&self, report: Report) -> Failure {
        Failure::Diagnostics { project: self.name.clone(), report }
    }
}

/// A reference parsed and its type model built: what every generator reads.
#[derive(Debug)]
pub struct Loaded {
    /// The settings of the later stages: the pipeline without its reference input.
    pipeline: Pipeline,
    parsed: Parsed,
    model: TypeModel,
    warnings: Report,
}

impl Loaded {
    /// The parsed reference.
    pub fn reference(&self) -> &crate::model::Reference {
        &self.parsed.reference
    }

    /// The parse stage's result, with the reference's texts.
    pub fn parsed(&self) -> &Parsed {
        &self.parsed
    }

    /// The model: every type fact (supplements applied) and every operation, validated.
    pub fn model(&self) -> &TypeModel {
        &self.model
    }

    /// The warnings of both stages, with every file they point into (errors stop [`Pipeline::load`]).
    pub fn warnings(&self) -> &Report {
        &self.warnings
    }

    /// The warnings that concern what `generator` generates, and how many others were left out.
    ///
    /// Without a selection of operations that is every warning. With one, a warning is kept when it
    /// points into the block of a selected operation, names (in backticks) a selected operation or
    /// a type the generated code holds, points before the first block of its file, or points at no
    /// file: a user generating three operations is not shown the problems of the other 323.
    pub fn warnings_for(&self, generator: &Generator) -> (Report, usize) {
        if !generator.is_selection() {
            return (self.warnings.clone(), 0);
        }
        let (operations, types) = generator.reaches();
        // Every block by file and start, so a position maps to the block it falls in.
        let mut starts: BTreeMap<(u32, u32), &str> = BTreeMap::new();
        for m in self.model.operations() {
            starts.insert((m.span.file, m.span.offset), m.name.as_str());
        }
        let reference_files = self.model.files().len() as u32;
        let keep = |d: &crate::diag::Diagnostic| {
            let span = d.span;
            if span.file >= reference_files {
                // No file, a supplement or the generated SDL: kept unless it names only other things.
                return span.file == u32::MAX || mentions(&d.message, &operations, &types) || !mentions_any(&d.message);
            }
            match starts.range(..=(span.file, span.offset)).next_back() {
                Some(((file, _), name)) if *file == span.file => operations.contains(name) || mentions(&d.message, &operations, &types),
                _ => true,
            }
        };
        let (kept, left): (Vec<_>, Vec<_>) = self.warnings.diagnostics.iter().cloned().partition(|d| keep(d));
        (Report::new(Diagnostics(kept), self.warnings.sources.clone()), left.len())
    }

    /// The normalised SDL and the metadata catalogue.
    pub fn schema(&self) -> crate::sdl::SchemaOutput {
        crate::sdl::output(&self.model)
    }

    /// The Rust generator, every name, type and document decided; its warnings are in
    /// [`Generator::warnings`].
    pub fn generator(&self) -> Result<Generator, Failure> {
        let options = self.pipeline.codegen_options()?;
        Generator::new(&self.model, &options).map_err(|d| self.failure(d))
    }

    /// One side of a diff: the model and the Rust surface of its default crates.
    pub fn diff_side(&self) -> crate::diff::Side<'_> {
        crate::diff::Side::new(&self.model)
    }

    /// What changed from this version (the old one) to `new`; removal dates are compared with
    /// `today` (`YYYY-MM-DD`). The two sides' Rust surfaces are read side by side.
    pub fn diff(&self, new: &Loaded, today: &str) -> crate::diff::DiffReport {
        let (old, new) = std::thread::scope(|s| {
            let old = s.spawn(|| self.diff_side());
            let new = new.diff_side();
            (old.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), new)
        });
        crate::diff::compare(&old, &new, today)
    }

    /// Diagnostics of a later stage (the generator's), with the files they may point into.
    pub fn report(&self, diagnostics: Diagnostics) -> Report {
        Report::new(diagnostics, self.warnings.sources.clone())
    }

    /// A failure of a later stage, rendered with this run's files.
    pub fn failure(&self, diagnostics: Diagnostics) -> Failure {
        Failure::Diagnostics { project: self.pipeline.name.clone(), report: self.report(diagnostics) }
    }
}

/// Whether `message` names, in backticks, one of `operations` or `types`.
fn mentions(message: &str, operations: &std::collections::BTreeSet<&str>, types: &std::collections::BTreeSet<&str>) -> bool {
    quoted(message).any(|name| operations.contains(name) || types.contains(name))
}

/// Whether `message` names anything in backticks.
fn mentions_any(message: &str) -> bool {
    quoted(message).next().is_some()
}

/// The names a message quotes in backticks: `` `Name` ``, the base of `` `[Name!]` `` and the type
/// of `` `Name.field` ``.
fn quoted(message: &str) -> impl Iterator<Item = &str> {
    message.split('`').skip(1).step_by(2).map(|q| {
        let q = q.trim_start_matches(|c: char| !(c.is_alphanumeric() || c == '_'));
        q.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap_or(q)
    })
}

/// Why a run failed. It owns what it needs to render itself.
#[derive(Debug)]
pub enum Failure {
    /// An input could not be read.
    Load(String),
    /// The inputs (or a stage after them) have errors.
    Diagnostics { project: String, report: Report },
    /// The generated files could not be written.
    Write(String),
}

impl Failure {
    /// The failure as text, with the diagnostics rendered with `options`.
    pub fn render(&self, options: impl Into<RenderOptions>) -> String {
        match self {
            Failure::Load(m) | Failure::Write(m) => m.clone(),
            Failure::Diagnostics { project, report } => format!(
                "{}project `{project}`: {} error(s), {} warning(s); nothing was written",
                report.render(options),
                report.diagnostics.errors(),
                report.diagnostics.warnings()
            ),
        }
    }

    /// The diagnostics, when the inputs had errors.
    pub fn report(&self) -> Option<&Report> {
        match self {
            Failure::Diagnostics { report, .. } => Some(report),
            _ => None,
        }
    }
}

impl std::fmt::Display for Failure {
    /// The failure with its diagnostics rendered plainly, with the default cap.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Failure {}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = include_str!("../../../tests/fixtures/crlf/basic.txt");

    #[test]
    fn load_gives_the_reference_and_the_model_and_schema_and_generator_read_them() {
        let loaded = Pipeline::new("t").reference_text("ref.txt", SMALL).load().unwrap();
        assert!(!loaded.reference().operations.is_empty());
        let schema = loaded.schema();
        assert!(schema.sdl.contains("type Mutation"), "{}", schema.sdl);
        assert_eq!(schema.sdl, loaded.model().sdl());
        let generator = loaded.generator().unwrap();
        assert_eq!(generator.operation_documents().len(), loaded.reference().operations.len());
    }

    #[test]
    fn a_failure_owns_the_sources_its_diagnostics_point_into() {
        let broken = SMALL.replace("Query Complexity: 1", "Query Complexity: lots");
        let failure = Pipeline::new("t").reference_text("ref.txt", &broken).load().unwrap_err();
        let report = failure.report().expect("diagnostics");
        assert_eq!(report.sources.iter().map(|s| s.path.as_str()).collect::<Vec<_>>(), ["ref.txt"]);
        let text = failure.to_string();
        assert!(text.contains("ref.txt:") && text.contains("bad-complexity"), "{text}");
        // A supplement's diagnostics point into the supplement, which the failure carries too.
        let failure = Pipeline::new("t").reference_text("ref.txt", SMALL).supplement_text("sup.graphql", "type {").load().unwrap_err();
        let text = failure.to_string();
        assert!(text.contains("sup.graphql:1:"), "{text}");
    }

    #[test]
    fn unreadable_inputs_are_load_failures() {
        let missing = Pipeline::new("t").reference("/nonexistent/ref.txt").load().unwrap_err();
        assert!(matches!(missing, Failure::Load(ref m) if m.contains("/nonexistent/ref.txt")), "{missing}");
        let loaded = Pipeline::new("t").reference_text("ref.txt", SMALL).fragments("/nonexistent/f.graphql").load().unwrap();
        assert!(matches!(loaded.generator(), Err(Failure::Load(ref m)) if m.contains("f.graphql")));
        assert!(matches!(Pipeline::new("t").load(), Err(Failure::Load(_))));
    }
}
