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

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use apollo_compiler::ast::{self, Definition, Selection};
use apollo_compiler::diagnostic::ToCliReport;
use apollo_compiler::parser::SourceSpan;
use apollo_compiler::schema::ExtendedType;
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

struct Walker<'a> {
    schema: &'a Valid<Schema>,
    previous: Option<&'a Valid<Schema>>,
    today: &'a str,
    file: &'a str,
    sources: &'a apollo_compiler::parser::SourceMap,
    findings: Vec<Finding>,
    /// Byte ranges (in the document's positioned text) whose validation errors are not reported.
    unchecked: Vec<(usize, usize)>,
    /// Offsets of the fields written with a selection set.
    selected: BTreeSet<usize>,
    label: Option<String>,
}

/// Whether krakengen knows every field of a type: not when the reference does not give them
/// (`@opaque`) or gives only those its examples select (`@partial`).
fn fields_known(t: &ExtendedType) -> bool {
    !(t.directives().has("opaque") || t.directives().has("partial"))
}

impl Walker<'_> {
    fn push(&mut self, loc: Option<SourceSpan>, kind: Kind, message: String, removal: Option<String>) {
        let (line, column) = start_of(loc.and_then(|l| l.line_column_range(self.sources)));
        self.findings.push(Finding {
            file: self.file.to_string(),
            line,
            column,
            operation: self.label.clone(),
            kind,
            message,
            removal,
            replacement: None,
        });
    }

    /// A `removed` finding for field `field` of `parent` (or its argument `argument`): `what`,
    /// then what the previous schema said of it, or else the known name closest to it.
    fn removed(&mut self, loc: Option<SourceSpan>, what: String, (parent, field, argument): (&str, &str, Option<&str>), known: &[&str]) {
        let before = self.previous.and_then(|p| p.type_field(parent, field).ok()).and_then(|def| match argument {
            Some(a) => def.argument_by_name(a).map(|a| a.directives.clone()),
            None => Some(def.directives.clone()),
        });
        let (message, replacement) = match before {
            Some(directives) => match deprecated(&directives) {
                Some(reason) => {
                    let replacement = reason.and_then(replacement_in);
                    let said = match &replacement {
                        Some(r) => format!("; the previous reference deprecated it for `{r}`"),
                        None => format!("; the previous reference deprecated it: {}", reason_text(reason.unwrap_or("No longer supported"))),
                    };
                    (format!("{what}{said}"), replacement)
                }
                None => (format!("{what}; the previous reference had it, without a deprecation"), None),
            },
            None => {
                let name = argument.unwrap_or(field);
                (format!("{what}{}", did_you_mean(name, known)), None)
            }
        };
        self.push(loc, Kind::Removed, message, None);
        if let Some(last) = self.findings.last_mut() {
            last.replacement = replacement;
        }
    }

    fn in_unchecked(&self, loc: SourceSpan) -> bool {
        self.unchecked.iter().any(|&(a, b)| loc.offset() >= a && loc.offset() < b)
    }

    fn skip(&mut self, loc: Option<SourceSpan>) {
        if let Some(l) = loc {
            self.unchecked.push((l.offset(), l.end_offset()));
        }
    }

    fn selection_set(&mut self, parent: &str, set: &[Selection]) {
        for s in set {
            match s {
                Selection::Field(f) => self.field(parent, f),
                Selection::InlineFragment(i) => {
                    let on = i.type_condition.as_ref().map_or(parent, |t| t.as_str()).to_string();
                    self.selection_set(&on, &i.selection_set);
                }
                // A fragment is walked once, as its own definition.
                Selection::FragmentSpread(_) => {}
            }
        }
    }

    fn field(&mut self, parent: &str, f: &Node<ast::Field>) {
        if f.name.starts_with("__") {
            return;
        }
        if let (false, Some(l)) = (f.selection_set.is_empty(), f.location()) {
            self.selected.insert(l.offset());
        }
        // A type the schema does not have is a validation error of its own.
        let Some(ty) = self.schema.types.get(parent) else { return };
        let def = match self.schema.type_field(parent, &f.name) {
            Ok(def) => def,
            Err(_) => {
                self.skip(f.location());
                if !fields_known(ty) {
                    let what = if ty.directives().has("opaque") {
                        format!("krakengen does not know the fields of `{parent}` (the reference does not give them)")
                    } else {
                        format!("krakengen knows only the fields of `{parent}` the reference's examples select, and not `{}`", f.name)
                    };
                    self.push(
                        f.name.location(),
                        Kind::Unchecked,
                        format!("{what}, so `{}` and what it selects are not checked; pass the brand's schema with --supplement to check them", f.name),
                        None,
                    );
                } else {
                    let known: Vec<&str> = match ty {
                        ExtendedType::Object(o) => o.fields.keys().map(|k| k.as_str()).collect(),
                        ExtendedType::Interface(o) => o.fields.keys().map(|k| k.as_str()).collect(),
                        _ => Vec::new(),
                    };
                    let what = match self.schema.root_operation(ast::OperationType::Query).filter(|r| r.as_str() == parent) {
                        Some(_) => format!("the query `{}` is not in the schema", f.name),
                        None if self.schema.root_operation(ast::OperationType::Mutation).is_some_and(|r| r.as_str() == parent) => {
                            format!("the mutation `{}` is not in the schema", f.name)
                        }
                        None => format!("`{parent}` has no field `{}`", f.name),
                    };
                    self.removed(f.name.location(), what, (parent, &f.name, None), &known);
                }
                return;
            }
        };
        let coordinate = format!("{parent}.{}", f.name);
        self.deprecation(f.name.location(), &format!("`{coordinate}`"), &def.directives);
        for arg in &f.arguments {
            match def.argument_by_name(&arg.name) {
                Some(a) => {
                    self.deprecation(arg.name.location(), &format!("argument `{}` of `{coordinate}`", arg.name), &a.directives);
                    self.value(&a.ty, &arg.value);
                }
                None if !fields_known(ty) => {}
                None => {
                    let known: Vec<&str> = def.arguments.iter().map(|a| a.name.as_str()).collect();
                    self.removed(
                        arg.name.location(),
                        format!("`{coordinate}` has no argument `{}`", arg.name),
                        (parent, &f.name, Some(&arg.name)),
                        &known,
                    );
                }
            }
        }
        let inner = def.ty.inner_named_type().as_str();
        if inner == "Unknown" && !f.selection_set.is_empty() {
            self.skip(f.location());
            self.push(
                f.name.location(),
                Kind::Unchecked,
                format!("the reference does not give the type of `{coordinate}`, so what it selects is not checked; pass the brand's schema with --supplement to check it"),
                None,
            );
            return;
        }
        let inner = inner.to_string();
        self.selection_set(&inner, &f.selection_set);
    }

    /// Deprecated enum values and input fields in a literal value of type `ty`.
    fn value(&mut self, ty: &ast::Type, v: &Node<ast::Value>) {
        let named = ty.inner_named_type();
        match (self.schema.types.get(named.as_str()), v.as_ref()) {
            (Some(ExtendedType::Enum(e)), ast::Value::Enum(name)) => {
                if let Some(value) = e.values.get(name) {
                    self.deprecation(v.location(), &format!("enum value `{named}.{name}`"), &value.directives);
                }
            }
            (_, ast::Value::List(items)) => {
                let item = match ty {
                    ast::Type::List(t) | ast::Type::NonNullList(t) => t.as_ref().clone(),
                    other => other.clone(),
                };
                for i in items {
                    self.value(&item, i);
                }
            }
            (Some(ExtendedType::InputObject(o)), ast::Value::Object(fields)) => {
                if o.directives.has("opaque") {
                    self.skip(v.location());
                    self.push(
                        v.location(),
                        Kind::Unchecked,
                        format!("krakengen does not know the fields of the input `{named}` (the reference does not give them), so this value is not checked"),
                        None,
                    );
                    return;
                }
                for (name, value) in fields {
                    if let Some(def) = o.fields.get(name) {
                        self.deprecation(value.location(), &format!("input field `{named}.{name}`"), &def.directives);
                        self.value(&def.ty, value);
                    }
                }
            }
            _ => {}
        }
    }

    fn deprecation(&mut self, loc: Option<SourceSpan>, what: &str, directives: &ast::DirectiveList) {
        let Some(reason) = deprecated(directives) else { return };
        let reason = reason.unwrap_or("No longer supported");
        let removal = directive_argument(directives, "deprecationDetails", "removal")
            .and_then(|v| v.as_str())
            .map(String::from)
            .or_else(|| removal_in(reason));
        let first = reason_text(reason);
        let (kind, message) = match &removal {
            Some(day) if day.as_str() < self.today => {
                (Kind::Overdue, format!("{what} is deprecated and was scheduled for removal on or after {day}, which has passed: {first}"))
            }
            Some(day) => (Kind::Deprecated, format!("{what} is deprecated and scheduled for removal on or after {day}: {first}")),
            None => (Kind::Deprecated, format!("{what} is deprecated: {first}")),
        };
        self.push(loc, kind, message, removal);
    }

    fn summary(&self, op: &Node<ast::OperationDefinition>, root: &str) -> OperationSummary {
        let (line, column) = start_of(op.location().and_then(|l| l.line_column_range(self.sources)));
        let fields = op
            .selection_set
            .iter()
            .filter_map(|s| match s {
                Selection::Field(f) if !f.name.starts_with("__") => Some(f),
                _ => None,
            })
            .map(|f| {
                let def = self.schema.type_field(root, &f.name).ok();
                let arg = |name: &str, arg: &str| def.and_then(|d| directive_argument(&d.directives, name, arg));
                RootField {
                    name: f.name.to_string(),
                    known: def.is_some(),
                    permissions: arg("requiresPermissions", "expression").and_then(|v| v.as_str().map(String::from)),
                    complexity: arg("complexity", "value").and_then(|v| v.to_i32()).map(i64::from),
                    errors: arg("possibleErrors", "codes")
                        .and_then(|v| v.as_list().map(|l| l.iter().filter_map(|c| c.as_str().map(String::from)).collect()))
                        .unwrap_or_default(),
                }
            })
            .collect();
        OperationSummary {
            file: self.file.to_string(),
            line,
            column,
            operation: op.name.as_ref().map(|n| n.to_string()),
            kind: match op.operation_type {
                ast::OperationType::Query => "query",
                ast::OperationType::Mutation => "mutation",
                ast::OperationType::Subscription => "subscription",
            },
            fields,
        }
    }
}

/// `Some(reason)` when `list` has `@deprecated` (`Some(None)` without a reason argument).
fn deprecated(list: &ast::DirectiveList) -> Option<Option<&str>> {
    Some(list.get("deprecated")?.specified_argument_by_name("reason").and_then(|v| v.as_str()))
}

/// The value of argument `arg` of directive `directive` in `list`.
fn directive_argument<'d>(list: &'d ast::DirectiveList, directive: &str, arg: &str) -> Option<&'d Node<ast::Value>> {
    list.get(directive)?.specified_argument_by_name(arg)
}

/// A deprecation reason on one line, without the Kraken boilerplate that only repeats it ("The
/// 'x' field is deprecated.") when more follows, and cut at 300 characters.
fn reason_text(reason: &str) -> String {
    let lines: Vec<&str> = reason.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let useful: Vec<&str> = match lines.split_first() {
        Some((first, rest)) if !rest.is_empty() && first.ends_with("is deprecated.") => rest.to_vec(),
        _ => lines,
    };
    let text = useful.join(" ");
    match text.char_indices().nth(300) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    }
}

/// A date (YYYY-MM-DD) a deprecation reason gives after the word "remov…" ("Scheduled for removal
/// on or after 2025-08-21", "will be removed on 2025-01-01").
fn removal_in(reason: &str) -> Option<String> {
    let lower = reason.to_ascii_lowercase();
    let at = lower.find("remov")?;
    let rest = &reason[at..];
    rest.char_indices().filter_map(|(i, _)| rest.get(i..i + 10)).find(|s| crate::diff::is_date(s)).map(String::from)
}

/// The name a deprecation reason tells to use instead: "Please use 'x' instead", "Use the `x`
/// mutation", "use x instead".
fn replacement_in(reason: &str) -> Option<String> {
    let lower = reason.to_ascii_lowercase();
    let name_char = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.';
    for (at, _) in lower.match_indices("use ") {
        if at > 0 && lower.as_bytes()[at - 1].is_ascii_alphanumeric() {
            continue;
        }
        let mut rest = reason[at + 4..].trim_start();
        if rest.to_ascii_lowercase().starts_with("the ") {
            rest = rest[4..].trim_start();
        }
        let name = match rest.chars().next() {
            Some(q @ ('\'' | '`' | '"')) => {
                let inner = &rest[1..];
                inner.find(q).map(|end| &inner[..end]).filter(|n| !n.is_empty() && n.chars().all(name_char))
            }
            _ => {
                let end = rest.find(|c: char| !name_char(c)).unwrap_or(rest.len());
                let (name, after) = rest.split_at(end);
                // A bare word is a name only when the sentence says "instead" right after it,
                // perhaps after the kind of thing it is.
                let after = after.trim_start().to_ascii_lowercase();
                let after = ["field ", "mutation ", "query ", "argument "].iter().find_map(|k| after.strip_prefix(k)).unwrap_or(&after);
                (!name.is_empty() && after.starts_with("instead")).then_some(name)
            }
        };
        if let Some(n) = name {
            return Some(n.trim_end_matches('.').to_string());
        }
    }
    None
}

/// ` (did you mean `x`?)` for the known name closest to `name`, if one is close.
fn did_you_mean(name: &str, known: &[&str]) -> String {
    let lower = name.to_ascii_lowercase();
    let best = known
        .iter()
        .filter(|k| !k.starts_with('_'))
        .map(|k| {
            let kl = k.to_ascii_lowercase();
            let contains = kl.contains(&lower) || lower.contains(&kl);
            let score = strsim::normalized_levenshtein(&lower, &kl) + if contains { 0.5 } else { 0.0 };
            (score, *k)
        })
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)));
    best.map_or_else(String::new, |(_, k)| format!(" (did you mean `{k}`?)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removal_dates_are_read_from_reasons() {
        assert_eq!(removal_in("Use x.\n- Scheduled for removal on or after 2025-08-21.").as_deref(), Some("2025-08-21"));
        assert_eq!(removal_in("Marked on 2024-01-01; will be removed on 2025-02-03").as_deref(), Some("2025-02-03"));
        assert_eq!(removal_in("Deprecated since 2024-01-01."), None);
        assert_eq!(removal_in("removal: soon é"), None);
    }

    #[test]
    fn replacements_are_read_from_reasons() {
        let r = |s: &str| replacement_in(s);
        assert_eq!(r("The 'suspendControl' field is deprecated.\nPlease use 'updateDeviceSmartControl' instead.").as_deref(), Some("updateDeviceSmartControl"));
        assert_eq!(r("Please use the 'updateUser' mutation instead.").as_deref(), Some("updateUser"));
        assert_eq!(r("Use `flexPlannedDispatches`.").as_deref(), Some("flexPlannedDispatches"));
        assert_eq!(r("use accountNumber instead").as_deref(), Some("accountNumber"));
        assert_eq!(r("Use the new flow, which is simpler."), None);
        assert_eq!(r("Because of misuse of this field."), None);
        assert_eq!(r("No longer supported"), None);
    }

    #[test]
    fn suggestions_need_a_close_name() {
        assert_eq!(did_you_mean("plannedDispatches", &["flexPlannedDispatches", "account"]), " (did you mean `flexPlannedDispatches`?)");
        assert_eq!(did_you_mean("acount", &["account", "accounts"]), " (did you mean `account`?)");
        assert_eq!(did_you_mean("zzz", &["account"]), "");
    }
}
