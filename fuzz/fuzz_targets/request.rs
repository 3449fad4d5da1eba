//! Fuzz target for a deployed server's request path: the bytes are one HTTP request (headers,
//! `Authorization` among them, and a body) sent through `krakengen_server::http::authenticated_router`
//! with a JWT authenticator and the default limits. No panic, an answer in bounded time, and no
//! resolver run for a caller nobody signed. The harness is `crates/krakengen-server/src/request_fuzz.rs`,
//! which the server crate's unit tests also run on stable over generated inputs.

#![no_main]

#[path = "../../crates/krakengen-server/src/request_fuzz.rs"]
mod request_fuzz;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    request_fuzz::exercise(data);
});
