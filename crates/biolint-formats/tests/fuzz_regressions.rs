//! Every input the fuzz targets (`fuzz/`) ever broke, kept (`tests/fuzz/TARGET/`), and the Word
//! fixtures, against the same properties the targets check.

use std::path::Path;

use biolint_formats::properties::{docx_round_trips, jats_maps_back};

fn inputs(folder: &str) -> Vec<(String, Vec<u8>)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut found: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.is_file() && p.extension().is_none_or(|e| e != "md" && e != "sh" && e != "py")
        })
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    found.sort();
    found
}

#[test]
fn jats_inputs_that_broke_the_reader() {
    for (name, bytes) in inputs("tests/fuzz/jats") {
        println!("{name}");
        jats_maps_back(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn word_inputs_that_broke_the_reader_or_writer() {
    for (name, bytes) in inputs("tests/fuzz/docx") {
        println!("{name}");
        docx_round_trips(&bytes);
    }
}

#[test]
fn word_fixtures_take_comments_and_tracked_changes_on_every_word() {
    // The first docx crash was the pandoc fixture itself, commented and edited at once.
    for (name, bytes) in inputs("../../tests/fixtures/docx") {
        println!("{name}");
        docx_round_trips(&bytes);
    }
}
