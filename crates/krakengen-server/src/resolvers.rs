//! The glue generated adapters call: decoding a mutation's arguments into the client crate's
//! `Variables`, and encoding a resolver's result (payload or Kraken error) for the schema.
//!
//! Keeping it here keeps each generated dispatch arm to two lines.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::error::{KrakenError, ValidationError};

/// The `errorCode` of a request the server itself could not handle (arguments that do not decode
/// into the generated types, a payload that does not encode). The reference documents no code for
/// these, so krakengen uses its own, which no Kraken code can collide with.
pub const INTERNAL: &str = "KRAKENGEN-INTERNAL";

/// Decodes the arguments of `mutation` (a JSON object) into its typed variables. The refusal
/// says which operation, not why: serde's reason quotes the value, which may be a password.
pub fn decode<T: DeserializeOwned>(mutation: &str, arguments: serde_json::Value) -> Result<T, KrakenError> {
    serde_json::from_value(arguments)
        .map_err(|_| KrakenError::new("VALIDATION", INTERNAL, format!("The arguments of `{mutation}` do not match its input types.")))
}

/// Encodes a resolver's result. The error side is any error that serializes to Kraken's shape
/// (`{"message", "path", "extensions": {"errorType", "errorCode", "errorDescription",
/// "validationErrors"}}`), as the generated error crate's `KrakenError` does.
pub fn encode<T: Serialize, E: Serialize>(result: Result<T, E>) -> Result<serde_json::Value, KrakenError> {
    match result {
        Ok(payload) => serde_json::to_value(payload).map_err(|e| crate::error::internal(format_args!("a payload does not encode: {e}"))),
        Err(error) => Err(from_kraken_json(&serde_json::to_value(error).unwrap_or_default())),
    }
}

/// The error for a mutation the adapter does not know (the SDL and the generated code disagree).
pub fn unknown_mutation(mutation: &str) -> KrakenError {
    crate::error::internal(format_args!("no resolver is generated for `{mutation}`"))
}

/// Reads an error in Kraken's JSON shape; missing parts get neutral values.
pub fn from_kraken_json(v: &serde_json::Value) -> KrakenError {
    let ext = &v["extensions"];
    let text = |x: &serde_json::Value| x.as_str().map(str::to_string);
    let description = text(&ext["errorDescription"]).or_else(|| text(&v["message"])).unwrap_or_default();
    let validation_errors = ext["validationErrors"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|e| ValidationError {
                    message: text(&e["message"]).unwrap_or_default(),
                    input_path: e["inputPath"]
                        .as_array()
                        .map(|p| p.iter().map(|s| s.as_str().map_or_else(|| s.to_string(), str::to_string)).collect())
                        .unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default();
    KrakenError {
        error_type: text(&ext["errorType"]).unwrap_or_else(|| "VALIDATION".into()),
        code: text(&ext["errorCode"]).unwrap_or_default(),
        description,
        validation_errors,
        correlation_id: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_in_kraken_shape_keep_their_parts() {
        let e = serde_json::json!({
            "message": "Invalid data.",
            "extensions": {"errorType": "VALIDATION", "errorCode": "KT-CT-4321", "errorDescription": "Bad email.",
                "validationErrors": [{"inputPath": ["input", "email", 0], "message": "Not an email."}]}
        });
        let r: Result<(), serde_json::Value> = Err(e);
        let k = encode(r).unwrap_err();
        assert_eq!((k.error_type.as_str(), k.code.as_str(), k.description.as_str()), ("VALIDATION", "KT-CT-4321", "Bad email."));
        assert_eq!(k.validation_errors[0].input_path, ["input", "email", "0"]);
        assert_eq!(k.validation_errors[0].message, "Not an email.");
    }

    #[test]
    fn arguments_that_do_not_decode_are_reported() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct V {
            input: u32,
        }
        let e = decode::<V>("m", serde_json::json!({"input": "hunter2"})).unwrap_err();
        assert_eq!(e.code, INTERNAL);
        assert!(e.description.contains("`m`") && !e.description.contains("hunter2"), "{}", e.description);
        assert_eq!(encode::<u32, ()>(Ok(3)).unwrap(), serde_json::json!(3));
    }
}
