//! Which configuration governs a document: its project's `biolint.toml`, with the editor's
//! settings on top.
//!
//! A project is the folder of the nearest `biolint.toml` above the document, as for
//! `biolint check`, or else the workspace folder that holds it (where "Allow" creates the
//! file). The editor sends the same keys as `biolint.toml` (`allow`, `species`,
//! `dictionaries`, `references`, `rules`) in `initializationOptions` and
//! `workspace/didChangeConfiguration`, optionally nested under `"biolint"`; they are a layer
//! over the file's (`rules` rule by rule), so a user can quiet a rule for themselves without
//! touching the shared file. One more key, `rulesUrl`, says where the rule links of the
//! diagnostics point.
//!
//! Files are read here, never in the engine. A configuration that fails to load is reported
//! and the last good one stays in force: a half-typed `biolint.toml` must not flood the editor
//! with findings the project had allowed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

use biolint_core::config::{self, Config, ConfigError, ConfigKeys, ConfigLayer};
use biolint_core::rules;
use serde_json::Value;
use tower_lsp_server::ls_types::Uri;

use crate::project;

/// Where the rule links point unless the editor says otherwise (`rulesUrl`).
pub const DEFAULT_RULES_URL: &str = crate::RULES_URL;

/// How errors in the editor's settings are named (they have no file and no lines).
const EDITOR_SETTINGS: &str = "biolint settings from the editor";

/// The configurations in force.
pub struct Settings {
    /// Workspace folders, canonical.
    folders: Vec<PathBuf>,
    /// The editor's settings, as the keys of `biolint.toml`. They are checked for each
    /// project, because the dictionaries they name are relative to the project's folder.
    editor: ConfigKeys,
    rule_links: Arc<RuleLinks>,
    /// The last good configuration of each project, by its root.
    projects: HashMap<PathBuf, Arc<Config>>,
    /// For documents in no project (unsaved buffers, files outside every folder).
    loose: Arc<Config>,
}

/// Something the user should hear about the configuration.
#[derive(Debug, PartialEq, Eq)]
pub enum Notice {
    /// A configuration that cannot be used: shown to the user.
    Broken(String),
    /// Logged only.
    Note(String),
}

/// The link to each rule's documentation.
pub struct RuleLinks(HashMap<&'static str, Uri>);

impl RuleLinks {
    /// Links to `base#anchor` for every rule (`gene/alias` → `#gene-alias`).
    pub fn new(base: &str) -> Result<RuleLinks, String> {
        rules::ids()
            .into_iter()
            .map(|id| {
                let link = format!("{base}#{}", rules::anchor(id));
                Uri::from_str(&link).map(|uri| (id, uri)).map_err(|e| format!("{link}: {e}"))
            })
            .collect::<Result<_, _>>()
            .map(RuleLinks)
    }

    pub fn get(&self, rule: &str) -> Option<&Uri> {
        self.0.get(rule)
    }
}

impl Settings {
    /// The configurations of `folders`, with the editor's `initializationOptions`.
    pub fn new(folders: Vec<PathBuf>, options: Option<&Value>) -> (Settings, Vec<Notice>) {
        let mut settings = Settings {
            folders: folders.iter().map(|f| canonical(f)).collect(),
            editor: ConfigKeys::default(),
            rule_links: Arc::new(RuleLinks::new(DEFAULT_RULES_URL).expect("the default is valid")),
            projects: HashMap::new(),
            loose: Arc::new(Config::default()),
        };
        let mut notices = match options {
            Some(options) => settings.set_editor_settings(options),
            None => Vec::new(),
        };
        for folder in settings.folders.clone() {
            notices.extend(settings.load_project(&folder));
        }
        (settings, notices)
    }

    /// Replaces the editor's settings and reloads every configuration with them.
    pub fn set_editor_settings(&mut self, value: &Value) -> Vec<Notice> {
        let value = value.get("biolint").filter(|v| v.is_object()).unwrap_or(value);
        // No settings at all (`null`) replace the old ones as an empty object does.
        let none = serde_json::Map::new();
        let object = value.as_object().unwrap_or(&none);
        let mut notices = Vec::new();
        let mut keys = serde_json::Map::new();
        let mut rules_url = DEFAULT_RULES_URL.to_owned();
        for (key, value) in object {
            match key.as_str() {
                _ if value.is_null() => {}
                "rulesUrl" => match value.as_str() {
                    Some(url) => rules_url = url.trim_end_matches('#').to_owned(),
                    None => notices.push(Notice::Broken(format!(
                        "{EDITOR_SETTINGS}: rulesUrl: {value} is not a string"
                    ))),
                },
                key if config::KEYS.contains(&key) => {
                    keys.insert(key.to_owned(), value.clone());
                }
                other => notices.push(Notice::Note(format!(
                    "{EDITOR_SETTINGS}: ignored {other:?}, not one of {}, rulesUrl",
                    config::KEYS.join(", ")
                ))),
            }
        }
        let editor = serde_path_to_error::deserialize::<_, ConfigKeys>(Value::Object(keys))
            .map_err(|e| {
                let message = format!("{EDITOR_SETTINGS}: {}: {}", e.path(), e.inner());
                notices.push(Notice::Broken(message));
            });
        let rule_links = RuleLinks::new(&rules_url).map_err(|e| {
            notices.push(Notice::Broken(format!("{EDITOR_SETTINGS}: rulesUrl: {e}")));
        });
        // Settings that cannot be used change nothing.
        if let (Ok(editor), Ok(rule_links), false) =
            (editor, rule_links, notices.iter().any(|n| matches!(n, Notice::Broken(_))))
        {
            self.rule_links = Arc::new(rule_links);
            self.editor = editor;
            notices.extend(self.reload());
        }
        notices
    }

    /// Reads every project's `biolint.toml` again (it or a dictionary changed on disk).
    pub fn reload(&mut self) -> Vec<Notice> {
        let mut roots: Vec<PathBuf> = self.projects.keys().cloned().collect();
        roots.sort();
        let mut notices: Vec<Notice> = roots.iter().flat_map(|r| self.load_project(r)).collect();
        match load(None, &self.editor) {
            Ok(config) => self.loose = Arc::new(config),
            Err(e) if self.projects.is_empty() => notices.push(Notice::Broken(e.0)),
            // Already reported for every project.
            Err(_) => {}
        }
        notices
    }

    /// The project of the document at `uri` (none for unsaved buffers and files outside every
    /// folder with no `biolint.toml` above them), its configuration loaded.
    pub fn project_of(&mut self, uri: &Uri) -> (Option<PathBuf>, Vec<Notice>) {
        let Some(path) = uri.to_file_path() else { return (None, Vec::new()) };
        let path = canonical(&path);
        // As `biolint check` does: the nearest `biolint.toml` governs the file.
        let nearest = project::find(&path).and_then(|file| file.parent().map(Path::to_path_buf));
        let root = nearest.or_else(|| {
            let folders = self.folders.iter().filter(|f| path.starts_with(f));
            folders.max_by_key(|f| f.as_os_str().len()).cloned()
        });
        let notices = match &root {
            Some(root) if !self.projects.contains_key(root) => self.load_project(root),
            _ => Vec::new(),
        };
        (root, notices)
    }

    /// The configuration in force for a document of the project `root`.
    pub fn config(&self, root: Option<&Path>) -> Arc<Config> {
        root.and_then(|root| self.projects.get(root)).unwrap_or(&self.loose).clone()
    }

    pub fn rule_links(&self) -> Arc<RuleLinks> {
        self.rule_links.clone()
    }

    fn load_project(&mut self, root: &Path) -> Vec<Notice> {
        match load(Some(root), &self.editor) {
            Ok(config) => {
                self.projects.insert(root.to_path_buf(), Arc::new(config));
                Vec::new()
            }
            Err(e) => {
                self.projects
                    .entry(root.to_path_buf())
                    .or_insert_with(|| Arc::new(Config::default()));
                vec![Notice::Broken(e.0)]
            }
        }
    }
}

/// The configuration of the project at `root` (or of no project): its `biolint.toml`, if it
/// has one, with the editor's settings over it. The dictionaries the editor names are relative
/// to the project's folder (to the current folder for no project).
fn load(root: Option<&Path>, editor: &ConfigKeys) -> Result<Config, ConfigError> {
    let file = match root {
        Some(root) => project::read_layer(&root.join(config::FILE_NAME))?,
        None => None,
    };
    let base = root.map_or_else(|| std::env::current_dir().unwrap_or_default(), Path::to_path_buf);
    let editor =
        ConfigLayer::from_keys(editor.clone(), EDITOR_SETTINGS, project::files_under(&base))?;
    Ok(Config::from_layers(file.into_iter().chain([editor])))
}

/// The path with symbolic links resolved, so that folders and files compare; as given when it
/// does not exist (an unsaved file).
fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;
    use biolint_core::diagnostic::Severity;
    use serde_json::json;

    fn project(toml: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("biolint.toml"), toml).unwrap();
        dir
    }

    fn file_uri(dir: &Path, name: &str) -> Uri {
        Uri::from_file_path(dir.join(name)).unwrap()
    }

    #[test]
    fn editor_settings_override_the_file_key_by_key() {
        let dir = project("allow = [\"CX43\"]\n[rules]\n\"gene/alias\" = \"warning\"\n");
        let options = json!({"biolint": {"allow": ["NRF2"], "rules": {"gene/symbol-case": "off"}}});
        let (mut settings, notices) = Settings::new(vec![dir.path().into()], Some(&options));
        assert_eq!(notices, []);
        let (root, _) = settings.project_of(&file_uri(dir.path(), "paper.md"));
        let config = settings.config(root.as_deref());
        assert_eq!(config.allow, ["NRF2"]);
        assert_eq!(config.severity("gene/alias", Severity::Info), Some(Severity::Warning));
        assert_eq!(config.severity("gene/symbol-case", Severity::Warning), None);
    }

    #[test]
    fn the_nearest_file_governs_as_in_biolint_check() {
        let dir = project("allow = [\"CX43\"]\n");
        std::fs::create_dir(dir.path().join("chapter")).unwrap();
        std::fs::write(dir.path().join("chapter/biolint.toml"), "allow = [\"NRF2\"]\n").unwrap();
        let (mut settings, _) = Settings::new(vec![dir.path().into()], None);
        let (root, _) = settings.project_of(&file_uri(dir.path(), "chapter/paper.md"));
        assert_eq!(settings.config(root.as_deref()).allow, ["NRF2"]);
        let (root, _) = settings.project_of(&file_uri(dir.path(), "paper.md"));
        assert_eq!(settings.config(root.as_deref()).allow, ["CX43"]);
    }

    #[test]
    fn a_broken_configuration_is_reported_and_the_last_good_one_stays() {
        let dir = project("allow = [\"CX43\"]\n");
        let (mut settings, _) = Settings::new(vec![dir.path().into()], None);
        std::fs::write(dir.path().join("biolint.toml"), "allow = [\n").unwrap();
        let notices = settings.reload();
        assert!(matches!(&notices[..], [Notice::Broken(m)] if m.contains("biolint.toml:")));
        let (root, _) = settings.project_of(&file_uri(dir.path(), "paper.md"));
        assert_eq!(settings.config(root.as_deref()).allow, ["CX43"]);

        let notices = settings.set_editor_settings(&json!({"rules": {"gene/alias": "loud"}}));
        assert!(
            notices.iter().any(|n| matches!(n, Notice::Broken(m) if m.starts_with(EDITOR_SETTINGS)
                || m.contains("biolint.toml:"))),
            "{notices:?}"
        );
    }

    #[test]
    fn unknown_keys_are_ignored_and_rules_url_is_checked() {
        let (mut settings, notices) =
            Settings::new(vec![], Some(&json!({"trace": "off", "rulesUrl": "https://x.org/r.md"})));
        assert!(matches!(&notices[..], [Notice::Note(m)] if m.contains("\"trace\"")));
        assert_eq!(
            settings.rule_links().get("gene/alias").unwrap().as_str(),
            "https://x.org/r.md#gene-alias"
        );
        let notices =
            settings.set_editor_settings(&json!({"rulesUrl": "not a url", "allow": ["X"]}));
        assert!(matches!(&notices[..], [Notice::Broken(_)]), "{notices:?}");
        // Nothing of unusable settings is taken.
        assert_eq!(
            settings.rule_links().get("gene/alias").unwrap().as_str(),
            "https://x.org/r.md#gene-alias"
        );
        assert!(settings.config(None).allow.is_empty());
        let notices = settings.set_editor_settings(&json!({"allow": "CX43"}));
        assert_eq!(
            notices,
            [Notice::Broken(format!(
                "{EDITOR_SETTINGS}: allow: invalid type: string \"CX43\", expected a sequence"
            ))]
        );
    }

    #[test]
    fn errors_in_editor_settings_name_the_setting() {
        let dir = tempfile::tempdir().unwrap();
        let (mut settings, _) = Settings::new(vec![dir.path().into()], None);
        let notices = settings.set_editor_settings(&json!({"rules": {"gene/alias": "loud"}}));
        assert_eq!(
            notices,
            [Notice::Broken(format!(
                "{EDITOR_SETTINGS}: gene/alias: \"loud\" is not error, warning, info, hint or off"
            ))]
        );
        let notices = settings.set_editor_settings(&json!({"rules": {"gene/alias": 3}}));
        assert_eq!(
            notices,
            [Notice::Broken(format!(
                "{EDITOR_SETTINGS}: rules.gene/alias: invalid type: integer `3`, expected a string"
            ))]
        );
    }
}
