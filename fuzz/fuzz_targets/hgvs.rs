//! The mtDNA HGVS grammar and the scanner for descriptions in prose: never a panic; what the
//! scanner reports is in order, on character boundaries, and a correction it offers parses.
#![no_main]

use biolint_core::variant::{parse, scan};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = parse(&text);
    let mut end = 0;
    for found in scan(&text) {
        assert!(found.span.start >= end, "overlapping: {:?}", found.span);
        assert!(text.is_char_boundary(found.span.start) && text.is_char_boundary(found.span.end));
        assert_eq!(found.written, text[found.span.clone()]);
        if let Some(variant) = &found.variant {
            let written = variant.to_string();
            assert!(parse(&written).is_ok(), "{written} from {}", found.written);
        }
        end = found.span.end;
    }
});
