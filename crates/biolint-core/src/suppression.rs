//! Suppression comments: authors silence a finding where they know better.
//!
//! ```text
//! <!-- biolint-disable-next-line gene/alias -->      Markdown and HTML
//! <!-- biolint-disable gene/alias -->  ...  <!-- biolint-enable gene/alias -->
//! % biolint-disable-next-line gene/alias             LaTeX
//! % biolint-disable  ...  % biolint-enable
//! ```
//!
//! Without a rule id a comment applies to every rule; several ids may be given, separated by
//! spaces or commas. The markup layer finds the comments, and the document's kind knows its
//! comment syntax; this module reads the directives, and writes the one a quick fix inserts
//! ([`disable_next_line`]).

use std::ops::Range;

use crate::markup::DocumentKind;

const DISABLE_NEXT_LINE: &str = "biolint-disable-next-line";
const DISABLE: &str = "biolint-disable";
const ENABLE: &str = "biolint-enable";

/// The line to insert before `line` (a whole line of a document of `kind`, with its line
/// break) so that findings of `rule` on it are suppressed; `None` where the kind cannot take
/// one there (see [`DocumentKind::comment_line_before`]).
pub fn disable_next_line(kind: DocumentKind, rule: &str, line: &str) -> Option<String> {
    kind.comment_line_before(line, &format!("{DISABLE_NEXT_LINE} {rule}"))
}

/// The parts of a document where findings are suppressed, and for which rules.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Suppressions {
    /// (byte range, rules; empty = all rules), sorted by start.
    regions: Vec<(Range<usize>, Vec<String>)>,
    /// `reach[i]`: the furthest any of `regions[..=i]` reaches, so that a search for the
    /// regions around an offset stops where none before can reach it.
    reach: Vec<usize>,
}

enum Directive {
    DisableNextLine,
    Disable,
    Enable,
}

impl Suppressions {
    /// Reads the directives in `comments` (byte ranges of whole comments, delimiters included,
    /// in `text`, a document of `kind`).
    pub fn parse(text: &str, kind: DocumentKind, comments: &[Range<usize>]) -> Suppressions {
        let mut regions = Vec::new();
        let Some(delimiters) = kind.comment_delimiters() else { return Suppressions::default() };
        // Open `biolint-disable` regions: (start, rules).
        let mut open: Vec<(usize, Vec<String>)> = Vec::new();
        for comment in comments {
            let Some((directive, rules)) = directive(&text[comment.clone()], delimiters) else {
                continue;
            };
            match directive {
                Directive::DisableNextLine => {
                    let next_line = text[comment.end..].find('\n').map(|i| comment.end + i + 1);
                    if let Some(start) = next_line {
                        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
                        regions.push((start..end, rules));
                    }
                }
                Directive::Disable => open.push((comment.end, rules)),
                Directive::Enable => {
                    // `enable` with no rule closes every open region; with rules, the regions
                    // of those rules (a region for all rules is narrowed by nothing: closing
                    // one rule of an all-rules region closes it).
                    let mut still_open = Vec::new();
                    for (start, open_rules) in open.drain(..) {
                        let closes = rules.is_empty()
                            || open_rules.is_empty()
                            || open_rules.iter().any(|r| rules.contains(r));
                        if closes {
                            regions.push((start..comment.start, open_rules));
                        } else {
                            still_open.push((start, open_rules));
                        }
                    }
                    open = still_open;
                }
            }
        }
        regions.extend(open.into_iter().map(|(start, rules)| (start..text.len(), rules)));
        regions.sort_by_key(|(range, _)| range.start);
        let reach = regions
            .iter()
            .scan(0, |furthest, (range, _)| {
                *furthest = (*furthest).max(effective_end(range));
                Some(*furthest)
            })
            .collect();
        Suppressions { regions, reach }
    }

    /// Whether a finding of `rule` at `span` is suppressed.
    pub fn suppresses(&self, rule: &str, span: &Range<usize>) -> bool {
        let starting_before = self.regions.partition_point(|(r, _)| r.start <= span.start);
        (0..starting_before).rev().take_while(|&i| span.start < self.reach[i]).any(|i| {
            let (region, rules) = &self.regions[i];
            span.start < effective_end(region)
                && (rules.is_empty() || rules.iter().any(|r| r == rule))
        })
    }
}

/// Where a region stops suppressing: an empty one (a blank next line) still covers its start.
fn effective_end(region: &Range<usize>) -> usize {
    region.end.max(region.start + 1)
}

/// The directive and rule ids of a comment (delimited by `open` and `close`), if it is a
/// biolint one.
fn directive(comment: &str, (open, close): (&str, &str)) -> Option<(Directive, Vec<String>)> {
    let body = comment.trim().trim_start_matches(open).trim_end_matches(close).trim();
    let (word, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    let directive = match word {
        DISABLE_NEXT_LINE => Directive::DisableNextLine,
        DISABLE => Directive::Disable,
        ENABLE => Directive::Enable,
        _ => return None,
    };
    let rules = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
        .collect();
    Some((directive, rules))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::prose;

    fn suppressed(text: &str, kind: DocumentKind, rule: &str, word: &str) -> bool {
        let suppressions = Suppressions::parse(text, kind, &prose(text, kind).comments);
        let at = text.rfind(word).unwrap();
        suppressions.suppresses(rule, &(at..at + word.len()))
    }

    #[test]
    fn next_line_in_markdown() {
        let text = "<!-- biolint-disable-next-line gene/alias -->\nCX43 here.\n\nCX43 there.\n";
        let suppressions = Suppressions::parse(
            text,
            DocumentKind::Markdown,
            &prose(text, DocumentKind::Markdown).comments,
        );
        let first = text.find("CX43").unwrap();
        assert!(suppressions.suppresses("gene/alias", &(first..first + 4)));
        assert!(!suppressions.suppresses("gene/previous-symbol", &(first..first + 4)));
        assert!(!suppressed(text, DocumentKind::Markdown, "gene/alias", "CX43"));
    }

    #[test]
    fn regions_with_and_without_rules() {
        let text =
            "<!-- biolint-disable -->\nPARK2 and CX43\n<!-- biolint-enable -->\n\nPARK2 again\n";
        assert!(!suppressed(text, DocumentKind::Markdown, "gene/previous-symbol", "PARK2"));
        assert!(suppressed(text, DocumentKind::Markdown, "gene/alias", "CX43"));
        let open = "<!-- biolint-disable gene/alias, gene/previous-symbol -->\n\nCX43 and PARK2\n";
        assert!(suppressed(open, DocumentKind::Markdown, "gene/previous-symbol", "PARK2"));
        assert!(!suppressed(open, DocumentKind::Markdown, "gene/symbol-case", "PARK2"));
    }

    #[test]
    fn latex_comments() {
        let text = "% biolint-disable-next-line gene/alias\nCX43 is here.\nCX43 again.\n";
        let suppressions = Suppressions::parse(
            text,
            DocumentKind::Latex,
            &prose(text, DocumentKind::Latex).comments,
        );
        let first = text.find("CX43").unwrap();
        assert!(suppressions.suppresses("gene/alias", &(first..first + 4)));
        assert!(!suppressed(text, DocumentKind::Latex, "gene/alias", "CX43"));
    }

    /// The comment a quick fix inserts is one the parser reads, in every kind with comments.
    #[test]
    fn the_inserted_comment_suppresses_the_line_below() {
        for kind in [DocumentKind::Markdown, DocumentKind::Latex] {
            let line = "  CX43 and PARK2 here.\n";
            let comment = disable_next_line(kind, "gene/alias", line).unwrap();
            let text = format!("Intro.\n\n{comment}{line}\nCX43 again.\n");
            assert!(suppressed(&text, kind, "gene/alias", "CX43 and"), "{kind:?}: {text}");
            assert!(!suppressed(&text, kind, "gene/previous-symbol", "PARK2"), "{kind:?}");
            assert!(!suppressed(&text, kind, "gene/alias", "CX43 again"), "{kind:?}");
        }
        assert_eq!(disable_next_line(DocumentKind::Plain, "gene/alias", "CX43\n"), None);
    }
}
