//! Speed of the mtDNA variant grammar: `cargo bench --bench variants`.
//!
//! Parses and checks against the rCRS 100,000 descriptions (every kind of change, at positions
//! spread over the genome), then scans a text that holds them, malformed ones included. Figures
//! go into BENCHMARKS.md by hand.

use std::time::Instant;

use biolint_core::Dictionary;
use biolint_core::variant::{check_reference, parse, scan};

/// 100,000 valid descriptions, deterministic.
fn descriptions() -> Vec<String> {
    let rcrs = Dictionary::embedded().rcrs;
    let bases = ['A', 'C', 'G', 'T'];
    (0..100_000u32)
        .map(|i| {
            let p = 1 + (i * 7_919) % 16_560;
            let reference = rcrs[p as usize - 1] as char;
            let other = bases[(i as usize) % 4];
            match i % 8 {
                0..=2 if reference != other && reference != 'N' => {
                    format!("m.{p}{reference}>{other}")
                }
                3 => format!("m.{p}_{}del", p + 2),
                4 => format!("m.{p}dup"),
                5 => format!("m.{p}_{}insAT", p + 1),
                6 => format!("NC_012920.1:m.{p}_{}delinsGG", p + 1),
                _ => format!("m.{p}_{}inv", p + 5),
            }
        })
        .collect()
}

fn main() {
    let dictionary = Dictionary::embedded();
    let descriptions = descriptions();
    let started = Instant::now();
    let mut mismatches = 0;
    for d in &descriptions {
        let variant = parse(d).expect("generated descriptions are valid");
        mismatches += check_reference(&variant, dictionary.rcrs).len();
    }
    let elapsed = started.elapsed();
    println!(
        "parse and check 100,000 descriptions: {:.1} ms ({:.2} µs each, {mismatches} mismatches)",
        elapsed.as_secs_f64() * 1e3,
        elapsed.as_secs_f64() * 1e6 / 100_000.0
    );

    // The same descriptions in prose, every fourth one malformed the way authors slip.
    let text: String = descriptions
        .iter()
        .enumerate()
        .map(|(i, d)| match i % 4 {
            0 => format!("The variant {} was found. ", d.replacen("m.", "mt.", 1)),
            1 => format!("Patients carried {d}. "),
            _ => format!("We report {d} in muscle. "),
        })
        .collect();
    let started = Instant::now();
    let found = scan(&text);
    let elapsed = started.elapsed();
    println!(
        "scan {:.1} MB of prose holding 100,000 descriptions: {:.1} ms, {} found, {:.0} MB/s",
        text.len() as f64 / 1e6,
        elapsed.as_secs_f64() * 1e3,
        found.len(),
        text.len() as f64 / 1e6 / elapsed.as_secs_f64()
    );
}
