//! The Rust IR: every decision about the generated code, made once, before any token is emitted.
//!
//! It reads the type model ([`TypeModel`], the schema stage's reconciled result) for every type
//! fact, and the reference only for what is per operation: the example's selections, the error
//! codes, permissions, rate limits and documentation of each mutation. So the client describes
//! exactly the types the SDL declares, supplements included.
//!
//! Names come from [`crate::naming`] through one [`NameTable`] per Rust scope (the variants of one
//! enum, the fields of one struct, the items of one module), filled in a fixed order (sorted type
//! names, model order for fields), so collisions such as `fooBar` / `foo_bar` resolve the same way
//! on every run. What the model knows is typed: input objects become structs, enums carry every
//! value, unions and interfaces become enums keyed by `__typename`, objects with known fields
//! become structs; only a type whose shape the model does not know is carried as JSON in a named
//! newtype. Every fallback (`Unknown`) stays, because a live API can always know more.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::quote;

use crate::diag::Diagnostics;
use crate::model::{Deprecation, Operation, OperationKind, OperationList, Permissions, RateLimit, Span, TypeRef};
use crate::naming::{Case, NameTable};
use crate::types::{Kind, Origin, Shape, TypeModel};

use super::document;
use crate::types::shapes::{PayloadField, Shapes};
use super::fragments::Fragments;
use super::Options;

/// The name every fallback variant gets; reserved first in its table so it is stable.
pub(crate) const UNKNOWN: &str = "Unknown";

pub(crate) struct Ir {
    pub codes: Vec<Code>,
    /// One entry per operation, same order.
    pub mutation_errors: Vec<MutationErrors>,
    /// Shared types of the client's `types` module, by GraphQL name.
    pub types: Vec<TypeIr>,
    pub operations: Vec<OperationIr>,
    /// The users' own operations (`--documents`), after the reference's.
    pub user_operations: Vec<super::user_ops::UserOp>,
    /// The endpoint most blocks name, if any.
    pub endpoint: Option<String>,
    pub authenticate: Option<Authenticate>,
    /// Whether the client embeds the runtime or depends on its crate.
    pub runtime: super::runtime::RuntimeAt,
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
    /// The generic Kraken code it is, when it is one (see [`krakengen_policy::generic`]).
    pub generic: Option<&'static krakengen_policy::generic::GenericCode>,
    /// Whether the generated operations' reference blocks list it.
    pub listed: bool,
    /// What kind of failure it reports.
    pub category: krakengen_policy::generic::Category,
}

pub(crate) struct MutationErrors {
    pub const_name: String,
    pub enum_name: String,
    /// Indices into [`Ir::codes`]: the codes the reference lists, in reference order, then the
    /// generic codes Kraken raises for an operation of its kind that it does not list; no repeats.
    pub codes: Vec<usize>,
    /// How many of `codes` the reference lists.
    pub listed: usize,
}

pub(crate) struct TypeIr {
    pub graphql: String,
    pub rust: String,
    pub kind: TypeIrKind,
    /// Where the model's kind comes from (the documentation says when it is a guess).
    pub provenance: Origin,
    pub synthetic: bool,
    /// Whether the supplement gave the type or some of its content.
    pub from_supplement: bool,
}

pub(crate) enum TypeIrKind {
    /// A composite or input type whose fields the model does not know, carried as JSON.
    Opaque { input: bool },
    /// An object type with known fields: a struct of optional fields (a document may select fewer).
    Object { fields: Vec<FieldIr>, partial: bool },
    /// An input object with known fields: non-null fields are required, the others optional and
    /// left out of the JSON when unset.
    Input { fields: Vec<FieldIr> },
    /// A custom scalar: a JSON newtype, or an alias of the configured Rust type (a path already
    /// checked to parse as a type; kept as text so the IR can be shared between threads).
    Scalar { mapping: Option<String> },
    Enum { values: Vec<(String, String)> },
    /// A union, or an interface with known fields, keyed by `__typename`: (GraphQL member, variant,
    /// Rust type of the member).
    Abstract { members: Vec<(String, String, String)>, interface: bool },
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
    /// A heap indirection, for a field through which a type contains itself.
    Boxed(Box<Ty>),
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
            Ty::Boxed(t) => {
                let t = t.tokens(scope);
                quote!(::std::boxed::Box<#t>)
            }
        }
    }

    pub(crate) fn is_option(&self) -> bool {
        matches!(self, Ty::Option(_))
    }
}

#[derive(Clone)]
pub(crate) struct FieldIr {
    pub graphql: String,
    pub rust: String,
    pub ty: Ty,
    pub description: Option<String>,
    pub deprecation: Option<Deprecation>,
    pub provenance: Option<Origin>,
    /// The GraphQL type, when known, for documentation.
    pub graphql_ty: Option<TypeRef>,
    /// Whether the operation document selects the field (for shared types: whether documents
    /// select it wherever they select the type).
    pub selected: bool,
    /// Response names a document may give the field instead of its own (an alias where two members
    /// of a union select same-named fields of different types); deserialization accepts them.
    pub aliases: Vec<String>,
}

pub(crate) struct Payload {
    pub graphql: String,
    pub rust: String,
    pub provenance: Origin,
    pub fields: Vec<FieldIr>,
}

pub(crate) struct OperationIr {
    pub graphql: String,
    /// Mutation or query: the document's keyword and the name of the module's operation struct.
    pub kind: OperationKind,
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
    /// Whether the operation is here only because a user's document calls its root field, for its
    /// error tables and facts, and no `--operation` pattern selected it.
    pub called_only: bool,
}

/// The one mutation that can log a client in.
pub(crate) struct Authenticate {
    pub operation: usize,
    /// The payload field holding the token, and whether it is nullable.
    pub token_field: String,
    /// The argument taking the input object (`input`), where a refresh passes `refreshToken`.
    pub argument: String,
    pub token_optional: bool,
}

/// Names of the fixed items of every operation module, reserved before the payload is named.
pub(crate) const OPERATION_ITEMS: [&str; 5] = ["Variables", "Data", "Mutation", "Query", "PossibleError"];

/// Modules next to the operation modules (the client's `types` and `http`; `client`, `errors` and
/// `mutations` of the self-contained crate's root and of the error crate) that an operation module
/// must not take the name of.
const ROOT_MODULES: [&str; 5] = ["types", "http", "client", "errors", "mutations"];

/// Methods of `Client` written by hand in the runtime.
const CLIENT_METHODS: [&str; 10] = [
    "new",
    "execute",
    "execute_raw",
    "transport",
    "into_transport",
    "authenticate",
    "with_retry",
    "with_session",
    "with_token",
    "session",
];

/// The field name every generated struct of an output type reserves for `__typename`.
const TYPENAME_FIELD: &str = "typename";

/// The IR of the generated code for `operations` (the model's, or a selection of them).
pub(crate) fn build(
    operations_in: &[Operation],
    model: &TypeModel,
    options: &Options,
    users: Option<&super::user_ops::Documents>,
) -> Result<Ir, Diagnostics> {
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
                crate::diag::Code::ScalarMapping,
                Span::nowhere(),
                format!("the mapping of scalar `{name}` is not a Rust type: `{path}` ({e})"),
                "",
            ),
        }
        if model.get(name).is_none_or(|t| t.kind != Kind::Scalar || t.shape == Shape::Opaque) {
            warnings.warn(
                crate::diag::Code::ScalarMappingUnused,
                Span::nowhere(),
                format!("scalar `{name}` is mapped to `{path}`, but the schema has no custom scalar of that name"),
                "",
            );
        }
    }
    for (name, f) in &fragments.by_name {
        if model.get(&f.type_condition).is_none() {
            warnings.warn(
                crate::diag::Code::FragmentUnknownType,
                Span::nowhere(),
                format!("fragment `{name}` is on `{}`, a type the schema does not declare; it is not used", f.type_condition),
                "",
            );
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }

    // Error codes: one variant each, in code order, after the reserved fallback: every code the
    // operations list, and every generic code, which any caller may meet.
    let mut variants = NameTable::new(Case::Pascal);
    variants.reserve(UNKNOWN);
    let mut codes = Vec::new();
    let mut code_index = BTreeMap::new();
    let mut all: BTreeMap<&str, (&str, bool)> = operations_in.error_codes().into_iter().map(|(c, m)| (c, (m, true))).collect();
    for g in krakengen_policy::generic::GENERIC_CODES {
        all.entry(g.code).or_insert((g.message, false));
    }
    for (code, (message, listed)) in all {
        code_index.insert(code.to_string(), codes.len());
        codes.push(Code {
            code: code.to_string(),
            message: message.to_string(),
            family: crate::model::error_family(code).to_string(),
            variant: variants.insert(code),
            generic: krakengen_policy::generic::generic(code),
            listed,
            category: krakengen_policy::generic::Category::of(code, message),
        });
    }

    let shapes = model.shapes();
    let mut used = shapes.used(operations_in);
    // The types the users' documents name (variables, selected leaves), and what those reach.
    let mut todo: Vec<String> = users.map(|u| u.used_types().into_iter().collect()).unwrap_or_default();
    while let Some(name) = todo.pop() {
        if crate::model::is_builtin(&name) || model.get(&name).is_none() || !used.insert(name.clone()) {
            continue;
        }
        todo.extend(shapes.reaches(&name).into_iter().map(str::to_string));
    }
    let mut type_table = NameTable::new(Case::Pascal);
    let rust_of: BTreeMap<String, String> = used.iter().map(|name| (name.clone(), type_table.insert(name))).collect();
    let boxed = shapes.boxed_fields(&used);
    let outputs = shapes.output_uses(operations_in);

    // The documents come first: where union members select same-named fields of different types
    // they alias the later one, and the members' structs must accept the alias.
    let documents: Vec<document::Built> = operations_in.iter().map(|m| document::build(shapes, &fragments, m)).collect();
    let aliases: BTreeSet<(String, String)> = documents.iter().flat_map(|d| d.aliases.iter().cloned()).collect();
    let cx = IrBuilder { operations: operations_in, model, shapes, rust_of: &rust_of };
    let types: Vec<TypeIr> = used.iter().filter_map(|name| cx.type_def(name, &scalar_maps, &boxed, &outputs, &aliases)).collect();

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
    let mut plain_documents = Vec::new();
    for (m, built) in operations_in.iter().zip(documents) {
        let mut seen = BTreeSet::new();
        let mut own: Vec<usize> = m.errors.iter().filter(|e| seen.insert(e.code.as_str())).map(|e| code_index[&e.code]).collect();
        let listed = own.len();
        let (limited, own_unauthorized) = (!m.rate_limits.is_empty(), m.unauthorized_code().is_some());
        own.extend(
            krakengen_policy::generic::GENERIC_CODES
                .iter()
                .filter(|g| !seen.contains(g.code) && g.applies_to(&m.permissions, limited, own_unauthorized))
                .map(|g| code_index[g.code]),
        );
        mutation_errors.push(MutationErrors {
            const_name: consts.insert(&m.name),
            enum_name: enums.insert(&format!("{}Error", m.name)),
            codes: own,
            listed,
        });
        plain_documents.push(built.plain);
        operations.push(cx.operation(m, modules.insert(&m.name), methods.insert(&m.name), built.document));
    }
    if options.check_documents {
        validate_documents(&cx, &operations, &plain_documents, &mut diags);
    }
    let reference_modules: BTreeMap<(OperationKind, String), String> =
        operations.iter().map(|o| ((o.kind, o.graphql.clone()), o.module.clone())).collect();
    let user_operations = match users {
        Some(u) => super::user_ops::decide(u, model.schema(), &cx, &mut modules, &mut methods, &reference_modules),
        None => Vec::new(),
    };
    if diags.has_errors() {
        return Err(diags);
    }

    let mut urls: BTreeMap<&str, usize> = BTreeMap::new();
    for m in operations_in {
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
        let argument = o.variables.iter().find(|v| v.graphql == "input").or(o.variables.first())?.graphql.clone();
        Some(Authenticate { operation: i, token_field: f.rust.clone(), token_optional, argument })
    });

    Ok(Ir {
        codes,
        mutation_errors,
        types,
        operations,
        user_operations,
        endpoint,
        authenticate,
        runtime: options.runtime_at(),
        warnings,
        project: options.project.clone(),
        permissions: operations_in.required_permissions().into_iter().map(str::to_string).collect(),
    })
}

/// Validates every operation document with apollo-compiler against the schema the model validated
/// as. The documents are krakengen's own output, so an invalid one is a bug (or a case the document
/// builder does not handle); it must never be written, because the real API would reject it. User
/// fragments are left out of the check: users supply them for fields the model does not know.
///
/// Validation is most of what this stage costs, so the operations are validated in two halves on
/// two threads, each half as one document, and a problem is traced back to its operation by its
/// line. Operation names that collide (`fooBar` and `FooBar` both give `FooBar`) would be a problem
/// of the joint document only, so then each document is validated alone.
fn validate_documents(cx: &IrBuilder<'_>, operations: &[OperationIr], plain: &[Option<String>], diags: &mut Diagnostics) {
    let schema = cx.model.schema();
    // Without user fragments the documents are krakengen's own already.
    let own: Vec<&str> = operations.iter().zip(plain).map(|(op, plain)| plain.as_deref().unwrap_or(&op.document)).collect();
    let mut names = BTreeSet::new();
    let joint = operations.iter().all(|op| names.insert(op.operation_name.as_str()));
    // Two halves, validated on two threads: validation is most of what this stage adds.
    let indices: Vec<usize> = (0..operations.len()).collect();
    let half = operations.len().div_ceil(2).max(1);
    let found: Vec<BTreeMap<usize, Vec<String>>> = std::thread::scope(|scope| {
        let workers: Vec<_> = indices.chunks(half).map(|group| scope.spawn(|| problems_of(schema, group, &own, joint))).collect();
        workers.into_iter().map(|w| w.join().expect("validation does not panic")).collect()
    });
    for (i, problems) in found.into_iter().flatten() {
        let (op, m) = (&operations[i], &cx.operations[i]);
        diags.error(
            crate::diag::Code::InvalidDocument,
            m.span,
            format!(
                "the operation document krakengen built for `{}` is not valid against the schema ({}); it is not written:\n{}",
                op.graphql,
                problems.join("; "),
                own[i]
            ),
            "invalid operation document",
        );
    }
}

/// The problems of the documents `group` (indices into `own`), by operation: validated as one
/// document when `joint`, else one by one.
fn problems_of(
    schema: &apollo_compiler::validation::Valid<apollo_compiler::Schema>,
    group: &[usize],
    own: &[&str],
    joint: bool,
) -> BTreeMap<usize, Vec<String>> {
    let mut problems: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let parts: Vec<&[usize]> = if joint { vec![group] } else { group.chunks(1).collect() };
    for part in parts {
        // Each operation's first line in the joint text, to find whose a problem is.
        let mut text = String::new();
        let mut starts = Vec::with_capacity(part.len());
        let mut line = 1;
        for &i in part {
            starts.push(line);
            text.push_str(own[i]);
            // Every document ends a line, so the next one starts on a line of its own.
            let ended = own[i].ends_with('\n');
            if !ended {
                text.push('\n');
            }
            line += own[i].matches('\n').count() + usize::from(!ended);
        }
        if let Err(e) = apollo_compiler::ExecutableDocument::parse_and_validate(schema, text.as_str(), "documents.graphql") {
            for d in e.errors.iter() {
                let at = d.line_column_range().map_or(1, |r| r.start.line);
                let k = starts.partition_point(|&s| s <= at).saturating_sub(1);
                problems.entry(part[k]).or_default().push(d.error.to_string());
            }
        }
    }
    problems
}

/// What the per-operation builders share.
pub(crate) struct IrBuilder<'a> {
    /// The operations generated, in the order of [`Ir::operations`].
    pub operations: &'a [Operation],
    pub model: &'a TypeModel,
    pub shapes: Shapes<'a>,
    pub rust_of: &'a BTreeMap<String, String>,
}

impl super::user_ops::Named for IrBuilder<'_> {
    fn named(&self, name: &str) -> Ty {
        IrBuilder::named(self, name)
    }
}

impl IrBuilder<'_> {
    fn named(&self, name: &str) -> Ty {
        match name {
            "String" | "ID" => Ty::Prim("String"),
            "Int" => Ty::Prim("i32"),
            "Float" => Ty::Prim("f64"),
            "Boolean" => Ty::Prim("bool"),
            _ => self.rust_of.get(name).map_or(Ty::Json, |r| Ty::Shared(r.clone())),
        }
    }

    /// Maps a GraphQL type reference; `local` replaces the base type (the payload struct), and
    /// `boxed` puts the base value behind a `Box`.
    fn map(&self, t: &TypeRef, local: Option<&str>, boxed: bool) -> Ty {
        match t {
            TypeRef::NonNull(inner) => self.map_inner(inner, local, boxed),
            other => Ty::Option(Box::new(self.map_inner(other, local, boxed))),
        }
    }

    fn map_inner(&self, t: &TypeRef, local: Option<&str>, boxed: bool) -> Ty {
        match t {
            TypeRef::Named(n) => {
                let ty = match local {
                    Some(l) => Ty::Local(l.to_string()),
                    None => self.named(n),
                };
                if boxed {
                    Ty::Boxed(Box::new(ty))
                } else {
                    ty
                }
            }
            // A list holds its items on the heap already.
            TypeRef::List(inner) => Ty::Vec(Box::new(self.map(inner, local, false))),
            TypeRef::NonNull(inner) => self.map_inner(inner, local, boxed),
        }
    }

    /// The shared type `name`, as the model describes it; `None` for types that are not generated.
    fn type_def(
        &self,
        name: &str,
        scalar_maps: &BTreeMap<&str, String>,
        boxed: &BTreeSet<(String, String)>,
        outputs: &BTreeSet<String>,
        aliases: &BTreeSet<(String, String)>,
    ) -> Option<TypeIr> {
        let def = self.model.get(name)?;
        let provenance = def.origin;
        let fields = |input: bool| -> Vec<FieldIr> {
            let mut names = NameTable::new(Case::Snake);
            if !input {
                names.reserve(TYPENAME_FIELD);
            }
            def.fields
                .iter()
                .map(|f| {
                    let boxed = boxed.contains(&(name.to_string(), f.name.clone()));
                    // A field of unknown type is carried as JSON, as in payloads.
                    let mut ty = f.ty.as_ref().map_or(Ty::Option(Box::new(Ty::Json)), |t| self.map(t, None, boxed));
                    // An output field is optional whatever its type: a document may not select it.
                    // An input field with a default may be left out, so the server's default applies.
                    if (!input || f.default.is_some()) && !ty.is_option() {
                        ty = Ty::Option(Box::new(ty));
                    }
                    FieldIr {
                        graphql: f.name.clone(),
                        rust: names.insert(&f.name),
                        ty,
                        description: f.description.clone(),
                        deprecation: f.deprecation.clone(),
                        provenance: Some(f.origin.unwrap_or(Origin::Declared)),
                        graphql_ty: f.ty.clone(),
                        selected: !input && self.shapes.auto_selected(f),
                        aliases: if !input && aliases.contains(&(name.to_string(), f.name.clone())) {
                            vec![document::alias(&f.name, name)]
                        } else {
                            Vec::new()
                        },
                    }
                })
                .collect()
        };
        let kind = match def.kind {
            Kind::Scalar if def.shape == Shape::Opaque => TypeIrKind::Opaque { input: !outputs.contains(name) },
            Kind::Scalar => TypeIrKind::Scalar { mapping: scalar_maps.get(name).cloned() },
            Kind::Enum => {
                let mut t = NameTable::new(Case::Pascal);
                t.reserve(UNKNOWN);
                TypeIrKind::Enum { values: def.values.iter().map(|v| (v.name.clone(), t.insert(&v.name))).collect() }
            }
            Kind::InputObject if def.shape != Shape::Opaque && !def.fields.is_empty() => TypeIrKind::Input { fields: fields(true) },
            Kind::InputObject => TypeIrKind::Opaque { input: true },
            Kind::Union | Kind::Interface if self.shapes.is_abstract(name) => {
                let mut table = NameTable::new(Case::Pascal);
                table.reserve(UNKNOWN);
                let members = self
                    .shapes
                    .members(name)
                    .into_iter()
                    .filter_map(|m| Some((m.to_string(), table.insert(m), self.rust_of.get(m)?.clone())))
                    .collect();
                TypeIrKind::Abstract { members, interface: def.kind == Kind::Interface }
            }
            Kind::Object | Kind::Interface if self.shapes.typed_output(name) => {
                TypeIrKind::Object { fields: fields(false), partial: def.shape == Shape::Partial }
            }
            Kind::Object | Kind::Interface | Kind::Union => TypeIrKind::Opaque { input: false },
        };
        Some(TypeIr {
            graphql: name.to_string(),
            rust: self.rust_of.get(name)?.clone(),
            kind,
            provenance,
            synthetic: def.synthetic,
            from_supplement: def.supplemented || def.origin == Origin::Supplement,
        })
    }

    fn operation(&self, m: &Operation, module: String, method: String, document: String) -> OperationIr {
        let mut vars = NameTable::new(Case::Snake);
        let variables = m
            .arguments
            .iter()
            .map(|a| FieldIr {
                graphql: a.name.clone(),
                rust: vars.insert(&a.name),
                ty: self.map(&a.ty, None, false),
                description: a.description.clone(),
                deprecation: None,
                provenance: Some(Origin::Declared),
                graphql_ty: Some(a.ty.clone()),
                selected: true,
                aliases: Vec::new(),
            })
            .collect();
        let payload = self.shapes.payload_struct(m.return_type.base()).then(|| {
            let mut local = NameTable::new(Case::Pascal);
            OPERATION_ITEMS.iter().for_each(|n| {
                local.reserve(n);
            });
            let mut names = NameTable::new(Case::Snake);
            Payload {
                graphql: m.return_type.base().to_string(),
                rust: local.insert(m.return_type.base()),
                provenance: m.return_type_provenance.into(),
                fields: self.shapes.payload_fields(m).into_iter().map(|(ty, f)| self.payload_field(ty, f, &mut names)).collect(),
            }
        });
        let data_field = FieldIr {
            graphql: m.name.clone(),
            rust: crate::naming::sanitize(&m.name, Case::Snake),
            ty: self.map(&m.return_type, payload.as_ref().map(|p| p.rust.as_str()), false),
            description: None,
            deprecation: None,
            provenance: Some(m.return_type_provenance.into()),
            graphql_ty: Some(m.return_type.clone()),
            selected: true,
            aliases: Vec::new(),
        };
        OperationIr {
            graphql: m.name.clone(),
            kind: m.kind,
            module,
            method,
            operation_name: document::operation_name(&m.name),
            document,
            description: m.description.clone(),
            deprecation: m.deprecation.clone(),
            complexity: m.complexity,
            permissions: m.permissions.clone(),
            rate_limits: m.rate_limits.clone(),
            unauthorized_code: m.unauthorized_code().map(str::to_string),
            variables,
            data_field,
            payload,
            called_only: false,
        }
    }

    fn payload_field(&self, ty: Option<&TypeRef>, f: PayloadField<'_>, names: &mut NameTable) -> FieldIr {
        let selected = self.shapes.selects(f);
        let mut mapped = match ty {
            Some(t) => self.map(t, None, false),
            None => Ty::Option(Box::new(Ty::Json)),
        };
        // A field the document does not select is absent from every response to it, but the struct
        // still describes it so a custom document can select it; it can only ever be optional.
        if !selected && !mapped.is_option() {
            mapped = Ty::Option(Box::new(mapped));
        }
        let (name, description, deprecation, provenance) = match f {
            PayloadField::Reference(f, declared) => {
                let provenance = match declared.and_then(|d| d.origin) {
                    Some(Origin::Supplement) => Some(Origin::Supplement),
                    _ => f.provenance.map(Origin::from),
                };
                (&f.name, f.description.clone(), f.deprecation.clone(), provenance)
            }
            PayloadField::Supplement(d) => (&d.name, d.description.clone(), d.deprecation.clone(), Some(Origin::Supplement)),
        };
        FieldIr {
            graphql: name.clone(),
            rust: names.insert(name),
            ty: mapped,
            description,
            deprecation,
            provenance,
            graphql_ty: ty.cloned(),
            selected,
            aliases: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document the schema refuses is an error naming its mutation, at the mutation's block, and
    /// the generator builds nothing: the real API would reject such an operation.
    #[test]
    fn an_invalid_document_is_an_error_naming_its_mutation() {
        let parsed = crate::codegen::tests::vendored();
        let model = crate::types::build(&parsed, &[]).output.unwrap();
        let options = Options::new("oees");
        let mut ir = build(model.operations(), &model, &options, None).unwrap();
        let index = ir.operations.iter().position(|o| o.graphql == "acceptGoodsQuote").unwrap();
        ir.operations[index].document = "mutation AcceptGoodsQuote { acceptGoodsQuote { noSuchField } }".into();
        let cx = IrBuilder { operations: model.operations(), model: &model, shapes: model.shapes(), rust_of: &BTreeMap::new() };
        let mut diags = Diagnostics::new();
        let plain = vec![None; ir.operations.len()];
        validate_documents(&cx, &ir.operations, &plain, &mut diags);
        let errors: Vec<_> = diags.iter().collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].code, "invalid-document");
        assert!(errors[0].message.contains("`acceptGoodsQuote`") && errors[0].message.contains("noSuchField"), "{}", errors[0].message);
        assert_eq!(errors[0].span, parsed.reference.operation("acceptGoodsQuote").unwrap().span);
    }
}
