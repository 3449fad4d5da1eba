//! What the model says about the shape of types, as generators need it: which types are leaves,
//! which fields documents select, which types a set of operations reaches, which fields must be
//! boxed. The Rust generator and its operation documents both read it, so the two agree.

use std::collections::BTreeSet;

use crate::model::{is_builtin, Field, Operation, TypeRef};

use super::{FieldDef, Kind, Shape, TypeModel};

/// What the model says about the shape of types, as the generator needs it.
#[derive(Clone, Copy)]
pub struct Shapes<'a> {
    pub(crate) model: &'a TypeModel,
}

impl<'a> Shapes<'a> {
    pub fn kind(&self, name: &str) -> Option<Kind> {
        self.model.get(name).map(|t| t.kind)
    }

    /// Whether values of the named type are leaves (no selection set): built-in scalars, custom
    /// scalars and enums.
    pub fn is_leaf(&self, name: &str) -> bool {
        is_builtin(name) || matches!(self.kind(name), Some(Kind::Scalar | Kind::Enum))
    }

    /// The fields of a composite type whose shape the model knows (not opaque), in model order.
    pub fn fields(&self, name: &str) -> &'a [FieldDef] {
        match self.model.get(name) {
            Some(t) if t.kind.has_fields() && t.shape != Shape::Opaque => &t.fields,
            _ => &[],
        }
    }

    /// Whether an output type is generated as a typed struct or `__typename` enum rather than JSON.
    pub fn typed_output(&self, name: &str) -> bool {
        matches!(self.kind(name), Some(Kind::Object | Kind::Interface)) && !self.fields(name).is_empty()
    }

    /// Whether documents select the field wherever they select its type: a leaf of known type
    /// that needs no argument, and not deprecated (a deprecated field is scheduled for removal, and
    /// a document that asks for it would break when it goes).
    pub fn auto_selected(&self, f: &FieldDef) -> bool {
        f.ty.as_ref().is_some_and(|t| self.is_leaf(t.base()))
            && f.deprecation.is_none()
            && !f.name.starts_with("__")
            && f.args.iter().all(|a| a.ty.as_ref().is_none_or(|t| !t.is_non_null()) || a.default.is_some())
    }

    /// The fields documents select on a typed output type after `__typename`.
    pub fn leaves(&self, name: &str) -> Vec<&'a FieldDef> {
        if !self.typed_output(name) {
            return Vec::new();
        }
        self.fields(name).iter().filter(|f| self.auto_selected(f)).collect()
    }

    /// The members of a union, or the object types implementing an interface, by name.
    pub fn members(&self, name: &str) -> Vec<&'a str> {
        match self.model.get(name) {
            Some(t) if t.kind == Kind::Union => t.members.iter().map(String::as_str).collect(),
            Some(t) if t.kind == Kind::Interface => self
                .model
                .types()
                .values()
                .filter(|o| o.kind == Kind::Object && o.interfaces.iter().any(|i| i == name))
                .map(|o| o.name.as_str())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Whether the type is abstract for documents and for Rust: a union, or an interface with known
    /// fields and implementations (keyed by `__typename`). An interface whose implementations the
    /// model does not know is a struct of its own fields.
    pub fn is_abstract(&self, name: &str) -> bool {
        match self.kind(name) {
            Some(Kind::Union) => true,
            Some(Kind::Interface) => self.typed_output(name) && !self.members(name).is_empty(),
            _ => false,
        }
    }

    /// The named types of the fields of a generated shared type (or its members), which are
    /// generated too.
    pub fn reaches(&self, name: &str) -> Vec<&'a str> {
        let mut out: Vec<&str> = self.fields(name).iter().filter_map(|f| f.ty.as_ref().map(|t| t.base())).collect();
        if self.is_abstract(name) {
            out.extend(self.members(name));
        }
        out
    }

    /// Every type the client's `types` module holds: what arguments, payload fields and non-object
    /// return types of `operations` name, and everything those reach through fields, members and
    /// implementers.
    pub fn used(&self, operations: &'a [Operation]) -> BTreeSet<String> {
        let mut todo: Vec<String> = Vec::new();
        for m in operations {
            todo.extend(m.arguments.iter().map(|a| a.ty.base().to_string()));
            let payload = m.return_type.base();
            if self.payload_struct(payload) {
                for (f, _) in self.payload_fields(m) {
                    if let Some(t) = f {
                        todo.push(t.base().to_string());
                    }
                }
            } else {
                todo.push(payload.to_string());
            }
        }
        let mut used = BTreeSet::new();
        while let Some(name) = todo.pop() {
            if is_builtin(&name) || self.model.get(&name).is_none() || !used.insert(name.clone()) {
                continue;
            }
            todo.extend(self.reaches(&name).into_iter().map(str::to_string));
        }
        used
    }

    /// Whether the document selects a payload field: exactly the fields the example selects, and
    /// the leaves a supplement adds. Fields the example leaves out (deprecated ones, mostly) are
    /// described by the payload struct but not asked for, because for most of them the reference
    /// does not even say whether they are leaves.
    pub fn selects(&self, f: PayloadField<'_>) -> bool {
        match f {
            PayloadField::Reference(f, _) => f.selected,
            PayloadField::Supplement(d) => self.auto_selected(d),
        }
    }

    /// Whether a return type gets a per-operation payload struct (rather than a shared type).
    pub fn payload_struct(&self, name: &str) -> bool {
        !is_builtin(name) && matches!(self.kind(name), Some(Kind::Object | Kind::Interface) | None)
    }

    /// The type of each payload field of `m` (from the model, which may know more than the
    /// reference's own field) and the field itself, then the fields a supplement adds to the payload
    /// type, which the reference does not list.
    pub fn payload_fields(&self, m: &'a Operation) -> Vec<(Option<&'a TypeRef>, PayloadField<'a>)> {
        let payload = m.return_type.base();
        let model_fields = self.fields(payload);
        let mut out: Vec<(Option<&TypeRef>, PayloadField<'a>)> = m
            .fields
            .iter()
            .map(|f| {
                let declared = model_fields.iter().find(|d| d.name == f.name);
                (declared.and_then(|d| d.ty.as_ref()).or(f.ty.as_ref()), PayloadField::Reference(f, declared))
            })
            .collect();
        for d in model_fields.iter().filter(|d| d.from_supplement && !m.fields.iter().any(|f| f.name == d.name)) {
            out.push((d.ty.as_ref(), PayloadField::Supplement(d)));
        }
        out
    }

    /// Where each type is used in an output position (a field of an object, interface or union
    /// member; a return type), to tell an opaque input type from an opaque output one.
    pub fn output_uses(&self, operations: &[Operation]) -> BTreeSet<String> {
        let mut out: BTreeSet<String> = operations.iter().map(|m| m.return_type.base().to_string()).collect();
        for m in operations {
            out.extend(m.fields.iter().filter_map(|f| f.ty.as_ref().map(|t| t.base().to_string())));
        }
        for t in self.model.types().values().filter(|t| t.kind.is_output()) {
            out.extend(t.fields.iter().filter_map(|f| f.ty.as_ref().map(|t| t.base().to_string())));
            out.extend(t.members.iter().cloned());
        }
        out
    }

    /// The (type, field) pairs that must hold their value through a `Box`: a field whose type
    /// contains, through fields that are not lists and through union members, the type the field
    /// belongs to. Rust needs the indirection for a type that contains itself (an `Option` does not
    /// give one; a list does).
    pub fn boxed_fields(&self, used: &BTreeSet<String>) -> BTreeSet<(String, String)> {
        // Edges of "contains inline": a non-list field of a generated struct, a member of a union enum.
        let inline = |name: &str| -> Vec<(Option<&'a str>, &'a str)> {
            let mut out: Vec<(Option<&str>, &str)> = self
                .fields(name)
                .iter()
                .filter_map(|f| {
                    let t = f.ty.as_ref()?;
                    (!matches!(t.nullable(), TypeRef::List(_)) && used.contains(t.base())).then_some((Some(f.name.as_str()), t.base()))
                })
                .collect();
            if self.is_abstract(name) {
                out.extend(self.members(name).into_iter().map(|m| (None, m)));
            }
            out
        };
        let reaches = |from: &str, to: &str| -> bool {
            let mut seen = BTreeSet::new();
            let mut stack = vec![from.to_string()];
            while let Some(n) = stack.pop() {
                if n == to {
                    return true;
                }
                if seen.insert(n.clone()) {
                    stack.extend(inline(&n).into_iter().map(|(_, t)| t.to_string()));
                }
            }
            false
        };
        let mut out = BTreeSet::new();
        for name in used {
            for (field, target) in inline(name) {
                if let Some(field) = field {
                    if reaches(target, name) {
                        out.insert((name.clone(), field.to_string()));
                    }
                }
            }
        }
        out
    }
}

/// One field of a payload struct: the reference's (with the model's declaration of it, if any), or
/// one only the supplement names.
#[derive(Clone, Copy)]
pub enum PayloadField<'a> {
    Reference(&'a Field, Option<&'a FieldDef>),
    Supplement(&'a FieldDef),
}

