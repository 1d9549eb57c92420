//! `biolint lsp` end to end: the real server driven over JSON-RPC on an in-memory duplex.

mod lsp_common;

use biolint_core::{Config, Document, DocumentKind, Severity};
use lsp_common::{Rng, TestClient, apply_edits, file_uri, position_of, random_boundary, range_of};
use serde_json::{Value, json};

const RULES_URL: &str = "https://github.com/biolint/biolint/blob/main/docs/rules.md";

/// A document with a finding of every rule.
const EVERY_RULE: &str = "# Mitochondrial disease in patients

Loss of PARK2 and DYRK1AIP3 in human fibroblasts with mtDNA defects. CX43 and NRF2 levels
rose, and NFE2L2 targets were induced; C19ORF12 was unchanged.

| gene | change |
|---|---|
| 2-Sep | up |

The mtDNA variants m.8993 T>G, A3243G, m.11778A>G, m.17001A>G, NC_012920.1:g.3243A>G,
m.8993delT and NC_012920.1(MT-ND1):m.3243A>G were found in 🧬 PINK1 carriers with Leigh syndrome.
";

/// Entities of every kind, and findings.
const CARDS: &str = "Loss of PINK1 and PARK2 in Leigh syndrome patients and mice carrying m.3243A>G \
or m.11778A>G, with CX43 and NRF2 and NFE2L2.\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn initialize_negotiates_utf8_when_offered_and_utf16_otherwise() {
    let mut client = TestClient::start();
    let capabilities = client.initialize(json!({"capabilities": {}})).await;
    assert_eq!(capabilities["positionEncoding"], "utf-16");
    assert_eq!(capabilities["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(capabilities["hoverProvider"], true);
    assert_eq!(capabilities["codeActionProvider"]["codeActionKinds"], json!(["quickfix"]));
    assert!(capabilities.get("diagnosticProvider").is_none(), "no pull without the capability");
    client.shut_down().await;

    let mut client = TestClient::start();
    let offered = json!({"capabilities": {"general": {"positionEncodings": ["utf-16", "utf-8"]},
                                           "textDocument": {"diagnostic": {}}}});
    let capabilities = client.initialize(offered).await;
    assert_eq!(capabilities["positionEncoding"], "utf-8");
    assert_eq!(capabilities["diagnosticProvider"]["identifier"], "biolint");
    client.shut_down().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_emoji_or_greek_letter_before_a_symbol_shifts_utf16_and_utf8_differently() {
    let text = "🧬 α-syn, γ and café\u{301}: PARK2 loss\r\nthen PARK2 again\n";
    let first = text.find("PARK2").unwrap();
    let second = text.rfind("PARK2").unwrap();
    for utf16 in [true, false] {
        let mut client = TestClient::start();
        let encodings = if utf16 { json!(["utf-16"]) } else { json!(["utf-8", "utf-16"]) };
        client
            .initialize(json!({"capabilities": {"general": {"positionEncodings": encodings}}}))
            .await;
        client.open("file:///p/emoji.md", "markdown", text).await;
        let diagnostics = client.diagnostics("file:///p/emoji.md", 1).await;
        let ranges: Vec<&Value> = diagnostics.iter().map(|d| &d["range"]).collect();
        assert_eq!(
            ranges,
            [&range_of(text, first, first + 5, utf16), &range_of(text, second, second + 5, utf16)]
        );
        // The two encodings really differ on this line, and agree after the CRLF.
        let expected_character = if utf16 { 23 } else { 29 };
        assert_eq!(ranges[0]["start"]["character"], expected_character);
        assert_eq!(ranges[1]["start"], json!({"line": 1, "character": 5}));
        client.shut_down().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn did_open_publishes_every_rule_with_code_link_source_and_severity() {
    let mut client = TestClient::started().await;
    let uri = "file:///p/every.md";
    client.open(uri, "markdown", EVERY_RULE).await;
    let diagnostics = client.diagnostics(uri, 1).await;

    let engine = biolint_core::lint(
        Document { text: EVERY_RULE, kind: DocumentKind::Markdown },
        &Config::default(),
    );
    let mut codes: Vec<&str> = diagnostics.iter().map(|d| d["code"].as_str().unwrap()).collect();
    codes.sort();
    codes.dedup();
    let mut every_rule = biolint_core::rules::ids();
    every_rule.sort();
    assert_eq!(codes, every_rule, "one finding of every rule");
    assert_eq!(diagnostics.len(), engine.len());
    for (diagnostic, finding) in diagnostics.iter().zip(&engine) {
        assert_eq!(
            diagnostic["range"],
            range_of(EVERY_RULE, finding.span.start, finding.span.end, true)
        );
        assert_eq!(diagnostic["code"], finding.rule);
        assert_eq!(diagnostic["message"], finding.message);
        assert_eq!(diagnostic["source"], "biolint");
        let anchor = finding.rule.replace('/', "-");
        assert_eq!(diagnostic["codeDescription"]["href"], format!("{RULES_URL}#{anchor}"));
        let severity = match finding.severity {
            Severity::Error => 1,
            Severity::Warning => 2,
            Severity::Info => 3,
            Severity::Hint => 4,
        };
        assert_eq!(diagnostic["severity"], severity, "{}", finding.rule);
    }
    client.shut_down().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_edits_back_to_back_leave_the_text_and_findings_of_a_fresh_lint() {
    let mut client = TestClient::started().await;
    let uri = "file:///p/storm.md";
    let mut text = EVERY_RULE.replace('\n', "\r\n");
    client.open(uri, "markdown", &text).await;
    let pieces =
        ["PARK2 ", "α", "🧬", "\r\n", "\n", "e\u{301}", " ", "CX43, ", "m.3243A>G ", "x", ""];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for version in 2..=1001 {
        let a = random_boundary(&text, &mut rng);
        let b = if rng.below(3) == 0 { a } else { random_boundary(&text, &mut rng) };
        let (start, end) = (a.min(b), a.max(b));
        // Deletions stay short so that the text keeps most of its findings.
        let end = if end - start > 40 { start } else { end };
        let insert = pieces[rng.below(pieces.len())];
        let range = range_of(&text, start, end, true);
        text.replace_range(start..end, insert);
        client.change(uri, version, json!([{"range": range, "text": insert}])).await;
    }
    let published = client.publications_until(uri, Some(1001)).await;
    let final_diagnostics = published.last().unwrap();
    assert_eq!(client.server_text(uri).await, Some((1001, text.clone())));

    let fresh = biolint_core::lint(
        Document { text: &text, kind: DocumentKind::Markdown },
        &Config::default(),
    );
    assert!(!fresh.is_empty());
    let expected: Vec<(Value, &str, &str)> = fresh
        .iter()
        .map(|f| (range_of(&text, f.span.start, f.span.end, true), f.rule, f.message.as_str()))
        .collect();
    let actual: Vec<(Value, &str, &str)> = final_diagnostics
        .iter()
        .map(|d| (d["range"].clone(), d["code"].as_str().unwrap(), d["message"].as_str().unwrap()))
        .collect();
    assert_eq!(actual, expected);
    client.shut_down().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edits_that_arrive_out_of_order_are_applied_in_version_order() {
    let mut client = TestClient::started().await;
    let uri = "file:///p/order.md";
    client.open(uri, "markdown", "abc\n").await;
    let version_2 = json!({"textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": range_of("abc\n", 0, 0, true), "text": "PARK2 "}]});
    let version_3 = json!({"textDocument": {"uri": uri, "version": 3},
        "contentChanges": [{"range": range_of("PARK2 abc\n", 6, 6, true), "text": "CX43 "}]});
    // Version 3 before version 2, read in one go as handlers that tower-lsp-server runs
    // concurrently would be: version 3 must wait for version 2.
    let notification =
        |params| json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": params});
    client.send_together(&[notification(version_3), notification(version_2)]).await;
    let diagnostics = client.diagnostics(uri, 3).await;
    assert_eq!(client.server_text(uri).await, Some((3, "PARK2 CX43 abc\n".to_owned())));
    let codes: Vec<&Value> = diagnostics.iter().map(|d| &d["code"]).collect();
    assert_eq!(codes, ["gene/previous-symbol", "gene/alias"]);

    // An edit that is not newer than the text is dropped, and said so.
    client.change(uri, 3, json!([{"text": "replaced"}])).await;
    client.log_containing("older than version 3").await;
    assert_eq!(client.server_text(uri).await, Some((3, "PARK2 CX43 abc\n".to_owned())));

    // A version the client skipped (5 follows 3, as Neovim's change counter does) is applied
    // as soon as the edits read before it have run.
    client.change(uri, 5, json!([{"text": "PARK2 only\n"}])).await;
    let diagnostics = client.diagnostics(uri, 5).await;
    assert_eq!(diagnostics.len(), 1);
    client.log_containing("version 4 never came").await;
    assert_eq!(client.server_text(uri).await, Some((5, "PARK2 only\n".to_owned())));
    client.shut_down().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_version_linted_is_published_even_when_nothing_changed() {
    let mut client = TestClient::started().await;
    let uri = "file:///p/same.md";
    client.open(uri, "markdown", "PARK2 here.\n").await;
    let first = client.diagnostics(uri, 1).await;
    client
        .change(uri, 2, json!([{"range": range_of("PARK2 here.\n", 11, 11, true), "text": " "}]))
        .await;
    let second = client.diagnostics(uri, 2).await;
    assert_eq!(first, second);
    assert_eq!(first.len(), 1);
    client.shut_down().await;
}

fn hover_text(hover: &Value) -> &str {
    assert_eq!(hover["contents"]["kind"], "markdown");
    hover["contents"]["value"].as_str().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_cards_for_a_gene_an_alias_a_disease_a_species_and_variants() {
    let mut client = TestClient::started().await;
    let uri = "file:///p/cards.md";
    client.open(uri, "markdown", CARDS).await;
    let at = |term: &str| position_of(CARDS, CARDS.find(term).unwrap() + 1, true);

    let gene = client.hover(uri, at("PINK1")).await;
    let card = hover_text(&gene);
    for expected in [
        "**PINK1** — PTEN induced kinase 1",
        "NCBI Gene [65018](https://www.ncbi.nlm.nih.gov/gene/65018)",
        "HGNC:14581",
        "gene with protein product",
        "Aliases: ",
        "Previous symbols: PARK6",
    ] {
        assert!(card.contains(expected), "{expected:?} in {card}");
    }
    let start = CARDS.find("PINK1").unwrap();
    assert_eq!(gene["range"], range_of(CARDS, start, start + 5, true));

    let previous = hover_text(&client.hover(uri, at("PARK2")).await).to_owned();
    assert!(
        previous.starts_with("**PRKN** — parkin RBR E3 ubiquitin protein ligase"),
        "{previous}"
    );
    assert!(previous.contains("`PARK2` is a previous symbol of PRKN."), "{previous}");
    assert!(previous.contains("[5071](https://www.ncbi.nlm.nih.gov/gene/5071)"), "{previous}");
    assert!(
        previous.contains("**gene/previous-symbol** (warning): PARK2 is a previous HGNC symbol"),
        "{previous}"
    );

    let alias = hover_text(&client.hover(uri, at("CX43")).await).to_owned();
    assert!(alias.starts_with("**GJA1** — gap junction protein alpha 1"), "{alias}");
    assert!(alias.contains("`CX43` is an alias of GJA1."), "{alias}");

    let ambiguous = hover_text(&client.hover(uri, at("NRF2")).await).to_owned();
    assert!(ambiguous.starts_with("**NFE2L2**"), "{ambiguous}");
    assert!(ambiguous.contains("Also possible:\n\n- **GABPA**"), "{ambiguous}");

    let disease = hover_text(&client.hover(uri, at("Leigh syndrome")).await).to_owned();
    assert!(disease.starts_with("**Leigh Disease** — disease"), "{disease}");
    assert!(
        disease.contains("MeSH [D007888](https://meshb.nlm.nih.gov/record/ui?ui=D007888)"),
        "{disease}"
    );
    assert!(disease.contains("Nervous System Diseases (C10)"), "{disease}");

    let species = hover_text(&client.hover(uri, at("mice")).await).to_owned();
    assert!(species.starts_with("**Mus musculus** — species"), "{species}");
    assert!(
        species
            .contains("[10090](https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id=10090)")
    );

    let variant = hover_text(&client.hover(uri, at("m.3243A>G")).await).to_owned();
    for expected in [
        "**NC\\_012920.1:m.3243A\\>G** — mtDNA variant",
        "MT-TL1 (tRNA leucine 1), NCBI Gene [4567](https://www.ncbi.nlm.nih.gov/gene/4567)",
        "MT-TER",
        "rCRS (NC\\_012920.1): A",
        "ClinVar [VCV000009589](https://www.ncbi.nlm.nih.gov/clinvar/variation/9589/): Pathogenic",
        "MERRF syndrome; Juvenile myopathy",
    ] {
        assert!(variant.contains(expected), "{expected:?} in {variant}");
    }
    assert!(!variant.contains("---"), "nothing is wrong with m.3243A>G: {variant}");

    let wrong = hover_text(&client.hover(uri, at("m.11778A>G")).await).to_owned();
    assert!(
        wrong.contains("**variant/reference-mismatch** (error): m.11778A\\>G: the rCRS"),
        "{wrong}"
    );

    // Not an entity: no card.
    assert_eq!(client.hover(uri, at("carrying")).await, Value::Null);
    client.shut_down().await;
}

/// The one action titled `title`.
fn action<'a>(actions: &'a [Value], title: &str) -> &'a Value {
    let titles: Vec<&Value> = actions.iter().map(|a| &a["title"]).collect();
    actions
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no {title:?} in {titles:?}"))
}

/// The text edits a workspace edit makes to `uri`, whichever form it takes.
fn edits_to(edit: &Value, uri: &str) -> Vec<Value> {
    if let Some(changes) = edit.get("changes") {
        return changes[uri].as_array().unwrap().clone();
    }
    edit["documentChanges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["textDocument"]["uri"] == uri)
        .flat_map(|c| c["edits"].as_array().unwrap().clone())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_actions_fix_replace_everywhere_and_disable_on_the_line() {
    let mut client = TestClient::started().await;
    let uri = "file:///p/fix.md";
    let text = "Intro.\n\n  PARK2 loss and NRF2 rise.\n\nPARK2 again.\n";
    client.open(uri, "markdown", text).await;
    client.diagnostics(uri, 1).await;
    let first = text.find("PARK2").unwrap();
    let actions = client.code_actions(uri, range_of(text, first, first, true)).await;
    let titles: Vec<&str> = actions.iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert_eq!(
        titles,
        [
            "Replace with PRKN",
            "Replace every occurrence of PARK2 with PRKN in this document",
            "Disable gene/previous-symbol on this line"
        ],
        "no project, so no \"Allow\""
    );
    let fix = action(&actions, "Replace with PRKN");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(fix["diagnostics"][0]["code"], "gene/previous-symbol");
    let fixed = apply_edits(text, &edits_to(&fix["edit"], uri), true);
    assert_eq!(fixed, "Intro.\n\n  PRKN loss and NRF2 rise.\n\nPARK2 again.\n");

    let everywhere =
        action(&actions, "Replace every occurrence of PARK2 with PRKN in this document");
    let fixed = apply_edits(text, &edits_to(&everywhere["edit"], uri), true);
    assert_eq!(fixed, "Intro.\n\n  PRKN loss and NRF2 rise.\n\nPRKN again.\n");

    // The suppression comment goes on its own line, indented like the finding's, and works.
    let disable = action(&actions, "Disable gene/previous-symbol on this line");
    let disabled = apply_edits(text, &edits_to(&disable["edit"], uri), true);
    assert_eq!(
        disabled,
        "Intro.\n\n  <!-- biolint-disable-next-line gene/previous-symbol -->\n  \
         PARK2 loss and NRF2 rise.\n\nPARK2 again.\n"
    );
    client.change(uri, 2, json!([{"text": disabled}])).await;
    let remaining = client.diagnostics(uri, 2).await;
    let flagged: Vec<(&Value, &Value)> =
        remaining.iter().map(|d| (&d["code"], &d["range"]["start"]["line"])).collect();
    assert_eq!(
        flagged,
        [(&json!("gene/ambiguous-alias"), &json!(3)), (&json!("gene/previous-symbol"), &json!(5))]
    );

    // Several candidates: one fix each, none preferred.
    let nrf2 = disabled.find("NRF2").unwrap();
    let actions = client.code_actions(uri, range_of(&disabled, nrf2 + 1, nrf2 + 2, true)).await;
    let nfe2l2 = action(&actions, "Replace with NFE2L2");
    assert!(nfe2l2.get("isPreferred").is_none());
    action(&actions, "Replace with GABPA");

    // Nothing to fix here; and a client asking only for refactorings gets none.
    assert_eq!(
        client.code_actions(uri, range_of(&disabled, 0, 3, true)).await,
        Vec::<Value>::new()
    );
    let only_refactor = json!({
        "textDocument": {"uri": uri},
        "range": range_of(&disabled, nrf2, nrf2, true),
        "context": {"diagnostics": [], "only": ["refactor"]}
    });
    assert_eq!(client.request("textDocument/codeAction", only_refactor).await, Value::Null);
    client.shut_down().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disable_comments_follow_the_file_kind() {
    let mut client = TestClient::started().await;
    let text = "Intro.\n\t  PARK2 loss.\n";
    let at = text.find("PARK2").unwrap();
    let latex = "file:///p/paper.tex";
    client.open(latex, "latex", text).await;
    let actions = client.code_actions(latex, range_of(text, at, at + 5, true)).await;
    let disable = action(&actions, "Disable gene/previous-symbol on this line");
    assert_eq!(
        apply_edits(text, &edits_to(&disable["edit"], latex), true),
        "Intro.\n\t  % biolint-disable-next-line gene/previous-symbol\n\t  PARK2 loss.\n"
    );

    let plain = "file:///p/notes.txt";
    client.open(plain, "plaintext", text).await;
    let actions = client.code_actions(plain, range_of(text, at, at + 5, true)).await;
    assert!(
        actions.iter().all(|a| !a["title"].as_str().unwrap().starts_with("Disable")),
        "{actions:?}"
    );
    action(&actions, "Replace with PRKN");

    // A Markdown table row: a comment line would break the table.
    let table = "| gene |\n|---|\n| PARK2 |\n";
    let markdown = "file:///p/table.md";
    client.open(markdown, "markdown", table).await;
    let at = table.find("PARK2").unwrap();
    let actions = client.code_actions(markdown, range_of(table, at, at, true)).await;
    assert!(
        actions.iter().all(|a| !a["title"].as_str().unwrap().starts_with("Disable")),
        "{actions:?}"
    );
    client.shut_down().await;
}

/// A workspace folder with a `biolint.toml` (when `config` is given).
fn workspace(config: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    if let Some(config) = config {
        std::fs::write(dir.path().join("biolint.toml"), config).unwrap();
    }
    dir
}

async fn client_in(dir: &std::path::Path, capabilities: Value, options: Value) -> TestClient {
    let mut client = TestClient::start();
    let folders = json!([{"uri": file_uri(dir), "name": "project"}]);
    client
        .initialize(json!({
            "capabilities": capabilities,
            "workspaceFolders": folders,
            "initializationOptions": options
        }))
        .await;
    client
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn allow_adds_the_term_to_the_project_configuration_which_is_watched() {
    let dir = workspace(Some(
        "# shared settings\nallow = [\"CX43\"]\n\n[rules]\n\"gene/alias\" = \"warning\"\n",
    ));
    let capabilities =
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    let mut client = client_in(dir.path(), capabilities, Value::Null).await;
    let uri = file_uri(&dir.path().join("paper.md"));
    let text = "CX43 and PARK2.\n";
    client.open(&uri, "markdown", text).await;
    let diagnostics = client.diagnostics(&uri, 1).await;
    assert_eq!(diagnostics.len(), 1, "CX43 is allowed: {diagnostics:?}");
    // The server watches biolint.toml.
    let registration =
        client.server_requests.iter().find(|r| r["method"] == "client/registerCapability");
    let watchers = &registration.expect("a watcher registration")["params"]["registrations"][0];
    assert_eq!(watchers["method"], "workspace/didChangeWatchedFiles");
    assert_eq!(watchers["registerOptions"]["watchers"][0]["globPattern"], "**/biolint.toml");

    let at = text.find("PARK2").unwrap();
    let actions = client.code_actions(&uri, range_of(text, at, at, true)).await;
    let allow = action(&actions, "Allow 'PARK2' in this project");
    let config_path = dir.path().join("biolint.toml");
    let config_uri = file_uri(&config_path);
    let config = std::fs::read_to_string(&config_path).unwrap();
    let edited = apply_edits(&config, &edits_to(&allow["edit"], &config_uri), true);
    assert_eq!(
        edited,
        "# shared settings\nallow = [\"CX43\", \"PARK2\"]\n\n[rules]\n\"gene/alias\" = \"warning\"\n"
    );

    // The client saves it; the watcher reports it; the document is linted again.
    std::fs::write(&config_path, edited).unwrap();
    let event = json!({"changes": [{"uri": config_uri, "type": 2}]});
    client.notify("workspace/didChangeWatchedFiles", event).await;
    let publications = client.publications_until(&uri, Some(1)).await;
    assert_eq!(publications.last().unwrap(), &Vec::<Value>::new());

    // A configuration without `allow` gets one at the top.
    // Saved in the editor: read again without waiting for a watcher.
    std::fs::write(&config_path, "species = [\"human\"]\n").unwrap();
    client.notify("textDocument/didSave", json!({"textDocument": {"uri": config_uri}})).await;
    let publications = client.publications_until(&uri, Some(1)).await;
    assert_eq!(publications.last().unwrap().len(), 2, "CX43 and PARK2 are flagged again");
    let actions = client.code_actions(&uri, range_of(text, at, at, true)).await;
    let allow = action(&actions, "Allow 'PARK2' in this project");
    let edited =
        apply_edits("species = [\"human\"]\n", &edits_to(&allow["edit"], &config_uri), true);
    assert_eq!(edited, "allow = [\"PARK2\"]\nspecies = [\"human\"]\n");
    client.shut_down().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn allow_creates_the_configuration_only_when_the_client_can_create_files() {
    let dir = workspace(None);
    let uri = file_uri(&dir.path().join("paper.md"));
    let text = "PARK2.\n";
    let can_create = json!({"workspace": {"workspaceEdit":
        {"documentChanges": true, "resourceOperations": ["create"]}}});
    let mut client = client_in(dir.path(), can_create, Value::Null).await;
    client.open(&uri, "markdown", text).await;
    let actions = client.code_actions(&uri, range_of(text, 0, 0, true)).await;
    let allow = action(&actions, "Allow 'PARK2' in this project");
    let config_uri = file_uri(&dir.path().join("biolint.toml"));
    let changes = allow["edit"]["documentChanges"].as_array().unwrap();
    assert_eq!(changes[0]["kind"], "create");
    assert_eq!(changes[0]["uri"], config_uri);
    assert_eq!(changes[1]["textDocument"]["uri"], config_uri);
    assert_eq!(changes[1]["edits"][0]["newText"], "allow = [\"PARK2\"]\n");
    // Versioned edits of the document itself.
    let fix = action(&actions, "Replace with PRKN");
    assert_eq!(
        fix["edit"]["documentChanges"][0]["textDocument"],
        json!({"uri": uri, "version": 1})
    );
    client.shut_down().await;

    let mut client = client_in(dir.path(), json!({}), Value::Null).await;
    client.open(&uri, "markdown", text).await;
    let actions = client.code_actions(&uri, range_of(text, 0, 0, true)).await;
    assert!(
        actions.iter().all(|a| !a["title"].as_str().unwrap().starts_with("Allow")),
        "{actions:?}"
    );
    client.shut_down().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editor_settings_override_the_file_and_changes_relint_open_documents() {
    let dir = workspace(Some("[rules]\n\"gene/previous-symbol\" = \"off\"\n"));
    let options =
        json!({"biolint": {"allow": ["CX43"], "rulesUrl": "https://example.org/rules.html"}});
    let mut client = client_in(dir.path(), json!({}), options).await;
    let uri = file_uri(&dir.path().join("paper.md"));
    client.open(&uri, "markdown", "PARK2, CX43 and DJ-1.\n").await;
    let diagnostics = client.diagnostics(&uri, 1).await;
    let codes: Vec<&Value> = diagnostics.iter().map(|d| &d["code"]).collect();
    assert_eq!(codes, ["gene/alias"], "PARK2 off by the file, CX43 allowed by the editor");
    assert_eq!(
        diagnostics[0]["codeDescription"]["href"],
        "https://example.org/rules.html#gene-alias"
    );

    // New settings replace the old ones; `rules` merge with the file's rule by rule.
    let settings = json!({"settings": {"biolint": {"rules": {"gene/alias": "error"}}}});
    client.notify("workspace/didChangeConfiguration", settings).await;
    let diagnostics = client.publications_until(&uri, Some(1)).await.pop().unwrap();
    let found: Vec<(&Value, &Value)> =
        diagnostics.iter().map(|d| (&d["code"], &d["severity"])).collect();
    assert_eq!(found, [(&json!("gene/alias"), &json!(1)), (&json!("gene/alias"), &json!(1))]);
    assert_eq!(diagnostics[0]["codeDescription"]["href"], format!("{RULES_URL}#gene-alias"));
    client.shut_down().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_configuration_is_shown_and_the_last_good_one_stays() {
    let dir = workspace(Some("allow = [\"CX43\"]\n"));
    let mut client = client_in(dir.path(), json!({}), Value::Null).await;
    let uri = file_uri(&dir.path().join("paper.md"));
    client.open(&uri, "markdown", "CX43 and PARK2.\n").await;
    assert_eq!(client.diagnostics(&uri, 1).await.len(), 1);

    let config_path = dir.path().join("biolint.toml");
    std::fs::write(&config_path, "allow = [\"CX43\"\n[rules]\n").unwrap();
    let event = json!({"changes": [{"uri": file_uri(&config_path), "type": 2}]});
    client.notify("workspace/didChangeWatchedFiles", event).await;
    let diagnostics = client.publications_until(&uri, Some(1)).await.pop().unwrap();
    assert_eq!(diagnostics.len(), 1, "CX43 is still allowed: {diagnostics:?}");
    let (kind, message) = client.shown.last().expect("a message for the user").clone();
    assert_eq!(kind, 1, "an error");
    assert!(message.contains("biolint.toml:"), "{message}");

    // Bad editor settings are shown too, and change nothing.
    std::fs::write(&config_path, "allow = [\"CX43\"]\n").unwrap();
    let settings = json!({"settings": {"rules": {"gene/alias": "loud"}}});
    client.notify("workspace/didChangeConfiguration", settings).await;
    let diagnostics = client.publications_until(&uri, Some(1)).await.pop().unwrap();
    assert_eq!(diagnostics.len(), 1);
    assert!(client.shown.iter().any(|(_, m)| m.contains("\"loud\"")), "{:?}", client.shown);
    client.shut_down().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn did_close_clears_diagnostics_and_a_reopened_document_is_linted_again() {
    let mut client = TestClient::started().await;
    let uri = "file:///p/close.md";
    client.open(uri, "markdown", "PARK2.\n").await;
    assert_eq!(client.diagnostics(uri, 1).await.len(), 1);
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}})).await;
    let cleared = client.publications_until(uri, None).await;
    assert_eq!(cleared.last().unwrap(), &Vec::<Value>::new());
    assert_eq!(client.server_text(uri).await, None);

    client.open(uri, "markdown", "PARK2 and CX43.\n").await;
    assert_eq!(client.diagnostics(uri, 1).await.len(), 2);
    client.shut_down().await;
}

/// A client that asks for diagnostics gets each finding once: by pull, never also pushed (VS
/// Code would show both). It is told to ask again when the configuration changes them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_pulls_diagnostics_gets_them_only_by_pull() {
    let uri = "file:///p/pull.md";
    // What a client without pull support is sent.
    let mut pusher = TestClient::started().await;
    pusher.open(uri, "markdown", "PARK2 and CX43.\n").await;
    let published = pusher.diagnostics(uri, 1).await;
    pusher.shut_down().await;

    let mut client = TestClient::start();
    let capabilities = json!({
        "textDocument": {"diagnostic": {"dynamicRegistration": true}},
        "workspace": {"diagnostics": {"refreshSupport": true}},
    });
    client.initialize(json!({"capabilities": capabilities})).await;
    client.open(uri, "markdown", "PARK2 and CX43.\n").await;
    let report =
        client.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}})).await;
    assert_eq!(report["kind"], "full");
    assert_eq!(report["items"].as_array().unwrap(), &published);
    let result_id = report["resultId"].clone();
    let again = client
        .request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": uri}, "previousResultId": result_id}),
        )
        .await;
    assert_eq!(again, json!({"kind": "unchanged", "resultId": result_id}));
    client.change(uri, 2, json!([{"text": "PARK2.\n"}])).await;
    let after = client
        .request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": uri}, "previousResultId": result_id}),
        )
        .await;
    assert_eq!(after["kind"], "full");
    assert_eq!(after["items"].as_array().unwrap().len(), 1);

    // The configuration turns the rule off: the client is asked to pull again, and gets none.
    let settings = json!({"biolint": {"rules": {"gene/previous-symbol": "off"}}});
    client.notify("workspace/didChangeConfiguration", json!({"settings": settings})).await;
    client.server_request("workspace/diagnostic/refresh").await;
    let refreshed =
        client.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri}})).await;
    assert_eq!(refreshed["items"], json!([]));
    assert_eq!(client.pending_publications(uri), 0, "pushed as well as pulled");
    client.shut_down().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ambiguous_alias_points_at_where_the_document_names_a_candidate() {
    let text = "NRF2 binds the ARE; NFE2L2 knockout mice lack it.\n";
    let uri = "file:///p/related.md";
    let mut client = TestClient::start();
    let capabilities =
        json!({"textDocument": {"publishDiagnostics": {"relatedInformation": true}}});
    client.initialize(json!({"capabilities": capabilities})).await;
    client.open(uri, "markdown", text).await;
    let diagnostics = client.diagnostics(uri, 1).await;
    let ambiguous = diagnostics.iter().find(|d| d["code"] == "gene/ambiguous-alias").unwrap();
    let related = ambiguous["relatedInformation"].as_array().unwrap();
    assert_eq!(related.len(), 1, "{related:?}");
    let at = text.find("NFE2L2").unwrap();
    assert_eq!(
        related[0]["location"],
        json!({"uri": uri, "range": range_of(text, at, at + 6, true)})
    );
    assert!(
        related[0]["message"].as_str().unwrap().starts_with("NFE2L2 (NFE2 like bZIP"),
        "{related:?}"
    );
    client.shut_down().await;

    // Not for clients that would not show it.
    let mut client = TestClient::started().await;
    client.open(uri, "markdown", text).await;
    let diagnostics = client.diagnostics(uri, 1).await;
    assert!(diagnostics.iter().all(|d| d.get("relatedInformation").is_none()));
    client.shut_down().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn document_symbols_list_the_genes_diseases_and_variants_once_each() {
    let mut client = TestClient::start();
    let capabilities =
        json!({"textDocument": {"documentSymbol": {"hierarchicalDocumentSymbolSupport": true}}});
    client.initialize(json!({"capabilities": capabilities})).await;
    let uri = "file:///p/outline.md";
    client.open(uri, "markdown", CARDS).await;
    let symbols =
        client.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}})).await;
    let outline: Vec<(String, Vec<String>)> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|group| {
            let children = group["children"].as_array().unwrap();
            (
                group["name"].as_str().unwrap().to_owned(),
                children.iter().map(|c| c["name"].as_str().unwrap().to_owned()).collect(),
            )
        })
        .collect();
    assert_eq!(
        outline,
        [
            (
                "Genes".to_owned(),
                vec!["PINK1".to_owned(), "PRKN".to_owned(), "GJA1".to_owned(), "NFE2L2".to_owned()]
            ),
            ("Diseases".to_owned(), vec!["Leigh Disease".to_owned()]),
            (
                "mtDNA variants".to_owned(),
                vec!["NC_012920.1:m.3243A>G".to_owned(), "NC_012920.1:m.11778A>G".to_owned()]
            ),
        ]
    );
    let nfe2l2 = &symbols[0]["children"][3];
    assert_eq!(nfe2l2["detail"], "NCBIGene:4780 · 2 mentions", "NRF2 and NFE2L2");
    let first = CARDS.find("NRF2").unwrap();
    assert_eq!(nfe2l2["selectionRange"], range_of(CARDS, first, first + 4, true));
    client.shut_down().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_language_id_is_read_by_the_file_extension() {
    let mut client = TestClient::started().await;
    let text = "PARK2 and \\cite{PARK2} here.\n";
    // As LaTeX, citation keys are not prose; as plain text they are.
    client.open("file:///p/paper.tex", "tex-dialect", text).await;
    assert_eq!(client.diagnostics("file:///p/paper.tex", 1).await.len(), 1);
    client.open("file:///p/paper.notes", "tex-dialect", text).await;
    assert_eq!(client.diagnostics("file:///p/paper.notes", 1).await.len(), 2);
    client.shut_down().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn positions_past_the_end_and_unknown_documents_are_logged_not_fatal() {
    let mut client = TestClient::started().await;
    let uri = "file:///p/robust.md";
    client.open(uri, "markdown", "PARK2\n").await;
    client.diagnostics(uri, 1).await;

    assert_eq!(client.hover(uri, (99, 0)).await, Value::Null);
    client.log_containing("off the text").await;
    // An edit past the end of its line lands at the end of the line.
    let beyond =
        json!({"start": {"line": 0, "character": 80}, "end": {"line": 0, "character": 90}});
    client.change(uri, 2, json!([{"range": beyond, "text": " CX43"}])).await;
    assert_eq!(client.diagnostics(uri, 2).await.len(), 2);
    assert_eq!(client.server_text(uri).await, Some((2, "PARK2 CX43\n".to_owned())));
    client.log_containing("version 2: the edit at").await;

    client.change("file:///p/never-opened.md", 2, json!([{"text": "x"}])).await;
    client.log_containing("not open").await;
    assert_eq!(client.hover("file:///p/never-opened.md", (0, 0)).await, Value::Null);
    let closed = json!({"textDocument": {"uri": "file:///p/never-opened.md"}});
    client.notify("textDocument/didClose", closed).await;
    client.log_containing("closed, but it was not open").await;
    // Still serving.
    assert_eq!(client.server_text(uri).await.unwrap().0, 2);
    client.shut_down().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn documents_without_a_file_are_linted_with_the_defaults_and_offer_no_allow() {
    let dir = workspace(Some("allow = [\"PARK2\"]\n"));
    let mut client = client_in(dir.path(), json!({}), Value::Null).await;
    let uri = "untitled:Untitled-1";
    client.open(uri, "markdown", "PARK2.\n").await;
    assert_eq!(
        client.diagnostics(uri, 1).await.len(),
        1,
        "the project's allow list does not apply"
    );
    let actions = client.code_actions(uri, range_of("PARK2.\n", 0, 0, true)).await;
    assert!(
        actions.iter().all(|a| !a["title"].as_str().unwrap().starts_with("Allow")),
        "{actions:?}"
    );
    client.shut_down().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ten_megabyte_document_is_linted_and_a_larger_one_refused() {
    let mut client = TestClient::started().await;
    let paragraph = "Mitochondrial function in fibroblasts was measured with standard assays and \
compared across the groups of the study, as described in the methods above.\n";
    let mut big = paragraph.repeat(10 * 1024 * 1024 / paragraph.len());
    big.push_str("PARK2 at the end.\n");
    let uri = "file:///p/big.md";
    client.open(uri, "markdown", &big).await;
    let diagnostics = client.diagnostics(uri, 1).await;
    assert_eq!(diagnostics.len(), 1);
    let at = big.rfind("PARK2").unwrap();
    assert_eq!(diagnostics[0]["range"], range_of(&big, at, at + 5, true));

    // Over 16 MB: logged, nothing published, still answering.
    let huge = "word ".repeat(17 * 1024 * 1024 / 5) + "PARK2\n";
    let huge_uri = "file:///p/huge.md";
    client.open(huge_uri, "markdown", &huge).await;
    let symbols = client
        .request("textDocument/documentSymbol", json!({"textDocument": {"uri": huge_uri}}))
        .await;
    assert_eq!(symbols, json!([]));
    client.log_containing("not linted").await;
    assert_eq!(client.pending_publications(huge_uri), 0);
    assert_eq!(client.hover(huge_uri, position_of(&huge, huge.len() - 3, true)).await, Value::Null);
    client.shut_down().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_before_initialize_are_refused_and_shutdown_then_exit_stops_the_server() {
    let mut client = TestClient::start();
    let early = client
        .request_response(
            "textDocument/hover",
            json!({"textDocument": {"uri": "file:///x.md"},
        "position": {"line": 0, "character": 0}}),
        )
        .await;
    assert_eq!(early["error"]["code"], -32002, "server not initialized");
    client.initialize(json!({"capabilities": {}})).await;
    client.shut_down().await;
}

/// Frames `message` as on the wire.
fn frame(message: Value) -> Vec<u8> {
    let body = message.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

/// Reads framed messages from `output` until one has the id `id`.
fn response(output: &mut impl std::io::BufRead, id: i64) -> Value {
    loop {
        let mut length = 0;
        loop {
            let mut header = String::new();
            assert!(output.read_line(&mut header).unwrap() > 0, "the server closed its output");
            match header.trim_end() {
                "" => break,
                h => {
                    length =
                        h.strip_prefix("Content-Length: ").map_or(length, |n| n.parse().unwrap())
                }
            }
        }
        let mut body = vec![0; length];
        output.read_exact(&mut body).unwrap();
        let message: Value = serde_json::from_slice(&body).unwrap();
        if message["id"] == id && message.get("method").is_none() {
            return message;
        }
    }
}

#[test]
fn the_binary_serves_stdio_and_exits_zero_only_after_shutdown() {
    use std::io::Write;
    for shut_down_first in [true, false] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_biolint"))
            .args(["lsp", "--stdio"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut input = child.stdin.take().unwrap();
        let mut output = std::io::BufReader::new(child.stdout.take().unwrap());
        input
            .write_all(&frame(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"capabilities": {}}})))
            .unwrap();
        let initialized = response(&mut output, 1);
        assert_eq!(initialized["result"]["serverInfo"]["name"], "biolint");
        if shut_down_first {
            input
                .write_all(&frame(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})))
                .unwrap();
            assert_eq!(response(&mut output, 2)["result"], Value::Null);
        }
        input.write_all(&frame(json!({"jsonrpc": "2.0", "method": "exit"}))).unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.success(), shut_down_first, "{status}");
    }
}
