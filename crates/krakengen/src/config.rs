//! The `krakengen.toml` configuration file.
//!
//! The file names every reference a repository generates from and where each output goes, so that
//! `cargo xtask codegen`, `krakengen` and a build script all produce the same files from the same
//! inputs. Paths are relative to the directory holding the file.
//!
//! ```toml
//! [[project]]
//! name = "oees"                          # used in crate names and messages
//! reference = "schema/oees/mutations.txt"  # a reference file or a directory of them
//!                                        # (`docs`, its former name, is read too)
//! schema_dir = "schema/oees"             # receives schema.graphql and metadata.json
//! supplements = []                       # SDL files or introspection results (JSON) that fill what
//!                                        # the reference leaves unknown, in the SDL and the code
//! fragments = []                         # .graphql fragment files used by the client documents
//! documents = []                         # optional: your own operations (.graphql files or
//!                                        # directories); the client then holds them, typed
//! errors_crate = "crates/oees-errors"    # optional: generated error-code crate
//! client_crate = "crates/oees-client"    # optional: generated client crate
//! server_crate = "crates/oees-server"    # optional: generated server crate
//! operations = []                        # optional: only these operations in the crates: names,
//!                                        # globs (`smartFlex*`) and exclusions (`!name`)
//! runtime_path = "crates/krakengen-client"  # optional: the client depends on the runtime crate
//!                                        # (path as its Cargo.toml names it) instead of embedding it
//! python_package = "examples/oees-python"  # optional: generated Python package (project root)
//! python_name = "oees-client"            # optional: its distribution name (default kraken-client)
//!
//! [project.scalars]                      # custom scalar → Rust type used by generated code
//! Date = "::std::string::String"
//!
//! [project.python_scalars]               # custom scalar → Python type (over the defaults:
//! Date = "str"                           # DateTime → datetime.datetime, Date → datetime.date ...)
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The whole configuration file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    #[serde(default, rename = "project")]
    pub projects: Vec<Project>,
    /// The directory holding the file; every path in it is relative to this one.
    #[serde(skip)]
    pub root: PathBuf,
}

/// One reference and its outputs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub name: String,
    /// The reference: a file or a directory of `.txt` reference files; the key `docs`, its
    /// former name, is accepted too.
    #[serde(alias = "docs")]
    pub reference: PathBuf,
    pub schema_dir: PathBuf,
    #[serde(default)]
    pub supplements: Vec<PathBuf>,
    #[serde(default)]
    pub fragments: Vec<PathBuf>,
    /// Users' own operations (files or directories of `.graphql`/`.gql`); see
    /// [`crate::codegen::Options::with_documents`].
    #[serde(default)]
    pub documents: Vec<PathBuf>,
    pub errors_crate: Option<PathBuf>,
    pub client_crate: Option<PathBuf>,
    pub server_crate: Option<PathBuf>,
    #[serde(default)]
    pub scalars: BTreeMap<String, String>,
    /// The operations the generated crates hold: names, globs (`smartFlex*`) and exclusions
    /// (`!name`); empty means all. See [`crate::codegen::Options::with_operations`].
    #[serde(default)]
    pub operations: Vec<String>,
    /// The runtime crate `krakengen-client`, which the client then depends on instead of embedding
    /// it; the client crate's own `Cargo.toml` names it. See
    /// [`crate::codegen::Options::with_runtime_path`].
    pub runtime_path: Option<String>,
    /// The directory of the generated Python package (its `pyproject.toml` and `src/`).
    pub python_package: Option<PathBuf>,
    /// The Python package's distribution name (default `kraken-client`, imported as `kraken_client`).
    pub python_name: Option<String>,
    /// Custom scalar → Python type; see [`crate::codegen::Options::with_python_scalar`].
    #[serde(default)]
    pub python_scalars: BTreeMap<String, String>,
}

impl Project {
    /// The Python package's distribution name.
    pub fn python_dist(&self) -> &str {
        self.python_name.as_deref().unwrap_or(crate::codegen::python::DEFAULT_DIST)
    }
}

/// A configuration file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}:{line}:{column}: {message}")]
    Syntax { path: String, line: usize, column: usize, message: String },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

impl ConfigFile {
    /// Reads and checks a configuration file; relative paths in it are resolved against its directory.
    pub fn load(path: &Path) -> Result<ConfigFile, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| ConfigError::Io { path: path.display().to_string(), source })?;
        let mut config = Self::parse(&text).map_err(|e| match e {
            ConfigError::Syntax { line, column, message, .. } => {
                ConfigError::Syntax { path: path.display().to_string(), line, column, message }
            }
            ConfigError::Invalid { message, .. } => ConfigError::Invalid { path: path.display().to_string(), message },
            other => other,
        })?;
        config.root = path.parent().unwrap_or(Path::new("")).to_path_buf();
        Ok(config)
    }

    /// Parses configuration text without touching the file system.
    pub fn parse(text: &str) -> Result<ConfigFile, ConfigError> {
        let config: ConfigFile = toml::from_str(text).map_err(|e| {
            let (line, column) = e
                .span()
                .map(|s| {
                    let at = crate::model::Span::at(0, text, s.start, 0);
                    (at.line as usize, at.column as usize)
                })
                .unwrap_or((1, 1));
            // A message may quote the input (an unknown key), which can be anything up to the whole file.
            ConfigError::Syntax { path: String::new(), line, column, message: crate::diag::clip(e.message(), 400) }
        })?;
        let mut seen = std::collections::BTreeSet::new();
        for p in &config.projects {
            if p.name.is_empty() || !p.name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                return Err(ConfigError::Invalid {
                    path: String::new(),
                    message: format!("project name `{}` must be ASCII letters, digits, `-` or `_`", crate::diag::clip(&p.name, 80)),
                });
            }
            if let Err(message) = crate::codegen::python::check_dist(p.python_dist()) {
                return Err(ConfigError::Invalid { path: String::new(), message: format!("project `{}`: python_name {message}", p.name) });
            }
            if !seen.insert(&p.name) {
                return Err(ConfigError::Invalid { path: String::new(), message: format!("project `{}` is defined twice", crate::diag::clip(&p.name, 80)) });
            }
        }
        Ok(config)
    }
}

impl ConfigFile {
    /// Resolves a path from the file against [`Config::root`].
    pub fn path(&self, p: &Path) -> PathBuf {
        if p.is_relative() {
            self.root.join(p)
        } else {
            p.to_path_buf()
        }
    }

    /// `path` as generated files and messages show it: relative to [`Config::root`] when below it.
    pub fn shown(&self, path: &Path) -> String {
        path.strip_prefix(&self.root).unwrap_or(path).display().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_project() {
        let c = ConfigFile::parse(
            "[[project]]\nname = \"oees\"\ndocs = \"a.txt\"\nschema_dir = \"s\"\n[project.scalars]\nDate = \"::std::string::String\"\n",
        )
        .unwrap();
        assert_eq!(c.projects[0].name, "oees");
        assert_eq!(c.projects[0].reference, std::path::Path::new("a.txt"), "`docs` is read as `reference`");
        let named = ConfigFile::parse("[[project]]\nname = \"oees\"\nreference = \"b.txt\"\nschema_dir = \"s\"\n").unwrap();
        assert_eq!(named.projects[0].reference, std::path::Path::new("b.txt"));
        assert_eq!(c.projects[0].scalars["Date"], "::std::string::String");
        assert!(c.projects[0].client_crate.is_none());
    }

    #[test]
    fn reports_position_of_syntax_errors() {
        let e = ConfigFile::parse("[[project]]\nname = \"oees\"\ndocs = \n").unwrap_err();
        assert!(matches!(e, ConfigError::Syntax { line: 3, .. }), "{e:?}");
    }

    #[test]
    fn rejects_unknown_keys_and_duplicates() {
        assert!(ConfigFile::parse("[[project]]\nname = \"a\"\ndocs = \"x\"\nschema_dir = \"s\"\ncolour = 1\n").is_err());
        let bad_dist = "[[project]]\nname = \"a\"\ndocs = \"x\"\nschema_dir = \"s\"\npython_name = \"1x\"\n";
        assert!(matches!(ConfigFile::parse(bad_dist), Err(ConfigError::Invalid { message, .. }) if message.contains("`1x`")));
        let dup = "[[project]]\nname = \"a\"\ndocs = \"x\"\nschema_dir = \"s\"\n".repeat(2);
        assert!(matches!(ConfigFile::parse(&dup), Err(ConfigError::Invalid { .. })));
    }
}
