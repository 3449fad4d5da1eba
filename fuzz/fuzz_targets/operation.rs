//! Differential fuzz target for the plain operation reader.
//!
//! `parse_plain` exists only for speed: whenever it reads an operation, it must give exactly what
//! graphql-parser (`parse_general`) gives; when it gives up, nothing is checked, because the
//! parser then uses graphql-parser anyway.

#![no_main]

use krakengen::parse::operation::{parse, parse_general, parse_plain};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // The combined entry point must never panic, whatever the text.
    let _ = parse(text);
    if let Some(plain) = parse_plain(text) {
        match parse_general(text) {
            Ok(general) => assert_eq!(plain, general, "{text:?}"),
            Err(e) => panic!("the plain reader accepted what graphql-parser rejects ({}): {text:?}", e.message),
        }
    }
});
