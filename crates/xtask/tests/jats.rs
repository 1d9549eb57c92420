//! The CRAFT papers as JATS XML against the same papers as plain text: the gene findings agree
//! word for word on at least 90% of them (shared count over the union, per article, summed).

mod common;

use biolint_core::Config;

#[test]
fn gene_findings_on_jats_agree_with_the_plain_text() {
    let Some(shared) = common::shared_dir("gene_findings_on_jats_agree_with_the_plain_text") else {
        return;
    };
    let corpora = shared.join("corpora");
    let articles = xtask::jats::compare(
        &corpora.join("craft"),
        &corpora.join("craft_nxml"),
        &Config::default(),
    )
    .unwrap();
    println!("{}", xtask::jats::report(&articles));
    assert_eq!(articles.len(), 67);
    // 0.968 on 2026-12-03 (EVALUATION.md).
    let agreement = xtask::jats::agreement(&articles);
    assert!(agreement >= 0.9, "agreement {agreement:.3}");
}
