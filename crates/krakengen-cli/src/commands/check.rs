//! `krakengen check`: every problem of a reference, and a summary.

use super::{Context, Exit, Result};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    reference: super::Reference,
    /// How to report: rendered diagnostics and a summary, or one JSON object.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Exit 1 when there is any warning, not only on errors: for pipelines that keep references clean.
    #[arg(long)]
    deny_warnings: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Rendered diagnostics on stderr and a summary line on stdout.
    Text,
    /// One JSON object on stdout: the files, the summary counts, the diagnostics shown (at most
    /// `--max-diagnostics` per file) and the count by code of those left out.
    Json,
}

pub fn run(args: Args, cx: &Context) -> Result {
    let parsed = args.reference.pipeline("kraken").parse()?;
    let r = &parsed.reference;
    match args.format {
        Format::Json => {
            let capped = parsed.diagnostics.capped(cx.render.max_per_file);
            let omitted: std::collections::BTreeMap<&str, std::collections::BTreeMap<&str, usize>> =
                capped.omitted.iter().map(|(file, codes)| (parsed.sources.path_or(*file, ""), codes.clone())).collect();
            let report = serde_json::json!({
                "files": r.files,
                "summary": {
                    "mutations": r.operations.len(),
                    "error_entries": r.error_entry_count(),
                    "error_codes": r.error_codes().len(),
                    "errors": parsed.diagnostics.errors(),
                    "warnings": parsed.diagnostics.warnings(),
                },
                "max_diagnostics_per_file": cx.render.max_per_file,
                "diagnostics": capped.shown.iter().map(|d| d.clipped()).collect::<Vec<_>>(),
                "omitted": omitted,
            });
            let mut text = serde_json::to_string_pretty(&report)?;
            text.push('\n');
            super::stdout(&text)?;
        }
        Format::Text => {
            eprint!("{}", parsed.report().render(cx.render));
            // A file without blocks has no rendering to name (it may be empty, binary or not a
            // reference at all).
            let rendering = |f: &krakengen::model::SourceFile| {
                if f.blocks == 0 {
                    return "no blocks".to_string();
                }
                let name = serde_json::to_value(f.rendering).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
                format!("{name} rendering")
            };
            let renderings = match r.files.as_slice() {
                [one] => rendering(one),
                files => format!(
                    "{} files ({})",
                    files.len(),
                    files.iter().map(|f| format!("{}: {}", f.path, rendering(f))).collect::<Vec<_>>().join(", ")
                ),
            };
            let queries = r.operations.iter().filter(|m| m.kind == krakengen::model::OperationKind::Query).count();
            let operations = match queries {
                0 => format!("{} mutations", r.operations.len()),
                q => format!("{} mutations, {q} queries", r.operations.len() - q),
            };
            super::stdout(&format!(
                "{}: {renderings}, {operations}, {} error entries, {} error codes, {} errors, {} warnings\n",
                args.reference.reference.display(),
                r.error_entry_count(),
                r.error_codes().len(),
                parsed.diagnostics.errors(),
                parsed.diagnostics.warnings()
            ))?;
        }
    }
    let d = &parsed.diagnostics;
    Ok(if d.has_errors() || (args.deny_warnings && d.warnings() > 0) { Exit::Problems } else { Exit::Success })
}
