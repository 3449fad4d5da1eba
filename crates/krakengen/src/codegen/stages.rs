//! The Rust generator split into its stages, for the scale benchmarks (`benches/stages.rs`) and the
//! instruction-count profiles (`examples/stage.rs`); not part of the supported API.
//!
//! [`generate_workspace_crates`](super::generate_workspace_crates) runs these stages fused and formats
//! on all cores; here each stage runs alone and on one thread, so its cost can be measured apart and
//! compared across input sizes.

use proc_macro2::TokenStream;

use super::format::{self, Segment};
use super::{emit_client, emit_errors, emit_server, ir, ErrorsPath, Options};
use crate::diag::Diagnostics;
use crate::model::Reference;

/// The generator's IR: every name, type and document decided (stage 1).
pub struct Prepared {
    ir: ir::Ir,
    errors: ErrorsPath,
    server: Option<emit_server::ServerPaths>,
}

/// Which of the generated crates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Errors,
    Client,
    /// Needs options made with [`Options::with_server_crate`].
    Server,
}

/// Builds the IR of `reference`, for the workspace layout (the client refers to the error crate).
pub fn prepare(reference: &Reference, options: &Options) -> Result<Prepared, Diagnostics> {
    let errors = ErrorsPath::Crate(options.errors_crate_name().replace('-', "_"));
    let server = options.server_crate_dir.as_deref().map(|dir| options.server_paths(dir));
    Ok(Prepared { ir: ir::build(reference, options)?, errors, server })
}

fn segments<'a>(prepared: &'a Prepared, which: Which) -> Vec<Segment<'a>> {
    match which {
        Which::Errors => emit_errors::segments(&prepared.ir),
        Which::Client => emit_client::segments(&prepared.ir, &prepared.errors),
        Which::Server => {
            emit_server::segments(&prepared.ir, prepared.server.as_ref().expect("the options name a server crate"))
        }
    }
}

/// Emits the tokens of one crate's generated file, one stream per formatting segment (stage 2).
pub fn emit(prepared: &Prepared, which: Which) -> Vec<TokenStream> {
    segments(prepared, which).iter().map(|s| (s.tokens)()).collect()
}

/// Parses and prints each token stream with syn and prettyplease on this thread (stage 3); returns
/// the formatted texts.
pub fn format(tokens: Vec<TokenStream>) -> Result<Vec<String>, Diagnostics> {
    tokens.into_iter().map(format::rust_file).collect()
}

/// One crate's generated file, as [`super::generate_workspace_crates`] makes it: emitting and
/// formatting on all cores, then joining.
pub fn generate(prepared: &Prepared, which: Which) -> Result<String, Diagnostics> {
    let segments = segments(prepared, which);
    format::rust_files_segments(&[&segments], vec![String::new()]).pop().expect("one file in, one file out")
}
