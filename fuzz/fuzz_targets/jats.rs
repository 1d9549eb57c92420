//! JATS: any text is read or refused, never a panic; every range of the text maps to a range
//! of the XML, and a verbatim range is the same bytes there.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let xml = String::from_utf8_lossy(data);
    let Ok(article) = biolint_formats::jats::read(&xml) else { return };
    let text = &article.text;
    let boundaries: Vec<usize> =
        text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    for pair in boundaries.windows(2).step_by(3) {
        let range = pair[0]..pair[1];
        let in_xml = article.xml_range(&range);
        assert!(in_xml.start <= in_xml.end && in_xml.end <= xml.len(), "{range:?} -> {in_xml:?}");
        if article.is_verbatim(&range) {
            assert_eq!(&xml[in_xml], &text[range]);
        }
    }
});
