//! Diagnostics as data.
//!
//! Every problem krakengen finds is a [`Diagnostic`] with a severity, a stable code, a message, a short
//! label and a [`Span`]. Stages collect them into a [`Diagnostics`] list instead of stopping at the first
//! one, so a user sees every problem of a reference in one run. Rendering (miette's graphical report,
//! with file, line and column) is kept apart so tests can assert on the data and snapshot the text.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::model::Span;

mod code;
pub use code::Code;

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

impl Diagnostic {
    /// The diagnostic with its message and label cut to what a report shows: a message may quote
    /// the input, which can be a line of megabytes or thousands of lines. The message keeps at most
    /// [`MESSAGE_LINES`] lines, the label is one line, and neither holds control characters.
    pub fn clipped(&self) -> Diagnostic {
        let mut message = clip(&self.message, MESSAGE_BUDGET);
        if let Some((cut, _)) = message.match_indices('\n').nth(MESSAGE_LINES - 1) {
            message.truncate(cut);
            message.push_str(" …");
        }
        let label = clip(&self.label, LINE_BUDGET).replace(['\n', '\r'], " ");
        Diagnostic { message: without_controls(&message), label: without_controls(&label), ..self.clone() }
    }
}

/// `text` with control characters other than line breaks and tabs replaced by spaces.
fn without_controls(text: &str) -> String {
    text.chars().map(|c| if c.is_control() && c != '\n' && c != '\t' { ' ' } else { c }).collect()
}

/// An ordered list of diagnostics.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, severity: Severity, code: Code, span: Span, message: impl Into<String>, label: impl Into<String>) {
        self.0.push(Diagnostic { severity, code: code.as_str().to_string(), message: message.into(), label: label.into(), span });
    }

    pub fn warn(&mut self, code: Code, span: Span, message: impl Into<String>, label: impl Into<String>) {
        self.push(Severity::Warning, code, span, message, label);
    }

    pub fn error(&mut self, code: Code, span: Span, message: impl Into<String>, label: impl Into<String>) {
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

/// One file diagnostics can point into: its path as shown and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub path: String,
    /// Shared, so that every stage's report can hold the reference without copying it.
    pub text: std::sync::Arc<str>,
}

/// Every file the diagnostics of a run can point into, by file id: a span's `file` is an index
/// into this map. A stage that reads a file (the parser its references, the schema stage its
/// supplements and, when it fails, its own SDL) adds it here and gets its id, so ids are never
/// computed from another stage's counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    files: Vec<Source>,
}

impl SourceMap {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, path: impl Into<String>, text: impl Into<std::sync::Arc<str>>) -> u32 {
        self.files.push(Source { path: path.into(), text: text.into() });
        (self.files.len() - 1) as u32
    }

    /// The file with id `file`.
    pub fn get(&self, file: u32) -> Option<&Source> {
        self.files.get(file as usize)
    }

    /// The id the next added file gets.
    pub fn next_id(&self) -> u32 {
        self.files.len() as u32
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Source> {
        self.files.iter()
    }

    /// The path of file `file`, or `fallback` for a diagnostic that points at no file.
    pub fn path_or<'a>(&'a self, file: u32, fallback: &'a str) -> &'a str {
        self.get(file).map_or(fallback, |s| s.path.as_str())
    }
}

impl std::ops::Index<usize> for SourceMap {
    type Output = str;

    /// The text of file `index`.
    fn index(&self, index: usize) -> &str {
        &self.files[index].text
    }
}

/// Diagnostics with the sources they point into: what every stage and the pipeline hand out, so
/// that a report can be rendered wherever it ends up without the caller finding its files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub diagnostics: Diagnostics,
    pub sources: SourceMap,
}

impl Report {
    pub fn new(diagnostics: Diagnostics, sources: SourceMap) -> Self {
        Report { diagnostics, sources }
    }

    /// The diagnostics rendered with `options` (see [`render`]).
    pub fn render(&self, options: impl Into<RenderOptions>) -> String {
        render(&self.diagnostics, &self.sources, options)
    }

    /// Only the errors, for commands whose business is not the warnings.
    pub fn errors_only(&self) -> Report {
        let errors = self.diagnostics.iter().filter(|d| d.severity == Severity::Error).cloned().collect();
        Report { diagnostics: Diagnostics(errors), sources: self.sources.clone() }
    }
}

/// How diagnostics are rendered: in colour or not, and how many per file at most.
///
/// Whatever the input, the rendered text stays bounded: at most [`RenderOptions::max_per_file`]
/// diagnostics of a file are shown (the rest are counted by code), a source line longer than the
/// line budget is clipped to a window around the span, and a message is cut after a few hundred
/// characters. A `bool` converts into the default options with that colour setting, so
/// `render(&d, &sources, false)` reads as before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    /// ANSI colours (for terminals).
    pub color: bool,
    /// How many diagnostics of one file are rendered; the others are only counted.
    pub max_per_file: usize,
}

impl RenderOptions {
    /// The default cap of rendered diagnostics per file: enough to see every kind of problem of a
    /// broken reference, few enough that a file of junk cannot flood a terminal or a CI log.
    pub const DEFAULT_MAX_PER_FILE: usize = 50;

    /// Plain text, with the default cap.
    pub fn new() -> Self {
        RenderOptions { color: false, max_per_file: Self::DEFAULT_MAX_PER_FILE }
    }

    #[must_use]
    pub fn with_color(mut self, color: bool) -> Self {
        self.color = color;
        self
    }

    #[must_use]
    pub fn with_max_per_file(mut self, max: usize) -> Self {
        self.max_per_file = max;
        self
    }
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl From<bool> for RenderOptions {
    fn from(color: bool) -> Self {
        RenderOptions::new().with_color(color)
    }
}

/// The most characters of one source line a snippet shows; longer lines are clipped around the span.
/// With the gutter this keeps every snippet line within the 100 columns the report is wrapped to.
const LINE_BUDGET: usize = 80;
/// How many characters before the span a clipped line keeps.
const LEAD: usize = 24;
/// The most characters of a message that are rendered.
const MESSAGE_BUDGET: usize = 400;
/// The most lines of a message that are rendered (an invalid-document message quotes the document).
const MESSAGE_LINES: usize = 12;

/// A few lines of a file, reporting their true line numbers to miette so the rendered header shows
/// `path:line:column` of the whole file although only the window is copied (and maybe clipped).
#[derive(Debug)]
struct Window {
    name: String,
    text: String,
    /// 0-based line number of the window's first line.
    first_line: usize,
    /// The 0-based column of the span in characters, from the diagnostic: miette would count bytes
    /// of the window, which differ from the file's characters after a multi-byte character or a
    /// clipped line start.
    column: usize,
}

impl miette::SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        // miette reads the primary label's span without context to head the report with its
        // position; only that column is shown.
        let column = if before == 0 && after == 0 { self.column } else { inner.column() };
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line,
            column,
            inner.line_count(),
        )))
    }
}

/// One diagnostic as miette reports it; without a source (a problem with an option, or a position
/// outside its file) it is the same report with no snippet.
#[derive(Debug)]
struct Miette<'a> {
    diag: &'a Diagnostic,
    source: Option<Window>,
}

impl std::fmt::Display for Miette<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl std::error::Error for Miette<'_> {}

impl miette::Diagnostic for Miette<'_> {
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
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        self.source.as_ref()?;
        let span = miette::SourceSpan::new((self.diag.span.offset as usize).into(), self.diag.span.len as usize);
        Some(Box::new(std::iter::once(miette::LabeledSpan::new_with_span(Some(self.diag.label.clone()), span))))
    }
}

/// Renders diagnostics as miette reports (plain text unless colour is asked for), each headed by
/// `path:line:column`, within the bounds of [`RenderOptions`].
///
/// Files are looked up by the span's file index; a diagnostic whose file is unknown, or whose span
/// does not lie inside its file, is rendered as a one-line message without a snippet, so nothing is
/// ever dropped and nothing out of range reaches miette. Diagnostics of one file beyond the cap are
/// summed up by code after the rest.
pub fn render(diags: &Diagnostics, sources: &SourceMap, options: impl Into<RenderOptions>) -> String {
    let options = options.into();
    let theme = if options.color { miette::GraphicalTheme::unicode() } else { miette::GraphicalTheme::unicode_nocolor() };
    let handler = miette::GraphicalReportHandler::new_themed(theme).with_width(100).with_context_lines(1);
    let mut out = String::new();
    let capped = diags.capped(options.max_per_file);
    for d in &capped.shown {
        let mut local = d.clipped();
        let source = match sources.get(d.span.file) {
            None => None,
            Some(src) if d.span.offset as usize > src.text.len() => {
                local.message = format!(
                    "{} (at {}:{}:{}, which lies outside the file of {} bytes)",
                    local.message,
                    src.path,
                    d.span.line,
                    d.span.column,
                    src.text.len()
                );
                None
            }
            Some(src) => Some(snippet(src, d, &mut local.span)),
        };
        let _ = handler.render_report(&mut out, &Miette { diag: &local, source });
        out.push('\n');
    }
    for (file, codes) in &capped.omitted {
        let total: usize = codes.values().sum();
        let path = sources.path_or(*file, "the options");
        let by_code: Vec<String> = codes.iter().map(|(code, n)| format!("{code} ×{n}")).collect();
        let _ = writeln!(
            out,
            "… and {total} more diagnostic{} of {path} not shown ({}); the limit is {} per file\n",
            if total == 1 { "" } else { "s" },
            by_code.join(", "),
            options.max_per_file
        );
    }
    out
}

/// Diagnostics cut to a number per file, as [`Diagnostics::capped`] gives them.
#[derive(Debug, Serialize)]
pub struct Capped<'a> {
    /// The diagnostics shown, in their order.
    pub shown: Vec<&'a Diagnostic>,
    /// Per file index, the codes of the diagnostics left out and how many of each.
    pub omitted: std::collections::BTreeMap<u32, std::collections::BTreeMap<&'a str, usize>>,
}

impl Diagnostics {
    /// The first `max_per_file` diagnostics of every file (by span file index), and a count by code
    /// of the rest: what the renderer shows, and what JSON outputs carry.
    pub fn capped(&self, max_per_file: usize) -> Capped<'_> {
        let mut shown = Vec::new();
        let mut per_file: std::collections::BTreeMap<u32, usize> = std::collections::BTreeMap::new();
        let mut omitted: std::collections::BTreeMap<u32, std::collections::BTreeMap<&str, usize>> = Default::default();
        for d in self.iter() {
            let count = per_file.entry(d.span.file).or_default();
            if *count >= max_per_file {
                *omitted.entry(d.span.file).or_default().entry(d.code.as_str()).or_default() += 1;
            } else {
                *count += 1;
                shown.push(d);
            }
        }
        Capped { shown, omitted }
    }
}

/// `text` cut after `budget` characters, with an ellipsis saying so.
pub fn clip(text: &str, budget: usize) -> String {
    match text.char_indices().nth(budget) {
        None => text.to_string(),
        Some((end, _)) => format!("{}…", &text[..end]),
    }
}

/// The window of lines around `d`'s span, clipped to the line budget, with `span` (a copy of the
/// diagnostic's) rewritten to point into it. The span's offset must lie inside the file.
fn snippet(src: &Source, d: &Diagnostic, span: &mut Span) -> Window {
    let offset = floor_boundary(&src.text, d.span.offset as usize);
    // Only the lines around the span are handed to miette: rendering a 100 MB file must not copy
    // it once per diagnostic.
    let (start, end) = window(&src.text, offset);
    let text = printable(&src.text[start..end]);
    let local = offset - start;
    // The span knows its line, so only the lines between the window's start and the span are
    // counted: counting from the start of the file for every diagnostic made rendering quadratic
    // (minutes for a few thousand diagnostics in a large file).
    let span_line = text[..local].bytes().filter(|&b| b == b'\n').count();
    let first_line = (d.span.line as usize).saturating_sub(1 + span_line);
    let len = (d.span.len as usize).min(text.len() - local);
    let clipped = clip_lines(&text, local, len);
    span.offset = clipped.offset as u32;
    span.len = clipped.len as u32;
    Window { name: src.path.to_string(), text: clipped.text, first_line, column: (d.span.column as usize).saturating_sub(1) }
}

/// The largest char boundary of `text` at or before `offset` (which is at most `text.len()`).
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Lines clipped to the line budget, and where the span now is.
struct Clipped {
    text: String,
    /// Byte offset and length of the span in `text`.
    offset: usize,
    len: usize,
}

/// Clips every line of `text` longer than [`LINE_BUDGET`] characters to the same range of columns,
/// chosen so the span (at byte `offset`, `len` bytes) starts [`LEAD`] characters in, with an
/// ellipsis where something was cut. A clipped span ends at the end of its clipped line.
fn clip_lines(text: &str, offset: usize, len: usize) -> Clipped {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let too_long = |l: &str| l.trim_end_matches(['\n', '\r']).chars().nth(LINE_BUDGET).is_some();
    if !lines.iter().any(|l| too_long(l)) {
        return Clipped { text: text.to_string(), offset, len };
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count();
    let from = column.saturating_sub(LEAD);
    let to = from + LINE_BUDGET;
    let mut out = String::with_capacity(lines.len() * (LINE_BUDGET * 4 + 8));
    let (mut new_offset, mut new_len) = (0, 0);
    let mut at = 0;
    for line in lines {
        let end_of_line = if line.ends_with("\r\n") { "\r\n" } else if line.ends_with('\n') { "\n" } else { "" };
        let body = &line[..line.len() - end_of_line.len()];
        let holds_span = (at..=at + body.len()).contains(&offset) && line_start == at;
        // Byte positions of the kept characters.
        let mut chars = body.char_indices().map(|(i, _)| i).chain(std::iter::once(body.len()));
        let a = chars.nth(from).unwrap_or(body.len());
        let b = chars.nth(to - from - 1).unwrap_or(body.len());
        let line_out_start = out.len();
        if from > 0 {
            out.push('…');
        }
        out.push_str(&body[a..b]);
        if b < body.len() {
            out.push('…');
        }
        if holds_span {
            let span_at = (offset - at).clamp(a, b);
            new_offset = line_out_start + if from > 0 { '…'.len_utf8() } else { 0 } + (span_at - a);
            new_len = len.min(b - span_at);
        }
        out.push_str(end_of_line);
        at += line.len();
    }
    Clipped { text: out, offset: new_offset, len: new_len }
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
    let offset = floor_boundary(text, offset);
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let start = text[..line_start.saturating_sub(1)].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i + 1);
    let end = text[line_end..].find('\n').map_or(text.len(), |i| line_end + i + 1);
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A diagnostic with any code, for tests of the renderer alone.
    fn push_code(d: &mut Diagnostics, severity: Severity, code: &str, span: Span, message: impl Into<String>, label: impl Into<String>) {
        d.0.push(Diagnostic { severity, code: code.to_string(), message: message.into(), label: label.into(), span });
    }

    /// A source map of one file.
    fn file(path: &str, text: &str) -> SourceMap {
        let mut sources = SourceMap::new();
        sources.add(path, text);
        sources
    }

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
        push_code(&mut d, Severity::Error, "bad-thing", Span { file: 0, line: 2, column: 3, offset: 6, len: 1 }, "something is wrong", "here");
        let out = render(&d, &file("ref.txt", text), false);
        assert!(out.contains("ref.txt:2:3"), "{out}");
        let gutters: Vec<&str> = out.lines().filter_map(|l| l.split_once(" │ ").map(|(g, _)| g.trim())).collect();
        assert_eq!(gutters, ["1", "2", "3"], "{out}");
        assert_eq!(printable("a\u{1b}[31m\u{85}b\r\n\tc\r"), "a [31m  b\r\n\tc ");
    }

    fn one(span: Span, message: &str) -> Diagnostics {
        let mut d = Diagnostics::new();
        push_code(&mut d, Severity::Error, "bad-thing", span, message, "here");
        d
    }

    /// The widest line of a rendering, in characters.
    fn widest(out: &str) -> usize {
        out.lines().map(|l| l.chars().count()).max().unwrap_or(0)
    }

    #[test]
    fn long_lines_are_clipped_around_the_span() {
        let line: String = (0..300).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
        let text = format!("first\n{line}\n{line}\nlast\n");
        let offset = 6 + 200;
        let d = one(Span { file: 0, line: 2, column: 201, offset: offset as u32, len: 3 }, "a problem in a long line");
        let out = render(&d, &file("long.txt", &text), false);
        assert!(widest(&out) <= 100, "{out}");
        insta::assert_snapshot!(out);
    }

    #[test]
    fn columns_beyond_what_formatting_widths_allow_render() {
        // Rust formatting widths stop at 65535; a snippet that wide used to panic inside miette.
        let text = "x".repeat(200_000);
        let d = one(Span { file: 0, line: 1, column: 150_001, offset: 150_000, len: 40_000 }, "deep in a long line");
        let out = render(&d, &file("wide.txt", &text), false);
        assert!(out.contains("wide.txt:1:150001"), "{out}");
        assert!(widest(&out) <= 100, "{out}");
        assert!(out.len() < 2_000, "{} bytes", out.len());
    }

    #[test]
    fn columns_count_characters() {
        let d = one(Span { file: 0, line: 1, column: 5, offset: 8, len: 1 }, "after multi-byte characters");
        let out = render(&d, &file("u.txt", "éééé x\n"), false);
        assert!(out.contains("u.txt:1:5"), "{out}");
    }

    #[test]
    fn a_span_outside_its_file_is_reported_without_a_snippet() {
        let d = one(Span { file: 0, line: 40, column: 2, offset: 1_000, len: 5 }, "somewhere else");
        let out = render(&d, &file("small.txt", "tiny\n"), false);
        assert_eq!(out, "krakengen::bad-thing\n\n  × somewhere else (at small.txt:40:2, which lies outside the file of 5 bytes)\n\n");
        // Without a file, the same style of report without a snippet.
        let out = render(&one(Span { file: 7, ..Span::default() }, "no such file"), &SourceMap::new(), false);
        assert_eq!(out, "krakengen::bad-thing\n\n  × no such file\n\n");
    }

    #[test]
    fn long_messages_are_cut() {
        let d = one(Span { file: 0, line: 1, column: 1, offset: 0, len: 1 }, &"word ".repeat(100_000));
        let out = render(&d, &file("m.txt", "m\n"), false);
        assert!(out.len() < 2_000, "{} bytes", out.len());
        assert!(out.contains('…'), "{out}");
    }

    #[test]
    fn messages_of_many_lines_are_cut_and_lose_control_characters() {
        let mut d = Diagnostics::new();
        let span = Span { file: 0, line: 1, column: 1, offset: 0, len: 1 };
        push_code(&mut d, Severity::Error, "many-lines", span, format!("first\0{}", "\n".repeat(300)), "a\nlabel\nof lines");
        let out = render(&d, &file("m.txt", "m\n"), false);
        assert!(out.lines().count() < 30, "{out}");
        assert!(!out.contains('\0'), "{out:?}");
        assert!(out.contains("a label of lines"), "{out}");
    }

    #[test]
    fn at_most_the_cap_per_file_is_rendered_and_the_rest_counted() {
        let text = "line\n".repeat(100);
        let mut d = Diagnostics::new();
        for i in 0..60u32 {
            let code = if i % 3 == 0 { "often" } else { "seldom" };
            push_code(&mut d, Severity::Warning, code, Span { file: 0, line: i + 1, column: 1, offset: i * 5, len: 4 }, format!("problem {i}"), "");
        }
        push_code(&mut d, Severity::Error, "elsewhere", Span { file: 1, line: 1, column: 1, offset: 0, len: 1 }, "in the other file", "");
        let mut sources = file("a.txt", &text);
        sources.add("b.txt", "b\n");
        let out = render(&d, &sources, RenderOptions::new().with_max_per_file(2));
        assert_eq!(out.matches("problem ").count(), 2, "{out}");
        assert!(out.contains("in the other file"), "{out}");
        insta::assert_snapshot!(out);
        let capped = d.capped(50);
        assert_eq!((capped.shown.len(), capped.omitted[&0]["often"], capped.omitted[&0]["seldom"]), (51, 3, 7));
    }

    #[test]
    fn render_names_file_line_and_column() {
        let mut d = Diagnostics::new();
        push_code(&mut d, Severity::Error, "bad-thing", Span { file: 0, line: 2, column: 3, offset: 6, len: 3 }, "something is wrong", "here");
        let out = render(&d, &file("ref.txt", "abc\nxyzabc\n"), false);
        assert!(out.contains("ref.txt:2:3"), "{out}");
        assert!(out.contains("krakengen::bad-thing"), "{out}");
        assert!(out.contains("here"), "{out}");
    }
}
