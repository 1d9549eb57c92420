// biolint for VS Code: starts `biolint lsp` for manuscripts and passes it the settings.

import * as fs from "fs";
import * as os from "os";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from "vscode-languageclient/node";
import { documentSelector, isRunnable, resolveServerPath, serverSettings } from "./config";

const INSTALL_URL = "https://github.com/biolint/biolint#install";

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration("biolint");
}

function serverCommand(context: vscode.ExtensionContext): string | undefined {
  const { command } = resolveServerPath({
    configured: settings().get<string | null>("path"),
    extensionPath: context.extensionPath,
    platform: process.platform,
    home: os.homedir(),
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    exists: (file) => fs.existsSync(file),
  });
  if (isRunnable(command, process.env.PATH ?? "", process.platform, (f) => fs.existsSync(f))) {
    return command;
  }
  // One notification, not a stack of errors from a client that cannot start.
  void vscode.window
    .showErrorMessage(
      `biolint: the server "${command}" was not found. Install biolint, or set biolint.path.`,
      "Install instructions",
    )
    .then((choice) => {
      if (choice) {
        void vscode.env.openExternal(vscode.Uri.parse(INSTALL_URL));
      }
    });
  return undefined;
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  if (!settings().get<boolean>("enable", true)) {
    return;
  }
  const command = serverCommand(context);
  if (!command) {
    return;
  }
  output ??= vscode.window.createOutputChannel("biolint");
  const serverOptions: ServerOptions = { command, args: ["lsp"] };
  const languages = settings().get<string[]>("languages") ?? [];
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(languages),
    initializationOptions: serverSettings((key) => settings().get(key)),
    outputChannel: output,
  };
  client = new LanguageClient("biolint", "biolint", serverOptions, clientOptions);
  await client.start();
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running && running.state !== State.Stopped) {
    await running.stop();
  }
}

interface DocumentSymbol {
  name: string;
  detail?: string;
  range: { start: { line: number; character: number } };
  children?: DocumentSymbol[];
}

/** The document's genes, diseases, chemicals and variants, from the server's outline. */
async function listEntities(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor) {
    void vscode.window.showInformationMessage("biolint: open a manuscript first.");
    return;
  }
  const groups = (await client.sendRequest("textDocument/documentSymbol", {
    textDocument: { uri: editor.document.uri.toString() },
  })) as DocumentSymbol[] | null;
  const items: (vscode.QuickPickItem & { symbol?: DocumentSymbol })[] = [];
  for (const group of groups ?? []) {
    items.push({ label: group.name, kind: vscode.QuickPickItemKind.Separator });
    for (const symbol of group.children ?? []) {
      items.push({ label: symbol.name, description: symbol.detail, symbol });
    }
  }
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: "Entities of this document (type, text, identifier)",
    matchOnDescription: true,
  });
  if (picked?.symbol) {
    const { line, character } = picked.symbol.range.start;
    const position = new vscode.Position(line, character);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position));
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("biolint.restart", async () => {
      await stop();
      await start(context);
    }),
    vscode.commands.registerCommand("biolint.showLog", () => output?.show()),
    vscode.commands.registerCommand("biolint.listEntities", listEntities),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration("biolint")) {
        return;
      }
      const restart = ["enable", "path", "languages"].some((key) =>
        event.affectsConfiguration(`biolint.${key}`),
      );
      if (restart) {
        await stop();
        await start(context);
      } else if (client) {
        await client.sendNotification("workspace/didChangeConfiguration", {
          settings: { biolint: serverSettings((key) => settings().get(key)) },
        });
      }
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}
