//! The reference parser.
//!
//! A reference is a sequence of mutation blocks. [`lines`] turns any rendering into logical lines, this
//! module splits them into blocks and sections, [`tables`] reads the Arguments and Return fields tables,
//! [`operation`] and [`example`] read the example operation, variables and response, and [`infer`]
//! reconstructs the types the reference never states directly. The parser never stops at the first
//! problem and never panics: every problem becomes a diagnostic and the facts it is sure of are kept.

pub mod example;
mod file;
pub mod infer;
pub mod lines;
pub mod operation;
pub mod tables;

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::Diagnostics;
use crate::model::{
    Argument, Deprecation, ErrorEntry, Example, Field, Operation, OperationKind, PermissionExpr, Permissions, Provenance, RateLimit,
    RatePeriod, RateStep, Reference, Rendering, SourceFile, Span, TypeRef,
};
pub use lines::looks_like_reference;
use lines::Line;
use tables::Row;
use file::FileParser;

/// The outcome of parsing: the model (always, possibly partial), every problem found, and the
/// text of each file the problems point into.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub reference: Reference,
    pub diagnostics: Diagnostics,
    /// The reference files, by the file ids of their spans.
    pub sources: crate::diag::SourceMap,
}

impl Parsed {
    /// The parser's diagnostics with the files they point into.
    pub fn report(&self) -> crate::diag::Report {
        crate::diag::Report::new(self.diagnostics.clone(), self.sources.clone())
    }
}

/// An input that could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}: no reference files found (expected .txt files)")]
    Empty { path: String },
}

/// Reads a reference file, or every `.txt` file below a directory (merged in name order).
pub fn load(path: &Path) -> Result<Vec<(String, Vec<u8>)>, LoadError> {
    let io = |p: &Path, source| LoadError::Io { path: p.display().to_string(), source };
    let meta = std::fs::metadata(path).map_err(|e| io(path, e))?;
    if meta.is_file() {
        let bytes = std::fs::read(path).map_err(|e| io(path, e))?;
        return Ok(vec![(path.display().to_string(), bytes)]);
    }
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let p = e.path().unwrap_or(path).to_path_buf();
            io(&p, e.into())
        })?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "txt") {
            let bytes = std::fs::read(entry.path()).map_err(|e| io(entry.path(), e))?;
            out.push((entry.path().display().to_string(), bytes));
        }
    }
    if out.is_empty() {
        return Err(LoadError::Empty { path: path.display().to_string() });
    }
    Ok(out)
}

/// Parses one reference text.
pub fn parse_str(path: &str, text: &str) -> Parsed {
    parse_files(vec![(path.to_string(), text.as_bytes().to_vec())])
}

/// Parses and merges several reference files (in the order given) into one model.
pub fn parse_files(files: Vec<(String, Vec<u8>)>) -> Parsed {
    let mut diags = Diagnostics::new();
    let mut reference = Reference::default();
    let mut sources = crate::diag::SourceMap::new();
    let mut blocks: Vec<Block> = Vec::new();
    for (path, bytes) in files {
        let file = sources.next_id();
        let (text, utf8) = match String::from_utf8(bytes) {
            Ok(t) => (t, true),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                let span = Span::at(file, &text, at, 1);
                diags.error(
                    crate::diag::Code::InvalidUtf8,
                    span,
                    format!("the file is not valid UTF-8 text (first bad byte at offset {at}); is it a reference page saved as text?"),
                    "invalid UTF-8 here",
                );
                (text, false)
            }
        };
        let empty = text.trim_start_matches('\u{feff}').trim().is_empty();
        if empty {
            diags.error(
                crate::diag::Code::EmptyFile,
                Span { file, line: 1, column: 1, offset: 0, len: 0 },
                if text.is_empty() { "the file is empty".to_string() } else { "the file holds only white space".to_string() },
                "empty file",
            );
        }
        let (body, base) = lines::strip_bom(&text);
        let rendering = if empty { Rendering::Standard } else { lines::detect(body) };
        let lines = lines::split(body, base, rendering);
        let before = blocks.len();
        FileParser { file, rendering, lines: &lines, diags: &mut diags }.blocks(&mut blocks);
        // An empty file, or one that is not UTF-8 and has no blocks (a PDF, an archive), is
        // explained by its own diagnostic alone.
        if blocks.len() == before && utf8 && !empty {
            diags.error(
                crate::diag::Code::NoMutations,
                lines.first().map(|l| l.span(file)).unwrap_or(Span { file, line: 1, column: 1, offset: 0, len: 0 }),
                "no mutation blocks found (a block starts with the mutation name followed by a `Type:` or `URL:` line)",
                "expected a mutation block",
            );
        }
        sources.add(path.clone(), text);
        reference.files.push(SourceFile { path, rendering, blocks: (blocks.len() - before) as u32 });
    }
    merge(&mut blocks, &reference.files, &mut diags);
    infer::run(&mut reference, blocks, &mut diags);
    diags.sort();
    Parsed { reference, diagnostics: diags, sources }
}

/// Drops repeated operations (the first file in name order wins). An identical repeat is a
/// warning; one that states different facts (return type, arguments, error codes, kind or
/// permissions) is an error naming both places, because which one is right cannot be told.
fn merge(blocks: &mut Vec<Block>, files: &[SourceFile], diags: &mut Diagnostics) {
    let place = |span: Span| match files.get(span.file as usize) {
        Some(f) => format!("{}:{}", f.path, span.line),
        None => format!("line {}", span.line),
    };
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut keep = vec![true; blocks.len()];
    for (i, b) in blocks.iter().enumerate() {
        if let Some(&first) = seen.get(&b.mutation.name) {
            keep[i] = false;
            let (a, m) = (&blocks[first].mutation, &b.mutation);
            let same = a.return_type == m.return_type
                && a.kind == m.kind
                && a.permissions == m.permissions
                && a.errors.iter().map(|e| &e.code).eq(m.errors.iter().map(|e| &e.code))
                && a.arguments.iter().map(|a| (&a.name, &a.ty)).eq(m.arguments.iter().map(|a| (&a.name, &a.ty)));
            if same {
                diags.warn(
                    crate::diag::Code::DuplicateMutation,
                    m.span,
                    format!("operation `{}` is defined again, as at {}; the first definition is kept", m.name, place(a.span)),
                    "defined again here",
                );
            } else {
                diags.error(
                    crate::diag::Code::ConflictingMutation,
                    m.span,
                    format!(
                        "operation `{}` is defined differently at {} and at {}; remove the definition that is out of date",
                        m.name,
                        place(a.span),
                        place(m.span)
                    ),
                    "defined differently here",
                );
            }
        } else {
            seen.insert(b.mutation.name.clone(), i);
        }
    }
    let mut i = 0;
    blocks.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

/// A parsed block: the mutation plus what inference still needs (the parsed examples and table rows).
#[derive(Debug)]
pub struct Block {
    pub mutation: Operation,
    pub rendering: Rendering,
    pub variables: Option<example::Value>,
    pub response: Option<example::Value>,
    /// Return-field rows that carry a declared type (rich rendering), keyed by field name.
    pub declared_field_types: BTreeMap<String, TypeRef>,
    pub operation_span: Span,
    /// Whether the return-fields table confirmed the complete list of fields.
    pub fields_confirmed: bool,
}

/// The sections a block may contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Type,
    Url,
    Complexity,
    Errors,
    Viewers,
    Permissions,
    RateLimits,
    Deprecated,
    Arguments,
    ReturnFields,
    Operation,
    Variables,
    Response,
}

/// Recognises a section header; returns the section and the text after the header on the same line.
fn header(text: &str) -> Option<(Section, &str)> {
    const PREFIXED: [(&str, Section); 6] = [
        ("Type:", Section::Type),
        ("URL:", Section::Url),
        ("Query Complexity:", Section::Complexity),
        ("Possible Errors:", Section::Errors),
        ("The possible errors that can be raised are:", Section::Errors),
        ("Required Permissions:", Section::Permissions),
    ];
    for (p, s) in PREFIXED {
        if let Some(rest) = text.strip_prefix(p) {
            return Some((s, rest.trim()));
        }
    }
    // Converters sometimes drop a header's colon; the bare words on a line of their own are the
    // same header.
    let s = match text {
        "Allowed Viewers:" | "Allowed Viewers" => Section::Viewers,
        "Possible Errors" => Section::Errors,
        "Required Permissions" => Section::Permissions,
        "Rate Limits" | "Rate Limits:" => Section::RateLimits,
        "Deprecated" | "Deprecated:" => Section::Deprecated,
        "Arguments" | "Arguments:" => Section::Arguments,
        "Return fields" | "Return fields:" | "Return Fields" => Section::ReturnFields,
        "Mutation" | "Mutation:" | "Query" | "Query:" => Section::Operation,
        "Variables" | "Variables:" => Section::Variables,
        "Response" | "Response:" => Section::Response,
        _ => return None,
    };
    Some((s, ""))
}

fn is_mutation_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A line that looks like a section header nobody knows (`Secret Sauce:`), in a section that is
/// not free text.
fn looks_like_unknown_header(text: &str, current: Section) -> bool {
    let Some(head) = text.strip_suffix(':') else { return false };
    // Description-like sections legitimately end lines with a colon inside rows; tables are read by
    // their own rules.
    !matches!(current, Section::Arguments | Section::ReturnFields)
        && !head.is_empty()
        && head.len() < 60
        && head.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && !head.starts_with("KT-")
        && !head.contains('|')
        && !text.starts_with("- ")
}

/// Case-insensitive alphabetical order, as the reference sorts table rows (`preferences` before
/// `preferenceSetting`); ties broken by exact text so the order is total.
pub fn table_order(a: &str, b: &str) -> std::cmp::Ordering {
    // Compared byte by byte rather than through lower-cased copies: sorting calls this often.
    a.bytes().map(|c| c.to_ascii_lowercase()).cmp(b.bytes().map(|c| c.to_ascii_lowercase())).then_with(|| a.cmp(b))
}

/// `KT-CT-8201`: letters, letters, digits.
pub fn is_error_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let ok = |p: Option<&str>, f: fn(char) -> bool| p.is_some_and(|p| !p.is_empty() && p.chars().all(f));
    ok(parts.next(), |c| c.is_ascii_uppercase())
        && ok(parts.next(), |c| c.is_ascii_uppercase())
        && ok(parts.next(), |c| c.is_ascii_digit())
        && parts.next().is_none()
}

/// `acceptGoodsQuote` → `AcceptGoodsQuote`: the convention for a payload type's name.
fn derive_type_name(name: &str) -> String {
    let mut c = name.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

/// Extracts `X` from `The 'X' field is deprecated.`
pub fn deprecated_field_name(reason: &str) -> Option<String> {
    let start = reason.find("The '")? + 5;
    let rest = &reason[start..];
    let end = rest.find("' field is deprecated")?;
    Some(rest[..end].to_string()).filter(|n| !n.is_empty())
}

/// Reads a deprecation block's lines.
pub fn deprecation<'x>(lines: impl Iterator<Item = &'x str>) -> Deprecation {
    let mut d = Deprecation::default();
    let mut reason: Vec<&str> = Vec::new();
    let mut want_link = false;
    for t in lines {
        let date = |p: &str| t.strip_prefix(p).map(|r| r.trim().trim_end_matches('.').to_string());
        if let Some(v) = date("- Marked as deprecated on") {
            d.marked = Some(v);
        } else if let Some(v) = date("- Scheduled for removal on or after") {
            d.removal = Some(v);
        } else if t.starts_with("You can read more about this deprecation") {
            want_link = true;
        } else if want_link || t.starts_with("http://") || t.starts_with("https://") {
            d.link = Some(t.to_string());
            want_link = false;
        } else {
            reason.push(t);
        }
    }
    d.reason = reason.join("\n");
    d
}

/// Parses `A AND B OR (C AND D)`; AND binds tighter than OR.
pub fn parse_permission_expr(text: &str) -> Result<PermissionExpr, String> {
    #[derive(Debug, PartialEq)]
    enum ExprToken {
        Open,
        Close,
        And,
        Or,
        Name(String),
    }
    let mut toks = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    let flush = |words: &mut Vec<&str>, toks: &mut Vec<ExprToken>| {
        if !words.is_empty() {
            toks.push(ExprToken::Name(words.join(" ")));
            words.clear();
        }
    };
    let spaced = if text.contains(['(', ')']) { text.replace('(', " ( ").replace(')', " ) ") } else { text.to_string() };
    for w in spaced.split_whitespace() {
        match w {
            "(" => {
                flush(&mut words, &mut toks);
                toks.push(ExprToken::Open)
            }
            ")" => {
                flush(&mut words, &mut toks);
                toks.push(ExprToken::Close)
            }
            "AND" => {
                flush(&mut words, &mut toks);
                toks.push(ExprToken::And)
            }
            "OR" => {
                flush(&mut words, &mut toks);
                toks.push(ExprToken::Or)
            }
            w => words.push(w),
        }
    }
    flush(&mut words, &mut toks);

    fn or(t: &[ExprToken], i: &mut usize, depth: usize) -> Result<PermissionExpr, String> {
        let mut items = vec![and(t, i, depth)?];
        while t.get(*i) == Some(&ExprToken::Or) {
            *i += 1;
            items.push(and(t, i, depth)?);
        }
        Ok(if items.len() == 1 { items.pop().unwrap_or(PermissionExpr::All(vec![])) } else { PermissionExpr::Any(items) })
    }
    fn and(t: &[ExprToken], i: &mut usize, depth: usize) -> Result<PermissionExpr, String> {
        let mut items = vec![atom(t, i, depth)?];
        while t.get(*i) == Some(&ExprToken::And) {
            *i += 1;
            items.push(atom(t, i, depth)?);
        }
        Ok(if items.len() == 1 { items.pop().unwrap_or(PermissionExpr::All(vec![])) } else { PermissionExpr::All(items) })
    }
    fn atom(t: &[ExprToken], i: &mut usize, depth: usize) -> Result<PermissionExpr, String> {
        if depth > 32 {
            return Err("parentheses nested too deeply".into());
        }
        match t.get(*i) {
            Some(ExprToken::Name(n)) => {
                *i += 1;
                Ok(PermissionExpr::Permission(n.clone()))
            }
            Some(ExprToken::Open) => {
                *i += 1;
                let e = or(t, i, depth + 1)?;
                if t.get(*i) != Some(&ExprToken::Close) {
                    return Err("unbalanced parentheses: `(` is never closed".into());
                }
                *i += 1;
                Ok(e)
            }
            Some(ExprToken::Close) => Err("unexpected `)`".into()),
            Some(ExprToken::And | ExprToken::Or) => Err("an operator where a permission was expected".into()),
            None => Err("the expression ends where a permission was expected".into()),
        }
    }
    let mut i = 0;
    let e = or(&toks, &mut i, 0)?;
    if i != toks.len() {
        return Err(match toks[i] {
            ExprToken::Close => "unbalanced parentheses: `)` without `(`".into(),
            _ => "unexpected text after the expression".into(),
        });
    }
    Ok(e)
}

/// Parses `['5/m', '100/h']`.
pub fn parse_steps(text: &str) -> Result<Vec<RateStep>, String> {
    let inner = text
        .trim()
        .trim_end_matches('|')
        .trim()
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .ok_or_else(|| "expected a list such as ['5/m']".to_string())?;
    let mut out = Vec::new();
    for item in inner.split(',') {
        let item = item.trim().trim_matches(|c| c == '\'' || c == '"');
        if item.is_empty() {
            continue;
        }
        let (n, unit) = item.split_once('/').ok_or_else(|| format!("step `{item}` is not of the form N/unit"))?;
        let limit = n.trim().parse::<u32>().map_err(|_| format!("`{n}` is not a whole number"))?;
        let per = RatePeriod::from_suffix(unit.trim()).ok_or_else(|| format!("unknown period `{unit}` (expected s, m, h or d)"))?;
        out.push(RateStep { limit, per });
    }
    if out.is_empty() {
        return Err("no steps in the list".into());
    }
    Ok(out)
}

fn join(body: &[Line<'_>]) -> String {
    let mut s = String::with_capacity(body.iter().map(|l| l.text.len() + 1).sum());
    for (i, l) in body.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        s.push_str(l.text);
    }
    s
}

/// Maps a byte offset in `join(body)` back to a span in the file.
fn locate(file: u32, body: &[Line<'_>], mut at: usize) -> Option<Span> {
    for l in body {
        if at <= l.text.len() {
            let mut a = at;
            while !l.text.is_char_boundary(a) {
                a -= 1;
            }
            return Some(l.span_of(file, a, (a + 1).min(l.text.len())));
        }
        at -= l.text.len() + 1;
    }
    None
}

/// Parses a reference and returns it only if there were no errors; a convenience for tests and tools.
pub fn parse_path(path: &Path) -> Result<Parsed, LoadError> {
    Ok(parse_files(load(path)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permission_expressions() {
        let e = parse_permission_expr("(Can a OR Can b) AND Can c").unwrap();
        assert_eq!(e.to_string(), "(Can a OR Can b) AND Can c");
        let e = parse_permission_expr("Can a AND Can b OR Can c").unwrap();
        assert!(matches!(e, PermissionExpr::Any(ref v) if v.len() == 2));
        assert_eq!(parse_permission_expr("Can x").unwrap(), PermissionExpr::Permission("Can x".into()));
        assert!(parse_permission_expr("(Can a OR Can b AND Can c").unwrap_err().contains("never closed"));
        assert!(parse_permission_expr("Can a)").unwrap_err().contains("without"));
        assert!(parse_permission_expr("Can a AND").is_err());
        assert!(parse_permission_expr(&"(".repeat(100)).is_err());
    }

    #[test]
    fn rate_steps() {
        let s = parse_steps("['5/m', '100/h'] |").unwrap();
        assert_eq!(s, vec![RateStep { limit: 5, per: RatePeriod::Minute }, RateStep { limit: 100, per: RatePeriod::Hour }]);
        assert!(parse_steps("['5/fortnight']").unwrap_err().contains("fortnight"));
        assert!(parse_steps("5/m").is_err());
    }

    #[test]
    fn error_codes() {
        assert!(is_error_code("KT-CT-8201"));
        assert!(is_error_code("KT-GB-9310"));
        assert!(!is_error_code("KTCT8201"));
        assert!(!is_error_code("KT-CT-"));
        assert!(!is_error_code("KT-ct-1"));
    }

    #[test]
    fn table_order_is_case_insensitive() {
        let mut v = vec!["preferenceSetting", "preferences", "Alpha", "beta"];
        v.sort_by(|a, b| table_order(a, b));
        assert_eq!(v, ["Alpha", "beta", "preferences", "preferenceSetting"]);
    }

    /// A minimal standard block; `{desc}` and `{extra}` are replaced by the tests.
    const BLOCK: &str = "doThing
Type: DoThing
URL: https://example.com/graphql/
{desc}
Query Complexity: 1
Possible Errors:
- KT-CT-1111: Unauthorized.
{extra}Arguments
| Name | Description |
|---|---|
|
The input. |
Return fields
| Name | Description |
|---|---|
|
Whether it worked. |
Mutation
mutation DoThing($input: DoThingInput!) {
doThing(input: $input) {
ok
}
}
Variables
{
\"input\": DoThingInput
}
Response
{
\"data\": {
\"doThing\": {
\"ok\": true
}
}
}
";

    fn block(desc: &str, extra: &str) -> String {
        BLOCK.replace("{desc}", desc).replace("{extra}", extra)
    }

    #[test]
    fn description_lines_after_url_are_kept_even_with_colons() {
        let p = parse_str("t.txt", &block("Does a thing.\nPossible values include:\n- one", ""));
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let m = &p.reference.operations[0];
        assert_eq!(m.description.as_deref(), Some("Does a thing.\nPossible values include:\n- one"));
        assert_eq!(m.arguments[0].description.as_deref(), Some("The input."));
        assert_eq!(m.fields[0].description.as_deref(), Some("Whether it worked."));
    }

    #[test]
    fn unreadable_rate_limit_steps_are_reported_once() {
        let p = parse_str("t.txt", &block("D.", "Rate Limits\n| Key | Steps |\n|---|---|\nUser |\n['5/fortnight'] |\nIp |\n"));
        let codes: Vec<_> = p.diagnostics.iter().map(|d| (d.severity, d.code.as_str(), d.span.line)).collect();
        // One error for the bad steps of `User`, one warning for `Ip`, which has no steps at all.
        assert_eq!(
            codes,
            [(crate::diag::Severity::Error, "bad-rate-limit", 12), (crate::diag::Severity::Warning, "bad-rate-limit", 13)]
        );
    }

    #[test]
    fn truncated_operation_points_at_its_last_character() {
        let text = block("D.", "");
        let cut = &text[..text.find("}\n}\nVariables").unwrap()];
        let p = parse_str("t.txt", cut);
        let d = p.diagnostics.iter().find(|d| d.code == "bad-operation").expect("a bad-operation error");
        let last_line = cut.trim_end().lines().count() as u32;
        assert_eq!((d.span.line, d.span.column, d.span.len), (last_line, 2, 1));
        assert_eq!(&cut[d.span.offset as usize..][..1], "k");
    }

    #[test]
    fn rich_rows_missing_for_a_selected_name_are_reported() {
        let text = "doThing\nType: DoThing\nURL: u\nArguments\nNameDescription\ninput (DoThingInput!)\nThe input.\ninput (DoThingInput!)\nAgain.\nReturn fields\nNameDescription\nok (Boolean)\nFine.\nMutation\nmutation DoThing($input: DoThingInput!) {\ndoThing(input: $input) {\nok\nother\n}\n}\nVariables\n{}\nResponse\n{}\n• KT-CT-1: x\n";
        let p = parse_str("t.txt", text);
        assert_eq!(p.reference.files[0].rendering, Rendering::Rich);
        let msgs: Vec<_> = p.diagnostics.iter().filter(|d| d.code == "unmatched-rows").map(|d| d.message.as_str()).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(msgs[0].contains("appears twice"), "{msgs:?}");
        assert!(msgs[1].contains("no row for `other`"), "{msgs:?}");
        let m = &p.reference.operations[0];
        assert_eq!(m.arguments[0].description.as_deref(), Some("The input."));
        assert_eq!(m.fields.iter().map(|f| (f.name.as_str(), f.provenance)).collect::<Vec<_>>(), [("ok", Some(Provenance::Declared)), ("other", None)]);
    }

    #[test]
    fn rich_argument_type_contradicting_the_operation_is_reported() {
        let text = "doThing\nType: DoThing\nURL: u\n• KT-CT-1: x\nArguments\nNameDescription\ninput (OtherInput)\nThe input.\nReturn fields\nNameDescription\nok (Boolean!)\nMutation\nmutation DoThing($input: DoThingInput!) {\ndoThing(input: $input) {\nok\n}\n}\nVariables\n{}\nResponse\n{\"data\": {\"doThing\": {\"ok\": 1}}}\n";
        let p = parse_str("t.txt", text);
        let codes: Vec<_> = p.diagnostics.iter().map(|d| (d.code.as_str(), d.span.line)).collect();
        assert_eq!(codes, [("type-conflict", 7)]);
        let m = &p.reference.operations[0];
        // The operation's variable definition is what requests must use, so it is kept.
        assert_eq!(m.arguments[0].ty.to_string(), "DoThingInput!");
        // The declared field type wins over the example value (an integer here), nullability included.
        assert_eq!(m.fields[0].ty.as_ref().map(|t| t.to_string()).as_deref(), Some("Boolean!"));
        assert_eq!(m.fields[0].provenance, Some(Provenance::Declared));
    }

    #[test]
    fn headers_without_their_colon_and_empty_sections_are_read() {
        let text = block("D.", "Required Permissions\nCan do things\n").replace("Possible Errors:\n", "Possible Errors\n");
        let p = parse_str("t.txt", &text);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let m = &p.reference.operations[0];
        assert_eq!(m.errors.len(), 1, "{m:?}");
        assert!(matches!(m.permissions, Permissions::Required(_)), "{:?}", m.permissions);
        // An empty `Possible Errors:` and an empty `Variables` say nothing, and are no problem.
        let empty = block("D.", "")
            .replace("Possible Errors:\n- KT-CT-1111: Unauthorized.\n", "Possible Errors:\n")
            .replace("Variables\n{\n\"input\": DoThingInput\n}\n", "Variables\n");
        let p = parse_str("t.txt", &empty);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        assert!(p.reference.operations[0].errors.is_empty());
        assert_eq!(p.reference.operations[0].example.variables, "");
    }

    #[test]
    fn argument_rows_follow_table_order_not_operation_order() {
        let text = block("D.", "")
            .replace("|\nThe input. |", "|\nAlpha. |\n|\nBeta. |")
            .replace("mutation DoThing($input: DoThingInput!) {\ndoThing(input: $input) {", "mutation DoThing($b: Int, $a: Int) {\ndoThing(b: $b, a: $a) {");
        let p = parse_str("t.txt", &text);
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        let args: Vec<_> = p.reference.operations[0].arguments.iter().map(|a| (a.name.as_str(), a.description.as_deref())).collect();
        assert_eq!(args, [("b", Some("Beta.")), ("a", Some("Alpha."))]);
    }

    #[test]
    fn deprecation_block() {
        let d = deprecation(
            [
                "The 'x' field is deprecated.",
                "Use y.",
                "- Marked as deprecated on 2025-05-12.",
                "- Scheduled for removal on or after 2026-01-16.",
                "You can read more about this deprecation on:",
                "https://example.com/606/",
            ]
            .into_iter(),
        );
        assert_eq!(d.reason, "The 'x' field is deprecated.\nUse y.");
        assert_eq!(d.marked.as_deref(), Some("2025-05-12"));
        assert_eq!(d.removal.as_deref(), Some("2026-01-16"));
        assert_eq!(d.link.as_deref(), Some("https://example.com/606/"));
        assert_eq!(deprecated_field_name(&d.reason).as_deref(), Some("x"));
    }
}
