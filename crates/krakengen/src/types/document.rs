//! Emission of the IR and the reference's mutations as an apollo-compiler syntax tree.
//!
//! The document is built as a tree, not as text: there is no string escaping to get wrong, whatever
//! the reference's descriptions contain (`"""`, backslashes, `*/`, carriage returns), because
//! apollo-compiler's printer writes every string and chooses block strings only where they round-trip.
//! Building the tree directly also spares a parse of ~250 KB of SDL on every run. This module decides
//! *what* is declared and in which order: the directives, `Unknown` and `Query` (parsed once from
//! [`PREAMBLE`]), `Mutation`, then every type by name.

use std::sync::OnceLock;

use apollo_compiler::ast::{
    Argument, Definition, Directive, DirectiveList, Document, EnumTypeDefinition, EnumValueDefinition, FieldDefinition,
    InputObjectTypeDefinition, InputValueDefinition, IntValue, InterfaceTypeDefinition, ObjectTypeDefinition,
    ScalarTypeDefinition, Type, UnionTypeDefinition, Value,
};
use apollo_compiler::{Name, Node};

use super::ir::{FieldDef, Draft, Kind, Origin, Shape, TypeDef};
use crate::diag::Diagnostics;
use crate::model::{Deprecation, Operation, OperationKind, Permissions, Reference, Span, TypeRef};

/// The name of the scalar standing for a type the reference does not give.
pub const UNKNOWN: &str = "Unknown";
/// The placeholder field of an opaque object, interface or input object (and of `Query`).
pub const PLACEHOLDER_FIELD: &str = "_opaque";

/// The directives krakengen declares, `Unknown` and `Query`, with descriptions a reader of the SDL
/// alone can follow.
pub const PREAMBLE: &str = r#"
"Marks a type whose shape the reference does not give. An opaque object, interface or input object has the single placeholder field `_opaque` of type `Unknown`; an opaque scalar stands for a type whose kind is unknown too."
directive @opaque on SCALAR | OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT

"Marks a type whose listed fields, values or members are real but not necessarily all of them: the reference shows only those its examples use."
directive @partial on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT

"Marks a type whose kind, or a field whose type, krakengen inferred from an example value, a fragment name or a naming convention rather than read from a declaration: a guess, not a fact."
directive @inferred on SCALAR | OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | FIELD_DEFINITION

"Marks a type whose name krakengen made up because the reference uses the type without naming it (an abstract field type seen only through inline fragments). The real API names it differently."
directive @synthetic on OBJECT | INTERFACE | UNION

"Marks what comes from a supplement SDL passed by the user rather than from the reference: on a type, its kind or part of its content; on a field, argument or value, that item (marked only where the type mixes the reference's items with the supplement's)."
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

/// The preamble, parsed once per process.
fn preamble() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| Document::parse(PREAMBLE, "krakengen-preamble.graphql").expect("the preamble is valid SDL"))
}

/// Builds the whole document. A name that is not a valid GraphQL name is an `invalid-name` error
/// and the item is left out; the caller must not use the document when `diags` has errors.
pub fn document(reference: &Reference, ir: &Draft, diags: &mut Diagnostics) -> Document {
    let mut e = Emitter { diags };
    let mut doc = preamble().clone();
    doc.definitions.reserve(ir.types.len() + 1);
    let root_fields = |e: &mut Emitter<'_>, kind: OperationKind| -> Vec<_> {
        reference.operations.iter().filter(|m| m.kind == kind).filter_map(|m| e.mutation(m)).collect()
    };
    let (mutations, mut queries) = (root_fields(&mut e, OperationKind::Mutation), root_fields(&mut e, OperationKind::Query));
    // Without a queries page, a supplement's query root fills it (`supplement::import_roots`).
    let supplied = |e: &mut Emitter<'_>, root: &str| -> Vec<_> {
        ir.roots.get(root).into_iter().flatten().filter_map(|f| e.output_field(f, true)).collect()
    };
    if queries.is_empty() {
        queries = supplied(&mut e, "Query");
    }
    let subscriptions = supplied(&mut e, "Subscription");
    // A reference with queries gives the query root its fields; the preamble's placeholder stands
    // in only for a mutations page, whose queries krakengen does not know.
    if !queries.is_empty() {
        let at = doc.definitions.iter().position(|d| matches!(d, Definition::ObjectTypeDefinition(o) if o.name == "Query"));
        let query = Definition::ObjectTypeDefinition(Node::new(ObjectTypeDefinition {
            description: None,
            name: Name::new_static_unchecked("Query"),
            implements_interfaces: Vec::new(),
            directives: DirectiveList::new(),
            fields: queries,
        }));
        match at {
            Some(i) => doc.definitions[i] = query,
            None => doc.definitions.push(query),
        }
    }
    // GraphQL forbids a type without fields: a reference without mutations has no mutation root.
    if !mutations.is_empty() {
        doc.definitions.push(Definition::ObjectTypeDefinition(Node::new(ObjectTypeDefinition {
            description: None,
            name: Name::new_static_unchecked("Mutation"),
            implements_interfaces: Vec::new(),
            directives: DirectiveList::new(),
            fields: mutations,
        })));
    }
    if !subscriptions.is_empty() {
        doc.definitions.push(Definition::ObjectTypeDefinition(Node::new(ObjectTypeDefinition {
            description: None,
            name: Name::new_static_unchecked("Subscription"),
            implements_interfaces: Vec::new(),
            directives: DirectiveList::new(),
            fields: subscriptions,
        })));
    }
    for def in ir.types.values() {
        if let Some(d) = e.type_def(def) {
            doc.definitions.push(d);
        }
    }
    doc
}

struct Emitter<'a> {
    diags: &'a mut Diagnostics,
}

fn directive(name: &'static str, arguments: Vec<(&'static str, Value)>) -> Node<Directive> {
    Node::new(Directive {
        name: Name::new_static_unchecked(name),
        arguments: arguments
            .into_iter()
            .map(|(n, v)| Node::new(Argument { name: Name::new_static_unchecked(n), value: Node::new(v) }))
            .collect(),
    })
}

fn flag(name: &'static str) -> Node<Directive> {
    directive(name, Vec::new())
}

fn string_list<'s>(items: impl Iterator<Item = &'s str>) -> Value {
    Value::List(items.map(|s| Node::new(Value::from(s))).collect())
}

fn description(text: Option<&str>) -> Option<Node<str>> {
    text.map(Node::new_str)
}

/// `@deprecated(reason:)` plus, when there are any, `@deprecationDetails(marked:, removal:, link:)`.
fn deprecation(d: Option<&Deprecation>, out: &mut DirectiveList) {
    let Some(d) = d else { return };
    out.push(directive("deprecated", vec![("reason", Value::from(d.reason.as_str()))]));
    let details: Vec<(&'static str, Value)> = [("marked", &d.marked), ("removal", &d.removal), ("link", &d.link)]
        .into_iter()
        .filter_map(|(k, v)| v.as_deref().map(|v| (k, Value::from(v))))
        .collect();
    if !details.is_empty() {
        out.push(directive("deprecationDetails", details));
    }
}

impl Emitter<'_> {
    fn name(&mut self, text: &str, span: Option<Span>, what: &str) -> Option<Name> {
        match Name::new(text) {
            Ok(n) if !text.starts_with("__") => Some(n),
            Ok(_) => {
                self.diags.error(
                    crate::diag::Code::InvalidName,
                    span.unwrap_or_default(),
                    format!("{what} `{text}` starts with `__`, which GraphQL reserves for introspection"),
                    "reserved GraphQL name",
                );
                None
            }
            Err(_) => {
                self.diags.error(
                    crate::diag::Code::InvalidName,
                    span.unwrap_or_default(),
                    format!("{what} `{text}` is not a valid GraphQL name (letters, digits and `_`, not starting with a digit)"),
                    "invalid GraphQL name",
                );
                None
            }
        }
    }

    fn ty(&mut self, t: &TypeRef, span: Option<Span>) -> Option<Type> {
        Some(match t {
            TypeRef::Named(n) => Type::Named(self.name(n, span, "type")?),
            TypeRef::List(inner) => Type::List(Box::new(self.ty(inner, span)?)),
            TypeRef::NonNull(inner) => match self.ty(inner, span)? {
                Type::Named(n) => Type::NonNullNamed(n),
                Type::List(l) => Type::NonNullList(l),
                // `X!!` cannot be written; one `!` says it all.
                already => already,
            },
        })
    }

    fn field_type(&mut self, t: Option<&TypeRef>, span: Option<Span>) -> Option<Type> {
        match t {
            Some(t) => self.ty(t, span),
            None => Some(Type::Named(Name::new_static_unchecked(UNKNOWN))),
        }
    }

    fn mutation(&mut self, m: &Operation) -> Option<Node<FieldDefinition>> {
        let name = self.name(&m.name, Some(m.span), "mutation")?;
        let mut arguments = Vec::with_capacity(m.arguments.len());
        for a in &m.arguments {
            if arguments.iter().any(|d: &Node<InputValueDefinition>| d.name == a.name.as_str()) {
                self.diags.warn(
                    crate::diag::Code::DuplicateArgument,
                    a.span,
                    format!("`{}` lists the argument `{}` twice; the first is kept", m.name, a.name),
                    "argument listed again",
                );
                continue;
            }
            let (Some(n), Some(t)) = (self.name(&a.name, Some(a.span), "argument"), self.ty(&a.ty, Some(a.span))) else {
                continue;
            };
            arguments.push(Node::new(InputValueDefinition {
                description: description(a.description.as_deref()),
                name: n,
                ty: Node::new(t),
                default_value: None,
                directives: DirectiveList::new(),
            }));
        }
        let ty = self.ty(&m.return_type, Some(m.span))?;
        let mut directives = DirectiveList::new();
        deprecation(m.deprecation.as_ref(), &mut directives);
        if let Some(c) = m.complexity {
            directives.push(directive("complexity", vec![("value", Value::Int(IntValue::new_parsed(&c.to_string())))]));
        }
        if !m.errors.is_empty() {
            directives.push(directive("possibleErrors", vec![("codes", string_list(m.errors.iter().map(|e| e.code.as_str())))]));
        }
        match &m.permissions {
            Permissions::Unspecified => {}
            Permissions::Public => directives.push(flag("public")),
            Permissions::Required(expr) => {
                directives.push(directive("requiresPermissions", vec![("expression", Value::from(expr.to_string().as_str()))]))
            }
        }
        for r in &m.rate_limits {
            let steps: Vec<String> = r.steps.iter().map(|s| format!("{}/{}", s.limit, s.per.suffix())).collect();
            directives.push(directive(
                "rateLimit",
                vec![("key", Value::from(r.key.as_str())), ("steps", string_list(steps.iter().map(String::as_str)))],
            ));
        }
        Some(Node::new(FieldDefinition { description: description(m.description.as_deref()), name, arguments, ty, directives }))
    }

    fn type_def(&mut self, def: &TypeDef) -> Option<Definition> {
        let span = def.first_use;
        let name = self.name(&def.name, span, "type")?;
        let mut directives = DirectiveList::new();
        if def.origin == Origin::Inferred {
            directives.push(flag("inferred"));
        }
        if def.synthetic {
            directives.push(flag("synthetic"));
        }
        if def.supplemented || def.origin == Origin::Supplement {
            directives.push(flag("fromSupplement"));
        }
        match def.shape {
            Shape::Complete => {}
            Shape::Partial => directives.push(flag("partial")),
            Shape::Opaque => directives.push(flag("opaque")),
        }
        let description = description(def.description.as_deref());
        let interfaces = || -> Vec<Name> { def.interfaces.iter().filter_map(|i| Name::new(i).ok()).collect() };
        Some(match def.kind {
            Kind::Scalar => Definition::ScalarTypeDefinition(Node::new(ScalarTypeDefinition { description, name, directives })),
            Kind::Union => {
                let members = def.members.iter().filter_map(|m| self.name(m, span, "union member")).collect();
                Definition::UnionTypeDefinition(Node::new(UnionTypeDefinition { description, name, directives, members }))
            }
            Kind::Enum => {
                // Marks on single values are only needed where the supplement's mix with the reference's.
                let mixed = !def.values.iter().all(|v| v.from_supplement);
                let mut values = Vec::with_capacity(def.values.len());
                for v in &def.values {
                    let Some(value) = self.name(&v.name, span, "enum value") else { continue };
                    let mut directives = DirectiveList::new();
                    if let Some(reason) = &v.deprecation {
                        directives.push(directive("deprecated", vec![("reason", Value::from(reason.as_str()))]));
                    }
                    if v.from_supplement && mixed {
                        directives.push(flag("fromSupplement"));
                    }
                    values.push(Node::new(EnumValueDefinition {
                        description: self::description(v.description.as_deref()),
                        value,
                        directives,
                    }));
                }
                Definition::EnumTypeDefinition(Node::new(EnumTypeDefinition { description, name, directives, values }))
            }
            Kind::InputObject => {
                let fields = if def.fields.is_empty() {
                    vec![placeholder_input()]
                } else {
                    let mixed = !def.fields.iter().all(|f| f.from_supplement);
                    def.fields.iter().filter_map(|f| self.input_value(f, mixed)).collect()
                };
                Definition::InputObjectTypeDefinition(Node::new(InputObjectTypeDefinition { description, name, directives, fields }))
            }
            Kind::Object | Kind::Interface => {
                let fields = if def.fields.is_empty() {
                    vec![placeholder_field()]
                } else {
                    // Where every field comes from the supplement, the type's own mark says so once.
                    let mixed = !def.fields.iter().all(|f| f.from_supplement);
                    def.fields.iter().filter_map(|f| self.output_field(f, mixed)).collect()
                };
                if def.kind == Kind::Object {
                    Definition::ObjectTypeDefinition(Node::new(ObjectTypeDefinition {
                        description,
                        name,
                        implements_interfaces: interfaces(),
                        directives,
                        fields,
                    }))
                } else {
                    Definition::InterfaceTypeDefinition(Node::new(InterfaceTypeDefinition {
                        description,
                        name,
                        implements_interfaces: interfaces(),
                        directives,
                        fields,
                    }))
                }
            }
        })
    }

    fn field_directives(f: &FieldDef, mixed: bool) -> DirectiveList {
        let mut directives = DirectiveList::new();
        deprecation(f.deprecation.as_ref(), &mut directives);
        if f.origin == Some(Origin::Inferred) {
            directives.push(flag("inferred"));
        }
        if mixed && (f.from_supplement || f.origin == Some(Origin::Supplement)) {
            directives.push(flag("fromSupplement"));
        }
        directives
    }

    fn output_field(&mut self, f: &FieldDef, mixed: bool) -> Option<Node<FieldDefinition>> {
        let name = self.name(&f.name, f.span, "field")?;
        let ty = self.field_type(f.ty.as_ref(), f.span)?;
        let arguments = f.args.iter().filter_map(|a| self.input_value(a, !f.from_supplement)).collect();
        let directives = Self::field_directives(f, mixed);
        Some(Node::new(FieldDefinition { description: description(f.description.as_deref()), name, arguments, ty, directives }))
    }

    fn input_value(&mut self, f: &FieldDef, mixed: bool) -> Option<Node<InputValueDefinition>> {
        let name = self.name(&f.name, f.span, "input field")?;
        let ty = self.field_type(f.ty.as_ref(), f.span)?;
        let mut directives = DirectiveList::new();
        if let Some(d) = &f.deprecation {
            directives.push(directive("deprecated", vec![("reason", Value::from(d.reason.as_str()))]));
        }
        if mixed && (f.from_supplement || f.origin == Some(Origin::Supplement)) {
            directives.push(flag("fromSupplement"));
        }
        Some(Node::new(InputValueDefinition {
            description: description(f.description.as_deref()),
            name,
            ty: Node::new(ty),
            default_value: f.default.clone(),
            directives,
        }))
    }
}

fn placeholder_field() -> Node<FieldDefinition> {
    Node::new(FieldDefinition {
        description: None,
        name: Name::new_static_unchecked(PLACEHOLDER_FIELD),
        arguments: Vec::new(),
        ty: Type::Named(Name::new_static_unchecked(UNKNOWN)),
        directives: DirectiveList::new(),
    })
}

fn placeholder_input() -> Node<InputValueDefinition> {
    Node::new(InputValueDefinition {
        description: None,
        name: Name::new_static_unchecked(PLACEHOLDER_FIELD),
        ty: Node::new(Type::Named(Name::new_static_unchecked(UNKNOWN))),
        default_value: None,
        directives: DirectiveList::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preamble_parses() {
        assert_eq!(preamble().definitions.len(), 13);
    }
}
