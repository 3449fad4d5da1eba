//! `cargo xtask bench-peers --python`: the Python package against ariadne-codegen's, for the same
//! operations.
//!
//! Both sides get one document per operation of the vendored reference (the users' operations a
//! client would write): krakengen reads the reference and the documents (`krakengen generate
//! --lang python --documents`), ariadne-codegen the SDL krakengen derived from the same reference
//! (checked in) and the same documents. Measured, the two sides alternating in every round:
//! generation (the processes a user starts), `mypy --strict` of each package, and the import of
//! each package in a fresh interpreter, pydantic and httpx included; the lines of each package are
//! counted once. The tools are installed in a virtual environment below `target/peers/python`,
//! pinned, the first time this command runs; both packages are checked and imported there, with
//! the same pydantic and httpx.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::{load_average, median, run_pair, run_status, versions, write_operation_documents, Proc, Side};

/// What the peers' environment holds. ariadne-codegen 0.19 wants httpx 0.28 and ruff 0.15, so the
/// environment is its own, not the tests' one; pydantic and mypy are the tests' versions.
const PACKAGES: &[&str] = &["ariadne-codegen==0.19.0", "pydantic==2.14.4", "httpx==0.28.1", "mypy==2.4.1", "typing_extensions==4.16.0"];

/// Makes the virtual environment below `peers/python` unless it is there; returns its `bin`.
fn install(peers: &Path) -> Result<PathBuf, String> {
    let dir = peers.join("python");
    let bin = dir.join("bin");
    let stamp = dir.join("installed.txt");
    if std::fs::read_to_string(&stamp).ok().as_deref() == Some(PACKAGES.join("\n").as_str()) {
        return Ok(bin);
    }
    eprintln!("installing {} in {}…", PACKAGES.join(", "), dir.display());
    run_status(Command::new("python3").args(["-m", "venv"]).arg(&dir), "python3 -m venv")?;
    run_status(Command::new(bin.join("pip")).args(["install", "--quiet"]).args(PACKAGES), "pip install")?;
    std::fs::write(&stamp, PACKAGES.join("\n")).map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    Ok(bin)
}

/// Copies the files below `from` to `to`.
fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.path().strip_prefix(from).map_err(|e| e.to_string())?);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).map_err(|e| format!("cannot create {}: {e}", target.display()))?;
        } else {
            std::fs::copy(entry.path(), &target).map_err(|e| format!("cannot copy to {}: {e}", target.display()))?;
        }
    }
    Ok(())
}

/// The lines of every `.py` file below `dir`.
fn python_lines(dir: &Path) -> usize {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "py"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .map(|text| text.lines().count())
        .sum()
}

/// `mypy --strict`'s verdict on `dir`: its last line ("Success: …" or "Found N errors …").
fn mypy_verdict(bin: &Path, dir: &Path) -> String {
    let out = Command::new(bin.join("mypy")).args(["--strict", "--no-incremental", "--cache-dir", "/dev/null", "."]).current_dir(dir).output();
    match out {
        Ok(out) => String::from_utf8_lossy(&out.stdout).lines().last().unwrap_or("no output").to_string(),
        Err(e) => format!("mypy does not run: {e}"),
    }
}

/// A process that imports `package` from `dir` in a fresh interpreter, from bytecode as an installed
/// package is (pip compiles it): the warm-up round writes it even where the environment says
/// `PYTHONDONTWRITEBYTECODE`, which would make every import compile the sources again.
fn import(bin: &Path, dir: &Path, package: &str) -> Proc {
    let code = format!("import sys; sys.dont_write_bytecode = False; sys.path.insert(0, {:?}); import {package}", dir.display().to_string());
    Proc::new(bin.join("python"), &[&"-c", &code], dir)
}

pub fn run(rounds: usize) -> Result<String, String> {
    let super::Setup { root, peers, work, krakengen } = super::prepare(rounds, "python-work")?;
    let bin = install(&peers)?;
    let ariadne = bin.join("ariadne-codegen");
    let docs = work.join("documents");
    let documents = write_operation_documents(&root, &docs)?;

    let ours_out = work.join("out/krakengen");
    let reference = root.join("schema/oees/mutations.txt");
    let ours = Side {
        label: "krakengen generate --lang python --documents".into(),
        procs: vec![Proc::new(
            &krakengen,
            &[&"generate", &reference, &"--lang", &"python", &"--documents", &docs, &"--out", &ours_out, &"--name", &"kg-client"],
            &root,
        )],
        out_dir: ours_out.clone(),
        tolerate_failures: false,
    };
    let peer_out = work.join("out/ariadne");
    let config = work.join("ariadne.toml");
    let sdl = root.join("schema/oees/schema.graphql");
    let toml = format!(
        "[tool.ariadne-codegen]\nschema_path = {}\nqueries_path = {}\ntarget_package_name = \"ariadne_client\"\ntarget_package_path = {}\n",
        super::json_string(&sdl.display().to_string()),
        super::json_string(&docs.display().to_string()),
        super::json_string(&peer_out.display().to_string()),
    );
    std::fs::write(&config, toml).map_err(|e| format!("cannot write {}: {e}", config.display()))?;
    let peer = Side {
        label: "ariadne-codegen".into(),
        procs: vec![Proc::new(&ariadne, &[&"--config", &config], &work)],
        out_dir: peer_out.clone(),
        tolerate_failures: false,
    };

    let mut generate = (Vec::new(), Vec::new());
    let load_before = load_average();
    for round in 0..=rounds {
        eprintln!("generation, round {round}/{rounds}{}", if round == 0 { " (warm-up, not counted)" } else { "" });
        run_pair(round, &ours, &peer, &mut generate)?;
    }
    let ours_pkg = ours_out.join("src");
    let lines = (python_lines(&ours_pkg), python_lines(&peer_out));
    let verdicts = (mypy_verdict(&bin, &ours_pkg), mypy_verdict(&bin, &peer_out));

    // mypy fails on a package with errors; its time is measured all the same.
    let mypy = |dir: &Path, label: &str| Side {
        label: label.into(),
        procs: vec![Proc::new(bin.join("mypy"), &[&"--strict", &"--no-incremental", &"--cache-dir", &"/dev/null", &"."], dir)],
        out_dir: work.join("scratch"),
        tolerate_failures: true,
    };
    let imports = |proc: Proc, label: &str| Side { label: label.into(), procs: vec![proc], out_dir: work.join("scratch"), tolerate_failures: false };
    let baseline = Proc::new(bin.join("python"), &[&"-c", &"from pydantic import BaseModel, Field, TypeAdapter; import httpx"], &work);
    let measured = [
        (mypy(&ours_pkg, "mypy --strict, krakengen's package"), mypy(&peer_out, "mypy --strict, ariadne-codegen's package")),
        (imports(import(&bin, &ours_pkg, "kg_client"), "import kg_client"), imports(import(&bin, &peer_out, "ariadne_client"), "import ariadne_client")),
        // krakengen's models wait for their first use; ariadne-codegen's package imports all of its.
        (
            imports(import(&bin, &ours_pkg, "kg_client.models"), "import kg_client.models"),
            imports(import(&bin, &peer_out, "ariadne_client"), "import ariadne_client"),
        ),
    ];
    let base = imports(baseline, "import pydantic and httpx");
    // The checked-in package of the reference alone (no documents), against its goal of 400 ms.
    // A copy, so that its bytecode is not written into the repository.
    let copy = work.join("checked-in");
    copy_tree(&root.join("examples/oees-python/src"), &copy)?;
    let checked_in = imports(import(&bin, &copy, "oees_client"), "import oees_client");
    // And with its models, which the package imports on first use: what the first call adds.
    let with_models = imports(import(&bin, &copy, "oees_client.models"), "import oees_client.models");
    let mut times: Vec<(Vec<Duration>, Vec<Duration>)> = vec![(Vec::new(), Vec::new()); measured.len()];
    let (mut base_times, mut checked_in_times, mut models_times) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..=rounds {
        eprintln!("checks and imports, round {round}/{rounds}");
        for ((ours, peer), times) in measured.iter().zip(times.iter_mut()) {
            run_pair(round, ours, peer, times)?;
        }
        let (t, c, m) = (base.run_timed()?, checked_in.run_timed()?, with_models.run_timed()?);
        if round > 0 {
            base_times.push(t);
            checked_in_times.push(c);
            models_times.push(m);
        }
    }
    let load_after = load_average();

    let ms = |d: Duration| format!("{:.0} ms", d.as_secs_f64() * 1000.0);
    let row = |what: &str, o: &[Duration], p: &[Duration]| {
        let (a, b) = (median(o), median(p));
        format!("| {what} | {} | {} | {:.2} |\n", ms(a), ms(b), a.as_secs_f64() / b.as_secs_f64())
    };
    let mut report = String::from("| | krakengen | ariadne-codegen | krakengen / ariadne-codegen |\n|---|---:|---:|---:|\n");
    report.push_str(&row("generation (process)", &generate.0, &generate.1));
    report.push_str(&row("`mypy --strict` of the package", &times[0].0, &times[0].1));
    report.push_str(&row("import in a fresh interpreter", &times[1].0, &times[1].1));
    report.push_str(&row("import with every model", &times[2].0, &times[2].1));
    report.push_str(&format!("| lines of Python | {} | {} | {:.2} |\n", lines.0, lines.1, lines.0 as f64 / lines.1.max(1) as f64));
    report.push_str(&format!(
        "\n{rounds} alternating rounds after a warm-up; {} operation documents. `import pydantic, httpx` alone: {}; \
         `import oees_client` (examples/oees-python, the reference's operations without documents): {}, \
         with its models: {}. \
         mypy --strict: krakengen's package \"{}\"; ariadne-codegen's \"{}\".\n",
        documents.len(),
        ms(median(&base_times)),
        ms(median(&checked_in_times)),
        ms(median(&models_times)),
        verdicts.0,
        verdicts.1
    ));
    report.push_str(&format!(
        "Machine: {} cores, load average {load_before} before and {load_after} after; {}.\n",
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        versions(&[(&krakengen, "--version"), (&bin.join("python"), "--version"), (&bin.join("mypy"), "--version")])
    ));
    let path = peers.join("python-report.md");
    std::fs::write(&path, &report).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(format!("{report}\n(also written to {})", path.display()))
}
