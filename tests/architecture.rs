//! The module graph of `crates/krakengen/src` has no cycle: data flows one way through the stages
//! (docs/architecture.md). The graph is read from the `crate::…` paths of each module's files,
//! comments left out; a path that names no module of the crate (one inside generated code's
//! tokens, say) is ignored.

use std::collections::{BTreeMap, BTreeSet};

/// Every top-level module and the modules its code names.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = krakengen_tests::root().join("crates/krakengen/src");
    let mut files = BTreeMap::new();
    for entry in walk(&src) {
        let rel = entry.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        let module = rel.split('/').next().unwrap().trim_end_matches(".rs").to_string();
        files.entry(module).or_insert_with(Vec::new).push(std::fs::read_to_string(&entry).unwrap());
    }
    let modules: BTreeSet<String> = files.keys().filter(|m| *m != "lib").cloned().collect();
    files
        .into_iter()
        .filter(|(m, _)| m != "lib")
        .map(|(module, texts)| {
            let mut uses = BTreeSet::new();
            for text in texts {
                for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
                    for (at, _) in line.match_indices("crate::") {
                        let name: String = line[at + 7..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                        if name != module && modules.contains(&name) {
                            uses.insert(name);
                        }
                    }
                }
            }
            (module, uses)
        })
        .collect()
}

/// Every `.rs` file below `dir`, build outputs (`target`, `node_modules`) left out.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if !path.ends_with("target") && !path.ends_with("node_modules") {
                out.extend(walk(&path));
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// A cycle through `start`, if there is one.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    fn go(graph: &BTreeMap<String, BTreeSet<String>>, start: &str, at: &str, path: &mut Vec<String>, seen: &mut BTreeSet<String>) -> bool {
        for next in graph.get(at).into_iter().flatten() {
            if next == start {
                path.push(next.clone());
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if go(graph, start, next, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start.to_string()];
    go(graph, start, start, &mut path, &mut BTreeSet::new()).then_some(path)
}

#[test]
fn the_modules_of_the_library_form_no_cycle() {
    let graph = graph();
    assert!(graph.len() >= 15, "every module is read: {:?}", graph.keys());
    // The stages named in docs/architecture.md are there, in their order.
    for (later, earlier) in [("types", "parse"), ("pipeline", "types"), ("codegen", "types"), ("project", "pipeline")] {
        assert!(graph[later].contains(earlier), "`{later}` reads `{earlier}`: {graph:?}");
    }
    for module in graph.keys() {
        if let Some(path) = cycle(&graph, module) {
            panic!("the modules form a cycle: {}", path.join(" → "));
        }
    }
}

#[test]
fn a_cycle_is_found() {
    let mut graph = BTreeMap::new();
    graph.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    graph.insert("b".to_string(), BTreeSet::from(["c".to_string()]));
    graph.insert("c".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(cycle(&graph, "a"), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
    graph.get_mut("c").unwrap().clear();
    assert_eq!(cycle(&graph, "a"), None);
}

/// No hand-written Rust file of the repository is over 800 lines: what a reader must hold at once
/// stays small. Generated files (`// @generated` on their first line) and the server resolvers
/// `krakengen scaffold` wrote for the tests do not count.
#[test]
fn no_hand_written_rust_file_is_over_800_lines() {
    let root = krakengen_tests::root();
    let mut files = Vec::new();
    for top in ["crates", "examples", "tests", "xtask", "fuzz"] {
        files.extend(walk(&root.join(top)));
    }
    assert!(files.len() > 100, "{} files: the walk looks in the wrong place", files.len());
    let long: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            let first = text.lines().next().unwrap_or("");
            let generated = first.contains("@generated") || first.contains("written once by `krakengen scaffold`");
            let lines = text.lines().count();
            (!generated && lines > 800).then(|| format!("{} ({lines} lines)", path.strip_prefix(&root).unwrap().display()))
        })
        .collect();
    assert!(long.is_empty(), "split these files: {long:?}");
}
