//! Reading the Arguments and Return fields tables.
//!
//! The standard rendering writes a row as a line `|` followed by a line `description |` (an empty
//! description is a second `|`, an empty last row a single `|`) and never names the row: names come from
//! the example operation and are matched to rows by order. The compact rendering writes `| description |`
//! on one line. The rich rendering writes `name (Type)` followed by description lines and, optionally, the
//! field's own `Deprecated` block; those rows carry their name and a declared type. A markdown export
//! writes one row per line in two cells, `| name (Type) | description |`.

use crate::diag::Diagnostics;
use crate::model::{Deprecation, Span, TypeRef};

use super::lines::Line;

/// One table row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The row's name, when the rendering states it.
    pub name: Option<String>,
    /// The row's type, when the rendering states it (declared).
    pub ty: Option<TypeRef>,
    pub description: Option<String>,
    pub deprecation: Option<Deprecation>,
    pub span: Span,
}

fn is_header(t: &str) -> bool {
    let squashed: String = t.chars().filter(|c| !c.is_whitespace() && *c != '|').collect();
    squashed == "NameDescription" || (!squashed.is_empty() && squashed.chars().all(|c| c == '-' || c == ':'))
}

/// Reads the rows of a table section. The row format is read off the table itself, not the file's
/// rendering, because converters differ table by table: its first line decides between `name
/// (Type)` rows with description paragraphs, one-line rows of two cells (`| name (Type) | text |`,
/// with or without the leading pipe), and the unnamed pipe rows of the standard and compact pages.
pub fn rows(file: u32, body: &[Line<'_>], diags: &mut Diagnostics) -> Vec<Row> {
    let start = body.iter().take_while(|l| is_header(l.text)).count();
    let body = &body[start..];
    let typed = |l: &Line<'_>| rich_row_head(l.text).is_some();
    let typed_table = body.first().is_some_and(typed) || (body.iter().any(typed) && !body.iter().any(|l| l.text.starts_with('|')));
    match body.first() {
        Some(_) if typed_table => rich_rows(file, body, diags),
        Some(first) if two_cells(first.text).is_some() => cell_rows(file, body, diags),
        _ => pipe_rows(file, body, diags),
    }
}

/// Whether a line is a one-line row of two cells whose first cell types its name, the tell of a
/// markdown export.
pub(crate) fn is_typed_cell_row(t: &str) -> bool {
    two_cells(t).is_some_and(|(_, ty, _)| ty.is_some())
}

/// A one-line row of two cells, `| name (Type) | description |` (the leading pipe is optional, the
/// name may be in backticks, the type may be absent): the name, its type text and the description.
fn two_cells(t: &str) -> Option<(&str, Option<&str>, &str)> {
    let inner = t.strip_prefix('|').unwrap_or(t).trim();
    let inner = inner.strip_suffix('|')?.trim_end();
    let (first, desc) = inner.split_once('|')?;
    let first = first.trim().trim_matches('`');
    let (name, ty) = match rich_row_head(first) {
        Some((name, ty)) => (name, Some(ty)),
        None => (first, None),
    };
    let identifier = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    identifier.then_some((name, ty, desc.trim()))
}

/// The type a row declares for `name`; text that is no type reference is reported on the row, and
/// the type stays unknown.
fn declared_type(file: u32, line: &Line<'_>, name: &str, ty: &str, diags: &mut Diagnostics) -> Option<TypeRef> {
    let parsed = TypeRef::parse(ty);
    if parsed.is_none() {
        diags.warn(
            crate::diag::Code::BadType,
            line.span_sub(file, ty),
            format!("`{ty}` is not a GraphQL type reference; the type of `{name}` stays unknown"),
            "expected a type such as `Foo!`",
        );
    }
    parsed
}

/// Rows of two cells, one per line. A cell cannot hold a line break, so converters write `<br>`,
/// which becomes one again.
fn cell_rows(file: u32, body: &[Line<'_>], diags: &mut Diagnostics) -> Vec<Row> {
    let mut out = Vec::new();
    for line in body {
        let Some((name, ty, desc)) = two_cells(line.text) else {
            diags.warn(
                crate::diag::Code::StrayTableLine,
                line.span(file),
                format!("`{}` is not a row of this table (`| name (Type) | description |`); it is ignored", line.text),
                "expected a row of two cells",
            );
            continue;
        };
        let parsed = ty.and_then(|ty| declared_type(file, line, name, ty, diags));
        let text = desc.replace("<br>", "\n").replace("<br/>", "\n").replace("<br />", "\n");
        let (description, deprecation) = split_inline_deprecation(text.trim());
        out.push(Row { name: Some(name.to_string()), ty: parsed, description, deprecation, span: line.span_sub(file, name) });
    }
    out
}

fn pipe_rows(file: u32, body: &[Line<'_>], diags: &mut Diagnostics) -> Vec<Row> {
    let mut out = Vec::new();
    let mut i = 0;
    // Whether the last row was closed by a lone `|` right after its start.
    let mut prev_closed_empty = false;
    while i < body.len() {
        let line = body[i];
        i += 1;
        let Some(content) = line.text.strip_prefix('|').map(str::trim) else {
            // `|`, `|`, `text |`: the reference writes a description whose first line is empty this
            // way, so text right after a row closed by a lone `|` continues that row.
            if let Some(prev) = out.last_mut().filter(|r: &&mut Row| r.description.is_none() && r.deprecation.is_none() && prev_closed_empty) {
                let text = line.text.strip_suffix('|').unwrap_or(line.text).trim();
                let (description, deprecation) = split_inline_deprecation(text);
                prev.description = description;
                prev.deprecation = deprecation;
                prev_closed_empty = false;
                continue;
            }
            diags.warn(
                crate::diag::Code::StrayTableLine,
                line.span(file),
                format!("`{}` is not part of a table row; it is ignored", line.text),
                "expected a row starting with `|`",
            );
            continue;
        };
        let mut desc: Vec<&str> = Vec::new();
        let mut closed = false;
        if !content.is_empty() {
            // A one-line row (`| description |`) or the first line of a multi-line one.
            match content.strip_suffix('|') {
                Some(d) => {
                    desc.push(d.trim());
                    closed = true;
                }
                None => desc.push(content),
            }
        }
        while !closed && i < body.len() {
            let t = body[i].text;
            i += 1;
            if let Some(d) = t.strip_suffix('|') {
                desc.push(d.trim_end());
                closed = true;
            } else {
                desc.push(t);
            }
        }
        if !closed && !desc.is_empty() {
            diags.warn(
                crate::diag::Code::UnterminatedRow,
                line.span(file),
                "a table row is not closed by `|`; its description may be incomplete",
                "row starts here",
            );
        }
        prev_closed_empty = closed && desc.iter().all(|d| d.is_empty());
        let text = desc.join("\n");
        let (description, deprecation) = split_inline_deprecation(text.trim());
        out.push(Row { name: None, ty: None, description, deprecation, span: line.span(file) });
    }
    out
}

/// Splits `Description. Deprecated The 'x' field is deprecated.` into its two parts.
fn split_inline_deprecation(text: &str) -> (Option<String>, Option<Deprecation>) {
    // Every table row goes through here, and `str::match_indices` sets a substring searcher up on each
    // call (3.8% of all parsing instructions); the searcher is built once instead.
    static MARKER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("Deprecated The '"));
    let at = MARKER.find_iter(text.as_bytes()).find(|&i| i == 0 || text[..i].ends_with(char::is_whitespace));
    let (desc, dep) = match at {
        Some(i) => {
            let reason = text[i + "Deprecated ".len()..].trim().to_string();
            (text[..i].trim(), Some(Deprecation { reason, ..Deprecation::default() }))
        }
        None => (text, None),
    };
    // A bullet list whose items the rendering dropped leaves a dangling `-`.
    let desc = desc.strip_suffix("\n-").unwrap_or(desc).trim();
    ((!desc.is_empty()).then(|| desc.to_string()), dep)
}

/// `name (Type)`.
fn rich_row_head(t: &str) -> Option<(&str, &str)> {
    let (name, rest) = t.split_once(" (")?;
    let ty = rest.strip_suffix(')')?;
    let ok = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    ok.then_some((name, ty))
}

fn rich_rows(file: u32, body: &[Line<'_>], diags: &mut Diagnostics) -> Vec<Row> {
    struct Open<'a> {
        row: Row,
        desc: Vec<&'a str>,
        dep: Option<Vec<&'a str>>,
    }
    fn close(open: Open<'_>, out: &mut Vec<Row>) {
        let mut row = open.row;
        let text = open.desc.join("\n");
        let (desc, inline_dep) = split_inline_deprecation(text.trim());
        row.description = desc;
        row.deprecation = match open.dep {
            Some(lines) => Some(super::deprecation(lines.into_iter())),
            None => inline_dep,
        };
        out.push(row);
    }
    let mut out = Vec::new();
    let mut open: Option<Open<'_>> = None;
    for line in body {
        if let Some((name, ty)) = rich_row_head(line.text) {
            if let Some(o) = open.take() {
                close(o, &mut out);
            }
            let parsed = declared_type(file, line, name, ty, diags);
            open = Some(Open {
                row: Row { name: Some(name.to_string()), ty: parsed, description: None, deprecation: None, span: line.span_sub(file, name) },
                desc: Vec::new(),
                dep: None,
            });
            continue;
        }
        match open.as_mut() {
            None => diags.warn(
                crate::diag::Code::StrayTableLine,
                line.span(file),
                format!("`{}` comes before any `name (Type)` row; it is ignored", line.text),
                "expected a row such as `input (FooInput!)`",
            ),
            Some(o) => match (&mut o.dep, line.text) {
                (None, "Deprecated") => o.dep = Some(Vec::new()),
                (Some(dep), t) => dep.push(t),
                (None, t) => o.desc.push(t),
            },
        }
    }
    if let Some(o) = open.take() {
        close(o, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split;

    use crate::model::Rendering;

    /// The rows of `text` split as `rendering` splits lines (the row format is the table's own).
    fn read(rendering: Rendering, text: &str) -> (Vec<Row>, Diagnostics) {
        let lines = split(text, 0, rendering);
        let mut d = Diagnostics::new();
        (rows(0, &lines, &mut d), d)
    }

    fn descs(rows: &[Row]) -> Vec<Option<&str>> {
        rows.iter().map(|r| r.description.as_deref()).collect()
    }

    #[test]
    fn standard_rows_with_empty_and_last_single() {
        let (rows, d) = read(Rendering::Standard, "| Name | Description |\n|---|---|\n|\n|\n|\nField. Deprecated The 'possibleErrors' field is deprecated. |\n|\n");
        assert!(d.is_empty());
        assert_eq!(descs(&rows), [None, Some("Field."), None]);
        assert_eq!(rows[1].deprecation.as_ref().unwrap().reason, "The 'possibleErrors' field is deprecated.");
    }

    #[test]
    fn standard_multi_line_description() {
        let (rows, _) = read(Rendering::Standard, "|\nA list.\nOne of:\n- Deprecated The 'failureCodes' field is deprecated. |\n|\nB. |\n");
        assert_eq!(descs(&rows), [Some("A list.\nOne of:"), Some("B.")]);
        assert!(rows[0].deprecation.is_some());
    }

    #[test]
    fn text_after_an_empty_pair_continues_the_row() {
        let (rows, d) = read(Rendering::Standard, "|\nFailed. |\n|\n|\nInserted. |\n|\nErrors. |\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(descs(&rows), [Some("Failed."), Some("Inserted."), Some("Errors.")]);
    }

    #[test]
    fn stray_text_after_a_described_row_is_reported() {
        let (rows, d) = read(Rendering::Standard, "|\nFailed. |\nstray |\n");
        assert_eq!(rows.len(), 1);
        assert_eq!(d.warnings(), 1);
    }

    #[test]
    fn markdown_cells_carry_names_types_and_line_breaks() {
        let (rows, d) = read(
            Rendering::Markdown,
            "| Name | Description |\n|---|---|\n| input (FooInput!) | First.<br>Second. |\n| `flag` |  |\nnot a row\n| bad (Foo Bar) | Text. |\n",
        );
        assert_eq!(rows.len(), 3);
        assert_eq!((rows[0].name.as_deref(), rows[0].ty.as_ref().map(ToString::to_string).as_deref()), (Some("input"), Some("FooInput!")));
        assert_eq!(rows[0].description.as_deref(), Some("First.\nSecond."));
        assert_eq!((rows[1].name.as_deref(), rows[1].ty.as_ref(), rows[1].description.as_deref()), (Some("flag"), None, None));
        assert!(rows[2].ty.is_none());
        let found: Vec<_> = d.iter().map(|d| (d.code.as_str(), d.span.line, d.message.as_str())).collect();
        assert_eq!(
            found,
            [
                ("stray-table-line", 5, "`not a row` is not a row of this table (`| name (Type) | description |`); it is ignored"),
                ("bad-type", 6, "`Foo Bar` is not a GraphQL type reference; the type of `bad` stays unknown"),
            ]
        );
    }

    #[test]
    fn compact_one_line_rows() {
        let (rows, _) = read(Rendering::Compact, "Name | Description |\n---|---|\n| First. |\n| |\n| Third |\n");
        assert_eq!(descs(&rows), [Some("First."), None, Some("Third")]);
    }

    #[test]
    fn rich_rows_carry_names_types_and_deprecations() {
        let (rows, d) = read(
            Rendering::Rich,
            "NameDescription\ninput (FooInput!)\nThe input.\npossibleErrors ([ErrorType])\nErrors.\nDeprecated\nThe 'possibleErrors' field is deprecated.\n- Marked as deprecated on 2024-05-10.\nbad (Foo Bar)\n",
        );
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].name.as_deref(), Some("input"));
        assert_eq!(rows[0].ty.as_ref().unwrap().to_string(), "FooInput!");
        assert_eq!(rows[1].deprecation.as_ref().unwrap().marked.as_deref(), Some("2024-05-10"));
        assert_eq!(rows[1].description.as_deref(), Some("Errors."));
        assert!(rows[2].ty.is_none());
        assert_eq!(d.warnings(), 1);
    }
}
