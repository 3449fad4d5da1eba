//! Server side of the Octopus Energy Spain (OEES) Kraken API.
//!
//! Everything public lives in the generated module `generated.rs`, written by `cargo xtask codegen`
//! from `schema/oees/mutations.txt` and re-exported here: the [`OperationResolvers`] trait (one async
//! method per mutation, typed with the `oees-client` types, failing with `oees-errors`'s
//! `KrakenError`), the [`Adapter`] that serves an implementation through `krakengen-server`, the
//! [`policy`] of permission guards and rate limits, and [`schema`] / [`router`] to serve it all.
//! `krakengen scaffold` writes a starting implementation.

mod generated;

pub use generated::*;
pub use krakengen_server as runtime;
