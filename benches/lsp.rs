//! The language server as an editor meets it: `cargo bench --bench lsp`.
//!
//! Starts the real `biolint lsp` binary and speaks JSON-RPC to it over its standard input and
//! output, on the committed 120 KB chapter (`benches/chapter.md`). Prints the latency from a
//! one-character `didChange` to the `publishDiagnostics` of that version (each keystroke waits
//! for the previous one's diagnostics, as a typist's would be linted one by one), the hover
//! round trip on the chapter's entities, and the server's resident memory with 20 chapter-sized
//! documents open; and, for comparison, the engine alone linting the chapter in this process.
//! Figures go into BENCHMARKS.md by hand; nothing here asserts on time.
//!
//! `cargo bench --bench lsp -- KEYSTROKES` changes the number of keystrokes (default 1,000);
//! `BIOLINT_LSP_BIN=COMMAND` runs that instead of the binary (a profiler wrapper, say).
//! `LSP_SERVER_CMD="typos-lsp"` (a whole command line) drives another language server the
//! same way, for `benches/peers.sh`: only the first diagnostics and the keystrokes are timed,
//! and a publication without a version counts for the latest edit.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The server under test, and the messages it sends, each with the time it arrived.
struct Server {
    child: Child,
    input: ChildStdin,
    messages: mpsc::Receiver<(Instant, Value)>,
    next_id: i64,
}

impl Server {
    fn start() -> Server {
        // BIOLINT_LSP_BIN runs another command instead, e.g. a script that starts the server
        // under `perf record`; LSP_SERVER_CMD another server altogether.
        let (program, args): (String, Vec<String>) = match std::env::var("LSP_SERVER_CMD") {
            Ok(command) => {
                let mut words = command.split_whitespace().map(str::to_owned);
                (words.next().expect("a command"), words.collect())
            }
            Err(_) => (
                std::env::var("BIOLINT_LSP_BIN").unwrap_or(env!("CARGO_BIN_EXE_biolint").into()),
                vec!["lsp".into(), "--stdio".into()],
            ),
        };
        let mut child = Command::new(program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start biolint lsp");
        let input = child.stdin.take().unwrap();
        let output = child.stdout.take().unwrap();
        let (sender, messages) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(output);
            loop {
                let mut length = 0;
                loop {
                    let mut header = String::new();
                    if reader.read_line(&mut header).unwrap_or(0) == 0 {
                        return;
                    }
                    match header.trim_end() {
                        "" => break,
                        h => {
                            if let Some(n) = h.strip_prefix("Content-Length: ") {
                                length = n.parse().unwrap();
                            }
                        }
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).unwrap();
                let arrived = Instant::now();
                if sender.send((arrived, serde_json::from_slice(&body).unwrap())).is_err() {
                    return;
                }
            }
        });
        Server { child, input, messages, next_id: 0 }
    }

    fn send(&mut self, message: Value) -> Instant {
        let body = message.to_string();
        let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        let sent = Instant::now();
        self.input.write_all(frame.as_bytes()).unwrap();
        self.input.flush().unwrap();
        sent
    }

    fn notify(&mut self, method: &str, params: Value) -> Instant {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}))
    }

    /// Sends a request; returns its result and the round trip.
    fn request(&mut self, method: &str, params: Value) -> (Value, Duration) {
        self.next_id += 1;
        let id = self.next_id;
        let sent =
            self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let (arrived, response) = self.wait(|m| m["id"] == id && m.get("method").is_none());
        (response["result"].clone(), arrived - sent)
    }

    /// The first message `accept` accepts (others are dropped; the server's requests answered).
    fn wait(&mut self, accept: impl Fn(&Value) -> bool) -> (Instant, Value) {
        loop {
            let (arrived, message) =
                self.messages.recv_timeout(Duration::from_secs(60)).expect("the server answers");
            if message.get("method").is_some() && message.get("id").is_some() {
                // As an editor answers: no settings (`null`) for each configuration item asked
                // for, and nothing to say to other requests.
                let id = message["id"].clone();
                let result = match message["params"]["items"].as_array() {
                    Some(items) if message["method"] == "workspace/configuration" => {
                        json!(vec![Value::Null; items.len()])
                    }
                    _ => Value::Null,
                };
                self.send(json!({"jsonrpc": "2.0", "id": id, "result": result}));
            } else if accept(&message) {
                return (arrived, message);
            }
        }
    }

    /// When the diagnostics of `uri` at `version` arrived (a server that publishes without
    /// versions: the next publication).
    fn published(&mut self, uri: &str, version: i64) -> Instant {
        self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && (m["params"]["version"] == version || m["params"]["version"].is_null())
        })
        .0
    }

    fn open(&mut self, uri: &str, text: &str) {
        let item = json!({"uri": uri, "languageId": "markdown", "version": 1, "text": text});
        self.notify("textDocument/didOpen", json!({"textDocument": item}));
    }

    /// Resident and peak resident memory, in MB.
    fn memory(&self) -> (f64, f64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("/proc/PID/status (Linux)");
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches(" kB").parse::<f64>().ok())
                .map_or(f64::NAN, |kb| kb / 1024.0)
        };
        (field("VmRSS:"), field("VmHWM:"))
    }

    fn stop(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let _ = self.child.wait();
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// (line, UTF-16 character) of byte `offset`.
fn position_of(text: &str, offset: usize) -> Value {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..offset].matches('\n').count();
    json!({"line": line, "character": text[line_start..offset].encode_utf16().count()})
}

fn main() {
    let keystrokes: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(1000);
    let chapter_path = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/chapter.md");
    let chapter = std::fs::read_to_string(chapter_path).expect("benches/chapter.md");

    // The engine alone, in this process and this minute: the shared machine's speed varies by
    // half from minute to minute, and this tells the server's own share apart.
    let engine = || {
        let document =
            biolint_core::Document { text: &chapter, kind: biolint_core::DocumentKind::Markdown };
        let mut times: Vec<Duration> = (0..30)
            .map(|_| {
                let started = Instant::now();
                std::hint::black_box(biolint_core::lint(
                    document,
                    &biolint_core::Config::default(),
                ));
                started.elapsed()
            })
            .collect();
        times.sort();
        percentile(&times, 0.5)
    };
    let engine_before = engine();

    let peer = std::env::var("LSP_SERVER_CMD").ok();
    let started = Instant::now();
    let mut server = Server::start();
    let capabilities = json!({"textDocument": {"publishDiagnostics": {"versionSupport": true}}});
    let (initialized, _) = server.request(
        "initialize",
        json!({"capabilities": capabilities, "rootUri": null, "processId": null}),
    );
    // A server that only takes whole documents (`TextDocumentSyncKind.Full`, harper-ls) is sent
    // the whole text after each keystroke, as an editor would.
    let sync = &initialized["capabilities"]["textDocumentSync"];
    let whole_text = sync == 1 || sync["change"] == 1;
    println!("start → initialize answered: {:.1} ms", ms(started.elapsed()));
    server.notify("initialized", json!({}));
    let uri = "file:///bench/chapter.md";
    let opened = server.notify(
        "textDocument/didOpen",
        json!({"textDocument":
        {"uri": uri, "languageId": "markdown", "version": 1, "text": chapter}}),
    );
    let first = server.published(uri, 1) - opened;
    println!(
        "open the {} KB chapter → first diagnostics: {:.1} ms",
        chapter.len() / 1000,
        ms(first)
    );

    // Type " and PARK2" into the middle of a sentence, one character at a time, then take it
    // back with backspaces, and again: every keystroke changes the text, some the findings.
    let typed = " and PARK2";
    let at = chapter.len() / 2 + chapter[chapter.len() / 2..].find(". ").unwrap();
    let mut text = chapter.clone();
    let origin = position_of(&chapter, at);
    let (line, column) = (origin["line"].as_u64().unwrap(), origin["character"].as_u64().unwrap());
    let mut length = 0; // characters typed so far
    let mut latencies = Vec::with_capacity(keystrokes);
    let warm_up = 20;
    for version in 2..(2 + warm_up + keystrokes) as i64 {
        let cycle = (version as usize - 2) % (2 * typed.len());
        let change = if cycle < typed.len() {
            let c = &typed[cycle..cycle + 1];
            let p = json!({"line": line, "character": column + length});
            text.insert_str(at + length as usize, c);
            length += 1;
            json!({"range": {"start": p, "end": p}, "text": c})
        } else {
            length -= 1;
            text.remove(at + length as usize);
            let start = json!({"line": line, "character": column + length});
            let end = json!({"line": line, "character": column + length + 1});
            json!({"range": {"start": start, "end": end}, "text": ""})
        };
        let change = if whole_text { json!({"text": text}) } else { change };
        let document = json!({"uri": uri, "version": version});
        let sent = server.notify(
            "textDocument/didChange",
            json!({"textDocument": document, "contentChanges": [change]}),
        );
        let latency = server.published(uri, version) - sent;
        if version as usize >= 2 + warm_up {
            latencies.push(latency);
        }
    }
    latencies.sort();
    println!(
        "keystroke → publishDiagnostics ({keystrokes} one-character edits): p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(percentile(&latencies, 0.5)),
        ms(percentile(&latencies, 0.99)),
        ms(*latencies.last().unwrap())
    );

    println!(
        "the engine alone on the chapter, in this process: median {:.2} ms before, {:.2} ms after",
        ms(engine_before),
        ms(engine())
    );
    if let Some(command) = peer {
        // Another server: its keystrokes are what is compared.
        println!("(server: {command})");
        server.stop();
        return;
    }

    // Hover on entities all over the chapter (the text is back to the original).
    let targets: Vec<usize> = ["PINK1", "PARK2", "Leigh syndrome", "m.3243A>G", "mice", "NRF2"]
        .iter()
        .flat_map(|term| chapter.match_indices(term).map(|(i, _)| i + 1).take(100))
        .collect();
    let mut round_trips = Vec::new();
    let mut cards = 0;
    for &target in targets.iter().cycle().take(1000) {
        let params =
            json!({"textDocument": {"uri": uri}, "position": position_of(&chapter, target)});
        let (result, round_trip) = server.request("textDocument/hover", params);
        cards += usize::from(!result.is_null());
        round_trips.push(round_trip);
    }
    round_trips.sort();
    println!(
        "hover round trip ({} hovers, {cards} with a card): p50 {:.2} ms, p99 {:.2} ms",
        round_trips.len(),
        ms(percentile(&round_trips, 0.5)),
        ms(percentile(&round_trips, 0.99))
    );

    // Twenty chapter-sized documents open, each linted.
    let (before, _) = server.memory();
    for n in 2..=20 {
        let text = format!("{chapter}\nCopy {n}.\n");
        let uri = format!("file:///bench/chapter{n}.md");
        server.open(&uri, &text);
        server.published(&uri, 1);
    }
    let (resident, peak) = server.memory();
    println!(
        "resident memory: {before:.1} MB with one chapter open, {resident:.1} MB with 20 (peak {peak:.1} MB)"
    );
    server.stop();
}
