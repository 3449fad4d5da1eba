//! The fixed parts of the generated crates: Kraken's error-response types, and the client's
//! operation trait, transport trait, error type and reqwest transport.
//!
//! They do not depend on the reference, but they are emitted into every generated crate rather than
//! shipped as a support crate, so a crate written by `krakengen generate` builds with nothing but
//! serde, serde_json and (optionally) reqwest.

use proc_macro2::TokenStream;
use quote::quote;

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

/// The client runtime; `errors` is the path of the error module (`::oees_errors`, `crate::errors`).
/// What a name holding a secret contains, once lower-cased without separators (see
/// `emit_client::is_secret` and the runtime's `secret_key`).
pub(crate) const SECRET_WORDS: [&str; 3] = ["password", "passcode", "secret"];
/// What such a name ends with.
pub(crate) const SECRET_SUFFIXES: [&str; 4] = ["token", "apikey", "privatekey", "accesskey"];

pub(crate) fn client(errors: &TokenStream) -> TokenStream {
    let (words, suffixes) = (SECRET_WORDS, SECRET_SUFFIXES);
    quote! {
        #[doc(hidden)]
        #[doc = " `value` with the value of every key that names a secret (a password, a token, an API key)"]
        #[doc = " replaced by `\"<redacted>\"`: what the `Debug` of a JSON-carried type shows."]
        pub fn redact_json(value: &::serde_json::Value) -> ::serde_json::Value {
            match value {
                ::serde_json::Value::Object(map) => ::serde_json::Value::Object(
                    map.iter()
                        .map(|(k, v)| {
                            let v = if secret_key(k) { ::serde_json::Value::from("<redacted>") } else { redact_json(v) };
                            (k.clone(), v)
                        })
                        .collect(),
                ),
                ::serde_json::Value::Array(items) => ::serde_json::Value::Array(items.iter().map(redact_json).collect()),
                other => other.clone(),
            }
        }

        #[doc = " Whether a field or key named `name` holds a secret: its letters and digits, lower-cased,"]
        #[doc = " contain `password`, `passcode` or `secret`, or end with `token`, `apikey`, `privatekey` or"]
        #[doc = " `accesskey`. The generator decides struct fields by the same rule."]
        fn secret_key(name: &str) -> bool {
            let n: ::std::string::String = name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
            [#(#words),*].iter().any(|w| n.contains(w)) || [#(#suffixes),*].iter().any(|w| n.ends_with(w))
        }

        #[doc = " A GraphQL operation of this API: its document, its variables and its response."]
        #[doc = ""]
        #[doc = " Every operation module has a `Mutation` type implementing it, so [`Client::execute`] can"]
        #[doc = " send any of them, and tests can name an operation generically."]
        pub trait Operation {
            #[doc = " The operation name in [`Operation::DOCUMENT`]."]
            const NAME: &'static str;
            #[doc = " The GraphQL document sent to the API."]
            const DOCUMENT: &'static str;
            #[doc = " The variables, serialized as the request's `variables`."]
            type Variables: ::serde::Serialize;
            #[doc = " The response's `data`."]
            type Data: ::serde::de::DeserializeOwned;
            #[doc = " What a typed call returns: the mutation's field of `data`."]
            type Payload;
            #[doc = " Takes the mutation's field out of `data`."]
            fn payload(data: Self::Data) -> Self::Payload;
        }

        #[doc = " One GraphQL request, serialized as the JSON body of a POST."]
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq)]
        pub struct Request<'a> {
            #[doc = " The operation to run."]
            pub operation_name: &'a str,
            #[doc = " The GraphQL document."]
            pub query: &'a str,
            #[doc = " The variables, a JSON object."]
            pub variables: ::serde_json::Value,
        }

        impl ::serde::Serialize for Request<'_> {
            #[inline]
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(::std::option::Option::Some(3))?;
                map.serialize_entry("operationName", self.operation_name)?;
                map.serialize_entry("query", self.query)?;
                map.serialize_entry("variables", &self.variables)?;
                map.end()
            }
        }

        #[doc = " A failure to exchange a request and a response (network, HTTP status, a body that is not"]
        #[doc = " JSON); GraphQL errors in a response are not transport errors."]
        #[derive(::std::fmt::Debug)]
        pub struct TransportError {
            message: ::std::string::String,
            status: ::std::option::Option<u16>,
            source: ::std::option::Option<::std::boxed::Box<dyn ::std::error::Error + ::std::marker::Send + ::std::marker::Sync>>,
        }

        impl TransportError {
            #[doc = " An error with a message."]
            #[inline]
            pub fn new(message: impl ::std::convert::Into<::std::string::String>) -> Self {
                TransportError { message: message.into(), status: ::std::option::Option::None, source: ::std::option::Option::None }
            }

            #[doc = " Records the HTTP status of the response."]
            #[inline]
            pub fn with_status(mut self, status: u16) -> Self {
                self.status = ::std::option::Option::Some(status);
                self
            }

            #[doc = " Records the underlying error."]
            #[inline]
            pub fn with_source(mut self, source: impl ::std::error::Error + ::std::marker::Send + ::std::marker::Sync + 'static) -> Self {
                self.source = ::std::option::Option::Some(::std::boxed::Box::new(source));
                self
            }

            #[doc = " The HTTP status, when the server answered with an unexpected one."]
            #[inline]
            pub fn status(&self) -> ::std::option::Option<u16> {
                self.status
            }
        }

        impl ::std::fmt::Display for TransportError {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.message)?;
                if let ::std::option::Option::Some(source) = &self.source {
                    ::std::write!(f, ": {}", source)?;
                }
                ::std::result::Result::Ok(())
            }
        }

        impl ::std::error::Error for TransportError {
            #[inline]
            fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
                self.source.as_deref().map(|e| e as &(dyn ::std::error::Error + 'static))
            }
        }

        #[doc = " Sends requests. The `reqwest` feature provides `http::ReqwestTransport`; tests and mock"]
        #[doc = " servers can implement it directly."]
        pub trait Transport {
            #[doc = " Sends one request and returns the whole response body (`{\"data\": …, \"errors\": […]}`)."]
            fn execute(
                &self,
                request: &Request<'_>,
            ) -> impl ::std::future::Future<Output = ::std::result::Result<::serde_json::Value, TransportError>> + ::std::marker::Send;
        }

        #[doc = " A shared transport is a transport, so several clients (or a client and a test) can use one."]
        impl<T: Transport + ::std::marker::Send + ::std::marker::Sync + ?::std::marker::Sized> Transport for ::std::sync::Arc<T> {
            #[inline]
            fn execute(
                &self,
                request: &Request<'_>,
            ) -> impl ::std::future::Future<Output = ::std::result::Result<::serde_json::Value, TransportError>> + ::std::marker::Send {
                T::execute(self, request)
            }
        }

        #[doc = " A transport that can send a Kraken token in the `Authorization` header."]
        pub trait Authenticate {
            #[doc = " Sets (or, with `None`, clears) the token sent with every later request."]
            fn set_token(&self, token: ::std::option::Option<::std::string::String>);
        }

        impl<T: Authenticate + ?::std::marker::Sized> Authenticate for ::std::sync::Arc<T> {
            #[inline]
            fn set_token(&self, token: ::std::option::Option<::std::string::String>) {
                T::set_token(self, token)
            }
        }

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

        #[doc = " The typed client: one method per mutation, over any [`Transport`]."]
        #[derive(::std::fmt::Debug, ::std::clone::Clone)]
        pub struct Client<T> {
            transport: T,
        }

        impl<T> Client<T> {
            #[doc = " A client sending requests through `transport`."]
            #[inline]
            pub fn new(transport: T) -> Self {
                Client { transport }
            }

            #[doc = " The transport."]
            #[inline]
            pub fn transport(&self) -> &T {
                &self.transport
            }

            #[doc = " Gives the transport back."]
            #[inline]
            pub fn into_transport(self) -> T {
                self.transport
            }
        }

        impl<T: Transport> Client<T> {
            #[doc = " Sends any operation and returns its payload."]
            #[inline]
            pub async fn execute<O: Operation>(&self, variables: &O::Variables) -> ::std::result::Result<O::Payload, Error> {
                let variables = ::serde_json::to_value(variables).map_err(Error::Encode)?;
                let data = self.execute_raw(O::NAME, O::DOCUMENT, variables).await?;
                let data = <O::Data as ::serde::Deserialize>::deserialize(data).map_err(Error::Decode)?;
                ::std::result::Result::Ok(O::payload(data))
            }

            #[doc = " Sends any document and returns the response's `data`, mapping GraphQL errors to"]
            #[doc = " [`Error::Kraken`]. Use it with a custom document that selects more than the generated one."]
            #[inline]
            pub async fn execute_raw(
                &self,
                operation_name: &str,
                document: &str,
                variables: ::serde_json::Value,
            ) -> ::std::result::Result<::serde_json::Value, Error> {
                let request = Request { operation_name, query: document, variables };
                let mut body = self.transport.execute(&request).await?;
                let errors = #errors::KrakenError::from_response(&body).map_err(Error::Decode)?;
                let data = body.get_mut("data").map(::serde_json::Value::take).filter(|d| !d.is_null());
                if !errors.is_empty() {
                    return ::std::result::Result::Err(Error::Kraken { errors, data });
                }
                data.ok_or(Error::MissingData)
            }
        }

        #[doc = " The HTTP transport, on reqwest (cargo feature `reqwest`; add `rustls-tls` for https)."]
        #[cfg(feature = "reqwest")]
        pub mod http {
            #[doc = " The reqwest this transport is built on, so that a caller configuring a client"]
            #[doc = " (`http::reqwest::Client::builder()`) never has to pin a matching version."]
            pub use ::reqwest;

            #[doc = " Posts requests as JSON to one endpoint, with the token (if any) as the `Authorization`"]
            #[doc = " header, the way Kraken expects it (the bare token, no scheme), and any headers added"]
            #[doc = " with [`ReqwestTransport::with_header`]. Its `Debug` shows neither the token nor the"]
            #[doc = " headers' values."]
            pub struct ReqwestTransport {
                client: ::reqwest::Client,
                endpoint: ::std::string::String,
                headers: ::reqwest::header::HeaderMap,
                token: ::std::sync::RwLock<::std::option::Option<::std::string::String>>,
            }

            impl ::std::fmt::Debug for ReqwestTransport {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    let headers: ::std::vec::Vec<&str> = self.headers.keys().map(::reqwest::header::HeaderName::as_str).collect();
                    f.debug_struct("ReqwestTransport")
                        .field("endpoint", &self.endpoint)
                        .field("headers", &headers)
                        .field("token", &self.token().map(|_| "<redacted>"))
                        .finish_non_exhaustive()
                }
            }

            impl ReqwestTransport {
                #[doc = " A transport to `endpoint` with a default reqwest client."]
                #[inline]
                pub fn new(endpoint: impl ::std::convert::Into<::std::string::String>) -> Self {
                    ReqwestTransport::with_client(::reqwest::Client::new(), endpoint)
                }

                #[doc = " A transport to `endpoint` using `client` (for timeouts, proxies, TLS settings)."]
                #[inline]
                pub fn with_client(client: ::reqwest::Client, endpoint: impl ::std::convert::Into<::std::string::String>) -> Self {
                    ReqwestTransport {
                        client,
                        endpoint: endpoint.into(),
                        headers: ::reqwest::header::HeaderMap::new(),
                        token: ::std::sync::RwLock::new(::std::option::Option::None),
                    }
                }

                #[doc = " Sends the header `name: value` with every request (a tracing header, the mock's"]
                #[doc = " `X-Kraken-Permissions`); a second value of a name is sent too. The value is marked"]
                #[doc = " sensitive, so it appears in no `Debug` output. Fails on a name or value HTTP does"]
                #[doc = " not allow, such as one with a line break."]
                pub fn with_header(mut self, name: &str, value: &str) -> ::std::result::Result<Self, super::TransportError> {
                    let name = ::reqwest::header::HeaderName::from_bytes(name.as_bytes())
                        .map_err(|e| super::TransportError::new("invalid HTTP header name").with_source(e))?;
                    let mut value = ::reqwest::header::HeaderValue::from_str(value)
                        .map_err(|e| super::TransportError::new(::std::format!("invalid value for the HTTP header {name}")).with_source(e))?;
                    value.set_sensitive(true);
                    self.headers.append(name, value);
                    ::std::result::Result::Ok(self)
                }

                #[doc = " Starts with a token, for callers that already have one."]
                #[inline]
                pub fn with_token(self, token: impl ::std::convert::Into<::std::string::String>) -> Self {
                    super::Authenticate::set_token(&self, ::std::option::Option::Some(token.into()));
                    self
                }

                #[doc = " The endpoint requests go to."]
                #[inline]
                pub fn endpoint(&self) -> &str {
                    &self.endpoint
                }

                #[doc = " The token currently sent, if any."]
                #[inline]
                pub fn token(&self) -> ::std::option::Option<::std::string::String> {
                    self.token.read().unwrap_or_else(::std::sync::PoisonError::into_inner).clone()
                }
            }

            impl super::Authenticate for ReqwestTransport {
                #[inline]
                fn set_token(&self, token: ::std::option::Option<::std::string::String>) {
                    *self.token.write().unwrap_or_else(::std::sync::PoisonError::into_inner) = token;
                }
            }

            impl super::Transport for ReqwestTransport {
                #[inline]
                async fn execute(&self, request: &super::Request<'_>) -> ::std::result::Result<::serde_json::Value, super::TransportError> {
                    let mut builder = self.client.post(&self.endpoint).headers(self.headers.clone()).json(request);
                    if let ::std::option::Option::Some(token) = self.token() {
                        let mut value = ::reqwest::header::HeaderValue::from_str(&token)
                            .map_err(|e| super::TransportError::new("the token is not a valid HTTP header value").with_source(e))?;
                        value.set_sensitive(true);
                        builder = builder.header(::reqwest::header::AUTHORIZATION, value);
                    }
                    let response = builder.send().await.map_err(|e| super::TransportError::new("request failed").with_source(e))?;
                    let status = response.status();
                    let body = response.bytes().await.map_err(|e| {
                        super::TransportError::new("cannot read the response").with_status(status.as_u16()).with_source(e)
                    })?;
                    match ::serde_json::from_slice::<::serde_json::Value>(&body) {
                        // GraphQL servers may report errors with a non-2xx status; the body still says which.
                        ::std::result::Result::Ok(v) if status.is_success() || v.get("errors").is_some() => ::std::result::Result::Ok(v),
                        ::std::result::Result::Ok(_) => ::std::result::Result::Err(
                            super::TransportError::new(::std::format!("HTTP status {}", status)).with_status(status.as_u16()),
                        ),
                        ::std::result::Result::Err(e) => ::std::result::Result::Err(
                            super::TransportError::new("the response is not JSON").with_status(status.as_u16()).with_source(e),
                        ),
                    }
                }
            }
        }
    }
}
