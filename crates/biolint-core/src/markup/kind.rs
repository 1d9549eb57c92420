//! The markup languages biolint reads, and all that the front ends need to know of each: the
//! file extensions and editor language ids that say a document is written in it, and its
//! comment syntax, in which suppression directives are read and written. The command line's
//! folder walk, the language server and its quick fixes ask here, so that they agree.

use std::path::Path;

/// The markup language of a document, which decides how its prose is found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// CommonMark with tables, footnotes and math; also R Markdown and Quarto.
    Markdown,
    /// LaTeX source.
    Latex,
    /// Text without markup.
    Plain,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 3] = [Self::Markdown, Self::Latex, Self::Plain];

    /// The file extensions of this kind, lower case, without the dot.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Markdown => &["md", "markdown", "rmd", "qmd"],
            Self::Latex => &["tex", "latex", "ltx"],
            Self::Plain => &["txt", "text"],
        }
    }

    /// The language ids editors give documents of this kind (the LSP's `languageId`).
    pub fn language_ids(self) -> &'static [&'static str] {
        match self {
            Self::Markdown => &["markdown", "rmd", "quarto"],
            Self::Latex => &["latex", "tex", "plaintex"],
            Self::Plain => &["plaintext"],
        }
    }

    /// From a file extension, without the dot, in any case.
    pub fn from_extension(extension: &str) -> Option<Self> {
        let extension = extension.to_ascii_lowercase();
        Self::ALL.into_iter().find(|kind| kind.extensions().contains(&extension.as_str()))
    }

    /// From a file's extension; `None` for a file of no kind biolint reads.
    pub fn from_path(path: &Path) -> Option<Self> {
        path.extension().and_then(|e| e.to_str()).and_then(Self::from_extension)
    }

    /// From an editor's language id.
    pub fn from_language_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.language_ids().contains(&id))
    }

    /// The lowercase name used in configuration and messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Markdown => "markdown",
            Self::Latex => "latex",
            Self::Plain => "plain",
        }
    }

    /// What opens and what closes a comment: `<!--` and `-->` in Markdown (HTML comments),
    /// `%` and the end of the line in LaTeX. Plain text has no comments.
    pub fn comment_delimiters(self) -> Option<(&'static str, &'static str)> {
        match self {
            Self::Markdown => Some(("<!--", "-->")),
            Self::Latex => Some(("%", "")),
            Self::Plain => None,
        }
    }

    /// A comment holding `body`, as a line to insert before `line` (a whole line of a
    /// document of this kind, with its line break): indented like `line`, ending in the same
    /// line break. `None` where this kind has no comments, or where a line before `line` would
    /// change the document: a Markdown table row, whose table a comment line would cut in two.
    pub fn comment_line_before(self, line: &str, body: &str) -> Option<String> {
        let (open, close) = self.comment_delimiters()?;
        let content = line.trim_end_matches(['\n', '\r']);
        let indented = content.trim_start_matches([' ', '\t']);
        if self == Self::Markdown && indented.starts_with('|') {
            return None;
        }
        let indent = &content[..content.len() - indented.len()];
        let comment = if close.is_empty() {
            format!("{open} {body}")
        } else {
            format!("{open} {body} {close}")
        };
        let line_break = match &line[content.len()..] {
            "" => "\n",
            own => own,
        };
        Some(format!("{indent}{comment}{line_break}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_and_language_ids_name_one_kind_each() {
        for kind in DocumentKind::ALL {
            for extension in kind.extensions() {
                assert_eq!(DocumentKind::from_extension(extension), Some(kind));
                assert_eq!(DocumentKind::from_extension(&extension.to_uppercase()), Some(kind));
            }
            for id in kind.language_ids() {
                assert_eq!(DocumentKind::from_language_id(id), Some(kind));
            }
        }
        assert_eq!(DocumentKind::from_path(Path::new("a/paper.LTX")), Some(DocumentKind::Latex));
        assert_eq!(DocumentKind::from_path(Path::new("notes.text")), Some(DocumentKind::Plain));
        assert_eq!(DocumentKind::from_path(Path::new("data.csv")), None);
        assert_eq!(DocumentKind::from_path(Path::new("README")), None);
        assert_eq!(DocumentKind::from_extension(".md"), None);
        assert_eq!(DocumentKind::from_extension("docx"), None);
        assert_eq!(DocumentKind::from_language_id("python"), None);
        assert_eq!(DocumentKind::from_language_id("Markdown"), None);
        let names: Vec<&str> = DocumentKind::ALL.iter().map(|k| k.name()).collect();
        assert_eq!(names, ["markdown", "latex", "plain"]);
    }

    #[test]
    fn comment_lines_keep_the_indent_and_the_line_break() {
        let markdown = DocumentKind::Markdown;
        assert_eq!(
            markdown.comment_line_before("  PARK2 here.\r\n", "x").as_deref(),
            Some("  <!-- x -->\r\n")
        );
        assert_eq!(
            DocumentKind::Latex.comment_line_before("\tPARK2", "x").as_deref(),
            Some("\t% x\n")
        );
        assert_eq!(markdown.comment_line_before("| PARK2 | 1 |\n", "x"), None);
        assert_eq!(DocumentKind::Plain.comment_line_before("PARK2\n", "x"), None);
    }
}
