//! Typed client of the queries fixture; everything public is generated into `generated.rs` by
//! `cargo xtask codegen` from `tests/fixtures/queries/standard.txt`. The error codes are the
//! `queries-errors` crate, re-exported as [`errors`].

mod generated;

pub use generated::*;
pub use queries_errors as errors;
