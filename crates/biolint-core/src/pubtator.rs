//! The PubTator format of NCBI's annotated corpora: `PMID|t|title`, `PMID|a|abstract`, then one
//! tab-separated line per mention (`PMID start end text type id`, offsets in characters of
//! title + " " + abstract), documents separated by blank lines.

/// One PubTator document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PubtatorDocument {
    pub id: String,
    pub title: String,
    pub abstract_text: String,
    pub annotations: Vec<PubtatorAnnotation>,
}

/// A gold mention; offsets are characters into [`PubtatorDocument::text`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PubtatorAnnotation {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub entity_type: String,
    pub id: String,
}

impl PubtatorDocument {
    /// The text the offsets count in: title, a space, abstract.
    pub fn text(&self) -> String {
        format!("{} {}", self.title, self.abstract_text)
    }
}

/// Parses a PubTator file; an error names the line and what is wrong with it.
pub fn parse(input: &str) -> Result<Vec<PubtatorDocument>, String> {
    let mut documents: Vec<PubtatorDocument> = Vec::new();
    for (i, line) in input.lines().enumerate() {
        let line_number = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let bar = line.split('|').collect::<Vec<_>>();
        if bar.len() >= 3 && (bar[1] == "t" || bar[1] == "a") && !bar[0].contains('\t') {
            let id = bar[0];
            let body = line[id.len() + 3..].to_owned();
            if bar[1] == "t" {
                documents.push(PubtatorDocument {
                    id: id.to_owned(),
                    title: body,
                    ..Default::default()
                });
            } else {
                match documents.last_mut() {
                    Some(d) if d.id == id => d.abstract_text = body,
                    _ => {
                        return Err(format!(
                            "line {line_number}: abstract of {id} without its title line"
                        ));
                    }
                }
            }
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        // Relation lines (`PMID  CID  D008750  D007022`, BioRED's `PMID  Association  ...`)
        // are not mentions.
        if fields.len() >= 3 && fields[1].parse::<usize>().is_err() && !fields[1].is_empty() {
            continue;
        }
        let (Some(document), true) = (documents.last_mut(), fields.len() >= 5) else {
            return Err(format!(
                "line {line_number}: neither a title, an abstract nor an annotation line"
            ));
        };
        let parse = |s: &str| {
            s.parse::<usize>().map_err(|_| format!("line {line_number}: {s:?} is not an offset"))
        };
        document.annotations.push(PubtatorAnnotation {
            start: parse(fields[1])?,
            end: parse(fields[2])?,
            text: fields[3].to_owned(),
            entity_type: fields[4].to_owned(),
            id: fields.get(5).copied().unwrap_or("").to_owned(),
        });
    }
    Ok(documents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_documents_and_annotations() {
        let input =
            "1|t|PINK1 in PD\n1|a|Parkin too.\n1\t0\t5\tPINK1\tGene\t65018\n\n2|t|T\n2|a|A\n";
        let docs = parse(input).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text(), "PINK1 in PD Parkin too.");
        assert_eq!(docs[0].annotations[0].id, "65018");
        assert!(parse("garbage line\n").unwrap_err().starts_with("line 1:"));
    }
}
