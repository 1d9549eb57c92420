//! What must hold for any input, checked by the fuzz targets (`fuzz/`) and, on every input they
//! ever broke, by `tests/fuzz_regressions.rs`: one definition for both.

use crate::docx::{Comment, Docx, Edit};

/// Any bytes are read as a Word document or refused with a message; a document read takes a
/// comment on every word, or an edit of every word, and the copy is read again.
pub fn docx_round_trips(data: &[u8]) {
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
    let date = "2026-12-03T00:00:00Z";
    // A package whose other parts are damaged may be read but not written (one clear error).
    let Ok((commented, _)) = docx.with_comments(&comments, "biolint", date) else { return };
    let copy = Docx::read(commented).expect("a document biolint commented reads back");
    assert_eq!(copy.text(), text, "comments change no text");
    let Ok((edited, _)) = docx.with_tracked_changes(&edits, "biolint", date) else { return };
    Docx::read(edited).expect("a document biolint edited reads back");
}

/// Any text is read as a JATS article or refused; every range of the text maps to a range of
/// the XML, and a verbatim range is the same bytes there.
pub fn jats_maps_back(xml: &str) {
    let Ok(article) = crate::jats::read(xml) else { return };
    let text = &article.text;
    let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    for pair in boundaries.windows(2) {
        let range = pair[0]..pair[1];
        let in_xml = article.xml_range(&range);
        assert!(in_xml.start <= in_xml.end && in_xml.end <= xml.len(), "{range:?} -> {in_xml:?}");
        if article.is_verbatim(&range) {
            assert_eq!(&xml[in_xml], &text[range]);
        }
    }
}
