//! The text a reader sees, and the way back to the document.
//!
//! Formatting inside a word is invisible to a reader: `*Nxf*2` reads "Nxf2",
//! `Ca\textsuperscript{2+}` reads "Ca2+". Recognition must read such a word whole, so it runs on
//! the document with that formatting cut out (the gaps the markup readers mark `glued`), and
//! whatever it finds is mapped back to the document's bytes at the end. A span that crosses a
//! cut covers the whole marked-up word in the document (`*Nxf*2`, not `Nxf*2`), so that a fix
//! can replace it without leaving half of the markup behind.
//!
//! Most documents have no such gaps; their reading is the document itself and every mapping
//! is the identity.

use std::borrow::Cow;
use std::ops::Range;

use super::{DocumentKind, Prose, ProseRange};

pub struct Reading<'a> {
    source: &'a str,
    kind: DocumentKind,
    text: Cow<'a, str>,
    /// The gaps cut out, in order.
    cuts: Vec<Cut>,
    /// The prose ranges of the document (only kept when there are cuts), to find the markup
    /// around a word.
    source_prose: Vec<Range<usize>>,
}

struct Cut {
    /// Where the gap was, in the reading text.
    at: usize,
    /// The gap, in the document.
    gap: Range<usize>,
    /// How many bytes all the cuts up to this one, this one included, removed.
    removed: usize,
}

impl<'a> Reading<'a> {
    /// The reading of `source`, whose prose is `prose`, and that prose in the reading's
    /// offsets.
    pub fn new(source: &'a str, kind: DocumentKind, prose: Prose) -> (Reading<'a>, Prose) {
        let mut cuts: Vec<Cut> = Vec::new();
        let mut previous_end = 0;
        for range in &prose.ranges {
            if range.glued {
                let gap = previous_end..range.range.start;
                let removed_before = cuts.last().map_or(0, |cut| cut.removed);
                cuts.push(Cut {
                    at: gap.start - removed_before,
                    removed: removed_before + gap.len(),
                    gap,
                });
            }
            previous_end = range.range.end;
        }
        if cuts.is_empty() {
            let reading = Reading {
                source,
                kind,
                text: Cow::Borrowed(source),
                cuts,
                source_prose: Vec::new(),
            };
            return (reading, prose);
        }
        let mut text = String::with_capacity(source.len());
        let mut from = 0;
        for cut in &cuts {
            text.push_str(&source[from..cut.gap.start]);
            from = cut.gap.end;
        }
        text.push_str(&source[from..]);
        let source_prose = prose.ranges.iter().map(|r| r.range.clone()).collect();
        let reading = Reading { source, kind, text: Cow::Owned(text), cuts, source_prose };
        let mapped = reading.prose_in_reading(&prose);
        (reading, mapped)
    }

    /// The reading text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the reading is the document itself.
    pub fn is_identity(&self) -> bool {
        self.cuts.is_empty()
    }

    /// The reading offset of document offset `at` (the place of a cut gap for an offset
    /// inside it).
    fn to_reading(&self, at: usize) -> usize {
        let after = self.cuts.partition_point(|cut| cut.gap.start < at);
        match after.checked_sub(1).map(|i| &self.cuts[i]) {
            None => at,
            Some(cut) if at < cut.gap.end => cut.at,
            Some(cut) => at - cut.removed,
        }
    }

    fn range_to_reading(&self, range: &Range<usize>) -> Range<usize> {
        self.to_reading(range.start)..self.to_reading(range.end)
    }

    fn prose_in_reading(&self, prose: &Prose) -> Prose {
        let map = |ranges: &[Range<usize>]| -> Vec<Range<usize>> {
            ranges.iter().map(|r| self.range_to_reading(r)).collect()
        };
        Prose {
            ranges: prose
                .ranges
                .iter()
                .map(|r| super::ProseRange { range: self.range_to_reading(&r.range), ..r.clone() })
                .collect(),
            italic: map(&prose.italic),
            references: map(&prose.references),
            comments: map(&prose.comments),
            tables: map(&prose.tables),
            definitions: prose
                .definitions
                .iter()
                .map(|(short, long)| (self.range_to_reading(short), self.range_to_reading(long)))
                .collect(),
        }
    }

    /// The document range of reading range `span`, as it stands: a start right after a cut
    /// maps after the gap, an end right before one maps before it.
    pub fn to_source(&self, span: &Range<usize>) -> Range<usize> {
        let shift =
            |cuts_before: usize| cuts_before.checked_sub(1).map_or(0, |i| self.cuts[i].removed);
        let start = span.start + shift(self.cuts.partition_point(|cut| cut.at <= span.start));
        let end = span.end + shift(self.cuts.partition_point(|cut| cut.at < span.end));
        start..end.max(start)
    }

    /// What a reader sees of reading range `span`, given the reading's prose ranges: `None`
    /// when that is the span's own text (no markup in it), else its prose, with a space for
    /// markup between words (`\emph{BMPR2} receptor` reads "BMPR2 receptor").
    ///
    /// `first` is a guess of the index of the prose range that holds the span's start (the
    /// previous answer, for spans in document order); it is updated.
    pub fn seen(
        &self,
        span: &Range<usize>,
        prose: &[ProseRange],
        first: &mut usize,
    ) -> Option<String> {
        if prose.get(*first).is_none_or(|r| span.start < r.range.start) {
            *first = prose.partition_point(|r| r.range.end <= span.start);
        }
        while prose.get(*first).is_some_and(|r| r.range.end <= span.start) {
            *first += 1;
        }
        let first = *first;
        if prose.get(first).is_some_and(|r| span.end <= r.range.end) {
            return None;
        }
        let pieces = || prose[first..].iter().take_while(|r| r.range.start < span.end);
        let mut previous_end = None;
        let has_markup = pieces().any(|r| {
            let gap = previous_end.map_or("", |end| &self.text[end..r.range.start]);
            previous_end = Some(r.range.end);
            r.glued || gap.contains(|c: char| !c.is_whitespace())
        });
        if !has_markup {
            return None;
        }
        let mut seen = String::new();
        for r in pieces() {
            if !seen.is_empty() && !r.glued {
                seen.push(' ');
            }
            seen.push_str(&self.text[r.range.start.max(span.start)..r.range.end.min(span.end)]);
        }
        Some(seen)
    }

    /// Whether reading range `span` holds markup between words (`m.3243A>{\it G}`, a term
    /// across `\emph{Leigh} syndrome`): bytes outside `prose`, the reading's prose ranges, that
    /// are not whitespace. An edit of the span would edit that markup.
    pub fn holds_markup(&self, span: &Range<usize>, prose: &[ProseRange]) -> bool {
        let first = prose.partition_point(|r| r.range.end <= span.start);
        let mut from = span.start;
        for r in prose[first..].iter().take_while(|r| r.range.start < span.end) {
            if r.range.start > from
                && self.text[from..r.range.start].contains(|c: char| !c.is_whitespace())
            {
                return true;
            }
            from = from.max(r.range.end);
        }
        from < span.end && self.text[from..span.end].contains(|c: char| !c.is_whitespace())
    }

    /// Whether an insertion at reading offset `at` would fall where markup was cut out of a
    /// word, so that it could go before the markup or after it.
    pub fn is_at_a_cut(&self, at: usize) -> bool {
        self.cuts.binary_search_by_key(&at, |cut| cut.at).is_ok()
    }

    /// Whether reading range `span` reads across markup cut out of a word.
    pub fn crosses_markup(&self, span: &Range<usize>) -> bool {
        let first = self.cuts.partition_point(|cut| cut.at <= span.start);
        self.cuts.get(first).is_some_and(|cut| cut.at < span.end)
    }

    /// Where a mention at reading range `span` stands in the document: the whole marked-up
    /// word (`*Nxf*2`, `\emph{VEGF}-\emph{A}`) when it reads across markup, and whether that
    /// word's markup is balanced, so that replacing it whole leaves the rest of the document's
    /// markup intact.
    pub fn word(&self, span: &Range<usize>) -> (Range<usize>, bool) {
        if self.cuts.is_empty() {
            return (span.clone(), true);
        }
        let inner = self.to_source(span);
        if !self.crosses_markup(span) {
            return (inner, true);
        }
        // The formatting that opens the word before its first run and closes it after its
        // last (`\emph{` and `}`, `*` and `*`), and nothing else: not a neighbour's markup.
        let mut start = inner.start;
        if let Ok(index) = self.source_prose.binary_search_by_key(&start, |r| r.start) {
            let floor = index.checked_sub(1).map_or(0, |i| self.source_prose[i].end);
            start -= formatting_openers(&self.source[floor..start], self.kind);
        }
        let mut end = inner.end;
        if let Ok(index) = self.source_prose.binary_search_by_key(&end, |r| r.end) {
            let ceiling = self.source_prose.get(index + 1).map_or(self.source.len(), |r| r.start);
            end += formatting_closers(&self.source[end..ceiling], self.kind);
        }
        let mut word = start..end;
        let mut balanced = self.is_balanced(&word);
        // Pandoc's script marks open and close alike: a word that ends in a script (`Ca^2+^`)
        // takes its closing mark.
        let ceiling = self
            .source_prose
            .iter()
            .find(|r| r.start >= word.end)
            .map_or(self.source.len(), |r| r.start);
        while !balanced
            && self.kind == DocumentKind::Markdown
            && word.end < ceiling
            && matches!(self.source.as_bytes()[word.end], b'^' | b'~')
        {
            word.end += 1;
            balanced = self.is_balanced(&word);
        }
        (word, balanced)
    }

    /// Whether the markup in document range `word` (its bytes outside the prose) opens what it
    /// closes.
    fn is_balanced(&self, word: &Range<usize>) -> bool {
        let mut markup = String::new();
        let mut from = word.start;
        let first = self.source_prose.partition_point(|r| r.end <= word.start);
        for prose in self.source_prose[first..].iter().take_while(|r| r.start < word.end) {
            if prose.start > from {
                markup.push_str(&self.source[from..prose.start]);
            }
            from = prose.end.max(from);
        }
        if from < word.end {
            markup.push_str(&self.source[from..word.end]);
        }
        let count = |needle: &str| markup.matches(needle).count();
        match self.kind {
            DocumentKind::Latex => count("{") - count("\\{") == count("}") - count("\\}"),
            DocumentKind::Markdown => {
                ["*", "_", "^", "~"].iter().all(|mark| count(mark) % 2 == 0)
                    && count("[") == count("]")
                    && count("<") == 2 * count("</")
            }
            DocumentKind::Plain => true,
        }
    }
}

/// The length of the formatting openers that end `gap` (the markup before a word):
/// `\emph{`, `\textbf{`, `{` in LaTeX; `*`, `_`, `<i>`, `<sup>` in Markdown.
fn formatting_openers(gap: &str, kind: DocumentKind) -> usize {
    let mut rest = gap;
    loop {
        let before = rest.len();
        rest = match kind {
            DocumentKind::Latex => match rest.strip_suffix('{') {
                Some(group) => {
                    let name = group.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                    match name.strip_suffix('\\') {
                        Some(command) if name.len() < group.len() => command,
                        _ => group,
                    }
                }
                None => rest,
            },
            DocumentKind::Markdown => match rest.strip_suffix(['*', '_']) {
                Some(shorter) => shorter,
                None if rest.ends_with('>') => match rest.rfind('<') {
                    Some(open)
                        if !rest[open..].starts_with("</")
                            && super::is_inline_formatting_tag(&rest[open..]) =>
                    {
                        &rest[..open]
                    }
                    _ => rest,
                },
                None => rest,
            },
            DocumentKind::Plain => rest,
        };
        if rest.len() == before {
            return gap.len() - rest.len();
        }
    }
}

/// The length of the formatting closers that start `gap` (the markup after a word): `}` in
/// LaTeX; `*`, `_`, `</i>` in Markdown.
fn formatting_closers(gap: &str, kind: DocumentKind) -> usize {
    let mut rest = gap;
    loop {
        let before = rest.len();
        rest = match kind {
            DocumentKind::Latex => rest.strip_prefix('}').unwrap_or(rest),
            DocumentKind::Markdown => match rest.strip_prefix(['*', '_']) {
                Some(shorter) => shorter,
                None if rest.starts_with("</") && super::is_inline_formatting_tag(rest) => {
                    rest.find('>').map_or(rest, |close| &rest[close + 1..])
                }
                None => rest,
            },
            DocumentKind::Plain => rest,
        };
        if rest.len() == before {
            return gap.len() - rest.len();
        }
    }
}
