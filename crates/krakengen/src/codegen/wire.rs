//! The serde impls of the generated structs, written out instead of derived.
//!
//! `#[derive(Serialize, Deserialize)]` expands every struct into a field enum with its own visitor,
//! a sequence visitor and a map visitor with duplicate checks; on the vendored reference that was
//! most of what `cargo check` of a client spent its time and memory on. GraphQL speaks JSON objects
//! only, so each struct gets one map visitor that matches keys as strings, and one serializer that
//! writes a map and leaves out absent optional fields. Both are generic over the serde data format
//! like the derived ones, so they cost nothing in a build until a caller uses them. The few helpers
//! they share are emitted once, in the client's hidden `__private` module ([`runtime`]).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::naming::to_ident;

use super::ir::{FieldIr, Scope};

/// One field as it crosses the wire.
pub(crate) struct WireField {
    /// The JSON key (the GraphQL name).
    key: String,
    /// Other keys read as this field.
    aliases: Vec<String>,
    rust: proc_macro2::Ident,
    ty: TokenStream,
    /// An `Option`: left out when `None`, `None` when absent.
    optional: bool,
}

impl WireField {
    pub(crate) fn of(f: &FieldIr, scope: Scope<'_>) -> Self {
        WireField {
            key: f.graphql.clone(),
            aliases: f.aliases.clone(),
            rust: to_ident(&f.rust),
            ty: f.ty.tokens(scope),
            optional: f.ty.is_option(),
        }
    }

    /// The `__typename` field every generated output object carries.
    pub(crate) fn typename() -> Self {
        WireField {
            key: "__typename".into(),
            aliases: Vec::new(),
            rust: to_ident("typename"),
            ty: quote!(::std::option::Option<::std::string::String>),
            optional: true,
        }
    }
}

/// The path of the `__private` module from the `types` module or an operation module.
fn private() -> TokenStream {
    quote!(super::__private)
}

/// `impl Serialize`: a JSON object of the fields, without the `None` ones (an absent variable or
/// input field lets the server apply its default, where `null` would not).
pub(crate) fn serialize(name: &proc_macro2::Ident, fields: &[WireField]) -> TokenStream {
    let private = private();
    let entries = fields.iter().map(|f| {
        let (key, rust) = (&f.key, &f.rust);
        if f.optional {
            quote!(#private::optional(&mut map, #key, &self.#rust)?;)
        } else {
            quote!(::serde::ser::SerializeMap::serialize_entry(&mut map, #key, &self.#rust)?;)
        }
    });
    // A struct without fields writes `{}`, and its map is never written to.
    let binding = if fields.is_empty() { quote!(map) } else { quote!(mut map) };
    quote! {
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                let #binding = ::serde::Serializer::serialize_map(serializer, ::std::option::Option::None)?;
                #(#entries)*
                ::serde::ser::SerializeMap::end(map)
            }
        }
    }
}

/// `impl Deserialize`: reads a JSON object key by key, ignores keys it does not know, takes an
/// absent or `null` optional field as `None`, and names a missing required field.
pub(crate) fn deserialize(name: &proc_macro2::Ident, fields: &[WireField]) -> TokenStream {
    let private = private();
    let expecting = format!("an object {name}");
    let locals: Vec<_> = (0..fields.len()).map(|i| format_ident!("f{i}")).collect();
    let decls = fields.iter().zip(&locals).map(|(f, local)| {
        let ty = &f.ty;
        if f.optional {
            quote!(let mut #local: #ty = ::std::option::Option::None;)
        } else {
            quote!(let mut #local: ::std::option::Option<#ty> = ::std::option::Option::None;)
        }
    });
    let arms = fields.iter().zip(&locals).map(|(f, local)| {
        let keys = std::iter::once(&f.key).chain(&f.aliases);
        if f.optional {
            quote!(#(#keys)|* => #local = ::serde::de::MapAccess::next_value(&mut map)?,)
        } else {
            quote!(#(#keys)|* => #local = ::std::option::Option::Some(::serde::de::MapAccess::next_value(&mut map)?),)
        }
    });
    let inits = fields.iter().zip(&locals).map(|(f, local)| {
        let (rust, key) = (&f.rust, &f.key);
        if f.optional {
            quote!(#rust: #local)
        } else {
            quote!(#rust: #private::required(#local, #key)?)
        }
    });
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct Visitor;
                impl<'de> ::serde::de::Visitor<'de> for Visitor {
                    type Value = #name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<#name, A::Error> {
                        #(#decls)*
                        while let ::std::option::Option::Some(key) = ::serde::de::MapAccess::next_key::<#private::Key<'de>>(&mut map)? {
                            match key.as_str() {
                                #(#arms)*
                                _ => #private::skip(&mut map)?,
                            }
                        }
                        ::std::result::Result::Ok(#name { #(#inits),* })
                    }
                }
                ::serde::Deserializer::deserialize_map(deserializer, Visitor)
            }
        }
    }
}

/// `impl Serialize` and `impl Deserialize` of a newtype around a JSON value, which is its value on
/// the wire.
pub(crate) fn transparent(name: &proc_macro2::Ident, serialize: bool, deserialize: bool, gate: &TokenStream, gate_serialize: bool) -> TokenStream {
    let ser = serialize.then(|| {
        let gate = gate_serialize.then_some(gate);
        quote! {
            #gate
            impl ::serde::Serialize for #name {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                    ::serde::Serialize::serialize(&self.0, serializer)
                }
            }
        }
    });
    let de = deserialize.then(|| {
        let gate = (!gate_serialize).then_some(gate);
        quote! {
            #gate
            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                    <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer).map(#name)
                }
            }
        }
    });
    quote!(#ser #de)
}

/// The helpers the written-out impls share, emitted once at the client's root. They are public
/// because the `types` and operation modules use them, and hidden because they are not API.
pub(crate) fn runtime() -> TokenStream {
    quote! {
        #[doc(hidden)]
        #[doc = " Helpers of the generated serde impls; not part of the API."]
        pub mod __private {
            #[doc = " An object key, borrowed from the input when the format can lend it."]
            pub struct Key<'de>(::std::borrow::Cow<'de, str>);

            impl Key<'_> {
                pub fn as_str(&self) -> &str {
                    &self.0
                }
            }

            impl<'de> ::serde::Deserialize<'de> for Key<'de> {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                    ::serde::Deserializer::deserialize_str(deserializer, KeyVisitor)
                }
            }

            struct KeyVisitor;

            impl<'de> ::serde::de::Visitor<'de> for KeyVisitor {
                type Value = Key<'de>;
                fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str("an object key")
                }
                fn visit_borrowed_str<E: ::serde::de::Error>(self, v: &'de str) -> ::std::result::Result<Key<'de>, E> {
                    ::std::result::Result::Ok(Key(::std::borrow::Cow::Borrowed(v)))
                }
                fn visit_str<E: ::serde::de::Error>(self, v: &str) -> ::std::result::Result<Key<'de>, E> {
                    ::std::result::Result::Ok(Key(::std::borrow::Cow::Owned(::std::string::String::from(v))))
                }
                fn visit_string<E: ::serde::de::Error>(self, v: ::std::string::String) -> ::std::result::Result<Key<'de>, E> {
                    ::std::result::Result::Ok(Key(::std::borrow::Cow::Owned(v)))
                }
            }

            #[doc = " Reads and drops the value of a key the type does not know."]
            pub fn skip<'de, A: ::serde::de::MapAccess<'de>>(map: &mut A) -> ::std::result::Result<(), A::Error> {
                ::serde::de::MapAccess::next_value::<::serde::de::IgnoredAny>(map).map(|_| ())
            }

            #[doc = " The value of a required field, or the error naming it."]
            pub fn required<T, E: ::serde::de::Error>(value: ::std::option::Option<T>, key: &'static str) -> ::std::result::Result<T, E> {
                value.ok_or_else(|| E::missing_field(key))
            }

            #[doc = " Writes an optional field, unless it is `None`."]
            pub fn optional<M: ::serde::ser::SerializeMap, T: ::serde::Serialize>(
                map: &mut M,
                key: &'static str,
                value: &::std::option::Option<T>,
            ) -> ::std::result::Result<(), M::Error> {
                match value {
                    ::std::option::Option::Some(v) => ::serde::ser::SerializeMap::serialize_entry(map, key, v),
                    ::std::option::Option::None => ::std::result::Result::Ok(()),
                }
            }
        }
    }
}
