//! The three renderings of a [`DiffReport`]: grouped terminal text (coloured on request), JSON with the
//! stable shape documented in `docs/diff.md`, and Markdown for a pull-request comment.

use std::fmt::Write as _;

use super::{Class, Location, DiffReport};

/// The version of the JSON shape; it changes only when a field is removed or changes meaning.
pub const JSON_FORMAT_VERSION: u32 = 1;

const CLASSES: [Class; 3] = [Class::Breaking, Class::Dangerous, Class::Safe];

fn summary(report: &DiffReport) -> String {
    if report.changes.is_empty() {
        return "no changes".to_string();
    }
    let mut out = format!(
        "{} breaking, {} dangerous, {} safe",
        report.count(Class::Breaking),
        report.count(Class::Dangerous),
        report.count(Class::Safe)
    );
    if report.rust_checked {
        let _ = write!(out, "; {} break code written against the generated crates", report.rust_breaking());
    }
    out
}

/// How the text and Markdown renderings show a report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    /// ANSI colours (for a terminal, not for a log); text only.
    pub color: bool,
    /// List every operation past its scheduled removal, rather than one line counting them.
    pub list_overdue: bool,
}

/// A location as `OLD:58:1` or `NEW:108:1` when its side is one file (whose path the report names
/// once), else with the file: `NEW queries.txt:12:1`.
fn place(report: &DiffReport, l: &Location) -> String {
    let (side, files) = match l.side {
        super::SideName::Old => ("OLD", &report.files[0]),
        super::SideName::New => ("NEW", &report.files[1]),
    };
    match files.as_slice() {
        [one] if *one == l.file => format!("{side}:{}:{}", l.line, l.column),
        _ => format!("{side} {}:{}:{}", l.file, l.line, l.column),
    }
}

/// `OLD path` and `NEW path` (or their files), as locations abbreviate them.
fn sides(report: &DiffReport) -> [String; 2] {
    let name = |files: &[String]| match files {
        [one] => one.clone(),
        many => many.join(", "),
    };
    [format!("OLD {}", name(&report.files[0])), format!("NEW {}", name(&report.files[1]))]
}

/// The line counting operations past their scheduled removal, when they are not listed.
fn overdue_line(report: &DiffReport) -> String {
    let n = report.overdue.len();
    format!(
        "{n} operation{} past {} scheduled removal on {} (`--overdue` lists them)",
        if n == 1 { " is" } else { "s are" },
        if n == 1 { "its" } else { "their" },
        report.today
    )
}

/// Terminal text, grouped by class.
pub fn text(report: &DiffReport, style: Style) -> String {
    let color = style.color;
    let paint = |code: &str, s: &str| if color { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() };
    let mut out = String::new();
    let _ = writeln!(out, "{}", summary(report));
    if !report.changes.is_empty() || (style.list_overdue && !report.overdue.is_empty()) {
        for side in sides(report) {
            let _ = writeln!(out, "{}", paint("2", &side));
        }
    }
    if !report.rust_checked {
        let _ = writeln!(out, "the generated-Rust column is missing: the crates of one side could not be generated (see `krakengen check`)");
    }
    for class in CLASSES {
        let changes: Vec<_> = report.changes.iter().filter(|c| c.class == class).collect();
        if changes.is_empty() {
            continue;
        }
        let color = match class {
            Class::Breaking => "1;31",
            Class::Dangerous => "1;33",
            Class::Safe => "1;32",
        };
        let _ = writeln!(out, "\n{}", paint(color, &format!("{} ({})", title(class), changes.len())));
        for c in changes {
            let at = c.location.as_ref().map(|l| format!("  [{}]", place(report, l))).unwrap_or_default();
            let _ = writeln!(out, "  {}  {}{at}", paint("1", &c.path), paint("2", c.kind.as_str()));
            let _ = writeln!(out, "      {}", c.message);
            if let Some(rust) = &c.rust {
                let _ = writeln!(out, "      {} {rust}", paint("35", "Rust:"));
            }
        }
    }
    if !report.overdue.is_empty() && !style.list_overdue {
        let _ = writeln!(out, "\n{}", paint("1;31", &overdue_line(report)));
    } else if !report.overdue.is_empty() {
        let _ = writeln!(out, "\n{}", paint("1;31", &format!("Past their scheduled removal on {} ({})", report.today, report.overdue.len())));
        for o in &report.overdue {
            let at = o.location.as_ref().map(|l| format!("  [{}]", place(report, l))).unwrap_or_default();
            let _ = writeln!(out, "  {}  removal on or after {}{at}", paint("1", &o.path), o.removal);
        }
    }
    out
}

fn title(class: Class) -> &'static str {
    match class {
        Class::Breaking => "Breaking",
        Class::Dangerous => "Dangerous",
        Class::Safe => "Safe",
    }
}

/// The JSON report, pretty-printed, with a trailing newline.
pub fn json(report: &DiffReport) -> String {
    let value = serde_json::json!({
        "format_version": JSON_FORMAT_VERSION,
        "today": report.today,
        "summary": {
            "breaking": report.count(Class::Breaking),
            "dangerous": report.count(Class::Dangerous),
            "safe": report.count(Class::Safe),
            "rust_breaking": report.rust_breaking(),
            "overdue": report.overdue.len(),
        },
        "rust_checked": report.rust_checked,
        "changes": report.changes,
        "overdue": report.overdue,
    });
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    out.push('\n');
    out
}

/// A cell of a Markdown table: pipes escaped, one line.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\").replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// Markdown for a pull-request comment: the summary, then one table per class.
pub fn markdown(report: &DiffReport, style: Style) -> String {
    let mut out = String::from("### krakengen diff\n\n");
    let _ = writeln!(out, "{}\n", summary(report));
    if !report.changes.is_empty() || (style.list_overdue && !report.overdue.is_empty()) {
        let [old, new] = sides(report);
        let _ = writeln!(out, "`{}` · `{}`\n", cell(&old), cell(&new));
    }
    for class in CLASSES {
        let changes: Vec<_> = report.changes.iter().filter(|c| c.class == class).collect();
        if changes.is_empty() {
            continue;
        }
        let _ = writeln!(out, "#### {} ({})\n", title(class), changes.len());
        out.push_str("| Where | Change | What | Generated Rust | Line |\n|---|---|---|---|---|\n");
        for c in changes {
            let at = c.location.as_ref().map(|l| cell(&place(report, l))).unwrap_or_default();
            let rust = c.rust.as_deref().map(cell).unwrap_or_default();
            let _ = writeln!(out, "| `{}` | `{}` | {} | {rust} | {at} |", cell(&c.path), c.kind, cell(&c.message));
        }
        out.push('\n');
    }
    if !report.overdue.is_empty() && !style.list_overdue {
        let _ = writeln!(out, "**{}**\n", cell(&overdue_line(report)));
    } else if !report.overdue.is_empty() {
        let _ = writeln!(out, "#### Past their scheduled removal on {} ({})\n", report.today, report.overdue.len());
        out.push_str("| Operation | Removal on or after | Line |\n|---|---|---|\n");
        for o in &report.overdue {
            let at = o.location.as_ref().map(|l| cell(&place(report, l))).unwrap_or_default();
            let _ = writeln!(out, "| `{}` | {} | {at} |", cell(&o.path), o.removal);
        }
        out.push('\n');
    }
    out
}
