//! The kinds of change `krakengen diff` reports: one enum, so that a kind cannot be misspelled,
//! and the one list `docs/diff.md` is checked against.

named_enum! {
    /// One kind of change, named as reports and `docs/diff.md` name it.
    pub enum ChangeKind {
        ArgumentAddedOptional = "argument-added-optional",
        ArgumentAddedRequired = "argument-added-required",
        ArgumentRemoved = "argument-removed",
        ArgumentTypeChanged = "argument-type-changed",
        ComplexityLowered = "complexity-lowered",
        ComplexityRaised = "complexity-raised",
        ComplexityStated = "complexity-stated",
        ComplexityUnstated = "complexity-unstated",
        DefaultChanged = "default-changed",
        DeprecationAdded = "deprecation-added",
        DeprecationReasonChanged = "deprecation-reason-changed",
        DeprecationRemoved = "deprecation-removed",
        DescriptionChanged = "description-changed",
        EnumValueAdded = "enum-value-added",
        EnumValueRemoved = "enum-value-removed",
        ErrorCodeAdded = "error-code-added",
        ErrorCodeRemoved = "error-code-removed",
        ErrorMessageChanged = "error-message-changed",
        FieldAdded = "field-added",
        FieldRemoved = "field-removed",
        FieldTypeChanged = "field-type-changed",
        FieldTypeStated = "field-type-stated",
        FieldTypeUnstated = "field-type-unstated",
        InputFieldAddedOptional = "input-field-added-optional",
        InputFieldAddedRequired = "input-field-added-required",
        InputFieldRemoved = "input-field-removed",
        InterfaceAdded = "interface-added",
        InterfaceRemoved = "interface-removed",
        OperationAdded = "operation-added",
        OperationKindChanged = "operation-kind-changed",
        OperationRemoved = "operation-removed",
        PermissionsLoosened = "permissions-loosened",
        PermissionsStated = "permissions-stated",
        PermissionsTightened = "permissions-tightened",
        PermissionsUnstated = "permissions-unstated",
        RateLimitAdded = "rate-limit-added",
        RateLimitLoosened = "rate-limit-loosened",
        RateLimitRemoved = "rate-limit-removed",
        RateLimitTightened = "rate-limit-tightened",
        RemovalMovedCloser = "removal-moved-closer",
        RemovalMovedLater = "removal-moved-later",
        RemovalScheduled = "removal-scheduled",
        RemovalUnscheduled = "removal-unscheduled",
        ReturnTypeChanged = "return-type-changed",
        RustItemChanged = "rust-item-changed",
        TypeAdded = "type-added",
        TypeKindChanged = "type-kind-changed",
        TypeRemoved = "type-removed",
        UnionMemberAdded = "union-member-added",
        UnionMemberRemoved = "union-member-removed",
    }
}

/// Ordered by name, as reports list changes of one class and path.
impl Ord for ChangeKind {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for ChangeKind {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl serde::Serialize for ChangeKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl PartialEq<&str> for ChangeKind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}
