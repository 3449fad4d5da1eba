//! krakengen: a schema-first code generator for Kraken GraphQL references.
//!
//! The crate holds all logic; the `krakengen` binary, the `xtask` and the build-script
//! [`builder`] are thin front doors over one [`Pipeline`]: reference text → [`parse`] →
//! [`model::Reference`] → the schema stage ([`types`], supplements applied) → one validated
//! [`types::TypeModel`] → generators ([`sdl`] and [`catalog`], [`codegen`], [`diff`]), with every
//! problem reported as a [`diag::Diagnostic`] rather than a panic. `docs/architecture.md` draws
//! the stages and which module owns what.

/// Defines a fieldless enum whose variants have stable names (the codes of diagnostics, the kinds
/// of change), with `ALL`, `as_str` and a `Display` that writes the name.
macro_rules! named_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[doc = $doc:literal])* $variant:ident = $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $($(#[doc = $doc])* $variant,)*
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The variant's name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// The variant's documentation comment, its lines joined (empty when it has none):
            /// what generated documentation says about it.
            pub fn doc(self) -> &'static str {
                match self {
                    $($name::$variant => concat!($($doc, "\n",)*),)*
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub mod builder;
pub mod catalog;
pub mod codegen;
pub mod config;
pub mod diag;
pub mod diff;
pub mod lint;
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
