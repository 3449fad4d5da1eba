//! Tokens → formatted source: `syn::parse2::<syn::File>` then `prettyplease::unparse`, behind
//! [`super::HEADER`].
//!
//! Parsing the tokens as a file is also the generator's first self-check: tokens that are not valid
//! Rust are a bug in krakengen, reported as an error diagnostic instead of a file that does not build.

use proc_macro2::TokenStream;

use crate::diag::Diagnostics;
use crate::model::Span;

pub(crate) fn rust_file(tokens: TokenStream) -> Result<String, Diagnostics> {
    match syn::parse2::<syn::File>(tokens) {
        Ok(file) => {
            let body = prettyplease::unparse(&file);
            let mut out = String::with_capacity(super::HEADER.len() + body.len());
            out.push_str(super::HEADER);
            out.push_str(&body);
            Ok(out)
        }
        Err(e) => {
            let mut d = Diagnostics::new();
            d.error(
                "codegen-internal",
                Span { file: u32::MAX, ..Span::default() },
                format!("krakengen generated Rust that does not parse ({e}); this is a bug in krakengen"),
                "",
            );
            Err(d)
        }
    }
}
