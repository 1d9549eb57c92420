//! The configuration each input is checked with: `--config FILE`, or the nearest
//! `biolint.toml` above the file, each loaded once; a broken one is reported once and the
//! defaults are used for its files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use biolint_core::Config;

use crate::project;

pub struct Configs {
    explicit: Option<Arc<Config>>,
    /// The `biolint.toml` governing each folder files were asked for from: a folder of
    /// thousands of files is looked up once (each lookup is a walk up the tree on disk).
    folders: HashMap<PathBuf, Option<PathBuf>>,
    found: HashMap<PathBuf, Arc<Config>>,
    default: Arc<Config>,
}

impl Configs {
    /// With `explicit`, every file uses that configuration; a problem reading it is printed
    /// and sets `bad_input`.
    pub fn new(explicit: Option<&Path>, bad_input: &mut bool) -> Configs {
        let default = Arc::new(Config::default());
        let explicit = explicit.map(|path| match project::load(path) {
            Ok(config) => Arc::new(config),
            Err(e) => {
                eprintln!("biolint: {e}");
                *bad_input = true;
                default.clone()
            }
        });
        Configs { explicit, folders: HashMap::new(), found: HashMap::new(), default }
    }

    /// The configuration of `file` (`-` for standard input: the current folder's).
    pub fn for_file(&mut self, file: &str, bad_input: &mut bool) -> Arc<Config> {
        if let Some(config) = &self.explicit {
            return config.clone();
        }
        let folder = match Path::new(file).parent() {
            Some(folder) if file != "-" && !folder.as_os_str().is_empty() => folder,
            _ => Path::new("."),
        };
        let path = match self.folders.get(folder) {
            Some(path) => path.clone(),
            None => {
                // A folder that does not exist has no configuration: its files cannot be read.
                let path = if folder.is_dir() { project::find(folder) } else { None };
                self.folders.insert(folder.to_owned(), path.clone());
                path
            }
        };
        let Some(path) = path else { return self.default.clone() };
        if let Some(config) = self.found.get(&path) {
            return config.clone();
        }
        let config = match project::load(&path) {
            Ok(config) => Arc::new(config),
            Err(e) => {
                eprintln!("biolint: {e}");
                *bad_input = true;
                self.default.clone()
            }
        };
        self.found.insert(path, config.clone());
        config
    }
}
