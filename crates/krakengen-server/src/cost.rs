//! What an operation costs, measured when it is parsed, before any resolver runs, and refused
//! with Kraken's codes when it is over a limit of [`Settings`].
//!
//! The measures, over the operation as it would execute (every fragment spread counted where it
//! is spread, however deeply fragments nest):
//!
//! * **complexity**: each root field costs the `@complexity` the catalogue gives it (1 without
//!   one), and each field below it that selects fields of its own (an object to build) costs 1;
//! * **nodes**: every field selected, `__typename` included;
//! * **depth**: the longest chain of nested fields;
//! * **root fields** and **aliases**: how many root fields run, and how many fields are aliased
//!   (the way one request asks for the same work many times).
//!
//! A fragment's cost is computed once and remembered, so a document of fragments spreading each
//! other many times over costs time in proportion to its length, not to what it expands to; the
//! expanded figures saturate instead of overflowing. A fragment that spreads itself (which
//! validation refuses afterwards) counts nothing the second time.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use async_graphql::parser::types::{ExecutableDocument, OperationType, Selection, SelectionSet};
use async_graphql::parser::Pos;

use crate::schema::Settings;

/// The measures of a selection set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cost {
    pub complexity: u64,
    pub nodes: u64,
    pub depth: u64,
    pub root_fields: u64,
    pub aliases: u64,
}

impl Cost {
    fn add(&mut self, other: Cost) {
        self.complexity = self.complexity.saturating_add(other.complexity);
        self.nodes = self.nodes.saturating_add(other.nodes);
        self.depth = self.depth.max(other.depth);
        self.root_fields = self.root_fields.saturating_add(other.root_fields);
        self.aliases = self.aliases.saturating_add(other.aliases);
    }
}

/// The figures the catalogue gives root fields, by root type and field.
#[derive(Debug, Default)]
pub(crate) struct Figures {
    /// (root type, field) → `@complexity`.
    pub(crate) by_field: BTreeMap<(String, String), u64>,
    pub(crate) query: String,
    pub(crate) mutation: Option<String>,
}

struct Measure<'a> {
    document: &'a ExecutableDocument,
    figures: &'a Figures,
    /// Root type of the operation measured.
    root: &'a str,
    /// A fragment's cost where it is spread, at the root or below it.
    known: HashMap<(&'a str, bool), Cost>,
    visiting: HashSet<&'a str>,
}

impl<'a> Measure<'a> {
    fn set(&mut self, set: &'a SelectionSet, at_root: bool) -> Cost {
        let mut total = Cost::default();
        for item in &set.items {
            match &item.node {
                Selection::Field(f) => {
                    let f = &f.node;
                    let name = f.name.node.as_str();
                    let inner = self.set(&f.selection_set.node, false);
                    let own = if name.starts_with("__") {
                        0
                    } else if at_root {
                        self.figures.by_field.get(&(self.root.to_string(), name.to_string())).copied().unwrap_or(1)
                    } else {
                        u64::from(!f.selection_set.node.items.is_empty())
                    };
                    total.add(Cost {
                        complexity: own.saturating_add(inner.complexity),
                        nodes: inner.nodes.saturating_add(1),
                        depth: inner.depth.saturating_add(1),
                        root_fields: u64::from(at_root && !name.starts_with("__")),
                        aliases: inner.aliases.saturating_add(u64::from(f.alias.is_some())),
                    });
                }
                Selection::InlineFragment(i) => {
                    let inner = self.set(&i.node.selection_set.node, at_root);
                    total.add(inner);
                }
                Selection::FragmentSpread(s) => {
                    let name = s.node.fragment_name.node.as_str();
                    total.add(self.fragment(name, at_root));
                }
            }
        }
        total
    }

    fn fragment(&mut self, name: &'a str, at_root: bool) -> Cost {
        if let Some(cost) = self.known.get(&(name, at_root)) {
            return *cost;
        }
        let Some((key, fragment)) = self.document.fragments.get_key_value(name) else { return Cost::default() };
        let key = key.as_str();
        if !self.visiting.insert(key) {
            return Cost::default();
        }
        let cost = self.set(&fragment.node.selection_set.node, at_root);
        self.visiting.remove(key);
        self.known.insert((key, at_root), cost);
        cost
    }
}

/// The cost of every query and mutation operation of `document` (which one runs is known only
/// later, so each must be within the limits), with its position.
pub(crate) fn operations(document: &ExecutableDocument, figures: &Figures) -> Vec<(Cost, Pos)> {
    document
        .operations
        .iter()
        .filter_map(|(_, op)| {
            let root = match op.node.ty {
                OperationType::Query => figures.query.as_str(),
                OperationType::Mutation => figures.mutation.as_deref()?,
                OperationType::Subscription => return None,
            };
            let mut m = Measure { document, figures, root, known: HashMap::new(), visiting: HashSet::new() };
            Some((m.set(&op.node.selection_set.node, true), op.pos))
        })
        .collect()
}

/// The first limit of `settings` that `cost` is over: its error code and description.
pub(crate) fn over(cost: &Cost, settings: &Settings) -> Option<(&'static str, String)> {
    use krakengen_policy::generic::{COMPLEXITY_LIMIT, NODE_LIMIT};
    let checks: [(Option<u32>, u64, &str, &'static str); 5] = [
        (settings.max_root_fields, cost.root_fields, "root fields", NODE_LIMIT),
        (settings.max_aliases, cost.aliases, "aliases", NODE_LIMIT),
        (settings.max_depth, cost.depth, "depth", COMPLEXITY_LIMIT),
        (settings.max_nodes, cost.nodes, "nodes", NODE_LIMIT),
        (settings.max_complexity, cost.complexity, "complexity", COMPLEXITY_LIMIT),
    ];
    checks.into_iter().find_map(|(max, value, what, code)| {
        let max = max?;
        (value > u64::from(max)).then(|| (code, format!("Query {what} of {value} exceeds the maximum of {max}.")))
    })
}

/// The extension that measures each parsed document and refuses it when it is over a limit.
pub(crate) struct Limit {
    pub(crate) settings: Settings,
    pub(crate) figures: Arc<Figures>,
}

impl async_graphql::extensions::ExtensionFactory for Limit {
    fn create(&self) -> Arc<dyn async_graphql::extensions::Extension> {
        Arc::new(Check { settings: self.settings.clone(), figures: Arc::clone(&self.figures) })
    }
}

struct Check {
    settings: Settings,
    figures: Arc<Figures>,
}

#[async_graphql::async_trait::async_trait]
impl async_graphql::extensions::Extension for Check {
    async fn parse_query(
        &self,
        ctx: &async_graphql::extensions::ExtensionContext<'_>,
        query: &str,
        variables: &async_graphql::Variables,
        next: async_graphql::extensions::NextParseQuery<'_>,
    ) -> async_graphql::ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await?;
        for (cost, pos) in operations(&document, &self.figures) {
            if let Some((code, description)) = over(&cost, &self.settings) {
                let mut err = async_graphql::ServerError::new(description.clone(), Some(pos));
                let mut ext = async_graphql::ErrorExtensionValues::default();
                ext.set("errorType", "VALIDATION");
                ext.set("errorCode", code);
                ext.set("errorDescription", description);
                err.extensions = Some(ext);
                return Err(err);
            }
        }
        Ok(document)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures() -> Figures {
        Figures {
            by_field: BTreeMap::from([(("Mutation".to_string(), "heavy".to_string()), 6)]),
            query: "Query".into(),
            mutation: Some("Mutation".into()),
        }
    }

    fn cost(q: &str) -> Cost {
        let doc = async_graphql::parser::parse_query(q).unwrap();
        let all = operations(&doc, &figures());
        assert_eq!(all.len(), 1);
        all[0].0
    }

    #[test]
    fn root_figures_nested_objects_and_nodes() {
        let c = cost("mutation { heavy { a b { c d { e } } } light { x } }");
        // heavy 6 + b 1 + d 1; light 1 (no figure) + nothing below with a selection.
        assert_eq!(c.complexity, 9);
        assert_eq!(c.nodes, 8);
        assert_eq!(c.depth, 4);
        assert_eq!(c.root_fields, 2);
        assert_eq!(c.aliases, 0);
        let q = cost("query { a: viewer { x } b: viewer { x } __typename }");
        assert_eq!((q.complexity, q.root_fields, q.aliases, q.nodes), (2, 2, 2, 5));
    }

    #[test]
    fn fragments_count_wherever_they_are_spread_however_deep() {
        // F0 holds two aliased `heavy`; each Fi spreads F(i-1) twice: 2^(n+1) calls in all.
        let n = 40;
        let mut q = String::from("mutation { ...F40 }\nfragment F0 on Mutation { a: heavy { x } b: heavy { x } }\n");
        for i in 1..=n {
            q.push_str(&format!("fragment F{i} on Mutation {{ ...F{p} ... on Mutation {{ ...F{p} }} }}\n", p = i - 1));
        }
        let c = cost(&q);
        // 2^41 root fields: far over any limit, computed without expanding anything.
        assert_eq!(c.root_fields, 1 << 41);
        assert_eq!(c.complexity, 6 << 41);
        assert_eq!(c.depth, 2);
        // A fragment that spreads itself ends.
        let cyclic = cost("mutation { ...A } fragment A on Mutation { light ...A }");
        assert_eq!(cyclic.root_fields, 1);
    }

    #[test]
    fn the_first_limit_over_names_kraken_code() {
        let s = Settings::default();
        let at = |c: Cost| over(&c, &s).map(|(code, _)| code);
        let base = Cost { complexity: 200, nodes: 10_000, depth: 1, root_fields: 1, aliases: 0 };
        assert_eq!(at(base), None, "at the limits is within them");
        assert_eq!(at(Cost { complexity: 201, ..base }), Some("KT-CT-1188"));
        assert_eq!(at(Cost { nodes: 10_001, ..base }), Some("KT-CT-1189"));
        let (_, text) = over(&Cost { complexity: 201, ..base }, &s).unwrap();
        assert_eq!(text, "Query complexity of 201 exceeds the maximum of 200.");
        assert_eq!(over(&Cost { complexity: u64::MAX, ..base }, &Settings::unbounded()), None);
    }
}
