//! Bad input: every malformed fixture gives the diagnostics it should (severity, code, line, column,
//! and the rendered text, snapshotted) while the valid blocks of the same file are still read as the
//! vendored reference reads them; and hostile input (empty, binary, huge, deeply nested, very long
//! lines) never panics and finishes in reasonable time.

use std::time::{Duration, Instant};

use krakengen::diag::Severity::{self, Error, Warning};
use krakengen::model::{Permissions, Rendering};
use krakengen::parse::{parse_files, parse_str, Parsed};
use krakengen_tests::{fixture, mutation, parse_rel, vendored_parsed, vendored_text, without_spans};

type Expected<'a> = [(Severity, &'a str, u32, u32)];

/// Parses a malformed fixture, checks its diagnostics and that `valid` blocks equal the vendored
/// ones, and snapshots the rendered diagnostics.
fn check(file: &str, expected: &Expected<'_>, valid: &[&str]) -> Parsed {
    let p = parse_rel(&fixture(&format!("malformed/{file}")));
    let got: Vec<(Severity, &str, u32, u32)> =
        p.diagnostics.iter().map(|d| (d.severity, d.code.as_str(), d.span.line, d.span.column)).collect();
    assert_eq!(got, expected, "{}", p.report().render(false));
    let vendored = vendored_parsed();
    for name in valid {
        assert_eq!(without_spans(mutation(&p, name)), without_spans(mutation(vendored, name)), "{name}");
    }
    let rendered = p.report().render(false);
    // Each diagnostic is headed by `path:line:column`.
    for d in p.diagnostics.iter() {
        let head = format!("tests/fixtures/malformed/{file}:{}:{}", d.span.line, d.span.column);
        assert!(rendered.contains(&head), "{head} in\n{rendered}");
    }
    let stem = file.split('.').next().unwrap_or(file);
    insta::assert_snapshot!(stem, rendered);
    p
}

#[test]
fn truncated_blocks() {
    let p = check(
        "truncated.txt",
        &[(Error, "missing-operation", 46, 1), (Error, "truncated-file", 138, 1), (Error, "bad-operation", 138, 27)],
        &["addCampaignToAccount", "addProperty"],
    );
    // The block cut after its fourth error keeps those four and nothing it never saw.
    let m = mutation(&p, "actualizeContract");
    let codes: Vec<&str> = m.errors.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["KT-CT-10003", "KT-CT-10007", "KT-CT-10008", "KT-CT-10022"]);
    assert!(m.arguments.is_empty() && m.fields.is_empty());
    // The block cut inside its operation keeps what comes before it.
    let m = mutation(&p, "addItemsToRiskList");
    let want = mutation(vendored_parsed(), "addItemsToRiskList");
    let pairs = |m: &krakengen::model::Operation| m.errors.iter().map(|e| (e.code.clone(), e.message.clone())).collect::<Vec<_>>();
    assert_eq!(pairs(m), pairs(want));
    assert_eq!((&m.description, &m.permissions), (&want.description, &want.permissions));
}

#[test]
fn bad_error_line() {
    let p = check("bad_error_line.txt", &[(Error, "bad-error-entry", 7, 1)], &["addCampaignToAccount"]);
    let codes: Vec<&str> = mutation(&p, "acceptGoodsQuote").errors.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["KT-CT-8223", "KT-CT-8224"]);
}

#[test]
fn bad_complexity() {
    let p = check("bad_complexity.txt", &[(Error, "bad-complexity", 5, 19)], &["addChildToProperty"]);
    let mut m = mutation(&p, "acceptOfferForQuoting").clone();
    assert_eq!(m.complexity, None);
    // Everything else of the block is read.
    m.complexity = Some(3);
    assert_eq!(without_spans(&m), without_spans(mutation(vendored_parsed(), "acceptOfferForQuoting")));
}

#[test]
fn bad_rate_limit() {
    let p = check("bad_rate_limit.txt", &[(Error, "bad-rate-limit", 20, 1)], &["addSignupReferralOnAccount"]);
    let m = mutation(&p, "addProperty");
    assert_eq!(m.rate_limits.len(), 1);
    assert_eq!((m.rate_limits[0].key.as_str(), m.rate_limits[0].steps.len()), ("User", 0));
    assert_eq!(m.arguments.len(), 1);
}

#[test]
fn unbalanced_permissions() {
    let p = check("unbalanced_permissions.txt", &[(Error, "bad-permissions", 66, 1)], &["addBusinessToSegment"]);
    // An unreadable expression is not guessed at: the permissions stay unspecified.
    assert_eq!(mutation(&p, "createNewAgreementFromProductSwitchProcess").permissions, Permissions::Unspecified);
}

#[test]
fn bad_operation() {
    let p = check("bad_operation.txt", &[(Error, "bad-operation", 36, 1)], &["addPropertyToHierarchy"]);
    let m = mutation(&p, "addParentToProperty");
    // Without a readable operation no names are known, so no table row can be placed.
    assert!(m.arguments.is_empty() && m.fields.is_empty());
    assert_eq!(m.errors.len(), 3);
    assert!(m.example.operation.starts_with("mutation AddParentToProperty("));
}

#[test]
fn unmatched_rows() {
    let p = check("unmatched_rows.txt", &[(Warning, "unmatched-rows", 21, 1)], &["addChildToProperty"]);
    let m = mutation(&p, "addCampaignToAccount");
    let fields: Vec<(&str, Option<&str>)> = m.fields.iter().map(|f| (f.name.as_str(), f.description.as_deref())).collect();
    // Three rows for one field: no description can be placed with certainty, so none is.
    assert_eq!(fields, [("campaignAdded", None)]);
    assert_eq!(m.fields[0].ty.as_ref().map(|t| t.to_string()).as_deref(), Some("Boolean"));
}

#[test]
fn unknown_section() {
    let p = check(
        "unknown_section.txt",
        &[(Warning, "unknown-section", 11, 1)],
        &["addChildToProperty", "addParentToProperty"],
    );
    let m = mutation(&p, "addChildToProperty");
    assert!(m.errors.iter().all(|e| e.code.starts_with("KT-")));
}

#[test]
fn empty_file() {
    let p = check("empty.txt", &[(Error, "empty-file", 1, 1)], &[]);
    assert!(p.reference.operations.is_empty());
    assert_eq!(p.reference.files[0].rendering, Rendering::Standard);
    assert_eq!(p.diagnostics.iter().next().map(|d| d.message.as_str()), Some("the file is empty"));
    // White space only (a byte-order mark too) is said so.
    for blank in ["\n  \r\n\t\n", "\u{feff}\n"] {
        let p = parse_str("blank.txt", blank);
        let found: Vec<(&str, &str)> = p.diagnostics.iter().map(|d| (d.code.as_str(), d.message.as_str())).collect();
        assert_eq!(found, [("empty-file", "the file holds only white space")], "{blank:?}");
    }
}

#[test]
fn binary_garbage() {
    // Refused by the encoding error alone: its "blocks" would be noise.
    let p = check("garbage.bin", &[(Error, "invalid-utf8", 1, 2)], &[]);
    assert!(p.reference.operations.is_empty());
}

#[test]
fn invalid_utf8_inside_a_valid_reference_keeps_the_rest() {
    let mut bytes = vendored_text().as_bytes().to_vec();
    let at = vendored_text().find("Accept a goods quote.").unwrap();
    bytes[at] = 0xff;
    let p = parse_files(vec![("bad.txt".into(), bytes)]);
    let d: Vec<_> = p.diagnostics.iter().filter(|d| d.severity == Error).map(|d| (d.code.as_str(), d.span.line)).collect();
    assert_eq!(d, [("invalid-utf8", 13)]);
    assert_eq!(p.reference.operations.len(), 326);
    assert_eq!(mutation(&p, "acceptGoodsQuote").description.as_deref(), Some("\u{fffd}ccept a goods quote."));
}

/// A download cut inside the last block's example response (the braces still open) is an error
/// that says the file looks truncated, where it used to pass with a warning about the example; cut
/// after the example operation of a block whose siblings all have one, likewise. The whole file is
/// not truncated.
#[test]
fn a_file_cut_inside_its_last_block_is_an_error() {
    let text = vendored_text();
    assert!(!parse_str("whole.txt", text).diagnostics.iter().any(|d| d.code == "truncated-file"));
    let end = text.trim_end().len();
    for cut in [end - 1, end - 20] {
        let p = parse_str("cut.txt", &text[..cut]);
        let errors: Vec<&krakengen::diag::Diagnostic> = p.diagnostics.iter().filter(|d| d.severity == Error).collect();
        assert_eq!(errors.len(), 1, "{}", p.report().render(false));
        assert_eq!(errors[0].code, "truncated-file");
        let last = p.reference.operations.iter().max_by_key(|m| m.span.offset).unwrap();
        assert!(errors[0].message.contains(&format!("inside the block of `{}`: its example response has", last.name)), "{}", errors[0].message);
        assert_eq!(errors[0].span.line, text[..cut].lines().count() as u32);
    }
    // Cut before the last block's example operation: every other block has one.
    let op = text.rfind("\nMutation\n").unwrap();
    let p = parse_str("cut.txt", &text[..op + 1]);
    let codes: Vec<&str> = p.diagnostics.iter().filter(|d| d.severity == Error).map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["missing-operation", "truncated-file"], "{}", p.report().render(false));
}

/// Parses `text` and fails if that takes longer than `limit` or panics.
fn timed(name: &str, text: &str, limit: Duration) -> Parsed {
    let start = Instant::now();
    let p = parse_str(name, text);
    let took = start.elapsed();
    eprintln!("{name}: {} bytes parsed in {took:?}", text.len());
    assert!(took < limit, "{name}: {took:?}");
    p
}

/// The vendored reference with its blocks repeated `copies` times. The preamble is written once:
/// repeated, it would land in the response of the block before it and add a warning per copy.
fn repeated(copies: usize) -> String {
    let text = vendored_text();
    let first = text.find("acceptGoodsQuote\nType:").expect("the first block");
    let mut blocks = text[first..].to_string();
    if !blocks.ends_with('\n') {
        blocks.push('\n');
    }
    format!("{}{}", &text[..first], blocks.repeat(copies))
}

/// Checks the diagnostics of `copies` concatenated copies: each copy repeats the ten warnings of
/// the vendored reference, and every block after the first copy is a duplicate.
fn check_repeated(p: &Parsed, copies: usize) {
    assert_eq!(p.reference.operations.len(), 326);
    assert_eq!(p.diagnostics.errors(), 0);
    let dups = p.diagnostics.iter().filter(|d| d.code == "duplicate-mutation").count();
    assert_eq!(dups, 326 * (copies - 1));
    assert_eq!(p.diagnostics.warnings(), 10 * copies + dups);
}

#[test]
fn large_file_of_ten_megabytes() {
    let copies = 26;
    let text = repeated(copies);
    assert!(text.len() > 10_000_000);
    let p = timed("10mb.txt", &text, Duration::from_secs(60));
    check_repeated(&p, copies);
}

/// About 8 s in a debug build on the project machine (16 s before the parser was sped up), under
/// the 20 s at which it would be moved behind `#[ignore]`; the ten-megabyte test above covers the
/// same ground quickly.
#[test]
fn huge_file_of_one_hundred_megabytes() {
    let copies = 256;
    let text = repeated(copies);
    assert!(text.len() > 100_000_000);
    let p = timed("100mb.txt", &text, Duration::from_secs(600));
    check_repeated(&p, copies);
}

#[test]
fn huge_file_of_random_lines() {
    // Lines drawn from the reference's own vocabulary in a scrambled order: headers, rows, braces
    // and names, so every section parser sees input it does not expect. A fixed seed keeps the
    // test deterministic.
    let pool: Vec<&str> = vendored_text().lines().collect();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut text = String::new();
    while text.len() < 8_000_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        text.push_str(pool[(seed % pool.len() as u64) as usize]);
        text.push('\n');
    }
    let p = timed("random.txt", &text, Duration::from_secs(60));
    // Whatever it makes of the lines, every diagnostic points into the file, on the line it names.
    let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    for d in p.diagnostics.iter() {
        assert!((d.span.offset + d.span.len) as usize <= text.len());
        assert_eq!(newlines.partition_point(|&i| i < d.span.offset as usize) as u32 + 1, d.span.line);
    }
    // Rendering must stay proportional to the diagnostics, not to the file times the diagnostics.
    let start = Instant::now();
    let rendered = p.report().render(krakengen::diag::RenderOptions::new().with_max_per_file(usize::MAX));
    let took = start.elapsed();
    eprintln!("rendered {} diagnostics in {took:?}", p.diagnostics.0.len());
    assert!(p.diagnostics.0.len() > 1000);
    assert!(took < Duration::from_secs(60), "{took:?}");
    // Each report is headed by `path:line:column`, in diagnostic order.
    let heads: Vec<&str> = rendered.lines().filter_map(|l| l.split_once("─[random.txt:")).map(|(_, h)| h.trim_end_matches(']')).collect();
    let want: Vec<String> = p.diagnostics.iter().map(|d| format!("{}:{}", d.span.line, d.span.column)).collect();
    assert_eq!(heads, want);
    // By default only the first diagnostics are rendered, and the rest counted.
    let capped = p.report().render(false);
    assert_eq!(capped.matches("─[random.txt:").count(), krakengen::diag::RenderOptions::DEFAULT_MAX_PER_FILE);
    let omitted = p.diagnostics.0.len() - krakengen::diag::RenderOptions::DEFAULT_MAX_PER_FILE;
    assert!(capped.contains(&format!("… and {omitted} more diagnostics of random.txt not shown (")), "{}", &capped[capped.len() - 500..]);
}

/// One valid block with `from` replaced by `to`.
fn block_with(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(fixture("standard/small.txt")).unwrap();
    let start = text.find("generatePreSignedToken\n").unwrap();
    let end = text.find("obtainKrakenToken\n").unwrap();
    let block = &text[start..end];
    assert!(block.contains(from), "{from}");
    block.replacen(from, to, 1)
}

#[test]
fn deeply_nested_operation() {
    let deep = format!("tokenExpiryDatetime\n{}\n{}", "{ a ".repeat(100_000), "}".repeat(100_000));
    let p = timed("deep.txt", &block_with("tokenExpiryDatetime", &deep), Duration::from_secs(20));
    let d: Vec<_> = p.diagnostics.iter().map(|d| (d.code.as_str(), d.span.line)).collect();
    assert_eq!(d, [("bad-operation", 50)]);
    assert!(p.diagnostics.0[0].message.contains("nests more than 32 levels"));
    let _ = p.report().render(false);
}

#[test]
fn deeply_nested_variables_and_response() {
    let deep = format!("\"scope\": {}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let p = timed("deep.txt", &block_with("\"scope\": \"SUBMIT_METER_READINGS\"\n}", &format!("{deep}\n}}")), Duration::from_secs(20));
    let d: Vec<_> = p.diagnostics.iter().map(|d| (d.code.as_str(), d.span.line, d.span.column)).collect();
    // The reading stops at the 129th level, with a warning there, and no type is made up from it.
    assert_eq!(d, [("bad-example", 56, 137)]);
    assert_eq!(p.reference.operations[0].arguments.len(), 3);

    let deep = format!("\"data\": {}", "{\"a\": ".repeat(100_000));
    let p = timed("deep.txt", &block_with("\"data\": {", &deep), Duration::from_secs(20));
    assert_eq!(p.diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["bad-example"]);
}

#[test]
fn deeply_nested_permissions_and_types() {
    let p = timed(
        "deep.txt",
        &block_with("Can generate pre signed tokens", &format!("{}A{}", "(".repeat(100_000), ")".repeat(100_000))),
        Duration::from_secs(20),
    );
    assert_eq!(p.diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["bad-permissions"]);
    let p = timed(
        "deep.txt",
        &block_with("Type: GeneratePreSignedToken", &format!("Type: {}X{}", "[".repeat(100_000), "]".repeat(100_000))),
        Duration::from_secs(20),
    );
    assert_eq!(p.diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["bad-type"]);
}

#[test]
fn extremely_long_lines() {
    // A 20 MB description line, a 5 MB error message, and a 5 MB complexity that is not a number.
    let long = "word ".repeat(4_000_000);
    let text = block_with("Generate a pre-signed token with a set expiry time.", &long)
        .replacen("Unauthorized.", &"x".repeat(5_000_000), 1)
        .replacen("Query Complexity: 1", &format!("Query Complexity: {}", "9".repeat(5_000_000)), 1);
    let p = timed("long.txt", &text, Duration::from_secs(30));
    let m = &p.reference.operations[0];
    assert_eq!(m.description.as_deref().map(str::len), Some(long.trim_end().len()));
    assert_eq!(m.errors[1].message.len(), 5_000_000);
    let d: Vec<_> = p.diagnostics.iter().map(|d| (d.code.as_str(), d.span.line, d.span.column, d.span.len)).collect();
    assert_eq!(d, [("bad-complexity", 5, 19, 5_000_000)]);
    let start = Instant::now();
    let rendered = p.report().render(false);
    assert!(start.elapsed() < Duration::from_secs(30), "{:?}", start.elapsed());
    assert!(rendered.contains("long.txt:5:19"));

    // A single 10 MB line with no newline at all.
    let p = timed("one-line.txt", &"a".repeat(10_000_000), Duration::from_secs(20));
    assert_eq!(p.diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["no-mutations"]);
}

/// Cutting a fixture after each of its lines, whatever the rendering, never panics; every block
/// that ends before the cut is read as in the whole file (only the last block can lose anything);
/// and what is reported is rendered.
#[test]
fn every_rendering_survives_truncation_at_every_line() {
    let facts = |m: &krakengen::model::Operation| {
        let errors: Vec<(String, String)> = m.errors.iter().map(|e| (e.code.clone(), e.message.clone())).collect();
        let arguments: Vec<(String, String)> = m.arguments.iter().map(|a| (a.name.clone(), a.ty.to_string())).collect();
        (m.span, m.return_type.to_string(), m.description.clone(), errors, arguments, m.permissions.clone(), m.rate_limits.clone())
    };
    for f in ["standard/small.txt", "compact/basic.txt", "rich/basic.txt", "crlf/basic.txt"] {
        let text = std::fs::read_to_string(fixture(f)).unwrap();
        let whole = parse_str(f, &text);
        for (i, _) in text.match_indices('\n') {
            let p = parse_str(f, &text[..i]);
            let last = p.reference.operations.iter().map(|m| m.span.offset).max();
            for m in p.reference.operations.iter().filter(|m| Some(m.span.offset) != last) {
                let full = whole.reference.operation(&m.name).unwrap_or_else(|| panic!("{f} cut at {i}: `{}` is not in the whole file", m.name));
                assert_eq!(facts(m), facts(full), "{f} cut at byte {i}: `{}`", m.name);
            }
            assert!(p.reference.operations.len() <= whole.reference.operations.len(), "{f} cut at byte {i}");
            assert_eq!(p.report().render(false).is_empty(), p.diagnostics.is_empty(), "{f} cut at byte {i}");
        }
    }
}

/// Whatever the input, the report stays bounded: for inputs of many shapes and sizes (up to 4 MB;
/// lines of the reference's own vocabulary, SDL definitions, JSON, junk, and lines of hundreds of
/// kilobytes), rendering the diagnostics of the input read as a reference and as a supplement prints
/// at most the default cap of reports per file, each within the line and message budgets. The inputs
/// come from a fixed seed, so every run checks the same ones.
#[test]
fn reports_stay_bounded_whatever_the_input() {
    // What one rendered report may take at most: a message of 400 characters wrapped over a few
    // lines, three snippet lines of 80 characters, a label, all of up to four bytes a character.
    const PER_REPORT: usize = 4_000;
    let bound = (krakengen::diag::RenderOptions::DEFAULT_MAX_PER_FILE + 1) * PER_REPORT + 2_000;
    let vocabulary: Vec<&str> = vendored_text().lines().take(4_000).collect();
    let sdl = std::fs::read_to_string(krakengen_tests::root().join("schema/oees/schema.graphql")).unwrap();
    let sdl_lines: Vec<&str> = sdl.lines().collect();
    let small = parse_rel(&fixture("supplement/reference.txt"));
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    // The most diagnostics one input gave on each side. The parser reads most stray lines as
    // descriptions, so a reference gives a few dozen at most here (`huge_file_of_random_lines`
    // checks the cap with thousands); the supplement side must have hit the cap.
    let (mut most_as_reference, mut most_as_supplement) = (0, 0);
    let names: Vec<&str> = vendored_parsed().reference.operations.iter().map(|m| m.name.as_str()).collect();
    for case in 0..24 {
        let size = [1_000, 20_000, 300_000, 2_000_000][case % 4];
        // A valid start for each reading, so that what follows is read rather than refused at once.
        let mut text = String::from("type Query { a: String }\n");
        text.push_str(&std::fs::read_to_string(fixture("standard/small.txt")).unwrap());
        while text.len() < size {
            match next() % 10 {
                0..=3 => text.push_str(vocabulary[(next() % vocabulary.len() as u64) as usize]),
                4..=5 => text.push_str(sdl_lines[(next() % sdl_lines.len() as u64) as usize]),
                6 => {
                    // A block start, so the parser reads what follows as sections of a mutation.
                    let name = names[(next() % names.len() as u64) as usize];
                    text.push_str(&format!("{name}\nType: {name}Output\n"));
                }
                7 => text.push_str(r#"{"kind":"OBJECT","name":"X","fields":[{"name":"a","type":{"kind":"SCALAR"}}]}"#),
                8 => {
                    let long = (next() % 200_000) as usize;
                    text.extend(std::iter::repeat_n("{}[]:!|=\"x1 ", long / 12));
                }
                _ => text.extend((0..(next() % 200)).map(|_| char::from(b' ' + (next() % 95) as u8))),
            }
            text.push(if next() % 5 == 0 { ' ' } else { '\n' });
        }
        let as_reference = parse_str("input.txt", &text);
        let rendered = as_reference.report().render(false);
        most_as_reference = most_as_reference.max(as_reference.diagnostics.0.len());
        assert!(rendered.len() <= bound, "case {case} ({} bytes) as a reference: {} bytes rendered", text.len(), rendered.len());
        let build = krakengen_tests::schema_with_text(&small, "input.graphql", text);
        most_as_supplement = most_as_supplement.max(build.diagnostics.0.len());
        let rendered = build.rendered();
        // The supplement's report may point into the reference too: two files, each capped.
        assert!(rendered.len() <= 2 * bound, "case {case} as a supplement: {} bytes rendered", rendered.len());
    }
    assert!(most_as_reference > 10, "{most_as_reference}");
    assert!(most_as_supplement > krakengen::types::supplement::MAX_PROBLEMS, "{most_as_supplement}");
}
