//! The permission requirements and rate-limit steps of a Kraken reference, as plain data, and the
//! generic error codes Kraken raises for operations of each kind ([`generic`]).
//!
//! Both the generator (`krakengen`, which reads them from the reference) and the runtime of the
//! generated servers (`krakengen-server`, which enforces them) use these types, so they live in a
//! crate of their own that depends on serde alone: a service built on a generated server compiles
//! this, not the generator.

use std::fmt;

pub mod generic;

use serde::{Deserialize, Serialize};

/// The permissions section of a block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "expr")]
pub enum Permissions {
    /// No `Required Permissions` section: the reference says nothing.
    Unspecified,
    /// `(No)`: no permission is required.
    Public,
    /// An expression over permission names.
    Required(PermissionExpr),
}

/// A permission expression tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PermissionExpr {
    /// A single permission such as `Can query businesses`.
    Permission(String),
    All(Vec<PermissionExpr>),
    Any(Vec<PermissionExpr>),
}

impl PermissionExpr {
    /// Every permission name in the expression, in order of appearance.
    pub fn names(&self) -> Vec<&str> {
        let mut out = Vec::new();
        fn walk<'a>(e: &'a PermissionExpr, out: &mut Vec<&'a str>) {
            match e {
                PermissionExpr::Permission(p) => out.push(p),
                PermissionExpr::All(v) | PermissionExpr::Any(v) => v.iter().for_each(|e| walk(e, out)),
            }
        }
        walk(self, &mut out);
        out
    }
}

impl fmt::Display for PermissionExpr {
    /// Renders the expression in the reference's own syntax, parenthesising nested groups.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn go(e: &PermissionExpr, f: &mut fmt::Formatter<'_>, nested: bool) -> fmt::Result {
            let (items, op) = match e {
                PermissionExpr::Permission(p) => return f.write_str(p),
                PermissionExpr::All(v) => (v, " AND "),
                PermissionExpr::Any(v) => (v, " OR "),
            };
            if nested {
                f.write_str("(")?;
            }
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    f.write_str(op)?;
                }
                go(item, f, true)?;
            }
            if nested {
                f.write_str(")")?;
            }
            Ok(())
        }
        go(self, f, false)
    }
}

/// `5/m`: five requests a minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateStep {
    pub limit: u32,
    pub per: RatePeriod,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RatePeriod {
    Second,
    Minute,
    Hour,
    Day,
}

impl RatePeriod {
    pub fn from_suffix(s: &str) -> Option<Self> {
        Some(match s {
            "s" => Self::Second,
            "m" => Self::Minute,
            "h" => Self::Hour,
            "d" => Self::Day,
            _ => return None,
        })
    }

    pub fn suffix(self) -> &'static str {
        match self {
            Self::Second => "s",
            Self::Minute => "m",
            Self::Hour => "h",
            Self::Day => "d",
        }
    }

    pub fn seconds(self) -> u64 {
        match self {
            Self::Second => 1,
            Self::Minute => 60,
            Self::Hour => 3600,
            Self::Day => 86400,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Second => "second",
            Self::Minute => "minute",
            Self::Hour => "hour",
            Self::Day => "day",
        }
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_print_in_the_references_syntax() {
        let p = |s: &str| PermissionExpr::Permission(s.into());
        let e = PermissionExpr::All(vec![PermissionExpr::Any(vec![p("a"), p("b")]), p("c")]);
        assert_eq!(e.to_string(), "(a OR b) AND c");
        assert_eq!(e.names(), ["a", "b", "c"]);
    }

    #[test]
    fn periods_round_trip_their_suffix() {
        for p in [RatePeriod::Second, RatePeriod::Minute, RatePeriod::Hour, RatePeriod::Day] {
            assert_eq!(RatePeriod::from_suffix(p.suffix()), Some(p));
        }
        assert_eq!(RatePeriod::Hour.seconds(), 3600);
    }
}
