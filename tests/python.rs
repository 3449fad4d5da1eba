//! The Python target, as a user gets it: each package is generated, linted with ruff (check and
//! format), type-checked with `mypy --strict`, built and installed with pip, and its behaviour
//! tested with pytest (`tests/fixtures/python/test_*.py`, themselves type-checked against the
//! installed package). The tools come from the virtual environment `bash tests/run` makes under
//! `target/python` from the pinned `tests/python-requirements.txt`.

use std::path::{Path, PathBuf};
use std::process::Command;

use krakengen::codegen::{Generator, Options};
use krakengen_tests::{fixture, parse_rel, root};

/// The virtual environment's `bin` directory.
fn venv() -> PathBuf {
    let dir = std::env::var_os("KRAKENGEN_PYTHON_VENV").map_or_else(|| root().join("target/python"), PathBuf::from);
    let bin = dir.join("bin");
    assert!(
        bin.join("python").exists(),
        "no Python environment at {}: `bash tests/run` makes it from tests/python-requirements.txt",
        dir.display()
    );
    bin
}

fn run(dir: &Path, program: &Path, args: &[&str], env: &[(&str, &Path)]) {
    let mut cmd = Command::new(program);
    cmd.args(args).current_dir(dir).env("PYTHONDONTWRITEBYTECODE", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap_or_else(|e| panic!("{} does not run: {e}", program.display()));
    assert!(
        out.status.success(),
        "{} {args:?} failed in {}:\n{}\n{}",
        program.display(),
        dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Writes the package, checks it and runs `test` against it.
fn check_package(generator: &Generator, dist: &str, test: &str) {
    let bin = venv();
    let tmp = tempfile::tempdir().unwrap();
    let pkg = tmp.path().join("pkg");
    for f in generator.python_package(dist) {
        let path = pkg.join(&f.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &f.contents).unwrap();
    }
    run(&pkg, &bin.join("ruff"), &["check", "--no-cache", "."], &[]);
    run(&pkg, &bin.join("ruff"), &["format", "--no-cache", "--check", "."], &[]);
    run(&pkg, &bin.join("mypy"), &["--strict", "--no-incremental", "--cache-dir", "/dev/null", "src"], &[]);
    let site = tmp.path().join("site");
    run(
        tmp.path(),
        &bin.join("python"),
        &["-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index", "--target", site.to_str().unwrap(), pkg.to_str().unwrap()],
        &[],
    );
    let tests = tmp.path().join("tests");
    std::fs::create_dir_all(&tests).unwrap();
    std::fs::copy(fixture(&format!("python/{test}")), tests.join(test)).unwrap();
    // The tests use the package as its users would, so they type-check against it too.
    run(tmp.path(), &bin.join("mypy"), &["--strict", "--no-incremental", "--cache-dir", "/dev/null", &format!("tests/{test}")], &[("MYPYPATH", &site)]);
    run(tmp.path(), &bin.join("python"), &["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], &[("PYTHONPATH", &site)]);
}

/// Users' documents with the supplement fixtures: selections as models, both clients.
#[test]
fn a_package_from_users_documents() {
    let parsed = parse_rel(&fixture("supplement/reference.txt"));
    let build = krakengen_tests::schema_with_file(&parsed, &fixture("supplement/agreeing.graphql"));
    let schema = build.output.expect("the agreeing supplement builds");
    let mut options = Options::new("sup");
    for file in ["documents/fragments.graphql", "documents/operations.graphql"] {
        options = options.with_documents(file, &std::fs::read_to_string(fixture(file)).unwrap());
    }
    let generator = Generator::new(schema.model(), &options).unwrap_or_else(|d| panic!("{d:?}"));
    check_package(&generator, "docs-client", "test_documents.py");
}

/// The vendored reference's login and one rate-limited mutation: the session and the retries.
#[test]
fn a_package_with_the_session() {
    let loaded = krakengen_tests::vendored_loaded();
    let options = Options::new("oees").with_operations(["obtainKrakenToken", "deauthenticateFlexDevice"]);
    let generator = Generator::new(loaded.model(), &options).unwrap_or_else(|d| panic!("{d:?}"));
    check_package(&generator, "oees-client", "test_session.py");
}

/// The whole vendored reference: 326 operations' models and methods pass ruff and `mypy --strict`,
/// install, and import.
#[test]
fn the_vendored_package() {
    let generator = Generator::new(krakengen_tests::vendored_loaded().model(), &Options::new("oees")).unwrap_or_else(|d| panic!("{d:?}"));
    check_package(&generator, "oees-all", "test_vendored.py");
}
