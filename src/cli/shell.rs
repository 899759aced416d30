//! Shell integration: completion (clap_complete's dynamic completion: the shell asks ipec for the
//! values as they are typed) and the man pages (clap_mangen), both from the same clap definition as
//! `--help`, so none of them can drift from the others.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::env::Shells;
use clap_complete::Shell;

use super::Cli;

/// The environment variable through which the shell asks ipec for completions.
pub const COMPLETE_VAR: &str = "COMPLETE";

/// Answers the shell when it asks for completions (COMPLETE=SHELL in the environment), then exits;
/// otherwise returns at once. First thing in `main`, before anything is written.
pub fn complete_if_asked() {
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .var(COMPLETE_VAR)
        .complete();
}

/// The completion script for `shell`: it asks `program`, or else this ipec by its full path (so that
/// it works from wherever ipec was started), for every completion, ids and names included. Written
/// into memory first: `ipec completions bash | head` closes the pipe early.
pub fn completions(shell: Shell, program: Option<String>, out: &mut impl Write) -> io::Result<()> {
    let name = shell.to_string();
    let shells = Shells::builtins();
    let Some(completer) = shells.completer(&name) else {
        return Err(io::Error::other(format!("no completion for {name}")));
    };
    let program = program.unwrap_or_else(|| {
        std::env::current_exe()
            .ok()
            .and_then(|p| p.to_str().map(String::from))
            .unwrap_or_else(|| "ipec".to_string())
    });
    let install = match shell {
        Shell::Bash => "ipec completions bash > ~/.local/share/bash-completion/completions/ipec",
        Shell::Zsh => "ipec completions zsh > ~/.zfunc/_ipec   # a folder on your $fpath",
        Shell::Fish => "ipec completions fish > ~/.config/fish/completions/ipec.fish",
        Shell::PowerShell => "ipec completions powershell | Out-String | Invoke-Expression   # in $PROFILE",
        Shell::Elvish => "eval (ipec completions elvish | slurp)   # in ~/.config/elvish/rc.elv",
        _ => "ipec completions SHELL > FILE",
    };
    let mut script = format!(
        "# ipec's completion for {name}: commands, options, and values from the knowledge base in use\n\
         # (record ids, country names and aliases, tab names, filter values), asked as they are typed of\n\
         # {program}\n\
         # Install it, and again after moving or upgrading ipec:\n\
         #   {install}\n"
    )
    .into_bytes();
    completer.write_registration(COMPLETE_VAR, "ipec", "ipec", &program, &mut script)?;
    out.write_all(&script)
}

/// The command whose pages are written: clap's `help` subcommand has no page of its own. Its version
/// is ipec's alone: the pages document the commands, and change with them, not with every edit of
/// `data/` (`ipec --version` names the knowledge base), so the copies in the release archives stay
/// current.
fn command() -> clap::Command {
    let mut command = Cli::command()
        .disable_help_subcommand(true)
        .version(env!("CARGO_PKG_VERSION"))
        .long_version(env!("CARGO_PKG_VERSION"));
    command.build();
    command
}

/// The man page of ipec, in roff: clap's sections, then the environment, files and exit status.
pub fn man(out: &mut impl Write) -> io::Result<()> {
    out.write_all(&top_page(false)?)
}

fn top_page(see_also: bool) -> io::Result<Vec<u8>> {
    let command = command();
    let man = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    man.render_subcommands_section(&mut page)?;
    page.write_all(EXTRA_SECTIONS.as_bytes())?;
    if see_also {
        page.write_all(see_also_section(&pages(&command)).as_bytes())?;
    }
    man.render_version_section(&mut page)?;
    Ok(page)
}

/// Every subcommand's page name, nested ones included: ipec-list, ipec-config-path...
fn pages(command: &clap::Command) -> Vec<String> {
    fn walk(command: &clap::Command, prefix: &str, out: &mut Vec<String>) {
        for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
            let name = format!("{prefix}-{}", sub.get_name());
            out.push(name.clone());
            walk(sub, &name, out);
        }
    }
    let mut out = Vec::new();
    walk(command, command.get_name(), &mut out);
    out
}

/// SEE ALSO: the pages written beside this one, and nothing else.
fn see_also_section(pages: &[String]) -> String {
    let refs: Vec<String> = pages
        .iter()
        .map(|p| format!("\\fB{}\\fR(1)", p.replace('-', "\\-")))
        .collect();
    format!(".SH \"SEE ALSO\"\n{}\n", refs.join(", "))
}

/// `ipec man --dir DIR`: ipec.1 and a page per subcommand, nested ones included; prints each file.
pub fn man_pages(dir: &Path, out: &mut impl Write) -> io::Result<ExitCode> {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("ipec: cannot make the folder {}: {e}", dir.display());
        return Ok(ExitCode::FAILURE);
    }
    let command = command();
    let mut written = vec![(dir.join("ipec.1"), top_page(true)?)];
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        subcommand_pages(sub, dir, &mut written)?;
    }
    for (path, page) in &written {
        if let Err(e) = std::fs::write(path, page) {
            eprintln!("ipec: cannot write {}: {e}", path.display());
            return Ok(ExitCode::FAILURE);
        }
        writeln!(out, "{}", path.display())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A subcommand's page (clap names it ipec-list once built), its own subcommands', and a SEE ALSO
/// back to ipec(1).
fn subcommand_pages(
    sub: &clap::Command,
    dir: &Path,
    written: &mut Vec<(std::path::PathBuf, Vec<u8>)>,
) -> io::Result<()> {
    let man = clap_mangen::Man::new(sub.clone());
    let mut page = Vec::new();
    man.render(&mut page)?;
    page.write_all(b".SH \"SEE ALSO\"\n\\fBipec\\fR(1)\n")?;
    written.push((dir.join(man.get_filename()), page));
    for nested in sub.get_subcommands().filter(|s| !s.is_hide_set()) {
        subcommand_pages(nested, dir, written)?;
    }
    Ok(())
}

const EXTRA_SECTIONS: &str = r#".SH ENVIRONMENT
.TP
\fBIPEC_THEME\fR
The explorer's colour theme (dark, light, high\-contrast), unless \fB\-\-theme\fR is given. Only the
explorer and \fBipec present\fR use it: another command warns of a bad value and goes on.
.TP
\fBIPEC_DATA\fR
A knowledge\-base folder to load instead of the built\-in one, unless \fB\-\-data\fR is given.
.TP
\fBIPEC_CONFIG_DIR\fR
The folder of the config file, instead of the platform's (\fI$XDG_CONFIG_HOME/ipec\fR on Linux,
\fI%APPDATA%\\ipec\\config\fR on Windows).
.TP
\fBIPEC_CACHE_DIR\fR
The folder of the cache of loaded knowledge bases (\fBipec cache path\fR), instead of the platform's
cache folder (\fI$XDG_CACHE_HOME/ipec\fR on Linux).
.TP
\fBIPEC_HYPERLINKS\fR
0 (or never) writes no OSC 8 hyperlinks, 1 (or always) writes them even where ipec would not (a
dumb terminal, the Linux console).
.TP
\fBNO_COLOR\fR
When set, no colour: the explorer's themes and the colour of text output (unless \fB\-\-color
always\fR).
.TP
\fBCLICOLOR_FORCE\fR
When set (and not 0), text output is coloured even when piped (unless NO_COLOR or \fB\-\-color
never\fR).
.TP
\fBCOLUMNS\fR
The width text output is wrapped to, before the terminal's own; piped, 100.
.TP
\fBTERM\fR
dumb: no colour and no hyperlinks; screen*: OSC 52 wrapped for GNU screen.
.TP
\fBSSH_CONNECTION\fR, \fBSSH_TTY\fR
Over SSH, \fBo\fR in the explorer copies a link with OSC 52 rather than start a browser on the remote
machine.
.TP
\fBTMUX\fR
Inside tmux, the form of OSC 52 is chosen from what \fBtmux show \-gv set\-clipboard\fR and
\fBallow\-passthrough\fR say.
.TP
\fBBROWSER\fR
The browser \fBo\fR opens links with, as xdg\-open reads it.
.TP
\fBXDG_CONFIG_HOME\fR, \fBXDG_CACHE_HOME\fR, \fBXDG_RUNTIME_DIR\fR
Where the config file, the cache and the presenter link's socket go on Linux.
.TP
\fBCOMPLETE\fR
Set by the completion scripts when the shell asks ipec for completions; not for people.
.SH FILES
.TP
\fI$XDG_CONFIG_HOME/ipec/config.toml\fR (Linux; \fI%APPDATA%\\ipec\\config\\config.toml\fR on Windows;
\fBipec config path\fR prints it on any system)
Settings: theme, mouse, data, export_folder, export_excel and a [keys] table of key overrides. \fBipec config
init\fR writes a commented default. Flags beat the environment, which beats this file.
.SH EXIT STATUS
0 on success; 1 when \fBipec search\fR finds nothing, a name or id names no record, or the knowledge
base or the config file has problems; 2 for a usage error.
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn see_also_names_every_subcommand_page_and_only_those() {
        let names = pages(&command());
        for expected in ["ipec-list", "ipec-show", "ipec-search", "ipec-config-path", "ipec-man"] {
            assert!(names.iter().any(|n| n == expected), "{names:?}");
        }
        assert!(!names.iter().any(|n| n == "ipec-help"), "{names:?}");
    }
}
