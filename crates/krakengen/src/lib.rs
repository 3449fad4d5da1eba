//! krakengen: a schema-first code generator for Kraken GraphQL references.
//!
//! The crate holds all logic; the `krakengen` binary, the `xtask` and the build-script
//! [`builder`] are thin front doors over one [`Pipeline`]: reference text → [`parse`] →
//! [`model::Reference`] → the schema stage ([`types`], supplements applied) → one validated
//! [`types::TypeModel`] → generators ([`sdl`] and [`catalog`], [`codegen`], [`diff`]), with every
//! problem reported as a [`diag::Diagnostic`] rather than a panic. `docs/architecture.md` draws
//! the stages and which module owns what.

pub mod builder;
pub mod catalog;
pub mod codegen;
pub mod config;
pub mod diag;
pub mod diff;
pub mod model;
pub mod naming;
pub mod parse;
pub mod pipeline;
pub mod project;
pub mod sdl;
pub mod stamp;
pub mod synth;
pub mod types;
pub mod write;

pub use pipeline::Pipeline;
