//! The metadata catalogue (`metadata.json`): errors, permissions, rate limits, complexity and
//! deprecations of every mutation, plus the provenance of every declared type.
//!
//! The SDL carries the same facts in directives, but a pipeline that only wants to know "which
//! mutations need `Can query businesses`" or "what does `KT-CT-1111` mean" should not need a GraphQL
//! parser. The format is documented by `schema/metadata.schema.json`; its rules:
//!
//! * every object's keys are sorted, the output is pretty-printed with a trailing newline, and it holds
//!   nothing that depends on the machine, the time or the tool version (`format_version` changes only
//!   when the format does);
//! * `errors`: code → `{family, message}`, every distinct code of the reference;
//! * `operations`: mutation → `{complexity, deprecation, errors, permissions, rate_limits, return_type}`
//!   where `errors` lists codes in reference order and `permissions` is a tree made of exactly
//!   `{"all": [..]}`, `{"any": [..]}`, a permission string, `"public"` for `(No)`, or `null` when the
//!   reference says nothing;
//! * `permissions`: permission → sorted mutations whose expression names it;
//! * `types`: every type the SDL declares → `{kind, kind_known, provenance, shape, synthetic}`.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::{OperationKind, PermissionExpr, Permissions, RateStep};
use crate::types::{Kind, Origin, Shape, TypeModel};

/// The version of the catalogue format. Bumped only when the format changes incompatibly.
pub const FORMAT_VERSION: u32 = 1;

/// The whole catalogue. Field order is alphabetical so the serialised keys are sorted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub errors: BTreeMap<String, ErrorInfo>,
    pub format_version: u32,
    pub operations: BTreeMap<String, OperationEntry>,
    pub permissions: BTreeMap<String, Vec<String>>,
    pub types: BTreeMap<String, TypeEntry>,
}

/// One error code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorInfo {
    /// `CT` for `KT-CT-1111`.
    pub family: String,
    pub message: String,
}

/// The metadata of one mutation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperationEntry {
    pub complexity: Option<u32>,
    pub deprecation: Option<DeprecationInfo>,
    /// Error codes in reference order.
    pub errors: Vec<String>,
    /// Whether the operation is a mutation or a query.
    pub kind: OperationKind,
    /// `None` (JSON `null`) when the reference has no permissions section.
    pub permissions: Option<PermissionTree>,
    pub rate_limits: Vec<RateLimitInfo>,
    /// The return type reference, such as `ActualizeContractOutput!`.
    pub return_type: String,
}

/// A deprecation with sorted keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeprecationInfo {
    pub link: Option<String>,
    pub marked: Option<String>,
    pub reason: String,
    pub removal: Option<String>,
}

/// One rate-limit key with its steps, e.g. `{"key": "User", "steps": [{"limit": 5, "per": "minute"}]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimitInfo {
    pub key: String,
    pub steps: Vec<RateStep>,
}

/// The provenance of one declared type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeEntry {
    pub kind: Kind,
    /// False when `kind` is a stand-in because nothing tells the real one (an opaque object for a
    /// composite seen only in output position, an opaque scalar for an input of unknown kind).
    pub kind_known: bool,
    /// Where the kind comes from: `declared`, `inferred` or `supplement`.
    pub provenance: Origin,
    /// `complete`, `partial` or `opaque`.
    pub shape: Shape,
    /// Whether krakengen made the name up.
    pub synthetic: bool,
}

/// A permission expression as JSON: `"public"`, `"Can x"`, `{"all": [..]}` or `{"any": [..]}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PermissionTree {
    /// `(No)`: no permission is required.
    Public,
    Permission(String),
    All(Vec<PermissionTree>),
    Any(Vec<PermissionTree>),
}

impl PermissionTree {
    fn from_expr(e: &PermissionExpr) -> Self {
        match e {
            PermissionExpr::Permission(p) => PermissionTree::Permission(p.clone()),
            PermissionExpr::All(v) => PermissionTree::All(v.iter().map(Self::from_expr).collect()),
            PermissionExpr::Any(v) => PermissionTree::Any(v.iter().map(Self::from_expr).collect()),
        }
    }

    /// The tree for a mutation's permissions section; `None` when unspecified.
    pub fn from_permissions(p: &Permissions) -> Option<Self> {
        match p {
            Permissions::Unspecified => None,
            Permissions::Public => Some(PermissionTree::Public),
            Permissions::Required(e) => Some(Self::from_expr(e)),
        }
    }
}

/// The serialised form: a string or a one-key object.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum TreeRepr {
    Leaf(String),
    Group(BTreeMap<String, Vec<PermissionTree>>),
}

impl Serialize for PermissionTree {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let group = |key: &str, v: &Vec<PermissionTree>| TreeRepr::Group(BTreeMap::from([(key.to_string(), v.clone())]));
        match self {
            PermissionTree::Public => TreeRepr::Leaf("public".into()),
            PermissionTree::Permission(p) => TreeRepr::Leaf(p.clone()),
            PermissionTree::All(v) => group("all", v),
            PermissionTree::Any(v) => group("any", v),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for PermissionTree {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        match TreeRepr::deserialize(d)? {
            TreeRepr::Leaf(s) if s == "public" => Ok(PermissionTree::Public),
            TreeRepr::Leaf(s) => Ok(PermissionTree::Permission(s)),
            TreeRepr::Group(mut m) if m.len() == 1 => {
                if let Some(v) = m.remove("all") {
                    Ok(PermissionTree::All(v))
                } else if let Some(v) = m.remove("any") {
                    Ok(PermissionTree::Any(v))
                } else {
                    Err(D::Error::custom("a permission group must be {\"all\": [..]} or {\"any\": [..]}"))
                }
            }
            TreeRepr::Group(_) => Err(D::Error::custom("a permission group has exactly one key, `all` or `any`")),
        }
    }
}

impl Catalog {
    /// Builds the catalogue of a type model.
    pub fn build(model: &TypeModel) -> Catalog {
        let mut errors = BTreeMap::new();
        let mut operations = BTreeMap::new();
        let mut permissions: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for m in model.operations() {
            for e in &m.errors {
                // The first message of a code wins; `sdl::build_schema` reports codes with differing
                // messages.
                errors
                    .entry(e.code.clone())
                    .or_insert_with(|| ErrorInfo { family: e.family().to_string(), message: e.message.clone() });
            }
            if let Permissions::Required(expr) = &m.permissions {
                for p in expr.names() {
                    permissions.entry(p.to_string()).or_default().insert(m.name.clone());
                }
            }
            operations.insert(
                m.name.clone(),
                OperationEntry {
                    complexity: m.complexity,
                    deprecation: m.deprecation.as_ref().map(|d| DeprecationInfo {
                        link: d.link.clone(),
                        marked: d.marked.clone(),
                        reason: d.reason.clone(),
                        removal: d.removal.clone(),
                    }),
                    errors: m.errors.iter().map(|e| e.code.clone()).collect(),
                    kind: m.kind,
                    permissions: PermissionTree::from_permissions(&m.permissions),
                    rate_limits: m
                        .rate_limits
                        .iter()
                        .map(|r| RateLimitInfo { key: r.key.clone(), steps: r.steps.clone() })
                        .collect(),
                    return_type: m.return_type.to_string(),
                },
            );
        }
        let types = model
            .types()
            .values()
            .map(|d| {
                (
                    d.name.clone(),
                    TypeEntry { kind: d.kind, kind_known: !d.kind_unknown, provenance: d.origin, shape: d.shape, synthetic: d.synthetic },
                )
            })
            .collect();
        Catalog {
            errors,
            format_version: FORMAT_VERSION,
            operations,
            permissions: permissions.into_iter().map(|(k, v)| (k, v.into_iter().collect())).collect(),
            types,
        }
    }

    /// The catalogue as pretty JSON with sorted keys and a trailing newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("the catalogue is plain data");
        s.push('\n');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permission_trees_use_the_documented_shapes() {
        let tree = PermissionTree::All(vec![
            PermissionTree::Any(vec![PermissionTree::Permission("A".into()), PermissionTree::Permission("B".into())]),
            PermissionTree::Permission("C".into()),
        ]);
        let json = serde_json::to_string(&tree).unwrap();
        assert_eq!(json, r#"{"all":[{"any":["A","B"]},"C"]}"#);
        assert_eq!(serde_json::from_str::<PermissionTree>(&json).unwrap(), tree);
        assert_eq!(serde_json::to_string(&PermissionTree::Public).unwrap(), r#""public""#);
        assert_eq!(serde_json::from_str::<PermissionTree>(r#""public""#).unwrap(), PermissionTree::Public);
        assert!(serde_json::from_str::<PermissionTree>(r#"{"none":["A"]}"#).is_err());
        assert!(serde_json::from_str::<PermissionTree>(r#"{"all":["A"],"any":["B"]}"#).is_err());
    }
}
