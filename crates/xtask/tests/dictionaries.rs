//! The committed dictionaries are exactly what the generator makes from the upstream data.

mod common;

use xtask::generate::{GENERATED_FILES, generate};

#[test]
fn committed_dictionaries_match_the_generator() {
    let Some(shared) = common::shared_dir("committed_dictionaries_match_the_generator") else {
        return;
    };
    let generated = generate(&shared.join("data")).expect("the upstream data is readable");
    assert_eq!(generated.len(), GENERATED_FILES.len());
    for name in GENERATED_FILES {
        let committed =
            std::fs::read_to_string(xtask::repository().join("dictionaries").join(name))
                .unwrap_or_else(|e| panic!("dictionaries/{name}: {e}"));
        assert!(
            committed == generated[name],
            "dictionaries/{name} differs from what `cargo xtask dictionaries` generates; run it and commit the result"
        );
    }
}
