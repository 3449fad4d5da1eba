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
    /// Refuse operations whose query complexity is over N (`KT-CT-1188`): the reference's `Query
    /// Complexity` figure of each root field, and 1 for each nested field with a selection.
    /// Default: Kraken's limit, 200.
    #[arg(long, value_name = "N")]
    max_complexity: Option<u32>,
    /// Issue real sessions: `obtainKrakenToken` returns a signed token that expires after SECONDS
    /// (and a refresh token), and every operation that is not public requires a live token it
    /// issued (`KT-CT-1112` without one, `KT-CT-1124` once expired). Any email with a non-empty
    /// password logs in, except the password `wrong-password` (`KT-CT-1138`).
    #[arg(long, value_name = "SECONDS")]
    token_ttl: Option<u64>,
    /// Answer every Nth request with Kraken's transient internal error `KT-CT-7899`, for testing
    /// retries.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    fail_every: Option<u64>,
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
    let mut settings = krakengen_mock::mock_settings();
    if let Some(max) = args.max_complexity {
        settings = settings.with_max_complexity(max);
    }
    let model = loaded.model();
    let options = krakengen_mock::Options {
        unspecified,
        settings,
        token_ttl: args.token_ttl.map(std::time::Duration::from_secs),
        fail_every: args.fail_every,
    };
    let router = krakengen_mock::build(&loaded.schema().sdl, model, &options)?.router;
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
