//! Operation documents that the real API accepts.
//!
//! The reference's example operations cannot be sent as written: they spread fragments it never
//! defines. Each document here is rebuilt from the example's selections and the type model instead.
//! Leaf fields are selected by name. A composite field is selected with `__typename` (the one field
//! every object, interface and union has), then the leaf fields the model knows for its type
//! ([`Shapes::leaves`]: scalars and enums that need no argument and are not deprecated), then a
//! spread of every user-supplied fragment on its type (for a union or interface, on it or any
//! member), then, for a union or an interface, an inline fragment per member with the member's own
//! leaves, then whatever the example selected under it, which is valid because the reference shows
//! it. Undefined fragment spreads of the example are dropped.
//!
//! Two members of a union may have same-named fields of different types (`screenId: String!` on
//! one, `screenId: String` on another); selecting both under one name is invalid GraphQL ("fields
//! conflict because they return conflicting types"). The later member's field is then aliased
//! ([`alias`]), and the member's Rust struct accepts the alias. Every document is validated against
//! the model's schema before it is used (see `ir::validate_documents`).
//!
//! The layout is fixed: two-space indentation, one selection a line, fragment definitions after the
//! operation in name order.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::model::{Operation, Selection, TypeRef};

use super::fragments::Fragments;
use crate::types::shapes::{PayloadField, Shapes};

/// The operation name: the mutation name with its first letter upper-cased, as the reference's
/// examples name their operations (`acceptGoodsQuote` → `AcceptGoodsQuote`).
pub(crate) fn operation_name(mutation: &str) -> String {
    let mut c = mutation.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

/// The response name a document gives `field` of the union member `member` when an earlier member
/// selects a same-named field of another type.
pub(crate) fn alias(field: &str, member: &str) -> String {
    format!("{field}_{member}")
}

/// The document of one operation, built in one walk.
pub(crate) struct Built {
    /// The document as written: the user's fragments spread and defined in it.
    pub document: String,
    /// The same document without the user's fragments, which validation against the model reads
    /// (users supply fragments for fields the model does not know); `None` when there are none.
    pub plain: Option<String>,
    /// The (member type, field) pairs the document aliases, because an earlier member selects a
    /// same-named field of another type; the members' structs accept the alias.
    pub aliases: BTreeSet<(String, String)>,
}

/// The document of `m`, with the user's `fragments` spread where their types are selected.
pub(crate) fn build(shapes: Shapes<'_>, fragments: &Fragments, m: &Operation) -> Built {
    let plain = (!fragments.by_name.is_empty()).then(String::new);
    let mut w = Writer { shapes, fragments, used: BTreeSet::new(), aliases: BTreeSet::new(), out: String::new(), plain };
    let op = operation_name(&m.name);
    let keyword = m.kind.keyword();
    if m.arguments.is_empty() {
        w.line(format_args!("{keyword} {op} {{"));
    } else {
        let vars: Vec<String> = m.arguments.iter().map(|a| format!("${}: {}", a.name, a.ty)).collect();
        w.line(format_args!("{keyword} {op}({}) {{", vars.join(", ")));
    }
    let args: Vec<String> = m.arguments.iter().map(|a| format!("{0}: ${0}", a.name)).collect();
    let call = if args.is_empty() { m.name.clone() } else { format!("{}({})", m.name, args.join(", ")) };
    let base = m.return_type.base();
    if shapes.is_leaf(base) {
        w.line(format_args!("  {call}"));
    } else {
        w.line(format_args!("  {call} {{"));
        if shapes.kind(base) == Some(crate::types::Kind::Union) {
            w.composite_body(base, &[], 2, &mut BTreeMap::new());
        } else {
            let selected: Vec<_> = shapes.payload_fields(m).into_iter().filter(|(_, f)| shapes.selects(*f)).collect();
            if selected.is_empty() {
                w.line(format_args!("    __typename"));
            }
            for (ty, f) in selected {
                let (name, selection): (&str, &[Selection]) = match f {
                    PayloadField::Reference(f, _) => (&f.name, &f.selection),
                    PayloadField::Supplement(d) => (&d.name, &[]),
                };
                w.field(name, ty, selection, 2);
            }
        }
        w.line(format_args!("  }}"));
    }
    w.line(format_args!("}}"));
    if w.plain.is_some() {
        let definitions = fragments.definitions(&w.used);
        w.out.push_str(&definitions);
    }
    Built { document: w.out, plain: w.plain, aliases: w.aliases }
}

fn indent(depth: usize) -> String {
    "  ".repeat(depth)
}

/// One document being written, with and without the user's fragments at once.
struct Writer<'a> {
    shapes: Shapes<'a>,
    fragments: &'a Fragments,
    /// The fragments spread so far.
    used: BTreeSet<String>,
    /// The (member type, field) pairs aliased so far.
    aliases: BTreeSet<(String, String)>,
    /// The document with the user's fragments.
    out: String,
    /// The document without them, when there are any.
    plain: Option<String>,
}

impl Writer<'_> {
    /// A line of both documents.
    fn line(&mut self, text: std::fmt::Arguments<'_>) {
        let _ = writeln!(self.out, "{text}");
        if let Some(plain) = &mut self.plain {
            let _ = writeln!(plain, "{text}");
        }
    }

    /// A field at `depth` whose type is `ty` (if known), with the example's sub-selection.
    fn field(&mut self, name: &str, ty: Option<&TypeRef>, example: &[Selection], depth: usize) {
        let pad = indent(depth);
        let leaf = match ty {
            Some(t) => self.shapes.is_leaf(t.base()),
            // Without a type, the example is the only evidence: a field it selects without braces is a leaf.
            None => example.is_empty(),
        };
        if leaf {
            self.line(format_args!("{pad}{name}"));
            return;
        }
        self.line(format_args!("{pad}{name} {{"));
        self.composite_body(ty.map_or("", |t| t.base()), example, depth + 1, &mut BTreeMap::new());
        self.line(format_args!("{pad}}}"));
    }

    /// A leaf of `owner` at `depth`, aliased when `seen` (the response names of this selection set,
    /// with their types) has its name with another type.
    fn leaf(&mut self, owner: &str, name: &str, ty: &TypeRef, depth: usize, seen: &mut BTreeMap<String, TypeRef>) {
        let pad = indent(depth);
        match seen.get(name) {
            Some(other) if other != ty => {
                self.line(format_args!("{pad}{}: {name}", alias(name, owner)));
                self.aliases.insert((owner.to_string(), name.to_string()));
            }
            Some(_) => {
                self.line(format_args!("{pad}{name}"));
            }
            None => {
                seen.insert(name.to_string(), ty.clone());
                self.line(format_args!("{pad}{name}"));
            }
        }
    }

    /// The inside of a composite selection set on type `base` at `depth`; `seen` holds the response
    /// names of the set so far (inline fragments add to their parent's set).
    fn composite_body(&mut self, base: &str, example: &[Selection], depth: usize, seen: &mut BTreeMap<String, TypeRef>) {
        let shapes = self.shapes;
        let pad = indent(depth);
        self.line(format_args!("{pad}__typename"));
        let own: Vec<_> = shapes.leaves(base);
        for f in &own {
            let ty = f.ty.as_ref().expect("leaves have types");
            self.leaf(base, &f.name, ty, depth, seen);
        }
        let members = if shapes.is_abstract(base) { shapes.members(base) } else { Vec::new() };
        if self.plain.is_some() {
            let mut on: Vec<&str> = vec![base];
            on.extend(members.iter().copied());
            for name in self.fragments.on_types(&on) {
                // A spread goes into the document as written only.
                let _ = writeln!(self.out, "{pad}...{name}");
                self.used.insert(name.to_string());
            }
        }
        // A union has no fields of its own, and an interface's members have more than it: the leaves
        // of each member are selected in an inline fragment per member, unless the example's own
        // inline fragment on that member (below, which adds them) is kept.
        let kept: BTreeSet<&str> = example.iter().filter_map(kept_inline_fragment).collect();
        for member in members.iter().filter(|m| !kept.contains(*m)) {
            let leaves: Vec<_> = shapes.leaves(member).into_iter().filter(|f| !own.iter().any(|o| o.name == f.name)).collect();
            if leaves.is_empty() {
                continue;
            }
            self.line(format_args!("{pad}... on {member} {{"));
            for f in leaves {
                self.leaf(member, &f.name, f.ty.as_ref().expect("leaves have types"), depth + 1, seen);
            }
            self.line(format_args!("{pad}}}"));
        }
        for s in example {
            match s {
                Selection::Field { name, selection } if name != "__typename" && !own.iter().any(|f| &f.name == name) => {
                    let declared = shapes.fields(base).iter().find(|f| &f.name == name).and_then(|f| f.ty.as_ref());
                    if selection.is_empty() {
                        self.line(format_args!("{pad}{name}"));
                        if let Some(t) = declared {
                            seen.entry(name.clone()).or_insert_with(|| t.clone());
                        }
                    } else {
                        self.line(format_args!("{pad}{name} {{"));
                        self.composite_body(declared.map_or("", |t| t.base()), selection, depth + 1, &mut BTreeMap::new());
                        self.line(format_args!("{pad}}}"));
                    }
                }
                Selection::InlineFragment { type_condition, selection } if kept_inline_fragment(s).is_some() => {
                    self.line(format_args!("{pad}... on {type_condition} {{"));
                    self.composite_body(type_condition, selection, depth + 1, seen);
                    self.line(format_args!("{pad}}}"));
                }
                _ => {}
            }
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
