//! `krakengen lint`: users' own operations checked against a model, without generating anything.
//!
//! It reads the model's schema alone (a [`Valid<Schema>`], so it is a stage after the model, as
//! the generators are): the operations' Kraken metadata and deprecation details are directives
//! of the root fields there. Documents come from `.graphql` files and from string literals in
//! source files ([`extract`]); fragments are shared across all of them, as graphql-codegen allows,
//! so a file of fragments and files of operations that spread them check together.
//!
//! Each document is validated by apollo-compiler with the fragments it borrows, and walked once
//! against the schema for what validation alone cannot say:
//!
//! * `removed`: a field or argument the schema's type does not have, where the type's fields are
//!   known, with the closest name the type does have;
//! * `unchecked`: a selection under a type whose fields krakengen does not know (`@opaque`, or
//!   `@partial` and the field is not among those seen), or under a field of unknown type; it is
//!   not called invalid, and validation errors inside it are not reported;
//! * `deprecated` or `overdue` (the removal date has passed): fields, arguments, input fields and
//!   enum values, with the reason and the removal date (`@deprecationDetails`, or a date the
//!   reason itself gives after "removal").
//!
//! Every other validation error is `invalid`, with apollo-compiler's message. Positions are lines
//! and columns (in characters) of the host file.

pub mod extract;
pub mod render;
mod walk;

use walk::Walker;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use apollo_compiler::ast::{self, Definition, Selection};
use apollo_compiler::diagnostic::ToCliReport;
use apollo_compiler::parser::SourceSpan;
use apollo_compiler::validation::Valid;
use apollo_compiler::{Node, Schema};
use serde::Serialize;

pub use extract::Language;

/// One file to lint: its path as the report shows it, and its text.
#[derive(Debug, Clone)]
pub struct Input {
    pub path: String,
    pub text: String,
}

/// What a finding is about, from the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A validation error.
    Invalid,
    /// A field or argument the schema does not have.
    Removed,
    /// Deprecated, and its removal date has passed.
    Overdue,
    /// Deprecated.
    Deprecated,
    /// Not checkable: krakengen does not know enough of the types involved.
    Unchecked,
}

impl Kind {
    pub fn word(self) -> &'static str {
        match self {
            Kind::Invalid => "invalid",
            Kind::Removed => "removed",
            Kind::Overdue => "overdue",
            Kind::Deprecated => "deprecated",
            Kind::Unchecked => "unchecked",
        }
    }
}

/// Which findings make `lint` fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    /// `invalid` and `removed`.
    Error,
    /// Those and `overdue`.
    Overdue,
    /// Those and `deprecated`.
    Deprecated,
}

impl FailOn {
    pub fn fails(self, kind: Kind) -> bool {
        match self {
            FailOn::Error => matches!(kind, Kind::Invalid | Kind::Removed),
            FailOn::Overdue => matches!(kind, Kind::Invalid | Kind::Removed | Kind::Overdue),
            FailOn::Deprecated => kind != Kind::Unchecked,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub file: String,
    pub line: u32,
    pub column: u32,
    /// The operation's name, `fragment NAME` for a fragment, `None` for an anonymous operation or
    /// what is outside any definition.
    pub operation: Option<String>,
    pub kind: Kind,
    pub message: String,
    /// The scheduled removal date of what is deprecated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removal: Option<String>,
    /// For what is `removed`: the replacement the previous reference's deprecation named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replacement: Option<String>,
}

/// What one operation needs: per root field it selects, the Kraken metadata the reference gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OperationSummary {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub operation: Option<String>,
    /// `query`, `mutation` or `subscription`.
    pub kind: &'static str,
    pub fields: Vec<RootField>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RootField {
    pub name: String,
    /// Whether the schema has the field at all.
    pub known: bool,
    /// The permission expression of `Allowed Viewers`, if the reference gives one.
    pub permissions: Option<String>,
    pub complexity: Option<i64>,
    /// The possible error codes the reference lists.
    pub errors: Vec<String>,
}

/// The whole result, in a stable order (file, line, column, kind).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Files read.
    pub files: usize,
    /// Documents found (a `.graphql` file, or a literal).
    pub documents: usize,
    /// Findings by kind.
    pub counts: BTreeMap<&'static str, usize>,
    pub operations: Vec<OperationSummary>,
}

impl Report {
    /// Whether any finding is at `threshold`.
    pub fn fails(&self, threshold: FailOn) -> bool {
        self.findings.iter().any(|f| threshold.fails(f.kind))
    }
}

/// The largest file read; a bigger one is refused rather than read whole.
pub const MAX_FILE: u64 = 16 << 20;

/// Directories a search does not enter: dependencies, build output, virtual environments, and
/// hidden ones (`.git`).
fn skipped(name: &str) -> bool {
    name.starts_with('.') || matches!(name, "node_modules" | "target" | "__pycache__" | "venv" | "site-packages")
}

/// Reads the files of `paths`: each a file of a searched language, or a directory searched for
/// them (in name order). A file named directly must be UTF-8 text; a file a search finds that is
/// not is skipped, because it is not the user's source. The error names the path and the flag.
pub fn read_documents(paths: &[impl AsRef<Path>]) -> Result<Vec<Input>, String> {
    read_documents_of(paths, |_| true)
}

/// [`read_documents`] of the languages `keep` accepts only; files of the others are not read (the
/// generator reads `.graphql` files, not a project's sources).
pub fn read_documents_of(paths: &[impl AsRef<Path>], keep: impl Fn(Language) -> bool) -> Result<Vec<Input>, String> {
    let mut out = Vec::new();
    for path in paths {
        let path = path.as_ref();
        let meta = std::fs::metadata(path).map_err(|e| format!("--documents {}: {e}", path.display()))?;
        let mut files = Vec::new();
        if meta.is_dir() {
            let walk = walkdir::WalkDir::new(path).sort_by_file_name().into_iter().filter_entry(|e| {
                e.depth() == 0 || !(e.file_type().is_dir() && e.file_name().to_str().is_some_and(skipped))
            });
            for entry in walk {
                let entry = entry.map_err(|e| format!("--documents {}: {e}", path.display()))?;
                if entry.file_type().is_file() && Language::of(entry.path()).is_some_and(&keep) {
                    files.push((entry.path().to_path_buf(), false));
                }
            }
        } else if let Some(language) = Language::of(path) {
            // A named file of a language not kept is left out, for the caller to say what it wanted.
            if keep(language) {
                files.push((path.to_path_buf(), true));
            }
        } else {
            return Err(format!(
                "--documents {}: not a directory, nor a .graphql, .gql, .py, .ts, .tsx, .js, .go or .rs file",
                path.display()
            ));
        }
        for (file, named) in files {
            let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
            if size > MAX_FILE {
                return Err(format!("{}: {size} bytes, more than the {MAX_FILE} a document file may have", file.display()));
            }
            let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            match String::from_utf8(bytes) {
                Ok(text) => out.push(Input { path: file.display().to_string(), text }),
                Err(_) if named => return Err(format!("{}: not UTF-8 text", file.display())),
                Err(_) => {}
            }
        }
    }
    Ok(out)
}

/// A parsed document and the file it came from.
struct Parsed {
    file: String,
    ast: ast::Document,
}

/// Lints `inputs` against `schema`; `today` (YYYY-MM-DD) tells overdue from deprecated.
pub fn lint(schema: &Valid<Schema>, inputs: &[Input], today: &str) -> Report {
    lint_since(schema, None, inputs, today)
}

/// [`lint`], and what is `removed` is looked up in `previous` (the schema of the reference the
/// users' operations were written against): the replacement its deprecation named, or that it
/// went without a deprecation.
pub fn lint_since(schema: &Valid<Schema>, previous: Option<&Valid<Schema>>, inputs: &[Input], today: &str) -> Report {
    let mut findings = Vec::new();
    let mut parsed = Vec::new();
    let mut documents = 0;
    for input in inputs {
        let Some(language) = Language::of(Path::new(&input.path)) else { continue };
        let found = extract::extract(language, &input.text);
        for u in found.uncheckable {
            findings.push(Finding {
                file: input.path.clone(),
                line: u.line,
                column: u.column,
                operation: None,
                kind: Kind::Unchecked,
                message: u.reason,
                removal: None,
                replacement: None,
            });
        }
        for c in found.candidates {
            documents += 1;
            match ast::Document::parse(c.text, &input.path) {
                Ok(ast) => parsed.push(Parsed { file: input.path.clone(), ast }),
                Err(with) => {
                    for d in with.errors.iter() {
                        let (line, column) = start_of(d.line_column_range());
                        findings.push(Finding {
                            file: input.path.clone(),
                            line,
                            column,
                            operation: None,
                            kind: Kind::Invalid,
                            message: d.error.to_string(),
                            removal: None,
                            replacement: None,
                        });
                    }
                }
            }
        }
    }

    // Every fragment by name; the first definition wins (apollo reports a collision inside one
    // document, and a document borrows only what it does not define).
    let mut pool: BTreeMap<&str, &Node<ast::FragmentDefinition>> = BTreeMap::new();
    for p in &parsed {
        for d in &p.ast.definitions {
            if let Definition::FragmentDefinition(f) = d {
                pool.entry(f.name.as_str()).or_insert(f);
            }
        }
    }

    let mut operations = Vec::new();
    for p in &parsed {
        let own: BTreeSet<&str> = p
            .ast
            .definitions
            .iter()
            .filter_map(|d| match d {
                Definition::FragmentDefinition(f) => Some(f.name.as_str()),
                _ => None,
            })
            .collect();
        let mut combined = p.ast.clone();
        let mut wanted: Vec<&str> = spreads(p.ast.definitions.iter()).into_iter().filter(|n| !own.contains(n)).collect();
        let mut borrowed = BTreeSet::new();
        while let Some(name) = wanted.pop() {
            if own.contains(name) || !borrowed.insert(name) {
                continue;
            }
            let Some(f) = pool.get(name) else { continue };
            wanted.extend(fragment_spreads(f));
            combined.definitions.push(Definition::FragmentDefinition((*f).clone()));
        }
        if !borrowed.is_empty() {
            let sources = std::sync::Arc::make_mut(&mut combined.sources);
            for other in &parsed {
                for (id, file) in other.ast.sources.iter() {
                    sources.entry(*id).or_insert_with(|| file.clone());
                }
            }
        }

        let mut w = Walker {
            schema,
            previous,
            today,
            file: &p.file,
            sources: &combined.sources,
            findings: Vec::new(),
            unchecked: Vec::new(),
            selected: BTreeSet::new(),
            label: None,
        };
        for d in &p.ast.definitions {
            match d {
                Definition::OperationDefinition(op) => {
                    w.label = op.name.as_ref().map(|n| n.to_string());
                    let Some(root) = schema.root_operation(op.operation_type) else { continue };
                    let root = root.as_str().to_string();
                    w.selection_set(&root, &op.selection_set);
                    operations.push(w.summary(op, &root));
                }
                Definition::FragmentDefinition(f) => {
                    w.label = Some(format!("fragment {}", f.name));
                    w.selection_set(f.type_condition.as_str(), &f.selection_set);
                }
                _ => {}
            }
        }

        let own_file = p.ast.sources.keys().next().copied();
        if let Err(with) = combined.to_executable_validate(schema) {
            for d in with.errors.iter() {
                let name = d.error.unstable_error_name();
                // Fields and arguments the schema lacks are the walk's (`removed` or `unchecked`);
                // a fragment of a file of fragments is used by other files.
                if matches!(name, Some("UndefinedField" | "UndefinedArgument" | "UnusedFragment")) {
                    continue;
                }
                let Some(loc) = d.error.location() else { continue };
                // A selection set of nothing but fields the schema lacks is empty to apollo, which
                // then asks for a selection the user did write.
                if name == Some("MissingSubselection") && w.selected.contains(&loc.offset()) {
                    continue;
                }
                if Some(loc.file_id()) != own_file || w.in_unchecked(loc) {
                    continue;
                }
                let label = label_at(&p.ast, loc.offset());
                // A variable used only inside what the schema lacks or krakengen cannot check is
                // unused to apollo, which no longer sees that part.
                if name == Some("UnusedVariable")
                    && w.findings.iter().any(|f| f.operation == label && matches!(f.kind, Kind::Removed | Kind::Unchecked))
                {
                    continue;
                }
                let (line, column) = start_of(d.line_column_range());
                w.findings.push(Finding {
                    file: p.file.clone(),
                    line,
                    column,
                    operation: label,
                    kind: Kind::Invalid,
                    message: d.error.to_string(),
                    removal: None,
                    replacement: None,
                });
            }
        }
        findings.append(&mut w.findings);
    }

    findings.sort_by(|a, b| (&a.file, a.line, a.column, a.kind, &a.message).cmp(&(&b.file, b.line, b.column, b.kind, &b.message)));
    findings.dedup();
    operations.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    let mut counts = BTreeMap::new();
    for f in &findings {
        *counts.entry(f.kind.word()).or_insert(0) += 1;
    }
    Report { findings, summary: Summary { files: inputs.len(), documents, counts, operations } }
}

fn start_of(range: Option<std::ops::Range<apollo_compiler::parser::LineColumn>>) -> (u32, u32) {
    range.map_or((1, 1), |r| (r.start.line as u32, r.start.column as u32))
}

/// The label of the definition of `doc` holding `offset`.
fn label_at(doc: &ast::Document, offset: usize) -> Option<String> {
    doc.definitions.iter().find_map(|d| {
        let loc = d.location()?;
        if !(loc.offset()..loc.end_offset()).contains(&offset) {
            return None;
        }
        match d {
            Definition::OperationDefinition(op) => op.name.as_ref().map(|n| n.to_string()),
            Definition::FragmentDefinition(f) => Some(format!("fragment {}", f.name)),
            _ => None,
        }
    })
}

fn walk_spreads<'a>(set: &'a [Selection], out: &mut Vec<&'a str>) {
    for s in set {
        match s {
            Selection::Field(f) => walk_spreads(&f.selection_set, out),
            Selection::FragmentSpread(s) => out.push(s.fragment_name.as_str()),
            Selection::InlineFragment(i) => walk_spreads(&i.selection_set, out),
        }
    }
}

/// The fragment names spread in one fragment.
fn fragment_spreads(f: &Node<ast::FragmentDefinition>) -> Vec<&str> {
    let mut out = Vec::new();
    walk_spreads(&f.selection_set, &mut out);
    out
}

/// The fragment names spread in `definitions`.
fn spreads<'a>(definitions: impl Iterator<Item = &'a Definition>) -> Vec<&'a str> {
    use walk_spreads as walk;
    let mut out = Vec::new();
    for d in definitions {
        match d {
            Definition::OperationDefinition(op) => walk(&op.selection_set, &mut out),
            Definition::FragmentDefinition(f) => walk(&f.selection_set, &mut out),
            _ => {}
        }
    }
    out
}
