//! The other renderings of the reference (compact, rich, CRLF with a byte-order mark) must give the
//! same model as the standard rendering of the same blocks, apart from the differences the fixtures
//! README documents. Each test undoes exactly those documented differences, after asserting them,
//! and then compares the whole mutation, so any other difference fails.

use krakengen::model::{Operation, Provenance, Rendering, TypeRef};
use krakengen::parse::Parsed;
use krakengen_tests::{fixture, mutation, parse_rel, span_text, vendored_parsed, without_spans};

fn standard() -> Parsed {
    let p = parse_rel(&fixture("standard/small.txt"));
    assert_eq!(p.reference.files[0].rendering, Rendering::Standard);
    assert!(p.diagnostics.is_empty(), "{}", p.report().render(false));
    p
}

fn names(p: &Parsed) -> Vec<&str> {
    p.reference.operations.iter().map(|m| m.name.as_str()).collect()
}

/// Compares two mutations fact by fact, so a failure names the fact that differs.
fn assert_same(want: &Operation, got: &Operation) {
    let (w, g) = (without_spans(want), without_spans(got));
    let name = &w.name;
    assert_eq!(w.return_type, g.return_type, "{name}: return type");
    assert_eq!(w.return_type_provenance, g.return_type_provenance, "{name}: return type provenance");
    assert_eq!(w.url, g.url, "{name}: url");
    assert_eq!(w.description, g.description, "{name}: description");
    assert_eq!(w.complexity, g.complexity, "{name}: complexity");
    assert_eq!(w.errors, g.errors, "{name}: errors");
    assert_eq!(w.permissions, g.permissions, "{name}: permissions");
    assert_eq!(w.rate_limits, g.rate_limits, "{name}: rate limits");
    assert_eq!(w.deprecation, g.deprecation, "{name}: deprecation");
    assert_eq!(w.arguments, g.arguments, "{name}: arguments");
    assert_eq!(w.fields.len(), g.fields.len(), "{name}: fields {:?}", g.fields);
    for (wf, gf) in w.fields.iter().zip(&g.fields) {
        assert_eq!(wf, gf, "{name}.{}", wf.name);
    }
    assert_eq!(w.union_members, g.union_members, "{name}: union members");
    assert_eq!(w.example, g.example, "{name}: example");
    assert_eq!(w, g);
}

#[test]
fn compact_rendering_matches_standard() {
    let std = standard();
    let p = parse_rel(&fixture("compact/basic.txt"));
    assert_eq!(p.reference.files[0].rendering, Rendering::Compact, "detected without flags");
    assert_eq!(names(&p), names(&std));
    assert_eq!(p.diagnostics.errors(), 0, "{}", p.report().render(false));
    // The only warning: `acceptGoodsQuote` has no `Type:` line.
    let diags: Vec<_> = p.diagnostics.iter().map(|d| (d.code.as_str(), d.span.line, d.span.column)).collect();
    assert_eq!(diags, [("missing-type", 6, 1)]);

    for want in &std.reference.operations {
        let mut got = mutation(&p, &want.name).clone();
        // Documented: compact has no `Query Complexity` line.
        assert_eq!(got.complexity, None, "{}", got.name);
        got.complexity = want.complexity;
        if got.name == "acceptGoodsQuote" {
            // Documented: no `Type:` line, so the type comes from the naming convention.
            assert_eq!(got.return_type, TypeRef::Named("AcceptGoodsQuote".into()));
            assert_eq!(got.return_type_provenance, Provenance::Inferred);
            got.return_type_provenance = want.return_type_provenance;
        }
        if got.name == "obtainKrakenToken" {
            // Documented: the operation selects `possibleErrors { ...ErrorTypeFragment }` and the
            // response shows `[ErrorType]`, so the field is selected and typed from the example.
            let pe = got.fields.iter_mut().find(|f| f.name == "possibleErrors").expect("possibleErrors");
            assert!(pe.selected);
            assert_eq!(pe.ty, Some(TypeRef::List(Box::new(TypeRef::Named("ErrorType".into())))));
            assert_eq!(pe.provenance, Some(Provenance::Inferred));
            assert!(pe.deprecation.is_some(), "the row still marks it deprecated");
            let wpe = want.fields.iter().find(|f| f.name == "possibleErrors").expect("possibleErrors");
            (pe.selected, pe.ty, pe.provenance, pe.selection) = (wpe.selected, wpe.ty.clone(), wpe.provenance, wpe.selection.clone());
            got.example = want.example.clone();
        }
        assert_same(want, &got);
    }
}

#[test]
fn rich_rendering_matches_standard_and_declares_types() {
    let std = standard();
    let p = parse_rel(&fixture("rich/basic.txt"));
    assert_eq!(p.reference.files[0].rendering, Rendering::Rich, "detected without flags");
    assert_eq!(names(&p), names(&std));
    assert!(p.diagnostics.is_empty(), "{}", p.report().render(false));
    let text = &p.sources[0];

    for want in &std.reference.operations {
        let mut got = mutation(&p, &want.name).clone();
        for (wf, gf) in want.fields.iter().zip(got.fields.iter_mut()) {
            assert_eq!(wf.name, gf.name);
            // Every row states its type: it is declared, and it is the row's text exactly.
            let ty = gf.ty.clone().unwrap_or_else(|| panic!("{}.{} has a declared type", want.name, gf.name));
            assert_eq!(gf.provenance, Some(Provenance::Declared), "{}.{}", want.name, gf.name);
            let row = format!("\n{} ({ty})\n", gf.name);
            assert!(text.contains(&row), "{row:?} is a row of the fixture");
            // Where the standard rendering lets the parser infer a type, the declared one agrees
            // with it up to nullability, which only a declaration can tell.
            if let Some(inferred) = &wf.ty {
                assert_eq!(wf.provenance, Some(Provenance::Inferred));
                assert_eq!(ty.nullable(), inferred, "{}.{}", want.name, gf.name);
            }
            (gf.ty, gf.provenance) = (wf.ty.clone(), wf.provenance);
            // Documented: the field's own Deprecated block carries dates the standard row lacks.
            if let (Some(gd), Some(wd)) = (gf.deprecation.as_mut(), wf.deprecation.as_ref()) {
                assert_eq!((gd.marked.as_deref(), gd.removal.as_deref()), (Some("2024-05-10"), Some("2025-01-01")));
                assert_eq!((wd.marked.as_deref(), wd.removal.as_deref()), (None, None));
                (gd.marked, gd.removal) = (None, None);
            }
        }
        if got.name == "deauthenticateDevice" {
            // Documented: the example variables are `{}`.
            assert_eq!(got.example.variables, "{}");
            got.example.variables = want.example.variables.clone();
        }
        assert_same(want, &got);
    }

    // Nullability comes from the declaration: the standard rendering cannot tell these.
    let okt = mutation(&p, "obtainKrakenToken");
    let ty = |n: &str| okt.fields.iter().find(|f| f.name == n).and_then(|f| f.ty.clone()).map(|t| t.to_string());
    assert_eq!(ty("token").as_deref(), Some("String!"));
    assert_eq!(ty("payload").as_deref(), Some("GenericScalar!"));
    assert_eq!(ty("refreshToken").as_deref(), Some("String"));
}

#[test]
fn rich_declared_types_win_over_inference() {
    // `refreshExpiresIn` is 49 in the example response, which alone would say `Int`; the row's
    // declaration says otherwise and must win, nullability included.
    let text = std::fs::read_to_string(fixture("rich/basic.txt")).unwrap();
    assert!(text.contains("refreshExpiresIn (Int)"));
    let text = text.replace("refreshExpiresIn (Int)", "refreshExpiresIn (Float!)");
    let p = krakengen::parse::parse_str("rich.txt", &text);
    let f = mutation(&p, "obtainKrakenToken").fields.iter().find(|f| f.name == "refreshExpiresIn").unwrap();
    assert_eq!((f.ty.as_ref().map(|t| t.to_string()), f.provenance), (Some("Float!".into()), Some(Provenance::Declared)));
}

#[test]
fn crlf_with_bom_matches_the_vendored_blocks() {
    let p = parse_rel(&fixture("crlf/basic.txt"));
    let raw = std::fs::read(fixture("crlf/basic.txt")).unwrap();
    assert!(raw.starts_with(b"\xef\xbb\xbfcancelEnrollment\r\n"), "the fixture has a BOM and CRLF endings");
    assert_eq!(p.reference.files[0].rendering, Rendering::Standard, "detected without flags");
    assert!(p.diagnostics.is_empty(), "{}", p.report().render(false));
    let vendored = vendored_parsed();
    assert_eq!(names(&p), ["cancelEnrollment", "createAccountReminder"]);
    for got in &p.reference.operations {
        let want = mutation(vendored, &got.name);
        assert_same(want, got);
        // Positions count the BOM and the `\r`s: every span still covers the same text, and
        // lines and columns are those of the file.
        assert_eq!(span_text(&p, got.span), got.name);
        for (g, w) in got.errors.iter().zip(&want.errors) {
            assert_eq!(span_text(&p, g.span), g.code);
            assert_eq!((g.span.column, g.span.len), (w.span.column, w.span.len));
        }
    }
    let first = &p.reference.operations[0];
    assert_eq!((first.span.line, first.span.column, first.span.offset), (1, 1, 3));
    let second = &p.reference.operations[1];
    let line = p.sources[0][..second.span.offset as usize].matches('\n').count() as u32 + 1;
    assert_eq!(second.span.line, line);
}

#[test]
fn crlf_and_bom_do_not_change_diagnostics_positions() {
    // A standard fixture with a problem, converted to CRLF with a BOM: the same diagnostic, on the
    // same line and column.
    let lf = std::fs::read_to_string(fixture("malformed/bad_complexity.txt")).unwrap();
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    let a = krakengen::parse::parse_str("lf.txt", &lf);
    let b = krakengen::parse::parse_str("crlf.txt", &crlf);
    let pos = |p: &Parsed| p.diagnostics.iter().map(|d| (d.code.clone(), d.span.line, d.span.column, d.span.len)).collect::<Vec<_>>();
    assert_eq!(pos(&a), pos(&b));
    assert_eq!(pos(&a), [("bad-complexity".to_string(), 5, 19, 4)]);
    let rendered = b.report().render(false);
    assert!(rendered.contains("crlf.txt:5:19"), "{rendered}");
}

/// Every rendering of the vendored reference's model, as a converter would write it, parses back to
/// the same facts for all its mutations: the generality check behind "recognised by structure".
/// Typed renderings (plain page, markdown) also declare every row's type, which must come back as
/// declared.
mod round_trip {
    use krakengen::model::{Operation, Provenance, Reference, Rendering};
    use krakengen_tests::render::{crlf_bom, page, row_type, Style};
    use krakengen_tests::{vendored_parsed, without_spans};

    /// The facts of a mutation a rendering carries, spans left out; typed renderings' field types are
    /// compared on their own.
    fn facts(m: &Operation) -> Operation {
        let mut m = without_spans(m);
        for f in &mut m.fields {
            f.ty = None;
            f.provenance = None;
        }
        m
    }

    fn check(style: Style, text: &str, want: &Reference) {
        let parsed = krakengen::parse::parse_str(&format!("{style:?}.txt"), text);
        assert_eq!(parsed.diagnostics.errors(), 0, "{style:?}:\n{}", parsed.report().render(false));
        let detected = match style {
            Style::Standard => Rendering::Standard,
            Style::Compact => Rendering::Compact,
            Style::Plain => Rendering::Rich,
            Style::Markdown | Style::MarkdownBare => Rendering::Markdown,
        };
        assert_eq!(parsed.reference.files[0].rendering, detected, "{style:?}: detected rendering");
        let got = &parsed.reference;
        assert_eq!(got.operations.len(), want.operations.len(), "{style:?}: mutations");
        for (w, g) in want.operations.iter().zip(&got.operations) {
            let (fw, fg) = (facts(w), facts(g));
            assert_eq!(fw.name, fg.name, "{style:?}");
            for (a, b) in fw.fields.iter().zip(&fg.fields) {
                assert_eq!(a, b, "{style:?}: {}.{}", w.name, a.name);
            }
            assert_eq!(fw, fg, "{style:?}: {}", w.name);
            for (wf, gf) in w.fields.iter().zip(&g.fields) {
                if style.typed() {
                    assert_eq!(gf.ty.as_ref(), Some(&row_type(wf)), "{style:?}: {}.{} type", w.name, wf.name);
                    assert_eq!(gf.provenance, Some(Provenance::Declared), "{style:?}: {}.{}", w.name, wf.name);
                } else {
                    assert_eq!((&gf.ty, gf.provenance), (&wf.ty, wf.provenance), "{style:?}: {}.{} type", w.name, wf.name);
                }
            }
        }
    }

    #[test]
    fn every_rendering_gives_back_the_facts_of_all_326_mutations() {
        let want = &vendored_parsed().reference;
        assert_eq!(want.operations.len(), 326);
        for style in Style::ALL {
            let text = page(want, style);
            check(style, &text, want);
            check(style, &crlf_bom(&text), want);
        }
    }

    /// A small deterministic generator (xorshift64*), so a failure names the seed that reproduces it.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        fn chance(&mut self, one_in: u64) -> bool {
            self.next() % one_in == 0
        }
    }

    /// `text` with its whitespace perturbed as converters do: blank lines between lines (up to three),
    /// indentation by spaces or tabs, trailing spaces.
    fn perturb(text: &str, seed: u64) -> String {
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let mut out = String::with_capacity(text.len() * 2);
        for line in text.split_inclusive('\n') {
            let (body, end) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
            if rng.chance(4) {
                for _ in 0..=rng.next() % 3 {
                    out.push_str(if rng.chance(2) { "\n" } else { "   \n" });
                }
            }
            if rng.chance(5) {
                out.push_str(["  ", "\t", "    ", " \t "][(rng.next() % 4) as usize]);
            }
            out.push_str(body);
            if rng.chance(6) {
                out.push_str("  ");
            }
            out.push_str(end);
        }
        out
    }

    #[test]
    fn perturbed_whitespace_gives_back_the_same_facts() {
        let want = &vendored_parsed().reference;
        for style in Style::ALL {
            let text = page(want, style);
            for seed in 1..=3 {
                let perturbed = perturb(&text, seed + style as u64 * 100);
                assert_ne!(perturbed, text);
                check(style, &perturbed, want);
            }
        }
    }
}

/// The markdown exports, with and without leading pipes, declare the types of their rows, and the
/// SDL carries them: the facts the standard page never states.
#[test]
fn markdown_rows_declare_types_that_reach_the_sdl() {
    let std = standard();
    for name in ["markdown/basic.txt", "markdown/bare.txt"] {
        let p = parse_rel(&fixture(name));
        assert_eq!(p.reference.files[0].rendering, Rendering::Markdown, "{name}");
        assert_eq!(names(&p), names(&std), "{name}");
        let sdl = krakengen_tests::schema(&p).output.expect("builds").sdl;
        for declared in ["tokenExpiryDatetime: DateTime!", "refreshExpiresIn: Int!", "possibleErrors: [PossibleErrorType]"] {
            assert!(sdl.contains(declared), "{name}: the SDL lacks `{declared}`:\n{sdl}");
        }
        // Descriptions survive the cells, `<br>` included.
        let okt = mutation(&p, "obtainKrakenToken");
        assert_eq!(okt.fields.iter().find(|f| f.name == "refreshExpiresIn").and_then(|f| f.description.as_deref()),
            Some("A Unix timestamp representing the point in time at which the refresh token will expire."));
    }
    let clean = parse_rel(&fixture("markdown/basic.txt"));
    assert!(clean.diagnostics.is_empty(), "{}", clean.report().render(false));
}

/// A row whose type contradicts the operation's variable gets one warning on that row and keeps the
/// operation's type; a row naming an argument the operation does not pass is reported once with its
/// line and column, and the rest of the block is kept.
#[test]
fn contradicting_and_unplaceable_rows_are_reported_on_their_lines() {
    let p = parse_rel(&fixture("markdown/bare.txt"));
    let found: Vec<_> = p.diagnostics.iter().map(|d| (d.code.as_str(), span_text(&p, d.span), d.span.line, d.span.column)).collect();
    assert_eq!(found, [("type-conflict", "input", 22, 1), ("unmatched-rows", "validFrom", 115, 1)]);
    let agq = mutation(&p, "acceptGoodsQuote");
    assert_eq!(agq.arguments[0].ty.to_string(), "AcceptGoodsQuoteInput!");
    assert_eq!(agq.arguments[0].description.as_deref(), Some("Input fields for accepting a quote."));
    let gpt = mutation(&p, "generatePreSignedToken");
    let args: Vec<_> = gpt.arguments.iter().map(|a| (a.name.as_str(), a.description.is_some())).collect();
    assert_eq!(args, [("email", false), ("numberOfDaysAllowed", true), ("scope", true)]);
    insta::assert_snapshot!("markdown_row_diagnostics", p.report().render(false));
}
