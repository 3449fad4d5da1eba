//! `krakengen introspect` against servers that fail in each way a real one can: HTTP 500, GraphQL
//! errors, introspection disabled, nothing listening; and one that predates deprecated arguments.
//! Each failure exits 2 with its own message, writes nothing, and never prints the header value
//! (a token). The servers are std threads answering canned responses on loopback.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

const SECRET: &str = "sekrit-token-4242";

/// A server answering the `i`-th connection with `responses[i]` (the last one from then on), and
/// keeping every request body.
struct Canned {
    addr: String,
    bodies: Arc<Mutex<Vec<String>>>,
}

fn serve(responses: Vec<(u16, String)>) -> Canned {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let bodies = Arc::new(Mutex::new(Vec::new()));
    let kept = Arc::clone(&bodies);
    std::thread::spawn(move || {
        for (i, stream) in listener.incoming().enumerate() {
            let Ok(mut stream) = stream else { return };
            let mut request = Vec::new();
            let mut buf = [0u8; 65536];
            // Read the head, then as many body bytes as Content-Length says.
            loop {
                let n = stream.read(&mut buf).unwrap_or(0);
                request.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&request).into_owned();
                if let Some((head, body)) = text.split_once("\r\n\r\n") {
                    let len = head
                        .lines()
                        .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse::<usize>().unwrap_or(0)))
                        .unwrap_or(0);
                    if body.len() >= len {
                        kept.lock().unwrap().push(body.to_string());
                        break;
                    }
                }
                if n == 0 {
                    break;
                }
            }
            let (status, body) = &responses[i.min(responses.len() - 1)];
            let _ = write!(
                stream,
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    Canned { addr, bodies }
}

fn introspect(url: &str, out: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_krakengen"))
        .args(["introspect", url, "--header", &format!("Authorization: {SECRET}"), "--out"])
        .arg(out)
        .output()
        .expect("krakengen runs")
}

/// Runs introspect against `responses` and checks the common failure contract; returns stderr.
fn fails(responses: Vec<(u16, String)>) -> String {
    let server = serve(responses);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("schema.graphql");
    let run = introspect(&format!("http://{}/graphql", server.addr), &out);
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(!out.exists(), "nothing is written on failure");
    assert!(!stderr.contains(SECRET) && !stdout.contains(SECRET), "the header value leaked: {stderr}{stdout}");
    assert!(stderr.ends_with("; nothing was written\n"), "{stderr}");
    stderr
}

#[test]
fn http_errors_are_reported_with_their_status() {
    let stderr = fails(vec![(500, "<html>Internal Server Error</html>".into())]);
    assert!(stderr.contains("answered HTTP 500"), "{stderr}");
}

#[test]
fn graphql_errors_are_reported_with_their_messages() {
    let stderr = fails(vec![(200, r#"{"errors": [{"message": "Field '__schema' is exploding."}]}"#.into())]);
    assert!(stderr.contains("answered with GraphQL errors: Field '__schema' is exploding."), "{stderr}");
}

#[test]
fn disabled_introspection_is_named() {
    let stderr = fails(vec![(200, r#"{"data": null, "errors": [{"message": "GraphQL introspection is not allowed"}]}"#.into())]);
    assert!(stderr.contains("introspection is disabled on"), "{stderr}");
    let stderr = fails(vec![(200, r#"{"data": {"__schema": null}}"#.into())]);
    assert!(stderr.contains("introspection is disabled on this server"), "{stderr}");
}

#[test]
fn an_unreachable_server_is_reported() {
    // A port that was free a moment ago, and nothing listens on it.
    let addr = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("schema.graphql");
    let run = introspect(&format!("http://user:{SECRET}@{addr}/graphql"), &out);
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot reach http://user:***@"), "{stderr}");
    assert!(!stderr.contains(SECRET), "the URL's password leaked: {stderr}");
    assert!(!out.exists());
}

#[test]
fn a_malformed_header_is_refused_without_echoing_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("schema.graphql");
    let run = Command::new(env!("CARGO_BIN_EXE_krakengen"))
        .args(["introspect", "http://127.0.0.1:9/graphql", "--header", &format!("no colon {SECRET}"), "--out"])
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--header number 1 is not `Name: value`"), "{stderr}");
    assert!(!stderr.contains(SECRET), "{stderr}");
}

/// A server that refuses `includeDeprecated` on arguments gets the older query, and the answer is
/// written as SDL.
#[test]
fn older_servers_get_the_legacy_query() {
    let schema = apollo_compiler::Schema::parse_and_validate("type Query { a(x: Int = 1): String @deprecated(reason: \"Old.\") }", "s.graphql").unwrap();
    let answer = krakengen::types::introspection::of_schema(&schema).to_string();
    let refusal = r#"{"errors": [{"message": "Unknown argument \"includeDeprecated\" on field \"__Field.args\"."}]}"#;
    let server = serve(vec![(400, refusal.into()), (200, answer)]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("schema.graphql");
    let run = introspect(&format!("http://{}/graphql", server.addr), &out);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let bodies = server.bodies.lock().unwrap().clone();
    assert_eq!(bodies.len(), 2);
    assert!(bodies[0].contains("args(includeDeprecated: true)") && !bodies[1].contains("args(includeDeprecated: true)"), "{bodies:?}");
    let sdl = std::fs::read_to_string(&out).unwrap();
    assert!(sdl.contains("a(x: Int = 1): String @deprecated(reason: \"Old.\")"), "{sdl}");
    // The header reached the server, and only the server.
    assert!(!String::from_utf8_lossy(&run.stderr).contains(SECRET));
}
