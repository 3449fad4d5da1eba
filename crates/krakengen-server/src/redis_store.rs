//! [`RedisStore`]: rate-limit windows in Redis, shared by every replica of a service (feature
//! `redis`).
//!
//! A window is one Redis key, `krakengen:rl:` and the SHA-256 of (operation, key, value, step,
//! period), so no caller-written value is stored and every key has the same size; it expires
//! with its window (`SET … PX … NX`, then `INCR`). A call's windows are checked and counted by
//! one Lua script, atomically: two replicas cannot both take the last call of a window. Every
//! command has a deadline ([`RedisStore::connect_with_timeout`], 500 ms by default), so a Redis that stops
//! answering costs a call that long, and the [`OnStoreError`](crate::store::OnStoreError) of the
//! [`SharedStore`](crate::store::SharedStore) decides its fate. One Redis (or a primary and its
//! replicas) is supported, not Redis Cluster: a script's keys would span slots.

use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};

use crate::store::{RateStore, StoreError, StoreFuture, Window};

/// Checks every window for room (`ARGV`: limit, period in ms, 1 to count or 0 to check only,
/// for each key), then counts those to be counted: 0, or the 1-based index of the first full one.
const TAKE: &str = r"
for i = 1, #KEYS do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  if count >= tonumber(ARGV[3 * i - 2]) then return i end
end
for i = 1, #KEYS do
  if ARGV[3 * i] == '1' then
    redis.call('SET', KEYS[i], 0, 'PX', ARGV[3 * i - 1], 'NX')
    redis.call('INCR', KEYS[i])
  end
end
return 0
";

/// Counts one call in every window (`ARGV`: the period in ms of each key).
const RECORD: &str = r"
for i = 1, #KEYS do
  redis.call('SET', KEYS[i], 0, 'PX', ARGV[i], 'NX')
  redis.call('INCR', KEYS[i])
end
return 0
";

/// Rate-limit windows kept in one Redis. Its `Debug` shows no URL (which may hold a password).
pub struct RedisStore {
    connection: ConnectionManager,
    timeout: Duration,
    take: redis::Script,
    record: redis::Script,
}

impl std::fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisStore").field("timeout", &self.timeout).finish_non_exhaustive()
    }
}

/// The deadline of a connection and of each command, unless [`RedisStore::connect_with_timeout`] says.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_millis(500);

impl RedisStore {
    /// Connects to the Redis at `url` (`redis://host:port/db`, `rediss://` for TLS where the
    /// `redis` crate was built with it), waiting at most [`DEFAULT_TIMEOUT`]. The error never
    /// repeats the URL. Once connected, a lost connection is made again in the background.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        Self::connect_with_timeout(url, DEFAULT_TIMEOUT).await
    }

    /// [`RedisStore::connect`] with another deadline for connecting and for every command.
    pub async fn connect_with_timeout(url: &str, timeout: Duration) -> Result<Self, StoreError> {
        let client = redis::Client::open(url).map_err(|e| StoreError(format!("the Redis URL is not usable ({:?})", e.kind())))?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(timeout))
            .set_response_timeout(Some(timeout))
            .set_number_of_retries(1)
            .set_max_delay(timeout);
        let connection = tokio::time::timeout(timeout * 2, ConnectionManager::new_with_config(client, config))
            .await
            .map_err(|_| StoreError("Redis did not answer in time".into()))?
            .map_err(|e| StoreError(format!("cannot connect to Redis: {}", described(&e))))?;
        Ok(RedisStore { connection, timeout, take: redis::Script::new(TAKE), record: redis::Script::new(RECORD) })
    }

    /// The key of a window: a prefix and a hash, whatever the caller sent.
    fn key(w: &Window<'_>) -> String {
        let mut hashed = Vec::with_capacity(w.operation.len() + w.key.len() + w.value.len() + 24);
        for part in [w.operation.as_bytes(), w.key.as_bytes(), w.value.as_bytes(), &(w.step as u64).to_be_bytes(), &w.per.seconds().to_be_bytes()] {
            hashed.extend_from_slice(&(part.len() as u64).to_be_bytes());
            hashed.extend_from_slice(part);
        }
        let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, &hashed);
        let hex: String = digest.as_ref().iter().map(|b| format!("{b:02x}")).collect();
        format!("krakengen:rl:{hex}")
    }

    /// Runs `invocation` within the deadline.
    async fn run(&self, invocation: redis::ScriptInvocation<'_>) -> Result<i64, StoreError> {
        let mut connection = self.connection.clone();
        match tokio::time::timeout(self.timeout, invocation.invoke_async::<i64>(&mut connection)).await {
            Ok(Ok(n)) => Ok(n),
            Ok(Err(e)) => Err(StoreError(described(&e))),
            Err(_) => Err(StoreError("Redis did not answer in time".into())),
        }
    }
}

/// A Redis error worded without the URL or the command's arguments.
fn described(e: &redis::RedisError) -> String {
    if e.is_timeout() {
        "Redis did not answer in time".into()
    } else if e.is_connection_refusal() || e.is_connection_dropped() || e.is_io_error() {
        "the connection to Redis failed".into()
    } else {
        format!("Redis answered an error ({:?})", e.kind())
    }
}

impl RateStore for RedisStore {
    fn take<'a>(&'a self, windows: &'a [Window<'a>]) -> StoreFuture<'a, Option<usize>> {
        Box::pin(async move {
            let mut invocation = self.take.prepare_invoke();
            for w in windows {
                let period_ms = w.period().as_millis().max(1) as u64;
                invocation.key(Self::key(w)).arg(w.limit).arg(period_ms).arg(u8::from(!w.failures_only));
            }
            let full = self.run(invocation).await?;
            Ok(usize::try_from(full).ok().filter(|&i| i > 0).map(|i| i - 1))
        })
    }

    fn record<'a>(&'a self, windows: &'a [Window<'a>]) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let mut invocation = self.record.prepare_invoke();
            for w in windows {
                invocation.key(Self::key(w)).arg(w.period().as_millis().max(1) as u64);
            }
            self.run(invocation).await.map(|_| ())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RatePeriod;

    fn window(value: &str, step: usize) -> Window<'static> {
        Window { operation: "addProperty", key: "User", value: value.into(), step, limit: 5, per: RatePeriod::Minute, failures_only: false }
    }

    #[test]
    fn keys_are_hashes_of_every_part_and_of_fixed_size() {
        let k = RedisStore::key(&window("user-1", 0));
        assert!(k.starts_with("krakengen:rl:") && k.len() == "krakengen:rl:".len() + 64, "{k}");
        assert_eq!(k, RedisStore::key(&window("user-1", 0)), "stable, so replicas agree");
        assert_ne!(k, RedisStore::key(&window("user-2", 0)));
        assert_ne!(k, RedisStore::key(&window("user-1", 1)));
        assert_eq!(RedisStore::key(&window(&"x".repeat(8192), 0)).len(), k.len());
        // Parts are length-prefixed: moving a boundary changes the key.
        let a = Window { operation: "ab", key: "c", ..window("v", 0) };
        let b = Window { operation: "a", key: "bc", ..window("v", 0) };
        assert_ne!(RedisStore::key(&a), RedisStore::key(&b));
    }

    #[test]
    fn an_unreachable_redis_is_an_error_in_bounded_time() {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        // A port nothing listens on.
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let started = std::time::Instant::now();
        let e = runtime.block_on(RedisStore::connect(&format!("redis://:hunter2@127.0.0.1:{port}/"))).unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
        assert!(!e.to_string().contains("hunter2"), "{e}");
        let bad = runtime.block_on(RedisStore::connect("not a url with hunter2")).unwrap_err();
        assert!(!bad.to_string().contains("hunter2"), "{bad}");
    }
}
