//! The documents generated from the rules: the rules reference (`docs/rules.md`) and the table
//! of rules in README.md, between two marker comments. `cargo xtask docs` writes them;
//! `tests/docs.rs` fails when a committed copy differs from what the rules say.

use std::path::Path;

use biolint_core::rules;

/// Where README.md's table of rules starts and ends; everything between is generated.
pub const TABLE_START: &str = "<!-- The table of rules is generated from the rules by `cargo xtask docs`: do not edit it by hand. -->\n";
pub const TABLE_END: &str = "<!-- End of the table of rules. -->\n";

/// The rules reference's path in the repository, as README.md links to it.
pub const REFERENCE: &str = "docs/rules.md";

/// Every generated file, as the rules say it should be: (path in the repository, contents).
/// `readme` is README.md as it is, whose text around the table is kept.
pub fn generated(readme: &str) -> Result<Vec<(&'static str, String)>, String> {
    Ok(vec![(REFERENCE, rules::markdown_reference()), ("README.md", readme_with_table(readme)?)])
}

/// `readme` with the current table of rules between its markers.
pub fn readme_with_table(readme: &str) -> Result<String, String> {
    let missing = |marker: &str| format!("README.md: no line `{}`", marker.trim_end());
    let start = readme.find(TABLE_START).ok_or_else(|| missing(TABLE_START))? + TABLE_START.len();
    let end = start + readme[start..].find(TABLE_END).ok_or_else(|| missing(TABLE_END))?;
    // Blank lines around the table, so that no Markdown reader takes the markers into it.
    Ok(format!("{}\n{}\n{}", &readme[..start], rules::table(REFERENCE), &readme[end..]))
}

/// Writes every generated file into the repository at `root`.
pub fn write(root: &Path) -> Result<(), String> {
    let readme_path = root.join("README.md");
    let readme = std::fs::read_to_string(&readme_path)
        .map_err(|e| format!("{}: {e}", readme_path.display()))?;
    for (path, contents) in generated(&readme)? {
        let path = root.join(path);
        std::fs::write(&path, contents).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}
