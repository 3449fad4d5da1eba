//! The schema stage: the one reconciled type model of a reference.
//!
//! [`build`] turns a [`Reference`] (plus any supplement the caller passes explicitly) into a
//! [`TypeModel`]: every named type with its kind, fields, values, members and interfaces, argument
//! and field types, descriptions, deprecations, and the provenance of each (declared by the
//! reference, inferred from an example, made up, or taken from a supplement). This is the only place
//! where supplements are applied and kinds repaired. The model is handed out only once its GraphQL
//! form validated under apollo-compiler, and every later stage reads it: the SDL printer
//! ([`crate::sdl`]), the catalogue ([`crate::catalog`]) and the Rust generators
//! ([`crate::codegen`]), so the SDL and the generated code can never describe a type differently.
//!
//! # Representation choices
//!
//! The reference describes mutations, not a schema, so several things GraphQL requires have to be
//! represented without being known. Each choice below is also described in the SDL itself, in the
//! descriptions of the directives it declares.
//!
//! * **Roots.** `type Mutation` has every mutation with its arguments (exactly the declared type
//!   references), description and return type. `type Query` has the queries of a queries page;
//!   without one, the query fields of a supplement (marked `@fromSupplement`); without either, it is
//!   a placeholder marked `@opaque` with the single field `_opaque: Unknown`, since GraphQL requires
//!   a query root. A supplement's subscription root becomes `type Subscription`.
//! * **Unknown shapes.** A type whose fields (values, members) the reference does not give is marked
//!   `@opaque`. An opaque object, interface or input object has the single placeholder field
//!   `_opaque: Unknown`, because GraphQL requires at least one field. A type whose listed fields,
//!   values or members are real but maybe not all of them (fields selected by examples, enum values
//!   seen in examples) is marked `@partial`. A type without either directive is complete.
//! * **Kinds.** A union member is always an object type. A composite seen only in output position
//!   (`...AccountFragment`) is an opaque object. A type seen only as an argument type with no telling
//!   example is an opaque *scalar*: the one input kind that accepts every literal, and one GraphQL
//!   allows in both input and output positions. The same holds for any type the reference uses in
//!   both positions while its kind allows only one (a warning says so); if it must stay an object (a
//!   union member) that is an error.
//! * **Unknown field types.** A field the reference names without telling its type (for example the
//!   deprecated `possibleErrors`, which no example selects) has the declared scalar `Unknown`.
//!   Inferred field types are nullable, because an example never shows nullability.
//! * **Provenance.** `@inferred` marks a type whose kind, or a field whose type, was guessed from an
//!   example, a fragment name or a convention; `@synthetic` marks a type name krakengen made up (an
//!   abstract field type seen only through inline fragments); `@fromSupplement` marks what came from a
//!   supplement. The catalogue's `types` section repeats the provenance of every type.
//! * **Shared payloads.** Fields of a payload type returned by several mutations are merged; two
//!   different types for one field are a `payload-field-conflict` warning (a declaration beats a
//!   guess, otherwise the first mutation by name wins).
//! * **Mutation metadata.** `@complexity(value:)`, `@possibleErrors(codes:)` (reference order),
//!   `@requiresPermissions(expression:)` in the reference's syntax or `@public` for `(No)` (neither
//!   means unspecified), `@rateLimit(key:, steps:)` once per key with steps like `"5/m"`, and
//!   `@deprecated(reason:)` with `@deprecationDetails(marked:, removal:, link:)` on deprecated mutations
//!   and fields.
//! * **Names.** `Query`, `Mutation` and `Unknown` are krakengen's; a reference that names a type so is
//!   an error.
//! * **Printing.** The document is built as an apollo-compiler syntax tree and printed by
//!   apollo-compiler: directives, then `Unknown`, `Query`, `Mutation`, then every type by name.
//!   Descriptions become block strings where that round-trips exactly (with `"""` escaped) and quoted
//!   strings otherwise. Parsing the printed SDL and printing it again gives the same bytes.
//! * **Supplements.** See [`supplement`]: a supplement fills what the reference leaves unknown, and
//!   every disagreement with the reference is a warning; what the reference declares is kept.

pub mod document;
pub mod introspection;
pub mod ir;
pub mod shapes;
pub mod supplement;

use std::collections::BTreeMap;
use std::path::PathBuf;

use apollo_compiler::ast::Document;
use apollo_compiler::validation::{DiagnosticList, Valid};
use apollo_compiler::Schema;

use crate::diag::Diagnostics;
use crate::model::{is_builtin, Operation, OperationList, Permissions, Reference, SourceFile, Span};
pub use ir::{FieldDef, Kind, Origin, Shape, TypeDef, ValueDef};
use ir::Draft;

/// The path apollo-compiler records for the model's SDL (appears in validation messages).
pub const SDL_PATH: &str = "schema.graphql";

/// Where a supplement SDL comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SupplementSource {
    /// A file read when the schema is built.
    File(PathBuf),
    /// SDL text already in memory, with the name used in diagnostics.
    Text { name: String, text: String },
}

/// The reconciled type model: every type the schema declares apart from the roots, after inference,
/// supplements and repair, with the schema it validated as.
///
/// Only [`build`] makes one, and only when the model's GraphQL form passed apollo-compiler's
/// validation, so holding a `TypeModel` is proof of that, as `Valid<Schema>` is in apollo-compiler.
#[derive(Debug)]
pub struct TypeModel {
    types: BTreeMap<String, TypeDef>,
    /// The reference's operations, sorted by name: the fields of the roots with their Kraken
    /// metadata, arguments, example selections and provenance.
    operations: Vec<Operation>,
    /// The reference's files, which the operations' spans index into.
    files: Vec<SourceFile>,
    schema: Valid<Schema>,
    /// The syntax tree the SDL is printed from.
    document: Document,
}

impl TypeModel {
    /// Every type by name.
    pub fn types(&self) -> &BTreeMap<String, TypeDef> {
        &self.types
    }

    /// The type named `name`; `None` for built-in scalars and names the schema does not declare.
    pub fn get(&self, name: &str) -> Option<&TypeDef> {
        self.types.get(name)
    }

    /// Every operation, sorted by name (so [`OperationList::operation`] finds one by name).
    pub fn operations(&self) -> &[Operation] {
        &self.operations
    }

    /// The operation named `name`.
    pub fn operation(&self, name: &str) -> Option<&Operation> {
        self.operations.operation(name)
    }

    /// The reference files the operations' spans point into.
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// What the model says about the shapes of its types, as generators ask it.
    pub fn shapes(&self) -> shapes::Shapes<'_> {
        shapes::Shapes { model: self }
    }

    /// The schema the model validated as: the roots, every type and krakengen's directives.
    pub fn schema(&self) -> &Valid<Schema> {
        &self.schema
    }

    /// The model as SDL, ending with a newline: apollo-compiler's printer keeps the tree's order
    /// (the directives, `Unknown`, `Query`, `Mutation`, then every type by name).
    pub fn sdl(&self) -> String {
        print(&self.document)
    }
}

/// The result of [`build`]: the model when there was no error, every diagnostic, and the files
/// they point into.
#[derive(Debug)]
pub struct Build {
    /// `None` when any diagnostic is an error; nothing half-made is ever handed out.
    pub output: Option<TypeModel>,
    pub diagnostics: Diagnostics,
    /// The reference's files, then the supplements, then the model's SDL if it failed validation.
    pub sources: crate::diag::SourceMap,
}

impl Build {
    /// The diagnostics with the files they point into.
    pub fn report(&self) -> crate::diag::Report {
        crate::diag::Report::new(self.diagnostics.clone(), self.sources.clone())
    }
}

/// Prints a document as SDL, ending with a newline.
pub fn print(doc: &Document) -> String {
    let mut sdl = doc.to_string();
    if !sdl.ends_with('\n') {
        sdl.push('\n');
    }
    sdl
}

/// Builds the type model of a reference, filled from `supplements` (SDL the user passes explicitly).
///
/// All problems are reported, not just the first; the model is `None` when any of them is an error.
pub fn build(parsed: &crate::parse::Parsed, supplements: &[SupplementSource]) -> Build {
    let reference = &parsed.reference;
    let mut diags = Diagnostics::new();
    let mut sources = parsed.sources.clone();
    check_reference(reference, &mut diags);
    let mut ir = ir::from_reference(reference, &mut diags);

    if !supplements.is_empty() {
        let first = sources.next_id();
        let mut texts = Vec::new();
        let mut refused = false;
        for (i, s) in supplements.iter().enumerate() {
            let file = first + i as u32;
            let (name, bytes) = match s {
                SupplementSource::Text { name, text } => (name.clone(), text.clone().into_bytes()),
                SupplementSource::File(path) => {
                    let name = path.display().to_string();
                    match std::fs::read(path) {
                        Ok(bytes) => (name, bytes),
                        Err(e) => {
                            diags.error(
                                crate::diag::Code::SupplementUnreadable,
                                Span { file, line: 1, column: 1, offset: 0, len: 0 },
                                format!("cannot read the supplement {name}: {e}"),
                                "unreadable supplement",
                            );
                            refused = true;
                            texts.push((name, String::new()));
                            continue;
                        }
                    }
                }
            };
            match supplement::sniff(&bytes) {
                Ok(supplement::Format::Sdl) => texts.push((name, String::from_utf8(bytes).expect("sniff checked the encoding"))),
                Ok(supplement::Format::Json) => {
                    let json = String::from_utf8(bytes).expect("sniff checked the encoding");
                    match introspection::to_sdl(&json) {
                        // The SDL is what the supplement loader reads, so positions in its
                        // diagnostics are positions in the SDL, which is named so.
                        Ok(sdl) => texts.push((format!("{name} (converted to SDL)"), sdl)),
                        Err(problems) => {
                            let index = crate::model::LineIndex::new(&json);
                            for p in problems {
                                diags.error(
                                    crate::diag::Code::SupplementIntrospectionInvalid,
                                    index.span(file, p.offset, 1.min(json.len() - p.offset.min(json.len()))),
                                    format!("the supplement {name} is not a usable introspection result: at `{}`, {}", p.path, p.message),
                                    "here",
                                );
                            }
                            refused = true;
                            texts.push((name, json));
                        }
                    }
                }
                Err(not_sdl) => {
                    // The file is shown up to the end of the line of what gave it away: its bytes
                    // after that may not even be text.
                    let at = not_sdl.offset.min(bytes.len());
                    let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i);
                    let shown = String::from_utf8_lossy(&bytes[..end]).into_owned();
                    // The span covers the character that gave it away (nothing at the end of the file).
                    let len = shown[at.min(shown.len())..].chars().next().map_or(0, char::len_utf8);
                    let span = crate::model::Span::at(file, &shown, not_sdl.offset, len);
                    diags.error(
                        crate::diag::Code::SupplementNotSdl,
                        span,
                        format!("the supplement {name} {}; a supplement must be GraphQL SDL or an introspection result (JSON)", not_sdl.looks_like),
                        "not SDL",
                    );
                    refused = true;
                    texts.push((name, shown));
                }
            }
        }
        if refused {
            add_all(&mut sources, texts);
            diags.sort();
            return Build { output: None, diagnostics: diags, sources };
        }
        let sup = supplement::Supplement::load(&texts, first, &mut diags);
        if sup.valid && !diags.has_errors() {
            let uses = ir::uses(reference, &ir);
            supplement::apply(reference, &mut ir, &sup, &uses, &mut diags);
        }
        add_all(&mut sources, texts);
    }

    fix_positions(reference, &mut ir, &mut diags);
    finish(&mut ir, &mut diags);
    diags.sort();
    if diags.has_errors() {
        return Build { output: None, diagnostics: diags, sources };
    }

    let doc = document::document(reference, &ir, &mut diags);
    diags.sort();
    if diags.has_errors() {
        return Build { output: None, diagnostics: diags, sources };
    }
    match doc.to_schema_validate() {
        Ok(schema) => {
            let model = TypeModel {
                types: ir.types,
                operations: reference.operations.clone(),
                files: reference.files.clone(),
                schema,
                document: doc,
            };
            Build { output: Some(model), diagnostics: diags, sources }
        }
        Err(_) => {
            // The model is krakengen's own output, so an invalid one is a bug or an input this
            // module does not guard against yet. The tree has no source positions, so its printed
            // SDL is validated again to point at the offending lines.
            let sdl = print(&doc);
            let problems = match Schema::parse_and_validate(sdl.as_str(), SDL_PATH) {
                Err(e) => problems(&e.errors),
                Ok(_) => vec![("the document built in memory does not validate although its printed form does".to_string(), 1, 1)],
            };
            let file = sources.next_id();
            for (message, line, column) in problems {
                let offset = offset_of(&sdl, line, column);
                diags.error(
                    crate::diag::Code::InvalidSdl,
                    Span { file, line, column, offset, len: 1 },
                    format!("the generated SDL does not validate: {message}"),
                    "invalid SDL here",
                );
            }
            sources.add(format!("<generated {SDL_PATH}>"), sdl);
            diags.sort();
            Build { output: None, diagnostics: diags, sources }
        }
    }
}

/// Adds the supplements' texts to the source map; their ids follow each other from the first.
fn add_all(sources: &mut crate::diag::SourceMap, texts: Vec<(String, String)>) {
    for (name, text) in texts {
        sources.add(name, text);
    }
}

pub(crate) fn problems(list: &DiagnosticList) -> Vec<(String, u32, u32)> {
    list.iter()
        .map(|d| {
            let lc = d.line_column_range().map(|r| r.start);
            (d.error.to_string(), lc.map_or(1, |l| l.line as u32), lc.map_or(1, |l| l.column as u32))
        })
        .collect()
}

/// The byte offset of a 1-based line and character column.
pub(crate) fn offset_of(text: &str, line: u32, column: u32) -> u32 {
    let start: usize = text.split_inclusive('\n').take(line.saturating_sub(1) as usize).map(str::len).sum();
    let rest = &text[start.min(text.len())..];
    let col: usize = rest.chars().take(column.saturating_sub(1) as usize).map(char::len_utf8).sum();
    (start + col) as u32
}

/// Checks of the reference that concern the schema rather than the parse.
fn check_reference(reference: &Reference, diags: &mut Diagnostics) {
    for name in ir::RESERVED {
        if reference.types.contains_key(name) {
            let span = first_use(reference, name).unwrap_or_default();
            diags.error(
                crate::diag::Code::ReservedTypeName,
                span,
                format!("the reference names a type `{name}`, but krakengen declares `{name}` itself (see the representation notes); rename it in the reference"),
                "reserved type name",
            );
        }
    }
    let mut messages: BTreeMap<&str, &str> = BTreeMap::new();
    for m in &reference.operations {
        for e in &m.errors {
            match messages.get(e.code.as_str()) {
                None => {
                    messages.insert(&e.code, &e.message);
                }
                Some(first) if *first != e.message => diags.warn(
                    crate::diag::Code::ErrorMessageConflict,
                    e.span,
                    format!("error `{}` has the message {:?} here but {:?} earlier; the catalogue keeps the first", e.code, e.message, first),
                    "different message for the same code",
                ),
                Some(_) => {}
            }
        }
        if let Permissions::Required(expr) = &m.permissions {
            if expr.names().contains(&"public") {
                diags.warn(
                    crate::diag::Code::AmbiguousPermissionName,
                    m.span,
                    format!("`{}` requires a permission literally named `public`, which the catalogue cannot tell from `(No)`", m.name),
                    "permission named `public`",
                );
            }
        }
    }
}

fn first_use(reference: &Reference, name: &str) -> Option<Span> {
    for m in &reference.operations {
        if m.return_type.base() == name {
            return Some(m.span);
        }
        for a in &m.arguments {
            if a.ty.base() == name {
                return Some(a.span);
            }
        }
        for f in &m.fields {
            if f.ty.as_ref().is_some_and(|t| t.base() == name) {
                return Some(f.span);
            }
        }
    }
    None
}

/// Makes every type's kind fit every position it is used in.
fn fix_positions(reference: &Reference, ir: &mut Draft, diags: &mut Diagnostics) {
    let uses = ir::uses(reference, ir);
    // Every used name is declared: a name the model lists nowhere becomes opaque by its position.
    for (name, spans) in uses.input.iter().chain(uses.output.iter()) {
        // The reserved names are declared by krakengen itself (the preamble, the roots), and a
        // supplement's fields may name them (`Unknown` in the schema of krakengen's own mock).
        if is_builtin(name) || ir.types.contains_key(name) || ir::RESERVED.contains(&name.as_str()) {
            continue;
        }
        let kind = if uses.output.contains_key(name) { Kind::Object } else { Kind::Scalar };
        let mut def = TypeDef::new(name, kind, Shape::Opaque, Origin::Inferred);
        def.kind_unknown = true;
        def.first_use = spans.iter().flatten().next().copied();
        ir.types.insert(name.clone(), def);
    }
    for def in ir.types.values_mut() {
        let input = uses.input.get(&def.name);
        let output = uses.output.get(&def.name);
        let bad_input = input.is_some() && !def.kind.is_input();
        let bad_output = output.is_some() && !def.kind.is_output();
        if !bad_input && !bad_output {
            continue;
        }
        let at = |spans: Option<&Vec<Option<Span>>>| {
            spans
                .and_then(|v| v.iter().flatten().next())
                .map_or_else(|| "a supplement type".to_string(), |s| format!("line {}", s.line))
        };
        let span = input.and_then(|v| v.iter().flatten().next()).or(def.first_use.as_ref()).copied().unwrap_or_default();
        if uses.member_of.contains_key(&def.name) || uses.implemented_by.contains_key(&def.name) {
            diags.error(
                crate::diag::Code::TypePositionConflict,
                span,
                format!(
                    "type `{}` is used as an input type ({}) and as an output type ({}), and it must stay {} because other types build on it; GraphQL cannot express this",
                    def.name,
                    at(input),
                    at(output),
                    if uses.member_of.contains_key(&def.name) { "an object (it is a union member)" } else { "an interface" }
                ),
                "used on both sides",
            );
            continue;
        }
        diags.warn(
            crate::diag::Code::TypePositionConflict,
            span,
            format!(
                "type `{}` is used as an input type ({}) and as an output type ({}) but was known as {:?}; it is declared as an opaque scalar, the one kind GraphQL accepts on both sides",
                def.name,
                at(input),
                at(output),
                def.kind
            ),
            "used on both sides",
        );
        def.kind = Kind::Scalar;
        def.shape = Shape::Opaque;
        def.origin = Origin::Inferred;
        def.kind_unknown = true;
        def.fields.clear();
        def.values.clear();
        def.members.clear();
        def.interfaces.clear();
    }
    // A union member must be an object type.
    for def in ir.types.values() {
        for m in &def.members {
            let ok = ir.types.get(m).is_some_and(|t| t.kind == Kind::Object);
            if !ok {
                diags.error(
                    crate::diag::Code::UnionMemberNotObject,
                    def.first_use.unwrap_or_default(),
                    format!("`{m}` is a member of the union `{}` but is not an object type", def.name),
                    "union member is not an object",
                );
            }
        }
    }
}

/// Last structural repairs: every type GraphQL requires to be non-empty gets its placeholder, and an
/// interface whose fields an implementation lacks is dropped from that implementation.
fn finish(ir: &mut Draft, diags: &mut Diagnostics) {
    let interfaces: BTreeMap<String, Vec<String>> = ir
        .types
        .values()
        .filter(|d| d.kind == Kind::Interface)
        .map(|d| (d.name.clone(), d.fields.iter().map(|f| f.name.clone()).collect()))
        .collect();
    for def in ir.types.values_mut() {
        match def.kind {
            Kind::Object | Kind::Interface | Kind::InputObject if def.fields.is_empty() => def.shape = Shape::Opaque,
            Kind::Union if def.members.is_empty() => {
                diags.warn(
                    crate::diag::Code::EmptyUnion,
                    def.first_use.unwrap_or_default(),
                    format!("union `{}` has no known member; it is declared as an opaque object", def.name),
                    "union without members",
                );
                def.kind = Kind::Object;
                def.shape = Shape::Opaque;
            }
            Kind::Enum if def.values.is_empty() => {
                diags.warn(
                    crate::diag::Code::EmptyEnum,
                    def.first_use.unwrap_or_default(),
                    format!("enum `{}` has no known value; it is declared as an opaque scalar", def.name),
                    "enum without values",
                );
                def.kind = Kind::Scalar;
                def.shape = Shape::Opaque;
            }
            _ => {}
        }
        let fields: Vec<String> = def.fields.iter().map(|f| f.name.clone()).collect();
        let name = def.name.clone();
        let span = def.first_use.unwrap_or_default();
        def.interfaces.retain(|i| {
            let keep = interfaces.get(i).is_some_and(|need| need.iter().all(|f| fields.contains(f)));
            if !keep {
                diags.warn(
                    crate::diag::Code::DroppedInterface,
                    span,
                    format!("`{name}` implements `{i}` in the supplement but lacks some of its fields here; the interface is left out"),
                    "interface left out",
                );
            }
            keep
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_lines_and_characters() {
        let t = "ab\ncé\nxyz";
        assert_eq!(offset_of(t, 1, 1), 0);
        assert_eq!(offset_of(t, 2, 2), 4);
        assert_eq!(offset_of(t, 3, 1), 7);
        assert_eq!(offset_of(t, 9, 9), t.len() as u32);
    }
}
