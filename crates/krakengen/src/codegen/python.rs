//! The Python target: a pip-installable package from the same IR the Rust client is emitted from.
//!
//! `src/<import name>/` holds `models.py` (pydantic models of the shared types, the payloads and
//! the users' operations' selections), `errors.py` (every error code with its category, from the
//! same table as the Rust `ErrorCode`, and the exceptions), `client.py` (`AsyncClient` and
//! `Client`, one method per operation), the runtime (`_async_runtime.py`, hand-written in
//! `templates/python`, and `_sync_runtime.py` derived from it word by word, as the sync client is
//! from the async one) and `py.typed`. The text is written in the layout `ruff format` gives it
//! (exploded signatures with trailing commas, double quotes), which the tests check.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::ir::{FieldIr, Ir, Ty, TypeIrKind};
use super::user_ops::Item;
use crate::diag::Diagnostics;
use crate::model::Span;
use crate::write::GeneratedFile;

mod client;
use client::{client, has_method};

/// The Python types of the custom scalars Kraken schemas declare, where pydantic reads and writes
/// their JSON form (ISO 8601 dates and times, decimals as strings). Every other custom scalar is
/// `Any` (`JSONString` and `GenericScalar` hold any JSON); [`super::Options::with_python_scalar`]
/// overrides both.
pub const DEFAULT_SCALARS: &[(&str, &str)] = &[
    ("BigInt", "int"),
    ("Date", "datetime.date"),
    ("DateTime", "datetime.datetime"),
    ("Decimal", "decimal.Decimal"),
    ("Time", "datetime.time"),
    ("UUID", "uuid.UUID"),
];

/// The distribution name of a package no one named.
pub const DEFAULT_DIST: &str = "kraken-client";

/// Checks a distribution name: ASCII letters, digits, `-` and `_`, starting with a letter (so that
/// the import name, `-` replaced by `_`, is a Python identifier).
pub fn check_dist(dist: &str) -> Result<(), String> {
    let valid = dist.starts_with(|c: char| c.is_ascii_alphabetic()) && dist.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if valid {
        Ok(())
    } else {
        Err(format!("`{}` is not a Python distribution name: letters, digits, - and _, starting with a letter", crate::diag::clip(dist, 80)))
    }
}

/// A scalar's Python type as the package spells it: a builtin or a dotted name (whose module is
/// imported), never code of another shape, since configuration text lands in the package.
fn check_scalar_type(ty: &str) -> bool {
    let ident = |p: &str| p.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    !ty.is_empty() && ty.len() <= 200 && ty.split('.').all(ident) && !ty.split('.').any(|p| KEYWORDS.contains(&p))
}

const ASYNC_RUNTIME: &str = include_str!("../../../../templates/python/_async_runtime.py");
const RUNTIME: &str = include_str!("../../../../templates/python/_runtime.py");
const ERRORS: &str = include_str!("../../../../templates/python/errors.py");

/// Python's keywords.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
    "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield",
];

/// The names a pydantic model's field must not take (its own attributes), besides the keywords.
const MODEL_ATTRIBUTES: &[&str] = &["json", "dict", "copy", "schema", "validate", "construct", "fields", "self"];

/// The names `models.py` defines or imports for itself, which no model may take.
const MODEL_GLOBALS: &[&str] = &[
    "Annotated", "Any", "BaseModel", "Callable", "ConfigDict", "Discriminator", "Field", "Tag", "annotations", "datetime", "decimal",
    "enum", "uuid", "_Model", "_OpenEnum", "_by_typename",
];

fn reserved(name: &str) -> bool {
    KEYWORDS.contains(&name) || MODEL_ATTRIBUTES.contains(&name)
}

/// A Rust identifier as a Python one: `r#type` is `type`; a reserved word gets a trailing `_`.
fn py_name(rust: &str) -> String {
    let n = rust.trim_start_matches("r#").trim_end_matches('_');
    let n = if n.is_empty() { rust.trim_start_matches("r#") } else { n };
    if reserved(n) || n.starts_with('_') {
        format!("{}_", n.trim_start_matches('_'))
    } else {
        n.to_string()
    }
}

/// A Python string literal of `s`, quoted as ruff quotes it: double quotes, unless the text holds
/// double quotes and no single ones.
fn py_str(s: &str) -> String {
    // JSON string syntax is valid Python for every string (escapes included).
    let json = serde_json::to_string(s).expect("a string serializes");
    if s.contains('"') && !s.contains('\'') {
        format!("'{}'", json[1..json.len() - 1].replace("\\\"", "\""))
    } else {
        json
    }
}

/// Ruff's limit, which the generated `pyproject.toml` sets.
const LINE: usize = 120;

/// `{indent}{head}({args}){tail}` in a layout ruff keeps: on one line if it fits, else one argument
/// a line with a trailing comma (which ruff never joins again, so the synchronous twin of a call,
/// shorter by its `await`, keeps the layout too).
fn call(indent: &str, head: &str, args: &[String], tail: &str) -> String {
    let one = format!("{indent}{head}({}){tail}", args.join(", "));
    if one.chars().count() <= LINE {
        return format!("{one}\n");
    }
    let lines: String = args.iter().map(|a| format!("{indent}    {a},\n")).collect();
    format!("{indent}{head}(\n{lines}{indent}){tail}\n")
}

/// How the types are spelled in Python.
struct Names {
    /// Shared type's Rust name → its Python name: its GraphQL name.
    shared: BTreeMap<String, String>,
    /// (operation module, local Rust name) → Python class name.
    local: BTreeMap<(String, String), String>,
}

impl Names {
    fn ann(&self, ty: &Ty, module: &str) -> String {
        match ty {
            Ty::Prim("String") => "str".into(),
            Ty::Prim("i32") => "int".into(),
            Ty::Prim("f64") => "float".into(),
            Ty::Prim(_) => "bool".into(),
            Ty::Json => "Any".into(),
            Ty::Shared(n) => self.shared.get(n).cloned().unwrap_or_else(|| n.clone()),
            Ty::Local(n) => self.local.get(&(module.to_string(), n.clone())).cloned().unwrap_or_else(|| "Any".into()),
            Ty::Option(t) => format!("{} | None", self.ann(t, module)),
            Ty::Vec(t) => format!("list[{}]", self.ann(t, module)),
            Ty::Boxed(t) => self.ann(t, module),
        }
    }
}

fn field_line(out: &mut String, f: &FieldIr, names: &Names, module: &str) {
    let ann = names.ann(&f.ty, module);
    let name = py_name(&f.rust);
    let mut args = Vec::new();
    if f.ty.is_option() {
        args.push("default=None".to_string());
    }
    // Not `alias`: type checkers take that as the constructor's keyword, and users write the Python
    // names; the JSON names are read and written through these two.
    args.push(format!("validation_alias={}", py_str(&f.graphql)));
    args.push(format!("serialization_alias={}", py_str(&f.graphql)));
    // The Rust client's rule: a field named like a password, token or key stays out of `repr`.
    if super::emit_client::is_secret(&f.graphql) {
        args.push("repr=False".to_string());
    }
    out.push_str(&call("    ", &format!("{name}: {ann} = Field"), &args, ""));
}

fn class(out: &mut String, name: &str, doc: &str, fields: &[FieldIr], names: &Names, module: &str) {
    let _ = writeln!(out, "\n\nclass {name}(_Model):");
    let _ = writeln!(out, "    {}", py_str(doc));
    if !fields.is_empty() {
        out.push('\n');
    }
    for f in fields {
        field_line(out, f, names, module);
    }
}

/// An alias of a union of models keyed by `__typename`, with `other` for a member the package
/// does not know. The member names go in a constant of their own, one a line with a trailing comma,
/// the layout ruff keeps however many there are.
fn by_typename(out: &mut String, name: &str, members: &[(String, String)], other: &str) {
    let mut parts: Vec<String> = members.iter().map(|(graphql, class)| format!("Annotated[{class}, Tag({})]", py_str(graphql))).collect();
    parts.push(format!("Annotated[{other}, Tag(\"__other__\")]"));
    let known: String = members.iter().map(|(g, _)| format!("        {},\n", py_str(g))).collect();
    let _ = writeln!(out, "\n\n_{name}_MEMBERS = frozenset(\n    {{\n{known}    }}\n)");
    let _ = writeln!(out, "{name} = Annotated[");
    let one = format!("    {},", parts.join(" | "));
    if one.chars().count() <= LINE {
        let _ = writeln!(out, "{one}");
    } else {
        let _ = writeln!(out, "    (\n        {}\n    ),", parts.join("\n        | "));
    }
    let _ = writeln!(out, "    Discriminator(_by_typename(_{name}_MEMBERS)),");
    out.push_str("]\n");
}

fn models(ir: &Ir, names: &Names, scalars: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    // The modules the scalars' types come from.
    let mut modules = BTreeSet::new();
    // Enums and aliases first, then classes: aliases must exist before a class names them at
    // run time (annotations are strings, but `Annotated` aliases are evaluated).
    for t in &ir.types {
        let doc = format!("The GraphQL type {}.", t.graphql);
        match &t.kind {
            TypeIrKind::Enum { values } => {
                let _ = writeln!(out, "\n\nclass {}(_OpenEnum):", names.shared[&t.rust]);
                let _ = writeln!(out, "    {}\n", py_str(&doc));
                for (graphql, _) in values {
                    let member = if reserved(graphql) { format!("{graphql}_") } else { graphql.clone() };
                    let _ = writeln!(out, "    {member} = {}", py_str(graphql));
                }
            }
            TypeIrKind::Scalar { .. } => {
                let ty = scalars.get(&t.graphql).map_or("Any", String::as_str);
                if let Some((module, _)) = ty.rsplit_once('.') {
                    modules.insert(module.to_string());
                }
                let _ = writeln!(out, "\n\n{} = {ty}\n\"\"\"{}\"\"\"", names.shared[&t.rust], doc.replace('"', "'"));
            }
            TypeIrKind::Opaque { .. } => {
                let _ = writeln!(out, "\n\n{} = dict[str, Any]\n\"\"\"{} The reference does not give its fields.\"\"\"", names.shared[&t.rust], doc.replace('"', "'"));
            }
            _ => {}
        }
    }
    for t in &ir.types {
        let doc = format!("The GraphQL type {}.", t.graphql);
        match &t.kind {
            TypeIrKind::Object { fields, .. } | TypeIrKind::Input { fields } => class(&mut out, &names.shared[&t.rust], &doc, fields, names, ""),
            _ => {}
        }
    }
    for t in &ir.types {
        if let TypeIrKind::Abstract { members, .. } = &t.kind {
            let members: Vec<(String, String)> = members.iter().map(|(g, _, rust)| (g.clone(), names.shared[rust].clone())).collect();
            by_typename(&mut out, &names.shared[&t.rust], &members, "dict[str, Any]");
        }
    }
    for (i, op) in ir.operations.iter().enumerate() {
        if let (Some(p), true) = (&op.payload, has_method(ir, i)) {
            let name = &names.local[&(op.module.clone(), p.rust.clone())];
            class(&mut out, name, &format!("The payload {} of {}.", p.graphql, op.graphql), &p.fields, names, &op.module);
        }
    }
    for op in &ir.user_operations {
        for item in &op.items {
            if let Item::Struct { rust, graphql, fields } = item {
                let name = &names.local[&(op.module.clone(), rust.clone())];
                class(&mut out, name, &format!("What {} selects on {graphql}.", op.name), fields, names, &op.module);
            }
        }
        for item in &op.items {
            if let Item::Enum { rust, variants, other, .. } = item {
                let name = &names.local[&(op.module.clone(), rust.clone())];
                let members: Vec<(String, String)> =
                    variants.iter().map(|(g, _, s)| (g.clone(), names.local[&(op.module.clone(), s.clone())].clone())).collect();
                // Any other member decodes as the common selection.
                by_typename(&mut out, name, &members, &names.local[&(op.module.clone(), other.clone())]);
            }
        }
    }
    models_head(&out, &modules) + &out
}

/// The imports and helpers of `models.py`, as far as `body` uses them (ruff refuses unused imports).
fn models_head(body: &str, modules: &BTreeSet<String>) -> String {
    let uses = |word: &str| {
        body.match_indices(word).any(|(i, _)| {
            let before = body[..i].chars().next_back();
            let after = body[i + word.len()..].chars().next();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
    };
    let tagged = uses("Discriminator");
    let mut head = String::from("\"\"\"Models of the API's types, the operations' payloads and your operations' selections.\"\"\"\n\nfrom __future__ import annotations\n\n");
    let mut imports: BTreeSet<&str> = modules.iter().map(String::as_str).collect();
    if uses("_OpenEnum") {
        imports.insert("enum");
    }
    for module in imports {
        let _ = writeln!(head, "import {module}");
    }
    if tagged {
        head.push_str("from collections.abc import Callable\n");
    }
    let typing: Vec<&str> = [("Annotated", tagged), ("Any", tagged || uses("Any") || uses("_OpenEnum"))].iter().filter(|(_, u)| *u).map(|(n, _)| *n).collect();
    if !typing.is_empty() {
        head.push_str(&format!("from typing import {}\n", typing.join(", ")));
    }
    if head.ends_with("\n\n") {
        // Nothing from the standard library.
    } else {
        head.push('\n');
    }
    let mut pydantic = vec!["BaseModel", "ConfigDict"];
    if tagged {
        pydantic.push("Discriminator");
    }
    if uses("Field") {
        pydantic.push("Field");
    }
    if tagged {
        pydantic.push("Tag");
    }
    head.push_str(&format!("from pydantic import {}\n\n\n", pydantic.join(", ")));
    head.push_str(
        "class _Model(BaseModel):\n    \
         model_config = ConfigDict(\n        \
         validate_by_name=True,\n        validate_by_alias=True,\n        extra=\"ignore\",\n        protected_namespaces=(),\n        \
         # Each model's validator is built on its first use, not at import (hundreds of models).\n        \
         defer_build=True,\n    )\n",
    );
    if uses("_OpenEnum") {
        head.push_str(
            "\n\nclass _OpenEnum(str, enum.Enum):\n    \
             \"\"\"An enum that keeps a value the API added after this package was generated, as a member of no name.\"\"\"\n\n    \
             @classmethod\n    \
             def _missing_(cls, value: object) -> Any:\n        \
             if not isinstance(value, str):\n            \
             return None\n        \
             member = str.__new__(cls, value)\n        \
             member._name_ = value\n        \
             member._value_ = value\n        \
             return member\n",
        );
    }
    if tagged {
        head.push_str(
            "\n\ndef _by_typename(known: frozenset[str]) -> Callable[[Any], str]:\n    \
             def pick(value: Any) -> str:\n        \
             typename = value.get(\"__typename\") if isinstance(value, dict) else getattr(value, \"typename\", None)\n        \
             return typename if isinstance(typename, str) and typename in known else \"__other__\"\n\n    \
             return pick\n",
        );
    }
    head
}

/// The synchronous twin of the asynchronous runtime: [`unasync`], with the imports and `__all__`
/// kept in order.
fn unasync_runtime(text: &str) -> String {
    const ORIGINAL: &str = "This file is the asynchronous original; ``_sync_runtime.py`` is derived from it by krakengen (the\n\
                            ``async``/``await`` words removed, ``httpx.AsyncClient`` for ``httpx.Client``), so both behave alike.";
    const DERIVED: &str = "This file is derived by krakengen from ``_async_runtime.py``, the asynchronous original (the\n\
                           ``async``/``await`` words removed, the synchronous HTTP client for the asynchronous one).";
    debug_assert!(text.contains(ORIGINAL), "the runtime's docstring names its derivation");
    let text = text.replace(ORIGINAL, DERIVED).replace("import asyncio\nimport json\nimport time\n", "import json\nimport threading\nimport time\n");
    unasync(&text)
}

/// The synchronous twin of asynchronous code: the same text with the asynchronous words replaced.
/// An `await` call shorter by six characters may fit on a line again, which the callers re-lay.
fn unasync(text: &str) -> String {
    let mut s = text.to_string();
    for (from, to) in [
        ("async def __aenter__", "def __enter__"),
        ("async def __aexit__", "def __exit__"),
        ("await self.http.aclose()", "self.http.close()"),
        ("async with ", "with "),
        ("async for ", "for "),
        ("async def ", "def "),
        ("await ", ""),
        ("asyncio.Lock()", "threading.Lock()"),
        ("asyncio.sleep(", "time.sleep("),
        ("import asyncio\n", "import threading\n"),
        ("aiter_bytes()", "iter_bytes()"),
        ("httpx.AsyncClient", "httpx.Client"),
        ("AsyncEngine", "SyncEngine"),
        ("AsyncClient", "Client"),
    ] {
        s = s.replace(from, to);
    }
    s
}

fn errors(ir: &Ir) -> String {
    let mut codes = String::from(
        "class KrakenErrorCode(str, enum.Enum):\n    \
         \"\"\"Every error code of the API this package knows: the reference's and Kraken's generic ones.\"\"\"\n\n",
    );
    let mut messages = String::from("#: The message the reference gives each code.\nMESSAGES: dict[str, str] = {\n");
    let mut table = String::from("#: The category of each code, by code.\nCATEGORIES: dict[str, ErrorCategory] = {\n");
    let word = |c: krakengen_policy::generic::Category| match c.name() {
        "RateLimit" => "RATE_LIMIT".to_string(),
        other => other.to_uppercase(),
    };
    // The package's codes, and the codes classified from what Kraken answers although no reference
    // lists them, so that the category of any code is the Rust client's.
    let mut categories: BTreeMap<&str, String> = BTreeMap::new();
    for c in &ir.codes {
        let member = c.code.replace('-', "_");
        let _ = writeln!(codes, "    {member} = {}", py_str(&c.code));
        let _ = writeln!(messages, "    {}: {},", py_str(&c.code), py_str(&c.message));
        categories.insert(&c.code, word(c.category));
    }
    for c in krakengen_policy::generic::CLASSIFIED_CODES {
        categories.entry(c.code).or_insert_with(|| word(c.category));
    }
    for (code, category) in &categories {
        let _ = writeln!(table, "    {}: ErrorCategory.{category},", py_str(code));
    }
    table.push_str("}\n");
    messages.push_str("}\n");
    codes.push_str(
        "\n    @property\n    def message(self) -> str:\n        \"\"\"The message the reference gives the code.\"\"\"\n        \
         return MESSAGES.get(self.value, \"\")\n\n    \
         @property\n    def category(self) -> ErrorCategory:\n        \"\"\"What kind of failure the code reports.\"\"\"\n        \
         return category_of(self.value)\n",
    );
    // Per operation, the codes its reference block lists.
    let mut possible = String::from("#: The error codes each operation's reference block lists, by GraphQL name.\nPOSSIBLE_ERRORS: dict[str, tuple[KrakenErrorCode, ...]] = {\n");
    for (op, m) in ir.operations.iter().zip(&ir.mutation_errors) {
        let listed: Vec<String> = m.codes[..m.listed].iter().map(|&c| format!("KrakenErrorCode.{}", ir.codes[c].code.replace('-', "_"))).collect();
        if listed.is_empty() {
            let _ = writeln!(possible, "    {}: (),", py_str(&op.graphql));
        } else {
            // A one-element tuple needs its comma; a longer one on one line must not end in one,
            // which ruff would take as a request to explode it.
            let tuple = if listed.len() == 1 { format!("({},)", listed[0]) } else { format!("({})", listed.join(", ")) };
            let one = format!("    {}: {tuple},", py_str(&op.graphql));
            if one.chars().count() <= LINE {
                let _ = writeln!(possible, "{one}");
            } else {
                let items: String = listed.iter().map(|l| format!("        {l},\n")).collect();
                let _ = writeln!(possible, "    {}: (\n{items}    ),", py_str(&op.graphql));
            }
        }
    }
    possible.push_str("}\n");
    ERRORS.replace("# @@CODES@@\n", &format!("{codes}\n\n{messages}\n{table}\n{possible}"))
}

/// Every file of the package `dist` (`kraken-client`), paths relative to its root; `header` is the
/// comment line each file starts with.
pub(crate) fn package(ir: &Ir, dist: &str, mapped: &BTreeMap<String, String>, header: &str) -> Result<Vec<GeneratedFile>, Diagnostics> {
    let mut diags = Diagnostics::new();
    if let Err(message) = check_dist(dist) {
        diags.error(crate::diag::Code::PythonPackage, Span::nowhere(), message, "");
    }
    let mut scalars: BTreeMap<String, String> = DEFAULT_SCALARS.iter().map(|(g, p)| (g.to_string(), p.to_string())).collect();
    for (graphql, python) in mapped {
        if check_scalar_type(python) {
            scalars.insert(graphql.clone(), python.clone());
        } else {
            diags.error(
                crate::diag::Code::ScalarMapping,
                Span::nowhere(),
                format!("the Python mapping of scalar `{graphql}` is not a Python name: `{}`", crate::diag::clip(python, 80)),
                "a builtin (`str`) or a dotted name (`datetime.datetime`)",
            );
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    let import = dist.replace('-', "_");
    // Shared types take their GraphQL names, unless one is a name `models.py` needs for itself.
    let mut taken: BTreeSet<String> = MODEL_GLOBALS.iter().chain(KEYWORDS).map(|n| n.to_string()).collect();
    taken.extend(scalars.values().filter_map(|ty| ty.split_once('.').map(|(module, _)| module.to_string())));
    let mut shared = BTreeMap::new();
    for t in &ir.types {
        let name = if taken.contains(&t.graphql) { format!("{}_", t.graphql) } else { t.graphql.clone() };
        taken.insert(name.clone());
        shared.insert(t.rust.clone(), name);
    }
    // The payloads' and the users' selections' classes live beside them: each takes its type's
    // GraphQL name where free, else is prefixed by its operation's.
    let mut local = BTreeMap::new();
    let mut claim = |module: &str, rust: &str, graphql: &str, prefix: &str| {
        let candidates = [graphql.to_string(), format!("{prefix}{graphql}")];
        let name = candidates
            .into_iter()
            .chain((2..).map(|i| format!("{prefix}{graphql}{i}")))
            .find(|c| !taken.contains(c))
            .expect("a free name");
        taken.insert(name.clone());
        local.insert((module.to_string(), rust.to_string()), name);
    };
    for (i, op) in ir.operations.iter().enumerate() {
        if let (Some(p), true) = (&op.payload, has_method(ir, i)) {
            claim(&op.module, &p.rust, &p.graphql, &crate::naming::sanitize(&op.graphql, crate::naming::Case::Pascal));
        }
    }
    for op in &ir.user_operations {
        let prefix = crate::naming::sanitize(&op.name, crate::naming::Case::Pascal);
        for item in &op.items {
            let rust = match item {
                Item::Struct { rust, .. } | Item::Enum { rust, .. } => rust,
            };
            // `Data` and the like are always prefixed: every operation has one.
            let name = format!("{prefix}{rust}");
            let name = if taken.contains(&name) { format!("{prefix}{rust}_") } else { name };
            taken.insert(name.clone());
            local.insert((op.module.clone(), rust.clone()), name);
        }
    }
    let names = Names { shared, local };
    let codes_of: BTreeMap<usize, Vec<String>> =
        ir.mutation_errors.iter().enumerate().map(|(i, m)| (i, m.codes[..m.listed].iter().map(|&c| ir.codes[c].code.clone()).collect())).collect();
    let comment = |text: String| format!("{}\n{text}", header.trim());
    let init = format!(
        "\"\"\"Typed client of the {} Kraken API, generated by krakengen.\"\"\"\n\n\
         from typing import TYPE_CHECKING\n\n\
         from . import errors\n\
         from ._runtime import RetryPolicy, Tokens\n\
         from .client import AsyncClient, Client\n\
         from .errors import (\n    \
         AuthenticationError,\n    AuthorizationError,\n    ComplexityError,\n    ErrorCategory,\n    KrakenError,\n    \
         KrakenErrorCode,\n    RateLimitError,\n    TransientError,\n    TransportError,\n    ValidationError,\n)\n\n\
         __all__ = [\n    \"AsyncClient\",\n    \"AuthenticationError\",\n    \"AuthorizationError\",\n    \"Client\",\n    \
         \"ComplexityError\",\n    \"ErrorCategory\",\n    \"KrakenError\",\n    \"KrakenErrorCode\",\n    \"RateLimitError\",\n    \
         \"RetryPolicy\",\n    \"Tokens\",\n    \"TransientError\",\n    \"TransportError\",\n    \"ValidationError\",\n    \
         \"errors\",\n    \"models\",\n]\n\n\
         # The models are imported on first use (`from {import} import models`, `{import}.models`, or a\n\
         # call): building their classes is most of the package's import time.\n\
         if TYPE_CHECKING:\n    \
         from . import models\n\
         else:\n\n    \
         def __getattr__(name: str) -> object:\n        \
         if name == \"models\":\n            \
         import importlib\n\n            \
         return importlib.import_module(f\"{{__name__}}.models\")\n        \
         raise AttributeError(f\"module {{__name__!r}} has no attribute {{name!r}}\")\n",
        ir.project
    );
    let pyproject = format!(
        "{}\n\n[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n\
         [project]\nname = {}\nversion = \"0.1.0\"\ndescription = \"Typed client of the {} Kraken API, generated by krakengen.\"\n\
         requires-python = \">=3.10\"\ndependencies = [\"pydantic>=2.11\", \"httpx>=0.27\", \"typing-extensions>=4.6\"]\n\n\
         [tool.hatch.build.targets.wheel]\npackages = [\"src/{import}\"]\n\n\
         [tool.mypy]\nstrict = true\nplugins = [\"pydantic.mypy\"]\n\n\
         [tool.pydantic-mypy]\ninit_typed = true\ninit_forbid_extra = true\n\n\
         [tool.ruff]\nline-length = 120\n",
        header.trim(),
        py_str(dist),
        ir.project
    );
    let at = |file: &str| format!("src/{import}/{file}");
    Ok(vec![
        GeneratedFile { path: "pyproject.toml".into(), contents: pyproject },
        GeneratedFile { path: at("__init__.py").into(), contents: comment(init) },
        GeneratedFile { path: at("py.typed").into(), contents: String::new() },
        GeneratedFile { path: at("errors.py").into(), contents: comment(errors(ir)) },
        GeneratedFile { path: at("models.py").into(), contents: comment(models(ir, &names, &scalars)) },
        GeneratedFile { path: at("client.py").into(), contents: comment(client(ir, &names, &codes_of)) },
        GeneratedFile { path: at("_runtime.py").into(), contents: comment(RUNTIME.to_string()) },
        GeneratedFile { path: at("_async_runtime.py").into(), contents: comment(ASYNC_RUNTIME.to_string()) },
        GeneratedFile { path: at("_sync_runtime.py").into(), contents: comment(unasync_runtime(ASYNC_RUNTIME)) },
    ])
}
