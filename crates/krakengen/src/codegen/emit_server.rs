//! Tokens of the server module: the `MutationResolvers` trait, the adapter that serves any
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
use super::format::Segment;
use super::ir::{Ir, Operation, Scope};

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
fn caller_param(op: &Operation) -> String {
    let mut name = String::from("caller");
    while op.variables.iter().any(|v| v.rust == name) {
        name.push('_');
    }
    name
}

/// A method's signature: in the trait, a `fn` returning `impl Future<…> + Send`; in the scaffold
/// (`in_scaffold`), an `async fn`, which satisfies the trait's signature (the compiler still checks
/// that the future is `Send`) and reads like ordinary async Rust in the user's file.
pub(crate) fn signature(op: &Operation, paths: &ServerPaths, in_scaffold: bool) -> TokenStream {
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

fn trait_method(op: &Operation, paths: &ServerPaths) -> TokenStream {
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

fn dispatch_arm(op: &Operation, paths: &ServerPaths) -> TokenStream {
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
                quote!(::krakengen_server::model::PermissionExpr::All(::std::vec![#(#v),*]))
            }
            PermissionExpr::Any(v) => {
                let v = v.iter().map(expr);
                quote!(::krakengen_server::model::PermissionExpr::Any(::std::vec![#(#v),*]))
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

fn policy_entry(op: &Operation) -> TokenStream {
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

/// The whole generated server module, as segments formatted in parallel.
pub(crate) fn segments<'a>(ir: &'a Ir, paths: &'a ServerPaths) -> Vec<Segment<'a>> {
    let head = Segment::items(move || {
        let summary = format!(" Server side of the {} Kraken API: resolvers, their adapter and their guards.", escape(&ir.project));
        let sdl = &paths.sdl;
        let sdl_doc = format!(" The SDL this server serves (`{}`), as checked in.", escape(sdl.trim_start_matches("../")));
        let permissions = &ir.permissions;
        quote! {
            #![doc = #summary]
            #![doc = ""]
            #![doc = " Implement [`MutationResolvers`] (one method per mutation; `krakengen scaffold` writes a starting"]
            #![doc = " implementation), then serve it with [`schema`] or [`router`]. Permissions and rate limits are"]
            #![doc = " checked by [`policy`] before a method runs; errors reach callers in Kraken's shape."]
            #[doc = #sdl_doc]
            pub const SDL: &str = ::core::include_str!(#sdl);
            #[doc = " Every permission name the reference requires, sorted (what `X-Kraken-Permissions: *` grants)."]
            pub const PERMISSIONS: &[&str] = &[#(#permissions),*];
            #[doc = " Serves any [`MutationResolvers`]: implements `krakengen_server::schema::Dispatch` by decoding"]
            #[doc = " each mutation's arguments into the client crate's `Variables` and encoding the result."]
            pub struct Adapter<R>(pub R);
            #[doc = " The schema of [`SDL`], served by `resolvers` behind the guards of [`policy`]."]
            pub fn schema<R: MutationResolvers>(
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
            #[doc = " HTTP routes (`POST /graphql`, `POST /v1/graphql/`) serving [`schema`]; the caller's permissions come"]
            #[doc = " from the `X-Kraken-Permissions` header. Serve it with `krakengen_server::http::serve`."]
            pub fn router<R: MutationResolvers>(
                resolvers: R,
                unspecified: ::krakengen_server::policy::Unspecified,
                settings: &::krakengen_server::schema::Settings,
            ) -> ::std::result::Result<::krakengen_server::http::Router, ::krakengen_server::schema::BuildError> {
                let schema = schema(resolvers, unspecified, settings)?;
                ::std::result::Result::Ok(::krakengen_server::http::router(schema, PERMISSIONS))
            }
        }
    });
    let methods = Segment::items(move || {
        let methods = ir.operations.iter().map(|op| trait_method(op, paths));
        quote! {
            #[doc = " One method per mutation of the reference, in reference order. Arguments are the fields of the"]
            #[doc = " client crate's `Variables`; the result is the mutation's field of `data`, or a Kraken error."]
            #[doc = ""]
            #[doc = " There are no default bodies: a mutation added to the reference is a compile error in every"]
            #[doc = " implementation until it is implemented."]
            #[allow(deprecated)]
            pub trait MutationResolvers: ::std::marker::Send + ::std::marker::Sync + 'static {
                #(#methods)*
            }
        }
    });
    let adapter = Segment::items(move || {
        let arms = ir.operations.iter().map(|op| dispatch_arm(op, paths));
        quote! {
            #[allow(deprecated)]
            impl<R: MutationResolvers> ::krakengen_server::schema::Dispatch for Adapter<R> {
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
    });
    let policy = Segment::items(move || {
        let entries = ir.operations.iter().map(policy_entry);
        quote! {
            #[doc = " The permission guard and rate limits of every mutation, from the catalogue. `unspecified` decides"]
            #[doc = " what happens to mutations whose reference block has no permissions section."]
            pub fn policy(unspecified: ::krakengen_server::policy::Unspecified) -> ::krakengen_server::policy::Policy {
                ::krakengen_server::policy::Policy::new(::std::vec![#(#entries)*], unspecified)
            }
        }
    });
    vec![head, methods, adapter, policy]
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
        impl ::#server::MutationResolvers for Resolvers {
            #(#methods)*
        }
    }
}
