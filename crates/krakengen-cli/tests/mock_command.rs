//! `krakengen mock` as users start it: it listens where it says it does, answers the reference's
//! example responses, and enforces `--max-complexity`. Every mock process is killed by its test.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the repository root")
}

/// A mock process, killed when dropped (also when an assertion fails).
struct Mock {
    child: Child,
    addr: String,
}

impl Drop for Mock {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(extra: &[&str]) -> Mock {
    let mut child = Command::new(env!("CARGO_BIN_EXE_krakengen"))
        .args(["mock", "schema/oees/mutations.txt", "--listen", "127.0.0.1:0"])
        .args(extra)
        .current_dir(repo())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("krakengen runs");
    // The first line on stderr names the bound address: `… listening on http://127.0.0.1:PORT/graphql`.
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line.split("http://").nth(1).and_then(|rest| rest.split('/').next()).unwrap_or_else(|| panic!("no address in {line:?}"));
    Mock { addr: addr.to_string(), child }
}

/// POSTs a GraphQL request with HTTP/1.1 on a fresh connection and returns the response body.
fn post(addr: &str, permissions: &str, body: &str) -> serde_json::Value {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        stream,
        "POST /graphql HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nX-Kraken-Permissions: {permissions}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or_else(|| panic!("no body in {response:?}"));
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

const TOKEN: &str = r#"{"query": "mutation { generatePreSignedToken(email: \"a@example.com\", numberOfDaysAllowed: 3, scope: SUBMIT_METER_READINGS) { token } }"}"#;

#[test]
fn the_mock_answers_the_example_response() {
    let mock = start(&[]);
    let v = post(&mock.addr, "Can generate pre signed tokens", TOKEN);
    assert_eq!(v["data"]["generatePreSignedToken"]["token"], "century-reflect-white-store-idea", "{v}");
    let v = post(&mock.addr, "", TOKEN);
    assert_eq!(v["errors"][0]["extensions"]["errorType"], "AUTHORIZATION", "{v}");
}

/// `--deny-unspecified` refuses an operation whose reference says nothing about its permissions,
/// even to a caller holding every permission (`*`), with the generic unauthorized code; without it
/// the mock answers. An operation whose permissions the caller holds still answers.
#[test]
fn deny_unspecified_refuses_operations_without_a_permissions_section() {
    const BATCH: &str = r#"{"query": "mutation { closeOpenPrintBatch { printBatch { __typename } } }"}"#;
    let open = start(&[]);
    let v = post(&open.addr, "*", BATCH);
    assert!(v["errors"].is_null() && v["data"]["closeOpenPrintBatch"].is_object(), "{v}");
    let strict = start(&["--deny-unspecified"]);
    let v = post(&strict.addr, "*", BATCH);
    assert_eq!(v["errors"][0]["extensions"]["errorType"], "AUTHORIZATION", "{v}");
    assert_eq!(v["errors"][0]["extensions"]["errorCode"], "KT-CT-1111", "{v}");
    assert!(v["data"].is_null(), "{v}");
    let v = post(&strict.addr, "Can generate pre signed tokens", TOKEN);
    assert_eq!(v["data"]["generatePreSignedToken"]["token"], "century-reflect-white-store-idea", "{v}");
}

#[test]
fn max_complexity_refuses_requests_above_the_limit() {
    let mock = start(&["--max-complexity", "0"]);
    let v = post(&mock.addr, "Can generate pre signed tokens", TOKEN);
    assert_eq!(v["errors"][0]["extensions"]["errorCode"], "KT-CT-1188", "{v}");
    assert_eq!(v["data"], serde_json::Value::Null, "{v}");
}

/// The facts of a schema that introspection carries, one line each: every type with its kind and
/// description, every field, argument and input field with its type, default, description and
/// deprecation, every enum value, union member and implemented interface.
fn facts(sdl: &str) -> std::collections::BTreeSet<String> {
    use apollo_compiler::schema::ExtendedType;
    let schema = apollo_compiler::Schema::parse_and_validate(sdl, "s.graphql").unwrap_or_else(|e| panic!("{}", e.errors));
    let mut out = std::collections::BTreeSet::new();
    let deprecated = |d: &apollo_compiler::ast::DirectiveList| {
        d.get("deprecated").map(|d| d.specified_argument_by_name("reason").map(|r| r.to_string()).unwrap_or_default())
    };
    for (name, t) in schema.types.iter().filter(|(_, t)| !t.is_built_in()) {
        let description = |d: &Option<apollo_compiler::Node<str>>| d.as_ref().map(|d| d.to_string());
        match t {
            ExtendedType::Scalar(s) => {
                out.insert(format!("scalar {name} {:?}", description(&s.description)));
            }
            ExtendedType::Enum(e) => {
                out.insert(format!("enum {name} {:?}", description(&e.description)));
                for (v, def) in &e.values {
                    out.insert(format!("enum {name} value {v} {:?} {:?}", description(&def.description), deprecated(&def.directives)));
                }
            }
            ExtendedType::Union(u) => {
                for m in &u.members {
                    out.insert(format!("union {name} member {m}"));
                }
            }
            ExtendedType::InputObject(i) => {
                for (f, def) in &i.fields {
                    out.insert(format!("input {name}.{f}: {} = {:?} {:?}", def.ty, def.default_value.as_ref().map(|v| v.to_string()), description(&def.description)));
                }
            }
            ExtendedType::Object(_) | ExtendedType::Interface(_) => {
                let (fields, interfaces, d) = match t {
                    ExtendedType::Object(o) => (&o.fields, &o.implements_interfaces, &o.description),
                    ExtendedType::Interface(i) => (&i.fields, &i.implements_interfaces, &i.description),
                    _ => unreachable!(),
                };
                out.insert(format!("{} {name} {:?}", if matches!(t, ExtendedType::Object(_)) { "type" } else { "interface" }, description(d)));
                for i in interfaces {
                    out.insert(format!("{name} implements {i}"));
                }
                for (f, def) in fields {
                    out.insert(format!("{name}.{f}: {} {:?} {:?}", def.ty, description(&def.description), deprecated(&def.directives)));
                    for a in &def.arguments {
                        out.insert(format!("{name}.{f}({}: {} = {:?})", a.name, a.ty, a.default_value.as_ref().map(|v| v.to_string())));
                    }
                }
            }
        }
    }
    out
}

/// `krakengen introspect` against `krakengen mock` round-trips: the SDL it writes holds exactly the
/// facts of the schema the mock serves (async-graphql's own SDL of it), and the JSON it writes is the
/// introspection answer, usable as a supplement.
#[test]
fn introspect_round_trips_the_mock() {
    let mock = start(&[]);
    let dir = tempfile::tempdir().unwrap();
    let url = format!("http://{}/graphql", mock.addr);
    let sdl_path = dir.path().join("brand.graphql");
    let run = Command::new(env!("CARGO_BIN_EXE_krakengen")).args(["introspect", &url, "--out"]).arg(&sdl_path).output().unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let written = std::fs::read_to_string(&sdl_path).unwrap();
    let loaded = krakengen::Pipeline::new("oees").reference(repo().join("schema/oees/mutations.txt")).load().unwrap();
    let sdl = loaded.schema().sdl;
    let served = krakengen_mock::schema(&sdl, loaded.model(), krakengen_server::policy::Unspecified::Allow).unwrap().sdl();
    let (want, got) = (facts(&served), facts(&written));
    assert!(want.len() > 2000, "{}", want.len());
    let missing: Vec<_> = want.difference(&got).take(5).collect();
    let extra: Vec<_> = got.difference(&want).take(5).collect();
    assert!(missing.is_empty() && extra.is_empty(), "missing {missing:?}, extra {extra:?}");
    let json_path = dir.path().join("brand.json");
    let run = Command::new(env!("CARGO_BIN_EXE_krakengen")).args(["introspect", &url, "--out"]).arg(&json_path).output().unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert!(json["data"]["__schema"]["types"].as_array().is_some_and(|t| t.len() > 500));
    // The answer, as written, is a supplement of the reference it was served from.
    let schema_out = dir.path().join("schema");
    let run = Command::new(env!("CARGO_BIN_EXE_krakengen"))
        .args(["schema", "schema/oees/mutations.txt", "--out"])
        .arg(&schema_out)
        .arg("--supplement")
        .arg(&json_path)
        .current_dir(repo())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(schema_out.join("schema.graphql").exists());
}
