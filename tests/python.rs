//! The Python target, as a user gets it: each package is generated, linted with ruff (check and
//! format), type-checked with `mypy --strict`, built and installed with pip, and its behaviour
//! tested with pytest (`tests/fixtures/python/test_*.py`, themselves type-checked against the
//! installed package). The tools come from the virtual environment `bash tests/run` makes under
//! `target/python` from the pinned `tests/python-requirements.txt`.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use krakengen::codegen::{Generator, Options};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use krakengen_tests::edits::{apply, Edit};
use krakengen_tests::{fixture, parse_rel, root, Server};
use serde_json::json;

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

fn run(dir: &Path, program: &Path, args: &[&str], env: &[(&str, &OsStr)]) {
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
    let tmp = tempfile::tempdir().unwrap();
    let pkg = tmp.path().join("pkg");
    for f in generator.python_package(dist).unwrap_or_else(|d| panic!("{d:?}")) {
        let path = pkg.join(&f.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &f.contents).unwrap();
    }
    check_and_test(&pkg, tmp.path(), &[test], &[]);
}

/// Lints and type-checks the package at `pkg`, installs it into `work/site`, and runs the `tests`
/// (files of `tests/fixtures/python`) against it with `env`, after type-checking them against it.
fn check_and_test(pkg: &Path, work: &Path, tests: &[&str], env: &[(&str, &OsStr)]) {
    let bin = venv();
    run(pkg, &bin.join("ruff"), &["check", "--no-cache", "."], &[]);
    run(pkg, &bin.join("ruff"), &["format", "--no-cache", "--check", "."], &[]);
    run(pkg, &bin.join("mypy"), &["--strict", "--no-incremental", "--cache-dir", "/dev/null", "src"], &[]);
    let site = work.join("site");
    run(
        work,
        &bin.join("python"),
        &["-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index", "--target", site.to_str().unwrap(), pkg.to_str().unwrap()],
        &[],
    );
    let dir = work.join("tests");
    std::fs::create_dir_all(&dir).unwrap();
    let mut paths = Vec::new();
    for test in tests {
        std::fs::copy(fixture(&format!("python/{test}")), dir.join(test)).unwrap();
        paths.push(format!("tests/{test}"));
    }
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    // The tests use the package as its users would, so they type-check against it too.
    let mypy = [&["--strict", "--no-incremental", "--cache-dir", "/dev/null"][..], &paths].concat();
    run(work, &bin.join("mypy"), &mypy, &[("MYPYPATH", site.as_os_str())]);
    let mut env = env.to_vec();
    env.push(("PYTHONPATH", site.as_os_str()));
    run(work, &bin.join("python"), &["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], &env);
}

/// The generator of users' documents with the supplement fixtures.
fn documents_generator() -> Generator {
    let parsed = parse_rel(&fixture("supplement/reference.txt"));
    let build = krakengen_tests::schema_with_file(&parsed, &fixture("supplement/agreeing.graphql"));
    let schema = build.output.expect("the agreeing supplement builds");
    let mut options = Options::new("sup");
    for file in ["documents/fragments.graphql", "documents/operations.graphql"] {
        options = options.with_documents(file, &std::fs::read_to_string(fixture(file)).unwrap());
    }
    Generator::new(schema.model(), &options).unwrap_or_else(|d| panic!("{d:?}"))
}

/// Users' documents with the supplement fixtures: selections as models, both clients.
#[test]
fn a_package_from_users_documents() {
    check_package(&documents_generator(), "docs-client", "test_documents.py");
}

/// What the generator writes, file by file, for users' documents: the models of their selections,
/// both clients' methods, the error codes, the project and the synchronous runtime derived from the
/// asynchronous one. The two hand-written runtime files are copied as they are and not shown.
#[test]
fn the_generated_python_files() {
    let files = documents_generator().python_package("docs-client").unwrap_or_else(|d| panic!("{d:?}"));
    let mut shown = 0;
    for f in &files {
        let name = f.path.to_str().unwrap();
        if name.ends_with("/_runtime.py") || name.ends_with("/_async_runtime.py") || name.ends_with("py.typed") {
            continue;
        }
        let (stem, ext) = name.rsplit('/').next().unwrap().split_once('.').unwrap();
        let snapshot = format!("python_{}_{ext}", stem.trim_matches('_'));
        insta::assert_snapshot!(snapshot, &f.contents);
        shown += 1;
    }
    assert_eq!((files.len(), shown), (9, 6));
}

/// The vendored reference's login and one rate-limited mutation: the session and the retries.
#[test]
fn a_package_with_the_session() {
    let loaded = krakengen_tests::vendored_loaded();
    let options = Options::new("oees").with_operations(["obtainKrakenToken", "deauthenticateFlexDevice"]);
    let generator = Generator::new(loaded.model(), &options).unwrap_or_else(|d| panic!("{d:?}"));
    check_package(&generator, "oees-client", "test_session.py");
}

/// The library refuses what the CLI and `krakengen.toml` check first: a distribution name that is
/// no Python name and a scalar mapping that is not a builtin or dotted name, each with its code.
#[test]
fn a_bad_dist_or_scalar_mapping_is_a_diagnostic() {
    let refused = |options: Options, dist: &str| {
        let generator = Generator::new(krakengen_tests::vendored_loaded().model(), &options.with_operations(["obtainKrakenToken"])).unwrap();
        let diagnostics = generator.python_package(dist).expect_err("refused");
        diagnostics.iter().map(|d| (d.code.clone(), d.message.clone())).collect::<Vec<_>>()
    };
    let dist = refused(Options::new("oees"), "9 lives");
    assert_eq!(dist.len(), 1);
    assert_eq!(dist[0].0, "python-package");
    assert!(dist[0].1.contains("`9 lives` is not a Python distribution name"), "{}", dist[0].1);
    let scalar = refused(Options::new("oees").with_python_scalar("Date", "__import__('os')"), "ok-client");
    assert_eq!(scalar.len(), 1);
    assert_eq!(scalar[0].0, "scalar-mapping");
    assert!(scalar[0].1.contains("the Python mapping of scalar `Date` is not a Python name"), "{}", scalar[0].1);
}

/// The vendored reference with a supplement that declares two of its opaque inputs: they become
/// models, and the package still passes ruff and `mypy --strict`.
#[test]
fn the_vendored_package_with_a_supplement() {
    let path = fixture("python/oees-supplement.graphql");
    let loaded = krakengen::Pipeline::new("oees").reference(krakengen_tests::vendored()).supplement(&path).load().unwrap_or_else(|f| panic!("{f}"));
    let generator = Generator::new(loaded.model(), &Options::new("oees")).unwrap_or_else(|d| panic!("{d:?}"));
    check_package(&generator, "oees-supplemented", "test_supplemented.py");
}

/// The checked-in package of the vendored reference (`examples/oees-python`, which `cargo xtask
/// codegen --check` keeps fresh): 326 operations' models and methods pass ruff and `mypy
/// --strict`, install and import (`test_vendored.py`); against mocks of the reference over
/// loopback, typed payloads and errors, the session across token lifetimes and an expiry, and the
/// retry rules (`test_mock.py`); and for the same calls, the Python and the Rust client send the
/// same bytes (`test_wire.py`, then the Rust client here).
#[test]
fn the_checked_in_package_against_the_mock() {
    let tmp = tempfile::tempdir().unwrap();
    let pkg = tmp.path().join("pkg");
    copy_tree(&root().join("examples/oees-python"), &pkg);
    let rt = krakengen_tests::runtime();
    let vendored = krakengen_tests::vendored_loaded();
    let limited_text = apply(krakengen_tests::vendored_text(), &[Edit::SetRateSteps { mutation: "deauthenticateFlexDevice", key: "User", steps: "['1/s']" }]);
    let limited = krakengen::pipeline::Pipeline::new("oees").reference_text("limited.txt", &limited_text).load().expect("the edited reference loads");
    let sessions = |secs| krakengen_mock::Options { token_ttl: Some(Duration::from_secs(secs)), ..Default::default() };
    let serve = |loaded: &krakengen::pipeline::Loaded, options: krakengen_mock::Options, record: Option<Recorded>| {
        let mock = krakengen_mock::build(&loaded.schema().sdl, loaded.model(), &options).expect("the mock builds");
        let router = match record {
            Some(bodies) => recording(mock.router, bodies),
            None => mock.router,
        };
        rt.block_on(Server::start(router))
    };
    let recorded = Recorded::default();
    let servers = [
        ("KRAKEN_MOCK_TTL60", serve(vendored, sessions(60), None)),
        ("KRAKEN_MOCK_TTL2", serve(vendored, sessions(2), None)),
        ("KRAKEN_MOCK_TTL4", serve(vendored, sessions(4), None)),
        ("KRAKEN_MOCK_LIMITED", serve(&limited, krakengen_mock::Options::default(), None)),
        ("KRAKEN_MOCK_FAILING", serve(vendored, krakengen_mock::Options { fail_every: Some(2), ..Default::default() }, None)),
        ("KRAKEN_MOCK_RECORDER", serve(vendored, krakengen_mock::Options::default(), Some(recorded.clone()))),
    ];
    let env: Vec<(&str, &OsStr)> = servers.iter().map(|(name, server)| (*name, OsStr::new(server.url.as_str()))).collect();
    check_and_test(&pkg, tmp.path(), &["test_vendored.py", "test_mock.py", "test_wire.py"], &env);

    let python = std::mem::take(&mut *recorded.lock().unwrap());
    assert_eq!(python.len(), 4, "the four calls of test_wire.py");
    let recorder = &servers[5].1.url;
    rt.block_on(rust_wire_calls(recorder));
    let rust = std::mem::take(&mut *recorded.lock().unwrap());
    assert_eq!(rust.len(), python.len());
    for (p, r) in python.iter().zip(&rust) {
        assert_eq!(String::from_utf8_lossy(p), String::from_utf8_lossy(r), "the Python and the Rust client send different bodies");
    }
    // The bodies hold what the calls gave, so equal bodies are not equally empty ones.
    let all = String::from_utf8_lossy(&python.concat()).into_owned();
    // JSON leaves U+2028 as it is and escapes U+001F, in both.
    for given in ["zoë@example.com", "\u{2028}", "\\u001f", "\"amount\":1.5", "\"items\":[1,null,true]", "SUBMIT_METER_READINGS"] {
        assert!(all.contains(given), "{given:?} is not in {all}");
    }
    for (_, server) in servers {
        rt.block_on(server.stop());
    }
}

/// The calls of `test_wire.py`, made with the Rust client of the same reference.
async fn rust_wire_calls(url: &str) {
    use oees_client::{accept_goods_quote, deauthenticate_flex_device, generate_pre_signed_token, obtain_kraken_token, types};
    let c = krakengen_tests::client(url, "*", None).with_retry(oees_client::RetryPolicy::never());
    let pre_signed = generate_pre_signed_token::Variables {
        email: "zoë@example.com".into(),
        number_of_days_allowed: 3,
        scope: types::PreSignedTokenScope::SubmitMeterReadings,
    };
    let _ = c.generate_pre_signed_token(&pre_signed).await;
    let note = "line\nbreak \u{2028} \"quoted\" </script> \u{1f}";
    let input = types::AcceptGoodsQuoteInput(json!({ "amount": 1.5, "items": [1, null, true], "note": note, "quoteId": "q-1" }));
    let _ = c.accept_goods_quote(&accept_goods_quote::Variables { input }).await;
    let _ = c.deauthenticate_flex_device(&deauthenticate_flex_device::Variables { input: None }).await;
    let login = types::ObtainJsonWebTokenInput(json!({ "email": "a@example.com", "password": "p" }));
    let _ = c.authenticate(&obtain_kraken_token::Variables { input: login }).await;
}

/// The request bodies a recording mock received, in order.
type Recorded = Arc<Mutex<Vec<Vec<u8>>>>;

/// `router` with every request body kept in `bodies` before it is answered.
fn recording(router: krakengen_server::http::Router, bodies: Recorded) -> krakengen_server::http::Router {
    router.layer(axum::middleware::from_fn(move |request: axum::extract::Request, next: axum::middleware::Next| {
        let bodies = bodies.clone();
        async move {
            let (parts, body) = request.into_parts();
            let bytes = axum::body::to_bytes(body, 1 << 20).await.expect("a body under 1 MiB");
            bodies.lock().unwrap().push(bytes.to_vec());
            next.run(axum::extract::Request::from_parts(parts, axum::body::Body::from(bytes))).await
        }
    }))
}

/// Copies the files below `from` to `to`.
fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
