//! The Rust IR: every decision about the generated code, made once, before any token is emitted.
//!
//! Names come from [`crate::naming`] through one [`NameTable`] per Rust scope (the variants of one
//! enum, the fields of one struct, the items of one module), filled in a fixed order (sorted type
//! names, reference order for fields), so collisions such as `fooBar` / `foo_bar` resolve the same
//! way on every run. Types are decided from the model's [`TypeKind`]: leaves (scalars, enums) are
//! typed; composite types the reference does not describe are carried as JSON in a named newtype;
//! unions become enums keyed by `__typename`.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::quote;

use crate::diag::Diagnostics;
use crate::model::{
    Deprecation, Field, Mutation, Permissions, Provenance, RateLimit, Reference, TypeKind, TypeRef,
};
use crate::naming::{Case, NameTable};

use super::document;
use super::fragments::Fragments;
use super::Options;

/// The name every fallback variant gets; reserved first in its table so it is stable.
pub(crate) const UNKNOWN: &str = "Unknown";

pub(crate) struct Ir {
    pub codes: Vec<Code>,
    /// One entry per operation, same order.
    pub mutation_errors: Vec<MutationErrors>,
    /// Shared types of the client's `types` module, by GraphQL name.
    pub types: Vec<TypeDef>,
    pub operations: Vec<Operation>,
    /// The endpoint most blocks name, if any.
    pub endpoint: Option<String>,
    pub authenticate: Option<Authenticate>,
    pub warnings: Diagnostics,
    pub project: String,
    /// Every permission name some mutation requires, sorted.
    pub permissions: Vec<String>,
}

pub(crate) struct Code {
    pub code: String,
    pub message: String,
    pub family: String,
    pub variant: String,
}

pub(crate) struct MutationErrors {
    pub const_name: String,
    pub enum_name: String,
    /// Indices into [`Ir::codes`], in reference order, without repeats.
    pub codes: Vec<usize>,
}

pub(crate) struct TypeDef {
    pub graphql: String,
    pub rust: String,
    pub kind: TypeDefKind,
    pub provenance: Provenance,
    pub synthetic: bool,
}

pub(crate) enum TypeDefKind {
    /// A composite or input type whose fields the reference does not give, carried as JSON.
    Opaque { input: bool },
    /// An output type whose fields were supplied through [`Options::with_type_fields`]; only the
    /// leaf fields, which the documents select.
    Object { fields: Vec<FieldIr> },
    /// A custom scalar: a JSON newtype, or an alias of the configured Rust type (a path already
    /// checked to parse as a type; kept as text so the IR can be shared between threads).
    Scalar { mapping: Option<String> },
    Enum { values: Vec<(String, String)> },
    Union { members: Vec<(String, String, String)> },
}

/// A Rust type of a field, relative to the module the field is emitted in.
#[derive(Clone)]
pub(crate) enum Ty {
    /// A built-in scalar: `::std::string::String`, `i32`, `f64`, `bool`.
    Prim(&'static str),
    /// An item of the `types` module.
    Shared(String),
    /// An item of the operation's own module (its payload struct).
    Local(String),
    /// Anything: `::serde_json::Value`.
    Json,
    Option(Box<Ty>),
    Vec(Box<Ty>),
}

/// Where a type is written, which decides how it names other generated items.
#[derive(Clone, Copy)]
pub(crate) enum Scope<'a> {
    /// In an operation module: `super::types::X`, local `X`.
    Operation,
    /// In the `types` module itself: `X`.
    Types,
    /// At the client root: `types::X`, and the payload of operation module `m` as `m::X`.
    Root(&'a str),
    /// In another crate (the generated server): `::oees_client::types::X`, and the payload of operation
    /// module `m` as `::oees_client::m::X`. Holds the client crate's identifier and the module.
    Crate(&'a str, &'a str),
}

impl Ty {
    /// Tokens for the type as seen from `scope`.
    pub(crate) fn tokens(&self, scope: Scope<'_>) -> TokenStream {
        match self {
            Ty::Prim("String") => quote!(::std::string::String),
            Ty::Prim("i32") => quote!(i32),
            Ty::Prim("f64") => quote!(f64),
            Ty::Prim(_) => quote!(bool),
            Ty::Shared(n) => {
                let id = crate::naming::to_ident(n);
                match scope {
                    Scope::Operation => quote!(super::types::#id),
                    Scope::Types => quote!(#id),
                    Scope::Root(_) => quote!(types::#id),
                    Scope::Crate(krate, _) => {
                        let krate = crate::naming::to_ident(krate);
                        quote!(::#krate::types::#id)
                    }
                }
            }
            Ty::Local(n) => {
                let id = crate::naming::to_ident(n);
                match scope {
                    Scope::Operation | Scope::Types => quote!(#id),
                    Scope::Root(m) => {
                        let m = crate::naming::to_ident(m);
                        quote!(#m::#id)
                    }
                    Scope::Crate(krate, m) => {
                        let (krate, m) = (crate::naming::to_ident(krate), crate::naming::to_ident(m));
                        quote!(::#krate::#m::#id)
                    }
                }
            }
            Ty::Json => quote!(::serde_json::Value),
            Ty::Option(t) => {
                let t = t.tokens(scope);
                quote!(::std::option::Option<#t>)
            }
            Ty::Vec(t) => {
                let t = t.tokens(scope);
                quote!(::std::vec::Vec<#t>)
            }
        }
    }

    pub(crate) fn is_option(&self) -> bool {
        matches!(self, Ty::Option(_))
    }
}

pub(crate) struct FieldIr {
    pub graphql: String,
    pub rust: String,
    pub ty: Ty,
    pub description: Option<String>,
    pub deprecation: Option<Deprecation>,
    pub provenance: Option<Provenance>,
    /// The GraphQL type, when known, for documentation.
    pub graphql_ty: Option<TypeRef>,
    /// Whether the operation document selects the field.
    pub selected: bool,
}

pub(crate) struct Payload {
    pub graphql: String,
    pub rust: String,
    pub provenance: Provenance,
    pub fields: Vec<FieldIr>,
}

pub(crate) struct Operation {
    pub graphql: String,
    pub module: String,
    pub method: String,
    pub operation_name: String,
    pub document: String,
    pub description: Option<String>,
    pub deprecation: Option<Deprecation>,
    pub complexity: Option<u32>,
    pub permissions: Permissions,
    pub rate_limits: Vec<RateLimit>,
    /// The mutation's own code for a caller without permission, if it lists one.
    pub unauthorized_code: Option<String>,
    pub variables: Vec<FieldIr>,
    /// The single field of `Data`, typed as the mutation's return type.
    pub data_field: FieldIr,
    pub payload: Option<Payload>,
}

/// The one mutation that can log a client in.
pub(crate) struct Authenticate {
    pub operation: usize,
    /// The payload field holding the token, and whether it is nullable.
    pub token_field: String,
    pub token_optional: bool,
}

/// Names of the fixed items of every operation module, reserved before the payload is named.
pub(crate) const OPERATION_ITEMS: [&str; 4] = ["Variables", "Data", "Mutation", "PossibleError"];

/// Modules next to the operation modules (the client's `types` and `http`; `client`, `errors` and
/// `mutations` of the self-contained crate's root and of the error crate) that an operation module
/// must not take the name of.
const ROOT_MODULES: [&str; 5] = ["types", "http", "client", "errors", "mutations"];

/// Methods of `Client` written by hand in the runtime.
const CLIENT_METHODS: [&str; 6] = ["new", "execute", "execute_raw", "transport", "into_transport", "authenticate"];

pub(crate) fn build(reference: &Reference, options: &Options) -> Result<Ir, Diagnostics> {
    // Supplied leaf types join a copy of the reference, so that everything below sees them as it
    // sees the reference's own; the reference is copied only when one of them is new to it.
    let supplied;
    let reference = match with_supplied_types(reference, &options.supplied_types) {
        Some(r) => {
            supplied = r;
            &supplied
        }
        None => reference,
    };
    let mut diags = Diagnostics::new();
    let mut warnings = Diagnostics::new();
    let fragments = Fragments::parse(&options.fragments, &mut diags);
    let mut scalar_maps: BTreeMap<&str, String> = BTreeMap::new();
    for (name, path) in &options.scalars {
        match syn::parse_str::<syn::Type>(path) {
            Ok(_) => {
                scalar_maps.insert(name, path.clone());
            }
            Err(e) => diags.error(
                "scalar-mapping",
                nowhere(),
                format!("the mapping of scalar `{name}` is not a Rust type: `{path}` ({e})"),
                "",
            ),
        }
        if reference.types.get(name).is_none_or(|t| t.kind != TypeKind::Scalar) {
            warnings.warn(
                "scalar-mapping-unused",
                nowhere(),
                format!("scalar `{name}` is mapped to `{path}`, but the reference has no custom scalar of that name"),
                "",
            );
        }
    }
    for (name, f) in &fragments.by_name {
        if !reference.types.contains_key(&f.type_condition) {
            warnings.warn(
                "fragment-unknown-type",
                nowhere(),
                format!("fragment `{name}` is on `{}`, a type the reference never names; it is not used", f.type_condition),
                "",
            );
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }

    // Error codes: one variant each, in code order, after the reserved fallback.
    let mut variants = NameTable::new(Case::Pascal);
    variants.reserve(UNKNOWN);
    let mut codes = Vec::new();
    let mut code_index = BTreeMap::new();
    for (code, message) in reference.error_codes() {
        code_index.insert(code.to_string(), codes.len());
        codes.push(Code {
            code: code.to_string(),
            message: message.to_string(),
            family: crate::model::error_family(code).to_string(),
            variant: variants.insert(code),
        });
    }

    // Shared types: everything an argument, a field, a union or a non-object return type names.
    let mut used = BTreeSet::new();
    for m in &reference.mutations {
        for a in &m.arguments {
            used.insert(a.ty.base().to_string());
        }
        for f in &m.fields {
            if let Some(t) = &f.ty {
                used.insert(t.base().to_string());
            }
        }
        if !is_struct_kind(kind_of(reference, m.return_type.base())) {
            used.insert(m.return_type.base().to_string());
        }
    }
    for fields in options.type_fields.values() {
        for f in fields {
            if leaf_kind(reference, f.ty.base()) {
                used.insert(f.ty.base().to_string());
            }
        }
    }
    let unions: Vec<String> = used
        .iter()
        .filter(|n| kind_of(reference, n) == Some(TypeKind::Union))
        .cloned()
        .collect();
    for u in unions {
        used.extend(reference.types[&u].members.iter().cloned());
    }
    let mut type_table = NameTable::new(Case::Pascal);
    let mut rust_of: BTreeMap<String, String> = BTreeMap::new();
    let mut types = Vec::new();
    for name in &used {
        let Some(info) = reference.types.get(name) else { continue };
        let kind = match info.kind {
            TypeKind::BuiltinScalar => continue,
            TypeKind::Scalar => TypeDefKind::Scalar { mapping: scalar_maps.get(name.as_str()).cloned() },
            TypeKind::Enum => {
                let mut t = NameTable::new(Case::Pascal);
                t.reserve(UNKNOWN);
                TypeDefKind::Enum { values: info.values.iter().map(|v| (v.clone(), t.insert(v))).collect() }
            }
            TypeKind::Union => TypeDefKind::Union { members: Vec::new() },
            TypeKind::InputObject | TypeKind::UnknownInput => TypeDefKind::Opaque { input: true },
            TypeKind::Object | TypeKind::Interface | TypeKind::UnknownOutput => TypeDefKind::Opaque { input: false },
        };
        let rust = type_table.insert(name);
        rust_of.insert(name.clone(), rust.clone());
        types.push(TypeDef { graphql: name.clone(), rust, kind, provenance: info.provenance, synthetic: info.synthetic });
    }
    for t in &mut types {
        if let TypeDefKind::Union { members } = &mut t.kind {
            let mut table = NameTable::new(Case::Pascal);
            table.reserve(UNKNOWN);
            for m in &reference.types[&t.graphql].members {
                if let Some(r) = rust_of.get(m) {
                    members.push((m.clone(), table.insert(m), r.clone()));
                }
            }
        }
    }

    let cx = Cx { reference, rust_of: &rust_of, fragments: &fragments, type_fields: &options.type_fields };
    for t in &mut types {
        if let TypeDefKind::Opaque { input: false } = t.kind {
            if let Some(fields) = options.type_fields.get(&t.graphql) {
                let mut names = NameTable::new(Case::Snake);
                names.reserve("typename");
                let fields = fields
                    .iter()
                    .filter(|f| leaf_kind(reference, f.ty.base()))
                    .map(|f| {
                        let ty = cx.map(&f.ty, None);
                        FieldIr {
                            graphql: f.name.clone(),
                            rust: names.insert(&f.name),
                            ty: if ty.is_option() { ty } else { Ty::Option(Box::new(ty)) },
                            description: f.description.clone(),
                            deprecation: f.deprecation.clone(),
                            provenance: Some(Provenance::Declared),
                            graphql_ty: Some(f.ty.clone()),
                            selected: true,
                        }
                    })
                    .collect();
                t.kind = TypeDefKind::Object { fields };
            }
        }
    }
    let mut modules = NameTable::new(Case::Snake);
    ROOT_MODULES.iter().for_each(|m| {
        modules.reserve(m);
    });
    let mut methods = NameTable::new(Case::Snake);
    CLIENT_METHODS.iter().for_each(|m| {
        methods.reserve(m);
    });
    let mut consts = NameTable::new(Case::ScreamingSnake);
    let mut enums = NameTable::new(Case::Pascal);
    let mut operations = Vec::new();
    let mut mutation_errors = Vec::new();
    for m in &reference.mutations {
        let mut seen = BTreeSet::new();
        mutation_errors.push(MutationErrors {
            const_name: consts.insert(&m.name),
            enum_name: enums.insert(&format!("{}Error", m.name)),
            codes: m.errors.iter().filter(|e| seen.insert(&e.code)).map(|e| code_index[&e.code]).collect(),
        });
        operations.push(cx.operation(m, modules.insert(&m.name), methods.insert(&m.name)));
    }

    let mut urls: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &reference.mutations {
        if let Some(u) = &m.url {
            *urls.entry(u).or_default() += 1;
        }
    }
    // The most common endpoint; ties go to the smallest URL so the choice is deterministic.
    let endpoint = urls.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(u, _)| u.to_string());

    let authenticate = operations.iter().enumerate().find_map(|(i, o)| {
        if o.graphql != "obtainKrakenToken" {
            return None;
        }
        let p = o.payload.as_ref()?;
        let f = p.fields.iter().find(|f| f.graphql == "token" && f.selected)?;
        let token_optional = match &f.ty {
            Ty::Prim("String") => false,
            Ty::Option(t) if matches!(**t, Ty::Prim("String")) => true,
            _ => return None,
        };
        Some(Authenticate { operation: i, token_field: f.rust.clone(), token_optional })
    });

    Ok(Ir {
        codes,
        mutation_errors,
        types,
        operations,
        endpoint,
        authenticate,
        warnings,
        project: options.project.clone(),
        permissions: reference.required_permissions().into_iter().map(str::to_string).collect(),
    })
}

/// A span for problems with options rather than with a reference file; it points at no file, so the
/// diagnostic renders as a one-line message.
fn nowhere() -> crate::model::Span {
    crate::model::Span { file: u32::MAX, ..Default::default() }
}

/// `reference` with the supplied scalar and enum types it does not define (or names as an unknown
/// input or output type) added as declared types; `None` when it already defines all of them.
fn with_supplied_types(reference: &Reference, supplied: &BTreeMap<String, super::SuppliedType>) -> Option<Reference> {
    let new = |name: &String| {
        reference.types.get(name).is_none_or(|t| matches!(t.kind, TypeKind::UnknownInput | TypeKind::UnknownOutput))
    };
    if !supplied.keys().any(new) {
        return None;
    }
    let mut out = reference.clone();
    for (name, ty) in supplied.iter().filter(|(n, _)| new(n)) {
        let (kind, values) = match ty {
            super::SuppliedType::Scalar => (TypeKind::Scalar, Vec::new()),
            super::SuppliedType::Enum(values) => {
                let mut values = values.clone();
                values.sort();
                values.dedup();
                (TypeKind::Enum, values)
            }
        };
        out.types.insert(
            name.clone(),
            crate::model::TypeInfo {
                name: name.clone(),
                kind,
                provenance: crate::model::Provenance::Declared,
                values,
                members: Vec::new(),
                shape_known: true,
                synthetic: false,
            },
        );
    }
    Some(out)
}

fn kind_of(reference: &Reference, name: &str) -> Option<TypeKind> {
    reference.types.get(name).map(|t| t.kind)
}

/// Whether a return type of this kind gets a per-operation payload struct (rather than a shared type).
fn is_struct_kind(kind: Option<TypeKind>) -> bool {
    matches!(kind, Some(TypeKind::Object | TypeKind::Interface | TypeKind::UnknownOutput) | None)
}

/// Whether a named type is a leaf the documents can select by name: a built-in scalar, or a custom
/// scalar or enum the reference names.
pub(crate) fn leaf_kind(reference: &Reference, name: &str) -> bool {
    matches!(name, "String" | "ID" | "Int" | "Float" | "Boolean")
        || matches!(kind_of(reference, name), Some(TypeKind::BuiltinScalar | TypeKind::Scalar | TypeKind::Enum))
}

/// Whether values of this kind are leaves (no selection set).
pub(crate) fn is_leaf(kind: Option<TypeKind>) -> bool {
    matches!(
        kind,
        Some(TypeKind::BuiltinScalar | TypeKind::Scalar | TypeKind::Enum | TypeKind::InputObject | TypeKind::UnknownInput)
    )
}

/// What the per-operation builders share.
pub(crate) struct Cx<'a> {
    pub reference: &'a Reference,
    pub rust_of: &'a BTreeMap<String, String>,
    pub fragments: &'a Fragments,
    pub type_fields: &'a BTreeMap<String, Vec<super::KnownField>>,
}

impl Cx<'_> {
    fn named(&self, name: &str) -> Ty {
        match name {
            "String" | "ID" => Ty::Prim("String"),
            "Int" => Ty::Prim("i32"),
            "Float" => Ty::Prim("f64"),
            "Boolean" => Ty::Prim("bool"),
            _ => self.rust_of.get(name).map_or(Ty::Json, |r| Ty::Shared(r.clone())),
        }
    }

    /// Maps a GraphQL type reference; `local` replaces the base type (the payload struct).
    fn map(&self, t: &TypeRef, local: Option<&str>) -> Ty {
        match t {
            TypeRef::NonNull(inner) => self.map_inner(inner, local),
            other => Ty::Option(Box::new(self.map_inner(other, local))),
        }
    }

    fn map_inner(&self, t: &TypeRef, local: Option<&str>) -> Ty {
        match t {
            TypeRef::Named(n) => match local {
                Some(l) => Ty::Local(l.to_string()),
                None => self.named(n),
            },
            TypeRef::List(inner) => Ty::Vec(Box::new(self.map(inner, local))),
            TypeRef::NonNull(inner) => self.map_inner(inner, local),
        }
    }

    fn operation(&self, m: &Mutation, module: String, method: String) -> Operation {
        let mut vars = NameTable::new(Case::Snake);
        let variables = m
            .arguments
            .iter()
            .map(|a| FieldIr {
                graphql: a.name.clone(),
                rust: vars.insert(&a.name),
                ty: self.map(&a.ty, None),
                description: a.description.clone(),
                deprecation: None,
                provenance: Some(Provenance::Declared),
                graphql_ty: Some(a.ty.clone()),
                selected: true,
            })
            .collect();
        let return_kind = kind_of(self.reference, m.return_type.base());
        let payload = is_struct_kind(return_kind).then(|| {
            let mut local = NameTable::new(Case::Pascal);
            OPERATION_ITEMS.iter().for_each(|n| {
                local.reserve(n);
            });
            let mut names = NameTable::new(Case::Snake);
            Payload {
                graphql: m.return_type.base().to_string(),
                rust: local.insert(m.return_type.base()),
                provenance: m.return_type_provenance,
                fields: m.fields.iter().map(|f| self.field(f, names.insert(&f.name))).collect(),
            }
        });
        let data_field = FieldIr {
            graphql: m.name.clone(),
            rust: crate::naming::sanitize(&m.name, Case::Snake),
            ty: self.map(&m.return_type, payload.as_ref().map(|p| p.rust.as_str())),
            description: None,
            deprecation: None,
            provenance: Some(m.return_type_provenance),
            graphql_ty: Some(m.return_type.clone()),
            selected: true,
        };
        Operation {
            graphql: m.name.clone(),
            module,
            method,
            operation_name: document::operation_name(&m.name),
            document: document::build(self, m),
            description: m.description.clone(),
            deprecation: m.deprecation.clone(),
            complexity: m.complexity,
            permissions: m.permissions.clone(),
            rate_limits: m.rate_limits.clone(),
            unauthorized_code: m.unauthorized_code().map(str::to_string),
            variables,
            data_field,
            payload,
        }
    }

    fn field(&self, f: &Field, rust: String) -> FieldIr {
        let selected = document::selects(f);
        let mut ty = match &f.ty {
            Some(t) => self.map(t, None),
            None => Ty::Option(Box::new(Ty::Json)),
        };
        // A field the document does not select is absent from every response to it, but the struct
        // still describes it so a custom document can select it; it can only ever be optional.
        if !selected && !ty.is_option() {
            ty = Ty::Option(Box::new(ty));
        }
        FieldIr {
            graphql: f.name.clone(),
            rust,
            ty,
            description: f.description.clone(),
            deprecation: f.deprecation.clone(),
            provenance: f.provenance,
            graphql_ty: f.ty.clone(),
            selected,
        }
    }

    /// The kind of a named type, `None` when the reference never names it.
    pub(crate) fn kind(&self, name: &str) -> Option<TypeKind> {
        kind_of(self.reference, name)
    }

    /// The supplied leaf fields of an output type, which documents select after `__typename`.
    pub(crate) fn supplied_leaves(&self, name: &str) -> Vec<&str> {
        match self.type_fields.get(name) {
            Some(fields) if !is_leaf(self.kind(name)) && self.kind(name) != Some(TypeKind::Union) => fields
                .iter()
                .filter(|f| leaf_kind(self.reference, f.ty.base()))
                .map(|f| f.name.as_str())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Union members of a type (empty for non-unions).
    pub(crate) fn members(&self, name: &str) -> &[String] {
        self.reference.types.get(name).map_or(&[], |t| t.members.as_slice())
    }
}
