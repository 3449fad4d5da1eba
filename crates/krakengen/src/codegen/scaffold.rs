//! `krakengen scaffold`: the user's starting implementation of the generated `OperationResolvers`
//! trait, and the comparison of an existing implementation with the trait.
//!
//! The scaffold is written once and then belongs to the user, so krakengen never overwrites it. When
//! the reference changes, the trait gains or loses methods; the compiler reports the gained ones one at
//! a time, and says nothing useful about a method whose mutation was removed beyond "not a member of
//! trait". [`compare`] reports all of them at once: every missing method with a paste-ready `todo!()`
//! stub, and every orphaned method with the line and column where it is defined.

use std::collections::BTreeSet;

use super::{emit_server, format, ir, Options, HEADER};
use crate::diag::Diagnostics;
use crate::model::Span;

/// The name of the trait an implementation is looked for.
const TRAIT: &str = "OperationResolvers";

/// A starting implementation of the server crate's `OperationResolvers`, every body `todo!()`; `None`
/// when the options name no server crate. The text has no "do not edit" header: it is the user's file
/// from the moment it is written.
pub(crate) fn render(ir: &ir::Ir, options: &Options) -> Result<Option<String>, Diagnostics> {
    let Some(dir) = options.server_crate_dir.as_deref() else { return Ok(None) };
    let paths = options.server_paths(dir);
    let server = options.server_crate_name().unwrap_or_default().replace('-', "_");
    let text = format::rust_file(|| emit_server::scaffold(ir, &paths, &server))?;
    Ok(Some(text.strip_prefix(HEADER).unwrap_or(&text).to_string()))
}

/// A trait method an existing implementation lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// The Rust method name, such as `accept_goods_quote`.
    pub method: String,
    /// The method as the scaffold writes it (attributes, signature and a `todo!()` body), indented
    /// for pasting into the `impl` block.
    pub stub: String,
}

/// How an existing implementation file differs from the trait.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// The methods the file implements that the trait has, in file order.
    pub implemented: Vec<String>,
    /// Trait methods the file lacks, in trait (reference) order.
    pub missing: Vec<Missing>,
    /// Problems located in the file: one error per orphaned method (at its name), one per missing
    /// method (at the `impl` header), or one saying the file does not parse or has no implementation.
    /// Their spans use file index 0, the compared file.
    pub diagnostics: Diagnostics,
}

impl Comparison {
    /// True when the file implements exactly the trait's methods.
    pub fn in_sync(&self) -> bool {
        self.diagnostics.is_empty()
    }
}

/// Compares `existing` (the text of a user's implementation file) with `scaffold` (what [`render`]
/// returns for the current reference). Methods are matched by name in every `impl … OperationResolvers
/// for …` block of the file, inline modules included; signatures are left to the compiler, which
/// reports them precisely.
pub fn compare(scaffold: &str, existing: &str) -> Comparison {
    let mut out = Comparison::default();
    let whole_file = Span::at(0, existing, 0, 0);
    let file = match syn::parse_file(existing) {
        Ok(file) => file,
        Err(e) => {
            // Without proc-macro2's `span-locations` (which would keep every parsed text alive) syn
            // cannot say where; rustc will, and this message says why nothing was compared.
            out.diagnostics.error(
                crate::diag::Code::ScaffoldUnparsable,
                whole_file,
                format!("the file does not parse as Rust ({e}); run `cargo check` for the location"),
                "not compared",
            );
            return out;
        }
    };
    let mut impls = Vec::new();
    collect_impls(&file.items, &mut impls);
    if impls.is_empty() {
        out.diagnostics.error(
            crate::diag::Code::ScaffoldNoImpl,
            whole_file,
            format!("the file has no `impl {TRAIT} for …` block"),
            "expected the implementation here",
        );
        return out;
    }
    let expected = trait_methods(scaffold);
    let expected_names: BTreeSet<&str> = expected.iter().map(|(name, _)| name.as_str()).collect();
    let mut seen = BTreeSet::new();
    for imp in &impls {
        for item in &imp.items {
            let syn::ImplItem::Fn(f) = item else { continue };
            let name = f.sig.ident.to_string();
            if expected_names.contains(name.as_str()) {
                seen.insert(name.clone());
                out.implemented.push(name);
            } else {
                let span = locate(existing, &["fn ", &name]).unwrap_or(whole_file);
                out.diagnostics.error(
                    crate::diag::Code::ScaffoldOrphanedMethod,
                    span,
                    format!("`{name}` is not a method of `{TRAIT}`: its mutation is no longer in the reference"),
                    "not in the trait",
                );
            }
        }
    }
    let header = locate(existing, &[TRAIT, " for"]).unwrap_or(whole_file);
    for (name, stub) in expected {
        if !seen.contains(&name) {
            out.diagnostics.error(
                crate::diag::Code::ScaffoldMissingMethod,
                header,
                format!("`{TRAIT}::{name}` is not implemented: its mutation is new in the reference"),
                format!("add `fn {name}`"),
            );
            out.missing.push(Missing { method: name, stub });
        }
    }
    // Diagnostics in file order read best; missing methods all sit at the header, in trait order.
    out.diagnostics.0.sort_by_key(|d| d.span.offset);
    out
}

/// Every `impl … OperationResolvers for …` block, in file order, looking into inline modules.
fn collect_impls<'a>(items: &'a [syn::Item], out: &mut Vec<&'a syn::ItemImpl>) {
    for item in items {
        match item {
            syn::Item::Impl(imp) => {
                let is_trait = imp.trait_.as_ref().and_then(|(_, path, _)| path.segments.last()).is_some_and(|s| s.ident == TRAIT);
                if is_trait {
                    out.push(imp);
                }
            }
            syn::Item::Mod(m) => {
                if let Some((_, items)) = &m.content {
                    collect_impls(items, out);
                }
            }
            _ => {}
        }
    }
}

/// The scaffold's methods in order, each with its text as it appears in the scaffold's `impl` block.
/// The scaffold is krakengen's own output, formatted by prettyplease: every method starts at four
/// spaces of indentation (its attributes first) and ends at the next line that is exactly `    }`.
fn trait_methods(scaffold: &str) -> Vec<(String, String)> {
    let mut methods = Vec::new();
    let mut current = String::new();
    let mut name = None;
    for line in scaffold.lines() {
        let inside = line.starts_with("    ") || (!current.is_empty() && line.is_empty());
        if !inside {
            continue;
        }
        current.push_str(line);
        current.push('\n');
        if name.is_none() {
            let line = line.trim_start();
            name = line.strip_prefix("async fn ").or_else(|| line.strip_prefix("fn ")).map(|rest| rest.split(['(', '<']).next().unwrap_or(rest).trim().to_string());
        }
        if line == "    }" {
            if let Some(name) = name.take() {
                methods.push((name, std::mem::take(&mut current)));
            }
            current.clear();
        }
    }
    methods
}

/// The span of the first occurrence of `parts` written one after the other, where the last part ends
/// at a word boundary (so `fn foo` does not match `fn foo_bar`).
fn locate(text: &str, parts: &[&str]) -> Option<Span> {
    let needle: String = parts.concat();
    let mut from = 0;
    while let Some(found) = text[from..].find(&needle) {
        let start = from + found;
        let end = start + needle.len();
        let boundary = text[end..].chars().next().is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let starts_word = text[..start].chars().next_back().is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if boundary && starts_word {
            return Some(Span::at(0, text, start, needle.len()));
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vendored_scaffold() -> (crate::model::Reference, String) {
        let parsed = crate::codegen::tests::vendored();
        let options = Options::new("oees");
        let generator = crate::codegen::tests::generator(&parsed, &options).unwrap();
        assert_eq!(generator.scaffold().unwrap(), None, "no server crate, no scaffold");
        let options = options.with_server_crate("crates/oees-server", "schema/oees/schema.graphql");
        let generator = crate::codegen::tests::generator(&parsed, &options).unwrap();
        (parsed.reference, generator.scaffold().unwrap().unwrap())
    }

    #[test]
    fn the_scaffold_implements_every_mutation_with_todo_bodies() {
        let (reference, text) = vendored_scaffold();
        assert!(!text.starts_with(HEADER), "the scaffold is the user's file, not a generated one");
        let file = syn::parse_file(&text).unwrap();
        let Some(syn::Item::Impl(imp)) = file.items.iter().find(|i| matches!(i, syn::Item::Impl(_))) else {
            panic!("no impl block in\n{text}")
        };
        assert_eq!(imp.trait_.as_ref().map(|t| quote::ToTokens::to_token_stream(&t.1).to_string()).as_deref(), Some(":: oees_server :: OperationResolvers"));
        assert_eq!(imp.items.len(), reference.operations.len());
        assert_eq!(text.matches("::std::todo!(").count(), reference.operations.len());
        assert!(text.contains("async fn accept_goods_quote(\n        &self,\n        caller: &::krakengen_server::policy::Caller,"), "{text}");
        // Every method is found again by the text splitter the comparison uses, with its whole body.
        let methods = trait_methods(&text);
        assert_eq!(methods.len(), reference.operations.len());
        assert_eq!(methods[0].0, "accept_goods_quote");
        assert!(methods.iter().all(|(_, stub)| stub.matches("::std::todo!(").count() == 1 && stub.ends_with("    }\n")));
    }

    #[test]
    fn the_scaffold_itself_is_in_sync() {
        let (_, text) = vendored_scaffold();
        let c = compare(&text, &text);
        assert!(c.in_sync(), "{:?}", c.diagnostics);
        assert_eq!(c.implemented.len(), 326);
    }

    #[test]
    fn missing_and_orphaned_methods_are_located() {
        let (_, text) = vendored_scaffold();
        let methods = trait_methods(&text);
        // Drop the first method and rename the second one, as if the reference had gained one mutation
        // and lost another.
        let edited = text.replacen(&methods[0].1, "", 1).replacen("async fn accept_offer_for_quoting(", "async fn accept_old_offer(", 1);
        let c = compare(&text, &edited);
        let missing: Vec<&str> = c.missing.iter().map(|m| m.method.as_str()).collect();
        assert_eq!(missing, ["accept_goods_quote", "accept_offer_for_quoting"]);
        assert_eq!(c.missing[0].stub, methods[0].1);
        assert_eq!(c.implemented.len(), 324);
        let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["scaffold-missing-method", "scaffold-missing-method", "scaffold-orphaned-method"]);
        let orphan = &c.diagnostics.0[2];
        let line = edited.lines().position(|l| l.contains("fn accept_old_offer(")).unwrap() as u32 + 1;
        assert_eq!((orphan.span.line, orphan.span.column), (line, 11), "{orphan:?}");
        assert!(orphan.message.contains("`accept_old_offer`"), "{}", orphan.message);
    }

    #[test]
    fn a_file_without_an_implementation_or_unparsable_is_an_error() {
        let (_, text) = vendored_scaffold();
        let c = compare(&text, "pub struct Resolvers;\n");
        assert_eq!(c.diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["scaffold-no-impl"]);
        let c = compare(&text, "impl OperationResolvers for R { fn x(");
        assert_eq!(c.diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["scaffold-unparsable"]);
        assert!(!c.in_sync());
    }

    #[test]
    fn implementations_in_inline_modules_and_split_impls_count() {
        let (_, text) = vendored_scaffold();
        let methods = trait_methods(&text);
        let mut file = String::from("mod inner {\n    impl ::oees_server::OperationResolvers for R {\n");
        file.push_str(&methods[0].1);
        file.push_str("    }\n}\nimpl OperationResolvers for R {\n");
        for (_, stub) in &methods[1..] {
            file.push_str(stub);
        }
        file.push_str("}\n");
        let c = compare(&text, &file);
        assert!(c.in_sync(), "{:?}", c.diagnostics);
    }

    #[test]
    fn locate_respects_word_boundaries() {
        let text = "fn ab() {}\nfn a() {}\n";
        let span = locate(text, &["fn ", "a"]).unwrap();
        assert_eq!((span.line, span.column), (2, 1));
        assert_eq!(locate(text, &["fn ", "b"]), None);
    }
}
