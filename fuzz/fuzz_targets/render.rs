//! Fuzz target for the diagnostics renderer.
//!
//! Arbitrary source text and arbitrary spans (offsets, lengths, lines, columns and file indices that
//! may lie anywhere, including outside every file): rendering must never panic, and what it prints
//! must stay within a bound that depends on the number of diagnostics shown, not on the text.

#![no_main]

use krakengen::diag::{Diagnostics, RenderOptions, SourceText};
use krakengen::model::Span;
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    text: String,
    spans: Vec<(u8, u32, u32, u32, u32, bool)>,
    message: String,
    max: u8,
}

fuzz_target!(|input: Input| {
    let mut diags = Diagnostics::new();
    for (file, line, column, offset, len, error) in &input.spans {
        let span = Span { file: u32::from(*file % 3), line: *line, column: *column, offset: *offset, len: *len };
        if *error {
            diags.error("fuzz", span, input.message.clone(), input.message.clone());
        } else {
            diags.warn("fuzz", span, input.message.clone(), "label");
        }
    }
    let sources = [SourceText { path: "a.txt", text: &input.text }, SourceText { path: "b.txt", text: "short\n" }];
    let options = RenderOptions::new().with_max_per_file(usize::from(input.max % 8));
    let out = krakengen::diag::render(&diags, &sources, options);
    let shown = diags.capped(options.max_per_file).shown.len();
    assert!(out.len() <= shown * 4_000 + 3 * 200 + 1, "{} bytes for {shown} diagnostics", out.len());
});
