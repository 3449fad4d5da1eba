//! Fuzz target for the supplement loader.
//!
//! Whatever the bytes, building the schema of a small reference with them as a supplement must not
//! panic; every diagnostic must point inside the file it names; and the rendered diagnostics must
//! stay within a bound that does not grow with the input (the default cap of diagnostics per file,
//! each with its snippet clipped to the line budget).

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// A small reference with inputs, enums and unions for a supplement to fill or contradict.
fn reference() -> &'static krakengen::parse::Parsed {
    static PARSED: OnceLock<krakengen::parse::Parsed> = OnceLock::new();
    PARSED.get_or_init(|| {
        let text = include_str!("../../tests/fixtures/supplement/reference.txt");
        krakengen::parse::parse_str("reference.txt", text)
    })
}

fuzz_target!(|data: &[u8]| {
    let parsed = reference();
    let text = String::from_utf8_lossy(data).into_owned();
    let build = krakengen::sdl::SchemaOptions::new().with_supplement_text("fuzz.graphql", text).build(&parsed.reference);
    let files = parsed.sources.len();
    for d in build.diagnostics.iter() {
        let Some(source) = d.span.file.checked_sub(files as u32).and_then(|i| build.extra_sources.get(i as usize)) else {
            continue;
        };
        assert!(d.span.line >= 1 && d.span.column >= 1, "{d:?}");
        assert!((d.span.offset + d.span.len) as usize <= source.1.len(), "{d:?} outside {} bytes", source.1.len());
    }
    let rendered = build.render_diagnostics_for(parsed, false);
    let cap = krakengen::diag::RenderOptions::DEFAULT_MAX_PER_FILE + 1;
    assert!(rendered.len() <= cap * 4_000 + 1_000, "{} bytes rendered", rendered.len());
});
