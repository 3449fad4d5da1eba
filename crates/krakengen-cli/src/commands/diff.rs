//! `krakengen diff`: what changed between two versions of a reference.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use krakengen::diff::render::Style;
use krakengen::pipeline::{Failure, Loaded};

use super::{Context, Exit, Result};

#[derive(clap::Args)]
pub struct Args {
    /// The old version: a reference file, or a directory of `.txt` reference files.
    #[arg(value_name = "OLD")]
    old: PathBuf,
    /// The new version, as OLD.
    #[arg(value_name = "NEW")]
    new: PathBuf,
    /// The brand's schema, applied to both sides, as for `schema`.
    #[arg(long, value_name = "FILE")]
    supplement: Vec<PathBuf>,
    /// How to print the report.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Exit 3 when the report has a change of this class (or a worse one).
    #[arg(long, value_enum, value_name = "CLASS")]
    fail_on: Option<FailOn>,
    /// The day scheduled removals are compared with, as YYYY-MM-DD (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<String>,
    /// List every operation of NEW past its scheduled removal (text and markdown count them in
    /// one line otherwise; JSON always lists them).
    #[arg(long)]
    overdue: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Grouped by class, coloured on a terminal.
    Text,
    /// The stable JSON shape of `docs/diff.md`.
    Json,
    /// Tables for a pull-request comment.
    Markdown,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FailOn {
    /// Changes that break callers of the API or code written against the generated crates.
    Breaking,
    /// Those, dangerous changes, and operations past their scheduled removal.
    Dangerous,
}

/// One side, loaded; what it reports goes to
/// `log` rather than to stderr, so the two sides, loaded on two threads, print in order. `Err`
/// holds the exit code.
fn side(label: &str, path: &Path, supplements: &[PathBuf], cx: &Context, log: &mut String) -> std::result::Result<Loaded, Exit> {
    use std::fmt::Write as _;
    let loaded = match super::pipeline("kraken", path, supplements).load() {
        Ok(loaded) => loaded,
        Err(Failure::Diagnostics { report, .. }) => {
            // Warnings are `check`'s business: a diff shows errors only.
            log.push_str(&report.errors_only().render(cx.render));
            let _ = writeln!(log, "error: the {label} reference ({}) has errors; nothing was compared", path.display());
            return Err(Exit::Problems);
        }
        // The failure names the file it could not read.
        Err(failure) => {
            let _ = writeln!(log, "error: {failure}");
            return Err(Exit::Usage);
        }
    };
    let warnings = loaded.warnings().diagnostics.warnings();
    if warnings > 0 {
        let _ = writeln!(log, "{label} {}: {warnings} warnings (`krakengen check` shows them)", path.display());
    }
    Ok(loaded)
}

pub fn run(args: Args, cx: &Context) -> Result {
    let today = super::today(args.today)?;
    // The two sides are independent until they are compared, so they load side by side.
    let ((old, old_log), (new, new_log)) = std::thread::scope(|s| {
        let old = s.spawn(|| {
            let mut log = String::new();
            (side("old", &args.old, &args.supplement, cx, &mut log), log)
        });
        let mut log = String::new();
        let new = (side("new", &args.new, &args.supplement, cx, &mut log), log);
        (old.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), new)
    });
    eprint!("{old_log}{new_log}");
    let (old, new) = match (old, new) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(code), _) | (_, Err(code)) => return Ok(code),
    };
    let report = old.diff(&new, &today);
    let style = Style { color: false, list_overdue: args.overdue };
    let text = match args.format {
        Format::Text => krakengen::diff::render::text(&report, Style { color: std::io::stdout().is_terminal(), ..style }),
        Format::Json => krakengen::diff::render::json(&report),
        Format::Markdown => krakengen::diff::render::markdown(&report, style),
    };
    super::stdout(&text)?;
    let threshold = args.fail_on.map(|f| match f {
        FailOn::Breaking => krakengen::diff::Class::Breaking,
        FailOn::Dangerous => krakengen::diff::Class::Dangerous,
    });
    Ok(if threshold.is_some_and(|t| report.fails(t)) { Exit::Threshold } else { Exit::Success })
}
