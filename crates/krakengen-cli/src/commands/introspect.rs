//! `krakengen introspect`: fetches a live API's schema with the standard introspection query and
//! writes it as SDL or as the JSON answer, for use as a supplement.
//!
//! It speaks HTTP with reqwest, as the generated clients do (with their `rustls-tls` feature), over
//! rustls for `https://`. Every
//! failure is one clear message and exit code 2, and nothing is written: the network, an HTTP
//! status, GraphQL errors, and a server whose introspection is disabled. Header values (tokens)
//! are never printed, and neither is the password or the query string of a URL.
//!
//! The server is not trusted either: its answer is read up to [`MAX_RESPONSE_BYTES`], a redirect
//! is followed only within the URL's origin (the headers, tokens among them, go nowhere else), and
//! control characters in what it says are replaced before they reach the terminal.

use std::path::Path;
use std::time::Duration;

use krakengen::types::introspection;

#[derive(clap::Args)]
pub struct Args {
    /// The GraphQL endpoint, such as `https://api.oees-kraken.energy/v1/graphql/`.
    #[arg(value_name = "URL")]
    url: String,
    /// The file to write (atomically; left alone when unchanged).
    #[arg(long, value_name = "FILE")]
    out: std::path::PathBuf,
    /// A request header, as `Name: value` (`Authorization: <token>`); may be given several times.
    /// Values are never printed.
    #[arg(long = "header", value_name = "NAME: VALUE")]
    headers: Vec<String>,
    /// What to write (default: `json` when FILE ends with `.json`, else `sdl`).
    #[arg(long, value_enum)]
    format: Option<Format>,
}

/// What `introspect` writes.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The schema as SDL, printed by apollo-compiler.
    Sdl,
    /// The JSON answer as the server gave it (`{"data": {"__schema": …}}`), pretty-printed.
    Json,
}

/// The largest introspection answer read (real brands' schemas answer a few MB).
const MAX_RESPONSE_BYTES: usize = 64 * 1024 * 1024;
/// The most redirects followed, all within the URL's origin.
const MAX_REDIRECTS: usize = 5;

/// A failure, already worded for the user.
struct Failure(String);

pub fn run(args: Args, _cx: &super::Context) -> super::Result {
    let Args { url, out, headers, format } = args;
    let format = format.unwrap_or(if out.extension().is_some_and(|e| e == "json") { Format::Json } else { Format::Sdl });
    match fetch_and_write(&url, &out, &headers, format) {
        Ok(message) => {
            eprintln!("{message}");
            Ok(super::Exit::Success)
        }
        Err(Failure(message)) => {
            eprintln!("error: {message}; nothing was written");
            Ok(super::Exit::Usage)
        }
    }
}

/// `url` without the password of its user information or its query string (`?token=…` is how
/// some APIs take keys), for messages.
fn shown(url: &str) -> String {
    match reqwest::Url::parse(url) {
        Ok(mut u) => {
            if u.password().is_some() {
                let _ = u.set_password(Some("***"));
            }
            if u.query().is_some() {
                u.set_query(Some("***"));
            }
            u.to_string()
        }
        Err(_) => printable(&url.split_once('?').map_or_else(|| url.to_string(), |(path, _)| format!("{path}?***"))),
    }
}

/// Text from the server (or a URL as typed) fit for a terminal: control characters, escape
/// sequences among them, become spaces.
fn printable(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// Follows a redirect only to the origin of the request it answers (scheme, host and port), so
/// that the `--header` values are sent to no other server, and at most [`MAX_REDIRECTS`] times.
fn same_origin_only() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        let from = attempt.previous().last().map(reqwest::Url::origin);
        if attempt.previous().len() > MAX_REDIRECTS || from.as_ref() != Some(&attempt.url().origin()) {
            attempt.stop()
        } else {
            attempt.follow()
        }
    })
}

fn fetch_and_write(url: &str, out: &Path, headers: &[String], format: Format) -> Result<String, Failure> {
    let shown_url = shown(url);
    if !matches!(reqwest::Url::parse(url).map(|u| u.scheme().to_string()).as_deref(), Ok("http" | "https")) {
        return Err(Failure(format!("`{shown_url}` is not an http:// or https:// URL")));
    }
    let mut map = reqwest::header::HeaderMap::new();
    for (i, h) in headers.iter().enumerate() {
        // The value is a secret (a token, most likely): a malformed header is named by its place.
        let parsed = h.split_once(':').and_then(|(name, value)| {
            let name = reqwest::header::HeaderName::from_bytes(name.trim().as_bytes()).ok()?;
            let mut value = reqwest::header::HeaderValue::from_str(value.trim()).ok()?;
            value.set_sensitive(true);
            Some((name, value))
        });
        let Some((name, value)) = parsed else {
            return Err(Failure(format!("--header number {} is not `Name: value` with a valid name and value", i + 1)));
        };
        map.insert(name, value);
    }
    let client = reqwest::Client::builder()
        .default_headers(map)
        .redirect(same_origin_only())
        .connect_timeout(Duration::from_secs(20))
        .timeout(Duration::from_secs(120))
        .build()
        .map_err(|e| Failure(format!("cannot set up the HTTP client: {e}")))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure(format!("cannot start the runtime: {e}")))?;
    let body = runtime.block_on(async {
        match post(&client, url, &shown_url, introspection::QUERY).await? {
            // A server from before deprecated arguments and `specifiedByURL` refuses those: ask again
            // the older way, which still asks for deprecated fields and enum values.
            Answer::Errors(messages) if messages.iter().any(|m| m.contains("includeDeprecated") || m.contains("specifiedByURL")) => {
                match post(&client, url, &shown_url, &introspection::legacy_query()).await? {
                    Answer::Schema(body) => Ok(body),
                    Answer::Errors(messages) => Err(graphql_errors(&shown_url, &messages)),
                }
            }
            Answer::Schema(body) => Ok(body),
            Answer::Errors(messages) => Err(graphql_errors(&shown_url, &messages)),
        }
    })?;
    let text = serde_json::to_string_pretty(&body).map_err(|e| Failure(e.to_string()))? + "\n";
    let contents = match format {
        Format::Json => text,
        Format::Sdl => {
            let sdl = introspection::to_sdl(&text).map_err(|problems| {
                let first: Vec<String> = problems.iter().take(5).map(|p| printable(&format!("at `{}`, {}", p.path, p.message))).collect();
                Failure(format!("{shown_url} answered an introspection result krakengen cannot read ({} problems): {}", problems.len(), first.join("; ")))
            })?;
            match krakengen::sdl::canonicalize(&sdl) {
                Ok((printed, _)) => printed,
                Err((_, problems)) => {
                    let first: Vec<String> = problems.iter().take(5).map(|(m, l, c)| printable(&format!("{l}:{c}: {m}"))).collect();
                    return Err(Failure(format!("the schema {shown_url} describes is not valid GraphQL: {}", first.join("; "))));
                }
            }
        }
    };
    let written = krakengen::write::write_if_changed(out, contents.as_bytes())
        .map_err(|e| Failure(format!("cannot write {}: {e}", out.display())))?;
    let types = body["data"]["__schema"]["types"].as_array().map_or(0, Vec::len);
    Ok(format!("{} {} ({types} types from {shown_url})", if written { "wrote" } else { "unchanged" }, out.display()))
}

/// What a server answered to the introspection query.
enum Answer {
    /// A body with `data.__schema`.
    Schema(serde_json::Value),
    /// GraphQL errors and no schema.
    Errors(Vec<String>),
}

async fn post(client: &reqwest::Client, url: &str, shown_url: &str, query: &str) -> Result<Answer, Failure> {
    let request = serde_json::json!({"query": query, "operationName": "IntrospectionQuery"});
    let response = client.post(url).json(&request).send().await.map_err(|e| {
        let why = if e.is_timeout() {
            "it did not answer in time"
        } else if e.is_connect() {
            "the connection failed"
        } else {
            "the request failed"
        };
        // reqwest's own message names the URL as given, password included: only the deepest cause
        // is shown ("Connection refused (os error 111)").
        let mut source = std::error::Error::source(&e);
        while let Some(next) = source.and_then(std::error::Error::source) {
            source = Some(next);
        }
        let cause = source.map(|s| format!(" ({s})")).unwrap_or_default();
        Failure(format!("cannot reach {shown_url}: {why}{cause}"))
    })?;
    let status = response.status();
    if status.is_redirection() {
        let to = response.headers().get(reqwest::header::LOCATION).and_then(|l| l.to_str().ok()).unwrap_or("(no location)");
        let to = response.url().join(to).map_or_else(|_| printable(to), |u| shown(u.as_str()));
        return Err(Failure(format!("{shown_url} redirected to {to}, which is not followed: redirects are followed within one origin only, so that the headers reach no other server")));
    }
    let bytes = read_capped(response, shown_url).await?;
    let body: Option<serde_json::Value> = serde_json::from_slice(&bytes).ok();
    let Some(body) = body.filter(|b| b.get("data").is_some() || b.get("errors").is_some()) else {
        return Err(Failure(if status.is_success() {
            format!("{shown_url} answered HTTP {status} with a body that is not a GraphQL response")
        } else {
            format!("{shown_url} answered HTTP {status}")
        }));
    };
    if body["data"]["__schema"].is_object() {
        return Ok(Answer::Schema(body));
    }
    let messages: Vec<String> = body["errors"]
        .as_array()
        .map(|errors| errors.iter().map(|e| e["message"].as_str().unwrap_or("(no message)").to_string()).collect())
        .unwrap_or_default();
    if messages.is_empty() {
        return Err(Failure(format!("{shown_url} answered HTTP {status} without a schema or errors: introspection is disabled on this server")));
    }
    Ok(Answer::Errors(messages))
}

/// The body of `response`, refused as soon as it is announced or found to exceed
/// [`MAX_RESPONSE_BYTES`].
async fn read_capped(mut response: reqwest::Response, shown_url: &str) -> Result<Vec<u8>, Failure> {
    let status = response.status();
    let too_large = || Failure(format!("{shown_url} answered more than {} MiB, the most read", MAX_RESPONSE_BYTES >> 20));
    if response.content_length().is_some_and(|n| n > MAX_RESPONSE_BYTES as u64) {
        return Err(too_large());
    }
    let mut body = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > MAX_RESPONSE_BYTES {
                    return Err(too_large());
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(body),
            Err(e) => return Err(Failure(format!("{shown_url} answered HTTP {status} but the body could not be read: {}", e.without_url()))),
        }
    }
}

fn graphql_errors(shown_url: &str, messages: &[String]) -> Failure {
    let all = messages.iter().take(3).map(|m| printable(&krakengen::diag::clip(m, 300))).collect::<Vec<_>>().join("; ");
    if messages.iter().any(|m| m.to_ascii_lowercase().contains("introspection")) {
        Failure(format!("introspection is disabled on {shown_url} (it answered: {all})"))
    } else {
        Failure(format!("{shown_url} answered with GraphQL errors: {all}"))
    }
}
