//! The `Cargo.toml` of a self-contained generated crate, rendered from the askama template
//! `templates/generated-crate/Cargo.toml` (TOML is whole-file, non-Rust output, so a template reads
//! better than code that builds strings).

use askama::Template;

use crate::diag::Diagnostics;
use crate::model::Span;

use super::Options;

#[derive(Template)]
#[template(path = "generated-crate/Cargo.toml", escape = "none")]
struct Manifest<'a> {
    header: &'a str,
    name: &'a str,
    project: &'a str,
}

/// A package name cargo accepts: ASCII letters, digits, `-` and `_`, not starting with a digit.
fn package_name(name: &str) -> String {
    let mut s: String = name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' }).collect();
    if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        s.insert_str(0, "kraken-");
    }
    s
}

pub(crate) fn manifest(options: &Options) -> Result<String, Diagnostics> {
    let name = package_name(options.crate_name());
    let project: String = options.project().chars().filter(|c| !c.is_control() && *c != '"' && *c != '\\').collect();
    let header = options.toml_header();
    let mut text = Manifest { header: header.trim_end(), name: &name, project: &project }.render().map_err(|e| {
        let mut d = Diagnostics::new();
        d.error("codegen-template", Span { file: u32::MAX, ..Span::default() }, format!("cannot render Cargo.toml: {e}"), "");
        d
    })?;
    // askama drops the template's final newline; a text file should end with one.
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_names_are_valid() {
        assert_eq!(package_name("oees-client"), "oees-client");
        assert_eq!(package_name("9 lives"), "kraken-9-lives");
        assert_eq!(package_name("café"), "caf-");
    }

    #[test]
    fn manifest_declares_features_and_an_empty_workspace() {
        let m = manifest(&Options::new("oees")).unwrap();
        assert!(m.starts_with(super::super::TOML_HEADER), "{m}");
        let parsed: toml::Value = toml::from_str(&m).unwrap();
        assert_eq!(parsed["package"]["name"].as_str(), Some("oees-client"));
        assert!(parsed.get("workspace").is_some());
        assert!(parsed["features"].get("reqwest").is_some());
        assert!(parsed["features"].get("rustls-tls").is_some());
        assert!(parsed["features"].get("server").is_some());
    }
}
