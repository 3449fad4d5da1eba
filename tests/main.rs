//! The library's integration tests, in one binary: each module is one area, and
//! `docs/architecture.md` says what each proves.

mod architecture;
mod client;
mod codegen;
mod dependencies;
mod diff;
mod e2e;
mod fuzz_regressions;
mod lint;
mod malformed;
mod mock_sdl;
mod parse;
mod python;
mod queries;
mod renderings;
mod sdl;
mod server;
mod session;
