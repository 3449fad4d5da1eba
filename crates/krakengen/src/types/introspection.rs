//! Supplements as users usually have them: the JSON answer to the standard introspection query.
//!
//! [`to_sdl`] reads an introspection result, wrapped as a response (`{"data": {"__schema": …}}`) or
//! not (`{"__schema": …}`), checks it, and writes the SDL it describes, which the supplement loader
//! then reads like any other supplement, with the same conflict diagnostics. The SDL is written as
//! text: descriptions become JSON string literals, which are valid GraphQL string literals, and
//! default values are the GraphQL literals introspection gives; apollo-compiler parses and validates
//! the result as it does every supplement.
//!
//! Every problem is located: the JSON is read through [`RawValue`]s borrowed from the text, so each
//! value's byte offset is known, and each problem names the JSON path of the value
//! (`$.data.__schema.types[12].fields[3].type`). Checked: the wrapping and `types`; each type's
//! `kind` and `name`; type references (`ofType` present for `LIST` and `NON_NULL`, the named type
//! listed in `types` with the kind the reference says, at most [`TypeRef::MAX_DEPTH`] deep); the
//! root operation types. The cost is linear in the input: each value is read once.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::model::{is_builtin, TypeRef};

/// The standard introspection query, asking for deprecated fields, arguments, input fields and enum
/// values too, so that nothing deprecated is lost; `krakengen introspect` sends it.
pub const QUERY: &str = r#"query IntrospectionQuery {
  __schema {
    queryType { name }
    mutationType { name }
    subscriptionType { name }
    types { ...FullType }
    directives { name description isRepeatable locations args(includeDeprecated: true) { ...InputValue } }
  }
}

fragment FullType on __Type {
  kind
  name
  description
  specifiedByURL
  fields(includeDeprecated: true) {
    name
    description
    args(includeDeprecated: true) { ...InputValue }
    type { ...TypeRef }
    isDeprecated
    deprecationReason
  }
  inputFields(includeDeprecated: true) { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}

fragment InputValue on __InputValue {
  name
  description
  type { ...TypeRef }
  defaultValue
  isDeprecated
  deprecationReason
}

fragment TypeRef on __Type {
  kind
  name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
}
"#;

/// [`QUERY`] for servers that predate deprecated arguments and input fields, `isRepeatable` and
/// `specifiedByURL` (October 2021 GraphQL): sent when such a server refuses [`QUERY`]. It still asks
/// for deprecated fields and enum values.
pub fn legacy_query() -> String {
    QUERY
        .replace("args(includeDeprecated: true)", "args")
        .replace("inputFields(includeDeprecated: true)", "inputFields")
        .replace("  specifiedByURL\n", "")
        .replace("isRepeatable ", "")
        .replace("  defaultValue\n  isDeprecated\n  deprecationReason\n", "  defaultValue\n")
}

/// The answer to [`QUERY`] of a schema, as a server would give it (`{"data": {"__schema": …}}`),
/// computed by apollo-compiler: for tests and tools that need an introspection result of an SDL.
pub fn of_schema(schema: &apollo_compiler::validation::Valid<apollo_compiler::Schema>) -> serde_json::Value {
    let document = apollo_compiler::ExecutableDocument::parse_and_validate(schema, QUERY, "introspection.graphql")
        .expect("the introspection query is valid against every schema");
    let operation = document.operations.get(None).expect("the query has one operation");
    let variables = apollo_compiler::request::coerce_variable_values(schema, operation, &Default::default())
        .expect("the query has no variables");
    let response =
        apollo_compiler::introspection::partial_execute(schema, &schema.implementers_map(), &document, operation, &variables)
            .expect("introspection of a valid schema succeeds");
    serde_json::to_value(response).expect("a response serializes")
}

/// One problem of an introspection result, at a byte offset of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub offset: usize,
    /// The JSON path of the value, such as `$.data.__schema.types[3].kind`.
    pub path: String,
    pub message: String,
}

/// The introspection result in `text` as SDL, or every problem found in it (at most
/// [`MAX_PROBLEMS`], the rest counted in the last).
pub fn to_sdl(text: &str) -> Result<String, Vec<Problem>> {
    let mut r = Reader { text, problems: Vec::new(), omitted: 0 };
    let sdl = r.schema();
    if r.omitted > 0 {
        let last = r.problems.last().map_or(0, |p| p.offset);
        r.problems.push(Problem { offset: last, path: "$".into(), message: format!("and {} more problems", r.omitted) });
    }
    match sdl {
        Some(sdl) if r.problems.is_empty() => Ok(sdl),
        _ => Err(r.problems),
    }
}

/// How many problems are listed one by one.
pub const MAX_PROBLEMS: usize = 100;

#[derive(Deserialize)]
struct Wrapper<'a> {
    #[serde(borrow, default)]
    data: Option<&'a RawValue>,
    #[serde(borrow, default, rename = "__schema")]
    schema: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct SchemaJson<'a> {
    #[serde(borrow, default, rename = "queryType")]
    query_type: Option<&'a RawValue>,
    #[serde(borrow, default, rename = "mutationType")]
    mutation_type: Option<&'a RawValue>,
    #[serde(borrow, default, rename = "subscriptionType")]
    subscription_type: Option<&'a RawValue>,
    #[serde(borrow, default)]
    types: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct TypeJson<'a> {
    #[serde(borrow, default)]
    kind: Option<&'a RawValue>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(borrow, default)]
    fields: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default, rename = "inputFields")]
    input_fields: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    interfaces: Option<Vec<&'a RawValue>>,
    #[serde(default, rename = "enumValues")]
    enum_values: Option<Vec<EnumValueJson>>,
    #[serde(borrow, default, rename = "possibleTypes")]
    possible_types: Option<Vec<&'a RawValue>>,
    #[serde(default, rename = "specifiedByURL")]
    specified_by: Option<String>,
}

#[derive(Deserialize)]
struct FieldJson<'a> {
    name: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(borrow, default)]
    args: Option<Vec<&'a RawValue>>,
    #[serde(borrow, rename = "type")]
    ty: &'a RawValue,
    #[serde(default, rename = "defaultValue")]
    default_value: Option<String>,
    #[serde(default, rename = "isDeprecated")]
    is_deprecated: bool,
    #[serde(default, rename = "deprecationReason")]
    deprecation_reason: Option<String>,
}

#[derive(Deserialize)]
struct EnumValueJson {
    name: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default, rename = "isDeprecated")]
    is_deprecated: bool,
    #[serde(default, rename = "deprecationReason")]
    deprecation_reason: Option<String>,
}

#[derive(Deserialize)]
struct TypeRefJson<'a> {
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(borrow, default, rename = "ofType")]
    of_type: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct NamedJson {
    #[serde(default)]
    name: Option<String>,
}

/// The kinds `__Type.kind` takes for named types, as SDL keywords.
fn keyword(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "SCALAR" => "scalar",
        "OBJECT" => "type",
        "INTERFACE" => "interface",
        "UNION" => "union",
        "ENUM" => "enum",
        "INPUT_OBJECT" => "input",
        _ => return None,
    })
}

struct Reader<'a> {
    text: &'a str,
    problems: Vec<Problem>,
    omitted: usize,
}

impl<'a> Reader<'a> {
    fn offset(&self, raw: &RawValue) -> usize {
        (raw.get().as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize).min(self.text.len())
    }

    fn problem(&mut self, offset: usize, path: &str, message: impl Into<String>) {
        if self.problems.len() >= MAX_PROBLEMS {
            self.omitted += 1;
        } else {
            self.problems.push(Problem { offset, path: path.to_string(), message: message.into() });
        }
    }

    /// Reads `raw` as `T`, reporting a problem (and giving `None`) when it does not have that shape.
    fn read<T: Deserialize<'a>>(&mut self, raw: &'a RawValue, path: &str, what: &str) -> Option<T> {
        match serde_json::from_str::<T>(raw.get()) {
            Ok(v) => Some(v),
            Err(e) => {
                let at = self.offset(raw);
                self.problem(at, path, format!("{what} is not as introspection gives it: {e}"));
                None
            }
        }
    }

    fn schema(&mut self) -> Option<String> {
        let wrapper: Wrapper<'a> = match serde_json::from_str(self.text) {
            Ok(w) => w,
            Err(e) => {
                let offset = super::offset_of(self.text, e.line() as u32, e.column() as u32) as usize;
                self.problem(offset.min(self.text.len()), "$", format!("not a JSON object: {e}"));
                return None;
            }
        };
        let (schema, path) = match (wrapper.schema, wrapper.data) {
            (Some(s), _) => (s, "$.__schema".to_string()),
            (None, Some(data)) => match serde_json::from_str::<Wrapper<'a>>(data.get()) {
                Ok(Wrapper { schema: Some(s), .. }) => (s, "$.data.__schema".to_string()),
                _ => {
                    let at = self.offset(data);
                    self.problem(at, "$.data", "`data` holds no `__schema`: this is not the answer to an introspection query (was introspection disabled on the server?)");
                    return None;
                }
            },
            (None, None) => {
                self.problem(0, "$", "neither `__schema` nor `data.__schema` is here: this is not an introspection result");
                return None;
            }
        };
        let schema_at = self.offset(schema);
        let schema: SchemaJson<'a> = self.read(schema, &path, "`__schema`")?;
        let Some(types) = schema.types else {
            self.problem(schema_at, &path, "`__schema` has no `types`, so it describes no type");
            return None;
        };
        let types_path = format!("{path}.types");
        let types: Vec<&'a RawValue> = self.read(types, &types_path, "`types`")?;
        // First pass: every named type and its kind, so that references can be checked.
        let mut parsed = Vec::with_capacity(types.len());
        let mut kinds: BTreeMap<String, &'static str> = BTreeMap::new();
        for (i, raw) in types.iter().enumerate() {
            let path = format!("{types_path}[{i}]");
            let Some(t) = self.read::<TypeJson<'a>>(raw, &path, "the type") else { continue };
            let Some(name) = t.name.clone() else {
                let at = self.offset(raw);
                self.problem(at, &path, "a type without a `name`");
                continue;
            };
            let kind = match t.kind.map(|k| (k, serde_json::from_str::<String>(k.get()))) {
                Some((raw_kind, Ok(k))) => match keyword(&k) {
                    Some(kw) => kw,
                    None => {
                        let at = self.offset(raw_kind);
                        self.problem(at, &format!("{path}.kind"), format!("type `{name}` has the kind `{k}`, which no named type has (SCALAR, OBJECT, INTERFACE, UNION, ENUM, INPUT_OBJECT)"));
                        continue;
                    }
                },
                _ => {
                    let at = self.offset(raw);
                    self.problem(at, &format!("{path}.kind"), format!("type `{name}` has no `kind` string"));
                    continue;
                }
            };
            kinds.insert(name.clone(), kind);
            parsed.push((path, name, kind, t));
        }
        let mut out = String::with_capacity(self.text.len() / 2);
        self.roots(&schema, &path, &kinds, &mut out);
        for (path, name, kind, t) in parsed {
            // Introspection's own types and the built-in scalars are never declared.
            if name.starts_with("__") || (kind == "scalar" && is_builtin(&name)) {
                continue;
            }
            self.type_def(&path, &name, kind, t, &kinds, &mut out);
        }
        Some(out)
    }

    /// `schema { query: … mutation: … }`, when the roots are not the default names.
    fn roots(&mut self, schema: &SchemaJson<'a>, path: &str, kinds: &BTreeMap<String, &'static str>, out: &mut String) {
        let mut roots = Vec::new();
        for (op, raw) in [("query", schema.query_type), ("mutation", schema.mutation_type), ("subscription", schema.subscription_type)] {
            let Some(raw) = raw.filter(|r| r.get() != "null") else { continue };
            let field = format!("{path}.{op}Type");
            let Some(named) = self.read::<NamedJson>(raw, &field, "the root type") else { continue };
            let Some(name) = named.name else { continue };
            if kinds.get(&name) != Some(&"type") {
                let at = self.offset(raw);
                self.problem(at, &field, format!("the {op} root `{name}` is not an object type that `types` lists"));
                continue;
            }
            roots.push((op, name));
        }
        let default = |op: &str, name: &str| name.eq_ignore_ascii_case(op);
        if roots.iter().any(|(op, name)| !default(op, name)) {
            out.push_str("schema {\n");
            for (op, name) in &roots {
                let _ = writeln!(out, "  {op}: {name}");
            }
            out.push_str("}\n\n");
        }
    }

    fn type_def(&mut self, path: &str, name: &str, kind: &'static str, t: TypeJson<'a>, kinds: &BTreeMap<String, &'static str>, out: &mut String) {
        description(t.description.as_deref(), "", out);
        let _ = write!(out, "{kind} {name}");
        match kind {
            "scalar" => {
                if let Some(url) = &t.specified_by {
                    let _ = write!(out, " @specifiedBy(url: {})", quoted(url));
                }
                out.push('\n');
            }
            "union" => {
                let members = self.named_list(t.possible_types.as_deref().unwrap_or_default(), &format!("{path}.possibleTypes"), kinds, Some("type"));
                if !members.is_empty() {
                    let _ = write!(out, " = {}", members.join(" | "));
                }
                out.push('\n');
            }
            "enum" => {
                out.push_str(" {\n");
                for v in t.enum_values.unwrap_or_default() {
                    description(v.description.as_deref(), "  ", out);
                    let _ = write!(out, "  {}", v.name);
                    deprecated(v.is_deprecated, v.deprecation_reason.as_deref(), out);
                    out.push('\n');
                }
                out.push_str("}\n");
            }
            _ => {
                let interfaces = self.named_list(t.interfaces.as_deref().unwrap_or_default(), &format!("{path}.interfaces"), kinds, Some("interface"));
                if !interfaces.is_empty() {
                    let _ = write!(out, " implements {}", interfaces.join(" & "));
                }
                out.push_str(" {\n");
                let (list, key) =
                    if kind == "input" { (t.input_fields.unwrap_or_default(), "inputFields") } else { (t.fields.unwrap_or_default(), "fields") };
                for (i, raw) in list.iter().enumerate() {
                    let field_path = format!("{path}.{key}[{i}]");
                    self.field(raw, &field_path, kinds, "  ", out);
                }
                out.push_str("}\n");
            }
        }
        out.push('\n');
    }

    /// One field (or input field, or argument) line.
    fn field(&mut self, raw: &'a RawValue, path: &str, kinds: &BTreeMap<String, &'static str>, indent: &str, out: &mut String) {
        let Some(f) = self.read::<FieldJson<'a>>(raw, path, "the field") else { return };
        description(f.description.as_deref(), indent, out);
        let _ = write!(out, "{indent}{}", f.name);
        let args = f.args.unwrap_or_default();
        if !args.is_empty() {
            out.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                let mut arg = String::new();
                self.field(a, &format!("{path}.args[{i}]"), kinds, "", &mut arg);
                out.push_str(arg.trim_end());
            }
            out.push(')');
        }
        let ty = self.type_ref(f.ty, &format!("{path}.type"), kinds, 0);
        let _ = write!(out, ": {}", ty.map_or_else(|| "String".to_string(), |t| t.to_string()));
        if let Some(d) = &f.default_value {
            let _ = write!(out, " = {d}");
        }
        deprecated(f.is_deprecated, f.deprecation_reason.as_deref(), out);
        out.push('\n');
    }

    /// A type reference; problems are reported and the reference is `None`.
    fn type_ref(&mut self, raw: &'a RawValue, path: &str, kinds: &BTreeMap<String, &'static str>, depth: usize) -> Option<TypeRef> {
        let r = self.read::<TypeRefJson<'a>>(raw, path, "the type reference")?;
        let at = self.offset(raw);
        match r.kind.as_deref() {
            Some(k @ ("NON_NULL" | "LIST")) => {
                if depth >= TypeRef::MAX_DEPTH {
                    self.problem(at, path, format!("the type reference is nested more than {} deep", TypeRef::MAX_DEPTH));
                    return None;
                }
                let Some(inner) = r.of_type.filter(|o| o.get() != "null") else {
                    self.problem(at, path, format!("a `{k}` type reference without `ofType`"));
                    return None;
                };
                let inner = self.type_ref(inner, &format!("{path}.ofType"), kinds, depth + 1)?;
                Some(if k == "LIST" { TypeRef::List(Box::new(inner)) } else { TypeRef::NonNull(Box::new(inner)) })
            }
            Some(k) => {
                let Some(name) = r.name else {
                    self.problem(at, path, format!("a `{k}` type reference without a `name`"));
                    return None;
                };
                let listed = kinds.get(&name).copied();
                match (listed, keyword(k)) {
                    (_, None) => self.problem(at, path, format!("the type reference to `{name}` has the kind `{k}`, which no type has")),
                    (None, _) if is_builtin(&name) => {}
                    (None, _) => self.problem(at, path, format!("the type reference names `{name}`, which `types` does not list")),
                    (Some(listed), Some(said)) if listed != said => self.problem(
                        at,
                        path,
                        format!("the type reference says `{name}` is `{k}`, but `types` lists it as `{}`", kind_name(listed)),
                    ),
                    _ => {}
                }
                Some(TypeRef::Named(name))
            }
            None => {
                self.problem(at, path, "a type reference without a `kind`");
                None
            }
        }
    }

    /// The names of a list of type references (`interfaces`, `possibleTypes`), each checked to be
    /// listed with `want`'s kind.
    fn named_list(&mut self, list: &[&'a RawValue], path: &str, kinds: &BTreeMap<String, &'static str>, want: Option<&str>) -> Vec<String> {
        let mut out = Vec::new();
        for (i, raw) in list.iter().enumerate() {
            let item = format!("{path}[{i}]");
            let Some(named) = self.read::<NamedJson>(raw, &item, "the type reference") else { continue };
            let Some(name) = named.name else { continue };
            match kinds.get(&name) {
                Some(k) if want.is_none_or(|w| w == *k) => out.push(name),
                Some(k) => {
                    let at = self.offset(raw);
                    self.problem(at, &item, format!("`{name}` is listed here but `types` gives it the kind `{}`", kind_name(k)));
                }
                None => {
                    let at = self.offset(raw);
                    self.problem(at, &item, format!("`{name}`, which `types` does not list"));
                }
            }
        }
        out
    }
}

fn kind_name(keyword: &str) -> &'static str {
    match keyword {
        "scalar" => "SCALAR",
        "type" => "OBJECT",
        "interface" => "INTERFACE",
        "union" => "UNION",
        "enum" => "ENUM",
        _ => "INPUT_OBJECT",
    }
}

/// A GraphQL string literal: JSON's string escapes are GraphQL's.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

fn description(text: Option<&str>, indent: &str, out: &mut String) {
    if let Some(d) = text.filter(|d| !d.is_empty()) {
        let _ = writeln!(out, "{indent}{}", quoted(d));
    }
}

fn deprecated(is: bool, reason: Option<&str>, out: &mut String) {
    if is {
        match reason {
            Some(r) => {
                let _ = write!(out, " @deprecated(reason: {})", quoted(r));
            }
            None => out.push_str(" @deprecated"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An SDL, introspected and converted back, is the same schema.
    #[test]
    fn introspection_of_an_sdl_converts_back_to_it() {
        let sdl = "\"The root.\"\ntype Query {\n  \"A list.\"\n  things(first: Int = 10, old: String @deprecated(reason: \"No.\")): [Thing!]!\n}\n\ntype Thing implements Named {\n  name: String\n  colour: Colour @deprecated(reason: \"No longer supported\")\n}\n\ninterface Named {\n  name: String\n}\n\nenum Colour {\n  RED\n  GREEN @deprecated(reason: \"Gone.\")\n}\n\ninput Filter {\n  colour: Colour = RED\n  nested: [Filter!]\n}\n\nunion Any = Thing\n\nscalar Date @specifiedBy(url: \"https://example.com/date\")\n";
        let schema = apollo_compiler::Schema::parse_and_validate(sdl, "a.graphql").unwrap();
        let json = of_schema(&schema);
        let back = to_sdl(&json.to_string()).unwrap();
        let again = apollo_compiler::Schema::parse_and_validate(&back, "b.graphql").unwrap_or_else(|e| panic!("{}\n{back}", e.errors));
        // Same types, fields, arguments, defaults, deprecations and descriptions. (A bare
        // `@deprecated` comes back with GraphQL's default reason, so the SDL spells it out.)
        assert_eq!(again.to_string(), schema.to_string(), "{back}");
    }

    /// The legacy query is the standard one without what older servers refuse, and still valid.
    #[test]
    fn the_legacy_query_leaves_out_what_older_servers_refuse() {
        let legacy = legacy_query();
        for gone in ["args(includeDeprecated", "inputFields(includeDeprecated", "specifiedByURL", "isRepeatable"] {
            assert!(QUERY.contains(gone) && !legacy.contains(gone), "{gone}");
        }
        assert!(legacy.contains("fields(includeDeprecated: true)") && legacy.contains("enumValues(includeDeprecated: true)"));
        let input_value = &legacy[legacy.find("fragment InputValue").unwrap()..legacy.find("fragment TypeRef").unwrap()];
        assert!(!input_value.contains("isDeprecated"), "{input_value}");
        let schema = apollo_compiler::Schema::parse_and_validate("type Query { a: Int }", "s.graphql").unwrap();
        apollo_compiler::ExecutableDocument::parse_and_validate(&schema, legacy, "legacy.graphql").expect("valid");
    }

    #[test]
    fn both_wrappings_give_the_same_sdl() {
        let schema = r#"{"queryType":{"name":"Query"},"mutationType":null,"types":[
            {"kind":"OBJECT","name":"Query","description":"The \"root\".","fields":[
                {"name":"thing","description":null,"args":[{"name":"first","type":{"kind":"SCALAR","name":"Int"},"defaultValue":"10"}],
                 "type":{"kind":"NON_NULL","ofType":{"kind":"LIST","ofType":{"kind":"OBJECT","name":"Thing"}}},"isDeprecated":true,"deprecationReason":"Use things."}],
             "interfaces":[]},
            {"kind":"OBJECT","name":"Thing","fields":[{"name":"colour","args":[],"type":{"kind":"ENUM","name":"Colour"}}],"interfaces":[]},
            {"kind":"ENUM","name":"Colour","enumValues":[{"name":"RED"},{"name":"OLD","isDeprecated":true,"deprecationReason":null}]},
            {"kind":"SCALAR","name":"String"},
            {"kind":"OBJECT","name":"__Type","fields":[]}
        ]}"#;
        let bare = to_sdl(&format!("{{\"__schema\": {schema}}}")).unwrap();
        let wrapped = to_sdl(&format!("{{\"data\": {{\"__schema\": {schema}}}}}")).unwrap();
        assert_eq!(bare, wrapped);
        assert!(bare.contains("\"The \\\"root\\\".\"\ntype Query {\n  thing(first: Int = 10): [Thing]! @deprecated(reason: \"Use things.\")\n}"), "{bare}");
        assert!(bare.contains("enum Colour {\n  RED\n  OLD @deprecated\n}"), "{bare}");
        assert!(!bare.contains("__Type") && !bare.contains("scalar String"), "{bare}");
        apollo_compiler::Schema::parse_and_validate(&bare, "x.graphql").expect("valid SDL");
    }

    #[test]
    fn problems_name_their_json_path_and_offset() {
        let text = r#"{"__schema":{"types":[{"kind":"OBJEKT","name":"A"},{"kind":"OBJECT","name":"B","fields":[{"name":"a","type":{"kind":"OBJECT","name":"Nope"}},{"name":"b","type":{"kind":"LIST"}},{"name":"c","type":{"kind":"SCALAR","name":"B"}}]}]}}"#;
        let problems = to_sdl(text).unwrap_err();
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            ["$.__schema.types[0].kind", "$.__schema.types[1].fields[0].type", "$.__schema.types[1].fields[1].type", "$.__schema.types[1].fields[2].type"]
        );
        for p in &problems {
            assert!(text[p.offset..].starts_with('{') || text[p.offset..].starts_with('"'), "{p:?}");
        }
        assert!(problems[1].message.contains("`Nope`, which `types` does not list"), "{:?}", problems[1]);
        assert!(problems[3].message.contains("says `B` is `SCALAR`, but `types` lists it as `OBJECT`"), "{:?}", problems[3]);
        assert!(to_sdl(r#"{"__schema":{}}"#).unwrap_err()[0].message.contains("no `types`"));
        assert!(to_sdl(r#"{"data":{"__schema":null}}"#).unwrap_err()[0].message.contains("introspection disabled"));
        assert!(to_sdl(r#"{"data":null,"errors":[]}"#).unwrap_err()[0].message.contains("not an introspection result"));
        assert!(to_sdl("[1, 2").unwrap_err()[0].message.contains("not a JSON object"));
    }
}
