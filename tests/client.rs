//! Exercises the checked-in generated crates (`oees-errors`, `oees-client`): error responses parse
//! into typed codes, codes round-trip through `FromStr`/`Display`/serde, typed calls encode their
//! variables and decode their payloads through a mock transport, and the reqwest transport talks to a
//! real HTTP server on loopback.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::Mutex;
use std::time::Duration;

use oees_client::{
    cancel_enrollment, generate_pre_signed_token, obtain_kraken_token, reset_user_password, types,
    Client, Error, Request, Response, Transport, TransportError,
};
use oees_errors::{mutations, ErrorCode, ErrorType, KrakenError, PathSegment};
use serde_json::{json, Value};

/// The error response shown in the description of `resetUserPassword` in the vendored reference.
fn validation_response() -> Value {
    json!({
        "data": {"resetUserPassword": null},
        "errors": [{
            "message": "Password is invalid.",
            "path": ["resetUserPassword"],
            "extensions": {
                "errorType": "VALIDATION",
                "errorCode": "KT-CT-5450",
                "errorDescription": "Given password fails password policy requirements.",
                "validationErrors": [
                    {
                        "code": "password_too_short",
                        "message": "This password is too short. It must contain at least 7 characters.",
                        "inputPath": ["input", "password"]
                    },
                    {
                        "code": "password_too_common",
                        "message": "This password is too common.",
                        "inputPath": ["input", "password"]
                    }
                ]
            }
        }]
    })
}

#[test]
fn authorization_error_parses_into_its_code() {
    let body = json!({
        "data": {"acceptGoodsQuote": null},
        "errors": [{
            "message": "Unauthorized.",
            "locations": [{"line": 2, "column": 3}],
            "path": ["acceptGoodsQuote"],
            "extensions": {"errorType": "AUTHORIZATION", "errorCode": "KT-CT-8223", "errorDescription": "Unauthorized."}
        }]
    });
    let errors = KrakenError::from_response(&body).unwrap();
    assert_eq!(errors.len(), 1);
    let e = &errors[0];
    assert_eq!(e.code, Some(ErrorCode::KtCt8223));
    assert_eq!(e.error_type, Some(ErrorType::Authorization));
    assert_eq!(e.description.as_deref(), Some("Unauthorized."));
    assert_eq!(e.path, [PathSegment::Key("acceptGoodsQuote".into())]);
    assert_eq!(e.to_string(), "KT-CT-8223: Unauthorized.");
    // The code narrows to the mutation's own enum, which lists it.
    assert_eq!(e.narrow::<mutations::AcceptGoodsQuoteError>(), Some(mutations::AcceptGoodsQuoteError::KtCt8223));
    assert_eq!(e.narrow::<mutations::ResetUserPasswordError>(), None);
}

#[test]
fn validation_error_keeps_its_validation_errors() {
    let errors = KrakenError::from_response(&validation_response()).unwrap();
    let e = &errors[0];
    assert_eq!(e.code, Some(ErrorCode::KtCt5450));
    assert_eq!(e.code.as_ref().unwrap().message(), Some("Password is invalid."));
    assert_eq!(e.error_type, Some(ErrorType::Validation));
    assert_eq!(e.validation_errors.len(), 2);
    assert_eq!(e.validation_errors[0].input_path, [PathSegment::Key("input".into()), PathSegment::Key("password".into())]);
    assert_eq!(e.validation_errors[1].code.as_deref(), Some("password_too_common"));
    // Serializing gives back the wire shape it came from.
    let again = serde_json::to_value(&errors).unwrap();
    assert_eq!(again, validation_response()["errors"]);
}

/// The error entries' serde impls are written out (the generated crates use serde without its
/// derive): list indexes in paths survive a round trip, and entries of the wrong shape are refused
/// with a message that says what is wrong.
#[test]
fn error_entries_keep_list_indexes_and_refuse_wrong_shapes() {
    let body = json!({"errors": [{"message": "No such account.", "path": ["accounts", 2, "number"]}]});
    let e = &KrakenError::from_response(&body).unwrap()[0];
    assert_eq!(e.path, [PathSegment::Key("accounts".into()), PathSegment::Index(2), PathSegment::Key("number".into())]);
    assert_eq!(serde_json::to_value(e).unwrap(), body["errors"][0]);
    let bad = [
        (json!({"errors": [{"path": []}]}), "missing field `message`"),
        (json!({"errors": [{"message": 1}]}), "`message` is not a string"),
        (json!({"errors": [{"message": "m", "path": [-1]}]}), "not a non-negative integer"),
        (json!({"errors": [{"message": "m", "path": [true]}]}), "neither a name nor an index"),
        (json!({"errors": ["text"]}), "an error that is not an object"),
        (json!({"errors": [{"message": "m", "extensions": []}]}), "`extensions` is not an object"),
    ];
    for (body, says) in bad {
        let err = KrakenError::from_response(&body).unwrap_err().to_string();
        assert!(err.contains(says), "{body}: {err}");
    }
}

#[test]
fn unknown_codes_and_types_fall_back() {
    let body = json!({"errors": [{
        "message": "Something new.",
        "extensions": {"errorType": "SERVICE_AUDIT", "errorCode": "KT-ZZ-99999", "validationErrors": "not a list"}
    }, {"message": "Syntax Error: Unexpected Name"}]});
    let errors = KrakenError::from_response(&body).unwrap();
    let code = errors[0].code.clone().unwrap();
    assert_eq!(code, ErrorCode::Unknown("KT-ZZ-99999".into()));
    assert!(!code.is_known());
    assert_eq!(code.family(), "ZZ");
    assert_eq!(code.message(), None);
    assert_eq!(errors[0].error_type, Some(ErrorType::Unknown("SERVICE_AUDIT".into())));
    assert!(errors[0].validation_errors.is_empty(), "a malformed list is ignored, not fatal");
    assert_eq!(errors[0].extensions["validationErrors"], "not a list");
    assert_eq!(errors[1].code, None);
    assert_eq!(KrakenError::from_response(&json!({"data": {}})).unwrap(), []);
}

#[test]
fn every_code_round_trips_through_from_str_display_and_serde() {
    // The 718 codes of the reference and the generic codes it does not list.
    let mut all: std::collections::BTreeSet<&str> = krakengen_tests::vendored_parsed().reference.error_codes().into_keys().collect();
    assert_eq!(all.len(), 718);
    all.extend(krakengen_policy::generic::GENERIC_CODES.iter().map(|g| g.code));
    assert_eq!(ErrorCode::ALL.iter().map(|c| c.code()).collect::<std::collections::BTreeSet<_>>(), all);
    assert_eq!(ErrorCode::COUNT, all.len());
    let mut seen = std::collections::BTreeSet::new();
    for code in ErrorCode::ALL {
        let text = code.code();
        assert!(seen.insert(text), "{text} twice");
        assert!(code.is_known());
        assert_eq!(text.parse::<ErrorCode>().unwrap(), *code);
        assert_eq!(code.to_string(), text);
        assert_eq!(text.split('-').nth(1), Some(code.family()));
        assert!(code.message().is_some_and(|m| !m.is_empty()), "{text}");
        let json = serde_json::to_string(code).unwrap();
        assert_eq!(json, format!("\"{text}\""));
        assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), *code);
    }
    let unknown = ErrorCode::from_code("KT-CT-0");
    assert_eq!(serde_json::from_str::<ErrorCode>(&serde_json::to_string(&unknown).unwrap()).unwrap(), unknown);
    assert_eq!(unknown.to_string(), "KT-CT-0");
    assert_eq!(ErrorCode::KtCt8201.message(), Some("Received an invalid quoteId."));
    assert_eq!(ErrorCode::KtCt8201.family(), "CT");
}

/// Each code's category: the generic codes' own, an operation's `Unauthorized.` code is about
/// authorization, every other code of the reference and an unknown code are `Other`; an error's
/// category is its first code's, and a failed transport is transient.
#[test]
fn error_codes_and_errors_have_categories() {
    use oees_errors::ErrorCategory as C;
    for (code, category) in [
        (ErrorCode::KtCt1111, C::Authorization),
        (ErrorCode::KtCt1112, C::Authentication),
        (ErrorCode::KtCt1124, C::Authentication),
        (ErrorCode::KtCt1188, C::Complexity),
        (ErrorCode::KtCt1199, C::RateLimit),
        (ErrorCode::KtCt8223, C::Authorization),
        (ErrorCode::KtCt8201, C::Other),
        (ErrorCode::from_code("KT-CT-0"), C::Other),
    ] {
        assert_eq!(code.category(), category, "{code}");
    }
    for g in krakengen_policy::generic::GENERIC_CODES {
        assert_eq!(format!("{:?}", ErrorCode::from_code(g.code).category()), g.category.name(), "{}", g.code);
    }
    let expired = KrakenError::from_response(&json!({"errors": [{"message": "expired", "extensions": {"errorCode": "KT-CT-1124"}}]})).unwrap();
    assert_eq!(oees_client::Error::Kraken { errors: expired, data: None }.category(), C::Authentication);
    assert_eq!(oees_client::Error::Transport(oees_client::TransportError::new("refused")).category(), C::Transient);
    assert_eq!(oees_client::Error::MissingData.category(), C::Other);
}

#[test]
fn per_mutation_error_lists_match_their_enums() {
    // The codes the block lists, then the generic ones of its kind: not public, so the
    // authentication codes; its own `Unauthorized.` code (8223) stands for `KT-CT-1111`.
    assert_eq!(
        mutations::ACCEPT_GOODS_QUOTE,
        [
            ErrorCode::KtCt8201,
            ErrorCode::KtCt8223,
            ErrorCode::KtCt8224,
            ErrorCode::KtCt1112,
            ErrorCode::KtCt1113,
            ErrorCode::KtCt1124,
            ErrorCode::KtCt1139,
            ErrorCode::KtCt1143,
            ErrorCode::KtCt1188,
            ErrorCode::KtCt1189,
            ErrorCode::KtCt7899
        ]
    );
    let as_codes: Vec<ErrorCode> = mutations::AcceptGoodsQuoteError::ALL.iter().map(|&e| e.into()).collect();
    assert_eq!(as_codes, mutations::ACCEPT_GOODS_QUOTE);
    for &e in mutations::AcceptGoodsQuoteError::ALL {
        assert_eq!(e.code(), e.error_code().code());
        assert_eq!(mutations::AcceptGoodsQuoteError::try_from(e.error_code().clone()), Ok(e));
    }
    assert_eq!(mutations::AcceptGoodsQuoteError::KtCt8224.code(), "KT-CT-8224");
    assert_eq!(mutations::AcceptGoodsQuoteError::KtCt8224.message(), "Invalid data.");
    assert_eq!(*mutations::AcceptGoodsQuoteError::KtCt8201.error_code(), ErrorCode::KtCt8201);
    // A mutation the reference lists no errors for still has the generic codes, `KT-CT-1111`
    // (the code the caller without permission gets) first; its own codes convert, others do not.
    assert_eq!(mutations::CREATE_ACCOUNT_FILE_ATTACHMENT.first(), Some(&ErrorCode::KtCt1111));
    assert!(mutations::CREATE_ACCOUNT_FILE_ATTACHMENT.iter().all(|c| c.code().starts_with("KT-CT-11") || c == &ErrorCode::KtCt7899));
    assert_eq!(
        mutations::CreateAccountFileAttachmentError::try_from(ErrorCode::KtCt1111),
        Ok(mutations::CreateAccountFileAttachmentError::KtCt1111)
    );
    assert_eq!(mutations::CreateAccountFileAttachmentError::try_from(ErrorCode::KtCt8201), Err(ErrorCode::KtCt8201));
    assert_eq!(
        mutations::ResetUserPasswordError::try_from(ErrorCode::KtCt5450),
        Ok(mutations::ResetUserPasswordError::KtCt5450)
    );
    assert_eq!(mutations::ResetUserPasswordError::try_from(ErrorCode::KtCt8201), Err(ErrorCode::KtCt8201));
    assert_eq!(reset_user_password::POSSIBLE_ERRORS, mutations::RESET_USER_PASSWORD);
    // An exhaustive match compiles only while the operation can return exactly these codes: the
    // three it lists and the generic ones of a public, rate-limited operation.
    use reset_user_password::PossibleError as E;
    let describe = |e: E| match e {
        E::KtCt1132 | E::KtCt4125 => "unauthorized",
        E::KtCt5450 => "invalid password",
        E::KtCt1199 => "rate-limited",
        E::KtCt1113 | E::KtCt1188 | E::KtCt1189 => "refused by the platform",
        E::KtCt7899 => "internal error, may pass",
    };
    assert_eq!(describe(E::KtCt5450), "invalid password");
    assert_eq!(describe(E::KtCt1199), "rate-limited");
}

/// A transport answering every request with the next canned body and recording what it was sent.
struct Mock {
    responses: Mutex<Vec<Value>>,
    requests: Mutex<Vec<Value>>,
    /// The token each request carried.
    tokens: Mutex<Vec<Option<String>>>,
}

impl Mock {
    fn new(responses: Vec<Value>) -> Self {
        Mock { responses: Mutex::new(responses), requests: Mutex::new(Vec::new()), tokens: Mutex::new(Vec::new()) }
    }
}

impl Transport for Mock {
    async fn execute(&self, request: &Request<'_>) -> Result<Response, TransportError> {
        self.requests.lock().unwrap().push(serde_json::to_value(request).unwrap());
        self.tokens.lock().unwrap().push(request.token.map(str::to_string));
        let mut r = self.responses.lock().unwrap();
        if r.is_empty() {
            return Err(TransportError::new("no more canned responses"));
        }
        Ok(r.remove(0).into())
    }
}

/// The token a client's session holds.
fn held_token<T>(client: &Client<T>) -> Option<String> {
    client.session().tokens().map(|t| t.token.expose().to_string())
}

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(f)
}

fn pre_signed_variables() -> generate_pre_signed_token::Variables {
    generate_pre_signed_token::Variables {
        email: "soon-clearly-eye-common-example".into(),
        number_of_days_allowed: 67,
        scope: types::PreSignedTokenScope::SubmitMeterReadings,
    }
}

#[test]
fn typed_call_sends_document_and_variables_and_decodes_the_payload() {
    // The example response of `generatePreSignedToken` in the vendored reference.
    let client = Client::new(Mock::new(vec![json!({"data": {"generatePreSignedToken": {
        "scope": "SUBMIT_METER_READINGS",
        "token": "century-reflect-white-store-idea",
        "tokenExpiryDatetime": "1989-10-06T04:29:05.696754+00:00"
    }}})]));
    let payload = block_on(client.generate_pre_signed_token(&pre_signed_variables())).unwrap().unwrap();
    assert_eq!(payload.scope, Some(types::PreSignedTokenScope::SubmitMeterReadings));
    assert_eq!(payload.token.as_deref(), Some("century-reflect-white-store-idea"));
    assert_eq!(payload.token_expiry_datetime, Some(types::DateTime(json!("1989-10-06T04:29:05.696754+00:00"))));
    let sent = client.transport().requests.lock().unwrap().remove(0);
    assert_eq!(sent["operationName"], "GeneratePreSignedToken");
    assert_eq!(sent["query"], generate_pre_signed_token::DOCUMENT);
    assert_eq!(
        sent["variables"],
        json!({"email": "soon-clearly-eye-common-example", "numberOfDaysAllowed": 67, "scope": "SUBMIT_METER_READINGS"})
    );
}

/// The serde impls krakengen writes out for its structs (instead of deriving them) read and write
/// JSON objects the way a GraphQL server expects.
#[test]
fn generated_structs_read_and_write_graphql_json() {
    use oees_client::add_note_to_ink_conversation;
    use generate_pre_signed_token::Data;
    // A `None` variable is left out, so the server applies its default; present ones go under
    // their GraphQL names.
    assert_eq!(serde_json::to_value(add_note_to_ink_conversation::Variables { input: None }).unwrap(), json!({}));
    let sent = serde_json::to_value(pre_signed_variables()).unwrap();
    assert_eq!(sent, json!({"email": "soon-clearly-eye-common-example", "numberOfDaysAllowed": 67, "scope": "SUBMIT_METER_READINGS"}));

    // Unknown keys are skipped whatever their value, `null` and absent fields are `None`, and a key
    // written with an escape (which the parser cannot lend) still matches.
    let text = r#"{"generatePreSignedToken": {"extra": [1, {"a": null}], "scope": null, "t\u006fken": "x"}, "more": {}}"#;
    let borrowed: Data = serde_json::from_str(text).unwrap();
    let owned: Data = serde_json::from_value(serde_json::from_str::<Value>(text).unwrap()).unwrap();
    assert_eq!(borrowed, owned);
    let payload = borrowed.generate_pre_signed_token.unwrap();
    assert_eq!(payload.token.as_deref(), Some("x"));
    assert_eq!((payload.scope, payload.token_expiry_datetime), (None, None));
    assert_eq!(serde_json::from_str::<Data>("{}").unwrap().generate_pre_signed_token, None);

    // What is not an object is refused, naming the type.
    let err = serde_json::from_str::<Data>("[1]").unwrap_err().to_string();
    assert!(err.contains("an object Data"), "{err}");

    // The server's direction (the client's `server` feature, which `oees-server` turns on in this
    // workspace): variables round-trip, and a missing required one is named.
    let back: generate_pre_signed_token::Variables = serde_json::from_value(sent).unwrap();
    assert_eq!(back, pre_signed_variables());
    let err = serde_json::from_value::<generate_pre_signed_token::Variables>(json!({"email": "a", "scope": "SUBMIT_METER_READINGS"}))
        .unwrap_err()
        .to_string();
    assert!(err.contains("missing field `numberOfDaysAllowed`"), "{err}");
}

#[test]
fn enum_values_the_reference_does_not_show_are_kept() {
    let client = Client::new(Mock::new(vec![json!({"data": {"generatePreSignedToken": {"scope": "VIEW_BILLS"}}})]));
    let mut vars = pre_signed_variables();
    vars.scope = types::PreSignedTokenScope::Unknown("VIEW_BILLS".into());
    let payload = block_on(client.generate_pre_signed_token(&vars)).unwrap().unwrap();
    assert_eq!(payload.scope, Some(types::PreSignedTokenScope::Unknown("VIEW_BILLS".into())));
    assert_eq!(client.transport().requests.lock().unwrap()[0]["variables"]["scope"], "VIEW_BILLS");
}

#[test]
fn graphql_errors_become_typed_errors() {
    let client = Client::new(Mock::new(vec![validation_response()]));
    let vars = reset_user_password::Variables { input: types::ResetUserPasswordInput(json!({"password": "abc"})) };
    let err = block_on(client.reset_user_password(&vars)).unwrap_err();
    assert_eq!(err.code(), Some(&ErrorCode::KtCt5450));
    let Error::Kraken { errors, data } = &err else { panic!("{err:?}") };
    assert_eq!(data, &Some(json!({"resetUserPassword": null})));
    assert_eq!(errors[0].narrow::<reset_user_password::PossibleError>(), Some(reset_user_password::PossibleError::KtCt5450));
    assert!(err.to_string().contains("KT-CT-5450"), "{err}");
}

#[test]
fn unions_decode_by_typename_with_a_fallback() {
    use types::EnrollmentCancelledEnrollmentProcess as Process;
    let client = Client::new(Mock::new(vec![
        json!({"data": {"cancelEnrollment": {"enrollmentProcess": {"__typename": "JoinSupplierProcessType"}, "message": "ok"}}}),
        json!({"data": {"cancelEnrollment": {"enrollmentProcess": {"__typename": "LeaveSupplierProcessType", "id": "1"}}}}),
    ]));
    let vars = cancel_enrollment::Variables { input: types::CancelEnrollmentInput(json!({})) };
    let first = block_on(client.cancel_enrollment(&vars)).unwrap();
    let process = first.enrollment_process.unwrap();
    assert!(matches!(&process, Process::JoinSupplierProcessType(p) if p.typename() == Some("JoinSupplierProcessType")));
    assert_eq!(first.message.as_deref(), Some("ok"));
    let second = block_on(client.cancel_enrollment(&vars)).unwrap();
    let Some(Process::Unknown { typename, value }) = second.enrollment_process else { panic!() };
    assert_eq!(typename, "LeaveSupplierProcessType");
    assert_eq!(value["id"], "1");
    // A union without `__typename` cannot be decoded, and says why.
    let client = Client::new(Mock::new(vec![json!({"data": {"cancelEnrollment": {"enrollmentProcess": {}}}})]));
    let err = block_on(client.cancel_enrollment(&vars)).unwrap_err();
    assert!(matches!(&err, Error::Decode(e) if e.to_string().contains("__typename")), "{err:?}");
}

#[test]
fn authenticate_stores_the_token() {
    let client = Client::new(Mock::new(vec![json!({"data": {"obtainKrakenToken": {
        "payload": {"sub": "kraken|account-user:1"}, "refreshExpiresIn": 49, "refreshToken": "r", "token": "jwt-1"
    }}})]));
    let vars = obtain_kraken_token::Variables {
        input: types::ObtainJsonWebTokenInput(json!({"email": "a@example.com", "password": "p"})),
    };
    let payload = block_on(client.authenticate(&vars)).unwrap();
    assert_eq!(payload.refresh_token.as_deref(), Some("r"));
    assert_eq!(held_token(&client), Some("jwt-1".into()));
    let refresh = client.session().tokens().unwrap().refresh_token.map(|r| r.expose().to_string());
    assert_eq!(refresh.as_deref(), Some("r"), "the refresh token is kept for the session");
    // The next call carries it; the login itself carried none.
    let _ = block_on(client.generate_pre_signed_token(&pre_signed_variables()));
    assert_eq!(*client.transport().tokens.lock().unwrap(), [None, Some("jwt-1".into())]);
    // A shared transport works too.
    let shared = std::sync::Arc::new(Mock::new(vec![json!({"data": {"obtainKrakenToken": {"token": "jwt-2"}}})]));
    let client = Client::new(shared.clone());
    block_on(client.authenticate(&vars)).unwrap();
    assert_eq!(held_token(&client), Some("jwt-2".into()));
    // A response without a token is an error, not a silent logout.
    let client = Client::new(Mock::new(vec![json!({"data": {"obtainKrakenToken": {"token": null}}})]));
    assert!(matches!(block_on(client.authenticate(&vars)), Err(Error::MissingToken)));
}

#[test]
fn missing_data_and_transport_failures_are_reported() {
    let client = Client::new(Mock::new(vec![json!({})]));
    assert!(matches!(block_on(client.generate_pre_signed_token(&pre_signed_variables())), Err(Error::MissingData)));
    assert!(matches!(block_on(client.generate_pre_signed_token(&pre_signed_variables())), Err(Error::Transport(_))));
}

/// One request as the test server received it: its authorization header and its JSON body.
type Received = (Option<String>, Value);

/// Serves `responses.len()` HTTP/1.1 requests on a loopback port, one per connection, answering each
/// with the next `(status, body)`; returns the port and a handle yielding every request received as
/// `(authorization header, JSON body)`.
fn serve(responses: Vec<(u16, Value)>) -> (u16, std::thread::JoinHandle<Vec<Received>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = std::thread::spawn(move || {
        let mut seen = Vec::new();
        // Accept without blocking forever, so a client that never connects fails the test instead of
        // hanging it.
        listener.set_nonblocking(true).unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        for (status, body) in responses {
            let mut stream = loop {
                match listener.accept() {
                    Ok((stream, _)) => break stream,
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock && std::time::Instant::now() < deadline => {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    Err(e) => panic!("no client connected: {e}"),
                }
            };
            stream.set_nonblocking(false).unwrap();
            stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut auth = None;
            let mut len = 0;
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                let (k, v) = line.split_once(':').unwrap_or((line, ""));
                match k.to_ascii_lowercase().as_str() {
                    "content-length" => len = v.trim().parse().unwrap(),
                    "authorization" => auth = Some(v.trim().to_string()),
                    _ => {}
                }
            }
            let mut buf = vec![0; len];
            reader.read_exact(&mut buf).unwrap();
            seen.push((auth, serde_json::from_slice(&buf).unwrap()));
            let text = body.to_string();
            write!(
                stream,
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
                text.len()
            )
            .unwrap();
        }
        seen
    });
    (port, handle)
}

#[test]
fn reqwest_transport_talks_plain_http_on_loopback() {
    use oees_client::http::ReqwestTransport;
    let (port, server) = serve(vec![
        (200, json!({"data": {"obtainKrakenToken": {"token": "jwt-7", "refreshToken": "r"}}})),
        (200, validation_response()),
        (502, json!({"detail": "bad gateway"})),
    ]);
    let client = Client::new(ReqwestTransport::new(format!("http://127.0.0.1:{port}/v1/graphql/")));
    let login = obtain_kraken_token::Variables { input: types::ObtainJsonWebTokenInput(json!({"APIKey": "k"})) };
    block_on(async {
        client.authenticate(&login).await.unwrap();
        assert_eq!(held_token(&client).as_deref(), Some("jwt-7"));
        let vars = reset_user_password::Variables { input: types::ResetUserPasswordInput(json!({"password": "x"})) };
        let err = client.reset_user_password(&vars).await.unwrap_err();
        assert_eq!(err.code(), Some(&ErrorCode::KtCt5450));
        let err = client.reset_user_password(&vars).await.unwrap_err();
        assert!(matches!(&err, Error::Transport(t) if t.status() == Some(502)), "{err:?}");
    });
    let seen = server.join().unwrap();
    assert_eq!(seen[0].0, None, "no token before authenticating");
    assert_eq!(seen[0].1["operationName"], "ObtainKrakenToken");
    assert_eq!(seen[0].1["variables"], json!({"input": {"APIKey": "k"}}));
    assert_eq!(seen[1].0.as_deref(), Some("jwt-7"), "the token is sent bare in Authorization");
    assert_eq!(seen[1].1["query"], reset_user_password::DOCUMENT);
}

/// `Debug` of generated types never shows a secret: a payload's token fields, and the values of
/// secret-named keys (`password`, `APIKey`, `refreshToken`, ...) inside JSON-carried inputs, at any
/// depth; everything else is shown.
#[test]
fn debug_output_redacts_secrets() {
    let payload: oees_client::obtain_kraken_token::ObtainKrakenJsonWebToken =
        serde_json::from_value(json!({"token": "jwt-secret-value", "refreshToken": "refresh-secret-value", "refreshExpiresIn": 7})).unwrap();
    let shown = format!("{payload:?}");
    assert!(!shown.contains("secret-value") && shown.contains("refresh_expires_in: Some(7)") && shown.contains("<redacted>"), "{shown}");
    let input = oees_client::types::ObtainJsonWebTokenInput(json!({
        "email": "a@example.com",
        "password": "hunter2",
        "APIKey": "sk_live_1",
        "nested": [{"refreshToken": "rt-1", "organizationSecretKey": "os-1", "tokenExpiryDatetime": "2026-01-01"}]
    }));
    let shown = format!("{input:?}");
    for secret in ["hunter2", "sk_live_1", "rt-1", "os-1"] {
        assert!(!shown.contains(secret), "{secret} in {shown}");
    }
    assert!(shown.contains("a@example.com") && shown.contains("2026-01-01"), "{shown}");
    // The value itself is untouched: only its `Debug` hides the secrets.
    assert_eq!(input.0["password"], "hunter2");
}
