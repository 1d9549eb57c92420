import { strict as assert } from "assert";
import * as path from "path";
import { test } from "node:test";
import { documentSelector, isRunnable, resolveServerPath, serverSettings } from "../src/config";

test("only the server's keys reach it, and only those the user set", () => {
  const values: Record<string, unknown> = {
    enable: true,
    path: "/opt/biolint",
    languages: ["markdown"],
    rules: { "gene/alias": "warning" },
    allow: ["CX43"],
    species: [],
    references: "hint",
    dictionaries: undefined,
  };
  assert.deepEqual(serverSettings((key) => values[key]), {
    rules: { "gene/alias": "warning" },
    allow: ["CX43"],
    references: "hint",
  });
  assert.deepEqual(serverSettings(() => undefined), {});
  assert.deepEqual(serverSettings((key) => (key === "rules" ? {} : null)), {});
});

test("the server is the setting, else the bundled binary, else biolint on PATH", () => {
  const base = { extensionPath: "/ext", platform: "linux" as const, home: "/home/a" };
  const bundled = path.join("/ext", "bin", "biolint");
  assert.deepEqual(resolveServerPath({ ...base, configured: "~/bin/biolint", exists: () => false }), {
    command: path.join("/home/a", "bin/biolint"),
    source: "setting",
  });
  assert.deepEqual(
    resolveServerPath({ ...base, configured: "./tools/biolint", workspaceFolder: "/w", exists: () => false }),
    { command: path.join("/w", "tools/biolint"), source: "setting" },
  );
  assert.deepEqual(resolveServerPath({ ...base, configured: "  ", exists: (f) => f === bundled }), {
    command: bundled,
    source: "bundled",
  });
  assert.deepEqual(resolveServerPath({ ...base, configured: null, exists: () => false }), {
    command: "biolint",
    source: "PATH",
  });
  assert.equal(
    resolveServerPath({ ...base, platform: "win32", configured: undefined, exists: () => false }).command,
    "biolint.exe",
  );
});

test("a command runs when its path exists or PATH holds it", () => {
  const files = new Set([path.join("/usr/local/bin", "biolint"), "/opt/b/biolint"]);
  const exists = (file: string) => files.has(file);
  assert.equal(isRunnable("biolint", "/usr/bin:/usr/local/bin", "linux", exists), true);
  assert.equal(isRunnable("biolint", "/usr/bin", "linux", exists), false);
  assert.equal(isRunnable("/opt/b/biolint", "", "linux", exists), true);
  assert.equal(isRunnable("/opt/c/biolint", "/usr/local/bin", "linux", exists), false);
});

test("files and unsaved buffers of each language are checked", () => {
  assert.deepEqual(documentSelector(["markdown", "latex"]), [
    { language: "markdown", scheme: "file" },
    { language: "markdown", scheme: "untitled" },
    { language: "latex", scheme: "file" },
    { language: "latex", scheme: "untitled" },
  ]);
});
