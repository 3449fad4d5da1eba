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
        Command::Generate { docs, out, project, name, fragments, scalars } => {
            let parsed = krakengen::parse::parse_path(&docs)?;
            eprint!("{}", parsed.render_diagnostics(color));
            if parsed.diagnostics.has_errors() {
                return Ok(ExitCode::from(1));
            }
            let mut options = krakengen::codegen::Options::new(&project);
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
                if write_if_changed(&out.join(&f.path), f.contents.as_bytes())? {
                    written += 1;
                }
            }
            println!("{}: wrote {written} of {} files", out.display(), files.len());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Writes `bytes` to `path` through a temporary file and a rename, unless the file already holds
/// them; returns whether it wrote.
///
/// This is a private stand-in for `krakengen::write::write_if_changed`, which lands with the SDL
/// work on another branch; once both are merged this should call that one instead.
fn write_if_changed(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<bool> {
    if std::fs::read(path).ok().as_deref() == Some(bytes) {
        return Ok(false);
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    std::fs::create_dir_all(dir)?;
    let tmp = dir.join(format!(".{}.krakengen-{}.tmp", path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default(), std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map(|()| true)
}
