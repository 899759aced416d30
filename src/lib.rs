//! ipec: explore the ILO's IPEC+ Global Flagship Programme from the terminal.
//!
//! - `kb`: the knowledge base: records, loading, validation, resolved documents.
//! - `search`: the search index over every record.
//! - `cli`: the command line and the plain-text, JSON and Markdown output of the subcommands.

pub mod cli;
pub mod kb;
pub mod search;
