//! Which bytes of a document are prose.
//!
//! Recognisers must only look at the words an author wrote for a reader: a gene symbol inside a
//! code block, a math formula, a URL, a citation key or a LaTeX command name is not a claim about
//! nomenclature, and reporting it would only be noise. Each format module (`markdown`, `latex`,
//! `plain`) walks its own syntax and reports the prose as byte ranges of the original text, so
//! diagnostics point at the source exactly. A shared pass then cuts URLs, e-mail addresses and
//! DOIs (and Pandoc citation keys in Markdown) out of the prose, whatever the format, because
//! they are identifiers, not words.
//!
//! Besides the prose itself, the scan records facts that rules need about *where* the prose is:
//! italics (gene symbols are italicised), the reference list (titles of other papers are quoted
//! verbatim and must not be "corrected"), comments (they carry `biolint-disable` directives) and
//! tables and lists (terse cells where some rules are relaxed).

mod kind;
mod latex;
mod markdown;
mod plain;
mod reading;
mod references;

pub use kind::DocumentKind;
pub use reading::Reading;

use std::ops::Range;

/// One run of prose bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProseRange {
    pub range: Range<usize>,
    /// True when the bytes between the previous prose range and this one are only formatting or
    /// line-wrapping inside the same paragraph/block (emphasis markers, a soft line break and its
    /// indentation, `\emph{`, `}`), so a multi-word term may continue across the gap
    /// ("*Leigh*\n  syndrome"). False after a block boundary or after skipped content (code,
    /// math, a URL, a citation).
    pub joins_previous: bool,
    /// True when the gap is formatting inside a word that a reader does not see (`*Nxf*2`,
    /// `\uline{M}id1`, `Ca\textsuperscript{2+}`): the two runs read as one word. (It then
    /// joins, too.)
    pub glued: bool,
}

/// The prose of a document and the places that rules treat specially.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prose {
    /// Sorted, non-overlapping, non-empty; every range starts and ends on a char boundary.
    pub ranges: Vec<ProseRange>,
    /// Italic/emphasised text (Markdown `*x*`/`_x_`, LaTeX `\emph{}`, `\textit{}`, `\it`... best
    /// effort): byte ranges of the emphasised content.
    pub italic: Vec<Range<usize>>,
    /// The reference list / bibliography: a Markdown "References"-like section up to the next
    /// heading of its level, the rest of a plain-text document after a "References" line, a
    /// LaTeX `thebibliography` (or from a `\bibitem` to the end of its environment). Its text is
    /// still prose (other papers' titles are quoted verbatim); this only marks it.
    pub references: Vec<Range<usize>>,
    /// Comments, whole, delimiters included: Markdown/HTML `<!-- ... -->` (block or inline
    /// HTML), LaTeX `% ...` to the end of the line (not `\%`). Plain text has none.
    pub comments: Vec<Range<usize>>,
    /// Tables and lists: byte ranges of each outermost table or list block (Markdown tables and
    /// lists; LaTeX tabular-like, `table`, `itemize`, `enumerate` and `description`
    /// environments; plain-text runs of tab-separated rows and of list items).
    pub tables: Vec<Range<usize>>,
    /// Abbreviations the markup itself defines, as (short form, long form) byte ranges: LaTeX's
    /// `\newacronym`, `\newabbreviation`, `\acro`, `\acrodef`, wherever they stand (the preamble
    /// too), outside comments.
    pub definitions: Vec<(Range<usize>, Range<usize>)>,
}

/// What a container format says about the text read out of it that the text itself cannot: a
/// Word file's italics and citation fields, a JATS file's `<italic>`, `<xref>` and
/// `<ref-list>`. Byte ranges of the text, sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Structure {
    /// Text a reader sees that is not prose: the citation a field or an `<xref>` displays.
    pub not_prose: Vec<Range<usize>>,
    pub italic: Vec<Range<usize>>,
    /// The reference list (a bibliography field, `<ref-list>`).
    pub references: Vec<Range<usize>>,
    /// Tables.
    pub tables: Vec<Range<usize>>,
    /// Each line of the text is a paragraph of its own (the container's paragraphs, written a
    /// line each, so that a position's line is its paragraph): no term runs on from one line
    /// to the next, as it would across the wrapped lines of a plain-text paragraph.
    pub lines_are_paragraphs: bool,
    /// The container marks its reference list itself (JATS `<ref-list>`): a line that reads
    /// "References" does not start one, as it does in plain text.
    pub marks_references: bool,
}

/// Finds the prose of `text`. Pure, never panics, roughly linear in the length of the text.
pub fn prose(text: &str, kind: DocumentKind) -> Prose {
    prose_with(text, kind, &Structure::default())
}

/// The prose of `text`, read as `kind`, with what `structure` adds.
pub fn prose_with(text: &str, kind: DocumentKind, structure: &Structure) -> Prose {
    let mut prose = match kind {
        DocumentKind::Markdown => markdown::prose(text),
        DocumentKind::Latex => latex::prose(text),
        DocumentKind::Plain => plain::prose(text),
    };
    if structure.lines_are_paragraphs {
        let mut previous_end = 0;
        for range in &mut prose.ranges {
            if text.as_bytes()[previous_end..range.range.start].contains(&b'\n') {
                (range.joins_previous, range.glued) = (false, false);
            }
            previous_end = range.range.end;
        }
    }
    if !structure.not_prose.is_empty() {
        prose.ranges = cut_out(&prose.ranges, &structure.not_prose);
    }
    prose.ranges = remove_identifiers(text, &prose.ranges, kind == DocumentKind::Markdown);
    if structure.marks_references {
        prose.references.clear();
    }
    for (ours, theirs) in [
        (&mut prose.italic, &structure.italic),
        (&mut prose.references, &structure.references),
        (&mut prose.tables, &structure.tables),
    ] {
        if !theirs.is_empty() {
            *ours = union(ours, theirs);
        }
    }
    prose
}

/// `ranges` less `cuts` (sorted); the piece after a cut does not join what came before it.
fn cut_out(ranges: &[ProseRange], cuts: &[Range<usize>]) -> Vec<ProseRange> {
    let mut out = Vec::with_capacity(ranges.len());
    let mut cuts = cuts.iter().filter(|c| !c.is_empty()).peekable();
    for prose_range in ranges {
        let (mut start, end) = (prose_range.range.start, prose_range.range.end);
        // Whether nothing was cut between the last piece and this one.
        let mut uncut = true;
        let piece = |range: Range<usize>, uncut: bool| ProseRange {
            range,
            joins_previous: prose_range.joins_previous && uncut,
            glued: prose_range.glued && uncut,
        };
        while let Some(cut) = cuts.peek() {
            if cut.start >= end {
                break;
            }
            if cut.start > start {
                out.push(piece(start..cut.start, uncut));
            }
            uncut = false;
            start = start.max(cut.end);
            if cut.end >= end {
                // Kept for the next range: it separates that one from this one.
                break;
            }
            cuts.next();
        }
        if start < end {
            out.push(piece(start..end, uncut));
        }
    }
    out
}

/// The union of two sorted lists of ranges, sorted, overlapping ranges merged.
fn union(a: &[Range<usize>], b: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut all: Vec<Range<usize>> = a.iter().chain(b).cloned().collect();
    all.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for range in all {
        match merged.last_mut() {
            Some(last) if range.start < last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// Collects prose ranges in document order and works out `joins_previous`.
///
/// The format scanners report every run of text they consider prose and call [`boundary`]
/// whenever something that breaks a multi-word term (a new block, skipped content) lies between
/// runs. Whitespace is trimmed off runs, whitespace-only runs are dropped, and runs that touch
/// within one block are merged.
///
/// [`boundary`]: ProseBuilder::boundary
struct ProseBuilder<'a> {
    text: &'a str,
    ranges: Vec<ProseRange>,
    /// Whether the next run continues the block of the previous one.
    joinable: bool,
    /// The untrimmed end of the last run, to merge runs that touch.
    last_run_end: Option<usize>,
    /// Whether the text is LaTeX, where `~` is a (non-breaking) space and `\'` an accent; in
    /// Markdown `~` is Pandoc's subscript or strikethrough, and `\'` a quote.
    latex: bool,
    /// Whether the last run is a superscript or subscript.
    in_script: bool,
}

impl<'a> ProseBuilder<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            ranges: Vec::new(),
            joinable: false,
            last_run_end: None,
            latex: false,
            in_script: false,
        }
    }

    /// A builder for LaTeX, where `~` is a non-breaking space.
    fn latex(text: &'a str) -> Self {
        Self { latex: true, ..Self::new(text) }
    }

    /// Adds a run of prose. Runs must be added in document order.
    fn push(&mut self, run: Range<usize>) {
        let touches_last = self.joinable && self.last_run_end == Some(run.start);
        self.last_run_end = Some(run.end);
        let Some(range) = trim_range(self.text, run) else {
            return;
        };
        if let Some(last) = self.ranges.last_mut() {
            if range.start < last.range.end {
                // The scanners report runs in source order; this keeps the ranges sorted and
                // disjoint even if a parser ever did not.
                return;
            }
            if touches_last {
                last.range.end = range.end;
                return;
            }
        }
        // Markup inside a word (`*Nxf*2`, `\uline{M}id1`, `Ca\textsuperscript{2+}`) is
        // formatting a reader does not see: the two runs read as one word (`glued`). Markup
        // there that a reader does see (`\_`, `<br>`), or a superscript that is no part of the
        // word (`Pten^pc1`), separates them: nothing is read across it. (Runs are trimmed of
        // whitespace; a non-breaking space, LaTeX's `~` or `\,` or HTML's `&nbsp;`, is a
        // space between words.)
        let gap = self.ranges.last().map(|last| &self.text[last.range.end..range.start]);
        let inside_a_word = gap.is_some_and(|gap| {
            let continues_a_word = self.text[range.start..].chars().next().is_some_and(|c| {
                c.is_alphanumeric() || matches!(c, '+' | '-' | '\u{2212}' | '\u{2013}')
            });
            let spaced = gap.contains(|c: char| c.is_whitespace() || (self.latex && c == '~'))
                || gap.contains("&nbsp;")
                || gap.contains("\\,");
            gap.as_bytes().last().is_some_and(|b| !b.is_ascii_whitespace())
                && continues_a_word
                && !spaced
        });
        let glued = self.joinable
            && inside_a_word
            && gap.is_some_and(|gap| self.is_formatting(gap, &self.text[range.clone()]));
        let joins_previous =
            self.joinable && self.ranges.last().is_some() && (!inside_a_word || glued);
        self.in_script = gap.is_some_and(|gap| self.opens_script(gap).is_some());
        self.ranges.push(ProseRange { range, joins_previous, glued });
        self.joinable = true;
    }

    /// Whether `gap`, markup inside a word before the run `next`, is formatting that a reader
    /// does not see: emphasis, an accent, a discretionary hyphen, the delimiters of a
    /// superscript or subscript that is part of the word (a charge or a count: `Ca^2+^`,
    /// `CO~2~`; an allele, `Pten^pc1^`, is not). Marks that print something (`\_`, `&amp;`,
    /// `<br>`) are not.
    fn is_formatting(&self, gap: &str, next: &str) -> bool {
        let bytes = gap.as_bytes();
        let prints = bytes.iter().enumerate().any(|(i, &b)| match b {
            // LaTeX's control symbols print their character, but for accents, `\-` and `\/`;
            // every Markdown escape prints its character.
            b'\\' => bytes.get(i + 1).is_some_and(|&next| {
                let formats =
                    next.is_ascii_alphabetic() || (self.latex && b"'`^\"~=.-/".contains(&next));
                !formats
            }),
            b'&' => true,
            b'<' => !is_inline_formatting_tag(&gap[i..]),
            _ => false,
        });
        if prints {
            return false;
        }
        self.opens_script(gap).is_none_or(|script| script.is_part_of_the_word(next))
    }

    /// The superscript or subscript that `gap`, before a run, opens, if it opens one.
    fn opens_script(&self, gap: &str) -> Option<Script> {
        // Every opener ends the gap: `\textsuperscript{`, `<sub>`, `^`.
        if !gap.ends_with(['{', '>', '^', '~']) {
            return None;
        }
        // Pandoc's `^2+^` and `~2~`: the second mark closes what the first opened.
        if !self.latex && !self.in_script {
            if gap.ends_with('^') {
                return Some(Script::Superscript);
            }
            if gap.ends_with('~') {
                return Some(Script::Subscript);
            }
        }
        let contains = |needle: &[u8]| {
            gap.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
        };
        if contains(b"\\textsuperscript") || contains(b"<sup") {
            Some(Script::Superscript)
        } else if contains(b"\\textsubscript") || contains(b"<sub") {
            Some(Script::Subscript)
        } else {
            None
        }
    }

    /// The next run starts a new block or follows skipped content.
    fn boundary(&mut self) {
        self.joinable = false;
    }

    fn finish(self) -> Vec<ProseRange> {
        self.ranges
    }
}

/// Whether `tag`, which starts with `<`, opens with an HTML tag that only formats inline text
/// (`<i>`, `</sup>`, `<span class="x">`).
pub(super) fn is_inline_formatting_tag(tag: &str) -> bool {
    let name = tag[1..].trim_start_matches('/');
    let name_end = name.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(name.len());
    let name = name[..name_end].to_ascii_lowercase();
    matches!(
        name.as_str(),
        "i" | "em" | "b" | "strong" | "u" | "sup" | "sub" | "span" | "small" | "mark" | "s" | "ins"
    )
}

#[derive(Clone, Copy)]
enum Script {
    Superscript,
    Subscript,
}

impl Script {
    /// Whether `text`, the content of this script right after a word, is part of the word: a
    /// charge (`Ca^2+^`, `Cl^-^`) or, in a subscript, a count (`CO~2~`, `IC~50~`). A number in a
    /// superscript is a citation, a footnote or an exponent (`PD^1^`), and letters are an
    /// allele (`Pten^pc1^`): not part of the word.
    fn is_part_of_the_word(self, text: &str) -> bool {
        let digits = text.trim_end_matches(['+', '-', '\u{2212}']);
        let signs = text.len() - digits.len();
        let charge_or_count = match self {
            Script::Superscript => signs > 0,
            Script::Subscript => !digits.is_empty() || signs > 0,
        };
        charge_or_count
            && digits.len() <= 3
            && digits.bytes().all(|b| b.is_ascii_digit())
            && signs <= '\u{2212}'.len_utf8()
    }
}

/// `range` without leading and trailing ASCII whitespace, moved inward onto char boundaries and
/// clamped to the text; `None` when nothing is left.
fn trim_range(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut start = range.start.min(text.len());
    let mut end = range.end.min(text.len());
    while start < end && (bytes[start].is_ascii_whitespace() || !text.is_char_boundary(start)) {
        start += 1;
    }
    while end > start && (bytes[end - 1].is_ascii_whitespace() || !text.is_char_boundary(end)) {
        end -= 1;
    }
    (start < end).then_some(start..end)
}

/// Cuts URLs, e-mail addresses and DOIs (and, in Markdown, Pandoc citations such as
/// `[@smith2020]`) out of the prose ranges. The piece after a cut does not join what came
/// before it.
///
/// This looks at every byte of the prose, so the bytes that cannot start an identifier
/// ([`IDENTIFIER_START`]) are passed over by a table lookup each.
fn remove_identifiers(
    text: &str,
    ranges: &[ProseRange],
    pandoc_citations: bool,
) -> Vec<ProseRange> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(ranges.len());
    // Identifiers can run on past the end of a prose range (over `\_` or `~` in LaTeX, say);
    // everything before `cut_until` is part of the last identifier found.
    let mut cut_until = 0;
    let mut previous_cut = false;
    for prose_range in ranges {
        let Range { start, end } = prose_range.range;
        let mut piece_start = start.max(cut_until);
        let mut joins = prose_range.joins_previous && !previous_cut && piece_start == start;
        previous_cut = piece_start > start;
        let mut position = piece_start;
        while position < end {
            // Fast path: only a few ASCII bytes can start an identifier, so every other byte (the
            // inner bytes of multi-byte characters too) is passed over without a call.
            while position < end && !IDENTIFIER_START[usize::from(bytes[position])] {
                position += 1;
            }
            if position == end {
                break;
            }
            let Some(cut) = identifier_at(text, position, piece_start, pandoc_citations) else {
                position += 1;
                continue;
            };
            if cut.start > piece_start {
                out.push(ProseRange {
                    range: piece_start..cut.start,
                    joins_previous: joins,
                    glued: joins && prose_range.glued,
                });
            }
            joins = false;
            cut_until = cut.end;
            piece_start = cut.end.min(end);
            position = cut.end;
            previous_cut = cut.end >= end;
        }
        if let Some(range) = trim_range(text, piece_start..end) {
            previous_cut = false;
            out.push(ProseRange {
                range,
                joins_previous: joins,
                glued: joins && prose_range.glued,
            });
        }
    }
    // Trimming after cuts can only shrink pieces, so they stay sorted and disjoint.
    out.retain_mut(|prose_range| match trim_range(text, prose_range.range.clone()) {
        Some(range) => {
            prose_range.range = range;
            true
        }
        None => false,
    });
    out
}

/// The first bytes that [`identifier_at`] can cut at: `[`, `@`, and the first characters of
/// `http`, `ftp`, `www.`, `doi` and `10.` (all ASCII, so always the start of a character).
const IDENTIFIER_START: [bool; 256] = {
    let mut table = [false; 256];
    let starts = b"[@hHfFwWdD1";
    let mut i = 0;
    while i < starts.len() {
        table[starts[i] as usize] = true;
        i += 1;
    }
    table
};

/// An identifier (URL, e-mail address, DOI, Pandoc citation) starting at `position`, as the
/// byte range to cut. `floor` is the start of the prose piece; an e-mail's local part does not
/// reach before it.
fn identifier_at(
    text: &str,
    position: usize,
    floor: usize,
    pandoc_citations: bool,
) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let at_word_start = position == 0 || !bytes[position - 1].is_ascii_alphanumeric();
    match bytes[position] {
        b'[' if pandoc_citations => citation_group_at(text, position),
        b'@' => email_at(text, position, floor).or_else(|| {
            (pandoc_citations && at_word_start).then(|| citation_at(text, position)).flatten()
        }),
        b'h' | b'H' | b'f' | b'F' | b'w' | b'W' if at_word_start => url_at(text, position),
        b'd' | b'D' if at_word_start => doi_prefix_at(text, position),
        b'1' if at_word_start => bare_doi_at(text, position),
        _ => None,
    }
}

fn starts_with_ignore_case(text: &str, position: usize, prefix: &str) -> bool {
    text.as_bytes()
        .get(position..position + prefix.len())
        .is_some_and(|candidate| candidate.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// `http://`, `https://`, `ftp://` or `www.` URLs, and bare `doi.org/` links.
fn url_at(text: &str, position: usize) -> Option<Range<usize>> {
    const PREFIXES: [&str; 6] =
        ["https://", "http://", "ftp://", "www.", "doi.org/", "dx.doi.org/"];
    let prefix = PREFIXES.iter().find(|prefix| starts_with_ignore_case(text, position, prefix))?;
    let end = identifier_end(text, position + prefix.len());
    (end > position + prefix.len()).then_some(position..end)
}

/// `doi:10.1038/...` or `DOI: 10.1038/...`, prefix included.
fn doi_prefix_at(text: &str, position: usize) -> Option<Range<usize>> {
    if starts_with_ignore_case(text, position, "doi.org/")
        || starts_with_ignore_case(text, position, "dx.doi.org/")
    {
        return url_at(text, position);
    }
    if !starts_with_ignore_case(text, position, "doi:") {
        return None;
    }
    let bytes = text.as_bytes();
    let mut doi_start = position + 4;
    while bytes.get(doi_start).is_some_and(|&b| b == b' ' || b == b'\t') {
        doi_start += 1;
    }
    let doi = bare_doi_at(text, doi_start)?;
    Some(position..doi.end)
}

/// `10.NNNN/suffix`: a registrant code of 4 to 9 digits, a slash and a non-empty suffix.
fn bare_doi_at(text: &str, position: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    if !starts_with_ignore_case(text, position, "10.") {
        return None;
    }
    let digits_start = position + 3;
    let digits = bytes[digits_start..].iter().take_while(|b| b.is_ascii_digit()).count();
    let slash = digits_start + digits;
    if !(4..=9).contains(&digits) || bytes.get(slash) != Some(&b'/') {
        return None;
    }
    let end = identifier_end(text, slash + 1);
    (end > slash + 1).then_some(position..end)
}

/// The end of a URL or DOI whose body starts at `position`: the first whitespace, quote or
/// angle bracket, a closing bracket that does not close one opened inside the identifier, a
/// brace, a table pipe or a math sign; trailing punctuation is left out. (A LaTeX comment after
/// a URL is swallowed up to the line end, which is harmless: a comment is not prose.)
fn identifier_end(text: &str, position: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = position;
    let mut open_parens = 0usize;
    let mut open_brackets = 0usize;
    while let Some(&byte) = bytes.get(end) {
        match byte {
            b'(' => open_parens += 1,
            b'[' => open_brackets += 1,
            b')' if open_parens > 0 => open_parens -= 1,
            b']' if open_brackets > 0 => open_brackets -= 1,
            b')' | b']' | b'{' | b'}' | b'<' | b'>' | b'"' | b'`' | b'$' | b'|' => break,
            byte if byte.is_ascii_whitespace() => break,
            _ => {}
        }
        end += 1;
    }
    while end > position
        && matches!(
            bytes[end - 1],
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'*' | b'_' | b'~' | b'\\'
        )
    {
        end -= 1;
    }
    while end > position && !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// An e-mail address whose `@` is at `at`.
fn email_at(text: &str, at: usize, floor: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let is_local =
        |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
    let mut start = at;
    while start > floor && is_local(bytes[start - 1]) {
        start -= 1;
    }
    while start < at && bytes[start] == b'.' {
        start += 1;
    }
    if start == at {
        return None;
    }
    let domain_len = bytes[at + 1..]
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        .count();
    let domain = text[at + 1..at + 1 + domain_len].trim_end_matches(['.', '-']);
    let (name, top_level) = domain.rsplit_once('.')?;
    let valid = !name.is_empty()
        && !name.starts_with(['.', '-'])
        && top_level.len() >= 2
        && top_level.bytes().all(|b| b.is_ascii_alphabetic());
    valid.then(|| start..at + 1 + domain.len())
}

/// A bracketed Pandoc citation (`[@smith2020; see @doe2019, p. 3]`) whose `[` is at `open`:
/// one line, no nested brackets, at least one citation key.
fn citation_group_at(text: &str, open: usize) -> Option<Range<usize>> {
    let content_start = open + 1;
    let length = text[content_start..].find(['[', ']', '\n'])?;
    let close = content_start + length;
    if text.as_bytes()[close] != b']' {
        return None;
    }
    let content = &text[content_start..close];
    let has_key = content.match_indices('@').any(|(at, _)| {
        let before = content[..at].bytes().next_back();
        let after = content[at + 1..].bytes().next();
        matches!(before, None | Some(b' ' | b';' | b'-'))
            && after.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
    });
    has_key.then_some(open..close + 1)
}

/// A Pandoc citation or cross-reference key (`@smith2020`, `@fig-plot`, bookdown's
/// `@ref(fig:plot)`) whose `@` is at `at`.
fn citation_at(text: &str, at: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let first = *bytes.get(at + 1)?;
    if !(first.is_ascii_alphanumeric() || first == b'_') {
        return None;
    }
    let is_key = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let is_inner = |b: u8| b":.#$%&-+?<>~/".contains(&b);
    let mut end = at + 2;
    loop {
        match bytes.get(end) {
            Some(&b) if is_key(b) => end += 1,
            // Punctuation belongs to the key only when a key character follows it.
            Some(&b) if is_inner(b) && bytes.get(end + 1).is_some_and(|&next| is_key(next)) => {
                end += 2
            }
            _ => break,
        }
    }
    if &text[at + 1..end] == "ref"
        && bytes.get(end) == Some(&b'(')
        && let Some(close) = text[end..].find([')', '\n'])
        && bytes[end + close] == b')'
    {
        end += close + 1;
    }
    Some(at..end)
}

/// What the format tests compare: the prose a document yields.
#[cfg(test)]
pub(crate) mod test_support {
    use super::{DocumentKind, prose};

    pub fn texts(text: &str, kind: DocumentKind) -> Vec<&str> {
        prose(text, kind).ranges.iter().map(|r| &text[r.range.clone()]).collect()
    }

    pub fn texts_and_joins(text: &str, kind: DocumentKind) -> Vec<(&str, bool)> {
        prose(text, kind)
            .ranges
            .iter()
            .map(|r| (&text[r.range.clone()], r.joins_previous))
            .collect()
    }

    /// Each prose range with whether it is glued to the one before (read as one word).
    pub fn texts_and_glue(text: &str, kind: DocumentKind) -> Vec<(&str, bool)> {
        prose(text, kind).ranges.iter().map(|r| (&text[r.range.clone()], r.glued)).collect()
    }

    pub fn slices<'t>(text: &'t str, ranges: &[std::ops::Range<usize>]) -> Vec<&'t str> {
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn structure_cuts_what_is_not_prose_and_adds_italics() {
        let text = "PARK2 (Smith 2020) and CX43.\n\nNext paragraph.";
        let citation = text.find('(').unwrap()..text.find(')').unwrap() + 1;
        let cx43 = text.find("CX43").unwrap();
        let structure = Structure {
            not_prose: vec![citation],
            italic: std::iter::once(cx43..cx43 + 4).collect(),
            references: vec![],
            tables: vec![],
            lines_are_paragraphs: false,
            marks_references: false,
        };
        let prose = prose_with(text, DocumentKind::Plain, &structure);
        let pieces: Vec<(&str, bool)> =
            prose.ranges.iter().map(|r| (&text[r.range.clone()], r.joins_previous)).collect();
        assert_eq!(pieces, [("PARK2", false), ("and CX43.", false), ("Next paragraph.", false)]);
        assert_eq!(prose.italic, std::iter::once(cx43..cx43 + 4).collect::<Vec<_>>());
    }

    #[test]
    fn a_cut_at_the_end_of_a_range_separates_it_from_the_next() {
        let ranges = [
            ProseRange { range: 0..10, joins_previous: false, glued: false },
            ProseRange { range: 12..20, joins_previous: true, glued: false },
            ProseRange { range: 20..30, joins_previous: true, glued: true },
        ];
        let cut = cut_out(&ranges, &[5..10, 22..24]);
        let flags: Vec<_> =
            cut.iter().map(|r| (r.range.clone(), r.joins_previous, r.glued)).collect();
        assert_eq!(
            flags,
            [
                (0..5, false, false),
                (12..20, false, false),
                (20..22, true, true),
                (24..30, false, false)
            ]
        );
    }

    use super::*;

    fn prose_texts(text: &str, kind: DocumentKind) -> Vec<&str> {
        prose(text, kind).ranges.iter().map(|r| &text[r.range.clone()]).collect()
    }

    #[test]
    fn urls_are_cut_out_of_prose() {
        let text =
            "See https://example.org/PINK1_(gene). for PINK1 and www.ncbi.nlm.nih.gov/gene now";
        assert_eq!(prose_texts(text, DocumentKind::Plain), ["See", ". for PINK1 and", "now"]);
        let text = "Mirror at ftp://ftp.x.org/p%20b, HTTP://X.ORG and (http://y.org/a) too";
        assert_eq!(prose_texts(text, DocumentKind::Plain), ["Mirror at", ",", "and (", ") too"]);
    }

    #[test]
    fn piece_after_a_cut_does_not_join() {
        let ranges = prose("PINK1 www.x.org/a PARK2\nmore", DocumentKind::Plain).ranges;
        let joins: Vec<bool> = ranges.iter().map(|r| r.joins_previous).collect();
        assert_eq!(joins, [false, false, true]);
        let ranges = prose("text www.x.org\nsyndrome", DocumentKind::Plain).ranges;
        assert_eq!(ranges.len(), 2);
        assert!(!ranges[1].joins_previous, "{ranges:?}");
        let ranges = prose("Leigh\nsyndrome www.x.org", DocumentKind::Plain).ranges;
        assert!(ranges[1].joins_previous);
    }

    #[test]
    fn emails_are_cut_out_of_prose() {
        let text = "Contact jane.doe+lab@uni-x.ac.uk. Or @PINK1 at a@b or x@y.z9";
        assert_eq!(
            prose_texts(text, DocumentKind::Plain),
            ["Contact", ". Or @PINK1 at a@b or x@y.z9"]
        );
    }

    #[test]
    fn dois_are_cut_out_of_prose() {
        assert!(prose_texts("doi:10.1038/gim.2017.107", DocumentKind::Plain).is_empty());
        assert!(prose_texts("DOI: 10.1038/gim.2017.107.", DocumentKind::Plain) == ["."]);
        assert_eq!(
            prose_texts(
                "Smith (2020) 10.1093/nar/gkaa1100; see doi.org/10.1/x and 10.12/x",
                DocumentKind::Plain
            ),
            ["Smith (2020)", "; see", "and 10.12/x"]
        );
        // Not DOIs: a decimal and a version number.
        assert_eq!(
            prose_texts("pH 10.5 and v10.12345", DocumentKind::Plain),
            ["pH 10.5 and v10.12345"]
        );
    }

    #[test]
    fn pandoc_citations_are_cut_only_in_markdown() {
        let text = "PINK1 [@smith2020; @doe:2019, p. 3] and @fig-plot or \\@ref(fig:a) x";
        assert_eq!(prose_texts(text, DocumentKind::Markdown), ["PINK1", "and", "or", "x"]);
        assert_eq!(prose_texts("see @smith2020", DocumentKind::Plain), ["see @smith2020"]);
        // Brackets without a citation key stay prose.
        assert_eq!(
            prose_texts("a [b@c.org] [n = 3] [@] d", DocumentKind::Markdown),
            ["a [", "] [n = 3] [@] d"]
        );
    }

    #[test]
    fn identifier_can_cover_several_latex_ranges() {
        let text = "\\begin{document}Go to www.x.org/~user/a\\_b now.\\end{document}";
        assert_eq!(prose_texts(text, DocumentKind::Latex), ["Go to", "now."]);
    }

    #[test]
    fn trim_range_respects_char_boundaries() {
        let text = " αβ ";
        assert_eq!(trim_range(text, 0..text.len()), Some(1..5));
        assert_eq!(trim_range(text, 2..5), Some(3..5));
        assert_eq!(trim_range(text, 2..3), None);
        assert_eq!(trim_range(text, 4..100), None);
    }

    /// A small deterministic xorshift generator, so the garbage below is reproducible.
    struct Garbage(u64);

    impl Garbage {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, bound: usize) -> usize {
            (self.next() % bound as u64) as usize
        }
    }

    const PIECES: &[&str] = &[
        "a",
        "PINK1",
        " ",
        "  ",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "α",
        "🧬",
        "é",
        "\\",
        "\\é",
        "\\🧬",
        "{",
        "}",
        "[",
        "]",
        "(",
        ")",
        "$",
        "$$",
        "%",
        "\\%",
        "~",
        "&",
        "&amp;",
        "*",
        "**",
        "_",
        "`",
        "```",
        "```{r}\n",
        "#",
        "## ",
        "> ",
        "- ",
        "1. ",
        "|",
        "|---|",
        "<",
        ">",
        "<!--",
        "-->",
        "<i>",
        "</i>",
        "<div>\n",
        "---\n",
        "+++\n",
        "\\begin{",
        "\\end{",
        "document}",
        "equation}",
        "verbatim}",
        "itemize}",
        "tabular}",
        "thebibliography}",
        "\\item",
        "\\item[",
        "\\emph{",
        "\\it ",
        "\\cite{",
        "\\href{",
        "\\url{",
        "\\verb|",
        "\\verb",
        "\\section*{",
        "\\\\",
        "\\[",
        "\\]",
        "\\(",
        "\\)",
        "\\bibitem{",
        "\\def\\x",
        "\\newcommand",
        "http://",
        "https://x.org/",
        "www.",
        "doi:",
        "10.1038/",
        "a@b.org",
        "@",
        "@key",
        "References\n",
        "[x](",
        "![",
        "[^1]",
        "[^1]: ",
        "\\upshape",
    ];

    fn garbage(generator: &mut Garbage) -> String {
        let pieces = generator.below(80);
        (0..pieces).map(|_| PIECES[generator.below(PIECES.len())]).collect()
    }

    fn check_invariants(text: &str, kind: DocumentKind) {
        let result = prose(text, kind);
        let on_boundaries = |range: &Range<usize>| {
            range.start <= range.end
                && range.end <= text.len()
                && text.is_char_boundary(range.start)
                && text.is_char_boundary(range.end)
        };
        let mut previous_end = 0;
        for (index, prose_range) in result.ranges.iter().enumerate() {
            let range = &prose_range.range;
            assert!(on_boundaries(range), "{kind:?} {text:?}: {range:?}");
            assert!(range.start < range.end, "{kind:?} {text:?}: empty {range:?}");
            assert!(
                index == 0 || range.start >= previous_end,
                "{kind:?} {text:?}: overlap at {range:?}"
            );
            assert!(index > 0 || !prose_range.joins_previous, "{kind:?} {text:?}: first joins");
            for comment in &result.comments {
                assert!(
                    range.end <= comment.start || comment.end <= range.start,
                    "{kind:?} {text:?}: prose {range:?} in comment {comment:?}"
                );
            }
            previous_end = range.end;
        }
        for range in [&result.italic, &result.references, &result.comments, &result.tables]
            .into_iter()
            .flatten()
        {
            assert!(on_boundaries(range), "{kind:?} {text:?}: {range:?}");
        }
    }

    #[test]
    fn garbage_never_breaks_the_invariants() {
        let mut generator = Garbage(0x9E37_79B9_7F4A_7C15);
        for _ in 0..10_000 {
            let text = garbage(&mut generator);
            for kind in [DocumentKind::Markdown, DocumentKind::Latex, DocumentKind::Plain] {
                check_invariants(&text, kind);
            }
        }
    }

    #[test]
    fn pathological_inputs_are_handled() {
        for piece in [
            "{",
            "}",
            "\\begin{a}",
            "\\end{b}",
            "$",
            "\\[",
            "[",
            "\\item[",
            "*",
            "<!--",
            "a@",
            "\\bibitem{x}",
            "\\emph{",
            "www.",
            "10.1234/",
        ] {
            let text = piece.repeat(20_000);
            for kind in [DocumentKind::Markdown, DocumentKind::Latex, DocumentKind::Plain] {
                check_invariants(&text, kind);
            }
        }
    }
}
