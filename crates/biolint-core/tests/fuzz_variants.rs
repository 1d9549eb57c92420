//! Fuzzing the mtDNA HGVS grammar and scanner (cargo-fuzz needs a nightly toolchain, which this
//! project does not use, so this is proptest): on arbitrary text, and on text built from the
//! pieces descriptions are made of, `parse`, `scan` and the whole linter never panic, and what
//! `scan` reports is well-formed (spans on character boundaries, in order, not overlapping; a
//! correction that parses).
//!
//! `cargo test --release --test fuzz_variants` runs a few thousand cases. For a long run:
//! `BIOLINT_FUZZ_SECONDS=600 cargo test --release --test fuzz_variants -- --nocapture`.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config as RunnerConfig, TestRunner};

use biolint_core::variant::{parse, scan};
use biolint_core::{Config, Document, DocumentKind};

/// Text made of the pieces of variant descriptions, prose, markup and what the recognition
/// rules look for (composite mentions, synonyms, drug-induced diseases), in any order.
fn description_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("m.".to_owned()),
        Just("mt.".to_owned()),
        Just("M.".to_owned()),
        Just("NC_012920.1".to_owned()),
        Just(":".to_owned()),
        Just("(MT-TL1)".to_owned()),
        Just("g.".to_owned()),
        Just("c.".to_owned()),
        Just("p.".to_owned()),
        Just("mtDNA ".to_owned()),
        (0u32..20_000).prop_map(|n| n.to_string()),
        Just("_".to_owned()),
        Just("-".to_owned()),
        Just(">".to_owned()),
        Just("→".to_owned()),
        Just("->".to_owned()),
        Just("/".to_owned()),
        Just(" ".to_owned()),
        Just("del".to_owned()),
        Just("dup".to_owned()),
        Just("ins".to_owned()),
        Just("delins".to_owned()),
        Just("inv".to_owned()),
        Just("=".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just(";".to_owned()),
        Just("?".to_owned()),
        "[ACGTNacgtRY]{1,4}",
        "[a-zA-Z]{1,6}",
        Just("α".to_owned()),
        Just("🧬".to_owned()),
        Just("é".to_owned()),
        Just("`".to_owned()),
        Just("$".to_owned()),
        Just("\n".to_owned()),
        // Markup the engine masks, next to what it recognises.
        Just("`x`".to_owned()),
        Just("[a](http://x.org/b)".to_owned()),
        Just("http://x.org/".to_owned()),
        Just("\\cite{x}".to_owned()),
        Just("<!-- c -->".to_owned()),
        Just("**".to_owned()),
        Just("|".to_owned()),
        Just("A3243G".to_owned()),
        Just("mitochondrial ".to_owned()),
        Just("PARK2 ".to_owned()),
        Just("CX43 ".to_owned()),
        Just("reactive oxygen species (ROS)".to_owned()),
        // What the recognition rules look for around genes and diseases.
        Just("ERK1".to_owned()),
        Just("/2".to_owned()),
        Just(", and -".to_owned()),
        Just("Mcm2".to_owned()),
        Just("-7".to_owned()),
        Just("matriptase".to_owned()),
        Just(" also known as ".to_owned()),
        Just("IGF2BP3".to_owned()),
        Just("IMP3".to_owned()),
        Just("levodopa".to_owned()),
        Just("-induced ".to_owned()),
        Just("dyskinesia".to_owned()),
        Just("Proc. Natl. ".to_owned()),
        Just(", H.".to_owned()),
        Just(" cells".to_owned()),
        Just("cell lines ".to_owned()),
        Just("PC-3".to_owned()),
        Just("﹨".to_owned()),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![description_like(), any::<String>()]
}

/// The properties every input must have.
fn check(text: &str) {
    let _ = parse(text);
    let found = scan(text);
    let mut end = 0;
    for f in &found {
        assert!(f.span.start >= end && f.span.start < f.span.end, "{text:?}: {found:?}");
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        assert_eq!(&text[f.span.clone()], f.written);
        if let Some(correction) = f.correction() {
            assert!(
                parse(&correction).is_ok(),
                "{text:?}: correction {correction:?} does not parse"
            );
        }
        end = f.span.end;
    }
    for kind in [DocumentKind::Plain, DocumentKind::Markdown, DocumentKind::Latex] {
        let _ = biolint_core::lint(Document { text, kind }, &Config::default());
    }
}

#[test]
fn the_grammar_never_panics_and_reports_well_formed_findings() {
    let seconds: u64 =
        std::env::var("BIOLINT_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut runner = TestRunner::new(RunnerConfig { cases: 3000, ..RunnerConfig::default() });
    if seconds == 0 {
        runner
            .run(&text(), |t| {
                check(&t);
                Ok(())
            })
            .unwrap();
        return;
    }
    let started = Instant::now();
    let strategy = text();
    let mut cases: u64 = 0;
    while started.elapsed() < Duration::from_secs(seconds) {
        let t = strategy.new_tree(&mut runner).unwrap().current();
        check(&t);
        cases += 1;
    }
    println!(
        "fuzzed {cases} inputs in {:?}: no panic, every finding well-formed",
        started.elapsed()
    );
}
