//! The model (IR) of a mutation reference.
//!
//! Every generator reads this model and nothing else, so it keeps every fact the parser recovered
//! together with where it came from: a [`Span`] pointing at the line of the reference, and for types a
//! [`Provenance`] saying whether the reference declared it or the parser inferred it from an example.
//! The model is serialised by `krakengen parse --format json`; field names are part of that contract and
//! are documented field by field in `docs/model.md`.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// A position in a reference file. Lines and columns are 1-based; columns count characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub struct Span {
    /// Index of the file in [`Reference::files`].
    pub file: u32,
    /// 1-based line number.
    pub line: u32,
    /// 1-based column (in characters).
    pub column: u32,
    /// Byte offset of the start in the file.
    pub offset: u32,
    /// Length in bytes.
    pub len: u32,
}

impl Span {
    /// A span that points at no file: for problems with options or generated items rather than with
    /// an input file, which render as a one-line message.
    pub const fn nowhere() -> Span {
        Span { file: u32::MAX, line: 0, column: 0, offset: 0, len: 0 }
    }

    /// The span of `len` bytes at byte `offset` of `text`, with line and column counted from the text
    /// itself (an offset at the very end of a file ending in a newline is on the line after it).
    pub fn at(file: u32, text: &str, offset: usize, len: usize) -> Span {
        let at = (0..=offset.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let before = &text[..at];
        let line = before.bytes().filter(|&b| b == b'\n').count() as u32 + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
        Span { file, line, column, offset: at as u32, len: len as u32 }
    }
}

/// Positions in one text, found without scanning it from the start: the start of every line, and the
/// number of characters before every block of [`LineIndex::BLOCK`] bytes. A [`Span`] for any offset
/// then costs a binary search and the characters of at most one block. [`Span::at`] scans the text
/// before the offset, which is right for one span but made thousands of diagnostics in a large
/// file (a supplement of one 2 MB line) quadratic.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    block_chars: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// The block size of the character counts.
    pub const BLOCK: usize = 4096;

    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut block_chars = Vec::with_capacity(text.len() / Self::BLOCK + 1);
        let mut chars = 0;
        for block in text.as_bytes().chunks(Self::BLOCK) {
            block_chars.push(chars);
            chars += count_chars(block);
        }
        block_chars.push(chars);
        LineIndex { text, line_starts, block_chars }
    }

    /// Characters before byte `at` (a char boundary).
    fn chars_before(&self, at: usize) -> usize {
        let block = at / Self::BLOCK;
        self.block_chars[block] + count_chars(&self.text.as_bytes()[block * Self::BLOCK..at])
    }

    /// The same span as [`Span::at`] gives for this text.
    pub fn span(&self, file: u32, offset: usize, len: usize) -> Span {
        let text = self.text;
        let at = (0..=offset.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let line = self.line_starts.partition_point(|&s| s <= at);
        let start = self.line_starts[line - 1];
        let column = self.chars_before(at) - self.chars_before(start) + 1;
        Span { file, line: line as u32, column: column as u32, offset: at as u32, len: len as u32 }
    }
}

/// The characters of UTF-8 bytes cut anywhere: every byte that does not continue a character.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// The text rendering a reference file was published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rendering {
    /// `Type: X`, two-line table rows, `Possible Errors:` with `- ` items (the vendored OEES reference).
    Standard,
    /// `Type:X`, one-line table rows, blocks glued to closing braces.
    Compact,
    /// Blank lines between lines, bullets, `name (Type)` rows with declared types (the plain page as a
    /// browser or an HTML-to-text converter gives it).
    Rich,
    /// A markdown export: tables of one-line rows `| name (Type) | description |`, with or without the
    /// leading pipe.
    Markdown,
}

/// Whether a fact was stated by the reference or guessed from an example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// The reference states it (a `Type:` line, a variable definition, a `name (Type)` row, a fragment).
    Declared,
    /// Derived from an example value or a naming convention; a guess.
    Inferred,
}

/// GraphQL's built-in scalars, sorted.
pub const BUILTIN_SCALARS: [&str; 5] = ["Boolean", "Float", "ID", "Int", "String"];

/// Whether `name` is a built-in scalar.
pub fn is_builtin(name: &str) -> bool {
    BUILTIN_SCALARS.contains(&name)
}

/// A GraphQL type reference such as `[String!]!`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TypeRef {
    Named(String),
    List(Box<TypeRef>),
    NonNull(Box<TypeRef>),
}

impl TypeRef {
    /// The deepest list nesting [`TypeRef::parse`] accepts; real schemas rarely go beyond two.
    pub const MAX_DEPTH: usize = 16;

    /// The innermost named type.
    pub fn base(&self) -> &str {
        match self {
            TypeRef::Named(n) => n,
            TypeRef::List(t) | TypeRef::NonNull(t) => t.base(),
        }
    }

    pub fn is_non_null(&self) -> bool {
        matches!(self, TypeRef::NonNull(_))
    }

    /// The same reference without an outer `!`.
    pub fn nullable(&self) -> &TypeRef {
        match self {
            TypeRef::NonNull(t) => t,
            t => t,
        }
    }

    /// Parses `[X!]!`-style syntax; returns `None` on anything else, including lists nested more than
    /// [`TypeRef::MAX_DEPTH`] deep (refused so hostile input cannot overflow the stack).
    pub fn parse(text: &str) -> Option<TypeRef> {
        fn inner(s: &str, depth: usize) -> Option<(TypeRef, &str)> {
            let s = s.trim_start();
            let (t, rest) = if let Some(rest) = s.strip_prefix('[') {
                if depth >= TypeRef::MAX_DEPTH {
                    return None;
                }
                let (t, rest) = inner(rest, depth + 1)?;
                let rest = rest.trim_start().strip_prefix(']')?;
                (TypeRef::List(Box::new(t)), rest)
            } else {
                let end = s
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(s.len());
                let name = &s[..end];
                if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
                    return None;
                }
                (TypeRef::Named(name.to_string()), &s[end..])
            };
            let rest_trim = rest.trim_start();
            if let Some(rest) = rest_trim.strip_prefix('!') {
                Some((TypeRef::NonNull(Box::new(t)), rest))
            } else {
                Some((t, rest))
            }
        }
        let (t, rest) = inner(text, 0)?;
        if rest.trim().is_empty() {
            Some(t)
        } else {
            None
        }
    }
}

impl fmt::Display for TypeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeRef::Named(n) => f.write_str(n),
            TypeRef::List(t) => write!(f, "[{t}]"),
            TypeRef::NonNull(t) => write!(f, "{t}!"),
        }
    }
}

/// A whole reference: one or more files merged into one list of mutations plus the type facts
/// recovered across all of them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    /// The files read, in the order they were merged; spans index into this list.
    pub files: Vec<SourceFile>,
    /// The operations (mutations, and queries from a queries page) sorted by name. The JSON key
    /// stays `mutations`, as `docs/model.md` documents it.
    #[serde(rename = "mutations")]
    pub operations: Vec<Operation>,
    /// Every type the reference names, keyed by name.
    pub types: BTreeMap<String, TypeInfo>,
}

/// One input file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceFile {
    /// The path as given (relative paths stay relative so output is machine-independent).
    pub path: String,
    pub rendering: Rendering,
    /// How many blocks the file holds (before repeats across files are dropped); a file with none
    /// has no rendering to speak of.
    #[serde(default)]
    pub blocks: u32,
}

/// Which root an operation of the reference belongs to: a block whose example is a `mutation`
/// (the mutations page) or a `query` (the queries page, in the same format).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OperationKind {
    #[default]
    Mutation,
    Query,
}

impl OperationKind {
    /// The root type's name: `Mutation` or `Query`.
    pub fn root(self) -> &'static str {
        match self {
            OperationKind::Mutation => "Mutation",
            OperationKind::Query => "Query",
        }
    }

    /// The GraphQL keyword: `mutation` or `query`.
    pub fn keyword(self) -> &'static str {
        match self {
            OperationKind::Mutation => "mutation",
            OperationKind::Query => "query",
        }
    }
}

/// One operation block: a mutation, or a query of a queries page (the name stays `Mutation`
/// because mutations are most of what the references hold; [`Mutation::kind`] tells which).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Operation {
    pub name: String,
    /// Whether the block is a mutation or a query (from its example operation).
    #[serde(default)]
    pub kind: OperationKind,
    pub span: Span,
    /// The payload type from the `Type:` line (or derived by convention when missing).
    pub return_type: TypeRef,
    pub return_type_provenance: Provenance,
    pub url: Option<String>,
    /// The description, lines joined with `\n`.
    pub description: Option<String>,
    pub complexity: Option<u32>,
    pub errors: Vec<ErrorEntry>,
    pub permissions: Permissions,
    pub rate_limits: Vec<RateLimit>,
    pub deprecation: Option<Deprecation>,
    pub arguments: Vec<Argument>,
    /// Fields of the payload type: those selected in the example operation plus deprecated fields
    /// named by the return-fields table, sorted as the table sorts them.
    pub fields: Vec<Field>,
    /// Union members when the operation selects the payload through `... on X` fragments at the top.
    pub union_members: Vec<String>,
    /// The example operation, variables and response as written (lines trimmed and joined by `\n`).
    pub example: Example,
}

/// The example operation, variables and response of a block.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Example {
    pub operation: String,
    pub variables: String,
    pub response: String,
}

/// One possible error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorEntry {
    /// `KT-CT-8201`.
    pub code: String,
    pub message: String,
    pub span: Span,
}

impl Operation {
    /// The code this mutation lists for a caller without permission (its `Unauthorized.` entry), which
    /// servers answer with instead of the generic `KT-CT-1111`.
    pub fn unauthorized_code(&self) -> Option<&str> {
        self.errors.iter().find(|e| e.message.trim().trim_end_matches('.') == "Unauthorized").map(|e| e.code.as_str())
    }
}

impl ErrorEntry {
    /// The family: the middle part of the code (`CT` in `KT-CT-8201`).
    pub fn family(&self) -> &str {
        error_family(&self.code)
    }
}

/// The family of an error code: `CT` for `KT-CT-8201`.
pub fn error_family(code: &str) -> &str {
    code.split('-').nth(1).unwrap_or("")
}

// The permission and rate-limit facts are the crate `krakengen-policy`'s, which the generated
// servers' runtime shares, so both read one definition.
pub use krakengen_policy::{PermissionExpr, Permissions, RatePeriod, RateStep};

/// One rate-limit key with its steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateLimit {
    /// `User`, `Ip`, `Email from graphql input fields`, ...
    pub key: String,
    pub steps: Vec<RateStep>,
    pub span: Span,
}

/// A deprecation of a mutation or a field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deprecation {
    /// The reason text, lines joined with `\n`.
    pub reason: String,
    /// `Marked as deprecated on` date.
    pub marked: Option<String>,
    /// `Scheduled for removal on or after` date.
    pub removal: Option<String>,
    /// `You can read more about this deprecation on:` link.
    pub link: Option<String>,
}

/// One argument of a mutation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Argument {
    pub name: String,
    /// The full type reference from the variable definition (or a `name (Type)` row).
    pub ty: TypeRef,
    pub description: Option<String>,
    pub span: Span,
}

/// One field of a payload type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub name: String,
    /// The field's type, or `None` when nothing in the reference tells.
    pub ty: Option<TypeRef>,
    pub provenance: Option<Provenance>,
    pub description: Option<String>,
    pub deprecation: Option<Deprecation>,
    /// Whether the example operation selects the field.
    pub selected: bool,
    /// Sub-selection of the field in the example operation (fragment spreads and inline fragments),
    /// kept so generators can build operation documents.
    pub selection: Vec<Selection>,
    pub span: Span,
}

/// One item of a sub-selection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Selection {
    Field { name: String, selection: Vec<Selection> },
    FragmentSpread { name: String },
    InlineFragment { type_condition: String, selection: Vec<Selection> },
}

/// What the reference tells about one named type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeInfo {
    pub name: String,
    pub kind: TypeKind,
    pub provenance: Provenance,
    /// Enum values seen (sorted), for enums.
    pub values: Vec<String>,
    /// Union members (sorted), for unions.
    pub members: Vec<String>,
    /// Whether the reference gives the full shape (false for most inputs and nested objects).
    pub shape_known: bool,
    /// Whether krakengen made the name up because the reference uses the type without naming it (an
    /// abstract field type whose members appear only as inline fragments).
    pub synthetic: bool,
}

/// The kind of a named type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TypeKind {
    /// A built-in scalar (`String`, `Int`, `Float`, `Boolean`, `ID`).
    BuiltinScalar,
    /// A custom scalar (`Date`, `DateTime`, `JSONString`, `GenericScalar`, ...).
    Scalar,
    Enum,
    Object,
    Interface,
    Union,
    InputObject,
    /// Named in output position but nothing tells whether object, interface or union.
    UnknownOutput,
    /// Named in input position but nothing tells whether input object, enum or scalar.
    UnknownInput,
}

/// Questions about a list of operations, asked of a whole reference, of the model's operations, and
/// of a generator's selection alike.
pub trait OperationList {
    /// Distinct error codes with the message first seen for each, sorted.
    fn error_codes(&self) -> BTreeMap<&str, &str>;
    /// Every permission name some operation requires, sorted and without repeats.
    fn required_permissions(&self) -> std::collections::BTreeSet<&str>;
    /// Total number of error entries across operations.
    fn error_entry_count(&self) -> usize;
    /// The operation named `name` of a list sorted by name.
    fn operation(&self, name: &str) -> Option<&Operation>;
}

impl OperationList for [Operation] {
    fn error_codes(&self) -> BTreeMap<&str, &str> {
        let mut m = BTreeMap::new();
        for e in self.iter().flat_map(|o| &o.errors) {
            m.entry(e.code.as_str()).or_insert(e.message.as_str());
        }
        m
    }

    fn required_permissions(&self) -> std::collections::BTreeSet<&str> {
        self.iter()
            .filter_map(|m| match &m.permissions {
                Permissions::Required(e) => Some(e.names()),
                _ => None,
            })
            .flatten()
            .collect()
    }

    fn error_entry_count(&self) -> usize {
        self.iter().map(|m| m.errors.len()).sum()
    }

    fn operation(&self, name: &str) -> Option<&Operation> {
        self.binary_search_by(|m| m.name.as_str().cmp(name)).ok().map(|i| &self[i])
    }
}

impl Reference {
    /// Distinct error codes, sorted.
    pub fn error_codes(&self) -> BTreeMap<&str, &str> {
        self.operations.error_codes()
    }

    /// Every permission name some operation requires, sorted and without repeats.
    pub fn required_permissions(&self) -> std::collections::BTreeSet<&str> {
        self.operations.required_permissions()
    }

    /// Total number of error entries across operations.
    pub fn error_entry_count(&self) -> usize {
        self.operations.error_entry_count()
    }

    pub fn operation(&self, name: &str) -> Option<&Operation> {
        self.operations.operation(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_ref_round_trips() {
        for s in ["String", "String!", "[String]", "[String!]!", "[[Int!]]!"] {
            assert_eq!(TypeRef::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(TypeRef::parse(" [ ID ! ] ").unwrap().to_string(), "[ID!]");
        for bad in ["", "[String", "String]", "1Foo", "Foo Bar", "!"] {
            assert!(TypeRef::parse(bad).is_none(), "{bad}");
        }
        let nested = |n: usize| format!("{}Int{}", "[".repeat(n), "]".repeat(n));
        assert!(TypeRef::parse(&nested(TypeRef::MAX_DEPTH)).is_some());
        assert!(TypeRef::parse(&nested(TypeRef::MAX_DEPTH + 1)).is_none());
        assert!(TypeRef::parse(&nested(1_000_000)).is_none());
    }

    #[test]
    fn line_index_spans_equal_scanned_spans() {
        let long = "é".repeat(3 * LineIndex::BLOCK);
        for text in ["", "a", "ab\ncé\n\nxyz", "\n\n", long.as_str(), &format!("x\n{long}\ny{long}")] {
            let index = LineIndex::new(text);
            // Every offset of the short texts; of the long ones, a sample and both sides of each block edge.
            let edges = (1..=text.len() / LineIndex::BLOCK).flat_map(|b| b * LineIndex::BLOCK - 2..b * LineIndex::BLOCK + 2);
            for offset in (0..=text.len() + 2).step_by(if text.len() > 100 { 97 } else { 1 }).chain(edges) {
                assert_eq!(index.span(3, offset, 1), Span::at(3, text, offset, 1), "{offset} in {:?}", &text[..text.len().min(20)]);
            }
        }
    }

    #[test]
    fn permission_display_parenthesises_nested_groups() {
        let e = PermissionExpr::All(vec![
            PermissionExpr::Any(vec![
                PermissionExpr::Permission("A".into()),
                PermissionExpr::Permission("B".into()),
            ]),
            PermissionExpr::Permission("C".into()),
        ]);
        assert_eq!(e.to_string(), "(A OR B) AND C");
        assert_eq!(e.names(), ["A", "B", "C"]);
    }
}
