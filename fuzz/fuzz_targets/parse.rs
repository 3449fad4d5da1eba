//! Fuzz target for the reference parser.
//!
//! Whatever the bytes, parsing must return a model and diagnostics without panicking, and everything
//! `krakengen check` and `krakengen parse` do with the result (rendering the diagnostics, serialising
//! the model) must not panic either. Every diagnostic must point inside the file it names.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let parsed = krakengen::parse::parse_files(vec![("fuzz.txt".to_string(), data.to_vec())]);
    let text_len = parsed.sources[0].len();
    for d in parsed.diagnostics.iter() {
        assert!(d.span.line >= 1 && d.span.column >= 1, "{d:?}");
        assert!((d.span.offset + d.span.len) as usize <= text_len, "{d:?} outside {text_len} bytes");
    }
    let _ = parsed.render_diagnostics(false);
    let json = serde_json::to_string(&parsed.reference).expect("the model always serialises");
    let back: krakengen::model::Reference = serde_json::from_str(&json).expect("the model round-trips");
    assert_eq!(back, parsed.reference);
});
