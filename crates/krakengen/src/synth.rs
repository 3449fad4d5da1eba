//! Synthetic inputs for benchmarks and tests.
//!
//! [`introspection_json`] and [`junk`] make the bad inputs users really pass by mistake (an
//! introspection result saved as one line, a line of garbage), at any size, for the tests and the
//! benchmark that check every command's report on them stays short.
//!
//! `synthesize(text, n)` returns `n` copies of a reference in its own rendering, where every copy after
//! the first renames its mutations, operation names, types, fragments and error codes, so nothing is
//! deduplicated away and every stage does `n` times the work. Renaming is a whole-word substitution
//! driven by the names the parser found, so the copies stay as valid as the original.

use std::collections::HashMap;

use crate::model::TypeKind;

/// Builds an `n`-fold reference from `text` (which must parse; names come from its model).
pub fn synthesize(text: &str, n: usize) -> String {
    let parsed = crate::parse::parse_str("synth.txt", text);
    let reference = &parsed.reference;
    let mut words: Vec<String> = Vec::new();
    for m in &reference.operations {
        words.push(m.name.clone());
        let mut c = m.name.chars();
        if let Some(f) = c.next() {
            // The operation name is the mutation name with a capital letter.
            words.push(f.to_ascii_uppercase().to_string() + c.as_str());
        }
    }
    for (name, info) in &reference.types {
        if info.kind != TypeKind::BuiltinScalar && !matches!(name.as_str(), "Date" | "DateTime" | "JSONString" | "GenericScalar") {
            words.push(name.clone());
            words.push(format!("{name}Fragment"));
        }
    }
    words.sort();
    words.dedup();
    let codes: Vec<&str> = reference.error_codes().into_keys().collect();
    // Copies after the first leave out the preamble, which would otherwise run into the last block.
    let first_block = reference.operations.iter().map(|m| m.span.offset as usize).min().unwrap_or(0);
    let body = &text[first_block.min(text.len())..];

    let mut out = String::with_capacity(text.len() * n + n);
    for k in 0..n {
        if k == 0 {
            out.push_str(text);
        } else {
            let suffix = format!("S{k}");
            let mut map: HashMap<&str, String> = HashMap::with_capacity(words.len() + codes.len());
            for w in &words {
                let renamed = match w.strip_suffix("Fragment") {
                    Some(base) if !base.is_empty() => format!("{base}{suffix}Fragment"),
                    _ => format!("{w}{suffix}"),
                };
                map.insert(w.as_str(), renamed);
            }
            for c in &codes {
                // Appending a fixed-width number keeps the `KT-XX-NNNN` shape and keeps codes distinct.
                map.insert(c, format!("{c}{k:03}"));
            }
            rename(body, &map, &mut out);
        }
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// Copies `text` into `out`, replacing every whole word (letters, digits, `_` and `-`) found in `map`.
fn rename(text: &str, map: &HashMap<&str, String>, out: &mut String) {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let mut rest = text;
    while !rest.is_empty() {
        let start = rest.find(is_word).unwrap_or(rest.len());
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find(|c: char| !is_word(c)).unwrap_or(rest.len());
        let word = &rest[..end];
        match map.get(word) {
            Some(r) => out.push_str(r),
            None => out.push_str(word),
        }
        rest = &rest[end..];
    }
}

/// One line of about `size` bytes of an introspection result, the shape GraphQL tools save: object
/// types with a field each, descriptions holding quotes and braces.
pub fn introspection_json(size: usize) -> String {
    let mut out = String::from(r#"{"data":{"__schema":{"queryType":{"name":"Query"},"mutationType":{"name":"Mutation"},"types":["#);
    let mut i = 0;
    while out.len() < size {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!(
            r#"{{"kind":"OBJECT","name":"Type{i}","description":"A \"type\" {{ with }} braces","fields":[{{"name":"field{i}","args":[],"type":{{"kind":"NON_NULL","name":null,"ofType":{{"kind":"SCALAR","name":"String","ofType":null}}}},"isDeprecated":false,"deprecationReason":null}}],"inputFields":null,"interfaces":[],"enumValues":null,"possibleTypes":null}}"#
        ));
        i += 1;
    }
    out.push_str("]}}}");
    out
}

/// One line of `size` bytes of printable junk rich in GraphQL punctuation, the same for the same
/// `seed` (an xorshift stream).
pub fn junk(size: usize, seed: u64) -> String {
    const ALPHABET: &[u8] = b"abcxyzTQ_019 {}()[]:;,!@#$%^&*\"'<>?/=|.-";
    let mut x = seed.max(1);
    (0..size)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            char::from(ALPHABET[(x >> 24) as usize % ALPHABET.len()])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_renamed_and_distinct() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/oees/mutations.txt")).unwrap();
        let one = crate::parse::parse_str("a", &text);
        let three = crate::parse::parse_str("b", &synthesize(&text, 3));
        assert_eq!(three.reference.operations.len(), 3 * one.reference.operations.len());
        assert_eq!(three.reference.error_codes().len(), 3 * one.reference.error_codes().len());
        assert_eq!(three.reference.error_entry_count(), 3 * one.reference.error_entry_count());
        assert_eq!(three.diagnostics.errors(), 0);
        assert_eq!(three.diagnostics.warnings(), 3 * one.diagnostics.warnings());
        assert!(three.reference.operation("acceptGoodsQuoteS2").is_some());
    }
}
