//! `krakengen scaffold`: the starting implementation of a server crate's resolvers, written once and
//! then only compared.

use std::path::PathBuf;

use super::{Context, Exit, Result};

#[derive(clap::Args)]
pub struct Args {
    /// The implementation file, for example `src/resolvers.rs` of the crate implementing the server.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The configuration naming the project's `server_crate`.
    #[arg(long, value_name = "FILE", default_value = "krakengen.toml")]
    config: PathBuf,
    /// The project to scaffold (default: the configuration's only project with a `server_crate`).
    #[arg(long, value_name = "NAME")]
    project: Option<String>,
}

pub fn run(args: Args, cx: &Context) -> Result {
    let config = krakengen::config::ConfigFile::load(&args.config)?;
    let wanted = args.project.as_deref();
    let candidates: Vec<_> =
        config.projects.iter().filter(|p| wanted.is_none_or(|name| p.name == name) && p.server_crate.is_some()).collect();
    let project = match (candidates.as_slice(), wanted) {
        ([one], _) => *one,
        ([], Some(name)) => return Err(format!("the configuration has no project `{name}` with a `server_crate`").into()),
        ([], None) => return Err("no project of the configuration names a `server_crate`".into()),
        (_, _) => return Err("several projects name a `server_crate`; choose one with --project".into()),
    };
    let pipeline = krakengen::Pipeline::from_project(&config, project);
    if !pipeline.has_workspace_crates() {
        return Err("a project with a `server_crate` also needs `errors_crate` and `client_crate`".into());
    }
    // The stubs' types are those of the crates, which the type model (supplements applied) decides.
    let loaded = match pipeline.load() {
        Ok(loaded) => loaded,
        Err(failure) => return cx.fail(&failure, "nothing was written"),
    };
    let scaffold = loaded.generator().and_then(|g| g.scaffold().map_err(|d| loaded.failure(d)));
    let text = match scaffold {
        Ok(text) => text.ok_or("the project names no server crate")?,
        Err(failure) => return cx.fail(&failure, "nothing was written"),
    };
    let file = &args.file;
    let shown = file.display();
    let existing = match std::fs::read_to_string(file) {
        Ok(existing) => existing,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if !krakengen::write::write_new(file, text.as_bytes()).map_err(|e| format!("cannot write {shown}: {e}"))? {
                return Err(format!("{shown} appeared while the scaffold was written; it was left alone, run again to compare").into());
            }
            eprintln!(
                "wrote {shown}: {} methods, every body `todo!()`; it is yours from now on and is never overwritten",
                loaded.reference().operations.len()
            );
            return Ok(Exit::Success);
        }
        Err(e) => return Err(format!("cannot read {shown}: {e}").into()),
    };
    let comparison = krakengen::codegen::scaffold::compare(&text, &existing);
    let mut sources = krakengen::diag::SourceMap::new();
    sources.add(shown.to_string(), existing.as_str());
    eprint!("{}", krakengen::diag::Report::new(comparison.diagnostics.clone(), sources).render(cx.render));
    if !comparison.missing.is_empty() {
        let mut stubs = format!("// The methods {shown} lacks, to paste into its `impl OperationResolvers` block:\n");
        for m in &comparison.missing {
            stubs.push_str(&m.stub);
        }
        super::stdout(&stubs)?;
    }
    let orphaned = comparison.diagnostics.iter().filter(|d| d.code == "scaffold-orphaned-method").count();
    eprintln!(
        "{shown}: {} methods implemented, {} missing, {} orphaned; the file was not modified",
        comparison.implemented.len(),
        comparison.missing.len(),
        orphaned
    );
    Ok(if comparison.in_sync() { Exit::Success } else { Exit::Problems })
}
