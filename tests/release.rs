//! What the release archives carry beside the binary (issue 21): the shell completions and the man page
//! in `assets/shell/`, which `scripts/shell-files.sh` writes from the command line's own definition.
//! They must be what this build prints, or a release would ship completions for flags that are gone.

use std::path::Path;
use std::process::Command;

/// Each file of `assets/shell/`, with the `ipec` arguments that print it.
const FILES: [(&str, &[&str]); 6] = [
    ("ipec.bash", &["completions", "bash", "--program", "ipec"]),
    ("_ipec", &["completions", "zsh", "--program", "ipec"]),
    ("ipec.fish", &["completions", "fish", "--program", "ipec"]),
    ("_ipec.ps1", &["completions", "powershell", "--program", "ipec"]),
    ("ipec.elv", &["completions", "elvish", "--program", "ipec"]),
    ("ipec.1", &["man"]),
];

#[test]
fn the_shipped_completions_and_man_page_are_what_ipec_prints() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets").join("shell");
    for (file, args) in FILES {
        let out = Command::new(env!("CARGO_BIN_EXE_ipec"))
            .args(args)
            .output()
            .expect("the ipec binary runs");
        assert!(out.status.success(), "ipec {}", args.join(" "));
        let shipped = std::fs::read(dir.join(file)).unwrap_or_default();
        // Git may check text files out with CRLF on Windows; the content is what matters.
        let shipped = String::from_utf8_lossy(&shipped).replace("\r\n", "\n");
        let printed = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
        assert!(
            shipped == printed,
            "assets/shell/{file} is not what `ipec {}` prints: run scripts/shell-files.sh",
            args.join(" ")
        );
    }
}
