//! `biolint check`, `rules` and `explain` end to end: the real binary on real files.

use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn biolint_in(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_biolint")).current_dir(dir).args(args).output().unwrap()
}

fn write(dir: &std::path::Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn json_output_has_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "paper.md", "# Title\n\nLoss of PARK2 in α-synuclein models.\n");
    let out = biolint_in(dir.path(), &["check", "--format", "json", "paper.md"]);
    assert_eq!(out.status.code(), Some(1), "a warning fails by default");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &json[0]["diagnostics"][0];
    assert_eq!(json[0]["path"], "paper.md");
    assert_eq!(d["rule"], "gene/previous-symbol");
    assert_eq!(d["severity"], "warning");
    assert_eq!(
        d["message"],
        "PARK2 is a previous HGNC symbol of PRKN (parkin RBR E3 ubiquitin protein ligase, NCBI Gene 5071)"
    );
    assert_eq!(d["text"], "PARK2");
    assert_eq!((d["start"].as_u64(), d["end"].as_u64()), (Some(17), Some(22)));
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(3), Some(9)));
    assert_eq!((d["end_line"].as_u64(), d["end_column"].as_u64()), (Some(3), Some(14)));
    assert_eq!(d["fixes"][0]["title"], "Replace with PRKN");
    assert_eq!(d["fixes"][0]["replacement"], "PRKN");
    assert_eq!(
        (d["fixes"][0]["start"].as_u64(), d["fixes"][0]["end"].as_u64()),
        (Some(17), Some(22))
    );
}

#[test]
fn human_output_and_exit_status_follow_fail_on() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.txt", "CX43 was measured.\n");
    let out = biolint_in(dir.path(), &["check", "notes.txt"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("notes.txt:1:1: info[gene/alias]: CX43 is an alias of GJA1"),
        "{stdout}"
    );
    assert!(
        stdout.contains("1 | CX43 was measured.\n  | ^^^^\n  = fix: Replace with GJA1\n"),
        "{stdout}"
    );
    assert!(stdout.ends_with("Found 1 problem in 1 of 1 file (1 info).\n"), "{stdout}");
    assert_eq!(out.status.code(), Some(0), "an info does not fail by default");
    assert_eq!(
        biolint_in(dir.path(), &["check", "--fail-on", "info", "notes.txt"]).status.code(),
        Some(1)
    );
    assert_eq!(
        biolint_in(dir.path(), &["check", "--fail-on", "never", "notes.txt"]).status.code(),
        Some(0)
    );
}

#[test]
fn folders_are_walked_honouring_gitignore_hidden_files_and_links() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "paper/intro.md", "PARK2.\n");
    write(dir.path(), "paper/methods.tex", "PARK2 in \\emph{mice}.\n");
    // Every extension a document kind claims is walked, in any case.
    write(dir.path(), "paper/results.LTX", "PARK2.\n");
    write(dir.path(), "paper/notes.text", "PARK2.\n");
    write(dir.path(), "paper/data.csv", "PARK2\n");
    write(dir.path(), "paper/build/old.md", "PARK2.\n");
    write(dir.path(), "paper/.gitignore", "build/\n");
    // Hidden files and folders are skipped; a symbolic link back up is not followed.
    write(dir.path(), "paper/.drafts/old.md", "PARK2.\n");
    write(dir.path(), "paper/.scratch.md", "PARK2.\n");
    std::os::unix::fs::symlink(dir.path().join("paper"), dir.path().join("paper/loop")).unwrap();
    let out = biolint_in(dir.path(), &["check", "--format", "json", "paper"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> =
        json.as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        ["paper/intro.md", "paper/methods.tex", "paper/notes.text", "paper/results.LTX"]
    );
}

#[test]
fn files_checked_in_parallel_are_reported_in_path_order() {
    let dir = tempfile::tempdir().unwrap();
    // Long and short files alternate so that later files finish first on some thread; broken
    // files sit in between.
    for i in 0..60 {
        let text =
            if i % 3 == 0 { "PARK2 and CX43. ".repeat(2000) } else { format!("Sample {i}.\n") };
        write(dir.path(), &format!("papers/{i:02}.md"), &text);
    }
    write(dir.path(), "papers/17b.md", "binary\0");
    write(dir.path(), "papers/41b.md", "binary\0");
    let run = |threads: &str| biolint_in(dir.path(), &["check", "--threads", threads, "papers"]);
    let one = run("1");
    assert_eq!(one.status.code(), Some(2), "a file that cannot be read is bad input");
    let stderr = String::from_utf8(one.stderr.clone()).unwrap();
    assert_eq!(
        stderr,
        "biolint: papers/17b.md: is a binary file (it contains NUL bytes), not text\n\
         biolint: papers/41b.md: is a binary file (it contains NUL bytes), not text\n"
    );
    let stdout = String::from_utf8(one.stdout.clone()).unwrap();
    assert!(stdout.ends_with("in 20 of 60 files (40000 warnings, 40000 infos).\n"), "{stdout}");
    for threads in ["2", "4", "16"] {
        let many = run(threads);
        assert_eq!(many.status, one.status, "{threads} threads");
        assert_eq!(many.stdout, one.stdout, "{threads} threads");
        assert_eq!(many.stderr, one.stderr, "{threads} threads");
    }
    let zero = run("0");
    assert_eq!(zero.status.code(), Some(2), "--threads 0 is a usage error");
}

#[test]
fn configuration_is_found_by_walking_up_and_errors_name_the_line() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "biolint.toml", "allow = [\"PARK2\"]\n[rules]\n\"gene/alias\" = \"off\"\n");
    write(dir.path(), "chapters/one.md", "PARK2 and CX43 and GRP78.\n");
    let out = biolint_in(dir.path(), &["check", "--format", "json", "chapters/one.md"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let texts: Vec<&str> = json[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["GRP78"]);

    write(dir.path(), "broken/biolint.toml", "[rules]\n\"gene/alias\" = \"loud\"\n");
    write(dir.path(), "broken/two.md", "CX43.\n");
    let out =
        biolint_in(dir.path(), &["check", "--format", "json", "broken/two.md", "chapters/one.md"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "biolint.toml:2: gene/alias: \"loud\" is not error, warning, info, hint or off"
        ),
        "{stderr}"
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2, "the files are still checked");
}

#[test]
fn each_folder_has_its_own_configuration_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a/biolint.toml", "allow = [\"PARK2\"]\n");
    for file in ["a/1.md", "a/2.md", "a/sub/3.md", "b/1.md", "b/2.md", "4.md"] {
        write(dir.path(), file, "PARK2 was studied.\n");
    }
    let out = biolint_in(dir.path(), &["check", "--format", "json", "--threads", "2", "."]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let flagged: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .filter(|file| !file["diagnostics"].as_array().unwrap().is_empty())
        .map(|file| file["path"].as_str().unwrap())
        .collect();
    assert_eq!(flagged, ["./4.md", "./b/1.md", "./b/2.md"]);
}

#[test]
fn a_file_in_a_missing_folder_is_one_error_not_a_configuration_from_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    // A broken configuration where the command runs: it is not the missing folder's.
    write(dir.path(), "biolint.toml", "allow = [\n");
    write(dir.path(), "here.md", "PARK2 was studied.\n");
    let out = biolint_in(dir.path(), &["check", "here.md"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("biolint.toml"));
    let out = biolint_in(dir.path(), &["check", "missing/x.md"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("missing/x.md"), "{stderr}");
    assert!(!stderr.contains("biolint.toml"), "{stderr}");
}

#[test]
fn standard_input_with_a_kind() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_biolint"))
        .args(["check", "--stdin-kind", "latex", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"% PARK2 in a comment\nPARK2 in $PARK2$ prose.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["path"], "-");
    assert_eq!(json[0]["diagnostics"].as_array().unwrap().len(), 1);
    assert_eq!(json[0]["diagnostics"][0]["line"], 2);
}

#[test]
fn rules_are_listed_and_explained() {
    let dir = tempfile::tempdir().unwrap();
    let out = biolint_in(dir.path(), &["rules"]);
    let list = String::from_utf8(out.stdout).unwrap();
    for id in [
        "gene/previous-symbol",
        "gene/withdrawn-symbol",
        "gene/alias",
        "gene/ambiguous-alias",
        "gene/symbol-case",
        "gene/excel-mangled",
    ] {
        assert!(list.contains(id), "{id} in {list}");
    }
    let out = biolint_in(dir.path(), &["explain", "gene/alias"]);
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("gene/alias (info by default)"));
    let out = biolint_in(dir.path(), &["explain", "gene/nope"]);
    assert_eq!(out.status.code(), Some(2));
}

/// `biolint rules | head` and the like: a reader that stops reading is no reason to panic.
#[test]
fn a_closed_output_is_no_error() {
    for args in
        [&["rules"][..], &["rules", "--markdown"], &["explain", "gene/alias"], &["dict", "stats"]]
    {
        let mut child = Command::new(env!("CARGO_BIN_EXE_biolint"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{args:?}: {:?}", out.status);
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

const FIXABLE: &str = "PARK2, CX43 and NRF2 in cells with m.8993 T>G.\n";

/// `--fix` applies safe fixes and reports what is left; a second run has nothing to fix;
/// `--unsafe-fixes` applies aliases too; suggestions never; the file keeps its permissions.
#[test]
fn fix_applies_safe_fixes_and_unsafe_ones_on_request() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "paper.md", FIXABLE);
    let paper = dir.path().join("paper.md");
    std::fs::set_permissions(&paper, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = biolint_in(dir.path(), &["check", "--fix", "paper.md"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "only infos are left: {stdout}");
    assert!(stdout.contains("Fixed 2 problems."), "{stdout}");
    let fixed = std::fs::read_to_string(&paper).unwrap();
    assert_eq!(fixed, "PRKN, CX43 and NRF2 in cells with m.8993T>G.\n");
    assert_eq!(std::fs::metadata(&paper).unwrap().permissions().mode() & 0o777, 0o640);

    let again = biolint_in(dir.path(), &["check", "--fix", "paper.md"]);
    assert!(!String::from_utf8_lossy(&again.stdout).contains("Fixed"));
    assert_eq!(std::fs::read_to_string(&paper).unwrap(), fixed);

    biolint_in(dir.path(), &["check", "--fix", "--unsafe-fixes", "paper.md"]);
    assert_eq!(
        std::fs::read_to_string(&paper).unwrap(),
        "PRKN, GJA1 and NRF2 in cells with m.8993T>G.\n",
        "NRF2's candidates are suggestions, never applied"
    );
    // No temporary file is left behind.
    let names: Vec<_> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["paper.md"]);
}

/// A read-only file is reported, exit 2, and left as it was; the other files are fixed.
#[test]
fn fix_reports_a_read_only_file_and_fixes_the_rest() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "locked.md", FIXABLE);
    write(dir.path(), "open.md", FIXABLE);
    let locked = dir.path().join("locked.md");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = biolint_in(dir.path(), &["check", "--fix", "locked.md", "open.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "biolint: locked.md: is read-only; not fixed\n"
    );
    assert_eq!(std::fs::read_to_string(&locked).unwrap(), FIXABLE);
    assert!(std::fs::read_to_string(dir.path().join("open.md")).unwrap().starts_with("PRKN"));
}

/// `--diff` prints what `--fix` would change and writes nothing.
#[test]
fn diff_prints_the_fixes_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "paper.md", FIXABLE);
    let out = biolint_in(dir.path(), &["check", "--diff", "paper.md"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "--- a/paper.md\n+++ b/paper.md\n@@ -1 +1 @@\n\
         -PARK2, CX43 and NRF2 in cells with m.8993 T>G.\n\
         +PRKN, CX43 and NRF2 in cells with m.8993T>G.\n"
    );
    assert_eq!(std::fs::read_to_string(dir.path().join("paper.md")).unwrap(), FIXABLE);
}

/// GitHub workflow commands, one per finding, properties in order and escaped; `--select` and
/// `--ignore` take ids and prefixes; JSON gives each fix's applicability.
#[test]
fn github_format_select_ignore_and_applicability() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a,b.md", FIXABLE);
    let out = biolint_in(
        dir.path(),
        &["check", "--format", "github", "--select", "gene/", "--ignore", "gene/alias", "a,b.md"],
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "::warning file=a%2Cb.md,line=1,col=1,endLine=1,endColumn=6,title=gene/previous-symbol::\
         PARK2 is a previous HGNC symbol of PRKN (parkin RBR E3 ubiquitin protein ligase, NCBI Gene 5071)\n\
         ::notice file=a%2Cb.md,line=1,col=17,endLine=1,endColumn=21,title=gene/ambiguous-alias::\
         NRF2 is an HGNC alias of several genes: NFE2L2 (NFE2 like bZIP transcription factor 2, \
         NCBI Gene 4780) or GABPA (GA binding protein transcription factor subunit alpha, NCBI Gene 2551)\n"
    );
    let out = biolint_in(dir.path(), &["check", "--format", "json", "a,b.md"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let applicability: Vec<(&str, &str)> = json[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap(), d["fixes"][0]["applicability"].as_str().unwrap()))
        .collect();
    assert_eq!(
        applicability,
        [
            ("gene/previous-symbol", "safe"),
            ("gene/alias", "unsafe"),
            ("gene/ambiguous-alias", "suggestion"),
            ("variant/hgvs-syntax", "safe"),
        ]
    );
}

/// `tests/fixtures/every-rule.md`, which has a finding of every rule, in a folder of its own.
fn every_rule() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "paper.md", include_str!("fixtures/every-rule.md"));
    let out = biolint_in(dir.path(), &["check", "--format", "json", "paper.md"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut rules: Vec<String> = json[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_owned())
        .collect();
    rules.sort();
    rules.dedup();
    let mut all: Vec<String> = biolint_core::rules::ids().iter().map(|id| id.to_string()).collect();
    all.sort();
    assert_eq!(rules, all, "the fixture covers every rule");
    dir
}

/// SARIF: valid against the SARIF 2.1.0 schema (`tests/schemas`, from Microsoft's SARIF SDK,
/// MIT), every rule described, every finding a result with its location and fixes.
#[test]
fn sarif_output_is_valid_and_complete() {
    let dir = every_rule();
    let out = biolint_in(dir.path(), &["check", "--format", "sarif", "paper.md"]);
    assert_eq!(out.status.code(), Some(1));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    let schema: Value = serde_json::from_str(include_str!("schemas/sarif-2.1.0.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "severe".into();
    assert!(!validator.is_valid(&broken), "the schema is checked");
    let run = &log["runs"][0];
    let described: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(described, biolint_core::rules::ids());
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 13);
    let park2 = results.iter().find(|r| r["ruleId"] == "gene/previous-symbol").unwrap();
    assert_eq!(park2["level"], "warning");
    let location = &park2["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"],
        serde_json::json!({"uri": "paper.md", "uriBaseId": "%SRCROOT%"})
    );
    assert_eq!(
        location["region"],
        serde_json::json!({"startLine": 3, "startColumn": 9, "endLine": 3, "endColumn": 14})
    );
    assert_eq!(
        park2["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "PRKN"
    );
    assert_eq!(run["columnKind"], "utf16CodeUnits");
}

/// rdjsonl: one JSON line per finding, reviewdog's fields, the fixes as suggestions.
#[test]
fn rdjsonl_output_is_one_diagnostic_per_line() {
    let dir = every_rule();
    let out = biolint_in(dir.path(), &["check", "--format", "rdjsonl", "paper.md"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 13);
    assert_eq!(
        lines[0],
        serde_json::json!({
            "message": "PARK2 is a previous HGNC symbol of PRKN (parkin RBR E3 ubiquitin protein ligase, NCBI Gene 5071)",
            "location": {"path": "paper.md", "range": {"start": {"line": 3, "column": 9}, "end": {"line": 3, "column": 14}}},
            "severity": "WARNING",
            "source": {"name": "biolint", "url": "https://github.com/biolint/biolint"},
            "code": {"value": "gene/previous-symbol", "url": "https://github.com/biolint/biolint/blob/main/docs/rules.md#gene-previous-symbol"},
            "suggestions": [{"range": {"start": {"line": 3, "column": 9}, "end": {"line": 3, "column": 14}}, "text": "PRKN"}],
        })
    );
    for line in &lines {
        assert!(["ERROR", "WARNING", "INFO"].contains(&line["severity"].as_str().unwrap()));
    }
}

/// `biolint lookup` prints the hover card of a term, with its findings; exit 1 for the unknown.
#[test]
fn lookup_prints_the_card_of_a_term() {
    let dir = tempfile::tempdir().unwrap();
    let out = biolint_in(dir.path(), &["lookup", "PARK2"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout.starts_with("**PRKN** — parkin RBR E3 ubiquitin protein ligase"), "{stdout}");
    assert!(stdout.contains("[5071](https://www.ncbi.nlm.nih.gov/gene/5071)"), "{stdout}");
    assert!(stdout.contains("gene/previous-symbol (warning)"), "{stdout}");
    assert!(stdout.contains("fix (safe): Replace with PRKN"), "{stdout}");
    let out = biolint_in(dir.path(), &["lookup", "Leigh", "syndrome"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("D007888"));
    let out = biolint_in(dir.path(), &["lookup", "xyzzy"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "biolint: nothing known as \"xyzzy\"\n");
}

/// `--quiet` prints only the summary; `--statistics` the findings per rule, then the summary.
#[test]
fn quiet_and_statistics() {
    let dir = every_rule();
    let out = biolint_in(dir.path(), &["check", "--quiet", "paper.md"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Found 13 problems in 1 of 1 file (4 errors, 6 warnings, 2 infos, 1 hint).\n"
    );
    assert_eq!(out.status.code(), Some(1));
    let out = biolint_in(dir.path(), &["check", "--statistics", "paper.md"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 14, "{stdout}");
    assert_eq!(lines[0], "      1  gene/alias");
}

/// `--format github` on a finding of every rule: one command per finding, the level by
/// severity, the location and title in order, the message escaped.
#[test]
fn github_output_covers_every_rule() {
    let dir = every_rule();
    let out = biolint_in(dir.path(), &["check", "--format", "github", "paper.md"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 13, "{stdout}");
    let levels: Vec<&str> =
        lines.iter().map(|l| l.trim_start_matches("::").split(' ').next().unwrap()).collect();
    assert_eq!(levels.iter().filter(|l| **l == "error").count(), 4, "{stdout}");
    assert_eq!(levels.iter().filter(|l| **l == "warning").count(), 6, "{stdout}");
    assert_eq!(levels.iter().filter(|l| **l == "notice").count(), 3, "{stdout}");
    for line in &lines {
        let (properties, message) = line.split_once("::").unwrap().1.split_once("::").unwrap();
        let keys: Vec<&str> = properties
            .split_once(' ')
            .unwrap()
            .1
            .split(',')
            .map(|p| p.split('=').next().unwrap())
            .collect();
        assert_eq!(keys, ["file", "line", "col", "endLine", "endColumn", "title"], "{line}");
        assert!(!message.is_empty() && !message.contains('\n'), "{line}");
    }
}

#[test]
fn the_file_size_limit_is_a_setting() {
    let dir = tempfile::tempdir().unwrap();
    // 17 MiB of prose, PARK2 at the start.
    let text = format!("PARK2.\n{}", "Plain words in a line.\n".repeat(17 * 1024 * 1024 / 23));
    write(dir.path(), "big.txt", &text);
    let out = biolint_in(dir.path(), &["check", "--quiet", "big.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "biolint: big.txt: is too large (17.8 MB; biolint reads files of up to 16 MB: --max-file-size raises it)\n"
    );
    let out = biolint_in(dir.path(), &["check", "--quiet", "--max-file-size", "32", "big.txt"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8(out.stdout).unwrap().contains("Found 1 problem"));
}
