//! Server side of the queries fixture: the resolver trait with one method per query, its adapter
//! and the policy, generated into `generated.rs` by `cargo xtask codegen`.

mod generated;

pub use generated::*;
pub use krakengen_server as runtime;
