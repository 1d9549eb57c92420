//! LaTeX: prose is the text that would be typeset as words.
//!
//! A full TeX parser would need the macro definitions of every package, so this is a
//! hand-written scanner that knows the common commands. Comments, math, verbatim text, the
//! preamble (but its `\title`) and command names are never prose, and neither are the arguments of commands that
//! take identifiers (citation keys, labels, file names, URLs, lengths, package names). The
//! arguments of every other command are scanned as prose: a missed gene symbol is worse than a
//! spurious check of an unusual argument. Groups and environments are tracked on a stack to find
//! italics, tables, lists and the bibliography. Malformed input (unbalanced braces, unterminated
//! math) never fails: unterminated inline math and skipped arguments end at the paragraph end,
//! unclosed environments at the end of the document.

use std::collections::HashMap;
use std::ops::Range;

use super::{Prose, ProseBuilder};

pub(super) fn prose(text: &str) -> Prose {
    let mut scanner = Scanner::new(text);
    scanner.run();
    scanner.finish()
}

/// What closes an open frame.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Closer<'a> {
    Brace,
    /// The `]` of an `\item[...]` label.
    Bracket,
    /// `\end{name}`.
    Environment(&'a str),
}

/// An open group or environment.
struct Frame<'a> {
    closer: Closer<'a>,
    /// Where italic text started inside this frame (`\emph{`, `\itshape`).
    italic_start: Option<usize>,
    /// Whether closing the frame ends a block (a heading, caption, footnote, item label).
    ends_block: bool,
    /// A `\title` in the preamble: its text is typeset (by `\maketitle`), the rest of the
    /// preamble is not, so closing it suppresses prose again.
    resumes_suppression: bool,
    /// Where the outermost table or list that this environment opened started.
    block_start: Option<usize>,
    /// Where the reference list that ends with this environment started.
    references_start: Option<usize>,
}

impl<'a> Frame<'a> {
    fn new(closer: Closer<'a>) -> Self {
        Self {
            closer,
            italic_start: None,
            ends_block: false,
            resumes_suppression: false,
            block_start: None,
            references_start: None,
        }
    }
}

/// How a math span ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum MathEnd {
    Dollar,
    DoubleDollar,
    Paren,
    Bracket,
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    position: usize,
    builder: ProseBuilder<'a>,
    italic: Vec<Range<usize>>,
    references: Vec<Range<usize>>,
    comments: Vec<Range<usize>>,
    tables: Vec<Range<usize>>,
    frames: Vec<Frame<'a>>,
    /// How many environments of each name are open, so an `\end` without a `\begin` is found
    /// without searching the stack.
    open_environments: HashMap<&'a str, usize>,
    /// In the preamble or after `\end{document}`, where nothing is prose.
    suppressed: bool,
    /// Where the current run of ordinary characters started.
    run_start: Option<usize>,
    /// Open environments whose `&` and `\\` separate table cells.
    cell_depth: usize,
    /// Open table and list environments.
    block_depth: usize,
    /// Whether a reference list is open.
    in_references: bool,
    /// A reference list or italic switch outside any environment, which runs to the end.
    document_references_start: Option<usize>,
    document_italic_start: Option<usize>,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            position: 0,
            builder: ProseBuilder::latex(text),
            italic: Vec::new(),
            references: Vec::new(),
            comments: Vec::new(),
            tables: Vec::new(),
            frames: Vec::new(),
            open_environments: HashMap::new(),
            suppressed: has_document_environment(text),
            run_start: None,
            cell_depth: 0,
            block_depth: 0,
            in_references: false,
            document_references_start: None,
            document_italic_start: None,
        }
    }

    fn run(&mut self) {
        while let Some(&byte) = self.bytes.get(self.position) {
            let special = match byte {
                b'\\' | b'%' | b'$' | b'{' | b'}' | b'~' | b'&' | b'\n' => true,
                // `]` only matters as the end of an `\item[...]` label.
                b']' => self.top_closer() == Some(Closer::Bracket),
                _ => false,
            };
            if !special {
                self.run_start.get_or_insert(self.position);
                self.position += 1;
                continue;
            }
            self.flush();
            match byte {
                b'\\' => self.command(),
                b'%' => self.position = self.comment_at(self.position),
                b'$' => {
                    if self.bytes.get(self.position + 1) == Some(&b'$') {
                        self.skip_math(self.position + 2, MathEnd::DoubleDollar);
                    } else {
                        self.skip_math(self.position + 1, MathEnd::Dollar);
                    }
                }
                b'{' => {
                    self.frames.push(Frame::new(Closer::Brace));
                    self.position += 1;
                }
                b'}' | b']' => self.close_group(),
                b'&' => {
                    self.builder.boundary();
                    self.position += 1;
                }
                b'\n' => {
                    if self.ends_paragraph(self.position) {
                        self.builder.boundary();
                    }
                    self.position += 1;
                }
                // `~` is a non-breaking space.
                _ => self.position += 1,
            }
        }
        self.flush();
    }

    /// Reports the current run of ordinary characters, which ends at `position`.
    fn flush(&mut self) {
        if let Some(start) = self.run_start.take()
            && !self.suppressed
        {
            self.builder.push(start..self.position);
        }
    }

    fn top_closer(&self) -> Option<Closer<'a>> {
        self.frames.last().map(|frame| frame.closer)
    }

    /// A backslash at `position`: a control symbol (`\%`, `\\`, `\[`) or a control word.
    fn command(&mut self) {
        let start = self.position;
        let name_start = start + 1;
        let name_len =
            self.bytes[name_start..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
        if name_len == 0 {
            self.control_symbol(start);
        } else {
            self.position = name_start + name_len;
            self.control_word(start, &self.text[name_start..name_start + name_len]);
        }
    }

    fn control_symbol(&mut self, start: usize) {
        let symbol = self.text[start + 1..].chars().next();
        self.position = start + 1 + symbol.map_or(0, char::len_utf8);
        match symbol {
            Some('[') => self.skip_math(self.position, MathEnd::Bracket),
            Some('(') => self.skip_math(self.position, MathEnd::Paren),
            Some('\\') => {
                // A line break: a new row in a table, a wrapped line elsewhere.
                if self.cell_depth > 0 {
                    self.builder.boundary();
                }
                self.skip_star();
                self.skip_optional_arguments(false);
            }
            // Escaped specials (`\%`, `\&`, `\_`), accents, spacing: formatting in prose.
            _ => {}
        }
    }

    fn control_word(&mut self, start: usize, name: &'a str) {
        match name {
            "begin" => self.begin_environment(start),
            "end" => self.end_environment(start),
            "item" => {
                self.builder.boundary();
                let next = self.after_spaces(self.position);
                if self.bytes.get(next) == Some(&b'[') {
                    self.position = next + 1;
                    let mut label = Frame::new(Closer::Bracket);
                    label.ends_block = true;
                    self.frames.push(label);
                }
            }
            "bibitem" => {
                self.builder.boundary();
                self.mark_references(start);
                self.skip_arguments(1);
            }
            "par" => self.builder.boundary(),
            "verb" => {
                self.skip_star();
                self.skip_inline_verbatim();
            }
            "lstinline" => {
                self.skip_optional_arguments(false);
                self.skip_inline_verbatim();
            }
            "url" | "href" => {
                // `\href`'s second argument, the link text, is prose.
                self.skip_inline_verbatim();
                self.builder.boundary();
            }
            "def" | "gdef" | "edef" | "xdef" => {
                self.skip_definition();
                self.builder.boundary();
            }
            "emph" | "textit" | "textsl" => self.open_argument(true, false),
            "it" | "itshape" | "em" | "sl" | "slshape" => self.italic_switch(),
            "upshape" | "normalfont" => self.end_italic_switch(start),
            "part" | "chapter" | "section" | "subsection" | "subsubsection" | "paragraph"
            | "subparagraph" | "caption" | "subcaption" | "footnote" | "footnotetext" | "title" => {
                // The optional short title repeats the argument; only the argument is read.
                self.builder.boundary();
                self.skip_star();
                self.skip_optional_arguments(true);
                let depth = self.frames.len();
                self.open_argument(false, true);
                if name == "title" && self.suppressed && self.frames.len() > depth {
                    self.suppressed = false;
                    if let Some(frame) = self.frames.last_mut() {
                        frame.resumes_suppression = true;
                    }
                }
            }
            // A symbol the prose does not carry: no term reads across it (`p \textless{} 2`
            // is no "p 2").
            _ if is_text_symbol(name) => {
                self.builder.boundary();
                if self.text[self.position..].starts_with("{}") {
                    self.position += 2;
                }
            }
            _ if is_citation(name) => {
                self.skip_arguments(1);
                if name.ends_with('s') {
                    // Multi-citations: `\cites[pre][post]{a}[pre][post]{b}`.
                    while matches!(self.bytes.get(self.position), Some(b'[' | b'{')) {
                        self.position = self.skip_group(self.position, false);
                    }
                }
                self.builder.boundary();
            }
            _ => match skipped_arguments(name) {
                Some(count) => {
                    self.skip_arguments(count);
                    self.builder.boundary();
                }
                None => {
                    // An unknown command: its brace arguments are read as prose, its options
                    // are not.
                    self.skip_star();
                    self.skip_optional_arguments(false);
                }
            },
        }
    }

    fn begin_environment(&mut self, start: usize) {
        self.builder.boundary();
        let Some((name, after)) = self.environment_name() else {
            return;
        };
        self.position = after;
        if is_math_environment(name) || is_verbatim_environment(name) {
            self.skip_environment_body(name);
            return;
        }
        if name == "document" {
            self.suppressed = false;
        }
        self.skip_optional_arguments(false);
        for _ in 0..environment_arguments(name) {
            self.skip_optional_arguments(true);
            self.skip_mandatory_argument();
        }
        let mut frame = Frame::new(Closer::Environment(name));
        if is_block_environment(name) {
            if self.block_depth == 0 && !self.suppressed {
                frame.block_start = Some(start);
            }
            self.block_depth += 1;
        }
        if has_cells(name) {
            self.cell_depth += 1;
        }
        if name == "thebibliography" && !self.in_references && !self.suppressed {
            frame.references_start = Some(start);
            self.in_references = true;
        }
        *self.open_environments.entry(name).or_default() += 1;
        self.frames.push(frame);
    }

    fn end_environment(&mut self, start: usize) {
        self.builder.boundary();
        let Some((name, after)) = self.environment_name() else {
            return;
        };
        self.position = after;
        if self.open_environments.get(name).is_some_and(|&open| open > 0) {
            while let Some(frame) = self.frames.pop() {
                let matched = frame.closer == Closer::Environment(name);
                self.close_frame(frame, start, after);
                if matched {
                    break;
                }
            }
        }
        if name == "document" {
            // Whatever follows `\end{document}` is never typeset.
            self.suppressed = true;
        }
    }

    /// `{name}` after `\begin` or `\end`: the name and the position after the closing brace.
    fn environment_name(&self) -> Option<(&'a str, usize)> {
        let open = self.after_spaces(self.position);
        if self.bytes.get(open) != Some(&b'{') {
            return None;
        }
        let len = self.bytes[open + 1..].iter().take(64).position(|&b| b == b'}')?;
        let name = self.text[open + 1..open + 1 + len].trim();
        let valid = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'*' | b'@' | b'-' | b'_'));
        valid.then_some((name, open + 1 + len + 1))
    }

    /// A `}` or an item label's `]`: closes the innermost group if it is one.
    fn close_group(&mut self) {
        let at = self.position;
        self.position += 1;
        if matches!(self.top_closer(), Some(Closer::Brace | Closer::Bracket))
            && let Some(frame) = self.frames.pop()
        {
            self.close_frame(frame, at, at + 1);
        }
    }

    /// Closes `frame`, whose content ends at `content_end` and which itself ends at `end`.
    fn close_frame(&mut self, frame: Frame<'a>, content_end: usize, end: usize) {
        if let Some(start) = frame.italic_start {
            self.push_italic(start..content_end);
        }
        if frame.ends_block {
            self.builder.boundary();
        }
        if frame.resumes_suppression {
            self.suppressed = true;
        }
        if let Closer::Environment(name) = frame.closer {
            if let Some(open) = self.open_environments.get_mut(name) {
                *open = open.saturating_sub(1);
            }
            if is_block_environment(name) {
                self.block_depth = self.block_depth.saturating_sub(1);
            }
            if has_cells(name) {
                self.cell_depth = self.cell_depth.saturating_sub(1);
            }
        }
        if let Some(start) = frame.block_start {
            self.tables.push(start..end);
        }
        if let Some(start) = frame.references_start {
            self.references.push(start..end);
            self.in_references = false;
        }
    }

    /// A `\bibitem` at `start`: the reference list runs from here to the end of the enclosing
    /// environment, or of the document.
    fn mark_references(&mut self, start: usize) {
        if self.in_references || self.suppressed {
            return;
        }
        let environment = self
            .frames
            .iter_mut()
            .rev()
            .find(|frame| matches!(frame.closer, Closer::Environment(_)));
        match environment {
            Some(frame) => frame.references_start = Some(start),
            None => self.document_references_start = Some(start),
        }
        self.in_references = true;
    }

    /// Opens a frame for a command's brace argument, if one follows.
    fn open_argument(&mut self, italic: bool, ends_block: bool) {
        let open = self.after_spaces(self.position);
        if self.bytes.get(open) != Some(&b'{') {
            return;
        }
        self.position = open + 1;
        let mut frame = Frame::new(Closer::Brace);
        frame.ends_block = ends_block;
        if italic && !self.suppressed {
            frame.italic_start = Some(self.position);
        }
        self.frames.push(frame);
    }

    /// `\itshape` and friends: italic to the end of the enclosing group.
    fn italic_switch(&mut self) {
        if self.suppressed {
            return;
        }
        let start = match self.frames.last_mut() {
            Some(frame) => &mut frame.italic_start,
            None => &mut self.document_italic_start,
        };
        start.get_or_insert(self.position);
    }

    /// `\upshape` at `at` ends an italic switch of the enclosing group.
    fn end_italic_switch(&mut self, at: usize) {
        let start = match self.frames.last_mut() {
            Some(frame) => frame.italic_start.take(),
            None => self.document_italic_start.take(),
        };
        if let Some(start) = start {
            self.push_italic(start..at);
        }
    }

    fn push_italic(&mut self, range: Range<usize>) {
        let content = &self.text[range.clone()];
        let start = range.start + (content.len() - content.trim_start().len());
        let end = range.start + content.trim_end().len();
        if start < end {
            self.italic.push(start..end);
        }
    }

    /// Skips a comment starting at `start`, records it and returns where it ends (the end of
    /// the line, newline excluded).
    fn comment_at(&mut self, start: usize) -> usize {
        let end = self.bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.bytes.len(), |offset| start + offset);
        self.comments.push(start..end);
        end
    }

    /// Skips math whose content starts at `start`. Inline math cannot span a paragraph break, so
    /// unterminated math ends there.
    fn skip_math(&mut self, start: usize, end: MathEnd) {
        let mut position = start;
        while let Some(&byte) = self.bytes.get(position) {
            match byte {
                b'\\' => {
                    let closes = match self.bytes.get(position + 1) {
                        Some(b')') => end == MathEnd::Paren,
                        Some(b']') => end == MathEnd::Bracket,
                        _ => false,
                    };
                    position += 2;
                    if closes {
                        break;
                    }
                    continue;
                }
                b'%' => {
                    position = self.comment_at(position);
                    continue;
                }
                b'$' if end == MathEnd::Dollar => {
                    position += 1;
                    break;
                }
                b'$' if end == MathEnd::DoubleDollar
                    && self.bytes.get(position + 1) == Some(&b'$') =>
                {
                    position += 2;
                    break;
                }
                b'\n' if self.ends_paragraph(position) => break,
                _ => {}
            }
            position += 1;
        }
        self.position = position.min(self.bytes.len());
        self.builder.boundary();
    }

    /// Skips the body of a math or verbatim environment `name` up to and including its `\end`,
    /// or to the end of the text.
    fn skip_environment_body(&mut self, name: &str) {
        let end = format!("\\end{{{name}}}");
        let verbatim = is_verbatim_environment(name);
        let mut position = self.position;
        loop {
            let Some(offset) =
                self.bytes[position..].iter().position(|&b| b == b'\\' || (b == b'%' && !verbatim))
            else {
                position = self.bytes.len();
                break;
            };
            position += offset;
            if self.bytes[position] == b'%' {
                position = self.comment_at(position);
            } else if self.text[position..].starts_with(&end) {
                position += end.len();
                break;
            } else {
                // Skip the escaped character so `\\end` is not taken for `\end`.
                position = (position + if verbatim { 1 } else { 2 }).min(self.bytes.len());
            }
        }
        self.position = position.min(self.bytes.len());
        self.builder.boundary();
    }

    /// Skips a star, optional arguments and `count` mandatory arguments, each mandatory one
    /// preceded by any optional ones (`\newcommand{\x}[1]{...}`).
    fn skip_arguments(&mut self, count: usize) {
        self.skip_star();
        for _ in 0..count {
            self.skip_optional_arguments(true);
            if !self.skip_mandatory_argument() {
                return;
            }
        }
        if count == 0 {
            self.skip_optional_arguments(true);
        }
    }

    fn skip_star(&mut self) {
        if self.bytes.get(self.position) == Some(&b'*') {
            self.position += 1;
        }
    }

    /// Skips `[...]` arguments, after spaces too when `spaced`, else only directly adjacent.
    fn skip_optional_arguments(&mut self, spaced: bool) {
        loop {
            let open = if spaced { self.after_spaces(self.position) } else { self.position };
            if self.bytes.get(open) != Some(&b'[') {
                return;
            }
            self.position = self.skip_group(open, false);
        }
    }

    /// Skips a `{...}` argument or a single control sequence; false when neither follows.
    fn skip_mandatory_argument(&mut self) -> bool {
        let next = self.after_spaces(self.position);
        match self.bytes.get(next) {
            Some(b'{') => self.position = self.skip_group(next, false),
            Some(b'\\') => self.position = self.control_sequence_end(next),
            _ => return false,
        }
        true
    }

    /// `\verb|...|`, `\url{...}`: an argument read verbatim, in braces or between two equal
    /// characters on one line.
    fn skip_inline_verbatim(&mut self) {
        let open = self.after_spaces(self.position);
        let Some(delimiter) = self.text[open..].chars().next() else {
            return;
        };
        if delimiter == '{' {
            self.position = self.skip_group(open, true);
        } else if !delimiter.is_alphabetic() && !delimiter.is_whitespace() {
            // The content ends at the next delimiter, or unterminated at the end of the line.
            let content = open + delimiter.len_utf8();
            let rest = &self.text[content..];
            self.position = match rest.find([delimiter, '\n']) {
                Some(offset) if rest[offset..].starts_with(delimiter) => {
                    content + offset + delimiter.len_utf8()
                }
                Some(offset) => content + offset,
                None => self.bytes.len(),
            };
        }
        self.builder.boundary();
    }

    /// `\def\name#1#2{body}`: skips the name, the parameter text and the body.
    fn skip_definition(&mut self) {
        let name = self.after_spaces(self.position);
        if self.bytes.get(name) == Some(&b'\\') {
            self.position = self.control_sequence_end(name);
        }
        let mut position = self.position;
        while let Some(&byte) = self.bytes.get(position) {
            match byte {
                b'{' => {
                    self.position = self.skip_group(position, false);
                    return;
                }
                b'\n' | b'}' | b'%' => return,
                _ => position += 1,
            }
        }
    }

    /// Skips a balanced `{...}` or `[...]` group opened at `open` and returns where it ends.
    /// Comments inside are recorded unless `verbatim`. A group still open at a paragraph break,
    /// or a `[` group at an unmatched `}`, ends there.
    fn skip_group(&mut self, open: usize, verbatim: bool) -> usize {
        let close = if self.bytes[open] == b'[' { b']' } else { b'}' };
        let mut depth = 0usize;
        let mut position = open + 1;
        while let Some(&byte) = self.bytes.get(position) {
            match byte {
                b'\\' if !verbatim => {
                    position += 2;
                    continue;
                }
                b'%' if !verbatim => {
                    position = self.comment_at(position);
                    continue;
                }
                b'\n' if self.ends_paragraph(position) => return position,
                b'{' => depth += 1,
                _ if byte == close && depth == 0 => return position + 1,
                b'}' if depth > 0 => depth -= 1,
                b'}' => return position,
                _ => {}
            }
            position += 1;
        }
        self.bytes.len()
    }

    /// The end of the control sequence whose backslash is at `start`.
    fn control_sequence_end(&self, start: usize) -> usize {
        let letters =
            self.bytes[start + 1..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
        if letters > 0 {
            start + 1 + letters
        } else {
            start + 1 + self.text[start + 1..].chars().next().map_or(0, char::len_utf8)
        }
    }

    /// `position` moved past spaces and at most one line break (TeX reads both as one space
    /// between a command and its arguments; a blank line is a paragraph break).
    fn after_spaces(&self, mut position: usize) -> usize {
        let mut seen_newline = false;
        while let Some(&byte) = self.bytes.get(position) {
            match byte {
                b' ' | b'\t' | b'\r' => {}
                b'\n' if !seen_newline => seen_newline = true,
                _ => break,
            }
            position += 1;
        }
        position
    }

    /// Whether the line break at `newline` is followed by a blank line.
    fn ends_paragraph(&self, newline: usize) -> bool {
        let rest = &self.bytes[newline + 1..];
        let spaces = rest.iter().take_while(|&&b| matches!(b, b' ' | b'\t' | b'\r')).count();
        rest.get(spaces) == Some(&b'\n')
    }

    fn finish(mut self) -> Prose {
        let end = self.bytes.len();
        while let Some(mut frame) = self.frames.pop() {
            // An unterminated `\emph{` says nothing reliable about where italics end.
            if frame.closer == Closer::Brace {
                frame.italic_start = None;
            }
            self.close_frame(frame, end, end);
        }
        if let Some(start) = self.document_references_start {
            self.references.push(start..end);
        }
        if let Some(start) = self.document_italic_start {
            self.push_italic(start..end);
        }
        self.italic.sort_by_key(|range| (range.start, range.end));
        self.tables.sort_by_key(|range| (range.start, range.end));
        let definitions = acronym_definitions(self.text, &self.comments);
        Prose {
            ranges: self.builder.finish(),
            italic: self.italic,
            references: self.references,
            comments: self.comments,
            tables: self.tables,
            definitions,
        }
    }
}

/// The abbreviations the acronym packages define: `\newacronym[opts]{key}{SF}{long}`,
/// `\newabbreviation[opts]{key}{SF}{long}` (glossaries), `\acro{SF}[shown]{long}`,
/// `\acrodef{SF}[shown]{long}` (acronym), as (short form, long form) byte ranges of their
/// arguments' contents. Commands inside comments (sorted ranges) define nothing.
fn acronym_definitions(text: &str, comments: &[Range<usize>]) -> Vec<(Range<usize>, Range<usize>)> {
    const COMMANDS: &[(&str, bool)] = &[
        ("\\newacronym", true),
        ("\\newabbreviation", true),
        ("\\acro", false),
        ("\\acrodef", false),
    ];
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for (at, _) in text.match_indices('\\') {
        let Some((name, keyed)) = COMMANDS.iter().find(|(name, _)| {
            text[at..].starts_with(name)
                && !bytes.get(at + name.len()).is_some_and(u8::is_ascii_alphabetic)
        }) else {
            continue;
        };
        let commented = comments.partition_point(|c| c.end <= at);
        if comments.get(commented).is_some_and(|c| c.start <= at) {
            continue;
        }
        // Mandatory arguments, skipping optional ones: `{key}{SF}{long}` or `{SF}[shown]{long}`.
        let mut position = at + name.len();
        let mut arguments = Vec::new();
        while arguments.len() < if *keyed { 3 } else { 2 } {
            while bytes.get(position).is_some_and(u8::is_ascii_whitespace) {
                position += 1;
            }
            match bytes.get(position) {
                Some(b'[') => match text[position..].find(']') {
                    Some(close) => position += close + 1,
                    None => break,
                },
                Some(b'{') => match balanced_group_end(bytes, position) {
                    Some(close) => {
                        arguments.push(position + 1..close);
                        position = close + 1;
                    }
                    None => break,
                },
                _ => break,
            }
        }
        if let [.., short, long] = &arguments[..]
            && arguments.len() == if *keyed { 3 } else { 2 }
        {
            found.push((short.clone(), long.clone()));
        }
    }
    found
}

/// The offset of the `}` that closes the group opened at `open`.
fn balanced_group_end(bytes: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0;
    for (i, &b) in bytes.iter().enumerate().skip(open) {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether the text has a `\begin{document}` outside comments, so that what precedes it is a
/// preamble.
fn has_document_environment(text: &str) -> bool {
    text.lines().any(|line| {
        let bytes = line.as_bytes();
        let mut code_end = 0;
        while code_end < bytes.len() && bytes[code_end] != b'%' {
            code_end += if bytes[code_end] == b'\\' { 2 } else { 1 };
        }
        line.as_bytes()[..code_end.min(bytes.len())]
            .windows(b"\\begin{document}".len())
            .any(|window| window == b"\\begin{document}")
    })
}

/// Commands that print a symbol (`\textless`, `\textasciitilde`, `\ldots`, `\dag`).
fn is_text_symbol(name: &str) -> bool {
    matches!(
        name,
        "textless"
            | "textgreater"
            | "textasciitilde"
            | "textasciicircum"
            | "textbar"
            | "textbackslash"
            | "textbullet"
            | "textperiodcentered"
            | "textdagger"
            | "textdaggerdbl"
            | "textdegree"
            | "textpm"
            | "texttimes"
            | "textdiv"
            | "textmu"
            | "textregistered"
            | "texttrademark"
            | "textcopyright"
            | "textsection"
            | "textparagraph"
            | "textellipsis"
            | "textquotedbl"
            | "textunderscore"
            | "textbraceleft"
            | "textbraceright"
            | "ldots"
            | "dots"
            | "dag"
            | "ddag"
            | "S"
            | "P"
            | "pounds"
            | "euro"
            | "copyright"
    )
}

/// `\cite`, `\citep`, `\parencite`, `\textcite`, `\nocite`, `\Citet`...
pub(super) fn is_citation(name: &str) -> bool {
    name.as_bytes().windows(4).any(|window| window.eq_ignore_ascii_case(b"cite"))
}

/// How many mandatory arguments of a command are identifiers rather than prose (`None` for a
/// command whose arguments are prose).
pub(super) fn skipped_arguments(name: &str) -> Option<usize> {
    let count = match name {
        "printbibliography" | "hyperref" | "makebox" | "framebox" => 0,
        "label" | "includegraphics" | "input" | "include" | "includeonly" | "bibliography"
        | "bibliographystyle" | "addbibresource" | "usepackage" | "RequirePackage"
        | "documentclass" | "hspace" | "vspace" | "pagestyle" | "thispagestyle"
        | "pagenumbering" | "graphicspath" | "color" | "textcolor" | "colorbox" | "hypersetup"
        | "geometry" | "linespread" | "cline" | "scalebox" | "parbox" | "raisebox" | "phantom"
        | "hphantom" | "vphantom" | "doi" | "email" | "orcid" | "si" | "num" | "newcounter"
        // `\hypertarget{s3a}{text}`, `\hyperlink{S1}{text}`: an anchor, then the text.
        | "hypertarget" | "hyperlink" => 1,
        "setlength"
        | "addtolength"
        | "setcounter"
        | "addtocounter"
        | "newcommand"
        | "renewcommand"
        | "providecommand"
        | "DeclareMathOperator"
        | "newtheorem"
        | "rule"
        | "multicolumn"
        | "multirow"
        | "resizebox"
        | "fontsize"
        | "SI" => 2,
        "newenvironment" | "renewenvironment" | "definecolor" => 3,
        // \ref, \eqref, \cref, \Cref, \autoref, \pageref, \nameref, \vref...
        _ if name.ends_with("refrange") => 2,
        _ if name.ends_with("ref") => 1,
        _ => return None,
    };
    Some(count)
}

fn is_math_environment(name: &str) -> bool {
    matches!(
        name.trim_end_matches('*'),
        "equation"
            | "align"
            | "alignat"
            | "gather"
            | "multline"
            | "eqnarray"
            | "math"
            | "displaymath"
            | "flalign"
            | "dmath"
    )
}

fn is_verbatim_environment(name: &str) -> bool {
    matches!(
        name.trim_end_matches('*'),
        "verbatim" | "Verbatim" | "BVerbatim" | "lstlisting" | "minted" | "comment"
    )
}

/// Environments whose `&` and `\\` separate cells.
fn has_cells(name: &str) -> bool {
    matches!(
        name.trim_end_matches('*'),
        "tabular" | "tabularx" | "tabulary" | "longtable" | "supertabular" | "xtabular" | "tblr"
    )
}

/// Tables and lists, recorded in [`Prose::tables`].
fn is_block_environment(name: &str) -> bool {
    has_cells(name)
        || matches!(
            name.trim_end_matches('*'),
            "table" | "sidewaystable" | "itemize" | "enumerate" | "description"
        )
}

/// How many mandatory arguments of an environment are not prose (column specifications,
/// widths, the widest label of a bibliography).
fn environment_arguments(name: &str) -> usize {
    match name {
        "tabular" | "longtable" | "supertabular" | "xtabular" | "tblr" | "thebibliography"
        | "minipage" | "multicols" | "multicols*" | "subfigure" | "subtable" | "otherlanguage"
        | "adjustbox" => 1,
        "tabular*" | "tabularx" | "tabulary" | "wrapfigure" | "wraptable" | "list" => 2,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{self, slices};
    use super::super::{DocumentKind, prose};

    fn texts(text: &str) -> Vec<&str> {
        test_support::texts(text, DocumentKind::Latex)
    }

    fn texts_and_joins(text: &str) -> Vec<(&str, bool)> {
        test_support::texts_and_joins(text, DocumentKind::Latex)
    }

    #[test]
    fn comments_are_recorded_and_not_prose() {
        let text = "PINK1 % PARK2 comment\nnext 50\\% line %biolint-disable\n";
        let result = prose(text, DocumentKind::Latex);
        assert_eq!(slices(text, &result.comments), ["% PARK2 comment", "%biolint-disable"]);
        assert_eq!(texts_and_joins(text), [("PINK1", false), ("next 50", true), ("line", true)]);
        // `\\` is a line break, so the `%` after it starts a comment.
        assert_eq!(texts("a\\\\% c\nb"), ["a", "b"]);
    }

    #[test]
    fn math_is_not_prose() {
        let text = "Let $x = PINK1$ and $$PRKN$$ or \\(a\\) and \\[ SNCA \\] with\n\\begin{equation}\nLRRK2 \\end{align} x\n\\end{equation}\nend \\begin{align*}a\\end{align*}.";
        assert_eq!(
            texts_and_joins(text),
            [
                ("Let", false),
                ("and", false),
                ("or", false),
                ("and", false),
                ("with", false),
                ("end", false),
                (".", false)
            ]
        );
    }

    #[test]
    fn escaped_dollars_and_unterminated_math() {
        assert_eq!(texts("costs \\$5 and \\$6"), ["costs", "5 and", "6"]);
        assert_eq!(texts("a $x + y\n\nPINK1 text"), ["a", "PINK1 text"]);
        assert_eq!(texts("a \\[ x"), ["a"]);
        assert_eq!(texts("a \\begin{equation} x"), ["a"]);
    }

    #[test]
    fn citations_and_references_are_not_prose() {
        let text = "PINK1~\\cite{smith2020} and \\citep[see][p.~3]{a,b} or \\parencite*{c} and \\textcite{d}\\nocite{*} see Fig.~\\ref{fig:PRKN} and \\eqref{e}, \\cref{x} \\Cref{y} \\autoref{z} \\pageref{w} \\label{sec:PINK1}\\cites{a}{b} end";
        assert_eq!(texts(text), ["PINK1", "and", "or", "and", "see Fig.", "and", ",", "end"]);
    }

    #[test]
    fn href_text_is_prose_but_urls_are_not() {
        let text =
            "See \\href{http://x.org/PINK1%20a}{PINK1 text} and \\url{https://y.org/~PRKN} now";
        assert_eq!(
            texts_and_joins(text),
            [("See", false), ("PINK1 text", false), ("and", true), ("now", false)]
        );
    }

    #[test]
    fn emphasis_is_italic_prose_that_joins() {
        let text = "The \\emph{PINK1} gene, \\textit{Leigh}\n  syndrome, {\\it PRKN } and {\\itshape SNCA\\upshape{} x}.";
        let result = prose(text, DocumentKind::Latex);
        assert_eq!(slices(text, &result.italic), ["PINK1", "Leigh", "PRKN", "SNCA"]);
        assert_eq!(
            texts_and_joins(text),
            [
                ("The", false),
                ("PINK1", true),
                ("gene,", true),
                ("Leigh", true),
                ("syndrome,", true),
                ("PRKN", true),
                ("and", true),
                ("SNCA", true),
                ("x", true),
                (".", true)
            ]
        );
    }

    #[test]
    fn sections_captions_and_footnotes_are_separate_blocks() {
        let text = "\\section{Results}\nPINK1 was\\footnote{A PRKN note.} found.\n\\begin{figure}[htbp]\\includegraphics[width=1cm]{fig/PINK1.pdf}\\caption[short PRKN]{Long SNCA}\\label{f}\\end{figure}\\subsection*{More}";
        assert_eq!(
            texts_and_joins(text),
            [
                ("Results", false),
                ("PINK1 was", false),
                ("A PRKN note.", false),
                ("found.", false),
                ("Long SNCA", false),
                ("More", false)
            ]
        );
    }

    #[test]
    fn preamble_is_skipped_but_its_title() {
        let text = "\\documentclass[11pt]{article}\n\\usepackage{PINK1}\n\\title{PRKN in \\emph{Drosophila}}\n\\author{A. Park}\n% preamble comment\n\\begin{document}\nBody text.\n\\end{document}\nPARK2 after the end.";
        let result = prose(text, DocumentKind::Latex);
        assert_eq!(texts(text), ["PRKN in", "Drosophila", "Body text."]);
        assert_eq!(slices(text, &result.italic), ["Drosophila"]);
        assert_eq!(slices(text, &result.comments), ["% preamble comment"]);
        // A commented-out \begin{document} does not make a preamble.
        assert_eq!(texts("% \\begin{document}\nText."), ["Text."]);
    }

    #[test]
    fn skipped_commands_and_definitions() {
        let text = "\\newcommand{\\gene}[1]{\\textit{#1}}\\renewcommand*\\x{PRKN}\\def\\y#1{SNCA}A\\hspace*{1em}B\\vspace{2pt}\\setlength{\\parindent}{0pt}\\input{PINK1}\\include{ch}\\bibliographystyle{plain}\\bibliography{refs}\\printbibliography[heading=none] C";
        let result = prose(text, DocumentKind::Latex);
        assert_eq!(texts(text), ["A", "B", "C"]);
        assert!(result.italic.is_empty());
    }

    #[test]
    fn verbatim_is_not_prose() {
        let text = "a \\verb|PINK1 %| b \\verb*+x+ c \\lstinline{PRKN} d\n\\begin{verbatim}\nSNCA % not a comment \\end{verbatim} e \\begin{lstlisting}[language=R]\nx\n\\end{lstlisting}\nf";
        let result = prose(text, DocumentKind::Latex);
        assert_eq!(texts(text), ["a", "b", "c", "d", "e", "f"]);
        assert!(result.comments.is_empty());
    }

    #[test]
    fn tables_split_cells_and_are_recorded() {
        let text = "\\begin{table}[h]\\caption{Genes}\n\\begin{tabular}{|l|p{2cm}|}\nGene & Disease \\\\ \\hline\nPINK1 & Parkinson\ndisease \\\\[2pt]\n\\multicolumn{2}{c}{Leigh \\& co}\n\\end{tabular}\\end{table}\nAfter \\\\ wrapped";
        let result = prose(text, DocumentKind::Latex);
        assert_eq!(slices(text, &result.tables), [&text[..text.find("\nAfter").unwrap()]]);
        assert_eq!(
            texts_and_joins(text),
            [
                ("Genes", false),
                ("Gene", false),
                ("Disease", false),
                ("PINK1", false),
                ("Parkinson", false),
                ("disease", true),
                ("Leigh", false),
                ("co", true),
                ("After", false),
                ("wrapped", true)
            ]
        );
    }

    #[test]
    fn lists_are_recorded_and_items_are_blocks() {
        let text = "\\begin{itemize}\n\\item PINK1 first\n\\item[PRKN] second\n\\begin{enumerate}\\item inner\\end{enumerate}\n\\end{itemize}";
        let result = prose(text, DocumentKind::Latex);
        assert_eq!(slices(text, &result.tables), [text]);
        assert_eq!(
            texts_and_joins(text),
            [("PINK1 first", false), ("PRKN", false), ("second", false), ("inner", false)]
        );
    }

    #[test]
    fn bibliography_is_marked_as_references() {
        let text = "\\begin{document}\nText.\n\\begin{thebibliography}{99}\n\\bibitem[Smith(2020)]{smith} J. Smith. PINK1 in flies.\n\\end{thebibliography}\n\\end{document}";
        let result = prose(text, DocumentKind::Latex);
        let start = text.find("\\begin{thebibliography}").unwrap();
        let end = text.find("\n\\end{document}").unwrap();
        assert_eq!(slices(text, &result.references), [&text[start..end]]);
        assert_eq!(texts(text), ["Text.", "J. Smith. PINK1 in flies."]);
        // A bare \bibitem runs to the end of its environment or the document.
        let text = "Intro.\n\\bibitem{a} A. PRKN.";
        let result = prose(text, DocumentKind::Latex);
        assert_eq!(slices(text, &result.references), ["\\bibitem{a} A. PRKN."]);
    }

    #[test]
    fn paragraphs_and_wrapped_lines() {
        let text = "Leigh\n  syndrome\n%\nis\n\n  New paragraph.";
        assert_eq!(
            texts_and_joins(text),
            [("Leigh", false), ("syndrome", true), ("is", true), ("New paragraph.", false)]
        );
    }

    #[test]
    fn unknown_commands_keep_their_arguments_as_prose() {
        let text = "\\gene[opt]{PINK1} and \\textbf{PRKN} \\textsc{snca}\\LaTeX{} \\'e";
        assert_eq!(
            texts_and_joins(text),
            [("PINK1", false), ("and", true), ("PRKN", true), ("snca", true), ("e", true)]
        );
    }

    #[test]
    fn malformed_input_does_not_panic() {
        for text in [
            "$",
            "$$",
            "{",
            "}",
            "\\",
            "\\begin",
            "\\begin{",
            "\\end{document}",
            "\\emph{PINK1",
            "\\item[",
            "]}]}",
            "\\cite{a",
            "\\verb",
            "\\verb|x",
            "\\url",
            "\\\\",
            "\\é",
            "\\begin{verbatim}",
            "\\begin{verbatim}\\",
            "\\begin{equation}\\",
            "\\begin{itemize}\\end{enumerate}}\\end{itemize}\\end{itemize}",
            "{\\itshape x",
            "%",
            "\\def",
            "\\def\\x",
        ] {
            let _ = prose(text, DocumentKind::Latex);
        }
        assert_eq!(texts("\\emph{PINK1\n\nNext"), ["PINK1", "Next"]);
        assert!(prose("\\emph{PINK1", DocumentKind::Latex).italic.is_empty());
    }

    #[test]
    fn acronym_packages_define_abbreviations() {
        let text = "\\documentclass{article}\n\\usepackage{glossaries}\n\\newacronym[longplural={x}]{cca}{CCA}{canonical correlation analysis}\n\\acro{ROS}[ROS]{reactive oxygen species}\n% \\acrodef{ASM}{anti-seizure medication}\n\\begin{document}\n\\acrodef{PD}{Parkinson's \\emph{disease}}\nText.\n\\end{document}\n";
        let definitions: Vec<(&str, &str)> = prose(text, DocumentKind::Latex)
            .definitions
            .iter()
            .map(|(s, l)| (&text[s.clone()], &text[l.clone()]))
            .collect();
        assert_eq!(
            definitions,
            [
                ("CCA", "canonical correlation analysis"),
                ("ROS", "reactive oxygen species"),
                ("PD", "Parkinson's \\emph{disease}")
            ]
        );
    }
}
