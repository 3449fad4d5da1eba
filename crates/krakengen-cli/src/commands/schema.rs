//! `krakengen schema`: the normalised SDL and the metadata catalogue of a reference.

use std::path::PathBuf;

use super::{Context, Exit, Result};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    inputs: super::Inputs,
    /// The directory to write into (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

pub fn run(args: Args, cx: &Context) -> Result {
    let loaded = match args.inputs.pipeline("kraken").load() {
        Ok(loaded) => loaded,
        Err(failure) => return cx.fail(&failure, "nothing was written"),
    };
    eprint!("{}", loaded.warnings().render(cx.render));
    let output = loaded.schema();
    // Both files are rendered before either is written, so an error never leaves a mixed pair.
    for (name, bytes) in [("schema.graphql", &output.sdl), ("metadata.json", &output.metadata_json)] {
        let path = args.out.join(name);
        let written =
            krakengen::write::write_if_changed(&path, bytes.as_bytes()).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        eprintln!("{} {}", if written { "wrote" } else { "unchanged" }, path.display());
    }
    Ok(Exit::Success)
}
