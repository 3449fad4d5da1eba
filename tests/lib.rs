//! Shared helpers for krakengen's end-to-end and snapshot tests.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use krakengen::model::{Operation, Span};
use krakengen::parse::Parsed;

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// A path below `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// The vendored reference.
pub fn vendored() -> PathBuf {
    root().join("schema/oees/mutations.txt")
}

/// Parses a file and returns the parse result with the path shown relative to the repository root,
/// so snapshots do not depend on where the repository is checked out.
pub fn parse_rel(path: &Path) -> krakengen::parse::Parsed {
    let bytes = std::fs::read(path).expect("fixture is readable");
    let rel = path.strip_prefix(root()).unwrap_or(path).display().to_string();
    krakengen::parse::parse_files(vec![(rel, bytes)])
}

/// The vendored reference, parsed once per test binary (it is read by many tests).
pub fn vendored_parsed() -> &'static Parsed {
    static PARSED: OnceLock<Parsed> = OnceLock::new();
    PARSED.get_or_init(|| parse_rel(&vendored()))
}

/// The vendored reference loaded (parsed and modelled, no supplement), once per test binary.
pub fn vendored_loaded() -> &'static krakengen::pipeline::Loaded {
    static LOADED: OnceLock<krakengen::pipeline::Loaded> = OnceLock::new();
    LOADED.get_or_init(|| pipeline_of(vendored_parsed()).load().unwrap_or_else(|f| panic!("{f}")))
}

/// The vendored reference's text.
pub fn vendored_text() -> &'static str {
    &vendored_parsed().sources[0]
}

/// A mutation by name, failing the test with a clear message when it is missing.
pub fn mutation<'a>(parsed: &'a Parsed, name: &str) -> &'a Operation {
    parsed.reference.operation(name).unwrap_or_else(|| panic!("mutation `{name}` is missing"))
}

/// A copy of a mutation with every span zeroed, for comparing the same facts read from different
/// files (spans necessarily differ between them).
pub fn without_spans(m: &Operation) -> Operation {
    let mut m = m.clone();
    let zero = Span::default();
    m.span = zero;
    m.errors.iter_mut().for_each(|e| e.span = zero);
    m.rate_limits.iter_mut().for_each(|r| r.span = zero);
    m.arguments.iter_mut().for_each(|a| a.span = zero);
    m.fields.iter_mut().for_each(|f| f.span = zero);
    m
}

/// The text a span covers in a parsed file.
pub fn span_text(parsed: &Parsed, span: Span) -> &str {
    let text = &parsed.sources[span.file as usize];
    &text[span.offset as usize..(span.offset + span.len) as usize]
}

/// The blocks of a standard-rendering text, found the simple way (a name line directly followed
/// by a `Type: ` line), as (name, lines of the block). Tests use it to check the parser against
/// the raw text without going through the parser.
pub fn raw_blocks(text: &str) -> Vec<(&str, Vec<&str>)> {
    let lines: Vec<&str> = text.lines().collect();
    let is_name = |l: &str| {
        l.starts_with(|c: char| c.is_ascii_lowercase()) && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    let starts: Vec<usize> = (0..lines.len().saturating_sub(1))
        .filter(|&i| is_name(lines[i]) && lines[i + 1].starts_with("Type: "))
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(k, &s)| {
            let end = starts.get(k + 1).copied().unwrap_or(lines.len());
            (lines[s], lines[s..end].to_vec())
        })
        .collect()
}

/// A parsed reference as the later stages see it: `reference` with no file behind it.
pub fn parsed_of(reference: &krakengen::model::Reference) -> Parsed {
    Parsed { reference: reference.clone(), ..Default::default() }
}

/// The pipeline of a parsed reference, its parse diagnostics set aside so that what it reports is
/// the schema stage's alone (the tests check the parser's apart).
pub fn pipeline_of(parsed: &Parsed) -> krakengen::Pipeline {
    let mut parsed = parsed.clone();
    parsed.diagnostics = Default::default();
    krakengen::Pipeline::new("oees").parsed(parsed)
}

/// What the schema stage made of a reference in a test: the SDL and catalogue when it built, and
/// its diagnostics with the files they point into.
pub struct SchemaBuild {
    pub output: Option<Schema>,
    pub diagnostics: krakengen::diag::Diagnostics,
    pub report: krakengen::diag::Report,
}

impl SchemaBuild {
    /// The diagnostics rendered plainly.
    pub fn rendered(&self) -> String {
        self.report.render(false)
    }
}

/// The SDL and catalogue of a loaded reference, and the loaded reference itself.
pub struct Schema {
    pub sdl: String,
    pub metadata_json: String,
    pub catalog: krakengen::catalog::Catalog,
    pub loaded: krakengen::pipeline::Loaded,
}

impl Schema {
    pub fn model(&self) -> &krakengen::types::TypeModel {
        self.loaded.model()
    }

    pub fn schema(&self) -> &apollo_compiler::validation::Valid<apollo_compiler::Schema> {
        self.loaded.model().schema()
    }
}

/// Runs `pipeline` to its schema: what `krakengen schema` writes, or the diagnostics that stop it.
pub fn schema_of(pipeline: &krakengen::Pipeline) -> SchemaBuild {
    match pipeline.load() {
        Ok(loaded) => {
            let report = loaded.warnings().clone();
            let krakengen::sdl::SchemaOutput { sdl, metadata_json, catalog } = loaded.schema();
            SchemaBuild { output: Some(Schema { sdl, metadata_json, catalog, loaded }), diagnostics: report.diagnostics.clone(), report }
        }
        Err(failure) => {
            let report = failure.report().cloned().unwrap_or_else(|| panic!("{failure}"));
            SchemaBuild { output: None, diagnostics: report.diagnostics.clone(), report }
        }
    }
}

/// The schema of a parsed reference without supplements.
pub fn schema(parsed: &Parsed) -> SchemaBuild {
    schema_of(&pipeline_of(parsed))
}

/// The schema of a parsed reference with one supplement given as text.
pub fn schema_with_text(parsed: &Parsed, name: impl Into<String>, text: impl Into<String>) -> SchemaBuild {
    schema_of(&pipeline_of(parsed).supplement_text(name, text))
}

/// The schema of a parsed reference with one supplement file.
pub fn schema_with_file(parsed: &Parsed, path: &Path) -> SchemaBuild {
    schema_of(&pipeline_of(parsed).supplement(path))
}

/// The Rust generator of a reference over its type model without supplements, with `options`.
pub fn try_generator(
    reference: &krakengen::model::Reference,
    options: &krakengen::codegen::Options,
) -> Result<krakengen::codegen::Generator, krakengen::diag::Diagnostics> {
    let loaded = pipeline_of(&parsed_of(reference)).load().map_err(|f| f.report().map(|r| r.diagnostics.clone()).unwrap_or_default())?;
    krakengen::codegen::Generator::new(loaded.model(), options)
}

/// The codegen options of the vendored reference.
pub fn oees_options() -> krakengen::codegen::Options {
    krakengen::codegen::Options::new("oees")
}

/// The repository's `krakengen.toml`.
pub fn repository_config() -> krakengen::config::ConfigFile {
    krakengen::config::ConfigFile::load(&root().join("krakengen.toml")).expect("the repository's krakengen.toml loads")
}

/// A server on `127.0.0.1:0` for the end-to-end tests; dropping it does not stop it, [`Server::stop`]
/// does (a shutdown signal, then a join bounded to 10 s).
pub struct Server {
    /// The GraphQL endpoint, `http://127.0.0.1:PORT/v1/graphql/`.
    pub url: String,
    shutdown: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Server {
    /// Serves `router` on a fresh loopback port.
    pub async fn start(router: krakengen_server::http::Router) -> Server {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/v1/graphql/", listener.local_addr().unwrap());
        let (shutdown, rx) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(krakengen_server::http::serve(listener, router, async {
            let _ = rx.await;
        }));
        Server { url, shutdown, task }
    }

    /// Stops the server and waits for it; fails the test if it does not stop cleanly.
    pub async fn stop(self) {
        let _ = self.shutdown.send(());
        let finished = tokio::time::timeout(std::time::Duration::from_secs(10), self.task).await;
        finished.expect("the server stops within 10 s").expect("the server task did not panic").expect("the server ran cleanly");
    }
}

/// A generated client for `url` whose requests grant `permissions` (the `X-Kraken-Permissions`
/// header, left out when empty) and carry `token` when given.
pub fn client(url: &str, permissions: &str, token: Option<&str>) -> oees_client::Client<oees_client::http::ReqwestTransport> {
    let mut transport = oees_client::http::ReqwestTransport::new(url);
    if !permissions.is_empty() {
        transport = transport.with_header(krakengen_server::http::PERMISSIONS_HEADER, permissions).expect("a valid header");
    }
    let client = oees_client::Client::new(transport);
    match token {
        Some(token) => client.with_token(token),
        None => client,
    }
}

/// A two-thread tokio runtime for one test.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap()
}

/// Edits of a reference page in the standard rendering, for tests that compare two versions of a
/// reference (`krakengen diff`): each finds its mutation's block by the block's first two lines (the
/// name, then `Type:`) and changes one fact the way a republished page would.
pub mod edits {
    /// One change to a reference page.
    #[derive(Debug, Clone)]
    pub enum Edit<'a> {
        /// Removes the block of a mutation.
        DropMutation(&'a str),
        /// Appends a block (its full text, ending with a newline) after the last one.
        AddBlock(&'a str),
        /// Adds `- CODE: message` to the mutation's `Possible Errors:`.
        AddErrorCode { mutation: &'a str, code: &'a str, message: &'a str },
        /// Removes the mutation's line for an error code.
        DropErrorCode { mutation: &'a str, code: &'a str },
        /// Replaces the line under `Required Permissions:`.
        SetPermissions { mutation: &'a str, permissions: &'a str },
        /// Replaces the figure of `Query Complexity:`.
        SetComplexity { mutation: &'a str, complexity: u32 },
        /// Replaces the steps of the rate-limit row of `key` (`['5/m']`).
        SetRateSteps { mutation: &'a str, key: &'a str, steps: &'a str },
        /// Replaces the type of a variable definition in the example operation (`$scope: X!`).
        SetArgumentType { mutation: &'a str, argument: &'a str, ty: &'a str },
        /// Replaces any text inside the mutation's block (the first occurrence).
        Replace { mutation: &'a str, from: &'a str, to: &'a str },
        /// Removes `count` lines of the mutation's block, from the first line equal to `first`.
        DropLines { mutation: &'a str, first: &'a str, count: usize },
        /// Removes a two-line table row (`|`, then `description |`) by its description.
        DropRow { mutation: &'a str, description: &'a str },
    }

    /// The line range of `mutation`'s block in `lines`.
    fn block(lines: &[String], mutation: &str) -> std::ops::Range<usize> {
        let starts = |i: usize| lines.get(i + 1).is_some_and(|l| l.starts_with("Type:")) && !lines[i].is_empty() && !lines[i].contains(' ');
        let start = (0..lines.len()).find(|&i| lines[i] == mutation && starts(i)).unwrap_or_else(|| panic!("no block for {mutation}"));
        let end = (start + 1..lines.len()).find(|&i| starts(i)).unwrap_or(lines.len());
        start..end
    }

    fn find(lines: &[String], range: &std::ops::Range<usize>, what: impl Fn(&str) -> bool, why: &str) -> usize {
        range.clone().find(|&i| what(&lines[i])).unwrap_or_else(|| panic!("{why}"))
    }

    /// `text` with every edit applied in order.
    pub fn apply(text: &str, edits: &[Edit<'_>]) -> String {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        for edit in edits {
            match *edit {
                Edit::DropMutation(m) => {
                    let r = block(&lines, m);
                    lines.drain(r);
                }
                Edit::AddBlock(text) => lines.extend(text.lines().map(str::to_string)),
                Edit::AddErrorCode { mutation, code, message } => {
                    let r = block(&lines, mutation);
                    let at = find(&lines, &r, |l| l == "Possible Errors:", "no Possible Errors");
                    lines.insert(at + 1, format!("- {code}: {message}"));
                }
                Edit::DropErrorCode { mutation, code } => {
                    let r = block(&lines, mutation);
                    let at = find(&lines, &r, |l| l.starts_with(&format!("- {code}:")), "no such error line");
                    lines.remove(at);
                }
                Edit::SetPermissions { mutation, permissions } => {
                    let r = block(&lines, mutation);
                    let at = find(&lines, &r, |l| l == "Required Permissions:", "no Required Permissions");
                    lines[at + 1] = permissions.to_string();
                }
                Edit::SetComplexity { mutation, complexity } => {
                    let r = block(&lines, mutation);
                    let at = find(&lines, &r, |l| l.starts_with("Query Complexity:"), "no Query Complexity");
                    lines[at] = format!("Query Complexity: {complexity}");
                }
                Edit::SetRateSteps { mutation, key, steps } => {
                    let r = block(&lines, mutation);
                    let at = find(&lines, &r, |l| l == format!("{key} |"), "no such rate-limit key");
                    lines[at + 1] = format!("{steps} |");
                }
                Edit::SetArgumentType { mutation, argument, ty } => {
                    let r = block(&lines, mutation);
                    let needle = format!("${argument}: ");
                    let at = find(&lines, &r, |l| l.contains(&needle), "no such variable definition");
                    let line = &lines[at];
                    let start = line.find(&needle).expect("found") + needle.len();
                    let end = line[start..].find([',', ')']).map_or(line.len(), |e| start + e);
                    lines[at] = format!("{}{ty}{}", &line[..start], &line[end..]);
                }
                Edit::Replace { mutation, from, to } => {
                    let r = block(&lines, mutation);
                    let at = find(&lines, &r, |l| l.contains(from), "no such text in the block");
                    lines[at] = lines[at].replacen(from, to, 1);
                }
                Edit::DropRow { mutation, description } => {
                    let r = block(&lines, mutation);
                    let at = find(&lines, &r, |l| l == format!("{description} |"), "no such row");
                    lines.drain(at - 1..=at);
                }
                Edit::DropLines { mutation, first, count } => {
                    let r = block(&lines, mutation);
                    let at = find(&lines, &r, |l| l == first, "no such line in the block");
                    lines.drain(at..at + count);
                }
            }
        }
        let mut out = lines.join("\n");
        out.push('\n');
        out
    }
}

/// A test-only renderer: writes a parsed reference back out as text in each rendering krakengen
/// reads, so that parsing every rendering of the same model can be checked to give the same facts
/// (`tests/renderings.rs`). It writes what users' converters write, not what krakengen prefers.
pub mod render {
    use krakengen::model::{Argument, Deprecation, Field, Operation, Permissions, RateLimit, Reference, TypeRef};

    /// The renderings the round trip covers.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Style {
        /// The vendored page: `Type: X`, two-line pipe rows without names.
        Standard,
        /// `Type:X`, one-line pipe rows, closing braces glued to the next line.
        Compact,
        /// The plain page: blank lines between lines, indented operations, `•` bullets, a
        /// `Name Description` header and `name (Type)` rows with description paragraphs and
        /// `Deprecated` blocks.
        Plain,
        /// A markdown export: `| name (Type) | description |` rows.
        Markdown,
        /// The same without leading pipes: `name (Type) | description |`.
        MarkdownBare,
    }

    impl Style {
        pub const ALL: [Style; 5] = [Style::Standard, Style::Compact, Style::Plain, Style::Markdown, Style::MarkdownBare];

        /// Whether its rows state their names and types.
        pub fn typed(self) -> bool {
            matches!(self, Style::Plain | Style::Markdown | Style::MarkdownBare)
        }
    }

    /// The type a typed rendering prints for a field: its type when the model knows one, else
    /// `String` (a real page always prints one).
    pub fn row_type(f: &Field) -> TypeRef {
        f.ty.clone().unwrap_or_else(|| TypeRef::Named("String".into()))
    }

    fn deprecation_lines(d: &Deprecation, out: &mut Vec<String>) {
        out.extend(d.reason.lines().map(str::to_string));
        if let Some(m) = &d.marked {
            out.push(format!("- Marked as deprecated on {m}."));
        }
        if let Some(r) = &d.removal {
            out.push(format!("- Scheduled for removal on or after {r}."));
        }
        if let Some(l) = &d.link {
            out.push("You can read more about this deprecation on:".into());
            out.push(l.clone());
        }
    }

    fn steps(r: &RateLimit) -> String {
        let s: Vec<String> = r.steps.iter().map(|s| format!("'{}/{}'", s.limit, s.per.suffix())).collect();
        format!("[{}]", s.join(", "))
    }

    /// One table: rows of (name, type, description, deprecation reason), already in table order.
    fn table(style: Style, rows: &[(String, TypeRef, Option<String>, Option<Deprecation>)], out: &mut Vec<String>) {
        match style {
            Style::Standard | Style::Compact => {
                out.push(if style == Style::Standard { "| Name | Description |".into() } else { "Name | Description |".into() });
                out.push(if style == Style::Standard { "|---|---|".into() } else { "---|---|".into() });
                for (_, _, desc, dep) in rows {
                    let mut text = desc.clone().unwrap_or_default();
                    if let Some(d) = dep {
                        text = format!("{text} Deprecated {}", d.reason).trim().to_string();
                    }
                    if style == Style::Standard {
                        out.push("|".into());
                        out.push(format!("{text} |").trim_start().to_string());
                    } else {
                        out.push(format!("| {text} |"));
                    }
                }
            }
            Style::Plain => {
                out.push("Name Description".into());
                for (name, ty, desc, dep) in rows {
                    out.push(format!("{name} ({ty})"));
                    if let Some(d) = desc {
                        out.extend(d.lines().map(str::to_string));
                    }
                    if let Some(d) = dep {
                        out.push("Deprecated".into());
                        deprecation_lines(d, out);
                    }
                }
            }
            Style::Markdown | Style::MarkdownBare => {
                let lead = if style == Style::Markdown { "| " } else { "" };
                out.push(format!("{lead}Name | Description |"));
                out.push(format!("{}---|---|", if style == Style::Markdown { "|" } else { "" }));
                for (name, ty, desc, dep) in rows {
                    let mut text = desc.clone().unwrap_or_default().replace('\n', "<br>");
                    if let Some(d) = dep {
                        text = format!("{text} Deprecated {}", d.reason).trim().to_string();
                    }
                    out.push(format!("{lead}{name} ({ty}) | {text} |"));
                }
            }
        }
    }

    fn arguments(m: &Operation) -> Vec<(String, TypeRef, Option<String>, Option<Deprecation>)> {
        let mut args: Vec<&Argument> = m.arguments.iter().collect();
        args.sort_by(|a, b| krakengen::parse::table_order(&a.name, &b.name));
        args.iter().map(|a| (a.name.clone(), a.ty.clone(), a.description.clone(), None)).collect()
    }

    fn fields(m: &Operation) -> Vec<(String, TypeRef, Option<String>, Option<Deprecation>)> {
        m.fields.iter().map(|f| (f.name.clone(), row_type(f), f.description.clone(), f.deprecation.clone())).collect()
    }

    /// The lines of one block.
    fn block(style: Style, m: &Operation, out: &mut Vec<String>) {
        let colon = if style == Style::Compact { ":" } else { ": " };
        out.push(m.name.clone());
        out.push(format!("Type{colon}{}", m.return_type));
        if let Some(u) = &m.url {
            out.push(format!("URL{colon}{u}"));
        }
        if let Some(d) = &m.description {
            out.extend(d.lines().map(str::to_string));
        }
        if let Some(c) = m.complexity {
            out.push(format!("Query Complexity: {c}"));
        }
        if !m.errors.is_empty() {
            out.push("Possible Errors:".into());
            let bullet = if style == Style::Plain { "• " } else { "- " };
            out.extend(m.errors.iter().map(|e| format!("{bullet}{}: {}", e.code, e.message)));
        }
        match &m.permissions {
            Permissions::Unspecified => {}
            Permissions::Public => out.extend(["Required Permissions:".to_string(), "(No)".to_string()]),
            Permissions::Required(e) => out.extend(["Required Permissions:".to_string(), e.to_string()]),
        }
        if !m.rate_limits.is_empty() {
            out.push("Rate Limits".into());
            out.push("| Key | Steps |".into());
            out.push("|---|---|".into());
            for r in &m.rate_limits {
                out.push(format!("{} |", r.key));
                out.push(format!("{} |", steps(r)));
            }
        }
        if let Some(d) = &m.deprecation {
            out.push("Deprecated".into());
            deprecation_lines(d, out);
        }
        out.push("Arguments".into());
        table(style, &arguments(m), out);
        out.push("Return fields".into());
        table(style, &fields(m), out);
        out.push(m.kind.root().into());
        let mut depth = 0usize;
        for line in m.example.operation.lines() {
            let (opens, closes, lead) = (line.matches('{').count(), line.matches('}').count(), usize::from(line.starts_with('}')));
            depth = depth.saturating_sub(lead);
            // The plain page keeps the operation's indentation; the others lose it.
            let indent = if style == Style::Plain { "  ".repeat(depth) } else { String::new() };
            out.push(format!("{indent}{line}"));
            depth = (depth + opens).saturating_sub(closes - lead);
        }
        for (title, text) in [("Variables", &m.example.variables), ("Response", &m.example.response)] {
            out.push(title.into());
            out.extend(text.lines().map(str::to_string));
        }
    }

    /// The whole page in `style`: a preamble with the page furniture converters keep, then every block.
    pub fn page(reference: &Reference, style: Style) -> String {
        let mut lines: Vec<String> = vec![
            "Skip to main content".into(),
            "API Site".into(),
            "Mutations".into(),
            "About Mutations".into(),
            "Every GraphQL schema has a root type for both queries and mutations.".into(),
            "The example data in the variables and responses below are autogenerated values designed to resemble real inputs.".into(),
            "In this section".into(),
        ];
        for m in &reference.operations {
            block(style, m, &mut lines);
        }
        match style {
            Style::Plain => lines.join("\n\n") + "\n",
            Style::Compact => {
                // Closing braces run into the line after them (`}Variables`, `}}}nextMutation`).
                let mut out = String::new();
                for (i, line) in lines.iter().enumerate() {
                    out.push_str(line);
                    let next = lines.get(i + 1).map(String::as_str).unwrap_or("");
                    let glue = line.trim_start().chars().all(|c| c == '}') && !line.is_empty()
                        && !next.is_empty() && next.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                    if !glue {
                        out.push('\n');
                    }
                }
                out
            }
            _ => lines.join("\n") + "\n",
        }
    }

    /// `text` with CRLF line endings and a byte-order mark, as Windows tools save it.
    pub fn crlf_bom(text: &str) -> String {
        format!("\u{feff}{}", text.replace('\n', "\r\n"))
    }
}

/// Runs cargo with `env` on a crate generated into a temporary directory, sharing one target
/// directory below the workspace's so that dependencies compile once. Warnings in generated code
/// are errors.
pub fn cargo_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(args)
        .arg("--offline")
        .envs(env.iter().copied())
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", root().join("target/generated-crates"))
        .env("RUSTFLAGS", "-D warnings")
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "cargo {args:?} failed in {}:\n{}\n{}",
        dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Writes generated files below `dir`.
pub fn write_crate(dir: &Path, files: &[krakengen::codegen::GeneratedFile]) {
    for f in files {
        let p = dir.join(&f.path);
        std::fs::create_dir_all(p.parent().expect("a file has a directory")).expect("the directory can be created");
        std::fs::write(p, &f.contents).expect("the file can be written");
    }
}
