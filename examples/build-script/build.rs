//! Generates the client of the supplement fixtures' reference, typed by their supplement, into
//! `OUT_DIR/kraken.rs`.

fn main() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/supplement");
    if let Err(e) = krakengen::builder::Config::new()
        .project("kraken")
        .reference(format!("{fixtures}/reference.txt"))
        .supplement(format!("{fixtures}/typed.graphql"))
        .scalar("DateTime", "::std::string::String")
        .runtime_path("../../crates/krakengen-client")
        .compile()
    {
        panic!("{e}");
    }
}
