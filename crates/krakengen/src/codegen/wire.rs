//! The serde impls of the generated structs, written out instead of derived.
//!
//! `#[derive(Serialize, Deserialize)]` expands every struct into a field enum with its own visitor,
//! a sequence visitor and a map visitor with duplicate checks; for the vendored reference that
//! expansion would be most of what `cargo check` of a client spends its time and memory on. GraphQL
//! speaks JSON objects only, so each struct gets one map visitor that matches keys as strings, and
//! one serializer that writes a map and leaves out absent optional fields. Both are generic over the
//! serde data format like the derived ones, so they cost nothing in a build until a caller uses them.
//! The few helpers they share are emitted once, in the client's hidden `__private` module
//! ([`runtime`]). The impls are written as text and spliced into the formatted file
//! ([`verbatim`]): their shape is fixed, so syn and prettyplease would only spend time on them.

use std::fmt::Write as _;

use proc_macro2::TokenStream;
use quote::quote;

use crate::naming::to_ident;

use super::docs::verbatim;
use super::ir::FieldIr;

/// One field as it crosses the wire.
pub(crate) struct WireField {
    /// The JSON key (the GraphQL name).
    key: String,
    /// Other keys read as this field.
    aliases: Vec<String>,
    /// The Rust field name, as written in Rust (`r#type`).
    rust: String,
    /// An `Option`: left out when `None`, `None` when absent.
    optional: bool,
}

impl WireField {
    pub(crate) fn of(f: &FieldIr) -> Self {
        WireField { key: f.graphql.clone(), aliases: f.aliases.clone(), rust: to_ident(&f.rust).to_string(), optional: f.ty.is_option() }
    }

    /// The `__typename` field every generated output object carries.
    pub(crate) fn typename() -> Self {
        WireField { key: "__typename".into(), aliases: Vec::new(), rust: "typename".into(), optional: true }
    }
}

/// Which serde impl to write.
#[derive(Clone, Copy)]
pub(crate) enum Impl {
    Serialize,
    Deserialize,
}

/// A Rust string literal of `s`: `str`'s `Debug` writes exactly that.
pub(crate) fn literal(s: &str) -> String {
    format!("{s:?}")
}

/// The serde impls of a struct, each behind its attribute (the `server` feature gate, or none), as
/// one verbatim item (see [`verbatim`]). The struct is a JSON object of its fields under their
/// GraphQL names.
///
/// - Serializing writes a map and leaves the `None` fields out (an absent variable or input field
///   lets the server apply its default, where `null` would not).
/// - Deserializing reads a map key by key, ignores keys it does not know, takes an absent or `null`
///   optional field as `None`, and names a missing required one. The locals' types are left to
///   inference from the struct literal, which keeps the text short.
pub(crate) fn object(name: &proc_macro2::Ident, fields: &[WireField], impls: &[(Impl, &str)]) -> TokenStream {
    let name = name.to_string();
    write_impls(impls, |out, i| match i {
        Impl::Serialize => serialize(out, &name, fields),
        Impl::Deserialize => deserialize(out, &name, fields),
    })
}

/// The verbatim text of `impls`, each written by `write` behind its attribute line, if any.
fn write_impls(impls: &[(Impl, &str)], mut write: impl FnMut(&mut String, Impl)) -> TokenStream {
    let mut out = String::new();
    for &(i, attr) in impls {
        if !attr.is_empty() {
            out.push_str(attr);
            out.push('\n');
        }
        write(&mut out, i);
    }
    verbatim(out)
}

fn serialize(out: &mut String, name: &str, fields: &[WireField]) {
    // A struct without fields writes `{}`, and its map is never written to.
    let binding = if fields.is_empty() { "map" } else { "mut map" };
    let _ = writeln!(out, "impl ::serde::Serialize for {name} {{");
    out.push_str("    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {\n");
    let _ = writeln!(out, "        let {binding} = ::serde::Serializer::serialize_map(serializer, ::std::option::Option::None)?;");
    for f in fields {
        let (key, rust) = (literal(&f.key), &f.rust);
        if f.optional {
            let _ = writeln!(out, "        super::__private::optional(&mut map, {key}, &self.{rust})?;");
        } else {
            let _ = writeln!(out, "        ::serde::ser::SerializeMap::serialize_entry(&mut map, {key}, &self.{rust})?;");
        }
    }
    out.push_str("        ::serde::ser::SerializeMap::end(map)\n    }\n}\n");
}

fn deserialize(out: &mut String, name: &str, fields: &[WireField]) {
    let _ = writeln!(out, "impl<'de> ::serde::Deserialize<'de> for {name} {{");
    out.push_str("    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {\n");
    out.push_str("        struct Visitor;\n");
    out.push_str("        impl<'de> ::serde::de::Visitor<'de> for Visitor {\n");
    let _ = writeln!(out, "            type Value = {name};");
    // Inline, like the generated code's other non-generic functions: compiled to machine code only
    // in the crates that decode the type, not in every build of the generated crate.
    out.push_str("            #[inline]\n");
    out.push_str("            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {\n");
    let _ = writeln!(out, "                f.write_str({})", literal(&format!("an object {name}")));
    out.push_str("            }\n");
    let _ = writeln!(
        out,
        "            fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<{name}, A::Error> {{"
    );
    for i in 0..fields.len() {
        let _ = writeln!(out, "                let mut f{i} = ::std::option::Option::None;");
    }
    out.push_str("                while let ::std::option::Option::Some(key) = ::serde::de::MapAccess::next_key::<super::__private::Key<'de>>(&mut map)? {\n");
    // An object without fields skips every key; a `match` of one wildcard arm would be a lint.
    if fields.is_empty() {
        out.push_str("                    let _ = key;\n                    super::__private::skip(&mut map)?;\n                }\n");
    } else {
        out.push_str("                    match key.as_str() {\n");
    }
    for (i, f) in fields.iter().enumerate() {
        let keys: Vec<String> = std::iter::once(&f.key).chain(&f.aliases).map(|k| literal(k)).collect();
        let value = if f.optional {
            "::serde::de::MapAccess::next_value(&mut map)?".to_string()
        } else {
            "::std::option::Option::Some(::serde::de::MapAccess::next_value(&mut map)?)".to_string()
        };
        let _ = writeln!(out, "                        {} => f{i} = {value},", keys.join(" | "));
    }
    if !fields.is_empty() {
        out.push_str("                        _ => super::__private::skip(&mut map)?,\n");
        out.push_str("                    }\n                }\n");
    }
    let inits: Vec<String> = fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            if f.optional {
                format!("{}: f{i}", f.rust)
            } else {
                format!("{}: super::__private::required(f{i}, {})?", f.rust, literal(&f.key))
            }
        })
        .collect();
    if inits.is_empty() {
        let _ = writeln!(out, "                ::std::result::Result::Ok({name} {{}})");
    } else {
        let _ = writeln!(out, "                ::std::result::Result::Ok({name} {{");
        for init in inits {
            let _ = writeln!(out, "                    {init},");
        }
        out.push_str("                })\n");
    }
    out.push_str("            }\n        }\n");
    out.push_str("        ::serde::Deserializer::deserialize_map(deserializer, Visitor)\n    }\n}\n");
}

/// `impl Serialize` and `impl Deserialize` of a newtype around a JSON value, which is its value on
/// the wire; each with its attribute (the `server` gate, or none).
pub(crate) fn transparent(name: &proc_macro2::Ident, impls: &[(Impl, &str)]) -> TokenStream {
    write_impls(impls, |out, i| match i {
        Impl::Serialize => {
            let _ = writeln!(out, "impl ::serde::Serialize for {name} {{");
            out.push_str("    fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {\n");
            out.push_str("        ::serde::Serialize::serialize(&self.0, serializer)\n    }\n}\n");
        }
        Impl::Deserialize => {
            let _ = writeln!(out, "impl<'de> ::serde::Deserialize<'de> for {name} {{");
            out.push_str("    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {\n");
            let _ = writeln!(out, "        <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer).map({name})\n    }}\n}}");
        }
    })
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
                #[inline]
                pub fn as_str(&self) -> &str {
                    &self.0
                }
            }

            impl<'de> ::serde::Deserialize<'de> for Key<'de> {
                #[inline]
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                    ::serde::Deserializer::deserialize_str(deserializer, KeyVisitor)
                }
            }

            struct KeyVisitor;

            impl<'de> ::serde::de::Visitor<'de> for KeyVisitor {
                type Value = Key<'de>;
                #[inline]
                fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str("an object key")
                }
                #[inline]
                fn visit_borrowed_str<E: ::serde::de::Error>(self, v: &'de str) -> ::std::result::Result<Key<'de>, E> {
                    ::std::result::Result::Ok(Key(::std::borrow::Cow::Borrowed(v)))
                }
                #[inline]
                fn visit_str<E: ::serde::de::Error>(self, v: &str) -> ::std::result::Result<Key<'de>, E> {
                    ::std::result::Result::Ok(Key(::std::borrow::Cow::Owned(::std::string::String::from(v))))
                }
                #[inline]
                fn visit_string<E: ::serde::de::Error>(self, v: ::std::string::String) -> ::std::result::Result<Key<'de>, E> {
                    ::std::result::Result::Ok(Key(::std::borrow::Cow::Owned(v)))
                }
            }

            #[doc = " Reads and drops the value of a key the type does not know."]
            #[inline]
            pub fn skip<'de, A: ::serde::de::MapAccess<'de>>(map: &mut A) -> ::std::result::Result<(), A::Error> {
                ::serde::de::MapAccess::next_value::<::serde::de::IgnoredAny>(map).map(|_| ())
            }

            #[doc = " The value of a required field, or the error naming it."]
            #[inline]
            pub fn required<T, E: ::serde::de::Error>(value: ::std::option::Option<T>, key: &'static str) -> ::std::result::Result<T, E> {
                value.ok_or_else(|| E::missing_field(key))
            }

            #[doc = " Writes an optional field, unless it is `None`."]
            #[inline]
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
