//! The normalised GraphQL SDL of a reference, and its metadata catalogue.
//!
//! [`output`] prints the type model the schema stage ([`crate::types::build`]) yields as
//! `schema.graphql` and builds `metadata.json` from the model (see
//! [`crate::catalog`]); [`crate::pipeline::Loaded::schema`] is how front doors call it. The SDL is
//! built from the reference alone, plus any supplement the caller passes explicitly; it never
//! embeds type facts from anywhere else. The representation choices (how what the reference does
//! not give is declared) are those of the model, described in [`crate::types`] and in the
//! descriptions of the directives the SDL declares.

use apollo_compiler::validation::Valid;
use apollo_compiler::Schema;

use crate::catalog::Catalog;
use crate::types::{problems, TypeModel};
pub use crate::types::{SupplementSource, SDL_PATH};

/// The generated files and the catalogue they were made from.
#[derive(Debug)]
pub struct SchemaOutput {
    /// `schema.graphql`: the normalised SDL, ending with a newline.
    pub sdl: String,
    /// `metadata.json`: the catalogue as pretty JSON with sorted keys and a trailing newline.
    pub metadata_json: String,
    /// The catalogue as data.
    pub catalog: Catalog,
}

/// The SDL and the catalogue of a type model.
pub fn output(model: &TypeModel) -> SchemaOutput {
    let catalog = Catalog::build(model);
    SchemaOutput { sdl: model.sdl(), metadata_json: catalog.to_json(), catalog }
}

/// Parses SDL text and prints it back in apollo-compiler's layout (the layout of [`output`]'s
/// SDL), then validates the printed text; for round-trip checks of generated or checked-in SDL.
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
