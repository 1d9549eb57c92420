//! A scripted LSP client that drives the real server over an in-memory duplex: JSON-RPC framed
//! as on stdio, nothing mocked. It answers the server's own requests (`client/registerCapability`)
//! with `null`, keeps notifications it was not waiting for, and keeps every `window/logMessage`
//! and `window/showMessage` so tests can check what was reported.

#![allow(dead_code)] // each test file uses a part

use std::collections::VecDeque;
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// How long to wait for the server before calling the test failed (not a speed requirement:
/// only a guard against hanging forever).
const PATIENCE: Duration = Duration::from_secs(120);

pub struct TestClient {
    to_server: DuplexStream,
    from_server: mpsc::UnboundedReceiver<Value>,
    next_id: i64,
    /// Notifications received while waiting for something else, in order.
    pending: VecDeque<Value>,
    /// Every `window/logMessage` text.
    pub logs: Vec<String>,
    /// Every `window/showMessage` (type, text).
    pub shown: Vec<(i64, String)>,
    /// Every request the server sent.
    pub server_requests: Vec<Value>,
    server: JoinHandle<()>,
}

impl TestClient {
    /// Starts a server exactly as `biolint lsp` does, on an in-memory duplex.
    pub fn start() -> TestClient {
        let (to_server, server_input) = tokio::io::duplex(1 << 16);
        let (server_output, from_server_stream) = tokio::io::duplex(1 << 16);
        let (service, socket) = biolint::lsp::service();
        // Through the same filter as `biolint lsp`, which drops malformed messages.
        let server_input = biolint::lsp::well_formed(server_input);
        let server = tokio::spawn(
            tower_lsp_server::Server::new(server_input, server_output, socket).serve(service),
        );
        let (sender, from_server) = mpsc::unbounded_channel();
        tokio::spawn(read_messages(from_server_stream, sender));
        TestClient {
            to_server,
            from_server,
            next_id: 0,
            pending: VecDeque::new(),
            logs: Vec::new(),
            shown: Vec::new(),
            server_requests: Vec::new(),
            server,
        }
    }

    /// `initialize` with these client capabilities and options, then `initialized`; returns
    /// the server's capabilities.
    pub async fn initialize(&mut self, params: Value) -> Value {
        let result = self.request("initialize", params).await;
        self.notify("initialized", json!({})).await;
        result["capabilities"].clone()
    }

    /// Starts a server and initializes it with UTF-16 positions and no workspace.
    pub async fn started() -> TestClient {
        let mut client = TestClient::start();
        client.initialize(json!({"capabilities": {}})).await;
        client
    }

    pub async fn send(&mut self, message: Value) {
        self.send_together(&[message]).await;
    }

    /// Sends messages in one write, so that the server reads them in one go.
    pub async fn send_together(&mut self, messages: &[Value]) {
        let mut frames = String::new();
        for message in messages {
            let body = serde_json::to_string(message).unwrap();
            frames.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
        }
        self.to_server.write_all(frames.as_bytes()).await.expect("the server stopped reading");
    }

    /// Sends bytes as they are, framing and all (for malformed messages).
    pub async fn send_raw(&mut self, bytes: String) {
        self.to_server.write_all(bytes.as_bytes()).await.expect("the server stopped reading");
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params})).await;
    }

    /// Sends a request and returns the whole response (`result` or `error`).
    pub async fn request_response(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})).await;
        loop {
            let message = self.receive().await;
            if message.get("method").is_none() && message["id"] == id {
                return message;
            }
            self.pending.push_back(message);
        }
    }

    /// Sends a request and returns its result, failing the test on an error response.
    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_response(method, params).await;
        assert!(response.get("error").is_none(), "{method} failed: {response}");
        response["result"].clone()
    }

    /// The first request `method` the server has sent (it was answered on arrival), waiting for
    /// it; the notifications received meanwhile stay pending.
    pub async fn server_request(&mut self, method: &str) -> Value {
        while !self.server_requests.iter().any(|r| r["method"] == method) {
            let message = self.receive().await;
            if message.get("id").is_none() {
                self.pending.push_back(message);
            }
        }
        self.server_requests.iter().find(|r| r["method"] == method).unwrap().clone()
    }

    /// The next notification that `accept` accepts; the others stay pending.
    pub async fn notification(&mut self, accept: impl Fn(&Value) -> bool) -> Value {
        if let Some(at) = self.pending.iter().position(&accept) {
            return self.pending.remove(at).unwrap();
        }
        loop {
            let message = self.receive().await;
            if accept(&message) {
                return message;
            }
            self.pending.push_back(message);
        }
    }

    /// The diagnostics published for `uri` at exactly `version`; earlier publications for it
    /// are consumed.
    pub async fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        self.publications_until(uri, Some(version)).await.pop().unwrap()
    }

    /// Every publication for `uri` up to and including the one of `version` (`None`: the one
    /// without a version, which clears a closed document), oldest first.
    pub async fn publications_until(&mut self, uri: &str, version: Option<i64>) -> Vec<Vec<Value>> {
        let mut publications = Vec::new();
        loop {
            let message = self
                .notification(|m| {
                    m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
                })
                .await;
            let published = message["params"]["version"].as_i64();
            publications
                .push((published, message["params"]["diagnostics"].as_array().unwrap().clone()));
            if published == version {
                return publications.into_iter().map(|(_, d)| d).collect();
            }
            let versions: Vec<Option<i64>> = publications.iter().map(|(v, _)| *v).collect();
            assert!(
                version.is_none() || published < version,
                "published version {published:?} after {versions:?} while waiting for {version:?}"
            );
        }
    }

    /// Publications for `uri` received so far and not consumed.
    pub fn pending_publications(&self, uri: &str) -> usize {
        self.pending
            .iter()
            .filter(|m| {
                m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
            })
            .count()
    }

    pub async fn open(&mut self, uri: &str, language_id: &str, text: &str) {
        let item = json!({"uri": uri, "languageId": language_id, "version": 1, "text": text});
        self.notify("textDocument/didOpen", json!({"textDocument": item})).await;
    }

    pub async fn change(&mut self, uri: &str, version: i64, changes: Value) {
        let document = json!({"uri": uri, "version": version});
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": document, "contentChanges": changes}),
        )
        .await;
    }

    /// The version and text the server holds (`biolint/documentText`).
    pub async fn server_text(&mut self, uri: &str) -> Option<(i64, String)> {
        let result = self.request("biolint/documentText", json!({"uri": uri})).await;
        (!result.is_null()).then(|| {
            (result["version"].as_i64().unwrap(), result["text"].as_str().unwrap().to_owned())
        })
    }

    pub async fn hover(&mut self, uri: &str, at: (u32, u32)) -> Value {
        let position = json!({"line": at.0, "character": at.1});
        self.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position}),
        )
        .await
    }

    pub async fn code_actions(&mut self, uri: &str, range: Value) -> Vec<Value> {
        let params =
            json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": []}});
        let result = self.request("textDocument/codeAction", params).await;
        result.as_array().cloned().unwrap_or_default()
    }

    /// Waits until a log message containing `text` has arrived, and returns it.
    pub async fn log_containing(&mut self, text: &str) -> String {
        loop {
            if let Some(log) = self.logs.iter().find(|l| l.contains(text)) {
                return log.clone();
            }
            let message = self.receive().await;
            self.pending.push_back(message);
        }
    }

    /// `shutdown`, then `exit`: the server must stop serving.
    pub async fn shut_down(mut self) {
        let result = self.request("shutdown", Value::Null).await;
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null).await;
        tokio::time::timeout(PATIENCE, self.server)
            .await
            .expect("the server did not stop after exit")
            .unwrap();
    }

    /// The next message from the server. The server's requests are answered on arrival and
    /// recorded, and its messages for the user are recorded; all are returned too.
    async fn receive(&mut self) -> Value {
        let message = tokio::time::timeout(PATIENCE, self.from_server.recv())
            .await
            .expect("no message from the server")
            .expect("the server closed its output");
        match message["method"].as_str() {
            Some("window/logMessage") => {
                self.logs.push(message["params"]["message"].as_str().unwrap().to_owned());
            }
            Some("window/showMessage") => {
                let params = &message["params"];
                self.shown.push((
                    params["type"].as_i64().unwrap(),
                    params["message"].as_str().unwrap().to_owned(),
                ));
            }
            Some(_) if message.get("id").is_some() => {
                let id = message["id"].clone();
                self.server_requests.push(message.clone());
                self.send(json!({"jsonrpc": "2.0", "id": id, "result": null})).await;
            }
            _ => {}
        }
        message
    }
}

/// Reads framed messages until the stream ends.
async fn read_messages(stream: DuplexStream, messages: mpsc::UnboundedSender<Value>) {
    let mut reader = BufReader::new(stream);
    loop {
        let mut length = None;
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).await.unwrap_or(0) == 0 {
                return;
            }
            let header = header.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some(value) = header.strip_prefix("Content-Length: ") {
                length = Some(value.parse::<usize>().unwrap());
            }
        }
        let mut body = vec![0; length.expect("a Content-Length header")];
        reader.read_exact(&mut body).await.unwrap();
        if messages.send(serde_json::from_slice(&body).unwrap()).is_err() {
            return;
        }
    }
}

/// A client's own view of positions, written independently of the server's: (line,
/// character) of byte `offset`, counting UTF-16 units or bytes. Lines end at \n, \r\n or \r.
pub fn position_of(text: &str, offset: usize, utf16: bool) -> (u32, u32) {
    let mut line = 0;
    let mut line_start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < offset {
        match bytes[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                line += 1;
                line_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    let before = &text[line_start..offset];
    let character = if utf16 { before.encode_utf16().count() } else { before.len() };
    (line, character as u32)
}

/// The LSP range of bytes `start..end`, as JSON.
pub fn range_of(text: &str, start: usize, end: usize, utf16: bool) -> Value {
    let (start_line, start_character) = position_of(text, start, utf16);
    let (end_line, end_character) = position_of(text, end, utf16);
    json!({"start": {"line": start_line, "character": start_character},
           "end": {"line": end_line, "character": end_character}})
}

/// The byte offset of an LSP position, the client's way.
pub fn offset_of(text: &str, position: &Value, utf16: bool) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let mut start = 0;
    for _ in 0..line {
        let rest = &text[start..];
        let end = rest.find(['\n', '\r']).unwrap();
        start += end + if rest[end..].starts_with("\r\n") { 2 } else { 1 };
    }
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' || c == '\r' {
            return start + i;
        }
        units += if utf16 { c.len_utf16() } else { c.len_utf8() };
    }
    text.len()
}

/// Applies LSP text edits (JSON `TextEdit`s) to `text`, the client's way.
pub fn apply_edits(text: &str, edits: &[Value], utf16: bool) -> String {
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            let start = offset_of(text, &e["range"]["start"], utf16);
            let end = offset_of(text, &e["range"]["end"], utf16);
            (start, end, e["newText"].as_str().unwrap())
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut text = text.to_owned();
    for (start, end, new_text) in spans {
        text.replace_range(start..end, new_text);
    }
    text
}

/// A `file://` URI for a path.
pub fn file_uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

/// A tiny deterministic generator for edit storms.
pub struct Rng(pub u64);

impl Rng {
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// A random character boundary of `text` that is not inside a CRLF.
pub fn random_boundary(text: &str, rng: &mut Rng) -> usize {
    loop {
        let at = rng.below(text.len() + 1);
        let inside_crlf =
            at > 0 && text.as_bytes()[at - 1] == b'\r' && text[at..].starts_with('\n');
        if text.is_char_boundary(at) && !inside_crlf {
            return at;
        }
    }
}
