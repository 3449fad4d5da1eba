//! When a failed call is sent again, and how long to wait first.
//!
//! Kraken answers most failures with HTTP 200 and an error code, and its `errorType` is not
//! reliable (`KT-CT-1124` arrives as `APPLICATION`), so failures are classified by code. A query is
//! sent again after a rate-limit refusal, a transient error or a lost connection; a mutation only
//! when the failure proves it did not run: a rate-limit refusal (`KT-CT-1199`, HTTP 429) or a
//! connection that was never made. Authentication failures are never repeated (a login failure
//! repeated can lock the account); an expired token is the session's business, not the policy's.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher as _, Hasher as _};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use super::transport::{OperationKind, TransportError, TransportErrorKind};

/// What a Kraken error code means for sending the call again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CodeClass {
    /// `KT-CT-1124`, the token expired: refresh it, then send the call again once.
    TokenExpired,
    /// The caller is not authenticated or the credentials are wrong: never sent again.
    Authentication,
    /// A rate limit refused the request before it ran.
    RateLimit,
    /// A failure that may pass on its own (`KT-CT-4340`, `KT-CT-7899`).
    Transient,
    /// Anything else: sending it again would fail the same way.
    Other,
}

/// The class of a Kraken error code. The codes are Kraken's generic ones, which open-source
/// clients match on: `KT-CT-1124` (expired), `KT-CT-1112`, `1120`, `1134`, `1135`, `1138`, `1139`,
/// `1143` (authentication), `KT-CT-1199` (rate limit), `KT-CT-4340` and `KT-CT-7899` (transient).
#[inline]
pub fn class_of(code: &str) -> CodeClass {
    match code {
        "KT-CT-1124" => CodeClass::TokenExpired,
        "KT-CT-1112" | "KT-CT-1120" | "KT-CT-1134" | "KT-CT-1135" | "KT-CT-1138" | "KT-CT-1139" | "KT-CT-1143" => {
            CodeClass::Authentication
        }
        "KT-CT-1199" => CodeClass::RateLimit,
        "KT-CT-4340" | "KT-CT-7899" => CodeClass::Transient,
        _ => CodeClass::Other,
    }
}

/// How failed calls are sent again: bounded attempts and total time, exponential back-off with
/// jitter, and the server's `Retry-After` honoured.
///
/// The default makes at most 4 attempts in 30 s, waiting about 0.2 s, 0.4 s, 0.8 s (never more
/// than 10 s at once). [`RetryPolicy::never`] sends every call once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_elapsed: Duration,
    jitter: bool,
}

impl Default for RetryPolicy {
    #[inline]
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(10),
            max_elapsed: Duration::from_secs(30),
            jitter: true,
        }
    }
}

impl RetryPolicy {
    /// The default policy.
    #[inline]
    pub fn new() -> Self {
        RetryPolicy::default()
    }

    /// A policy that sends every call once.
    #[inline]
    pub fn never() -> Self {
        RetryPolicy { max_attempts: 1, ..RetryPolicy::default() }
    }

    /// At most `attempts` sends of one call, the first included (at least 1).
    #[must_use]
    #[inline]
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The wait before the first retry; each later one doubles it.
    #[must_use]
    #[inline]
    pub fn with_initial_backoff(mut self, wait: Duration) -> Self {
        self.initial_backoff = wait;
        self
    }

    /// The longest single wait, `Retry-After` included.
    #[must_use]
    #[inline]
    pub fn with_max_backoff(mut self, wait: Duration) -> Self {
        self.max_backoff = wait;
        self
    }

    /// No retry starts later than this after the first send.
    #[must_use]
    #[inline]
    pub fn with_max_elapsed(mut self, total: Duration) -> Self {
        self.max_elapsed = total;
        self
    }

    /// Waits exactly the back-off, without the random part (for tests and reproducible timing).
    #[must_use]
    #[inline]
    pub fn without_jitter(mut self) -> Self {
        self.jitter = false;
        self
    }

    /// The most sends of one call.
    #[inline]
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The wait before retry number `retry` (1 for the first retry): the back-off doubled per
    /// retry and capped, with jitter between half of it and all of it, or the server's
    /// `retry_after` when that is longer (capped too).
    #[inline]
    pub fn backoff(&self, retry: u32, retry_after: Option<Duration>) -> Duration {
        let exponent = retry.saturating_sub(1).min(20);
        let base = self.initial_backoff.saturating_mul(1 << exponent).min(self.max_backoff);
        let wait = if self.jitter && !base.is_zero() {
            let half = base / 2;
            half + Duration::from_nanos(random() % (half.as_nanos().max(1) as u64))
        } else {
            base
        };
        wait.max(retry_after.unwrap_or_default()).min(self.max_backoff)
    }

    /// Whether a call that already took `elapsed` over `attempts` sends may be sent again after
    /// waiting `wait`.
    #[inline]
    pub fn allows(&self, attempts: u32, elapsed: Duration, wait: Duration) -> bool {
        attempts < self.max_attempts && elapsed.saturating_add(wait) <= self.max_elapsed
    }
}

/// Whether a call of `kind` that failed with `error` may be sent again: a connection never made
/// and an HTTP 429 refusal for any call; timeouts, unreadable bodies and gateway errors (502, 503,
/// 504) only for queries, since a mutation may have run.
#[inline]
pub fn retryable_transport(kind: OperationKind, error: &TransportError) -> bool {
    match error.kind() {
        TransportErrorKind::Connect | TransportErrorKind::Status(429) => true,
        TransportErrorKind::Timeout | TransportErrorKind::Body | TransportErrorKind::Status(502..=504) => {
            kind == OperationKind::Query
        }
        _ => false,
    }
}

/// Whether a call of `kind` whose response carried the error `codes` may be sent again: every code
/// must be a rate-limit refusal, or, for a query, that or transient. A response with an error
/// without a code (a malformed document) is not sent again.
#[inline]
pub fn retryable_codes(kind: OperationKind, codes: &[Option<&str>]) -> bool {
    !codes.is_empty()
        && codes.iter().all(|code| match code.map(class_of) {
            Some(CodeClass::RateLimit) => true,
            Some(CodeClass::Transient) => kind == OperationKind::Query,
            _ => false,
        })
}

/// A number for jitter, different on every call (not for anything that needs to be unpredictable).
#[inline]
fn random() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap_and_honours_retry_after() {
        let p = RetryPolicy::new().without_jitter().with_initial_backoff(Duration::from_millis(100)).with_max_backoff(Duration::from_secs(1));
        let waits: Vec<_> = (1..=6).map(|n| p.backoff(n, None).as_millis()).collect();
        assert_eq!(waits, [100, 200, 400, 800, 1000, 1000]);
        assert_eq!(p.backoff(1, Some(Duration::from_millis(700))), Duration::from_millis(700));
        assert_eq!(p.backoff(1, Some(Duration::from_secs(60))), Duration::from_secs(1));
        assert_eq!(p.backoff(u32::MAX, None), Duration::from_secs(1));
    }

    #[test]
    fn jitter_stays_between_half_and_all_of_the_backoff() {
        let p = RetryPolicy::new().with_initial_backoff(Duration::from_millis(100));
        let waits: Vec<_> = (0..200).map(|_| p.backoff(1, None)).collect();
        assert!(waits.iter().all(|w| *w >= Duration::from_millis(50) && *w < Duration::from_millis(100)), "{waits:?}");
        assert!(waits.iter().any(|w| *w != waits[0]), "jitter varies");
    }

    #[test]
    fn attempts_and_elapsed_time_are_bounded() {
        let p = RetryPolicy::new().with_max_attempts(3).with_max_elapsed(Duration::from_secs(1));
        assert!(p.allows(1, Duration::ZERO, Duration::from_millis(10)));
        assert!(p.allows(2, Duration::ZERO, Duration::from_millis(10)));
        assert!(!p.allows(3, Duration::ZERO, Duration::from_millis(10)));
        assert!(!p.allows(1, Duration::from_millis(995), Duration::from_millis(10)));
        assert!(!RetryPolicy::never().allows(1, Duration::ZERO, Duration::ZERO));
    }

    #[test]
    fn mutations_are_retried_only_when_they_cannot_have_run() {
        use OperationKind::{Mutation, Query};
        let connect = TransportError::new("refused").with_kind(TransportErrorKind::Connect);
        let timeout = TransportError::new("slow").with_kind(TransportErrorKind::Timeout);
        let gateway = TransportError::new("bad gateway").with_status(502);
        let too_many = TransportError::new("slow down").with_status(429);
        let forbidden = TransportError::new("no").with_status(403);
        assert!(retryable_transport(Mutation, &connect) && retryable_transport(Mutation, &too_many));
        assert!(!retryable_transport(Mutation, &timeout) && !retryable_transport(Mutation, &gateway));
        assert!(retryable_transport(Query, &timeout) && retryable_transport(Query, &gateway));
        assert!(!retryable_transport(Query, &forbidden));

        assert!(retryable_codes(Mutation, &[Some("KT-CT-1199")]));
        assert!(!retryable_codes(Mutation, &[Some("KT-CT-4340")]));
        assert!(retryable_codes(Query, &[Some("KT-CT-4340"), Some("KT-CT-1199")]));
        assert!(!retryable_codes(Query, &[Some("KT-CT-4340"), Some("KT-CT-5450")]));
        assert!(!retryable_codes(Query, &[Some("KT-CT-1138")]), "a failed login is never repeated");
        assert!(!retryable_codes(Query, &[None]));
        assert!(!retryable_codes(Query, &[]));
    }

    #[test]
    fn codes_are_classified() {
        assert_eq!(class_of("KT-CT-1124"), CodeClass::TokenExpired);
        assert_eq!(class_of("KT-CT-1138"), CodeClass::Authentication);
        assert_eq!(class_of("KT-CT-1199"), CodeClass::RateLimit);
        assert_eq!(class_of("KT-CT-7899"), CodeClass::Transient);
        assert_eq!(class_of("KT-CT-4177"), CodeClass::Other);
    }
}
