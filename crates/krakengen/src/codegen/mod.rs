//! Rust code generation: an error-code crate and a typed client crate.
//!
//! The stages are kept apart the way typify and progenitor keep them:
//!
//! 1. [`Generator::new`] reads the type model ([`TypeModel`], every type fact, supplements applied)
//!    and the reference's per-operation metadata once, and decides everything: every Rust name
//!    (through [`crate::naming`], so two GraphQL names can never produce the same or an invalid
//!    identifier), every Rust type, every operation document, each validated against the model's
//!    schema. Nothing after this stage looks at the reference or the model.
//! 2. [`emit_errors`] and [`emit_client`] turn the IR into `proc_macro2` tokens with `quote!`. Text
//!    from the reference only ever enters the tokens as string literals (documentation, codes, GraphQL
//!    names), so no description can break out of a comment or a string.
//! 3. [`format`] parses the tokens as a `syn::File` (which also proves they are valid Rust) and
//!    prints them with `prettyplease`, behind the fixed [`HEADER`].
//!
//! Generated code uses fully qualified paths (`::std::…`, `::serde::…`) so that it compiles whatever
//! the including crate imports or names its own items. Output depends only on the reference and the
//! [`Options`]: no timestamps, no versions, no hash-map iteration order.
//!
//! A [`Generator`] is built once per run and then asked for what is needed:
//! [`Generator::workspace_crates`] (the checked-in crates of a repository, written by `cargo xtask
//! codegen`), [`Generator::crate_files`] (a self-contained crate, written by `krakengen generate`),
//! [`Generator::render_mutation`] (everything generated for one mutation, for review and
//! snapshots), [`Generator::operation_documents`] and [`Generator::scaffold`].
//!
//! # What the generated code looks like
//!
//! - Error crate: `ErrorCode` (every code of the reference, `#[non_exhaustive]`, `Unknown(String)`
//!   fallback, `code()`, `message()`, `family()`, `FromStr`, `Display`, serde as the code string);
//!   `mutations::ACCEPT_GOODS_QUOTE: &[ErrorCode]` and `mutations::AcceptGoodsQuoteError` (exactly
//!   that mutation's codes, `From`/`TryFrom` with `ErrorCode`) per mutation; `KrakenError`,
//!   `ErrorType`, `ValidationError`, `PathSegment` for Kraken's error responses.
//! - Client crate: a module per mutation (`accept_goods_quote::{DOCUMENT, Variables, Data, payload
//!   struct, POSSIBLE_ERRORS, PossibleError, Mutation}`), a `types` module (custom scalars, enums
//!   with every value the model knows and an `Unknown` fallback, unions and interfaces keyed by
//!   `__typename` with an `Unknown` fallback, structs for objects and input objects whose fields the
//!   model knows, JSON newtypes for types of unknown shape), `Client<T: Transport>` with one method per mutation (returning the call's future)
//!   plus `authenticate` (through `obtainKrakenToken`), and `http::ReqwestTransport` behind the
//!   `reqwest` feature.
//! - For the compile time of both: the structs' serde impls are written out ([`wire`]) rather than
//!   derived, and the non-generic functions are `#[inline]`, so a build compiles them to machine code
//!   only where they are called.
//!
//! # Wiring it into a front door
//!
//! Front doors do not build a generator themselves: they describe their inputs as a
//! [`crate::Pipeline`], whose [`crate::pipeline::Loaded::generator`] builds it from the model:
//!
//! ```ignore
//! let loaded = Pipeline::from_project(&config, &project).load()?;
//! let generator = loaded.generator()?;
//! // Each file's text goes to its sink while it is formatted; `project` uses sinks that compare it
//! // with the disk and stage what differs (`write::StagedFile`), so no file is held whole.
//! let sinks = generator.workspace_crates_into(|path| outputs.create(config.root.join(path)))?;
//! ```
//!
//! [`Generator::workspace_crates`] does the same into memory, for tests and tools that want the text.
//!
//! The hostile fixture (`tests/fixtures/hostile/hostile.txt`) is not checked in as a crate: the test
//! `hostile_fixture_crate_builds_and_behaves` generates it with [`Generator::crate_files`] into a temporary
//! directory and runs `cargo test --offline` on it with `-D warnings`, which compiles it, runs its
//! doctests (proving no description became code) and runs `tests/fixtures/hostile/exercise.rs`.

mod cargo;
mod docs;
mod document;
mod emit_client;
mod emit_errors;
mod emit_server;
mod format;
mod fragments;
mod ir;
mod runtime;
mod wire;
pub mod scaffold;
#[doc(hidden)]
pub mod stages;
mod surface;
pub mod python;
mod user_ops;

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::Diagnostics;
use crate::model::{Operation, OperationKind};
use crate::types::TypeModel;
pub use crate::write::{GeneratedFile, TextSink};
pub use surface::{RustItem, RustSurface};

/// The first line of every generated Rust file of a `krakengen.toml` project (`cargo xtask codegen`
/// and `krakengen codegen` write the same files); other front ends name themselves
/// ([`Options::with_generated_by`]).
pub const HEADER: &str = "// @generated by `cargo xtask codegen`, do not edit.\n";

/// A GraphQL document of fragment definitions supplied by the user.
///
/// Whenever the generated operation documents select a composite type that the reference does not
/// describe, they select only `__typename`, because that is the one field every object, interface
/// and union has. A fragment whose type condition names that type is spread there instead (together
/// with `__typename`), so users who know more of the real schema can ask for more data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FragmentSource {
    /// Where the text came from, for diagnostics (a file path, usually).
    pub name: String,
    /// GraphQL text holding only fragment definitions.
    pub text: String,
}

/// Settings of the Rust generator, built prost-build style: start from [`Options::new`] and chain
/// `with_*` setters.
///
/// ```
/// let options = krakengen::codegen::Options::new("oees")
///     .with_scalar("Date", "::std::string::String")
///     .with_fragments("fragments/account.graphql", "fragment Account on AccountType { number }");
/// assert_eq!(options.errors_crate_name(), "oees-errors");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    project: String,
    errors_crate_dir: String,
    client_crate_dir: String,
    server_crate_dir: Option<String>,
    sdl_path: String,
    crate_name: String,
    scalars: BTreeMap<String, String>,
    fragments: Vec<FragmentSource>,
    /// What the header names as the producer of the files (Markdown-quoted command or a phrase).
    generated_by: String,
    /// The operations to generate, as patterns (see [`Options::with_operations`]); empty: all.
    operations: Vec<String>,
    /// Whether the operation documents are validated against the schema. Only a generator whose
    /// code is never written skips it: the diff reads nothing but the names and types of items.
    check_documents: bool,
    /// Where the runtime crate `krakengen-client` is, when the client depends on it instead of
    /// embedding it (see [`Options::with_runtime_path`]).
    runtime_path: Option<String>,
    /// The users' own operation documents (see [`Options::with_documents`]).
    documents: Vec<FragmentSource>,
    /// Custom scalar → Python type, over [`python::DEFAULT_SCALARS`] (see
    /// [`Options::with_python_scalar`]).
    python_scalars: BTreeMap<String, String>,
}

impl Options {
    /// Options for a project called `project` (`oees`): crates `crates/{project}-errors` and
    /// `crates/{project}-client` in a workspace, or one crate `{project}-client` on its own.
    #[must_use]
    pub fn new(project: &str) -> Self {
        Self {
            project: project.to_string(),
            errors_crate_dir: format!("crates/{project}-errors"),
            client_crate_dir: format!("crates/{project}-client"),
            server_crate_dir: None,
            sdl_path: format!("schema/{project}/schema.graphql"),
            crate_name: format!("{project}-client"),
            scalars: BTreeMap::new(),
            fragments: Vec::new(),
            generated_by: "`cargo xtask codegen`".to_string(),
            operations: Vec::new(),
            check_documents: true,
            runtime_path: None,
            documents: Vec::new(),
            python_scalars: BTreeMap::new(),
        }
    }

    /// Adds a document of the user's own operations (and fragments), named `name` in diagnostics.
    /// With documents, the client holds a module and a method per operation in them, typed by
    /// their selections, and the reference operations only as [`Options::with_operations`]
    /// selects them (plus those whose root fields the documents call, for their error tables).
    #[must_use]
    pub fn with_documents(mut self, name: &str, text: &str) -> Self {
        self.documents.push(FragmentSource { name: name.to_string(), text: text.to_string() });
        self
    }

    /// Makes the client depend on the runtime crate `krakengen-client` at `dir` instead of
    /// embedding its sources as the client's `runtime` module: the self-contained crate's
    /// `Cargo.toml` names it as a path dependency (`dir` as written, so relative to the crate), and
    /// the generated code reaches it as `::krakengen_client`. The runtime is then compiled once for
    /// every client that uses it.
    #[must_use]
    pub fn with_runtime_path(mut self, dir: &str) -> Self {
        self.runtime_path = Some(dir.trim_end_matches('/').to_string());
        self
    }

    /// The runtime path of [`Options::with_runtime_path`], if set.
    pub fn runtime_path(&self) -> Option<&str> {
        self.runtime_path.as_deref()
    }

    pub(crate) fn runtime_at(&self) -> runtime::RuntimeAt {
        if self.runtime_path.is_some() {
            runtime::RuntimeAt::Crate
        } else {
            runtime::RuntimeAt::Embedded
        }
    }

    /// Sets the directory of the error-code crate, relative to the repository root. The crate's name
    /// is the directory's last component (`crates/oees-errors` → `oees-errors`), as cargo expects.
    #[must_use]
    pub fn with_errors_crate(mut self, dir: &str) -> Self {
        self.errors_crate_dir = dir.trim_end_matches('/').to_string();
        self
    }

    /// Sets the directory of the client crate, relative to the repository root.
    #[must_use]
    pub fn with_client_crate(mut self, dir: &str) -> Self {
        self.client_crate_dir = dir.trim_end_matches('/').to_string();
        self
    }

    /// Also generates a server crate's `src/generated.rs` in `dir` (relative to the repository root):
    /// the `OperationResolvers` trait, its adapter and the policy. `sdl` is the path of the checked-in
    /// SDL relative to the root (`schema/oees/schema.graphql`), which the server embeds with
    /// `include_str!`.
    #[must_use]
    pub fn with_server_crate(mut self, dir: &str, sdl: &str) -> Self {
        self.server_crate_dir = Some(dir.trim_end_matches('/').to_string());
        self.sdl_path = sdl.to_string();
        self
    }

    /// Sets the package name of the self-contained crate written by [`Generator::crate_files`].
    #[must_use]
    pub fn with_crate_name(mut self, name: &str) -> Self {
        self.crate_name = name.to_string();
        self
    }

    /// Maps a custom GraphQL scalar to a Rust type path (`"::std::string::String"`,
    /// `"::chrono::NaiveDate"`). The type must implement serde's traits, `Debug`, `Clone` and
    /// `PartialEq`. Unmapped custom scalars become newtypes over `serde_json::Value`, which accept
    /// whatever the server sends.
    #[must_use]
    pub fn with_scalar(mut self, graphql: &str, rust: &str) -> Self {
        self.scalars.insert(graphql.to_string(), rust.to_string());
        self
    }

    /// Adds every mapping of `scalars`, as [`Options::with_scalar`] does (the `[project.scalars]`
    /// table of `krakengen.toml`).
    #[must_use]
    pub fn with_scalars<'a>(mut self, scalars: impl IntoIterator<Item = (&'a String, &'a String)>) -> Self {
        for (k, v) in scalars {
            self.scalars.insert(k.clone(), v.clone());
        }
        self
    }

    /// Maps a custom GraphQL scalar to a Python type in the Python package: a builtin (`str`) or a
    /// dotted name whose module the package imports (`datetime.datetime`, `decimal.Decimal`); pydantic
    /// must be able to read and write it as JSON. Without a mapping a scalar follows
    /// [`python::DEFAULT_SCALARS`] (`DateTime` → `datetime.datetime`, `Date` → `datetime.date`,
    /// `Decimal` → `decimal.Decimal` ...) or else is `Any`, which takes whatever the server sends.
    #[must_use]
    pub fn with_python_scalar(mut self, graphql: &str, python: &str) -> Self {
        self.python_scalars.insert(graphql.to_string(), python.to_string());
        self
    }

    /// Adds a document of fragment definitions (see [`FragmentSource`]); `name` is used in
    /// diagnostics only.
    #[must_use]
    pub fn with_fragments(mut self, name: &str, text: &str) -> Self {
        self.fragments.push(FragmentSource { name: name.to_string(), text: text.to_string() });
        self
    }

    /// Generates only the operations the patterns select, with the types they reach and the error
    /// codes they can raise: a crate calling five mutations compiles five, not 326. A pattern is an
    /// operation name or a glob (`smartFlex*`, `*Quote`; `*` matches any run of characters), and one
    /// starting with `!` excludes what it matches. With only exclusions, everything else is kept. A
    /// pattern that matches nothing is an error (a typo would otherwise generate an empty or
    /// unrestricted crate), with the names it may have meant. The SDL and the catalogue stay whole.
    #[must_use]
    pub fn with_operations<S: AsRef<str>>(mut self, patterns: impl IntoIterator<Item = S>) -> Self {
        self.operations.extend(patterns.into_iter().map(|p| p.as_ref().to_string()));
        self
    }

    /// Names what produces the files in their header: `"`krakengen generate`"` gives
    /// `// @generated by `krakengen generate`, do not edit.` (`@generated` is the marker
    /// review tools and linters look for). The default names `cargo xtask codegen`,
    /// which is what regenerates a `krakengen.toml` project's checked-in files.
    #[must_use]
    pub fn with_generated_by(mut self, producer: &str) -> Self {
        self.generated_by = producer.to_string();
        self
    }

    /// The first line of every generated Rust file.
    #[must_use]
    pub fn header(&self) -> String {
        format!("// @generated by {}, do not edit.\n", self.generated_by)
    }

    /// The first line of every generated TOML file.
    #[must_use]
    pub fn toml_header(&self) -> String {
        format!("# @generated by {}, do not edit.\n", self.generated_by)
    }

    /// The project name given to [`Options::new`].
    #[must_use]
    pub fn project(&self) -> &str {
        &self.project
    }

    /// The package name of the error-code crate.
    #[must_use]
    pub fn errors_crate_name(&self) -> &str {
        last_component(&self.errors_crate_dir)
    }

    /// The package name of the client crate.
    #[must_use]
    pub fn client_crate_name(&self) -> &str {
        last_component(&self.client_crate_dir)
    }

    /// The package name of the server crate, if one is generated.
    #[must_use]
    pub fn server_crate_name(&self) -> Option<&str> {
        self.server_crate_dir.as_deref().map(last_component)
    }

    /// The paths the server module names: crate identifiers and the SDL relative to
    /// `{server_crate}/src/generated.rs`.
    fn server_paths(&self, server_dir: &str) -> emit_server::ServerPaths {
        let depth = server_dir.split('/').filter(|c| !c.is_empty() && *c != ".").count() + 1;
        emit_server::ServerPaths {
            client: self.client_crate_name().replace('-', "_"),
            errors: self.errors_crate_name().replace('-', "_"),
            sdl: format!("{}{}", "../".repeat(depth), self.sdl_path),
        }
    }

    /// The package name of the self-contained crate.
    #[must_use]
    pub fn crate_name(&self) -> &str {
        &self.crate_name
    }
}

/// The operations `patterns` select (see [`Options::with_operations`]), or an error per pattern
/// that selects nothing.
fn select_operations(all: &[Operation], patterns: &[String]) -> Result<Vec<Operation>, Diagnostics> {
    let mut errors = Diagnostics::new();
    let (excludes, includes): (Vec<&str>, Vec<&str>) = patterns.iter().map(String::as_str).partition(|p| p.starts_with('!'));
    let excludes: Vec<&str> = excludes.iter().map(|p| &p[1..]).collect();
    for p in includes.iter().chain(&excludes) {
        if !all.iter().any(|m| glob(p, &m.name)) {
            let hint = match did_you_mean(p, all.iter().map(|m| m.name.as_str())).as_slice() {
                [] => String::new(),
                [one] => format!("; did you mean `{one}`?"),
                many => format!("; did you mean one of {}?", many.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")),
            };
            errors.error(
                crate::diag::Code::OperationPatternUnused,
                crate::model::Span::nowhere(),
                format!("the operation pattern `{p}` matches no operation of the reference{hint}"),
                "",
            );
        }
    }
    let keep = |name: &str| (includes.is_empty() || includes.iter().any(|p| glob(p, name))) && !excludes.iter().any(|p| glob(p, name));
    if errors.has_errors() {
        return Err(errors);
    }
    Ok(all.iter().filter(|m| keep(&m.name)).cloned().collect())
}

/// The names closest to `pattern` (at most three, closest first): those a typo of it could have
/// meant, compared without case and without the pattern's `*`.
fn did_you_mean<'a>(pattern: &str, names: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let wanted = pattern.replace('*', "").to_lowercase();
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(usize, &str)> = names
        .filter_map(|n| {
            let lower = n.to_lowercase();
            let prefix = lower.get(..wanted.len().min(lower.len())).unwrap_or(&lower);
            // A glob may name only the start of the names it meant (`acceptGood*`).
            let distance = if pattern.ends_with('*') { strsim::levenshtein(&wanted, prefix) } else { strsim::levenshtein(&wanted, &lower) };
            (distance <= (wanted.chars().count() / 4).max(1)).then_some((distance, n))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, n)| n).collect()
}

/// Whether `name` matches `pattern`, where `*` stands for any run of characters.
fn glob(pattern: &str, name: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == name;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !name.starts_with(first) || !name[first.len()..].ends_with(last) || name.len() < first.len() + last.len() {
        return false;
    }
    let mut rest = &name[first.len()..name.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    true
}

fn last_component(dir: &str) -> &str {
    dir.rsplit('/').next().unwrap_or(dir)
}

/// How the client reaches the error types: through another crate, or a sibling module.
#[derive(Debug, Clone)]
pub(crate) enum ErrorsPath {
    /// `::oees_errors`.
    Crate(String),
    /// `crate::errors` (the self-contained layout).
    Sibling,
    /// `super::errors`: the client module and the errors module side by side in a file that can be
    /// included in any module (the build-script layout).
    Super,
}

/// The Rust generator for one reference, its type model and one set of [`Options`]: every name,
/// type and operation document decided once, in [`Generator::new`], then emitted as any of the
/// generated files. The CLI, the xtask, the build-script front door, the scaffold and the benchmarks
/// build one per run and ask it for what they need.
pub struct Generator {
    ir: ir::Ir,
    options: Options,
}

impl Generator {
    /// Decides everything about the generated code, from the model (every type fact, supplements
    /// applied, and the operations with their metadata). Fails with the diagnostics when an
    /// option is unusable (a scalar mapping that is not a Rust type, a fragment document that does
    /// not parse) or an operation document would not be valid against the model's schema.
    pub fn new(model: &TypeModel, options: &Options) -> Result<Generator, Diagnostics> {
        if options.documents.is_empty() {
            if options.operations.is_empty() {
                return Ok(Generator { ir: ir::build(model.operations(), model, options, None)?, options: options.clone() });
            }
            let selected = select_operations(model.operations(), &options.operations)?;
            return Ok(Generator { ir: ir::build(&selected, model, options, None)?, options: options.clone() });
        }
        let mut diags = Diagnostics::new();
        let Some(documents) = user_ops::Documents::load(model.schema(), &options.documents, &mut diags) else { return Err(diags) };
        let mut selected = if options.operations.is_empty() { Vec::new() } else { select_operations(model.operations(), &options.operations)? };
        let chosen: BTreeSet<(OperationKind, String)> = selected.iter().map(|o| (o.kind, o.name.clone())).collect();
        for (kind, name) in documents.root_fields() {
            if let Some(op) = model.operations().iter().find(|o| o.kind == kind && o.name == name) {
                if !selected.iter().any(|s: &Operation| s.kind == kind && s.name == name) {
                    selected.push(op.clone());
                }
            }
        }
        selected.sort_by(|a, b| a.name.cmp(&b.name));
        let mut ir = ir::build(&selected, model, options, Some(&documents))?;
        for op in &mut ir.operations {
            op.called_only = !chosen.contains(&(op.kind, op.graphql.clone()));
        }
        Ok(Generator { ir, options: options.clone() })
    }

    /// Problems with the options that do not stop generation (a fragment on a type the schema does
    /// not declare, say), so front-ends can show them.
    pub fn warnings(&self) -> &Diagnostics {
        &self.ir.warnings
    }

    /// The options the generator was built with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Every item of the generated crates a caller can name, keyed by the fact it comes from, for
    /// telling which changes of a reference break code written against the crates (`krakengen diff`).
    pub fn surface(&self) -> RustSurface {
        surface::of(&self.ir)
    }

    /// The [`Generator::surface`] of the crates generated with `options`, without validating the
    /// operation documents (which decide nothing about the items and take most of the time).
    pub fn surface_of(model: &TypeModel, options: &Options) -> Result<RustSurface, Diagnostics> {
        let options = Options { check_documents: false, ..options.clone() };
        Generator::new(model, &options).map(|g| g.surface())
    }

    /// The generated sources of the checked-in workspace crates.
    ///
    /// Returns, in this order, `{errors_crate}/src/generated.rs` (the `ErrorCode` enum, per-mutation
    /// error lists and enums, and the types that parse Kraken's error responses),
    /// `{client_crate}/src/generated.rs` (the typed client, which refers to the error crate by its
    /// name) and, when [`Options::with_server_crate`] was called, `{server_crate}/src/generated.rs`
    /// (the resolver trait, its adapter and the policy, which use the other two crates' types). The
    /// crates' `Cargo.toml` and `lib.rs` are written by hand and include the files with
    /// `mod generated;`.
    pub fn workspace_crates(&self) -> Result<Vec<GeneratedFile>, Diagnostics> {
        self.workspace_crates_into(|path| GeneratedFile { path: path.into(), contents: String::new() })
    }

    /// [`Generator::workspace_crates`] into sinks: `open` is called once per generated file with its
    /// path (in the order above) and returns the [`TextSink`] that receives the file's text piece by
    /// piece while it is formatted; the sinks are returned, in the same order, once every file is
    /// complete.
    ///
    /// This is how `krakengen codegen` keeps its memory bounded: its sinks compare the text with the
    /// files on disk as it arrives and stage what differs in temporary files, so a generated file
    /// never has to be held whole.
    pub fn workspace_crates_into<S: TextSink>(&self, mut open: impl FnMut(&str) -> S) -> Result<Vec<S>, Diagnostics> {
        let (ir, options) = (&self.ir, &self.options);
        let path = ErrorsPath::Crate(options.errors_crate_name().replace('-', "_"));
        let (errors, client) = (emit_errors::segments(ir), emit_client::segments(ir, &path));
        let server_paths = options.server_crate_dir.as_deref().map(|dir| options.server_paths(dir));
        let server = server_paths.as_ref().map(|paths| emit_server::segments(ir, paths)).unwrap_or_default();
        let mut files: Vec<&[format::Segment<'_>]> = vec![&errors, &client];
        let mut sinks = vec![
            open(&format!("{}/src/generated.rs", options.errors_crate_dir)),
            open(&format!("{}/src/generated.rs", options.client_crate_dir)),
        ];
        if let Some(dir) = &options.server_crate_dir {
            files.push(&server);
            sinks.push(open(&format!("{dir}/src/generated.rs")));
        }
        format::rust_files_segments(&files, sinks, &options.header()).into_iter().collect()
    }

    /// A self-contained crate that builds on its own with `cargo build`.
    ///
    /// Returns `Cargo.toml` (from the askama template `templates/generated-crate/Cargo.toml`; the
    /// crate declares an empty `[workspace]` so it builds even when written below another
    /// workspace), `src/lib.rs`, `src/errors.rs` and `src/client.rs`, with paths relative to the
    /// crate directory. The HTTP transport is behind the crate's `reqwest` feature and TLS behind
    /// `rustls-tls`.
    pub fn crate_files(&self) -> Result<Vec<GeneratedFile>, Diagnostics> {
        self.crate_into(|path| GeneratedFile { path: path.into(), contents: String::new() })
    }

    /// [`Generator::crate_files`] into sinks, as [`Generator::workspace_crates_into`] does: `open` is
    /// called once per file with its path relative to the crate directory, in the order above.
    pub fn crate_into<S: TextSink>(&self, mut open: impl FnMut(&str) -> S) -> Result<Vec<S>, Diagnostics> {
        let ir = &self.ir;
        let (mut manifest, mut lib) = (open("Cargo.toml"), open("src/lib.rs"));
        manifest.push_text(&cargo::manifest(&self.options)?);
        lib.push_text(&format::rust_file_headed(|| emit_client::standalone_lib(ir), &self.options.header())?);
        let (errors, client) = (emit_errors::segments(ir), emit_client::segments(ir, &ErrorsPath::Sibling));
        let sinks = vec![open("src/errors.rs"), open("src/client.rs")];
        let mut out = format::rust_files_segments(&[&errors, &client], sinks, &self.options.header()).into_iter();
        let (errors, client) = (out.next().expect("two files")?, out.next().expect("two files")?);
        Ok(vec![manifest, lib, errors, client])
    }

    /// The Python package `dist` (`kraken-client`, imported as `kraken_client`): `pyproject.toml`
    /// and `src/<import name>/` (see the Python target's module documentation).
    ///
    /// Fails when `dist` is not a distribution name ([`python::check_dist`]) or a scalar mapping
    /// of [`Options::with_python_scalar`] is not a Python name.
    pub fn python_package(&self, dist: &str) -> Result<Vec<GeneratedFile>, Diagnostics> {
        python::package(&self.ir, dist, &self.options.python_scalars, &self.options.toml_header())
    }

    /// Everything generated for one mutation, formatted as one Rust file for review and snapshot
    /// tests: its error list and error enum, the shared types it uses, its operation module, and its
    /// method on `Client`. Returns `None` when the reference has no such mutation.
    pub fn render_mutation(&self, mutation: &str) -> Result<Option<String>, Diagnostics> {
        let Some(index) = self.ir.operations.iter().position(|o| o.graphql == mutation) else {
            return Ok(None);
        };
        let errors = ErrorsPath::Crate(self.options.errors_crate_name().replace('-', "_"));
        format::rust_file(|| emit_client::one_operation(&self.ir, index, &errors)).map(Some)
    }

    /// Whether [`Options::with_operations`] restricted what is generated.
    pub fn is_selection(&self) -> bool {
        !self.options.operations.is_empty()
    }

    /// The GraphQL names of the operations the generated code calls and of the named types it
    /// holds: what a selection reaches.
    pub fn reaches(&self) -> (std::collections::BTreeSet<&str>, std::collections::BTreeSet<&str>) {
        (self.ir.operations.iter().map(|o| o.graphql.as_str()).collect(), self.ir.types.iter().map(|t| t.graphql.as_str()).collect())
    }

    /// The operation document of every mutation, as `(mutation name, document)` in mutation order.
    pub fn operation_documents(&self) -> Vec<(&str, &str)> {
        self.ir.operations.iter().map(|o| (o.graphql.as_str(), o.document.as_str())).collect()
    }

    /// One file holding the error codes (`pub mod errors`) and the client (`pub mod client`, whose
    /// items are re-exported), for a build script to write into `OUT_DIR` and a crate to `include!`
    /// in any module. (An included file cannot start with inner attributes, so the modules' own
    /// documentation and lints sit inside their blocks.)
    pub fn included_file(&self) -> Result<String, Diagnostics> {
        let ir = &self.ir;
        let (errors, client) = (emit_errors::segments(ir), emit_client::segments(ir, &ErrorsPath::Super));
        let mut texts = format::rust_files_segments(&[&errors, &client], vec![String::new(), String::new()], "").into_iter();
        let (errors, client) = (texts.next().expect("two files")?, texts.next().expect("two files")?);
        let body = |text: &str| text.to_string();
        Ok(format!(
            "{}pub mod errors {{\n{}}}\n\npub mod client {{\n{}}}\n\npub use client::*;\n",
            self.options.header(),
            body(&errors),
            body(&client)
        ))
    }

    /// A starting implementation of the server crate's `OperationResolvers`, every body `todo!()`;
    /// `None` when the options name no server crate (see [`scaffold`]).
    pub fn scaffold(&self) -> Result<Option<String>, Diagnostics> {
        scaffold::render(&self.ir, &self.options)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The generator of the vendored reference with `options`, its IR for the emitters' tests.
    pub(crate) fn vendored_ir(options: &Options) -> ir::Ir {
        generator(&vendored(), options).unwrap().ir
    }

    /// The generator of `parsed` with `options`, over the model of the reference alone.
    pub(crate) fn generator(parsed: &crate::parse::Parsed, options: &Options) -> Result<Generator, Diagnostics> {
        let build = crate::types::build(parsed, &[]);
        let model = build.output.ok_or(build.diagnostics)?;
        Generator::new(&model, options)
    }

    /// The vendored reference, parsed: the realistic input of the generator's unit tests.
    pub(crate) fn vendored() -> crate::parse::Parsed {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/oees/mutations.txt");
        crate::parse::parse_str("mutations.txt", &std::fs::read_to_string(path).unwrap())
    }

    /// Formatting in parallel segments must give exactly what formatting the whole file at once
    /// gives; otherwise the output would depend on an implementation detail nobody reviews.
    #[test]
    fn segmented_formatting_equals_single_pass() {
        let parsed = vendored();
        let generator = generator(&parsed, &Options::new("oees").with_scalar("Date", "::std::string::String")).unwrap();
        let ir = &generator.ir;
        let errors = emit_errors::segments(ir);
        assert_eq!(format::rust_file_segments(&errors).unwrap(), format::rust_file_single_pass(&errors).unwrap());
        let path = ErrorsPath::Crate("oees_errors".into());
        let client = emit_client::segments(ir, &path);
        assert_eq!(format::rust_file_segments(&client).unwrap(), format::rust_file_single_pass(&client).unwrap());
    }

    #[test]
    fn globs_match_names() {
        assert!(glob("smartFlex*", "smartFlexOnboarding"));
        assert!(glob("*Quote", "acceptGoodsQuote") && glob("*Goods*", "acceptGoodsQuote") && glob("*", "x"));
        assert!(glob("a*b*c", "aXbYc") && !glob("a*b*c", "aXcYb") && !glob("ab*ba", "aba"));
        assert!(glob("exact", "exact") && !glob("exact", "exactly"));
    }

    /// Only what the selected operations reach is generated: their modules, the shared types their
    /// fields and arguments name, and the error codes they raise.
    #[test]
    fn operations_restrict_what_is_generated() {
        let parsed = vendored();
        let all = generator(&parsed, &Options::new("oees")).unwrap();
        let options = Options::new("oees").with_operations(["acceptGoodsQuote", "generatePre*", "obtain*", "!obtainLong*"]);
        let some = generator(&parsed, &options).unwrap();
        let names: Vec<&str> = some.operation_documents().iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["acceptGoodsQuote", "generatePreSignedToken", "obtainKrakenToken"]);
        assert!(some.ir.types.len() < all.ir.types.len() / 10, "{} of {} types", some.ir.types.len(), all.ir.types.len());
        // The codes the selected operations list, and the generic ones (any caller may meet them).
        let listed: std::collections::BTreeSet<&str> = parsed
            .reference
            .operations
            .iter()
            .filter(|m| names.contains(&m.name.as_str()))
            .flat_map(|m| m.errors.iter().map(|e| e.code.as_str()))
            .collect();
        let generic = krakengen_policy::generic::GENERIC_CODES.iter().map(|g| g.code);
        let codes: std::collections::BTreeSet<&str> = listed.iter().copied().chain(generic).collect();
        assert_eq!(some.ir.codes.iter().map(|c| c.code.as_str()).collect::<std::collections::BTreeSet<_>>(), codes);
        assert!(some.ir.codes.iter().all(|c| c.listed == listed.contains(c.code.as_str())));
        // Each operation's own codes come first, in reference order, then the generic codes of
        // its kind that it does not list: `obtainKrakenToken` is public and rate-limited.
        let token = names.iter().position(|n| *n == "obtainKrakenToken").unwrap();
        let errors = &some.ir.mutation_errors[token];
        let own: Vec<&str> = parsed.reference.operation("obtainKrakenToken").unwrap().errors.iter().map(|e| e.code.as_str()).collect();
        let got: Vec<&str> = errors.codes.iter().map(|&i| some.ir.codes[i].code.as_str()).collect();
        assert_eq!(&got[..errors.listed], own.as_slice());
        let mut added = got[errors.listed..].to_vec();
        added.sort_unstable();
        let want: Vec<&str> = ["KT-CT-1113", "KT-CT-1188", "KT-CT-1189", "KT-CT-1199", "KT-CT-7899"].into_iter().filter(|c| !own.contains(c)).collect();
        assert_eq!(added, want);
        let only_exclusions = generator(&parsed, &Options::new("oees").with_operations(["!acceptGoodsQuote"])).unwrap();
        assert_eq!(only_exclusions.operation_documents().len(), parsed.reference.operations.len() - 1);
    }

    /// A pattern that selects nothing stops generation, naming what a typo of it may have meant;
    /// the other patterns do not hide it.
    #[test]
    fn a_pattern_that_selects_nothing_is_an_error_with_suggestions() {
        let parsed = vendored();
        let messages = |patterns: &[&str]| -> Vec<String> {
            let Err(diags) = generator(&parsed, &Options::new("oees").with_operations(patterns)) else { panic!("{patterns:?} generated") };
            assert!(diags.iter().all(|d| d.code == "operation-pattern-unused" && d.severity == crate::diag::Severity::Error));
            diags.iter().map(|d| d.message.clone()).collect()
        };
        assert_eq!(
            messages(&["acceptGoodsQuote", "acceptGoodsQoute"]),
            ["the operation pattern `acceptGoodsQoute` matches no operation of the reference; did you mean `acceptGoodsQuote`?"]
        );
        assert_eq!(messages(&["!obtainKrakenTokn"])[0], "the operation pattern `obtainKrakenTokn` matches no operation of the reference; did you mean `obtainKrakenToken`?");
        let glob = &messages(&["acceptGodsQ*"])[0];
        assert!(glob.contains("did you mean") && glob.contains("`acceptGoodsQuote`"), "{glob}");
        assert_eq!(messages(&["zzzzzzzz"])[0], "the operation pattern `zzzzzzzz` matches no operation of the reference");
    }

    #[test]
    fn an_empty_reference_still_generates() {
        let files = generator(&Default::default(), &Options::new("empty")).unwrap().crate_files().unwrap();
        assert_eq!(files.len(), 4);
        assert!(files[3].contents.contains("pub mod types {}"), "{}", files[3].contents);
    }
}
