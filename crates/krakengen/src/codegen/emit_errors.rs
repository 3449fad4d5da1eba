//! Tokens of the error-code module: `ErrorCode`, the per-mutation lists and enums, and the types that
//! decode Kraken's error responses ([`super::runtime::errors`]).

use proc_macro2::TokenStream;
use quote::quote;

use crate::naming::to_ident;

use super::docs::{code, escape, Doc};
use super::ir::{Code, Ir, MutationErrors, UNKNOWN};
use super::format::{self, balanced_ranges, Segment};
use super::runtime;

/// How many mutations one formatting chunk of `mutations` holds (see [`super::format`]).
const MUTATIONS_PER_CHUNK: usize = 48;

/// How many error codes one formatting piece of the items that list every code holds (the
/// `ErrorCode` enum and its `impl`; see [`super::format`]), so that formatting one piece needs little
/// memory whatever the size of the reference. A reference with at most this many codes (the vendored
/// one has 718) formats them whole.
const CODES_PER_PIECE: usize = 1000;

/// The whole generated error module, as segments formatted in parallel.
pub(crate) fn segments(ir: &Ir) -> Vec<Segment<'_>> {
    segments_with(ir, CODES_PER_PIECE)
}

/// [`segments`] with `per_piece` codes per piece of the enum and its `impl`.
fn segments_with(ir: &Ir, per_piece: usize) -> Vec<Segment<'_>> {
    let header = move || {
        let summary = format!(" Kraken error codes and error responses of the {} reference.", escape(&ir.project));
        quote! {
            #![doc = #summary]
            #![doc = ""]
            #![doc = " The `ErrorCode` enum lists every code of the reference and the generic codes Kraken raises for"]
            #![doc = " any operation of a kind (`KT-CT-1111` without permission, `KT-CT-1199` when rate-limited, ...),"]
            #![doc = " and falls back to `ErrorCode::Unknown` for codes added since; `mutations` holds, per mutation,"]
            #![doc = " the codes it can return; `KrakenError` decodes one entry of a GraphQL response's `errors`."]
        }
    };
    let pieces = balanced_ranges(ir.codes.len(), per_piece);
    let mut out = Vec::new();
    if pieces.len() == 1 {
        out.push(Segment::items(move || {
            let (header, code_enum) = (header(), error_code_enum(ir, 0..ir.codes.len(), true));
            quote!(#header #code_enum)
        }));
        out.push(Segment::items(move || error_code_impls(ir, 0..ir.codes.len(), false)));
    } else {
        let last = pieces.len() - 1;
        for (i, r) in pieces.iter().cloned().enumerate() {
            out.push(Segment::chunk("pub enum ErrorCode {", move || {
                let header = if i == 0 { header() } else { TokenStream::new() };
                let code_enum = error_code_enum(ir, r.clone(), i == last);
                quote!(#header #code_enum)
            }));
        }
        for r in pieces {
            out.push(Segment::split("impl ErrorCode", move || error_code_impls(ir, r.clone(), true)));
        }
    }
    let indices: Vec<usize> = (0..ir.operations.len()).collect();
    if indices.is_empty() {
        out.push(Segment::items(|| mutations_module(TokenStream::new())));
    }
    for chunk in indices.chunks(MUTATIONS_PER_CHUNK) {
        let (from, to) = (chunk[0], chunk[chunk.len() - 1] + 1);
        out.push(Segment::chunk("pub mod mutations {", move || {
            mutations_module((from..to).map(|i| mutation_errors(ir, i)).collect())
        }));
    }
    out.push(Segment::items(move || {
        let runtime = runtime::errors();
        if ir.operations.is_empty() {
            // Without mutations nothing narrows, and an unused helper would trip `dead_code`.
            return runtime;
        }
        quote! {
            #[doc = " The value of `values` at the position of `code` in `codes` (the two lists of a"]
            #[doc = " per-mutation error enum), or the code back when the mutation does not list it."]
            #[inline]
            fn narrow<T: ::std::marker::Copy>(codes: &[ErrorCode], values: &[T], code: ErrorCode) -> ::std::result::Result<T, ErrorCode> {
                match codes.iter().position(|c| *c == code) {
                    ::std::option::Option::Some(i) => ::std::result::Result::Ok(values[i]),
                    ::std::option::Option::None => ::std::result::Result::Err(code),
                }
            }

            #runtime
        }
    }));
    out
}

fn mutations_module(items: TokenStream) -> TokenStream {
    quote! {
        #[doc = " The error codes each mutation can return: those the reference lists, then the generic codes"]
        #[doc = " Kraken raises for any operation of its kind."]
        #[doc = ""]
        #[doc = " For every mutation there is a constant slice of [`ErrorCode`]s (in that order) and an"]
        #[doc = " enum of exactly those codes, which callers can match exhaustively; it converts from an"]
        #[doc = " `ErrorCode` with `TryFrom` (failing with the code when the mutation does not list it) and"]
        #[doc = " into one with `From`."]
        pub mod mutations {
            #items
        }
    }
}

fn variant(c: &Code) -> proc_macro2::Ident {
    to_ident(&c.variant)
}

fn code_doc(c: &Code) -> TokenStream {
    let doc = Doc::new().line(format!("{}: {}", code(&c.code), escape(&c.message)));
    match c.generic {
        Some(g) if !c.listed => doc.line(format!("A generic Kraken code, raised by {}; the reference does not list it.", g.raised_by())),
        Some(g) => doc.line(format!("A generic Kraken code, raised by {}.", g.raised_by())),
        None => doc,
    }
    .attrs()
}

/// The documentation of a generic code an operation does not list itself.
fn unlisted_doc(c: &Code) -> TokenStream {
    let raised_by = c.generic.map_or("any operation", |g| g.raised_by());
    Doc::new()
        .line(format!("{}: {}", code(&c.code), escape(&c.message)))
        .line(format!("Not listed by the reference for this operation: Kraken raises it for {raised_by}."))
        .attrs()
}

/// The `ErrorCode` enum with the variants of the codes in `range`, and the `Unknown` variant when
/// `with_unknown` (the last piece of a split enum, or the whole enum).
fn error_code_enum(ir: &Ir, range: std::ops::Range<usize>, with_unknown: bool) -> TokenStream {
    let unknown = with_unknown.then(|| {
        let unknown = to_ident(UNKNOWN);
        quote! {
            #[doc = " A code this crate does not know, as received."]
            #unknown(::std::string::String),
        }
    });
    let variants: TokenStream = ir.codes[range]
        .iter()
        .map(|c| {
            let doc = code_doc(c);
            let v = variant(c);
            quote!(#doc #v,)
        })
        .collect();
    quote! {
        #[doc = " A Kraken error code, such as `KT-CT-8201`."]
        #[doc = ""]
        #[doc = " Each variant documents its code and the message the reference gives for it. Codes the"]
        #[doc = " reference does not list (brands keep adding codes) parse into [`ErrorCode::Unknown`], so"]
        #[doc = " parsing never fails; build values with [`ErrorCode::from_code`] (or `parse`, or serde)"]
        #[doc = " rather than by constructing `Unknown` with a known code, which would not compare equal."]
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::std::cmp::Eq, ::std::hash::Hash, ::std::cmp::PartialOrd, ::std::cmp::Ord)]
        #[non_exhaustive]
        pub enum ErrorCode {
            #variants
            #unknown
        }
    }
}

/// The `impl ErrorCode` block and the trait impls, with the entries of the codes in `range` in its
/// three per-code lists; with `sentinels`, each list is bracketed by two [`format::SPLIT`] entries,
/// for a piece of a split item.
fn error_code_impls(ir: &Ir, range: std::ops::Range<usize>, sentinels: bool) -> TokenStream {
    let unknown = to_ident(UNKNOWN);
    let codes = &ir.codes[range.clone()];
    let bracket = |items: Vec<TokenStream>, sentinel: TokenStream| -> Vec<TokenStream> {
        if !sentinels {
            return items;
        }
        std::iter::once(sentinel.clone()).chain(items).chain(std::iter::once(sentinel)).collect()
    };
    let split = proc_macro2::Ident::new(format::SPLIT, proc_macro2::Span::call_site());
    let all = bracket(codes.iter().map(|c| { let v = variant(c); quote!(ErrorCode::#v) }).collect(), quote!(#split));
    let table = bracket(
        codes
            .iter()
            .map(|c| {
                let (s, m, f) = (&c.code, &c.message, &c.family);
                let category = to_ident(c.category.name());
                quote!((#s, #m, #f, ErrorCategory::#category))
            })
            .collect(),
        quote!(#split),
    );
    let arms = bracket(
        codes.iter().zip(range).map(|(c, i)| { let v = variant(c); quote!(ErrorCode::#v => #i,) }).collect(),
        quote!(#split => 0usize,),
    );
    // The classified codes this API's reference does not list, so that `Unknown` ones still have
    // their category.
    let unlisted = krakengen_policy::generic::CLASSIFIED_CODES.iter().filter(|c| !ir.codes.iter().any(|k| k.code == c.code)).map(|c| {
        let (code, category) = (c.code, to_ident(c.category.name()));
        quote!(#code => ErrorCategory::#category,)
    });
    let count = ir.codes.len();
    // Without known codes the match has only the fallback arm, and wrapping it in `Ok` would be
    // unreachable code.
    let position_body = if ir.codes.is_empty() {
        quote!(match self { ErrorCode::#unknown(code) => ::std::result::Result::Err(code) })
    } else {
        quote! {
            ::std::result::Result::Ok(match self {
                #(#arms)*
                ErrorCode::#unknown(code) => return ::std::result::Result::Err(code),
            })
        }
    };
    // The facts live in one table indexed by a single match, rather than in one match per method:
    // the same behaviour with a quarter of the code to compile (and to generate).
    quote! {
        impl ErrorCode {
            #[doc = " Every known code, sorted by code."]
            pub const ALL: &'static [ErrorCode] = &[#(#all),*];

            #[doc = " The number of known codes."]
            pub const COUNT: usize = #count;

            #[doc = " The code, message, family and category of every known code, in the order of"]
            #[doc = " [`ErrorCode::ALL`]. Sorted by code, so [`ErrorCode::from_code`] can binary-search it."]
            const TABLE: &'static [(&'static str, &'static str, &'static str, ErrorCategory)] = &[#(#table),*];

            #[doc = " The position of a known code in [`ErrorCode::ALL`], or the text of an unknown one."]
            fn position(&self) -> ::std::result::Result<usize, &str> {
                #position_body
            }

            #[doc = " The variant of `code`, or [`ErrorCode::Unknown`] holding it."]
            #[inline]
            pub fn from_code(code: &str) -> Self {
                match ErrorCode::TABLE.binary_search_by(|entry| entry.0.cmp(code)) {
                    ::std::result::Result::Ok(i) => ErrorCode::ALL[i].clone(),
                    ::std::result::Result::Err(_) => ErrorCode::#unknown(::std::string::String::from(code)),
                }
            }

            #[doc = " The code as Kraken writes it: `KT-CT-8201`."]
            #[inline]
            pub fn code(&self) -> &str {
                match self.position() {
                    ::std::result::Result::Ok(i) => ErrorCode::TABLE[i].0,
                    ::std::result::Result::Err(code) => code,
                }
            }

            #[doc = " The message the reference gives for the code, or `None` for an unknown code."]
            #[inline]
            pub fn message(&self) -> ::std::option::Option<&'static str> {
                self.position().ok().map(|i| ErrorCode::TABLE[i].1)
            }

            #[doc = " The family: the middle part of the code (`CT` in `KT-CT-8201`), or `\"\"` when an"]
            #[doc = " unknown code has no such part."]
            #[inline]
            pub fn family(&self) -> &str {
                match self.position() {
                    ::std::result::Result::Ok(i) => ErrorCode::TABLE[i].2,
                    ::std::result::Result::Err(code) => code.split('-').nth(1).unwrap_or(""),
                }
            }

            #[doc = " What kind of failure the code reports (see [`ErrorCategory`]). A code the reference does"]
            #[doc = " not list has the category krakengen knows for it (`KT-CT-1138`, refused credentials, is"]
            #[doc = " `Authentication`), or `Other`."]
            #[inline]
            pub fn category(&self) -> ErrorCategory {
                match self.position() {
                    ::std::result::Result::Ok(i) => ErrorCode::TABLE[i].3,
                    ::std::result::Result::Err(code) => match code {
                        #(#unlisted)*
                        _ => ErrorCategory::Other,
                    },
                }
            }

            #[doc = " Whether the code is one of the reference's."]
            #[inline]
            pub fn is_known(&self) -> bool {
                !::std::matches!(self, ErrorCode::#unknown(_))
            }
        }

        impl ::std::fmt::Display for ErrorCode {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl ::std::str::FromStr for ErrorCode {
            type Err = ::std::convert::Infallible;

            #[inline]
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(ErrorCode::from_code(s))
            }
        }

        impl ::std::convert::From<&str> for ErrorCode {
            #[inline]
            fn from(code: &str) -> Self {
                ErrorCode::from_code(code)
            }
        }

        impl ::serde::Serialize for ErrorCode {
            #[inline]
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for ErrorCode {
            #[inline]
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let code = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                ::std::result::Result::Ok(ErrorCode::from_code(&code))
            }
        }
    }
}

/// The constant list and the narrow enum of one mutation.
/// The constant and the enum of one mutation's error codes. Their functions are `#[inline]`, so a
/// build compiles them to machine code only in the crates that call them: most programs use few of
/// the hundreds of enums, and compiling all of them took most of the error crate's release build.
pub(crate) fn mutation_errors(ir: &Ir, index: usize) -> TokenStream {
    let op = &ir.operations[index];
    let MutationErrors { const_name, enum_name, codes, listed } = &ir.mutation_errors[index];
    let konst = to_ident(const_name);
    let name = to_ident(enum_name);
    let codes: Vec<&Code> = codes.iter().map(|&i| &ir.codes[i]).collect();
    let vs: Vec<_> = codes.iter().map(|c| variant(c)).collect();
    let docs: Vec<_> = codes.iter().enumerate().map(|(i, c)| if i < *listed { code_doc(c) } else { unlisted_doc(c) }).collect();
    let gql = code(&op.graphql);
    let const_doc = Doc::new()
        .line(format!("The error codes {gql} can return: those the reference lists, in its order, then the generic codes Kraken raises for any operation of its kind."))
        .attrs();
    let derive = super::docs::fixed(
        "#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::marker::Copy, ::std::cmp::PartialEq, ::std::cmp::Eq, ::std::hash::Hash)]",
    );
    let enum_doc = Doc::new()
        .line(format!(
            "The error codes {gql} can return: the {listed} the reference lists, then {} generic code{} Kraken raises for any operation of its kind (permissions, rate limits, authentication, query cost).",
            codes.len() - listed,
            if codes.len() - listed == 1 { "" } else { "s" }
        ))
        .line(if codes.is_empty() {
            "There are none, so this enum has no values.".to_string()
        } else {
            "Convert an [`ErrorCode`](super::ErrorCode) with `TryFrom` to match exhaustively on them.".to_string()
        })
        .attrs();
    let impls = mutation_error_impls(const_name, enum_name, &vs);
    quote! {
        #const_doc
        pub const #konst: &[super::ErrorCode] = &[#(super::ErrorCode::#vs),*];

        #enum_doc
        #derive
        pub enum #name {
            #(#docs #vs,)*
        }

        #impls
    }
}

/// The methods and conversions of one mutation's error enum. Their shape is the same for every
/// mutation (the vendored reference has 326), so they are written as text
/// ([`verbatim`](super::docs::verbatim)), which syn and prettyplease skip.
fn mutation_error_impls(konst: &str, name: &str, variants: &[proc_macro2::Ident]) -> TokenStream {
    use std::fmt::Write as _;
    let mut out = format!("impl {name} {{\n    /// Every value: the codes the reference lists, in its order, then the generic ones.\n");
    if variants.is_empty() {
        let _ = writeln!(out, "    pub const ALL: &'static [{name}] = &[];");
    } else {
        let _ = writeln!(out, "    pub const ALL: &'static [{name}] = &[");
        for v in variants {
            let _ = writeln!(out, "        {name}::{v},");
        }
        out.push_str("    ];\n");
    }
    // An enum without values has no discriminant to cast; its value cannot exist anyway.
    let body = if variants.is_empty() { "match self {}".to_string() } else { format!("&{konst}[self as usize]") };
    let _ = write!(
        out,
        "    /// The matching [`ErrorCode`](super::ErrorCode). Values are declared in the order of\n    \
         /// [`{konst}`], so the discriminant indexes it.\n    #[inline]\n    \
         pub fn error_code(self) -> &'static super::ErrorCode {{\n        {body}\n    }}\n    \
         /// The code as Kraken writes it.\n    #[inline]\n    pub fn code(self) -> &'static str {{\n        \
         self.error_code().code()\n    }}\n    /// The message the reference gives for the code.\n    #[inline]\n    \
         pub fn message(self) -> &'static str {{\n        self.error_code().message().unwrap_or_default()\n    }}\n}}\n\
         impl ::std::convert::From<{name}> for super::ErrorCode {{\n    #[inline]\n    \
         fn from(value: {name}) -> Self {{\n        value.error_code().clone()\n    }}\n}}\n\
         impl ::std::convert::TryFrom<super::ErrorCode> for {name} {{\n    type Error = super::ErrorCode;\n    #[inline]\n    \
         fn try_from(value: super::ErrorCode) -> ::std::result::Result<Self, Self::Error> {{\n        \
         super::narrow({konst}, {name}::ALL, value)\n    }}\n}}\n"
    );
    super::docs::verbatim(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splitting the enum and its `impl` into pieces must not change a byte of the file. The vendored
    /// reference has fewer codes than one piece holds, so it is split here into small pieces (about 90
    /// codes each), which must give exactly what formatting the items whole gives.
    #[test]
    fn splitting_the_code_lists_changes_nothing() {
        let ir = crate::codegen::tests::vendored_ir(&crate::codegen::Options::new("oees"));
        assert!(ir.codes.len() > 700, "{}", ir.codes.len());
        let whole = format::rust_file_segments(&segments_with(&ir, usize::MAX)).unwrap();
        assert_eq!(segments(&ir).len(), segments_with(&ir, usize::MAX).len(), "the vendored reference is not split");
        let split = segments_with(&ir, 100);
        assert_eq!(split.iter().filter(|s| s.split.is_some()).count(), 8);
        assert_eq!(format::rust_file_segments(&split).unwrap(), whole);
        assert!(!whole.contains(format::SPLIT));
    }
}
