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

fn place(l: &Location) -> String {
    let side = match l.side {
        super::SideName::Old => "old",
        super::SideName::New => "new",
    };
    format!("{side} {}:{}:{}", l.file, l.line, l.column)
}

/// Terminal text, grouped by class; `color` adds ANSI colours (for a terminal, not for a log).
pub fn text(report: &DiffReport, color: bool) -> String {
    let paint = |code: &str, s: &str| if color { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() };
    let mut out = String::new();
    let _ = writeln!(out, "{}", summary(report));
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
            let at = c.location.as_ref().map(|l| format!("  [{}]", place(l))).unwrap_or_default();
            let _ = writeln!(out, "  {}  {}{at}", paint("1", &c.path), paint("2", c.kind.as_str()));
            let _ = writeln!(out, "      {}", c.message);
            if let Some(rust) = &c.rust {
                let _ = writeln!(out, "      {} {rust}", paint("35", "Rust:"));
            }
        }
    }
    if !report.overdue.is_empty() {
        let _ = writeln!(out, "\n{}", paint("1;31", &format!("Past their scheduled removal on {} ({})", report.today, report.overdue.len())));
        for o in &report.overdue {
            let at = o.location.as_ref().map(|l| format!("  [{}]", place(l))).unwrap_or_default();
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
pub fn markdown(report: &DiffReport) -> String {
    let mut out = String::from("### krakengen diff\n\n");
    let _ = writeln!(out, "{}\n", summary(report));
    for class in CLASSES {
        let changes: Vec<_> = report.changes.iter().filter(|c| c.class == class).collect();
        if changes.is_empty() {
            continue;
        }
        let _ = writeln!(out, "#### {} ({})\n", title(class), changes.len());
        out.push_str("| Where | Change | What | Generated Rust | Line |\n|---|---|---|---|---|\n");
        for c in changes {
            let at = c.location.as_ref().map(|l| cell(&place(l))).unwrap_or_default();
            let rust = c.rust.as_deref().map(cell).unwrap_or_default();
            let _ = writeln!(out, "| `{}` | `{}` | {} | {rust} | {at} |", cell(&c.path), c.kind, cell(&c.message));
        }
        out.push('\n');
    }
    if !report.overdue.is_empty() {
        let _ = writeln!(out, "#### Past their scheduled removal on {} ({})\n", report.today, report.overdue.len());
        out.push_str("| Operation | Removal on or after | Line |\n|---|---|---|\n");
        for o in &report.overdue {
            let at = o.location.as_ref().map(|l| cell(&place(l))).unwrap_or_default();
            let _ = writeln!(out, "| `{}` | {} | {at} |", cell(&o.path), o.removal);
        }
        out.push('\n');
    }
    out
}
