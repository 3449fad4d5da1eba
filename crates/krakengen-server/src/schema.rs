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

use async_graphql::parser::parse_schema;
use async_graphql::parser::types::{
    BaseType, ConstDirective, InterfaceType, ObjectType, Type, TypeDefinition, TypeKind, TypeSystemDefinition,
};
use async_graphql::parser::Positioned;
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
use crate::store::SharedStore;

/// One mutation (or query) call handed to a [`Dispatch`]. Its `Debug` names the arguments but
/// shows none of their values (passwords, personal data), nor who the caller is.
pub struct Call<'a> {
    /// The root field called: a mutation, or a query of a reference with queries.
    pub mutation: &'a str,
    /// The arguments as a JSON object.
    pub arguments: serde_json::Value,
    pub caller: &'a Caller,
}

impl std::fmt::Debug for Call<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.arguments.as_object().map(|m| m.keys().map(String::as_str).collect()).unwrap_or_default();
        f.debug_struct("Call").field("mutation", &self.mutation).field("arguments", &names).field("caller", self.caller).finish()
    }
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

/// What the resolvers need to know about named types: the objects an abstract type's values may
/// be. (Enum values need nothing: async-graphql checks a string against the enum's items.)
struct Types {
    abstract_types: BTreeMap<String, Vec<String>>,
}

/// Settings of a served schema beyond what the SDL says: what one operation may cost before any
/// resolver runs ([`crate::cost`] says how each is measured), and whether callers may introspect.
///
/// The defaults are those of a server facing the internet: Kraken's documented limits (query
/// complexity 200 → `KT-CT-1188`, 10,000 nodes → `KT-CT-1189`), krakengen's own for the rest
/// (depth 16, 32 root fields, 64 aliases; over them `KT-CT-1188` for depth and `KT-CT-1189` for the
/// others), and introspection off (with the "did you mean" of error messages, which would tell
/// the schema just as well). `None` turns a limit off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The largest query complexity of one operation. Default 200.
    pub max_complexity: Option<u32>,
    /// The most fields one operation selects, fragments expanded. Default 10,000.
    pub max_nodes: Option<u32>,
    /// The deepest nesting of fields. Default 16.
    pub max_depth: Option<u32>,
    /// The most root fields (mutations or queries, aliases included) of one operation. Default 32.
    pub max_root_fields: Option<u32>,
    /// The most aliased fields of one operation. Default 64.
    pub max_aliases: Option<u32>,
    /// Whether `__schema` and `__type` are answered. Default `false`.
    pub introspection: bool,
    /// Where rate-limit windows are counted: `None` (the default) in the policy's own memory,
    /// which holds for one process; a [`SharedStore`] for replicas that share their limits.
    pub rate_store: Option<SharedStore>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            max_complexity: Some(200),
            max_nodes: Some(10_000),
            max_depth: Some(16),
            max_root_fields: Some(32),
            max_aliases: Some(64),
            introspection: false,
            rate_store: None,
        }
    }
}

impl Settings {
    /// No limit at all, and introspection on: for tests of what the limits would refuse.
    pub fn unbounded() -> Self {
        Settings {
            max_complexity: None,
            max_nodes: None,
            max_depth: None,
            max_root_fields: None,
            max_aliases: None,
            introspection: true,
            rate_store: None,
        }
    }

    /// Refuses operations whose query complexity exceeds `max`.
    #[must_use]
    pub fn with_max_complexity(mut self, max: u32) -> Self {
        self.max_complexity = Some(max);
        self
    }

    /// Refuses operations selecting more than `max` fields.
    #[must_use]
    pub fn with_max_nodes(mut self, max: u32) -> Self {
        self.max_nodes = Some(max);
        self
    }

    /// Refuses operations nesting fields deeper than `max`.
    #[must_use]
    pub fn with_max_depth(mut self, max: u32) -> Self {
        self.max_depth = Some(max);
        self
    }

    /// Refuses operations with more than `max` root fields.
    #[must_use]
    pub fn with_max_root_fields(mut self, max: u32) -> Self {
        self.max_root_fields = Some(max);
        self
    }

    /// Refuses operations with more than `max` aliased fields.
    #[must_use]
    pub fn with_max_aliases(mut self, max: u32) -> Self {
        self.max_aliases = Some(max);
        self
    }

    /// Answers introspection (the mock does; a deployed server should not need to).
    #[must_use]
    pub fn with_introspection(mut self, on: bool) -> Self {
        self.introspection = on;
        self
    }

    /// Counts rate limits in `store`, shared with every replica that uses it.
    #[must_use]
    pub fn with_rate_store(mut self, store: SharedStore) -> Self {
        self.rate_store = Some(store);
        self
    }
}

/// The policy of a schema and where its rate limits are counted.
struct Guard {
    policy: Arc<Policy>,
    shared: Option<SharedStore>,
}

impl Guard {
    /// [`Policy::check`], in the shared store when there is one.
    async fn check(&self, name: &str, caller: &Caller, arguments: &serde_json::Value) -> Result<(), KrakenError> {
        match &self.shared {
            None => self.policy.check(name, caller, arguments),
            Some(shared) => self.policy.check_shared(shared, name, caller, arguments).await,
        }
    }

    /// [`Policy::record_failure`], in the shared store when there is one.
    async fn record_failure(&self, name: &str, caller: &Caller, arguments: &serde_json::Value) {
        match &self.shared {
            None => self.policy.record_failure(name, caller, arguments),
            Some(shared) => self.policy.record_failure_shared(shared, name, caller, arguments).await,
        }
    }
}

/// Builds a schema from SDL text; `policy` guards the mutations and `dispatch` runs them.
pub fn build(sdl: &str, policy: Arc<Policy>, dispatch: Arc<dyn Dispatch>) -> Result<Schema, BuildError> {
    build_with(sdl, policy, dispatch, &Settings::default())
}

/// The definitions of an SDL by kind, read with async-graphql's parser: the SDL was validated when
/// krakengen wrote it, so reading it needs no compiler, only a check that every type it names is
/// defined (which async-graphql would report less clearly).
struct Sdl {
    query: String,
    mutation: Option<String>,
    types: Vec<TypeDefinition>,
}

/// The field krakengen's SDL gives a type whose fields it does not know.
const OPAQUE_PLACEHOLDER: &str = "_opaque";

const BUILT_IN: [&str; 5] = ["Boolean", "Float", "ID", "Int", "String"];

fn read_sdl(sdl: &str) -> Result<Sdl, BuildError> {
    let document = parse_schema(sdl).map_err(|e| BuildError::InvalidSdl(e.to_string()))?;
    let (mut query, mut mutation) = (None, None);
    let mut types = Vec::new();
    for definition in document.definitions {
        match definition {
            TypeSystemDefinition::Schema(s) => {
                query = s.node.query.map(|n| n.node.to_string());
                mutation = s.node.mutation.map(|n| n.node.to_string());
            }
            TypeSystemDefinition::Type(t) => types.push(t.node),
            TypeSystemDefinition::Directive(_) => {}
        }
    }
    let defined: BTreeSet<&str> = types.iter().map(|t| t.name.node.as_str()).collect();
    let mut problems = Vec::new();
    let mut check = |owner: &str, ty: &Type| {
        let mut ty = ty;
        while let BaseType::List(inner) = &ty.base {
            ty = inner;
        }
        if let BaseType::Named(name) = &ty.base {
            if !defined.contains(name.as_str()) && !BUILT_IN.contains(&name.as_str()) {
                problems.push(format!("`{owner}` refers to `{name}`, which the SDL does not define"));
            }
        }
    };
    for t in &types {
        let name = t.name.node.as_str();
        match &t.kind {
            TypeKind::Object(ObjectType { fields, .. }) | TypeKind::Interface(InterfaceType { fields, .. }) => {
                for f in fields {
                    let owner = format!("{name}.{}", f.node.name.node);
                    check(&owner, &f.node.ty.node);
                    for a in &f.node.arguments {
                        check(&owner, &a.node.ty.node);
                    }
                }
            }
            TypeKind::InputObject(io) => io.fields.iter().for_each(|f| check(&format!("{name}.{}", f.node.name.node), &f.node.ty.node)),
            _ => {}
        }
    }
    if !problems.is_empty() {
        return Err(BuildError::InvalidSdl(problems.join("\n")));
    }
    // Without a schema definition the roots are the types named `Query` and `Mutation`, as GraphQL says.
    let mutation = mutation.or_else(|| defined.contains("Mutation").then(|| "Mutation".to_string()));
    Ok(Sdl { query: query.unwrap_or_else(|| "Query".into()), mutation, types })
}

fn directive<'d>(directives: &'d [Positioned<ConstDirective>], name: &str) -> Option<&'d ConstDirective> {
    directives.iter().map(|d| &d.node).find(|d| d.name.node == name)
}

/// `Some(reason)` when `directives` hold `@deprecated` (the reason itself optional).
fn deprecated(directives: &[Positioned<ConstDirective>]) -> Option<Option<String>> {
    let dep = directive(directives, "deprecated")?;
    Some(dep.get_argument("reason").and_then(|v| match &v.node {
        Value::String(s) => Some(s.clone()),
        _ => None,
    }))
}

/// An argument or input field as served: type, description, default value and deprecation.
fn input_value(def: &async_graphql::parser::types::InputValueDefinition) -> InputValue {
    let mut iv = InputValue::new(def.name.node.as_str(), type_ref(&def.ty.node));
    if let Some(d) = description(&def.description) {
        iv = iv.description(d);
    }
    if let Some(default) = &def.default_value {
        iv = iv.default_value(default.node.clone());
    }
    if let Some(reason) = deprecated(&def.directives) {
        iv = iv.deprecation(reason.as_deref());
    }
    iv
}

fn description(d: &Option<Positioned<String>>) -> Option<String> {
    d.as_ref().map(|d| d.node.clone())
}

/// [`build`] with [`Settings`].
pub fn build_with(sdl: &str, policy: Arc<Policy>, dispatch: Arc<dyn Dispatch>, settings: &Settings) -> Result<Schema, BuildError> {
    let Sdl { query, mutation, types: definitions } = read_sdl(sdl)?;

    let mut types = Types { abstract_types: BTreeMap::new() };
    for t in &definitions {
        let name = t.name.node.to_string();
        match &t.kind {
            TypeKind::Union(u) => {
                types.abstract_types.insert(name, u.members.iter().map(|m| m.node.to_string()).collect());
            }
            TypeKind::Interface(_) => {
                let objects = definitions
                    .iter()
                    .filter(|o| matches!(&o.kind, TypeKind::Object(obj) if obj.implements.iter().any(|i| i.node == name)))
                    .map(|o| o.name.node.to_string())
                    .collect();
                types.abstract_types.insert(name, objects);
            }
            _ => {}
        }
    }
    let types = Arc::new(types);
    let guard = Arc::new(Guard { policy, shared: settings.rate_store.clone() });

    let mut builder = Schema::build(&query, mutation.as_deref(), None);
    let mut figures = crate::cost::Figures { query: query.clone(), mutation: mutation.clone(), ..Default::default() };
    for root in std::iter::once(query.as_str()).chain(mutation.as_deref()) {
        figures.by_field.extend(root_figures(&definitions, root).into_iter().map(|(f, v)| ((root.to_string(), f), v)));
    }
    builder = builder.extension(crate::cost::Limit { settings: settings.clone(), figures: Arc::new(figures) });
    if !settings.introspection {
        builder = builder.disable_introspection().disable_suggestions();
    }
    for t in &definitions {
        let name = t.name.node.as_str();
        match &t.kind {
            TypeKind::Scalar => {
                let mut sc = Scalar::new(name);
                if let Some(d) = description(&t.description) {
                    sc = sc.description(d);
                }
                builder = builder.register(sc);
            }
            TypeKind::Enum(e) => {
                let mut en = Enum::new(name);
                for v in &e.values {
                    let mut item = async_graphql::dynamic::EnumItem::new(v.node.value.node.as_str());
                    if let Some(d) = description(&v.node.description) {
                        item = item.description(d);
                    }
                    if let Some(reason) = deprecated(&v.node.directives) {
                        item = item.deprecation(reason.as_deref());
                    }
                    en = en.item(item);
                }
                if let Some(d) = description(&t.description) {
                    en = en.description(d);
                }
                builder = builder.register(en);
            }
            TypeKind::InputObject(_) if directive(&t.directives, "opaque").is_some() => {
                // An input object whose fields the reference does not give has only a placeholder field
                // in the SDL; serving it as such would reject every real input, so it is served as a
                // scalar that accepts any value.
                let mut sc = Scalar::new(name);
                if let Some(d) = description(&t.description) {
                    sc = sc.description(d);
                }
                builder = builder.register(sc);
            }
            TypeKind::InputObject(io) => {
                let mut obj = InputObject::new(name);
                for f in &io.fields {
                    obj = obj.field(input_value(&f.node));
                }
                if let Some(d) = description(&t.description) {
                    obj = obj.description(d);
                }
                builder = builder.register(obj);
            }
            TypeKind::Union(u) => {
                let mut un = Union::new(name);
                for m in &u.members {
                    un = un.possible_type(m.node.as_str());
                }
                if let Some(d) = description(&t.description) {
                    un = un.description(d);
                }
                builder = builder.register(un);
            }
            TypeKind::Interface(i) => {
                let mut it = async_graphql::dynamic::Interface::new(name);
                for iface in &i.implements {
                    it = it.implement(iface.node.as_str());
                }
                for f in &i.fields {
                    let mut field = async_graphql::dynamic::InterfaceField::new(f.node.name.node.as_str(), type_ref(&f.node.ty.node));
                    if let Some(d) = description(&f.node.description) {
                        field = field.description(d);
                    }
                    if let Some(reason) = deprecated(&f.node.directives) {
                        field = field.deprecation(reason.as_deref());
                    }
                    for arg in &f.node.arguments {
                        field = field.argument(input_value(&arg.node));
                    }
                    it = it.field(field);
                }
                if let Some(d) = description(&t.description) {
                    it = it.description(d);
                }
                builder = builder.register(it);
            }
            TypeKind::Object(o) => {
                // Root fields run through the policy and the dispatch: every mutation, and every query
                // of a reference with queries (a mutations page's query root holds only krakengen's
                // `_opaque` placeholder, which reads as null).
                let is_root = Some(name) == mutation.as_deref() || name == query;
                let mut obj = Object::new(name);
                for iface in &o.implements {
                    obj = obj.implement(iface.node.as_str());
                }
                for f in &o.fields {
                    let f = &f.node;
                    let field_name = f.name.node.to_string();
                    let ty = f.ty.node.clone();
                    let types = Arc::clone(&types);
                    // Every root field is guarded (a field the policy does not know is refused),
                    // except the generator's own placeholder of a root it knows nothing of.
                    let mut field = if is_root && field_name != OPAQUE_PLACEHOLDER {
                        let guard = Arc::clone(&guard);
                        let dispatch = Arc::clone(&dispatch);
                        Field::new(field_name.clone(), type_ref(&f.ty.node), move |ctx| {
                            let guard = Arc::clone(&guard);
                            let dispatch = Arc::clone(&dispatch);
                            let types = Arc::clone(&types);
                            let ty = ty.clone();
                            let name = field_name.clone();
                            FieldFuture::new(async move { resolve_mutation(ctx, &name, &ty, &guard, &*dispatch, &types).await })
                        })
                    } else {
                        Field::new(field_name.clone(), type_ref(&f.ty.node), move |ctx| {
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
                        field = field.argument(input_value(&arg.node));
                    }
                    if let Some(d) = description(&f.description) {
                        field = field.description(d);
                    }
                    if let Some(reason) = deprecated(&f.directives) {
                        field = field.deprecation(reason.as_deref());
                    }
                    obj = obj.field(field);
                }
                if let Some(d) = description(&t.description) {
                    obj = obj.description(d);
                }
                builder = builder.register(obj);
            }
        }
    }
    Ok(builder.finish()?)
}

/// The `@complexity` of every field of a root type that has one.
fn root_figures(definitions: &[TypeDefinition], root: &str) -> BTreeMap<String, u64> {
    let Some(TypeKind::Object(o)) = definitions.iter().find(|t| t.name.node == root).map(|t| &t.kind) else { return BTreeMap::new() };
    o.fields
        .iter()
        .filter_map(|f| {
            let value = directive(&f.node.directives, "complexity")?.get_argument("value")?;
            let Value::Number(n) = &value.node else { return None };
            Some((f.node.name.node.to_string(), n.as_u64()?))
        })
        .collect()
}

async fn resolve_mutation<'a>(
    ctx: ResolverContext<'a>,
    name: &str,
    ty: &Type,
    guard: &Guard,
    dispatch: &dyn Dispatch,
    types: &Types,
) -> async_graphql::Result<Option<FieldValue<'a>>> {
    let arguments = Value::Object(ctx.args.as_index_map().clone()).into_json().unwrap_or(serde_json::Value::Null);
    let anonymous = Caller::default();
    let caller = ctx.data_opt::<Caller>().unwrap_or(&anonymous);
    guard.check(name, caller, &arguments).await.map_err(KrakenError::into_graphql)?;
    // Failed logins count against their own rate limit, so the arguments are kept for that.
    let kept = guard.policy.counts_failures(name).then(|| arguments.clone());
    let payload = match dispatch.call(Call { mutation: name, arguments, caller }).await {
        Ok(payload) => payload,
        Err(e) => {
            if let Some(arguments) = &kept {
                guard.record_failure(name, caller, arguments).await;
            }
            return Err(e.into_graphql());
        }
    };
    let value = Value::from_json(payload).map_err(|e| async_graphql::Error::new(e.to_string()))?;
    Ok(to_field_value(value, ty, types))
}

/// Turns a JSON-shaped value into what async-graphql expects for a field of type `ty`.
fn to_field_value<'a>(value: Value, ty: &Type, types: &Types) -> Option<FieldValue<'a>> {
    if value == Value::Null {
        return None;
    }
    match &ty.base {
        BaseType::List(inner) => {
            let items = match value {
                Value::List(items) => items,
                other => vec![other],
            };
            Some(FieldValue::list(items.into_iter().map(|v| to_field_value(v, inner, types).unwrap_or(FieldValue::NULL))))
        }
        BaseType::Named(n) => {
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
            Some(FieldValue::value(value))
        }
    }
}

fn type_ref(ty: &Type) -> TypeRef {
    let base = match &ty.base {
        BaseType::Named(n) => TypeRef::Named(n.to_string().into()),
        BaseType::List(t) => TypeRef::List(Box::new(type_ref(t))),
    };
    if ty.nullable {
        base
    } else {
        TypeRef::NonNull(Box::new(base))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PermissionExpr, Permissions};
    use crate::policy::OperationPolicy;

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

    /// The policy of the one guarded mutation, with its own code for a caller without permission.
    fn policy(perms: Permissions, unspecified: crate::policy::Unspecified) -> Arc<Policy> {
        let guard = OperationPolicy::new(perms, &[], Some("KT-CT-4242"));
        Arc::new(Policy::new([("doThing".to_string(), guard)], unspecified))
    }

    fn run(perms: Permissions, caller: Caller) -> serde_json::Value {
        let policy = policy(perms, crate::policy::Unspecified::Deny);
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
        let policy = policy(Permissions::Public, crate::policy::Unspecified::Allow);
        let sdl = build(SDL, policy, Arc::new(Echo)).unwrap().sdl();
        assert!(sdl.contains("Does a thing."), "{sdl}");
        assert!(sdl.contains("@deprecated(reason: \"Use doThing.\")"), "{sdl}");
        assert!(sdl.contains("union Item = A | B"), "{sdl}");
    }

    #[test]
    fn complexity_limit_counts_the_catalogue_figures() {
        let sdl = SDL.replace("doThing(input: ThingInput!): ThingPayload", "doThing(input: ThingInput!): ThingPayload @complexity(value: 3)")
            .replace("type Query", "directive @complexity(value: Int!) on FIELD_DEFINITION\ntype Query");
        let policy = policy(Permissions::Public, crate::policy::Unspecified::Allow);
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
        assert_eq!(refused["errors"][0]["extensions"]["errorCode"], "KT-CT-1188", "{refused}");
        assert!(refused["errors"][0]["message"].as_str().unwrap().contains("complexity of 7"), "{refused}");
        assert_eq!(run(7, two)["data"]["b"]["count"], 3);
    }

    #[test]
    fn introspection_is_off_unless_asked_for() {
        let policy = policy(Permissions::Public, crate::policy::Unspecified::Allow);
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let ask = |settings: &Settings, q: &str| {
            let schema = build_with(SDL, Arc::clone(&policy), Arc::new(Echo), settings).unwrap();
            serde_json::to_value(rt.block_on(schema.execute(async_graphql::Request::new(q)))).unwrap()
        };
        let q = "{ __schema { types { name } } }";
        let refused = ask(&Settings::default(), q);
        assert!(refused["errors"].as_array().is_some_and(|e| !e.is_empty()), "{refused}");
        assert!(!refused.to_string().contains("ThingPayload"), "{refused}");
        // Nor do error messages suggest the names of fields.
        let typo = ask(&Settings::default(), "{ pong }");
        assert!(!typo.to_string().contains("ping"), "{typo}");
        let allowed = ask(&Settings::default().with_introspection(true), q);
        assert!(allowed.to_string().contains("ThingPayload"), "{allowed}");
    }

    #[test]
    fn a_calls_debug_names_arguments_not_values() {
        let caller = Caller { user: Some("user-1".into()), ..Caller::default() };
        let call = Call { mutation: "login", arguments: serde_json::json!({ "email": "me@example.com", "password": "hunter2" }), caller: &caller };
        let shown = format!("{call:?}");
        assert!(shown.starts_with(r#"Call { mutation: "login", arguments: ["email", "password"]"#), "{shown}");
        assert!(!shown.contains("hunter2") && !shown.contains("me@example.com") && !shown.contains("user-1"), "{shown}");
    }

    #[test]
    fn settings_set_what_they_name() {
        let s = Settings::unbounded().with_max_nodes(1).with_max_depth(2).with_max_root_fields(3).with_max_aliases(4).with_max_complexity(5);
        assert_eq!((s.max_nodes, s.max_depth, s.max_root_fields, s.max_aliases, s.max_complexity), (Some(1), Some(2), Some(3), Some(4), Some(5)));
        assert!(s.introspection && s.rate_store.is_none());
        struct Nowhere;
        impl crate::store::RateStore for Nowhere {
            fn take<'a>(&'a self, _: &'a [crate::store::Window<'a>]) -> crate::store::StoreFuture<'a, Option<usize>> {
                Box::pin(async { Ok(None) })
            }
            fn record<'a>(&'a self, _: &'a [crate::store::Window<'a>]) -> crate::store::StoreFuture<'a, ()> {
                Box::pin(async { Ok(()) })
            }
        }
        let store = SharedStore::new(Nowhere, crate::store::OnStoreError::Allow);
        assert_eq!(Settings::default().with_rate_store(store.clone()).rate_store, Some(store));
    }

    /// Interfaces resolve to their objects, query root fields are guarded and costed like
    /// mutations, and only `@opaque` input objects are served as scalars.
    #[test]
    fn interfaces_query_costs_and_opaque_inputs() {
        let sdl = r#"
directive @complexity(value: Int!) on FIELD_DEFINITION
directive @opaque on INPUT_OBJECT
type Query { node(filter: Filter): Node @complexity(value: 300) }
type Mutation { doThing(input: ThingInput!, raw: Raw): Node }
interface Node { id: ID }
type Item implements Node { id: ID name: String }
input ThingInput { name: String! }
input Filter { id: ID }
input Raw @opaque { _opaque: String }
"#;
        struct Items;
        impl Dispatch for Items {
            fn call<'a>(&'a self, _: Call<'a>) -> DispatchFuture<'a> {
                Box::pin(async { Ok(serde_json::json!({ "__typename": "Item", "id": "i", "name": "n" })) })
            }
        }
        let public = |n: &str| (n.to_string(), OperationPolicy::new(Permissions::Public, &[], None));
        let policy = Arc::new(Policy::new([public("doThing"), public("node")], crate::policy::Unspecified::Deny));
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let run = |settings: &Settings, q: &str| {
            let schema = build_with(sdl, Arc::clone(&policy), Arc::new(Items), settings).unwrap();
            serde_json::to_value(rt.block_on(schema.execute(async_graphql::Request::new(q)))).unwrap()
        };
        let item = run(&Settings::default(), r#"mutation { doThing(input: {name: "a"}, raw: {anything: [1, 2]}) { __typename ... on Item { name } } }"#);
        assert_eq!(item["data"]["doThing"], serde_json::json!({ "__typename": "Item", "name": "n" }), "{item}");
        let missing = run(&Settings::default(), "mutation { doThing(input: {}) { id } }");
        assert!(missing["errors"][0]["message"].as_str().unwrap_or_default().contains("name"), "a typed input is checked: {missing}");
        // The query field costs 300: over Kraken's 200, under 400.
        let q = "{ node { id } }";
        assert_eq!(run(&Settings::default(), q)["errors"][0]["extensions"]["errorCode"], "KT-CT-1188");
        assert_eq!(run(&Settings::default().with_max_complexity(400), q)["data"]["node"]["id"], "i");
    }

    #[test]
    fn invalid_sdl_is_reported() {
        let policy = policy(Permissions::Public, crate::policy::Unspecified::Allow);
        let Err(BuildError::InvalidSdl(msg)) = build("type Query { x: Nope }", policy, Arc::new(Echo)) else {
            panic!("expected an invalid-SDL error")
        };
        assert!(msg.contains("Nope"), "{msg}");
        let again = self::tests::policy(Permissions::Public, crate::policy::Unspecified::Allow);
        let Err(BuildError::InvalidSdl(msg)) = build("type Query { x: Int } input I { f: Missing }", again, Arc::new(Echo)) else {
            panic!("an input field of an undefined type is refused")
        };
        assert!(msg.contains("Missing"), "{msg}");
    }
}
