//! The facts of the reference a server enforces at run time: permission requirements and rate
//! limits, as plain data.
//!
//! Generated servers write their policy with these types (`Permissions::Required(...)`,
//! `RatePeriod::Minute`). The expressions and steps are `krakengen-policy`'s, which the generator
//! shares, so a service built on a generated server compiles none of the generator.

pub use krakengen_policy::{PermissionExpr, Permissions, RatePeriod, RateStep};

/// One rate-limit key (`User`, `Ip`, `Email from graphql input fields`, ...) with its steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimit {
    pub key: String,
    pub steps: Vec<RateStep>,
}
