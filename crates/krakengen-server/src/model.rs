//! The facts of the reference a server enforces at run time: permission requirements and rate
//! limits, as plain data.
//!
//! Generated servers write their policy with these types (`Permissions::Required(...)`,
//! `RatePeriod::Minute`), so this crate owns them rather than borrowing the generator's model: a
//! service built on a generated server compiles none of the generator. The mock (`krakengen-mock`)
//! converts the generator's model into them.

use std::fmt;

/// The permissions section of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Permissions {
    /// No `Required Permissions` section: the reference says nothing.
    Unspecified,
    /// `(No)`: no permission is required.
    Public,
    /// An expression over permission names.
    Required(PermissionExpr),
}

/// A permission expression tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PermissionExpr {
    /// A single permission such as `Can query businesses`.
    Permission(String),
    All(Vec<PermissionExpr>),
    Any(Vec<PermissionExpr>),
}

impl fmt::Display for PermissionExpr {
    /// The expression in the reference's own syntax, nested groups in parentheses.
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

/// One rate-limit key (`User`, `Ip`, `Email from graphql input fields`, ...) with its steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimit {
    pub key: String,
    pub steps: Vec<RateStep>,
}

/// `5/m`: five requests a minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateStep {
    pub limit: u32,
    pub per: RatePeriod,
}

/// The period of a rate-limit step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RatePeriod {
    Second,
    Minute,
    Hour,
    Day,
}

impl RatePeriod {
    /// The reference's suffix: `s`, `m`, `h` or `d`.
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_print_in_the_references_syntax() {
        let p = |s: &str| PermissionExpr::Permission(s.into());
        let e = PermissionExpr::All(vec![PermissionExpr::Any(vec![p("a"), p("b")]), p("c")]);
        assert_eq!(e.to_string(), "(a OR b) AND c");
    }
}
