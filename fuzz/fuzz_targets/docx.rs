//! Word documents: any bytes are read or refused with a message, never a panic; a document read
//! takes a comment and an edit on every word and is still read afterwards.
#![no_main]

use biolint_formats::docx::{Comment, Docx, Edit};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(docx) = Docx::read(data.to_vec()) else { return };
    let text = docx.text();
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                words.push(from..at);
                start = None;
            }
            _ => {}
        }
    }
    let comments: Vec<Comment> =
        words.iter().map(|w| Comment { span: w.clone(), text: "a <note> & more".into() }).collect();
    let edits: Vec<Edit> =
        words.iter().map(|w| Edit { span: w.clone(), replacement: "X&Y".into() }).collect();
    let (bytes, _) = docx.annotated(&comments, &edits, "biolint", "2026-12-03T00:00:00Z").unwrap();
    Docx::read(bytes).expect("a document biolint wrote reads back");
});
