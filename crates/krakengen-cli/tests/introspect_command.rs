//! `krakengen introspect` against servers that fail in each way a real one can: HTTP 500, GraphQL
//! errors, introspection disabled, nothing listening; and one that predates deprecated arguments.
//! Each failure exits 2 with its own message, writes nothing, and never prints the header value
//! (a token). A server is not trusted: its redirects to another origin are not followed, an
//! oversized answer is refused, control characters it sends are not printed. The servers are std
//! threads answering canned responses on loopback.

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
    serve_raw(
        responses
            .into_iter()
            .map(|(status, body)| {
                format!("HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len())
                    .into_bytes()
            })
            .collect(),
    )
}

/// [`serve`] with whole HTTP responses, head included.
fn serve_raw(responses: Vec<Vec<u8>>) -> Canned {
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
            let _ = stream.write_all(&responses[i.min(responses.len() - 1)]);
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
    fails_at(&format!("http://{}/graphql", server.addr))
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

/// The answer of a server that does introspect: a small valid schema.
fn schema_answer() -> String {
    let schema = apollo_compiler::Schema::parse_and_validate("type Query { a: String }", "s.graphql").unwrap();
    krakengen::types::introspection::of_schema(&schema).to_string()
}

fn redirect(to: &str) -> Vec<u8> {
    format!("HTTP/1.1 307 Temporary Redirect\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").into_bytes()
}

#[test]
fn redirects_are_followed_within_the_origin_only() {
    // Within the origin: followed, with the header.
    let server = serve_raw(vec![redirect("/v2/graphql"), serve_body(&schema_answer())]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("schema.graphql");
    let run = introspect(&format!("http://{}/graphql", server.addr), &out);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(server.bodies.lock().unwrap().len(), 2);

    // To another origin (another port of the same host): not followed, and that server hears nothing.
    let elsewhere = serve(vec![(200, schema_answer())]);
    let server = serve_raw(vec![redirect(&format!("http://{}/steal?key={SECRET}", elsewhere.addr))]);
    let stderr = fails_at(&format!("http://{}/graphql", server.addr));
    assert!(stderr.contains(&format!("redirected to http://{}/steal?***, which is not followed", elsewhere.addr)), "{stderr}");
    std::thread::sleep(std::time::Duration::from_millis(100));
    assert!(elsewhere.bodies.lock().unwrap().is_empty(), "the other origin was sent the request");
}

fn serve_body(body: &str) -> Vec<u8> {
    format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).into_bytes()
}

#[test]
fn an_oversized_answer_is_refused() {
    // Announced: refused before the body is read (none is sent).
    let announced = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000000000\r\n\r\n".to_vec();
    let stderr = fails_raw(vec![announced]);
    assert!(stderr.contains("answered more than 64 MiB, the most read"), "{stderr}");
    // Not announced (chunked): refused once 64 MiB have come.
    let mut chunked = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".to_vec();
    let chunk = format!("100000\r\n{}\r\n", " ".repeat(0x10_0000));
    for _ in 0..65 {
        chunked.extend_from_slice(chunk.as_bytes());
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let stderr = fails_raw(vec![chunked]);
    assert!(stderr.contains("answered more than 64 MiB, the most read"), "{stderr}");
}

#[test]
fn control_characters_from_the_server_are_not_printed() {
    let stderr = fails(vec![(200, r#"{"errors": [{"message": "bad \u001b[2J\u001b]0;pwned\u0007 thing"}]}"#.into())]);
    assert!(stderr.contains("bad  [2J ]0;pwned  thing"), "{stderr:?}");
    assert!(!stderr.chars().any(|c| c.is_control() && c != '\n'), "{stderr:?}");
}

#[test]
fn a_query_string_is_not_printed() {
    let addr = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let stderr = fails_at(&format!("http://{addr}/graphql?api_key={SECRET}"));
    assert!(stderr.contains(&format!("cannot reach http://{addr}/graphql?***")), "{stderr}");
}

/// [`fails`] with whole HTTP responses.
fn fails_raw(responses: Vec<Vec<u8>>) -> String {
    let server = serve_raw(responses);
    fails_at(&format!("http://{}/graphql", server.addr))
}

/// Runs introspect against `url` and checks the common failure contract; returns stderr.
fn fails_at(url: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("schema.graphql");
    let run = introspect(url, &out);
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(!out.exists(), "nothing is written on failure");
    assert!(!stderr.contains(SECRET) && !stdout.contains(SECRET), "a secret leaked: {stderr}{stdout}");
    assert!(stderr.ends_with("; nothing was written\n"), "{stderr}");
    stderr
}
