//! The language server under a storm of edits and bad input: it keeps the client's text, never
//! publishes a version the client did not send, and answers errors or ignores (logging one
//! line) without ever stopping.

mod lsp_common;

use std::time::{Duration, Instant};

use lsp_common::{Rng, TestClient, random_boundary as boundary, range_of};
use serde_json::json;

const START: &str = "# Mitochondria\n\nLoss of PARK2 and CX43 in 🧬 fibroblasts with m.8993 T>G.\r\nNRF2 rose; α-synuclein too.\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_edits_with_hovers_code_actions_and_configuration_changes() {
    let mut client = TestClient::started().await;
    let uri = "file:///p/stress.md";
    let mut text = START.to_owned();
    client.open(uri, "markdown", &text).await;
    let pieces = [
        "PARK2 ",
        "α",
        "🧬",
        "\r\n",
        "\n",
        "e\u{301}",
        " ",
        "CX43, ",
        "m.3243A>G ",
        "x",
        "",
        "line one\nline two\n",
        "Ω≈ç√",
        "NRF2\r\n",
    ];
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut slowest_hover = Duration::ZERO;
    let mut sent = vec![1];
    for version in 2..=10_001 {
        let a = boundary(&text, &mut rng);
        let b = if rng.below(3) == 0 { a } else { boundary(&text, &mut rng) };
        let (start, end) = (a.min(b), a.max(b));
        // Deletions stay short (edits across lines included), so the text keeps growing slowly.
        let end = if end - start > 60 { start } else { end };
        let insert = pieces[rng.below(pieces.len())];
        let range = range_of(&text, start, end, true);
        text.replace_range(start..end, insert);
        client.change(uri, version, json!([{"range": range, "text": insert}])).await;
        sent.push(version);
        match rng.below(50) {
            0 => {
                let at = boundary(&text, &mut rng);
                let position = lsp_common::position_of(&text, at, true);
                let asked = Instant::now();
                client.hover(uri, position).await;
                slowest_hover = slowest_hover.max(asked.elapsed());
            }
            1 => {
                let at = boundary(&text, &mut rng);
                client.code_actions(uri, range_of(&text, at, at, true)).await;
            }
            2 => {
                let severity = ["warning", "info", "off"][rng.below(3)];
                let settings =
                    json!({"settings": {"biolint": {"rules": {"gene/alias": severity}}}});
                client.notify("workspace/didChangeConfiguration", settings).await;
            }
            _ => {}
        }
        if version % 100 == 0 {
            assert_eq!(
                client.server_text(uri).await,
                Some((version, text.clone())),
                "at {version}"
            );
        }
    }
    // Every version published is one the client sent, in order.
    let mut published = Vec::new();
    loop {
        let message =
            client.notification(|m| m["method"] == "textDocument/publishDiagnostics").await;
        let version = message["params"]["version"].as_i64().unwrap();
        published.push(version);
        if version == 10_001 {
            break;
        }
    }
    assert!(published.windows(2).all(|w| w[0] <= w[1]), "out of order");
    assert!(published.iter().all(|v| sent.contains(v)), "a version the client never sent");
    // Reported, not asserted: a test is no benchmark (BENCHMARKS.md has the figures).
    println!("slowest hover during the storm: {slowest_hover:?}; {} publications", published.len());
    client.shut_down().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_answered_or_logged_and_the_server_stays_up() {
    let mut client = TestClient::started().await;
    let uri = "file:///p/bad.md";
    // 🧬 is two UTF-16 code units: character 9 is inside the surrogate pair.
    let text = "Loss of 🧬 PARK2 here.\n";
    client.open(uri, "markdown", text).await;
    assert_eq!(client.diagnostics(uri, 1).await.len(), 1);
    let inside_pair =
        json!({"start": {"line": 0, "character": 9}, "end": {"line": 0, "character": 9}});
    client.change(uri, 2, json!([{"range": inside_pair, "text": "x"}])).await;
    client.diagnostics(uri, 2).await;
    let (_, held) = client.server_text(uri).await.unwrap();
    assert!(held.contains('🧬'), "a surrogate pair is never split: {held:?}");
    let hover = client
        .request_response(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 9}}),
        )
        .await;
    assert!(hover.get("error").is_none(), "{hover}");

    // Malformed JSON-RPC: a body that is no JSON, a request without a method, a notification
    // with wrong parameters, an unknown method.
    let garbage = "{\"jsonrpc\": \"2.0\", \"id\": 77, \"method\": ";
    client.send_raw(format!("Content-Length: {}\r\n\r\n{garbage}", garbage.len())).await;
    client.send(json!({"jsonrpc": "2.0", "id": 78})).await;
    client.notify("textDocument/didChange", json!({"textDocument": 42})).await;
    let unknown = client.request_response("biolint/noSuchMethod", json!({})).await;
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    let wrong = client.request_response("textDocument/hover", json!({"position": "here"})).await;
    assert_eq!(wrong["error"]["code"], -32602, "{wrong}");

    // A didChange for a closed document.
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}})).await;
    client.change(uri, 3, json!([{"text": "PARK2"}])).await;
    client.log_containing("not open").await;

    // A 50 MB didOpen: refused with a line in the log, the server still answering.
    let huge = "word ".repeat(50 * 1024 * 1024 / 5);
    client.open("file:///p/huge.md", "markdown", &huge).await;
    client.log_containing("not linted").await;
    let small = "file:///p/small.md";
    client.open(small, "markdown", "CX43.\n").await;
    assert_eq!(client.diagnostics(small, 1).await.len(), 1);
    client.shut_down().await;
}

/// The CLI and the server work without a network: run inside a network namespace with no
/// interfaces (`unshare -n`), where that is permitted.
#[test]
fn no_network_is_needed() {
    let unshare = std::process::Command::new("unshare").args(["-n", "true"]).output();
    if !unshare.as_ref().is_ok_and(|o| o.status.success()) {
        let why = match unshare {
            Ok(o) => String::from_utf8_lossy(&o.stderr).trim().to_owned(),
            Err(e) => e.to_string(),
        };
        eprintln!("no_network_is_needed: skipped, `unshare -n` is not permitted here ({why})");
        return;
    }
    let binary = env!("CARGO_BIN_EXE_biolint");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("paper.md"), "Loss of PARK2.\n").unwrap();
    let check = std::process::Command::new("unshare")
        .current_dir(dir.path())
        .args(["-n", binary, "check", "paper.md"])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stdout).contains("gene/previous-symbol"));
    // The server, over stdio: initialize, open a document, get its finding, shut down.
    use std::io::{BufRead, Read, Write};
    let mut child = std::process::Command::new("unshare")
        .args(["-n", binary, "lsp", "--stdio"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let mut output = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut send = |message: serde_json::Value| {
        let body = message.to_string();
        write!(input, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        input.flush().unwrap();
    };
    // The next message from the server that `accept` accepts.
    let mut receive = |accept: &dyn Fn(&serde_json::Value) -> bool| loop {
        let mut length = 0;
        loop {
            let mut header = String::new();
            assert!(output.read_line(&mut header).unwrap() > 0, "the server closed its output");
            match header.trim_end().strip_prefix("Content-Length: ") {
                Some(n) => length = n.parse().unwrap(),
                None if header.trim_end().is_empty() => break,
                None => {}
            }
        }
        let mut body = vec![0; length];
        output.read_exact(&mut body).unwrap();
        let message: serde_json::Value = serde_json::from_slice(&body).unwrap();
        if accept(&message) {
            return message;
        }
    };
    send(
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
    );
    let initialized = receive(&|m| m["id"] == 1);
    assert_eq!(initialized["result"]["serverInfo"]["name"], "biolint");
    send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    send(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument":
        {"uri": "file:///p/x.md", "languageId": "markdown", "version": 1, "text": "PARK2\n"}}}));
    let published = receive(&|m| m["method"] == "textDocument/publishDiagnostics");
    assert_eq!(published["params"]["diagnostics"][0]["code"], "gene/previous-symbol");
    send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}));
    receive(&|m| m["id"] == 2);
    send(json!({"jsonrpc": "2.0", "method": "exit"}));
    assert!(child.wait().unwrap().success());
}
