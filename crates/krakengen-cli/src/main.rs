//! The `krakengen` command line: a thin front door over the `krakengen` library's
//! [`krakengen::Pipeline`], one module per command under `commands/`. Its exit codes are
//! [`commands::Exit`].

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod commands;

use commands::{Context, Exit};

/// mimalloc instead of the system allocator: generation allocates heavily, and it runs 0.73-0.76x
/// the wall time of glibc malloc on the vendored reference (docs/benchmarks.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "krakengen", version, about = "Schema-first code generator for Kraken GraphQL references")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Render at most N diagnostics per file; the rest are counted by code. Long source lines are
    /// always clipped around the problem, so the output stays short whatever the input.
    #[arg(long, global = true, value_name = "N", default_value_t = krakengen::diag::RenderOptions::DEFAULT_MAX_PER_FILE)]
    max_diagnostics: usize,
}

#[derive(Subcommand)]
enum Command {
    /// Parse a reference (a file or a directory of `.txt` files) and print the model as JSON.
    Parse(commands::parse::Args),
    /// Report every problem of a reference, the rendering detected for each file and a one-line
    /// summary; exit 1 on errors (and, with `--deny-warnings`, on warnings).
    Check(commands::check::Args),
    /// Write the normalised SDL (`DIR/schema.graphql`) and the metadata catalogue (`DIR/metadata.json`)
    /// of a reference; exit 1 and write nothing on errors. Unchanged files are not rewritten.
    Schema(commands::schema::Args),
    /// Regenerate every output a `krakengen.toml` names (what `cargo xtask codegen` does); with
    /// `--check`, write nothing and exit 1 when any generated file is stale.
    Codegen(commands::codegen::Args),
    /// Write a starting implementation of the server crate's `OperationResolvers` (every body `todo!()`)
    /// to FILE if it does not exist; if it does, never touch it but list the trait methods it lacks
    /// (with stubs to paste, on stdout) and the ones it implements that the trait no longer has, and
    /// exit 1 unless it is in sync.
    Scaffold(commands::scaffold::Args),
    /// Serve a mock of the API over HTTP: every operation answers its example response, with the
    /// reference's permissions (granted through the `X-Kraken-Permissions` header) and rate limits
    /// enforced and errors in Kraken's shape.
    Mock(commands::mock::Args),
    /// Fetch a live API's schema with the standard introspection query (deprecated fields, arguments,
    /// input fields and enum values included) and write it, as SDL or as the JSON answer, to use as a
    /// supplement. Exits 2 and writes nothing when the server cannot be reached, answers an HTTP
    /// error or GraphQL errors, or has introspection disabled.
    Introspect(commands::introspect::Args),
    /// Compare two versions of a reference (each a file or a directory, as for `check`) and report every
    /// change to the GraphQL surface, to the Kraken metadata (permissions, rate limits, error codes,
    /// complexity, deprecations) and to the generated Rust, classified as breaking, dangerous or safe.
    /// Exits 1 when either side has errors, 3 when a change reaches `--fail-on`.
    Diff(commands::diff::Args),
    /// Check users' own operations (`.graphql` files, and GraphQL in string literals of Python,
    /// TypeScript/JavaScript, Go and Rust sources) against a reference: what is invalid, what the
    /// reference no longer has, what is deprecated or past its removal date, and what cannot be
    /// checked. Generates nothing; exits 1 when a finding reaches `--fail-on`.
    Lint(commands::lint::Args),
    /// Write a self-contained Rust crate (typed client and error codes) for a reference.
    ///
    /// The crate builds on its own with `cargo build`; its `reqwest` feature adds the HTTP transport.
    /// Files whose contents would not change are left alone.
    Generate(commands::generate::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let cx = Context {
        render: krakengen::diag::RenderOptions::new()
            .with_color(std::io::stderr().is_terminal())
            .with_max_per_file(cli.max_diagnostics),
    };
    let result = match cli.command {
        Command::Parse(args) => commands::parse::run(args, &cx),
        Command::Check(args) => commands::check::run(args, &cx),
        Command::Schema(args) => commands::schema::run(args, &cx),
        Command::Codegen(args) => commands::codegen::run(args, &cx),
        Command::Scaffold(args) => commands::scaffold::run(args, &cx),
        Command::Mock(args) => commands::mock::run(args, &cx),
        Command::Introspect(args) => commands::introspect::run(args, &cx),
        Command::Diff(args) => commands::diff::run(args, &cx),
        Command::Lint(args) => commands::lint::run(args, &cx),
        Command::Generate(args) => commands::generate::run(args, &cx),
    };
    match result {
        Ok(exit) => exit.into(),
        // A reader that closed the pipe (`krakengen check … | head -1`) has all it wanted, as with
        // `ls | head`: end quietly.
        Err(e) if is_broken_pipe(e.as_ref()) => Exit::Success.into(),
        Err(e) => {
            eprintln!("error: {e}");
            Exit::Usage.into()
        }
    }
}

fn is_broken_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    e.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}
