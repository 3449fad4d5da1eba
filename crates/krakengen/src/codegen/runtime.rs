//! The fixed parts of the generated crates: Kraken's error-response types (which name the API's
//! `ErrorCode`, so they are generated with it), the client's `Error` and `Client` plumbing, and the
//! runtime crate `krakengen-client`, either as a dependency or embedded as the client's `runtime`
//! module.
//!
//! The runtime is real source (`crates/krakengen-client/src`), compiled, tested and linted as a
//! crate of its own; the embedded copy is those same files, read here with `include_str!` and
//! spliced into one module, so a crate written by `krakengen generate` builds with nothing but its
//! crates.io dependencies.

use proc_macro2::TokenStream;
use quote::quote;

use crate::naming::to_ident;

/// Kraken's error-response shape, for the error module (next to `ErrorCode`).
pub(crate) fn errors() -> TokenStream {
    quote! {
        #[doc = " What kind of failure an error code reports, for deciding what to do about it: refresh a"]
        #[doc = " token, ask for a permission, wait, send a cheaper query, retry, or fix the input. The generic"]
        #[doc = " codes Kraken raises for any operation have their own (`KT-CT-1124` is `Authentication`,"]
        #[doc = " `KT-CT-1199` is `RateLimit`); an operation's `Unauthorized.` code is `Authorization`;"]
        #[doc = " every other code of the reference, and a code this crate does not know, is `Other`."]
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::marker::Copy, ::std::cmp::PartialEq, ::std::cmp::Eq, ::std::hash::Hash)]
        #[non_exhaustive]
        pub enum ErrorCategory {
            #[doc = " The caller is not authenticated: no token, an invalid or an expired one."]
            Authentication,
            #[doc = " The caller lacks a permission (or the field is disabled for it)."]
            Authorization,
            #[doc = " A rate limit refused the request before it ran."]
            RateLimit,
            #[doc = " The query costs more than the API allows."]
            Complexity,
            #[doc = " A failure that may pass on its own: the network, an upstream service."]
            Transient,
            #[doc = " The input was rejected."]
            Validation,
            #[doc = " Anything else: an operation's own business error."]
            Other,
        }

        #[doc = " The category Kraken puts in `extensions.errorType` of an error."]
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::std::cmp::Eq, ::std::hash::Hash)]
        #[non_exhaustive]
        pub enum ErrorType {
            #[doc = " `AUTHORIZATION`: the caller lacks a permission or a valid token."]
            Authorization,
            #[doc = " `VALIDATION`: the input was rejected; see [`KrakenError::validation_errors`]."]
            Validation,
            #[doc = " Any other category, as received."]
            Unknown(::std::string::String),
        }

        impl ErrorType {
            #[doc = " The category as Kraken writes it."]
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    ErrorType::Authorization => "AUTHORIZATION",
                    ErrorType::Validation => "VALIDATION",
                    ErrorType::Unknown(s) => s,
                }
            }

            #[doc = " The variant of `s`, or [`ErrorType::Unknown`] holding it."]
            #[inline]
            pub fn from_name(s: &str) -> Self {
                match s {
                    "AUTHORIZATION" => ErrorType::Authorization,
                    "VALIDATION" => ErrorType::Validation,
                    other => ErrorType::Unknown(::std::string::String::from(other)),
                }
            }
        }

        impl ::std::fmt::Display for ErrorType {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for ErrorType {
            #[inline]
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for ErrorType {
            #[inline]
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let s = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                ::std::result::Result::Ok(ErrorType::from_name(&s))
            }
        }

        #[doc = " One step of a GraphQL path: a field name or a list index."]
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::std::cmp::Eq, ::std::hash::Hash)]
        pub enum PathSegment {
            Key(::std::string::String),
            Index(u64),
        }

        // The serde impls of these few types are written out, as for the generated structs, so that
        // the generated crates need serde without its derive macro (and so no proc macro at all).
        impl ::serde::Serialize for PathSegment {
            #[inline]
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                match self {
                    PathSegment::Key(k) => serializer.serialize_str(k),
                    PathSegment::Index(i) => serializer.serialize_u64(*i),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for PathSegment {
            #[inline]
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                match <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)? {
                    ::serde_json::Value::String(s) => ::std::result::Result::Ok(PathSegment::Key(s)),
                    ::serde_json::Value::Number(n) => n.as_u64().map(PathSegment::Index).ok_or_else(|| {
                        <D::Error as ::serde::de::Error>::custom("a path index that is not a non-negative integer")
                    }),
                    _ => ::std::result::Result::Err(<D::Error as ::serde::de::Error>::custom("a path segment that is neither a name nor an index")),
                }
            }
        }

        #[doc = " One entry of `extensions.validationErrors`: which input was wrong and why."]
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::std::cmp::Eq)]
        pub struct ValidationError {
            #[doc = " A human-readable explanation."]
            pub message: ::std::string::String,
            #[doc = " The path of the offending input, such as `[\"input\", \"password\"]`."]
            pub input_path: ::std::vec::Vec<PathSegment>,
            #[doc = " A machine-readable reason (`password_too_short`), when Kraken gives one."]
            pub code: ::std::option::Option<::std::string::String>,
        }

        impl ::serde::Serialize for ValidationError {
            #[inline]
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(::std::option::Option::None)?;
                map.serialize_entry("message", &self.message)?;
                map.serialize_entry("inputPath", &self.input_path)?;
                if let ::std::option::Option::Some(code) = &self.code {
                    map.serialize_entry("code", code)?;
                }
                map.end()
            }
        }

        impl<'de> ::serde::Deserialize<'de> for ValidationError {
            #[inline]
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let mut object = wire_object::<D::Error>(<::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?, "a validation error")?;
                ::std::result::Result::Ok(ValidationError {
                    message: wire_message::<D::Error>(&mut object)?,
                    input_path: wire_path::<D::Error>(&mut object, "inputPath")?,
                    code: match object.remove("code") {
                        ::std::option::Option::None | ::std::option::Option::Some(::serde_json::Value::Null) => ::std::option::Option::None,
                        ::std::option::Option::Some(::serde_json::Value::String(c)) => ::std::option::Option::Some(c),
                        ::std::option::Option::Some(_) => {
                            return ::std::result::Result::Err(<D::Error as ::serde::de::Error>::custom("a validation error whose `code` is not a string"))
                        }
                    },
                })
            }
        }

        #[doc = " The object of an error entry, or the error saying what it is not."]
        #[inline]
        fn wire_object<E: ::serde::de::Error>(value: ::serde_json::Value, what: &str) -> ::std::result::Result<::serde_json::Map<::std::string::String, ::serde_json::Value>, E> {
            match value {
                ::serde_json::Value::Object(object) => ::std::result::Result::Ok(object),
                _ => ::std::result::Result::Err(E::custom(::std::format!("{what} that is not an object"))),
            }
        }

        #[doc = " The required `message` of an error entry."]
        #[inline]
        fn wire_message<E: ::serde::de::Error>(object: &mut ::serde_json::Map<::std::string::String, ::serde_json::Value>) -> ::std::result::Result<::std::string::String, E> {
            match object.remove("message") {
                ::std::option::Option::Some(::serde_json::Value::String(m)) => ::std::result::Result::Ok(m),
                ::std::option::Option::None => ::std::result::Result::Err(E::missing_field("message")),
                ::std::option::Option::Some(_) => ::std::result::Result::Err(E::custom("an error whose `message` is not a string")),
            }
        }

        #[doc = " An optional path of an error entry (`path`, `inputPath`); absent or `null` is empty."]
        #[inline]
        fn wire_path<E: ::serde::de::Error>(object: &mut ::serde_json::Map<::std::string::String, ::serde_json::Value>, key: &str) -> ::std::result::Result<::std::vec::Vec<PathSegment>, E> {
            match object.remove(key) {
                ::std::option::Option::None | ::std::option::Option::Some(::serde_json::Value::Null) => ::std::result::Result::Ok(::std::vec::Vec::new()),
                ::std::option::Option::Some(path) => <::std::vec::Vec<PathSegment> as ::serde::Deserialize>::deserialize(path).map_err(E::custom),
            }
        }

        #[doc = " One entry of the `errors` of a GraphQL response, with Kraken's extensions decoded."]
        #[doc = ""]
        #[doc = " Kraken answers failed mutations with HTTP 200 and entries such as"]
        #[doc = " `{\"message\": …, \"path\": […], \"extensions\": {\"errorType\": \"VALIDATION\", \"errorCode\": \"KT-CT-5450\","]
        #[doc = " \"errorDescription\": …, \"validationErrors\": [{\"inputPath\": […], \"message\": …}]}}`. It"]
        #[doc = " deserializes from and serializes to exactly that shape."]
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
        pub struct KrakenError {
            #[doc = " The top-level `message`."]
            pub message: ::std::string::String,
            #[doc = " The `path` of the failing field, if any."]
            pub path: ::std::vec::Vec<PathSegment>,
            #[doc = " `extensions.errorType`."]
            pub error_type: ::std::option::Option<ErrorType>,
            #[doc = " `extensions.errorCode`; `None` for errors without one (a malformed query, say)."]
            pub code: ::std::option::Option<ErrorCode>,
            #[doc = " `extensions.errorDescription`."]
            pub description: ::std::option::Option<::std::string::String>,
            #[doc = " `extensions.validationErrors` (empty when absent)."]
            pub validation_errors: ::std::vec::Vec<ValidationError>,
            #[doc = " Every extension as received, including the ones decoded above."]
            pub extensions: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        }

        impl KrakenError {
            #[doc = " An error with a code, for servers and tests; the description is the code's message."]
            #[inline]
            pub fn new(code: ErrorCode, error_type: ErrorType, message: impl ::std::convert::Into<::std::string::String>) -> Self {
                KrakenError {
                    message: message.into(),
                    path: ::std::vec::Vec::new(),
                    error_type: ::std::option::Option::Some(error_type),
                    description: code.message().map(::std::string::String::from),
                    code: ::std::option::Option::Some(code),
                    validation_errors: ::std::vec::Vec::new(),
                    extensions: ::serde_json::Map::new(),
                }
            }

            #[doc = " Decodes the `errors` array of a whole response body (`{\"data\": …, \"errors\": […]}`);"]
            #[doc = " a body without errors gives an empty list."]
            #[inline]
            pub fn from_response(body: &::serde_json::Value) -> ::std::result::Result<::std::vec::Vec<KrakenError>, ::serde_json::Error> {
                match body.get("errors") {
                    ::std::option::Option::None | ::std::option::Option::Some(::serde_json::Value::Null) => ::std::result::Result::Ok(::std::vec::Vec::new()),
                    ::std::option::Option::Some(errors) => <::std::vec::Vec<KrakenError> as ::serde::Deserialize>::deserialize(errors),
                }
            }

            #[doc = " The code narrowed to one mutation's error enum (`mutations::AcceptGoodsQuoteError`, say);"]
            #[doc = " `None` when there is no code or the mutation does not list it."]
            #[inline]
            pub fn narrow<E: ::std::convert::TryFrom<ErrorCode>>(&self) -> ::std::option::Option<E> {
                self.code.clone().and_then(|c| E::try_from(c).ok())
            }
        }

        impl ::std::fmt::Display for KrakenError {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match &self.code {
                    ::std::option::Option::Some(code) => ::std::write!(f, "{}: {}", code, self.message),
                    ::std::option::Option::None => f.write_str(&self.message),
                }
            }
        }

        impl ::std::error::Error for KrakenError {}

        impl<'de> ::serde::Deserialize<'de> for KrakenError {
            #[inline]
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let mut object = wire_object::<D::Error>(<::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?, "an error")?;
                let message = wire_message::<D::Error>(&mut object)?;
                let path = wire_path::<D::Error>(&mut object, "path")?;
                let extensions = match object.remove("extensions") {
                    ::std::option::Option::None | ::std::option::Option::Some(::serde_json::Value::Null) => ::serde_json::Map::new(),
                    ::std::option::Option::Some(::serde_json::Value::Object(extensions)) => extensions,
                    ::std::option::Option::Some(_) => {
                        return ::std::result::Result::Err(<D::Error as ::serde::de::Error>::custom("an error whose `extensions` is not an object"))
                    }
                };
                let text = |key: &str| extensions.get(key).and_then(::serde_json::Value::as_str);
                // A malformed `validationErrors` is kept in `extensions` rather than failing the whole
                // response: the code is what callers act on.
                let validation_errors = extensions
                    .get("validationErrors")
                    .and_then(|v| <::std::vec::Vec<ValidationError> as ::serde::Deserialize>::deserialize(v).ok())
                    .unwrap_or_default();
                ::std::result::Result::Ok(KrakenError {
                    message,
                    path,
                    error_type: text("errorType").map(ErrorType::from_name),
                    code: text("errorCode").map(ErrorCode::from_code),
                    description: text("errorDescription").map(::std::string::String::from),
                    validation_errors,
                    extensions,
                })
            }
        }

        impl ::serde::Serialize for KrakenError {
            #[inline]
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                let mut extensions = self.extensions.clone();
                if let ::std::option::Option::Some(t) = &self.error_type {
                    extensions.insert("errorType".into(), ::serde_json::Value::from(t.as_str()));
                }
                if let ::std::option::Option::Some(c) = &self.code {
                    extensions.insert("errorCode".into(), ::serde_json::Value::from(c.code()));
                }
                if let ::std::option::Option::Some(d) = &self.description {
                    extensions.insert("errorDescription".into(), ::serde_json::Value::from(d.as_str()));
                }
                if !self.validation_errors.is_empty() {
                    let v = ::serde_json::to_value(&self.validation_errors).map_err(<S::Error as ::serde::ser::Error>::custom)?;
                    extensions.insert("validationErrors".into(), v);
                }
                use ::serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(::std::option::Option::None)?;
                map.serialize_entry("message", &self.message)?;
                if !self.path.is_empty() {
                    map.serialize_entry("path", &self.path)?;
                }
                if !extensions.is_empty() {
                    map.serialize_entry("extensions", &extensions)?;
                }
                map.end()
            }
        }
    }
}

/// The runtime crate's sources: `lib.rs`, then each module it declares, by name.
const RUNTIME_LIB: &str = include_str!("../../../krakengen-client/src/lib.rs");
const RUNTIME_MODULES: [(&str, &str); 7] = [
    ("call", include_str!("../../../krakengen-client/src/call.rs")),
    ("engine", include_str!("../../../krakengen-client/src/engine.rs")),
    ("http", include_str!("../../../krakengen-client/src/http.rs")),
    ("redact", include_str!("../../../krakengen-client/src/redact.rs")),
    ("retry", include_str!("../../../krakengen-client/src/retry.rs")),
    ("session", include_str!("../../../krakengen-client/src/session.rs")),
    ("transport", include_str!("../../../krakengen-client/src/transport.rs")),
];

/// Whether an item is test code (`#[cfg(test)]`), which the embedded copy leaves out.
fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("cfg") && a.parse_args::<syn::Ident>().is_ok_and(|i| i == "test"))
}

/// The runtime crate as one module, `pub mod runtime { … }`: `lib.rs` with every `mod x;` replaced
/// by the module's file, test code left out. The sources are this repository's, so a failure to
/// parse them is a bug caught by every test that generates a client.
pub(crate) fn embedded() -> TokenStream {
    let parse = |name: &str, text: &str| syn::parse_file(text).unwrap_or_else(|e| panic!("krakengen-client's {name}.rs does not parse: {e}"));
    let lib = parse("lib", RUNTIME_LIB);
    let inner = lib.attrs.iter().filter(|a| !is_test(std::slice::from_ref(a)));
    let items = lib.items.iter().filter_map(|item| match item {
        syn::Item::Mod(m) if m.content.is_none() => {
            let name = m.ident.to_string();
            let (_, text) = RUNTIME_MODULES.iter().find(|(n, _)| *n == name).unwrap_or_else(|| panic!("krakengen-client declares an unknown module {name}"));
            let file = parse(&name, text);
            let (attrs, vis, ident) = (&m.attrs, &m.vis, &m.ident);
            let body_attrs = &file.attrs;
            let body = file.items.iter().filter(|i| !is_test(item_attrs(i)));
            Some(quote! { #(#attrs)* #vis mod #ident { #(#body_attrs)* #(#body)* } })
        }
        item if is_test(item_attrs(item)) => None,
        item => Some(quote!(#item)),
    });
    quote! {
        pub mod runtime {
            #(#inner)*
            #(#items)*
        }
    }
}

fn item_attrs(item: &syn::Item) -> &[syn::Attribute] {
    match item {
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::Fn(i) => &i.attrs,
        syn::Item::Impl(i) => &i.attrs,
        syn::Item::Mod(i) => &i.attrs,
        syn::Item::Static(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Trait(i) => &i.attrs,
        syn::Item::Type(i) => &i.attrs,
        syn::Item::Use(i) => &i.attrs,
        _ => &[],
    }
}

/// How the client module reaches the runtime.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RuntimeAt {
    /// Embedded as the client's own `runtime` module.
    Embedded,
    /// The `krakengen-client` crate, a dependency.
    Crate,
}

/// The token mutation the session refreshes with, as the generated client names it.
pub(crate) struct TokenMutationIr<'a> {
    /// The operation module (`obtain_kraken_token`).
    pub module: &'a str,
    /// The root field of `data` (`obtainKrakenToken`).
    pub field: &'a str,
    /// The argument of the input object (`input`).
    pub argument: &'a str,
}

/// The client plumbing; `errors` is the path of the error module (`::oees_errors`,
/// `crate::errors`).
pub(crate) fn client(errors: &TokenStream, runtime: RuntimeAt, token: Option<&TokenMutationIr<'_>>) -> TokenStream {
    let runtime_items = match runtime {
        RuntimeAt::Embedded => embedded(),
        RuntimeAt::Crate => quote! {
            #[doc = " The runtime every generated client shares: the transport, the session, the retry policy."]
            pub use ::krakengen_client as runtime;
        },
    };
    let token_mutation = match token {
        Some(t) => {
            let module = to_ident(t.module);
            let (field, argument) = (t.field, t.argument);
            quote! {
                ::std::option::Option::Some(runtime::TokenMutation {
                    operation_name: #module::OPERATION_NAME,
                    document: #module::DOCUMENT,
                    field: #field,
                    argument: #argument,
                })
            }
        }
        None => quote!(::std::option::Option::None),
    };
    quote! {
        #runtime_items

        pub use runtime::{
            redact_json, Operation, OperationKind, Request, Response, RetryPolicy, Secret, Session, TokenFn, TokenSource, Tokens, Transport,
            TransportError, TransportErrorKind,
        };
        #[doc = " The HTTP transport, on reqwest (cargo feature `reqwest`; add `rustls-tls` for https)."]
        #[cfg(feature = "reqwest")]
        pub use runtime::http;

        #[doc = " The token mutation the session refreshes with, if the API has one."]
        const TOKEN_MUTATION: ::std::option::Option<runtime::TokenMutation> = #token_mutation;

        #[doc = " Why a call failed."]
        #[derive(::std::fmt::Debug)]
        #[non_exhaustive]
        pub enum Error {
            #[doc = " No usable response arrived."]
            Transport(TransportError),
            #[doc = " The response carried GraphQL errors (Kraken answers errors with HTTP 200); `data` is"]
            #[doc = " whatever partial data came with them."]
            Kraken {
                errors: ::std::vec::Vec<#errors::KrakenError>,
                data: ::std::option::Option<::serde_json::Value>,
            },
            #[doc = " The variables could not be serialized."]
            Encode(::serde_json::Error),
            #[doc = " The response did not have the expected shape."]
            Decode(::serde_json::Error),
            #[doc = " The response had neither `data` nor `errors`."]
            MissingData,
            #[doc = " Authentication succeeded but returned no token."]
            MissingToken,
        }

        impl Error {
            #[doc = " The GraphQL errors of the response (empty for other failures)."]
            #[inline]
            pub fn kraken_errors(&self) -> &[#errors::KrakenError] {
                match self {
                    Error::Kraken { errors, .. } => errors,
                    _ => &[],
                }
            }

            #[doc = " The code of the first GraphQL error that has one."]
            #[inline]
            pub fn code(&self) -> ::std::option::Option<&#errors::ErrorCode> {
                self.kraken_errors().iter().find_map(|e| e.code.as_ref())
            }

            #[doc = " What kind of failure this is: the category of the first error code, `Transient` when no"]
            #[doc = " usable response arrived, `Validation` when the variables could not be encoded, and"]
            #[doc = " `Other` for a response of the wrong shape or errors without a code."]
            #[inline]
            pub fn category(&self) -> #errors::ErrorCategory {
                match self {
                    Error::Transport(_) => #errors::ErrorCategory::Transient,
                    Error::Encode(_) => #errors::ErrorCategory::Validation,
                    _ => self.code().map_or(#errors::ErrorCategory::Other, #errors::ErrorCode::category),
                }
            }
        }

        impl ::std::fmt::Display for Error {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    Error::Transport(e) => ::std::write!(f, "transport error: {}", e),
                    Error::Kraken { errors, .. } => {
                        f.write_str("the API returned errors: ")?;
                        for (i, e) in errors.iter().enumerate() {
                            if i > 0 {
                                f.write_str("; ")?;
                            }
                            ::std::fmt::Display::fmt(e, f)?;
                        }
                        ::std::result::Result::Ok(())
                    }
                    Error::Encode(e) => ::std::write!(f, "cannot encode the variables: {}", e),
                    Error::Decode(e) => ::std::write!(f, "unexpected response shape: {}", e),
                    Error::MissingData => f.write_str("the response has neither data nor errors"),
                    Error::MissingToken => f.write_str("authentication returned no token"),
                }
            }
        }

        impl ::std::error::Error for Error {
            #[inline]
            fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
                match self {
                    Error::Transport(e) => ::std::option::Option::Some(e),
                    Error::Encode(e) | Error::Decode(e) => ::std::option::Option::Some(e),
                    _ => ::std::option::Option::None,
                }
            }
        }

        impl ::std::convert::From<TransportError> for Error {
            #[inline]
            fn from(e: TransportError) -> Self {
                Error::Transport(e)
            }
        }

        #[doc = " The typed client: one method per operation, over any [`Transport`]."]
        #[doc = ""]
        #[doc = " It keeps a [`Session`]: after [`Client::authenticate`] (or [`Client::with_token`]) every call"]
        #[doc = " carries the token, which is refreshed ahead of its expiry and once more when the API answers"]
        #[doc = " that it expired (`KT-CT-1124`). Failed calls are sent again by its [`RetryPolicy`]: queries"]
        #[doc = " after rate limits, transient errors and lost connections, mutations only when they cannot"]
        #[doc = " have run. Its `Debug` shows no token."]
        #[derive(::std::fmt::Debug)]
        pub struct Client<T> {
            engine: runtime::Engine<T>,
        }

        impl<T> Client<T> {
            #[doc = " A client sending requests through `transport`, with the default retry policy."]
            #[inline]
            pub fn new(transport: T) -> Self {
                Client { engine: runtime::Engine::new(transport, TOKEN_MUTATION) }
            }

            #[doc = " Replaces the retry policy; [`RetryPolicy::never`] sends every call once."]
            #[inline]
            #[must_use]
            pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
                self.engine.set_retry(retry);
                self
            }

            #[doc = " Replaces the session: a refresh margin of its own, or a [`TokenSource`] for tokens"]
            #[doc = " managed elsewhere."]
            #[inline]
            #[must_use]
            pub fn with_session(mut self, session: Session) -> Self {
                self.engine.set_session(session);
                self
            }

            #[doc = " Starts with a token, for callers that already have one (it is not refreshed)."]
            #[inline]
            #[must_use]
            pub fn with_token(self, token: impl ::std::convert::Into<Secret>) -> Self {
                self.engine.session().set(::std::option::Option::Some(Tokens::new(token)));
                self
            }

            #[doc = " The session: the tokens held, how often they were refreshed."]
            #[inline]
            pub fn session(&self) -> &Session {
                self.engine.session()
            }

            #[doc = " The transport."]
            #[inline]
            pub fn transport(&self) -> &T {
                self.engine.transport()
            }

            #[doc = " Gives the transport back."]
            #[inline]
            pub fn into_transport(self) -> T {
                self.engine.into_transport()
            }
        }

        impl<T: Transport> Client<T> {
            #[doc = " Sends any operation and returns its payload."]
            #[inline]
            pub fn execute<'a, O: Operation + 'a>(
                &'a self,
                variables: &'a O::Variables,
            ) -> impl ::std::future::Future<Output = ::std::result::Result<O::Payload, Error>> + 'a {
                self.engine.execute::<O, Error>(variables)
            }

            #[doc = " Sends any document and returns the response's `data`, mapping GraphQL errors to"]
            #[doc = " [`Error::Kraken`]. Use it with a custom document that selects more than the generated one;"]
            #[doc = " it is sent again on failure only when it is a query (see [`OperationKind::of_document`])."]
            #[inline]
            pub fn execute_raw<'a>(
                &'a self,
                operation_name: &'a str,
                document: &'a str,
                variables: ::serde_json::Value,
            ) -> impl ::std::future::Future<Output = ::std::result::Result<::serde_json::Value, Error>> + 'a {
                self.engine.execute_raw::<Error>(operation_name, document, variables)
            }
        }

        impl runtime::ApiError for Error {
            #[inline]
            fn encode(error: ::serde_json::Error) -> Self {
                Error::Encode(error)
            }

            #[inline]
            fn decode(error: ::serde_json::Error) -> Self {
                Error::Decode(error)
            }

            #[inline]
            fn missing_data() -> Self {
                Error::MissingData
            }

            #[inline]
            fn missing_token() -> Self {
                Error::MissingToken
            }

            #[inline]
            fn graphql(
                body: &::serde_json::Value,
                data: ::std::option::Option<::serde_json::Value>,
            ) -> ::std::result::Result<::std::option::Option<::serde_json::Value>, Self> {
                let errors = #errors::KrakenError::from_response(body).map_err(Error::Decode)?;
                if errors.is_empty() {
                    ::std::result::Result::Ok(data)
                } else {
                    ::std::result::Result::Err(Error::Kraken { errors, data })
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file of the runtime crate is embedded, so a module added to the crate cannot be left
    /// out of generated crates (they would not compile, but this says why).
    #[test]
    fn every_runtime_file_is_embedded() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../krakengen-client/src");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().trim_end_matches(".rs").to_string())
            .filter(|n| n != "lib")
            .collect();
        files.sort();
        let embedded: Vec<&str> = RUNTIME_MODULES.iter().map(|(n, _)| *n).collect();
        assert_eq!(files, embedded);
    }

    /// The embedded copy reaches its modules through `super::`, holds no test code, and keeps the
    /// feature gate of the HTTP transport.
    #[test]
    fn the_embedded_runtime_is_self_contained() {
        let text = embedded().to_string();
        assert!(!text.contains("crate ::"), "a runtime module names the crate root");
        assert!(!text.contains("mod tests"), "test code is embedded");
        assert!(text.contains("# [cfg (feature = \"reqwest\")] pub mod http"), "{}", &text[..text.len().min(2000)]);
        for (name, _) in RUNTIME_MODULES {
            assert!(text.contains(&format!("pub mod {name} {{")), "{name} is not embedded");
        }
    }
}
