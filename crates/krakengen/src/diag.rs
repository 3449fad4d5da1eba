//! Diagnostics as data.
//!
//! Every problem krakengen finds is a [`Diagnostic`] with a severity, a stable code, a message, a short
//! label and a [`Span`]. Stages collect them into a [`Diagnostics`] list instead of stopping at the first
//! one, so a user sees every problem of a reference in one run. Rendering (miette's graphical report,
//! with file, line and column) is kept apart so tests can assert on the data and snapshot the text.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::model::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Warning,
    Error,
}

/// One problem, pointing at a place in a reference file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable, kebab-case code such as `unmatched-rows`.
    pub code: String,
    pub message: String,
    /// A short label shown under the source line.
    pub label: String,
    pub span: Span,
}

/// An ordered list of diagnostics.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, severity: Severity, code: &str, span: Span, message: impl Into<String>, label: impl Into<String>) {
        self.0.push(Diagnostic { severity, code: code.to_string(), message: message.into(), label: label.into(), span });
    }

    pub fn warn(&mut self, code: &str, span: Span, message: impl Into<String>, label: impl Into<String>) {
        self.push(Severity::Warning, code, span, message, label);
    }

    pub fn error(&mut self, code: &str, span: Span, message: impl Into<String>, label: impl Into<String>) {
        self.push(Severity::Error, code, span, message, label);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn errors(&self) -> usize {
        self.0.iter().filter(|d| d.severity == Severity::Error).count()
    }

    pub fn warnings(&self) -> usize {
        self.0.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Sorts by file, position, then code, so output does not depend on the order stages ran in.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (a.span.file, a.span.offset, &a.code, &a.message).cmp(&(b.span.file, b.span.offset, &b.code, &b.message))
        });
    }
}

/// The text of one source file, for rendering diagnostics.
pub struct SourceText<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

/// A few lines of a file, reporting their true line numbers to miette so the rendered header shows
/// `path:line:column` of the whole file although only the window is copied.
#[derive(Debug)]
struct Window {
    name: String,
    text: String,
    /// 0-based line number of the window's first line.
    first_line: usize,
}

impl miette::SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line,
            inner.column(),
            inner.line_count(),
        )))
    }
}

#[derive(Debug)]
struct Report<'a> {
    diag: &'a Diagnostic,
    source: Window,
}

impl std::fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        Some(Box::new(format!("krakengen::{}", self.diag.code)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
            Severity::Warning => miette::Severity::Warning,
            Severity::Error => miette::Severity::Error,
        })
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = miette::SourceSpan::new((self.diag.span.offset as usize).into(), self.diag.span.len as usize);
        Some(Box::new(std::iter::once(miette::LabeledSpan::new_with_span(Some(self.diag.label.clone()), span))))
    }
}

/// Renders diagnostics as miette reports (plain text unless `color`), each headed by
/// `path:line:column`.
///
/// Files are looked up by the span's file index; a diagnostic whose file is unknown is rendered as a
/// one-line message so nothing is ever dropped.
pub fn render(diags: &Diagnostics, sources: &[SourceText<'_>], color: bool) -> String {
    let theme = if color { miette::GraphicalTheme::unicode() } else { miette::GraphicalTheme::unicode_nocolor() };
    let handler = miette::GraphicalReportHandler::new_themed(theme).with_width(100).with_context_lines(1);
    let mut out = String::new();
    for d in diags.iter() {
        let Some(src) = sources.get(d.span.file as usize) else {
            let _ = writeln!(out, "{:?}: {}", d.severity, d.message);
            continue;
        };
        // Only the lines around the span are handed to miette: rendering a 100 MB file must not copy
        // it once per diagnostic.
        let (start, end) = window(src.text, d.span.offset as usize);
        let mut local = d.clone();
        local.span.offset = (d.span.offset as usize).clamp(start, end) as u32 - start as u32;
        local.span.len = local.span.len.min((end - start) as u32 - local.span.offset);
        let report = Report {
            diag: &local,
            source: Window {
                name: src.path.to_string(),
                text: printable(&src.text[start..end]),
                // The span knows its line, so only the lines between the window's start and the span
                // are counted: counting from the start of the file for every diagnostic made
                // rendering quadratic (minutes for a few thousand diagnostics in a large file).
                first_line: (d.span.line as usize)
                    .saturating_sub(1 + src.text[start..start + local.span.offset as usize].bytes().filter(|&b| b == b'\n').count()),
            },
        };
        let _ = handler.render_report(&mut out, &report);
        out.push('\n');
    }
    out
}

/// Replaces control characters other than line breaks and tabs with spaces, one per byte so every
/// byte offset stays valid. A lone `\r` matters most: miette's line counting takes it for a line
/// break where its drawing does not (and the parser counts only `\n`), which shifted the reported
/// line of anything after it; other control characters (binary input) would reach the terminal.
fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let keep = !c.is_control() || c == '\n' || c == '\t' || (c == '\r' && chars.peek() == Some(&'\n'));
        if keep {
            out.push(c);
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    out
}

/// The byte range of the line holding `offset` plus one line either side.
fn window(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let start = text[..line_start.saturating_sub(1)].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i + 1);
    let end = text[line_end..].find('\n').map_or(text.len(), |i| line_end + i + 1);
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_is_local() {
        let text = "a\nb\nc\nd\ne\nf\ng\nh\n";
        let off = text.find('e').unwrap();
        let (s, e) = window(text, off);
        assert_eq!(&text[s..e], "d\ne\nf\n");
        assert_eq!(window(text, 0), (0, 4));
        assert_eq!(window("", 5), (0, 0));
    }

    #[test]
    fn lone_carriage_returns_do_not_shift_line_numbers() {
        let mut d = Diagnostics::new();
        let text = "a\rb\nx\ryz\r\nlast\n";
        d.error("bad-thing", Span { file: 0, line: 2, column: 3, offset: 6, len: 1 }, "something is wrong", "here");
        let out = render(&d, &[SourceText { path: "ref.txt", text }], false);
        assert!(out.contains("ref.txt:2:3"), "{out}");
        let gutters: Vec<&str> = out.lines().filter_map(|l| l.split_once(" │ ").map(|(g, _)| g.trim())).collect();
        assert_eq!(gutters, ["1", "2", "3"], "{out}");
        assert_eq!(printable("a\u{1b}[31m\u{85}b\r\n\tc\r"), "a [31m  b\r\n\tc ");
    }

    #[test]
    fn render_names_file_line_and_column() {
        let mut d = Diagnostics::new();
        d.error("bad-thing", Span { file: 0, line: 2, column: 3, offset: 6, len: 3 }, "something is wrong", "here");
        let out = render(&d, &[SourceText { path: "ref.txt", text: "abc\nxyzabc\n" }], false);
        assert!(out.contains("ref.txt:2:3"), "{out}");
        assert!(out.contains("krakengen::bad-thing"), "{out}");
        assert!(out.contains("here"), "{out}");
    }
}
