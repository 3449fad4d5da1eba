//! Real sessions for the mock (`krakengen mock --token-ttl`): the token mutation issues signed JWTs
//! with an expiry and a refresh token, and every operation that is not public requires a token the
//! mock issued and that has not expired, as Kraken does. Clients' session handling (refresh ahead
//! of expiry, refresh on `KT-CT-1124`, one refresh for many calls) is tested against it.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use krakengen_server::auth::{token_of, JwtAuthenticator, KeyError};
use krakengen_server::error::KrakenError;
use serde::Serialize;

/// The password the mock refuses, so that tests can see a failed login (`KT-CT-1138`); every
/// other non-empty password is accepted.
pub const WRONG_PASSWORD: &str = "wrong-password";

/// How long a refresh token lives.
const REFRESH_TTL: Duration = Duration::from_secs(7 * 24 * 3600);

/// The most refresh tokens kept; beyond it the oldest half is forgotten, so that a caller logging in
/// in a loop cannot grow the mock without bound.
const MAX_REFRESH_TOKENS: usize = 10_000;

#[derive(Debug, Serialize)]
struct Claims {
    sub: String,
    exp: u64,
    iat: u64,
    /// Makes two tokens issued in the same second differ.
    jti: u64,
}

/// What the mock counts, for tests that check how a client behaved.
#[derive(Debug, Default)]
pub struct Stats {
    requests: AtomicU64,
    logins: AtomicU64,
    refreshes: AtomicU64,
    failures: AtomicU64,
}

impl Stats {
    /// HTTP requests received.
    pub fn requests(&self) -> u64 {
        self.requests.load(Ordering::SeqCst)
    }

    /// Tokens issued for credentials.
    pub fn logins(&self) -> u64 {
        self.logins.load(Ordering::SeqCst)
    }

    /// Tokens issued for a refresh token.
    pub fn refreshes(&self) -> u64 {
        self.refreshes.load(Ordering::SeqCst)
    }

    /// Requests answered with the transient failure of `--fail-every`.
    pub fn failures(&self) -> u64 {
        self.failures.load(Ordering::SeqCst)
    }

    /// Counts a request; `true` when it is one that `fail_every` fails.
    pub(crate) fn request(&self, fail_every: Option<u64>) -> bool {
        let n = self.requests.fetch_add(1, Ordering::SeqCst) + 1;
        let fail = fail_every.is_some_and(|every| every > 0 && n % every == 0);
        if fail {
            self.failures.fetch_add(1, Ordering::SeqCst);
        }
        fail
    }
}

/// The issuer and checker of the mock's tokens.
pub struct Sessions {
    ttl: Duration,
    encoding: EncodingKey,
    /// The server runtime's verifier, with the mock's key: what a generated server would check.
    verifier: JwtAuthenticator,
    /// Live refresh tokens and the subject each was issued to; each is used once.
    refresh: Mutex<HashMap<String, (String, SystemTime)>>,
    next_id: AtomicU64,
}

impl std::fmt::Debug for Sessions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sessions").field("ttl", &self.ttl).finish_non_exhaustive()
    }
}

fn now() -> SystemTime {
    SystemTime::now()
}

fn unix(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// Random bytes from the operating system.
fn random_bytes<const N: usize>() -> Result<[u8; N], getrandom::Error> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes)?;
    Ok(bytes)
}

/// Why the sessions could not start.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("no random bytes for the signing key: {0}")]
    Random(getrandom::Error),
    #[error("the signing key was refused: {0}")]
    Key(#[from] jsonwebtoken::errors::Error),
    #[error(transparent)]
    Verifier(#[from] KeyError),
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Sessions {
    /// Sessions whose tokens live `ttl`, signed with a random key of this process only.
    pub fn new(ttl: Duration) -> Result<Self, SessionError> {
        let key: [u8; 32] = random_bytes().map_err(SessionError::Random)?;
        Ok(Sessions {
            ttl,
            encoding: EncodingKey::from_secret(&key)?,
            // Expiry to the second, as the tests of clients' refresh need it.
            verifier: JwtAuthenticator::hs256(&key)?.with_leeway(0),
            refresh: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(0),
        })
    }

    /// How long a token lives.
    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// Answers the token mutation: credentials (`email` and `password`, or `APIKey`) or a
    /// `refreshToken` in the `input` argument give a new token and refresh token.
    pub(crate) fn obtain(&self, arguments: &serde_json::Value, stats: &Stats) -> Result<serde_json::Value, KrakenError> {
        let input = arguments.get("input").unwrap_or(arguments);
        let text = |key: &str| input.get(key).and_then(serde_json::Value::as_str).filter(|s| !s.is_empty());
        if let Some(refresh) = input.get("refreshToken") {
            let refresh = refresh.as_str().unwrap_or_default();
            let subject = {
                let mut live = self.refresh.lock().unwrap_or_else(|e| e.into_inner());
                live.remove(refresh).filter(|(_, expires)| *expires > now()).map(|(subject, _)| subject)
            };
            let Some(subject) = subject else {
                return Err(KrakenError::new("VALIDATION", "KT-CT-1135", "Invalid data."));
            };
            stats.refreshes.fetch_add(1, Ordering::SeqCst);
            return self.issue(&subject);
        }
        let subject = match (text("email"), text("password"), text("APIKey")) {
            (Some(email), Some(password), _) if password != WRONG_PASSWORD => email.to_string(),
            (_, _, Some(_)) => "api-key-user".to_string(),
            _ => return Err(KrakenError::new("VALIDATION", "KT-CT-1138", "Invalid email or password.")),
        };
        stats.logins.fetch_add(1, Ordering::SeqCst);
        self.issue(&subject)
    }

    fn issue(&self, subject: &str) -> Result<serde_json::Value, KrakenError> {
        let issued = now();
        let claims = Claims {
            sub: subject.to_string(),
            exp: unix(issued + self.ttl),
            iat: unix(issued),
            jti: self.next_id.fetch_add(1, Ordering::SeqCst),
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|_| KrakenError::new("APPLICATION", "KT-CT-1000", "The token could not be signed."))?;
        let refresh = hex(&random_bytes::<24>().map_err(|_| KrakenError::new("APPLICATION", "KT-CT-1000", "No refresh token could be made."))?);
        let refresh_expires = issued + REFRESH_TTL;
        {
            let mut live = self.refresh.lock().unwrap_or_else(|e| e.into_inner());
            if live.len() >= MAX_REFRESH_TOKENS {
                let mut by_age: Vec<(String, SystemTime)> = live.iter().map(|(k, (_, t))| (k.clone(), *t)).collect();
                by_age.sort_by_key(|(_, t)| *t);
                for (k, _) in by_age.into_iter().take(MAX_REFRESH_TOKENS / 2) {
                    live.remove(&k);
                }
            }
            live.insert(refresh.clone(), (subject.to_string(), refresh_expires));
        }
        Ok(serde_json::json!({
            "token": token,
            "refreshToken": refresh,
            "refreshExpiresIn": unix(refresh_expires),
            "payload": { "sub": claims.sub, "exp": claims.exp, "iat": claims.iat },
        }))
    }

    /// Checks the `Authorization` header of a call to an operation that is not public: a token
    /// this mock issued (bare, or after `JWT ` or `Bearer `), not expired, checked by the server
    /// runtime's [`JwtAuthenticator`].
    pub(crate) fn verify(&self, authorization: Option<&str>) -> Result<(), KrakenError> {
        let Some(header) = authorization.map(str::trim).filter(|h| !h.is_empty()) else {
            return Err(KrakenError::new("AUTHORIZATION", "KT-CT-1112", "'Authorization' header not provided."));
        };
        // `KT-CT-1124` once expired, `KT-CT-1139` for anything else, as a generated server answers.
        self.verifier.verify(token_of(header), None).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn login(sessions: &Sessions, stats: &Stats) -> serde_json::Value {
        sessions.obtain(&serde_json::json!({ "input": { "email": "a@b.c", "password": "p" } }), stats).unwrap()
    }

    #[test]
    fn tokens_are_issued_verified_and_refreshed_once() {
        let (sessions, stats) = (Sessions::new(Duration::from_secs(60)).unwrap(), Stats::default());
        let issued = login(&sessions, &stats);
        let token = issued["token"].as_str().unwrap();
        sessions.verify(Some(token)).unwrap();
        sessions.verify(Some(&format!("JWT {token}"))).unwrap();
        assert!(issued["payload"]["exp"].as_u64().unwrap() >= unix(now()) + 59);
        let refresh = serde_json::json!({ "input": { "refreshToken": issued["refreshToken"] } });
        let renewed = sessions.obtain(&refresh, &stats).unwrap();
        assert_ne!(renewed["token"], issued["token"]);
        assert_eq!(sessions.obtain(&refresh, &stats).unwrap_err().code, "KT-CT-1135", "a refresh token is used once");
        assert_eq!((stats.logins(), stats.refreshes()), (1, 1));
    }

    #[test]
    fn bad_tokens_and_credentials_are_refused_with_kraken_codes() {
        let (sessions, stats) = (Sessions::new(Duration::ZERO).unwrap(), Stats::default());
        let issued = login(&sessions, &stats);
        std::thread::sleep(Duration::from_millis(1100));
        assert_eq!(sessions.verify(issued["token"].as_str()).unwrap_err().code, "KT-CT-1124");
        assert_eq!(sessions.verify(None).unwrap_err().code, "KT-CT-1112");
        assert_eq!(sessions.verify(Some("junk")).unwrap_err().code, "KT-CT-1139");
        let other = Sessions::new(Duration::from_secs(60)).unwrap().obtain(&serde_json::json!({ "APIKey": "k" }), &stats).unwrap();
        assert_eq!(sessions.verify(other["token"].as_str()).unwrap_err().code, "KT-CT-1139", "another key's token");
        let wrong = serde_json::json!({ "input": { "email": "a@b.c", "password": WRONG_PASSWORD } });
        assert_eq!(sessions.obtain(&wrong, &stats).unwrap_err().code, "KT-CT-1138");
    }

    #[test]
    fn every_nth_request_fails() {
        let stats = Stats::default();
        let failed: Vec<bool> = (0..6).map(|_| stats.request(Some(3))).collect();
        assert_eq!(failed, [false, false, true, false, false, true]);
        assert!(!(0..10).any(|_| stats.request(None)));
        assert_eq!(stats.failures(), 2);
    }
}
