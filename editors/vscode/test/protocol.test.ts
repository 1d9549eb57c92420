// The real `biolint lsp`, driven over vscode-jsonrpc (the transport vscode-languageclient
// uses) with the initialize request the extension sends: VS Code's client capabilities (pull
// diagnostics included, test/vscode-client-capabilities.json) and the initializationOptions
// the extension computes from its settings. The server is BIOLINT_SERVER, else the release
// build of this repository (`cargo build --release`).

import { strict as assert } from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { test } from "node:test";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { serverSettings } from "../src/config";

const root = path.join(__dirname, "..", "..", "..", "..");
const server = process.env.BIOLINT_SERVER ?? path.join(root, "target", "release", "biolint");
const capabilities = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "..", "test", "vscode-client-capabilities.json"), "utf8"),
);

const TEXT = "# Mitophagy\n\nLoss of PARK2 and NRF2 in the cells; CX43 is allowed.\n";
const URI = "file:///tmp/biolint-vscode-test/manuscript.md";

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code: string;
  message: string;
}

test("the server answers the extension as VS Code would show it", { timeout: 60000 }, async () => {
  assert.ok(fs.existsSync(server), `${server} missing: run cargo build --release first`);
  const child = spawn(server, ["lsp"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const pushed: unknown[] = [];
  connection.onNotification("textDocument/publishDiagnostics", (params) => pushed.push(params));
  connection.onNotification("window/logMessage", () => {});
  connection.onRequest(() => null);
  connection.listen();
  try {
    // The settings as the extension maps them: the user allowed CX43.
    const settings: Record<string, unknown> = { allow: ["CX43"], enable: true, languages: ["markdown"] };
    const initializationOptions = serverSettings((key) => settings[key]);
    const initialized = (await connection.sendRequest("initialize", {
      processId: process.pid,
      clientInfo: { name: "Visual Studio Code", version: "1.95.0" },
      rootUri: null,
      workspaceFolders: null,
      capabilities,
      initializationOptions,
    })) as { capabilities: Record<string, unknown> };
    assert.ok(initialized.capabilities.diagnosticProvider, "pull diagnostics offered");
    await connection.sendNotification("initialized", {});
    await connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri: URI, languageId: "markdown", version: 1, text: TEXT },
    });

    // Findings, by pull, each once.
    const report = (await connection.sendRequest("textDocument/diagnostic", {
      textDocument: { uri: URI },
    })) as { kind: string; items: Diagnostic[] };
    assert.equal(report.kind, "full");
    const found = report.items.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
    assert.deepEqual(found.sort(), ["gene/ambiguous-alias@2:18", "gene/previous-symbol@2:8"]);
    // Never pushed as well: VS Code would show each finding twice.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(pushed, [], "diagnostics pushed to a client that pulls them");

    // A hover card on PARK2 with its NCBI Gene ID.
    const hover = (await connection.sendRequest("textDocument/hover", {
      textDocument: { uri: URI },
      position: { line: 2, character: 10 },
    })) as { contents: { kind: string; value: string } };
    assert.equal(hover.contents.kind, "markdown");
    assert.match(hover.contents.value, /5071/);

    // The preferred quick fix replaces PARK2 with PRKN.
    const park2 = report.items.find((d) => d.code === "gene/previous-symbol")!;
    const actions = (await connection.sendRequest("textDocument/codeAction", {
      textDocument: { uri: URI },
      range: park2.range,
      context: { diagnostics: [park2], triggerKind: 1 },
    })) as { title: string; isPreferred?: boolean; edit?: { documentChanges?: { edits: { newText: string }[] }[] } }[];
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, JSON.stringify(actions));
    assert.equal(preferred[0].title, "Replace with PRKN");
    assert.equal(preferred[0].edit?.documentChanges?.[0].edits[0].newText, "PRKN");

    await connection.sendRequest("shutdown");
    await connection.sendNotification("exit");
  } finally {
    connection.dispose();
    child.kill();
  }
});
