//! Permission guards and rate limits, taken from the reference.
//!
//! A [`Policy`] holds, for every mutation, the permission expression and the rate limits the reference
//! documents (generated servers write theirs from the catalogue; the mock builds its own from the
//! parsed reference). Servers check it before a resolver runs: the caller's granted permissions (from the
//! request context) must satisfy the expression, and every rate-limit key must have room left.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::model::{PermissionExpr, Permissions, RateLimit, RatePeriod, RateStep};

use crate::error::KrakenError;

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
    windows: Mutex<Windows>,
}

/// Fixed-window rate-limit counters: for each (mutation, key, key value, step index), when the
/// current window started and how many requests it has counted.
type Windows = HashMap<WindowKey, (Instant, u32)>;
/// A window's (mutation, key, key value, step index).
type WindowKey = (String, String, String, usize);

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
        Self { operations: operations.into_iter().collect(), unspecified, windows: Mutex::new(HashMap::new()) }
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
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        // Every key is checked before any counter moves, so a refused request does not use up quota.
        let mut hits = Vec::new();
        for rl in &op.rate_limits {
            let Some(value) = key_value(&rl.key, caller, arguments) else { continue };
            let counts_failures = counts_failures(&rl.key);
            for (i, step) in rl.steps.iter().enumerate() {
                let id = (mutation.to_string(), rl.key.clone(), value.clone(), i);
                let period = Duration::from_secs(step.per.seconds());
                let count = match windows.get(&id) {
                    Some((start, n)) if now.duration_since(*start) < period => *n,
                    _ => 0,
                };
                if count >= step.limit {
                    return Err(KrakenError::new(
                        "RATE_LIMIT",
                        TOO_MANY_REQUESTS,
                        format!("Too many requests: `{mutation}` allows {}/{} per {}.", step.limit, step.per.suffix(), rl.key),
                    ));
                }
                // A key of failures is counted when the call fails (`record_failure`), not here.
                if !counts_failures {
                    hits.push((id, period));
                }
            }
        }
        count_hits(&mut windows, hits, now);
        Ok(())
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
        let Some(op) = self.operations.get(mutation) else { return };
        let now = Instant::now();
        let hits: Vec<_> = op
            .rate_limits
            .iter()
            .filter(|rl| counts_failures(&rl.key))
            .filter_map(|rl| Some((rl, key_value(&rl.key, caller, arguments)?)))
            .flat_map(|(rl, value)| {
                rl.steps.iter().enumerate().map(move |(i, step)| {
                    ((mutation.to_string(), rl.key.clone(), value.clone(), i), Duration::from_secs(step.per.seconds()))
                })
            })
            .collect();
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        count_hits(&mut windows, hits, now);
    }
}

/// One more call in each window of `hits`, starting a window where the last one has passed.
fn count_hits(windows: &mut Windows, hits: Vec<(WindowKey, Duration)>, now: Instant) {
    for (id, period) in hits {
        let entry = windows.entry(id).or_insert((now, 0));
        if now.duration_since(entry.0) >= period {
            *entry = (now, 0);
        }
        entry.1 += 1;
    }
}

/// Whether a rate-limit key counts failed calls only (`Failed logins per ip`) rather than every
/// call.
fn counts_failures(key: &str) -> bool {
    key.trim().to_ascii_lowercase().starts_with("failed ")
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
    let ip = || caller.ip.map(|ip| ip.to_string()).or_else(|| Some("unknown".to_string()));
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
    use super::*;

    fn policy(perms: Permissions, steps: Vec<RateStep>) -> Policy {
        let op = OperationPolicy {
            permissions: perms,
            rate_limits: vec![RateLimit { key: "User".into(), steps }],
            unauthorized_code: Some("KT-CT-8223".into()),
        };
        Policy { operations: BTreeMap::from([("m".to_string(), op)]), unspecified: Unspecified::Deny, windows: Mutex::default() }
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
        // A minute later the window has passed.
        assert!(p.check_at("m", &caller(&[], "u"), &args, t0 + Duration::from_secs(61)).is_ok());
    }
}
