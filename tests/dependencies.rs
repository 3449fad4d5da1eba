//! The generated crates depend on nothing of the generator: their normal dependency trees (what a
//! service built on them compiles, proc macros aside) hold none of krakengen's own crates or of the
//! compiler-side libraries it uses.

use std::collections::BTreeSet;
use std::process::Command;

/// Crates a generated crate must never pull in: the generator and what only the generator needs.
const FORBIDDEN: [&str; 9] =
    ["krakengen", "krakengen-mock", "syn", "prettyplease", "quote", "apollo-compiler", "miette", "askama", "graphql-parser"];

/// The names of the crates in the dependency tree of `package` over `edges` (`cargo tree -e`), with
/// every feature enabled or the default ones.
fn cargo_tree(package: &str, edges: &str, all_features: bool) -> BTreeSet<String> {
    let root = krakengen_tests::root();
    let features: &[&str] = if all_features { &["--all-features"] } else { &[] };
    let out = Command::new(env!("CARGO"))
        .args(["tree", "--offline", "--locked", "-e", edges, "--prefix", "none", "-p", package])
        .args(features)
        .arg("--manifest-path")
        .arg(root.join("Cargo.toml"))
        .output()
        .expect("cargo runs");
    assert!(out.status.success(), "cargo tree -p {package} failed:\n{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).lines().filter_map(|l| l.split_whitespace().next()).map(str::to_string).collect()
}

/// The normal dependency tree, proc-macro crates left out (they run at build time and are not
/// linked).
fn tree_with(package: &str, all_features: bool) -> BTreeSet<String> {
    cargo_tree(package, "normal,no-proc-macro", all_features)
}

fn tree(package: &str) -> BTreeSet<String> {
    tree_with(package, true)
}

/// The crates `package` compiles with its default features, proc macros included.
fn build_tree(package: &str) -> BTreeSet<String> {
    cargo_tree(package, "normal", false)
}

/// The client and the error codes compile no proc macro, so a fresh build of a program using them
/// does not compile syn first: their serde impls are written out and need serde without `derive`.
#[test]
fn the_client_and_the_error_codes_need_no_proc_macro() {
    const MACROS: [&str; 4] = ["serde_derive", "proc-macro2", "syn", "quote"];
    for package in ["oees-errors", "oees-client"] {
        let crates = build_tree(package);
        assert!(crates.contains("serde"), "{package}: {crates:?}");
        let found: Vec<&str> = MACROS.iter().copied().filter(|m| crates.contains(*m)).collect();
        assert!(found.is_empty(), "{package} compiles {found:?}");
    }
    // The check can fail: the policy crate derives its serde impls.
    assert!(build_tree("krakengen-policy").contains("serde_derive"));
}

#[test]
fn generated_crates_depend_on_nothing_of_the_generator() {
    for package in ["oees-errors", "oees-client", "oees-server", "krakengen-server"] {
        let crates = tree(package);
        assert!(crates.contains(package), "{package}'s tree does not list itself: {crates:?}");
        let found: Vec<&str> = FORBIDDEN.iter().copied().filter(|f| crates.contains(*f)).collect();
        assert!(found.is_empty(), "{package} depends on {found:?}");
    }
    // The check can fail: the mock, which reads the reference, does depend on the generator.
    let mock = tree("krakengen-mock");
    assert!(mock.contains("krakengen") && mock.contains("apollo-compiler"), "{mock:?}");
}

#[test]
fn the_server_runtime_stays_small() {
    // 171 crates when the runtime parsed the SDL with apollo-compiler and re-exported the generator's
    // model; the bound leaves room for patch releases of the HTTP stack, not for a compiler.
    // JWT verification (jsonwebtoken on aws-lc-rs) took it from 112 to 125.
    let crates = tree("oees-server");
    assert!(crates.len() <= 130, "oees-server's tree has {} crates", crates.len());
    // Without its `reqwest` feature the client is serde, the error crate and the runtime crate,
    // which adds tokio with only its `sync` and `time` features, and base64.
    let client = tree_with("oees-client", false);
    assert!(client.len() <= 18, "oees-client's tree has {} crates: {client:?}", client.len());
    assert!(!client.contains("mio") && !client.contains("hyper"), "no I/O stack without `reqwest`: {client:?}");
}
