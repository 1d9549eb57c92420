//! Project configuration: the keys of `biolint.toml`, which editors may also send.
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
//! Each source of settings (a `biolint.toml`, an editor's settings) is read and checked on its
//! own into a [`ConfigLayer`], so that an error names the source and, in a file, the line; a
//! [`Config`] is layers stacked, each key of a higher layer replacing the lower one's (`rules`
//! rule by rule). Everything here is pure: the front ends find and read the files, and pass in
//! a function that reads the dictionary files a layer names.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::dictionary::user::UserDictionary;

/// The configuration file's name.
pub const FILE_NAME: &str = "biolint.toml";

/// The keys a configuration may set.
pub const KEYS: [&str; 5] = ["allow", "species", "dictionaries", "references", "rules"];

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

/// A configuration problem: one line naming the source (and in a file the line) and the key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

/// The keys of a configuration as written, before they are checked: what a `biolint.toml`
/// holds, or what an editor sends (deserialized from its JSON by the language server).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigKeys {
    pub allow: Option<Vec<String>>,
    pub species: Option<Vec<String>>,
    pub dictionaries: Option<Vec<String>>,
    pub references: Option<String>,
    #[serde(default)]
    pub rules: BTreeMap<String, String>,
}

/// What one source of settings sets, checked. A key it leaves out is decided by the layers
/// below it, or by the default.
#[derive(Clone, Default)]
pub struct ConfigLayer {
    rules: BTreeMap<String, Option<Severity>>,
    allow: Option<Vec<String>>,
    species: Option<Vec<String>>,
    references: Option<References>,
    /// `Some(None)`: the layer sets `dictionaries = []`.
    user_dictionary: Option<Option<UserDictionary>>,
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

impl ConfigLayer {
    /// Reads a configuration file's text. `name` names it in errors, with the line; `read`
    /// reads a dictionary file it names (a path relative to the configuration file).
    pub fn from_toml(
        text: &str,
        name: &str,
        read: impl Fn(&str) -> Result<String, String>,
    ) -> Result<ConfigLayer, ConfigError> {
        let keys: ConfigKeys = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |span| line_of(text, span.start));
            ConfigError(format!("{name}:{line}: {}", e.message().trim_end()))
        })?;
        // The line of the first mention of a key or value, good enough to find it by.
        let at = |key: &str| format!("{name}:{}", line_of(text, text.find(key).unwrap_or(0)));
        ConfigLayer::check(keys, at, read)
    }

    /// Checks keys that come from no file: `name` (the editor's settings, say) names them in
    /// errors. `read` reads a dictionary file they name.
    pub fn from_keys(
        keys: ConfigKeys,
        name: &str,
        read: impl Fn(&str) -> Result<String, String>,
    ) -> Result<ConfigLayer, ConfigError> {
        ConfigLayer::check(keys, |_| name.to_owned(), read)
    }

    /// `at(key)` says where `key` is written, for errors.
    fn check(
        keys: ConfigKeys,
        at: impl Fn(&str) -> String,
        read: impl Fn(&str) -> Result<String, String>,
    ) -> Result<ConfigLayer, ConfigError> {
        let rule_ids = crate::rules::ids();
        let mut rules = BTreeMap::new();
        for (rule, value) in keys.rules {
            if !rule_ids.contains(&rule.as_str()) {
                return Err(ConfigError(format!(
                    "{}: unknown rule {rule:?} in [rules] (`biolint rules` lists them)",
                    at(&rule)
                )));
            }
            let setting = match value.as_str() {
                "off" => None,
                other => Some(Severity::from_name(other).ok_or_else(|| {
                    ConfigError(format!(
                        "{}: {rule}: {other:?} is not error, warning, info, hint or off",
                        at(&rule)
                    ))
                })?),
            };
            rules.insert(rule, setting);
        }
        let references = match keys.references.as_deref() {
            None => None,
            Some("off") => Some(References::Off),
            Some("hint") => Some(References::Hint),
            Some(other) => {
                return Err(ConfigError(format!(
                    "{}: references: {other:?} is not \"off\" or \"hint\"",
                    at("references")
                )));
            }
        };
        let species =
            match keys.species {
                None => None,
                Some(names) => Some(
                    names
                        .iter()
                        .map(|s| {
                            taxon(s).ok_or_else(|| {
                            ConfigError(format!(
                                "{}: species: {s:?} is neither an NCBI Taxonomy ID nor one of {}",
                                at("species"),
                                SPECIES_NAMES.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
                            ))
                        })
                        })
                        .collect::<Result<_, _>>()?,
                ),
            };
        let user_dictionary = match keys.dictionaries {
            None => None,
            Some(paths) => {
                let mut files = Vec::new();
                for path in paths {
                    let text = read(&path).map_err(|e| {
                        ConfigError(format!("{}: dictionaries: {path}: {e}", at(&path)))
                    })?;
                    files.push((path, text));
                }
                let parsed = (!files.is_empty())
                    .then(|| UserDictionary::parse(&files).map_err(|e| ConfigError(e.0)))
                    .transpose()?;
                Some(parsed)
            }
        };
        Ok(ConfigLayer { rules, allow: keys.allow, species, references, user_dictionary })
    }
}

/// The NCBI Taxonomy ID of a `species` value: an ID, or one of [`SPECIES_NAMES`].
fn taxon(species: &str) -> Option<String> {
    let named = SPECIES_NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(species));
    match named {
        Some((_, id)) => Some((*id).to_owned()),
        None => species.chars().all(|c| c.is_ascii_digit()).then(|| species.to_owned()),
    }
}

impl Config {
    /// The configuration of `layers` stacked in order: each key of a later layer replaces the
    /// earlier ones' (`rules` rule by rule); keys no layer sets keep their defaults.
    pub fn from_layers(layers: impl IntoIterator<Item = ConfigLayer>) -> Config {
        let mut config = Config::default();
        for layer in layers {
            config.rules.extend(layer.rules);
            if let Some(allow) = layer.allow {
                config.allow = allow;
            }
            if let Some(species) = layer.species {
                config.species = species;
            }
            if let Some(references) = layer.references {
                config.references = references;
            }
            if let Some(user_dictionary) = layer.user_dictionary {
                config.user_dictionary = user_dictionary;
            }
        }
        config
    }

    /// The configuration of one configuration file's text (see [`ConfigLayer::from_toml`]).
    pub fn parse(
        text: &str,
        name: &str,
        read: impl Fn(&str) -> Result<String, String>,
    ) -> Result<Config, ConfigError> {
        ConfigLayer::from_toml(text, name, read).map(|layer| Config::from_layers([layer]))
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

/// The 1-based line of byte `offset`.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, "biolint.toml", |_| Err("not found".to_owned()))
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

    #[test]
    fn later_layers_replace_keys_and_add_rules() {
        let read = |path: &str| match path {
            "lab.tsv" => Ok("term\ttype\tid\tname\nFooBar\tgene\tLAB:1\tfoo\n".to_owned()),
            _ => Err("not found".to_owned()),
        };
        let file = ConfigLayer::from_toml(
            "allow = [\"CX43\"]\nspecies = [\"mouse\"]\ndictionaries = [\"lab.tsv\"]\n[rules]\n\"gene/alias\" = \"warning\"\n",
            "biolint.toml",
            read,
        )
        .unwrap();
        let editor = ConfigKeys {
            allow: Some(vec!["NRF2".to_owned()]),
            references: Some("hint".to_owned()),
            rules: BTreeMap::from([("gene/symbol-case".to_owned(), "off".to_owned())]),
            ..ConfigKeys::default()
        };
        let editor = ConfigLayer::from_keys(editor, "the editor", read).unwrap();
        let config = Config::from_layers([file.clone(), editor]);
        assert_eq!(config.allow, ["NRF2"]);
        assert_eq!(config.species, ["10090"]);
        assert_eq!(config.references, References::Hint);
        assert!(config.user_dictionary.is_some());
        assert_eq!(config.severity("gene/alias", Severity::Info), Some(Severity::Warning));
        assert_eq!(config.severity("gene/symbol-case", Severity::Warning), None);

        let no_dictionaries =
            ConfigKeys { dictionaries: Some(Vec::new()), ..ConfigKeys::default() };
        let no_dictionaries = ConfigLayer::from_keys(no_dictionaries, "the editor", read).unwrap();
        assert!(Config::from_layers([file, no_dictionaries]).user_dictionary.is_none());

        let loud = ConfigKeys {
            rules: BTreeMap::from([("gene/alias".to_owned(), "loud".to_owned())]),
            ..ConfigKeys::default()
        };
        let e = ConfigLayer::from_keys(loud, "the editor", read).err().unwrap();
        assert_eq!(
            e.0,
            "the editor: gene/alias: \"loud\" is not error, warning, info, hint or off"
        );
    }

    /// [`KEYS`] lists exactly the keys [`ConfigKeys`] reads.
    #[test]
    fn keys_are_the_fields_of_config_keys() {
        for key in KEYS {
            let value = if key == "references" {
                "\"off\""
            } else if key == "rules" {
                "{}"
            } else {
                "[]"
            };
            let text = format!("{key} = {value}\n");
            assert!(toml::from_str::<ConfigKeys>(&text).is_ok(), "{key}");
        }
        assert!(toml::from_str::<ConfigKeys>("colour = 1\n").is_err());
    }
}
