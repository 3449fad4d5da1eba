//! The parser of one reference file: its lines, already split and classified by [`super::lines`],
//! become blocks, one per operation, with every section read (description, arguments, return
//! fields, errors, permissions, rate limits, deprecation, the example).

use super::*;

/// One file being read into blocks.
pub(super) struct FileParser<'a, 'd> {
    pub(super) file: u32,
    pub(super) rendering: Rendering,
    pub(super) lines: &'a [Line<'a>],
    pub(super) diags: &'d mut Diagnostics,
}

impl<'a> FileParser<'a, '_> {
    /// Every block of the file, appended to `out`.
    pub(super) fn blocks(&mut self, out: &mut Vec<Block>) {
        let starts: Vec<usize> = (0..self.lines.len())
            .filter(|&i| {
                is_mutation_name(self.lines[i].text)
                    && self.lines.get(i + 1).is_some_and(|n| n.text.starts_with("Type:") || n.text.starts_with("URL:"))
            })
            .collect();
        let first = out.len();
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(self.lines.len());
            out.push(self.block(&self.lines[start..end]));
        }
        self.check_truncation(&out[first..]);
    }

    /// Whether the file ends inside its last block, as an interrupted download does: an example
    /// with brackets still open at the end of the file, or a last block without the example
    /// operation every other block of the file has.
    fn check_truncation(&mut self, blocks: &[Block]) {
        let (Some(last), Some(end)) = (blocks.last(), self.lines.last()) else { return };
        let ex = &last.mutation.example;
        let open = [("example response", &ex.response), ("example variables", &ex.variables), ("example operation", &ex.operation)]
            .into_iter()
            .find(|(_, text)| !text.is_empty())
            .map(|(what, text)| (what, super::operation::unclosed_brackets(text)));
        let why = match open {
            Some((what, n @ 1..)) => format!("its {what} has {n} bracket{} still open", if n == 1 { "" } else { "s" }),
            None if blocks.len() > 1 && blocks[..blocks.len() - 1].iter().all(|b| !b.mutation.example.operation.is_empty()) => {
                "it has no example operation, which every other block of the file has".to_string()
            }
            _ => return,
        };
        self.diags.error(
            crate::diag::Code::TruncatedFile,
            self.span(end),
            format!(
                "the file ends inside the block of `{}`: {why}; the file looks truncated (an interrupted download?), so fetch the reference again",
                last.mutation.name
            ),
            "the file ends here",
        );
    }

    fn span(&self, line: &Line<'_>) -> Span {
        line.span(self.file)
    }

    fn block(&mut self, lines: &'a [Line<'a>]) -> Block {
        let file = self.file;
        let name_line = lines[0];
        let name = name_line.text.to_string();
        let mut m = Operation {
            name: name.clone(),
            kind: OperationKind::Mutation,
            span: self.span(&name_line),
            return_type: TypeRef::Named(derive_type_name(&name)),
            return_type_provenance: Provenance::Inferred,
            url: None,
            description: None,
            complexity: None,
            errors: Vec::new(),
            permissions: Permissions::Unspecified,
            rate_limits: Vec::new(),
            deprecation: None,
            arguments: Vec::new(),
            fields: Vec::new(),
            union_members: Vec::new(),
            example: Example::default(),
        };

        // Group the block's lines into sections. Once the example operation starts, only the next
        // example section counts as a header, so GraphQL or JSON text can never be mistaken for one.
        // A section's body is the range of `lines` after its header: it grows line by line until
        // the next header, or stops at an unknown section's header, whose lines are dropped.
        let mut sections: Vec<(Section, &'a Line<'a>, &'a str, std::ops::Range<usize>)> = Vec::new();
        let mut description: Vec<&str> = Vec::new();
        let mut unknown: Option<Line<'a>> = None;
        for (k, line) in lines.iter().enumerate().skip(1) {
            let current = sections.last().map(|s| s.0);
            let allowed = |s: Section| match current {
                Some(Section::Operation) => s == Section::Variables || s == Section::Response,
                Some(Section::Variables) => s == Section::Response,
                Some(Section::Response) => false,
                // In tables a field's own `Deprecated` block belongs to its row.
                Some(Section::ReturnFields | Section::Arguments) => s != Section::Deprecated,
                _ => true,
            };
            if let Some((s, rest)) = header(line.text).filter(|(s, _)| allowed(*s)) {
                sections.push((s, line, rest, k + 1..k + 1));
                unknown = None;
                continue;
            }
            match sections.last_mut() {
                None => description.push(line.text),
                Some((s, _, _, body)) => {
                    // The description follows the `Type:` and `URL:` lines and is prose, so a line of it
                    // ending in a colon must not be taken for an unknown section header.
                    let free_text = matches!(
                        s,
                        Section::Type
                            | Section::Url
                            | Section::Operation
                            | Section::Variables
                            | Section::Response
                            | Section::Deprecated
                    );
                    if !free_text && unknown.is_none() && looks_like_unknown_header(line.text, *s) {
                        self.diags.warn(
                            crate::diag::Code::UnknownSection,
                            self.span(line),
                            format!("unknown section `{}` in mutation `{name}`; its lines are ignored", line.text),
                            "not a known section",
                        );
                        unknown = Some(*line);
                    }
                    if unknown.is_none() {
                        body.end = k + 1;
                    }
                }
            }
        }

        let mut seen = Vec::new();
        let mut arg_rows = None;
        let mut field_rows = None;
        let mut op_text = None;
        let mut vars = None;
        let mut resp = None;
        for (s, hline, rest, range) in &sections {
            let body: &'a [Line<'a>] = &lines[range.clone()];
            if seen.contains(s) {
                self.diags.warn(
                    crate::diag::Code::RepeatedSection,
                    self.span(hline),
                    format!("section `{}` appears twice in mutation `{name}`; the first is kept", hline.text),
                    "repeated section",
                );
                continue;
            }
            seen.push(*s);
            // Lines under the `Type:` and `URL:` headers are the mutation's description (every rendering
            // puts it right after them), in the order they appear.
            if matches!(s, Section::Type | Section::Url) {
                description.extend(body.iter().map(|l| l.text));
            }
            match s {
                Section::Type => match TypeRef::parse(rest) {
                    Some(t) => {
                        m.return_type = t;
                        m.return_type_provenance = Provenance::Declared;
                    }
                    None => self.diags.error(
                        crate::diag::Code::BadType,
                        hline.span_sub(file, rest),
                        format!("`{rest}` is not a GraphQL type reference"),
                        "expected a type such as `Foo` or `Foo!`",
                    ),
                },
                Section::Url => m.url = Some(rest.to_string()).filter(|u| !u.is_empty()),
                Section::Complexity => match rest.parse::<u32>() {
                    Ok(n) => m.complexity = Some(n),
                    Err(_) => self.diags.error(
                        crate::diag::Code::BadComplexity,
                        hline.span_sub(file, rest),
                        format!("query complexity `{rest}` is not a whole number"),
                        "expected a number",
                    ),
                },
                Section::Errors => m.errors = self.errors(body),
                Section::Viewers => {}
                Section::Permissions => m.permissions = self.permissions(hline, rest, body),
                Section::RateLimits => m.rate_limits = self.rate_limits(body),
                Section::Deprecated => m.deprecation = Some(deprecation(body.iter().map(|l| l.text))),
                Section::Arguments => arg_rows = Some((**hline, tables::rows(file, body, self.diags))),
                Section::ReturnFields => field_rows = Some((**hline, tables::rows(file, body, self.diags))),
                Section::Operation => op_text = Some((*hline, body)),
                Section::Variables => vars = Some((*hline, body)),
                Section::Response => resp = Some((*hline, body)),
            }
        }
        if !seen.contains(&Section::Type) {
            self.diags.warn(
                crate::diag::Code::MissingType,
                m.span,
                format!("mutation `{name}` has no `Type:` line; its type is taken to be `{}` by convention", m.return_type),
                "no `Type:` line in this block",
            );
        }
        if !description.is_empty() {
            m.description = Some(description.join("\n"));
        }

        let mut block = Block {
            mutation: m,
            rendering: self.rendering,
            variables: None,
            response: None,
            declared_field_types: BTreeMap::new(),
            operation_span: self.span(&name_line),
            fields_confirmed: false,
        };
        match op_text {
            Some((hline, body)) => self.operation(&mut block, hline, body, arg_rows, field_rows),
            None => self.diags.error(
                crate::diag::Code::MissingOperation,
                block.mutation.span,
                format!("`{name}` has no example operation (a `Mutation` or `Query` section); its arguments and fields are unknown"),
                "block without an example operation",
            ),
        }
        // An empty example section (a mutation without arguments may print `Variables` alone) says
        // nothing and is not an unreadable example.
        if let Some((hline, body)) = vars.filter(|(_, body)| !body.is_empty()) {
            block.mutation.example.variables = join(body);
            block.variables = self.example(hline, body, "variables");
        }
        if let Some((hline, body)) = resp.filter(|(_, body)| !body.is_empty()) {
            block.mutation.example.response = join(body);
            block.response = self.example(hline, body, "response");
        }
        block
    }

    fn example(&mut self, hline: &Line<'_>, body: &[Line<'_>], what: &str) -> Option<example::Value> {
        let text = join(body);
        match example::parse(&text) {
            Ok(v) => Some(v),
            Err((msg, at)) => {
                let span = locate(self.file, body, at).unwrap_or_else(|| self.span(hline));
                self.diags.warn(
                    crate::diag::Code::BadExample,
                    span,
                    format!("the example {what} cannot be read: {msg}; types it would show stay unknown"),
                    msg,
                );
                None
            }
        }
    }

    fn errors(&mut self, body: &[Line<'_>]) -> Vec<ErrorEntry> {
        let mut out = Vec::new();
        for line in body {
            let t = line.text;
            let item = t.strip_prefix("- ").or_else(|| t.strip_prefix('•').map(str::trim_start)).unwrap_or(t);
            let parsed = item.split_once(':').and_then(|(code, msg)| {
                let code = code.trim();
                is_error_code(code).then(|| (code, msg.trim()))
            });
            match parsed {
                Some((code, msg)) => out.push(ErrorEntry {
                    code: code.to_string(),
                    message: msg.to_string(),
                    span: line.span_sub(self.file, code),
                }),
                None => self.diags.error(
                    crate::diag::Code::BadErrorEntry,
                    self.span(line),
                    format!("`{t}` is not an error entry of the form `- KT-CT-1234: message`"),
                    "expected `- KT-XX-NNNN: message`",
                ),
            }
        }
        out
    }

    fn permissions(&mut self, hline: &Line<'_>, rest: &str, body: &[Line<'_>]) -> Permissions {
        let mut text = rest.to_string();
        for l in body {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(l.text);
        }
        let span = body.first().map(|l| l.span(self.file)).unwrap_or_else(|| self.span(hline));
        let span = Span { len: body.last().map_or(span.len, |l| (l.offset + l.text.len()) as u32 - span.offset), ..span };
        if text.trim().is_empty() {
            self.diags.warn(crate::diag::Code::EmptyPermissions, span, "the `Required Permissions` section is empty", "no permissions listed");
            return Permissions::Unspecified;
        }
        if text.trim() == "(No)" {
            return Permissions::Public;
        }
        match parse_permission_expr(&text) {
            Ok(e) => Permissions::Required(e),
            Err(msg) => {
                self.diags.error(crate::diag::Code::BadPermissions, span, format!("cannot read the permission expression: {msg}"), msg);
                Permissions::Unspecified
            }
        }
    }

    fn rate_limits(&mut self, body: &[Line<'_>]) -> Vec<RateLimit> {
        let mut out: Vec<RateLimit> = Vec::new();
        // Keys whose steps were reported as unreadable, so they are not reported again as step-less.
        let mut reported: Vec<usize> = Vec::new();
        for line in body {
            let t = line.text.trim_matches('|').trim();
            let compact_header = t.replace(' ', "");
            if t.chars().all(|c| c == '-' || c == '|' || c == ' ')
                || compact_header == "Key|Steps"
                || compact_header == "KeySteps"
            {
                continue;
            }
            // A line may hold the key, the steps, or both (`User | ['5/m']`).
            let (key, steps) = match t.find('[') {
                Some(i) => (t[..i].trim().trim_end_matches('|').trim(), Some(&t[i..])),
                None => (t, None),
            };
            if !key.is_empty() {
                out.push(RateLimit { key: key.to_string(), steps: Vec::new(), span: line.span_sub(self.file, key) });
            }
            if let Some(steps) = steps {
                let Some(last) = out.last_mut() else {
                    self.diags.error(crate::diag::Code::BadRateLimit, self.span(line), "rate-limit steps without a key", "no key before these steps");
                    continue;
                };
                match parse_steps(steps) {
                    Ok(s) => last.steps.extend(s),
                    Err(msg) => {
                        reported.push(out.len() - 1);
                        self.diags.error(
                            crate::diag::Code::BadRateLimit,
                            line.span_sub(self.file, steps),
                            format!("cannot read rate-limit steps `{steps}`: {msg}"),
                            msg,
                        )
                    }
                }
            }
        }
        for (i, rl) in out.iter().enumerate() {
            if rl.steps.is_empty() && !reported.contains(&i) {
                self.diags.warn(crate::diag::Code::BadRateLimit, rl.span, format!("rate-limit key `{}` has no steps", rl.key), "no steps");
            }
        }
        out
    }

    fn operation(
        &mut self,
        block: &mut Block,
        hline: &Line<'_>,
        body: &[Line<'_>],
        arg_rows: Option<(Line<'_>, Vec<Row>)>,
        field_rows: Option<(Line<'_>, Vec<Row>)>,
    ) {
        let file = self.file;
        block.mutation.example.operation = join(body);
        block.operation_span = body.first().map(|l| l.span(file)).unwrap_or_else(|| self.span(hline));
        let name = block.mutation.name.clone();
        let op = match operation::parse(&block.mutation.example.operation) {
            Ok(op) => op,
            Err(e) => {
                let span = body
                    .get(e.line)
                    .map(|l| match l.text.char_indices().nth(e.column) {
                        Some((col, _)) => l.span_of(file, col, l.text.len()),
                        // The parser stopped past the end of the line (typically "unexpected end of
                        // input"): point at the line's last character, since an empty span at the end
                        // of a file is not drawn.
                        None => {
                            let last = l.text.char_indices().last().map_or(0, |(i, _)| i);
                            l.span_of(file, last, l.text.len())
                        }
                    })
                    .unwrap_or_else(|| self.span(hline));
                // Unclosed brackets are the usual cause of a parse that runs off the end, and the
                // parser cannot tell which one lacks its partner; saying how many are open helps.
                let label = match operation::unclosed_brackets(&block.mutation.example.operation) {
                    0 => "syntax error here".to_string(),
                    1 => "the operation ends here with 1 bracket still open".to_string(),
                    n => format!("the operation ends here with {n} brackets still open"),
                };
                self.diags.error(
                    crate::diag::Code::BadOperation,
                    span,
                    format!("the example operation of `{name}` is not valid GraphQL: {}", e.message),
                    label,
                );
                return;
            }
        };
        block.mutation.kind = op.kind;
        if op.empty_selection {
            self.diags.warn(
                crate::diag::Code::EmptySelection,
                block.operation_span,
                format!("the example operation of `{name}` has an empty selection set, which GraphQL does not allow; the fields come from the table alone"),
                "empty selection set in this operation",
            );
        }
        let line_span = |i: usize| body.get(i).map(|l| l.span(file)).unwrap_or(block.operation_span);
        if let Some(root) = &op.root_field {
            if *root != name {
                self.diags.warn(
                    crate::diag::Code::OperationNameMismatch,
                    block.operation_span,
                    format!("the example operation selects `{root}`, not `{name}`"),
                    "operation for another mutation",
                );
            }
        }

        // Arguments: names from the root field, types from the variables passed to them.
        let var_types: BTreeMap<&str, (&TypeRef, usize)> = op.variables.iter().map(|(n, t, l)| (n.as_str(), (t, *l))).collect();
        let mut args: Vec<Argument> = Vec::new();
        for (arg, var) in &op.arguments {
            match var.as_deref().and_then(|v| var_types.get(v)) {
                Some((t, l)) => args.push(Argument { name: arg.clone(), ty: (*t).clone(), description: None, span: line_span(*l) }),
                None => self.diags.warn(
                    crate::diag::Code::UntypedArgument,
                    block.operation_span,
                    format!("argument `{arg}` of `{name}` is not passed a declared variable, so its type is unknown"),
                    "argument without a variable",
                ),
            }
        }
        if let Some((hline, rows)) = arg_rows {
            // A row's declared type wins, but one that contradicts the variable definition (also a
            // statement of the reference) is reported: the reference disagrees with itself there.
            let mut conflicts = Vec::new();
            // Rows are in table order (case-insensitive alphabetical), which need not be the order
            // the operation passes the arguments in; the model keeps the operation's order.
            let mut order: Vec<usize> = (0..args.len()).collect();
            order.sort_by(|&a, &b| table_order(&args[a].name, &args[b].name));
            let names = order.iter().map(|&i| args[i].name.clone()).collect();
            self.place_rows(&name, "argument", &hline, rows, names, |i, row| {
                let a = &mut args[order[i]];
                a.description = row.description;
                // The operation's variable definition is the type a request must use, and a page
                // that prints `input (X)` for `$input: X!` has only dropped the `!`; so the
                // operation's type is kept and the disagreement reported.
                if let Some(t) = row.ty {
                    if t != a.ty {
                        conflicts.push((row.span, a.name.clone(), a.ty.to_string(), t.to_string()));
                    }
                }
            });
            for (span, arg, var_ty, row_ty) in conflicts {
                self.diags.warn(
                    crate::diag::Code::TypeConflict,
                    span,
                    format!("the row of argument `{arg}` of `{name}` declares `{row_ty}` but the example operation declares `${arg}: {var_ty}`; the operation's type is kept"),
                    "type differs from the operation's variable",
                );
            }
        }
        block.mutation.arguments = args;
        block.mutation.union_members = op.union_members.clone();

        // Fields: those selected, plus deprecated ones the table names although the operation omits them.
        let mut fields: Vec<Field> = op
            .fields
            .iter()
            .map(|(n, sel, l)| Field {
                name: n.clone(),
                ty: None,
                provenance: None,
                description: None,
                deprecation: None,
                selected: true,
                selection: sel.clone(),
                span: line_span(*l),
            })
            .collect();
        if let Some((hline, rows)) = field_rows {
            for row in &rows {
                let named = row.name.clone().or_else(|| row.deprecation.as_ref().and_then(|d| deprecated_field_name(&d.reason)));
                if let Some(n) = named {
                    if !fields.iter().any(|f| f.name == n) {
                        fields.push(Field {
                            name: n,
                            ty: None,
                            provenance: None,
                            description: None,
                            deprecation: None,
                            selected: false,
                            selection: Vec::new(),
                            span: row.span,
                        });
                    }
                }
            }
            fields.sort_by(|a, b| table_order(&a.name, &b.name));
            let names = fields.iter().map(|f| f.name.clone()).collect();
            let mut declared = BTreeMap::new();
            let confirmed = self.place_rows(&name, "return field", &hline, rows, names, |i, row| {
                let f = &mut fields[i];
                f.description = row.description;
                f.deprecation = row.deprecation;
                if let Some(t) = row.ty {
                    declared.insert(f.name.clone(), t);
                }
            });
            block.declared_field_types = declared;
            block.fields_confirmed = confirmed;
        } else {
            fields.sort_by(|a, b| table_order(&a.name, &b.name));
        }
        block.mutation.fields = fields;
    }

    /// Attaches table rows to names. Rows that carry a name (rich rendering) or name a deprecated field
    /// are placed by that name; the others only when rows and names pair up one to one in table order.
    /// Returns whether every name was matched to exactly one row.
    fn place_rows(
        &mut self,
        mutation: &str,
        what: &str,
        hline: &Line<'_>,
        rows: Vec<Row>,
        names: Vec<String>,
        mut place: impl FnMut(usize, Row),
    ) -> bool {
        let row_name = |r: &Row| r.name.clone().or_else(|| r.deprecation.as_ref().and_then(|d| deprecated_field_name(&d.reason)));
        // With explicit names everywhere, match by name.
        if !rows.is_empty() && rows.iter().all(|r| r.name.is_some()) {
            let mut matched = vec![false; names.len()];
            for row in rows {
                let n = row.name.clone().unwrap_or_default();
                match names.iter().position(|x| *x == n) {
                    Some(i) if matched[i] => self.diags.warn(
                        crate::diag::Code::UnmatchedRows,
                        row.span,
                        format!("the {what} row `{n}` of `{mutation}` appears twice; the first row is kept"),
                        "repeated row",
                    ),
                    Some(i) => {
                        matched[i] = true;
                        place(i, row)
                    }
                    None => self.diags.warn(
                        crate::diag::Code::UnmatchedRows,
                        row.span,
                        format!("the {what} row `{n}` of `{mutation}` names nothing the example operation uses; its description is dropped"),
                        "row without a matching name",
                    ),
                }
            }
            let missing: Vec<&str> = names.iter().zip(&matched).filter(|(_, m)| !**m).map(|(n, _)| n.as_str()).collect();
            if !missing.is_empty() {
                self.diags.warn(
                    crate::diag::Code::UnmatchedRows,
                    hline.span(self.file),
                    format!(
                        "the {what}s table of `{mutation}` has no row for {} the example operation uses; {} no description or declared type",
                        missing.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", "),
                        if missing.len() == 1 { "it has" } else { "they have" }
                    ),
                    "rows and names do not match one to one",
                );
            }
            return missing.is_empty();
        }
        if rows.len() == names.len() {
            // Pair in order, but check that rows naming a field land on that field.
            let contradiction = rows.iter().zip(&names).find_map(|(r, n)| row_name(r).filter(|rn| rn != n).map(|rn| (r.span, rn, n.clone())));
            match contradiction {
                None => {
                    for (i, row) in rows.into_iter().enumerate() {
                        place(i, row);
                    }
                    return true;
                }
                Some((span, rn, n)) => self.diags.warn(
                    crate::diag::Code::UnmatchedRows,
                    span,
                    format!("the {what} rows of `{mutation}` are out of order: the row describing `{rn}` stands where `{n}` is expected; only rows that name their field are kept"),
                    "row order contradicts the operation",
                ),
            }
        } else if !rows.is_empty() {
            // Only a table with rows can misplace descriptions; an empty one (`|---|` alone) has none.
            self.diags.warn(
                crate::diag::Code::UnmatchedRows,
                hline.span(self.file),
                format!(
                    "the {what}s table of `{mutation}` has {} row(s) but the example operation gives {} {what}(s) ({}); descriptions that cannot be placed are dropped",
                    rows.len(),
                    names.len(),
                    names.join(", ")
                ),
                "rows and names do not match one to one",
            );
        }
        for row in rows {
            if let Some(n) = row_name(&row) {
                if let Some(i) = names.iter().position(|x| *x == n) {
                    place(i, row);
                }
            }
        }
        false
    }
}
