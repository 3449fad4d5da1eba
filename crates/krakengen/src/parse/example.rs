//! A tolerant parser for the reference's example variables and responses.
//!
//! The examples look like JSON but are not: a value may be a bare type name (`"quote": QuoteType`), a
//! list of one (`[ErrorType]`), or an alternation of sample values for a scalar that accepts several
//! shapes (`"abc123" | 1 | 1.0 | true | ["abc123"] | AccountType`). This module reads that language
//! into [`Value`], which the type inference then inspects.

/// One example value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Str(String),
    Int(i64),
    /// A number with a fraction or exponent, kept as written.
    Float(String),
    Bool(bool),
    Null,
    Object(Vec<(String, Value)>),
    List(Vec<Value>),
    /// A bare type name standing for a value of that type.
    TypeName(String),
    /// `a | b | c`: any of these shapes.
    Alt(Vec<Value>),
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Parses an example; the error is a message and the byte offset in `text` where parsing stopped.
pub fn parse(text: &str) -> Result<Value, (String, usize)> {
    let mut p = Parser { s: text.as_bytes(), text, i: 0, depth: 0 };
    p.ws();
    if p.i == p.s.len() {
        return Ok(Value::Object(Vec::new()));
    }
    let v = p.alt()?;
    p.ws();
    if p.i != p.s.len() {
        return Err(("unexpected text after the example value".into(), p.i));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    depth: usize,
}

/// Deeper nesting than this is refused rather than risking the stack on hostile input.
const MAX_DEPTH: usize = 128;

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn err<T>(&self, msg: &str) -> Result<T, (String, usize)> {
        Err((msg.to_string(), self.i))
    }

    fn alt(&mut self) -> Result<Value, (String, usize)> {
        let first = self.value()?;
        self.ws();
        if self.peek() != Some(b'|') {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.peek() == Some(b'|') {
            self.i += 1;
            self.ws();
            items.push(self.value()?);
            self.ws();
        }
        Ok(Value::Alt(items))
    }

    fn value(&mut self) -> Result<Value, (String, usize)> {
        self.ws();
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.err("example nested too deeply");
        }
        let v = match self.peek() {
            None => self.err("unexpected end of the example"),
            Some(b'{') => self.object(),
            Some(b'[') => self.list(),
            Some(b'"') => self.string().map(Value::Str),
            Some(c) if c == b'-' || c.is_ascii_digit() => self.number(),
            Some(c) if c.is_ascii_alphabetic() || c == b'_' => {
                let start = self.i;
                while self.i < self.s.len() && (self.s[self.i].is_ascii_alphanumeric() || self.s[self.i] == b'_') {
                    self.i += 1;
                }
                Ok(match &self.text[start..self.i] {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    "null" => Value::Null,
                    name => Value::TypeName(name.to_string()),
                })
            }
            Some(_) => self.err("expected a value"),
        };
        self.depth -= 1;
        v
    }

    fn object(&mut self) -> Result<Value, (String, usize)> {
        self.i += 1;
        let mut fields = Vec::new();
        loop {
            self.ws();
            match self.peek() {
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Object(fields));
                }
                Some(b'"') => {}
                _ => return self.err("expected a quoted key or `}`"),
            }
            let key = self.string()?;
            self.ws();
            if self.peek() != Some(b':') {
                return self.err("expected `:` after the key");
            }
            self.i += 1;
            let v = self.alt()?;
            fields.push((key, v));
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {}
                _ => return self.err("expected `,` or `}`"),
            }
        }
    }

    fn list(&mut self) -> Result<Value, (String, usize)> {
        self.i += 1;
        let mut items = Vec::new();
        loop {
            self.ws();
            if self.peek() == Some(b']') {
                self.i += 1;
                return Ok(Value::List(items));
            }
            items.push(self.alt()?);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {}
                _ => return self.err("expected `,` or `]`"),
            }
        }
    }

    fn string(&mut self) -> Result<String, (String, usize)> {
        self.i += 1;
        let mut out = String::new();
        let mut start = self.i;
        while self.i < self.s.len() {
            match self.s[self.i] {
                b'"' => {
                    out.push_str(&self.text[start..self.i]);
                    self.i += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.text[start..self.i]);
                    self.i += 1;
                    match self.peek() {
                        Some(b'n') => out.push('\n'),
                        Some(b't') => out.push('\t'),
                        Some(c @ (b'"' | b'\\' | b'/')) => out.push(c as char),
                        Some(_) => out.push('\\'),
                        None => break,
                    }
                    // Escapes are ASCII, so stepping one byte keeps us on a char boundary.
                    if self.peek().is_some_and(|c| c.is_ascii()) {
                        self.i += 1;
                    }
                    start = self.i;
                }
                _ => self.i += 1,
            }
        }
        self.err("unterminated string")
    }

    fn number(&mut self) -> Result<Value, (String, usize)> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let mut float = false;
        while let Some(c) = self.peek() {
            match c {
                b'0'..=b'9' => {}
                b'.' | b'e' | b'E' | b'+' => float = true,
                b'-' if float => {}
                _ => break,
            }
            self.i += 1;
        }
        let t = &self.text[start..self.i];
        if float {
            if t.parse::<f64>().is_err() {
                return Err(("malformed number".into(), start));
            }
            Ok(Value::Float(t.to_string()))
        } else {
            t.parse::<i64>().map(Value::Int).or_else(|_| {
                if t.len() > 1 && t[1..].bytes().all(|b| b.is_ascii_digit()) || t.bytes().all(|b| b.is_ascii_digit()) {
                    // Integers too large for i64 are still numbers; keep them as written.
                    Ok(Value::Float(t.to_string()))
                } else {
                    Err(("malformed number".into(), start))
                }
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_reference_dialect() {
        let v = parse(
            r#"{"data": {"m": {"a": GoodsPurchase, "b": [ErrorType], "c": "abc" | 1 | 1.0 | true | ["x"] | AccountType, "d": {"key": "value"}, "e": null, "f": -3}}}"#,
        )
        .unwrap();
        let m = v.get("data").unwrap().get("m").unwrap();
        assert_eq!(m.get("a"), Some(&Value::TypeName("GoodsPurchase".into())));
        assert_eq!(m.get("b"), Some(&Value::List(vec![Value::TypeName("ErrorType".into())])));
        assert!(matches!(m.get("c"), Some(Value::Alt(v)) if v.len() == 6));
        assert_eq!(m.get("f"), Some(&Value::Int(-3)));
        assert_eq!(m.get("e"), Some(&Value::Null));
    }

    #[test]
    fn reports_position_of_errors() {
        let (msg, at) = parse("{\"a\": 1,, }").unwrap_err();
        assert!(msg.contains("quoted key"), "{msg}");
        assert_eq!(at, 8);
        assert!(parse("{\"a\": \"unterminated").is_err());
        assert!(parse(&"[".repeat(10_000)).is_err());
        assert!(parse("- ").is_err());
    }

    #[test]
    fn empty_is_an_empty_object() {
        assert_eq!(parse("  ").unwrap(), Value::Object(vec![]));
    }
}
