//! The SDL a running server reports must be the checked-in `schema/oees/schema.graphql`, up to the
//! differences the representation forces (see `krakengen_server::schema`): no custom directive
//! definitions or applications, and `@opaque` input objects served as scalars.

use std::collections::BTreeMap;
use std::path::PathBuf;

use apollo_compiler::schema::ExtendedType;
use apollo_compiler::Schema;

fn root() -> PathBuf {
    krakengen_tests::root()
}

/// A comparable summary of a schema: kind and members of every type.
fn summary(schema: &Schema, opaque_inputs_as_scalars: bool) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (name, ty) in &schema.types {
        if ty.is_built_in() {
            continue;
        }
        let s = match ty {
            ExtendedType::Scalar(_) => "scalar".to_string(),
            ExtendedType::InputObject(io) if opaque_inputs_as_scalars && io.directives.get("opaque").is_some() => {
                "scalar".to_string()
            }
            ExtendedType::InputObject(io) => {
                format!("input {:?}", io.fields.iter().map(|(n, f)| format!("{n}: {}", f.ty)).collect::<Vec<_>>())
            }
            ExtendedType::Enum(e) => format!("enum {:?}", e.values.keys().map(|k| k.to_string()).collect::<Vec<_>>()),
            ExtendedType::Union(u) => {
                let mut m: Vec<_> = u.members.iter().map(|m| m.name.to_string()).collect();
                m.sort();
                format!("union {m:?}")
            }
            ExtendedType::Object(o) => format!(
                "type {:?}",
                o.fields
                    .iter()
                    .map(|(n, f)| {
                        let args: Vec<_> = f.arguments.iter().map(|a| format!("{}: {}", a.name, a.ty)).collect();
                        let deprecated = f.directives.get("deprecated").is_some();
                        format!("{n}({}): {} deprecated={deprecated}", args.join(", "), f.ty)
                    })
                    .collect::<Vec<_>>()
            ),
            ExtendedType::Interface(i) => format!("interface {:?}", i.fields.keys().map(|k| k.to_string()).collect::<Vec<_>>()),
        };
        out.insert(name.to_string(), s);
    }
    out
}

#[test]
fn served_sdl_matches_the_checked_in_schema() {
    let sdl = std::fs::read_to_string(root().join("schema/oees/schema.graphql")).unwrap();
    let schema = krakengen_mock::schema(&sdl, krakengen_tests::vendored_loaded().model(), krakengen_server::policy::Unspecified::Allow).unwrap();
    let served = schema.sdl();
    // The served SDL is compared after parsing without validation; a problem parsing it fails the
    // test, with every message.
    let served = Schema::parse(&served, "served.graphql").unwrap_or_else(|e| panic!("the served SDL does not parse:\n{}", e.errors));
    let checked_in = Schema::parse_and_validate(&sdl, "schema.graphql").unwrap();
    let a = summary(&checked_in, true);
    let b = summary(&served, false);
    let only_a: Vec<_> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    let only_b: Vec<_> = b.keys().filter(|k| !a.contains_key(*k)).collect();
    assert!(only_a.is_empty() && only_b.is_empty(), "types only checked in: {only_a:?}; only served: {only_b:?}");
    for (name, expected) in &a {
        assert_eq!(&b[name], expected, "type {name} differs");
    }
    assert!(a.len() > 700, "the comparison covers the whole schema ({} types)", a.len());
}
