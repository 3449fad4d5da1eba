//! Tokens of the server module: the `OperationResolvers` trait, the adapter that serves any
//! implementation of it through `krakengen_server`, and the permission and rate-limit policy taken
//! from the catalogue.
//!
//! The trait reuses the client crate's types (`Variables` fields as arguments, payload types as
//! results), so client and server can never disagree about a shape, and the error crate's
//! `KrakenError` as the error side. Its methods have no default bodies on purpose: a mutation added to
//! the reference must become a compile error in every implementation, not a silent hole.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{PermissionExpr, Permissions, RatePeriod};
use crate::naming::to_ident;

use super::docs::{code, escape};
use super::emit_client::{deprecated_attr, operation_doc};
use super::format::{balanced_ranges, ranges, Segment, SPLIT};
use super::ir::{Ir, OperationIr, Scope};

/// Where the server module finds its neighbours.
pub(crate) struct ServerPaths {
    /// The client crate's identifier (`oees_client`).
    pub client: String,
    /// The error crate's identifier (`oees_errors`).
    pub errors: String,
    /// The SDL file, relative to the generated file (for `include_str!`).
    pub sdl: String,
}

/// The name of the parameter that carries the caller: `caller`, unless an argument already has it.
fn caller_param(op: &OperationIr) -> String {
    let mut name = String::from("caller");
    while op.variables.iter().any(|v| v.rust == name) {
        name.push('_');
    }
    name
}

/// A method's signature: in the trait, a `fn` returning `impl Future<…> + Send`; in the scaffold
/// (`in_scaffold`), an `async fn`, which satisfies the trait's signature (the compiler still checks
/// that the future is `Send`) and reads like ordinary async Rust in the user's file.
pub(crate) fn signature(op: &OperationIr, paths: &ServerPaths, in_scaffold: bool) -> TokenStream {
    let name = to_ident(&op.method);
    let caller = to_ident(&caller_param(op));
    let args = op.variables.iter().map(|v| {
        let id = to_ident(&v.rust);
        let ty = v.ty.tokens(Scope::Crate(&paths.client, &op.module));
        quote!(#id: #ty)
    });
    let payload = op.data_field.ty.tokens(Scope::Crate(&paths.client, &op.module));
    let errors = to_ident(&paths.errors);
    let result = quote!(::std::result::Result<#payload, ::#errors::KrakenError>);
    if in_scaffold {
        quote!(async fn #name(&self, #caller: &::krakengen_server::policy::Caller #(, #args)*) -> #result)
    } else {
        quote! {
            fn #name(&self, #caller: &::krakengen_server::policy::Caller #(, #args)*)
                -> impl ::std::future::Future<Output = #result> + ::std::marker::Send
        }
    }
}

fn trait_method(op: &OperationIr, paths: &ServerPaths) -> TokenStream {
    let mut doc = operation_doc(op);
    for v in &op.variables {
        let mut line = format!("`{}`: {}", v.rust, code(&v.graphql));
        if let Some(t) = &v.graphql_ty {
            line.push_str(&format!(" ({})", code(&t.to_string())));
        }
        if let Some(d) = &v.description {
            line.push_str(&format!(", {}", escape(&d.split_whitespace().collect::<Vec<_>>().join(" "))));
        }
        doc = doc.line(line);
    }
    let doc = doc.attrs();
    let deprecated = deprecated_attr(op.deprecation.as_ref());
    let signature = signature(op, paths, false);
    quote! {
        #doc
        #deprecated
        #signature;
    }
}

fn dispatch_arm(op: &OperationIr, paths: &ServerPaths) -> TokenStream {
    let graphql = &op.graphql;
    let method = to_ident(&op.method);
    let client = to_ident(&paths.client);
    let module = to_ident(&op.module);
    let fields: Vec<_> = op.variables.iter().map(|v| to_ident(&v.rust)).collect();
    let decode = if fields.is_empty() {
        TokenStream::new()
    } else {
        quote! {
            let variables: ::#client::#module::Variables = ::krakengen_server::resolvers::decode(#graphql, call.arguments)?;
        }
    };
    quote! {
        #graphql => ::std::boxed::Box::pin(async move {
            #decode
            ::krakengen_server::resolvers::encode(resolvers.#method(caller #(, variables.#fields)*).await)
        }),
    }
}

fn permission_tokens(p: &Permissions) -> TokenStream {
    fn expr(e: &PermissionExpr) -> TokenStream {
        match e {
            PermissionExpr::Permission(p) => {
                quote!(::krakengen_server::model::PermissionExpr::Permission(::std::string::String::from(#p)))
            }
            PermissionExpr::All(v) => {
                let v = v.iter().map(expr);
                quote!(::krakengen_server::model::PermissionExpr::All(::std::vec::Vec::from([#(#v),*])))
            }
            PermissionExpr::Any(v) => {
                let v = v.iter().map(expr);
                quote!(::krakengen_server::model::PermissionExpr::Any(::std::vec::Vec::from([#(#v),*])))
            }
        }
    }
    match p {
        Permissions::Unspecified => quote!(::krakengen_server::model::Permissions::Unspecified),
        Permissions::Public => quote!(::krakengen_server::model::Permissions::Public),
        Permissions::Required(e) => {
            let e = expr(e);
            quote!(::krakengen_server::model::Permissions::Required(#e))
        }
    }
}

fn period_tokens(p: RatePeriod) -> TokenStream {
    match p {
        RatePeriod::Second => quote!(::krakengen_server::model::RatePeriod::Second),
        RatePeriod::Minute => quote!(::krakengen_server::model::RatePeriod::Minute),
        RatePeriod::Hour => quote!(::krakengen_server::model::RatePeriod::Hour),
        RatePeriod::Day => quote!(::krakengen_server::model::RatePeriod::Day),
    }
}

fn policy_entry(op: &OperationIr) -> TokenStream {
    let graphql = &op.graphql;
    let permissions = permission_tokens(&op.permissions);
    let limits = op.rate_limits.iter().map(|r| {
        let key = &r.key;
        let steps = r.steps.iter().map(|s| {
            let (limit, per) = (s.limit, period_tokens(s.per));
            quote!((#limit, #per))
        });
        quote!((#key, &[#(#steps),*]))
    });
    let unauthorized = match &op.unauthorized_code {
        Some(c) => quote!(::std::option::Option::Some(#c)),
        None => quote!(::std::option::Option::None),
    };
    quote! {
        (
            ::std::string::String::from(#graphql),
            ::krakengen_server::policy::OperationPolicy::new(#permissions, &[#(#limits),*], #unauthorized),
        ),
    }
}

/// [`segments`] with `per_piece` mutations per piece of the adapter and the policy.
fn segments_with<'a>(ir: &'a Ir, paths: &'a ServerPaths, per_piece: usize) -> Vec<Segment<'a>> {
    let head = Segment::items(move || {
        let summary = format!(" Server side of the {} Kraken API: resolvers, their adapter and their guards.", escape(&ir.project));
        let sdl = &paths.sdl;
        let sdl_doc = format!(" The SDL this server serves (`{}`), as checked in.", escape(sdl.trim_start_matches("../")));
        let permissions = &ir.permissions;
        quote! {
            #![doc = #summary]
            #![doc = ""]
            #![doc = " Implement [`OperationResolvers`] (one method per operation; `krakengen scaffold` writes a starting"]
            #![doc = " implementation), then serve it with [`schema`] or [`router`]. Permissions and rate limits are"]
            #![doc = " checked by [`policy`] before a method runs; errors reach callers in Kraken's shape."]
            #[doc = #sdl_doc]
            pub const SDL: &str = ::core::include_str!(#sdl);
            #[doc = " Every permission name the reference requires, sorted (what `X-Kraken-Permissions: *` grants)."]
            pub const PERMISSIONS: &[&str] = &[#(#permissions),*];
            #[doc = " Serves any [`OperationResolvers`]: implements `krakengen_server::schema::Dispatch` by decoding"]
            #[doc = " each mutation's arguments into the client crate's `Variables` and encoding the result."]
            pub struct Adapter<R>(pub R);
            #[doc = " The schema of [`SDL`], served by `resolvers` behind the guards of [`policy`]."]
            pub fn schema<R: OperationResolvers>(
                resolvers: R,
                unspecified: ::krakengen_server::policy::Unspecified,
                settings: &::krakengen_server::schema::Settings,
            ) -> ::std::result::Result<::krakengen_server::schema::Schema, ::krakengen_server::schema::BuildError> {
                ::krakengen_server::schema::build_with(
                    SDL,
                    ::std::sync::Arc::new(policy(unspecified)),
                    ::std::sync::Arc::new(Adapter(resolvers)),
                    settings,
                )
            }
            #[doc = " HTTP routes (`POST /graphql`, `POST /v1/graphql/`) serving [`schema`] to the callers"]
            #[doc = " `authenticator` verifies (`krakengen_server::auth::JwtAuthenticator`, say), every request"]
            #[doc = " within `limits`. Serve it with `krakengen_server::http::serve`."]
            pub fn router<R: OperationResolvers>(
                resolvers: R,
                unspecified: ::krakengen_server::policy::Unspecified,
                settings: &::krakengen_server::schema::Settings,
                authenticator: ::std::sync::Arc<dyn ::krakengen_server::auth::Authenticator>,
                limits: &::krakengen_server::http::Limits,
            ) -> ::std::result::Result<::krakengen_server::http::Router, ::krakengen_server::schema::BuildError> {
                let schema = schema(resolvers, unspecified, settings)?;
                ::std::result::Result::Ok(::krakengen_server::http::authenticated_router(schema, authenticator, limits))
            }
            #[doc = " [`router`] for tests: the caller's permissions come from the `X-Kraken-Permissions` header"]
            #[doc = " (`*` grants [`PERMISSIONS`]), unverified, so anyone is anyone. Never deploy it."]
            pub fn router_trusting_headers_for_tests<R: OperationResolvers>(
                resolvers: R,
                unspecified: ::krakengen_server::policy::Unspecified,
                settings: &::krakengen_server::schema::Settings,
            ) -> ::std::result::Result<::krakengen_server::http::Router, ::krakengen_server::schema::BuildError> {
                let schema = schema(resolvers, unspecified, settings)?;
                ::std::result::Result::Ok(::krakengen_server::http::router(schema, PERMISSIONS))
            }
        }
    });
    let mut out = vec![head];
    // The trait is a wrapper whose body is cut into chunks of methods; without mutations it is one
    // empty item (printed on one line, so it cannot be a chunk).
    if ir.operations.is_empty() {
        out.push(Segment::items(move || resolvers_trait(ir, paths, 0..0)));
    }
    for r in ranges(ir.operations.len(), METHODS_PER_CHUNK) {
        out.push(Segment::chunk(TRAIT_OPENER, move || resolvers_trait(ir, paths, r.clone())));
    }
    let pieces = balanced_ranges(ir.operations.len(), per_piece);
    let sentinels = pieces.len() > 1;
    for r in &pieces {
        let r = r.clone();
        out.push(if sentinels {
            Segment::split("impl Dispatch", move || adapter(ir, paths, r.clone(), true))
        } else {
            Segment::items(move || adapter(ir, paths, r.clone(), false))
        });
    }
    for r in pieces {
        out.push(if sentinels {
            Segment::split("fn policy", move || policy(ir, r.clone(), true))
        } else {
            Segment::items(move || policy(ir, r.clone(), false))
        });
    }
    out
}

/// How many trait methods one formatting chunk holds.
const METHODS_PER_CHUNK: usize = 64;

/// How many mutations one formatting piece of the adapter's `match` and of the policy's list holds
/// (see [`super::format`]): these are single items that grow with the reference, so at 100× the
/// vendored reference formatting either whole built a syntax tree of over a gigabyte. The vendored
/// reference (326 mutations) formats them whole.
const MUTATIONS_PER_PIECE: usize = 500;

/// The opening line of the trait exactly as prettyplease prints it, which joins its chunks.
const TRAIT_OPENER: &str = "pub trait OperationResolvers: ::std::marker::Send + ::std::marker::Sync + 'static {";

/// The whole generated server module, as segments formatted in parallel.
pub(crate) fn segments<'a>(ir: &'a Ir, paths: &'a ServerPaths) -> Vec<Segment<'a>> {
    segments_with(ir, paths, MUTATIONS_PER_PIECE)
}

/// The trait with the methods of the mutations in `range`.
fn resolvers_trait(ir: &Ir, paths: &ServerPaths, range: std::ops::Range<usize>) -> TokenStream {
    let methods = ir.operations[range].iter().map(|op| trait_method(op, paths));
    quote! {
        #[doc = " One method per mutation of the reference, in reference order. Arguments are the fields of the"]
        #[doc = " client crate's `Variables`; the result is the mutation's field of `data`, or a Kraken error."]
        #[doc = ""]
        #[doc = " There are no default bodies: a mutation added to the reference is a compile error in every"]
        #[doc = " implementation until it is implemented."]
        #[allow(deprecated)]
        pub trait OperationResolvers: ::std::marker::Send + ::std::marker::Sync + 'static {
            #(#methods)*
        }
    }
}

/// `items`, bracketed by two `sentinel` entries when the item is formatted in split pieces.
fn bracket(items: impl Iterator<Item = TokenStream>, sentinel: Option<TokenStream>) -> Vec<TokenStream> {
    match sentinel {
        None => items.collect(),
        Some(s) => std::iter::once(s.clone()).chain(items).chain(std::iter::once(s)).collect(),
    }
}

/// The adapter's `Dispatch` implementation with the `match` arms of the mutations in `range`.
fn adapter(ir: &Ir, paths: &ServerPaths, range: std::ops::Range<usize>, sentinels: bool) -> TokenStream {
    let split = proc_macro2::Ident::new(SPLIT, proc_macro2::Span::call_site());
    let sentinel = sentinels.then(|| quote!(#split => ::std::unreachable!(),));
    let arms = bracket(ir.operations[range].iter().map(|op| dispatch_arm(op, paths)), sentinel);
    quote! {
        #[allow(deprecated)]
        impl<R: OperationResolvers> ::krakengen_server::schema::Dispatch for Adapter<R> {
            fn call<'a>(&'a self, call: ::krakengen_server::schema::Call<'a>) -> ::krakengen_server::schema::DispatchFuture<'a> {
                let resolvers = &self.0;
                let caller = call.caller;
                match call.mutation {
                    #(#arms)*
                    other => ::std::boxed::Box::pin(::std::future::ready(::std::result::Result::Err(
                        ::krakengen_server::resolvers::unknown_mutation(other),
                    ))),
                }
            }
        }
    }
}

/// The `policy` function with the entries of the mutations in `range`.
fn policy(ir: &Ir, range: std::ops::Range<usize>, sentinels: bool) -> TokenStream {
    let split = proc_macro2::Ident::new(SPLIT, proc_macro2::Span::call_site());
    let entries = bracket(ir.operations[range].iter().map(policy_entry), sentinels.then(|| quote!(#split,)));
    quote! {
        #[doc = " The permission guard and rate limits of every mutation, from the catalogue. `unspecified` decides"]
        #[doc = " what happens to mutations whose reference block has no permissions section."]
        pub fn policy(unspecified: ::krakengen_server::policy::Unspecified) -> ::krakengen_server::policy::Policy {
            // An array rather than `vec![…]`: prettyplease prints a macro's tokens as they come unless it
            // can parse them, and an array is printed one entry per line, which splitting relies on.
            ::krakengen_server::policy::Policy::new(::std::vec::Vec::from([#(#entries)*]), unspecified)
        }
    }
}

/// A starting implementation of the trait: every body is `todo!()`. Written by `krakengen scaffold`
/// only when the file does not exist yet.
pub(crate) fn scaffold(ir: &Ir, paths: &ServerPaths, server: &str) -> TokenStream {
    let server = to_ident(server);
    let methods = ir.operations.iter().map(|op| {
        let sig = signature(op, paths, true);
        let graphql = format!("{} is not implemented yet", op.graphql);
        let deprecated = op.deprecation.is_some().then(|| quote!(#[allow(deprecated)]));
        quote! {
            #deprecated
            #[allow(unused_variables)]
            #sig {
                ::std::todo!(#graphql)
            }
        }
    });
    let summary = format!(
        " Resolvers of the {} mutations, written once by `krakengen scaffold`; this file is yours to edit.",
        escape(&ir.project)
    );
    quote! {
        #![doc = #summary]
        #![doc = ""]
        #![doc = " Run `krakengen scaffold` again after the reference changes: it never overwrites this file, but"]
        #![doc = " lists the methods the trait gained (which you must add) and the ones it lost."]
        #[doc = " The implementation of every mutation."]
        pub struct Resolvers;
        impl ::#server::OperationResolvers for Resolvers {
            #(#methods)*
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codegen::format;

    /// Chunking the trait and splitting the adapter and the policy must not change a byte of the
    /// file. The vendored reference has fewer mutations than one piece holds, so it is split here into
    /// small pieces (about 40 mutations each), which must give exactly what formatting those items
    /// whole gives; the trait, whose chunks the vendored reference already has, is compared with one
    /// pass over the whole file.
    #[test]
    fn splitting_the_server_changes_nothing() {
        let options = crate::codegen::Options::new("oees");
        let ir = crate::codegen::tests::vendored_ir(&options);
        assert!(ir.operations.len() > 300, "{}", ir.operations.len());
        let paths = ServerPaths { client: "oees_client".into(), errors: "oees_errors".into(), sdl: "../schema.graphql".into() };
        let whole = format::rust_file_segments(&segments(&ir, &paths)).unwrap();
        let chunks = segments(&ir, &paths).iter().filter(|s| s.opener == Some(TRAIT_OPENER)).count();
        assert_eq!(chunks, ir.operations.len().div_ceil(METHODS_PER_CHUNK));
        assert_eq!(whole, format::rust_file_single_pass(&segments(&ir, &paths)).unwrap());
        let split = segments_with(&ir, &paths, 40);
        assert_eq!(split.iter().filter(|s| s.split.is_some()).count(), 2 * ir.operations.len().div_ceil(40));
        assert_eq!(format::rust_file_segments(&split).unwrap(), whole);
        assert!(!whole.contains(format::SPLIT));
    }

    #[test]
    fn an_empty_reference_has_an_empty_trait() {
        let generator =
            crate::codegen::tests::generator(&Default::default(), &crate::codegen::Options::new("e")).unwrap();
        let ir = &generator.ir;
        let paths = ServerPaths { client: "c".into(), errors: "e".into(), sdl: "s.graphql".into() };
        let text = format::rust_file_segments(&segments(ir, &paths)).unwrap();
        assert!(text.contains(&format!("{TRAIT_OPENER}}}\n")), "{text}");
        assert_eq!(text, format::rust_file_single_pass(&segments(ir, &paths)).unwrap());
    }
}
