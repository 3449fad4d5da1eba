//! Users' own operation documents (`--documents`): validated against the model's schema, then
//! typed by *their* selection sets, as graphql-client or cynic types them.
//!
//! Each named operation becomes a module (the snake_case of its name) with its `DOCUMENT`,
//! `Variables`, `Data` and one struct per selected object, named by the PascalCase of the field's
//! response name (`viewer { accounts { … } }` gives `Viewer` and `Accounts`); where two selections
//! would take the same name, the later is prefixed by its parent's (`AccountsProperties`). A
//! selection on a union or interface with type conditions becomes an enum keyed by `__typename`
//! (which the document then selects), one variant per condition holding a struct
//! `<Enum>On<Type>` of the fields selected on that type and the common ones, and `Other` holding
//! `<Enum>Other` with the common ones, for any other member. A field under `@include` or `@skip` is optional. Fragments are inlined into the
//! structs of the selections that spread them, so a struct is exactly what its selection gets.
//!
//! Documents are read together, so a file of fragments serves files of operations. Every problem
//! (a syntax or validation error, an anonymous operation, two operations of one name) is an error
//! naming the file, line and column; nothing is generated then.

use std::collections::{BTreeMap, BTreeSet};

use apollo_compiler::ast;
use apollo_compiler::diagnostic::ToCliReport;
use apollo_compiler::executable::{self, Selection, SelectionSet};
use apollo_compiler::validation::Valid;
use apollo_compiler::{ExecutableDocument, Node, Schema};

use crate::diag::Diagnostics;
use crate::model::{OperationKind, Span};
use crate::naming::{Case, NameTable};

use super::ir::{FieldIr, Ty};
use super::FragmentSource;

/// The documents, parsed and validated together.
pub(crate) struct Documents {
    doc: Valid<ExecutableDocument>,
    /// The operations by name, with the text sent for each (its definition and the fragments it
    /// uses, `__typename` added where an enum needs it).
    texts: BTreeMap<String, String>,
}

/// `file:line:column` of an apollo location.
fn at(loc: Option<apollo_compiler::parser::SourceSpan>, sources: &apollo_compiler::parser::SourceMap) -> String {
    match loc.and_then(|l| Some((l.line_column_range(sources)?, sources.get(&l.file_id())?.path().display().to_string()))) {
        Some((range, path)) => format!("{path}:{}:{}", range.start.line, range.start.column),
        None => "(no position)".to_string(),
    }
}

impl Documents {
    /// Parses and validates `sources` against `schema`; `None` after reporting every problem.
    pub(crate) fn load(schema: &Valid<Schema>, sources: &[FragmentSource], diags: &mut Diagnostics) -> Option<Documents> {
        let mut combined = ast::Document::new();
        let mut failed = false;
        for s in sources {
            let ast = match ast::Document::parse(s.text.clone(), &s.name) {
                Ok(ast) => ast,
                Err(with) => {
                    for d in with.errors.iter() {
                        error(diags, format!("{}: {}", at(d.error.location(), d.sources), d.error));
                    }
                    failed = true;
                    continue;
                }
            };
            std::sync::Arc::make_mut(&mut combined.sources).extend(ast.sources.iter().map(|(k, v)| (*k, v.clone())));
            combined.definitions.extend(ast.definitions);
        }
        let sources_map = combined.sources.clone();
        let mut names: BTreeMap<&str, Option<apollo_compiler::parser::SourceSpan>> = BTreeMap::new();
        for d in &combined.definitions {
            match d {
                ast::Definition::OperationDefinition(op) => match &op.name {
                    None => {
                        error(diags, format!("{}: an operation needs a name, which names its module and method", at(op.location(), &sources_map)));
                        failed = true;
                    }
                    Some(n) => {
                        if let Some(first) = names.insert(n.as_str(), n.location()) {
                            error(
                                diags,
                                format!(
                                    "{}: operation `{n}` is defined again (first at {})",
                                    at(n.location(), &sources_map),
                                    at(first, &sources_map)
                                ),
                            );
                            failed = true;
                        }
                    }
                },
                ast::Definition::FragmentDefinition(_) => {}
                other => {
                    error(diags, format!("{}: documents may hold only operations and fragments", at(other.location(), &sources_map)));
                    failed = true;
                }
            }
        }
        if failed {
            return None;
        }
        let with_typenames = add_typenames(schema, &combined);
        let doc = match with_typenames.to_executable_validate(schema) {
            Ok(doc) => doc,
            Err(with) => {
                for d in with.errors.iter() {
                    // Duplicate names were reported above with both places.
                    if d.error.unstable_error_name() == Some("OperationNameCollision") {
                        continue;
                    }
                    error(diags, format!("{}: {}", at(d.error.location(), d.sources), d.error));
                }
                return None;
            }
        };
        let mut texts = BTreeMap::new();
        for op in doc.operations.named.values() {
            let mut used = BTreeSet::new();
            fragments_of(&doc, &op.selection_set, &mut used);
            let mut text = format!("{}\n", ast_of(&with_typenames, op.name.as_ref().map(|n| n.as_str())));
            for f in &used {
                text.push('\n');
                text.push_str(&fragment_text(&with_typenames, f));
                text.push('\n');
            }
            texts.insert(op.name.as_ref().expect("named").to_string(), text);
        }
        Some(Documents { doc, texts })
    }

    /// The root fields each operation selects, by kind: the reference operations whose metadata
    /// (error codes) the modules use.
    pub(crate) fn root_fields(&self) -> BTreeSet<(OperationKind, String)> {
        let mut out = BTreeSet::new();
        for op in self.doc.operations.named.values() {
            let kind = match op.operation_type {
                ast::OperationType::Mutation => OperationKind::Mutation,
                ast::OperationType::Query => OperationKind::Query,
                ast::OperationType::Subscription => continue,
            };
            for f in op.root_fields(&self.doc) {
                out.insert((kind, f.name.to_string()));
            }
        }
        out
    }

    /// The named types the generated code names: the variables' types and the leaves selected
    /// (their closure is the generator's to take).
    pub(crate) fn used_types(&self) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for op in self.doc.operations.named.values() {
            for v in &op.variables {
                out.insert(v.ty.inner_named_type().to_string());
            }
            leaves(&self.doc, &op.selection_set, &mut out);
        }
        out
    }
}

fn error(diags: &mut Diagnostics, message: String) {
    diags.error(crate::diag::Code::UserDocumentInvalid, Span::nowhere(), message, "");
}

fn leaves(doc: &ExecutableDocument, set: &SelectionSet, out: &mut BTreeSet<String>) {
    for s in &set.selections {
        match s {
            Selection::Field(f) => {
                if f.selection_set.selections.is_empty() {
                    out.insert(f.definition.ty.inner_named_type().to_string());
                } else {
                    leaves(doc, &f.selection_set, out);
                }
            }
            Selection::InlineFragment(i) => leaves(doc, &i.selection_set, out),
            Selection::FragmentSpread(s) => {
                if let Some(f) = doc.fragments.get(&s.fragment_name) {
                    leaves(doc, &f.selection_set, out);
                }
            }
        }
    }
}

fn fragments_of(doc: &ExecutableDocument, set: &SelectionSet, out: &mut BTreeSet<String>) {
    for s in &set.selections {
        match s {
            Selection::Field(f) => fragments_of(doc, &f.selection_set, out),
            Selection::InlineFragment(i) => fragments_of(doc, &i.selection_set, out),
            Selection::FragmentSpread(s) => {
                if out.insert(s.fragment_name.to_string()) {
                    if let Some(f) = doc.fragments.get(&s.fragment_name) {
                        fragments_of(doc, &f.selection_set, out);
                    }
                }
            }
        }
    }
}

fn ast_of(doc: &ast::Document, name: Option<&str>) -> String {
    doc.definitions
        .iter()
        .find_map(|d| match d {
            ast::Definition::OperationDefinition(op) if op.name.as_ref().map(|n| n.as_str()) == name => Some(d.to_string()),
            _ => None,
        })
        .unwrap_or_default()
}

fn fragment_text(doc: &ast::Document, name: &str) -> String {
    doc.definitions
        .iter()
        .find_map(|d| match d {
            ast::Definition::FragmentDefinition(f) if f.name == name => Some(d.to_string()),
            _ => None,
        })
        .unwrap_or_default()
}

/// The documents with `__typename` selected in every selection set on a union or interface that
/// has none: the enum of such a selection is keyed by it.
fn add_typenames(schema: &Schema, doc: &ast::Document) -> ast::Document {
    fn walk(schema: &Schema, parent: &str, set: &mut Vec<ast::Selection>) {
        let is_abstract = matches!(
            schema.types.get(parent),
            Some(apollo_compiler::schema::ExtendedType::Union(_) | apollo_compiler::schema::ExtendedType::Interface(_))
        );
        if is_abstract && !set.iter().any(|s| matches!(s, ast::Selection::Field(f) if f.name == "__typename" && f.alias.is_none())) {
            set.insert(
                0,
                ast::Selection::Field(Node::new(ast::Field {
                    alias: None,
                    name: apollo_compiler::name!("__typename"),
                    arguments: Vec::new(),
                    directives: ast::DirectiveList::new(),
                    selection_set: Vec::new(),
                })),
            );
        }
        for s in set.iter_mut() {
            match s {
                ast::Selection::Field(f) => {
                    let Ok(def) = schema.type_field(parent, &f.name) else { continue };
                    let inner = def.ty.inner_named_type().to_string();
                    walk(schema, &inner, &mut f.make_mut().selection_set);
                }
                ast::Selection::InlineFragment(i) => {
                    let on = i.type_condition.as_ref().map_or(parent.to_string(), |t| t.to_string());
                    walk(schema, &on, &mut i.make_mut().selection_set);
                }
                ast::Selection::FragmentSpread(_) => {}
            }
        }
    }
    let mut out = doc.clone();
    for d in &mut out.definitions {
        match d {
            ast::Definition::OperationDefinition(op) => {
                let Some(root) = schema.root_operation(op.operation_type).map(|r| r.to_string()) else { continue };
                walk(schema, &root, &mut op.make_mut().selection_set);
            }
            ast::Definition::FragmentDefinition(f) => {
                let on = f.type_condition.to_string();
                walk(schema, &on, &mut f.make_mut().selection_set);
            }
            _ => {}
        }
    }
    out
}

/// One user operation, decided.
pub(crate) struct UserOp {
    pub name: String,
    pub kind: OperationKind,
    pub module: String,
    pub method: String,
    pub document: String,
    pub variables: Vec<FieldIr>,
    /// `Data` first, then every struct and enum of the module, in the order they are named.
    pub items: Vec<Item>,
    /// The reference operation of the single root field, when the reference documents it (its
    /// module holds the error tables the user module re-exports).
    pub reference_module: Option<String>,
}

pub(crate) enum Item {
    Struct { rust: String, graphql: String, fields: Vec<FieldIr> },
    /// A selection with type conditions: the variants (GraphQL type, variant, struct) and the
    /// struct of any other member.
    Enum { rust: String, graphql: String, variants: Vec<(String, String, String)>, other: String },
}

/// Maps a named GraphQL type of a leaf or a variable to its Rust type.
pub(crate) trait Named {
    fn named(&self, name: &str) -> Ty;
}

/// A selected field before typing: its response key and every `Field` node that fills it.
struct Selected<'d> {
    key: String,
    fields: Vec<&'d Node<executable::Field>>,
    optional: bool,
}

struct Builder<'d, 'n> {
    doc: &'d ExecutableDocument,
    schema: &'d Schema,
    named: &'n dyn Named,
    taken: BTreeSet<String>,
    items: Vec<Item>,
}

/// Whether a type condition always applies inside a selection on `parent`.
fn applies(schema: &Schema, parent: &str, condition: Option<&str>) -> bool {
    match condition {
        None => true,
        Some(c) if c == parent => true,
        // An interface or union condition on an object parent that implements or belongs to it.
        Some(c) => match schema.types.get(parent) {
            Some(apollo_compiler::schema::ExtendedType::Object(o)) => {
                o.implements_interfaces.iter().any(|i| i.name == c)
                    || matches!(schema.types.get(c), Some(apollo_compiler::schema::ExtendedType::Union(u)) if u.members.iter().any(|m| m.name == parent))
            }
            _ => false,
        },
    }
}

fn conditional(directives: &executable::DirectiveList) -> bool {
    directives.get("include").is_some() || directives.get("skip").is_some()
}

impl<'d> Builder<'d, '_> {
    /// The fields a selection on `on` gets (fragments that apply inlined), and the selections
    /// under narrower type conditions, by type.
    fn collect(&self, on: &str, set: &'d SelectionSet, optional: bool, out: &mut Vec<Selected<'d>>, narrower: &mut BTreeMap<String, Vec<(&'d SelectionSet, bool)>>) {
        for s in &set.selections {
            match s {
                Selection::Field(f) => {
                    let key = f.response_key().to_string();
                    let opt = optional || conditional(&f.directives);
                    match out.iter_mut().find(|x| x.key == key) {
                        Some(x) => {
                            x.fields.push(f);
                            x.optional &= opt;
                        }
                        None => out.push(Selected { key, fields: vec![f], optional: opt }),
                    }
                }
                Selection::InlineFragment(i) => {
                    let cond = i.type_condition.as_ref().map(|t| t.as_str());
                    let opt = optional || conditional(&i.directives);
                    if applies(self.schema, on, cond) {
                        self.collect(on, &i.selection_set, opt, out, narrower);
                    } else if let Some(c) = cond {
                        narrower.entry(c.to_string()).or_default().push((&i.selection_set, opt));
                    }
                }
                Selection::FragmentSpread(sp) => {
                    let Some(frag) = self.doc.fragments.get(&sp.fragment_name) else { continue };
                    let cond = frag.type_condition().as_str();
                    let opt = optional || conditional(&sp.directives);
                    if applies(self.schema, on, Some(cond)) {
                        self.collect(on, &frag.selection_set, opt, out, narrower);
                    } else {
                        narrower.entry(cond.to_string()).or_default().push((&frag.selection_set, opt));
                    }
                }
            }
        }
    }

    fn name(&mut self, parent: &str, key: &str) -> String {
        let base = crate::naming::sanitize(key, Case::Pascal);
        for candidate in [base.clone(), format!("{parent}{base}")] {
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
        (2..).map(|i| format!("{parent}{base}{i}")).find(|c| self.taken.insert(c.clone())).expect("a free name")
    }

    /// `{parent}{suffix}`, or with a number after it if that is taken: the structs of an enum's
    /// variants are named after the enum.
    fn prefixed(&mut self, parent: &str, suffix: &str) -> String {
        let base = format!("{parent}{suffix}");
        std::iter::once(base.clone()).chain((2..).map(|i| format!("{base}{i}"))).find(|c| self.taken.insert(c.clone())).expect("a free name")
    }

    /// The fields of a struct for `selected`, naming and building the structs they need.
    fn fields(&mut self, owner: &str, selected: &[Selected<'d>], skip_typename: bool) -> Vec<FieldIr> {
        let mut names = NameTable::new(Case::Snake);
        let mut out = Vec::new();
        for s in selected {
            let f = s.fields[0];
            if f.name == "__typename" && skip_typename {
                continue;
            }
            let def_ty = &f.definition.ty;
            let inner = def_ty.inner_named_type().as_str();
            let local = if f.selection_set.selections.is_empty() {
                None
            } else {
                let rust = self.name(owner, &s.key);
                let sets: Vec<&'d SelectionSet> = s.fields.iter().map(|f| &f.selection_set).collect();
                self.selection(&rust, inner, &sets);
                Some(rust)
            };
            let mut ty = map(def_ty, local.as_deref(), self.named);
            if s.optional && !ty.is_option() {
                ty = Ty::Option(Box::new(ty));
            }
            out.push(FieldIr {
                graphql: s.key.clone(),
                rust: names.insert(&s.key),
                ty,
                description: f.definition.description.as_ref().map(|d| d.to_string()),
                deprecation: f.definition.directives.get("deprecated").map(|d| crate::model::Deprecation {
                    reason: d.specified_argument_by_name("reason").and_then(|v| v.as_str()).unwrap_or("No longer supported").to_string(),
                    marked: None,
                    removal: None,
                    link: None,
                }),
                provenance: None,
                graphql_ty: Some(crate::types::supplement::type_ref(def_ty)),
                selected: true,
                aliases: Vec::new(),
            });
        }
        out
    }

    /// The item named `rust` for the selections `sets` on `on`.
    fn selection(&mut self, rust: &str, on: &str, sets: &[&'d SelectionSet]) {
        let mut selected = Vec::new();
        let mut narrower = BTreeMap::new();
        for set in sets {
            self.collect(on, set, false, &mut selected, &mut narrower);
        }
        if narrower.is_empty() {
            let at = self.items.len();
            self.items.push(Item::Struct { rust: String::new(), graphql: String::new(), fields: Vec::new() });
            let fields = self.fields(rust, &selected, false);
            self.items[at] = Item::Struct { rust: rust.to_string(), graphql: on.to_string(), fields };
            return;
        }
        let at = self.items.len();
        self.items.push(Item::Struct { rust: String::new(), graphql: String::new(), fields: Vec::new() });
        let mut variants = Vec::new();
        for (ty, parts) in &narrower {
            let mut own: Vec<Selected<'d>> = Vec::new();
            let mut deeper = BTreeMap::new();
            for s in &selected {
                own.push(Selected { key: s.key.clone(), fields: s.fields.clone(), optional: s.optional });
            }
            for (set, opt) in parts {
                self.collect(ty, set, *opt, &mut own, &mut deeper);
            }
            let variant = crate::naming::sanitize(ty, Case::Pascal);
            let name = self.prefixed(rust, &format!("On{variant}"));
            let fields = self.fields(&name, &own, true);
            self.items.push(Item::Struct { rust: name.clone(), graphql: ty.clone(), fields });
            variants.push((ty.clone(), variant, name));
        }
        let other = self.prefixed(rust, "Other");
        let fields = self.fields(&other, &selected, true);
        self.items.push(Item::Struct { rust: other.clone(), graphql: on.to_string(), fields });
        self.items[at] = Item::Enum { rust: rust.to_string(), graphql: on.to_string(), variants, other };
    }
}

/// A GraphQL type as a Rust one: `local` replaces the named type (a selection's struct).
fn map(t: &ast::Type, local: Option<&str>, named: &dyn Named) -> Ty {
    let base = |n: &str| match local {
        Some(l) => Ty::Local(l.to_string()),
        None => named.named(n),
    };
    fn go(t: &ast::Type, base: &dyn Fn(&str) -> Ty) -> Ty {
        match t {
            ast::Type::Named(n) => Ty::Option(Box::new(base(n))),
            ast::Type::NonNullNamed(n) => base(n),
            ast::Type::List(i) => Ty::Option(Box::new(Ty::Vec(Box::new(go(i, base))))),
            ast::Type::NonNullList(i) => Ty::Vec(Box::new(go(i, base))),
        }
    }
    go(t, &base)
}

/// Decides the modules of the users' operations. `modules` and `methods` hold the names already
/// taken; `reference` maps a documented root field to the module of its reference operation.
pub(crate) fn decide(
    docs: &Documents,
    schema: &Schema,
    named: &dyn Named,
    modules: &mut NameTable,
    methods: &mut NameTable,
    reference: &BTreeMap<(OperationKind, String), String>,
) -> Vec<UserOp> {
    let mut out = Vec::new();
    for (name, op) in &docs.doc.operations.named {
        let kind = match op.operation_type {
            ast::OperationType::Mutation => OperationKind::Mutation,
            _ => OperationKind::Query,
        };
        if op.operation_type == ast::OperationType::Subscription {
            continue;
        }
        let mut b = Builder { doc: &docs.doc, schema, named, taken: super::ir::OPERATION_ITEMS.iter().map(|s| s.to_string()).collect(), items: Vec::new() };
        let root = schema.root_operation(op.operation_type).map(|r| r.to_string()).unwrap_or_default();
        b.selection("Data", &root, &[&op.selection_set]);
        let mut var_names = NameTable::new(Case::Snake);
        let variables = op
            .variables
            .iter()
            .map(|v| {
                let mut ty = map(&v.ty, None, named);
                if v.default_value.is_some() && !ty.is_option() {
                    ty = Ty::Option(Box::new(ty));
                }
                FieldIr {
                    graphql: v.name.to_string(),
                    rust: var_names.insert(&v.name),
                    ty,
                    description: None,
                    deprecation: None,
                    provenance: None,
                    graphql_ty: Some(crate::types::supplement::type_ref(&v.ty)),
                    selected: true,
                    aliases: Vec::new(),
                }
            })
            .collect();
        let roots: Vec<String> = op.root_fields(&docs.doc).map(|f| f.name.to_string()).collect::<BTreeSet<_>>().into_iter().collect();
        let reference_module = match roots.as_slice() {
            [one] => reference.get(&(kind, one.clone())).cloned(),
            _ => None,
        };
        out.push(UserOp {
            name: name.to_string(),
            kind,
            module: modules.insert(name),
            method: methods.insert(name),
            document: docs.texts[name.as_str()].clone(),
            variables,
            items: b.items,
            reference_module,
        });
    }
    out
}
