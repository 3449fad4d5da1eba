//! `krakengen parse`: the parsed reference as JSON.

use super::{Context, Exit, Result};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    reference: super::Reference,
    /// The output format.
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
    let parsed = args.reference.pipeline("kraken").parse()?;
    eprint!("{}", parsed.report().render(cx.render));
    let mut text = serde_json::to_string_pretty(&parsed.reference)?;
    text.push('\n');
    super::stdout(&text)?;
    Ok(if parsed.diagnostics.has_errors() { Exit::Problems } else { Exit::Success })
}
