//! The `krakengen` command line: a thin front-end over the `krakengen` library.
//!
//! Exit codes: 0 on success, 1 when the reference has errors (or generated output is stale), 2 when the
//! command itself is wrong or an input cannot be read, 3 when `diff` finds changes at its `--fail-on`
//! threshold.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod introspect;

/// mimalloc instead of the system allocator: generation allocates heavily, and it runs 0.73-0.76x
/// the wall time of glibc malloc on the vendored reference (README, Benchmarks).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "krakengen", version, about = "Schema-first code generator for Kraken GraphQL mutation references")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Render at most N diagnostics per file; the rest are counted by code. Long source lines are
    /// always clipped around the problem, so the output stays short whatever the input.
    #[arg(long, global = true, value_name = "N", default_value_t = krakengen::diag::RenderOptions::DEFAULT_MAX_PER_FILE)]
    max_diagnostics: usize,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// Rendered diagnostics on stderr and a summary line on stdout.
    Text,
    /// One JSON object on stdout: the files, the summary counts, the diagnostics shown (at most
    /// `--max-diagnostics` per file) and the count by code of those left out.
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DiffFormat {
    /// Grouped by class, coloured on a terminal.
    Text,
    /// The stable JSON shape of `docs/diff.md`.
    Json,
    /// Tables for a pull-request comment.
    Markdown,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    /// Changes that break callers of the API or code written against the generated crates.
    Breaking,
    /// Those, dangerous changes, and operations past their scheduled removal.
    Dangerous,
}

#[derive(Subcommand)]
enum Command {
    /// Parse a reference (a file or a directory of `.txt` files) and print the model.
    Parse {
        docs: PathBuf,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// Report every problem of a reference, the rendering detected for each file and a one-line
    /// summary; exit 1 on errors (and, with `--deny-warnings`, on warnings).
    Check {
        docs: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: CheckFormat,
        /// Exit 1 when there is any warning, not only on errors: for pipelines that keep references clean.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Write the normalised SDL (`DIR/schema.graphql`) and the metadata catalogue (`DIR/metadata.json`)
    /// of a reference; exit 1 and write nothing on errors. Unchanged files are not rewritten.
    Schema {
        docs: PathBuf,
        /// The directory to write into (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// A real SDL of the API (for example an introspection dump) that fills the types the reference
        /// leaves unknown; conflicts with the reference are reported. May be given several times.
        #[arg(long)]
        supplement: Vec<PathBuf>,
    },
    /// Regenerate every output a `krakengen.toml` names (what `cargo xtask codegen` does); with
    /// `--check`, write nothing and exit 1 when any generated file is stale.
    Codegen {
        /// The configuration file.
        #[arg(long, default_value = "krakengen.toml")]
        config: PathBuf,
        /// Write nothing and exit 1 when any generated file is stale. When the stamp (see `--stamp`)
        /// shows that no input changed and every output is on disk as the last clean run left it, the
        /// check is answered without regenerating; otherwise the full check runs.
        #[arg(long)]
        check: bool,
        /// The stamp file that lets `--check` skip regeneration; every run that leaves the outputs
        /// matching rewrites it. Default: `krakengen/codegen.stamp` in the cargo target directory of
        /// the configuration's directory (`$CARGO_TARGET_DIR`, or `target/` next to `krakengen.toml`),
        /// the file `cargo xtask codegen` keeps. Never check it in.
        #[arg(long, value_name = "FILE")]
        stamp: Option<PathBuf>,
        /// Neither read nor write a stamp: `--check` always regenerates and compares.
        #[arg(long, conflicts_with = "stamp")]
        no_stamp: bool,
    },
    /// Write a starting implementation of the server crate's `MutationResolvers` (every body `todo!()`)
    /// to FILE if it does not exist; if it does, never touch it but list the trait methods it lacks
    /// (with stubs to paste, on stdout) and the ones it implements that the trait no longer has, and
    /// exit 1 unless it is in sync.
    Scaffold {
        /// The implementation file, for example `src/resolvers.rs` of the crate implementing the server.
        file: PathBuf,
        /// The configuration naming the project's `server_crate`.
        #[arg(long, default_value = "krakengen.toml")]
        config: PathBuf,
        /// The project to scaffold (default: the configuration's only project with a `server_crate`).
        #[arg(long)]
        project: Option<String>,
    },
    /// Serve a mock of the API over HTTP: every mutation answers its example response, with the
    /// reference's permissions (granted through the `X-Kraken-Permissions` header) and rate limits
    /// enforced and errors in Kraken's shape.
    Mock {
        docs: PathBuf,
        /// The address to listen on.
        #[arg(long, default_value = "127.0.0.1:4000")]
        listen: std::net::SocketAddr,
        /// Deny mutations whose reference block has no permissions section (default: allow them).
        #[arg(long)]
        deny_unspecified: bool,
        /// A supplement SDL, as for `schema`.
        #[arg(long)]
        supplement: Vec<PathBuf>,
        /// Refuse requests whose mutations add up to more than this query complexity (the reference's
        /// `Query Complexity` figures), as Kraken does; by default there is no limit.
        #[arg(long, value_name = "N")]
        max_complexity: Option<u32>,
    },
    /// Fetch a live API's schema with the standard introspection query (deprecated fields, arguments,
    /// input fields and enum values included) and write it, as SDL or as the JSON answer, to use as a
    /// supplement. Exits 2 and writes nothing when the server cannot be reached, answers an HTTP
    /// error or GraphQL errors, or has introspection disabled.
    Introspect {
        /// The GraphQL endpoint, such as `https://api.oees-kraken.energy/v1/graphql/`.
        url: String,
        /// The file to write (atomically; left alone when unchanged).
        #[arg(long)]
        out: PathBuf,
        /// A request header, as `Name: value` (`Authorization: <token>`); may be given several times.
        /// Values are never printed.
        #[arg(long = "header", value_name = "NAME: VALUE")]
        headers: Vec<String>,
        /// What to write (default: `json` when FILE ends with `.json`, else `sdl`).
        #[arg(long, value_enum)]
        format: Option<introspect::Format>,
    },
    /// Compare two versions of a reference (each a file or a directory, as for `check`) and report every
    /// change to the GraphQL surface, to the Kraken metadata (permissions, rate limits, error codes,
    /// complexity, deprecations) and to the generated Rust, classified as breaking, dangerous or safe.
    /// Exits 1 when either side has errors, 3 when a change reaches `--fail-on`.
    Diff {
        old: PathBuf,
        new: PathBuf,
        /// A supplement applied to both sides, as for `schema`.
        #[arg(long)]
        supplement: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: DiffFormat,
        /// Exit 3 when the report has a change of this class (or a worse one).
        #[arg(long, value_enum, value_name = "CLASS")]
        fail_on: Option<FailOn>,
        /// The day scheduled removals are compared with, as YYYY-MM-DD (default: today, UTC).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
    },
    /// Write a self-contained Rust crate (typed client and error codes) for a reference.
    ///
    /// The crate builds on its own with `cargo build`; its `reqwest` feature adds the HTTP transport.
    /// Files whose contents would not change are left alone.
    Generate {
        docs: PathBuf,
        /// The directory to write the crate into (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// The project name used in documentation and the default package name.
        #[arg(long, default_value = "kraken")]
        project: String,
        /// The package name (default: `{project}-client`).
        #[arg(long)]
        name: Option<String>,
        /// A `.graphql` file of fragment definitions to spread into the operation documents.
        #[arg(long = "fragments", value_name = "FILE")]
        fragments: Vec<PathBuf>,
        /// Maps a custom scalar to a Rust type, as `Date=::std::string::String`.
        #[arg(long = "scalar", value_name = "NAME=PATH")]
        scalars: Vec<String>,
        /// Generate only the operations this selects: a name, a glob (`smartFlex*`) or an exclusion
        /// (`!name`), with the types they reach and the error codes they raise. May be repeated.
        #[arg(long = "operation", value_name = "PATTERN")]
        operations: Vec<String>,
        /// A supplement SDL, as for `schema`: the client gets typed fields for the types it fills.
        #[arg(long)]
        supplement: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let render = krakengen::diag::RenderOptions::new()
        .with_color(std::io::stderr().is_terminal())
        .with_max_per_file(cli.max_diagnostics);
    match cli.command {
        Command::Parse { docs, format: Format::Json } => {
            let parsed = krakengen::parse::parse_path(&docs)?;
            eprint!("{}", parsed.render_diagnostics(render));
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &parsed.reference)?;
            writeln!(out)?;
            Ok(if parsed.diagnostics.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Check { docs, format: CheckFormat::Json, deny_warnings } => {
            let parsed = krakengen::parse::parse_path(&docs)?;
            let r = &parsed.reference;
            let capped = parsed.diagnostics.capped(render.max_per_file);
            let omitted: std::collections::BTreeMap<&str, std::collections::BTreeMap<&str, usize>> = capped
                .omitted
                .iter()
                .map(|(file, codes)| (r.files.get(*file as usize).map_or("", |f| f.path.as_str()), codes.clone()))
                .collect();
            let report = serde_json::json!({
                "files": r.files,
                "summary": {
                    "mutations": r.mutations.len(),
                    "error_entries": r.error_entry_count(),
                    "error_codes": r.error_codes().len(),
                    "errors": parsed.diagnostics.errors(),
                    "warnings": parsed.diagnostics.warnings(),
                },
                "max_diagnostics_per_file": render.max_per_file,
                "diagnostics": capped.shown.iter().map(|d| d.clipped()).collect::<Vec<_>>(),
                "omitted": omitted,
            });
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
            Ok(check_exit(&parsed.diagnostics, deny_warnings))
        }
        Command::Check { docs, format: CheckFormat::Text, deny_warnings } => {
            let parsed = krakengen::parse::parse_path(&docs)?;
            eprint!("{}", parsed.render_diagnostics(render));
            let r = &parsed.reference;
            let rendering = |f: &krakengen::model::SourceFile| serde_json::to_value(f.rendering).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            let renderings = match r.files.as_slice() {
                [one] => format!("{} rendering", rendering(one)),
                files => format!(
                    "{} files ({})",
                    files.len(),
                    files.iter().map(|f| format!("{}: {}", f.path, rendering(f))).collect::<Vec<_>>().join(", ")
                ),
            };
            let queries = r.mutations.iter().filter(|m| m.kind == krakengen::model::OperationKind::Query).count();
            let operations = match queries {
                0 => format!("{} mutations", r.mutations.len()),
                q => format!("{} mutations, {q} queries", r.mutations.len() - q),
            };
            println!(
                "{}: {renderings}, {operations}, {} error entries, {} error codes, {} errors, {} warnings",
                docs.display(),
                r.error_entry_count(),
                r.error_codes().len(),
                parsed.diagnostics.errors(),
                parsed.diagnostics.warnings()
            );
            Ok(check_exit(&parsed.diagnostics, deny_warnings))
        }
        Command::Schema { docs, out, supplement } => {
            let parsed = krakengen::parse::parse_path(&docs)?;
            eprint!("{}", parsed.render_diagnostics(render));
            if parsed.diagnostics.has_errors() {
                eprintln!("error: the reference has errors; nothing was written");
                return Ok(ExitCode::from(1));
            }
            let options = supplement
                .into_iter()
                .fold(krakengen::sdl::SchemaOptions::new(), |o, s| o.with_supplement(s));
            let build = krakengen::sdl::build_schema(&parsed.reference, &options);
            eprint!("{}", build.render_diagnostics_for(&parsed, render));
            let Some(output) = build.output else {
                eprintln!("error: the schema has errors; nothing was written");
                return Ok(ExitCode::from(1));
            };
            // Both files are rendered before either is written, so an error never leaves a mixed pair.
            for (name, bytes) in [("schema.graphql", &output.sdl), ("metadata.json", &output.metadata_json)] {
                let path = out.join(name);
                let written = krakengen::write::write_if_changed(&path, bytes.as_bytes())
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                eprintln!("{} {}", if written { "wrote" } else { "unchanged" }, path.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Codegen { config, check, stamp, no_stamp } => {
            // An absolute path makes the configuration's root, and so the stamp's record of it, the
            // same as `cargo xtask codegen`'s, so the two share one stamp instead of each invalidating
            // the other's.
            let config = std::path::absolute(&config).unwrap_or(config);
            let config = krakengen::config::Config::load(&config)?;
            let stamp = (!no_stamp).then(|| stamp.unwrap_or_else(|| default_stamp(&config.root)));
            let outcome = match krakengen::project::codegen(&config, check, stamp.as_deref()) {
                Ok(outcome) => outcome,
                Err(krakengen::project::Failure::Write(message)) => return Err(message.into()),
                Err(failure) => {
                    eprintln!("{}", failure.render(render));
                    return Ok(ExitCode::from(1));
                }
            };
            let report = &outcome.report;
            for p in &report.stale {
                eprintln!("{} {}", if check { "stale" } else { "wrote" }, krakengen::project::display_path(p, &config.root));
            }
            for diff in &report.diffs {
                eprint!("{diff}");
            }
            let how = if outcome.from_stamp { " (inputs and outputs match the stamp)" } else { "" };
            println!("{} generated files, {} {}{how}", outcome.files, report.stale.len(), if check { "stale" } else { "written" });
            Ok(if check && !report.stale.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Scaffold { file, config, project } => scaffold(&file, &config, project.as_deref(), render),
        Command::Introspect { url, out, headers, format } => Ok(introspect::run(&url, &out, &headers, format)),
        Command::Mock { docs, listen, deny_unspecified, supplement, max_complexity } => {
            let parsed = krakengen::parse::parse_path(&docs)?;
            if parsed.diagnostics.has_errors() {
                eprint!("{}", parsed.render_diagnostics(render));
                eprintln!("error: the reference has errors; the mock was not started");
                return Ok(ExitCode::from(1));
            }
            let options = supplement.into_iter().fold(krakengen::sdl::SchemaOptions::new(), |o, s| o.with_supplement(s));
            let build = krakengen::sdl::build_schema(&parsed.reference, &options);
            let Some(output) = build.output else {
                eprint!("{}", build.render_diagnostics_for(&parsed, render));
                eprintln!("error: the schema has errors; the mock was not started");
                return Ok(ExitCode::from(1));
            };
            let unspecified = if deny_unspecified {
                krakengen_server::policy::Unspecified::Deny
            } else {
                krakengen_server::policy::Unspecified::Allow
            };
            let mut settings = krakengen_server::schema::Settings::default();
            if let Some(max) = max_complexity {
                settings = settings.with_max_complexity(max);
            }
            let schema = krakengen_mock::schema_with(&output.sdl, &parsed.reference, unspecified, &settings)?;
            let router = krakengen_mock::router(schema, &parsed.reference);
            let runtime = tokio::runtime::Runtime::new()?;
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind(listen).await?;
                eprintln!(
                    "mock of {} operations listening on http://{}/graphql (Ctrl-C stops it)",
                    parsed.reference.mutations.len(),
                    listener.local_addr()?
                );
                let shutdown = async {
                    let _ = tokio::signal::ctrl_c().await;
                };
                krakengen_mock::serve(listener, router, shutdown).await
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff { old, new, supplement, format, fail_on, today } => diff(&old, &new, &supplement, format, fail_on, today, render),
        Command::Generate { docs, out, project, name, fragments, scalars, supplement, operations } => {
            let parsed = krakengen::parse::parse_path(&docs)?;
            eprint!("{}", parsed.render_diagnostics(render));
            if parsed.diagnostics.has_errors() {
                return Ok(ExitCode::from(1));
            }
            // The type model, supplements applied, is what the generator reads every type fact from;
            // the SDL and the catalogue are not needed here.
            let supplements: Vec<_> = supplement.into_iter().map(krakengen::sdl::SupplementSource::File).collect();
            let build = krakengen::types::build(&parsed.reference, &supplements);
            eprint!("{}", build.render_diagnostics_for(&parsed, render));
            let Some(model) = build.output else {
                eprintln!("error: the schema has errors; nothing was written");
                return Ok(ExitCode::from(1));
            };
            let mut options =
                krakengen::codegen::Options::new(&project).with_generated_by("`krakengen generate`").with_operations(&operations);
            if let Some(name) = &name {
                options = options.with_crate_name(name);
            }
            for f in &fragments {
                let text = std::fs::read_to_string(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
                options = options.with_fragments(&f.display().to_string(), &text);
            }
            for s in &scalars {
                let (k, v) = s.split_once('=').ok_or_else(|| format!("--scalar {s}: expected NAME=PATH"))?;
                options = options.with_scalar(k.trim(), v.trim());
            }
            // Each file is compared with `out` while it is formatted and staged in a temporary file
            // if it differs; nothing in `out` changes unless every file was generated.
            use krakengen::project::Outputs as _;
            let mut staging = krakengen::project::Staging::new(false);
            let open = |path: &str| staging.create(out.join(path));
            let generated = krakengen::codegen::Generator::new(&parsed.reference, &model, &options)
                .and_then(|generator| {
                    eprint!("{}", krakengen::diag::render(generator.warnings(), &[], render));
                    generator.crate_into(open)
                });
            let files = match generated {
                Ok(files) => files,
                Err(diags) => {
                    eprint!("{}", parsed.render(&diags, render));
                    return Ok(ExitCode::from(1));
                }
            };
            let count = files.len();
            for file in files {
                staging.finish(file).map_err(|e| e.to_string())?;
            }
            let report = staging.commit()?;
            println!("{}: wrote {} of {count} files", out.display(), report.written.len());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// One side of `krakengen diff`: parsed, its type model built and the Rust surface of its crates read.
struct DiffSide {
    parsed: krakengen::parse::Parsed,
    model: krakengen::types::TypeModel,
    surface: Option<krakengen::codegen::RustSurface>,
}

/// Loads one side of `krakengen diff`. What it reports goes to `log` rather than to stderr, so the
/// two sides, loaded on two threads, print in order. `Err` holds the exit code: 1 when the side has
/// errors (the log names the side), 2 when it cannot be read.
fn diff_side(
    label: &str,
    path: &std::path::Path,
    supplements: &[krakengen::sdl::SupplementSource],
    render: krakengen::diag::RenderOptions,
    log: &mut String,
) -> Result<DiffSide, u8> {
    use std::fmt::Write as _;
    // Warnings are `check`'s business: a diff shows errors only, and counts the warnings, so the
    // report is not buried under the same warnings twice.
    let errors_only = |d: &krakengen::diag::Diagnostics| {
        krakengen::diag::Diagnostics(d.iter().filter(|d| d.severity == krakengen::diag::Severity::Error).cloned().collect())
    };
    let parsed = match krakengen::parse::parse_path(path) {
        Ok(parsed) => parsed,
        Err(e) => {
            let _ = writeln!(log, "error: {label} {}: {e}", path.display());
            return Err(2);
        }
    };
    if parsed.diagnostics.has_errors() {
        log.push_str(&parsed.render(&errors_only(&parsed.diagnostics), render));
        let _ = writeln!(log, "error: the {label} reference ({}) has errors; nothing was compared", path.display());
        return Err(1);
    }
    let build = krakengen::types::build(&parsed.reference, supplements);
    let Some(model) = build.output else {
        log.push_str(&parsed.render_with(&errors_only(&build.diagnostics), &build.extra_sources, render));
        let _ = writeln!(log, "error: the schema of the {label} reference ({}) has errors; nothing was compared", path.display());
        return Err(1);
    };
    let warnings = parsed.diagnostics.warnings() + build.diagnostics.warnings();
    if warnings > 0 {
        let _ = writeln!(log, "{label} {}: {warnings} warnings (`krakengen check` shows them)", path.display());
    }
    let surface = krakengen::diff::Side::new(&parsed.reference, &model).surface;
    Ok(DiffSide { parsed, model, surface })
}

/// `krakengen diff`.
fn diff(
    old: &std::path::Path,
    new: &std::path::Path,
    supplement: &[PathBuf],
    format: DiffFormat,
    fail_on: Option<FailOn>,
    today: Option<String>,
    render: krakengen::diag::RenderOptions,
) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let today = match today {
        Some(day) if krakengen::diff::is_date(&day) => day,
        Some(day) => return Err(format!("--today {day}: expected a date as YYYY-MM-DD").into()),
        None => krakengen::diff::today(),
    };
    let supplements: Vec<_> = supplement.iter().cloned().map(krakengen::sdl::SupplementSource::File).collect();
    // The two sides are independent until they are compared, so they load side by side.
    let ((old_side, old_log), (new_side, new_log)) = std::thread::scope(|s| {
        let old = s.spawn(|| {
            let mut log = String::new();
            (diff_side("old", old, &supplements, render, &mut log), log)
        });
        let mut log = String::new();
        let new = (diff_side("new", new, &supplements, render, &mut log), log);
        (old.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), new)
    });
    eprint!("{old_log}{new_log}");
    let (old_side, new_side) = match (old_side, new_side) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(code), _) | (_, Err(code)) => return Ok(ExitCode::from(code)),
    };
    let (DiffSide { parsed: po, model: mo, surface: so }, DiffSide { parsed: pn, model: mn, surface: sn }) = (old_side, new_side);
    let report = krakengen::diff::compare(
        &krakengen::diff::Side { reference: &po.reference, model: &mo, surface: so },
        &krakengen::diff::Side { reference: &pn.reference, model: &mn, surface: sn },
        &today,
    );
    let text = match format {
        DiffFormat::Text => krakengen::diff::render::text(&report, std::io::stdout().is_terminal()),
        DiffFormat::Json => krakengen::diff::render::json(&report),
        DiffFormat::Markdown => krakengen::diff::render::markdown(&report),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    let threshold = fail_on.map(|f| match f {
        FailOn::Breaking => krakengen::diff::Class::Breaking,
        FailOn::Dangerous => krakengen::diff::Class::Dangerous,
    });
    Ok(if threshold.is_some_and(|t| report.fails(t)) { ExitCode::from(3) } else { ExitCode::SUCCESS })
}

/// The exit code of `check`: 1 on errors, and on warnings when they are denied.
fn check_exit(diagnostics: &krakengen::diag::Diagnostics, deny_warnings: bool) -> ExitCode {
    if diagnostics.has_errors() || (deny_warnings && diagnostics.warnings() > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `krakengen scaffold`: writes the starting implementation once, then only compares.
fn scaffold(
    file: &std::path::Path,
    config: &std::path::Path,
    project: Option<&str>,
    render: krakengen::diag::RenderOptions,
) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let config = krakengen::config::Config::load(config)?;
    let candidates: Vec<_> = config
        .projects
        .iter()
        .filter(|p| project.is_none_or(|name| p.name == name) && p.server_crate.is_some())
        .collect();
    let project = match (candidates.as_slice(), project) {
        ([one], _) => *one,
        ([], Some(name)) => return Err(format!("the configuration has no project `{name}` with a `server_crate`").into()),
        ([], None) => return Err("no project of the configuration names a `server_crate`".into()),
        (_, _) => return Err("several projects name a `server_crate`; choose one with --project".into()),
    };
    let failed = |failure: krakengen::project::Failure| {
        eprintln!("{}", failure.render(render));
        Ok(ExitCode::from(1))
    };
    let parsed = match krakengen::project::parse_project(&config, project) {
        Ok(parsed) => parsed,
        Err(failure) => return failed(failure),
    };
    // The stubs' types are those of the crates, which the type model (supplements applied) decides.
    let schema = match krakengen::project::build_schema(&config, project, &parsed) {
        Ok(schema) => schema,
        Err(failure) => return failed(failure),
    };
    let options = match krakengen::project::codegen_options(&config, project) {
        Ok(options) => options.ok_or("a project with a `server_crate` also needs `errors_crate` and `client_crate`")?,
        Err(failure) => return failed(failure),
    };
    let scaffold = krakengen::codegen::Generator::new(&parsed.reference, &schema.model, &options).and_then(|g| g.scaffold());
    let text = match scaffold {
        Ok(text) => text.ok_or("the project names no server crate")?,
        Err(diags) => {
            eprint!("{}", parsed.render(&diags, render));
            return Ok(ExitCode::from(1));
        }
    };
    let shown = file.display();
    let existing = match std::fs::read_to_string(file) {
        Ok(existing) => existing,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if !krakengen::write::write_new(file, text.as_bytes()).map_err(|e| format!("cannot write {shown}: {e}"))? {
                return Err(format!("{shown} appeared while the scaffold was written; it was left alone, run again to compare").into());
            }
            eprintln!(
                "wrote {shown}: {} methods, every body `todo!()`; it is yours from now on and is never overwritten",
                parsed.reference.mutations.len()
            );
            return Ok(ExitCode::SUCCESS);
        }
        Err(e) => return Err(format!("cannot read {shown}: {e}").into()),
    };
    let comparison = krakengen::codegen::scaffold::compare(&text, &existing);
    let path = shown.to_string();
    let sources = [krakengen::diag::SourceText { path: &path, text: &existing }];
    eprint!("{}", krakengen::diag::render(&comparison.diagnostics, &sources, render));
    if !comparison.missing.is_empty() {
        let mut out = std::io::stdout().lock();
        writeln!(out, "// The methods {shown} lacks, to paste into its `impl MutationResolvers` block:")?;
        for m in &comparison.missing {
            write!(out, "{}", m.stub)?;
        }
    }
    let orphaned = comparison.diagnostics.iter().filter(|d| d.code == "scaffold-orphaned-method").count();
    eprintln!(
        "{shown}: {} methods implemented, {} missing, {} orphaned; the file was not modified",
        comparison.implemented.len(),
        comparison.missing.len(),
        orphaned
    );
    Ok(if comparison.in_sync() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Where `krakengen codegen` keeps its stamp by default: where `cargo xtask codegen` keeps it, in the
/// cargo target directory of the directory holding `krakengen.toml` (`$CARGO_TARGET_DIR` when set,
/// resolved against that directory when relative, else `target/`), which Rust repositories already
/// keep out of version control.
fn default_stamp(root: &std::path::Path) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("target"));
    root.join(target).join("krakengen/codegen.stamp")
}
