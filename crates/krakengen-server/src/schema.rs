//! Building an async-graphql schema from krakengen's SDL.
//!
//! The schema a server exposes must be the checked-in SDL, so it is built from that text rather than
//! from Rust types: every object, union, interface, enum, input object and scalar of the SDL becomes a
//! dynamic async-graphql type. Mutation fields call a [`Dispatch`] after the [`Policy`] allowed the
//! call; every other field reads its value from its parent's JSON, so a resolver only ever returns
//! plain JSON shaped like the response.
//!
//! Differences the representation forces:
//! - async-graphql's dynamic schemas cannot declare custom directives, so krakengen's metadata
//!   directives (`@opaque`, `@complexity`, `@requiresPermissions`, ...) are absent from the served SDL;
//!   the metadata is enforced instead (permissions and rate limits by the policy);
//! - an `@opaque` input object (fields unknown, a placeholder `_opaque` field in the SDL) is served as
//!   a scalar of the same name, so that real inputs, whose fields the SDL cannot list, are accepted.
//!
//! Everything else — types, fields, arguments, descriptions and deprecations — is carried over.

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use apollo_compiler::schema::{ExtendedType, Type};
use async_graphql::dynamic::{
    Enum, Field, FieldFuture, FieldValue, InputObject, InputValue, Object, ResolverContext, Scalar, SchemaError, TypeRef,
    Union,
};
/// The served schema (async-graphql's dynamic schema), re-exported so generated servers need no
/// direct dependency on async-graphql.
pub use async_graphql::dynamic::Schema;
use async_graphql::Value;

use crate::error::KrakenError;
use crate::policy::{Caller, Policy};

/// One mutation call handed to a [`Dispatch`].
#[derive(Debug)]
pub struct Call<'a> {
    pub mutation: &'a str,
    /// The arguments as a JSON object.
    pub arguments: serde_json::Value,
    pub caller: &'a Caller,
}

/// The future a [`Dispatch`] returns: the mutation's payload as JSON, or a Kraken error.
pub type DispatchFuture<'a> = Pin<Box<dyn Future<Output = Result<serde_json::Value, KrakenError>> + Send + 'a>>;

/// Runs mutations. Generated servers implement it by calling typed trait methods; the mock by
/// returning example responses.
pub trait Dispatch: Send + Sync + 'static {
    fn call<'a>(&'a self, call: Call<'a>) -> DispatchFuture<'a>;
}

/// Why a schema could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("the SDL is not valid:\n{0}")]
    InvalidSdl(String),
    #[error("async-graphql rejected the schema: {0}")]
    Dynamic(#[from] SchemaError),
}

/// What the resolvers need to know about named types.
struct Types {
    abstract_types: BTreeMap<String, Vec<String>>,
    enums: BTreeSet<String>,
}

/// Settings of a served schema beyond what the SDL says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// The largest total query complexity of one mutation operation: the sum of the `@complexity`
    /// values the catalogue gives the mutation fields it selects (1 for a field without one). `None`
    /// accepts any operation.
    pub max_complexity: Option<u32>,
}

impl Settings {
    /// Refuses mutation operations whose total complexity exceeds `max`.
    #[must_use]
    pub fn with_max_complexity(mut self, max: u32) -> Self {
        self.max_complexity = Some(max);
        self
    }
}

/// The `errorCode` of an operation refused for its complexity. The reference documents no code for
/// this, so krakengen uses one of its own that no Kraken code can collide with; generated clients
/// parse it into their `Unknown` fallback.
pub const COMPLEXITY_EXCEEDED: &str = "KRAKENGEN-COMPLEXITY-LIMIT";

/// Builds a schema from SDL text; `policy` guards the mutations and `dispatch` runs them.
pub fn build(sdl: &str, policy: Arc<Policy>, dispatch: Arc<dyn Dispatch>) -> Result<Schema, BuildError> {
    build_with(sdl, policy, dispatch, &Settings::default())
}

/// [`build`] with [`Settings`].
pub fn build_with(sdl: &str, policy: Arc<Policy>, dispatch: Arc<dyn Dispatch>, settings: &Settings) -> Result<Schema, BuildError> {
    let schema = apollo_compiler::Schema::parse_and_validate(sdl, "schema.graphql")
        .map_err(|e| BuildError::InvalidSdl(e.errors.to_string()))?;
    let query = schema.schema_definition.query.as_ref().map(|n| n.name.to_string()).unwrap_or_else(|| "Query".into());
    let mutation = schema.schema_definition.mutation.as_ref().map(|n| n.name.to_string());

    let mut types = Types { abstract_types: BTreeMap::new(), enums: BTreeSet::new() };
    for (name, ty) in &schema.types {
        match ty {
            ExtendedType::Union(u) => {
                types.abstract_types.insert(name.to_string(), u.members.iter().map(|m| m.name.to_string()).collect());
            }
            ExtendedType::Interface(_) => {
                let implementers = schema.implementers_map();
                let objs = implementers.get(name).map(|i| i.objects.iter().map(|o| o.to_string()).collect()).unwrap_or_default();
                types.abstract_types.insert(name.to_string(), objs);
            }
            ExtendedType::Enum(_) => {
                types.enums.insert(name.to_string());
            }
            _ => {}
        }
    }
    let types = Arc::new(types);

    let mut builder = Schema::build(&query, mutation.as_deref(), None);
    if let (Some(max), Some(root)) = (settings.max_complexity, mutation.as_deref()) {
        builder = builder.extension(ComplexityLimit { max, costs: Arc::new(mutation_costs(&schema, root)) });
    }
    for (name, ty) in &schema.types {
        if ty.is_built_in() {
            continue;
        }
        let description = |d: &Option<apollo_compiler::Node<str>>| d.as_ref().map(|d| d.to_string());
        match ty {
            ExtendedType::Scalar(s) => {
                let mut sc = Scalar::new(name.as_str());
                if let Some(d) = description(&s.description) {
                    sc = sc.description(d);
                }
                builder = builder.register(sc);
            }
            ExtendedType::Enum(e) => {
                let mut en = Enum::new(name.as_str()).items(e.values.keys().map(|k| k.as_str()));
                if let Some(d) = description(&e.description) {
                    en = en.description(d);
                }
                builder = builder.register(en);
            }
            ExtendedType::InputObject(io) if io.directives.get("opaque").is_some() => {
                // An input object whose fields the reference does not give has only a placeholder field
                // in the SDL; serving it as such would reject every real input, so it is served as a
                // scalar that accepts any value.
                let mut sc = Scalar::new(name.as_str());
                if let Some(d) = description(&io.description) {
                    sc = sc.description(d);
                }
                builder = builder.register(sc);
            }
            ExtendedType::InputObject(io) => {
                let mut obj = InputObject::new(name.as_str());
                for (fname, f) in &io.fields {
                    let mut iv = InputValue::new(fname.as_str(), type_ref(&f.ty));
                    if let Some(d) = description(&f.description) {
                        iv = iv.description(d);
                    }
                    obj = obj.field(iv);
                }
                if let Some(d) = description(&io.description) {
                    obj = obj.description(d);
                }
                builder = builder.register(obj);
            }
            ExtendedType::Union(u) => {
                let mut un = Union::new(name.as_str());
                for m in &u.members {
                    un = un.possible_type(m.name.as_str());
                }
                if let Some(d) = description(&u.description) {
                    un = un.description(d);
                }
                builder = builder.register(un);
            }
            ExtendedType::Interface(i) => {
                let mut it = async_graphql::dynamic::Interface::new(name.as_str());
                for (fname, f) in &i.fields {
                    let mut field = async_graphql::dynamic::InterfaceField::new(fname.as_str(), type_ref(&f.ty));
                    if let Some(d) = description(&f.description) {
                        field = field.description(d);
                    }
                    it = it.field(field);
                }
                builder = builder.register(it);
            }
            ExtendedType::Object(o) => {
                let is_mutation = Some(name.as_str()) == mutation.as_deref();
                let mut obj = Object::new(name.as_str());
                for iface in &o.implements_interfaces {
                    obj = obj.implement(iface.name.as_str());
                }
                for (fname, f) in &o.fields {
                    let field_name = fname.to_string();
                    let ty = f.ty.clone();
                    let types = Arc::clone(&types);
                    let mut field = if is_mutation {
                        let policy = Arc::clone(&policy);
                        let dispatch = Arc::clone(&dispatch);
                        Field::new(fname.as_str(), type_ref(&f.ty), move |ctx| {
                            let policy = Arc::clone(&policy);
                            let dispatch = Arc::clone(&dispatch);
                            let types = Arc::clone(&types);
                            let ty = ty.clone();
                            let name = field_name.clone();
                            FieldFuture::new(async move { resolve_mutation(ctx, &name, &ty, &policy, &*dispatch, &types).await })
                        })
                    } else {
                        Field::new(fname.as_str(), type_ref(&f.ty), move |ctx| {
                            let value = ctx
                                .parent_value
                                .as_value()
                                .and_then(|v| match v {
                                    Value::Object(m) => m.get(field_name.as_str()).cloned(),
                                    _ => None,
                                })
                                .unwrap_or(Value::Null);
                            FieldFuture::Value(to_field_value(value, &ty, &types))
                        })
                    };
                    for arg in &f.arguments {
                        let mut iv = InputValue::new(arg.name.as_str(), type_ref(&arg.ty));
                        if let Some(d) = description(&arg.description) {
                            iv = iv.description(d);
                        }
                        field = field.argument(iv);
                    }
                    if let Some(d) = description(&f.description) {
                        field = field.description(d);
                    }
                    if let Some(dep) = f.directives.get("deprecated") {
                        let reason = dep.specified_argument_by_name("reason").and_then(|v| v.as_str().map(str::to_string));
                        field = field.deprecation(reason.as_deref());
                    }
                    obj = obj.field(field);
                }
                if let Some(d) = description(&o.description) {
                    obj = obj.description(d);
                }
                builder = builder.register(obj);
            }
        }
    }
    Ok(builder.finish()?)
}

/// The `@complexity` of every field of the mutation root.
fn mutation_costs(schema: &apollo_compiler::Schema, root: &str) -> BTreeMap<String, u32> {
    let Some(ExtendedType::Object(o)) = schema.types.get(root) else { return BTreeMap::new() };
    o.fields
        .iter()
        .filter_map(|(name, f)| {
            let value = f.directives.get("complexity")?.specified_argument_by_name("value")?.to_i32()?;
            Some((name.to_string(), u32::try_from(value).ok()?))
        })
        .collect()
}

/// Refuses mutation operations whose summed field complexity exceeds a maximum.
///
/// async-graphql's dynamic schemas cannot give a field a complexity of its own (their complexity limit
/// counts every field as 1), so the catalogue's figures are applied here, when the query is parsed.
struct ComplexityLimit {
    max: u32,
    costs: Arc<BTreeMap<String, u32>>,
}

impl async_graphql::extensions::ExtensionFactory for ComplexityLimit {
    fn create(&self) -> Arc<dyn async_graphql::extensions::Extension> {
        Arc::new(ComplexityCheck { max: self.max, costs: Arc::clone(&self.costs) })
    }
}

struct ComplexityCheck {
    max: u32,
    costs: Arc<BTreeMap<String, u32>>,
}

#[async_graphql::async_trait::async_trait]
impl async_graphql::extensions::Extension for ComplexityCheck {
    async fn parse_query(
        &self,
        ctx: &async_graphql::extensions::ExtensionContext<'_>,
        query: &str,
        variables: &async_graphql::Variables,
        next: async_graphql::extensions::NextParseQuery<'_>,
    ) -> async_graphql::ServerResult<async_graphql::parser::types::ExecutableDocument> {
        use async_graphql::parser::types::OperationType;
        let document = next.run(ctx, query, variables).await?;
        // Which operation runs is only known later, so every mutation operation of the document must
        // be within the limit.
        for (_, op) in document.operations.iter() {
            if op.node.ty != OperationType::Mutation {
                continue;
            }
            let total = selection_cost(&op.node.selection_set.node, &document, &self.costs, 0);
            if total > u64::from(self.max) {
                let description = format!("Query complexity {total} exceeds the maximum of {}.", self.max);
                let mut err = async_graphql::ServerError::new(description.clone(), Some(op.pos));
                let mut ext = async_graphql::ErrorExtensionValues::default();
                ext.set("errorType", "VALIDATION");
                ext.set("errorCode", COMPLEXITY_EXCEEDED);
                ext.set("errorDescription", description);
                err.extensions = Some(ext);
                return Err(err);
            }
        }
        Ok(document)
    }
}

/// The summed cost of the root fields of a selection set, following fragments (to a bounded depth, so
/// a cyclic fragment, which validation rejects later anyway, cannot recurse forever).
fn selection_cost(
    set: &async_graphql::parser::types::SelectionSet,
    document: &async_graphql::parser::types::ExecutableDocument,
    costs: &BTreeMap<String, u32>,
    depth: usize,
) -> u64 {
    use async_graphql::parser::types::Selection;
    if depth > 16 {
        return 0;
    }
    set.items
        .iter()
        .map(|item| match &item.node {
            Selection::Field(f) if f.node.name.node.starts_with("__") => 0,
            Selection::Field(f) => u64::from(costs.get(f.node.name.node.as_str()).copied().unwrap_or(1)),
            Selection::InlineFragment(i) => selection_cost(&i.node.selection_set.node, document, costs, depth + 1),
            Selection::FragmentSpread(s) => document
                .fragments
                .get(&s.node.fragment_name.node)
                .map(|fr| selection_cost(&fr.node.selection_set.node, document, costs, depth + 1))
                .unwrap_or(0),
        })
        .sum()
}

async fn resolve_mutation<'a>(
    ctx: ResolverContext<'a>,
    name: &str,
    ty: &Type,
    policy: &Policy,
    dispatch: &dyn Dispatch,
    types: &Types,
) -> async_graphql::Result<Option<FieldValue<'a>>> {
    let arguments = Value::Object(ctx.args.as_index_map().clone()).into_json().unwrap_or(serde_json::Value::Null);
    let anonymous = Caller::default();
    let caller = ctx.data_opt::<Caller>().unwrap_or(&anonymous);
    policy.check(name, caller, &arguments).map_err(KrakenError::into_graphql)?;
    let payload = dispatch.call(Call { mutation: name, arguments, caller }).await.map_err(KrakenError::into_graphql)?;
    let value = Value::from_json(payload).map_err(|e| async_graphql::Error::new(e.to_string()))?;
    Ok(to_field_value(value, ty, types))
}

/// Turns a JSON-shaped value into what async-graphql expects for a field of type `ty`.
fn to_field_value<'a>(value: Value, ty: &Type, types: &Types) -> Option<FieldValue<'a>> {
    if value == Value::Null {
        return None;
    }
    match ty {
        Type::List(inner) | Type::NonNullList(inner) => {
            let items = match value {
                Value::List(items) => items,
                other => vec![other],
            };
            Some(FieldValue::list(items.into_iter().map(|v| to_field_value(v, inner, types).unwrap_or(FieldValue::NULL))))
        }
        Type::Named(n) | Type::NonNullNamed(n) => {
            let name = n.as_str();
            if let Some(members) = types.abstract_types.get(name) {
                let concrete = match &value {
                    Value::Object(m) => m.get("__typename").and_then(|t| match t {
                        Value::String(s) => Some(s.clone()),
                        _ => None,
                    }),
                    _ => None,
                }
                .filter(|t| members.contains(t))
                .or_else(|| members.first().cloned())?;
                return Some(FieldValue::value(value).with_type(concrete));
            }
            if types.enums.contains(name) {
                if let Value::String(s) = &value {
                    return Some(FieldValue::value(Value::Enum(async_graphql::Name::new(s))));
                }
            }
            Some(FieldValue::value(value))
        }
    }
}

fn type_ref(ty: &Type) -> TypeRef {
    match ty {
        Type::Named(n) => TypeRef::Named(n.to_string().into()),
        Type::NonNullNamed(n) => TypeRef::NonNull(Box::new(TypeRef::Named(n.to_string().into()))),
        Type::List(t) => TypeRef::List(Box::new(type_ref(t))),
        Type::NonNullList(t) => TypeRef::NonNull(Box::new(TypeRef::List(Box::new(type_ref(t))))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use krakengen::model::{Deprecation, PermissionExpr, Permissions};

    const SDL: &str = r#"
type Query { ping: Boolean }
type Mutation {
  "Does a thing."
  doThing(input: ThingInput!): ThingPayload
  old: Boolean @deprecated(reason: "Use doThing.")
}
input ThingInput { name: String! }
enum Colour { RED GREEN }
type ThingPayload { colour: Colour, item: Item, items: [Item], count: Int }
union Item = A | B
type A { a: String }
type B { b: String }
"#;

    struct Echo;
    impl Dispatch for Echo {
        fn call<'a>(&'a self, call: Call<'a>) -> DispatchFuture<'a> {
            let name = call.arguments["input"]["name"].clone();
            Box::pin(async move {
                Ok(serde_json::json!({
                    "colour": "GREEN",
                    "item": {"__typename": "B", "b": name},
                    "items": [{"__typename": "A", "a": "x"}],
                    "count": 3
                }))
            })
        }
    }

    fn reference(perms: Permissions) -> krakengen::model::Reference {
        let text = "doThing\nType: ThingPayload\nURL: u\nD.\nQuery Complexity: 1\nPossible Errors:\n- KT-CT-4242: Unauthorized.\nArguments\n|\nThe input. |\nReturn fields\nMutation\nmutation DoThing($input: ThingInput!) {\ndoThing(input: $input) {\ncount\n}\n}\nVariables\n{}\nResponse\n{}\n";
        let mut r = krakengen::parse::parse_str("t.txt", text).reference;
        r.mutations[0].permissions = perms;
        r.mutations[0].deprecation = None::<Deprecation>;
        r
    }

    fn run(perms: Permissions, caller: Caller) -> serde_json::Value {
        let policy = Arc::new(Policy::from_reference(&reference(perms), crate::policy::Unspecified::Deny));
        let schema = build(SDL, policy, Arc::new(Echo)).unwrap();
        let q = r#"mutation { doThing(input: {name: "n"}) { colour count item { __typename ... on B { b } } items { ... on A { a } } } }"#;
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let resp = rt.block_on(schema.execute(async_graphql::Request::new(q).data(caller)));
        serde_json::to_value(resp).unwrap()
    }

    #[test]
    fn resolves_payloads_unions_and_enums() {
        let v = run(Permissions::Public, Caller::default());
        assert_eq!(v["data"]["doThing"]["colour"], "GREEN");
        assert_eq!(v["data"]["doThing"]["count"], 3);
        assert_eq!(v["data"]["doThing"]["item"]["__typename"], "B");
        assert_eq!(v["data"]["doThing"]["item"]["b"], "n");
        assert_eq!(v["data"]["doThing"]["items"][0]["a"], "x");
    }

    #[test]
    fn guards_render_kraken_errors() {
        let perms = Permissions::Required(PermissionExpr::Permission("Can do things".into()));
        let v = run(perms.clone(), Caller::default());
        assert_eq!(v["data"]["doThing"], serde_json::Value::Null);
        assert_eq!(v["errors"][0]["extensions"]["errorCode"], "KT-CT-4242");
        assert_eq!(v["errors"][0]["extensions"]["errorType"], "AUTHORIZATION");
        let granted = Caller { granted: ["Can do things".to_string()].into(), ..Caller::default() };
        assert_eq!(run(perms, granted)["data"]["doThing"]["count"], 3);
    }

    #[test]
    fn served_sdl_keeps_descriptions_and_deprecations() {
        let policy = Arc::new(Policy::from_reference(&reference(Permissions::Public), crate::policy::Unspecified::Allow));
        let sdl = build(SDL, policy, Arc::new(Echo)).unwrap().sdl();
        assert!(sdl.contains("Does a thing."), "{sdl}");
        assert!(sdl.contains("@deprecated(reason: \"Use doThing.\")"), "{sdl}");
        assert!(sdl.contains("union Item = A | B"), "{sdl}");
    }

    #[test]
    fn complexity_limit_counts_the_catalogue_figures() {
        let sdl = SDL.replace("doThing(input: ThingInput!): ThingPayload", "doThing(input: ThingInput!): ThingPayload @complexity(value: 3)")
            .replace("type Query", "directive @complexity(value: Int!) on FIELD_DEFINITION\ntype Query");
        let policy = Arc::new(Policy::from_reference(&reference(Permissions::Public), crate::policy::Unspecified::Allow));
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let run = |max: u32, q: &str| {
            let schema = build_with(&sdl, Arc::clone(&policy), Arc::new(Echo), &Settings::default().with_max_complexity(max)).unwrap();
            serde_json::to_value(rt.block_on(schema.execute(async_graphql::Request::new(q)))).unwrap()
        };
        let one = r#"mutation { doThing(input: {name: "n"}) { count } }"#;
        // Two aliased calls cost 3 + 3, and `old` (no figure) costs 1.
        let two = r#"mutation { a: doThing(input: {name: "n"}) { count } ...F } fragment F on Mutation { b: doThing(input: {name: "m"}) { count } old }"#;
        assert_eq!(run(3, one)["data"]["doThing"]["count"], 3);
        let refused = run(6, two);
        assert_eq!(refused["errors"][0]["extensions"]["errorCode"], COMPLEXITY_EXCEEDED, "{refused}");
        assert!(refused["errors"][0]["message"].as_str().unwrap().contains("complexity 7"), "{refused}");
        assert_eq!(run(7, two)["data"]["b"]["count"], 3);
    }

    #[test]
    fn invalid_sdl_is_reported() {
        let policy = Arc::new(Policy::from_reference(&reference(Permissions::Public), crate::policy::Unspecified::Allow));
        let Err(BuildError::InvalidSdl(msg)) = build("type Query { x: Nope }", policy, Arc::new(Echo)) else {
            panic!("expected an invalid-SDL error")
        };
        assert!(msg.contains("Nope"), "{msg}");
    }
}
