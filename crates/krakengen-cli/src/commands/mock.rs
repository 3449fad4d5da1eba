//! `krakengen mock`: a mock of the API over HTTP, answering every operation with its example.

use super::{Context, Exit, Result};

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    inputs: super::Inputs,
    /// The address to listen on.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:4000")]
    listen: std::net::SocketAddr,
    /// Deny mutations whose reference block has no permissions section (default: allow them).
    #[arg(long)]
    deny_unspecified: bool,
    /// Refuse requests whose mutations add up to more than this query complexity (the reference's
    /// `Query Complexity` figures), as Kraken does; by default there is no limit.
    #[arg(long, value_name = "N")]
    max_complexity: Option<u32>,
}

pub fn run(args: Args, cx: &Context) -> Result {
    let loaded = match args.inputs.pipeline("kraken").load() {
        Ok(loaded) => loaded,
        Err(failure) => return cx.fail(&failure, "the mock was not started"),
    };
    let unspecified = if args.deny_unspecified {
        krakengen_server::policy::Unspecified::Deny
    } else {
        krakengen_server::policy::Unspecified::Allow
    };
    let mut settings = krakengen_server::schema::Settings::default();
    if let Some(max) = args.max_complexity {
        settings = settings.with_max_complexity(max);
    }
    let model = loaded.model();
    let schema = krakengen_mock::schema_with(&loaded.schema().sdl, model, unspecified, &settings)?;
    let router = krakengen_mock::router(schema, model);
    let operations = model.operations().len();
    let listen = args.listen;
    tokio::runtime::Runtime::new()?.block_on(async move {
        let listener = tokio::net::TcpListener::bind(listen).await?;
        eprintln!("mock of {operations} operations listening on http://{}/graphql (Ctrl-C stops it)", listener.local_addr()?);
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        krakengen_mock::serve(listener, router, shutdown).await
    })?;
    Ok(Exit::Success)
}
