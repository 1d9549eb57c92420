//! BioC in and out of `biolint annotate`, end to end: PubTator → biolint → BioC → biolint reads
//! it back unchanged, on a small corpus and on the PubTator corpora in `../shared`.

use std::path::Path;
use std::process::{Command, Output};

use biolint_core::bioc::{self, BiocDocument};
use biolint_core::pubtator;

fn biolint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_biolint")).args(args).output().expect("biolint runs")
}

/// `biolint annotate --input INPUT --format FORMAT FILE`'s standard output; it must succeed.
fn annotate(input: &str, format: &str, file: &Path) -> String {
    let output =
        biolint(&["annotate", "--input", input, "--format", format, file.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "annotate --input {input} --format {format} {}: {}",
        file.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// Annotates the PubTator corpus `corpus` as PubTator, and as BioC XML and JSON read back as
/// BioC; checks that all three PubTator outputs are the same bytes and that the BioC holds the
/// corpus's documents, its gold annotations too. Returns the number of documents and of biolint's annotations.
fn round_trip(corpus: &Path, dir: &Path) -> (usize, usize) {
    let expected = annotate("pubtator", "pubtator", corpus);
    let documents = pubtator::parse(&std::fs::read_to_string(corpus).unwrap()).unwrap();
    let mut annotations = 0;
    for (format, extension) in [("bioc", "xml"), ("bioc-json", "json")] {
        let bioc_file = dir.join(format!("corpus.{extension}"));
        let written = annotate("pubtator", format, corpus);
        std::fs::write(&bioc_file, &written).unwrap();
        let again = annotate("bioc", "pubtator", &bioc_file);
        assert!(
            again == expected,
            "{} through {format} differs from PubTator: {}",
            corpus.display(),
            first_difference(&expected, &again)
        );
        let read = bioc::parse(&written).unwrap();
        assert_eq!(read.len(), documents.len(), "{format}");
        for (bioc, original) in read.iter().zip(&documents) {
            let back = bioc.to_pubtator().expect("a title and an abstract");
            assert_eq!(
                (&back.id, &back.title, &back.abstract_text),
                (&original.id, &original.title, &original.abstract_text),
                "{format}"
            );
            assert_eq!(bioc.text(), original.text());
        }
        annotations = read.iter().flat_map(|d| &d.passages).map(|p| p.annotations.len()).sum();
    }
    // The corpus's own (gold) annotations survive BioC too.
    let gold: Vec<BiocDocument> = documents.iter().map(BiocDocument::from).collect();
    for written in [bioc::to_xml(&gold, "20261203"), bioc::to_json(&gold, "20261203")] {
        let back: Vec<_> =
            bioc::parse(&written).unwrap().iter().map(|d| d.to_pubtator().unwrap()).collect();
        assert!(back == documents, "{}: gold annotations changed", corpus.display());
    }
    (documents.len(), annotations)
}

fn first_difference(expected: &str, actual: &str) -> String {
    match expected.lines().zip(actual.lines()).find(|(e, a)| e != a) {
        Some((e, a)) => format!("expected {e:?}, got {a:?}"),
        None => format!("{} lines, then {}", expected.lines().count(), actual.lines().count()),
    }
}

const SMALL: &str = "\
100|t|Loss of PINK1 and PARK2 in α-synuclein <mice> & \"rats\"
100|a|Parkinson’s disease patients with Leigh syndrome carried m.3243A>G; ERK1/2 and idebenone.
100\t8\t13\tPINK1\tGene\t65018

101|t|Title only: LHON
101|a|

102|t|Ünïcödé 🧬 titles: HO-1
102|a|  Coenzyme Q10\tand H2O2 in Caenorhabditis elegans; CX43 (GJA1).  
";

#[test]
fn pubtator_through_bioc_and_back_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("small.PubTator");
    std::fs::write(&corpus, SMALL).unwrap();
    let (documents, annotations) = round_trip(&corpus, dir.path());
    assert_eq!(documents, 3);
    assert!(annotations >= 10, "{annotations}");
}

#[test]
fn bioc_annotations_are_the_pubtator_lines() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("small.PubTator");
    std::fs::write(&corpus, SMALL).unwrap();
    let lines: Vec<String> = annotate("pubtator", "pubtator", &corpus)
        .lines()
        .filter(|l| l.split('\t').count() == 6)
        .map(str::to_owned)
        .collect();
    let xml = annotate("pubtator", "bioc", &corpus);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE collection SYSTEM \"BioC.dtd\">\n<collection>\n<source>biolint</source>\n"), "{xml}");
    let mut from_bioc = Vec::new();
    for document in bioc::parse(&xml).unwrap() {
        let chars: Vec<char> = document.text().chars().collect();
        for passage in &document.passages {
            for a in &passage.annotations {
                let location = a.locations[0];
                let end = location.offset + location.length;
                // Each annotation lies in its passage, and its offsets count characters.
                assert!(location.offset >= passage.offset, "{a:?}");
                assert_eq!(chars[location.offset..end].iter().collect::<String>(), a.text);
                from_bioc.push(format!(
                    "{}\t{}\t{end}\t{}\t{}\t{}",
                    document.id,
                    location.offset,
                    a.text,
                    a.entity_type().unwrap(),
                    a.identifier().unwrap()
                ));
            }
        }
    }
    assert_eq!(from_bioc, lines);
    assert!(lines.iter().any(|l| l.ends_with("\tERK1/2\tGene\t5595;5594")), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("\tCaenorhabditis elegans\tSpecies\t6239")));
}

#[test]
fn pubtator_corpora_through_bioc_and_back_are_unchanged() {
    let corpora = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora"));
    if !corpora.is_dir() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI is set but {} is missing",
            corpora.display()
        );
        eprintln!("skipped: {} is missing (../shared beside the repository)", corpora.display());
        return;
    }
    let mut files: Vec<_> = std::fs::read_dir(corpora)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "PubTator"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no *.PubTator in {}", corpora.display());
    let dir = tempfile::tempdir().unwrap();
    for corpus in &files {
        let (documents, annotations) = round_trip(corpus, dir.path());
        eprintln!(
            "{}: {documents} documents, {annotations} annotations, the same through BioC XML and JSON",
            corpus.file_name().unwrap().to_string_lossy()
        );
        assert!(documents > 0 && annotations > 0);
    }
}

#[test]
fn documents_are_one_passage_with_character_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let paper = dir.path().join("paper.md");
    std::fs::write(&paper, "# Rôle of *PINK1*\n\nLoss of PARK2 in `DRP1` mice.\n").unwrap();
    let path = paper.to_str().unwrap();
    let output = biolint(&["annotate", "--format", "bioc-json", path]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let documents = bioc::parse(std::str::from_utf8(&output.stdout).unwrap()).unwrap();
    assert_eq!(documents.len(), 1);
    assert_eq!(documents[0].id, path);
    let passage = &documents[0].passages[0];
    assert_eq!(passage.passage_type(), Some("document"));
    let found: Vec<(&str, usize)> =
        passage.annotations.iter().map(|a| (a.text.as_str(), a.locations[0].offset)).collect();
    // Characters, not bytes (ô is two bytes); code is not prose.
    assert_eq!(found, [("PINK1", 11), ("PARK2", 27), ("mice", 43)]);
}

#[test]
fn malformed_bioc_is_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.xml");
    std::fs::write(&bad, "<collection><document><id>1</id><passage><offset>x</offset>").unwrap();
    let good = dir.path().join("good.json");
    std::fs::write(
        &good,
        r#"{"documents": [{"id": "9", "passages": [{"offset": 0, "text": "PINK1"}]}]}"#,
    )
    .unwrap();
    let output = biolint(&[
        "annotate",
        "--input",
        "bioc",
        "--format",
        "pubtator",
        bad.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with(&format!("biolint: {}: ", bad.display())), "{stderr}");
    assert!(stderr.contains("passage 1: offset \"x\" is not a number"), "{stderr}");
    // The other file is still annotated: a passage that is no title gets annotation lines only.
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "9\t0\t5\tPINK1\tGene\t65018\n\n");
}
