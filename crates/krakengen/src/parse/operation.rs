//! Reading a block's example operation.
//!
//! The operation is the reference's only source of truth for argument names and full type references
//! (its variable definitions) and for the names of the return fields (its selection). It is real GraphQL,
//! so it is parsed with graphql-parser, whose positions are mapped back to the reference's lines.

use graphql_parser::query::{self as q, Definition, OperationDefinition};

use crate::model::{Selection, TypeRef};

/// What the operation tells about a mutation.
#[derive(Debug, Default)]
pub struct Operation {
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
fn fill_empty_selections(text: &str) -> (String, bool) {
    let mut out = String::with_capacity(text.len());
    let mut found = false;
    let mut in_string = false;
    let bytes = text.as_bytes();
    let mut last = 0;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => in_string = !in_string,
            b'{' if !in_string => {
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
pub fn parse(text: &str) -> Result<Operation, OpError> {
    if let Some((line, column)) = nesting(text).too_deep {
        return Err(OpError {
            message: format!("the operation nests more than {MAX_DEPTH} levels deep, which no reference does; it is not read"),
            line,
            column,
        });
    }
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
    let mut op = Operation { empty_selection, ..Operation::default() };
    let mutation = doc.definitions.iter().find_map(|d| match d {
        Definition::Operation(OperationDefinition::Mutation(m)) => Some(m),
        _ => None,
    });
    let Some(m) = mutation else {
        return Err(OpError { message: "the example operation is not a mutation".into(), line: 0, column: 0 });
    };
    for v in &m.variable_definitions {
        op.variables.push((v.name.clone(), type_ref(&v.var_type), v.position.line.saturating_sub(1)));
    }
    let root = m.selection_set.items.iter().find_map(|s| match s {
        q::Selection::Field(f) => Some(f),
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

    #[test]
    fn syntax_errors_have_positions() {
        let Err(e) = parse("mutation X {\nx {\nfoo\n}\n") else { panic!("expected an error") };
        assert!(e.line <= 4, "{}", e.line);
        assert!(!e.message.is_empty());
    }
}
