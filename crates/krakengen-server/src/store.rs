//! Rate-limit counters shared by every replica of a service.
//!
//! A [`Policy`](crate::policy::Policy) counts in its own memory by default, which holds for one
//! process. A service run as several replicas behind a load balancer gives them one
//! [`RateStore`] instead (a [`SharedStore`] in [`Settings::rate_store`](crate::schema::Settings)):
//! [`RedisStore`](crate::redis_store::RedisStore) with the `redis` feature, or a store of the
//! deployer's own. What happens when the store cannot answer is the deployer's choice,
//! [`OnStoreError`]: refuse the call (the default, so that an outage lifts no limit) or let it
//! through.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use crate::model::RatePeriod;

/// One window a call is counted in: the operation, the rate-limit key (`User`, `Ip`, …) and its
/// value for this call, which step of the key's limit, and that step's size. Its `Debug` leaves
/// out the value (a user, an address or an email).
#[derive(Clone)]
pub struct Window<'a> {
    pub operation: &'a str,
    pub key: &'a str,
    pub value: String,
    pub step: usize,
    pub limit: u32,
    pub per: RatePeriod,
    /// A window of failed calls (`Failed logins per ip`): [`RateStore::take`] checks it for room
    /// without counting, and failures are counted by [`RateStore::record`].
    pub failures_only: bool,
}

impl Window<'_> {
    /// How long the window lasts from its first call.
    pub fn period(&self) -> Duration {
        Duration::from_secs(self.per.seconds())
    }
}

impl std::fmt::Debug for Window<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Window")
            .field("operation", &self.operation)
            .field("key", &self.key)
            .field("step", &self.step)
            .field("limit", &self.limit)
            .field("per", &self.per)
            .field("failures_only", &self.failures_only)
            .finish_non_exhaustive()
    }
}

/// Why a store did not answer. The text is for the server's log, not for callers.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the rate-limit store did not answer: {0}")]
pub struct StoreError(pub String);

/// The future a [`RateStore`] returns.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'a>>;

/// Counters kept outside the process. Implementations must answer in bounded time (a timeout
/// of their own), since every guarded call waits for them.
pub trait RateStore: Send + Sync + 'static {
    /// Counts one call in every window that is not `failures_only`, and checks those for room,
    /// all or nothing: `Some(i)` is the first window without room, and then nothing was counted.
    fn take<'a>(&'a self, windows: &'a [Window<'a>]) -> StoreFuture<'a, Option<usize>>;

    /// Counts one failed call in every window given, whatever their limits.
    fn record<'a>(&'a self, windows: &'a [Window<'a>]) -> StoreFuture<'a, ()>;
}

/// What a guarded call does when the store cannot answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnStoreError {
    /// Refuse it with Kraken's internal error (`KT-CT-7899`, the error logged with a
    /// correlation id): no limit is lifted by an outage. The default.
    #[default]
    Refuse,
    /// Let it through, logging a warning: the service stays up, its limits down.
    Allow,
}

/// A [`RateStore`] and what to do when it fails, as [`Settings`](crate::schema::Settings) holds
/// it. Cloning shares the store.
#[derive(Clone)]
pub struct SharedStore {
    pub(crate) store: Arc<dyn RateStore>,
    pub(crate) on_error: OnStoreError,
}

impl SharedStore {
    pub fn new(store: impl RateStore, on_error: OnStoreError) -> Self {
        SharedStore { store: Arc::new(store), on_error }
    }
}

impl std::fmt::Debug for SharedStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SharedStore").field("on_error", &self.on_error).finish_non_exhaustive()
    }
}

/// The same store (not an equal one) with the same choice.
impl PartialEq for SharedStore {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.store, &other.store) && self.on_error == other.on_error
    }
}

impl Eq for SharedStore {}

#[cfg(test)]
mod tests {
    use super::*;

    struct Never;

    impl RateStore for Never {
        fn take<'a>(&'a self, _: &'a [Window<'a>]) -> StoreFuture<'a, Option<usize>> {
            Box::pin(async { Err(StoreError("never".into())) })
        }
        fn record<'a>(&'a self, _: &'a [Window<'a>]) -> StoreFuture<'a, ()> {
            Box::pin(async { Err(StoreError("never".into())) })
        }
    }

    #[test]
    fn debug_leaves_out_values_and_equality_is_identity() {
        let w = Window { operation: "login", key: "Email from graphql input fields", value: "me@example.com".into(), step: 0, limit: 5, per: RatePeriod::Minute, failures_only: false };
        let shown = format!("{w:?}");
        assert!(shown.contains("login") && shown.contains("limit: 5") && !shown.contains("me@example.com"), "{shown}");
        let a = SharedStore::new(Never, OnStoreError::Refuse);
        assert_eq!(format!("{a:?}"), "SharedStore { on_error: Refuse, .. }");
        assert_eq!(a, a.clone(), "a clone shares the store");
        assert_ne!(a, SharedStore { on_error: OnStoreError::Allow, ..a.clone() }, "another choice");
        assert_ne!(a, SharedStore::new(Never, OnStoreError::Refuse), "another store");
    }
}
