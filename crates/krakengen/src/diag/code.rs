//! The codes of every diagnostic krakengen reports: one enum, so that a stage cannot make up a
//! code, and the one list of them (`Code::ALL`).

named_enum! {
    /// The stable code of a diagnostic, as reports (`krakengen::unmatched-rows`) and JSON name it.
    pub enum Code {
        /// Warning. An operation requires a permission literally named `public`, which the catalogue
        /// cannot tell apart from `(No)` (no permission needed).
        AmbiguousPermissionName = "ambiguous-permission-name",
        /// Error. A `Query Complexity:` value is not a whole number; the complexity stays unknown.
        BadComplexity = "bad-complexity",
        /// Error. A line of `Possible Errors` is not of the form `- KT-CT-1234: message`; the entry is
        /// dropped.
        BadErrorEntry = "bad-error-entry",
        /// Warning. An example's variables or response cannot be read as JSON-like text; the types it
        /// would show stay unknown.
        BadExample = "bad-example",
        /// Error. The example operation is not valid GraphQL, so the operation's arguments and fields
        /// are unknown. Unclosed brackets are the usual cause; the label counts them.
        BadOperation = "bad-operation",
        /// Error. The `Required Permissions` expression cannot be read (unbalanced parentheses, a
        /// dangling `AND`/`OR`).
        BadPermissions = "bad-permissions",
        /// Error or warning. A `Rate Limits` line cannot be read (steps without a key, a step that is
        /// not `N/period`) is an error; a key without steps is a warning.
        BadRateLimit = "bad-rate-limit",
        /// Error or warning. Text where a GraphQL type reference such as `[String!]!` belongs is not
        /// one: on a `Type:` line an error, in a table row a warning (that type stays unknown).
        BadType = "bad-type",
        /// Error. krakengen produced Rust that does not parse: a bug in krakengen, reported with the
        /// input that triggers it.
        CodegenInternal = "codegen-internal",
        /// Error. A template of the generated crate (its `Cargo.toml`) could not be rendered.
        CodegenTemplate = "codegen-template",
        /// Error. Two files (or two blocks) define the same operation with different facts (return
        /// type, arguments, error codes, kind or permissions); the message names both places. Remove
        /// the one that is out of date.
        ConflictingMutation = "conflicting-mutation",
        /// Warning. A supplement says a type implements an interface whose fields the type lacks in the
        /// model; the interface is left out of the type.
        DroppedInterface = "dropped-interface",
        /// Warning. An operation lists the same argument twice; the first is kept.
        DuplicateArgument = "duplicate-argument",
        /// Warning. An operation is defined again with the same facts (a page saved twice, a directory
        /// holding a copy); the first definition is kept.
        DuplicateMutation = "duplicate-mutation",
        /// Warning. An enum has no known value; it is declared as an opaque scalar instead.
        EmptyEnum = "empty-enum",
        /// Error. A reference file is empty or holds only white space.
        EmptyFile = "empty-file",
        /// Warning. A `Required Permissions` section is present but empty; the permissions stay
        /// unspecified.
        EmptyPermissions = "empty-permissions",
        /// Warning. An example operation selects nothing (`{}`), which GraphQL does not allow; the
        /// payload's fields come from the return-fields table alone.
        EmptySelection = "empty-selection",
        /// Warning. A union has no known member; it is declared as an opaque object instead.
        EmptyUnion = "empty-union",
        /// Warning. One error code has different messages in different blocks; the catalogue and the
        /// generated `ErrorCode` keep the first.
        ErrorMessageConflict = "error-message-conflict",
        /// Warning. The reference lists fields for a payload whose type is not an object or interface;
        /// the fields are left out of the SDL.
        FieldsOnNonObjectPayload = "fields-on-non-object-payload",
        /// Error. A fragment name is defined more than once in the fragment files.
        FragmentDuplicate = "fragment-duplicate",
        /// Error. A fragment file holds something other than fragment definitions.
        FragmentNotFragment = "fragment-not-fragment",
        /// Error. A fragment file is not a GraphQL document.
        FragmentSyntax = "fragment-syntax",
        /// Error. A fragment spreads a fragment that no fragment file defines.
        FragmentUndefined = "fragment-undefined",
        /// Warning. A fragment is on a type the schema does not declare; it is not used.
        FragmentUnknownType = "fragment-unknown-type",
        /// Error. An operation document krakengen built does not validate against the model's schema: a
        /// bug in krakengen; the document is not written.
        InvalidDocument = "invalid-document",
        /// Error. A name starts with `__`, which GraphQL reserves for introspection.
        InvalidName = "invalid-name",
        /// Error. The SDL built from the model does not validate: a bug in krakengen, or an input it
        /// does not guard against yet; the message points into the generated SDL.
        InvalidSdl = "invalid-sdl",
        /// Error. A file is not UTF-8 text; the first bad byte is shown. A file with no blocks (a PDF,
        /// an archive) is explained by this diagnostic alone.
        InvalidUtf8 = "invalid-utf8",
        /// Error. A block has no example operation (`Mutation` or `Query` section), so its arguments
        /// and fields are unknown.
        MissingOperation = "missing-operation",
        /// Warning. A block has no `Type:` line; the return type is taken to be the operation's name
        /// with its first letter upper-cased.
        MissingType = "missing-type",
        /// Error. A UTF-8 file holds no block (a block starts with the operation's name followed by a
        /// `Type:` or `URL:` line).
        NoMutations = "no-mutations",
        /// Warning. A block's example operation selects a root field other than the block's operation.
        OperationNameMismatch = "operation-name-mismatch",
        /// Error. An `--operation` pattern (or `with_operations`, or `operation` of the builder)
        /// selects no operation; the message suggests the names it may have meant, and nothing is
        /// generated.
        OperationPatternUnused = "operation-pattern-unused",
        /// Warning. A payload type returned by several operations gets different types for one field; a
        /// declaration beats a guess, otherwise the first operation by name wins.
        PayloadFieldConflict = "payload-field-conflict",
        /// Error. The Python package's distribution name is not letters, digits, `-` and `_`
        /// starting with a letter.
        PythonPackage = "python-package",
        /// Warning. A section appears twice in one block; the first is kept.
        RepeatedSection = "repeated-section",
        /// Warning. An example selects a field whose name GraphQL reserves for introspection; it is
        /// left out of the payload.
        ReservedFieldName = "reserved-field-name",
        /// Error. The reference names a type `Query`, `Mutation` or `Unknown`, which krakengen declares
        /// itself.
        ReservedTypeName = "reserved-type-name",
        /// Error. `krakengen scaffold`: the implementation lacks the method of an operation that is new
        /// in the reference (the stub to paste is printed).
        ScaffoldMissingMethod = "scaffold-missing-method",
        /// Error. `krakengen scaffold`: the file has no `impl OperationResolvers for …` block.
        ScaffoldNoImpl = "scaffold-no-impl",
        /// Error. `krakengen scaffold`: the implementation has a method whose operation is no longer in
        /// the reference.
        ScaffoldOrphanedMethod = "scaffold-orphaned-method",
        /// Error. `krakengen scaffold`: the implementation file does not parse as Rust.
        ScaffoldUnparsable = "scaffold-unparsable",
        /// Error. A `--scalar NAME=TYPE` mapping is not a Rust type (for Python: not a builtin or dotted
        /// name).
        ScalarMapping = "scalar-mapping",
        /// Warning. A scalar mapping names no custom scalar of the schema.
        ScalarMappingUnused = "scalar-mapping-unused",
        /// Warning. A line inside a table is not one of its rows; it is ignored.
        StrayTableLine = "stray-table-line",
        /// Warning. The supplement gives an operation a required argument the reference does not list.
        SupplementExtraArgument = "supplement-extra-argument",
        /// Warning. The supplement gives a type a field the reference's complete field list does not
        /// have; it is left out.
        SupplementExtraField = "supplement-extra-field",
        /// Error. A JSON supplement is not a usable introspection result; the message names the JSON
        /// path.
        SupplementIntrospectionInvalid = "supplement-introspection-invalid",
        /// Error. A supplement SDL is not valid GraphQL.
        SupplementInvalid = "supplement-invalid",
        /// Warning. A type has one kind in the reference and another in the supplement; the message
        /// says which is kept.
        SupplementKindConflict = "supplement-kind-conflict",
        /// Warning. The supplement's operation lacks an argument the reference lists.
        SupplementMissingArgument = "supplement-missing-argument",
        /// Warning. An enum value of the reference is not in the supplement; it is kept.
        SupplementMissingEnumValue = "supplement-missing-enum-value",
        /// Warning. A field of the reference is not in the supplement's type; it is kept.
        SupplementMissingField = "supplement-missing-field",
        /// Warning. The supplement's root type lacks an operation of the reference.
        SupplementMissingMutation = "supplement-missing-mutation",
        /// Warning. The supplement does not declare a type the reference uses.
        SupplementMissingType = "supplement-missing-type",
        /// Warning. A union member of the reference is not in the supplement; it is kept.
        SupplementMissingUnionMember = "supplement-missing-union-member",
        /// Warning. The supplement declares no mutation root, so the reference's mutations cannot be
        /// checked against it.
        SupplementNoMutationRoot = "supplement-no-mutation-root",
        /// Error. A supplement is neither GraphQL SDL nor an introspection result (JSON); the message
        /// says what it looks like.
        SupplementNotSdl = "supplement-not-sdl",
        /// Warning. The reference and the supplement disagree only on nullability; the reference's type
        /// is kept.
        SupplementNullabilityConflict = "supplement-nullability-conflict",
        /// Warning. A type krakengen inferred from an example differs from what the supplement
        /// declares; the declaration replaces the guess.
        SupplementOverridesInference = "supplement-overrides-inference",
        /// Warning. The reference and the supplement give a field or argument different types; the
        /// reference's type is kept.
        SupplementTypeConflict = "supplement-type-conflict",
        /// Error. A supplement file cannot be read.
        SupplementUnreadable = "supplement-unreadable",
        /// Error. A file ends inside its last block (an example with brackets still open, or a last
        /// block without the example operation the others have): the file looks truncated, as an
        /// interrupted download is.
        TruncatedFile = "truncated-file",
        /// Warning. A table row declares a type that contradicts the example operation's variable
        /// definition; the operation's type is kept.
        TypeConflict = "type-conflict",
        /// Warning. One type is used with two kinds (say, as an object and as a scalar); the first is
        /// kept.
        TypeKindConflict = "type-kind-conflict",
        /// Error or warning. A type is used as both an input and an output type: it is declared as an
        /// opaque scalar, the one kind GraphQL accepts on both sides (a warning), unless it must stay
        /// an object or interface because other types build on it (an error).
        TypePositionConflict = "type-position-conflict",
        /// Error. A union member is not an object type.
        UnionMemberNotObject = "union-member-not-object",
        /// Warning. A block has a section krakengen does not know; its lines are ignored.
        UnknownSection = "unknown-section",
        /// Warning. A table's rows cannot be matched one to one with the example's arguments or fields;
        /// descriptions that cannot be placed are dropped.
        UnmatchedRows = "unmatched-rows",
        /// Warning. A markdown table row is not closed by `|`; its description may be incomplete.
        UnterminatedRow = "unterminated-row",
        /// Warning. An argument is not passed a declared variable, so its type is unknown.
        UntypedArgument = "untyped-argument",
        /// Error. A user's operation document (`--documents`) does not parse or validate against the
        /// model's schema, has an anonymous operation, or names an operation twice.
        UserDocumentInvalid = "user-document-invalid",
    }
}

impl Code {
    /// `docs/diagnostics.md`: every code with the documentation of its variant.
    pub fn reference() -> String {
        let mut out = String::from(
            "# Diagnostics\n\n<!-- @generated from `krakengen::diag::Code` by the test `diag::code::tests::the_reference_is_fresh`; \
             `KRAKENGEN_BLESS=1 cargo nextest run -p krakengen the_reference_is_fresh` rewrites it. -->\n\n\
             Every diagnostic krakengen reports has one of these codes (`krakengen::CODE` in reports, `code` in JSON). \
             An error stops the command (exit 1) and nothing is written; a warning does not.\n\n| Code | Meaning |\n|---|---|\n",
        );
        for code in Code::ALL {
            let doc = code.doc().split_whitespace().collect::<Vec<_>>().join(" ");
            out.push_str(&format!("| `{code}` | {} |\n", doc.replace('|', "\\|")));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code is documented, starting with the severity it is reported with; the documented
    /// severity is the one every use in the crate's source reports it with.
    #[test]
    fn each_code_says_its_severity_and_is_used_so() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut text = String::new();
        for entry in walkdir::WalkDir::new(&src).into_iter().filter_map(Result::ok).filter(|e| e.path().extension().is_some_and(|x| x == "rs")) {
            text.push_str(&std::fs::read_to_string(entry.path()).unwrap());
        }
        // `diags.error(` / `.warn(` then the code, possibly on the next line.
        let compact: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut wrong = Vec::new();
        for code in Code::ALL {
            let doc = code.doc().trim();
            let documented: &[&str] = if doc.starts_with("Error or warning.") {
                &["error(", "warn("]
            } else if doc.starts_with("Error.") {
                &["error("]
            } else if doc.starts_with("Warning.") {
                &["warn("]
            } else {
                panic!("{code}: the documentation must start with `Error.`, `Warning.` or `Error or warning.`: {doc:?}")
            };
            let variant = format!("Code::{code:?}");
            let mut used = std::collections::BTreeSet::new();
            for (at, _) in compact.match_indices(&variant) {
                if compact[at + variant.len()..].starts_with(|c: char| c.is_alphanumeric()) {
                    continue;
                }
                let before = &compact[..at];
                let call = ["error(", "warn("].into_iter().max_by_key(|c| before.rfind(c).map_or(0, |i| i + 1)).unwrap();
                if before.len() - before.rfind(call).unwrap_or(0) < 160 {
                    used.insert(call);
                }
            }
            if used.is_empty() && *code != Code::CodegenInternal {
                wrong.push(format!("{code} is never reported with error( or warn("));
            } else if !used.is_empty() && used != documented.iter().copied().collect() {
                wrong.push(format!("{code} is documented as {documented:?} but reported with {used:?}"));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    /// `docs/diagnostics.md` is [`Code::reference`]; `KRAKENGEN_BLESS=1` rewrites it.
    #[test]
    fn the_reference_is_fresh() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/diagnostics.md");
        let want = Code::reference();
        if std::env::var_os("KRAKENGEN_BLESS").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(have == want, "docs/diagnostics.md is stale: run `KRAKENGEN_BLESS=1 cargo nextest run -p krakengen the_reference_is_fresh`");
    }

    #[test]
    fn codes_are_unique_kebab_case_names() {
        let names: std::collections::BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names.len(), Code::ALL.len(), "no two codes share a name");
        for name in names {
            assert!(name.split('-').all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())), "{name}");
        }
    }
}
