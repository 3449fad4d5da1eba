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

#[test]
fn max_complexity_refuses_requests_above_the_limit() {
    let mock = start(&["--max-complexity", "0"]);
    let v = post(&mock.addr, "Can generate pre signed tokens", TOKEN);
    assert_eq!(v["errors"][0]["extensions"]["errorCode"], "KRAKENGEN-COMPLEXITY-LIMIT", "{v}");
    assert_eq!(v["data"], serde_json::Value::Null, "{v}");
}
