//! `client.py` of the Python target: `AsyncClient` and `Client`, one method per operation, with
//! each operation's document, the adapter its answer decodes with, and its docstring.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::{call, py_name, py_str, unasync, Names, LINE};
use crate::codegen::ir::{FieldIr, Ir, OperationIr};
use crate::model::{OperationKind, Permissions};

/// Whether reference operation `i` gets a method (and its payload a model): not when it is there
/// only because a user's document calls its root field (the user's method is the one to call, and
/// the error tables are `POSSIBLE_ERRORS`'s), unless it is the token mutation `authenticate` sends.
pub(super) fn has_method(ir: &Ir, i: usize) -> bool {
    !ir.operations[i].called_only || ir.authenticate.as_ref().is_some_and(|a| a.operation == i)
}

/// `{target} = _Lazy(lambda m: T)` for the type `ann` (`models.X | None`), its models reached through
/// the module `m` the adapter imports on first use.
fn lazy(target: &str, ann: &str) -> String {
    call("", &format!("{target} = _Lazy"), &[format!("lambda m: {}", ann.replace("models.", "m."))], "")
}

/// The constants of operation `i`: its document `_D{i}`, the type `_T{i}` its answer decodes to and
/// the adapter `_A{i}` that decodes it. Short names keep every line within ruff's limit (a long type
/// is named once, on a line of its own), so the layout is the one ruff gives.
fn adapters(out: &mut String, i: usize, name: &str, ann: &str, document: &str) {
    let _ = writeln!(out, "\n# {name}");
    // The type as a string, so that importing the client does not import the models.
    let _ = writeln!(out, "_T{i}: TypeAlias = {}", py_str(ann));
    out.push_str(&lazy(&format!("_A{i}: _Lazy[_T{i}]"), ann));
    let literal = py_str(document);
    let one = format!("_D{i} = {literal}");
    if one.chars().count() > LINE && literal.chars().count() + 4 <= LINE {
        let _ = writeln!(out, "_D{i} = (\n    {literal}\n)");
    } else {
        let _ = writeln!(out, "{one}");
    }
}

/// `lines` followed by the operation's possible error codes, without trailing empty lines.
fn with_possible_errors(mut lines: Vec<String>, codes: Option<&Vec<String>>) -> Vec<String> {
    if let Some(codes) = codes.filter(|c| !c.is_empty()) {
        lines.push(format!("Possible errors: {}.", codes.join(", ")));
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

fn doc_lines(op: &OperationIr) -> Vec<String> {
    let mut lines = Vec::new();
    lines.push(op.description.clone().unwrap_or_else(|| format!("The {} {}.", op.kind.keyword(), op.graphql)));
    // The summary, a blank line, then the facts (PEP 257).
    lines.push(String::new());
    if let Some(c) = op.complexity {
        lines.push(format!("Query complexity: {c}."));
    }
    match &op.permissions {
        Permissions::Unspecified => {}
        Permissions::Public => lines.push("Required permissions: none.".into()),
        Permissions::Required(e) => lines.push(format!("Required permissions: {e}.")),
    }
    for r in &op.rate_limits {
        let steps: Vec<String> = r.steps.iter().map(|s| format!("{} per {}", s.limit, s.per.as_str())).collect();
        lines.push(format!("Rate limit by {}: {}.", r.key, steps.join(", ")));
    }
    if let Some(d) = &op.deprecation {
        lines.push(format!("Deprecated: {}", d.reason.lines().next().unwrap_or("")));
    }
    lines
}

/// The `DeprecationWarning` a deprecated operation's method emits: its name, removal date, reason.
fn deprecation_warning(op: &OperationIr) -> Option<String> {
    let d = op.deprecation.as_ref()?;
    let when = d.removal.as_ref().map_or(String::new(), |r| format!(" and scheduled for removal on or after {r}"));
    let reason = d.reason.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ");
    Some(format!("{} is deprecated{when}: {reason}", op.graphql))
}

fn docstring(out: &mut String, indent: &str, lines: &[String]) {
    let escape = |s: &str| s.trim_end().replace('\\', "\\\\").replace("\"\"\"", "'''");
    // An empty line stays one (`"".lines()` yields nothing).
    let text: Vec<String> = lines.iter().flat_map(|l| if l.is_empty() { vec![String::new()] } else { l.lines().map(escape).collect() }).collect();
    let _ = writeln!(out, "{indent}\"\"\"{}", text.first().map(String::as_str).unwrap_or(""));
    for l in text.iter().skip(1) {
        if l.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "{indent}{l}");
        }
    }
    if text.len() > 1 {
        let _ = writeln!(out, "{indent}\"\"\"");
    } else {
        out.pop();
        out.push_str("\"\"\"\n");
    }
}

pub(super) fn client(ir: &Ir, names: &Names, codes_of: &BTreeMap<usize, Vec<String>>) -> String {
    let mut out = String::from(
        "\"\"\"The typed client: one method per operation, on ``AsyncClient`` and on ``Client``.\"\"\"\n\n\
         from __future__ import annotations\n\n\
         import warnings\n\
         from collections.abc import Callable\n\
         from types import ModuleType, TracebackType\n\
         from typing import TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar\n\n\
         import httpx\n\
         from pydantic import BaseModel, TypeAdapter\n\
         from typing_extensions import Self\n\n\
         from ._async_runtime import AsyncEngine\n\
         from ._runtime import RetryPolicy, kind_of\n\
         from ._sync_runtime import SyncEngine\n\n\
         if TYPE_CHECKING:\n    \
         from . import models\n\n\
         __all__ = [\"AsyncClient\", \"Client\"]\n\n\
         _T = TypeVar(\"_T\")\n\n\n\
         class _Lazy(Generic[_T]):\n    \
         \"\"\"A ``TypeAdapter`` built on first use, with the models imported then: importing the client imports no model.\"\"\"\n\n    \
         __slots__ = (\"_adapter\", \"_build\")\n\n    \
         def __init__(self, build: Callable[[ModuleType], Any]) -> None:\n        \
         self._build = build\n        \
         self._adapter: TypeAdapter[_T] | None = None\n\n    \
         def validate_python(self, value: Any) -> _T:\n        \
         adapter = self._adapter\n        \
         if adapter is None:\n            \
         from . import models\n\n            \
         adapter = self._adapter = TypeAdapter(self._build(models))\n        \
         return adapter.validate_python(value)\n\n\n\
         def _dump(value: Any) -> Any:\n    \
         if isinstance(value, BaseModel):\n        \
         return value.model_dump(mode=\"json\", by_alias=True, exclude_none=True)\n    \
         if isinstance(value, list):\n        \
         return [_dump(v) for v in value]\n    \
         if isinstance(value, dict):\n        \
         return {k: _dump(v) for k, v in value.items()}\n    \
         return getattr(value, \"value\", value)\n",
    );
    // The token mutation (name, document, field) the session refreshes with.
    let token = ir.authenticate.as_ref().map(|a| &ir.operations[a.operation]);
    match token {
        Some(op) => {
            let _ = writeln!(
                out,
                "\n\n_TOKEN_MUTATION = (\n    {},\n    {},\n    {},\n)",
                py_str(&op.operation_name),
                py_str(&op.document),
                py_str(&op.graphql)
            );
        }
        None => out.push_str("\n\n_TOKEN_MUTATION = None\n"),
    }
    let qualified = |ann: String| -> String {
        // Model names are qualified by the module the client imports them from.
        let mut s = String::new();
        let mut word = String::new();
        for c in ann.chars().chain(std::iter::once(' ')) {
            if c.is_alphanumeric() || c == '_' {
                word.push(c);
            } else {
                if !word.is_empty() {
                    let builtin = matches!(word.as_str(), "None" | "list" | "dict" | "Any" | "str" | "int" | "float" | "bool");
                    if !builtin {
                        s.push_str("models.");
                    }
                    s.push_str(&word);
                    word.clear();
                }
                s.push(c);
            }
        }
        s.pop();
        s
    };
    // The adapters that decode each operation's field of `data`.
    let mut methods = String::new();
    // Method names: the reference operations', then the users', which take their own snake_case
    // name unless a method has it (the Rust client's names also avoid the modules of operations the
    // Python package leaves out).
    let mut method_names: BTreeSet<String> =
        ["authenticate", "execute", "close"].into_iter().map(String::from).collect();
    for (i, op) in ir.operations.iter().enumerate() {
        if !has_method(ir, i) {
            continue;
        }
        method_names.insert(py_name(&op.method));
        let ann = qualified(names.ann(&op.data_field.ty, &op.module));
        let adapter = format!("_A{i}");
        adapters(&mut out, i, &op.graphql, &ann, &op.document);
        let lines = with_possible_errors(doc_lines(op), codes_of.get(&i));
        method(&mut methods, &py_name(&op.method), &op.operation_name, &format!("_D{}", &adapter[2..]), op.kind, &op.variables, names, &op.module, &ann, &adapter, Some(&op.graphql), &lines, &qualified, deprecation_warning(op).as_deref());
    }
    for (j, op) in ir.user_operations.iter().enumerate() {
        let data = qualified(names.local[&(op.module.clone(), "Data".to_string())].clone());
        let i = ir.operations.len() + j;
        let adapter = format!("_A{i}");
        adapters(&mut out, i, &op.name, &data, &op.document);
        let mut lines = vec![format!("Your {} ``{}``; returns its whole ``data``.", op.kind.keyword(), op.name)];
        // What the reference says of the root field it calls, as on the reference's own method.
        let called = op.reference_module.as_ref().and_then(|m| ir.operations.iter().position(|o| &o.module == m));
        if let Some(r) = called {
            let reference = &ir.operations[r];
            lines.push(String::new());
            lines.push(format!("Calls ``{}``: {}", reference.graphql, doc_lines(reference).join("\n")));
            lines = with_possible_errors(lines, codes_of.get(&r));
        }
        let base = py_name(&crate::naming::sanitize(&op.name, crate::naming::Case::Snake));
        let name = std::iter::once(base.clone()).chain((2..).map(|n| format!("{base}_{n}"))).find(|n| !method_names.contains(n)).expect("a free name");
        method_names.insert(name.clone());
        let warning = called.and_then(|r| deprecation_warning(&ir.operations[r]));
        method(&mut methods, &name, &op.name, &format!("_D{}", &adapter[2..]), op.kind, &op.variables, names, &op.module, &data, &adapter, None, &lines, &qualified, warning.as_deref());
    }
    if let (Some(a), Some(op)) = (&ir.authenticate, token) {
        let payload = op.payload.as_ref().map(|p| qualified(names.local[&(op.module.clone(), p.rust.clone())].clone())).unwrap_or_else(|| "Any".into());
        out.push('\n');
        out.push_str(&lazy(&format!("_TOKEN_PAYLOAD: _Lazy[{payload}]"), &payload));
        let arg = py_name(&a.argument);
        let var = op.variables.iter().find(|v| v.graphql == a.argument).map(|v| qualified(names.ann(&v.ty, &op.module))).unwrap_or_else(|| "Any".into());
        let _ = write!(
            methods,
            "\n    async def authenticate(self, {arg}: {var}) -> {payload}:\n        \
             \"\"\"Obtains a Kraken token and keeps it in the session: later calls send it and it is renewed ahead of its expiry.\n\n        \
             A failed login is not sent again.\n        \"\"\"\n        \
             payload = await self._engine.authenticate(\n            \
             {},\n            _TOKEN_MUTATION[1],\n            {},\n            {{{}: _dump({arg})}},\n        )\n        \
             return _TOKEN_PAYLOAD.validate_python(payload)\n",
            py_str(&op.operation_name),
            py_str(&op.graphql),
            py_str(&a.argument),
        );
    }
    let async_client = format!(
        "\n\nclass AsyncClient:\n    \
         \"\"\"The API's client. Use it as ``async with AsyncClient(endpoint) as client:``.\n\n    \
         ``refresh_margin`` is how many seconds before its expiry the session's token is renewed (at most half its life).\n    \"\"\"\n\n    \
         def __init__(\n        self,\n        endpoint: str,\n        *,\n        headers: dict[str, str] | None = None,\n        \
         http: httpx.AsyncClient | None = None,\n        timeout: float = 60.0,\n        retry: RetryPolicy | None = None,\n        refresh_margin: float = 300.0,\n    ) -> None:\n        \
         self._engine = AsyncEngine(\n            endpoint,\n            headers=headers,\n            http=http,\n            timeout=timeout,\n            \
         retry=retry if retry is not None else RetryPolicy(),\n            token_mutation=_TOKEN_MUTATION,\n            \
         refresh_margin=refresh_margin,\n        )\n\n    \
         def __repr__(self) -> str:\n        return f\"AsyncClient({{self._engine!r}})\"\n\n    \
         async def __aenter__(self) -> Self:\n        return self\n\n    \
         async def __aexit__(\n        self,\n        exc_type: type[BaseException] | None,\n        exc: BaseException | None,\n        \
         tb: TracebackType | None,\n    ) -> None:\n        await self._engine.close()\n\n    \
         async def close(self) -> None:\n        \"\"\"Closes the HTTP client if the client made it.\"\"\"\n        await self._engine.close()\n\n    \
         async def execute(\n        self,\n        document: str,\n        variables: dict[str, Any] | None = None,\n        *,\n        operation_name: str = \"\",\n    ) -> dict[str, Any]:\n        \
         \"\"\"Sends any document and returns its ``data``; ``operation_name`` names one of several operations.\n\n        \
         It is sent again after a failure only when it is a query (see ``kind_of``).\n        \"\"\"\n        \
         return await self._engine.execute(operation_name, document, _dump(variables or {{}}), kind_of(document))\n\
         {methods}"
    );
    out.push_str(&async_client);
    out.push_str(&unasync(&async_client));
    if !out.contains("warnings.warn(") {
        // ruff refuses an unused import.
        out = out.replacen("import warnings\n", "", 1);
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn method(
    out: &mut String,
    name: &str,
    operation_name: &str,
    document: &str,
    kind: OperationKind,
    variables: &[FieldIr],
    names: &Names,
    module: &str,
    ret: &str,
    adapter: &str,
    field: Option<&str>,
    doc: &[String],
    qualified: &dyn Fn(String) -> String,
    deprecated: Option<&str>,
) {
    let _ = write!(out, "\n    async def {name}(\n        self,\n");
    if !variables.is_empty() {
        out.push_str("        *,\n");
    }
    let mut required: Vec<&FieldIr> = variables.iter().filter(|v| !v.ty.is_option()).collect();
    required.extend(variables.iter().filter(|v| v.ty.is_option()));
    for v in &required {
        let ann = qualified(names.ann(&v.ty, module));
        let default = if v.ty.is_option() { " = None" } else { "" };
        let _ = writeln!(out, "        {}: {ann}{default},", py_name(&v.rust));
    }
    let _ = writeln!(out, "    ) -> {ret}:");
    docstring(out, "        ", doc);
    if let Some(message) = deprecated {
        out.push_str(&call("        ", "warnings.warn", &[py_str(message), "DeprecationWarning".into(), "stacklevel=2".into()], ""));
    }
    out.push_str("        variables: dict[str, Any] = {}\n");
    for v in variables {
        let n = py_name(&v.rust);
        if v.ty.is_option() {
            let _ = writeln!(out, "        if {n} is not None:\n            variables[{}] = _dump({n})", py_str(&v.graphql));
        } else {
            let _ = writeln!(out, "        variables[{}] = _dump({n})", py_str(&v.graphql));
        }
    }
    let args = [py_str(operation_name), document.to_string(), "variables".to_string(), py_str(kind.keyword())];
    out.push_str(&call("        ", "data = await self._engine.execute", &args, ""));
    match field {
        Some(f) => out.push_str(&call("        ", &format!("return {adapter}.validate_python"), &[format!("data.get({})", py_str(f))], "")),
        None => {
            let _ = writeln!(out, "        return {adapter}.validate_python(data)");
        }
    }
}
