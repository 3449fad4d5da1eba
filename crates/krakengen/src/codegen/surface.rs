//! The public Rust surface of the generated crates, as data: every item a caller can name, keyed by
//! the GraphQL or Kraken fact it comes from.
//!
//! `krakengen diff` compares the surfaces of two generators to tell which changes break code written
//! against the previous crates even where GraphQL calls them safe: a renamed identifier, a variant
//! added to an enum callers match exhaustively, a field added to a struct they build with a literal.
//! The surface is read off the same [`Ir`](super::ir::Ir) the emitters use, so it names exactly the
//! items they write.
//!
//! Keys (`op:NAME`, `arg:OP:ARG`, `err:OP:CODE`, `type:T`, `field:T.F` (a payload is the type `type:T` too), `value:T.V`, `member:T.M`, ...)
//! are shared with the diff's GraphQL changes, which is how a Rust consequence finds the change that
//! causes it.

use std::collections::BTreeMap;

use super::ir::{Ir, Ty, TypeIrKind};

/// One nameable item of the generated crates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RustItem {
    /// The item's path from the crate root (`create_quote::Variables::input`, `types::QuoteInput`).
    pub path: String,
    /// What it is or its type: `module`, `method`, `struct`, `enum`, `JSON newtype`, or a field's Rust
    /// type such as `Option<types::QuoteInput>`.
    pub sig: String,
    /// For an enum callers match exhaustively: its variants, by the key of the fact each stands for.
    pub variants: Option<BTreeMap<String, String>>,
    /// For a struct callers build with a literal: its fields by key, with whether each is required.
    pub literal: Option<BTreeMap<String, (String, bool)>>,
}

/// Every item of the generated crates, by key; a key may name several items (an operation is a
/// module and a client method).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RustSurface {
    pub items: BTreeMap<String, Vec<RustItem>>,
}

impl RustSurface {
    fn add(&mut self, key: String, path: String, sig: impl Into<String>) -> &mut RustItem {
        let list = self.items.entry(key).or_default();
        list.push(RustItem { path, sig: sig.into(), variants: None, literal: None });
        list.last_mut().expect("just pushed")
    }
}

/// A Rust type as a reader writes it, relative to the crate root.
fn ty_text(ty: &Ty, module: &str) -> String {
    match ty {
        Ty::Prim(p) => p.to_string(),
        Ty::Shared(n) => format!("types::{n}"),
        Ty::Local(n) => format!("{module}::{n}"),
        Ty::Json => "serde_json::Value".into(),
        Ty::Option(t) => format!("Option<{}>", ty_text(t, module)),
        Ty::Vec(t) => format!("Vec<{}>", ty_text(t, module)),
        Ty::Boxed(t) => format!("Box<{}>", ty_text(t, module)),
    }
}

pub(crate) fn of(ir: &Ir) -> RustSurface {
    let mut s = RustSurface::default();
    for code in &ir.codes {
        s.add(format!("code:{}", code.code), format!("errors::ErrorCode::{}", code.variant), "variant");
    }
    for (op, errors) in ir.operations.iter().zip(&ir.mutation_errors) {
        let name = &op.graphql;
        s.add(format!("op:{name}"), op.module.clone(), "module");
        s.add(format!("op:{name}"), format!("Client::{}", op.method), "method");
        let vars = op
            .variables
            .iter()
            .map(|v| (format!("arg:{name}:{}", v.graphql), (v.rust.clone(), !v.ty.is_option())))
            .collect();
        s.add(format!("vars:{name}"), format!("{}::Variables", op.module), "struct").literal = Some(vars);
        for v in &op.variables {
            s.add(format!("arg:{name}:{}", v.graphql), format!("{}::Variables::{}", op.module, v.rust), ty_text(&v.ty, &op.module));
        }
        let variants = errors.codes.iter().map(|&i| (format!("err:{name}:{}", ir.codes[i].code), ir.codes[i].variant.clone())).collect();
        s.add(format!("errors:{name}"), format!("errors::mutations::{}", errors.enum_name), "enum").variants = Some(variants);
        s.add(format!("errors:{name}"), format!("errors::mutations::{}", errors.const_name), "const");
        if let Some(p) = &op.payload {
            s.add(format!("type:{}", p.graphql), format!("{}::{}", op.module, p.rust), "struct");
            for f in &p.fields {
                s.add(format!("field:{}.{}", p.graphql, f.graphql), format!("{}::{}::{}", op.module, p.rust, f.rust), ty_text(&f.ty, &op.module));
            }
        }
    }
    for t in &ir.types {
        let path = format!("types::{}", t.rust);
        let key = format!("type:{}", t.graphql);
        match &t.kind {
            TypeIrKind::Opaque { .. } => {
                s.add(key, path, "JSON newtype");
            }
            TypeIrKind::Scalar { mapping } => {
                s.add(key, path, mapping.as_ref().map_or_else(|| "JSON newtype".to_string(), |m| format!("alias of {m}")));
            }
            TypeIrKind::Object { fields, .. } => {
                s.add(key, path.clone(), "struct");
                for f in fields {
                    s.add(format!("field:{}.{}", t.graphql, f.graphql), format!("{path}::{}", f.rust), ty_text(&f.ty, "types"));
                }
            }
            TypeIrKind::Input { fields } => {
                let literal = fields.iter().map(|f| (format!("field:{}.{}", t.graphql, f.graphql), (f.rust.clone(), !f.ty.is_option()))).collect();
                s.add(key, path.clone(), "struct").literal = Some(literal);
                for f in fields {
                    s.add(format!("field:{}.{}", t.graphql, f.graphql), format!("{path}::{}", f.rust), ty_text(&f.ty, "types"));
                }
            }
            TypeIrKind::Enum { values } => {
                let variants = values.iter().map(|(v, rust)| (format!("value:{}.{v}", t.graphql), rust.clone())).collect();
                s.add(key, path, "enum").variants = Some(variants);
            }
            TypeIrKind::Abstract { members, .. } => {
                let variants = members.iter().map(|(m, variant, _)| (format!("member:{}.{m}", t.graphql), variant.clone())).collect();
                s.add(key, path, "enum").variants = Some(variants);
            }
        }
    }
    s
}
