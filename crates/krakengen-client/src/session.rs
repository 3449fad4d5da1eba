//! The caller's Kraken token: where it comes from, when it expires, when to refresh it.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use serde_json::Value;

use super::redact::Secret;
use super::transport::TransportError;

/// A Kraken token with what is known of its life: the refresh token that renews it, and when
/// each expires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tokens {
    /// The token sent as the `Authorization` header.
    pub token: Secret,
    /// The token that obtains a new one without the credentials, if the API gave one.
    pub refresh_token: Option<Secret>,
    /// When the token expires, if known.
    pub expires_at: Option<SystemTime>,
    /// When the refresh token expires, if known.
    pub refresh_expires_at: Option<SystemTime>,
}

impl Tokens {
    /// A token on its own; its expiry is read from it when it is a JWT with an `exp` claim.
    #[inline]
    pub fn new(token: impl Into<Secret>) -> Self {
        let token = token.into();
        let expires_at = jwt_exp(token.expose());
        Tokens { token, refresh_token: None, expires_at, refresh_expires_at: None }
    }

    /// The tokens of a token mutation's payload (`obtainKrakenToken`'s): `token`, `refreshToken`,
    /// `refreshExpiresIn` (a Unix time), and the expiry from `payload.exp`, where `payload` is an
    /// object or a JSON string of one (brands differ), or else from the token itself. `None` when the
    /// payload has no `token` string.
    #[inline]
    pub fn from_payload(payload: &Value) -> Option<Tokens> {
        let token = payload.get("token")?.as_str()?;
        let claims = match payload.get("payload") {
            Some(Value::String(text)) => serde_json::from_str(text).ok(),
            Some(object @ Value::Object(_)) => Some(object.clone()),
            _ => None,
        };
        let expires_at = claims.as_ref().and_then(|c| unix_time(c.get("exp")?)).or_else(|| jwt_exp(token));
        Some(Tokens {
            token: Secret::new(token),
            refresh_token: payload.get("refreshToken").and_then(Value::as_str).map(Secret::new),
            expires_at,
            refresh_expires_at: payload.get("refreshExpiresIn").and_then(unix_time),
        })
    }
}

/// A Unix time in seconds (an integer, a float or a numeric string).
#[inline]
fn unix_time(value: &Value) -> Option<SystemTime> {
    let seconds = match value {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => s.trim().parse().ok()?,
        _ => return None,
    };
    (0.0..1e12).contains(&seconds).then(|| UNIX_EPOCH + Duration::from_secs_f64(seconds))
}

/// The `exp` claim of a JWT, read without verifying it: the client only needs to know when to
/// refresh, and the server checks the signature.
#[inline]
fn jwt_exp(token: &str) -> Option<SystemTime> {
    let mut parts = token.split('.');
    let (_, payload, _) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || payload.len() > 64 * 1024 {
        return None;
    }
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
    let claims: Value = serde_json::from_slice(&bytes).ok()?;
    unix_time(claims.get("exp")?)
}

/// The future a [`TokenSource`] returns.
pub type TokenFuture<'a> = Pin<Box<dyn Future<Output = Result<Secret, TransportError>> + Send + 'a>>;

/// Tokens managed outside the client (a secrets manager, another process's session): asked for a
/// token before every request.
pub trait TokenSource: Send + Sync {
    /// The token to send. `rejected` is the token the API has just refused as expired, if it did;
    /// a source that caches must not hand it out again.
    fn token<'a>(&'a self, rejected: Option<&'a Secret>) -> TokenFuture<'a>;
}

/// A [`TokenSource`] from an async function of the refused token: tokens managed elsewhere in a few
/// lines, `Session::new().with_token_fn(move |rejected| vault.clone().token(rejected))`.
pub struct TokenFn<F>(pub F);

impl<F, Fut> TokenSource for TokenFn<F>
where
    F: Fn(Option<Secret>) -> Fut + Send + Sync,
    Fut: Future<Output = Result<Secret, TransportError>> + Send + 'static,
{
    #[inline]
    fn token<'a>(&'a self, rejected: Option<&'a Secret>) -> TokenFuture<'a> {
        Box::pin((self.0)(rejected.cloned()))
    }
}

impl<F> std::fmt::Debug for TokenFn<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenFn")
    }
}

/// What the session holds, replaced whole on every change.
#[derive(Debug, Clone, Default)]
struct State {
    tokens: Option<Tokens>,
    /// When the tokens were set, for the refresh margin of short-lived tokens.
    obtained_at: Option<SystemTime>,
    /// Changes with every new token, so that concurrent callers who saw the same token refresh it
    /// once.
    generation: u64,
}

/// What a call needs to know of the session before it is sent.
#[derive(Debug, Clone)]
pub(crate) struct Snapshot {
    pub(crate) token: Option<Secret>,
    pub(crate) generation: u64,
    /// The token is within the refresh margin of its expiry, and there is a refresh token.
    pub(crate) refresh_due: bool,
    /// The token has expired.
    pub(crate) expired: bool,
}

/// A client's token and how it is renewed: set by `authenticate` (or by hand), refreshed ahead of
/// its expiry, one refresh at a time however many calls are waiting for it. Its `Debug` shows no
/// token.
pub struct Session {
    state: RwLock<State>,
    pub(crate) refresh_lock: tokio::sync::Mutex<()>,
    margin: Duration,
    source: Option<Arc<dyn TokenSource>>,
    refreshes: AtomicU64,
}

impl fmt::Debug for Session {
    #[inline]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.read();
        f.debug_struct("Session")
            .field("tokens", &state.tokens)
            .field("margin", &self.margin)
            .field("source", &self.source.as_ref().map(|_| "TokenSource"))
            .field("refreshes", &self.refreshes())
            .finish()
    }
}

impl Default for Session {
    #[inline]
    fn default() -> Self {
        Session::new()
    }
}

impl Session {
    /// A session without a token, refreshing 5 minutes ahead of expiry.
    #[inline]
    pub fn new() -> Self {
        Session {
            state: RwLock::new(State::default()),
            refresh_lock: tokio::sync::Mutex::new(()),
            margin: Duration::from_secs(300),
            source: None,
            refreshes: AtomicU64::new(0),
        }
    }

    /// Refreshes this long before the token expires. A token that lives less than twice the
    /// margin is refreshed halfway through its life instead.
    #[must_use]
    #[inline]
    pub fn with_margin(mut self, margin: Duration) -> Self {
        self.margin = margin;
        self
    }

    /// Takes every token from `source` instead of keeping one.
    #[must_use]
    #[inline]
    pub fn with_source(mut self, source: Arc<dyn TokenSource>) -> Self {
        self.source = Some(source);
        self
    }

    /// Takes every token from `f`, an async function given the token the API has just refused as
    /// expired (if it did), which it must not hand out again.
    #[must_use]
    #[inline]
    pub fn with_token_fn<F, Fut>(self, f: F) -> Self
    where
        F: Fn(Option<Secret>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<Secret, TransportError>> + Send + 'static,
    {
        self.with_source(Arc::new(TokenFn(f)))
    }

    /// The source tokens come from, when they are managed outside the client.
    #[inline]
    pub fn source(&self) -> Option<&Arc<dyn TokenSource>> {
        self.source.as_ref()
    }

    /// Replaces the tokens (`None` forgets them).
    #[inline]
    pub fn set(&self, tokens: Option<Tokens>) {
        let mut state = self.state.write().unwrap_or_else(PoisonError::into_inner);
        state.obtained_at = tokens.as_ref().map(|_| SystemTime::now());
        state.tokens = tokens;
        state.generation = state.generation.wrapping_add(1);
    }

    /// The tokens held now.
    #[inline]
    pub fn tokens(&self) -> Option<Tokens> {
        self.read().tokens.clone()
    }

    /// How many times the session has refreshed its token.
    #[inline]
    pub fn refreshes(&self) -> u64 {
        self.refreshes.load(Ordering::Relaxed)
    }

    #[inline]
    pub(crate) fn count_refresh(&self) {
        self.refreshes.fetch_add(1, Ordering::Relaxed);
    }

    #[inline]
    pub(crate) fn generation(&self) -> u64 {
        self.read().generation
    }

    #[inline]
    pub(crate) fn snapshot(&self) -> Snapshot {
        let state = self.read();
        let now = SystemTime::now();
        let (mut refresh_due, mut expired) = (false, false);
        if let Some(tokens) = &state.tokens {
            if let Some(expires_at) = tokens.expires_at {
                let life = state.obtained_at.and_then(|o| expires_at.duration_since(o).ok()).unwrap_or_default();
                let margin = self.margin.min(life / 2);
                expired = now >= expires_at;
                refresh_due = tokens.refresh_token.is_some() && now + margin >= expires_at;
            }
        }
        Snapshot { token: state.tokens.as_ref().map(|t| t.token.clone()), generation: state.generation, refresh_due, expired }
    }

    #[inline]
    fn read(&self) -> std::sync::RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jwt(claims: &Value) -> String {
        let encode = |v: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v);
        format!("{}.{}.{}", encode(br#"{"alg":"HS256"}"#), encode(claims.to_string().as_bytes()), encode(b"sig"))
    }

    #[test]
    fn expiry_comes_from_the_payload_object_or_string_or_the_jwt() {
        let t = |s| UNIX_EPOCH + Duration::from_secs(s);
        let object = serde_json::json!({ "token": "a", "refreshToken": "r", "refreshExpiresIn": 2000, "payload": { "exp": 1000 } });
        let tokens = Tokens::from_payload(&object).unwrap();
        assert_eq!((tokens.expires_at, tokens.refresh_expires_at), (Some(t(1000)), Some(t(2000))));
        assert_eq!(tokens.refresh_token, Some(Secret::new("r")));

        let string = serde_json::json!({ "token": "a", "payload": "{\"exp\": 1500, \"sub\": \"x\"}" });
        assert_eq!(Tokens::from_payload(&string).unwrap().expires_at, Some(t(1500)));

        let token = jwt(&serde_json::json!({ "exp": 1700 }));
        let bare = serde_json::json!({ "token": token, "payload": null });
        assert_eq!(Tokens::from_payload(&bare).unwrap().expires_at, Some(t(1700)));
        assert_eq!(Tokens::new(token).expires_at, Some(t(1700)));

        assert_eq!(Tokens::new("not-a-jwt").expires_at, None);
        assert_eq!(Tokens::new("a.!!!.c").expires_at, None);
        assert!(Tokens::from_payload(&serde_json::json!({ "token": null })).is_none());
    }

    #[test]
    fn a_refresh_is_due_within_the_margin_or_halfway_through_a_short_life() {
        let session = Session::new().with_margin(Duration::from_secs(60));
        let soon = |secs| Tokens {
            token: Secret::new("t"),
            refresh_token: Some(Secret::new("r")),
            expires_at: Some(SystemTime::now() + Duration::from_secs(secs)),
            refresh_expires_at: None,
        };
        session.set(Some(soon(3600)));
        assert!(!session.snapshot().refresh_due);
        session.set(Some(soon(30)));
        assert!(!session.snapshot().refresh_due, "a 30 s token is refreshed after 15 s, not at once");
        session.set(Some(Tokens { expires_at: Some(SystemTime::now() - Duration::from_secs(1)), ..soon(0) }));
        let s = session.snapshot();
        assert!(s.refresh_due && s.expired);
        session.set(Some(Tokens { refresh_token: None, ..soon(0) }));
        assert!(!session.snapshot().refresh_due, "nothing to refresh with");
    }

    #[test]
    fn debug_shows_no_token() {
        let session = Session::new();
        session.set(Some(Tokens { refresh_token: Some(Secret::new("refresh-secret")), ..Tokens::new("token-secret") }));
        let debug = format!("{session:?}");
        assert!(!debug.contains("secret"), "{debug}");
    }

    #[test]
    fn every_set_is_a_new_generation() {
        let session = Session::new();
        let g = session.generation();
        session.set(Some(Tokens::new("a")));
        assert_ne!(session.generation(), g);
        assert_eq!(session.snapshot().token, Some(Secret::new("a")));
    }
}
