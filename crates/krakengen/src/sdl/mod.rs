//! The normalised GraphQL SDL of a reference, and its metadata catalogue.
//!
//! [`build_schema`] runs the schema stage ([`crate::types::build`]), prints the type model it yields as
//! `schema.graphql` and builds `metadata.json` from the model and the reference (see
//! [`crate::catalog`]). The SDL is built from the reference alone, plus any supplement SDL the caller
//! passes explicitly ([`SchemaOptions::with_supplement`]); it never embeds type facts from anywhere
//! else. The representation choices (how what the reference does not give is declared) are those
//! of the model, described in [`crate::types`] and in the descriptions of the directives the SDL
//! declares.

use std::path::PathBuf;

use apollo_compiler::validation::Valid;
use apollo_compiler::Schema;

use crate::catalog::Catalog;
use crate::diag::Diagnostics;
use crate::model::{Reference, Span};
use crate::types::{offset_of, problems, TypeModel};
pub use crate::types::{SupplementSource, SDL_PATH};

/// Options for [`build_schema`], built prost-build style: `SchemaOptions::new().with_supplement(p)`.
#[derive(Debug, Clone, Default)]
pub struct SchemaOptions {
    supplements: Vec<SupplementSource>,
}

impl SchemaOptions {
    /// Options with no supplement: the SDL comes from the reference alone.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a supplement SDL file (for example an introspection dump of the brand's API) that fills
    /// the types the reference leaves unknown. Conflicts with the reference are reported as warnings
    /// and never override what the reference declares. May be called several times; the files are
    /// merged as one schema.
    pub fn with_supplement(mut self, path: impl Into<PathBuf>) -> Self {
        self.supplements.push(SupplementSource::File(path.into()));
        self
    }

    /// Like [`with_supplement`](Self::with_supplement) for SDL text already in memory; `name` is the
    /// path shown in diagnostics.
    pub fn with_supplement_text(mut self, name: impl Into<String>, text: impl Into<String>) -> Self {
        self.supplements.push(SupplementSource::Text { name: name.into(), text: text.into() });
        self
    }

    /// The supplements, in the order given.
    pub fn supplements(&self) -> &[SupplementSource] {
        &self.supplements
    }

    /// Builds the schema of `reference` with these options; the same as [`build_schema`].
    pub fn build(&self, reference: &Reference) -> SchemaBuild {
        build_schema(reference, self)
    }
}


/// The generated files and what they were made from.
#[derive(Debug)]
pub struct SchemaOutput {
    /// `schema.graphql`: the normalised SDL, ending with a newline.
    pub sdl: String,
    /// `metadata.json`: the catalogue as pretty JSON with sorted keys and a trailing newline.
    pub metadata_json: String,
    /// The catalogue as data.
    pub catalog: Catalog,
    /// The type model the SDL and the catalogue were made from, which the code generators read.
    pub model: TypeModel,
}

impl SchemaOutput {
    /// The schema validated by apollo-compiler: proof that validation ran and passed. It is built from
    /// the same syntax tree `sdl` was printed from, so its nodes carry no source positions; parse
    /// `sdl` when positions are needed.
    pub fn schema(&self) -> &Valid<Schema> {
        self.model.schema()
    }
}

/// The result of [`build_schema`]: the output when there was no error, and every diagnostic.
pub type SchemaBuild = crate::types::Build<SchemaOutput>;

/// Builds the normalised SDL and the catalogue of a reference.
///
/// All problems are reported, not just the first; the output is `None` when any of them is an error.
pub fn build_schema(reference: &Reference, options: &SchemaOptions) -> SchemaBuild {
    let crate::types::Build { output, diagnostics, extra_sources } = crate::types::build(reference, options.supplements());
    let output = output.map(|mut model| {
        let sdl = crate::types::print(&model.take_document().expect("a new model holds its document"));
        let catalog = Catalog::build(reference, &model);
        let metadata_json = catalog.to_json();
        SchemaOutput { sdl, metadata_json, catalog, model }
    });
    SchemaBuild { output, diagnostics, extra_sources }
}

/// Parses SDL text and prints it back in apollo-compiler's layout (the layout of [`build_schema`]'s
/// output), then validates the printed text; for round-trip checks of generated or checked-in SDL.
/// On failure, returns the text the problems point into and the problems as (message, line, column).
#[allow(clippy::type_complexity)]
pub fn canonicalize(text: &str) -> Result<(String, Valid<Schema>), (String, Vec<(String, u32, u32)>)> {
    let doc = match apollo_compiler::ast::Document::parse(text, SDL_PATH) {
        Ok(d) => d,
        Err(e) => return Err((text.to_string(), problems(&e.errors))),
    };
    let mut sdl = doc.to_string();
    if !sdl.ends_with('\n') {
        sdl.push('\n');
    }
    match Schema::parse_and_validate(sdl.as_str(), SDL_PATH) {
        Ok(schema) => Ok((sdl, schema)),
        Err(e) => Err((sdl, problems(&e.errors))),
    }
}

/// Validates SDL text (such as a checked-in `schema.graphql`) with apollo-compiler, turning every
/// problem into a [`Diagnostics`] entry in file `file`.
pub fn validate_sdl(sdl: &str, file: u32) -> Result<Valid<Schema>, Diagnostics> {
    Schema::parse_and_validate(sdl, SDL_PATH).map_err(|e| {
        let mut d = Diagnostics::new();
        for (message, line, column) in problems(&e.errors) {
            d.error("invalid-sdl", Span { file, line, column, offset: offset_of(sdl, line, column), len: 1 }, message, "here");
        }
        d
    })
}

