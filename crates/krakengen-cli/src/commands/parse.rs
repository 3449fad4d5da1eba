//! `krakengen parse`: the parsed reference as JSON.

use std::path::PathBuf;

use super::{Context, Exit, Result};

#[derive(clap::Args)]
pub struct Args {
    /// The reference: a file, or a directory of `.txt` reference files.
    #[arg(value_name = "REFERENCE")]
    reference: PathBuf,
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    /// The model as pretty JSON.
    Json,
}

pub fn run(args: Args, cx: &Context) -> Result {
    let Format::Json = args.format;
    let parsed = super::pipeline("kraken", &args.reference, &[]).parse()?;
    eprint!("{}", parsed.report().render(cx.render));
    let mut text = serde_json::to_string_pretty(&parsed.reference)?;
    text.push('\n');
    super::stdout(&text)?;
    Ok(if parsed.diagnostics.has_errors() { Exit::Problems } else { Exit::Success })
}
