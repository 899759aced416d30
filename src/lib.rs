//! ipec: explore the ILO's IPEC+ Global Flagship Programme from the terminal.
//!
//! - `kb`: the knowledge base: records, loading, validation (data and rules only).
//! - `document`: one record (or a group of them) resolved for reading, and its text and Markdown forms;
//!   every front end renders these.
//! - `search`: the search index over every record.
//! - `cache`: loaded knowledge bases and their indexes, kept on disk for the next start.
//! - `synth`: synthetic knowledge bases of any size, for measuring search.
//! - `watch`: reloading a knowledge-base folder on every change to it, off the caller's thread.
//! - `cli`: the command line and the plain-text, JSON and Markdown output of the subcommands.
//! - `link`: the presenter link between instances of one show (a Unix socket).
//! - `osc`: the terminal's escape sequences for hyperlinks (OSC 8) and the clipboard (OSC 52).
//! - `app`: the explorer's state and its update logic (no terminal); `ui`: its views; `tui`: the terminal
//!   and the event loop.

pub mod app;
pub mod cache;
pub mod cli;
pub mod codec;
pub mod config;
pub mod document;
pub mod fatal;
pub mod graphics;
pub mod images;
pub mod kb;
pub mod link;
pub mod mapped;
pub mod osc;
mod par;
pub mod progress;
pub mod search;
pub mod synth;
pub mod tui;
pub mod ui;
pub mod watch;
