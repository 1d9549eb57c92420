//! Accuracy on the annotated training corpora in ../shared/corpora, held to the figures in
//! EVALUATION.md: the targets of the gene findings, and floors a little under today's entity
//! figures, so that a change that makes recognition worse fails here.

mod common;

use biolint::entity::EntityType;
use biolint::evaluation::{Knowledge, evaluate, load_corpora};
use biolint::{Config, Dictionary};

#[test]
fn accuracy_on_the_training_corpora() {
    let Some(shared) = common::shared_dir("accuracy_on_the_training_corpora") else { return };
    let corpora = load_corpora(&shared.join("corpora")).unwrap();
    let knowledge = Knowledge::new(Dictionary::embedded(), Some(&shared.join("data")));
    let report = evaluate(&corpora, &knowledge, &Config::default());
    println!("{}", report.tables());

    let flags = report.flags["all"];
    assert!(flags.precision() >= 0.95, "gene finding precision {:.3}", flags.precision());
    assert!(flags.recall() >= 0.85, "gene finding recall {:.3}", flags.recall());

    for (entity_type, precision, recall) in [
        (EntityType::Gene, 0.88, 0.75),
        (EntityType::Disease, 0.84, 0.65),
        (EntityType::Chemical, 0.88, 0.78),
    ] {
        let score = report.entity("all", entity_type);
        let name = entity_type.name();
        assert!(score.precision() >= precision, "{name} precision {:.3}", score.precision());
        assert!(score.recall() >= recall, "{name} recall {:.3}", score.recall());
    }
}
