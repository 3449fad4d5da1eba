//! Inputs the fuzz targets found to break krakengen, kept so the bugs stay fixed. Every `.graphql`
//! file in `tests/fixtures/fuzz/` goes through what `fuzz/fuzz_targets/operation.rs` does, every
//! `supplement-*` file through what `fuzz/fuzz_targets/supplement.rs` does, every other file through
//! what `fuzz/fuzz_targets/parse.rs` does; inputs with a known story also get a test of their own.

use krakengen::parse::{parse_files, Parsed};
use krakengen_tests::{fixture, mutation};

/// What the fuzz target does with an input: parse, check spans, render, serialise and read back.
fn exercise(name: &str, bytes: Vec<u8>) -> Parsed {
    let parsed = parse_files(vec![(name.to_string(), bytes)]);
    let len = parsed.sources[0].len();
    for d in parsed.diagnostics.iter() {
        assert!(d.span.line >= 1 && d.span.column >= 1, "{name}: {d:?}");
        assert!((d.span.offset + d.span.len) as usize <= len, "{name}: {d:?}");
    }
    let _ = parsed.report().render(false);
    let json = serde_json::to_string(&parsed.reference).expect("the model serialises");
    let back: krakengen::model::Reference = serde_json::from_str(&json).expect("the model reads back");
    assert_eq!(back, parsed.reference, "{name}");
    parsed
}

/// What the supplement fuzz target does: the bytes as the supplement of a small reference; every
/// diagnostic in the supplement lies inside it, and the report stays bounded.
fn supplement(name: &str, bytes: &[u8]) -> krakengen_tests::SchemaBuild {
    let parsed = krakengen_tests::parse_rel(&fixture("supplement/reference.txt"));
    let text = String::from_utf8_lossy(bytes).into_owned();
    let build = krakengen_tests::schema_with_text(&parsed, name, text);
    for d in build.diagnostics.iter() {
        if let Some(source) = d.span.file.checked_sub(1).and_then(|i| build.report.sources.get(i + 1)).map(|s| &s.text) {
            assert!(d.span.line >= 1 && d.span.column >= 1, "{name}: {d:?}");
            assert!((d.span.offset + d.span.len) as usize <= source.len(), "{name}: {d:?}");
        }
    }
    let rendered = build.rendered();
    assert!(rendered.len() < 300_000, "{name}: {} bytes", rendered.len());
    build
}

/// What the operation fuzz target does: the plain reader either gives up or agrees with
/// graphql-parser.
fn differential(name: &str, text: &str) {
    use krakengen::parse::operation::{parse, parse_general, parse_plain};
    let _ = parse(text);
    if let Some(plain) = parse_plain(text) {
        assert_eq!(Ok(plain), parse_general(text).map_err(|e| e.message), "{name}");
    }
}

#[test]
fn every_kept_fuzz_input_parses_without_panicking() {
    let dir = fixture("fuzz");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/fixtures/fuzz exists") {
        let path = entry.expect("a directory entry").path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let bytes = std::fs::read(&path).expect("readable");
        if name.starts_with("supplement-") {
            supplement(&name, &bytes);
        } else if name.ends_with(".graphql") {
            differential(&name, std::str::from_utf8(&bytes).expect("UTF-8"));
        } else {
            exercise(&name, bytes);
        }
        count += 1;
    }
    assert!(count >= 1, "no fuzz inputs found in {}", dir.display());
}

/// A response string with a multi-byte character (here U+FFFD, from an invalid byte) across byte 10
/// made the date-time check slice inside the character and panic.
#[test]
fn date_time_check_on_multi_byte_text() {
    let bytes = std::fs::read(fixture("fuzz/crash-date-time-char-boundary.txt")).expect("readable");
    let p = exercise("crash.txt", bytes);
    assert_eq!(p.diagnostics.iter().filter(|d| d.code == "invalid-utf8").count(), 1);
    let m = mutation(&p, "storeDirectDebitPaymentMethodDetails");
    let f = m.fields.iter().find(|f| f.name == "storedPaymentMethodDetailsReference").expect("the field");
    assert_eq!(f.ty.as_ref().map(|t| t.to_string()).as_deref(), Some("String"));
}

/// A field named like graphql-parser's placeholder for empty selections (`__krakengenEmpty`): the
/// plain reader kept it where graphql-parser's path drops it. The plain reader now gives up on it.
#[test]
fn placeholder_field_name_is_left_to_graphql_parser() {
    let text = std::fs::read_to_string(fixture("fuzz/operation-placeholder-field-name.graphql")).expect("readable");
    assert!(text.contains("\n__krakengenEmpty\n"));
    assert_eq!(krakengen::parse::operation::parse_plain(&text), None);
    differential("operation-placeholder-field-name.graphql", &text);
}

/// `cret() {`: an empty argument list, which GraphQL forbids and graphql-parser rejects, was
/// accepted by the plain reader.
#[test]
fn empty_argument_list_is_left_to_graphql_parser() {
    let text = std::fs::read_to_string(fixture("fuzz/operation-empty-arguments.graphql")).expect("readable");
    assert!(text.contains("() {"));
    assert_eq!(krakengen::parse::operation::parse_plain(&text), None);
    assert!(krakengen::parse::operation::parse(&text).is_err());
}

/// An empty supplement is refused before parsing; its diagnostic's span covered one byte of a file
/// of none.
#[test]
fn an_empty_supplement_points_inside_itself() {
    let build = supplement("supplement-empty.sdl", &std::fs::read(fixture("fuzz/supplement-empty.sdl")).expect("readable"));
    let d = build.diagnostics.iter().find(|d| d.code == "supplement-not-sdl").expect("refused as not SDL");
    assert_eq!((d.span.offset, d.span.len), (0, 0));
    assert!(d.message.contains("is empty"), "{}", d.message);
}
