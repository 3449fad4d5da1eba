//! The HTTP transport, on reqwest (cargo feature `reqwest`; add `rustls-tls` for https).

use std::fmt;
use std::time::Duration;

/// The reqwest this transport is built on, so that a caller configuring a client
/// (`http::reqwest::Client::builder()`) never has to pin a matching version.
pub use reqwest;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, AUTHORIZATION, RETRY_AFTER};

use super::transport::{Request, Response, Transport, TransportError, TransportErrorKind};

/// How long a connection may take to open, by default.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a whole exchange may take, by default.
pub const TIMEOUT: Duration = Duration::from_secs(60);
/// The largest response body read, by default (Kraken's largest documented responses are far
/// smaller; a bigger one is refused rather than buffered).
pub const MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// Posts requests as JSON to one endpoint, with the token (if any) as the `Authorization` header,
/// the way Kraken expects it (the bare token, no scheme), and any headers added with
/// [`ReqwestTransport::with_header`]. Requests time out ([`CONNECT_TIMEOUT`], [`TIMEOUT`]) and
/// responses larger than [`MAX_RESPONSE_BYTES`] are refused. Its `Debug` shows neither the token
/// nor the headers' values.
pub struct ReqwestTransport {
    client: reqwest::Client,
    endpoint: String,
    headers: HeaderMap,
    max_response_bytes: usize,
}

impl fmt::Debug for ReqwestTransport {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<&str> = self.headers.keys().map(HeaderName::as_str).collect();
        f.debug_struct("ReqwestTransport")
            .field("endpoint", &self.endpoint)
            .field("headers", &headers)
            .field("max_response_bytes", &self.max_response_bytes)
            .finish_non_exhaustive()
    }
}

impl ReqwestTransport {
    /// A transport to `endpoint` with a reqwest client of the default timeouts.
    #[inline]
    pub fn new(endpoint: impl Into<String>) -> Self {
        let client = reqwest::Client::builder().connect_timeout(CONNECT_TIMEOUT).timeout(TIMEOUT).build();
        // Building fails only when the TLS backend cannot start; a client without the timeouts
        // would then fail the same way on its first request, with that error.
        ReqwestTransport::with_client(client.unwrap_or_default(), endpoint)
    }

    /// A transport to `endpoint` using `client` (for other timeouts, proxies, TLS settings).
    #[inline]
    pub fn with_client(client: reqwest::Client, endpoint: impl Into<String>) -> Self {
        ReqwestTransport { client, endpoint: endpoint.into(), headers: HeaderMap::new(), max_response_bytes: MAX_RESPONSE_BYTES }
    }

    /// Refuses responses larger than `bytes`.
    #[must_use]
    #[inline]
    pub fn with_max_response_bytes(mut self, bytes: usize) -> Self {
        self.max_response_bytes = bytes;
        self
    }

    /// Sends the header `name: value` with every request (a tracing header, the mock's
    /// `X-Kraken-Permissions`); a second value of a name is sent too. The value is marked
    /// sensitive, so it appears in no `Debug` output. Fails on a name or value HTTP does not
    /// allow, such as one with a line break.
    #[inline]
    pub fn with_header(mut self, name: &str, value: &str) -> Result<Self, TransportError> {
        let invalid = |what: String| TransportError::new(what).with_kind(TransportErrorKind::Request);
        let name = HeaderName::from_bytes(name.as_bytes()).map_err(|e| invalid("invalid HTTP header name".into()).with_source(e))?;
        let mut value = HeaderValue::from_str(value).map_err(|e| invalid(format!("invalid value for the HTTP header {name}")).with_source(e))?;
        value.set_sensitive(true);
        self.headers.append(name, value);
        Ok(self)
    }

    /// The endpoint requests go to.
    #[inline]
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }
}

/// The kind of a reqwest failure: only a failed connection proves the request was not sent.
#[inline]
fn kind_of(e: &reqwest::Error) -> TransportErrorKind {
    if e.is_connect() {
        TransportErrorKind::Connect
    } else if e.is_timeout() {
        TransportErrorKind::Timeout
    } else if e.is_builder() {
        TransportErrorKind::Request
    } else {
        TransportErrorKind::Other
    }
}

/// The wait a `Retry-After` header asks for, in either form: seconds (`120`) or an HTTP date
/// (`Wed, 21 Oct 2026 07:28:00 GMT`, then the time until it, nothing for a date past). At most a
/// day, whatever the server says.
#[inline]
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    retry_after_at(headers.get(RETRY_AFTER)?.to_str().ok()?, std::time::SystemTime::now())
}

/// [`retry_after`] of a header value at `now`.
fn retry_after_at(value: &str, now: std::time::SystemTime) -> Option<Duration> {
    const DAY: u64 = 24 * 3600;
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds.min(DAY)));
    }
    let at = http_date(value)?;
    let now = now.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    Some(Duration::from_secs(at.saturating_sub(now).min(DAY)))
}

/// Seconds since 1970 of an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the form HTTP servers
/// send (RFC 9110, 5.6.7); the obsolete forms are not read.
fn http_date(text: &str) -> Option<u64> {
    let mut parts = text.split_ascii_whitespace();
    let (_weekday, day, month, year, time, zone) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if zone != "GMT" || parts.next().is_some() || day.len() != 2 || year.len() != 4 {
        return None;
    }
    let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].iter().position(|m| *m == month)? as i64 + 1;
    let (day, year): (i64, i64) = (day.parse().ok()?, year.parse().ok()?);
    let mut hms = time.split(':').map(|p| if p.len() == 2 { p.parse::<u64>().ok() } else { None });
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    if hms.next().is_some() || !(1..=31).contains(&day) || h > 23 || m > 59 || s > 60 {
        return None;
    }
    // Days from 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = u64::try_from(era * 146_097 + doe - 719_468).ok()?;
    Some(days * 86_400 + h * 3600 + m * 60 + s)
}

impl Transport for ReqwestTransport {
    #[inline]
    async fn execute(&self, request: &Request<'_>) -> Result<Response, TransportError> {
        let mut builder = self.client.post(&self.endpoint).headers(self.headers.clone()).json(request);
        if let Some(token) = request.token {
            let mut value = HeaderValue::from_str(token)
                .map_err(|_| TransportError::new("the token is not a valid HTTP header value").with_kind(TransportErrorKind::Request))?;
            value.set_sensitive(true);
            builder = builder.header(AUTHORIZATION, value);
        }
        let mut response = builder.send().await.map_err(|e| TransportError::new("request failed").with_kind(kind_of(&e)).with_source(e))?;
        let status = response.status();
        let wait = retry_after(response.headers());
        let too_large = || {
            TransportError::new(format!("the response is larger than {} bytes", self.max_response_bytes))
                .with_kind(TransportErrorKind::TooLarge)
        };
        if response.content_length().is_some_and(|n| n > self.max_response_bytes as u64) {
            return Err(too_large());
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| {
            let kind = if e.is_timeout() { TransportErrorKind::Timeout } else { TransportErrorKind::Body };
            TransportError::new("cannot read the response").with_kind(kind).with_source(e)
        })? {
            if body.len() + chunk.len() > self.max_response_bytes {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        match serde_json::from_slice::<serde_json::Value>(&body) {
            // GraphQL servers may report errors with a non-2xx status; the body still says which.
            Ok(v) if status.is_success() || v.get("errors").is_some() => Ok(Response { body: v, retry_after: wait }),
            Ok(_) => Err(TransportError::new(format!("HTTP status {status}")).with_status(status.as_u16()).with_retry_after(wait)),
            Err(e) if !status.is_success() => {
                Err(TransportError::new(format!("HTTP status {status}")).with_status(status.as_u16()).with_retry_after(wait).with_source(e))
            }
            Err(e) => Err(TransportError::new("the response is not JSON").with_kind(TransportErrorKind::Body).with_source(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        let now = std::time::UNIX_EPOCH + Duration::from_secs(784_111_777); // Sun, 06 Nov 1994 08:49:37 GMT
        assert_eq!(http_date("Sun, 06 Nov 1994 08:49:37 GMT"), Some(784_111_777));
        assert_eq!(http_date("Thu, 29 Feb 2024 00:00:00 GMT"), Some(1_709_164_800));
        assert_eq!(retry_after_at("120", now), Some(Duration::from_secs(120)));
        assert_eq!(retry_after_at("Sun, 06 Nov 1994 08:51:37 GMT", now), Some(Duration::from_secs(120)));
        assert_eq!(retry_after_at("Sun, 06 Nov 1994 08:00:00 GMT", now), Some(Duration::ZERO), "a date past");
        assert_eq!(retry_after_at("99999999", now), Some(Duration::from_secs(24 * 3600)), "at most a day");
        assert_eq!(retry_after_at("Sun, 06 Nov 2094 08:49:37 GMT", now), Some(Duration::from_secs(24 * 3600)));
        for junk in ["", "soon", "-1", "Sun, 06 Nov 1994 08:49:37 CET", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT"] {
            assert_eq!(retry_after_at(junk, now), None, "{junk}");
        }
    }
}
