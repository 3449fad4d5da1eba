//! Typed client of the Octopus Energy Spain (OEES) Kraken API.
//!
//! Everything public lives in the generated module `generated.rs`, written by `cargo xtask codegen`
//! from `schema/oees/mutations.txt` and re-exported here: one module per mutation (its document,
//! variables, response types and possible errors), a [`Client`] with one method per mutation, and the
//! [`Transport`] trait. The `reqwest` feature adds an HTTP transport. The error codes are the
//! `oees-errors` crate, re-exported as [`errors`].

mod generated;

pub use generated::*;
pub use oees_errors as errors;
