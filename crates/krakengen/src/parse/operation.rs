//! Reading a block's example operation.
//!
//! The operation is the reference's only source of truth for argument names and full type references
//! (its variable definitions) and for the names of the return fields (its selection). It is real GraphQL,
//! so it is parsed with graphql-parser, whose positions are mapped back to the reference's lines.

use graphql_parser::query::{self as q, Definition, OperationDefinition};

use crate::model::{OperationKind, Selection, TypeRef};

/// What the operation tells about a mutation (or a query).
#[derive(Debug, Default, PartialEq)]
pub struct ExampleOperation {
    /// `mutation` or `query`, from the operation's keyword.
    pub kind: OperationKind,
    /// Variable definitions: name, type, and the 0-based index of the operation line defining it.
    pub variables: Vec<(String, TypeRef, usize)>,
    /// The root field selected (should be the mutation's name).
    pub root_field: Option<String>,
    /// Arguments of the root field: name and the variable passed to it, if any.
    pub arguments: Vec<(String, Option<String>)>,
    /// Fields selected under the root field: name, sub-selection, 0-based operation line.
    pub fields: Vec<(String, Vec<Selection>, usize)>,
    /// Type conditions of inline fragments directly under the root field (a union return).
    pub union_members: Vec<String>,
    /// Whether some selection set was empty (`{ }`), which GraphQL forbids but the reference prints
    /// for payloads whose only fields are deprecated.
    pub empty_selection: bool,
}

/// A placeholder put into empty selection sets so the rest of the operation can still be read.
const EMPTY: &str = "__krakengenEmpty";

/// Fills empty selection sets with a placeholder field; returns whether any was found.
///
/// Only braces outside parentheses, strings and comments are selection sets: inside parentheses a
/// `{}` is an empty input object (`x(input: {})`), which is valid GraphQL and must stay as it is.
fn fill_empty_selections(text: &str) -> (String, bool) {
    let mut out = String::with_capacity(text.len());
    let mut found = false;
    let (mut in_string, mut escaped, mut in_comment) = (false, false, false);
    let mut parens = 0usize;
    let bytes = text.as_bytes();
    let mut last = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if in_comment {
            in_comment = b != b'\n';
            continue;
        }
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'#' => in_comment = true,
            b'(' => parens += 1,
            b')' => parens = parens.saturating_sub(1),
            b'{' if parens == 0 => {
                let rest = &text[i + 1..];
                let trimmed = rest.trim_start();
                if trimmed.starts_with('}') {
                    out.push_str(&text[last..=i]);
                    out.push_str(EMPTY);
                    last = i + 1;
                    found = true;
                }
            }
            _ => {}
        }
    }
    out.push_str(&text[last..]);
    (out, found)
}

/// A parse failure: the message and 0-based line and column in the operation text.
pub struct OpError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

/// Deeper nesting of braces, parentheses and brackets than this is refused before graphql-parser
/// sees the text. graphql-parser has a recursion limit of its own; this check comes first so the
/// diagnostic names the problem and the place, and so the depth of everything built from the
/// document (selections, type references) stays small whatever graphql-parser allows. The vendored
/// reference never nests deeper than 4.
pub const MAX_DEPTH: usize = 32;

/// How the brackets of an operation nest.
struct Nesting {
    /// The 0-based line and column (in characters) of the first bracket deeper than [`MAX_DEPTH`].
    too_deep: Option<(usize, usize)>,
    /// Brackets still open at the end of the text.
    open_at_end: usize,
}

/// Follows `{`, `(` and `[` outside strings and comments. It stops at the first bracket deeper than
/// [`MAX_DEPTH`], so its work is bounded by the text's length whatever the nesting.
fn nesting(text: &str) -> Nesting {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut in_comment = false;
    let (mut line, mut column) = (0usize, 0usize);
    for c in text.chars() {
        if c == '\n' {
            line += 1;
            column = 0;
            in_comment = false;
            continue;
        }
        if in_comment {
        } else if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else {
            match c {
                '"' => in_string = true,
                '#' => in_comment = true,
                '{' | '(' | '[' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Nesting { too_deep: Some((line, column)), open_at_end: depth };
                    }
                }
                '}' | ')' | ']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        column += 1;
    }
    Nesting { too_deep: None, open_at_end: depth }
}

/// The number of brackets (`{`, `(`, `[`) an operation leaves open, for explaining "unexpected end
/// of input"; 0 when the operation nests too deeply to be read at all.
pub fn unclosed_brackets(text: &str) -> usize {
    let n = nesting(text);
    if n.too_deep.is_some() {
        0
    } else {
        n.open_at_end
    }
}

/// Parses the operation text (the block's operation lines joined by `\n`).
///
/// The reference's operations use a small, plain part of GraphQL, which [`parse_plain`] reads
/// directly; anything else (and every error) goes to graphql-parser through [`parse_general`]. The
/// plain reader is there for speed alone: graphql-parser took about 40% of the time of parsing the
/// vendored reference.
pub fn parse(text: &str) -> Result<ExampleOperation, OpError> {
    // The plain reader bounds its own depth, so the nesting check is needed only before
    // graphql-parser.
    if let Some(op) = parse_plain(text) {
        return Ok(op);
    }
    if let Some((line, column)) = nesting(text).too_deep {
        return Err(OpError {
            message: format!("the operation nests more than {MAX_DEPTH} levels deep, which no reference does; it is not read"),
            line,
            column,
        });
    }
    parse_general(text)
}

/// Parses an operation with graphql-parser, which reads all of GraphQL and reports syntax errors.
/// Callers other than [`parse`] must bound the nesting first (see [`MAX_DEPTH`]).
pub fn parse_general(text: &str) -> Result<ExampleOperation, OpError> {
    // The placeholder goes on the same line as the brace, so positions of later tokens stay right.
    let (filled, empty_selection) = fill_empty_selections(text);
    let doc = q::parse_query::<String>(&filled).map_err(|e| {
        let msg = e.to_string();
        // graphql-parser reports "query parse error: Parse error at L:C\n...": recover the position.
        let (line, column) = position_of(&msg).unwrap_or((1, 1));
        let message = msg
            .lines()
            .skip(1)
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("; ");
        let message = if message.is_empty() { msg.trim().to_string() } else { message };
        OpError { message, line: line.saturating_sub(1), column: column.saturating_sub(1) }
    })?;
    let mut op = ExampleOperation { empty_selection, ..ExampleOperation::default() };
    let operation = doc.definitions.iter().find_map(|d| match d {
        Definition::Operation(OperationDefinition::Mutation(m)) => Some((OperationKind::Mutation, &m.variable_definitions, &m.selection_set)),
        Definition::Operation(OperationDefinition::Query(q)) => Some((OperationKind::Query, &q.variable_definitions, &q.selection_set)),
        _ => None,
    });
    let Some((kind, variable_definitions, selection_set)) = operation else {
        return Err(OpError { message: "the example operation is neither a mutation nor a query".into(), line: 0, column: 0 });
    };
    op.kind = kind;
    for v in variable_definitions {
        op.variables.push((v.name.clone(), type_ref(&v.var_type), v.position.line.saturating_sub(1)));
    }
    let root = selection_set.items.iter().find_map(|s| match s {
        q::Selection::Field(f) if f.name != EMPTY => Some(f),
        _ => None,
    });
    if let Some(root) = root {
        op.root_field = Some(root.name.clone());
        for (name, value) in &root.arguments {
            let var = match value {
                q::Value::Variable(v) => Some(v.clone()),
                _ => None,
            };
            op.arguments.push((name.clone(), var));
        }
        for item in &root.selection_set.items {
            match item {
                q::Selection::Field(f) if f.name == EMPTY => {}
                q::Selection::Field(f) => {
                    op.fields.push((f.name.clone(), selection(&f.selection_set), f.position.line.saturating_sub(1)))
                }
                q::Selection::InlineFragment(frag) => {
                    if let Some(q::TypeCondition::On(t)) = &frag.type_condition {
                        op.union_members.push(t.clone());
                    }
                }
                q::Selection::FragmentSpread(_) => {}
            }
        }
    }
    Ok(op)
}

/// A token of the plain subset of GraphQL.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok<'a> {
    Name(&'a str),
    /// One of `$ : ! [ ] ( ) { }`.
    Punct(u8),
    /// `...`
    Spread,
}

/// A reader for the plain GraphQL of the reference's example operations: one `mutation` (or `query`) with
/// variable definitions without defaults, a root field whose arguments are all variables, and
/// selection sets of fields without arguments, aliases or directives, fragment spreads and inline
/// fragments with a type condition. Empty selection sets (`{ }`) are accepted and flagged, as in
/// [`parse_general`].
///
/// It returns `None` at the first thing outside that subset, valid GraphQL or not, so the caller
/// falls back on graphql-parser; whenever it returns a result, that result is what
/// [`parse_general`] gives (the unit tests check this on every vendored operation, and
/// `fuzz/fuzz_targets/operation.rs` on arbitrary text).
pub fn parse_plain(text: &str) -> Option<ExampleOperation> {
    let mut toks: Vec<(Tok<'_>, usize, usize)> = Vec::with_capacity(text.len() / 6);
    let b = text.as_bytes();
    let (mut i, mut line) = (0usize, 0usize);
    while i < b.len() {
        match b[i] {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b' ' | b'\t' | b'\r' | b',' => i += 1,
            b'$' | b':' | b'!' | b'[' | b']' | b'(' | b')' | b'{' | b'}' => {
                toks.push((Tok::Punct(b[i]), line, i));
                i += 1;
            }
            b'.' if b[i..].starts_with(b"...") => {
                toks.push((Tok::Spread, line, i));
                i += 3;
            }
            c if c == b'_' || c.is_ascii_alphabetic() => {
                let start = i;
                while i < b.len() && (b[i] == b'_' || b[i].is_ascii_alphanumeric()) {
                    i += 1;
                }
                // graphql-parser's path drops fields named like its placeholder (found by the
                // differential fuzz target); `__` names are reserved in GraphQL anyway.
                if &text[start..i] == EMPTY {
                    return None;
                }
                toks.push((Tok::Name(&text[start..i]), line, start));
            }
            // Comments, strings, numbers, `@`, `=`, `|`, a byte-order mark, anything else: not plain.
            // (A comment inside `{ }` would also make the empty-selection rule differ.)
            _ => return None,
        }
    }
    let mut r = Plain { toks: &toks, text, at: 0, empty_selection: false };
    let kind = match r.name()? {
        "mutation" => OperationKind::Mutation,
        "query" => OperationKind::Query,
        _ => return None,
    };
    let mut op = ExampleOperation { kind, ..ExampleOperation::default() };
    if let Some(Tok::Name(_)) = r.peek() {
        r.at += 1;
    }
    // GraphQL wants at least one item between parentheses, and graphql-parser enforces it (the
    // differential fuzz target found `()` accepted here).
    if r.eat(b'(') {
        if r.peek() == Some(Tok::Punct(b')')) {
            return None;
        }
        while !r.eat(b')') {
            let line = r.line();
            r.expect(b'$')?;
            let name = r.name()?;
            r.expect(b':')?;
            let ty = r.type_ref(0)?;
            op.variables.push((name.to_string(), ty, line));
        }
    }
    r.expect(b'{')?;
    let mut first_field = true;
    while !r.eat(b'}') {
        match r.next()? {
            Tok::Name(name) if first_field => {
                first_field = false;
                op.root_field = Some(name.to_string());
                if r.eat(b'(') {
                    if r.peek() == Some(Tok::Punct(b')')) {
                        return None;
                    }
                    while !r.eat(b')') {
                        let arg = r.name()?;
                        r.expect(b':')?;
                        r.expect(b'$')?;
                        op.arguments.push((arg.to_string(), Some(r.name()?.to_string())));
                    }
                }
                if r.eat(b'{') {
                    r.check_empty()?;
                    while !r.eat(b'}') {
                        let line = r.line();
                        match r.selection(1)? {
                            Selection::Field { name, selection } => op.fields.push((name, selection, line)),
                            Selection::InlineFragment { type_condition, .. } => op.union_members.push(type_condition),
                            Selection::FragmentSpread { .. } => {}
                        }
                    }
                }
            }
            // Only the first field of the operation is the mutation; graphql-parser reads the
            // others and ignores them, which is rare enough to leave to it.
            _ => return None,
        }
    }
    if r.at != toks.len() || first_field {
        return None;
    }
    op.empty_selection = r.empty_selection;
    Some(op)
}

struct Plain<'t, 'a> {
    /// Tokens with their 0-based line and byte offset.
    toks: &'t [(Tok<'a>, usize, usize)],
    text: &'a str,
    at: usize,
    empty_selection: bool,
}

impl<'a> Plain<'_, 'a> {
    fn peek(&self) -> Option<Tok<'a>> {
        self.toks.get(self.at).map(|t| t.0)
    }

    /// The 0-based line of the next token.
    fn line(&self) -> usize {
        self.toks.get(self.at).map_or(0, |t| t.1)
    }

    fn next(&mut self) -> Option<Tok<'a>> {
        let t = self.peek()?;
        self.at += 1;
        Some(t)
    }

    fn eat(&mut self, p: u8) -> bool {
        let hit = self.peek() == Some(Tok::Punct(p));
        self.at += usize::from(hit);
        hit
    }

    fn expect(&mut self, p: u8) -> Option<()> {
        self.eat(p).then_some(())
    }

    fn name(&mut self) -> Option<&'a str> {
        match self.next()? {
            Tok::Name(n) => Some(n),
            _ => None,
        }
    }

    fn type_ref(&mut self, depth: usize) -> Option<TypeRef> {
        // `parse` bounds the nesting before this runs; the check keeps the reader safe on its own.
        if depth > MAX_DEPTH {
            return None;
        }
        let t = if self.eat(b'[') {
            let inner = self.type_ref(depth + 1)?;
            self.expect(b']')?;
            TypeRef::List(Box::new(inner))
        } else {
            TypeRef::Named(self.name()?.to_string())
        };
        Some(if self.eat(b'!') { TypeRef::NonNull(Box::new(t)) } else { t })
    }

    /// Notes an empty selection set, called right after its `{`. [`parse_general`] takes `{` and `}`
    /// with only whitespace between for one; with a comma between, it fails, so this gives up.
    fn check_empty(&mut self) -> Option<()> {
        if self.peek() == Some(Tok::Punct(b'}')) {
            let (open, close) = (self.toks[self.at - 1].2, self.toks[self.at].2);
            if self.text[open + 1..close].contains(',') {
                return None;
            }
            self.empty_selection = true;
        }
        Some(())
    }

    /// A selection set's contents after its `{`, up to and including its `}`.
    fn selection_set(&mut self, depth: usize) -> Option<Vec<Selection>> {
        self.check_empty()?;
        let mut out = Vec::new();
        while !self.eat(b'}') {
            out.push(self.selection(depth + 1)?);
        }
        Some(out)
    }

    fn selection(&mut self, depth: usize) -> Option<Selection> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.next()? {
            Tok::Name(name) => {
                let selection = if self.eat(b'{') { self.selection_set(depth)? } else { Vec::new() };
                Some(Selection::Field { name: name.to_string(), selection })
            }
            Tok::Spread => match self.name()? {
                "on" => {
                    let type_condition = self.name()?.to_string();
                    self.expect(b'{')?;
                    Some(Selection::InlineFragment { type_condition, selection: self.selection_set(depth)? })
                }
                name => Some(Selection::FragmentSpread { name: name.to_string() }),
            },
            Tok::Punct(_) => None,
        }
    }
}

fn position_of(msg: &str) -> Option<(usize, usize)> {
    let at = msg.find(" at ")? + 4;
    let rest = &msg[at..];
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ':')).unwrap_or(rest.len());
    let (l, c) = rest[..end].split_once(':')?;
    Some((l.parse().ok()?, c.parse().ok()?))
}

fn type_ref(t: &q::Type<'_, String>) -> TypeRef {
    match t {
        q::Type::NamedType(n) => TypeRef::Named(n.clone()),
        q::Type::ListType(t) => TypeRef::List(Box::new(type_ref(t))),
        q::Type::NonNullType(t) => TypeRef::NonNull(Box::new(type_ref(t))),
    }
}

fn selection(set: &q::SelectionSet<'_, String>) -> Vec<Selection> {
    set.items
        .iter()
        // Placeholders stand for empty selection sets: they select nothing.
        .filter(|s| !matches!(s, q::Selection::Field(f) if f.name == EMPTY))
        .map(|s| match s {
            q::Selection::Field(f) => Selection::Field { name: f.name.clone(), selection: selection(&f.selection_set) },
            q::Selection::FragmentSpread(f) => Selection::FragmentSpread { name: f.fragment_name.clone() },
            q::Selection::InlineFragment(f) => Selection::InlineFragment {
                type_condition: match &f.type_condition {
                    Some(q::TypeCondition::On(t)) => t.clone(),
                    None => String::new(),
                },
                selection: selection(&f.selection_set),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_variables_and_fields() {
        let op = parse(
            "mutation X(\n$a: [ID!]!,\n$b: Int\n) {\nx(a: $a, b: $b) {\nfoo\nbar {\n...BarTypeFragment\n}\n}\n}",
        )
        .unwrap_or_else(|e| panic!("{}", e.message));
        assert_eq!(op.variables[0].0, "a");
        assert_eq!(op.variables[0].1.to_string(), "[ID!]!");
        assert_eq!(op.variables[1].2, 2);
        assert_eq!(op.root_field.as_deref(), Some("x"));
        assert_eq!(op.fields.len(), 2);
        assert_eq!(op.fields[1].1, vec![Selection::FragmentSpread { name: "BarTypeFragment".into() }]);
    }

    #[test]
    fn union_members_from_inline_fragments() {
        let op = parse("mutation X {\nx {\n... on A {\n...AFragment\n}\n... on B {\nid\n}\n}\n}").ok().unwrap();
        assert_eq!(op.union_members, ["A", "B"]);
    }

    #[test]
    fn empty_selections_are_tolerated_and_flagged() {
        let op = parse("mutation X($i: I!) {\nx(input: $i) {\n}\n}").ok().unwrap();
        assert!(op.empty_selection);
        assert!(op.fields.is_empty());
        assert_eq!(op.arguments, [("input".to_string(), Some("i".to_string()))]);
        assert!(!parse("mutation X {\nx {\nid\n}\n}").ok().unwrap().empty_selection);
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = format!("mutation X {{\nx {}{}\n}}", "{ a ".repeat(10_000), "}".repeat(10_000));
        let Err(e) = parse(&deep) else { panic!("expected an error") };
        assert!(e.message.contains("nests more than"), "{}", e.message);
        assert_eq!((e.line, e.column), (1, 2 + 4 * (MAX_DEPTH - 1)));
        let args = format!("mutation X {{\nx(a: {}1{}) {{ id }}\n}}", "[".repeat(5_000), "]".repeat(5_000));
        assert!(parse(&args).is_err());
        // Braces inside strings and comments do not count.
        let quoted = format!("mutation X {{\nx(a: \"{}\") {{ id }} # {}\n}}", "{".repeat(100), "(".repeat(100));
        assert!(parse(&quoted).is_ok());
        // Exactly the limit is still read (and must not overflow the test thread's stack).
        let at_limit = format!("mutation X {}x{}", "{ a ".repeat(MAX_DEPTH - 1), "}".repeat(MAX_DEPTH - 1));
        let _ = parse(&at_limit);
    }

    #[test]
    fn unclosed_brackets_are_counted_outside_strings() {
        assert_eq!(unclosed_brackets("mutation X($a: [Int]) {\nx(a: $a) {\nid\n}"), 1);
        assert_eq!(unclosed_brackets("mutation X {\nx(a: \"{(\") { id } # {\n}"), 0);
        assert_eq!(unclosed_brackets(&"{".repeat(MAX_DEPTH + 1)), 0);
        assert_eq!(unclosed_brackets(&"{".repeat(MAX_DEPTH)), MAX_DEPTH);
    }

    /// The plain reader either gives up or agrees with graphql-parser.
    fn agree(text: &str) -> bool {
        let plain = parse_plain(text);
        let general = parse_general(text).ok();
        if let Some(p) = &plain {
            assert_eq!(Some(p), general.as_ref(), "{text}");
        }
        plain.is_some()
    }

    #[test]
    fn plain_reader_agrees_with_graphql_parser_or_gives_up() {
        let read = [
            "mutation X(\n$a: [ID!]!,\n$b: Int\n) {\nx(a: $a, b: $b) {\nfoo\nbar {\n...BarFragment\n}\n}\n}",
            "mutation X {\nx {\n... on A {\n...AFragment\n}\n... on B {\nid\n}\n}\n}",
            "mutation X($i: I!) {\nx(input: $i) {\n}\n}",
            "mutation X($i: I!) {\nx(input: $i) {\na {\n}\nb\n}\n}",
            "mutation {\r\n\tx\r\n}",
            "mutation($a: [[Int]!]) { x(a: $a) { y { z { w } } } }",
            "query X($id: ID!) {\nx(id: $id) { id }\n}",
        ];
        for text in read {
            assert!(agree(text), "the plain reader gives up on {text}");
        }
        let given_up = [
            "mutation X {\nx(a: 1) {\nid\n}\n}",
            "mutation X {\nx(a: \"s\") {\nid\n}\n}",
            "mutation X {\nx(a: ENUM) { id }\n}",
            "mutation X($a: Int = 3) {\nx(a: $a) { id }\n}",
            "mutation X {\nx { alias: id }\n}",
            "mutation X {\nx { id(a: $a) }\n}",
            "mutation X {\nx @skip(if: true) { id }\n}",
            "mutation X {\nx { # comment\n}\n}",
            "mutation X {\nx { , }\n}",
            "mutation X {\nx { ... { id } }\n}",
            "mutation X {\nx { id }\ny { id }\n}",
            "mutation X {\n}",
            "mutation X {\nx { id }\n}\nfragment F on T { id }",
            "mutation X {\nx { id }",
            "mutation X {\nx { id }\n}}",
            "\u{feff}mutation X {\nx { id }\n}",
            "mutation X {\nx { id\n__krakengenEmpty }\n}",
            "mutation X() {\nx { id }\n}",
            "mutation X {\nx() { id }\n}",
        ];
        for text in given_up {
            assert!(!agree(text), "the plain reader should give up on {text}");
        }
        // What graphql-parser makes of an empty selection at the top: no placeholder leaks out.
        assert_eq!(parse_general("mutation X {\n}").ok().and_then(|o| o.root_field), None);
        let nested = parse_general("mutation X {\nx { a {\n} }\n}").ok().unwrap();
        assert_eq!(nested.fields[0].1, vec![]);
    }

    #[test]
    fn empty_input_objects_are_not_selections() {
        let op = parse_general("mutation X {\nx(input: {}, s: \"{ }\\\" { }\") {\n}\n}").unwrap_or_else(|e| panic!("{}", e.message));
        assert_eq!(op.arguments, [("input".to_string(), None), ("s".to_string(), None)]);
        assert!(op.empty_selection);
        assert!(op.fields.is_empty());
    }

    #[test]
    fn syntax_errors_have_positions() {
        let Err(e) = parse("mutation X {\nx {\nfoo\n}\n") else { panic!("expected an error") };
        assert!(e.line <= 4, "{}", e.line);
        assert!(!e.message.is_empty());
    }
}
