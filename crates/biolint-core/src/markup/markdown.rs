//! Markdown (also R Markdown and Quarto): prose is the text that a renderer would show as
//! words.
//!
//! pulldown-cmark does the parsing; its text events carry the source offsets we report. Code
//! (fenced, indented, inline, and so R and Quarto chunks), math, link destinations, autolinks,
//! raw HTML and front matter (but for its title, subtitle and abstract, which renderers show)
//! are not prose, nor are the Pandoc extensions that R Markdown and
//! Quarto documents use: heading attributes (`# Intro {#sec-intro}`) and fenced-div lines
//! (`::: {.callout-note}`). A text event whose source differs from its text (an entity such as
//! `&amp;`) is left out, so a prose range never covers markup characters.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use super::latex;
use super::references::is_reference_heading;
use super::{Prose, ProseBuilder};

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS)
    .union(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS)
    .union(Options::ENABLE_MATH)
    // Pandoc-style `# Title {#id}`, common in R Markdown and Quarto.
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

pub(super) fn prose(text: &str) -> Prose {
    let mut scan = Scan::new(text);
    for (event, range) in Parser::new_ext(text, OPTIONS).into_offset_iter() {
        scan.event(event, range);
    }
    scan.finish()
}

/// The state of one walk over the events of a document.
struct Scan<'a> {
    text: &'a str,
    builder: ProseBuilder<'a>,
    italic: Vec<Range<usize>>,
    references: Vec<Range<usize>>,
    comments: Vec<Range<usize>>,
    tables: Vec<Range<usize>>,
    /// How many open elements hide their text: code blocks, front matter, HTML blocks,
    /// autolinks.
    hidden_depth: usize,
    /// For each open link, whether it is an autolink (whose text is a URL).
    links: Vec<bool>,
    /// For each open emphasis, the span of its content seen so far.
    emphasis: Vec<Option<Range<usize>>>,
    /// Where the content of an open `<i>` or `<em>` HTML tag starts.
    html_italic_start: Option<usize>,
    /// Where the last link or image ended: Pandoc's attributes may follow
    /// (`[2](#fig2){ref-type="fig"}`, `![plot](a.png){#fig-1}`).
    link_end: Option<usize>,
    /// Where the Pandoc superscript or subscript open in the prose closes (its second `^` or
    /// `~`).
    script_close: Option<usize>,
    /// Open tables and lists, and where the outermost started.
    block_depth: usize,
    block_start: usize,
    /// The open heading: its level, where it starts and its text so far.
    heading: Option<(HeadingLevel, usize, String)>,
    /// The open reference section: its heading's level and start.
    open_references: Option<(HeadingLevel, usize)>,
}

impl<'a> Scan<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            builder: ProseBuilder::new(text),
            italic: Vec::new(),
            references: Vec::new(),
            comments: Vec::new(),
            tables: Vec::new(),
            hidden_depth: 0,
            links: Vec::new(),
            emphasis: Vec::new(),
            html_italic_start: None,
            link_end: None,
            script_close: None,
            block_depth: 0,
            block_start: 0,
            heading: None,
            open_references: None,
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(content) => {
                if self.hidden_depth > 0 {
                    return;
                }
                if let Some((_, _, heading)) = &mut self.heading {
                    heading.push_str(&content);
                }
                self.note_content(range.clone());
                // Pandoc's attributes right after a link are no prose.
                if self.link_end == Some(range.start) {
                    let prose = self.after_attributes(range.clone());
                    let rest = content.get(prose.start - range.start..).unwrap_or_default();
                    self.prose_text(rest, prose);
                } else {
                    self.prose_text(&content, range);
                }
            }
            Event::Code(content) => {
                if let Some((_, _, heading)) = &mut self.heading {
                    heading.push_str(&content);
                }
                self.note_content(range);
                self.builder.boundary();
            }
            Event::InlineMath(_) | Event::DisplayMath(_) | Event::FootnoteReference(_) => {
                self.note_content(range);
                self.builder.boundary();
            }
            Event::InlineHtml(html) => self.inline_html(&html, range),
            Event::Rule => self.builder.boundary(),
            // HTML block lines are handled at the start of the block; breaks and task markers
            // are formatting within a block.
            Event::Html(_) | Event::SoftBreak | Event::HardBreak | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Emphasis => self.emphasis.push(None),
            Tag::Strong | Tag::Strikethrough | Tag::Superscript | Tag::Subscript => {}
            Tag::Link { link_type, .. } => {
                let autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                if autolink {
                    self.hidden_depth += 1;
                    self.builder.boundary();
                }
                self.links.push(autolink);
            }
            Tag::MetadataBlock(_) => {
                self.builder.boundary();
                for value in front_matter_prose(self.text, range) {
                    self.read_markdown(value);
                }
                self.builder.boundary();
                self.hidden_depth += 1;
            }
            Tag::CodeBlock(_) => {
                self.builder.boundary();
                self.hidden_depth += 1;
            }
            Tag::HtmlBlock => {
                self.builder.boundary();
                self.hidden_depth += 1;
                self.html_block_comments(range);
            }
            Tag::Heading { level, .. } => {
                self.builder.boundary();
                if let Some((open_level, start)) = self.open_references
                    && level <= open_level
                {
                    self.push_references(start..range.start);
                    self.open_references = None;
                }
                self.heading = Some((level, range.start, String::new()));
            }
            Tag::Table(_) | Tag::List(_) => {
                self.builder.boundary();
                if self.block_depth == 0 {
                    self.block_start = range.start;
                }
                self.block_depth += 1;
            }
            Tag::Paragraph
            | Tag::BlockQuote(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::Image { .. } => self.builder.boundary(),
        }
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::Emphasis => {
                if let Some(Some(content)) = self.emphasis.pop() {
                    self.italic.push(content.clone());
                    self.note_content(content);
                }
            }
            TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Superscript | TagEnd::Subscript => {}
            TagEnd::Link => {
                let autolink = self.links.pop() == Some(true);
                if autolink {
                    self.hidden_depth = self.hidden_depth.saturating_sub(1);
                }
                // An autolink's URL lies between the text and what follows; a link's
                // destination is not seen, and the text around it reads on (`[2](#f2)A`).
                if autolink {
                    self.builder.boundary();
                }
                self.link_end = Some(range.end);
            }
            TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock => {
                self.hidden_depth = self.hidden_depth.saturating_sub(1);
                self.builder.boundary();
            }
            TagEnd::Heading(level) => {
                if let Some((_, start, heading)) = self.heading.take()
                    && self.open_references.is_none()
                    && is_reference_heading(&heading)
                {
                    self.open_references = Some((level, start));
                }
                self.builder.boundary();
            }
            TagEnd::Table | TagEnd::List(_) => {
                self.builder.boundary();
                self.block_depth = self.block_depth.saturating_sub(1);
                if self.block_depth == 0 {
                    let block = trim_end(self.text, self.block_start..range.end);
                    self.tables.push(block);
                }
            }
            TagEnd::Paragraph
            | TagEnd::BlockQuote(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell => self.builder.boundary(),
            TagEnd::Image => {
                self.builder.boundary();
                // `![plot](a.png){#fig-1 width=50%}`
                self.link_end = Some(range.end);
            }
        }
    }

    /// Widens the content span of the innermost open emphasis to cover `range`.
    fn note_content(&mut self, range: Range<usize>) {
        if let Some(span) = self.emphasis.last_mut() {
            *span = Some(match span.take() {
                Some(span) => span.start.min(range.start)..span.end.max(range.end),
                None => range,
            });
        }
    }

    /// Reads `range` of the document, Markdown of its own (a value of the front matter), as
    /// prose of this document.
    /// (Indented by four spaces or a tab, as a YAML block may be, it would read as code: each
    /// line is then read from its first word.)
    fn read_markdown(&mut self, range: Range<usize>) {
        let Some(source) = self.text.get(range.clone()) else { return };
        let indented = |line: &str| line.starts_with("    ") || line.starts_with('\t');
        let as_code = source.lines().filter(|l| !l.trim().is_empty()).all(indented);
        if as_code {
            let mut at = range.start;
            for line in source.split_inclusive('\n') {
                let indent = line.len() - line.trim_start().len();
                self.read_markdown_text(at + indent..at + line.len());
                at += line.len();
            }
        } else {
            self.read_markdown_text(range);
        }
    }

    fn read_markdown_text(&mut self, range: Range<usize>) {
        let Some(source) = self.text.get(range.clone()) else { return };
        for (event, inner) in Parser::new_ext(source, OPTIONS).into_offset_iter() {
            self.event(event, range.start + inner.start..range.start + inner.end);
        }
        self.builder.boundary();
    }

    /// Inline HTML is not prose. Comments are recorded and break a term; `<i>`/`<em>` mark
    /// italics; other tags are formatting.
    fn inline_html(&mut self, html: &str, range: Range<usize>) {
        if html.starts_with("<!--") {
            self.comments.push(range);
            self.builder.boundary();
            return;
        }
        let tag = html
            .trim_start_matches('<')
            .trim_end_matches('>')
            .split(|c: char| c.is_ascii_whitespace())
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match tag.as_str() {
            "i" | "em" => self.html_italic_start = Some(range.end),
            "/i" | "/em" => {
                if let Some(start) = self.html_italic_start.take()
                    && start < range.start
                {
                    self.italic.push(start..range.start);
                }
            }
            _ => {}
        }
    }

    /// `range`, text right after a link, without the Pandoc attributes that open it
    /// (`{ref-type="fig"}`, `{#fig:x .wide}`): identifiers and classes, not prose.
    fn after_attributes(&self, range: Range<usize>) -> Range<usize> {
        let text = &self.text[range.clone()];
        let Some(inside) = text.strip_prefix('{') else { return range };
        let Some(close) = inside.find('}') else { return range };
        let attributes = &inside[..close];
        let looks_like_attributes = attributes.starts_with(['#', '.']) || attributes.contains('=');
        if looks_like_attributes { range.start + close + 2..range.end } else { range }
    }

    /// A text event's prose: `content` is its text, `range` where it stands.
    fn prose_text(&mut self, content: &str, range: Range<usize>) {
        if self.is_div_fence(content, range.start) {
            self.builder.boundary();
        } else if self.text.get(range.clone()) == Some(content) {
            self.push_without_markup(range);
        }
    }

    /// Pushes the prose `range` without markup that pulldown-cmark leaves in the text:
    ///
    /// - the raw LaTeX that Pandoc passes through (`\ref{fig:1}`, `\begin{figure}`): a
    ///   command's name is no prose, nor are the arguments of a command whose arguments are
    ///   identifiers (a label, a key, a file, an environment's name);
    /// - the marks of Pandoc's superscripts and subscripts (`Ca^2+^`, `CO~2~`), which the
    ///   builder then reads as part of the word or not.
    fn push_without_markup(&mut self, range: Range<usize>) {
        let bytes = self.text.as_bytes();
        let mut start = range.start;
        let mut at = range.start;
        while let Some(offset) = memchr::memchr3(b'\\', b'^', b'~', &bytes[at..range.end]) {
            at += offset;
            let markup_end = if bytes[at] == b'\\' {
                self.latex_command_end(at, range.end)
            } else {
                self.script_mark_end(at)
            };
            match markup_end {
                Some(end) => {
                    if start < at {
                        self.builder.push(start..at);
                    }
                    if bytes[at] == b'\\' {
                        self.builder.boundary();
                    }
                    start = end;
                    at = end;
                }
                None => at += 1,
            }
        }
        if start < range.end {
            self.builder.push(start..range.end);
        }
    }

    /// The end of the LaTeX command at `at` (within `limit`) with its identifier arguments;
    /// `None` when no command starts there.
    fn latex_command_end(&self, at: usize, limit: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let name_end = (at + 1..limit).find(|&i| !bytes[i].is_ascii_alphabetic()).unwrap_or(limit);
        if name_end == at + 1 {
            return None;
        }
        let name = &self.text[at + 1..name_end];
        let identifiers = match name {
            "begin" | "end" | "url" | "href" => 1,
            _ if latex::is_citation(name) => 1,
            _ => latex::skipped_arguments(name).unwrap_or(0),
        };
        Some(latex_arguments_end(bytes, name_end, limit, identifiers))
    }

    /// The end of the Pandoc superscript or subscript mark at `at` (`^` or `~`); `None` when
    /// it is no such mark.
    fn script_mark_end(&mut self, at: usize) -> Option<usize> {
        // A close that was never reached (it stood in text that is not prose) is forgotten.
        if self.script_close.is_some_and(|close| close < at) {
            self.script_close = None;
        }
        if self.script_close == Some(at) {
            self.script_close = None;
        } else if self.script_close.is_none()
            && let Some(close) = pandoc_script_close(self.text.as_bytes(), at)
        {
            self.script_close = Some(close);
        } else {
            return None;
        }
        Some(at + 1)
    }

    /// Whether `content`, a text event at `start`, is a Pandoc/Quarto fenced-div line
    /// (`::: {.callout-note}`, `:::`), which a renderer does not show.
    fn is_div_fence(&self, content: &str, start: usize) -> bool {
        // The cheap test first: most text events do not start with `:::`.
        let Some(rest) = content.trim_end().strip_prefix(":::") else {
            return false;
        };
        let line_start = self.text[..start].rfind('\n').map_or(0, |newline| newline + 1);
        if !self.text[line_start..start].bytes().all(|b| b == b' ' || b == b'>') {
            return false;
        }
        let attributes = rest.trim_start_matches(':').trim();
        attributes.is_empty()
            || (attributes.starts_with('{') && attributes.ends_with('}'))
            || !attributes.contains(char::is_whitespace)
    }

    /// Records the `<!-- ... -->` comments in the HTML block at `block`.
    fn html_block_comments(&mut self, block: Range<usize>) {
        let Some(source) = self.text.get(block.clone()) else {
            return;
        };
        let mut position = 0;
        while let Some(offset) = source[position..].find("<!--") {
            let start = position + offset;
            // Searching from the second byte also finds the empty comments `<!-->` and `<!--->`.
            let end =
                source[start + 2..].find("-->").map_or(source.len(), |close| start + 2 + close + 3);
            self.comments.push(trim_end(self.text, block.start + start..block.start + end));
            position = end;
        }
    }

    fn push_references(&mut self, range: Range<usize>) {
        self.references.push(trim_end(self.text, range));
    }

    fn finish(mut self) -> Prose {
        if let Some((_, start)) = self.open_references.take() {
            self.push_references(start..self.text.len());
        }
        self.italic.sort_by_key(|range| (range.start, range.end));
        Prose {
            ranges: self.builder.finish(),
            italic: self.italic,
            references: self.references,
            comments: self.comments,
            tables: self.tables,
            definitions: Vec::new(),
        }
    }
}

/// `range` without trailing ASCII whitespace.
fn trim_end(text: &str, range: Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let mut end = range.end.min(text.len());
    while end > range.start && bytes[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    range.start..end
}

/// The values of the front matter at `block` (YAML between `---` lines) that a reader sees
/// as text: the title, subtitle and abstract (Pandoc, R Markdown and Quarto render them as
/// Markdown). Authors, affiliations, options and the rest are not prose.
fn front_matter_prose(text: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let Some(yaml) = text.get(block.clone()) else { return Vec::new() };
    let mut values = Vec::new();
    let mut lines = yaml.split_inclusive('\n').scan(block.start, |at, line| {
        let start = *at;
        *at += line.len();
        Some((start, line))
    });
    let mut pending = lines.next();
    while let Some((start, line)) = pending {
        pending = lines.next();
        let Some((key, value)) = line.split_once(':') else { continue };
        if !matches!(key, "title" | "subtitle" | "abstract" | "description" | "summary") {
            continue;
        }
        let value_start = start + key.len() + 1;
        let trimmed = value.trim();
        let mut end = start + line.trim_end().len();
        if let Some(quote) = trimmed.chars().next().filter(|c| matches!(c, '"' | '\'')) {
            // A quoted scalar on its line: its inside.
            let open = value_start + value.find(quote).unwrap_or(0) + 1;
            let close = text[open..end].rfind(quote).map_or(end, |close| open + close);
            values.push(open..close);
            continue;
        }
        // A block scalar (`abstract: |`) starts on the next line.
        let mut value_start = (!trimmed.starts_with(['|', '>'])).then_some(value_start);
        // The indented lines that follow continue the value.
        while let Some((next_start, next)) = pending {
            if !next.starts_with([' ', '\t']) && !next.trim().is_empty() {
                break;
            }
            if !next.trim().is_empty() {
                end = next_start + next.trim_end().len();
                value_start.get_or_insert(next_start);
            }
            pending = lines.next();
        }
        if let Some(start) = value_start.filter(|&start| start < end) {
            values.push(start..end);
        }
    }
    values
}

/// The end of `count` LaTeX arguments (`*`, options in brackets, then groups in braces) that
/// follow `position`, within `limit`.
fn latex_arguments_end(bytes: &[u8], mut position: usize, limit: usize, count: usize) -> usize {
    if count == 0 {
        return position;
    }
    if position < limit && bytes[position] == b'*' {
        position += 1;
    }
    let mut groups = 0;
    while position < limit && groups < count {
        if !matches!(bytes[position], b'[' | b'{') {
            break;
        }
        let mut depth = 0;
        let mut end = position;
        while end < limit {
            match bytes[end] {
                b'[' | b'{' => depth += 1,
                b']' | b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            end += 1;
        }
        if bytes[position] == b'{' {
            groups += 1;
        }
        position = (end + 1).min(limit);
    }
    position
}

/// Where the Pandoc superscript (`^2+^`) or subscript (`~2~`) whose first mark is at `open`
/// closes: content of up to 20 bytes without spaces, and the same mark again. A doubled `~` is
/// strikethrough, not a subscript.
fn pandoc_script_close(bytes: &[u8], open: usize) -> Option<usize> {
    let mark = bytes[open];
    let doubled = |at: usize| bytes.get(at) == Some(&mark);
    if mark == b'~' && (doubled(open + 1) || open.checked_sub(1).is_some_and(doubled)) {
        return None;
    }
    let content = bytes.get(open + 1..)?.iter().take(21);
    let length = content.take_while(|&&b| b != mark && !b.is_ascii_whitespace()).count();
    (length > 0 && length <= 20 && bytes.get(open + 1 + length) == Some(&mark))
        .then_some(open + 1 + length)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{self, slices};
    use super::super::{DocumentKind, prose};

    fn texts(text: &str) -> Vec<&str> {
        test_support::texts(text, DocumentKind::Markdown)
    }

    fn texts_and_joins(text: &str) -> Vec<(&str, bool)> {
        test_support::texts_and_joins(text, DocumentKind::Markdown)
    }

    #[test]
    fn fenced_and_indented_code_is_not_prose() {
        let text = "Intro.\n\n```r\nPINK1 <- 2\n```\n\n```{r setup}\nPARK2\n```\n\n    PRKN indented\n\nOutro.\n";
        assert_eq!(texts(text), ["Intro.", "Outro."]);
    }

    #[test]
    fn inline_code_is_not_prose_and_breaks_terms() {
        let text = "The `PINK1` gene and `r nrow(d)` rows.";
        assert_eq!(texts_and_joins(text), [("The", false), ("gene and", false), ("rows.", false)]);
    }

    #[test]
    fn only_link_text_is_prose() {
        let text = "See [PINK1](https://x.org/PINK1 \"PARK6 title\") and <https://y.org/PARK2>, ![a PRKN figure](fig/PRKN.png).";
        assert_eq!(texts(text), ["See", "PINK1", "and", ",", "a PRKN figure", "."]);
        let text = "[the gene][ref] here\n\n[ref]: https://x.org/PINK1 \"PARK2\"\n";
        assert_eq!(texts(text), ["the gene", "here"]);
    }

    #[test]
    fn front_matter_is_not_prose_but_for_its_title_and_abstract() {
        let text = "---\ntitle: PINK1 study\nauthor: Smith\n---\n\n# Introduction\n";
        assert_eq!(texts(text), ["PINK1 study", "Introduction"]);
        let text = "+++\ntitle = \"PINK1\"\n+++\n\nBody.\n";
        assert_eq!(texts(text), ["Body."]);
    }

    #[test]
    fn math_is_not_prose() {
        let text = "The variant $m.3243$ and\n\n$$\nPINK1 = x^2\n$$\n\nend.";
        assert_eq!(
            texts_and_joins(text),
            [("The variant", false), ("and", false), ("end.", false)]
        );
    }

    #[test]
    fn emphasis_and_soft_breaks_join() {
        let text = "*Leigh*\nsyndrome and **Leigh**  \n  *syndrome*";
        assert_eq!(
            texts_and_joins(text),
            [("Leigh", false), ("syndrome and", true), ("Leigh", true), ("syndrome", true)]
        );
    }

    #[test]
    fn italic_ranges_cover_emphasised_content() {
        let text =
            "The *PINK1* and _PRKN_ genes, ***SNCA***, **bold**, *a `x` b* and <i>LRRK2</i>.";
        let result = prose(text, DocumentKind::Markdown);
        assert_eq!(slices(text, &result.italic), ["PINK1", "PRKN", "SNCA", "a `x` b", "LRRK2"]);
        // snake_case is not emphasis.
        assert!(prose("a_b_c", DocumentKind::Markdown).italic.is_empty());
    }

    #[test]
    fn html_comments_are_recorded_and_not_prose() {
        let text = "<!-- biolint-disable-next-line gene/alias -->\nPARK2 is used.\n\nText <!-- PINK1\nnote --> more <span>x</span>.\n\n<div>\nPRKN html\n</div>\n";
        let result = prose(text, DocumentKind::Markdown);
        assert_eq!(
            slices(text, &result.comments),
            ["<!-- biolint-disable-next-line gene/alias -->", "<!-- PINK1\nnote -->"]
        );
        assert_eq!(texts(text), ["PARK2 is used.", "Text", "more", "x", "."]);
    }

    #[test]
    fn unterminated_and_empty_html_comments() {
        let text = "<!-->\nA\n\n<!-- open\nPINK1\n";
        let result = prose(text, DocumentKind::Markdown);
        assert_eq!(slices(text, &result.comments), ["<!-->", "<!-- open\nPINK1"]);
        assert_eq!(texts(text), ["A"]);
    }

    #[test]
    fn table_cells_are_prose_and_the_table_is_recorded() {
        let text = "Before.\n\n| Gene | Disease |\n|------|---------|\n| PINK1 | Parkinson disease |\n\nAfter.\n";
        let result = prose(text, DocumentKind::Markdown);
        assert_eq!(
            texts_and_joins(text),
            [
                ("Before.", false),
                ("Gene", false),
                ("Disease", false),
                ("PINK1", false),
                ("Parkinson disease", false),
                ("After.", false)
            ]
        );
        assert_eq!(
            slices(text, &result.tables),
            ["| Gene | Disease |\n|------|---------|\n| PINK1 | Parkinson disease |"]
        );
    }

    #[test]
    fn lists_are_recorded_once_with_nested_lists() {
        let text = "- one\n  wrapped\n- two\n  1. nested\n\nPara.\n";
        let result = prose(text, DocumentKind::Markdown);
        assert_eq!(slices(text, &result.tables), ["- one\n  wrapped\n- two\n  1. nested"]);
        assert_eq!(
            texts_and_joins(text),
            [
                ("one", false),
                ("wrapped", true),
                ("two", false),
                ("nested", false),
                ("Para.", false)
            ]
        );
    }

    #[test]
    fn references_section_runs_to_the_next_heading_of_its_level() {
        let text = "# Paper\n\nBody.\n\n## References\n\n1. Smith. PINK1 in flies.\n\n### Web\n\nMore.\n\n## Appendix\n\nA.\n";
        let result = prose(text, DocumentKind::Markdown);
        assert_eq!(
            slices(text, &result.references),
            ["## References\n\n1. Smith. PINK1 in flies.\n\n### Web\n\nMore."]
        );
        assert!(texts(text).contains(&"Smith. PINK1 in flies."));
        let text = "Intro\n\nBibliography:\n-------------\n\nX";
        let result = prose(text, DocumentKind::Markdown);
        assert_eq!(slices(text, &result.references), ["Bibliography:\n-------------\n\nX"]);
        let text = "# Our references\n\nX";
        assert!(prose(text, DocumentKind::Markdown).references.is_empty());
    }

    #[test]
    fn headings_block_quotes_and_footnotes_are_prose() {
        let text = "## Results\n> Quoted PINK1\n\nText[^1].\n\n[^1]: Footnote on PRKN.\n";
        assert_eq!(
            texts_and_joins(text),
            [
                ("Results", false),
                ("Quoted PINK1", false),
                ("Text", false),
                (".", false),
                ("Footnote on PRKN.", false)
            ]
        );
    }

    #[test]
    fn heading_attributes_and_div_fences_are_not_prose() {
        let text = "# Introduction {#sec-intro}\n\n::: {.callout-note}\nPINK1 note\n:::\n\n::: warning\nText ::: here\n::::\n";
        assert_eq!(
            texts_and_joins(text),
            [("Introduction", false), ("PINK1 note", false), ("Text ::: here", false)]
        );
    }

    #[test]
    fn escapes_and_entities_never_include_markup() {
        let text = "PINK1\\_KO &amp; PRKN &alpha; x";
        assert_eq!(
            texts_and_joins(text),
            [("PINK1", false), ("_KO", true), ("PRKN", true), ("x", true)]
        );
    }

    #[test]
    fn pandoc_attributes_after_a_link_are_not_prose() {
        let text =
            "Figure [2](#f2){ref-type=\"fig\"}A and [3](#f3){#fig:x .wide} B, {not} attributes";
        // The link's text and what follows it read as one word (`2A`).
        assert_eq!(
            test_support::texts_and_glue(text, DocumentKind::Markdown),
            [
                ("Figure", false),
                ("2", false),
                ("A and", true),
                ("3", false),
                ("B, {not} attributes", false)
            ]
        );
    }

    #[test]
    fn raw_html_inline_tags_are_not_prose() {
        let text = "H<sub>2</sub>O and m.3243A<sup>G</sup> or <i>Nxf</i>2 x<br>y";
        assert_eq!(
            test_support::texts_and_glue(text, DocumentKind::Markdown),
            // A count in a subscript is part of the word (`H₂O`); a base in a superscript is
            // not, nor is a line break.
            [
                ("H", false),
                ("2", true),
                ("O and m.3243A", true),
                ("G", false),
                ("or", false),
                ("Nxf", false),
                ("2 x", true),
                ("y", false)
            ]
        );
    }

    #[test]
    fn the_title_and_abstract_of_the_front_matter_are_prose() {
        let text = "---\ntitle: \"PARK2 in mice\"\nauthor:\n- PARK2 Smith\nabstract: |\n  Loss of *PARK2*\n  in flies.\nsubtitle: A\n  study\nkeywords: PARK2\n---\n\nBody.\n";
        assert_eq!(
            texts(text),
            ["PARK2 in mice", "Loss of", "PARK2", "in flies.", "A", "study", "Body."]
        );
    }

    #[test]
    fn pandoc_superscripts_and_subscripts_are_read_whole_when_part_of_the_word() {
        let text = r"Ca^2+^ and CO~2~ and D~2~R, *Pten*^pc1^ and ~10 cells\_x";
        assert_eq!(
            test_support::texts_and_glue(text, DocumentKind::Markdown),
            [
                ("Ca", false),
                ("2+", true),
                ("and CO", false),
                ("2", true),
                ("and D", false),
                ("2", true),
                ("R,", true),
                ("Pten", false),
                ("pc1", false),
                ("and ~10 cells", false),
                ("_x", false)
            ]
        );
    }
}
