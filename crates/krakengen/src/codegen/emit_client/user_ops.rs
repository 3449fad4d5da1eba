//! The modules and `Client` methods of the users' own operations (see
//! [`crate::codegen::user_ops`]).

use super::*;
use crate::codegen::user_ops::{Item, UserOp};

/// The module of one user operation.
pub(super) fn module(op: &UserOp) -> TokenStream {
    let module = to_ident(&op.module);
    let unit = to_ident(op.kind.root());
    let operation_name = &op.name;
    let document = &op.document;
    let kind = op.kind.keyword();
    let mut doc = Doc::new().line(format!("The {kind} `{}` of your documents, typed by its selections.", escape(&op.name)));
    if let Some(m) = &op.reference_module {
        doc = doc.line(format!(
            "Its root field is documented by the reference: [`POSSIBLE_ERRORS`] and [`PossibleError`] are those of [`super::{m}`], which also states its permissions, complexity and rate limits."
        ));
    }
    let errors = op.reference_module.as_ref().map(|m| {
        let m = to_ident(m);
        quote! {
            pub use super::#m::{PossibleError, POSSIBLE_ERRORS};
        }
    });
    let doc = doc.attrs();
    let vars = to_ident("Variables");
    let (variables_derive, variables_debug) = derives_and_debug(&vars, &op.variables, false, false);
    let variables: TokenStream = op.variables.iter().map(|f| field_tokens(f, FieldKind::Variable)).collect();
    let variables_serde = wire_impls(&vars, &wire_fields(&op.variables), Wire::Sent, ServerDerives::Omitted);
    let items: TokenStream = op.items.iter().map(item).collect();
    let operation = operation_struct(&unit, &quote!(Data), &quote!(data));
    quote! {
        #doc
        pub mod #module {
            #[doc = " The name of the operation in [`DOCUMENT`]."]
            pub const OPERATION_NAME: &str = #operation_name;
            #[doc = " The document sent: the operation as written, with the fragments it spreads."]
            pub const DOCUMENT: &str = #document;
            #errors
            #[doc = " The variables the operation declares."]
            #variables_derive
            pub struct Variables {
                #variables
            }
            #variables_debug
            #variables_serde
            #items
            #operation
        }
    }
}

fn item(i: &Item) -> TokenStream {
    match i {
        Item::Struct { rust, graphql, fields } => {
            let name = to_ident(rust);
            let doc = Doc::new().line(format!("What the document selects on {}.", code(graphql))).attrs();
            let (derive, debug) = derives_and_debug(&name, fields, false, false);
            let body: TokenStream = fields.iter().map(|f| field_tokens(f, FieldKind::Payload)).collect();
            let serde = wire_impls(&name, &wire_fields(fields), Wire::Received, ServerDerives::Omitted);
            quote! {
                #doc
                #derive
                pub struct #name {
                    #body
                }
                #debug
                #serde
            }
        }
        Item::Enum { rust, graphql, variants, other } => {
            let name = to_ident(rust);
            let doc = Doc::new()
                .line(format!("What the document selects on {}, by the `__typename` of the answer.", code(graphql)))
                .line("`Other` is any other member, with the fields selected on every member.")
                .attrs();
            let other_id = to_ident(other);
            let arms: TokenStream = variants
                .iter()
                .map(|(_, v, s)| {
                    let (v, s) = (to_ident(v), to_ident(s));
                    quote!(#v(#s),)
                })
                .collect();
            let decode: TokenStream = variants
                .iter()
                .map(|(g, v, s)| {
                    let (v, s) = (to_ident(v), to_ident(s));
                    quote!(#g => #name::#v(<#s as ::serde::Deserialize>::deserialize(value).map_err(D::Error::custom)?),)
                })
                .collect();
            let derive = derive_data(false);
            quote! {
                #doc
                #derive
                pub enum #name {
                    #arms
                    Other(#other_id),
                }
                impl<'de> ::serde::Deserialize<'de> for #name {
                    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                        use ::serde::de::Error as _;
                        let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                        let typename = value
                            .get("__typename")
                            .and_then(::serde_json::Value::as_str)
                            .ok_or_else(|| D::Error::missing_field("__typename"))?
                            .to_owned();
                        ::std::result::Result::Ok(match typename.as_str() {
                            #decode
                            _ => #name::Other(<#other_id as ::serde::Deserialize>::deserialize(value).map_err(D::Error::custom)?),
                        })
                    }
                }
            }
        }
    }
}

/// The `Client` method of one user operation: `execute` of its operation, returning `Data`.
pub(super) fn method(op: &UserOp) -> TokenStream {
    let module = to_ident(&op.module);
    let name = to_ident(&op.method);
    let unit = to_ident(op.kind.root());
    let doc = Doc::new().line(format!("Sends [`{}::DOCUMENT`] (your `{}`) and returns its `data`.", op.module, escape(&op.name))).attrs();
    quote! {
        #doc
        pub fn #name<'a>(
            &'a self,
            variables: &'a #module::Variables,
        ) -> impl ::std::future::Future<Output = ::std::result::Result<#module::Data, Error>> + 'a {
            self.engine.execute::<#module::#unit, Error>(variables)
        }
    }
}
