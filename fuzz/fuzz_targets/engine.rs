//! The whole engine on any text, read as each markup kind: it never panics, and what it reports
//! stands in the document (spans in bounds, on character boundaries, fixes likewise).
#![no_main]

use biolint_core::{Config, Document, DocumentKind, analyze};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let kind = DocumentKind::ALL[usize::from(selector) % DocumentKind::ALL.len()];
    let analysis = analyze(Document { text: &text, kind }, &Config::default());
    let stands = |span: &std::ops::Range<usize>| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    for entity in &analysis.entities {
        assert!(stands(&entity.span), "{kind:?} entity {:?}", entity.span);
    }
    for d in &analysis.diagnostics {
        assert!(stands(&d.span), "{kind:?} {} {:?}", d.rule, d.span);
        for fix in &d.fixes {
            assert!(stands(&fix.span), "{kind:?} {} fix {:?}", d.rule, fix.span);
        }
    }
});
