//! The runtime of the Rust clients krakengen generates: what does not depend on the API.
//!
//! - [`transport`]: the [`Request`] a call sends, the [`Response`] it gets, the [`Transport`] trait
//!   and its [`TransportError`]; [`http`] (feature `reqwest`) the HTTP transport, with timeouts and
//!   a response size cap.
//! - [`session`]: the caller's [`Tokens`], refreshed ahead of expiry, or a [`TokenSource`].
//! - [`retry`]: the [`RetryPolicy`] and the classification of Kraken's error codes behind it.
//! - [`engine`]: the [`Engine`] that sends a call with both, which a generated `Client` wraps;
//!   [`call`] its typed calls, which build the generated crate's `Error` through [`ApiError`].
//! - [`redact`]: the rule that keeps secrets out of `Debug`.
//!
//! A generated crate either depends on this crate (`krakengen generate --runtime-path`) or carries
//! these same files as its `runtime` module, so that it builds with nothing but its dependencies
//! from crates.io. Inside the crate, modules therefore reach each other through `super::`, never
//! through the crate root.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod call;
pub mod engine;
#[cfg(feature = "reqwest")]
pub mod http;
pub mod redact;
pub mod retry;
pub mod session;
pub mod transport;

pub use call::{ApiError, TokenCheck};
pub use engine::{Engine, TokenMutation};
pub use redact::{redact_json, Secret};
pub use retry::RetryPolicy;
pub use session::{Session, TokenFn, TokenFuture, TokenSource, Tokens};
pub use transport::{OperationKind, Request, Response, Transport, TransportError, TransportErrorKind};

/// A GraphQL operation of an API: its document, its variables and its response.
///
/// Every operation module of a generated client has a unit type implementing it, so the client's
/// `execute` can send any of them, and tests can name an operation generically.
pub trait Operation {
    /// The operation name in [`Operation::DOCUMENT`].
    const NAME: &'static str;
    /// The GraphQL document sent to the API.
    const DOCUMENT: &'static str;
    /// Whether it is a query or a mutation, which decides whether a failed call is sent again.
    const KIND: OperationKind;
    /// The variables, serialized as the request's `variables`.
    type Variables: serde::Serialize;
    /// The response's `data`.
    type Data: serde::de::DeserializeOwned;
    /// What a typed call returns: the operation's field of `data`.
    type Payload;
    /// Takes the operation's field out of `data`.
    fn payload(data: Self::Data) -> Self::Payload;
}
