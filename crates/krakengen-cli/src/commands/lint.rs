//! `krakengen lint`: users' operations (in `.graphql` files or string literals of their sources)
//! checked against a reference, without generating anything.

use std::path::PathBuf;

use krakengen::lint::FailOn as Threshold;

use super::{Context, Exit, Inputs, Result};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    inputs: Inputs,
    /// A file, or a directory searched for `.graphql`/`.gql` files and for Python, TypeScript/
    /// JavaScript, Go and Rust sources whose string literals hold GraphQL. May be given several
    /// times.
    #[arg(long, value_name = "PATH", required = true)]
    documents: Vec<PathBuf>,
    /// The reference the documents were written against (a file, or a directory of `.txt`
    /// files; with the same supplements): a field that is gone is reported with the replacement
    /// its deprecation there named.
    #[arg(long, value_name = "OLD")]
    previous: Option<PathBuf>,
    /// The day removal dates are compared with, as YYYY-MM-DD (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<String>,
    /// How to print the report.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Exit 1 when a finding of this class (or a worse one) is reported.
    #[arg(long, value_enum, value_name = "CLASS", default_value = "error")]
    fail_on: FailOn,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// One line per finding, then a summary.
    Text,
    /// The stable JSON shape of `docs/lint.md`.
    Json,
    /// A table for a pull-request comment.
    Markdown,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FailOn {
    /// Invalid operations, and fields or arguments the reference no longer has.
    Error,
    /// Those, and deprecated uses whose removal date has passed.
    Overdue,
    /// Those, and every deprecated use.
    Deprecated,
}

pub fn run(args: Args, cx: &Context) -> Result {
    let today = super::today(args.today)?;
    let inputs = krakengen::lint::read_documents(&args.documents)?;
    let loaded = match args.inputs.pipeline("kraken").load() {
        Ok(loaded) => loaded,
        Err(failure) => return cx.fail(&failure, "nothing was linted"),
    };
    let previous = match &args.previous {
        Some(path) => match super::pipeline("kraken", path, &args.inputs.supplement).load() {
            Ok(loaded) => Some(loaded),
            Err(failure) => return cx.fail(&failure, "nothing was linted (the --previous reference)"),
        },
        None => None,
    };
    let report = krakengen::lint::lint_since(loaded.model().schema(), previous.as_ref().map(|p| p.model().schema()), &inputs, &today);
    let text = match args.format {
        Format::Text => krakengen::lint::render::text(&report),
        Format::Json => krakengen::lint::render::json(&report),
        Format::Markdown => krakengen::lint::render::markdown(&report),
    };
    super::stdout(&text)?;
    let threshold = match args.fail_on {
        FailOn::Error => Threshold::Error,
        FailOn::Overdue => Threshold::Overdue,
        FailOn::Deprecated => Threshold::Deprecated,
    };
    Ok(if report.fails(threshold) { Exit::Problems } else { Exit::Success })
}
