//! The three forms of a lint report: text for a terminal, the stable JSON of `docs/lint.md`, and
//! Markdown for a pull-request comment.

use std::fmt::Write as _;

use super::{Kind, Report};

/// One line per finding (`file:line:column: kind: message [operation]`), then a summary line.
pub fn text(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let _ = write!(out, "{}:{}:{}: {}: {}", f.file, f.line, f.column, f.kind.word(), f.message);
        if let Some(op) = &f.operation {
            let _ = write!(out, " [{op}]");
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", summary_line(report));
    out
}

fn summary_line(report: &Report) -> String {
    let s = &report.summary;
    let counts: Vec<String> = s.counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
    format!(
        "{} operation(s) in {} document(s) of {} file(s): {}",
        s.operations.len(),
        s.documents,
        s.files,
        if counts.is_empty() { "no findings".to_string() } else { counts.join(", ") }
    )
}

/// `{"findings": [...], "summary": {...}}`, pretty-printed, with a final line break.
pub fn json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).expect("the report serializes");
    s.push('\n');
    s
}

/// A heading with the summary, then a table of findings, worst first.
pub fn markdown(report: &Report) -> String {
    let mut out = String::from("## krakengen lint\n\n");
    let _ = writeln!(out, "{}\n", summary_line(report));
    if report.findings.is_empty() {
        return out;
    }
    out.push_str("| | Where | Operation | Finding |\n|---|---|---|---|\n");
    let mut rows: Vec<_> = report.findings.iter().collect();
    rows.sort_by_key(|f| f.kind);
    for f in rows {
        let mark = match f.kind {
            Kind::Invalid | Kind::Removed => "❌",
            Kind::Overdue => "⏰",
            Kind::Deprecated => "⚠️",
            Kind::Unchecked => "❔",
        };
        let _ = writeln!(
            out,
            "| {mark} {} | `{}:{}:{}` | {} | {} |",
            f.kind.word(),
            cell(&f.file),
            f.line,
            f.column,
            f.operation.as_deref().map_or(String::new(), |o| format!("`{}`", cell(o))),
            cell(&f.message)
        );
    }
    out
}

/// Text safe in a table cell: pipes escaped, line breaks as spaces.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}
