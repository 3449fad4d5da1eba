//! The codes of every diagnostic krakengen reports: one enum, so that a stage cannot make up a
//! code, and the one list of them (`Code::ALL`).

named_enum! {
    /// The stable code of a diagnostic, as reports (`krakengen::unmatched-rows`) and JSON name it.
    pub enum Code {
        AmbiguousPermissionName = "ambiguous-permission-name",
        BadComplexity = "bad-complexity",
        BadErrorEntry = "bad-error-entry",
        BadExample = "bad-example",
        BadOperation = "bad-operation",
        BadPermissions = "bad-permissions",
        BadRateLimit = "bad-rate-limit",
        BadType = "bad-type",
        CodegenInternal = "codegen-internal",
        CodegenTemplate = "codegen-template",
        ConflictingMutation = "conflicting-mutation",
        DroppedInterface = "dropped-interface",
        DuplicateArgument = "duplicate-argument",
        DuplicateMutation = "duplicate-mutation",
        EmptyEnum = "empty-enum",
        EmptyFile = "empty-file",
        EmptyPermissions = "empty-permissions",
        EmptySelection = "empty-selection",
        EmptyUnion = "empty-union",
        ErrorMessageConflict = "error-message-conflict",
        FieldsOnNonObjectPayload = "fields-on-non-object-payload",
        FragmentDuplicate = "fragment-duplicate",
        FragmentNotFragment = "fragment-not-fragment",
        FragmentSyntax = "fragment-syntax",
        FragmentUndefined = "fragment-undefined",
        FragmentUnknownType = "fragment-unknown-type",
        InvalidDocument = "invalid-document",
        InvalidName = "invalid-name",
        InvalidSdl = "invalid-sdl",
        InvalidUtf8 = "invalid-utf8",
        MissingOperation = "missing-operation",
        MissingType = "missing-type",
        NoMutations = "no-mutations",
        OperationNameMismatch = "operation-name-mismatch",
        OperationPatternUnused = "operation-pattern-unused",
        PayloadFieldConflict = "payload-field-conflict",
        RepeatedSection = "repeated-section",
        ReservedFieldName = "reserved-field-name",
        ReservedTypeName = "reserved-type-name",
        ScaffoldMissingMethod = "scaffold-missing-method",
        ScaffoldNoImpl = "scaffold-no-impl",
        ScaffoldOrphanedMethod = "scaffold-orphaned-method",
        ScaffoldUnparsable = "scaffold-unparsable",
        ScalarMapping = "scalar-mapping",
        ScalarMappingUnused = "scalar-mapping-unused",
        StrayTableLine = "stray-table-line",
        SupplementExtraArgument = "supplement-extra-argument",
        SupplementExtraField = "supplement-extra-field",
        SupplementIntrospectionInvalid = "supplement-introspection-invalid",
        SupplementInvalid = "supplement-invalid",
        SupplementKindConflict = "supplement-kind-conflict",
        SupplementMissingArgument = "supplement-missing-argument",
        SupplementMissingEnumValue = "supplement-missing-enum-value",
        SupplementMissingField = "supplement-missing-field",
        SupplementMissingMutation = "supplement-missing-mutation",
        SupplementMissingType = "supplement-missing-type",
        SupplementMissingUnionMember = "supplement-missing-union-member",
        SupplementNoMutationRoot = "supplement-no-mutation-root",
        SupplementNotSdl = "supplement-not-sdl",
        SupplementNullabilityConflict = "supplement-nullability-conflict",
        SupplementOverridesInference = "supplement-overrides-inference",
        SupplementTypeConflict = "supplement-type-conflict",
        SupplementUnreadable = "supplement-unreadable",
        TruncatedFile = "truncated-file",
        TypeConflict = "type-conflict",
        TypeKindConflict = "type-kind-conflict",
        TypePositionConflict = "type-position-conflict",
        UnionMemberNotObject = "union-member-not-object",
        UnknownSection = "unknown-section",
        UnmatchedRows = "unmatched-rows",
        UnterminatedRow = "unterminated-row",
        UntypedArgument = "untyped-argument",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_names() {
        let names: std::collections::BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names.len(), Code::ALL.len(), "no two codes share a name");
        for name in names {
            assert!(name.split('-').all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())), "{name}");
        }
    }
}
