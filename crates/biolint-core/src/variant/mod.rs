//! Mitochondrial DNA variants in HGVS nomenclature: the `m.` grammar ([`hgvs`]), finding
//! descriptions in prose and recognising malformed and legacy ones ([`mod@scan`]), and checking
//! them against the reference sequence ([`mod@reference`]).
//!
//! Pure domain logic: no I/O, no panics, linear time on any input. The linter rules
//! (`variant/hgvs-syntax`, `variant/legacy-notation`, ...) are built on what these report.

pub mod hgvs;
pub mod reference;
pub mod scan;

pub use hgvs::{
    ACCESSION, Base, Edit, EditKind, ErrorKind, Length, Location, MT_LENGTH, Position, Sequence,
    SyntaxError, Variant, parse,
};
pub use reference::{Mismatch, check_reference, reference_bases};
pub use scan::{Found, Problem, ProblemKind, scan};

/// Randomised-test support without a dependency: a seeded generator and valid descriptions.
#[cfg(test)]
pub(crate) mod testing {
    /// xorshift64*: deterministic, so a failing case can be replayed from its seed.
    pub struct Rng(u64);

    impl Rng {
        pub fn new(seed: u64) -> Rng {
            Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
        }

        pub fn next_u64(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        /// A number in `0..n` (`n > 0`).
        pub fn below(&mut self, n: u32) -> u32 {
            (self.next_u64() % u64::from(n)) as u32
        }

        pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
            &items[self.below(items.len() as u32) as usize]
        }

        pub fn chance(&mut self, percent: u32) -> bool {
            self.below(100) < percent
        }
    }

    const BASES: [char; 4] = ['A', 'C', 'G', 'T'];
    const ANY_BASE: [char; 15] =
        ['A', 'C', 'G', 'T', 'R', 'Y', 'S', 'W', 'K', 'M', 'B', 'D', 'H', 'V', 'N'];

    /// A random valid description in normalised form, so that it displays as generated.
    pub fn valid_description(rng: &mut Rng) -> String {
        let prefix =
            *rng.pick(&["", "", "NC_012920.1:", "NC_012920.1(MT-TL1):", "NC_012920.1(MT-ND4):"]);
        if rng.chance(10) {
            // Across the origin: deletions and duplications only.
            let first = 16_400 + rng.below(170);
            let last = 1 + rng.below(300);
            let kind = rng.pick(&["del", "dup"]);
            return format!("{prefix}m.{first}_{last}{kind}");
        }
        let count = if rng.chance(30) { 1 + rng.below(4) } else { 1 };
        let mut next = 1 + rng.below(4_000);
        let mut edits = Vec::new();
        for _ in 0..count {
            let (edit, used) = edit(rng, next);
            edits.push(edit);
            // A gap of two keeps substitutions apart and edits from overlapping.
            next += used + 2 + rng.below(3_000);
            if next > 16_000 {
                break;
            }
        }
        if edits.len() == 1 && rng.chance(80) {
            format!("{prefix}m.{}", edits[0])
        } else {
            format!("{prefix}m.[{}]", edits.join(";"))
        }
    }

    /// A valid edit starting at `at`, and how many positions it uses.
    fn edit(rng: &mut Rng, at: u32) -> (String, u32) {
        let length = 1 + rng.below(40);
        let range = format!("{at}_{}", at + length);
        let one_or_range = if rng.chance(50) { at.to_string() } else { range.clone() };
        let uncertain = format!("({at}_{})_({}_{})", at + 2, at + 10, at + 12);
        match rng.below(9) {
            0 => {
                let reference = *rng.pick(&BASES);
                let alternative = loop {
                    let base = *rng.pick(&ANY_BASE);
                    if base != reference {
                        break base;
                    }
                };
                (format!("{at}{reference}>{alternative}"), 1)
            }
            1 => (format!("{one_or_range}{}", rng.pick(&["del", "dup", "="])), length + 1),
            2 => (format!("{at}_{}ins{}", at + 1, sequence(rng)), 2),
            3 => (format!("{one_or_range}delins{}", sequence(rng)), length + 1),
            4 => (format!("{range}inv"), length + 1),
            5 => (format!("{uncertain}{}", rng.pick(&["del", "dup"])), 13),
            6 => (format!("({at}_{})ins{}", at + length, sequence(rng)), length + 1),
            7 => (format!("({at}_{}){}>{}", at + 1, rng.pick(&BASES), rng.pick(&['N', 'R'])), 2),
            _ => (format!("({at}_{})del", at + length), length + 1),
        }
    }

    fn sequence(rng: &mut Rng) -> String {
        match rng.below(6) {
            0 => format!("N[{}]", 1 + rng.below(200)),
            1 => format!("N[({}_{})]", 1 + rng.below(50), 60 + rng.below(50)),
            2 => "N[?]".to_owned(),
            _ => (0..1 + rng.below(8)).map(|_| *rng.pick(&['A', 'C', 'G', 'T', 'N'])).collect(),
        }
    }
}
