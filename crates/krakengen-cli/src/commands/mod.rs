//! One module per subcommand. Each declares its arguments (`Args`) and runs them through a
//! [`krakengen::Pipeline`]; none calls a stage function directly.

pub mod check;
pub mod codegen;
pub mod diff;
pub mod generate;
pub mod introspect;
pub mod lint;
pub mod mock;
pub mod parse;
pub mod scaffold;
pub mod schema;

use std::path::PathBuf;

use krakengen::diag::RenderOptions;
use krakengen::pipeline::Failure;
use krakengen::Pipeline;

/// How `krakengen` exits: the one list of its exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Done, and nothing to report.
    Success = 0,
    /// The inputs have errors (or warnings, where denied), or generated output is stale.
    Problems = 1,
    /// The command itself is wrong, or an input cannot be read.
    Usage = 2,
    /// `diff` found changes at its `--fail-on` threshold.
    Threshold = 3,
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(exit as u8)
    }
}

/// What every command may fail with besides its [`Exit`]: a message for standard error, exit 2.
pub type Result<T = Exit> = std::result::Result<T, Box<dyn std::error::Error>>;

/// What the global options give every command.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// How diagnostics are rendered on standard error.
    pub render: RenderOptions,
}

impl Context {
    /// Prints a failure of the pipeline: its diagnostics, then `consequence` (what did not happen),
    /// and gives the exit code; an unreadable input is a usage error.
    pub fn fail(&self, failure: &Failure, consequence: &str) -> Result {
        match failure {
            Failure::Diagnostics { report, .. } => {
                eprint!("{}", report.render(self.render));
                eprintln!(
                    "error: {} error(s), {} warning(s); {consequence}",
                    report.diagnostics.errors(),
                    report.diagnostics.warnings()
                );
                Ok(Exit::Problems)
            }
            Failure::Load(message) | Failure::Write(message) => Err(message.clone().into()),
        }
    }
}

/// The reference argument of the commands that read one.
#[derive(clap::Args)]
pub struct Reference {
    /// The reference: a file, or a directory of `.txt` reference files.
    #[arg(value_name = "REFERENCE")]
    pub reference: PathBuf,
}

/// The reference and the supplements of the commands that build its model.
#[derive(clap::Args)]
pub struct Inputs {
    #[command(flatten)]
    pub reference: Reference,
    /// The brand's schema (SDL, or an introspection result as JSON) that fills the types the
    /// reference leaves unknown; conflicts with the reference are reported. May be given several
    /// times.
    #[arg(long, value_name = "FILE")]
    pub supplement: Vec<PathBuf>,
}

impl Reference {
    /// The pipeline of this reference.
    pub fn pipeline(&self, name: &str) -> Pipeline {
        Pipeline::new(name).reference(&self.reference)
    }
}

impl Inputs {
    /// The pipeline of this reference with its supplements.
    pub fn pipeline(&self, name: &str) -> Pipeline {
        pipeline(name, &self.reference.reference, &self.supplement)
    }
}

/// The pipeline of a reference given on the command line, with its supplements.
pub fn pipeline(name: &str, reference: &std::path::Path, supplements: &[PathBuf]) -> Pipeline {
    supplements.iter().fold(Pipeline::new(name).reference(reference), |p, s| p.supplement(s))
}

/// The day of `--today` (`diff`, `lint`): the date given, checked, or today in UTC.
pub fn today(given: Option<String>) -> Result<String> {
    match given {
        Some(day) if krakengen::diff::is_date(&day) => Ok(day),
        Some(day) => Err(format!("--today {day}: expected a date as YYYY-MM-DD").into()),
        None => Ok(krakengen::diff::today()),
    }
}

/// Writes to standard output, so that a closed pipe is an error the caller returns (and `main`
/// ends quietly on) instead of a panic.
pub fn stdout(text: &str) -> Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}
