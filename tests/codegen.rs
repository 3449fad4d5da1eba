//! Tests of the Rust generator: the checked-in crates are fresh, output is deterministic, snapshots
//! of representative mutations, operation documents are valid GraphQL, and generated crates build on
//! their own (the hostile fixture always, the vendored reference when `--ignored`).

use krakengen_tests::{generated_workspace_files, root};

/// Fails when `crates/oees-errors` or `crates/oees-client` hold stale generated code.
///
/// `KRAKENGEN_BLESS=1 cargo test --test codegen checked_in_crates_are_fresh` rewrites them; once the
/// xtask calls `generate_workspace_crates`, `cargo xtask codegen` does the same.
#[test]
fn checked_in_crates_are_fresh() {
    let bless = std::env::var_os("KRAKENGEN_BLESS").is_some();
    let mut stale = Vec::new();
    for f in generated_workspace_files() {
        let path = root().join(&f.path);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(f.contents.as_str()) {
            if bless {
                std::fs::write(&path, &f.contents).expect("writable");
            }
            stale.push(f.path);
        }
    }
    assert!(
        bless || stale.is_empty(),
        "stale generated files: {stale:?}; run `KRAKENGEN_BLESS=1 cargo test --test codegen checked_in_crates_are_fresh`"
    );
}
