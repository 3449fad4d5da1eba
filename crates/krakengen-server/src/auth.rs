//! Who is calling, verified: the [`Authenticator`] a deployed server takes its callers from, and
//! [`JwtAuthenticator`], which verifies Kraken-style JSON Web Tokens with `jsonwebtoken`.
//!
//! A request without an `Authorization` header is an anonymous caller (public operations only);
//! a request with one must carry a token that verifies, or it is refused before any resolver runs:
//! `KT-CT-1124` when the token expired, `KT-CT-1139` for anything else. The token is read bare
//! (Kraken's form) or after `Bearer ` or `JWT `.

use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;

use axum::http::HeaderMap;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};

use crate::error::KrakenError;
use crate::policy::Caller;

/// The future an [`Authenticator`] returns.
pub type AuthFuture<'a> = Pin<Box<dyn Future<Output = Result<Caller, KrakenError>> + Send + 'a>>;

/// Turns a request's headers (and the peer address) into a verified [`Caller`], or a refusal sent
/// to the caller as a Kraken error.
pub trait Authenticator: Send + Sync + 'static {
    fn caller<'a>(&'a self, headers: &'a HeaderMap, ip: Option<IpAddr>) -> AuthFuture<'a>;
}

/// The longest token read; a longer `Authorization` header is refused unread.
const MAX_TOKEN_BYTES: usize = 16 * 1024;
/// The most permissions taken from one token.
const MAX_PERMISSIONS: usize = 1024;

/// Why a [`JwtAuthenticator`] could not be made.
#[derive(Debug, thiserror::Error)]
#[error("the verification key is not usable: {0}")]
pub struct KeyError(#[from] jsonwebtoken::errors::Error);

/// Verifies JWTs: the signature with one key and one algorithm (no other is accepted, `none`
/// never), `exp` (required) and `nbf`, and `iss` and `aud` when set. The caller's identity is
/// `sub`; its permissions are the list of strings in a claim (`permissions` by default).
pub struct JwtAuthenticator {
    key: DecodingKey,
    validation: Validation,
    permissions_claim: String,
}

impl std::fmt::Debug for JwtAuthenticator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JwtAuthenticator")
            .field("algorithms", &self.validation.algorithms)
            .field("permissions_claim", &self.permissions_claim)
            .finish_non_exhaustive()
    }
}

impl JwtAuthenticator {
    fn with(key: DecodingKey, algorithm: Algorithm) -> Self {
        let mut validation = Validation::new(algorithm);
        validation.algorithms = vec![algorithm];
        validation.validate_nbf = true;
        validation.leeway = 30;
        validation.set_required_spec_claims(&["exp", "sub"]);
        JwtAuthenticator { key, validation, permissions_claim: "permissions".into() }
    }

    /// Tokens signed with HMAC-SHA256 and `secret`.
    pub fn hs256(secret: &[u8]) -> Result<Self, KeyError> {
        Ok(Self::with(DecodingKey::from_secret(secret)?, Algorithm::HS256))
    }

    /// Tokens signed with RSA (RS256), verified with the public key in `pem`.
    pub fn rs256_pem(pem: &[u8]) -> Result<Self, KeyError> {
        Ok(Self::with(DecodingKey::from_rsa_pem(pem)?, Algorithm::RS256))
    }

    /// Tokens signed with ECDSA P-256 (ES256), verified with the public key in `pem`.
    pub fn es256_pem(pem: &[u8]) -> Result<Self, KeyError> {
        Ok(Self::with(DecodingKey::from_ec_pem(pem)?, Algorithm::ES256))
    }

    /// Allows `exp` and `nbf` to be off by this many seconds (default 30, for clocks that drift).
    #[must_use]
    pub fn with_leeway(mut self, seconds: u64) -> Self {
        self.validation.leeway = seconds;
        self
    }

    /// Requires the `iss` claim to be `issuer`.
    #[must_use]
    pub fn with_issuer(mut self, issuer: &str) -> Self {
        self.validation.set_issuer(&[issuer]);
        self.validation.required_spec_claims.insert("iss".into());
        self
    }

    /// Requires the `aud` claim to name `audience`.
    #[must_use]
    pub fn with_audience(mut self, audience: &str) -> Self {
        self.validation.set_audience(&[audience]);
        self.validation.required_spec_claims.insert("aud".into());
        self
    }

    /// Reads the permissions from the claim `name` (a list of strings) instead of `permissions`.
    #[must_use]
    pub fn with_permissions_claim(mut self, name: &str) -> Self {
        self.permissions_claim = name.to_string();
        self
    }

    /// The caller a token stands for, or the refusal.
    pub fn verify(&self, token: &str, ip: Option<IpAddr>) -> Result<Caller, KrakenError> {
        let invalid = || KrakenError::new("AUTHORIZATION", "KT-CT-1139", "Invalid token.");
        if token.len() > MAX_TOKEN_BYTES {
            return Err(invalid());
        }
        let claims = match jsonwebtoken::decode::<serde_json::Map<String, serde_json::Value>>(token, &self.key, &self.validation) {
            Ok(data) => data.claims,
            Err(e) if matches!(e.kind(), ErrorKind::ExpiredSignature) => {
                return Err(KrakenError::new("AUTHORIZATION", "KT-CT-1124", "Signature of the JWT has expired."))
            }
            Err(_) => return Err(invalid()),
        };
        let user = claims.get("sub").and_then(serde_json::Value::as_str).filter(|s| !s.is_empty()).ok_or_else(invalid)?;
        let granted = match claims.get(&self.permissions_claim) {
            None => Default::default(),
            Some(serde_json::Value::Array(items)) => {
                items.iter().take(MAX_PERMISSIONS).filter_map(serde_json::Value::as_str).map(str::to_string).collect()
            }
            Some(_) => return Err(invalid()),
        };
        Ok(Caller { granted, user: Some(user.to_string()), ip })
    }
}

/// The token of an `Authorization` header: bare, or after `Bearer ` or `JWT `.
pub fn bearer(headers: &HeaderMap) -> Option<Result<&str, KrakenError>> {
    let value = headers.get(axum::http::header::AUTHORIZATION)?;
    let Ok(text) = value.to_str() else {
        return Some(Err(KrakenError::new("AUTHORIZATION", "KT-CT-1143", "Invalid authorization header.")));
    };
    Some(Ok(token_of(text)))
}

/// The token of an `Authorization` header's value: the value itself (Kraken's form), or what
/// follows `Bearer ` or `JWT `.
pub fn token_of(value: &str) -> &str {
    let text = value.trim();
    text.strip_prefix("Bearer ").or_else(|| text.strip_prefix("JWT ")).unwrap_or(text).trim()
}

impl Authenticator for JwtAuthenticator {
    fn caller<'a>(&'a self, headers: &'a HeaderMap, ip: Option<IpAddr>) -> AuthFuture<'a> {
        let caller = match bearer(headers) {
            None => Ok(Caller { ip, ..Caller::default() }),
            Some(Err(e)) => Err(e),
            Some(Ok(token)) => self.verify(token, ip),
        };
        Box::pin(std::future::ready(caller))
    }
}

#[cfg(test)]
mod tests {
    use base64::Engine as _;
    use jsonwebtoken::{EncodingKey, Header};

    use super::*;

    const SECRET: &[u8] = b"a secret of thirty-two bytes....";

    fn now() -> u64 {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
    }

    fn token(claims: serde_json::Value, secret: &[u8]) -> String {
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &EncodingKey::from_secret(secret).unwrap()).unwrap()
    }

    fn auth() -> JwtAuthenticator {
        JwtAuthenticator::hs256(SECRET).unwrap()
    }

    #[test]
    fn a_valid_token_gives_its_subject_and_permissions() {
        let t = token(serde_json::json!({ "sub": "user-1", "exp": now() + 60, "permissions": ["Can x", 3, "Can y"] }), SECRET);
        let caller = auth().verify(&t, None).unwrap();
        assert_eq!(caller.user.as_deref(), Some("user-1"));
        assert_eq!(caller.granted.iter().map(String::as_str).collect::<Vec<_>>(), ["Can x", "Can y"]);
        let mut headers = HeaderMap::new();
        headers.insert("authorization", format!("Bearer {t}").parse().unwrap());
        assert_eq!(bearer(&headers).unwrap().unwrap(), t);
    }

    #[test]
    fn bad_tokens_are_refused_with_kraken_codes() {
        let code = |t: &str| auth().verify(t, None).unwrap_err().code;
        assert_eq!(code(&token(serde_json::json!({ "sub": "u", "exp": now() - 120 }), SECRET)), "KT-CT-1124");
        assert_eq!(code(&token(serde_json::json!({ "sub": "u", "exp": now() + 60 }), b"another secret of 32 bytes......")), "KT-CT-1139");
        assert_eq!(code(&token(serde_json::json!({ "sub": "u" }), SECRET)), "KT-CT-1139", "exp is required");
        assert_eq!(code(&token(serde_json::json!({ "exp": now() + 60 }), SECRET)), "KT-CT-1139", "sub is required");
        assert_eq!(code(&token(serde_json::json!({ "sub": "u", "exp": now() + 60, "nbf": now() + 3600 }), SECRET)), "KT-CT-1139");
        assert_eq!(code(&token(serde_json::json!({ "sub": "u", "exp": now() + 60, "permissions": "Can x" }), SECRET)), "KT-CT-1139");
        // An unsigned token (`alg: none`) with the same claims.
        let b64 = |v: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v);
        let unsigned = format!("{}.{}.", b64(r#"{"alg":"none","typ":"JWT"}"#), b64(&format!(r#"{{"sub":"u","exp":{}}}"#, now() + 60)));
        assert_eq!(code(&unsigned), "KT-CT-1139");
        assert_eq!(code(&"a".repeat(MAX_TOKEN_BYTES + 1)), "KT-CT-1139");
        assert_eq!(code("junk"), "KT-CT-1139");
    }

    #[test]
    fn issuer_and_audience_are_checked_when_set() {
        let strict = auth().with_issuer("https://auth.example").with_audience("oees");
        let good = token(serde_json::json!({ "sub": "u", "exp": now() + 60, "iss": "https://auth.example", "aud": "oees" }), SECRET);
        assert!(strict.verify(&good, None).is_ok());
        let other = token(serde_json::json!({ "sub": "u", "exp": now() + 60, "iss": "https://evil.example", "aud": "oees" }), SECRET);
        assert!(strict.verify(&other, None).is_err());
        let none = token(serde_json::json!({ "sub": "u", "exp": now() + 60 }), SECRET);
        assert!(strict.verify(&none, None).is_err());
    }

    #[test]
    fn no_header_is_an_anonymous_caller() {
        let (headers, a) = (HeaderMap::new(), auth());
        let mut future = a.caller(&headers, None);
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        let std::task::Poll::Ready(caller) = future.as_mut().poll(&mut cx) else { panic!("the authenticator is synchronous") };
        let caller = caller.unwrap();
        assert!(caller.user.is_none() && caller.granted.is_empty());
    }
}
