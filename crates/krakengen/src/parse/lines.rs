//! Turning a reference file into logical lines.
//!
//! Every rendering is line-oriented once its quirks are undone: a byte-order mark and CRLF endings are
//! stripped, the rich rendering's blank lines and indentation are dropped, and the compact rendering's
//! glued lines (`}Variables`, `}}}}nextMutation`) are split in two. Each logical line remembers the line,
//! column and byte offset it came from, so every later diagnostic points at the original text.

use crate::model::{Rendering, Span};

/// One logical line: trimmed text plus where it starts in the file.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub text: &'a str,
    /// 1-based line number.
    pub line: u32,
    /// 1-based column of `text`'s first character.
    pub column: u32,
    /// Byte offset of `text` in the file.
    pub offset: usize,
}

impl Line<'_> {
    /// The span of the whole line.
    pub fn span(&self, file: u32) -> Span {
        self.span_of(file, 0, self.text.len())
    }

    /// The span of `text[start..end]`.
    pub fn span_of(&self, file: u32, start: usize, end: usize) -> Span {
        let start = start.min(self.text.len());
        let end = end.clamp(start, self.text.len());
        Span {
            file,
            line: self.line,
            column: self.column + self.text[..start].chars().count() as u32,
            offset: (self.offset + start) as u32,
            len: (end - start) as u32,
        }
    }

    /// The span of a substring of this line's text (which must point into it).
    pub fn span_sub(&self, file: u32, sub: &str) -> Span {
        let base = self.text.as_ptr() as usize;
        let p = sub.as_ptr() as usize;
        if p >= base && p + sub.len() <= base + self.text.len() {
            self.span_of(file, p - base, p - base + sub.len())
        } else {
            self.span(file)
        }
    }
}

/// Strips a UTF-8 byte-order mark, returning the text and the number of bytes removed.
pub fn strip_bom(text: &str) -> (&str, usize) {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, 3),
        None => (text, 0),
    }
}

/// How many lines [`detect`] reads: the tell-tale lines occur in every block, and a block is about
/// fifty lines, so this covers dozens of blocks while keeping detection cheap on large files.
const DETECT_LINES: usize = 2_000;

/// Guesses the rendering of a file from a few tell-tale lines among its first [`DETECT_LINES`].
pub fn detect(text: &str) -> Rendering {
    let mut compact = 0usize;
    let mut rich = 0usize;
    for raw in text.lines().take(DETECT_LINES) {
        let t = raw.trim();
        // Only error bullets count: a bullet in a description of another rendering is not a tell.
        if t == "NameDescription" || t.starts_with("• KT-") {
            rich += 1;
        }
        if (t.starts_with("Type:") && !t.starts_with("Type: "))
            || (t.starts_with("URL:") && !t.starts_with("URL: "))
            || t == "The possible errors that can be raised are:"
            || t == "API Site"
            || t.starts_with("}Variables")
            || t.starts_with("}Response")
        {
            compact += 1;
        }
    }
    if rich > 0 && rich >= compact {
        Rendering::Rich
    } else if compact > 0 {
        Rendering::Compact
    } else {
        Rendering::Standard
    }
}

/// Whether `text` looks like a reference page: among its first [`DETECT_LINES`] lines, a mutation
/// name on a line of its own directly followed by a `Type:` or `URL:` line, as every block starts.
/// Used to tell a user who passed a reference where another input was expected.
pub fn looks_like_reference(text: &str) -> bool {
    let mut previous_is_name = false;
    for raw in text.lines().take(DETECT_LINES) {
        let t = raw.trim();
        if previous_is_name && (t.starts_with("Type:") || t.starts_with("URL:")) {
            return true;
        }
        previous_is_name = !t.is_empty()
            && t.starts_with(|c: char| c.is_ascii_lowercase())
            && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    }
    false
}

/// Splits `text` (BOM already removed; `base` is the number of bytes removed before it) into logical lines.
pub fn split(text: &str, base: usize, rendering: Rendering) -> Vec<Line<'_>> {
    // Lines average some twenty bytes; over-reserving a little avoids regrowing a vector of a few
    // hundred thousand entries on large files (untouched capacity costs nothing).
    let mut out = Vec::with_capacity(text.len() / 16 + 1);
    let bytes = text.as_bytes();
    let mut line_start = 0usize;
    // One SIMD pass over the bytes (memchr): `str::split('\n')` sets its substring search up again
    // for every (short) line, and a byte-by-byte filter was an eighth of all parsing instructions.
    let ends = memchr::memchr_iter(b'\n', bytes).chain([bytes.len()]);
    for (index, end) in ends.enumerate() {
        let line_no = index as u32 + 1;
        // `\n` is ASCII, so both ends are character boundaries.
        let raw = &text[line_start..end];
        let start = line_start;
        line_start = end + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed_start = raw.trim_start();
        let lead = raw.len() - trimmed_start.len();
        let t = trimmed_start.trim_end();
        if t.is_empty() {
            continue;
        }
        let column = 1 + raw[..lead].chars().count() as u32;
        let line = Line { text: t, line: line_no, column, offset: base + start + lead };
        if rendering == Rendering::Compact {
            split_glued(line, &mut out);
        } else {
            out.push(line);
        }
    }
    out
}

/// Splits a compact-rendering line whose closing braces are glued to the next section or block name.
fn split_glued<'a>(line: Line<'a>, out: &mut Vec<Line<'a>>) {
    let t = line.text;
    let braces = t.len() - t.trim_start_matches('}').len();
    let rest = &t[braces..];
    let glued = braces > 0
        && !rest.is_empty()
        && rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !glued {
        out.push(line);
        return;
    }
    // Each brace becomes its own line so the JSON and operation scanners see ordinary closing lines.
    for k in 0..braces {
        out.push(Line { text: &t[k..k + 1], line: line.line, column: line.column + k as u32, offset: line.offset + k });
    }
    out.push(Line { text: rest, line: line.line, column: line.column + braces as u32, offset: line.offset + braces });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_bom_keep_positions() {
        let src = "\u{feff}a\r\n  b c \r\n\r\nd";
        let (text, base) = strip_bom(src);
        let lines = split(text, base, Rendering::Standard);
        let texts: Vec<_> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["a", "b c", "d"]);
        assert_eq!((lines[1].line, lines[1].column), (2, 3));
        assert_eq!(&src[lines[1].offset..lines[1].offset + 3], "b c");
        assert_eq!(lines[2].line, 4);
    }

    #[test]
    fn compact_glued_lines_are_split() {
        let lines = split("}}}nextOne\n}Variables\n}\n", 0, Rendering::Compact);
        let texts: Vec<_> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["}", "}", "}", "nextOne", "}", "Variables", "}"]);
        assert_eq!(lines[3].column, 4);
    }

    #[test]
    fn detects_renderings() {
        assert_eq!(detect("x\nType: Foo\nURL: u\n"), Rendering::Standard);
        assert_eq!(detect("API Site\nx\nType:Foo\n"), Rendering::Compact);
        assert_eq!(detect("x\n\nType: Foo\n\n  • KT-CT-1: a\n"), Rendering::Rich);
        assert_eq!(detect("x\nType: Foo\nURL: u\nA list:\n• one\n• two\n"), Rendering::Standard);
    }
}
