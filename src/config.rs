//! Settings that stay between runs: a config file at the platform's config path
//! (`$XDG_CONFIG_HOME/ipec/config.toml` on Linux), the environment (`IPEC_THEME`, `IPEC_DATA`), and the
//! flags. Flags beat the environment, which beats the file, which beats the defaults.
//!
//! The file is checked like a knowledge-base file: an unknown key or a wrong value is reported as
//! `FILE:LINE:COLUMN: message`.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::Deserialize;
use toml::Spanned;

use crate::kb::Problem;
use crate::ui::theme::ThemeName as Theme;

/// The environment variable that chooses the explorer's theme.
pub const ENV_THEME: &str = "IPEC_THEME";
/// The environment variable that names a knowledge-base folder to load instead of the built-in one.
pub const ENV_DATA: &str = "IPEC_DATA";
/// The folder of the config file, instead of the platform's.
pub const ENV_CONFIG_DIR: &str = "IPEC_CONFIG_DIR";

/// The file `ipec config init` writes: every key, commented out, with what it does.
pub const DEFAULT_FILE: &str = r##"# ipec settings. Remove the "# " before a key to set it.
# Flags beat the environment (IPEC_THEME, IPEC_DATA), which beats this file.

# The explorer's colours: "dark", "light", or "high-contrast" (for projectors). NO_COLOR is respected.
# theme = "dark"

# Let the explorer take the mouse (clicks, wheel). false leaves the terminal's own text selection
# working, as --no-mouse does.
# mouse = true

# How maps and charts reach the terminal: "auto" (an image protocol the terminal is known to speak,
# else coloured half-blocks), "kitty", "iterm2", "sixel", "halfblocks", or "none" (braille), as
# --graphics does.
# graphics = "auto"

# A knowledge-base folder to load instead of the built-in one, as --data DIR does. A relative path
# is relative to this file's folder; ~/ is your home folder.
# data = "~/ipec-data"

# Where the explorer's exports (e, E) go, instead of the folder ipec was started in. Relative paths
# and ~/ as for data.
# export_folder = "~/ipec-exports"

# Whether the explorer's CSV exports (e) are in Excel's dialect: a UTF-8 byte-order mark, so that
# names like Côte d’Ivoire open as written, and CRLF line ends. The default is true on Windows, where
# Excel is what opens them, and false elsewhere (scripts read the plain CSV best).
# export_excel = true

# The most the cache of loaded knowledge bases may take (IPEC_CACHE_MAX beats it); the least recently
# used files go first.
# [cache]
# max_size = "1G"

# Keys of the explorer: action name = key, for the actions listed in its help (?).
[keys]
# quit = "Q"
"##;

/// The config file as written, every key optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    theme: Option<Spanned<String>>,
    mouse: Option<bool>,
    data: Option<Spanned<String>>,
    /// How pictures reach the terminal: auto, kitty, iterm2, sixel, halfblocks, none.
    graphics: Option<crate::graphics::Graphics>,
    /// `[cache]`: `max_size = "1G"`, read by every command (`cache_max_size`); checked here.
    cache: Option<CacheSection>,
    export_folder: Option<Spanned<String>>,
    /// The explorer's CSV exports in Excel's dialect.
    export_excel: Option<bool>,
    /// Action name to key.
    // Checked against the explorer's key table in `parse`, each problem at its line.
    #[serde(default)]
    keys: BTreeMap<String, Spanned<String>>,
}

/// The config file's `[cache]` table.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CacheSection {
    max_size: Option<Spanned<String>>,
}

/// The cache's cap from the config file's `[cache] max_size`, for every command: a file that cannot be
/// read or a value that means nothing leaves the default (the explorer and `ipec config show` report
/// such a value at its line).
pub fn cache_max_size() -> Option<u64> {
    let text = std::fs::read_to_string(config_path()?).ok()?;
    let value: toml::Table = toml::from_str(&text).ok()?;
    let size = value.get("cache")?.get("max_size")?.as_str()?;
    crate::cache::gc::parse_size(size).ok()
}

/// Where a setting's value came from, for `ipec config show`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Default,
    File,
    Env(&'static str),
    Flag(&'static str),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => f.write_str("default"),
            Origin::File => f.write_str("config file"),
            Origin::Env(var) => write!(f, "environment: {var}"),
            Origin::Flag(flag) => write!(f, "flag: {flag}"),
        }
    }
}

/// A setting's value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub origin: Origin,
}

impl<T> Setting<T> {
    fn new(value: T, origin: Origin) -> Setting<T> {
        Setting { value, origin }
    }
}

/// What the flags of this run say; `None` or `false` leaves the setting to the environment and file.
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub theme: Option<Theme>,
    /// `--mouse` (true) or `--no-mouse` (false).
    pub mouse: Option<bool>,
    pub data: Option<PathBuf>,
    /// `--graphics`.
    pub graphics: Option<crate::graphics::Graphics>,
}

/// Every setting, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The config file consulted, whether or not it exists; `None` when the platform has no config
    /// folder (no home directory).
    pub file: Option<PathBuf>,
    /// Whether that file exists.
    pub file_exists: bool,
    pub theme: Setting<Theme>,
    pub mouse: Setting<bool>,
    /// How pictures reach the terminal.
    pub graphics: Setting<crate::graphics::Graphics>,
    /// `None`: the built-in knowledge base.
    pub data: Setting<Option<PathBuf>>,
    /// Where the explorer's exports go; `None`: the current folder.
    pub export_folder: Setting<Option<PathBuf>>,
    /// Whether the explorer's CSV exports are in Excel's dialect (by default on Windows).
    pub export_excel: Setting<bool>,
    /// The explorer's key overrides, action name to key, checked against the key table.
    pub keys: BTreeMap<String, String>,
    /// Problems with settings this command does not use (the explorer's theme and keys, for `ipec
    /// show`): said on standard error, never a reason to fail.
    pub warnings: Vec<String>,
}

/// Which settings a command uses: a bad value in a setting it does not use is a warning, not an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Uses {
    /// The explorer (and `ipec config show`): every setting.
    Everything,
    /// The subcommands for scripts: only where the knowledge base is.
    DataOnly,
}

/// A setting that cannot be used: a broken config file, or a bad value in the environment.
#[derive(Debug)]
pub enum Error {
    /// The config file cannot be read.
    Read { path: PathBuf, error: io::Error },
    /// Problems in the config file, each at its line and column.
    File(Vec<Problem>),
    /// An environment variable with a value that means nothing.
    Env {
        var: &'static str,
        value: String,
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Read { path, error } => write!(f, "{}: cannot read the config file: {error}", path.display()),
            Error::File(problems) => {
                let lines: Vec<String> = problems.iter().map(Problem::to_string).collect();
                f.write_str(&lines.join("\n"))
            }
            Error::Env { var, value, message } => write!(f, "{var}={value}: {message}"),
        }
    }
}

impl std::error::Error for Error {}

/// The config file for ipec: `config.toml` in `IPEC_CONFIG_DIR` when it is set, else in the platform's
/// config folder: `$XDG_CONFIG_HOME/ipec` (else `~/.config/ipec`) on Linux, the Application Support
/// folder on macOS, `%APPDATA%\ipec\config` on Windows (a known folder, which no variable moves: hence
/// `IPEC_CONFIG_DIR`, as `IPEC_CACHE_DIR` is for the cache).
pub fn config_path() -> Option<PathBuf> {
    match std::env::var_os(ENV_CONFIG_DIR) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir).join("config.toml")),
        _ => directories::ProjectDirs::from("", "", "ipec").map(|dirs| dirs.config_dir().join("config.toml")),
    }
}

impl Settings {
    /// Resolves every setting from the flags, the process environment and the platform's config file.
    pub fn load(flags: &Flags, uses: Uses) -> Result<Settings, Error> {
        Settings::resolve(flags, config_path().as_deref(), uses, |var| std::env::var(var).ok())
    }

    /// Resolves every setting from the flags, an environment (`env` looks a variable up) and the
    /// config file at `file`, if it exists.
    pub fn resolve(
        flags: &Flags,
        file: Option<&Path>,
        uses: Uses,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Settings, Error> {
        let text = match file {
            Some(path) => match std::fs::read_to_string(path) {
                Ok(text) => Some(text),
                Err(e) if e.kind() == io::ErrorKind::NotFound => None,
                Err(error) => {
                    return Err(Error::Read {
                        path: path.to_path_buf(),
                        error,
                    })
                }
            },
            None => None,
        };
        let from_file = match (&text, file) {
            (Some(text), Some(path)) => parse(path, text, uses)?,
            _ => FileValues::default(),
        };
        let mut warnings = from_file.warnings;
        let env = |var: &str| env(var).filter(|v| !v.trim().is_empty());
        let env_theme = env_theme(env(ENV_THEME), uses, &mut warnings)?;

        let theme = if let Some(theme) = flags.theme {
            Setting::new(theme, Origin::Flag("--theme"))
        } else if let Some(theme) = env_theme {
            Setting::new(theme, Origin::Env(ENV_THEME))
        } else if let Some(theme) = from_file.theme {
            Setting::new(theme, Origin::File)
        } else {
            Setting::new(Theme::default(), Origin::Default)
        };

        let mouse = match (flags.mouse, from_file.mouse) {
            (Some(false), _) => Setting::new(false, Origin::Flag("--no-mouse")),
            (Some(true), _) => Setting::new(true, Origin::Flag("--mouse")),
            (None, Some(mouse)) => Setting::new(mouse, Origin::File),
            (None, None) => Setting::new(true, Origin::Default),
        };

        let graphics = match (flags.graphics, from_file.graphics) {
            (Some(g), _) => Setting::new(g, Origin::Flag("--graphics")),
            (None, Some(g)) => Setting::new(g, Origin::File),
            (None, None) => Setting::new(crate::graphics::Graphics::Auto, Origin::Default),
        };

        let data = if let Some(dir) = &flags.data {
            Setting::new(Some(dir.clone()), Origin::Flag("--data"))
        } else if let Some(dir) = env(ENV_DATA) {
            Setting::new(Some(PathBuf::from(dir)), Origin::Env(ENV_DATA))
        } else if let Some(dir) = from_file.data {
            Setting::new(Some(dir), Origin::File)
        } else {
            Setting::new(None, Origin::Default)
        };

        let export_folder = match from_file.export_folder {
            Some(dir) => Setting::new(Some(dir), Origin::File),
            None => Setting::new(None, Origin::Default),
        };
        let export_excel = match from_file.export_excel {
            Some(excel) => Setting::new(excel, Origin::File),
            None => Setting::new(cfg!(windows), Origin::Default),
        };
        Ok(Settings {
            file: file.map(Path::to_path_buf),
            file_exists: text.is_some(),
            theme,
            mouse,
            graphics,
            data,
            export_folder,
            export_excel,
            keys: from_file.keys,
            warnings,
        })
    }

    /// Says the warnings on standard error, each on a line of its own.
    pub fn print_warnings(&self) {
        for warning in &self.warnings {
            eprintln!("ipec: warning: {warning}");
        }
    }

    /// The settings as a config file would set them, each with where its value came from.
    pub fn to_toml(&self) -> String {
        let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
        let mut out = String::new();
        match (&self.file, self.file_exists) {
            (Some(path), true) => out.push_str(&format!("# config file: {}\n", path.display())),
            (Some(path), false) => out.push_str(&format!("# config file: {} (none yet)\n", path.display())),
            (None, _) => out.push_str("# config file: none (no home folder)\n"),
        }
        out.push_str(&format!(
            "theme = {}  # {}\n",
            quote(theme_name(self.theme.value)),
            self.theme.origin
        ));
        out.push_str(&format!("mouse = {}  # {}\n", self.mouse.value, self.mouse.origin));
        out.push_str(&format!(
            "graphics = {}  # {}\n",
            quote(self.graphics.value.name()),
            self.graphics.origin
        ));
        match &self.data.value {
            Some(dir) => out.push_str(&format!(
                "data = {}  # {}\n",
                quote(&dir.display().to_string()),
                self.data.origin
            )),
            None => out.push_str("# data: the built-in knowledge base  # default\n"),
        }
        match &self.export_folder.value {
            Some(dir) => out.push_str(&format!(
                "export_folder = {}  # {}\n",
                quote(&dir.display().to_string()),
                self.export_folder.origin
            )),
            None => out.push_str("# export_folder: the folder ipec was started in  # default\n"),
        }
        out.push_str(&format!(
            "export_excel = {}  # {}\n",
            self.export_excel.value, self.export_excel.origin
        ));
        out.push_str("\n[keys]\n");
        for (action, key) in &self.keys {
            out.push_str(&format!("{} = {}\n", toml_key(action), quote(key)));
        }
        out
    }
}

/// IPEC_THEME's theme, if it names one; a bad value is an error for the explorer, a warning for the
/// commands that draw no screen.
fn env_theme(value: Option<String>, uses: Uses, warnings: &mut Vec<String>) -> Result<Option<Theme>, Error> {
    let Some(value) = value else {
        return Ok(None);
    };
    match parse_theme(&value) {
        Ok(theme) => Ok(Some(theme)),
        Err(message) => {
            let error = Error::Env {
                var: ENV_THEME,
                value,
                message,
            };
            match uses {
                Uses::Everything => Err(error),
                Uses::DataOnly => {
                    warnings.push(format!("{error} (ignored: only the explorer has a theme)"));
                    Ok(None)
                }
            }
        }
    }
}

/// Writes the commented default config file at `path`, creating its folder; never over an existing
/// file (the check and the creation are one step, so two runs cannot race).
pub fn init(path: &Path) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(DEFAULT_FILE.as_bytes())?;
    file.sync_all()
}

/// The values the file sets, checked.
#[derive(Debug, Default)]
struct FileValues {
    theme: Option<Theme>,
    mouse: Option<bool>,
    graphics: Option<crate::graphics::Graphics>,
    data: Option<PathBuf>,
    export_folder: Option<PathBuf>,
    export_excel: Option<bool>,
    keys: BTreeMap<String, String>,
    /// Problems with the explorer's settings, for a command that does not use them.
    warnings: Vec<String>,
}

fn parse(path: &Path, text: &str, uses: Uses) -> Result<FileValues, Error> {
    let name = path.display().to_string();
    let at = |span: Range<usize>, message: String| Problem::at_offset(&name, text, span.start, message);
    let file: FileSettings = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        Error::File(vec![Problem::at_offset(&name, text, offset, e.message().trim_end())])
    })?;
    // The theme and the keys are the explorer's alone: their problems are kept apart.
    let mut explorer = Vec::new();
    let theme = file.theme.and_then(|t| match parse_theme(t.get_ref()) {
        Ok(theme) => Some(theme),
        Err(message) => {
            explorer.push(at(t.span(), message));
            None
        }
    });
    let mut keys = BTreeMap::new();
    let mut spans = Vec::new();
    for (action, key) in file.keys {
        if key.get_ref().trim().is_empty() {
            explorer.push(at(key.span(), format!("the key for `{action}` is empty")));
        } else {
            spans.push(key.span());
            keys.insert(action, key.into_inner());
        }
    }
    // Checked against the explorer's key table: an unknown action, a key that is no key, a clash.
    let overrides: Vec<(String, String)> = keys.iter().map(|(a, k)| (a.clone(), k.clone())).collect();
    if let Err(errors) = crate::app::keys::Keymap::with_overrides(&overrides) {
        for e in errors {
            let span = spans.get(e.index).cloned().unwrap_or(0..0);
            explorer.push(at(span, e.message));
        }
    }
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    match uses {
        Uses::Everything => problems.append(&mut explorer),
        Uses::DataOnly => warnings.extend(
            explorer
                .iter()
                .map(|p| format!("{p} (ignored: only the explorer uses it)")),
        ),
    }
    if let Some(size) = file.cache.and_then(|c| c.max_size) {
        if let Err(message) = crate::cache::gc::parse_size(size.get_ref()) {
            problems.push(at(size.span(), message));
        }
    }
    let data = file.data.and_then(|d| {
        if d.get_ref().trim().is_empty() {
            problems.push(at(d.span(), "`data` is empty: give a folder, or remove the key".into()));
            return None;
        }
        Some(data_dir(path, d.get_ref()))
    });
    let export_folder = file.export_folder.and_then(|d| {
        if d.get_ref().trim().is_empty() {
            problems.push(at(
                d.span(),
                "`export_folder` is empty: give a folder, or remove the key".into(),
            ));
            return None;
        }
        Some(data_dir(path, d.get_ref()))
    });
    if !problems.is_empty() {
        return Err(Error::File(problems));
    }
    Ok(FileValues {
        theme,
        mouse: file.mouse,
        graphics: file.graphics,
        data,
        export_folder,
        export_excel: file.export_excel,
        keys,
        warnings,
    })
}

/// A `data` folder as the file writes it: `~/` is the home folder, a relative path is relative to the
/// config file's folder (so the file means the same from wherever ipec runs).
fn data_dir(config: &Path, written: &str) -> PathBuf {
    if let Some(rest) = written.strip_prefix("~/") {
        if let Some(home) = directories::BaseDirs::new() {
            return home.home_dir().join(rest);
        }
    }
    let path = PathBuf::from(written);
    if path.is_relative() {
        if let Some(dir) = config.parent() {
            return dir.join(path);
        }
    }
    path
}

fn parse_theme(text: &str) -> Result<Theme, String> {
    Theme::from_str(text.trim(), true).map_err(|_| {
        let names: Vec<&str> = Theme::value_variants().iter().map(|t| theme_name(*t)).collect();
        let text = crate::kb::text::escape(text);
        match crate::kb::text::did_you_mean(&text, &names) {
            Some(name) => format!(
                "unknown theme `{text}`; did you mean {name}? The themes are {}",
                names.join(", ")
            ),
            None => format!("unknown theme `{text}`; expected one of {}", names.join(", ")),
        }
    })
}

/// The name a theme is written with: "dark", "light", "high-contrast".
pub fn theme_name(theme: Theme) -> &'static str {
    match theme {
        Theme::Dark => "dark",
        Theme::Light => "light",
        Theme::HighContrast => "high-contrast",
    }
}

/// A TOML key, quoted only when it must be.
fn toml_key(key: &str) -> String {
    if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        key.to_string()
    } else {
        toml::Value::String(key.to_string()).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    fn write(dir: &Path, text: &str) -> PathBuf {
        let path = dir.join("config.toml");
        std::fs::write(&path, text).expect("writes");
        path
    }

    fn temp_dir(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("ipec-config-{name}-"))
            .tempdir()
            .expect("temp dir")
    }

    #[test]
    fn the_default_file_parses_to_the_defaults() {
        let temp = temp_dir("default");
        let dir = temp.path();
        let path = write(dir, DEFAULT_FILE);
        let settings = Settings::resolve(&Flags::default(), Some(&path), Uses::Everything, no_env).expect("valid");
        assert!(settings.file_exists);
        assert_eq!(settings.theme, Setting::new(Theme::Dark, Origin::Default));
        assert_eq!(settings.export_excel, Setting::new(cfg!(windows), Origin::Default));
        assert_eq!(settings.mouse, Setting::new(true, Origin::Default));
        assert_eq!(settings.data.value, None);
        assert!(settings.keys.is_empty());
    }

    #[test]
    fn flags_beat_the_environment_which_beats_the_file() {
        let temp = temp_dir("order");
        let dir = temp.path();
        let path = write(
            dir,
            "theme = \"light\"\nmouse = false\ndata = \"kb\"\nexport_folder = \"out\"\nexport_excel = true\n[keys]\nquit = \"Q\"\n",
        );
        let from_file = Settings::resolve(&Flags::default(), Some(&path), Uses::Everything, no_env).expect("valid");
        assert_eq!(from_file.theme, Setting::new(Theme::Light, Origin::File));
        assert_eq!(from_file.mouse, Setting::new(false, Origin::File));
        assert_eq!(from_file.data.value, Some(dir.join("kb")));
        assert_eq!(from_file.export_folder.value, Some(dir.join("out")));
        assert_eq!(from_file.export_excel, Setting::new(true, Origin::File));
        assert_eq!(from_file.keys.get("quit").map(String::as_str), Some("Q"));

        let env = |var: &str| match var {
            ENV_THEME => Some("High-Contrast".to_string()),
            ENV_DATA => Some("/elsewhere".to_string()),
            _ => None,
        };
        let from_env = Settings::resolve(&Flags::default(), Some(&path), Uses::Everything, env).expect("valid");
        assert_eq!(
            from_env.theme,
            Setting::new(Theme::HighContrast, Origin::Env(ENV_THEME))
        );
        assert_eq!(from_env.data.value, Some(PathBuf::from("/elsewhere")));

        let flags = Flags {
            theme: Some(Theme::Dark),
            mouse: Some(true),
            data: Some(PathBuf::from("here")),
            graphics: Some(crate::graphics::Graphics::Sixel),
        };
        let from_flags = Settings::resolve(&flags, Some(&path), Uses::Everything, env).expect("valid");
        assert_eq!(
            from_flags.graphics,
            Setting::new(crate::graphics::Graphics::Sixel, Origin::Flag("--graphics"))
        );
        assert_eq!(from_flags.theme, Setting::new(Theme::Dark, Origin::Flag("--theme")));
        assert_eq!(from_flags.mouse, Setting::new(true, Origin::Flag("--mouse")));
        assert_eq!(from_flags.data.value, Some(PathBuf::from("here")));
    }

    #[test]
    fn an_unknown_key_is_reported_at_its_line_and_column() {
        let temp = temp_dir("unknown");
        let dir = temp.path();
        let path = write(dir, "theme = \"dark\"\n  colour = \"red\"\n");
        let err = Settings::resolve(&Flags::default(), Some(&path), Uses::Everything, no_env).expect_err("unknown key");
        let text = err.to_string();
        assert!(text.starts_with(&format!("{}:2:3: ", path.display())), "{text}");
        assert!(text.contains("unknown field `colour`"), "{text}");
    }

    #[test]
    fn a_bad_value_is_reported_where_it_is_written() {
        let temp = temp_dir("bad-theme");
        let dir = temp.path();
        let path = write(dir, "mouse = true\ntheme = \"neon\"\n");
        let err = Settings::resolve(&Flags::default(), Some(&path), Uses::Everything, no_env).expect_err("bad theme");
        assert_eq!(
            err.to_string(),
            format!(
                "{}:2:9: unknown theme `neon`; expected one of dark, light, high-contrast",
                path.display()
            )
        );
        let path = write(dir, "mouse = \"yes\"\n");
        let err = Settings::resolve(&Flags::default(), Some(&path), Uses::Everything, no_env).expect_err("not a bool");
        assert!(
            err.to_string().starts_with(&format!("{}:1:9: ", path.display())),
            "{err}"
        );
        let bad_env = |var: &str| (var == ENV_THEME).then(|| "neon".to_string());
        let err = Settings::resolve(&Flags::default(), None, Uses::Everything, bad_env).expect_err("bad env");
        assert!(err.to_string().starts_with("IPEC_THEME=neon: unknown theme"), "{err}");
    }

    #[test]
    fn init_never_overwrites() {
        let temp = temp_dir("init");
        let dir = temp.path();
        let path = dir.join("sub").join("config.toml");
        init(&path).expect("writes the default");
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), DEFAULT_FILE);
        std::fs::write(&path, "theme = \"light\"\n").expect("edits");
        let again = init(&path).expect_err("exists");
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&path).expect("reads"), "theme = \"light\"\n");
    }
}
