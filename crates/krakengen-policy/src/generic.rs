//! The error codes Kraken raises for operations whose reference blocks need not list them: the
//! platform's own refusals (authentication, permissions, rate limits, query cost, disabled fields).
//!
//! A reference lists, per operation, the codes *that operation* raises; a caller also meets these,
//! and code that matches on an operation's errors has to be able to name them. Where each comes
//! from is recorded with it: the vendored OEES reference states three of them; the others are the
//! codes and messages Kraken's public error responses carry, as open-source Kraken integrations
//! match on them (Home Assistant and exporter code found with krakengen's search tools, and a
//! generated client whose documentation lists `KT-CT-1113`). Their messages are Kraken's where
//! known; a reference that lists one of these codes keeps its own message.

use crate::Permissions;

/// Which operations can raise a generic code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applies {
    /// Every operation (the platform raises it before the operation runs).
    Every,
    /// Every operation that is not public: a caller must be authenticated.
    Authenticated,
    /// Operations that are not public (the code of a caller without permission), unless the
    /// operation lists an `Unauthorized.` code of its own. A reference that says nothing about an
    /// operation's permissions does not make it public.
    Permissions,
    /// Operations with rate limits.
    RateLimited,
}

/// What kind of failure a code reports, for deciding what to do about it: refresh a token, ask for
/// a permission, wait, send a cheaper query, retry, or fix the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// The caller is not authenticated: no token, an invalid or an expired one.
    Authentication,
    /// The caller is authenticated but lacks a permission (or the field is disabled for it).
    Authorization,
    /// Too many requests: a rate limit refused it before it ran.
    RateLimit,
    /// The query costs more than the API allows.
    Complexity,
    /// A failure that may pass on its own (network, an upstream service).
    Transient,
    /// The input was rejected.
    Validation,
    /// Anything else: an operation's own business error.
    Other,
}

impl Category {
    /// The variant's name, as generated code spells it.
    pub fn name(self) -> &'static str {
        match self {
            Category::Authentication => "Authentication",
            Category::Authorization => "Authorization",
            Category::RateLimit => "RateLimit",
            Category::Complexity => "Complexity",
            Category::Transient => "Transient",
            Category::Validation => "Validation",
            Category::Other => "Other",
        }
    }

    /// The category of a code an operation lists with `message`: a generic code's own, the
    /// authorization category for an operation's `Unauthorized.` code, otherwise the operation's
    /// own business error ([`Category::Other`]).
    pub fn of(code: &str, message: &str) -> Category {
        match generic(code).map(|g| g.category).or_else(|| classified(code).map(|c| c.category)) {
            Some(category) => category,
            None if message.trim().trim_end_matches('.') == "Unauthorized" => Category::Authorization,
            None => Category::Other,
        }
    }
}

/// One generic code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GenericCode {
    /// `KT-CT-1111`.
    pub code: &'static str,
    /// The message Kraken sends with it.
    pub message: &'static str,
    /// The operations that can raise it.
    pub applies: Applies,
    /// What kind of failure it reports.
    pub category: Category,
    /// Where krakengen knows it from.
    pub source: &'static str,
}

/// The code a caller without permission gets from an operation that lists none of its own.
pub const UNAUTHORIZED: &str = "KT-CT-1111";
/// The code of a rate-limited request.
pub const TOO_MANY_REQUESTS: &str = "KT-CT-1199";
/// The code of an expired token.
pub const TOKEN_EXPIRED: &str = "KT-CT-1124";
/// The code of an internal error, which may pass on its own.
pub const INTERNAL_ERROR: &str = "KT-CT-7899";
/// The code of an operation over the query complexity limit (Kraken's is 200).
pub const COMPLEXITY_LIMIT: &str = "KT-CT-1188";
/// The code of an operation over the node limit (Kraken's is 10,000).
pub const NODE_LIMIT: &str = "KT-CT-1189";

/// Every generic code, by code.
pub const GENERIC_CODES: &[GenericCode] = &[
    GenericCode {
        code: UNAUTHORIZED,
        message: "Unauthorized.",
        category: Category::Authorization,
        applies: Applies::Permissions,
        source: "the OEES reference (71 operations list it)",
    },
    GenericCode {
        code: "KT-CT-1112",
        message: "'Authorization' header not provided.",
        category: Category::Authentication,
        applies: Applies::Authenticated,
        source: "the OEES reference (`createQuote`)",
    },
    GenericCode {
        code: "KT-CT-1113",
        message: "Disabled GraphQL field requested.",
        category: Category::Authorization,
        applies: Applies::Every,
        source: "Kraken's API documentation, as a generated client's documentation quotes it",
    },
    GenericCode {
        code: TOKEN_EXPIRED,
        message: "Signature of the JWT has expired.",
        category: Category::Authentication,
        applies: Applies::Authenticated,
        source: "Kraken's error responses, as open-source integrations match on them",
    },
    GenericCode {
        code: "KT-CT-1139",
        message: "Invalid token.",
        category: Category::Authentication,
        applies: Applies::Authenticated,
        source: "Kraken's error responses, as open-source integrations match on them",
    },
    GenericCode {
        code: "KT-CT-1143",
        message: "Invalid authorization header.",
        category: Category::Authentication,
        applies: Applies::Authenticated,
        source: "Kraken's error responses, as open-source integrations match on them",
    },
    GenericCode {
        code: COMPLEXITY_LIMIT,
        message: "Query complexity limit exceeded.",
        category: Category::Complexity,
        applies: Applies::Every,
        source: "Kraken's documented query limits (complexity above 200)",
    },
    GenericCode {
        code: NODE_LIMIT,
        message: "Query node limit exceeded.",
        category: Category::Complexity,
        applies: Applies::Every,
        source: "Kraken's documented query limits (more than 10,000 nodes)",
    },
    GenericCode {
        code: TOO_MANY_REQUESTS,
        message: "Too many requests.",
        category: Category::RateLimit,
        applies: Applies::RateLimited,
        source: "the OEES reference",
    },
    GenericCode {
        code: INTERNAL_ERROR,
        message: "Internal server error.",
        category: Category::Transient,
        applies: Applies::Every,
        source: "Kraken's error responses, as open-source integrations match on them (an internal error of any field, treated as temporary)",
    },
];

impl GenericCode {
    /// Whether an operation with these `permissions`, rate limits or not, and `own_unauthorized`
    /// (the `Unauthorized.` code it lists, if any) can raise this code.
    pub fn applies_to(&self, permissions: &Permissions, rate_limited: bool, own_unauthorized: bool) -> bool {
        match self.applies {
            Applies::Every => true,
            Applies::Authenticated => !matches!(permissions, Permissions::Public),
            Applies::Permissions => !matches!(permissions, Permissions::Public) && !own_unauthorized,
            Applies::RateLimited => rate_limited,
        }
    }

    /// How the documentation of generated code says which operations raise it.
    pub fn raised_by(&self) -> &'static str {
        match self.applies {
            Applies::Every => "any operation",
            Applies::Authenticated => "any operation that is not public",
            Applies::Permissions => "any operation that is not public and lists no `Unauthorized.` code of its own",
            Applies::RateLimited => "any operation with rate limits",
        }
    }
}

/// A code that only some operations raise, so not a variant of every `ErrorCode`, whose category
/// krakengen knows: what a generated client answers for it even when the API's reference lists it
/// nowhere (it arrives as `ErrorCode::Unknown`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClassifiedCode {
    /// `KT-CT-1138`.
    pub code: &'static str,
    /// What kind of failure it reports.
    pub category: Category,
    /// What it means and where krakengen knows it from.
    pub source: &'static str,
}

/// Every classified code, by code.
pub const CLASSIFIED_CODES: &[ClassifiedCode] = &[
    ClassifiedCode {
        code: "KT-CT-1120",
        category: Category::Authentication,
        source: "\"The Kraken Token has expired.\" (the OEES reference, `obtainLongLivedRefreshToken`)",
    },
    ClassifiedCode {
        code: "KT-CT-1134",
        category: Category::Authentication,
        source: "the token mutation's \"Invalid data.\" (the OEES reference, `obtainKrakenToken`)",
    },
    ClassifiedCode {
        code: "KT-CT-1135",
        category: Category::Authentication,
        source: "the token mutation's \"Invalid data.\" (the OEES reference, `obtainKrakenToken`)",
    },
    ClassifiedCode {
        code: "KT-CT-1138",
        category: Category::Authentication,
        source: "credentials the token mutation refuses, sent as VALIDATION; integrations never repeat it",
    },
    ClassifiedCode {
        code: "KT-CT-4340",
        category: Category::Transient,
        source: "\"Unable to fetch planned dispatches.\" of `flexPlannedDispatches`, which integrations tolerate as temporary",
    },
];

/// The classified code `code`, if it is one.
pub fn classified(code: &str) -> Option<&'static ClassifiedCode> {
    CLASSIFIED_CODES.iter().find(|c| c.code == code)
}

/// The generic code `code`, if it is one.
pub fn generic(code: &str) -> Option<&'static GenericCode> {
    GENERIC_CODES.iter().find(|g| g.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PermissionExpr;

    #[test]
    fn codes_are_sorted_unique_kraken_codes() {
        assert!(GENERIC_CODES.windows(2).all(|w| w[0].code < w[1].code));
        assert!(CLASSIFIED_CODES.windows(2).all(|w| w[0].code < w[1].code));
        assert!(CLASSIFIED_CODES.iter().all(|c| generic(c.code).is_none()), "a code is in one table");
        assert!(GENERIC_CODES.iter().all(|g| g.code.starts_with("KT-CT-") && g.message.ends_with('.')));
        assert_eq!(generic(UNAUTHORIZED).map(|g| g.applies), Some(Applies::Permissions));
        assert_eq!(generic("KT-CT-8201"), None);
    }

    #[test]
    fn categories_come_from_the_table_then_the_message() {
        assert_eq!(Category::of(TOKEN_EXPIRED, "whatever the reference says"), Category::Authentication);
        assert_eq!(Category::of(TOO_MANY_REQUESTS, "Too many requests."), Category::RateLimit);
        assert_eq!(Category::of("KT-CT-8223", "Unauthorized."), Category::Authorization);
        assert_eq!(Category::of("KT-CT-8201", "Received an invalid quoteId."), Category::Other);
        assert_eq!(Category::of("KT-CT-1135", "Invalid data."), Category::Authentication, "a classified code");
        assert!(GENERIC_CODES.iter().all(|g| g.category != Category::Other));
    }

    #[test]
    fn each_applies_to_the_operations_of_its_kind() {
        let required = Permissions::Required(PermissionExpr::Permission("A".into()));
        let applying = |p: &Permissions, limited: bool, own: bool| -> Vec<&str> {
            GENERIC_CODES.iter().filter(|g| g.applies_to(p, limited, own)).map(|g| g.code).collect()
        };
        assert_eq!(applying(&Permissions::Public, false, false), ["KT-CT-1113", "KT-CT-1188", "KT-CT-1189", "KT-CT-7899"]);
        assert_eq!(applying(&Permissions::Public, true, false), ["KT-CT-1113", "KT-CT-1188", "KT-CT-1189", "KT-CT-1199", "KT-CT-7899"]);
        let unspecified = applying(&Permissions::Unspecified, false, false);
        assert!(unspecified.contains(&"KT-CT-1124") && unspecified.contains(&UNAUTHORIZED), "unspecified is not public");
        assert!(applying(&required, false, false).contains(&UNAUTHORIZED));
        assert!(!applying(&required, false, true).contains(&UNAUTHORIZED), "an own Unauthorized code replaces 1111");
    }
}
