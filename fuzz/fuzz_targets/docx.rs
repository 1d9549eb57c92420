//! Word documents: see `biolint_formats::properties::docx_round_trips`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| biolint_formats::properties::docx_round_trips(data));
