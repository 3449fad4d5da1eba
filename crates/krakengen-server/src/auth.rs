//! Who is calling, verified: the [`Authenticator`] a deployed server takes its callers from, and
//! [`JwtAuthenticator`], which verifies Kraken-style JSON Web Tokens with `jsonwebtoken`.
//!
//! A request without an `Authorization` header is an anonymous caller (public operations only);
//! a request with one must carry a token that verifies, or it is refused before any resolver runs:
//! `KT-CT-1124` when the token expired, `KT-CT-1139` for anything else. The token is read bare
//! (Kraken's form) or after `Bearer ` or `JWT `.
//!
//! Keys come from a secret, a PEM public key, or a JWKS document (the `keys` an identity provider
//! publishes): there the token's `kid` picks the key, and the key's algorithm must be one the
//! deployer allowed.

use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;

use axum::http::HeaderMap;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::jwk::{JwkSet, PublicKeyUse};
use jsonwebtoken::{DecodingKey, Validation};

/// The signature algorithms, as [`JwtAuthenticator::jwks`] takes them.
pub use jsonwebtoken::Algorithm;

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

/// The most keys read from one JWKS document.
const MAX_JWKS_KEYS: usize = 256;

/// Why a [`JwtAuthenticator`] could not be made.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("the verification key is not usable: {0}")]
    Key(#[from] jsonwebtoken::errors::Error),
    #[error("the JWKS document is not usable: {0}")]
    Jwks(String),
}

/// The keys tokens are verified with.
enum Keys {
    /// One key, for every token.
    One(DecodingKey),
    /// A JWKS document's signing keys: the token's `kid` names one (a token without `kid` is
    /// taken only when there is a single key), and its `alg` must be that key's.
    Set(Vec<SetKey>),
}

struct SetKey {
    kid: Option<String>,
    algorithm: Algorithm,
    key: DecodingKey,
    /// The authenticator's validation for this key's algorithm alone (jsonwebtoken refuses a
    /// key asked to verify algorithms of another family).
    validation: Validation,
}

/// Verifies JWTs: the signature with one key and one algorithm (no other is accepted, `none`
/// never), `exp` (required) and `nbf`, and `iss` and `aud` when set. The caller's identity is
/// `sub`; its permissions are the list of strings in a claim (`permissions` by default).
pub struct JwtAuthenticator {
    keys: Keys,
    validation: Validation,
    permissions_claim: String,
}

impl std::fmt::Debug for JwtAuthenticator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JwtAuthenticator")
            .field("algorithms", &self.validation.algorithms)
            .field("keys", &match &self.keys {
                Keys::One(_) => 1,
                Keys::Set(keys) => keys.len(),
            })
            .field("permissions_claim", &self.permissions_claim)
            .finish_non_exhaustive()
    }
}

impl JwtAuthenticator {
    fn with(keys: Keys, algorithms: &[Algorithm]) -> Self {
        let mut validation = Validation::new(algorithms[0]);
        validation.algorithms = algorithms.to_vec();
        validation.validate_nbf = true;
        validation.leeway = 30;
        validation.set_required_spec_claims(&["exp", "sub"]);
        let mut authenticator = JwtAuthenticator { keys, validation, permissions_claim: "permissions".into() };
        authenticator.sync_key_validations();
        authenticator
    }

    /// Gives every key of a set the authenticator's validation, restricted to its algorithm.
    fn sync_key_validations(&mut self) {
        if let Keys::Set(keys) = &mut self.keys {
            for k in keys {
                k.validation = self.validation.clone();
                k.validation.algorithms = vec![k.algorithm];
            }
        }
    }

    /// Tokens signed with HMAC-SHA256 and `secret`.
    pub fn hs256(secret: &[u8]) -> Result<Self, KeyError> {
        Ok(Self::with(Keys::One(DecodingKey::from_secret(secret)?), &[Algorithm::HS256]))
    }

    /// Tokens signed with RSA (RS256), verified with the public key in `pem`.
    pub fn rs256_pem(pem: &[u8]) -> Result<Self, KeyError> {
        Ok(Self::with(Keys::One(DecodingKey::from_rsa_pem(pem)?), &[Algorithm::RS256]))
    }

    /// Tokens signed with ECDSA P-256 (ES256), verified with the public key in `pem`.
    pub fn es256_pem(pem: &[u8]) -> Result<Self, KeyError> {
        Ok(Self::with(Keys::One(DecodingKey::from_ec_pem(pem)?), &[Algorithm::ES256]))
    }

    /// Tokens signed with a key of the JWKS document `json` (`{"keys": [...]}`), with one of
    /// `allowed` (at least one; HS256, RS256 and ES256 and their kin). A key is used for the
    /// algorithm its `alg` names, or, without `alg`, for the first allowed algorithm of its type;
    /// keys for encryption, of other algorithms or of unknown types are left out, and a document
    /// left with no key is refused.
    pub fn jwks(json: &[u8], allowed: &[Algorithm]) -> Result<Self, KeyError> {
        if allowed.is_empty() {
            return Err(KeyError::Jwks("no algorithm is allowed".into()));
        }
        let set: JwkSet = serde_json::from_slice(json).map_err(|e| KeyError::Jwks(format!("not a JWKS document ({e})")))?;
        if set.keys.len() > MAX_JWKS_KEYS {
            return Err(KeyError::Jwks(format!("{} keys; at most {MAX_JWKS_KEYS} are read", set.keys.len())));
        }
        let mut keys = Vec::new();
        for jwk in &set.keys {
            if matches!(jwk.common.public_key_use, Some(PublicKeyUse::Encryption | PublicKeyUse::Other(_))) {
                continue;
            }
            let Ok(key) = DecodingKey::from_jwk(jwk) else { continue };
            let algorithm = match jwk.common.key_algorithm.map(Algorithm::try_from) {
                Some(Ok(a)) if allowed.contains(&a) && a.family() == key.family() => a,
                Some(_) => continue,
                None => match allowed.iter().find(|a| a.family() == key.family()) {
                    Some(&a) => a,
                    None => continue,
                },
            };
            keys.push(SetKey { kid: jwk.common.key_id.clone(), algorithm, key, validation: Validation::new(algorithm) });
        }
        if keys.is_empty() {
            return Err(KeyError::Jwks("no signing key of an allowed algorithm".into()));
        }
        Ok(Self::with(Keys::Set(keys), allowed))
    }

    /// Allows `exp` and `nbf` to be off by this many seconds (default 30, for clocks that drift).
    #[must_use]
    pub fn with_leeway(mut self, seconds: u64) -> Self {
        self.validation.leeway = seconds;
        self.sync_key_validations();
        self
    }

    /// Requires the `iss` claim to be `issuer`.
    #[must_use]
    pub fn with_issuer(mut self, issuer: &str) -> Self {
        self.validation.set_issuer(&[issuer]);
        self.validation.required_spec_claims.insert("iss".into());
        self.sync_key_validations();
        self
    }

    /// Requires the `aud` claim to name `audience`.
    #[must_use]
    pub fn with_audience(mut self, audience: &str) -> Self {
        self.validation.set_audience(&[audience]);
        self.validation.required_spec_claims.insert("aud".into());
        self.sync_key_validations();
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
        let (key, validation) = match &self.keys {
            Keys::One(key) => (key, &self.validation),
            Keys::Set(keys) => {
                let header = jsonwebtoken::decode_header(token).map_err(|_| invalid())?;
                let chosen = match header.kid.as_deref() {
                    Some(kid) => keys.iter().find(|k| k.kid.as_deref() == Some(kid)),
                    None if keys.len() == 1 => keys.first(),
                    None => None,
                };
                // The key decides the algorithm, not the token: an RSA key is never used as
                // an HMAC secret.
                match chosen {
                    Some(k) if k.algorithm == header.alg => (&k.key, &k.validation),
                    _ => return Err(invalid()),
                }
            }
        };
        let claims = match jsonwebtoken::decode::<serde_json::Map<String, serde_json::Value>>(token, key, validation) {
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

    /// A valid token of exactly `len` bytes (a padding claim sized to fit).
    fn token_of_length(len: usize) -> String {
        // The claims are about three quarters of the token; start the search a little below.
        ((len * 3 / 4).saturating_sub(300)..len)
            .map(|pad| token(serde_json::json!({ "sub": "u", "exp": now() + 60, "pad": "p".repeat(pad) }), SECRET))
            .find(|t| t.len() == len)
            .expect("a padding that gives the length")
    }

    #[test]
    fn tokens_up_to_16_kb_are_read_and_longer_ones_refused() {
        // A token carrying many permissions is long, and still read.
        let many: Vec<String> = (0..100).map(|i| format!("Can do thing number {i}")).collect();
        let long = token(serde_json::json!({ "sub": "u", "exp": now() + 60, "permissions": many }), SECRET);
        assert!(long.len() > 3000 && auth().verify(&long, None).unwrap().granted.len() == 100);
        assert!(auth().verify(&token_of_length(MAX_TOKEN_BYTES), None).is_ok(), "exactly the most");
        let over = token_of_length(MAX_TOKEN_BYTES + 3);
        assert_eq!(auth().verify(&over, None).unwrap_err().code, "KT-CT-1139", "a valid signature does not make it short");
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

    /// A P-256 key pair made for these tests with `openssl ecparam -name prime256v1 -genkey`.
    const EC_PRIVATE: &[u8] = b"-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgAX03Y/M/xiuCxkaF
tOMne9oUTRG5nc96/PaPvrLgyqihRANCAARRHVnXGP/lCEgkOLkd5uw2fgdj6eal
RP6+h/6hmXdxpKNPuYyS5pfwORvL4sLCXXC9+ftDOKAwusTsy57xqgNv
-----END PRIVATE KEY-----
";
    const EC_PUBLIC: &[u8] = b"-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEUR1Z1xj/5QhIJDi5HebsNn4HY+nm
pUT+vof+oZl3caSjT7mMkuaX8Dkby+LCwl1wvfn7QzigMLrE7Mue8aoDbw==
-----END PUBLIC KEY-----
";

    fn signed(algorithm: Algorithm, kid: Option<&str>, key: &EncodingKey) -> String {
        let mut header = Header::new(algorithm);
        header.kid = kid.map(str::to_string);
        jsonwebtoken::encode(&header, &serde_json::json!({ "sub": "u", "exp": now() + 60 }), key).unwrap()
    }

    /// A JWKS document with an HMAC key `h` and the public EC key `e` (without `alg`).
    fn jwks() -> Vec<u8> {
        let ec = EncodingKey::from_ec_pem(EC_PRIVATE).unwrap();
        let mut e = serde_json::to_value(jsonwebtoken::jwk::Jwk::from_encoding_key(&ec, Algorithm::ES256).unwrap()).unwrap();
        e["kid"] = "e".into();
        e.as_object_mut().unwrap().remove("alg");
        let k = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(SECRET);
        let h = serde_json::json!({ "kty": "oct", "kid": "h", "alg": "HS256", "k": k });
        let unused = serde_json::json!({ "kty": "oct", "kid": "enc", "use": "enc", "k": k });
        serde_json::json!({ "keys": [h, e, unused] }).to_string().into_bytes()
    }

    #[test]
    fn a_jwks_key_is_chosen_by_kid_and_keeps_its_algorithm() {
        let ec = EncodingKey::from_ec_pem(EC_PRIVATE).unwrap();
        let hmac = EncodingKey::from_secret(SECRET).unwrap();
        let both = JwtAuthenticator::jwks(&jwks(), &[Algorithm::ES256, Algorithm::HS256]).unwrap();
        assert!(format!("{both:?}").contains("keys: 2"), "the encryption key is left out: {both:?}");
        assert!(both.verify(&signed(Algorithm::ES256, Some("e"), &ec), None).is_ok());
        assert!(both.verify(&signed(Algorithm::HS256, Some("h"), &hmac), None).is_ok());
        let refused = |a: &JwtAuthenticator, t: String| a.verify(&t, None).unwrap_err().code;
        assert_eq!(refused(&both, signed(Algorithm::ES256, Some("x"), &ec)), "KT-CT-1139", "unknown kid");
        assert_eq!(refused(&both, signed(Algorithm::ES256, None, &ec)), "KT-CT-1139", "no kid among two keys");
        assert_eq!(refused(&both, signed(Algorithm::HS256, None, &hmac)), "KT-CT-1139", "no kid, though the first key would verify");
        // The HMAC key asked to check an ES256 token, and the EC key asked to be an HMAC secret.
        assert_eq!(refused(&both, signed(Algorithm::ES256, Some("h"), &ec)), "KT-CT-1139");
        assert_eq!(refused(&both, signed(Algorithm::HS256, Some("e"), &EncodingKey::from_secret(EC_PUBLIC).unwrap())), "KT-CT-1139");
        assert_eq!(refused(&both, signed(Algorithm::HS256, Some("enc"), &hmac)), "KT-CT-1139", "an encryption key verifies nothing");

        // Only ES256 allowed: the HMAC key is gone, and the one key left needs no kid.
        let ec_only = JwtAuthenticator::jwks(&jwks(), &[Algorithm::ES256]).unwrap();
        assert_eq!(refused(&ec_only, signed(Algorithm::HS256, Some("h"), &hmac)), "KT-CT-1139");
        assert!(ec_only.verify(&signed(Algorithm::ES256, None, &ec), None).is_ok());
        // Issuer and audience apply to every key of the set.
        let strict = JwtAuthenticator::jwks(&jwks(), &[Algorithm::ES256]).unwrap().with_issuer("https://auth.example");
        assert_eq!(refused(&strict, signed(Algorithm::ES256, Some("e"), &ec)), "KT-CT-1139", "no iss");
        // The same key from its PEM agrees.
        assert!(JwtAuthenticator::es256_pem(EC_PUBLIC).unwrap().verify(&signed(Algorithm::ES256, None, &ec), None).is_ok());
    }

    #[test]
    fn unusable_jwks_documents_are_refused() {
        let err = |json: &[u8], allowed: &[Algorithm]| JwtAuthenticator::jwks(json, allowed).unwrap_err().to_string();
        assert!(err(b"{}", &[Algorithm::RS256]).contains("not a JWKS document"));
        assert!(err(b"not json", &[Algorithm::RS256]).contains("not a JWKS document"));
        assert!(err(&jwks(), &[]).contains("no algorithm is allowed"));
        assert!(err(&jwks(), &[Algorithm::RS256]).contains("no signing key"), "{}", err(&jwks(), &[Algorithm::RS256]));
        let keys = |n: usize| serde_json::json!({ "keys": vec![serde_json::json!({"kty": "oct", "k": "c2VjcmV0"}); n] }).to_string();
        assert!(err(keys(MAX_JWKS_KEYS + 1).as_bytes(), &[Algorithm::HS256]).contains("at most 256"));
        assert!(JwtAuthenticator::jwks(keys(MAX_JWKS_KEYS).as_bytes(), &[Algorithm::HS256]).is_ok(), "256 keys are read");
    }

    #[test]
    fn no_header_is_an_anonymous_caller() {
        let (headers, a) = (HeaderMap::new(), auth());
        let mut future = a.caller(&headers, None);
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        let std::task::Poll::Ready(caller) = future.as_mut().poll(&mut cx) else { panic!("the authenticator is synchronous") };
        let caller = caller.unwrap();
        assert!(caller.user.is_none() && caller.granted.is_empty());
        // The address stays, for the `Ip` rate limits of anonymous callers.
        let ip: IpAddr = "192.0.2.7".parse().unwrap();
        let std::task::Poll::Ready(caller) = a.caller(&headers, Some(ip)).as_mut().poll(&mut cx) else { panic!() };
        assert_eq!(caller.unwrap().ip, Some(ip));
    }
}
