//! The items of the client's `types` module: a struct, enum, union enum, input struct or JSON
//! newtype per shared type of the model.

use super::*;
use super::super::docs::verbatim;

pub(super) fn type_def(t: &TypeIr, server: ServerDerives) -> TokenStream {
    let name = to_ident(&t.rust);
    let gql = code(&t.graphql);
    let mut doc = Doc::new();
    if t.synthetic {
        doc = doc.line(format!(
            "{gql}: krakengen made this name up, because the reference uses the type without naming it."
        ));
    }
    match &t.kind {
        TypeIrKind::Opaque { input } => {
            let serde = wire::transparent(&name, &server.impls(if *input { Wire::Sent } else { Wire::Received }));
            let what = if *input { "input type" } else { "output type" };
            let doc = doc
                .line(format!("The GraphQL {what} {gql}{}.", kind_note(t.provenance)))
                .line(if *input {
                    "The reference does not give its fields, so it is built and sent as JSON.".to_string()
                } else {
                    "The reference does not give its fields, so it is carried as JSON. Documents select its \
                     `__typename` and any fragment supplied for it."
                        .to_string()
                })
                .attrs();
            let typename = (!input).then(|| {
                verbatim(format!(
                    "impl {name} {{\n    /// The `__typename` the server sent, if any.\n    #[inline]\n    \
                     pub fn typename(&self) -> ::std::option::Option<&str> {{\n        \
                     self.0.get(\"__typename\").and_then(::serde_json::Value::as_str)\n    }}\n}}\n"
                ))
            });
            let newtype = json_newtype(&name, &doc, &serde);
            quote! {
                #newtype
                #typename
            }
        }
        TypeIrKind::Object { fields, partial } => {
            let what = if t.from_supplement {
                "Its fields are those the supplement schema gives"
            } else if *partial {
                "Its fields are those the reference shows, and there may be more"
            } else {
                "Its fields are those the reference gives"
            };
            let doc = doc
                .line(format!("The GraphQL output type {gql}{}.", kind_note(t.provenance)))
                .line(format!(
                    "{what}; every one is optional, because a document may select fewer. Generated documents select \
                     `__typename` and the fields that say so."
                ))
                .attrs();
            let mut wire = vec![WireField::typename()];
            wire.extend(wire_fields(fields));
            let serde = wire_impls(&name, &wire, Wire::Received, server);
            let (derive, debug) = derives_and_debug(&name, fields, false, true);
            let fields: TokenStream = fields.iter().map(|f| field_tokens_in(f, Scope::Types)).collect();
            quote! {
                #doc
                #derive
                pub struct #name {
                    #[doc = " The `__typename` the server sent."]
                    pub typename: ::std::option::Option<::std::string::String>,
                    #fields
                }

                #debug

                #serde

                impl #name {
                    #[doc = " The `__typename` the server sent, if any."]
                    #[inline]
                    pub fn typename(&self) -> ::std::option::Option<&str> {
                        self.typename.as_deref()
                    }
                }
            }
        }
        TypeIrKind::Input { fields } => input_def(t, doc, fields, server),
        TypeIrKind::Scalar { mapping: Some(path) } => {
            // The mapping was checked to be a type when the IR was built.
            let path: syn::Type = syn::parse_str(path).expect("scalar mappings are validated in ir::build");
            let doc = doc.line(format!("The custom scalar {gql}, mapped by the generator options.")).attrs();
            quote! {
                #doc
                pub type #name = #path;
            }
        }
        TypeIrKind::Scalar { mapping: None } => {
            let doc = doc
                .line(format!("The custom scalar {gql}, carried as the JSON value the server sends."))
                .line("Map it to a Rust type with the generator's scalar options.")
                .attrs();
            // A custom scalar appears in variables and in responses.
            let serde = wire::transparent(&name, &[(wire::Impl::Serialize, ""), (wire::Impl::Deserialize, "")]);
            json_newtype(&name, &doc, &serde)
        }
        TypeIrKind::Enum { values } => enum_def(t, doc, values),
        TypeIrKind::Abstract { members, interface } => union_def(t, doc, members, *interface, server),
    }
}

/// An input object whose fields the model knows: a struct whose non-null fields are required
/// (plain values, taken by `new`) and whose other fields are `Option`s left out of the JSON when
/// `None`, so that the server sees an absent field rather than `null`.
fn input_def(t: &TypeIr, doc: Doc, fields: &[FieldIr], server: ServerDerives) -> TokenStream {
    let name = to_ident(&t.rust);
    let gql = code(&t.graphql);
    let source = if t.from_supplement { "the supplement schema" } else { "the reference" };
    let doc = doc
        .line(format!("The GraphQL input type {gql}{}, with the fields {source} gives.", kind_note(t.provenance)))
        .line("Build it with `new` (the required fields) and set optional fields directly; unset ones are not sent.")
        .attrs();
    let body: TokenStream = fields.iter().map(|f| field_tokens_in(&FieldIr { selected: true, ..f.clone() }, Scope::Types)).collect();
    let required: Vec<&FieldIr> = fields.iter().filter(|f| !f.ty.is_option()).collect();
    let params = required.iter().map(|f| {
        let (id, ty) = (to_ident(&f.rust), f.ty.tokens(Scope::Types));
        quote!(#id: #ty)
    });
    let inits = fields.iter().map(|f| {
        let id = to_ident(&f.rust);
        if f.ty.is_option() {
            quote!(#id: ::std::option::Option::None)
        } else {
            quote!(#id)
        }
    });
    let new_doc = if required.is_empty() {
        " A value with every field unset.".to_string()
    } else {
        let names: Vec<String> = required.iter().map(|f| format!("`{}`", f.rust.trim_start_matches("r#"))).collect();
        let fields = if names.len() == 1 { "field" } else { "fields" };
        format!(" A value with the required {fields} {} and every optional field unset.", names.join(", "))
    };
    let (derive, debug) = derives_and_debug(&name, fields, required.is_empty(), false);
    let serde = wire_impls(&name, &wire_fields(fields), Wire::Sent, server);
    quote! {
        #doc
        #derive
        pub struct #name {
            #body
        }

        #debug

        #serde

        impl #name {
            #[doc = #new_doc]
            #[allow(clippy::too_many_arguments)]
            #[inline]
            pub fn new(#(#params),*) -> Self {
                #name { #(#inits),* }
            }
        }
    }
}

fn enum_def(t: &TypeIr, doc: Doc, values: &[(String, String)]) -> TokenStream {
    let name = to_ident(&t.rust);
    let gql = code(&t.graphql);
    let unknown = to_ident(UNKNOWN);
    let doc = doc
        .line(format!("The GraphQL enum {gql}{}.", kind_note(t.provenance)))
        .line(if t.from_supplement {
            "Its values are those the supplement schema gives; a value added since is kept in `Unknown`, both when \
             receiving and when sending."
        } else {
            "The reference shows only some of its values, so any other value is kept in `Unknown`, both when \
             receiving and when sending."
        })
        .attrs();
    let vs: Vec<_> = values.iter().map(|(_, v)| to_ident(v)).collect();
    let strs: Vec<&str> = values.iter().map(|(s, _)| s.as_str()).collect();
    let docs: Vec<TokenStream> = strs.iter().map(|s| Doc::new().line(code(s)).attrs()).collect();
    quote! {
        #doc
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::std::cmp::Eq, ::std::hash::Hash, ::std::cmp::PartialOrd, ::std::cmp::Ord)]
        pub enum #name {
            #(#docs #vs,)*
            #[doc = " A value the reference does not show, as received or to be sent."]
            #unknown(::std::string::String),
        }

        impl #name {
            #[doc = " The value as GraphQL writes it."]
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    #(#name::#vs => #strs,)*
                    #name::#unknown(s) => s,
                }
            }

            #[doc = " The variant of `s`, or `Unknown` holding it."]
            #[inline]
            pub fn from_name(s: &str) -> Self {
                match s {
                    #(#strs => #name::#vs,)*
                    other => #name::#unknown(::std::string::String::from(other)),
                }
            }
        }

        impl ::std::fmt::Display for #name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;

            #[inline]
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(#name::from_name(s))
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let s = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                ::std::result::Result::Ok(#name::from_name(&s))
            }
        }
    }
}

fn union_def(t: &TypeIr, doc: Doc, members: &[(String, String, String)], interface: bool, server: ServerDerives) -> TokenStream {
    let name = to_ident(&t.rust);
    let gql = code(&t.graphql);
    let unknown = to_ident(UNKNOWN);
    let doc = if interface {
        doc.line(format!("The GraphQL interface {gql}{}, keyed by `__typename`: one variant per object type that implements it.", kind_note(t.provenance)))
            .line("An implementation the schema does not list is kept in `Unknown` with its `__typename` and raw value.")
    } else {
        doc.line(format!("The GraphQL union {gql}{}, keyed by `__typename`.", kind_note(t.provenance)))
            .line("A member the reference does not list is kept in `Unknown` with its `__typename` and raw value.")
    }
    .attrs();
    let unknown_doc = if interface { " An implementation the schema does not list." } else { " A member the reference does not list." };
    let strs: Vec<&str> = members.iter().map(|m| m.0.as_str()).collect();
    let vs: Vec<_> = members.iter().map(|m| to_ident(&m.1)).collect();
    let tys: Vec<_> = members.iter().map(|m| to_ident(&m.2)).collect();
    let docs: Vec<TokenStream> = strs.iter().map(|s| Doc::new().line(format!("The member {}.", code(s))).attrs()).collect();
    // Output types are received, so serializing them (its members are output objects) is the
    // server's business, as for the objects' derives.
    let serialize_gate = match server {
        ServerDerives::Feature => quote!(#[cfg(feature = "server")]),
        ServerDerives::Omitted => quote!(#[cfg(any())]),
    };
    quote! {
        #doc
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
        pub enum #name {
            #(#docs #vs(#tys),)*
            #[doc = #unknown_doc]
            #unknown {
                #[doc = " Its `__typename`."]
                typename: ::std::string::String,
                #[doc = " The object as received."]
                value: ::serde_json::Value,
            },
        }

        impl #name {
            #[doc = " The `__typename` of the value."]
            #[inline]
            pub fn typename(&self) -> &str {
                match self {
                    #(#name::#vs(_) => #strs,)*
                    #name::#unknown { typename, .. } => typename,
                }
            }
        }

        #serialize_gate
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                match self {
                    #(#name::#vs(v) => ::serde::Serialize::serialize(v, serializer),)*
                    #name::#unknown { value, .. } => ::serde::Serialize::serialize(value, serializer),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                let typename = value
                    .get("__typename")
                    .and_then(::serde_json::Value::as_str)
                    .ok_or_else(|| <D::Error as ::serde::de::Error>::missing_field("__typename"))?
                    .to_owned();
                match typename.as_str() {
                    #(#strs => <#tys as ::serde::Deserialize>::deserialize(value)
                        .map(#name::#vs)
                        .map_err(<D::Error as ::serde::de::Error>::custom),)*
                    _ => ::std::result::Result::Ok(#name::#unknown { typename, value }),
                }
            }
        }
    }
}

/// A type carried as the JSON value itself: the newtype, its `From<serde_json::Value>`, and its
/// serde impls.
/// Its `Debug` shows the value with the values of secret-named keys redacted.
///
/// The impls are the same for every such type (the vendored reference has hundreds), so they are
/// written as text ([`verbatim`]), which syn and prettyplease skip.
fn json_newtype(name: &proc_macro2::Ident, doc: &TokenStream, serde: &TokenStream) -> TokenStream {
    let derive = derive_data_without_debug(false);
    let shown = wire::literal(&name.to_string());
    let impls = verbatim(format!(
        "impl ::std::fmt::Debug for {name} {{\n    #[inline]\n    \
         fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {{\n        \
         f.debug_tuple({shown}).field(&super::redact_json(&self.0)).finish()\n    }}\n}}\n\
         impl ::std::convert::From<::serde_json::Value> for {name} {{\n    #[inline]\n    \
         fn from(value: ::serde_json::Value) -> Self {{\n        {name}(value)\n    }}\n}}\n"
    ));
    quote! {
        #doc
        #derive
        pub struct #name(pub ::serde_json::Value);

        #impls
        #serde
    }
}
