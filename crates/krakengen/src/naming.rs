//! Mapping GraphQL names to Rust identifiers.
//!
//! This is the only place in krakengen that decides how a name from a GraphQL reference (a type, a
//! field, an enum value, an error code such as `KT-CT-8201`) is spelled in generated Rust. Keeping
//! that decision in one module means every generator stage agrees on the same spelling, and the
//! guarantee "whatever comes in, a valid identifier comes out" only has to be tested once.
//!
//! The rules, applied in this order by [`sanitize`], are:
//!
//! 1. Every character that is not an ASCII letter, ASCII digit or `_` is replaced by `_`. Nothing is
//!    transliterated: `café` becomes `caf`, and an emoji simply vanishes. The replacement acts as a
//!    word boundary, so `KT-CT-8201` still splits into the words `KT`, `CT` and `8201`.
//! 2. The words are re-joined in the requested [`Case`] by [`heck`]. Leading, trailing and repeated
//!    underscores disappear here, which is why `__typename` becomes `typename`.
//! 3. If nothing is left, the fallback word `unnamed` (in the requested case) is used, because Rust
//!    has no empty identifier.
//! 4. If the result starts with a digit, it is prefixed with `_`, because an identifier cannot start
//!    with a digit (`1stLine` becomes `_1st_line`, `_1stLine` or `_1ST_LINE`).
//! 5. If the result is a keyword, it is escaped: as a raw identifier (`r#type`) where Rust allows it,
//!    and with a trailing underscore (`self_`, `Self_`, `crate_`, `super_`) for the four keywords
//!    that cannot be raw identifiers.
//!
//! Two different GraphQL names may end up with the same Rust spelling (`fooBar` and `foo_bar` are
//! both `foo_bar`). [`NameTable`] and [`unique_names`] resolve such collisions deterministically.

use std::collections::HashSet;

use heck::{ToPascalCase, ToShoutySnakeCase, ToSnakeCase};
use proc_macro2::{Ident, Span};

/// The Rust naming convention an identifier should follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Case {
    /// `snake_case`, for fields, functions and modules.
    Snake,
    /// `PascalCase`, for types and enum variants.
    Pascal,
    /// `SCREAMING_SNAKE_CASE`, for constants and statics.
    ScreamingSnake,
}

impl Case {
    /// Re-joins the words of `s` in this case.
    fn convert(self, s: &str) -> String {
        match self {
            Case::Snake => s.to_snake_case(),
            Case::Pascal => s.to_pascal_case(),
            Case::ScreamingSnake => s.to_shouty_snake_case(),
        }
    }

    /// Appends a disambiguating number to an identifier stem.
    ///
    /// Pascal case gets no separator, because `FooBar_2` would trip rustc's `non_camel_case_types`
    /// lint in the generated code; the snake cases use `_` so the number reads as its own word.
    fn with_suffix(self, stem: &str, n: usize) -> String {
        match self {
            Case::Pascal => format!("{stem}{n}"),
            Case::Snake | Case::ScreamingSnake => format!("{stem}_{n}"),
        }
    }
}

/// The word used when a name has no usable characters at all.
///
/// It is a real word rather than something like `_x` so that a generated `unnamed` field stands
/// out to a reader as a placeholder, not as a typo.
const FALLBACK: &str = "unnamed";

/// Every strict and reserved keyword of the 2015, 2018, 2021 and 2024 editions.
///
/// Generated code may be compiled under any edition, so a word reserved in any of them is treated
/// as a keyword. Weak keywords such as `union` or `macro_rules` are left out on purpose: they are
/// ordinary identifiers everywhere they can appear in generated code.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that Rust refuses as raw identifiers (`r#self` is an error), so they are escaped with a
/// trailing underscore instead.
const NOT_RAW: &[&str] = &["self", "Self", "crate", "super"];

/// Returns whether `s` is a strict or reserved Rust keyword in any edition up to 2024.
///
/// `_` is not counted: it is a punctuation token rather than a keyword, and [`sanitize`] never
/// produces it anyway.
#[must_use]
pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

/// Turns an arbitrary GraphQL name into a valid Rust identifier in the given case.
///
/// The result always consists of ASCII letters, digits and `_`, is never empty, never starts with a
/// digit, and is never a bare keyword: keywords come back as raw identifiers such as `r#type`, or,
/// for `self`, `Self`, `crate` and `super`, with a trailing underscore. The result can be passed to
/// [`to_ident`]. See the module documentation for the exact rules.
///
/// This function never panics, whatever the input.
#[must_use]
pub fn sanitize(name: &str, case: Case) -> String {
    escape_keyword(stem(name, case))
}

/// Builds a [`proc_macro2::Ident`] from the output of [`sanitize`] or [`NameTable::insert`].
///
/// A leading `r#` produces a raw identifier. The span is [`Span::call_site`], which is what code
/// generators that print tokens to a file want.
///
/// # Panics
///
/// Panics if `s` is not a valid identifier as produced by this module (for example a bare keyword,
/// which `proc_macro2` would otherwise accept and turn into code that does not compile). Passing an
/// unsanitized name is a bug in the generator, and failing loudly here is much easier to trace than
/// a compile error in generated code.
#[must_use]
pub fn to_ident(s: &str) -> Ident {
    assert!(
        is_sanitized(s),
        "naming::to_ident called with {s:?}, which is not an identifier produced by naming::sanitize"
    );
    match s.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(s, Span::call_site()),
    }
}

/// Sanitises names one after another and keeps them distinct.
///
/// Each scope of generated code that needs unique names (the fields of one struct, the variants of
/// one enum) should own one table. The first name that maps to a given identifier keeps it; later
/// ones get the smallest numeric suffix, starting at 2, that is not taken yet (`foo_bar`,
/// `foo_bar_2`, `foo_bar_3`; `FooBar`, `FooBar2` in Pascal case). The outcome depends only on the
/// order of the calls, so generation is reproducible.
///
/// Identifiers are compared without their `r#` prefix, because Rust treats `r#type` and `type` as
/// the same name.
#[derive(Debug, Clone)]
pub struct NameTable {
    case: Case,
    used: HashSet<String>,
}

impl NameTable {
    /// Creates an empty table producing names in `case`.
    #[must_use]
    pub fn new(case: Case) -> Self {
        Self {
            case,
            used: HashSet::new(),
        }
    }

    /// The case this table produces names in.
    #[must_use]
    pub fn case(&self) -> Case {
        self.case
    }

    /// Marks an identifier as taken without sanitising it, so that later names avoid it.
    ///
    /// This is for names the generator adds itself (a hand-written helper field, say). Returns
    /// `false` if the identifier was already taken.
    pub fn reserve(&mut self, ident: &str) -> bool {
        self.used.insert(unraw(ident).to_owned())
    }

    /// Returns whether an identifier is already taken in this table.
    #[must_use]
    pub fn contains(&self, ident: &str) -> bool {
        self.used.contains(unraw(ident))
    }

    /// Sanitises `name` and returns an identifier not yet taken in this table, taking it.
    pub fn insert(&mut self, name: &str) -> String {
        let case = self.case;
        let stem = stem(name, case);
        let first = escape_keyword(stem.clone());
        if self.reserve(&first) {
            return first;
        }
        // The suffix is added to the stem rather than to the escaped form, so a second `type`
        // becomes `type_2` and not `r#type_2`. A stem with a suffix ends in a digit and so can
        // never be a keyword; escaping it again is only a safety net. The loop ends because the
        // table holds finitely many names and every suffix gives a different candidate.
        let mut n = 2;
        loop {
            let candidate = escape_keyword(case.with_suffix(&stem, n));
            if self.reserve(&candidate) {
                return candidate;
            }
            n += 1;
        }
    }
}

/// Sanitises `names` in order into distinct identifiers, as a fresh [`NameTable`] would.
#[must_use]
pub fn unique_names(names: &[&str], case: Case) -> Vec<String> {
    let mut table = NameTable::new(case);
    names.iter().map(|name| table.insert(name)).collect()
}

/// Applies rules 1 to 4 of the module documentation: everything except keyword escaping.
///
/// The stem is kept separate from the escaped form so that [`NameTable`] can add suffixes to it.
fn stem(name: &str, case: Case) -> String {
    // Working on ASCII only before heck sees the text means heck's Unicode case mapping (where one
    // character can lower-case into several) can never leak non-ASCII characters into the output.
    let ascii: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let mut out = case.convert(&ascii);
    if out.is_empty() {
        out = case.convert(FALLBACK);
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    out
}

/// Applies rule 5 of the module documentation: escapes `s` if it is a keyword.
fn escape_keyword(s: String) -> String {
    if NOT_RAW.contains(&s.as_str()) {
        s + "_"
    } else if is_keyword(&s) {
        format!("r#{s}")
    } else {
        s
    }
}

/// Strips a leading `r#`, giving the name Rust uses to compare identifiers.
fn unraw(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

/// Returns whether `s` has the shape of a [`sanitize`] result: a non-keyword ASCII identifier, or
/// `r#` followed by a keyword that may be raw.
fn is_sanitized(s: &str) -> bool {
    let (body, raw) = match s.strip_prefix("r#") {
        Some(body) => (body, true),
        None => (s, false),
    };
    let well_formed = body.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && body.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && body != "_";
    let keyword_ok = if raw {
        is_keyword(body) && !NOT_RAW.contains(&body)
    } else {
        !is_keyword(body)
    };
    well_formed && keyword_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL_CASES: [Case; 3] = [Case::Snake, Case::Pascal, Case::ScreamingSnake];

    #[test]
    fn examples_from_the_reference_keep_their_structure() {
        assert_eq!(sanitize("KT-CT-8201", Case::Pascal), "KtCt8201");
        assert_eq!(sanitize("KT-CT-8201", Case::Snake), "kt_ct_8201");
        assert_eq!(sanitize("KT-CT-8201", Case::ScreamingSnake), "KT_CT_8201");
        assert_eq!(sanitize("possibleErrors", Case::Snake), "possible_errors");
        assert_eq!(sanitize("possibleErrors", Case::Pascal), "PossibleErrors");
        assert_eq!(
            sanitize("SUBMIT_METER_READINGS", Case::Pascal),
            "SubmitMeterReadings"
        );
        assert_eq!(
            sanitize("submitMeterReadings", Case::ScreamingSnake),
            "SUBMIT_METER_READINGS"
        );
        assert_eq!(sanitize("__typename", Case::Snake), "typename");
        assert_eq!(sanitize("__typename", Case::Pascal), "Typename");
        assert_eq!(sanitize("ID", Case::Pascal), "Id");
        assert_eq!(sanitize("ID", Case::Snake), "id");
        assert_eq!(sanitize("HTTPServer", Case::Snake), "http_server");
    }

    #[test]
    fn raw_capable_keywords_become_raw_identifiers() {
        for kw in [
            "type", "match", "async", "where", "gen", "try", "fn", "loop", "yield", "await",
        ] {
            assert_eq!(sanitize(kw, Case::Snake), format!("r#{kw}"), "{kw}");
        }
        // Case conversion happens first, so a GraphQL `Type` is a keyword once in snake case.
        assert_eq!(sanitize("Type", Case::Snake), "r#type");
        assert_eq!(sanitize("MATCH", Case::Snake), "r#match");
    }

    #[test]
    fn keywords_that_cannot_be_raw_get_a_trailing_underscore() {
        assert_eq!(sanitize("self", Case::Snake), "self_");
        assert_eq!(sanitize("crate", Case::Snake), "crate_");
        assert_eq!(sanitize("super", Case::Snake), "super_");
        assert_eq!(sanitize("Self", Case::Snake), "self_");
        assert_eq!(sanitize("Self", Case::Pascal), "Self_");
        assert_eq!(sanitize("self", Case::Pascal), "Self_");
    }

    #[test]
    fn keywords_are_only_keywords_in_the_case_they_are_spelled_in() {
        assert_eq!(sanitize("type", Case::Pascal), "Type");
        assert_eq!(sanitize("match", Case::ScreamingSnake), "MATCH");
        assert_eq!(sanitize("self", Case::ScreamingSnake), "SELF");
        assert_eq!(sanitize("union", Case::Snake), "union");
    }

    #[test]
    fn is_keyword_covers_every_edition() {
        for kw in [
            "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
            "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match",
            "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct",
            "super", "trait", "true", "type", "unsafe", "use", "where", "while", "abstract",
            "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized",
            "virtual", "yield", "try",
        ] {
            assert!(is_keyword(kw), "{kw}");
        }
        for not_kw in [
            "Type",
            "union",
            "macro_rules",
            "r#type",
            "self_",
            "",
            "_",
            "typename",
        ] {
            assert!(!is_keyword(not_kw), "{not_kw}");
        }
    }

    #[test]
    fn leading_digits_get_an_underscore_prefix() {
        assert_eq!(sanitize("1stLine", Case::Snake), "_1st_line");
        assert_eq!(sanitize("1stLine", Case::Pascal), "_1stLine");
        assert_eq!(sanitize("1stLine", Case::ScreamingSnake), "_1ST_LINE");
        assert_eq!(sanitize("8201", Case::Pascal), "_8201");
        assert_eq!(sanitize("-42", Case::Snake), "_42");
        // A digit that is not leading needs no prefix.
        assert_eq!(sanitize("v2Api", Case::Snake), "v2_api");
    }

    #[test]
    fn non_ascii_characters_are_replaced_without_panicking() {
        assert_eq!(sanitize("café", Case::Snake), "caf");
        assert_eq!(sanitize("naïveValue", Case::Snake), "na_ve_value");
        assert_eq!(sanitize("🦀crab", Case::Pascal), "Crab");
        assert_eq!(sanitize("meter🔌Reading", Case::Snake), "meter_reading");
        // Characters whose lower case is longer than themselves must not leak through heck.
        assert_eq!(sanitize("İstanbul", Case::Snake), "stanbul");
        assert_eq!(sanitize("ǅemal", Case::Pascal), "Emal");
    }

    #[test]
    fn empty_and_all_invalid_input_fall_back_to_unnamed() {
        for input in ["", "_", "___", "🦀", "é", "-", "  ", "\u{200d}", "\0"] {
            assert_eq!(sanitize(input, Case::Snake), "unnamed", "{input:?}");
            assert_eq!(sanitize(input, Case::Pascal), "Unnamed", "{input:?}");
            assert_eq!(
                sanitize(input, Case::ScreamingSnake),
                "UNNAMED",
                "{input:?}"
            );
        }
    }

    #[test]
    fn sanitize_is_idempotent_for_non_keywords() {
        for input in [
            "KT-CT-8201",
            "possibleErrors",
            "1stLine",
            "café",
            "",
            "__typename",
        ] {
            for case in ALL_CASES {
                let once = sanitize(input, case);
                assert_eq!(sanitize(&once, case), once, "{input:?} in {case:?}");
            }
        }
    }

    #[test]
    fn collisions_get_numeric_suffixes_in_order() {
        assert_eq!(
            unique_names(&["fooBar", "foo_bar", "FooBar", "foo-bar"], Case::Snake),
            ["foo_bar", "foo_bar_2", "foo_bar_3", "foo_bar_4"]
        );
        assert_eq!(
            unique_names(&["fooBar", "foo_bar"], Case::Pascal),
            ["FooBar", "FooBar2"]
        );
        assert_eq!(
            unique_names(&["fooBar", "foo_bar"], Case::ScreamingSnake),
            ["FOO_BAR", "FOO_BAR_2"]
        );
    }

    #[test]
    fn suffixes_never_collide_with_existing_names() {
        // The literal `foo_bar_2` is taken before the collision has to pick a suffix.
        assert_eq!(
            unique_names(&["foo_bar", "foo_bar_2", "fooBar"], Case::Snake),
            ["foo_bar", "foo_bar_2", "foo_bar_3"]
        );
        // Here the suffixed name is taken first, so the later literal has to move instead.
        assert_eq!(
            unique_names(&["foo_bar", "fooBar", "foo_bar_2"], Case::Snake),
            ["foo_bar", "foo_bar_2", "foo_bar_2_2"]
        );
        assert_eq!(
            unique_names(&["FooBar", "foo_bar", "FooBar2"], Case::Pascal),
            ["FooBar", "FooBar2", "FooBar22"]
        );
    }

    #[test]
    fn collisions_of_keywords_and_fallbacks_stay_valid() {
        assert_eq!(
            unique_names(&["type", "Type", "TYPE"], Case::Snake),
            ["r#type", "type_2", "type_3"]
        );
        assert_eq!(
            unique_names(&["self", "Self"], Case::Snake),
            ["self_", "self_2"]
        );
        assert_eq!(
            unique_names(&["", "🦀", "unnamed"], Case::Snake),
            ["unnamed", "unnamed_2", "unnamed_3"]
        );
        assert_eq!(unique_names(&["1", "_1"], Case::Pascal), ["_1", "_12"]);
    }

    #[test]
    fn name_table_compares_without_raw_prefix_and_honours_reservations() {
        let mut table = NameTable::new(Case::Snake);
        assert_eq!(table.case(), Case::Snake);
        assert!(table.reserve("type"));
        assert!(table.contains("r#type"));
        assert_eq!(table.insert("type"), "type_2");
        assert!(table.reserve("extra"));
        assert!(!table.reserve("extra"));
        assert_eq!(table.insert("extra"), "extra_2");
    }

    #[test]
    fn unique_names_is_deterministic() {
        let names = ["a", "A", "a_", "_a", "a-", "b", "B", "type", "Type"];
        let first = unique_names(&names, Case::Snake);
        for _ in 0..10 {
            assert_eq!(unique_names(&names, Case::Snake), first);
        }
        let distinct: HashSet<_> = first.iter().map(|s| unraw(s)).collect();
        assert_eq!(distinct.len(), names.len());
    }

    #[test]
    fn to_ident_builds_plain_and_raw_identifiers() {
        let plain = to_ident("possible_errors");
        assert_eq!(plain.to_string(), "possible_errors");
        let raw = to_ident("r#type");
        assert_eq!(raw.to_string(), "r#type");
        assert_eq!(raw, "r#type");
        assert_eq!(to_ident("self_").to_string(), "self_");
    }

    #[test]
    #[should_panic(expected = "not an identifier produced by naming::sanitize")]
    fn to_ident_rejects_bare_keywords() {
        let _ = to_ident("type");
    }

    #[test]
    #[should_panic(expected = "not an identifier produced by naming::sanitize")]
    fn to_ident_rejects_raw_self() {
        let _ = to_ident("r#self");
    }

    #[test]
    #[should_panic(expected = "not an identifier produced by naming::sanitize")]
    fn to_ident_rejects_unsanitized_text() {
        let _ = to_ident("KT-CT-8201");
    }

    /// Inputs chosen to break naive sanitisers: keywords in every spelling, digits, punctuation,
    /// Unicode of all kinds, control characters and text that already looks like Rust syntax.
    fn hostile_inputs() -> Vec<String> {
        let mut inputs: Vec<String> = [
            "",
            "_",
            "__",
            "___",
            "r#",
            "r#type",
            "r#self",
            "#",
            "$",
            "'static",
            "::",
            "foo::bar",
            "a.b",
            "a b c",
            "\n",
            "\t",
            "\0",
            "\u{200d}",
            "\u{feff}",
            "\u{202e}abc",
            "1",
            "123",
            "1stLine",
            "0x1F",
            "-1",
            "1e10",
            "KT-CT-8201",
            "__typename",
            "ID",
            "🦀",
            "🦀crab",
            "👨‍👩‍👧‍👦",
            "café",
            "Ünïcödé",
            "İstanbul",
            "ǅ",
            "ß",
            "ﬁ",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "日本語",
            "مرحبا",
            "a\u{301}",
            "Ⅻ",
            "١٢٣",
            "_1",
            "__1__",
            "union",
            "macro_rules",
            "r#raw",
            "Self_",
            "self_",
            "r#_",
            "unnamed",
            "None",
            "Some",
            "Ok",
            "Err",
            "Option",
            "String",
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        inputs.extend(KEYWORDS.iter().map(ToString::to_string));
        inputs.extend(KEYWORDS.iter().map(|kw| kw.to_uppercase()));
        inputs.extend(KEYWORDS.iter().map(|kw| format!("{kw}_")));
        inputs.push("x".repeat(1000));
        inputs.push("🦀".repeat(100));
        inputs
    }

    #[test]
    fn every_output_for_hostile_input_is_a_valid_identifier() {
        for input in hostile_inputs() {
            for case in ALL_CASES {
                let out = sanitize(&input, case);
                let context = format!("{input:?} in {case:?} gave {out:?}");
                assert!(!out.is_empty(), "{context}");
                assert!(out.is_ascii(), "{context}");
                assert!(is_sanitized(&out), "{context}");
                assert!(!is_keyword(&out), "{context}");
                assert_ne!(out, "_", "{context}");

                // syn rejects bare keywords (except `gen`, which is checked above) and accepts raw
                // identifiers, so a successful parse that round-trips means the output is usable.
                let parsed = syn::parse_str::<syn::Ident>(&out)
                    .unwrap_or_else(|e| panic!("{context} does not parse: {e}"));
                assert_eq!(parsed.to_string(), out, "{context}");

                let ident = to_ident(&out);
                assert_eq!(ident.to_string(), out, "{context}");
                assert_eq!(ident, parsed, "{context}");
            }
        }
    }

    #[test]
    fn unique_names_of_hostile_input_are_valid_and_distinct() {
        let inputs = hostile_inputs();
        let names: Vec<&str> = inputs.iter().map(String::as_str).collect();
        for case in ALL_CASES {
            let out = unique_names(&names, case);
            assert_eq!(out.len(), names.len());
            let distinct: HashSet<&str> = out.iter().map(|s| unraw(s)).collect();
            assert_eq!(distinct.len(), out.len(), "{case:?}: {out:?}");
            for name in &out {
                assert!(
                    syn::parse_str::<syn::Ident>(name).is_ok(),
                    "{case:?}: {name:?}"
                );
                assert_eq!(to_ident(name).to_string(), *name);
            }
        }
    }
}
