//! The generated-Rust column of the diff: the differences between two [`RustSurface`]s that break
//! code written against the older crates, attached to the GraphQL or metadata change that causes
//! each, or reported on their own.

use std::collections::BTreeMap;

use super::ChangeKind;
use super::{Area, Change, Class};
use crate::codegen::{RustItem, RustSurface};

/// One consequence for Rust callers, keyed by the fact it comes from.
struct Note {
    key: String,
    /// The GraphQL coordinate for a change reported on its own.
    path: String,
    text: String,
}

/// The coordinate a surface key stands for, for a Rust change no GraphQL change accounts for;
/// `root` names the root type of an operation (`Mutation` or `Query`).
fn path_of(key: &str, root: &dyn Fn(&str) -> &'static str) -> String {
    let (kind, rest) = key.split_once(':').unwrap_or(("", key));
    match kind {
        "op" | "vars" | "errors" => format!("{}.{rest}", root(rest)),
        "arg" => rest.split_once(':').map_or_else(|| rest.to_string(), |(op, arg)| format!("{}.{op}({arg}:)", root(op))),
        "err" => rest.split_once(':').map_or_else(|| rest.to_string(), |(op, code)| format!("{}.{op} {code}", root(op))),
        _ => rest.to_string(),
    }
}

/// The key of the item that holds the item of `key`: an operation for its arguments, a type for its
/// fields.
fn parent(key: &str) -> Option<String> {
    let (kind, rest) = key.split_once(':')?;
    match kind {
        "arg" => Some(format!("op:{}", rest.split_once(':')?.0)),
        "field" => Some(format!("type:{}", rest.split_once('.')?.0)),
        _ => None,
    }
}

fn notes(old: &RustSurface, new: &RustSurface, root: &dyn Fn(&str) -> &'static str) -> Vec<Note> {
    let mut out = Vec::new();
    let mut note = |key: &str, text: String| out.push(Note { key: key.to_string(), path: path_of(key, root), text });
    for (key, items) in &old.items {
        let Some(now) = new.items.get(key) else {
            // The members of a removed operation or type go with it; naming each would bury the one
            // line that matters.
            if parent(key).is_some_and(|p| old.items.contains_key(&p) && !new.items.contains_key(&p)) {
                continue;
            }
            let paths: Vec<String> = items.iter().map(|i| format!("`{}`", i.path)).collect();
            note(key, format!("removes {}", paths.join(" and ")));
            continue;
        };
        for (i, before) in items.iter().enumerate() {
            // Items of one key come in a fixed order (module then method, enum then const), so the
            // same position is the same item; a shared payload type has one entry per operation.
            let Some(after) = now.get(i).or_else(|| now.iter().find(|a| a.sig == before.sig)) else {
                note(key, format!("removes `{}`", before.path));
                continue;
            };
            item(key, before, after, &mut note);
        }
    }
    out
}

fn item(key: &str, before: &RustItem, after: &RustItem, note: &mut impl FnMut(&str, String)) {
    if before.path != after.path {
        note(key, format!("renames `{}` to `{}`", before.path, after.path));
    } else if before.sig != after.sig {
        note(key, format!("changes `{}` from `{}` to `{}`", before.path, before.sig, after.sig));
    }
    if let (Some(a), Some(b)) = (&before.variants, &after.variants) {
        for (k, v) in b {
            if !a.contains_key(k) {
                note(k, format!("adds the variant `{}::{v}`; a `match` without a wildcard arm stops compiling", after.path));
            }
        }
        for (k, v) in a {
            match b.get(k) {
                None => note(k, format!("removes the variant `{}::{v}`", before.path)),
                Some(w) if w != v => note(k, format!("renames the variant `{}::{v}` to `{w}`", before.path)),
                Some(_) => {}
            }
        }
    }
    if let (Some(a), Some(b)) = (&before.literal, &after.literal) {
        for (k, (field, required)) in b {
            if !a.contains_key(k) {
                // Input structs have a `new` taking the required fields; `Variables` has none.
                let has_new = after.path.starts_with("types::");
                let how = match (*required, has_new) {
                    (true, true) => "a required field, so struct literals and calls of `new` stop compiling",
                    (true, false) => "a required field, so struct literals stop compiling",
                    (false, _) => "so struct literals without `..` stop compiling",
                };
                note(k, format!("adds the field `{field}` to `{}`, {how}", after.path));
            }
        }
        for (k, (field, required)) in a {
            if let Some((_, now_required)) = b.get(k) {
                if *now_required && !required {
                    note(k, format!("makes the field `{field}` of `{}` required", after.path));
                }
            }
        }
    }
}

/// Whether `key` is one of the keys a change accounts for (`arg:op:*` covers every argument of `op`).
fn claims(change: &Change, key: &str) -> bool {
    change.keys.iter().any(|k| match k.strip_suffix('*') {
        Some(prefix) => key.starts_with(prefix),
        None => k == key,
    })
}

/// Attaches every Rust consequence to the change that claims its key; what no change claims is
/// reported as a change of its own, safe for the API and breaking for Rust callers.
pub(super) fn attach(old: &RustSurface, new: &RustSurface, changes: &mut Vec<Change>, root: &dyn Fn(&str) -> &'static str) {
    let mut attached: BTreeMap<usize, Vec<(u8, String)>> = BTreeMap::new();
    let mut orphans: BTreeMap<String, Vec<(u8, String)>> = BTreeMap::new();
    for n in notes(old, new, root) {
        let item = (rank(&n.key), n.text);
        match changes.iter().position(|c| claims(c, &n.key)) {
            Some(i) => attached.entry(i).or_default().push(item),
            None => orphans.entry(n.path).or_default().push(item),
        }
    }
    for (i, texts) in attached {
        changes[i].rust = Some(join(texts));
    }
    for (path, texts) in orphans {
        changes.push(Change {
            class: Class::Safe,
            area: Area::Rust,
            kind: ChangeKind::RustItemChanged,
            message: "the generated Rust changes although the API does not".into(),
            path,
            location: None,
            rust: Some(join(texts)),
            with: Vec::new(),
            keys: Vec::new(),
        });
    }
}

/// The order notes of one change are shown in: the operation's own items before what goes with them.
fn rank(key: &str) -> u8 {
    let kinds = ["op", "vars", "arg", "errors", "err", "type", "field", "value", "member", "code"];
    let kind = key.split_once(':').map_or(key, |(k, _)| k);
    kinds.iter().position(|k| *k == kind).unwrap_or(kinds.len()) as u8
}

/// Joins the notes of one change, at most five of them, so a removed type with a hundred fields
/// stays one readable line.
fn join(mut notes: Vec<(u8, String)>) -> String {
    notes.sort();
    notes.dedup();
    let mut texts: Vec<String> = notes.into_iter().map(|(_, t)| t).collect();
    const SHOWN: usize = 5;
    let more = texts.len().saturating_sub(SHOWN);
    texts.truncate(SHOWN);
    let mut out = texts.join("; ");
    if more > 0 {
        out.push_str(&format!("; and {more} more"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn surface(items: &[(&str, &str, &str)]) -> RustSurface {
        let mut s = RustSurface::default();
        for (key, path, sig) in items {
            s.items.entry(key.to_string()).or_default().push(RustItem { path: path.to_string(), sig: sig.to_string(), variants: None, literal: None });
        }
        s
    }

    #[test]
    fn a_rename_no_change_explains_is_reported_on_its_own() {
        let old = surface(&[("type:Foo_Bar", "types::FooBar", "struct"), ("field:Foo_Bar.x", "types::FooBar::x", "String")]);
        let new = surface(&[("type:Foo_Bar", "types::FooBar2", "struct"), ("field:Foo_Bar.x", "types::FooBar2::x", "Option<String>")]);
        let mut changes = Vec::new();
        attach(&old, &new, &mut changes, &|_| "Mutation");
        assert_eq!(changes.len(), 2, "{changes:?}");
        assert!(changes.iter().all(|c| c.kind == ChangeKind::RustItemChanged && c.area == Area::Rust && c.class == Class::Safe));
        let rust: Vec<&str> = changes.iter().filter_map(|c| c.rust.as_deref()).collect();
        assert!(rust.contains(&"renames `types::FooBar` to `types::FooBar2`"), "{rust:?}");
        assert!(rust.contains(&"renames `types::FooBar::x` to `types::FooBar2::x`"), "{rust:?}");
    }

    #[test]
    fn a_claimed_note_goes_to_its_change_and_identical_surfaces_have_none() {
        let old = surface(&[("op:a", "a", "module"), ("arg:a:x", "a::Variables::x", "String")]);
        let new = surface(&[]);
        let mut changes = vec![Change {
            class: Class::Breaking,
            area: Area::Surface,
            kind: ChangeKind::OperationRemoved,
            path: "Mutation.a".into(),
            message: String::new(),
            location: None,
            rust: None,
            with: Vec::new(),
            keys: vec!["op:a".into(), "arg:a:*".into()],
        }];
        attach(&old, &new, &mut changes, &|_| "Mutation");
        assert_eq!(changes.len(), 1);
        // The argument goes with its operation and is not named on its own.
        assert_eq!(changes[0].rust.as_deref(), Some("removes `a`"));
        let mut none = Vec::new();
        attach(&old, &old, &mut none, &|_| "Mutation");
        assert!(none.is_empty());
    }
}
