//! Reconstructing what the reference never states directly.
//!
//! The reference names types but rarely says what they are. This pass looks at the whole reference at
//! once: literal argument values in the example variables tell which declared argument types are enums
//! (and with which values) or scalars; example response values tell the types of return fields; fragment
//! spreads and inline fragments name composite types and union members. Every guess is recorded as
//! [`Provenance::Inferred`]; only what a rendering states (a `Type:` line, a variable definition, a
//! `name (Type)` row) is [`Provenance::Declared`]. What cannot be told stays unknown.

use std::collections::{BTreeMap, BTreeSet};

use super::example::Value;
use super::Block;
use crate::diag::Diagnostics;
use crate::model::{Provenance, Reference, Selection, TypeInfo, TypeKind, TypeRef};

pub use crate::model::BUILTIN_SCALARS;

/// What the examples show about a named input type.
#[derive(Debug, Default)]
struct InputEvidence {
    enum_values: BTreeSet<String>,
    scalar: bool,
    composite: bool,
}

/// Runs inference over every block and fills `reference.mutations` and `reference.types`.
pub fn run(reference: &mut Reference, blocks: Vec<Block>, diags: &mut Diagnostics) {
    // 1. Argument types: what their literal example values show.
    let mut inputs: BTreeMap<String, InputEvidence> = BTreeMap::new();
    for b in &blocks {
        for a in &b.mutation.arguments {
            let base = a.ty.base();
            // Looked up before inserting, so a type seen again costs no allocation.
            if !inputs.contains_key(base) {
                inputs.insert(base.to_string(), InputEvidence::default());
            }
            let Some(ev) = inputs.get_mut(base) else { continue };
            if let Some(v) = b.variables.as_ref().and_then(|v| v.get(&a.name)) {
                input_evidence(v, ev);
            }
        }
    }
    // An enum value identifies its enum only when exactly one enum has it.
    let mut value_owner: BTreeMap<&str, Option<&str>> = BTreeMap::new();
    for (name, ev) in &inputs {
        if ev.enum_values.is_empty() || ev.composite || BUILTIN_SCALARS.contains(&name.as_str()) {
            continue;
        }
        for v in &ev.enum_values {
            value_owner.entry(v.as_str()).and_modify(|o| *o = None).or_insert(Some(name.as_str()));
        }
    }

    // 2. Return fields, using the response values and the operation's fragments.
    let mut types: BTreeMap<String, TypeInfo> = BTreeMap::new();
    let mut mutations = Vec::with_capacity(blocks.len());
    let mut output_names: BTreeMap<String, TypeKind> = BTreeMap::new();
    let mut synthetic: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for b in blocks {
        let mut m = b.mutation;
        let payload = m.return_type.base().to_string();
        let response = b.response.as_ref().and_then(|r| r.get("data")).and_then(|d| d.get(&m.name));
        for f in &mut m.fields {
            let members: Vec<&str> = f
                .selection
                .iter()
                .filter_map(|s| match s {
                    Selection::InlineFragment { type_condition, .. } if !type_condition.is_empty() => Some(type_condition.as_str()),
                    _ => None,
                })
                .collect();
            if let Some(t) = b.declared_field_types.get(&f.name) {
                f.ty = Some(t.clone());
                f.provenance = Some(Provenance::Declared);
            } else if !members.is_empty() {
                // The response shows one member, not the abstract type: the field's type has no name in
                // the reference, so one is made up from the payload and field names and marked as such.
                let value = response.and_then(|r| r.get(&f.name));
                let list = matches!(value, Some(Value::List(_)));
                let name = format!("{payload}{}", upper_first(&f.name));
                synthetic.entry(name.clone()).or_default().extend(members.iter().map(|s| s.to_string()));
                let named = TypeRef::Named(name);
                f.ty = Some(if list { TypeRef::List(Box::new(named)) } else { named });
                f.provenance = Some(Provenance::Inferred);
            } else {
                let from_value = response.and_then(|r| r.get(&f.name)).and_then(|v| infer_output(v, &value_owner));
                let from_fragment = f.selection.iter().find_map(|s| match s {
                    Selection::FragmentSpread { name } => name.strip_suffix("Fragment").map(|n| TypeRef::Named(n.to_string())),
                    _ => None,
                });
                f.ty = from_value.or(from_fragment);
                f.provenance = f.ty.as_ref().map(|_| Provenance::Inferred);
            }
            for m in &members {
                output_names.insert(m.to_string(), TypeKind::Object);
            }
            if let Some(t) = &f.ty {
                note_output(t.base(), &f.selection, &mut output_names);
            }
        }
        if !m.union_members.is_empty() {
            for member in &m.union_members {
                output_names.insert(member.clone(), TypeKind::Object);
            }
            insert(
                &mut types,
                diags,
                m.span,
                TypeInfo {
                    name: payload.clone(),
                    kind: TypeKind::Union,
                    provenance: Provenance::Declared,
                    values: Vec::new(),
                    members: sorted(m.union_members.iter().cloned()),
                    shape_known: true,
                    synthetic: false,
                },
            );
        } else {
            insert(
                &mut types,
                diags,
                m.span,
                TypeInfo {
                    name: payload.clone(),
                    kind: TypeKind::Object,
                    provenance: m.return_type_provenance,
                    values: Vec::new(),
                    members: Vec::new(),
                    shape_known: b.fields_confirmed,
                    synthetic: false,
                },
            );
        }
        mutations.push(m);
    }

    // 3. Named types: inputs, scalars and enums from the evidence, composite outputs from the examples.
    for (name, ev) in &inputs {
        let kind = if BUILTIN_SCALARS.contains(&name.as_str()) {
            TypeKind::BuiltinScalar
        } else if ev.composite {
            TypeKind::InputObject
        } else if !ev.enum_values.is_empty() && !ev.scalar {
            TypeKind::Enum
        } else if ev.scalar {
            TypeKind::Scalar
        } else {
            TypeKind::UnknownInput
        };
        let info = TypeInfo {
            name: name.clone(),
            kind,
            provenance: if kind == TypeKind::BuiltinScalar { Provenance::Declared } else { Provenance::Inferred },
            values: if kind == TypeKind::Enum { ev.enum_values.iter().cloned().collect() } else { Vec::new() },
            members: Vec::new(),
            shape_known: matches!(kind, TypeKind::BuiltinScalar | TypeKind::Scalar),
            synthetic: false,
        };
        insert(&mut types, diags, Default::default(), info);
    }
    for (name, members) in synthetic {
        insert(
            &mut types,
            diags,
            Default::default(),
            TypeInfo {
                name,
                kind: TypeKind::Union,
                provenance: Provenance::Inferred,
                values: Vec::new(),
                members: members.into_iter().collect(),
                shape_known: true,
                synthetic: true,
            },
        );
    }
    for (name, kind) in output_names {
        if types.contains_key(&name) {
            // Enums and payloads are already known; an output name seen as both is kept as first known.
            continue;
        }
        let (kind, shape_known) = match kind {
            TypeKind::BuiltinScalar => (TypeKind::BuiltinScalar, true),
            TypeKind::Scalar => (TypeKind::Scalar, true),
            k => (k, false),
        };
        insert(
            &mut types,
            diags,
            Default::default(),
            TypeInfo {
                name: name.clone(),
                kind,
                provenance: if kind == TypeKind::BuiltinScalar { Provenance::Declared } else { Provenance::Inferred },
                values: Vec::new(),
                members: Vec::new(),
                shape_known,
                synthetic: false,
            },
        );
    }
    // A mutation is several hundred bytes: sorting positions by name and then moving each mutation
    // once is much cheaper on large references than sorting the mutations themselves.
    let mut order: Vec<usize> = (0..mutations.len()).collect();
    order.sort_by(|&a, &b| mutations[a].name.cmp(&mutations[b].name));
    let mut slots: Vec<Option<_>> = mutations.into_iter().map(Some).collect();
    reference.operations = order.into_iter().filter_map(|i| slots[i].take()).collect();
    reference.types = types;
}

fn sorted(it: impl Iterator<Item = String>) -> Vec<String> {
    let s: BTreeSet<String> = it.collect();
    s.into_iter().collect()
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
}

/// Adds a type, reporting a conflict when the same name is already known with another kind.
fn insert(types: &mut BTreeMap<String, TypeInfo>, diags: &mut Diagnostics, span: crate::model::Span, info: TypeInfo) {
    match types.get_mut(&info.name) {
        None => {
            types.insert(info.name.clone(), info);
        }
        Some(existing) if existing.kind == info.kind => {
            // The same payload type may serve several mutations: union members and confirmation merge.
            existing.members = sorted(existing.members.drain(..).chain(info.members));
            existing.shape_known &= info.shape_known;
            if info.provenance == Provenance::Declared {
                existing.provenance = Provenance::Declared;
            }
        }
        Some(existing) => {
            let is_output = |k: TypeKind| matches!(k, TypeKind::Object | TypeKind::Union | TypeKind::Interface | TypeKind::UnknownOutput);
            // A payload type also named in an input position is a real contradiction; a scalar or enum
            // used on both sides is legal GraphQL.
            if is_output(existing.kind) != is_output(info.kind) {
                diags.warn(
                    crate::diag::Code::TypeKindConflict,
                    span,
                    format!("type `{}` is used as {:?} and as {:?}; the first is kept", info.name, existing.kind, info.kind),
                    "conflicting use of a type name",
                );
            }
        }
    }
}

fn is_enum_like(s: &str) -> bool {
    s.len() >= 2
        && s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// `2020-01-31`.
fn is_date(s: &str) -> bool {
    is_date_bytes(s.as_bytes())
}

fn is_date_bytes(b: &[u8]) -> bool {
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
}

/// `1989-10-06T04:29:05.696754+00:00`. Checked on bytes: slicing the text at byte 10 would panic on
/// a string with a multi-byte character there (found by fuzzing).
fn is_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() > 16 && is_date_bytes(&b[..10]) && b[10] == b'T' && b[11].is_ascii_digit()
}

fn input_evidence(v: &Value, ev: &mut InputEvidence) {
    match v {
        Value::Str(s) if is_enum_like(s) => {
            ev.enum_values.insert(s.clone());
        }
        Value::Str(_) | Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::Alt(_) => ev.scalar = true,
        Value::List(items) => items.iter().for_each(|i| input_evidence(i, ev)),
        Value::TypeName(_) | Value::Object(_) => ev.composite = true,
        Value::Null => {}
    }
}

/// The type an example response value shows, if any.
fn infer_output(v: &Value, enums: &BTreeMap<&str, Option<&str>>) -> Option<TypeRef> {
    let named = |n: &str| Some(TypeRef::Named(n.to_string()));
    match v {
        Value::TypeName(t) => named(t),
        Value::List(items) => items.iter().find_map(|i| infer_output(i, enums)).map(|t| TypeRef::List(Box::new(t))),
        Value::Str(s) if is_date_time(s) => named("DateTime"),
        Value::Str(s) if is_date(s) => named("Date"),
        Value::Str(s) if is_enum_like(s) => match enums.get(s.as_str()) {
            Some(Some(e)) => named(e),
            _ => named("String"),
        },
        Value::Str(_) => named("String"),
        Value::Int(_) => named("Int"),
        Value::Float(_) => named("Float"),
        Value::Bool(_) => named("Boolean"),
        Value::Object(_) => named("JSONString"),
        Value::Alt(_) => named("GenericScalar"),
        Value::Null => None,
    }
}

/// Records the kind an output type name implies.
fn note_output(name: &str, selection: &[Selection], out: &mut BTreeMap<String, TypeKind>) {
    let kind = if BUILTIN_SCALARS.contains(&name) {
        TypeKind::BuiltinScalar
    } else if matches!(name, "DateTime" | "Date" | "JSONString" | "GenericScalar") && selection.is_empty() {
        TypeKind::Scalar
    } else {
        TypeKind::UnknownOutput
    };
    if !out.contains_key(name) {
        out.insert(name.to_string(), kind);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalar_shapes() {
        let e = BTreeMap::from([("SUBMIT_METER_READINGS", Some("PreSignedTokenScope")), ("AMBIG", None)]);
        let t = |v: Value| infer_output(&v, &e).map(|t| t.to_string());
        assert_eq!(t(Value::Str("1989-10-06T04:29:05.696754+00:00".into())).as_deref(), Some("DateTime"));
        assert_eq!(t(Value::Str("2020-01-31".into())).as_deref(), Some("Date"));
        assert_eq!(t(Value::Str("SUBMIT_METER_READINGS".into())).as_deref(), Some("PreSignedTokenScope"));
        assert_eq!(t(Value::Str("AMBIG".into())).as_deref(), Some("String"));
        assert_eq!(t(Value::Str("x-y".into())).as_deref(), Some("String"));
        // A multi-byte character across byte 10 is text, not a date-time, and must not panic.
        assert_eq!(t(Value::Str("cup-high\u{fffd}low-movie-pattern".into())).as_deref(), Some("String"));
        assert_eq!(t(Value::Str("2020-01-3\u{e9}T04:29:05".into())).as_deref(), Some("String"));
        assert_eq!(t(Value::Float("1.5".into())).as_deref(), Some("Float"));
        assert_eq!(t(Value::List(vec![Value::TypeName("E".into())])).as_deref(), Some("[E]"));
        assert_eq!(t(Value::Null), None);
        assert_eq!(t(Value::Alt(vec![Value::Int(1), Value::Bool(true)])).as_deref(), Some("GenericScalar"));
    }
}
