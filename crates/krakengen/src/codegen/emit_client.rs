//! Tokens of the client module: the runtime, the shared `types` module, one module per operation and
//! one method per operation on `Client`.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Deprecation, Permissions};
use crate::types::Origin;
use crate::naming::to_ident;

use super::docs::{code, escape, Doc};
use super::ir::{FieldIr, Ir, OperationIr, Scope, Ty, TypeIr, TypeIrKind, UNKNOWN};
use super::format::{ranges, Segment};
use super::wire::{self, WireField};
use super::{emit_errors, runtime, ErrorsPath};

mod types;
mod user_ops;
use types::type_def;

/// The path of the error module from the client's root (`in_operation` false) or from an operation
/// module inside it.
fn errors_tokens(path: &ErrorsPath, in_operation: bool) -> TokenStream {
    match path {
        ErrorsPath::Crate(name) => {
            let id = to_ident(name);
            quote!(::#id)
        }
        ErrorsPath::Sibling => quote!(crate::errors),
        ErrorsPath::Super if in_operation => quote!(super::super::errors),
        ErrorsPath::Super => quote!(super::errors),
    }
}

/// Which way a generated type crosses the wire, which decides the serde impl it needs: a client
/// serializes variables and inputs and deserializes responses, and compiling only that impl is a
/// large cut in the generated crate's compile time.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wire {
    /// Variables and input objects.
    Sent,
    /// `Data`, payloads and output objects.
    Received,
}

/// Where the serde impl of the other direction goes, which the generated server needs (it decodes
/// variables and encodes payloads with the client's types).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ServerDerives {
    /// Behind the client crate's `server` feature, which the server crate enables.
    Feature,
    /// Nowhere: a file included in the user's own crate (the build-script layout), which has no such
    /// feature and no generated server.
    Omitted,
}

impl ServerDerives {
    pub(crate) fn of(errors: &ErrorsPath) -> Self {
        match errors {
            ErrorsPath::Super => ServerDerives::Omitted,
            ErrorsPath::Crate(_) | ErrorsPath::Sibling => ServerDerives::Feature,
        }
    }

    /// The attribute that compiles the other direction's impl only for the server.
    const GATE: &'static str = "#[cfg(feature = \"server\")]";

    /// The serde impls of a type that crosses the wire in direction `wire`: the client's direction,
    /// and the server's behind its gate when there is a server.
    fn impls(self, wire: Wire) -> Vec<(wire::Impl, &'static str)> {
        use wire::Impl;
        let (client, other) = match wire {
            Wire::Sent => (Impl::Serialize, Impl::Deserialize),
            Wire::Received => (Impl::Deserialize, Impl::Serialize),
        };
        match self {
            ServerDerives::Feature => vec![(client, ""), (other, Self::GATE)],
            ServerDerives::Omitted => vec![(client, "")],
        }
    }
}

/// The derives of a generated data type. `PartialEq` but not `Eq`, because a `Float` field is an
/// `f64`. `default` adds `Default` (an input object without required fields). The serde impls are
/// written out by [`wire_impls`].
fn derive_data(default: bool) -> TokenStream {
    use super::docs::fixed;
    if default {
        fixed("#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::std::default::Default)]")
    } else {
        fixed("#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]")
    }
}

/// The derives of a data type without `Debug`, for one whose `Debug` is written out.
fn derive_data_without_debug(default: bool) -> TokenStream {
    use super::docs::fixed;
    if default {
        fixed("#[derive(::std::clone::Clone, ::std::cmp::PartialEq, ::std::default::Default)]")
    } else {
        fixed("#[derive(::std::clone::Clone, ::std::cmp::PartialEq)]")
    }
}

/// Whether a field named `name` (GraphQL) holds a secret, by the rule of the runtime crate
/// ([`krakengen_client::redact::secret_key`]), whose `redact_json` applies it to the keys of
/// JSON-carried values: one rule for both.
pub(crate) fn is_secret(name: &str) -> bool {
    krakengen_client::redact::secret_key(name)
}

/// The derives of a struct with `fields` (and the `typename` field of output types when
/// `typename`), and, when a field holds a secret, the `Debug` impl that shows `<redacted>` in its
/// place: a logged response or request must not carry a token or a password.
fn derives_and_debug(name: &proc_macro2::Ident, fields: &[FieldIr], default: bool, typename: bool) -> (TokenStream, TokenStream) {
    if !fields.iter().any(|f| is_secret(&f.graphql)) {
        return (derive_data(default), TokenStream::new());
    }
    let shown = name.to_string();
    let typename = typename.then(|| quote!(.field("typename", &self.typename)));
    let entries = fields.iter().map(|f| {
        let field = to_ident(&f.rust);
        let label = f.rust.trim_start_matches("r#");
        if is_secret(&f.graphql) {
            quote!(.field(#label, &"<redacted>"))
        } else {
            quote!(.field(#label, &self.#field))
        }
    });
    let debug = quote! {
        #[allow(deprecated)]
        impl ::std::fmt::Debug for #name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#shown) #typename #(#entries)* .finish()
            }
        }
    };
    (derive_data_without_debug(default), debug)
}

/// The fields of a struct as its serde impls write and read them.
fn wire_fields(fields: &[FieldIr]) -> Vec<WireField> {
    fields.iter().map(WireField::of).collect()
}

/// The serde impls of a struct: the direction a client uses, and the other one for the server.
fn wire_impls(name: &proc_macro2::Ident, fields: &[WireField], wire: Wire, server: ServerDerives) -> TokenStream {
    wire::object(name, fields, &server.impls(wire))
}

/// How many items one formatting chunk holds (see [`super::format`]).
const TYPES_PER_CHUNK: usize = 48;
const OPERATIONS_PER_CHUNK: usize = 24;
const METHODS_PER_CHUNK: usize = 64;

/// The whole generated client module, as segments formatted in parallel.
pub(crate) fn segments<'a>(ir: &'a Ir, errors: &'a ErrorsPath) -> Vec<Segment<'a>> {
    let mut out = vec![Segment::items(move || {
        let errors = errors_tokens(errors, false);
        let token = ir.authenticate.as_ref().map(|a| {
            let op = &ir.operations[a.operation];
            runtime::TokenMutationIr { module: &op.module, field: &op.graphql, argument: &a.argument }
        });
        let runtime = runtime::client(&errors, ir.runtime, token.as_ref());
        let private = wire::runtime();
        let summary = format!(" Typed client of the {} Kraken API.", escape(&ir.project));
        let endpoint = ir.endpoint.as_ref().map(|e| {
            quote! {
                #[doc = " The endpoint the reference names for every mutation."]
                pub const ENDPOINT: &str = #e;
            }
        });
        quote! {
            #![doc = #summary]
            #![doc = ""]
            #![doc = " Each mutation has a module (`accept_goods_quote`, say) holding its `DOCUMENT`, `Variables`,"]
            #![doc = " `Data` and payload types and its possible errors, and a method on [`Client`]. Types shared by"]
            #![doc = " several mutations live in [`types`]."]
            // Deprecated mutations and fields carry `#[deprecated]` for the code that uses them; the
            // generated code itself has to mention them (serde impls, the `Operation` impls), which is
            // not a use worth warning about.
            #![allow(deprecated)]
            #runtime
            #private
            #endpoint
        }
    })];
    if ir.types.is_empty() {
        out.push(Segment::items(|| types_module(TokenStream::new())));
    }
    for r in ranges(ir.types.len(), TYPES_PER_CHUNK) {
        let server = ServerDerives::of(errors);
        out.push(Segment::chunk("pub mod types {", move || types_module(ir.types[r.clone()].iter().map(|t| type_def(t, server)).collect())));
    }
    for r in ranges(ir.operations.len(), OPERATIONS_PER_CHUNK) {
        let errors_path = errors;
        out.push(Segment::items(move || {
            let errors = errors_tokens(errors, true);
            r.clone().map(|i| operation_module(ir, i, &ir.operations[i], &errors, ServerDerives::of(errors_path))).collect()
        }));
    }
    for r in ranges(ir.operations.len(), METHODS_PER_CHUNK) {
        out.push(Segment::chunk("impl<T: Transport> Client<T> {", move || {
            let methods: TokenStream = ir.operations[r.clone()].iter().map(method).collect();
            quote! {
                impl<T: Transport> Client<T> {
                    #methods
                }
            }
        }));
    }
    if !ir.user_operations.is_empty() {
        out.push(Segment::items(move || ir.user_operations.iter().map(user_ops::module).collect()));
        out.push(Segment::items(move || {
            let methods: TokenStream = ir.user_operations.iter().map(user_ops::method).collect();
            quote! {
                impl<T: Transport> Client<T> {
                    #methods
                }
            }
        }));
    }
    out.push(Segment::items(move || authenticate(ir)));
    out
}

fn types_module(items: TokenStream) -> TokenStream {
    quote! {
        #[doc = " Types shared by several operations: custom scalars, enums, unions, and the object and input"]
        #[doc = " types whose fields the reference does not give (carried as JSON)."]
        pub mod types {
            #items
        }
    }
}

/// `lib.rs` of the self-contained crate.
pub(crate) fn standalone_lib(ir: &Ir) -> TokenStream {
    let summary = format!(" Generated Rust client and error codes of the {} Kraken API.", escape(&ir.project));
    quote! {
        #![doc = #summary]
        #![doc = ""]
        #![doc = " [`errors`] holds the error codes and Kraken's error-response types; [`client`] the typed"]
        #![doc = " client, whose items are also re-exported here."]
        pub mod client;
        pub mod errors;
        pub use client::*;
    }
}

/// Everything generated for one operation, as a pseudo-file for review (see
/// [`super::render_mutation`]); for the authentication mutation, `Client::authenticate` too.
pub(crate) fn one_operation(ir: &Ir, index: usize, errors: &ErrorsPath) -> TokenStream {
    let errors_path = errors_tokens(errors, true);
    let op = &ir.operations[index];
    let mut names = BTreeSet::new();
    let mut fields: Vec<&FieldIr> = op.variables.iter().collect();
    fields.push(&op.data_field);
    if let Some(p) = &op.payload {
        fields.extend(&p.fields);
    }
    for f in fields {
        shared_names(&f.ty, &mut names);
    }
    // The shared types those name in turn: union and interface members, and the fields of structs.
    let mut todo: Vec<String> = names.iter().cloned().collect();
    while let Some(name) = todo.pop() {
        let Some(t) = ir.types.iter().find(|t| t.rust == name) else { continue };
        let mut more = BTreeSet::new();
        match &t.kind {
            TypeIrKind::Abstract { members, .. } => more.extend(members.iter().map(|m| m.2.clone())),
            TypeIrKind::Object { fields, .. } | TypeIrKind::Input { fields } => fields.iter().for_each(|f| shared_names(&f.ty, &mut more)),
            _ => {}
        }
        for n in more {
            if names.insert(n.clone()) {
                todo.push(n);
            }
        }
    }
    // As in the workspace crates, whose client has the `server` feature.
    let server = ServerDerives::Feature;
    let types: TokenStream = ir.types.iter().filter(|t| names.contains(&t.rust)).map(|t| type_def(t, server)).collect();
    let errs = emit_errors::mutation_errors(ir, index);
    let module = operation_module(ir, index, op, &errors_path, server);
    let m = method(op);
    let authenticate = match &ir.authenticate {
        Some(a) if a.operation == index => authenticate(ir),
        _ => TokenStream::new(),
    };
    quote! {
        pub mod mutations {
            #errs
        }
        pub mod types {
            #types
        }
        #module
        impl<T: Transport> Client<T> {
            #m
        }
        #authenticate
    }
}

fn shared_names(ty: &Ty, out: &mut BTreeSet<String>) {
    match ty {
        Ty::Shared(n) => {
            out.insert(n.clone());
        }
        Ty::Option(t) | Ty::Vec(t) | Ty::Boxed(t) => shared_names(t, out),
        _ => {}
    }
}

pub(crate) fn deprecated_attr(d: Option<&Deprecation>) -> TokenStream {
    let Some(d) = d else { return TokenStream::new() };
    let mut note = d.reason.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(m) = &d.marked {
        note.push_str(&format!(" (marked deprecated on {m})"));
    }
    if let Some(r) = &d.removal {
        note.push_str(&format!(" (scheduled for removal on or after {r})"));
    }
    if let Some(l) = &d.link {
        note.push_str(&format!(" See {l}"));
    }
    let note = note.trim().to_string();
    quote!(#[deprecated(note = #note)])
}

fn provenance_note(p: Option<Origin>) -> &'static str {
    match p {
        Some(Origin::Inferred) => " (inferred from the example, not declared by the reference)",
        _ => "",
    }
}

/// What the provenance of a named type means: the name is always declared (a variable definition, a
/// `Type:` line), but its kind may have been guessed.
fn kind_note(p: Origin) -> &'static str {
    match p {
        Origin::Inferred => " (its kind is inferred from the example, not declared by the reference)",
        Origin::Declared | Origin::Supplement => "",
    }
}

/// The documentation of a mutation: its description, then the facts of its block.
pub(crate) fn operation_doc(op: &OperationIr) -> Doc {
    let gql = code(&op.graphql);
    let mut doc = Doc::new().text(op.description.as_deref());
    if doc.is_empty() {
        doc = doc.line(format!("The {gql} mutation."));
    }
    let mut facts = Vec::new();
    if let Some(c) = op.complexity {
        facts.push(format!("Query complexity: {c}."));
    }
    match &op.permissions {
        Permissions::Unspecified => {}
        Permissions::Public => facts.push("Required permissions: none.".into()),
        Permissions::Required(e) => facts.push(format!("Required permissions: {}.", escape(&e.to_string()))),
    }
    for r in &op.rate_limits {
        let steps: Vec<String> = r.steps.iter().map(|s| format!("{} per {}", s.limit, s.per.as_str())).collect();
        facts.push(format!("Rate limit by {}: {}.", escape(&r.key), steps.join(", ")));
    }
    for f in facts {
        doc = doc.line(f);
    }
    doc
}

/// A field of a struct in the `types` module.
fn field_tokens_in(f: &FieldIr, scope: Scope<'_>) -> TokenStream {
    let doc = Doc::new().text(f.description.as_deref()).line(match &f.graphql_ty {
        Some(t) => format!("GraphQL type: {}.", code(&t.to_string())),
        None => "The schema does not give its type, so it is carried as JSON.".to_string(),
    });
    let doc = if f.selected {
        doc
    } else {
        doc.line(
            "Not selected by the generated documents (a composite, deprecated, or needing arguments), so `None` \
             unless a fragment or a custom document selects it.",
        )
    }
    .attrs();
    let deprecated = deprecated_attr(f.deprecation.as_ref());
    let name = to_ident(&f.rust);
    let ty = f.ty.tokens(scope);
    quote! {
        #doc
        #deprecated
        pub #name: #ty,
    }
}

fn field_tokens(f: &FieldIr, kind: FieldKind) -> TokenStream {
    let mut doc = Doc::new().text(f.description.as_deref());
    if let Some(t) = &f.graphql_ty {
        doc = doc.line(format!("GraphQL type: {}{}.", code(&t.to_string()), provenance_note(f.provenance)));
    } else if kind == FieldKind::Payload {
        doc = doc.line("The reference does not give its type, so it is carried as JSON.");
    }
    if !f.selected {
        doc = doc.line(
            "Not selected by [`DOCUMENT`], so always `None` in its responses; a custom document sent with \
             `Client::execute_raw` can select it.",
        );
    }
    let doc = doc.attrs();
    let deprecated = deprecated_attr(f.deprecation.as_ref());
    let name = to_ident(&f.rust);
    let ty = f.ty.tokens(Scope::Operation);
    quote! {
        #doc
        #deprecated
        pub #name: #ty,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FieldKind {
    Variable,
    Data,
    Payload,
}

/// The name of an operation module's unit struct: `Mutation` or `Query`.
fn unit_struct(op: &OperationIr) -> proc_macro2::Ident {
    to_ident(op.kind.root())
}

fn operation_module(ir: &Ir, index: usize, op: &OperationIr, errors: &TokenStream, server: ServerDerives) -> TokenStream {
    let module = to_ident(&op.module);
    let unit = unit_struct(op);
    let gql = code(&op.graphql);
    let doc = operation_doc(op).attrs();
    let deprecated = deprecated_attr(op.deprecation.as_ref());
    let me = &ir.mutation_errors[index];
    let errors_const = to_ident(&me.const_name);
    let errors_enum = to_ident(&me.enum_name);
    let operation_name = &op.operation_name;
    let document = &op.document;
    let derive = derive_data(false);
    let variables_serde = wire_impls(&to_ident("Variables"), &wire_fields(&op.variables), Wire::Sent, server);
    let data_serde = wire_impls(&to_ident("Data"), &wire_fields(std::slice::from_ref(&op.data_field)), Wire::Received, server);
    let (variables_derive, variables_debug) = derives_and_debug(&to_ident("Variables"), &op.variables, false, false);
    let variables: TokenStream = op.variables.iter().map(|f| field_tokens(f, FieldKind::Variable)).collect();
    let data_field = field_tokens(&op.data_field, FieldKind::Data);
    let data_name = to_ident(&op.data_field.rust);
    let payload_ty = op.data_field.ty.tokens(Scope::Operation);
    let operation = operation_struct(&unit, &payload_ty, &quote!(data.#data_name));
    let payload = op.payload.as_ref().map(|p| {
        let name = to_ident(&p.rust);
        let serde = wire_impls(&name, &wire_fields(&p.fields), Wire::Received, server);
        let (payload_derive, payload_debug) = derives_and_debug(&name, &p.fields, false, false);
        let fields: TokenStream = p.fields.iter().map(|f| field_tokens(f, FieldKind::Payload)).collect();
        let doc = Doc::new()
            .line(format!(
                "The payload {} of {gql}{}.",
                code(&p.graphql),
                provenance_note(Some(p.provenance))
            ))
            .line(
                "It lists every field the reference gives; those [`DOCUMENT`] does not select are optional and \
                 say so.",
            )
            .attrs();
        quote! {
            #doc
            #payload_derive
            pub struct #name {
                #fields
            }

            #payload_debug

            #serde
        }
    });
    let variables_doc = Doc::new().line(format!("The variables of {gql}: one field per argument.")).attrs();
    let data_doc = Doc::new().line("The `data` of a response to [`DOCUMENT`].").attrs();
    let document_doc = Doc::new().line(format!("The operation document sent for {gql}.")).attrs();
    quote! {
        #doc
        #deprecated
        pub mod #module {
            #[doc = " The name of the operation in [`DOCUMENT`]."]
            pub const OPERATION_NAME: &str = #operation_name;

            #document_doc
            pub const DOCUMENT: &str = #document;

            #[doc = " The error codes the reference lists for this mutation, in reference order."]
            pub const POSSIBLE_ERRORS: &[#errors::ErrorCode] = #errors::mutations::#errors_const;

            #[doc = " The error codes of [`POSSIBLE_ERRORS`] as an enum to match exhaustively."]
            pub type PossibleError = #errors::mutations::#errors_enum;

            #variables_doc
            #deprecated
            #variables_derive
            pub struct Variables {
                #variables
            }

            #variables_debug

            #variables_serde

            #data_doc
            #derive
            pub struct Data {
                #data_field
            }

            #data_serde

            #payload

            #operation
        }
    }
}

/// The unit struct of an operation module and its `Operation` impl, whose `payload` is `payload`
/// (an expression of `data`).
fn operation_struct(unit: &proc_macro2::Ident, payload_ty: &TokenStream, payload: &TokenStream) -> TokenStream {
    let derive = super::docs::fixed("#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::marker::Copy, ::std::default::Default)]");
    quote! {
        #[doc = " The operation, for [`Client::execute`](super::Client::execute)."]
        #derive
        pub struct #unit;

        impl super::Operation for #unit {
            const NAME: &'static str = OPERATION_NAME;
            const DOCUMENT: &'static str = DOCUMENT;
            const KIND: super::OperationKind = super::OperationKind::#unit;
            type Variables = Variables;
            type Data = Data;
            type Payload = #payload_ty;

            #[inline]
            fn payload(data: Data) -> Self::Payload {
                #payload
            }
        }
    }
}

/// A method per operation. It returns the runtime's `Engine::execute` future rather than being an
/// `async fn` of its own: the state machine is compiled once, in the runtime, not per operation
/// in every generated crate.
fn method(op: &OperationIr) -> TokenStream {
    let module = to_ident(&op.module);
    let name = to_ident(&op.method);
    let payload_ty = op.data_field.ty.tokens(Scope::Root(&op.module));
    let doc = operation_doc(op)
        .line(format!("Sends [`{}::DOCUMENT`] and returns the {}'s field of `data`.", op.module, op.kind.keyword()))
        .attrs();
    let deprecated = deprecated_attr(op.deprecation.as_ref());
    let unit = unit_struct(op);
    quote! {
        #doc
        #deprecated
        pub fn #name<'a>(
            &'a self,
            variables: &'a #module::Variables,
        ) -> impl ::std::future::Future<Output = ::std::result::Result<#payload_ty, Error>> + 'a {
            self.engine.execute::<#module::#unit, Error>(variables)
        }
    }
}

fn authenticate(ir: &Ir) -> TokenStream {
    let Some(a) = &ir.authenticate else { return TokenStream::new() };
    let op = &ir.operations[a.operation];
    let module = to_ident(&op.module);
    let unit = unit_struct(op);
    let token = to_ident(&a.token_field);
    let payload_optional = op.data_field.ty.is_option();
    let Some(payload) = &op.payload else { return TokenStream::new() };
    let payload_name = to_ident(&payload.rust);
    let field = &op.graphql;
    // The payload back when it holds a token, for the runtime's `login`.
    let check = match (payload_optional, a.token_optional) {
        (true, true) => quote!(|payload| payload.filter(|p| p.#token.is_some())),
        (true, false) => quote!(|payload| payload),
        (false, true) => quote!(|payload| ::std::option::Option::Some(payload).filter(|p| p.#token.is_some())),
        (false, false) => quote!(::std::option::Option::Some),
    };
    let doc = Doc::new()
        .line(format!(
            "Obtains a Kraken token with {} and keeps it in the session: every later call sends it, and the refresh token renews it ahead of its expiry. A failed login is not sent again.",
            code(&op.graphql)
        ))
        .line("Returns the whole payload.")
        .attrs();
    quote! {
        impl<T: Transport> Client<T> {
            #doc
            pub fn authenticate<'a>(
                &'a self,
                variables: &'a #module::Variables,
            ) -> impl ::std::future::Future<Output = ::std::result::Result<#module::#payload_name, Error>> + 'a {
                self.engine.login::<#module::#unit, Error, _>(#field, variables, #check)
            }
        }
    }
}
