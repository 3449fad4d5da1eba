//! The walk of one document against the schema: what validation alone cannot say (`removed`,
//! `unchecked`, `deprecated`, `overdue`), and each operation's summary.

use std::collections::BTreeSet;

use apollo_compiler::ast::{self, Selection};
use apollo_compiler::schema::ExtendedType;
use apollo_compiler::validation::Valid;
use apollo_compiler::{Node, Schema};

use super::*;

pub(super) struct Walker<'a> {
    pub(super) schema: &'a Valid<Schema>,
    pub(super) previous: Option<&'a Valid<Schema>>,
    pub(super) today: &'a str,
    pub(super) file: &'a str,
    pub(super) sources: &'a apollo_compiler::parser::SourceMap,
    pub(super) findings: Vec<Finding>,
    /// Byte ranges (in the document's positioned text) whose validation errors are not reported.
    pub(super) unchecked: Vec<(usize, usize)>,
    /// Offsets of the fields written with a selection set.
    pub(super) selected: BTreeSet<usize>,
    pub(super) label: Option<String>,
}

/// Whether krakengen knows every field of a type: not when the reference does not give them
/// (`@opaque`) or gives only those its examples select (`@partial`).
fn fields_known(t: &ExtendedType) -> bool {
    !(t.directives().has("opaque") || t.directives().has("partial"))
}

impl Walker<'_> {
    fn push(&mut self, loc: Option<SourceSpan>, kind: Kind, message: String, removal: Option<String>) {
        let (line, column) = start_of(loc.and_then(|l| l.line_column_range(self.sources)));
        self.findings.push(Finding {
            file: self.file.to_string(),
            line,
            column,
            operation: self.label.clone(),
            kind,
            message,
            removal,
            replacement: None,
        });
    }

    /// A `removed` finding for field `field` of `parent` (or its argument `argument`): `what`,
    /// then what the previous schema said of it, or else the known name closest to it.
    fn removed(&mut self, loc: Option<SourceSpan>, what: String, (parent, field, argument): (&str, &str, Option<&str>), known: &[&str]) {
        let before = self.previous.and_then(|p| p.type_field(parent, field).ok()).and_then(|def| match argument {
            Some(a) => def.argument_by_name(a).map(|a| a.directives.clone()),
            None => Some(def.directives.clone()),
        });
        let (message, replacement) = match before {
            Some(directives) => match deprecated(&directives) {
                Some(reason) => {
                    let replacement = reason.and_then(replacement_in);
                    let said = match &replacement {
                        Some(r) => format!("; the previous reference deprecated it for `{r}`"),
                        None => format!("; the previous reference deprecated it: {}", reason_text(reason.unwrap_or("No longer supported"))),
                    };
                    (format!("{what}{said}"), replacement)
                }
                None => (format!("{what}; the previous reference had it, without a deprecation"), None),
            },
            None => {
                let name = argument.unwrap_or(field);
                (format!("{what}{}", did_you_mean(name, known)), None)
            }
        };
        self.push(loc, Kind::Removed, message, None);
        if let Some(last) = self.findings.last_mut() {
            last.replacement = replacement;
        }
    }

    pub(super) fn in_unchecked(&self, loc: SourceSpan) -> bool {
        self.unchecked.iter().any(|&(a, b)| loc.offset() >= a && loc.offset() < b)
    }

    fn skip(&mut self, loc: Option<SourceSpan>) {
        if let Some(l) = loc {
            self.unchecked.push((l.offset(), l.end_offset()));
        }
    }

    pub(super) fn selection_set(&mut self, parent: &str, set: &[Selection]) {
        for s in set {
            match s {
                Selection::Field(f) => self.field(parent, f),
                Selection::InlineFragment(i) => {
                    let on = i.type_condition.as_ref().map_or(parent, |t| t.as_str()).to_string();
                    self.selection_set(&on, &i.selection_set);
                }
                // A fragment is walked once, as its own definition.
                Selection::FragmentSpread(_) => {}
            }
        }
    }

    fn field(&mut self, parent: &str, f: &Node<ast::Field>) {
        if f.name.starts_with("__") {
            return;
        }
        if let (false, Some(l)) = (f.selection_set.is_empty(), f.location()) {
            self.selected.insert(l.offset());
        }
        // A type the schema does not have is a validation error of its own.
        let Some(ty) = self.schema.types.get(parent) else { return };
        let def = match self.schema.type_field(parent, &f.name) {
            Ok(def) => def,
            Err(_) => {
                self.skip(f.location());
                if !fields_known(ty) {
                    let what = if ty.directives().has("opaque") {
                        format!("krakengen does not know the fields of `{parent}` (the reference does not give them)")
                    } else {
                        format!("krakengen knows only the fields of `{parent}` the reference's examples select, and not `{}`", f.name)
                    };
                    self.push(
                        f.name.location(),
                        Kind::Unchecked,
                        format!("{what}, so `{}` and what it selects are not checked; pass the brand's schema with --supplement to check them", f.name),
                        None,
                    );
                } else {
                    let known: Vec<&str> = match ty {
                        ExtendedType::Object(o) => o.fields.keys().map(|k| k.as_str()).collect(),
                        ExtendedType::Interface(o) => o.fields.keys().map(|k| k.as_str()).collect(),
                        _ => Vec::new(),
                    };
                    let what = match self.schema.root_operation(ast::OperationType::Query).filter(|r| r.as_str() == parent) {
                        Some(_) => format!("the query `{}` is not in the schema", f.name),
                        None if self.schema.root_operation(ast::OperationType::Mutation).is_some_and(|r| r.as_str() == parent) => {
                            format!("the mutation `{}` is not in the schema", f.name)
                        }
                        None => format!("`{parent}` has no field `{}`", f.name),
                    };
                    self.removed(f.name.location(), what, (parent, &f.name, None), &known);
                }
                return;
            }
        };
        let coordinate = format!("{parent}.{}", f.name);
        self.deprecation(f.name.location(), &format!("`{coordinate}`"), &def.directives);
        for arg in &f.arguments {
            match def.argument_by_name(&arg.name) {
                Some(a) => {
                    self.deprecation(arg.name.location(), &format!("argument `{}` of `{coordinate}`", arg.name), &a.directives);
                    self.value(&a.ty, &arg.value);
                }
                None if !fields_known(ty) => {}
                None => {
                    let known: Vec<&str> = def.arguments.iter().map(|a| a.name.as_str()).collect();
                    self.removed(
                        arg.name.location(),
                        format!("`{coordinate}` has no argument `{}`", arg.name),
                        (parent, &f.name, Some(&arg.name)),
                        &known,
                    );
                }
            }
        }
        let inner = def.ty.inner_named_type().as_str();
        if inner == "Unknown" && !f.selection_set.is_empty() {
            self.skip(f.location());
            self.push(
                f.name.location(),
                Kind::Unchecked,
                format!("the reference does not give the type of `{coordinate}`, so what it selects is not checked; pass the brand's schema with --supplement to check it"),
                None,
            );
            return;
        }
        let inner = inner.to_string();
        self.selection_set(&inner, &f.selection_set);
    }

    /// Deprecated enum values and input fields in a literal value of type `ty`.
    fn value(&mut self, ty: &ast::Type, v: &Node<ast::Value>) {
        let named = ty.inner_named_type();
        match (self.schema.types.get(named.as_str()), v.as_ref()) {
            (Some(ExtendedType::Enum(e)), ast::Value::Enum(name)) => {
                if let Some(value) = e.values.get(name) {
                    self.deprecation(v.location(), &format!("enum value `{named}.{name}`"), &value.directives);
                }
            }
            (_, ast::Value::List(items)) => {
                let item = match ty {
                    ast::Type::List(t) | ast::Type::NonNullList(t) => t.as_ref().clone(),
                    other => other.clone(),
                };
                for i in items {
                    self.value(&item, i);
                }
            }
            (Some(ExtendedType::InputObject(o)), ast::Value::Object(fields)) => {
                if o.directives.has("opaque") {
                    self.skip(v.location());
                    self.push(
                        v.location(),
                        Kind::Unchecked,
                        format!("krakengen does not know the fields of the input `{named}` (the reference does not give them), so this value is not checked"),
                        None,
                    );
                    return;
                }
                for (name, value) in fields {
                    if let Some(def) = o.fields.get(name) {
                        self.deprecation(value.location(), &format!("input field `{named}.{name}`"), &def.directives);
                        self.value(&def.ty, value);
                    }
                }
            }
            _ => {}
        }
    }

    fn deprecation(&mut self, loc: Option<SourceSpan>, what: &str, directives: &ast::DirectiveList) {
        let Some(reason) = deprecated(directives) else { return };
        let reason = reason.unwrap_or("No longer supported");
        let removal = directive_argument(directives, "deprecationDetails", "removal")
            .and_then(|v| v.as_str())
            .map(String::from)
            .or_else(|| removal_in(reason));
        let first = reason_text(reason);
        let (kind, message) = match &removal {
            Some(day) if day.as_str() < self.today => {
                (Kind::Overdue, format!("{what} is deprecated and was scheduled for removal on or after {day}, which has passed: {first}"))
            }
            Some(day) => (Kind::Deprecated, format!("{what} is deprecated and scheduled for removal on or after {day}: {first}")),
            None => (Kind::Deprecated, format!("{what} is deprecated: {first}")),
        };
        self.push(loc, kind, message, removal);
    }

    pub(super) fn summary(&self, op: &Node<ast::OperationDefinition>, root: &str) -> OperationSummary {
        let (line, column) = start_of(op.location().and_then(|l| l.line_column_range(self.sources)));
        let fields = op
            .selection_set
            .iter()
            .filter_map(|s| match s {
                Selection::Field(f) if !f.name.starts_with("__") => Some(f),
                _ => None,
            })
            .map(|f| {
                let def = self.schema.type_field(root, &f.name).ok();
                let arg = |name: &str, arg: &str| def.and_then(|d| directive_argument(&d.directives, name, arg));
                RootField {
                    name: f.name.to_string(),
                    known: def.is_some(),
                    permissions: arg("requiresPermissions", "expression").and_then(|v| v.as_str().map(String::from)),
                    complexity: arg("complexity", "value").and_then(|v| v.to_i32()).map(i64::from),
                    errors: arg("possibleErrors", "codes")
                        .and_then(|v| v.as_list().map(|l| l.iter().filter_map(|c| c.as_str().map(String::from)).collect()))
                        .unwrap_or_default(),
                }
            })
            .collect();
        OperationSummary {
            file: self.file.to_string(),
            line,
            column,
            operation: op.name.as_ref().map(|n| n.to_string()),
            kind: match op.operation_type {
                ast::OperationType::Query => "query",
                ast::OperationType::Mutation => "mutation",
                ast::OperationType::Subscription => "subscription",
            },
            fields,
        }
    }
}

/// `Some(reason)` when `list` has `@deprecated` (`Some(None)` without a reason argument).
fn deprecated(list: &ast::DirectiveList) -> Option<Option<&str>> {
    Some(list.get("deprecated")?.specified_argument_by_name("reason").and_then(|v| v.as_str()))
}

/// The value of argument `arg` of directive `directive` in `list`.
fn directive_argument<'d>(list: &'d ast::DirectiveList, directive: &str, arg: &str) -> Option<&'d Node<ast::Value>> {
    list.get(directive)?.specified_argument_by_name(arg)
}

/// A deprecation reason on one line, without the Kraken boilerplate that only repeats it ("The
/// 'x' field is deprecated.") when more follows, and cut at 300 characters.
fn reason_text(reason: &str) -> String {
    let lines: Vec<&str> = reason.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let useful: Vec<&str> = match lines.split_first() {
        Some((first, rest)) if !rest.is_empty() && first.ends_with("is deprecated.") => rest.to_vec(),
        _ => lines,
    };
    let text = useful.join(" ");
    match text.char_indices().nth(300) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    }
}

/// A date (YYYY-MM-DD) a deprecation reason gives after the word "remov…" ("Scheduled for removal
/// on or after 2025-08-21", "will be removed on 2025-01-01").
fn removal_in(reason: &str) -> Option<String> {
    let lower = reason.to_ascii_lowercase();
    let at = lower.find("remov")?;
    let rest = &reason[at..];
    rest.char_indices().filter_map(|(i, _)| rest.get(i..i + 10)).find(|s| crate::diff::is_date(s)).map(String::from)
}

/// The name a deprecation reason tells to use instead: "Please use 'x' instead", "Use the `x`
/// mutation", "use x instead".
fn replacement_in(reason: &str) -> Option<String> {
    let lower = reason.to_ascii_lowercase();
    let name_char = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.';
    for (at, _) in lower.match_indices("use ") {
        if at > 0 && lower.as_bytes()[at - 1].is_ascii_alphanumeric() {
            continue;
        }
        let mut rest = reason[at + 4..].trim_start();
        if rest.to_ascii_lowercase().starts_with("the ") {
            rest = rest[4..].trim_start();
        }
        let name = match rest.chars().next() {
            Some(q @ ('\'' | '`' | '"')) => {
                let inner = &rest[1..];
                inner.find(q).map(|end| &inner[..end]).filter(|n| !n.is_empty() && n.chars().all(name_char))
            }
            _ => {
                let end = rest.find(|c: char| !name_char(c)).unwrap_or(rest.len());
                let (name, after) = rest.split_at(end);
                // A bare word is a name only when the sentence says "instead" right after it,
                // perhaps after the kind of thing it is.
                let after = after.trim_start().to_ascii_lowercase();
                let after = ["field ", "mutation ", "query ", "argument "].iter().find_map(|k| after.strip_prefix(k)).unwrap_or(&after);
                (!name.is_empty() && after.starts_with("instead")).then_some(name)
            }
        };
        if let Some(n) = name {
            return Some(n.trim_end_matches('.').to_string());
        }
    }
    None
}

/// ` (did you mean `x`?)` for the known name closest to `name`, if one is close.
fn did_you_mean(name: &str, known: &[&str]) -> String {
    let lower = name.to_ascii_lowercase();
    let best = known
        .iter()
        .filter(|k| !k.starts_with('_'))
        .map(|k| {
            let kl = k.to_ascii_lowercase();
            let contains = kl.contains(&lower) || lower.contains(&kl);
            let score = strsim::normalized_levenshtein(&lower, &kl) + if contains { 0.5 } else { 0.0 };
            (score, *k)
        })
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)));
    best.map_or_else(String::new, |(_, k)| format!(" (did you mean `{k}`?)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removal_dates_are_read_from_reasons() {
        assert_eq!(removal_in("Use x.\n- Scheduled for removal on or after 2025-08-21.").as_deref(), Some("2025-08-21"));
        assert_eq!(removal_in("Marked on 2024-01-01; will be removed on 2025-02-03").as_deref(), Some("2025-02-03"));
        assert_eq!(removal_in("Deprecated since 2024-01-01."), None);
        assert_eq!(removal_in("removal: soon é"), None);
    }

    #[test]
    fn replacements_are_read_from_reasons() {
        let r = |s: &str| replacement_in(s);
        assert_eq!(r("The 'suspendControl' field is deprecated.\nPlease use 'updateDeviceSmartControl' instead.").as_deref(), Some("updateDeviceSmartControl"));
        assert_eq!(r("Please use the 'updateUser' mutation instead.").as_deref(), Some("updateUser"));
        assert_eq!(r("Use `flexPlannedDispatches`.").as_deref(), Some("flexPlannedDispatches"));
        assert_eq!(r("use accountNumber instead").as_deref(), Some("accountNumber"));
        assert_eq!(r("Use the new flow, which is simpler."), None);
        assert_eq!(r("Because of misuse of this field."), None);
        assert_eq!(r("No longer supported"), None);
    }

    #[test]
    fn suggestions_need_a_close_name() {
        assert_eq!(did_you_mean("plannedDispatches", &["flexPlannedDispatches", "account"]), " (did you mean `flexPlannedDispatches`?)");
        assert_eq!(did_you_mean("acount", &["account", "accounts"]), " (did you mean `account`?)");
        assert_eq!(did_you_mean("zzz", &["account"]), "");
    }
}
