//! Shell integration: completion scripts (clap_complete) and the man page (clap_mangen), both generated
//! from the same clap definition as `--help`, so none of them can drift from the others.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

/// The completion script for `shell`. It is generated into memory first: the generators panic on a
/// failed write, and `ipec completions bash | head` closes the pipe early.
pub fn completions(shell: Shell, out: &mut impl Write) -> io::Result<()> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "ipec", &mut script);
    out.write_all(&script)
}

/// The man page, in roff: clap's sections, then where the settings come from. Its version is ipec's
/// alone: the page documents the commands, and changes with them, not with every edit of `data/`
/// (`ipec --version` names the knowledge base), so the copy in the release archives stays current.
pub fn man(out: &mut impl Write) -> io::Result<()> {
    let command = Cli::command()
        .version(env!("CARGO_PKG_VERSION"))
        .long_version(env!("CARGO_PKG_VERSION"));
    let man = clap_mangen::Man::new(command);
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    man.render_subcommands_section(&mut page)?;
    page.write_all(EXTRA_SECTIONS.as_bytes())?;
    man.render_version_section(&mut page)?;
    out.write_all(&page)
}

const EXTRA_SECTIONS: &str = r#".SH ENVIRONMENT
.TP
\fBIPEC_THEME\fR
The explorer's colour theme (dark, light, high\-contrast), unless \fB\-\-theme\fR is given.
.TP
\fBIPEC_DATA\fR
A knowledge\-base folder to load instead of the built\-in one, unless \fB\-\-data\fR is given.
.TP
\fBIPEC_CONFIG_DIR\fR, \fBIPEC_CACHE_DIR\fR
The folders of the config file and of the cache, instead of the platform's.
.TP
\fBNO_COLOR\fR
When set, the explorer uses no colour.
.SH FILES
.TP
\fI$XDG_CONFIG_HOME/ipec/config.toml\fR (Linux; \fI%APPDATA%\\ipec\\config\\config.toml\fR on Windows;
\fBipec config path\fR prints it on any system)
Settings: theme, mouse, data and a [keys] table of key overrides. \fBipec config init\fR writes a
commented default. Flags beat the environment, which beats this file.
.SH EXIT STATUS
0 on success; 1 when \fBipec search\fR finds nothing, a name or id names no record, or the knowledge
base or the config file has problems; 2 for a usage error.
"#;
