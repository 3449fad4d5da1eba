use super::*;

fn expr(text: &str) -> Permissions {
    Permissions::Required(crate::parse::parse_permission_expr(text).unwrap())
}


/// A span with a line is located in its file; one without (a fact only a supplement states)
/// is not, even with a file index that exists.
#[test]
fn only_a_span_with_a_line_is_located() {
    let text = include_str!("../../../../tests/fixtures/diff/base.txt");
    let loaded = crate::Pipeline::new("t").reference_text("base.txt", text).load().unwrap_or_else(|f| panic!("{f}"));
    let at = |line| location(loaded.model(), SideName::Old, Span { file: 0, line, column: 2, offset: 0, len: 1 });
    assert_eq!(at(0).map(|l| l.line), None);
    let found = at(3).expect("a located span");
    assert_eq!((found.file.as_str(), found.line, found.column), ("base.txt", 3, 2));
}

/// A class's name is the one the JSON report gives it.
#[test]
fn a_class_is_named_as_the_report_names_it() {
    for class in [Class::Breaking, Class::Dangerous, Class::Safe] {
        assert_eq!(serde_json::to_value(class).unwrap(), class.as_str());
    }
    assert_eq!(Class::Dangerous.as_str(), "dangerous");
}

#[test]
fn type_compatibility_follows_the_position() {
    let t = |s: &str| TypeRef::parse(s).unwrap();
    assert!(output_compatible(&t("String"), &t("String!")));
    assert!(!output_compatible(&t("String!"), &t("String")));
    assert!(output_compatible(&t("[Int]"), &t("[Int!]!")));
    assert!(!output_compatible(&t("[Int]"), &t("Int")));
    assert!(input_compatible(&t("String!"), &t("String")));
    assert!(!input_compatible(&t("String"), &t("String!")));
    assert!(!input_compatible(&t("ID"), &t("String")));
    // The same type, at every depth, fits either way.
    for same in ["String!", "[Int!]!", "[[ID]!]"] {
        assert!(output_compatible(&t(same), &t(same)) && input_compatible(&t(same), &t(same)), "{same}");
    }
    assert!(input_compatible(&t("[ID!]!"), &t("[ID]")));
    assert!(!input_compatible(&t("[ID]"), &t("ID")));
}

#[test]
fn permission_alternatives_are_minimal() {
    let alts = alternatives(&expr("A AND (B OR C)")).unwrap();
    assert_eq!(alts, vec![BTreeSet::from(["A".to_string(), "B".to_string()]), BTreeSet::from(["A".to_string(), "C".to_string()])]);
    let alts = alternatives(&expr("A OR (A AND B)")).unwrap();
    assert_eq!(alts, vec![BTreeSet::from(["A".to_string()])]);
    assert_eq!(alternatives(&Permissions::Public), Some(vec![BTreeSet::new()]));
    assert_eq!(alternatives(&Permissions::Unspecified), None);
}

/// Expansion stops beyond 256 alternatives, counted exactly: 256 alternatives of `OR`, or of an
/// `AND` of two sixteen-way `OR`s, are expanded; one more, or 17 × 17, is one alternative holding
/// every name.
#[test]
fn permission_alternatives_are_expanded_up_to_256() {
    let any = |n: usize, prefix: &str| (0..n).map(|i| format!("{prefix}{i}")).collect::<Vec<_>>().join(" OR ");
    let alts = alternatives(&expr(&any(256, "P"))).unwrap();
    assert_eq!((alts.len(), alts[0].len()), (256, 1));
    let alts = alternatives(&expr(&any(257, "P"))).unwrap();
    assert_eq!((alts.len(), alts[0].len()), (1, 257));
    let all = |n: usize| format!("({}) AND ({})", any(n, "A"), any(n, "B"));
    let alts = alternatives(&expr(&all(16))).unwrap();
    assert_eq!((alts.len(), alts[0].len()), (256, 2));
    let alts = alternatives(&expr(&all(17))).unwrap();
    assert_eq!((alts.len(), alts[0].len()), (1, 34));
}
