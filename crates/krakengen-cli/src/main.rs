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
    }
}
