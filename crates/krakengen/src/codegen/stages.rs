//! The Rust generator split into its stages, for the scale benchmarks (`benches/stages.rs`) and the
//! instruction-count profiles (`examples/stage.rs`); not part of the supported API.
//!
//! [`Generator::workspace_crates`](super::Generator::workspace_crates) runs these stages fused and
//! formats on all cores; here each stage runs alone and on one thread, so its cost can be measured
//! apart and compared across input sizes. Stage 1 is [`super::Generator::new`] itself.

use super::docs::Marked;
use super::format::{self, Segment};
use super::{emit_client, emit_errors, emit_server, ErrorsPath, Generator};
use crate::diag::Diagnostics;

/// The generator (stage 1: every name, type and document decided) with the paths its emitters need.
pub struct Prepared {
    generator: Generator,
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

/// The generator (from [`crate::pipeline::Loaded::generator`]) with the paths of the workspace
/// layout (the client refers to the error crate).
pub fn prepare(generator: Generator) -> Prepared {
    let options = generator.options();
    let errors = ErrorsPath::Crate(options.errors_crate_name().replace('-', "_"));
    let server = options.server_crate_dir.as_deref().map(|dir| options.server_paths(dir));
    Prepared { generator, errors, server }
}

fn segments<'a>(prepared: &'a Prepared, which: Which) -> Vec<Segment<'a>> {
    let ir = &prepared.generator.ir;
    match which {
        Which::Errors => emit_errors::segments(ir),
        Which::Client => emit_client::segments(ir, &prepared.errors),
        Which::Server => emit_server::segments(ir, prepared.server.as_ref().expect("the options name a server crate")),
    }
}

/// One segment's tokens and the documentation their markers stand for, so that they can be
/// formatted later, on any thread.
#[derive(Clone)]
pub struct Emitted(Marked);

/// Emits the tokens of one crate's generated file, one stream per formatting segment (stage 2).
pub fn emit(prepared: &Prepared, which: Which) -> Vec<Emitted> {
    segments(prepared, which).iter().map(|s| Emitted(Marked::build(&s.tokens))).collect()
}

/// Parses and prints each segment's tokens with syn and prettyplease on this thread (stage 3);
/// returns the formatted texts.
pub fn format(emitted: Vec<Emitted>) -> Result<Vec<String>, Diagnostics> {
    emitted.into_iter().map(|e| format::rust_file_marked(e.0)).collect()
}

/// One crate's generated file, as [`Generator::workspace_crates`] makes it: emitting and
/// formatting on all cores, then joining.
pub fn generate(prepared: &Prepared, which: Which) -> Result<String, Diagnostics> {
    let segments = segments(prepared, which);
    format::rust_files_segments(&[&segments], vec![String::new()], &prepared.generator.options().header()).pop().expect("one file in, one file out")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Formatting emitted segments later (as the benchmarks do) gives the text the fused path gives,
    /// documentation included.
    #[test]
    fn formatting_emitted_segments_later_matches_the_fused_path() {
        let options = crate::codegen::Options::new("oees").with_errors_crate("e").with_client_crate("c").with_server_crate("s", "x.graphql");
        let prepared = prepare(crate::codegen::tests::generator(&crate::codegen::tests::vendored(), &options).unwrap());
        for which in [Which::Errors, Which::Client, Which::Server] {
            let texts = format(emit(&prepared, which)).unwrap();
            let fused = generate(&prepared, which).unwrap();
            assert!(texts.len() > 1, "{which:?}");
            // Each segment is formatted as a file of its own (chunks repeat their wrapper), so compare
            // the distinct documentation lines.
            let docs = |t: &str| -> std::collections::BTreeSet<String> {
                t.lines().filter(|l| l.trim_start().starts_with("///")).map(|l| l.trim().to_owned()).collect()
            };
            let separate: std::collections::BTreeSet<String> = texts.iter().flat_map(|t| docs(t)).collect();
            assert_eq!(separate, docs(&fused), "{which:?}");
            assert!(texts.iter().all(|t| !t.contains('\u{7}')), "{which:?}: a marker was left");
        }
    }
}
