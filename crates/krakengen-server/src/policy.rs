//! Permission guards and rate limits, taken from the reference.
//!
//! A [`Policy`] holds, for every mutation, the permission expression and the rate limits the reference
//! documents (generated servers write theirs from the catalogue; the mock builds its own from the
//! parsed reference). Servers check it before a resolver runs: the caller's granted permissions (from the
//! request context) must satisfy the expression, and every rate-limit key must have room left.
//!
//! Rate-limit counters are fixed windows kept in memory, bounded whatever callers send: a window
//! is stored under a keyed hash of (operation, key, value, step), never the value itself (a token
//! or an email of any length), in shards with a lock each (no lock shared by every call), expired
//! windows are dropped when a shard fills, and at [`Policy::with_capacity`] live windows a call
//! that would need a new one is refused as rate-limited (`KT-CT-1199`): the store fails closed.
//! `Ip` keys group IPv6 addresses by /64, the block one subscriber is given.

use std::collections::hash_map::RandomState;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::BuildHasher as _;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::model::{PermissionExpr, Permissions, RateLimit, RatePeriod, RateStep};

use crate::error::KrakenError;
use crate::store::{OnStoreError, SharedStore, StoreError, Window};

/// Who is calling: what the server knows of the request. Its `Debug` shows whether there is a
/// user, not who (the identity may be a token).
#[derive(Clone, Default)]
pub struct Caller {
    /// Permissions granted to the caller (`Can query businesses`, ...).
    pub granted: BTreeSet<String>,
    /// The caller's identity for the `User` rate-limit key (the token, or a user id).
    pub user: Option<String>,
    pub ip: Option<IpAddr>,
}

impl std::fmt::Debug for Caller {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Caller")
            .field("granted", &self.granted)
            .field("user", &self.user.as_ref().map(|_| "<redacted>"))
            .field("ip", &self.ip)
            .finish()
    }
}

/// What to do with a mutation whose reference block has no permissions section. The default
/// refuses it: a reference that says nothing about an operation does not make it open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unspecified {
    /// Allow every caller (the reference says nothing, so nothing is enforced).
    Allow,
    /// Allow any caller with an identity (`Caller::user`), refuse anonymous ones.
    Authenticated,
    /// Deny every caller: safest for a server that must not expose undocumented access.
    #[default]
    Deny,
}

/// The guard of one mutation.
#[derive(Debug, Clone)]
pub struct OperationPolicy {
    pub permissions: Permissions,
    pub rate_limits: Vec<RateLimit>,
    /// The mutation's own error code for a permission failure (its `Unauthorized.` code), if any.
    pub unauthorized_code: Option<String>,
}

/// Guards and rate-limit state for a whole schema.
#[derive(Debug)]
pub struct Policy {
    operations: BTreeMap<String, OperationPolicy>,
    unspecified: Unspecified,
    windows: Windows,
}

/// The default most live rate-limit windows kept (about 40 bytes each).
pub const DEFAULT_WINDOW_CAPACITY: usize = 100_000;

const SHARDS: usize = 16;

/// One fixed window as memory keeps it: when it ends, and how many calls it has counted.
#[derive(Debug, Clone, Copy)]
struct Slot {
    ends: Instant,
    count: u32,
}

/// Fixed-window counters by the keyed hash of (mutation, key, key value, step index).
struct Windows {
    hasher: RandomState,
    shards: Vec<Mutex<HashMap<u64, Slot>>>,
    per_shard: usize,
}

impl std::fmt::Debug for Windows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Windows").field("live", &self.len()).field("capacity", &(self.per_shard * SHARDS)).finish()
    }
}

/// What one call does to one window.
struct Hit {
    id: u64,
    period: Duration,
    limit: u32,
}

impl Windows {
    fn new(capacity: usize) -> Self {
        Windows {
            hasher: RandomState::new(),
            shards: (0..SHARDS).map(|_| Mutex::new(HashMap::new())).collect(),
            per_shard: capacity.div_ceil(SHARDS).max(1),
        }
    }

    fn id(&self, w: &Window<'_>) -> u64 {
        self.hasher.hash_one((w.operation, w.key, &w.value, w.step))
    }

    fn shard(&self, id: u64) -> std::sync::MutexGuard<'_, HashMap<u64, Slot>> {
        // The hash is keyed, so its low bits spread callers over the shards as well as any.
        self.shards[(id % SHARDS as u64) as usize].lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Windows stored, live or not.
    fn len(&self) -> usize {
        (0..SHARDS as u64).map(|i| self.shard(i).len()).sum()
    }

    /// Whether the window has room, without counting: `Err(())` when it is not stored and the
    /// store is at capacity, so that what it would count could not be recorded.
    fn room(&self, hit: &Hit, now: Instant) -> Result<bool, ()> {
        let mut shard = self.shard(hit.id);
        match shard.get(&hit.id) {
            Some(w) if w.ends > now => Ok(w.count < hit.limit),
            Some(_) => Ok(hit.limit > 0),
            None => {
                if shard.len() >= self.per_shard {
                    shard.retain(|_, w| w.ends > now);
                    if shard.len() >= self.per_shard {
                        return Err(());
                    }
                }
                Ok(hit.limit > 0)
            }
        }
    }

    /// Counts one more call if the window has room: `Ok(true)` when counted, `Ok(false)` when
    /// it is full, `Err(())` when a new window is needed and the store is at capacity.
    fn take(&self, hit: &Hit, now: Instant) -> Result<bool, ()> {
        let mut shard = self.shard(hit.id);
        if let Some(w) = shard.get_mut(&hit.id) {
            if w.ends <= now {
                *w = Slot { ends: now + hit.period, count: 0 };
            }
            if w.count >= hit.limit {
                return Ok(false);
            }
            w.count += 1;
            return Ok(true);
        }
        if shard.len() >= self.per_shard {
            shard.retain(|_, w| w.ends > now);
            if shard.len() >= self.per_shard {
                return Err(());
            }
        }
        if hit.limit == 0 {
            return Ok(false);
        }
        shard.insert(hit.id, Slot { ends: now + hit.period, count: 1 });
        Ok(true)
    }

    /// Takes back a call [`Windows::take`] counted, for a call another window refused.
    fn give_back(&self, id: u64) {
        if let Some(w) = self.shard(id).get_mut(&id) {
            w.count = w.count.saturating_sub(1);
        }
    }
}

/// The code Kraken uses when a caller lacks permission and the mutation names no code of its own.
pub use krakengen_policy::generic::UNAUTHORIZED as DEFAULT_UNAUTHORIZED;
/// The code Kraken uses for rate-limited requests.
pub use krakengen_policy::generic::TOO_MANY_REQUESTS;

impl OperationPolicy {
    /// A guard from plain data, as generated server code writes it: `rate_limits` lists each key with
    /// its steps (`("User", &[(5, RatePeriod::Minute)])`).
    pub fn new(permissions: Permissions, rate_limits: &[(&str, &[(u32, RatePeriod)])], unauthorized_code: Option<&str>) -> Self {
        let rate_limits = rate_limits
            .iter()
            .map(|(key, steps)| RateLimit {
                key: (*key).to_string(),
                steps: steps.iter().map(|&(limit, per)| RateStep { limit, per }).collect(),
            })
            .collect();
        Self { permissions, rate_limits, unauthorized_code: unauthorized_code.map(str::to_string) }
    }
}

impl Policy {
    /// A policy from one guard per mutation (generated servers build theirs this way, from the
    /// catalogue, without parsing the reference at run time).
    pub fn new(operations: impl IntoIterator<Item = (String, OperationPolicy)>, unspecified: Unspecified) -> Self {
        Self { operations: operations.into_iter().collect(), unspecified, windows: Windows::new(DEFAULT_WINDOW_CAPACITY) }
    }

    /// Keeps at most about `windows` live rate-limit windows ([`DEFAULT_WINDOW_CAPACITY`] by
    /// default); past that, a call that needs a new window is refused with `KT-CT-1199`.
    #[must_use]
    pub fn with_capacity(mut self, windows: usize) -> Self {
        self.windows = Windows::new(windows);
        self
    }

    /// How many rate-limit windows are stored (live, or ended and not yet dropped).
    pub fn windows_stored(&self) -> usize {
        self.windows.len()
    }

    pub fn operation(&self, name: &str) -> Option<&OperationPolicy> {
        self.operations.get(name)
    }

    /// Checks permissions, then rate limits; `arguments` is the call's arguments as JSON (for keys that
    /// depend on the input, such as `Email from graphql input fields`).
    pub fn check(&self, mutation: &str, caller: &Caller, arguments: &serde_json::Value) -> Result<(), KrakenError> {
        self.check_at(mutation, caller, arguments, Instant::now())
    }

    /// [`Policy::check`] at a given instant, so tests can move time without sleeping.
    pub fn check_at(&self, mutation: &str, caller: &Caller, arguments: &serde_json::Value, now: Instant) -> Result<(), KrakenError> {
        let windows = self.admit(mutation, caller, arguments)?;
        // Each window is counted in turn; when one is full, those already counted give the call
        // back, so a refused request does not use up quota.
        let mut taken = Vec::new();
        for w in &windows {
            let hit = Hit { id: self.windows.id(w), period: w.period(), limit: w.limit };
            // A window of failures is counted when the call fails (`record_failure`), not here.
            let room = if w.failures_only { self.windows.room(&hit, now) } else { self.windows.take(&hit, now) };
            match room {
                Ok(true) => {
                    if !w.failures_only {
                        taken.push(hit.id);
                    }
                }
                Ok(false) | Err(()) => {
                    for id in taken {
                        self.windows.give_back(id);
                    }
                    return Err(refused(w));
                }
            }
        }
        Ok(())
    }

    /// [`Policy::check`] with the counters of `shared` instead of this policy's own: what every
    /// replica of a service sees. When the store fails, [`OnStoreError`] decides.
    pub async fn check_shared(&self, shared: &SharedStore, mutation: &str, caller: &Caller, arguments: &serde_json::Value) -> Result<(), KrakenError> {
        let windows = self.admit(mutation, caller, arguments)?;
        if windows.is_empty() {
            return Ok(());
        }
        match shared.store.take(&windows).await {
            Ok(None) => Ok(()),
            Ok(Some(i)) => Err(windows.get(i).map_or_else(|| refused(&windows[0]), refused)),
            Err(e) => store_failed(shared, &e),
        }
    }

    /// The permission check, then the windows the call is to be counted in.
    fn admit<'a>(&'a self, mutation: &'a str, caller: &Caller, arguments: &serde_json::Value) -> Result<Vec<Window<'a>>, KrakenError> {
        // A root field the policy does not know is refused: deny by default.
        let Some(op) = self.operations.get(mutation) else {
            return Err(KrakenError::new("AUTHORIZATION", DEFAULT_UNAUTHORIZED, "Unauthorized."));
        };
        let allowed = match &op.permissions {
            Permissions::Public => true,
            Permissions::Unspecified => match self.unspecified {
                Unspecified::Allow => true,
                Unspecified::Authenticated => caller.user.is_some(),
                Unspecified::Deny => false,
            },
            Permissions::Required(expr) => satisfied(expr, &caller.granted),
        };
        if !allowed {
            // What Kraken says, and no more: the permission expression is the server's business.
            let code = op.unauthorized_code.clone().unwrap_or_else(|| DEFAULT_UNAUTHORIZED.to_string());
            return Err(KrakenError::new("AUTHORIZATION", code, "Unauthorized."));
        }
        Ok(windows_of(mutation, op, caller, arguments, false))
    }

    /// Whether a failed call of `mutation` has to be reported with [`Policy::record_failure`]: it has
    /// a rate limit that counts failures (`Failed logins per ip`).
    pub fn counts_failures(&self, mutation: &str) -> bool {
        self.operations.get(mutation).is_some_and(|op| op.rate_limits.iter().any(|rl| counts_failures(&rl.key)))
    }

    /// Counts a failed call of `mutation` against its rate limits of failures, so that only failed
    /// logins use up `Failed logins per ip`; a later [`Policy::check`] refuses once they reach
    /// the limit.
    pub fn record_failure(&self, mutation: &str, caller: &Caller, arguments: &serde_json::Value) {
        self.record_failure_at(mutation, caller, arguments, Instant::now());
    }

    /// [`Policy::record_failure`] at a given instant, so tests can move time without sleeping.
    pub fn record_failure_at(&self, mutation: &str, caller: &Caller, arguments: &serde_json::Value, now: Instant) {
        let Some(op) = self.operations.get(mutation) else { return };
        for w in windows_of(mutation, op, caller, arguments, true) {
            // At capacity the failure goes uncounted, but the next check of a window the
            // store cannot hold is refused (`Windows::room`).
            let _ = self.windows.take(&Hit { id: self.windows.id(&w), period: w.period(), limit: u32::MAX }, now);
        }
    }

    /// [`Policy::record_failure`] in the counters of `shared`. A store that fails loses the
    /// count (and logs why); the next check meets the same store.
    pub async fn record_failure_shared(&self, shared: &SharedStore, mutation: &str, caller: &Caller, arguments: &serde_json::Value) {
        let Some(op) = self.operations.get(mutation) else { return };
        let windows = windows_of(mutation, op, caller, arguments, true);
        if !windows.is_empty() {
            if let Err(e) = shared.store.record(&windows).await {
                tracing::warn!(operation = mutation, "a failed call was not counted: {e}");
            }
        }
    }
}

/// The windows a call of `op` is counted in: of every rate limit that applies to this request, or
/// of its limits of failures only.
fn windows_of<'a>(mutation: &'a str, op: &'a OperationPolicy, caller: &Caller, arguments: &serde_json::Value, failures: bool) -> Vec<Window<'a>> {
    let mut windows = Vec::new();
    for rl in &op.rate_limits {
        let failures_only = counts_failures(&rl.key);
        if failures && !failures_only {
            continue;
        }
        let Some(value) = key_value(&rl.key, caller, arguments) else { continue };
        for (step, s) in rl.steps.iter().enumerate() {
            windows.push(Window { operation: mutation, key: &rl.key, value: value.clone(), step, limit: s.limit, per: s.per, failures_only });
        }
    }
    windows
}

/// The refusal of a call that `w` has no room for.
fn refused(w: &Window<'_>) -> KrakenError {
    KrakenError::new(
        "RATE_LIMIT",
        TOO_MANY_REQUESTS,
        format!("Too many requests: `{}` allows {}/{} per {}.", w.operation, w.limit, w.per.suffix(), w.key),
    )
}

/// What a call gets when the shared store failed: the deployer's [`OnStoreError`].
fn store_failed(shared: &SharedStore, e: &StoreError) -> Result<(), KrakenError> {
    match shared.on_error {
        OnStoreError::Refuse => Err(crate::error::internal(e)),
        OnStoreError::Allow => {
            tracing::warn!("a call was let through unlimited: {e}");
            Ok(())
        }
    }
}

/// Whether a rate-limit key counts failed calls only (`Failed logins per ip`) rather than every
/// call.
fn counts_failures(key: &str) -> bool {
    key.trim().to_ascii_lowercase().starts_with("failed ")
}

/// The address a rate limit counts `ip` as: IPv4 as it is (an IPv4-mapped IPv6 address as its
/// IPv4), IPv6 by its /64, the block one subscriber is given and can pick any address of.
pub fn subscriber(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(Ipv6Addr::from(u128::from(v6) & !((1u128 << 64) - 1))),
        },
    }
}

/// Whether `granted` satisfies the expression.
pub fn satisfied(expr: &PermissionExpr, granted: &BTreeSet<String>) -> bool {
    match expr {
        PermissionExpr::Permission(p) => granted.contains(p),
        PermissionExpr::All(v) => v.iter().all(|e| satisfied(e, granted)),
        PermissionExpr::Any(v) => v.iter().any(|e| satisfied(e, granted)),
    }
}

/// The value a rate-limit key counts by, or `None` when the key does not apply to this request.
fn key_value(key: &str, caller: &Caller, arguments: &serde_json::Value) -> Option<String> {
    let ip = || caller.ip.map(|ip| subscriber(ip).to_string()).or_else(|| Some("unknown".to_string()));
    let input_field = |name: &str| {
        arguments.get("input").and_then(|i| i.get(name)).or_else(|| arguments.get(name)).and_then(|v| v.as_str()).map(str::to_string)
    };
    match key {
        "User" => caller.user.clone().or_else(ip),
        "Email from graphql input fields" => input_field("email"),
        "Ip if email or password in input" => {
            (input_field("email").is_some() || input_field("password").is_some()).then(ip).flatten()
        }
        // `Ip`, `Failed logins per ip` and any key this runtime does not know count per address, which
        // is the strictest reading that still lets different callers proceed independently.
        _ => ip(),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn policy(perms: Permissions, steps: Vec<RateStep>) -> Policy {
        let op = OperationPolicy {
            permissions: perms,
            rate_limits: vec![RateLimit { key: "User".into(), steps }],
            unauthorized_code: Some("KT-CT-8223".into()),
        };
        Policy::new([("m".to_string(), op)], Unspecified::Deny)
    }

    fn caller(perms: &[&str], user: &str) -> Caller {
        Caller { granted: perms.iter().map(|s| s.to_string()).collect(), user: Some(user.into()), ip: None }
    }

    #[test]
    fn expression_trees() {
        let e = PermissionExpr::All(vec![
            PermissionExpr::Any(vec![PermissionExpr::Permission("a".into()), PermissionExpr::Permission("b".into())]),
            PermissionExpr::Permission("c".into()),
        ]);
        let g = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        assert!(satisfied(&e, &g(&["b", "c"])));
        assert!(!satisfied(&e, &g(&["a", "b"])));
        assert!(!satisfied(&e, &g(&["c"])));
    }

    #[test]
    fn missing_permission_uses_the_mutations_code() {
        let p = policy(Permissions::Required(PermissionExpr::Permission("Can x".into())), vec![]);
        let err = p.check("m", &caller(&[], "u"), &serde_json::json!({})).unwrap_err();
        assert_eq!(err.code, "KT-CT-8223");
        assert_eq!(err.error_type, "AUTHORIZATION");
        assert!(p.check("m", &caller(&["Can x"], "u"), &serde_json::json!({})).is_ok());
    }

    #[test]
    fn unspecified_follows_the_setting() {
        let p = policy(Permissions::Unspecified, vec![]);
        assert!(p.check("m", &caller(&[], "u"), &serde_json::json!({})).is_err());
        assert_eq!(Unspecified::default(), Unspecified::Deny, "closed by default");
        let op = || OperationPolicy { permissions: Permissions::Unspecified, rate_limits: vec![], unauthorized_code: None };
        let p = Policy::new([("m".to_string(), op())], Unspecified::Authenticated);
        let anonymous = Caller::default();
        assert!(p.check("m", &anonymous, &serde_json::json!({})).is_err());
        assert!(p.check("m", &caller(&[], "u"), &serde_json::json!({})).is_ok());
        let p = Policy::new([("m".to_string(), op())], Unspecified::Allow);
        assert!(p.check("m", &anonymous, &serde_json::json!({})).is_ok());
    }

    #[test]
    fn unknown_fields_are_refused_and_denials_say_no_more_than_kraken() {
        let p = policy(Permissions::Required(PermissionExpr::Permission("Can secret things".into())), vec![]);
        let unknown = p.check("notInThePolicy", &caller(&["Can secret things"], "u"), &serde_json::json!({})).unwrap_err();
        assert_eq!(unknown.code, DEFAULT_UNAUTHORIZED);
        let denied = p.check("m", &caller(&[], "u"), &serde_json::json!({})).unwrap_err();
        assert_eq!(denied.description, "Unauthorized.");
        assert!(!format!("{denied:?}").contains("secret things"));
    }

    #[test]
    fn caller_debug_hides_the_identity() {
        let shown = format!("{:?}", caller(&["Can x"], "token-value"));
        assert!(!shown.contains("token-value") && shown.contains("Can x"), "{shown}");
    }

    #[test]
    fn failure_keys_count_only_failed_calls() {
        let op = OperationPolicy {
            permissions: Permissions::Public,
            rate_limits: vec![RateLimit { key: "Failed logins per ip".into(), steps: vec![RateStep { limit: 2, per: RatePeriod::Minute }] }],
            unauthorized_code: None,
        };
        let p = Policy::new([("login".to_string(), op)], Unspecified::Deny);
        let (who, args) = (caller(&[], "u"), serde_json::json!({}));
        for _ in 0..5 {
            assert!(p.check("login", &who, &args).is_ok(), "successful logins do not count");
        }
        assert!(p.counts_failures("login") && !p.counts_failures("other"));
        p.record_failure("login", &who, &args);
        assert!(p.check("login", &who, &args).is_ok());
        p.record_failure("login", &who, &args);
        assert_eq!(p.check("login", &who, &args).unwrap_err().code, TOO_MANY_REQUESTS);
    }

    #[test]
    fn rate_limits_refuse_then_recover() {
        let p = policy(Permissions::Public, vec![RateStep { limit: 2, per: RatePeriod::Minute }]);
        let t0 = Instant::now();
        let args = serde_json::json!({});
        assert!(p.check_at("m", &caller(&[], "u"), &args, t0).is_ok());
        assert!(p.check_at("m", &caller(&[], "u"), &args, t0).is_ok());
        let err = p.check_at("m", &caller(&[], "u"), &args, t0).unwrap_err();
        assert_eq!(err.code, TOO_MANY_REQUESTS);
        // Another user has a quota of their own.
        assert!(p.check_at("m", &caller(&[], "v"), &args, t0).is_ok());
        // A minute later the window has passed, and a new one counts from there.
        let t1 = t0 + Duration::from_secs(61);
        assert!(p.check_at("m", &caller(&[], "u"), &args, t1).is_ok());
        assert!(p.check_at("m", &caller(&[], "u"), &args, t1 + Duration::from_secs(30)).is_ok());
        assert!(p.check_at("m", &caller(&[], "u"), &args, t1 + Duration::from_secs(59)).is_err());
        assert!(p.check_at("m", &caller(&[], "u"), &args, t1 + Duration::from_secs(60)).is_ok(), "a window ends at its end");
        assert_eq!(p.windows_stored(), 2, "one window for each user");
        assert!(p.operation("m").is_some() && p.operation("other").is_none());
    }

    /// A full store drops the windows that ended, those ending this very instant included.
    #[test]
    fn a_full_store_drops_windows_that_end_now() {
        let t0 = Instant::now();
        let end = t0 + Duration::from_secs(60);
        let p = policy(Permissions::Public, vec![RateStep { limit: 5, per: RatePeriod::Minute }]).with_capacity(16);
        let mut users = (0..).map(|i| format!("u{i}"));
        // Callers whose shard is full are refused meanwhile; go on until every shard is full.
        for _ in 0..10_000 {
            if p.windows_stored() == 16 {
                break;
            }
            let _ = at(&p, &users.next().unwrap(), None, t0);
        }
        assert_eq!(p.windows_stored(), 16);
        assert!((0..50).any(|_| at(&p, &users.next().unwrap(), None, t0).is_err()), "full");
        assert!(at(&p, &users.next().unwrap(), None, end).is_ok(), "its shard's window ended at `end`");
        // The same for windows of failures, which are checked without counting.
        let failures = OperationPolicy {
            permissions: Permissions::Public,
            rate_limits: vec![RateLimit { key: "Failed logins per ip".into(), steps: vec![RateStep { limit: 3, per: RatePeriod::Minute }] }],
            unauthorized_code: None,
        };
        let p = Policy::new([("login".to_string(), failures)], Unspecified::Deny).with_capacity(16);
        let from = |i: u32| Caller { ip: Some(IpAddr::from(std::net::Ipv4Addr::from(0x0a00_0000 + i))), ..Caller::default() };
        let mut i = 0;
        while p.windows_stored() < 16 && i < 10_000 {
            p.record_failure_at("login", &from(i), &serde_json::json!({}), t0);
            i += 1;
        }
        assert_eq!(p.windows_stored(), 16);
        assert!((i..i + 50).any(|n| p.check_at("login", &from(n), &serde_json::json!({}), t0).is_err()), "full");
        assert!(p.check_at("login", &from(i + 50), &serde_json::json!({}), end).is_ok());
    }

    #[test]
    fn keys_that_read_the_input() {
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        let who = |user: &str| Caller { user: Some(user.into()), ip: Some(ip), ..Caller::default() };
        let email = |e: &str| serde_json::json!({ "input": { "email": e } });
        assert_eq!(key_value("Email from graphql input fields", &who("u"), &email("a@b.c")).as_deref(), Some("a@b.c"));
        assert_eq!(key_value("Email from graphql input fields", &who("u"), &serde_json::json!({ "email": "top@b.c" })).as_deref(), Some("top@b.c"));
        assert_eq!(key_value("Email from graphql input fields", &who("u"), &serde_json::json!({})), None, "no email, no window");
        let by_ip = "Ip if email or password in input";
        assert_eq!(key_value(by_ip, &who("u"), &email("a@b.c")).as_deref(), Some("192.0.2.1"));
        assert_eq!(key_value(by_ip, &who("u"), &serde_json::json!({ "input": { "password": "p" } })).as_deref(), Some("192.0.2.1"));
        assert_eq!(key_value(by_ip, &who("u"), &serde_json::json!({ "input": { "name": "n" } })), None);
        assert_eq!(key_value("User", &who("u"), &email("a@b.c")).as_deref(), Some("u"));
        assert_eq!(key_value("Ip", &who("u"), &email("a@b.c")).as_deref(), Some("192.0.2.1"));
    }

    /// A window of failures: full after the limit, open again exactly when it ends.
    #[test]
    fn failure_windows_end_on_time() {
        let op = |limit| OperationPolicy {
            permissions: Permissions::Public,
            rate_limits: vec![RateLimit { key: "Failed logins per ip".into(), steps: vec![RateStep { limit, per: RatePeriod::Minute }] }],
            unauthorized_code: None,
        };
        let p = Policy::new([("login".to_string(), op(2)), ("never".to_string(), op(0))], Unspecified::Deny);
        let (who, args, t0) = (caller(&[], "u"), serde_json::json!({}), Instant::now());
        p.record_failure_at("login", &who, &args, t0);
        p.record_failure_at("login", &who, &args, t0);
        assert!(p.check_at("login", &who, &args, t0 + Duration::from_secs(59)).is_err());
        assert!(p.check_at("login", &who, &args, t0 + Duration::from_secs(60)).is_ok(), "ended");
        // A limit of 0 refuses, before and after a window of it ends.
        assert!(p.check_at("never", &who, &args, t0).is_err());
        p.record_failure_at("never", &who, &args, t0);
        assert!(p.check_at("never", &who, &args, t0 + Duration::from_secs(61)).is_err());
    }

    /// A store of the test's: windows counted in a map by their parts, or down.
    #[derive(Default)]
    struct Shared {
        counts: Mutex<HashMap<String, u32>>,
        down: std::sync::atomic::AtomicBool,
    }

    impl Shared {
        fn key(w: &Window<'_>) -> String {
            format!("{}/{}/{}/{}", w.operation, w.key, w.value, w.step)
        }
        fn up(&self) -> Result<std::sync::MutexGuard<'_, HashMap<String, u32>>, crate::store::StoreError> {
            if self.down.load(std::sync::atomic::Ordering::SeqCst) {
                return Err(crate::store::StoreError("down".into()));
            }
            Ok(self.counts.lock().unwrap())
        }
    }

    impl crate::store::RateStore for Arc<Shared> {
        fn take<'a>(&'a self, windows: &'a [Window<'a>]) -> crate::store::StoreFuture<'a, Option<usize>> {
            Box::pin(async move {
                let mut counts = self.up()?;
                if let Some(i) = windows.iter().position(|w| counts.get(&Shared::key(w)).copied().unwrap_or(0) >= w.limit) {
                    return Ok(Some(i));
                }
                for w in windows.iter().filter(|w| !w.failures_only) {
                    *counts.entry(Shared::key(w)).or_default() += 1;
                }
                Ok(None)
            })
        }
        fn record<'a>(&'a self, windows: &'a [Window<'a>]) -> crate::store::StoreFuture<'a, ()> {
            Box::pin(async move {
                let mut counts = self.up()?;
                for w in windows {
                    *counts.entry(Shared::key(w)).or_default() += 1;
                }
                Ok(())
            })
        }
    }

    #[test]
    fn a_shared_store_counts_and_its_failure_is_the_deployers_choice() {
        let block = |f: std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), KrakenError>> + '_>>| {
            tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(f)
        };
        let failures = RateLimit { key: "Failed logins per ip".into(), steps: vec![RateStep { limit: 1, per: RatePeriod::Minute }] };
        let login = OperationPolicy { permissions: Permissions::Public, rate_limits: vec![failures], unauthorized_code: None };
        let mut ops = vec![("login".to_string(), login)];
        ops.extend(policy(Permissions::Public, vec![RateStep { limit: 2, per: RatePeriod::Minute }]).operations);
        let p = Policy::new(ops, Unspecified::Deny);
        let inner = Arc::new(Shared::default());
        let refuse = SharedStore::new(Arc::clone(&inner), OnStoreError::Refuse);
        let (who, args) = (caller(&[], "u"), serde_json::json!({}));
        assert!(block(Box::pin(p.check_shared(&refuse, "m", &who, &args))).is_ok());
        assert!(block(Box::pin(p.check_shared(&refuse, "m", &who, &args))).is_ok());
        assert_eq!(block(Box::pin(p.check_shared(&refuse, "m", &who, &args))).unwrap_err().code, TOO_MANY_REQUESTS);
        assert_eq!(p.windows_stored(), 0, "counted in the store, not in the policy");
        // Failures are counted by record_failure_shared only.
        assert!(block(Box::pin(p.check_shared(&refuse, "login", &who, &args))).is_ok());
        assert!(block(Box::pin(p.check_shared(&refuse, "login", &who, &args))).is_ok());
        block(Box::pin(async {
            p.record_failure_shared(&refuse, "login", &who, &args).await;
            Ok(())
        }))
        .unwrap();
        assert_eq!(block(Box::pin(p.check_shared(&refuse, "login", &who, &args))).unwrap_err().code, TOO_MANY_REQUESTS);
        // The store goes down: refused with an internal error, or let through.
        inner.down.store(true, std::sync::atomic::Ordering::SeqCst);
        let e = block(Box::pin(p.check_shared(&refuse, "m", &caller(&[], "v"), &args))).unwrap_err();
        assert!(e.code == "KT-CT-7899" && e.correlation_id.is_some(), "{e:?}");
        let allow = SharedStore::new(Arc::clone(&inner), OnStoreError::Allow);
        assert!(block(Box::pin(p.check_shared(&allow, "m", &caller(&[], "v"), &args))).is_ok());
        // Permissions are checked before the store is asked.
        let guarded = Policy::new([("g".to_string(), OperationPolicy::new(Permissions::Unspecified, &[], None))], Unspecified::Deny);
        assert_eq!(block(Box::pin(guarded.check_shared(&allow, "g", &who, &args))).unwrap_err().code, DEFAULT_UNAUTHORIZED);
    }

    fn at(policy: &Policy, user: &str, ip: Option<IpAddr>, now: Instant) -> Result<(), KrakenError> {
        policy.check_at("m", &Caller { user: (!user.is_empty()).then(|| user.to_string()), ip, ..Caller::default() }, &serde_json::json!({}), now)
    }

    #[test]
    fn ipv6_callers_are_counted_by_their_64() {
        let op = OperationPolicy {
            permissions: Permissions::Public,
            rate_limits: vec![RateLimit { key: "Ip".into(), steps: vec![RateStep { limit: 2, per: RatePeriod::Minute }] }],
            unauthorized_code: None,
        };
        let p = Policy::new([("m".to_string(), op)], Unspecified::Deny);
        let t0 = Instant::now();
        let ip = |s: &str| Some(s.parse::<IpAddr>().unwrap());
        assert!(at(&p, "", ip("2001:db8:1:2::1"), t0).is_ok());
        assert!(at(&p, "", ip("2001:db8:1:2:ffff::9"), t0).is_ok());
        assert!(at(&p, "", ip("2001:db8:1:2:abcd::1"), t0).is_err(), "the same /64 shares one quota");
        assert!(at(&p, "", ip("2001:db8:1:3::1"), t0).is_ok(), "the next /64 has its own");
        assert_eq!(subscriber("::ffff:192.0.2.7".parse().unwrap()), "192.0.2.7".parse::<IpAddr>().unwrap());
        assert_eq!(subscriber("192.0.2.7".parse().unwrap()), "192.0.2.7".parse::<IpAddr>().unwrap());
    }

    #[test]
    fn the_store_is_bounded_and_fails_closed_when_full() {
        let p = policy(Permissions::Public, vec![RateStep { limit: 5, per: RatePeriod::Minute }]).with_capacity(64);
        let t0 = Instant::now();
        // 5,000 callers with 8 KB identities: at most the capacity is stored, and once it is
        // reached new callers are refused, not admitted unlimited.
        let junk = "x".repeat(8 * 1024);
        let mut refused = 0;
        for i in 0..5_000 {
            if at(&p, &format!("{junk}{i}"), None, t0).is_err() {
                refused += 1;
            }
        }
        // 16 shards of 4: every shard fills, and none holds more.
        assert_eq!(p.windows_stored(), 64);
        assert_eq!(refused, 5_000 - 64);
        assert!(format!("{p:?}").contains("Windows { live: 64, capacity: 64 }"), "{p:?}");
        // Those already counted keep their quota meanwhile.
        assert!(at(&p, &format!("{junk}0"), None, t0).is_ok());
        // Once the windows end, they are dropped for new callers.
        let later = t0 + Duration::from_secs(61);
        assert!(at(&p, "someone new", None, later).is_ok());
        assert!(p.windows_stored() <= 64);
    }

    #[test]
    fn failed_logins_are_not_unlimited_when_the_store_is_full() {
        let policy = || {
            let op = OperationPolicy {
                permissions: Permissions::Public,
                rate_limits: vec![RateLimit { key: "Failed logins per ip".into(), steps: vec![RateStep { limit: 3, per: RatePeriod::Minute }] }],
                unauthorized_code: None,
            };
            Policy::new([("m".to_string(), op)], Unspecified::Deny).with_capacity(16)
        };
        let args = serde_json::json!({});
        let from = |ip: String| Caller { ip: Some(ip.parse().unwrap()), ..Caller::default() };
        let failed_logins_admitted = |p: &Policy| {
            (0..50)
                .filter(|_| {
                    let ok = p.check("m", &from("192.0.2.1".into()), &args).is_ok();
                    if ok {
                        p.record_failure("m", &from("192.0.2.1".into()), &args);
                    }
                    ok
                })
                .count()
        };
        assert_eq!(failed_logins_admitted(&policy()), 3);
        // Failures from 1,000 other addresses fill the store; the attacker's are still bounded.
        let full = policy();
        for i in 0..1_000 {
            full.record_failure("m", &from(format!("198.51.{}.{}", i / 250, i % 250)), &args);
        }
        assert!(full.windows_stored() <= 16);
        assert_eq!(failed_logins_admitted(&full), 0, "fails closed");
    }

    #[test]
    fn a_refused_call_uses_up_no_quota() {
        let steps = vec![RateStep { limit: 10, per: RatePeriod::Hour }, RateStep { limit: 2, per: RatePeriod::Minute }];
        let p = policy(Permissions::Public, steps);
        let t0 = Instant::now();
        assert!(at(&p, "u", None, t0).is_ok());
        assert!(at(&p, "u", None, t0).is_ok());
        for _ in 0..20 {
            assert!(at(&p, "u", None, t0).is_err());
        }
        // 2 counted in the hourly window, not 22: eight more minutes of two calls each fit.
        for minute in 1..=4 {
            let t = t0 + Duration::from_secs(61 * minute);
            assert!(at(&p, "u", None, t).is_ok() && at(&p, "u", None, t).is_ok(), "minute {minute}");
        }
        assert!(at(&p, "u", None, t0 + Duration::from_secs(61 * 5)).is_err(), "the hourly 10 are used");
    }

    #[test]
    fn concurrent_callers_get_exactly_the_limit() {
        let p = std::sync::Arc::new(policy(Permissions::Public, vec![RateStep { limit: 50, per: RatePeriod::Hour }]));
        let t0 = Instant::now();
        let admitted: usize = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..8)
                .map(|_| {
                    let p = std::sync::Arc::clone(&p);
                    scope.spawn(move || (0..100).filter(|_| at(&p, "u", None, t0).is_ok()).count())
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).sum()
        });
        assert_eq!(admitted, 50);
    }
}
