//! `krakengen diff`: what changed between two versions of a reference, and what it breaks.
//!
//! Each side is a parsed reference with its type model (supplements applied) and the Rust surface
//! of the crates krakengen would generate from it. The comparison reports three kinds of change:
//!
//! - the **GraphQL surface** (operations, arguments, types, fields, enum values, union members),
//!   classified as graphql-inspector does: breaking, dangerous or safe;
//! - the **Kraken metadata** of each operation (permissions, rate limits, error codes, complexity,
//!   deprecation), which no SDL tool sees: a requirement a caller's token may no longer meet is
//!   breaking, a new error code dangerous;
//! - the **generated Rust**: where code written against the previous crates stops compiling (a new
//!   variant of an enum matched exhaustively, a new field of a struct built with a literal, a renamed
//!   identifier), noted on the change that causes it, or reported on its own when no GraphQL change
//!   does (an identifier renamed because another name now collides with it).
//!
//! A fact krakengen inferred from an example rather than read from the reference is never reported
//! as breaking: its change may be a different guess, not a different API, so it is at most dangerous
//! and says so. The shape of the JSON report is documented in `docs/diff.md`; [`render`] writes the
//! three formats.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Serialize;

use crate::codegen::RustSurface;
use crate::model::{Deprecation, Operation, PermissionExpr, Permissions, Provenance, RateLimit, Span, TypeRef};
use crate::types::{FieldDef, Kind, Origin, Shape, TypeDef, TypeModel};

mod dates;
mod kinds;
pub mod render;

pub use dates::{is_date, today};
pub use kinds::ChangeKind;
mod rust;

/// How a change affects callers of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// Requests that worked may now fail, or responses no longer fit what callers expect.
    Breaking,
    /// Callers keep working, but may see something new they do not handle (a new error code or enum
    /// value) or come closer to a limit.
    Dangerous,
    /// Nothing a caller relies on changes.
    Safe,
}

impl Class {
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Breaking => "breaking",
            Class::Dangerous => "dangerous",
            Class::Safe => "safe",
        }
    }
}

/// What a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// The GraphQL schema: operations, arguments, types, fields, values, members.
    Surface,
    /// What the reference says about an operation beyond GraphQL: permissions, rate limits, error
    /// codes, complexity, deprecation.
    Metadata,
    /// Only the generated Rust changes (an identifier renamed); the API does not.
    Rust,
}

/// Which input a location points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SideName {
    Old,
    New,
}

/// Where a change is: the line in NEW, or in OLD for something removed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    pub side: SideName,
    pub file: String,
    pub line: u32,
    pub column: u32,
}

/// One change between the two sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub class: Class,
    pub area: Area,
    /// A stable identifier of the kind of change, such as `argument-removed` (listed in `docs/diff.md`).
    pub kind: ChangeKind,
    /// The schema coordinate it is about: `Mutation.createQuote`, `Mutation.createQuote(input:)`,
    /// `QuoteInput.accountNumber`, `QuoteStatus.ACCEPTED`.
    pub path: String,
    pub message: String,
    pub location: Option<Location>,
    /// How code written against the previously generated crates breaks, when it does.
    pub rust: Option<String>,
    /// For a removed operation: the removed types that went with it, those no other operation of
    /// OLD reached (its payload, its input, types only they used). They are not changes of their
    /// own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<String>,
    /// The surface keys this change accounts for, to attach the Rust consequences to it.
    #[serde(skip)]
    keys: Vec<String>,
}

impl Change {
    /// Whether code compiled against the previous generated crates may stop compiling.
    pub fn breaks_rust(&self) -> bool {
        self.rust.is_some()
    }
}

/// An operation of NEW whose scheduled removal date is on or before the day of the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overdue {
    pub path: String,
    pub removal: String,
    pub location: Option<Location>,
}

/// The result of a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffReport {
    /// The day removal dates were compared with (`YYYY-MM-DD`).
    pub today: String,
    /// Every change, breaking first, then by path.
    pub changes: Vec<Change>,
    /// Operations of NEW past their scheduled removal date.
    pub overdue: Vec<Overdue>,
    /// Whether the Rust consequences were computed (they are not when either side's crates could not
    /// be generated; the report says so).
    pub rust_checked: bool,
    /// The reference files of OLD and of NEW, which locations name.
    pub files: [Vec<String>; 2],
}

impl DiffReport {
    /// The number of changes of each class.
    pub fn count(&self, class: Class) -> usize {
        self.changes.iter().filter(|c| c.class == class).count()
    }

    /// The number of changes that break code written against the previous generated crates.
    pub fn rust_breaking(&self) -> usize {
        self.changes.iter().filter(|c| c.breaks_rust()).count()
    }

    /// Whether the report reaches `threshold`: a change of that class or a worse one, or, for
    /// `Breaking` and `Dangerous`, a change that breaks generated Rust; for `Dangerous`, also an
    /// operation past its removal date.
    pub fn fails(&self, threshold: Class) -> bool {
        match threshold {
            Class::Breaking => self.count(Class::Breaking) > 0 || self.rust_breaking() > 0,
            Class::Dangerous => self.changes.iter().any(|c| c.class != Class::Safe || c.breaks_rust()) || !self.overdue.is_empty(),
            Class::Safe => !self.changes.is_empty(),
        }
    }
}

/// One version of the API: its model (types and operations) and, when the crates could be
/// generated, their Rust surface.
pub struct Side<'a> {
    pub model: &'a TypeModel,
    pub surface: Option<RustSurface>,
}

impl<'a> Side<'a> {
    /// The side of `model`, with the surface of the crates krakengen generates from it by default
    /// (`None` if generation fails, which `krakengen check` explains).
    pub fn new(model: &'a TypeModel) -> Self {
        let options = crate::codegen::Options::new("kraken");
        let surface = crate::codegen::Generator::surface_of(model, &options).ok();
        Side { model, surface }
    }
}

/// Compares `old` with `new`; removal dates are compared with `today` (`YYYY-MM-DD`).
pub fn compare(old: &Side<'_>, new: &Side<'_>, today: &str) -> DiffReport {
    let mut cx = Differ { old, new, changes: Vec::new() };
    cx.operations();
    cx.types();
    cx.group_removals();
    let rust_checked = match (&old.surface, &new.surface) {
        (Some(a), Some(b)) => {
            // An operation's root, from NEW, or from OLD for one that is gone.
            let root = |name: &str| new.model.operation(name).or_else(|| old.model.operation(name)).map_or("Mutation", |m| m.kind.root());
            rust::attach(a, b, &mut cx.changes, &root);
            true
        }
        _ => false,
    };
    let mut changes = cx.changes;
    changes.sort_by(|a, b| (a.class, &a.path, a.kind, &a.message).cmp(&(b.class, &b.path, b.kind, &b.message)));
    changes.dedup();
    let overdue = new
        .model
        .operations()
        .iter()
        .filter_map(|m| {
            let removal = m.deprecation.as_ref()?.removal.as_ref()?;
            (removal.as_str() <= today).then(|| Overdue {
                path: format!("{}.{}", m.kind.root(), m.name),
                removal: removal.clone(),
                location: location(new.model, SideName::New, m.span),
            })
        })
        .collect();
    let files = [old, new].map(|side| side.model.files().iter().map(|f| f.path.clone()).collect());
    DiffReport { today: today.to_string(), changes, overdue, rust_checked, files }
}

fn location(model: &TypeModel, side: SideName, span: Span) -> Option<Location> {
    let file = model.files().get(span.file as usize)?;
    (span.line > 0).then(|| Location { side, file: file.path.clone(), line: span.line, column: span.column })
}

struct Differ<'s, 'a> {
    old: &'s Side<'a>,
    new: &'s Side<'a>,
    changes: Vec<Change>,
}

/// Whether a value of type `new` always fits where callers expected `old` in a response: the same
/// type, or one that only adds non-null.
fn output_compatible(old: &TypeRef, new: &TypeRef) -> bool {
    match (old, new) {
        (TypeRef::NonNull(o), TypeRef::NonNull(n)) => output_compatible(o, n),
        (o, TypeRef::NonNull(n)) => output_compatible(o, n),
        (TypeRef::List(o), TypeRef::List(n)) => output_compatible(o, n),
        (TypeRef::Named(a), TypeRef::Named(b)) => a == b,
        _ => false,
    }
}

/// Whether every value callers sent as `old` is still accepted as `new`: the same type, or one that
/// only drops non-null.
fn input_compatible(old: &TypeRef, new: &TypeRef) -> bool {
    match (old, new) {
        (TypeRef::NonNull(o), TypeRef::NonNull(n)) => input_compatible(o, n),
        (TypeRef::NonNull(o), n) => input_compatible(o, n),
        (TypeRef::List(o), TypeRef::List(n)) => input_compatible(o, n),
        (TypeRef::Named(a), TypeRef::Named(b)) => a == b,
        _ => false,
    }
}

/// The class of a changed type: safe when compatible; breaking when not, unless either side was
/// inferred, which makes it dangerous.
fn type_change_class(compatible: bool, inferred: bool) -> Class {
    match (compatible, inferred) {
        (true, _) => Class::Safe,
        (false, true) => Class::Dangerous,
        (false, false) => Class::Breaking,
    }
}

const INFERRED_NOTE: &str = " (inferred from an example, not stated by the reference)";

/// Keeps a would-be breaking change dangerous when it rests on an inferred or partial fact.
fn soften(class: Class, guess: bool) -> Class {
    if guess && class == Class::Breaking {
        Class::Dangerous
    } else {
        class
    }
}

fn code(text: &str) -> String {
    format!("`{text}`")
}

/// Every type `m` reaches in `model`: its payload and arguments, and what their fields (and their
/// fields' arguments), union members, implementers and interfaces name, transitively.
fn reached(model: &TypeModel, m: &Operation) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<String> = std::iter::once(m.return_type.base().to_string()).chain(m.arguments.iter().map(|a| a.ty.base().to_string())).collect();
    while let Some(name) = todo.pop() {
        let Some(t) = model.get(&name) else { continue };
        if !seen.insert(name.clone()) {
            continue;
        }
        for f in &t.fields {
            todo.extend(f.ty.iter().chain(f.args.iter().filter_map(|a| a.ty.as_ref())).map(|ty| ty.base().to_string()));
        }
        todo.extend(t.members.iter().chain(&t.interfaces).cloned());
        if t.kind == Kind::Interface {
            todo.extend(model.types().values().filter(|o| o.interfaces.contains(&name)).map(|o| o.name.clone()));
        }
    }
    seen
}

/// The dates of a deprecation, `marked on X, removal on or after Y`, or `None` without any.
fn deprecation_dates(d: &Deprecation) -> Option<String> {
    let parts: Vec<String> = [d.marked.as_ref().map(|m| format!("marked on {m}")), d.removal.as_ref().map(|r| format!("removal on or after {r}"))]
        .into_iter()
        .flatten()
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

impl<'s, 'a> Differ<'s, 'a> {
    // A change is these facts; a struct literal at every call site would say the same at greater
    // length.
    #[allow(clippy::too_many_arguments)]
    fn push(&mut self, class: Class, area: Area, kind: ChangeKind, path: String, message: String, location: Option<Location>, keys: Vec<String>) {
        self.changes.push(Change { class, area, kind, path, message, location, rust: None, with: Vec::new(), keys });
    }

    fn at_old(&self, span: Span) -> Option<Location> {
        location(self.old.model, SideName::Old, span)
    }

    fn at_new(&self, span: Span) -> Option<Location> {
        location(self.new.model, SideName::New, span)
    }

    fn operations(&mut self) {
        let old: BTreeMap<&str, &Operation> = self.old.model.operations().iter().map(|m| (m.name.as_str(), m)).collect();
        let new: BTreeMap<&str, &Operation> = self.new.model.operations().iter().map(|m| (m.name.as_str(), m)).collect();
        for (name, m) in &old {
            if !new.contains_key(name) {
                let mut keys = vec![format!("op:{name}"), format!("vars:{name}"), format!("errors:{name}"), format!("arg:{name}:*"), format!("err:{name}:*")];
                // A code no other mutation lists leaves `ErrorCode` with the mutation.
                keys.extend(m.errors.iter().map(|e| format!("code:{}", e.code)));
                self.push(Class::Breaking, Area::Surface, ChangeKind::OperationRemoved, format!("{}.{name}", m.kind.root()), format!("{} {} was removed", m.kind.keyword(), code(name)), self.at_old(m.span), keys);
            }
        }
        for (name, m) in &new {
            match old.get(name) {
                None => {
                    let keys = vec![format!("op:{name}")];
                    self.push(Class::Safe, Area::Surface, ChangeKind::OperationAdded, format!("{}.{name}", m.kind.root()), format!("{} {} was added", m.kind.keyword(), code(name)), self.at_new(m.span), keys);
                }
                Some(o) => self.operation(o, m),
            }
        }
    }

    fn operation(&mut self, o: &Operation, n: &Operation) {
        let name = &n.name;
        let path = format!("{}.{name}", n.kind.root());
        if o.kind != n.kind {
            let message = format!("`{name}` moved from the {} root to the {} root", o.kind.root(), n.kind.root());
            self.push(Class::Breaking, Area::Surface, ChangeKind::OperationKindChanged, path.clone(), message, self.at_new(n.span), vec![format!("op:{name}")]);
        }
        let at = self.at_new(n.span);
        if o.return_type != n.return_type {
            let inferred = o.return_type_provenance == Provenance::Inferred || n.return_type_provenance == Provenance::Inferred;
            let class = type_change_class(output_compatible(&o.return_type, &n.return_type), inferred);
            let note = if inferred && class != Class::Safe { INFERRED_NOTE } else { "" };
            let message = format!("the return type changed from {} to {}{note}", code(&o.return_type.to_string()), code(&n.return_type.to_string()));
            self.push(class, Area::Surface, ChangeKind::ReturnTypeChanged, path.clone(), message, at.clone(), vec![]);
        }
        self.arguments(o, n);
        if o.description != n.description {
            self.push(Class::Safe, Area::Surface, ChangeKind::DescriptionChanged, path.clone(), "the description changed".into(), at.clone(), vec![]);
        }
        self.deprecation(&path, o.deprecation.as_ref(), n.deprecation.as_ref(), at.clone(), "mutation");
        self.permissions(&path, &o.permissions, &n.permissions, at.clone());
        self.rate_limits(&path, &o.rate_limits, &n.rate_limits, at.clone());
        self.errors(o, n);
        match (o.complexity, n.complexity) {
            (Some(a), Some(b)) if b > a => self.push(Class::Dangerous, Area::Metadata, ChangeKind::ComplexityRaised, path.clone(), format!("the query complexity rose from {a} to {b}"), at, vec![]),
            (Some(a), Some(b)) if b < a => self.push(Class::Safe, Area::Metadata, ChangeKind::ComplexityLowered, path.clone(), format!("the query complexity fell from {a} to {b}"), at, vec![]),
            (None, Some(b)) => self.push(Class::Dangerous, Area::Metadata, ChangeKind::ComplexityStated, path.clone(), format!("the reference now states a query complexity of {b}"), at, vec![]),
            (Some(a), None) => self.push(Class::Safe, Area::Metadata, ChangeKind::ComplexityUnstated, path.clone(), format!("the reference no longer states the query complexity (it was {a})"), at, vec![]),
            _ => {}
        }
    }

    fn arguments(&mut self, o: &Operation, n: &Operation) {
        let name = &n.name;
        for a in &o.arguments {
            if !n.arguments.iter().any(|b| b.name == a.name) {
                let path = format!("{}.{name}({}:)", n.kind.root(), a.name);
                self.push(Class::Breaking, Area::Surface, ChangeKind::ArgumentRemoved, path, format!("argument {} of {} was removed", code(&a.name), code(name)), self.at_old(a.span), vec![format!("arg:{name}:{}", a.name)]);
            }
        }
        for b in &n.arguments {
            let path = format!("{}.{name}({}:)", n.kind.root(), b.name);
            let key = vec![format!("arg:{name}:{}", b.name)];
            let at = self.at_new(b.span);
            match o.arguments.iter().find(|a| a.name == b.name) {
                None if b.ty.is_non_null() => self.push(Class::Breaking, Area::Surface, ChangeKind::ArgumentAddedRequired, path, format!("required argument {} ({}) was added", code(&b.name), code(&b.ty.to_string())), at, key),
                None => self.push(Class::Dangerous, Area::Surface, ChangeKind::ArgumentAddedOptional, path, format!("optional argument {} ({}) was added", code(&b.name), code(&b.ty.to_string())), at, key),
                Some(a) => {
                    if a.ty != b.ty {
                        let class = type_change_class(input_compatible(&a.ty, &b.ty), false);
                        self.push(class, Area::Surface, ChangeKind::ArgumentTypeChanged, path.clone(), format!("the type of argument {} changed from {} to {}", code(&b.name), code(&a.ty.to_string()), code(&b.ty.to_string())), at.clone(), key);
                    }
                    if a.description != b.description {
                        self.push(Class::Safe, Area::Surface, ChangeKind::DescriptionChanged, path, format!("the description of argument {} changed", code(&b.name)), at, vec![]);
                    }
                }
            }
        }
    }

    fn deprecation(&mut self, path: &str, o: Option<&Deprecation>, n: Option<&Deprecation>, at: Option<Location>, what: &str) {
        match (o, n) {
            (None, Some(d)) => self.push(Class::Safe, Area::Metadata, ChangeKind::DeprecationAdded, path.to_string(), format!("the {what} was deprecated{}", deprecation_dates(d).map(|t| format!(" ({t})")).unwrap_or_default()), at, vec![]),
            (Some(d), None) => self.push(Class::Safe, Area::Metadata, ChangeKind::DeprecationRemoved, path.to_string(), format!("the {what} is no longer deprecated{}", deprecation_dates(d).map(|t| format!(" (the deprecation was {t})")).unwrap_or_default()), at, vec![]),
            (Some(a), Some(b)) => match (&a.removal, &b.removal) {
                (Some(x), Some(y)) if y < x => self.push(Class::Dangerous, Area::Metadata, ChangeKind::RemovalMovedCloser, path.to_string(), format!("the scheduled removal moved closer, from {x} to {y}"), at, vec![]),
                (Some(x), Some(y)) if y > x => self.push(Class::Safe, Area::Metadata, ChangeKind::RemovalMovedLater, path.to_string(), format!("the scheduled removal moved later, from {x} to {y}"), at, vec![]),
                (None, Some(y)) => self.push(Class::Dangerous, Area::Metadata, ChangeKind::RemovalScheduled, path.to_string(), format!("the {what} is now scheduled for removal on or after {y}"), at, vec![]),
                (Some(x), None) => self.push(Class::Safe, Area::Metadata, ChangeKind::RemovalUnscheduled, path.to_string(), format!("the {what} is no longer scheduled for removal (it was on or after {x})"), at, vec![]),
                _ if a.reason != b.reason => self.push(Class::Safe, Area::Metadata, ChangeKind::DeprecationReasonChanged, path.to_string(), "the deprecation reason changed".into(), at, vec![]),
                _ => {}
            },
            (None, None) => {}
        }
    }

    fn permissions(&mut self, path: &str, o: &Permissions, n: &Permissions, at: Option<Location>) {
        if o == n {
            return;
        }
        let describe = |p: &Permissions| match p {
            Permissions::Unspecified => "nothing".to_string(),
            Permissions::Public => "no permission".to_string(),
            Permissions::Required(e) => code(&e.to_string()),
        };
        let (old_alts, new_alts) = match (alternatives(o), alternatives(n)) {
            (Some(a), Some(b)) => (a, b),
            (None, _) => {
                let message = format!("the reference now states the required permissions: {}", describe(n));
                return self.push(Class::Dangerous, Area::Metadata, ChangeKind::PermissionsStated, path.to_string(), message, at, vec![]);
            }
            (_, None) => {
                let message = format!("the reference no longer states the required permissions (they were {})", describe(o));
                return self.push(Class::Dangerous, Area::Metadata, ChangeKind::PermissionsUnstated, path.to_string(), message, at, vec![]);
            }
        };
        // A token meeting an old alternative that no new alternative is contained in no longer suffices.
        let lost: Vec<String> = old_alts
            .iter()
            .filter(|a| !new_alts.iter().any(|b| b.is_subset(a)))
            .map(|a| {
                let missing = new_alts.iter().map(|b| b.difference(a).count()).min().unwrap_or(0);
                let holding = if a.is_empty() { "no permission".to_string() } else { a.iter().map(|p| code(p)).collect::<Vec<_>>().join(" and ") };
                let need: BTreeSet<&String> = new_alts.iter().filter(|b| b.difference(a).count() == missing).flat_map(|b| b.difference(a)).collect();
                format!("a token with {holding} now also needs {}", need.iter().map(|p| code(p)).collect::<Vec<_>>().join(" or "))
            })
            .collect();
        let gained = new_alts.iter().any(|b| !old_alts.iter().any(|a| a.is_subset(b)));
        let change = format!("the required permissions changed from {} to {}", describe(o), describe(n));
        if !lost.is_empty() {
            self.push(Class::Breaking, Area::Metadata, ChangeKind::PermissionsTightened, path.to_string(), format!("{change}: {}", lost.join("; ")), at, vec![]);
        } else if gained {
            self.push(Class::Safe, Area::Metadata, ChangeKind::PermissionsLoosened, path.to_string(), change, at, vec![]);
        }
    }

    fn rate_limits(&mut self, path: &str, o: &[RateLimit], n: &[RateLimit], at: Option<Location>) {
        let text = |r: &RateLimit| r.steps.iter().map(|s| format!("{}/{}", s.limit, s.per.suffix())).collect::<Vec<_>>().join(", ");
        for r in o {
            if !n.iter().any(|x| x.key == r.key) {
                self.push(Class::Safe, Area::Metadata, ChangeKind::RateLimitRemoved, path.to_string(), format!("the rate limit by {} ({}) was removed", code(&r.key), text(r)), at.clone(), vec![]);
            }
        }
        for r in n {
            let Some(prev) = o.iter().find(|x| x.key == r.key) else {
                self.push(Class::Dangerous, Area::Metadata, ChangeKind::RateLimitAdded, path.to_string(), format!("a rate limit by {} ({}) was added", code(&r.key), text(r)), at.clone(), vec![]);
                continue;
            };
            let windows: BTreeSet<u64> = prev.steps.iter().chain(&r.steps).map(|s| s.per.seconds()).collect();
            let allowed = |steps: &[crate::model::RateStep], w: u64| steps.iter().map(|s| u64::from(s.limit) * w.div_ceil(s.per.seconds())).min().unwrap_or(u64::MAX);
            let tighter = windows.iter().any(|&w| allowed(&r.steps, w) < allowed(&prev.steps, w));
            let looser = windows.iter().any(|&w| allowed(&r.steps, w) > allowed(&prev.steps, w));
            let message = format!("the rate limit by {} changed from {} to {}", code(&r.key), text(prev), text(r));
            if tighter {
                self.push(Class::Dangerous, Area::Metadata, ChangeKind::RateLimitTightened, path.to_string(), message, at.clone(), vec![]);
            } else if looser {
                self.push(Class::Safe, Area::Metadata, ChangeKind::RateLimitLoosened, path.to_string(), message, at.clone(), vec![]);
            }
        }
    }

    fn errors(&mut self, o: &Operation, n: &Operation) {
        let name = &n.name;
        let path = format!("{}.{name}", n.kind.root());
        for e in &o.errors {
            if !n.errors.iter().any(|x| x.code == e.code) {
                let keys = vec![format!("err:{name}:{}", e.code), format!("code:{}", e.code)];
                self.push(Class::Safe, Area::Metadata, ChangeKind::ErrorCodeRemoved, path.clone(), format!("error code {} ({}) is no longer listed", code(&e.code), e.message), self.at_old(e.span), keys);
            }
        }
        for e in &n.errors {
            match o.errors.iter().find(|x| x.code == e.code) {
                None => {
                    let keys = vec![format!("err:{name}:{}", e.code), format!("code:{}", e.code)];
                    self.push(Class::Dangerous, Area::Metadata, ChangeKind::ErrorCodeAdded, path.clone(), format!("error code {} ({}) was added", code(&e.code), e.message), self.at_new(e.span), keys);
                }
                Some(x) if x.message != e.message => {
                    self.push(Class::Safe, Area::Metadata, ChangeKind::ErrorMessageChanged, path.clone(), format!("the message of error code {} changed from {:?} to {:?}", code(&e.code), x.message, e.message), self.at_new(e.span), vec![]);
                }
                Some(_) => {}
            }
        }
    }

    /// Folds every removed type that only one operation of OLD reached, an operation NEW no longer
    /// has, into that operation's change: one removal with what it takes along, not a payload, an
    /// input and their types spread over the report. A type several operations reached stays a
    /// change of its own.
    fn group_removals(&mut self) {
        let model = self.old.model;
        let gone: BTreeSet<&str> = model.operations().iter().map(|m| m.name.as_str()).filter(|n| self.new.model.operation(n).is_none()).collect();
        if gone.is_empty() {
            return;
        }
        let mut users: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for m in model.operations() {
            for t in reached(model, m) {
                users.entry(t).or_default().push(m.name.as_str());
            }
        }
        let mut taken: BTreeMap<&str, Vec<Change>> = BTreeMap::new();
        let mut kept = Vec::with_capacity(self.changes.len());
        for c in std::mem::take(&mut self.changes) {
            let only = match users.get(&c.path).map(Vec::as_slice) {
                Some([only]) if c.kind == ChangeKind::TypeRemoved && gone.contains(only) => Some(*only),
                _ => None,
            };
            match only {
                Some(op) => taken.entry(op).or_default().push(c),
                None => kept.push(c),
            }
        }
        for c in &mut kept {
            if c.kind != ChangeKind::OperationRemoved {
                continue;
            }
            // The path is `Mutation.name` or `Query.name`.
            let Some(types) = c.path.split_once('.').and_then(|(_, name)| taken.remove(name)) else { continue };
            let mut names: Vec<String> = types.iter().map(|t| code(&t.path)).collect();
            let last = names.pop().unwrap_or_default();
            let listed = if names.is_empty() { last } else { format!("{} and {last}", names.join(", ")) };
            let _ = write!(c.message, ", taking along {listed}, which no other operation used");
            c.with = types.iter().map(|t| t.path.clone()).collect();
            c.keys.extend(types.into_iter().flat_map(|t| t.keys));
        }
        self.changes = kept;
    }

    fn types(&mut self) {
        let (old, new) = (self.old.model.types(), self.new.model.types());
        for (name, t) in old {
            if !new.contains_key(name) {
                let keys = vec![format!("type:{name}"), format!("field:{name}.*"), format!("value:{name}.*"), format!("member:{name}.*")];
                // A type krakengen inferred from an example is gone from the page, not necessarily
                // from the API.
                let inferred = t.origin == Origin::Inferred;
                let note = if inferred { " (krakengen had inferred it from an example; the page no longer mentions it)" } else { "" };
                let message = format!("{} {} was removed{note}", kind_name(t.kind), code(name));
                self.push(soften(Class::Breaking, inferred), Area::Surface, ChangeKind::TypeRemoved, name.clone(), message, t.first_use.and_then(|s| self.at_old(s)), keys);
            }
        }
        for (name, t) in new {
            match old.get(name) {
                None => self.push(Class::Safe, Area::Surface, ChangeKind::TypeAdded, name.clone(), format!("{} {} was added", kind_name(t.kind), code(name)), t.first_use.and_then(|s| self.at_new(s)), vec![format!("type:{name}")]),
                Some(o) => self.type_def(o, t),
            }
        }
    }

    fn type_def(&mut self, o: &TypeDef, n: &TypeDef) {
        let name = &n.name;
        let at = n.first_use.and_then(|s| self.at_new(s));
        let guessed = |t: &TypeDef| t.origin == Origin::Inferred || t.kind_unknown;
        if o.kind != n.kind {
            let (class, note) = if o.kind_unknown || n.kind_unknown {
                (Class::Safe, " (krakengen could not tell the kind on one side)")
            } else if guessed(o) || guessed(n) {
                (Class::Dangerous, INFERRED_NOTE)
            } else {
                (Class::Breaking, "")
            };
            let message = format!("the kind of {} changed from {} to {}{note}", code(name), kind_name(o.kind), kind_name(n.kind));
            self.push(class, Area::Surface, ChangeKind::TypeKindChanged, name.clone(), message, at, vec![format!("type:{name}"), format!("field:{name}.*"), format!("value:{name}.*"), format!("member:{name}.*")]);
            return;
        }
        if o.description != n.description {
            self.push(Class::Safe, Area::Surface, ChangeKind::DescriptionChanged, name.clone(), format!("the description of {} changed", code(name)), at.clone(), vec![]);
        }
        // Values, members and fields a partial shape lacks may only be unlisted, not gone.
        let partial = o.shape != Shape::Complete || n.shape != Shape::Complete;
        let inferred = guessed(o) || guessed(n);
        let partial_note = if partial {
            " (the reference lists only some of them)"
        } else if inferred {
            " (krakengen inferred them from an example)"
        } else {
            ""
        };
        let partial = partial || inferred;
        let (ov, nv): (BTreeSet<&str>, BTreeSet<&str>) = (o.values.iter().map(|v| v.name.as_str()).collect(), n.values.iter().map(|v| v.name.as_str()).collect());
        // A removal is located in OLD, where the type was used; a value only a supplement states
        // has no line in a reference.
        let at_old = o.first_use.and_then(|s| self.at_old(s));
        let stated = |t: &TypeDef, v: &str| t.values.iter().any(|x| x.name == v && !x.from_supplement);
        for v in ov.difference(&nv) {
            let place = if stated(o, v) { at_old.clone() } else { None };
            self.push(soften(Class::Breaking, partial), Area::Surface, ChangeKind::EnumValueRemoved, format!("{name}.{v}"), format!("value {} of enum {} was removed{partial_note}", code(v), code(name)), place, vec![format!("value:{name}.{v}")]);
        }
        for v in nv.difference(&ov) {
            let place = if stated(n, v) { at.clone() } else { None };
            self.push(Class::Dangerous, Area::Surface, ChangeKind::EnumValueAdded, format!("{name}.{v}"), format!("value {} was added to enum {}", code(v), code(name)), place, vec![format!("value:{name}.{v}")]);
        }
        let (om, nm): (BTreeSet<&str>, BTreeSet<&str>) = (o.members.iter().map(String::as_str).collect(), n.members.iter().map(String::as_str).collect());
        for m in om.difference(&nm) {
            self.push(soften(Class::Breaking, partial), Area::Surface, ChangeKind::UnionMemberRemoved, name.clone(), format!("{} is no longer a member of union {}{partial_note}", code(m), code(name)), at_old.clone(), vec![format!("member:{name}.{m}")]);
        }
        for m in nm.difference(&om) {
            self.push(Class::Dangerous, Area::Surface, ChangeKind::UnionMemberAdded, name.clone(), format!("{} was added to union {}", code(m), code(name)), at.clone(), vec![format!("member:{name}.{m}")]);
        }
        let (oi, ni): (BTreeSet<&str>, BTreeSet<&str>) = (o.interfaces.iter().map(String::as_str).collect(), n.interfaces.iter().map(String::as_str).collect());
        for i in oi.difference(&ni) {
            self.push(Class::Breaking, Area::Surface, ChangeKind::InterfaceRemoved, name.clone(), format!("{} no longer implements {}", code(name), code(i)), at.clone(), vec![]);
        }
        for i in ni.difference(&oi) {
            self.push(Class::Dangerous, Area::Surface, ChangeKind::InterfaceAdded, name.clone(), format!("{} now implements {}", code(name), code(i)), at.clone(), vec![]);
        }
        let input = n.kind == Kind::InputObject;
        for f in &o.fields {
            if n.field(&f.name).is_none() {
                let what = if input { "input field" } else { "field" };
                let class = soften(Class::Breaking, partial);
                self.push(class, Area::Surface, if input { ChangeKind::InputFieldRemoved } else { ChangeKind::FieldRemoved }, format!("{name}.{}", f.name), format!("{what} {} of {} was removed{partial_note}", code(&f.name), code(name)), f.span.and_then(|s| self.at_old(s)), vec![format!("field:{name}.{}", f.name)]);
            }
        }
        for f in &n.fields {
            let path = format!("{name}.{}", f.name);
            let key = vec![format!("field:{name}.{}", f.name)];
            let at = f.span.and_then(|s| self.at_new(s)).or_else(|| at.clone());
            match o.field(&f.name) {
                None if input && f.ty.as_ref().is_some_and(TypeRef::is_non_null) && f.default.is_none() => {
                    self.push(Class::Breaking, Area::Surface, ChangeKind::InputFieldAddedRequired, path, format!("required input field {} was added to {}", code(&f.name), code(name)), at, key);
                }
                None if input => self.push(Class::Dangerous, Area::Surface, ChangeKind::InputFieldAddedOptional, path, format!("optional input field {} was added to {}", code(&f.name), code(name)), at, key),
                None => self.push(Class::Safe, Area::Surface, ChangeKind::FieldAdded, path, format!("field {} was added to {}", code(&f.name), code(name)), at, key),
                Some(prev) => self.field(name, input, prev, f, at),
            }
        }
    }

    fn field(&mut self, owner: &str, input: bool, o: &FieldDef, n: &FieldDef, at: Option<Location>) {
        let path = format!("{owner}.{}", n.name);
        let key = vec![format!("field:{owner}.{}", n.name)];
        match (&o.ty, &n.ty) {
            (Some(a), Some(b)) if a != b => {
                let compatible = if input { input_compatible(a, b) } else { output_compatible(a, b) };
                let inferred = o.origin == Some(Origin::Inferred) || n.origin == Some(Origin::Inferred);
                let class = type_change_class(compatible, inferred);
                let note = if inferred && class != Class::Safe { INFERRED_NOTE } else { "" };
                self.push(class, Area::Surface, ChangeKind::FieldTypeChanged, path.clone(), format!("the type of {} changed from {} to {}{note}", code(&path), code(&a.to_string()), code(&b.to_string())), at.clone(), key.clone());
            }
            (None, Some(b)) => self.push(Class::Safe, Area::Surface, ChangeKind::FieldTypeStated, path.clone(), format!("the type of {} is now known: {}", code(&path), code(&b.to_string())), at.clone(), key.clone()),
            (Some(a), None) => self.push(Class::Safe, Area::Surface, ChangeKind::FieldTypeUnstated, path.clone(), format!("the type of {} is no longer known (it was {})", code(&path), code(&a.to_string())), at.clone(), key.clone()),
            _ => {}
        }
        if input && o.default != n.default {
            let show = |d: &Option<apollo_compiler::Node<apollo_compiler::ast::Value>>| d.as_ref().map_or_else(|| "none".to_string(), |v| code(&v.to_string()));
            self.push(Class::Dangerous, Area::Surface, ChangeKind::DefaultChanged, path.clone(), format!("the default of {} changed from {} to {}", code(&path), show(&o.default), show(&n.default)), at.clone(), vec![]);
        }
        for a in &o.args {
            if !n.args.iter().any(|b| b.name == a.name) {
                self.push(Class::Breaking, Area::Surface, ChangeKind::ArgumentRemoved, format!("{path}({}:)", a.name), format!("argument {} of {} was removed", code(&a.name), code(&path)), at.clone(), vec![]);
            }
        }
        for b in &n.args {
            let apath = format!("{path}({}:)", b.name);
            match o.args.iter().find(|a| a.name == b.name) {
                None if b.ty.as_ref().is_some_and(TypeRef::is_non_null) && b.default.is_none() => self.push(Class::Breaking, Area::Surface, ChangeKind::ArgumentAddedRequired, apath, format!("required argument {} was added to {}", code(&b.name), code(&path)), at.clone(), vec![]),
                None => self.push(Class::Dangerous, Area::Surface, ChangeKind::ArgumentAddedOptional, apath, format!("optional argument {} was added to {}", code(&b.name), code(&path)), at.clone(), vec![]),
                Some(a) => match (&a.ty, &b.ty) {
                    (Some(x), Some(y)) if x != y => {
                        let class = type_change_class(input_compatible(x, y), false);
                        self.push(class, Area::Surface, ChangeKind::ArgumentTypeChanged, apath, format!("the type of argument {} of {} changed from {} to {}", code(&b.name), code(&path), code(&x.to_string()), code(&y.to_string())), at.clone(), vec![]);
                    }
                    _ if a.default != b.default => self.push(Class::Dangerous, Area::Surface, ChangeKind::DefaultChanged, apath, format!("the default of argument {} of {} changed", code(&b.name), code(&path)), at.clone(), vec![]),
                    _ => {}
                },
            }
        }
        if o.description != n.description {
            self.push(Class::Safe, Area::Surface, ChangeKind::DescriptionChanged, path.clone(), format!("the description of {} changed", code(&path)), at.clone(), vec![]);
        }
        self.deprecation(&path, o.deprecation.as_ref(), n.deprecation.as_ref(), at, "field");
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Scalar => "scalar",
        Kind::Enum => "enum",
        Kind::Object => "object type",
        Kind::Interface => "interface",
        Kind::Union => "union",
        Kind::InputObject => "input object",
    }
}

/// The ways to meet a requirement, each the set of permissions a token needs, minimal and sorted;
/// `[{}]` when none is needed, `None` when the reference says nothing. An expression whose
/// expansion would exceed a few hundred alternatives is kept as one alternative of all its names,
/// which can only make the comparison report a change, never miss one.
fn alternatives(p: &Permissions) -> Option<Vec<BTreeSet<String>>> {
    const MAX: usize = 256;
    fn expand(e: &PermissionExpr) -> Option<Vec<BTreeSet<String>>> {
        match e {
            PermissionExpr::Permission(p) => Some(vec![BTreeSet::from([p.clone()])]),
            PermissionExpr::Any(items) => {
                let mut out = Vec::new();
                for item in items {
                    out.extend(expand(item)?);
                    if out.len() > MAX {
                        return None;
                    }
                }
                Some(out)
            }
            PermissionExpr::All(items) => {
                let mut out = vec![BTreeSet::new()];
                for item in items {
                    let alts = expand(item)?;
                    if out.len() * alts.len() > MAX {
                        return None;
                    }
                    out = out.iter().flat_map(|a| alts.iter().map(move |b| a.union(b).cloned().collect())).collect();
                }
                Some(out)
            }
        }
    }
    let mut alts = match p {
        Permissions::Unspecified => return None,
        Permissions::Public => vec![BTreeSet::new()],
        Permissions::Required(e) => expand(e).unwrap_or_else(|| vec![e.names().into_iter().map(str::to_string).collect()]),
    };
    alts.sort();
    alts.dedup();
    let minimal: Vec<BTreeSet<String>> = alts.iter().filter(|a| !alts.iter().any(|b| b != *a && b.is_subset(a))).cloned().collect();
    Some(minimal)
}

#[cfg(test)]
mod tests;
