//! Project configuration: `biolint.toml`, found by walking up from the checked file.
//!
//! ```toml
//! allow = ["CX43", "NRF2"]          # terms never flagged, exactly as written
//! species = ["mouse"]               # the document's species, when the text does not say
//! dictionaries = ["lab-terms.tsv"]  # project dictionaries, relative to this file
//! references = "off"                # findings in reference lists: "off" (default) or "hint"
//!
//! [rules]
//! "gene/alias" = "warning"          # error, warning, info, hint, or off
//! "gene/symbol-case" = "off"
//! ```
//!
//! Parsing is pure ([`Config::parse`]); reading the file and the dictionaries it names is the
//! front end's job ([`Config::load`], [`find`]). The language server uses the same keys.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::dictionary::user::UserDictionary;

/// The configuration file's name.
pub const FILE_NAME: &str = "biolint.toml";

/// What a project configures for the engine.
#[derive(Clone, Default)]
pub struct Config {
    /// Per-rule severity; `None` turns the rule off. Rules not listed keep their defaults.
    pub rules: BTreeMap<String, Option<Severity>>,
    /// Terms never flagged, compared with the text exactly as written.
    pub allow: Vec<String>,
    /// The species of the documents, as NCBI Taxonomy IDs, when the text does not say.
    pub species: Vec<String>,
    /// Findings inside a reference list: off, or shown as hints.
    pub references: References,
    /// The project's own dictionaries, added to the embedded ones.
    pub user_dictionary: Option<UserDictionary>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum References {
    /// Reference lists quote other papers' titles verbatim: nothing there is reported.
    #[default]
    Off,
    /// Findings in reference lists are reported as hints.
    Hint,
}

/// A configuration problem: one line naming the file, the line and the key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    allow: Vec<String>,
    #[serde(default)]
    species: Vec<String>,
    #[serde(default)]
    dictionaries: Vec<String>,
    #[serde(default)]
    references: Option<String>,
    #[serde(default)]
    rules: BTreeMap<String, String>,
}

/// The species names the `species` key accepts besides NCBI Taxonomy IDs.
const SPECIES_NAMES: &[(&str, &str)] = &[
    ("human", "9606"),
    ("mouse", "10090"),
    ("rat", "10116"),
    ("zebrafish", "7955"),
    ("fly", "7227"),
    ("worm", "6239"),
    ("yeast", "4932"),
];

impl Config {
    /// Parses a configuration's text. `name` names it in errors; `read` reads a dictionary
    /// file named in it (a path relative to the configuration file).
    pub fn parse(
        text: &str,
        name: &str,
        read: impl Fn(&str) -> Result<String, String>,
        rule_ids: &[&str],
    ) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |span| line_of(text, span.start));
            ConfigError(format!("{name}:{line}: {}", e.message().trim_end()))
        })?;
        let key_line = |key: &str| line_of(text, text.find(key).unwrap_or(0));
        let mut rules = BTreeMap::new();
        for (rule, value) in raw.rules {
            if !rule_ids.contains(&rule.as_str()) {
                return Err(ConfigError(format!(
                    "{name}:{}: unknown rule {rule:?} in [rules] (`biolint rules` lists them)",
                    key_line(&rule)
                )));
            }
            let setting = match value.as_str() {
                "off" => None,
                other => Some(Severity::from_name(other).ok_or_else(|| {
                    ConfigError(format!(
                        "{name}:{}: {rule}: {other:?} is not error, warning, info, hint or off",
                        key_line(&rule)
                    ))
                })?),
            };
            rules.insert(rule, setting);
        }
        let references = match raw.references.as_deref() {
            None | Some("off") => References::Off,
            Some("hint") => References::Hint,
            Some(other) => {
                return Err(ConfigError(format!(
                    "{name}:{}: references: {other:?} is not \"off\" or \"hint\"",
                    key_line("references")
                )));
            }
        };
        let mut species = Vec::new();
        for s in &raw.species {
            let id = SPECIES_NAMES
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(s))
                .map(|(_, id)| (*id).to_owned())
                .or_else(|| s.chars().all(|c| c.is_ascii_digit()).then(|| s.clone()))
                .ok_or_else(|| {
                    ConfigError(format!(
                        "{name}:{}: species: {s:?} is neither an NCBI Taxonomy ID nor one of {}",
                        key_line("species"),
                        SPECIES_NAMES.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
                    ))
                })?;
            species.push(id);
        }
        let mut files = Vec::new();
        for path in &raw.dictionaries {
            let text = read(path).map_err(|e| {
                ConfigError(format!("{name}:{}: dictionaries: {path}: {e}", key_line(path)))
            })?;
            files.push((path.clone(), text));
        }
        let user_dictionary = if files.is_empty() {
            None
        } else {
            Some(UserDictionary::parse(&files).map_err(|e| ConfigError(e.0))?)
        };
        Ok(Config { rules, allow: raw.allow, species, references, user_dictionary })
    }

    /// Reads and parses the configuration file at `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let name = path.display().to_string();
        let text =
            std::fs::read_to_string(path).map_err(|e| ConfigError(format!("{name}: {e}")))?;
        let base = path.parent().unwrap_or(Path::new(".")).to_owned();
        let read = |relative: &str| {
            std::fs::read_to_string(base.join(relative)).map_err(|e| e.to_string())
        };
        Config::parse(&text, &name, read, &crate::rules::ids())
    }

    /// The severity a finding of `rule` gets: the configured one, or `default`; `None` when
    /// the rule is off.
    pub fn severity(&self, rule: &str, default: Severity) -> Option<Severity> {
        match self.rules.get(rule) {
            Some(setting) => *setting,
            None => Some(default),
        }
    }

    pub fn allows(&self, written: &str) -> bool {
        self.allow.iter().any(|a| a == written)
    }
}

/// An edit of a configuration file: `text` inserted at byte `at`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Insertion {
    pub at: usize,
    pub text: String,
}

/// The insertion that adds `term` to `allow` in the configuration `text` (`None`: there is no
/// file yet, and the insertion is its whole text): into the array when there is one, as a new
/// first line when not. `None` when the term is allowed already, or when the text is not TOML
/// or its `allow` is not an array (the user must mend it first).
pub fn allow_insertion(text: Option<&str>, term: &str) -> Option<Insertion> {
    let quoted = toml::Value::String(term.to_owned()).to_string();
    let new_line = || Insertion { at: 0, text: format!("allow = [{quoted}]\n") };
    let Some(text) = text else { return Some(new_line()) };
    let table = toml::de::DeTable::parse(text).ok()?;
    let Some(allow) = table.get_ref().get("allow") else { return Some(new_line()) };
    let array = allow.get_ref().as_array()?;
    if array.iter().any(|item| item.get_ref().as_str() == Some(term)) {
        return None;
    }
    Some(match array.last() {
        Some(last) => Insertion { at: last.span().end, text: format!(", {quoted}") },
        // Just inside the `[`.
        None => Insertion { at: allow.span().start + 1, text: quoted },
    })
}

/// The `biolint.toml` that governs `file`: in its folder or the nearest one above.
pub fn find(file: &Path) -> Option<PathBuf> {
    let start = if file.is_dir() { file } else { file.parent()? };
    let start = if start.as_os_str().is_empty() { Path::new(".") } else { start };
    let absolute = std::fs::canonicalize(start).ok()?;
    absolute.ancestors().map(|dir| dir.join(FILE_NAME)).find(|candidate| candidate.is_file())
}

/// The 1-based line of byte `offset`.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &[&str] = &["gene/alias", "gene/symbol-case"];

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, "biolint.toml", |_| Err("not found".to_owned()), RULES)
    }

    #[test]
    fn reads_every_key() {
        let config = parse(
            "allow = [\"CX43\"]\nspecies = [\"mouse\", \"9606\"]\nreferences = \"hint\"\n[rules]\n\"gene/alias\" = \"warning\"\n\"gene/symbol-case\" = \"off\"\n",
        )
        .unwrap();
        assert_eq!(config.allow, ["CX43"]);
        assert_eq!(config.species, ["10090", "9606"]);
        assert_eq!(config.references, References::Hint);
        assert_eq!(config.severity("gene/alias", Severity::Info), Some(Severity::Warning));
        assert_eq!(config.severity("gene/symbol-case", Severity::Warning), None);
        assert_eq!(config.severity("gene/other", Severity::Hint), Some(Severity::Hint));
        assert!(config.allows("CX43") && !config.allows("cx43"));
    }

    #[test]
    fn errors_name_the_file_line_and_key() {
        let e = parse("allow = []\n\n[rules]\n\"gene/nope\" = \"warning\"\n").err().unwrap();
        assert_eq!(
            e.0,
            "biolint.toml:4: unknown rule \"gene/nope\" in [rules] (`biolint rules` lists them)"
        );
        let e = parse("[rules]\n\"gene/alias\" = \"loud\"\n").err().unwrap();
        assert_eq!(
            e.0,
            "biolint.toml:2: gene/alias: \"loud\" is not error, warning, info, hint or off"
        );
        let e = parse("allow = [\"x\"]\ncolour = 3\n").err().unwrap();
        assert!(e.0.starts_with("biolint.toml:2: unknown field `colour`"), "{}", e.0);
        let e = parse("allow = [\n").err().unwrap();
        assert!(e.0.starts_with("biolint.toml:"), "{}", e.0);
        let e = parse("dictionaries = [\"lab.tsv\"]\n").err().unwrap();
        assert_eq!(e.0, "biolint.toml:1: dictionaries: lab.tsv: not found");
        let e = parse("species = [\"martian\"]\n").err().unwrap();
        assert!(e.0.starts_with("biolint.toml:1: species: \"martian\""), "{}", e.0);
    }

    #[test]
    fn allowing_a_term_edits_the_array_or_adds_one() {
        let allowed = |text: Option<&str>, term: &str| {
            let Insertion { at, text: inserted } = allow_insertion(text, term)?;
            let mut edited = text.unwrap_or_default().to_owned();
            edited.insert_str(at, &inserted);
            Some(edited)
        };
        assert_eq!(allowed(None, "CX43").unwrap(), "allow = [\"CX43\"]\n");
        assert_eq!(
            allowed(Some("# ours\nallow = [\"A\", \"B\"] # two\n"), "C\"X").unwrap(),
            "# ours\nallow = [\"A\", \"B\", 'C\"X'] # two\n"
        );
        assert_eq!(allowed(Some("allow = [ ]\n"), "X").unwrap(), "allow = [\"X\" ]\n");
        assert_eq!(
            allowed(Some("[rules]\n\"gene/alias\" = \"off\"\n"), "X").unwrap(),
            "allow = [\"X\"]\n[rules]\n\"gene/alias\" = \"off\"\n"
        );
        let multiline = "allow = [\n  \"A\",\n]\n";
        assert_eq!(allowed(Some(multiline), "B").unwrap(), "allow = [\n  \"A\", \"B\",\n]\n");
        assert_eq!(allowed(Some("allow = [\"A\"]\n"), "A"), None);
        assert_eq!(allowed(Some("allow = [\n"), "A"), None);
        assert_eq!(allowed(Some("allow = \"A\"\n"), "B"), None);
    }
}
