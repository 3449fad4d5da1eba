//! The `krakengen` command line: a thin front-end over the `krakengen` library.
//!
//! Exit codes: 0 on success, 1 when the reference has errors (or generated output is stale), 2 when the
//! command itself is wrong or an input cannot be read.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(name = "krakengen", version, about = "Schema-first code generator for Kraken GraphQL mutation references")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Parse a reference (a file or a directory of `.txt` files) and print the model.
    Parse {
        docs: PathBuf,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// Report every problem of a reference and a one-line summary; exit 1 on errors.
    Check { docs: PathBuf },
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
        #[arg(long)]
        check: bool,
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
    let color = std::io::stderr().is_terminal();
    match cli.command {
        Command::Parse { docs, format: Format::Json } => {
            let parsed = krakengen::parse::parse_path(&docs)?;
            eprint!("{}", parsed.render_diagnostics(color));
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &parsed.reference)?;
            writeln!(out)?;
            Ok(if parsed.diagnostics.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Check { docs } => {
            let parsed = krakengen::parse::parse_path(&docs)?;
            eprint!("{}", parsed.render_diagnostics(color));
            let r = &parsed.reference;
            println!(
                "{}: {} mutations, {} error entries, {} error codes, {} errors, {} warnings",
                docs.display(),
                r.mutations.len(),
                r.error_entry_count(),
                r.error_codes().len(),
                parsed.diagnostics.errors(),
                parsed.diagnostics.warnings()
            );
            Ok(if parsed.diagnostics.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Schema { docs, out, supplement } => {
            let parsed = krakengen::parse::parse_path(&docs)?;
            eprint!("{}", parsed.render_diagnostics(color));
            if parsed.diagnostics.has_errors() {
                eprintln!("error: the reference has errors; nothing was written");
                return Ok(ExitCode::from(1));
            }
            let options = supplement
                .into_iter()
                .fold(krakengen::sdl::SchemaOptions::new(), |o, s| o.with_supplement(s));
            let build = krakengen::sdl::build_schema(&parsed.reference, &options);
            eprint!("{}", build.render_diagnostics_for(&parsed, color));
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
        Command::Codegen { config, check } => {
            let config = krakengen::config::Config::load(&config)?;
            let files = match krakengen::project::generate(&config) {
                Ok(files) => files,
                Err(failure) => {
                    eprintln!("{failure}");
                    return Ok(ExitCode::from(1));
                }
            };
            let report = krakengen::project::sync(&files, check)?;
            for p in &report.stale {
                eprintln!("{} {}", if check { "stale" } else { "wrote" }, krakengen::project::display_path(p, &config.root));
            }
            println!("{} generated files, {} {}", files.len(), report.stale.len(), if check { "stale" } else { "written" });
            Ok(if check && !report.stale.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Mock { docs, listen, deny_unspecified, supplement } => {
            let parsed = krakengen::parse::parse_path(&docs)?;
            if parsed.diagnostics.has_errors() {
                eprint!("{}", parsed.render_diagnostics(color));
                eprintln!("error: the reference has errors; the mock was not started");
                return Ok(ExitCode::from(1));
            }
            let options = supplement.into_iter().fold(krakengen::sdl::SchemaOptions::new(), |o, s| o.with_supplement(s));
            let build = krakengen::sdl::build_schema(&parsed.reference, &options);
            let Some(output) = build.output else {
                eprint!("{}", build.render_diagnostics_for(&parsed, color));
                eprintln!("error: the schema has errors; the mock was not started");
                return Ok(ExitCode::from(1));
            };
            let unspecified = if deny_unspecified {
                krakengen_server::policy::Unspecified::Deny
            } else {
                krakengen_server::policy::Unspecified::Allow
            };
            let schema = krakengen_server::mock::schema(&output.sdl, &parsed.reference, unspecified)?;
            let router = krakengen_server::mock::router(schema, &parsed.reference);
            let runtime = tokio::runtime::Runtime::new()?;
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind(listen).await?;
                eprintln!(
                    "mock of {} mutations listening on http://{}/graphql (Ctrl-C stops it)",
                    parsed.reference.mutations.len(),
                    listener.local_addr()?
                );
                let shutdown = async {
                    let _ = tokio::signal::ctrl_c().await;
                };
                krakengen_server::mock::serve(listener, router, shutdown).await
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Generate { docs, out, project, name, fragments, scalars, supplement } => {
            let parsed = krakengen::parse::parse_path(&docs)?;
            eprint!("{}", parsed.render_diagnostics(color));
            if parsed.diagnostics.has_errors() {
                return Ok(ExitCode::from(1));
            }
            let mut options = krakengen::codegen::Options::new(&project);
            // The schema is built only for its supplements: without one it has nothing to add.
            if !supplement.is_empty() {
                let schema_options =
                    supplement.into_iter().fold(krakengen::sdl::SchemaOptions::new(), |o, s| o.with_supplement(s));
                let build = krakengen::sdl::build_schema(&parsed.reference, &schema_options);
                eprint!("{}", build.render_diagnostics_for(&parsed, color));
                let Some(output) = build.output else {
                    eprintln!("error: the schema has errors; nothing was written");
                    return Ok(ExitCode::from(1));
                };
                options = options.with_supplemented_fields(&output);
            }
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
            let warnings = krakengen::codegen::warnings(&parsed.reference, &options);
            eprint!("{}", krakengen::diag::render(&warnings, &[], color));
            let files = match krakengen::codegen::generate_crate(&parsed.reference, &options) {
                Ok(files) => files,
                Err(diags) => {
                    eprint!("{}", krakengen::diag::render(&diags, &[], color));
                    return Ok(ExitCode::from(1));
                }
            };
            let mut written = 0;
            for f in &files {
                if krakengen::write::write_if_changed(&out.join(&f.path), f.contents.as_bytes())? {
                    written += 1;
                }
            }
            println!("{}: wrote {written} of {} files", out.display(), files.len());
            Ok(ExitCode::SUCCESS)
        }
    }
}
