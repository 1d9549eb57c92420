//! Finding and reading a project's configuration, for both front ends: the `biolint.toml`
//! nearest above a document, and the dictionary files it names, relative to it. The engine
//! checks what the files say (`biolint_core::config`); reading them is done here.

use std::path::{Path, PathBuf};

use biolint_core::Config;
use biolint_core::config::{ConfigError, ConfigLayer, FILE_NAME};

/// The `biolint.toml` that governs `file`: in its folder or the nearest one above.
pub fn find(file: &Path) -> Option<PathBuf> {
    let start = if file.is_dir() { file } else { file.parent()? };
    let start = if start.as_os_str().is_empty() { Path::new(".") } else { start };
    let absolute = std::fs::canonicalize(start).ok()?;
    absolute.ancestors().map(|dir| dir.join(FILE_NAME)).find(|candidate| candidate.is_file())
}

/// The configuration file at `path`, alone.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    match read_layer(path)? {
        Some(layer) => Ok(Config::from_layers([layer])),
        None => Err(ConfigError(format!("{}: no such file", path.display()))),
    }
}

/// What the configuration file at `path` sets, with the dictionaries it names read;
/// `None` when there is no such file.
pub fn read_layer(path: &Path) -> Result<Option<ConfigLayer>, ConfigError> {
    let name = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(ConfigError(format!("{name}: {e}"))),
    };
    let base = path.parent().unwrap_or(Path::new("."));
    ConfigLayer::from_toml(&text, &name, files_under(base)).map(Some)
}

/// Reads files named relative to `base`, for the dictionaries a configuration names.
pub fn files_under(base: &Path) -> impl Fn(&str) -> Result<String, String> + use<'_> {
    move |relative: &str| std::fs::read_to_string(base.join(relative)).map_err(|e| e.to_string())
}
