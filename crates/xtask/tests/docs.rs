//! The committed rules reference and README.md's table of rules are what the rules say.

use xtask::{docs, repository};

#[test]
fn generated_documents_are_up_to_date() {
    let root = repository();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    for (path, generated) in docs::generated(&readme).unwrap() {
        let committed = std::fs::read_to_string(root.join(path)).unwrap();
        assert!(
            committed == generated,
            "{path} is out of date with the rules: run `cargo xtask docs` and commit the result"
        );
    }
}

#[test]
fn the_readme_table_is_replaced_between_its_markers_only() {
    let readme =
        format!("# Title\n\n{}old table\n{}\nAfter.\n", docs::TABLE_START, docs::TABLE_END);
    let rewritten = docs::readme_with_table(&readme).unwrap();
    assert!(rewritten.starts_with(&format!("# Title\n\n{}\n| rule |", docs::TABLE_START)));
    assert!(rewritten.contains("[`gene/previous-symbol`](docs/rules.md#gene-previous-symbol)"));
    assert!(rewritten.ends_with(&format!("|\n\n{}\nAfter.\n", docs::TABLE_END)));
    assert!(!rewritten.contains("old table"));
    assert!(docs::readme_with_table("# No markers\n").is_err());
}
