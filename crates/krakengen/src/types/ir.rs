//! The types of the model: every type the schema declares, first built from the reference alone.
//!
//! The reference model ([`crate::model`]) describes mutations; GraphQL describes types. This module
//! turns the one into the other: payload fields of every mutation become the fields of their payload
//! type (merged when several mutations share one), and each [`TypeInfo`](crate::model::TypeInfo) becomes a [`TypeDef`] whose
//! kind is always one GraphQL can declare. The IR stays apart from emission so the supplement and the
//! position checks can work on facts, not on text.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::diag::Diagnostics;
use crate::model::{Deprecation, Provenance, Reference, Span, TypeKind, TypeRef};

/// Where a fact in the schema comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The reference states it.
    Declared,
    /// krakengen guessed it from an example value, a fragment name or a convention.
    Inferred,
    /// A supplement SDL the user passed states it.
    Supplement,
}

impl From<Provenance> for Origin {
    fn from(p: Provenance) -> Self {
        match p {
            Provenance::Declared => Origin::Declared,
            Provenance::Inferred => Origin::Inferred,
        }
    }
}

/// The kinds of named type the SDL declares (built-in scalars are never declared).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Scalar,
    Enum,
    Object,
    Interface,
    Union,
    InputObject,
}

impl Kind {
    /// Whether GraphQL allows the kind in an output position (field and return types).
    pub fn is_output(self) -> bool {
        !matches!(self, Kind::InputObject)
    }

    /// Whether GraphQL allows the kind in an input position (argument and input field types).
    pub fn is_input(self) -> bool {
        matches!(self, Kind::Scalar | Kind::Enum | Kind::InputObject)
    }

    /// Whether the kind has fields.
    pub fn has_fields(self) -> bool {
        matches!(self, Kind::Object | Kind::Interface | Kind::InputObject)
    }
}

/// How much of a type's shape (fields, values or members) the SDL knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// Every field, value or member is known.
    Complete,
    /// Those listed are real, but there may be more.
    Partial,
    /// Nothing is known: the type holds only a placeholder (or, for a scalar, even the kind is unknown).
    Opaque,
}

/// One named type of the schema.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    pub name: String,
    pub kind: Kind,
    pub shape: Shape,
    /// Where the kind comes from.
    pub origin: Origin,
    /// Whether the kind is a stand-in because nothing tells it (the model's `UnknownInput` and
    /// `UnknownOutput`), as opposed to a kind inferred from evidence.
    pub kind_unknown: bool,
    /// Whether any part of the type (kind, fields, values, members) was filled from a supplement.
    pub supplemented: bool,
    /// Whether krakengen made the name up.
    pub synthetic: bool,
    pub description: Option<String>,
    /// Fields of objects, interfaces and input objects.
    pub fields: Vec<FieldDef>,
    /// Values of enums.
    pub values: Vec<ValueDef>,
    /// Members of unions.
    pub members: Vec<String>,
    /// Interfaces an object or interface implements.
    pub interfaces: Vec<String>,
    /// Where the reference first names the type, for diagnostics.
    pub first_use: Option<Span>,
}

impl TypeDef {
    pub fn new(name: &str, kind: Kind, shape: Shape, origin: Origin) -> Self {
        TypeDef {
            name: name.to_string(),
            kind,
            shape,
            origin,
            kind_unknown: false,
            supplemented: false,
            synthetic: false,
            description: None,
            fields: Vec::new(),
            values: Vec::new(),
            members: Vec::new(),
            interfaces: Vec::new(),
            first_use: None,
        }
    }

    pub fn field(&self, name: &str) -> Option<&FieldDef> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// A field of an object, interface or input object, or an argument of a field.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDef {
    pub name: String,
    pub description: Option<String>,
    /// Arguments (output fields only).
    pub args: Vec<FieldDef>,
    /// `None` when nothing tells the type; emitted as the `Unknown` scalar.
    pub ty: Option<TypeRef>,
    /// A default value (input fields and arguments from a supplement).
    pub default: Option<apollo_compiler::Node<apollo_compiler::ast::Value>>,
    /// Where the type comes from (`None` with `ty == None`).
    pub origin: Option<Origin>,
    /// Whether the field itself exists only because a supplement names it.
    pub from_supplement: bool,
    pub deprecation: Option<Deprecation>,
    pub span: Option<Span>,
}

impl FieldDef {
    pub fn new(name: &str) -> Self {
        FieldDef {
            name: name.to_string(),
            description: None,
            args: Vec::new(),
            ty: None,
            default: None,
            origin: None,
            from_supplement: false,
            deprecation: None,
            span: None,
        }
    }
}

/// A value of an enum.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueDef {
    pub name: String,
    pub description: Option<String>,
    pub deprecation: Option<String>,
    pub from_supplement: bool,
}

/// The whole schema apart from its root types: those are emitted straight from the reference's
/// mutations so their metadata directives can be read off the model.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub types: BTreeMap<String, TypeDef>,
    /// Root fields a supplement gives where the reference gives none (`Query` without a queries
    /// page, `Subscription`), by root name.
    pub roots: BTreeMap<&'static str, Vec<FieldDef>>,
}

/// Names krakengen declares itself and a reference must not use for its own types.
pub const RESERVED: [&str; 3] = ["Query", "Mutation", "Unknown"];

/// Builds the IR from the reference alone.
pub fn from_reference(reference: &Reference, diags: &mut Diagnostics) -> Draft {
    let mut ir = Draft::default();
    for info in reference.types.values() {
        let origin = Origin::from(info.provenance);
        let def = match info.kind {
            TypeKind::BuiltinScalar => continue,
            TypeKind::Scalar => TypeDef::new(&info.name, Kind::Scalar, Shape::Complete, origin),
            TypeKind::Enum => {
                let mut d = TypeDef::new(&info.name, Kind::Enum, shape_of(info.shape_known), origin);
                d.values = info
                    .values
                    .iter()
                    .map(|v| ValueDef { name: v.clone(), description: None, deprecation: None, from_supplement: false })
                    .collect();
                d
            }
            TypeKind::Object | TypeKind::Interface => {
                let kind = if info.kind == TypeKind::Object { Kind::Object } else { Kind::Interface };
                TypeDef::new(&info.name, kind, shape_of(info.shape_known), origin)
            }
            TypeKind::Union => {
                let mut d = TypeDef::new(&info.name, Kind::Union, shape_of(info.shape_known), origin);
                d.members = info.members.clone();
                d
            }
            TypeKind::InputObject => TypeDef::new(&info.name, Kind::InputObject, shape_of(info.shape_known), origin),
            // A composite seen only in output position: an object is the one output kind every
            // selection of the reference's examples is valid against, and it can be a union member.
            TypeKind::UnknownOutput => TypeDef::new(&info.name, Kind::Object, Shape::Opaque, Origin::Inferred),
            // Seen only as an argument type with no telling example: a custom scalar is the one input
            // kind that accepts every literal (object, list, enum value, string, number).
            TypeKind::UnknownInput => TypeDef::new(&info.name, Kind::Scalar, Shape::Opaque, Origin::Inferred),
        };
        let mut def = def;
        def.synthetic = info.synthetic;
        def.kind_unknown = matches!(info.kind, TypeKind::UnknownInput | TypeKind::UnknownOutput);
        ir.types.insert(info.name.clone(), def);
    }

    // Payload fields: the fields of each mutation's payload type, merged over every mutation that
    // shares the payload. Mutations are sorted by name, so "first" is deterministic.
    for m in &reference.operations {
        let payload = m.return_type.base();
        note_use(&mut ir, payload, m.span);
        for a in &m.arguments {
            note_use(&mut ir, a.ty.base(), a.span);
        }
        let Some(def) = ir.types.get_mut(payload) else { continue };
        if !matches!(def.kind, Kind::Object | Kind::Interface) {
            if !m.fields.is_empty() {
                diags.warn(
                    crate::diag::Code::FieldsOnNonObjectPayload,
                    m.span,
                    format!(
                        "`{}` returns `{payload}`, which is a {:?}, yet the reference lists fields for it; the fields are left out of the SDL",
                        m.name, def.kind
                    ),
                    "payload is not an object",
                );
            }
            continue;
        }
        for f in &m.fields {
            if f.name.starts_with("__") {
                // `__typename` is a meta-field every composite type has implicitly; GraphQL reserves
                // `__` names, so none of them can be declared as a field.
                if f.name != "__typename" {
                    diags.warn(
                        crate::diag::Code::ReservedFieldName,
                        f.span,
                        format!("`{}` selects `{}`, a name GraphQL reserves for introspection; it is left out of `{payload}`", m.name, f.name),
                        "reserved name",
                    );
                }
                continue;
            }
            match def.fields.iter_mut().find(|e| e.name == f.name) {
                None => def.fields.push(FieldDef {
                    name: f.name.clone(),
                    description: f.description.clone(),
                    args: Vec::new(),
                    ty: f.ty.clone(),
                    default: None,
                    origin: f.ty.as_ref().map(|_| f.provenance.map_or(Origin::Inferred, Origin::from)),
                    from_supplement: false,
                    deprecation: f.deprecation.clone(),
                    span: Some(f.span),
                }),
                Some(existing) => merge_field(existing, f, &m.name, payload, diags),
            }
        }
        for f in &m.fields {
            if let Some(t) = &f.ty {
                note_use(&mut ir, t.base(), f.span);
            }
        }
    }
    // Union members are first used where their union is.
    let unions: Vec<(Vec<String>, Option<Span>)> =
        ir.types.values().filter(|d| d.kind == Kind::Union).map(|d| (d.members.clone(), d.first_use)).collect();
    for (members, span) in unions {
        for m in members {
            if let Some(span) = span {
                note_use(&mut ir, &m, span);
            }
        }
    }
    for def in ir.types.values_mut() {
        if def.kind.has_fields() && def.fields.is_empty() {
            def.shape = Shape::Opaque;
        }
    }
    ir
}

fn shape_of(known: bool) -> Shape {
    if known {
        Shape::Complete
    } else {
        Shape::Partial
    }
}

fn note_use(ir: &mut Draft, name: &str, span: Span) {
    if let Some(d) = ir.types.get_mut(name) {
        if d.first_use.is_none_or(|s| (s.file, s.offset) > (span.file, span.offset)) {
            d.first_use = Some(span);
        }
    }
}

/// Merges a payload field seen again in another mutation sharing the payload.
fn merge_field(existing: &mut FieldDef, f: &crate::model::Field, mutation: &str, payload: &str, diags: &mut Diagnostics) {
    let new_origin = f.provenance.map_or(Origin::Inferred, Origin::from);
    match (&existing.ty, &f.ty) {
        (None, Some(t)) => {
            existing.ty = Some(t.clone());
            existing.origin = Some(new_origin);
        }
        (Some(a), Some(b)) if a != b => {
            // A declaration beats a guess; between equals the first mutation (by name) wins.
            let take_new = existing.origin != Some(Origin::Declared) && new_origin == Origin::Declared;
            let (kept, dropped) = if take_new { (b, a) } else { (a, b) };
            diags.warn(
                crate::diag::Code::PayloadFieldConflict,
                f.span,
                format!(
                    "field `{}` of `{payload}` has type `{b}` in `{mutation}` but `{a}` in another mutation returning `{payload}`; `{kept}` is kept and `{dropped}` dropped",
                    f.name
                ),
                "conflicting field type",
            );
            if take_new {
                existing.ty = Some(b.clone());
                existing.origin = Some(new_origin);
            }
        }
        _ => {}
    }
    if existing.description.is_none() {
        existing.description = f.description.clone();
    }
    if existing.deprecation.is_none() {
        existing.deprecation = f.deprecation.clone();
    }
}

/// Every named type a [`TypeRef`]-holding part of the IR or the reference uses, with its position.
#[derive(Debug, Default)]
pub struct Uses {
    /// Type name → spans (or `None` for uses inside the IR without a reference position).
    pub input: BTreeMap<String, Vec<Option<Span>>>,
    pub output: BTreeMap<String, Vec<Option<Span>>>,
    /// Member name → unions listing it.
    pub member_of: BTreeMap<String, BTreeSet<String>>,
    /// Interface name → types implementing it.
    pub implemented_by: BTreeMap<String, BTreeSet<String>>,
}

/// Collects where every type name is used: mutation arguments and return types, and every field,
/// argument, member and interface inside the IR.
pub fn uses(reference: &Reference, ir: &Draft) -> Uses {
    let mut u = Uses::default();
    for m in &reference.operations {
        u.output.entry(m.return_type.base().to_string()).or_default().push(Some(m.span));
        for a in &m.arguments {
            u.input.entry(a.ty.base().to_string()).or_default().push(Some(a.span));
        }
    }
    for def in ir.types.values() {
        for f in &def.fields {
            if let Some(t) = &f.ty {
                let side = if def.kind == Kind::InputObject { &mut u.input } else { &mut u.output };
                side.entry(t.base().to_string()).or_default().push(f.span);
            }
            for a in &f.args {
                if let Some(t) = &a.ty {
                    u.input.entry(t.base().to_string()).or_default().push(a.span);
                }
            }
        }
        for m in &def.members {
            u.output.entry(m.clone()).or_default().push(def.first_use);
            u.member_of.entry(m.clone()).or_default().insert(def.name.clone());
        }
        for i in &def.interfaces {
            u.implemented_by.entry(i.clone()).or_default().insert(def.name.clone());
        }
    }
    u
}

