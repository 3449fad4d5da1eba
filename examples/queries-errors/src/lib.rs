//! Error codes of the queries fixture; everything public is generated into `generated.rs` by
//! `cargo xtask codegen` from `tests/fixtures/queries/standard.txt`.

mod generated;

pub use generated::*;
