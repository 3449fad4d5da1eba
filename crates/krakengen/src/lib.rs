//! krakengen: a schema-first code generator for Kraken GraphQL mutation references.
//!
//! The crate holds all logic; the `krakengen` binary and the `xtask` are thin front-ends. The pipeline is
//! reference text → [`parse`] → [`model::Reference`] (the IR) → generators, with every problem reported as
//! a [`diag::Diagnostic`] rather than a panic.

pub mod builder;
pub mod catalog;
pub mod codegen;
pub mod config;
pub mod diag;
pub mod diff;
pub mod model;
pub mod naming;
pub mod parse;
pub mod project;
pub mod sdl;
pub mod stamp;
pub mod synth;
pub mod types;
pub mod write;
