//! Reference text → inert documentation attributes.
//!
//! Descriptions come from a document we do not control. Rust-level safety is already guaranteed by
//! emitting them as `#[doc = "..."]` string literals through `quote!` (a `*/`, a quote, a `");` or a
//! backslash is just a character in a literal). This module adds the rustdoc-level safety: the text
//! is Markdown to rustdoc, so a line starting with three backticks or four spaces would become a
//! doctest that `cargo test` compiles, `<script>` would be raw HTML, and `[Foo]` an intra-doc link
//! that warns when broken. Those characters are backslash-escaped (CommonMark renders `\<` as `<`),
//! lines are trimmed, and control characters other than tab are replaced by spaces. Everything else,
//! non-ASCII and emoji included, is kept as written.

use proc_macro2::TokenStream;
use quote::quote;

/// Splits `text` into sanitized documentation lines: trimmed, Markdown-escaped, no leading or
/// trailing blank lines, no runs of blank lines.
pub(crate) fn lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for raw in text.split(['\n', '\r', '\u{2028}', '\u{2029}']) {
        let line = escape(raw.trim());
        if line.is_empty() && out.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        out.push(line);
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out
}

/// Escapes the Markdown characters that could change what rustdoc does with a line.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '<' | '>' | '[' | ']' | '&' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            // A leading `#` starts a heading; harmless, but escaped so that a description reads as
            // the text it is. Only the first character matters, and lines are trimmed.
            '#' if out.is_empty() => out.push_str("\\#"),
            '\t' => out.push(' '),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Builder for the documentation of one item: paragraphs of sanitized reference text and of the
/// generator's own sentences, separated by blank lines.
#[derive(Default)]
pub(crate) struct Doc {
    paragraphs: Vec<Vec<String>>,
}

impl Doc {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Adds reference text (escaped); does nothing for `None` or blank text.
    pub(crate) fn text(mut self, text: Option<&str>) -> Self {
        if let Some(t) = text {
            let l = lines(t);
            if !l.is_empty() {
                self.paragraphs.push(l);
            }
        }
        self
    }

    /// Adds one line written by the generator. It may use Markdown on purpose (backticks around a
    /// GraphQL name); any reference text inside it must have been passed through [`escape`].
    pub(crate) fn line(mut self, line: impl Into<String>) -> Self {
        self.paragraphs.push(vec![line.into()]);
        self
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// The `#[doc = " ..."]` attributes, one per line, with an empty attribute between paragraphs.
    pub(crate) fn attrs(&self) -> TokenStream {
        let mut out = TokenStream::new();
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                out.extend(quote!(#[doc = ""]));
            }
            for l in p {
                let l = if l.is_empty() { String::new() } else { format!(" {l}") };
                out.extend(quote!(#[doc = #l]));
            }
        }
        out
    }
}

/// Formats a GraphQL name (or any reference word) as inline code for generated sentences. Names
/// that contain a backtick cannot be code spans safely, so they are escaped as plain text instead.
pub(crate) fn code(name: &str) -> String {
    if name.contains('`') || name.contains(['\n', '\r']) {
        escape(name)
    } else {
        format!("`{name}`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_escaped_line_by_line() {
        let l = lines("  first */ \"q\" \\ \");\n\n\n```rust\n    fn main() {}\n<script>alert(1)</script> [Link] 🦀 café\r\n");
        assert_eq!(
            l,
            vec![
                "first */ \"q\" \\\\ \");".to_string(),
                String::new(),
                "\\`\\`\\`rust".into(),
                "fn main() {}".into(),
                "\\<script\\>alert(1)\\</script\\> \\[Link\\] 🦀 café".into(),
            ]
        );
        assert!(lines(" \n \n").is_empty());
        assert_eq!(escape("a\u{0}b\tc"), "a b c");
        assert_eq!(escape("# title"), "\\# title");
    }

    #[test]
    fn code_spans_only_when_safe() {
        assert_eq!(code("acceptGoodsQuote"), "`acceptGoodsQuote`");
        assert_eq!(code("a`b"), "a\\`b");
    }
}
