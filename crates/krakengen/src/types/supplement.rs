//! Completing the schema from a real SDL the user passes (for example an introspection dump).
//!
//! The reference rarely gives the shape of inputs and nested objects. A supplement fills those gaps:
//! fields of opaque and partial types, the kinds of types the reference names without saying what
//! they are, enum values and union members it never shows, and every type those in turn name.
//!
//! The reference stays the authority for what it states. Every disagreement is a diagnostic pointing
//! at the reference line, with the supplement's location in the message:
//!
//! * a mutation, argument, field, enum value, union member or type the reference has and the
//!   supplement lacks;
//! * a different argument, return or field type (`supplement-nullability-conflict` when only `!`
//!   differs), where the reference's declaration is kept;
//! * a different kind for a declared type, where the reference's kind is kept, except that an object
//!   the supplement declares as an interface becomes one (every selection valid on the object stays
//!   valid on the interface), reported all the same;
//! * a field type the reference only inferred from an example and the supplement contradicts: the
//!   supplement's declaration replaces the guess, and the replacement is reported.
//!
//! A supplement that adds nullability to an inferred type, or fills a type whose shape the reference
//! does not give, is not in conflict and is silent. Everything taken from a supplement is marked with
//! `@fromSupplement` in the SDL. Types the supplement's fields name are imported from it whole, and so
//! are the object types implementing an interface the schema declares.
//!
//! A supplement must be valid GraphQL (checked by apollo-compiler; every problem is an error pointing
//! into the supplement file), except that it needs no query root: a hand-written file of a few types
//! is enough. An invalid supplement is not applied at all. Synthetic type names (made up by krakengen)
//! are not looked up, and the supplement's directives are not carried over. Its query root fills
//! the model's where the reference has no queries page, and its subscription root is the model's.

use std::collections::{BTreeMap, BTreeSet};

use apollo_compiler::ast::{self, OperationType};
use apollo_compiler::diagnostic::ToCliReport;
use apollo_compiler::parser::{Parser, SourceSpan};
use apollo_compiler::schema::ExtendedType;
use apollo_compiler::Schema;

use super::ir::{FieldDef, Draft, Kind, Origin, Shape, TypeDef, Uses, ValueDef};
use crate::model::is_builtin;
use crate::diag::Diagnostics;
use crate::model::{Deprecation, LineIndex, OperationKind, Reference, Span, TypeRef};

/// How many problems of an invalid supplement are reported one by one. A file of junk makes the
/// GraphQL parser report a problem for nearly every token; the rest are counted in one more
/// diagnostic.
pub const MAX_PROBLEMS: usize = 200;

/// What a supplement file looks like when it is not GraphQL SDL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotSdl {
    /// Byte offset of what gave it away (the first significant character, or the first bad byte).
    pub offset: usize,
    /// What the file looks like, as a phrase: `is empty`, `looks like JSON (…)`.
    pub looks_like: String,
}

/// The two formats a supplement may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// GraphQL SDL.
    Sdl,
    /// JSON, read as an introspection result (see [`super::introspection`]).
    Json,
}

/// Recognises, before any parsing, what a supplement is: SDL, JSON (an introspection result, most
/// likely), or something that can be neither: empty, binary (a NUL byte, or not UTF-8), a reference
/// page given by mistake, anything whose first token is not one an SDL document can start with.
/// Such a file gets one clear diagnostic instead of a problem for nearly every token, which for a
/// large file took minutes and printed megabytes.
pub fn sniff(bytes: &[u8]) -> Result<Format, NotSdl> {
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(NotSdl { offset, looks_like: "looks like binary data (it holds a NUL byte)".into() });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| NotSdl {
        offset: e.valid_up_to(),
        looks_like: "looks like binary data (it is not UTF-8 text)".into(),
    })?;
    // The first significant character: whitespace, commas (insignificant in GraphQL), a byte-order
    // mark and `#` comments are skipped.
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == '\u{feff}');
        match trimmed.strip_prefix('#') {
            Some(comment) => rest = comment.find('\n').map_or("", |i| &comment[i..]),
            None => {
                rest = trimmed;
                break;
            }
        }
    }
    let offset = text.len() - rest.len();
    if rest.is_empty() {
        return Err(NotSdl { offset: 0, looks_like: "is empty (it holds no definition)".into() });
    }
    if rest.starts_with(['{', '[']) {
        return Ok(Format::Json);
    }
    if rest.starts_with('"') {
        // A description opens a definition.
        return Ok(Format::Sdl);
    }
    let word: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
    const STARTS: [&str; 9] = ["type", "input", "enum", "scalar", "union", "interface", "directive", "schema", "extend"];
    if STARTS.contains(&word.as_str()) {
        return Ok(Format::Sdl);
    }
    let looks_like = if crate::parse::looks_like_reference(text) {
        "looks like a Kraken reference page (give it as the reference, not as a supplement)".to_string()
    } else {
        let start: String = rest.chars().take(40).collect();
        let start = start.split('\n').next().unwrap_or_default();
        format!("is neither GraphQL SDL nor JSON: it starts with `{start}`, where a definition (`type`, `input`, `enum`, `scalar`, …), its description or a JSON object should")
    };
    Err(NotSdl { offset, looks_like })
}

/// A parsed supplement and where its files sit in the diagnostic file index.
pub struct Supplement {
    pub schema: Schema,
    /// Whether the files parsed and validated without errors. An invalid supplement is not applied:
    /// comparing the reference with half a schema would only bury its real errors under false
    /// conflicts.
    pub valid: bool,
    /// Supplement path → index used in diagnostic spans.
    files: BTreeMap<String, u32>,
}

impl Supplement {
    /// Parses and validates the supplement files (name, text) into one schema. Problems are errors
    /// pointing into the supplement; `first_file` is the diagnostic file index of the first file.
    pub fn load(files: &[(String, String)], first_file: u32, diags: &mut Diagnostics) -> Supplement {
        let mut builder = Schema::builder();
        let mut parser = Parser::new();
        let mut index = BTreeMap::new();
        for (i, (name, text)) in files.iter().enumerate() {
            index.insert(name.clone(), first_file + i as u32);
            parser.parse_into_schema_builder(text.as_str(), name, &mut builder);
        }
        let mut sup = Supplement { schema: Schema::new(), valid: true, files: index };
        // A file that does not even parse is still validated as far as it goes, so every problem of
        // the supplement is reported in one run.
        let (schema, errors) = match builder.build() {
            Ok(s) => match s.validate() {
                Ok(v) => (v.into_inner(), None),
                Err(e) => (e.partial, Some(e.errors)),
            },
            Err(e) => {
                let mut errors = e.errors;
                match e.partial.validate() {
                    Ok(v) => (v.into_inner(), Some(errors)),
                    Err(more) => {
                        errors.merge(more.errors);
                        (more.partial, Some(errors))
                    }
                }
            }
        };
        if let Some(errors) = errors {
            // A supplement only has to describe types; one without a query root (a hand-written
            // file of a few types) is fine here, although apollo-compiler requires the root of a
            // complete schema.
            let errors: Vec<_> =
                errors.iter().filter(|d| d.error.unstable_error_name() != Some("QueryRootOperationType")).collect();
            sup.valid = errors.is_empty();
            let indices: Vec<LineIndex<'_>> = files.iter().map(|(_, text)| LineIndex::new(text)).collect();
            for d in errors.iter().take(MAX_PROBLEMS) {
                let span = sup.span(d.error.location(), &schema, &indices);
                diags.error(
                    crate::diag::Code::SupplementInvalid,
                    span,
                    format!("the supplement SDL is not valid GraphQL: {}", d.error),
                    "invalid supplement SDL",
                );
            }
            if errors.len() > MAX_PROBLEMS {
                let last = errors[MAX_PROBLEMS..].iter().rev().find_map(|d| d.error.location());
                diags.error(
                    crate::diag::Code::SupplementInvalid,
                    sup.span(last, &schema, &indices),
                    format!(
                        "the supplement has {} more problems; only the first {MAX_PROBLEMS} are listed, since a file this broken is most likely not GraphQL SDL at all",
                        errors.len() - MAX_PROBLEMS
                    ),
                    "the last problem",
                );
            }
        }
        sup.schema = schema;
        sup
    }

    /// Our span for an apollo location in a supplement file; `indices` are the line indices of the
    /// files in the order they were loaded.
    fn span(&self, loc: Option<SourceSpan>, schema: &Schema, indices: &[LineIndex<'_>]) -> Span {
        let first = self.files.values().min().copied().unwrap_or(0);
        let Some(loc) = loc else { return Span { file: first, line: 1, column: 1, offset: 0, len: 0 } };
        let source = schema.sources.get(&loc.file_id());
        let file = source.and_then(|f| self.files.get(&f.path().display().to_string())).copied().unwrap_or(first);
        // Line and column are counted from the text, as for reference spans, so that every span of a
        // file agrees with the offset it carries (apollo reports end-of-file on the last line).
        match indices.get((file - first) as usize) {
            Some(index) => index.span(file, loc.offset(), loc.node_len()),
            None => Span { file, line: 1, column: 1, offset: loc.offset() as u32, len: loc.node_len() as u32 },
        }
    }

    /// `path:line:column` of an apollo location, for messages.
    fn at(&self, loc: Option<SourceSpan>) -> String {
        let Some(loc) = loc else { return "the supplement".to_string() };
        let path = self
            .schema
            .sources
            .get(&loc.file_id())
            .map_or_else(|| "supplement".to_string(), |f| f.path().display().to_string());
        match loc.line_column(&self.schema.sources) {
            Some(lc) => format!("{path}:{}:{}", lc.line, lc.column),
            None => path,
        }
    }

    /// The span of the start of the first supplement file.
    fn file_span(&self) -> Span {
        Span { file: self.files.values().min().copied().unwrap_or(0), line: 1, column: 1, offset: 0, len: 0 }
    }
}

/// Converts an apollo type reference.
pub fn type_ref(ty: &ast::Type) -> TypeRef {
    match ty {
        ast::Type::Named(n) => TypeRef::Named(n.to_string()),
        ast::Type::NonNullNamed(n) => TypeRef::NonNull(Box::new(TypeRef::Named(n.to_string()))),
        ast::Type::List(inner) => TypeRef::List(Box::new(type_ref(inner))),
        ast::Type::NonNullList(inner) => TypeRef::NonNull(Box::new(TypeRef::List(Box::new(type_ref(inner))))),
    }
}

/// The same reference with every `!` removed.
fn strip_non_null(t: &TypeRef) -> TypeRef {
    match t {
        TypeRef::Named(n) => TypeRef::Named(n.clone()),
        TypeRef::List(i) => TypeRef::List(Box::new(strip_non_null(i))),
        TypeRef::NonNull(i) => strip_non_null(i),
    }
}

fn kind_of(t: &ExtendedType) -> Kind {
    match t {
        ExtendedType::Scalar(_) => Kind::Scalar,
        ExtendedType::Object(_) => Kind::Object,
        ExtendedType::Interface(_) => Kind::Interface,
        ExtendedType::Union(_) => Kind::Union,
        ExtendedType::Enum(_) => Kind::Enum,
        ExtendedType::InputObject(_) => Kind::InputObject,
    }
}

fn description(d: &Option<apollo_compiler::Node<str>>) -> Option<String> {
    d.as_ref().map(|d| d.to_string())
}

fn deprecation(directives: &ast::DirectiveList) -> Option<Deprecation> {
    let d = directives.get("deprecated")?;
    let reason = d
        .specified_argument_by_name("reason")
        .and_then(|v| v.as_str())
        .unwrap_or("No longer supported")
        .to_string();
    Some(Deprecation { reason, ..Default::default() })
}

fn input_field(v: &ast::InputValueDefinition, loc: Option<Span>) -> FieldDef {
    FieldDef {
        name: v.name.to_string(),
        description: description(&v.description),
        args: Vec::new(),
        ty: Some(type_ref(&v.ty)),
        default: v.default_value.clone(),
        origin: Some(Origin::Supplement),
        from_supplement: true,
        deprecation: deprecation(&v.directives),
        span: loc,
    }
}

fn output_field(f: &ast::FieldDefinition) -> FieldDef {
    FieldDef {
        name: f.name.to_string(),
        description: description(&f.description),
        args: f.arguments.iter().map(|a| input_field(a, None)).collect(),
        ty: Some(type_ref(&f.ty)),
        default: None,
        origin: Some(Origin::Supplement),
        from_supplement: true,
        deprecation: deprecation(&f.directives),
        span: None,
    }
}

/// The fields of a supplement type (objects, interfaces, input objects), with their locations.
fn fields_of(t: &ExtendedType) -> Vec<(FieldDef, Option<SourceSpan>)> {
    match t {
        ExtendedType::Object(o) => o.fields.values().map(|f| (output_field(f), f.location())).collect(),
        ExtendedType::Interface(o) => o.fields.values().map(|f| (output_field(f), f.location())).collect(),
        ExtendedType::InputObject(o) => o.fields.values().map(|f| (input_field(f, None), f.location())).collect(),
        _ => Vec::new(),
    }
}

fn interfaces_of(t: &ExtendedType) -> Vec<String> {
    match t {
        ExtendedType::Object(o) => o.implements_interfaces.iter().map(|i| i.to_string()).collect(),
        ExtendedType::Interface(o) => o.implements_interfaces.iter().map(|i| i.to_string()).collect(),
        _ => Vec::new(),
    }
}

fn values_of(t: &ExtendedType) -> Vec<ValueDef> {
    match t {
        ExtendedType::Enum(e) => e
            .values
            .values()
            .map(|v| ValueDef {
                name: v.value.to_string(),
                description: description(&v.description),
                deprecation: deprecation(&v.directives).map(|d| d.reason),
                from_supplement: true,
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn members_of(t: &ExtendedType) -> Vec<String> {
    match t {
        ExtendedType::Union(u) => u.members.iter().map(|m| m.to_string()).collect(),
        _ => Vec::new(),
    }
}

/// A whole type taken from the supplement.
fn import(t: &ExtendedType) -> TypeDef {
    let mut def = TypeDef::new(t.name(), kind_of(t), Shape::Complete, Origin::Supplement);
    def.description = t.description().map(|d| d.to_string());
    def.fields = fields_of(t).into_iter().map(|(f, _)| f).collect();
    def.values = values_of(t);
    def.members = members_of(t);
    def.interfaces = interfaces_of(t);
    def
}

/// Fills `ir` from the supplement and reports every conflict with the reference.
pub fn apply(reference: &Reference, ir: &mut Draft, sup: &Supplement, uses: &Uses, diags: &mut Diagnostics) {
    check_mutations(reference, sup, diags);
    import_roots(reference, ir, sup);
    let names: Vec<String> = ir.types.keys().cloned().collect();
    for name in &names {
        let Some(st) = sup.schema.types.get(name.as_str()).filter(|t| !t.is_built_in()) else {
            let def = &ir.types[name];
            // A synthetic name is krakengen's own invention, so a supplement cannot be expected to know it.
            if !def.synthetic {
                diags.warn(
                    crate::diag::Code::SupplementMissingType,
                    def.first_use.unwrap_or_else(|| sup.file_span()),
                    format!("the supplement does not declare type `{name}`, which the reference uses"),
                    "type missing from the supplement",
                );
            }
            continue;
        };
        let def = ir.types.get_mut(name).expect("name comes from the map");
        reconcile(def, st, sup, uses, diags);
    }
    cascade(ir, sup);
}

/// Compares the mutations of the reference with the supplement's mutation root.
fn check_mutations(reference: &Reference, sup: &Supplement, diags: &mut Diagnostics) {
    let root_of = |kind: OperationType| sup.schema.root_operation(kind).and_then(|n| sup.schema.get_object(n));
    let mutations = root_of(OperationType::Mutation);
    if mutations.is_none() && reference.operations.iter().any(|m| m.kind == OperationKind::Mutation) {
        diags.warn(
            crate::diag::Code::SupplementNoMutationRoot,
            sup.file_span(),
            "the supplement declares no mutation root, so the reference's mutations cannot be checked against it",
            "no mutation type here",
        );
    }
    let queries = root_of(OperationType::Query);
    for m in &reference.operations {
        // Each operation is compared with the root of its own kind: a query with the query root.
        let root = match m.kind {
            OperationKind::Mutation => mutations,
            OperationKind::Query => queries,
        };
        let Some(root) = root else { continue };
        let Some(f) = root.fields.get(m.name.as_str()) else {
            diags.warn(
                crate::diag::Code::SupplementMissingMutation,
                m.span,
                format!("the supplement's `{}` type has no {} `{}`", root.name, m.kind.keyword(), m.name),
                match m.kind {
                    OperationKind::Mutation => "mutation missing from the supplement",
                    OperationKind::Query => "query missing from the supplement",
                },
            );
            continue;
        };
        let at = sup.at(f.location());
        compare_declared(
            &m.return_type,
            &type_ref(&f.ty),
            m.span,
            &format!("the return type of `{}`", m.name),
            &at,
            diags,
        );
        for a in &m.arguments {
            match f.argument_by_name(&a.name) {
                None => diags.warn(
                    crate::diag::Code::SupplementMissingArgument,
                    a.span,
                    format!("the supplement's `{}` ({at}) has no argument `{}`", m.name, a.name),
                    "argument missing from the supplement",
                ),
                Some(sa) => compare_declared(
                    &a.ty,
                    &type_ref(&sa.ty),
                    a.span,
                    &format!("argument `{}` of `{}`", a.name, m.name),
                    &sup.at(sa.location()),
                    diags,
                ),
            }
        }
        for sa in &f.arguments {
            if sa.is_required() && !m.arguments.iter().any(|a| a.name == sa.name.as_str()) {
                diags.warn(
                    crate::diag::Code::SupplementExtraArgument,
                    m.span,
                    format!(
                        "the supplement gives `{}` a required argument `{}: {}` ({}) that the reference does not list",
                        m.name,
                        sa.name,
                        sa.ty,
                        sup.at(sa.location())
                    ),
                    "reference lacks a required argument",
                );
            }
        }
    }
}

/// Reports a declared type that the supplement states differently; the reference's is kept.
fn compare_declared(ours: &TypeRef, theirs: &TypeRef, span: Span, what: &str, at: &str, diags: &mut Diagnostics) {
    if ours == theirs {
        return;
    }
    let nullability_only = strip_non_null(ours) == strip_non_null(theirs);
    diags.warn(
        if nullability_only { crate::diag::Code::SupplementNullabilityConflict } else { crate::diag::Code::SupplementTypeConflict },
        span,
        format!("{what} is `{ours}` in the reference but `{theirs}` in the supplement ({at}); the reference's type is kept"),
        if nullability_only { "nullability differs from the supplement" } else { "type differs from the supplement" },
    );
}

/// Whether a type of `kind` can stand where `name` is used.
fn fits_uses(kind: Kind, name: &str, uses: &Uses) -> bool {
    (kind.is_input() || !uses.input.contains_key(name))
        && (kind.is_output() || !uses.output.contains_key(name))
        && (kind == Kind::Object || !uses.member_of.contains_key(name))
}

fn reconcile(def: &mut TypeDef, st: &ExtendedType, sup: &Supplement, uses: &Uses, diags: &mut Diagnostics) {
    let at = sup.at(st.location());
    let span = def.first_use.unwrap_or_else(|| sup.file_span());
    let sup_kind = kind_of(st);
    if sup_kind != def.kind {
        let unknown_kind = def.kind_unknown;
        let object_to_interface = def.kind == Kind::Object && sup_kind == Kind::Interface;
        let fits = fits_uses(sup_kind, &def.name, uses);
        let adopt = fits && (unknown_kind || object_to_interface || def.origin == Origin::Inferred);
        if !unknown_kind || !adopt {
            diags.warn(
                crate::diag::Code::SupplementKindConflict,
                span,
                format!(
                    "type `{}` is {} in the reference but {} in the supplement ({at}); {}",
                    def.name,
                    kind_word(def.kind),
                    kind_word(sup_kind),
                    if adopt {
                        "the supplement's kind is used because the reference does not declare it".to_string()
                    } else if !fits {
                        format!("the reference's kind is kept because {} cannot stand where the reference uses the type", kind_word(sup_kind))
                    } else {
                        "the reference's kind is kept".to_string()
                    }
                ),
                "kind differs from the supplement",
            );
        }
        if !adopt {
            return;
        }
        def.kind = sup_kind;
        def.origin = Origin::Supplement;
        def.kind_unknown = false;
        def.supplemented = true;
        if !sup_kind.has_fields() {
            def.fields.clear();
        }
        if sup_kind != Kind::Enum {
            def.values.clear();
        }
        if sup_kind != Kind::Union {
            def.members.clear();
        }
    } else if def.origin == Origin::Inferred {
        // The supplement confirms a kind the reference only implied: it is now a declared fact.
        def.origin = Origin::Supplement;
        def.kind_unknown = false;
        def.supplemented = true;
    }
    if def.description.is_none() {
        def.description = st.description().map(|d| d.to_string());
    }
    let was_complete = def.shape == Shape::Complete;
    match def.kind {
        Kind::Scalar => {}
        Kind::Object | Kind::Interface | Kind::InputObject => fill_fields(def, st, sup, was_complete, diags),
        Kind::Enum => {
            let theirs = values_of(st);
            for v in &def.values {
                if !theirs.iter().any(|t| t.name == v.name) {
                    diags.warn(
                        crate::diag::Code::SupplementMissingEnumValue,
                        span,
                        format!("enum `{}` has the value `{}` in the reference but not in the supplement ({at}); it is kept", def.name, v.name),
                        "enum value missing from the supplement",
                    );
                }
            }
            for t in theirs {
                if !def.values.iter().any(|v| v.name == t.name) {
                    def.values.push(t);
                    def.supplemented = true;
                }
            }
        }
        Kind::Union => {
            let theirs = members_of(st);
            for m in &def.members {
                if !theirs.contains(m) {
                    diags.warn(
                        crate::diag::Code::SupplementMissingUnionMember,
                        span,
                        format!("union `{}` has the member `{m}` in the reference but not in the supplement ({at}); it is kept", def.name),
                        "union member missing from the supplement",
                    );
                }
            }
            for t in theirs {
                if !def.members.contains(&t) {
                    def.members.push(t);
                    def.supplemented = true;
                }
            }
        }
    }
    if def.shape != Shape::Complete {
        def.shape = Shape::Complete;
        def.supplemented = true;
    }
}

fn fill_fields(def: &mut TypeDef, st: &ExtendedType, sup: &Supplement, was_complete: bool, diags: &mut Diagnostics) {
    let theirs = fields_of(st);
    let at_type = sup.at(st.location());
    let type_span = def.first_use.unwrap_or_else(|| sup.file_span());
    for f in &mut def.fields {
        let Some((sf, loc)) = theirs.iter().find(|(t, _)| t.name == f.name) else {
            diags.warn(
                crate::diag::Code::SupplementMissingField,
                f.span.unwrap_or(type_span),
                format!("field `{}` of `{}` is in the reference but not in the supplement ({at_type}); it is kept", f.name, def.name),
                "field missing from the supplement",
            );
            continue;
        };
        let at = sup.at(*loc);
        let span = f.span.unwrap_or(type_span);
        let theirs_ty = sf.ty.clone().expect("supplement fields are typed");
        match (&f.ty, f.origin) {
            (None, _) => {
                f.ty = Some(theirs_ty);
                f.origin = Some(Origin::Supplement);
            }
            (Some(ours), Some(Origin::Declared)) => {
                compare_declared(ours, &theirs_ty, span, &format!("field `{}` of `{}`", f.name, def.name), &at, diags)
            }
            (Some(ours), _) => {
                if strip_non_null(ours) != strip_non_null(&theirs_ty) {
                    diags.warn(
                        crate::diag::Code::SupplementOverridesInference,
                        span,
                        format!(
                            "field `{}` of `{}` was inferred as `{ours}` from an example, but the supplement declares `{theirs_ty}` ({at}); the declaration replaces the guess",
                            f.name, def.name
                        ),
                        "inferred type replaced by the supplement's",
                    );
                }
                // Even an identical type changes provenance: a guess the supplement confirms is a
                // declared fact now.
                f.ty = Some(theirs_ty);
                f.origin = Some(Origin::Supplement);
            }
        }
        if f.description.is_none() {
            f.description = sf.description.clone();
        }
        if f.args.is_empty() && !sf.args.is_empty() {
            f.args = sf.args.clone();
        }
        if f.default.is_none() {
            f.default = sf.default.clone();
        }
    }
    for (sf, loc) in theirs {
        if def.field(&sf.name).is_some() {
            continue;
        }
        if was_complete {
            diags.warn(
                crate::diag::Code::SupplementExtraField,
                type_span,
                format!(
                    "the supplement gives `{}` a field `{}` ({}) that the reference's complete field list does not have; it is left out",
                    def.name,
                    sf.name,
                    sup.at(loc)
                ),
                "field list differs from the supplement",
            );
        } else {
            def.fields.push(sf);
            def.supplemented = true;
        }
    }
    if def.interfaces.is_empty() {
        def.interfaces = interfaces_of(st);
    }
}

/// Fills the roots the reference does not give from the supplement: its query root where the
/// reference has no queries (a queries page, when given, wins whole), and its subscription root,
/// which no reference page documents. The fields keep the supplement's names, arguments and
/// deprecations and are marked as the supplement's; the types they name are imported by
/// [`cascade`]. krakengen's own placeholder field (a supplement that is krakengen's SDL) is not a
/// field of the API and is left out.
fn import_roots(reference: &Reference, ir: &mut Draft, sup: &Supplement) {
    let mut take = |kind: OperationType, root: &'static str| {
        let Some(object) = sup.schema.root_operation(kind).and_then(|n| sup.schema.get_object(n)) else { return };
        let fields: Vec<FieldDef> = object
            .fields
            .values()
            .filter(|f| f.name != super::document::PLACEHOLDER_FIELD)
            .map(|f| output_field(f))
            .collect();
        if !fields.is_empty() {
            ir.roots.insert(root, fields);
        }
    };
    if !reference.operations.iter().any(|m| m.kind == OperationKind::Query) {
        take(OperationType::Query, "Query");
    }
    if !ir.types.contains_key("Subscription") {
        take(OperationType::Subscription, "Subscription");
    }
}

/// Imports, from the supplement, every type the IR now names but does not declare, and the object
/// types implementing an interface the IR declares: an interface's implementations are part of its
/// shape (its possible types), although no field names them.
fn cascade(ir: &mut Draft, sup: &Supplement) {
    loop {
        let mut wanted = BTreeSet::new();
        let interfaces: BTreeSet<&str> =
            ir.types.values().filter(|d| d.kind == Kind::Interface).map(|d| d.name.as_str()).collect();
        for t in sup.schema.types.values() {
            if let ExtendedType::Object(o) = t {
                if o.implements_interfaces.iter().any(|i| interfaces.contains(i.as_str())) && !ir.types.contains_key(o.name.as_str()) {
                    wanted.insert(o.name.to_string());
                }
            }
        }
        let of_fields = |fields: &[FieldDef]| -> Vec<String> {
            fields
                .iter()
                .flat_map(|f| f.ty.iter().chain(f.args.iter().filter_map(|a| a.ty.as_ref())))
                .map(|t| t.base().to_string())
                .collect()
        };
        let names = ir
            .types
            .values()
            .flat_map(|def| of_fields(&def.fields).into_iter().chain(def.members.iter().cloned()).chain(def.interfaces.iter().cloned()))
            .chain(ir.roots.values().flat_map(|fields| of_fields(fields)))
            .collect::<Vec<_>>();
        for n in names {
            // krakengen declares its reserved names itself (a supplement that is the schema of
            // krakengen's own mock has `Unknown` too).
            if !is_builtin(&n) && !ir.types.contains_key(&n) && !super::ir::RESERVED.contains(&n.as_str()) {
                wanted.insert(n);
            }
        }
        let mut added = false;
        for n in wanted {
            if let Some(t) = sup.schema.types.get(n.as_str()).filter(|t| !t.is_built_in()) {
                ir.types.insert(n, import(t));
                added = true;
            }
        }
        if !added {
            break;
        }
    }
}

fn kind_word(k: Kind) -> &'static str {
    match k {
        Kind::Scalar => "a scalar",
        Kind::Enum => "an enum",
        Kind::Object => "an object type",
        Kind::Interface => "an interface",
        Kind::Union => "a union",
        Kind::InputObject => "an input object",
    }
}
