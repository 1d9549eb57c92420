//! `biolint annotate` end to end: the real binary on real files.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn biolint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_biolint")).args(args).output().expect("biolint runs")
}

fn entities(output: &Output) -> Vec<Value> {
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    json.as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["entities"].as_array().unwrap().clone())
        .collect()
}

fn find<'a>(entities: &'a [Value], text: &str) -> Vec<&'a Value> {
    entities.iter().filter(|e| e["text"] == text).collect()
}

#[test]
fn annotates_the_sample_manuscript_with_identifiers() {
    let manuscript = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/manuscript.md");
    let output = biolint(&["annotate", manuscript]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let e = entities(&output);
    let id_of = |text: &str| find(&e, text).first().map(|v| v["id"].as_str().unwrap().to_owned());
    assert_eq!(id_of("PINK1").as_deref(), Some("NCBIGene:65018"));
    assert_eq!(id_of("PARK2").as_deref(), Some("NCBIGene:5071"));
    assert_eq!(id_of("LHON").as_deref(), Some("MESH:D029242"));
    assert_eq!(id_of("Leigh syndrome").as_deref(), Some("MESH:D007888"));
    assert_eq!(id_of("idebenone").as_deref(), Some("MESH:C036619"));
    assert_eq!(id_of("coenzyme Q10").as_deref(), Some("MESH:C024989"));
    assert_eq!(id_of("Caenorhabditis elegans").as_deref(), Some("NCBITaxon:6239"));
    assert_eq!(id_of("mice").as_deref(), Some("NCBITaxon:10090"));
    assert_eq!(id_of("m.3243A>G").as_deref(), Some("NC_012920.1:m.3243A>G"));
    // Abbreviations defined as something else are not genes.
    assert!(find(&e, "ROS").iter().all(|v| v["type"] != "gene"));
    assert!(find(&e, "MSCs").is_empty());
    // The fenced code block mentions PARK2 and DRP1; only the prose ones count (the title's
    // and the body's).
    assert_eq!(find(&e, "PARK2").len(), 2);
    let pink1 = find(&e, "PINK1")[0];
    assert_eq!(pink1["symbol"], "PINK1");
    assert_eq!(pink1["hgnc"], "HGNC:14581");
    let text = std::fs::read_to_string(manuscript).unwrap();
    for entity in &e {
        let (start, end) =
            (entity["start"].as_u64().unwrap() as usize, entity["end"].as_u64().unwrap() as usize);
        assert_eq!(&text[start..end], entity["text"].as_str().unwrap(), "offsets are UTF-8 bytes");
    }
}

#[test]
fn reads_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_biolint"))
        .args(["annotate", "--stdin-kind", "markdown", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"`PARK2` and PINK1\n").unwrap();
    let output = child.wait_with_output().unwrap();
    let e = entities(&output);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0]["text"], "PINK1");
    assert_eq!(e[0]["column"], 13);
}

#[test]
fn bad_inputs_get_one_line_each_and_the_rest_is_still_done() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    };
    let good = write("good.md", b"PINK1 matters.\n");
    let latin1 = write("latin1.txt", b"caf\xe9 PINK1\n");
    let binary = write("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let empty = write("empty.md", b"");
    let huge = dir.path().join("huge.txt");
    std::fs::File::create(&huge).unwrap().set_len(50 * 1024 * 1024).unwrap();
    let huge = huge.display().to_string();
    let missing = dir.path().join("missing.md").display().to_string();
    let folder = dir.path().display().to_string();

    let output = biolint(&["annotate", &missing, &folder, &latin1, &binary, &empty, &huge, &good]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 6, "{stderr}");
    assert!(lines[0].contains(&missing) && lines[0].contains("no such file"), "{stderr}");
    assert!(lines[1].contains(&folder) && lines[1].contains("is a directory"));
    assert!(lines[2].contains(&latin1) && lines[2].contains("not UTF-8"));
    assert!(lines[3].contains(&binary) && lines[3].contains("binary"));
    assert!(lines[4].contains(&empty) && lines[4].contains("empty"));
    assert!(lines[5].contains(&huge) && lines[5].contains("too large"));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let paths: Vec<&str> =
        json.as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, [empty.as_str(), good.as_str()]);
    assert!(Path::new(&good).exists(), "inputs are never modified");
}

#[test]
fn pubtator_in_and_out() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.PubTator");
    std::fs::write(&corpus, "42|t|PINK1 and Leigh syndrome\n42|a|Parkin (PARK2) was lost.\n\n")
        .unwrap();
    let output = biolint(&[
        "annotate",
        "--input",
        "pubtator",
        "--format",
        "pubtator",
        corpus.to_str().unwrap(),
    ]);
    assert!(output.status.success());
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(
        out.starts_with("42|t|PINK1 and Leigh syndrome\n42|a|Parkin (PARK2) was lost.\n"),
        "{out}"
    );
    assert!(out.contains("42\t0\t5\tPINK1\tGene\t65018\n"), "{out}");
    assert!(out.contains("42\t10\t24\tLeigh syndrome\tDisease\tD007888\n"), "{out}");
    assert!(out.contains("\tPARK2\tGene\t5071\n"), "{out}");
}

#[test]
fn project_dictionaries_from_biolint_toml() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("biolint.toml"), "dictionaries = [\"lab.tsv\"]\n").unwrap();
    std::fs::write(
        dir.path().join("lab.tsv"),
        "term\ttype\tid\tname\nMitoTimer\tgene\tLAB:1\tMitoTimer reporter\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("paper.md"), "MitoTimer and PINK1.\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_biolint"))
        .current_dir(dir.path())
        .args(["annotate", "paper.md"])
        .output()
        .unwrap();
    let e = entities(&output);
    assert_eq!(e[0]["text"], "MitoTimer");
    assert_eq!(e[0]["id"], "LAB:1");
    assert_eq!(e[0]["name"], "MitoTimer reporter");
    assert_eq!(e[1]["id"], "NCBIGene:65018");
}
