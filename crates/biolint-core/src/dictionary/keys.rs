//! How dictionary terms and document text are folded so that they meet, and the binary layout of
//! the embedded match tables.
//!
//! This file is compiled twice: into the library, and into `build.rs` (through `#[path]`), which
//! folds every dictionary term with the same functions the matcher applies to the text. It must
//! therefore depend on nothing but `std`.
//!
//! Folding lowercases ASCII letters, turns hyphens, dashes and runs of whitespace into a single
//! space, writes Greek letters as their names (`TNF-α` and `TNF-alpha` both fold to
//! `tnf alpha`), and leaves everything else as it is. Case is checked afterwards against the
//! original text, so folding only decides what *may* match.

/// The Greek letters authors write in gene and chemical names, with the names HGNC uses.
const GREEK: &[(char, &str)] = &[
    ('α', "alpha"),
    ('β', "beta"),
    ('γ', "gamma"),
    ('δ', "delta"),
    ('ε', "epsilon"),
    ('ζ', "zeta"),
    ('η', "eta"),
    ('θ', "theta"),
    ('ι', "iota"),
    ('κ', "kappa"),
    ('λ', "lambda"),
    ('μ', "mu"),
    ('µ', "mu"), // U+00B5 MICRO SIGN, which keyboards produce for μ
    ('ν', "nu"),
    ('ξ', "xi"),
    ('π', "pi"),
    ('ρ', "rho"),
    ('σ', "sigma"),
    ('τ', "tau"),
    ('υ', "upsilon"),
    ('φ', "phi"),
    ('χ', "chi"),
    ('ψ', "psi"),
    ('ω', "omega"),
    ('Α', "alpha"),
    ('Β', "beta"),
    ('Γ', "gamma"),
    ('Δ', "delta"),
    ('Κ', "kappa"),
];

/// What a character becomes in folded text, when it is not copied as it is.
pub enum Folded {
    /// A separator: collapses with its neighbours into one space.
    Space,
    /// An ASCII byte (lowercased letter, or punctuation normalised to ASCII).
    Byte(u8),
    /// A Greek letter written out.
    Word(&'static str),
    /// Any other character, copied unchanged.
    Keep,
}

/// Folds one character, keeping its case when `lowercase` is false (used to compare the surface
/// form of a match with a dictionary form).
pub fn fold_char(c: char, lowercase: bool) -> Folded {
    match c {
        'A'..='Z' if lowercase => Folded::Byte(c.to_ascii_lowercase() as u8),
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' => Folded::Space,
        // Byte-order mark and zero-width space: invisible, but they must not glue words.
        '\u{feff}' | '\u{200b}' => Folded::Space,
        c if c.is_whitespace() => Folded::Space,
        '\u{2018}' | '\u{2019}' | '\u{2032}' => Folded::Byte(b'\''),
        c if c.is_ascii() => Folded::Byte(c as u8),
        c => match GREEK.iter().find(|(g, _)| *g == c) {
            Some((_, name)) => Folded::Word(name),
            None => Folded::Keep,
        },
    }
}

/// Folds a whole string (a dictionary term, or a short span of text): the result never starts or
/// ends with a space and never holds two spaces in a row.
pub fn fold(s: &str) -> String {
    fold_with_case(s, true)
}

/// [`fold`] without lowercasing: two spellings of a term have the same surface form when they
/// differ only in hyphens, spacing and how Greek letters are written.
pub fn surface(s: &str) -> String {
    fold_with_case(s, false)
}

/// Whether two strings have the same [`surface`] form, without allocating in the common case.
pub fn same_surface(a: &str, b: &str) -> bool {
    let plain = |s: &str| s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'\'' || b == b'.');
    if a == b {
        true
    } else if plain(a) && plain(b) {
        false
    } else if a.is_ascii() && b.is_ascii() {
        // The surface form of ASCII text is its words (runs of anything but separators)
        // joined by single spaces, so comparing the words says the same without building it.
        fn words(s: &str) -> impl Iterator<Item = &str> {
            s.split(|c: char| c == '-' || c.is_whitespace()).filter(|word| !word.is_empty())
        }
        words(a).eq(words(b))
    } else {
        surface(a) == surface(b)
    }
}

fn fold_with_case(s: &str, lowercase: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        let piece = fold_char(c, lowercase);
        if let Folded::Space = piece {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        match piece {
            Folded::Space => unreachable!(),
            Folded::Byte(b) => out.push(b as char),
            Folded::Word(w) => out.push_str(w),
            Folded::Keep => out.push(c),
        }
    }
    out
}

/// Whether a folded byte belongs to a word: ASCII letters and digits, and every byte of a
/// non-ASCII character (é, Greek letters not in the table, ...). Token boundaries fall between a
/// word byte and a non-word byte.
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Whether a term must match with its exact case: acronyms such as `AIDS` or `NIDDM` (two or more
/// capitals and no lower-case letter) would otherwise match ordinary words (`aids`).
pub fn is_acronym(term: &str) -> bool {
    term.chars().filter(char::is_ascii_uppercase).count() >= 2
        && !term.chars().any(|c| c.is_lowercase())
}

/// The spellings under which a gene symbol is also found: without its hyphen (`IL-6` → `IL6`),
/// with a hyphen between its letters and its number (`IL6` → `IL-6`), and with a trailing Greek
/// letter written out (`TGFB1` → `TGF-beta1`, `IL1B` → `IL-1beta`, `HIF1A` → `HIF-1alpha`).
/// The symbol itself comes first.
pub fn symbol_spellings(symbol: &str) -> Vec<String> {
    let mut out = vec![symbol.to_owned()];
    let mut add = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    if symbol.contains('-') {
        add(symbol.replace('-', ""));
    } else if let Some(hyphenated) = hyphenate(symbol) {
        add(hyphenated);
    }
    if let Some((stem, greek, digits)) = greek_suffix(symbol) {
        let mut stems = vec![stem.to_owned()];
        if let Some(h) = hyphenate(stem) {
            stems.push(h);
        }
        for stem in &stems {
            for before in ["", "-"] {
                add(format!("{stem}{before}{greek}{digits}"));
                if !digits.is_empty() {
                    add(format!("{stem}{before}{greek} {digits}"));
                }
            }
            // `TNF-a`, `TGF-b1`, `IL-1b`: the Greek letter as its Latin look-alike, always
            // after a hyphen (without one, `TNFa` would be a different symbol).
            add(format!("{stem}-{}{digits}", &greek[..1]));
        }
    }
    out
}

/// `IL6` → `IL-6`: a hyphen at the first place a letter is followed by a digit, when at least
/// two letters come first (`C3` and `F8` stay as they are).
fn hyphenate(symbol: &str) -> Option<String> {
    let bytes = symbol.as_bytes();
    let at = (1..bytes.len()).find(|&i| bytes[i].is_ascii_digit())?;
    (at >= 2 && bytes[..at].iter().all(u8::is_ascii_alphabetic) && !symbol.contains('-'))
        .then(|| format!("{}-{}", &symbol[..at], &symbol[at..]))
}

/// Splits `TGFB1` into (`TGF`, `beta`, `1`): a final capital that HGNC uses for a Greek letter,
/// optionally followed by digits, after a stem of at least two characters ending in a letter or
/// digit.
fn greek_suffix(symbol: &str) -> Option<(&str, &'static str, &str)> {
    let digits_at = symbol.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (head, digits) = symbol.split_at(digits_at);
    let letter = head.chars().last()?;
    let greek = match letter {
        'A' => "alpha",
        'B' => "beta",
        'G' => "gamma",
        'D' => "delta",
        'E' => "epsilon",
        'K' => "kappa",
        _ => return None,
    };
    let stem = &head[..head.len() - 1];
    let stem_ok = stem.len() >= 2 && stem.chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
    stem_ok.then_some((stem, greek, digits))
}

/// The spellings under which a MeSH term is also found, the term itself first:
/// - the singular of a plural (`Gentamicins` → `Gentamicin`), which MeSH often omits;
/// - the anion of an acid (`Glutamic Acid` → `Glutamate`);
/// - for diseases, "Neoplasms" as authors write it (`Breast Neoplasms` → `Breast Cancer`,
///   `Breast Tumors`), and British spellings (`Tumour`, `Anaemia`, `Oedema`, `Haemorrhage`).
pub fn mesh_spellings(term: &str, disease: bool) -> Vec<String> {
    let mut out = vec![term.to_owned()];
    let mut add = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    if let Some(singular) = singular(term) {
        add(singular);
    }
    if let Some(stem) = term.strip_suffix("ic Acid").or_else(|| term.strip_suffix("ic acid"))
        && !stem.is_empty()
        && !stem.ends_with(' ')
    {
        add(format!("{stem}ate"));
    }
    if disease {
        for (from, to) in [
            ("Neoplasms", "Cancers"),
            ("Neoplasms", "Cancer"),
            ("Neoplasm", "Cancer"),
            ("Neoplasms", "Tumors"),
            ("Neoplasm", "Tumor"),
        ] {
            if let Some(stem) = term.strip_suffix(from)
                && (stem.is_empty() || stem.ends_with(' '))
            {
                add(format!("{stem}{to}"));
            }
        }
        let spellings: Vec<String> = out.clone();
        for spelling in spellings {
            if let Some(british) = british(&spelling)
                && !out.contains(&british)
            {
                out.push(british);
            }
        }
    }
    out
}

/// `Gentamicins` → `Gentamicin`: drops the plural `s` of the last word, except after s, i, u or
/// e (`Glass`, `Diabetes`, `Rabies`, `Virus` are no plurals to undo), and not of acronyms.
fn singular(term: &str) -> Option<String> {
    let last = term.rsplit(' ').next()?;
    let stem = last.strip_suffix('s')?;
    let fine = stem.len() >= 4
        && stem.chars().last().is_some_and(|c| c.is_ascii_lowercase() && !"siue".contains(c));
    fine.then(|| term[..term.len() - 1].to_owned())
}

/// The British spelling of an American medical term, when it differs.
fn british(term: &str) -> Option<String> {
    const PAIRS: &[(&str, &str)] = &[
        ("Tumor", "Tumour"),
        ("tumor", "tumour"),
        ("Anemia", "Anaemia"),
        ("anemia", "anaemia"),
        ("Edema", "Oedema"),
        ("edema", "oedema"),
        ("Leukemia", "Leukaemia"),
        ("leukemia", "leukaemia"),
        ("Hemorrhag", "Haemorrhag"),
        ("hemorrhag", "haemorrhag"),
        ("Esophag", "Oesophag"),
        ("esophag", "oesophag"),
        ("Hemophilia", "Haemophilia"),
        ("Ischemi", "Ischaemi"),
        ("ischemi", "ischaemi"),
        ("Glycemi", "Glycaemi"),
        ("glycemi", "glycaemi"),
        ("Lipidemi", "Lipidaemi"),
        ("lipidemi", "lipidaemi"),
        ("Septicemi", "Septicaemi"),
        ("Diarrhea", "Diarrhoea"),
        ("diarrhea", "diarrhoea"),
    ];
    let mut british = term.to_owned();
    for (us, uk) in PAIRS {
        british = british.replace(us, uk);
    }
    (british != term).then_some(british)
}

/// Where a dictionary term comes from; stored in each match-table entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Source {
    /// An HGNC approved symbol.
    GeneSymbol = 0,
    /// An HGNC alias symbol.
    GeneAlias = 1,
    /// An HGNC previous symbol.
    GenePrevious = 2,
    /// A withdrawn HGNC symbol (the record is the withdrawn entry).
    GeneWithdrawn = 3,
    /// An HGNC approved name, or an alias that is a lower-case protein name ("parkin").
    GeneName = 4,
    /// A MeSH descriptor's name or entry term.
    MeshDescriptor = 5,
    /// A MeSH supplementary concept's name or synonym.
    MeshSupplementary = 6,
    /// A curated species name.
    Species = 7,
    /// A curated term that is never a gene (`ATP`, `CO2`, `SD`).
    NotGene = 8,
    /// A name MeSH gives a human protein ("Cyclooxygenase 2", "NRF2"): a gene mention, and
    /// evidence for which gene an ambiguous alias means.
    GeneMeshName = 9,
}

impl Source {
    /// Whether an entry of this source names a gene (by a symbol, a name, or MeSH's name of
    /// its protein).
    pub fn is_gene(self) -> bool {
        matches!(
            self,
            Source::GeneSymbol
                | Source::GeneAlias
                | Source::GenePrevious
                | Source::GeneWithdrawn
                | Source::GeneName
                | Source::GeneMeshName
        )
    }

    pub const ALL: [Source; 10] = [
        Source::GeneSymbol,
        Source::GeneAlias,
        Source::GenePrevious,
        Source::GeneWithdrawn,
        Source::GeneName,
        Source::MeshDescriptor,
        Source::MeshSupplementary,
        Source::Species,
        Source::NotGene,
        Source::GeneMeshName,
    ];

    pub fn from_u8(b: u8) -> Option<Source> {
        Source::ALL.get(b as usize).copied()
    }
}

/// The entry must match the text's case exactly (see [`is_acronym`]; gene symbols are checked
/// case by case by the recogniser instead).
pub const FLAG_EXACT_CASE: u8 = 1;

/// The entry's spelling was generated from the dictionary's (`IL-6` from `IL6`), not written
/// in the dictionary itself.
pub const FLAG_GENERATED_SPELLING: u8 = 2;

/// A MeSH entry's record is a disease (trees C, F03) ...
pub const FLAG_DISEASE: u8 = 4;
/// ... or a protein, nucleic acid or pharmacological class, which is not reported; otherwise a
/// chemical.
pub const FLAG_NOT_REPORTED: u8 = 8;

/// Gene facts (see build.rs `write_gene_facts`): status byte values...
pub const GENE_APPROVED: u8 = 0;
pub const GENE_WITHDRAWN: u8 = 1;
pub const GENE_ENTRY_WITHDRAWN: u8 = 2;
/// ... and flag bits.
pub const GENE_PROTEIN_CODING: u8 = 1;
pub const GENE_PHENOTYPE_ONLY: u8 = 2;
pub const GENE_MITOCHONDRIAL: u8 = 4;

/// The trie's value for a term: its index in the entry tables, shifted left by one, with the
/// low bit set when some entry of the term [`Entry::may_match_lowercase`].
pub fn term_value(index: usize, matches_lowercase: bool) -> u32 {
    (index as u32) << 1 | u32::from(matches_lowercase)
}

/// The index in the entry tables of the term whose trie value is `value` ([`term_value`]).
pub fn term_index(value: u32) -> usize {
    (value >> 1) as usize
}

/// Whether the term whose trie value is `value` has an entry that may match lower-case text.
pub fn term_matches_lowercase(value: u32) -> bool {
    value & 1 != 0
}

/// The spelling stored at `offset` of a forms table: a length byte, then the bytes.
pub fn form_at(forms: &[u8], offset: u32) -> &str {
    let at = offset as usize;
    let length = forms[at] as usize;
    std::str::from_utf8(&forms[at + 1..at + 1 + length]).unwrap_or("")
}

/// Size in bytes of one encoded entry: source, flags, two spare bytes, record, form.
pub const ENTRY_SIZE: usize = 12;

/// One thing a folded term stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Entry {
    pub source: Source,
    pub flags: u8,
    /// Row of the source table (0 = first row after the header).
    pub record: u32,
    /// Offset of the spelling this entry was made from in the forms table.
    pub form: u32,
}

impl Entry {
    pub fn encode(&self, out: &mut Vec<u8>) {
        out.push(self.source as u8);
        out.push(self.flags);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(&self.record.to_le_bytes());
        out.extend_from_slice(&self.form.to_le_bytes());
    }

    /// Whether the entry is a gene symbol (matched by the rules for symbols) rather than a name;
    /// `form` is its spelling.
    pub fn is_symbol(&self, form: &str) -> bool {
        match self.source {
            Source::GeneSymbol
            | Source::GeneAlias
            | Source::GenePrevious
            | Source::GeneWithdrawn => true,
            Source::GeneMeshName => {
                !form.contains(' ')
                    && form.chars().any(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            }
            _ => false,
        }
    }

    /// Whether the entry may match text written without capitals or digits (`was`, `patients`):
    /// a name that matches in any case, or a spelling without capitals. A symbol or an acronym
    /// spelt with capitals (`WAS`, `AIDS`) matches such text in no case, so the matcher skips
    /// terms none of whose entries may (see [`term_value`]).
    pub fn may_match_lowercase(&self, form: &str) -> bool {
        (self.flags & FLAG_EXACT_CASE == 0 && !self.is_symbol(form))
            || !form.bytes().any(|b| b.is_ascii_uppercase())
    }

    /// Decodes the entry at `bytes[..ENTRY_SIZE]`, written by [`Entry::encode`].
    pub fn decode(bytes: &[u8]) -> Entry {
        let u32_at =
            |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        Entry {
            source: Source::from_u8(bytes[0]).expect("entry table written by build.rs"),
            flags: bytes[1],
            record: u32_at(4),
            form: u32_at(8),
        }
    }
}

/// Reads the little-endian `u32` at index `i` of a table of `u32`s.
pub fn u32_at(table: &[u8], i: usize) -> u32 {
    let b = &table[i * 4..i * 4 + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_unifies_case_hyphens_spaces_and_greek() {
        assert_eq!(fold("TNF-α"), "tnf alpha");
        assert_eq!(fold("TNF-alpha"), "tnf alpha");
        assert_eq!(fold("  Leigh\n   Syndrome "), "leigh syndrome");
        assert_eq!(fold("Parkinson’s disease"), "parkinson's disease");
        assert_eq!(surface("IL-1β"), "IL 1beta");
        assert!(same_surface("IL-1β", "IL 1beta"));
        assert!(same_surface("PINK1", "PINK1"));
        assert!(!same_surface("Pink1", "PINK1"));
    }

    #[test]
    fn same_surface_is_equality_of_surface_forms() {
        let forms = [
            "TIM-3",
            "TIM 3",
            "TIM3",
            "TIM--3",
            " TIM\t3 ",
            "Tim-3",
            "IL-1\u{b}beta",
            "IL 1beta",
            "IL-1β",
            "-",
            "",
            " ",
            "a-b-c",
            "a b  c",
            "ab c",
            "x'.y",
            "x'. y",
        ];
        for a in forms {
            for b in forms {
                assert_eq!(same_surface(a, b), surface(a) == surface(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn symbol_spellings_cover_hyphens_and_greek_letters() {
        assert_eq!(symbol_spellings("IL6"), ["IL6", "IL-6"]);
        assert_eq!(symbol_spellings("IL-6"), ["IL-6", "IL6"]);
        let tgf = symbol_spellings("TGFB1");
        assert!(tgf.contains(&"TGF-beta1".to_owned()));
        assert!(tgf.contains(&"TGFbeta 1".to_owned()));
        let il1b = symbol_spellings("IL1B");
        assert!(il1b.contains(&"IL-1beta".to_owned()), "{il1b:?}");
        assert!(symbol_spellings("HIF1A").contains(&"HIF-1alpha".to_owned()));
        assert!(symbol_spellings("TNFA").contains(&"TNF-a".to_owned()));
        assert!(tgf.contains(&"TGF-b1".to_owned()));
        assert_eq!(symbol_spellings("C3"), ["C3"]);
        assert_eq!(symbol_spellings("HLA-A"), ["HLA-A", "HLAA"]);
    }

    #[test]
    fn mesh_terms_are_also_found_as_authors_write_them() {
        let s = mesh_spellings("Prostate Neoplasms", true);
        for expected in
            ["Prostate Neoplasm", "Prostate Cancer", "Prostate Tumors", "Prostate Tumours"]
        {
            assert!(s.contains(&expected.to_owned()), "{expected} in {s:?}");
        }
        assert_eq!(mesh_spellings("Leigh Disease", true), ["Leigh Disease"]);
        assert_eq!(mesh_spellings("Paraneoplasms", true), ["Paraneoplasms", "Paraneoplasm"]);
        assert_eq!(mesh_spellings("Gentamicins", false), ["Gentamicins", "Gentamicin"]);
        assert_eq!(mesh_spellings("Glutamic Acid", false), ["Glutamic Acid", "Glutamate"]);
        assert_eq!(mesh_spellings("Diabetes Mellitus", true), ["Diabetes Mellitus"]);
        assert_eq!(mesh_spellings("Iron Deficiency Anemia", true)[1], "Iron Deficiency Anaemia");
        assert_eq!(mesh_spellings("AIDS", true), ["AIDS"]);
        assert_eq!(mesh_spellings("Rabies", true), ["Rabies"]);
    }

    #[test]
    fn acronyms_need_two_capitals_and_no_lower_case() {
        assert!(is_acronym("AIDS"));
        assert!(is_acronym("NIDDM"));
        assert!(!is_acronym("Leigh Disease"));
        assert!(!is_acronym("mRNA"));
        assert!(!is_acronym("A"));
    }

    #[test]
    fn entries_round_trip() {
        let e = Entry { source: Source::Species, flags: FLAG_EXACT_CASE, record: 70_000, form: 9 };
        let mut bytes = Vec::new();
        e.encode(&mut bytes);
        assert_eq!(bytes.len(), ENTRY_SIZE);
        assert_eq!(Entry::decode(&bytes), e);
    }
}
