//! Finding GraphQL in users' files: whole `.graphql`/`.gql` files, and the string literals of
//! Python, TypeScript/JavaScript, Go and Rust sources that hold an executable document.
//!
//! Each language gets a small lexer that knows just enough (comments, string and character
//! literals, prefixes, escapes) to find where each literal starts and ends, so a quote inside a
//! comment or another string never opens a literal. A literal is GraphQL when it parses as an
//! executable document that starts with an operation or a fragment; prose that happens to start
//! with "query" does not.
//!
//! A document is handed on as *positioned* text: the literal's body preceded by as many line
//! breaks and spaces as put its first character at its line and column in the host file, so
//! every line and column the GraphQL parser and validator report is one in the host file.
//! Template parts keep that alignment too: Python's `{{`/`}}` escapes become one brace and a
//! space, JavaScript's `${…}` interpolations become spaces (line breaks kept), and a Python
//! placeholder `{name}`, whose text is not known until run time, makes the literal uncheckable,
//! which is reported at the placeholder instead of guessed at.

use std::path::Path;

/// The languages whose sources are searched, by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    GraphQl,
    Python,
    JavaScript,
    Go,
    Rust,
}

impl Language {
    /// The language of a file, from its extension; `None` for a file that is not searched.
    pub fn of(path: &Path) -> Option<Language> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "graphql" | "gql" => Language::GraphQl,
            "py" | "pyi" => Language::Python,
            "ts" | "tsx" | "js" | "jsx" | "mjs" | "cjs" | "mts" | "cts" => Language::JavaScript,
            "go" => Language::Go,
            "rs" => Language::Rust,
            _ => return None,
        })
    }
}

/// One candidate document: positioned text (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Line and column (1-based, in characters) of the document's first character in the host.
    pub line: u32,
    pub column: u32,
    /// The document, preceded by the padding that positions it.
    pub text: String,
    /// Whether the whole file is the document (a `.graphql` file), as opposed to a literal.
    pub whole_file: bool,
}

/// A literal that looks like GraphQL but cannot be checked, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uncheckable {
    pub line: u32,
    pub column: u32,
    pub reason: String,
}

#[derive(Debug, Default)]
pub struct Extracted {
    pub candidates: Vec<Candidate>,
    pub uncheckable: Vec<Uncheckable>,
}

/// A literal's body as the lexer found it: byte range in the host and how its text is formed.
struct Literal {
    start: usize,
    end: usize,
    template: Template,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Template {
    /// The text is the literal's body as is.
    None,
    /// A Python f-string or a literal followed by `.format(`: `{{`/`}}` escapes, `{name}` holes.
    PythonFormat,
    /// A JavaScript template literal: `${…}` interpolations.
    JavaScript,
}

/// Every candidate document of a file.
pub fn extract(language: Language, text: &str) -> Extracted {
    if language == Language::GraphQl {
        return Extracted {
            candidates: vec![Candidate { line: 1, column: 1, text: text.to_string(), whole_file: true }],
            uncheckable: Vec::new(),
        };
    }
    let literals = match language {
        Language::Python => python(text),
        Language::JavaScript => javascript(text),
        Language::Go => go(text),
        Language::Rust => rust(text),
        Language::GraphQl => unreachable!("handled above"),
    };
    let mut out = Extracted::default();
    let mut lines = LineCounter::new(text);
    for lit in literals {
        let body = &text[lit.start..lit.end];
        if !starts_like_graphql(body) {
            continue;
        }
        let (line, column) = lines.at(lit.start);
        let mut positioned = padding(line, column);
        match lit.template {
            Template::None => positioned.push_str(body),
            Template::JavaScript => positioned.push_str(&blank_interpolations(body)),
            Template::PythonFormat => match python_format(body) {
                Ok(t) => positioned.push_str(&t),
                Err(hole) => {
                    // Only a literal that would be GraphQL with its holes filled is worth a word.
                    let (l, c) = lines.at(lit.start + hole.offset);
                    out.uncheckable.push(Uncheckable {
                        line: l,
                        column: c,
                        reason: format!(
                            "the document is a str.format template whose placeholder `{{{}}}` is filled at run time, so it is not checked",
                            hole.name
                        ),
                    });
                    continue;
                }
            },
        }
        if parses_as_executable(&positioned) {
            out.candidates.push(Candidate { line, column, text: positioned, whole_file: false });
        }
    }
    out
}

/// Line breaks and spaces that put the next character at `line`, `column`.
fn padding(line: u32, column: u32) -> String {
    let mut s = "\n".repeat(line.saturating_sub(1) as usize);
    s.extend(std::iter::repeat_n(' ', column.saturating_sub(1) as usize));
    s
}

/// Whether the first token of `body` is one an operation or fragment definition starts with.
fn starts_like_graphql(body: &str) -> bool {
    let t = skip_ignored(body);
    let word: String = t.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
    matches!(word.as_str(), "query" | "mutation" | "subscription" | "fragment")
}

/// `text` without leading GraphQL whitespace, commas and `#` comments.
fn skip_ignored(mut text: &str) -> &str {
    loop {
        let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == '\u{feff}');
        if let Some(rest) = t.strip_prefix('#') {
            text = rest.find('\n').map_or("", |i| &rest[i..]);
        } else {
            return t;
        }
    }
}

fn parses_as_executable(text: &str) -> bool {
    match apollo_compiler::ast::Document::parse(text, "candidate.graphql") {
        Ok(doc) => {
            !doc.definitions.is_empty()
                && doc.definitions.iter().all(|d| d.is_executable_definition())
        }
        Err(_) => false,
    }
}

/// `${…}` replaced by spaces, line breaks kept, so what follows keeps its position.
fn blank_interpolations(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    let mut depth = 0usize;
    while let Some(c) = chars.next() {
        if depth == 0 {
            if c == '$' && chars.peek() == Some(&'{') {
                chars.next();
                out.push_str("  ");
                depth = 1;
            } else {
                out.push(c);
            }
            continue;
        }
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        out.push(if c == '\n' { '\n' } else { ' ' });
    }
    out
}

struct Hole {
    offset: usize,
    name: String,
}

/// The text of a `str.format` template with its escapes undone (one brace and a space, to keep
/// columns), or the first placeholder that cannot be filled. A placeholder inside a GraphQL
/// string (`"{account_id}"`, the usual way an ID goes in) is filled with as many characters as
/// it has, since any text is a valid string; one elsewhere stands for GraphQL syntax or a value
/// of unknown type, so the template is not checkable.
fn python_format(body: &str) -> Result<String, Hole> {
    let mut out = String::with_capacity(body.len());
    let b = body.as_bytes();
    let mut i = 0;
    let mut in_string = false;
    while i < b.len() {
        match b[i] {
            b'{' if b.get(i + 1) == Some(&b'{') => {
                out.push_str("{ ");
                i += 2;
            }
            b'}' if b.get(i + 1) == Some(&b'}') => {
                out.push_str("} ");
                i += 2;
            }
            b'{' => {
                let end = body[i..].find('}').map_or(body.len(), |j| i + j);
                if !in_string || end == body.len() {
                    return Err(Hole { offset: i, name: body[i + 1..end].chars().take(40).collect() });
                }
                out.extend(std::iter::repeat_n('x', body[i..=end].chars().count()));
                i = end + 1;
            }
            c => {
                if c == b'"' && (i == 0 || b[i - 1] != b'\\') {
                    in_string = !in_string;
                } else if c == b'\n' {
                    in_string = false;
                }
                let ch = body[i..].chars().next().expect("in bounds");
                out.push(ch);
                i += ch.len_utf8();
            }
        }
    }
    Ok(out)
}

/// Line and column of byte offsets, asked in increasing order (columns count characters).
struct LineCounter<'a> {
    text: &'a str,
    at: usize,
    line: u32,
    line_start: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter { text, at: 0, line: 1, line_start: 0 }
    }

    fn at(&mut self, offset: usize) -> (u32, u32) {
        if offset < self.at {
            *self = LineCounter::new(self.text);
        }
        for i in memchr::memchr_iter(b'\n', &self.text.as_bytes()[self.at..offset]) {
            self.line += 1;
            self.line_start = self.at + i + 1;
        }
        self.at = offset;
        let column = self.text[self.line_start..offset].chars().count() as u32 + 1;
        (self.line, column)
    }
}

/// The end of a quoted string starting after its opening quote at `i`, honouring backslash
/// escapes unless `raw`; single-line strings also end at a line break (an unterminated string).
fn string_end(b: &[u8], mut i: usize, quote: &[u8], raw: bool, multiline: bool) -> (usize, usize) {
    while i < b.len() {
        if !raw && b[i] == b'\\' {
            i += 2;
            continue;
        }
        if b[i..].starts_with(quote) {
            return (i, i + quote.len());
        }
        if !multiline && b[i] == b'\n' {
            return (i, i);
        }
        i += 1;
    }
    (b.len(), b.len())
}

/// Records the literal whose body starts at `start` and ends before `close` (see [`string_end`]),
/// and returns where the scan goes on.
fn quoted(b: &[u8], start: usize, close: &[u8], raw: bool, multiline: bool, out: &mut Vec<Literal>) -> usize {
    let (end, next) = string_end(b, start, close, raw, multiline);
    out.push(Literal { start, end, template: Template::None });
    next.max(start)
}

fn python(text: &str) -> Vec<Literal> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'#' => i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |j| i + j),
            b'\'' | b'"' => {
                // The prefix letters just before the quote (r, b, u, f, in any case and order).
                let mut p = i;
                while p > 0 && b[p - 1].is_ascii_alphabetic() && i - (p - 1) <= 2 {
                    p -= 1;
                }
                let word_before = p > 0 && (b[p - 1].is_ascii_alphanumeric() || b[p - 1] == b'_');
                let prefix = if word_before { "" } else { &text[p..i] };
                let raw = prefix.contains(['r', 'R']);
                let f = prefix.contains(['f', 'F']);
                let q = b[i];
                let triple = b[i..].starts_with(&[q, q, q]);
                let quote: &[u8] = if triple { &b[i..i + 3] } else { &b[i..i + 1] };
                let start = i + quote.len();
                let (end, next) = string_end(b, start, quote, raw, triple);
                // A template is formatted where it is written (an f-string, `.format(` right
                // after) or later; `{{` is what gives the latter away, as GraphQL never has it.
                let formatted = f
                    || text[next..].trim_start_matches([' ', '\t']).starts_with(".format(")
                    || text[start..end].contains("{{");
                out.push(Literal { start, end, template: if formatted { Template::PythonFormat } else { Template::None } });
                i = next.max(start);
            }
            _ => i += 1,
        }
    }
    out
}

/// Skips a `//` or `/* */` comment at `i`, if there is one; nested block comments when `nested`.
fn c_comment(b: &[u8], i: usize, nested: bool) -> Option<usize> {
    if b[i..].starts_with(b"//") {
        return Some(memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |j| i + j));
    }
    if b[i..].starts_with(b"/*") {
        let mut depth = 1;
        let mut j = i + 2;
        while j < b.len() && depth > 0 {
            if b[j..].starts_with(b"*/") {
                depth -= 1;
                j += 2;
            } else if nested && b[j..].starts_with(b"/*") {
                depth += 1;
                j += 2;
            } else {
                j += 1;
            }
        }
        return Some(j);
    }
    None
}

fn javascript(text: &str) -> Vec<Literal> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if let Some(j) = c_comment(b, i, false) {
            i = j;
            continue;
        }
        match b[i] {
            b'\'' | b'"' => i = string_end(b, i + 1, &b[i..i + 1], false, false).1.max(i + 1),
            b'`' => {
                // A template literal ends at the first unescaped backtick outside `${…}`.
                let start = i + 1;
                let mut j = start;
                let mut depth = 0usize;
                while j < b.len() {
                    match b[j] {
                        b'\\' => j += 1,
                        b'$' if depth == 0 && b.get(j + 1) == Some(&b'{') => {
                            depth = 1;
                            j += 1;
                        }
                        b'{' if depth > 0 => depth += 1,
                        b'}' if depth > 0 => depth -= 1,
                        b'`' if depth == 0 => break,
                        _ => {}
                    }
                    j += 1;
                }
                let end = j.min(b.len());
                out.push(Literal { start, end, template: Template::JavaScript });
                i = (end + 1).max(start);
            }
            _ => i += 1,
        }
    }
    out
}

fn go(text: &str) -> Vec<Literal> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if let Some(j) = c_comment(b, i, false) {
            i = j;
            continue;
        }
        match b[i] {
            b'"' => i = quoted(b, i + 1, b"\"", false, false, &mut out),
            b'\'' => i = string_end(b, i + 1, b"'", false, false).1.max(i + 1),
            b'`' => i = quoted(b, i + 1, b"`", true, true, &mut out),
            _ => i += 1,
        }
    }
    out
}

fn rust(text: &str) -> Vec<Literal> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if let Some(j) = c_comment(b, i, true) {
            i = j;
            continue;
        }
        let ident_before = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        match b[i] {
            b'r' if !ident_before && matches!(b.get(i + 1), Some(b'"' | b'#')) => {
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                if b.get(i + 1 + hashes) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let start = i + 2 + hashes;
                let mut close = vec![b'"'];
                close.extend(std::iter::repeat_n(b'#', hashes));
                i = quoted(b, start, &close, true, true, &mut out);
            }
            b'"' => i = quoted(b, i + 1, b"\"", false, true, &mut out),
            // A character literal ('a', '\n', '"'), not a lifetime ('a).
            b'\'' if b.get(i + 1) == Some(&b'\\') => i = string_end(b, i + 1, b"'", false, false).1.max(i + 1),
            b'\'' => {
                let len = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                i += if b.get(i + 1 + len) == Some(&b'\'') { len + 2 } else { 1 };
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(language: Language, text: &str) -> Vec<(u32, u32, String)> {
        extract(language, text).candidates.into_iter().map(|c| (c.line, c.column, c.text.trim().to_string())).collect()
    }

    #[test]
    fn python_literals_are_found_where_they_are() {
        let src = "# a 'quote' in a comment\nQ = \"\"\"\nquery A { a }\n\"\"\"\nx = 'query B { b }'\nnot_gql = \"query the API\"\n";
        assert_eq!(found(Language::Python, src), [(2, 8, "query A { a }".to_string()), (5, 6, "query B { b }".to_string())]);
    }

    #[test]
    fn the_positioned_text_puts_the_body_at_its_host_position() {
        let src = "héllo = 1\nq = r'''mutation M { m }'''\n";
        let c = &extract(Language::Python, src).candidates[0];
        let line = c.text.lines().nth(1).unwrap();
        assert_eq!(line.find("mutation"), Some("q = r'''".len()));
    }

    #[test]
    fn python_format_escapes_are_undone_and_placeholders_reported() {
        let src = "a = '''query A {{ a }}'''.format()\nb = f\"\"\"query B {{ b(id: {id}) }}\"\"\"\n";
        let src = format!("{src}c = '''query C {{{{ c(id: \"{{id}}\") }}}}'''\n");
        let ex = extract(Language::Python, &src);
        assert_eq!(ex.candidates.len(), 2);
        assert_eq!(ex.candidates[0].text.trim(), "query A {  a }");
        // A placeholder inside a GraphQL string is filled; what follows keeps its column.
        assert_eq!(ex.candidates[1].text.trim(), "query C {  c(id: \"xxxx\") }");
        assert_eq!((ex.uncheckable[0].line, ex.uncheckable[0].column), (2, 26));
        assert!(ex.uncheckable[0].reason.contains("`{id}`"), "{}", ex.uncheckable[0].reason);
    }

    #[test]
    fn javascript_templates_and_interpolations() {
        let src = "// `query X { x }` in a comment\nconst Q = gql`\n  query A {\n    a ${x}\n  }\n  ${FRAG}\n`;\nconst s = \"`\";\n";
        let got = found(Language::JavaScript, src);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0, got[0].1), (2, 15));
        assert!(got[0].2.starts_with("query A {\n    a     \n"), "{:?}", got[0].2);
    }

    #[test]
    fn go_raw_strings_and_rust_raw_strings() {
        assert_eq!(found(Language::Go, "const q = `query A { a }`\nvar s = \"`\"\n")[0].1, 12);
        let rs = "fn f<'a>(c: char) { let _ = '\"'; let q = r#\"query A { a(x: \"y\") }\"#; }";
        let got = found(Language::Rust, rs);
        assert_eq!(got, [(1, 45, "query A { a(x: \"y\") }".to_string())]);
    }

    #[test]
    fn unterminated_literals_end_at_the_end_of_the_file() {
        for lang in [Language::Python, Language::JavaScript, Language::Go, Language::Rust] {
            for src in ["\"", "'", "`", "r#\"", "\"\"\"", "/*", "`${"] {
                assert!(extract(lang, src).candidates.is_empty(), "{src}");
            }
        }
    }
}
