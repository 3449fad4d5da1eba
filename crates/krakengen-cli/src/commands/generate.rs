//! `krakengen generate`: a self-contained Rust crate (typed client and error codes).

use std::path::{Component, Path, PathBuf};

use krakengen::project::Outputs as _;

use super::{Context, Exit, Result};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    inputs: super::Inputs,
    /// The directory to write the crate into (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The project name used in documentation and the default package name.
    #[arg(long, value_name = "NAME", default_value = "kraken")]
    project: String,
    /// The package name (default: `{project}-client`; for Python `kraken-client`, imported as
    /// `kraken_client`).
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// The language of the package: a Rust crate, or a Python package (pydantic models, an async
    /// and a sync client on httpx, error codes with categories, the same session and retry rules).
    #[arg(long, value_enum, default_value = "rust")]
    lang: Lang,
    /// A `.graphql` file of fragment definitions to spread into the operation documents.
    #[arg(long = "fragments", value_name = "FILE")]
    fragments: Vec<PathBuf>,
    /// Your own operations: a `.graphql`/`.gql` file, or a directory of them. The client then holds
    /// a module and a method per operation, typed by its selections; the reference's operations
    /// only as `--operation` selects them (and those your documents call, for their error
    /// tables). May be repeated.
    #[arg(long = "documents", value_name = "PATH")]
    documents: Vec<PathBuf>,
    /// Maps a custom scalar to a Rust type, as `Date=::std::string::String`; with `--lang python`
    /// to a Python type, as `Date=str` or `Money=decimal.Decimal` (over the defaults:
    /// `DateTime=datetime.datetime`, `Date=datetime.date`, `Decimal=decimal.Decimal` ...).
    #[arg(long = "scalar", value_name = "NAME=TYPE")]
    scalars: Vec<String>,
    /// Generate only the operations this selects: a name, a glob (`smartFlex*`) or an exclusion
    /// (`!name`), with the types they reach and the error codes they raise. May be repeated.
    #[arg(long = "operation", value_name = "PATTERN")]
    operations: Vec<String>,
    /// Depend on the runtime crate `krakengen-client` at DIR instead of embedding its sources in
    /// the client: the crate's Cargo.toml names it by a path relative to `--out`.
    #[arg(long = "runtime-path", value_name = "DIR")]
    runtime_path: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Lang {
    Rust,
    Python,
}

/// `path` lexically absolute (against the working directory) and without `.` or `..` parts.
fn absolute(path: &Path) -> std::io::Result<PathBuf> {
    let joined = std::env::current_dir()?.join(path);
    let mut out = PathBuf::new();
    for part in joined.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    Ok(out)
}

/// The runtime crate's path as the generated Cargo.toml names it: relative to the crate at `out`.
/// Fails unless `dir` holds the `krakengen-client` package.
fn runtime_path_from(out: &Path, dir: &Path) -> std::result::Result<String, String> {
    let manifest = dir.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest).map_err(|e| format!("--runtime-path: cannot read {}: {e}", manifest.display()))?;
    let name = text.parse::<toml::Table>().ok().and_then(|t| t.get("package")?.get("name")?.as_str().map(str::to_string));
    if name.as_deref() != Some("krakengen-client") {
        return Err(format!("--runtime-path: {} is not the krakengen-client package", manifest.display()));
    }
    let (from, to) = (absolute(out).map_err(|e| e.to_string())?, absolute(dir).map_err(|e| e.to_string())?);
    let common = from.components().zip(to.components()).take_while(|(a, b)| a == b).count();
    let mut relative = PathBuf::new();
    for _ in from.components().skip(common) {
        relative.push("..");
    }
    relative.extend(to.components().skip(common));
    let text = relative.to_str().ok_or("--runtime-path: the path is not UTF-8")?.replace('\\', "/");
    Ok(if text.is_empty() { ".".into() } else { text })
}

pub fn run(args: Args, cx: &Context) -> Result {
    let mut pipeline = args.inputs.pipeline(&args.project)
        .generated_by("`krakengen generate`")
        .operations(&args.operations);
    if let Some(name) = &args.name {
        pipeline = pipeline.crate_name(name);
    }
    if let Some(dir) = &args.runtime_path {
        pipeline = pipeline.runtime_path(&runtime_path_from(&args.out, dir)?);
    }
    for f in &args.fragments {
        pipeline = pipeline.fragments(f);
    }
    for d in &args.documents {
        pipeline = pipeline.documents(d);
    }
    for s in &args.scalars {
        let (k, v) = s.split_once('=').ok_or_else(|| format!("--scalar {s}: expected NAME=TYPE"))?;
        pipeline = match args.lang {
            Lang::Rust => pipeline.scalar(k.trim(), v.trim()),
            Lang::Python => pipeline.python_scalar(k.trim(), v.trim()),
        };
    }
    if args.lang == Lang::Python {
        if let Some(name) = &args.name {
            krakengen::codegen::python::check_dist(name).map_err(|e| format!("--name: {e}"))?;
        }
    }
    let loaded = match pipeline.load() {
        Ok(loaded) => loaded,
        Err(failure) => return cx.fail(&failure, "nothing was written"),
    };
    let generator = match loaded.generator() {
        Ok(generator) => generator,
        // The reference's own warnings would bury why generation stopped (a typo'd selection).
        Err(failure) => return cx.fail(&failure, "nothing was written"),
    };
    let (warnings, left_out) = loaded.warnings_for(&generator);
    eprint!("{}", warnings.render(cx.render));
    if left_out > 0 {
        eprintln!("{left_out} warnings about operations and types not generated are not shown (`krakengen check` shows them)");
    }
    eprint!("{}", loaded.report(generator.warnings().clone()).render(cx.render));
    // Each file is compared with `out` while it is formatted and staged in a temporary file if it
    // differs; nothing in `out` changes unless every file was generated.
    let mut staging = krakengen::project::Staging::new(false);
    if args.lang == Lang::Python {
        let dist = args.name.clone().unwrap_or_else(|| krakengen::codegen::python::DEFAULT_DIST.to_string());
        let files = match generator.python_package(&dist) {
            Ok(files) => files,
            Err(diagnostics) => return cx.fail(&loaded.failure(diagnostics), "nothing was written"),
        };
        let count = files.len();
        for f in files {
            let mut staged = staging.create(args.out.join(&f.path));
            krakengen::write::TextSink::push_text(&mut staged, &f.contents);
            staging.finish(staged)?;
        }
        let report = staging.commit()?;
        super::stdout(&format!("{}: wrote {} of {count} files\n", args.out.display(), report.written.len()))?;
        return Ok(Exit::Success);
    }
    let files = match generator.crate_into(|path| staging.create(args.out.join(path))) {
        Ok(files) => files,
        Err(diagnostics) => return cx.fail(&loaded.failure(diagnostics), "nothing was written"),
    };
    let count = files.len();
    for file in files {
        staging.finish(file)?;
    }
    let report = staging.commit()?;
    super::stdout(&format!("{}: wrote {} of {count} files\n", args.out.display(), report.written.len()))?;
    Ok(Exit::Success)
}
