//! Operation documents that the real API accepts.
//!
//! The reference's example operations cannot be sent as written: they spread fragments it never
//! defines. Each document here is rebuilt from the model instead. Leaf fields are selected by name;
//! a composite field whose shape the reference does not give is selected with `{ __typename }` (the
//! one field every object, interface and union has), plus a spread of every user-supplied fragment on
//! its type (for a union, on the union or any member), plus whatever plain fields the example
//! selected under it, which are valid because the reference shows them, plus the leaf fields
//! supplied for its type through [`super::Options::with_type_fields`] (for a union, those of each
//! member, in an inline fragment on the member). Undefined fragment spreads
//! of the example are dropped. The layout is fixed: two-space indentation, one selection a line,
//! fragment definitions after the operation in name order.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::model::{Field, Mutation, Selection, TypeKind};

use super::ir::{is_leaf, Cx};

/// The operation name: the mutation name with its first letter upper-cased, as the reference's
/// examples name their operations (`acceptGoodsQuote` → `AcceptGoodsQuote`).
pub(crate) fn operation_name(mutation: &str) -> String {
    let mut c = mutation.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

/// Whether the document selects a payload field: exactly the fields the example selects. Fields the
/// example leaves out (deprecated ones, mostly) are described by the payload struct but not asked for,
/// because for most of them the reference does not even say whether they are leaves.
pub(crate) fn selects(f: &Field) -> bool {
    f.selected
}

pub(crate) fn build(cx: &Cx<'_>, m: &Mutation) -> String {
    let mut used = BTreeSet::new();
    let mut out = String::new();
    let op = operation_name(&m.name);
    if m.arguments.is_empty() {
        let _ = writeln!(out, "mutation {op} {{");
    } else {
        let vars: Vec<String> = m.arguments.iter().map(|a| format!("${}: {}", a.name, a.ty)).collect();
        let _ = writeln!(out, "mutation {op}({}) {{", vars.join(", "));
    }
    let args: Vec<String> = m.arguments.iter().map(|a| format!("{0}: ${0}", a.name)).collect();
    let call = if args.is_empty() { m.name.clone() } else { format!("{}({})", m.name, args.join(", ")) };
    let base = m.return_type.base();
    let kind = cx.kind(base);
    if is_leaf(kind) {
        let _ = writeln!(out, "  {call}");
    } else {
        let _ = writeln!(out, "  {call} {{");
        let mut body = String::new();
        if kind == Some(TypeKind::Union) {
            composite_body(cx, base, &[], 2, &mut body, &mut used);
        } else {
            let selected: Vec<&Field> = m.fields.iter().filter(|f| selects(f)).collect();
            if selected.is_empty() {
                body.push_str("    __typename\n");
            }
            for f in selected {
                field(cx, f, &mut body, &mut used);
            }
        }
        out.push_str(&body);
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    out.push_str(&cx.fragments.definitions(&used));
    out
}

fn indent(depth: usize) -> String {
    "  ".repeat(depth)
}

fn field(cx: &Cx<'_>, f: &Field, out: &mut String, used: &mut BTreeSet<String>) {
    let pad = indent(2);
    let leaf = match &f.ty {
        Some(t) => is_leaf(cx.kind(t.base())) || matches!(t.base(), "String" | "ID" | "Int" | "Float" | "Boolean"),
        // Without a type, the example is the only evidence: a field it selects without braces is a leaf.
        None => f.selection.is_empty(),
    };
    if leaf {
        let _ = writeln!(out, "{pad}{}", f.name);
        return;
    }
    let _ = writeln!(out, "{pad}{} {{", f.name);
    let base = f.ty.as_ref().map(|t| t.base()).unwrap_or("");
    composite_body(cx, base, &f.selection, 3, out, used);
    let _ = writeln!(out, "{pad}}}");
}

/// The inside of a composite selection set on type `base` at `depth`.
fn composite_body(
    cx: &Cx<'_>,
    base: &str,
    example: &[Selection],
    depth: usize,
    out: &mut String,
    used: &mut BTreeSet<String>,
) {
    let pad = indent(depth);
    let _ = writeln!(out, "{pad}__typename");
    for name in cx.supplied_leaves(base) {
        let _ = writeln!(out, "{pad}{name}");
    }
    let mut on: Vec<&str> = vec![base];
    on.extend(cx.members(base).iter().map(String::as_str));
    for name in cx.fragments.on_types(&on) {
        let _ = writeln!(out, "{pad}...{name}");
        used.insert(name.to_string());
    }
    // A union has no fields of its own: the supplied leaves of its members are selected in an inline
    // fragment per member, unless the example's own inline fragment on that member (below, which
    // adds them) is kept.
    let kept: BTreeSet<&str> = example.iter().filter_map(kept_inline_fragment).collect();
    for member in cx.members(base).iter().filter(|m| !kept.contains(m.as_str())) {
        let leaves = cx.supplied_leaves(member);
        if leaves.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{pad}... on {member} {{");
        for name in leaves {
            let _ = writeln!(out, "{pad}  {name}");
        }
        let _ = writeln!(out, "{pad}}}");
    }
    for s in example {
        match s {
            Selection::Field { name, selection } if name != "__typename" => {
                if selection.is_empty() {
                    let _ = writeln!(out, "{pad}{name}");
                } else {
                    let _ = writeln!(out, "{pad}{name} {{");
                    composite_body(cx, "", selection, depth + 1, out, used);
                    let _ = writeln!(out, "{pad}}}");
                }
            }
            Selection::InlineFragment { type_condition, selection } if kept_inline_fragment(s).is_some() => {
                let _ = writeln!(out, "{pad}... on {type_condition} {{");
                composite_body(cx, type_condition, selection, depth + 1, out, used);
                let _ = writeln!(out, "{pad}}}");
            }
            _ => {}
        }
    }
}

/// The type condition of an example's inline fragment that the document keeps: one that selects
/// some field besides `__typename`.
fn kept_inline_fragment(s: &Selection) -> Option<&str> {
    match s {
        Selection::InlineFragment { type_condition, selection }
            if selection.iter().any(|s| matches!(s, Selection::Field { name, .. } if name != "__typename")) =>
        {
            Some(type_condition)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_names_upper_case_the_first_letter() {
        assert_eq!(operation_name("acceptGoodsQuote"), "AcceptGoodsQuote");
        assert_eq!(operation_name("a"), "A");
        assert_eq!(operation_name(""), "");
    }
}
