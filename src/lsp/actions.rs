//! Code actions for the findings under the cursor: each fix, the same fix everywhere in the
//! document, allowing the term in the project's `biolint.toml`, and a suppression comment.
//!
//! Every action is a quick fix carrying a workspace edit; the server itself never writes a file.
//! Edits to documents carry their version when the client accepts versioned edits, so an edit
//! computed for an older text is refused by the client instead of applied at the wrong place.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use tower_lsp_server::ls_types::{
    self as lsp, CodeAction, CodeActionKind, CodeActionOrCommand, CreateFile, CreateFileOptions,
    DocumentChangeOperation, DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier,
    ResourceOp, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

use super::ClientFeatures;
use super::position::IndexedText;
use super::worker::Analyzed;
use biolint_core::diagnostic::{Applicability, Diagnostic};
use biolint_core::{config, suppression};

/// The project's `biolint.toml` as the action that allows a term must edit it.
pub struct ProjectFile {
    pub uri: Uri,
    /// Its text, the editor's when it is open there; `None` when it does not exist yet.
    pub text: Option<String>,
    /// The editor's version of it, when it is open there.
    pub version: Option<i32>,
}

/// The actions for the findings that touch the bytes `span` of the document at `uri`.
pub fn code_actions(
    analyzed: &Analyzed,
    uri: &Uri,
    span: Range<usize>,
    project: Option<&ProjectFile>,
    features: &ClientFeatures,
) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    // The same "every occurrence", "allow" or "disable" action may come from several findings.
    let mut offered = HashSet::new();
    let touches = |f: &Diagnostic| {
        f.span.start < span.end && span.start < f.span.end
            || span.is_empty() && f.span.start <= span.start && span.start <= f.span.end
    };
    let document_edit =
        |edits: Vec<TextEdit>| edit_document(uri, Some(analyzed.version), edits, features);
    for (index, finding) in analyzed.findings.iter().enumerate().filter(|(_, f)| touches(f)) {
        let diagnostic = &analyzed.diagnostics[index];
        let written = finding.text(analyzed.text.as_str());
        let action = |title: String, edit: WorkspaceEdit, preferred: bool| {
            CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic.clone()]),
                edit: Some(edit),
                is_preferred: preferred.then_some(true),
                ..CodeAction::default()
            })
        };
        for fix in &finding.fixes {
            let edit = text_edit(&analyzed.text, &fix.span, &fix.replacement, features);
            // The quick fix to take without looking: a safe one.
            actions.push(action(
                fix.title.clone(),
                document_edit(vec![edit]),
                fix.applicability == Applicability::Safe,
            ));
        }
        for fix in &finding.fixes {
            let everywhere: Vec<TextEdit> = analyzed
                .findings
                .iter()
                .filter(|other| {
                    other.rule == finding.rule && other.text(analyzed.text.as_str()) == written
                })
                .filter_map(|other| other.fixes.iter().find(|f| f.replacement == fix.replacement))
                .map(|f| text_edit(&analyzed.text, &f.span, &f.replacement, features))
                .collect();
            let title = format!(
                "Replace every occurrence of {written} with {} in this document",
                fix.replacement
            );
            if everywhere.len() > 1 && offered.insert(title.clone()) {
                actions.push(action(title, document_edit(everywhere), false));
            }
        }
        if let Some(edit) = project.and_then(|p| allow_edit(p, written, features)) {
            let title = format!("Allow '{written}' in this project");
            if offered.insert(title.clone()) {
                actions.push(action(title, edit, false));
            }
        }
        if let Some(edit) = disable_edit(analyzed, finding, features) {
            let line = analyzed.text.line_of(finding.span.start);
            let title = format!("Disable {} on this line", finding.rule);
            if offered.insert(format!("{title} {line}")) {
                actions.push(action(title, document_edit(vec![edit]), false));
            }
        }
    }
    actions
}

/// Whether a request limited to the kinds `only` wants quick fixes (`quickfix` has no parent
/// kind but the empty one, which stands for every kind).
pub fn wants_quick_fixes(only: Option<&[CodeActionKind]>) -> bool {
    only.is_none_or(|kinds| {
        kinds.iter().any(|k| k.as_str().is_empty() || *k == CodeActionKind::QUICKFIX)
    })
}

fn text_edit(
    text: &IndexedText,
    span: &Range<usize>,
    replacement: &str,
    features: &ClientFeatures,
) -> TextEdit {
    TextEdit::new(text.range(span, features.encoding), replacement.to_owned())
}

/// Edits to one document (of `version`, when the editor has it open): versioned when the
/// client accepts `documentChanges`.
fn edit_document(
    uri: &Uri,
    version: Option<i32>,
    edits: Vec<TextEdit>,
    features: &ClientFeatures,
) -> WorkspaceEdit {
    if features.document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier {
                    uri: uri.clone(),
                    version,
                },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..WorkspaceEdit::default()
        }
    } else {
        WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        }
    }
}

/// The edit of `biolint.toml` that adds `term` to `allow` (see [`config::allow_insertion`]);
/// when there is no file, one that creates it, which needs a client that can create files.
fn allow_edit(
    project: &ProjectFile,
    term: &str,
    features: &ClientFeatures,
) -> Option<WorkspaceEdit> {
    let insertion = config::allow_insertion(project.text.as_deref(), term)?;
    let Some(text) = &project.text else {
        if !(features.document_changes && features.create_files) {
            return None;
        }
        let create = CreateFile {
            uri: project.uri.clone(),
            options: Some(CreateFileOptions {
                overwrite: Some(false),
                ignore_if_exists: Some(true),
            }),
            annotation_id: None,
        };
        let insert = TextEdit::new(lsp::Range::default(), insertion.text);
        let edit = TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier {
                uri: project.uri.clone(),
                version: None,
            },
            edits: vec![OneOf::Left(insert)],
        };
        return Some(WorkspaceEdit {
            document_changes: Some(DocumentChanges::Operations(vec![
                DocumentChangeOperation::Op(ResourceOp::Create(create)),
                DocumentChangeOperation::Edit(edit),
            ])),
            ..WorkspaceEdit::default()
        });
    };
    let at = IndexedText::new(text.clone()).position(insertion.at, features.encoding);
    let edit = TextEdit::new(lsp::Range::new(at, at), insertion.text);
    Some(edit_document(&project.uri, project.version, vec![edit], features))
}

/// The `biolint-disable-next-line RULE` comment line before the finding's line (see
/// [`suppression::disable_next_line`]).
fn disable_edit(
    analyzed: &Analyzed,
    finding: &Diagnostic,
    features: &ClientFeatures,
) -> Option<TextEdit> {
    let line = analyzed.text.line_of(finding.span.start);
    let comment =
        suppression::disable_next_line(analyzed.kind, finding.rule, analyzed.text.line(line))?;
    let at = analyzed.text.position(analyzed.text.line_start(line), features.encoding);
    Some(TextEdit::new(lsp::Range::new(at, at), comment))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_fixes_are_wanted_unless_other_kinds_are_asked_for() {
        assert!(wants_quick_fixes(None));
        assert!(wants_quick_fixes(Some(&[CodeActionKind::QUICKFIX])));
        assert!(wants_quick_fixes(Some(&[CodeActionKind::EMPTY])));
        assert!(!wants_quick_fixes(Some(&[CodeActionKind::REFACTOR, CodeActionKind::SOURCE])));
        assert!(!wants_quick_fixes(Some(&[CodeActionKind::new("quick")])));
    }
}
