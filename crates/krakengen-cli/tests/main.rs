//! The `krakengen` command line as users run it, in one test binary: each module is one command
//! or one concern.

mod bounded;
mod cli;
mod diff_command;
mod introspect_command;
mod lint_command;
mod mock_command;
mod reference;
mod scaffold_command;
mod schema_command;
