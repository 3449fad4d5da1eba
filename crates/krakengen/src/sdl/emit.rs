//! Emission of the IR and the reference's mutations as SDL text.
//!
//! This module writes plain, always-safe SDL: every string is a quoted GraphQL string with every quote,
//! backslash and control character escaped, so no description can break out of its string. The text is
//! then parsed and printed by apollo-compiler (see [`super::canonicalize`]), whose printer chooses block
//! strings where they round-trip and fixes the layout; this module only decides *what* is declared
//! and in which order.

use std::fmt::Write as _;

use super::ir::{Ir, Kind, Origin, Shape, TypeDef};
use crate::model::{Deprecation, Mutation, Permissions, Reference};

/// The name of the scalar standing for a type the reference does not give.
pub const UNKNOWN: &str = "Unknown";
/// The placeholder field of an opaque object, interface or input object (and of `Query`).
pub const PLACEHOLDER_FIELD: &str = "_opaque";

/// The directives krakengen declares, with descriptions a reader of the SDL alone can follow.
pub const DIRECTIVES: &str = r#"
"Marks a type whose shape the reference does not give. An opaque object, interface or input object has the single placeholder field `_opaque` of type `Unknown`; an opaque scalar stands for a type whose kind is unknown too."
directive @opaque on SCALAR | OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT

"Marks a type whose listed fields, values or members are real but not necessarily all of them: the reference shows only those its examples use."
directive @partial on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT

"Marks a type whose kind, or a field whose type, krakengen inferred from an example value, a fragment name or a naming convention rather than read from a declaration: a guess, not a fact."
directive @inferred on SCALAR | OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | FIELD_DEFINITION

"Marks a type whose name krakengen made up because the reference uses the type without naming it (an abstract field type seen only through inline fragments). The real API names it differently."
directive @synthetic on OBJECT | INTERFACE | UNION

"Marks a type, field, argument or value that comes, in whole or in part, from a supplement SDL passed by the user rather than from the reference."
directive @fromSupplement on SCALAR | OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | ENUM_VALUE

"The query complexity the reference states for a mutation."
directive @complexity(value: Int!) on FIELD_DEFINITION

"The error codes a mutation can raise, in reference order. Their messages and families are in metadata.json."
directive @possibleErrors(codes: [String!]!) on FIELD_DEFINITION

"The permissions a mutation requires, in the reference's own syntax (`A AND B`, `A OR B`, parentheses). The expression as a tree is in metadata.json. A mutation with neither this directive nor `@public` has unspecified permissions."
directive @requiresPermissions(expression: String!) on FIELD_DEFINITION

"Marks a mutation that requires no permission (`(No)` in the reference)."
directive @public on FIELD_DEFINITION

"One rate-limit key of a mutation with its steps in the reference's syntax: `5/m` is five requests a minute (`s`, `m`, `h`, `d`)."
directive @rateLimit(key: String!, steps: [String!]!) repeatable on FIELD_DEFINITION

"When a deprecation was marked, when the item may be removed and where to read more; the reason is in `@deprecated`."
directive @deprecationDetails(marked: String, removal: String, link: String) on FIELD_DEFINITION

"A value whose type the reference does not give: the type of a field the reference names without telling its type, and of the `_opaque` placeholder fields."
scalar Unknown

"The reference covers mutations only, but GraphQL requires a query root; this placeholder stands in for the API's queries, which krakengen does not describe."
type Query @opaque {
  _opaque: Unknown
}
"#;

/// Writes the whole document: directives, `Unknown`, `Query`, `Mutation`, then every type by name.
pub fn emit(reference: &Reference, ir: &Ir) -> String {
    let mut out = String::with_capacity(512 * 1024);
    out.push_str(DIRECTIVES);
    out.push_str("\ntype Mutation {\n");
    for m in &reference.mutations {
        mutation(&mut out, m);
    }
    out.push_str("}\n");
    for def in ir.types.values() {
        out.push('\n');
        type_def(&mut out, def);
    }
    out
}

fn mutation(out: &mut String, m: &Mutation) {
    description(out, "  ", m.description.as_deref());
    let _ = write!(out, "  {}", m.name);
    if !m.arguments.is_empty() {
        out.push_str("(\n");
        for a in &m.arguments {
            description(out, "    ", a.description.as_deref());
            let _ = writeln!(out, "    {}: {}", a.name, a.ty);
        }
        out.push_str("  )");
    }
    let _ = write!(out, ": {}", m.return_type);
    deprecation(out, m.deprecation.as_ref());
    if let Some(c) = m.complexity {
        let _ = write!(out, " @complexity(value: {c})");
    }
    if !m.errors.is_empty() {
        out.push_str(" @possibleErrors(codes: [");
        for (i, e) in m.errors.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&string(&e.code));
        }
        out.push_str("])");
    }
    match &m.permissions {
        Permissions::Unspecified => {}
        Permissions::Public => out.push_str(" @public"),
        Permissions::Required(expr) => {
            let _ = write!(out, " @requiresPermissions(expression: {})", string(&expr.to_string()));
        }
    }
    for r in &m.rate_limits {
        let _ = write!(out, " @rateLimit(key: {}, steps: [", string(&r.key));
        for (i, s) in r.steps.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&string(&format!("{}/{}", s.limit, s.per.suffix())));
        }
        out.push_str("])");
    }
    out.push('\n');
}

fn type_def(out: &mut String, def: &TypeDef) {
    description(out, "", def.description.as_deref());
    let keyword = match def.kind {
        Kind::Scalar => "scalar",
        Kind::Enum => "enum",
        Kind::Object => "type",
        Kind::Interface => "interface",
        Kind::Union => "union",
        Kind::InputObject => "input",
    };
    let _ = write!(out, "{keyword} {}", def.name);
    if !def.interfaces.is_empty() {
        let _ = write!(out, " implements {}", def.interfaces.join(" & "));
    }
    if def.origin == Origin::Inferred {
        out.push_str(" @inferred");
    }
    if def.synthetic {
        out.push_str(" @synthetic");
    }
    if def.supplemented || def.origin == Origin::Supplement {
        out.push_str(" @fromSupplement");
    }
    match def.shape {
        Shape::Complete => {}
        Shape::Partial => out.push_str(" @partial"),
        Shape::Opaque => out.push_str(" @opaque"),
    }
    match def.kind {
        Kind::Scalar => out.push('\n'),
        Kind::Union => {
            let _ = writeln!(out, " = {}", def.members.join(" | "));
        }
        Kind::Enum => {
            out.push_str(" {\n");
            // Marks on single values are only needed where the supplement's mix with the reference's.
            let mixed = !def.values.iter().all(|v| v.from_supplement);
            for v in &def.values {
                description(out, "  ", v.description.as_deref());
                let _ = write!(out, "  {}", v.name);
                if let Some(reason) = &v.deprecation {
                    let _ = write!(out, " @deprecated(reason: {})", string(reason));
                }
                if v.from_supplement && mixed {
                    out.push_str(" @fromSupplement");
                }
                out.push('\n');
            }
            out.push_str("}\n");
        }
        Kind::Object | Kind::Interface | Kind::InputObject => {
            out.push_str(" {\n");
            if def.fields.is_empty() {
                let _ = writeln!(out, "  {PLACEHOLDER_FIELD}: {UNKNOWN}");
            }
            // Where every field comes from the supplement, the type's own mark says so once.
            let mixed = !def.fields.iter().all(|f| f.from_supplement);
            for f in &def.fields {
                description(out, "  ", f.description.as_deref());
                let _ = write!(out, "  {}", f.name);
                if !f.args.is_empty() {
                    out.push_str("(\n");
                    for a in &f.args {
                        description(out, "    ", a.description.as_deref());
                        let _ = write!(out, "    {}: {}", a.name, type_name(a.ty.as_ref()));
                        if let Some(d) = &a.default {
                            let _ = write!(out, " = {d}");
                        }
                        deprecation(out, a.deprecation.as_ref());
                        if a.from_supplement && !f.from_supplement {
                            out.push_str(" @fromSupplement");
                        }
                        out.push('\n');
                    }
                    out.push_str("  )");
                }
                let _ = write!(out, ": {}", type_name(f.ty.as_ref()));
                if let Some(d) = &f.default {
                    let _ = write!(out, " = {d}");
                }
                deprecation(out, f.deprecation.as_ref());
                if f.origin == Some(Origin::Inferred) {
                    out.push_str(" @inferred");
                }
                if mixed && (f.from_supplement || f.origin == Some(Origin::Supplement)) {
                    out.push_str(" @fromSupplement");
                }
                out.push('\n');
            }
            out.push_str("}\n");
        }
    }
}

fn type_name(ty: Option<&crate::model::TypeRef>) -> String {
    ty.map_or_else(|| UNKNOWN.to_string(), ToString::to_string)
}

fn deprecation(out: &mut String, d: Option<&Deprecation>) {
    let Some(d) = d else { return };
    let _ = write!(out, " @deprecated(reason: {})", string(&d.reason));
    if d.marked.is_some() || d.removal.is_some() || d.link.is_some() {
        out.push_str(" @deprecationDetails(");
        let mut first = true;
        for (key, value) in [("marked", &d.marked), ("removal", &d.removal), ("link", &d.link)] {
            if let Some(v) = value {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                let _ = write!(out, "{key}: {}", string(v));
            }
        }
        out.push(')');
    }
}

fn description(out: &mut String, indent: &str, text: Option<&str>) {
    if let Some(t) = text {
        let _ = writeln!(out, "{indent}{}", string(t));
    }
}

/// A GraphQL string literal holding exactly `s`.
///
/// Quotes, backslashes and every control character are escaped, so the literal is valid whatever the
/// reference's text contains (`"""`, `*/`, a stray carriage return, ...).
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_everything_that_could_end_them() {
        assert_eq!(string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(string("x\"\"\"y"), r#""x\"\"\"y""#);
        assert_eq!(string("l1\nl2\r\u{1}"), r#""l1\nl2\r\u0001""#);
    }
}
