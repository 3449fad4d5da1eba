//! Error codes of the Octopus Energy Spain (OEES) Kraken API.
//!
//! Everything public lives in the generated module `generated.rs`, written by `cargo xtask codegen`
//! from `schema/oees/mutations.txt` and re-exported here. This file is hand-written so that the
//! crate's documentation and any hand-written helpers survive regeneration.
//!
//! ```
//! use oees_errors::{ErrorCode, KrakenError};
//!
//! let code: ErrorCode = "KT-CT-8201".parse().unwrap();
//! assert_eq!(code, ErrorCode::KtCt8201);
//! assert_eq!(code.family(), "CT");
//! assert!(matches!("KT-XX-0001".parse::<ErrorCode>(), Ok(ErrorCode::Unknown(_))));
//!
//! let body = serde_json::json!({"data": null, "errors": [{
//!     "message": "Unauthorized.",
//!     "extensions": {"errorType": "AUTHORIZATION", "errorCode": "KT-CT-1111"}
//! }]});
//! let errors = KrakenError::from_response(&body).unwrap();
//! assert_eq!(errors[0].code, Some(ErrorCode::KtCt1111));
//! ```

mod generated;

pub use generated::*;
