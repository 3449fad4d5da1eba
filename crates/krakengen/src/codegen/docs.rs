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

    /// The documentation as attributes: in effect one `#[doc = " ..."]` per line, with an empty
    /// attribute between paragraphs.
    ///
    /// Inside [`Marked::build`] what is emitted is a single marker attribute standing for all the
    /// lines, which the formatter replaces by the lines (see [`Marked`]). The whole text is
    /// returned as real attributes instead outside it, and when a line holds a line break, because
    /// prettyplease prints such a line as a block comment.
    pub(crate) fn attrs(&self) -> TokenStream {
        if self.paragraphs.is_empty() {
            return TokenStream::new();
        }
        if self.paragraphs.iter().flatten().any(|l| l.contains('\n')) {
            return self.literal_attrs();
        }
        let mut block = String::new();
        for (i, p) in self.paragraphs.iter().enumerate() {
            if i > 0 {
                // The empty line between paragraphs.
                block.push_str("\n\n");
            }
            for (j, l) in p.iter().enumerate() {
                if j > 0 {
                    block.push('\n');
                }
                if !l.is_empty() {
                    block.push(' ');
                    block.push_str(l);
                }
            }
        }
        match record(|s| s.push_block(block)) {
            Some(i) => marker_attr(&format!("{MARKER}{i}")),
            None => self.literal_attrs(),
        }
    }

    /// One real `#[doc]` attribute per line.
    fn literal_attrs(&self) -> TokenStream {
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

/// The first character of a marker doc attribute: BEL, a control character, which [`escape`] turns
/// into a space in reference text and which no sentence of the generator contains, so a formatted
/// line `///\u{7}` can only be a marker.
const MARKER: char = '\u{7}';

/// What the markers of one token stream stand for: documentation blocks and verbatim items by
/// number (`///\u{7}12`, `///\u{7}V3`), fixed attributes by number (`///\u{7}F0`).
///
/// Most of the generated Rust is documentation, and putting it through `quote!`, `syn` and
/// `prettyplease` costs a string escape, two unescapes and several copies per line, for text those
/// steps never change: prettyplease prints a `#[doc = " text"]` attribute as `/// text` on its own
/// line, at the indentation of the item, whatever the text. So the tokens carry one short marker
/// per item and the text is written straight into the formatted output.
#[derive(Debug, Default, Clone)]
pub(crate) struct Splices {
    blocks: Vec<String>,
    fixed: Vec<&'static str>,
}

impl Splices {
    fn push_block(&mut self, block: String) -> usize {
        self.blocks.push(block);
        self.blocks.len() - 1
    }
}

/// Tokens together with what their markers stand for: the only way to get markers, so tokens are
/// never formatted against another stream's texts.
#[derive(Debug, Clone)]
pub(crate) struct Marked {
    tokens: TokenStream,
    splices: Splices,
}

thread_local! {
    /// The texts recorded by the [`Marked::build`] running on this thread, if one is. Tokens are
    /// built on one thread (format workers build their own), so the builders below record into
    /// the build that called them without every emitter passing it along.
    static BUILDING: std::cell::RefCell<Option<Splices>> = const { std::cell::RefCell::new(None) };

    /// Each fixed attribute as prettyplease prints it, by text and indentation, made on first use:
    /// a cache of a pure function, shared by every build on the thread.
    static FIXED_TEXT: std::cell::RefCell<std::collections::HashMap<(&'static str, usize), String>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Records a text in the running build and returns its number, or `None` outside any build (the
/// caller then emits real tokens).
fn record(push: impl FnOnce(&mut Splices) -> usize) -> Option<usize> {
    BUILDING.with(|b| b.borrow_mut().as_mut().map(push))
}

fn marker_attr(marker: &str) -> TokenStream {
    quote!(#[doc = #marker])
}

impl Marked {
    /// Runs `build` and keeps the texts its markers stand for. A build inside another records into
    /// the outer one (its tokens may end up in the outer stream) and gets a copy of its texts.
    pub(crate) fn build(build: impl FnOnce() -> TokenStream) -> Marked {
        /// Ends the build even when `build` unwinds, so no later build on the thread sees its texts.
        struct End;
        impl Drop for End {
            fn drop(&mut self) {
                BUILDING.with(|b| b.borrow_mut().take());
            }
        }
        let nested = BUILDING.with(|b| {
            let mut b = b.borrow_mut();
            let nested = b.is_some();
            b.get_or_insert_with(Splices::default);
            nested
        });
        // Not `then_some(End)`: its argument would be built, and dropped, in every case.
        let end = if nested { None } else { Some(End) };
        let tokens = build();
        let splices = BUILDING.with(|b| if nested { b.borrow().clone() } else { b.borrow_mut().take() }).unwrap_or_default();
        drop(end);
        Marked { tokens, splices }
    }

    /// The tokens, given up; [`Marked::splice`] still needs `self`'s texts.
    pub(crate) fn take_tokens(&mut self) -> TokenStream {
        std::mem::take(&mut self.tokens)
    }
}

/// A fixed outer attribute (`#[derive(::std::fmt::Debug, …)]`), written inside a build as a marker
/// that the formatter replaces by the attribute exactly as prettyplease prints it at that
/// indentation.
///
/// Thousands of items carry one of a handful of derive lists, dozens of tokens each, which syn would
/// otherwise parse and prettyplease print again for every item; here each text is formatted once per
/// thread and indentation. `source` must be one outer attribute.
pub(crate) fn fixed(source: &'static str) -> TokenStream {
    let number = record(|s| {
        s.fixed.iter().position(|f| std::ptr::eq(*f, source) || *f == source).unwrap_or_else(|| {
            s.fixed.push(source);
            s.fixed.len() - 1
        })
    });
    match number {
        Some(i) => marker_attr(&format!("{MARKER}F{i}")),
        None => source.parse().expect("a fixed attribute is Rust"),
    }
}

/// The name of the placeholder item a [`verbatim`] marker documents; the splice removes it.
const VERBATIM_ITEM: &str = "struct __KrakengenVerbatim;";

/// Items written as text, spliced in after formatting in place of a marker on a placeholder item.
/// `text` is one or more items indented as at the top level; each line is indented like the
/// placeholder. Outside a build the text is parsed into tokens.
///
/// This is for the thousands of mechanical items whose shape the generator fixes (the structs'
/// serde impls): putting their tokens through syn and prettyplease tripled the generator's time for
/// text that needs no layout decisions. They are checked as Rust where the generated crates are
/// compiled, in the tests.
pub(crate) fn verbatim(text: String) -> TokenStream {
    if BUILDING.with(|b| b.borrow().is_none()) {
        // Text that does not lex is a generator bug, reported where the tokens are parsed.
        return text.parse().unwrap_or_else(|_| quote!(compile_error!("krakengen wrote verbatim text that is not Rust");));
    }
    let i = record(|s| s.push_block(text)).unwrap_or_default();
    let item: TokenStream = VERBATIM_ITEM.parse().expect("the placeholder item is Rust");
    let marker = marker_attr(&format!("{MARKER}V{i}"));
    quote!(#marker #item)
}

/// The lines of fixed attribute `source` formatted at `indent` spaces, each ending with a newline:
/// formats the attribute on an empty struct nested in enough modules and cuts its lines out.
fn fixed_text(source: &'static str, indent: usize) -> Result<String, String> {
    if let Some(text) = FIXED_TEXT.with(|t| t.borrow().get(&(source, indent)).cloned()) {
        return Ok(text);
    }
    if indent % 4 != 0 {
        return Err(format!("a fixed attribute marker is indented by {indent} spaces, not a multiple of 4"));
    }
    let depth = indent / 4;
    let item = format!("{}{source} struct S;{}", "mod m {".repeat(depth), "}".repeat(depth));
    let file = syn::parse_file(&item).map_err(|e| format!("a fixed attribute does not parse ({e})"))?;
    let printed = prettyplease::unparse(&file);
    let lines: Vec<&str> = printed.lines().collect();
    let end = lines.iter().position(|l| l.trim_start() == "struct S;").ok_or("a fixed attribute printed no item")?;
    let mut text = String::new();
    for line in lines.get(depth..end).unwrap_or_default() {
        text.push_str(line);
        text.push('\n');
    }
    FIXED_TEXT.with(|t| t.borrow_mut().insert((source, indent), text.clone()));
    Ok(text)
}

impl Marked {
    /// Replaces every marker line of `text`, the formatted tokens (`    ///\u{7}12`), by what it
    /// stands for, at the same indentation, exactly as prettyplease would have printed it: `///`
    /// followed by the line without trailing spaces for documentation.
    ///
    /// Fails with a message when a marker is malformed or unknown, which would mean the text is
    /// not the printing of these tokens.
    pub(crate) fn splice(&self, text: String) -> Result<String, String> {
        splice(text, &self.splices)
    }
}

fn splice(text: String, splices: &Splices) -> Result<String, String> {
    let blocks = &splices.blocks;
    let needle = "///\u{7}";
    if !text.contains(needle) {
        return Ok(text);
    }
    let mut out = String::with_capacity(text.len() + blocks.iter().map(|b| b.len() * 2).sum::<usize>());
    let mut rest = text.as_str();
    while let Some(at) = rest.find(needle) {
        let line_start = rest[..at].rfind('\n').map_or(0, |i| i + 1);
        let indent = &rest[line_start..at];
        if !indent.bytes().all(|b| b == b' ') {
            return Err("a documentation marker is not at the start of its line".into());
        }
        let after = &rest[at + needle.len()..];
        let end = after.find('\n').unwrap_or(after.len());
        if let Some(number) = after[..end].strip_prefix('F') {
            let source = number
                .parse::<usize>()
                .ok()
                .and_then(|i| splices.fixed.get(i).copied())
                .ok_or_else(|| format!("unknown fixed attribute marker `{}`", &after[..end]))?;
            out.push_str(&rest[..line_start]);
            out.push_str(&fixed_text(source, indent.len())?);
            rest = after.get(end + 1..).unwrap_or("");
            continue;
        }
        if let Some(number) = after[..end].strip_prefix('V') {
            let text = number
                .parse::<usize>()
                .ok()
                .and_then(|i| blocks.get(i))
                .ok_or_else(|| format!("unknown verbatim marker `{}`", &after[..end]))?;
            let next = after.get(end + 1..).unwrap_or("");
            let item_end = next.find('\n').map_or(next.len(), |i| i + 1);
            if next[..item_end].trim_end() != format!("{indent}{VERBATIM_ITEM}") {
                return Err("a verbatim marker is not followed by its placeholder item".into());
            }
            out.push_str(&rest[..line_start]);
            for line in text.lines() {
                if !line.is_empty() {
                    out.push_str(indent);
                    out.push_str(line);
                }
                out.push('\n');
            }
            rest = &next[item_end..];
            continue;
        }
        let block = after[..end]
            .parse::<usize>()
            .ok()
            .and_then(|i| blocks.get(i))
            .ok_or_else(|| format!("unknown documentation marker `{}`", &after[..end]))?;
        out.push_str(&rest[..line_start]);
        for line in block.split('\n') {
            out.push_str(indent);
            out.push_str("///");
            out.push_str(line.trim_end_matches(' '));
            out.push('\n');
        }
        rest = after.get(end + 1..).unwrap_or("");
    }
    out.push_str(rest);
    Ok(out)
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

    /// The marker path must print exactly what the literal attributes print, at any depth, with
    /// paragraphs, empty lines and trailing spaces.
    #[test]
    fn spliced_documentation_equals_literal_attributes() {
        let doc = Doc::new().text(Some("first line  \nsecond 🦀\n\nnext paragraph")).line("generated `code`");
        let build = |attrs: TokenStream| {
            quote! {
                #attrs
                pub mod m {
                    #attrs
                    pub struct S {
                        #attrs
                        pub f: u8,
                    }
                }
            }
        };
        let spliced = super::super::format::rust_file(|| build(doc.attrs())).unwrap();
        // Outside a build the same calls give real attributes.
        assert_eq!(build(doc.attrs()).to_string(), build(doc.literal_attrs()).to_string());
        let literal = super::super::format::rust_file(|| build(doc.literal_attrs())).unwrap();
        assert_eq!(spliced, literal);
        assert!(spliced.contains("        /// first line\n        /// second 🦀\n        ///\n"), "{spliced}");
        assert!(splice("    ///\u{7}9\n".to_string(), &Splices::default()).is_err());
    }

    /// A fixed attribute must print exactly as its tokens would, at every depth, next to spliced
    /// documentation, and also where prettyplease breaks it over several lines.
    #[test]
    fn fixed_attributes_equal_their_tokens() {
        const LONG: &str = "#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::marker::Copy, ::std::cmp::PartialEq, ::std::cmp::Eq, ::std::hash::Hash)]";
        const SHORT: &str = "#[derive(::std::fmt::Debug)]";
        let build = |long: TokenStream, short: TokenStream| {
            let doc = Doc::new().line("documented").attrs();
            quote! {
                #doc
                #long
                pub mod m {
                    #short
                    pub struct S;
                    pub mod n {
                        #doc
                        #long
                        pub enum E { A }
                    }
                }
            }
        };
        let fixed = super::super::format::rust_file(|| build(fixed(LONG), fixed(SHORT))).unwrap();
        let tokens = |s: &str| s.parse::<TokenStream>().unwrap();
        let literal = super::super::format::rust_file(|| build(tokens(LONG), tokens(SHORT))).unwrap();
        assert_eq!(build(super::fixed(LONG), super::fixed(SHORT)).to_string(), build(tokens(LONG), tokens(SHORT)).to_string());
        assert_eq!(fixed, literal);
        assert!(fixed.contains("        #[derive(\n            ::std::fmt::Debug,\n"), "{fixed}");
        assert!(splice("///\u{7}F999\n".to_string(), &Splices::default()).is_err());
    }

    /// Verbatim text replaces its placeholder at the placeholder's indentation, blank lines kept
    /// empty, between ordinary items and documentation.
    #[test]
    fn verbatim_items_replace_their_placeholders() {
        let build = || {
            let doc = Doc::new().line("documented").attrs();
            let text = verbatim("impl S {\n\n    fn f() {}\n}\n".to_string());
            quote! {
                pub mod m {
                    #doc
                    pub struct S;
                    #text
                    pub struct T;
                }
            }
        };
        let file = super::super::format::rust_file(build).unwrap();
        // Outside a build the text is parsed: no marker, and the items are there.
        let outside = build().to_string();
        assert!(!outside.contains('\u{7}') && outside.contains("fn f"), "{outside}");
        let body = file.strip_prefix(super::super::HEADER).unwrap();
        assert_eq!(body, "pub mod m {\n    /// documented\n    pub struct S;\n    impl S {\n\n        fn f() {}\n    }\n    pub struct T;\n}\n");
        let one = Splices { blocks: vec!["x".to_string()], fixed: Vec::new() };
        assert!(splice("///\u{7}V0\nstruct Other;\n".to_string(), &one).is_err());
        assert!(splice("///\u{7}V9\n".to_string(), &Splices::default()).is_err());
    }

    /// A build inside a build records into the outer one, so its tokens format right both alone
    /// and inside the outer stream; after a build ends (even by a panic) nothing is recorded.
    #[test]
    fn nested_builds_share_their_texts_and_builds_end() {
        let doc = || Doc::new().line("inner").attrs();
        let mut inner = None;
        let outer = Marked::build(|| {
            let first = Doc::new().line("outer").attrs();
            let inner_doc = doc();
            let nested = Marked::build(|| quote!(#inner_doc pub struct I;));
            let tokens = nested.tokens.clone();
            inner = Some(nested);
            quote!(#first pub struct O; #tokens)
        });
        let alone = super::super::format::rust_file_marked(inner.unwrap()).unwrap();
        assert!(alone.ends_with("/// inner\npub struct I;\n"), "{alone}");
        let both = super::super::format::rust_file_marked(outer).unwrap();
        assert!(both.ends_with("/// outer\npub struct O;\n/// inner\npub struct I;\n"), "{both}");
        assert!(std::panic::catch_unwind(|| Marked::build(|| panic!("emitter bug"))).is_err());
        assert!(!doc().to_string().contains('\u{7}'), "a build outlived its closure");
    }

    #[test]
    fn code_spans_only_when_safe() {
        assert_eq!(code("acceptGoodsQuote"), "`acceptGoodsQuote`");
        assert_eq!(code("a`b"), "a\\`b");
    }
}
