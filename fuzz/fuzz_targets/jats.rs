//! JATS: see `biolint_formats::properties::jats_maps_back`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| biolint_formats::properties::jats_maps_back(&String::from_utf8_lossy(data)));
