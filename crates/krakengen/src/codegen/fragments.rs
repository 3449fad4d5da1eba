//! User-supplied fragment definitions.
//!
//! The reference's example operations spread fragments (`...GoodsPurchaseFragment`) that it never
//! defines, so they cannot be sent as written. A user who knows the real schema can supply the
//! definitions in `.graphql` files; this module parses them with graphql-parser, indexes them by type
//! condition and prints them back in graphql-parser's canonical layout, so the generated documents do
//! not depend on how the user formatted their files.

use std::collections::{BTreeMap, BTreeSet};

use graphql_parser::query::{Definition, Selection, SelectionSet};

use crate::diag::Diagnostics;
use crate::model::Span;

use super::FragmentSource;

/// One parsed fragment definition.
#[derive(Debug, Clone)]
pub(crate) struct Fragment {
    pub type_condition: String,
    /// The definition in canonical layout.
    pub text: String,
    /// Names of the fragments it spreads.
    pub spreads: BTreeSet<String>,
}

/// Every supplied fragment, by name.
#[derive(Debug, Clone, Default)]
pub(crate) struct Fragments {
    pub by_name: BTreeMap<String, Fragment>,
}


impl Fragments {
    /// Parses every source; reports syntax errors, non-fragment definitions, duplicate names and
    /// spreads of undefined fragments as errors.
    pub(crate) fn parse(sources: &[FragmentSource], diags: &mut Diagnostics) -> Self {
        let mut out = Fragments::default();
        for src in sources {
            let doc = match graphql_parser::parse_query::<String>(&src.text) {
                Ok(d) => d,
                Err(e) => {
                    diags.error(
                        crate::diag::Code::FragmentSyntax,
                        Span::nowhere(),
                        format!("{}: not a GraphQL document: {}", src.name, e.to_string().trim()),
                        "",
                    );
                    continue;
                }
            };
            for def in doc.definitions {
                let Definition::Fragment(f) = def else {
                    diags.error(
                        crate::diag::Code::FragmentNotFragment,
                        Span::nowhere(),
                        format!("{}: fragment files may hold only fragment definitions", src.name),
                        "",
                    );
                    continue;
                };
                let graphql_parser::query::TypeCondition::On(ty) = &f.type_condition;
                let mut spreads = BTreeSet::new();
                collect_spreads(&f.selection_set, &mut spreads);
                let fragment = Fragment { type_condition: ty.clone(), text: f.to_string(), spreads };
                if out.by_name.insert(f.name.clone(), fragment).is_some() {
                    diags.error(
                        crate::diag::Code::FragmentDuplicate,
                        Span::nowhere(),
                        format!("{}: fragment `{}` is defined more than once", src.name, f.name),
                        "",
                    );
                }
            }
        }
        for (name, f) in &out.by_name {
            for s in &f.spreads {
                if !out.by_name.contains_key(s) {
                    diags.error(
                        crate::diag::Code::FragmentUndefined,
                        Span::nowhere(),
                        format!("fragment `{name}` spreads `{s}`, which no fragment file defines"),
                        "",
                    );
                }
            }
        }
        out
    }

    /// Names of the fragments whose type condition is one of `types`, sorted.
    pub(crate) fn on_types(&self, types: &[&str]) -> Vec<&str> {
        self.by_name
            .iter()
            .filter(|(_, f)| types.contains(&f.type_condition.as_str()))
            .map(|(n, _)| n.as_str())
            .collect()
    }

    /// The definitions of `roots` and of every fragment they spread, transitively, in name order,
    /// each followed by a newline.
    pub(crate) fn definitions(&self, roots: &BTreeSet<String>) -> String {
        let mut all = BTreeSet::new();
        let mut stack: Vec<&str> = roots.iter().map(String::as_str).collect();
        while let Some(n) = stack.pop() {
            if all.insert(n.to_string()) {
                if let Some(f) = self.by_name.get(n) {
                    stack.extend(f.spreads.iter().map(String::as_str));
                }
            }
        }
        let mut out = String::new();
        for n in &all {
            if let Some(f) = self.by_name.get(n) {
                out.push('\n');
                out.push_str(f.text.trim_end());
                out.push('\n');
            }
        }
        out
    }
}

fn collect_spreads(set: &SelectionSet<'_, String>, out: &mut BTreeSet<String>) {
    for item in &set.items {
        match item {
            Selection::Field(f) => collect_spreads(&f.selection_set, out),
            Selection::FragmentSpread(s) => {
                out.insert(s.fragment_name.clone());
            }
            Selection::InlineFragment(i) => collect_spreads(&i.selection_set, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_indexes_and_closes_over_spreads() {
        let mut d = Diagnostics::new();
        let f = Fragments::parse(
            &[FragmentSource {
                name: "a.graphql".into(),
                text: "fragment A on GoodsPurchase { code  ...B }\nfragment B on GoodsPurchase { id }".into(),
            }],
            &mut d,
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(f.on_types(&["GoodsPurchase"]), ["A", "B"]);
        let text = f.definitions(&["A".to_string()].into_iter().collect());
        assert!(text.contains("fragment A on GoodsPurchase {\n  code\n  ...B\n}"), "{text}");
        assert!(text.contains("fragment B on GoodsPurchase"), "{text}");
    }

    #[test]
    fn reports_bad_documents() {
        let mut d = Diagnostics::new();
        Fragments::parse(
            &[
                FragmentSource { name: "bad.graphql".into(), text: "fragment {".into() },
                FragmentSource { name: "op.graphql".into(), text: "query Q { a }".into() },
                FragmentSource { name: "u.graphql".into(), text: "fragment U on T { ...Missing }".into() },
            ],
            &mut d,
        );
        let codes: Vec<_> = d.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["fragment-syntax", "fragment-not-fragment", "fragment-undefined"]);
    }
}
