// What the extension decides without VS Code: which server binary to start, and which of its
// settings reach the server. Pure functions, so the unit tests run in plain Node.

import * as path from "path";

/** The `biolint.*` settings the server reads: the keys of biolint.toml. */
export const SERVER_KEYS = ["rules", "allow", "species", "references", "dictionaries"] as const;

/** Reads one setting (VS Code's `WorkspaceConfiguration.get`, or a stub in tests). */
export type Get = (key: string) => unknown;

/**
 * The settings sent to the server (as initializationOptions and in
 * workspace/didChangeConfiguration): the server's keys, without the client's own (`enable`,
 * `path`, `languages`), and without empty values, so that biolint.toml decides where the user
 * set nothing.
 */
export function serverSettings(get: Get): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const key of SERVER_KEYS) {
    const value = get(key);
    const empty =
      value === undefined ||
      value === null ||
      (Array.isArray(value) && value.length === 0) ||
      (typeof value === "object" && !Array.isArray(value) && Object.keys(value as object).length === 0);
    if (!empty) {
      settings[key] = value;
    }
  }
  return settings;
}

/** The server binary's file name on `platform`. */
export function binaryName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "biolint.exe" : "biolint";
}

/**
 * The server to start: `biolint.path` when set (`~` is the home folder; a relative path is
 * relative to the first workspace folder), else the binary bundled in the extension's `bin/`,
 * else `biolint` on PATH. `exists` says whether a file exists (injected for tests).
 */
export function resolveServerPath(options: {
  configured: string | null | undefined;
  extensionPath: string;
  platform: NodeJS.Platform;
  home: string;
  workspaceFolder?: string;
  exists: (file: string) => boolean;
}): { command: string; source: "setting" | "bundled" | "PATH" } {
  const configured = options.configured?.trim();
  if (configured) {
    let command = configured.startsWith("~") ? path.join(options.home, configured.slice(1)) : configured;
    if (!path.isAbsolute(command) && command.includes(path.sep) && options.workspaceFolder) {
      command = path.join(options.workspaceFolder, command);
    }
    return { command, source: "setting" };
  }
  const bundled = path.join(options.extensionPath, "bin", binaryName(options.platform));
  if (options.exists(bundled)) {
    return { command: bundled, source: "bundled" };
  }
  return { command: binaryName(options.platform), source: "PATH" };
}

/** Whether `command` can be run: a path that exists, or a name found in `pathVariable`. */
export function isRunnable(
  command: string,
  pathVariable: string,
  platform: NodeJS.Platform,
  exists: (file: string) => boolean,
): boolean {
  if (command.includes("/") || command.includes("\\")) {
    return exists(command);
  }
  const separator = platform === "win32" ? ";" : ":";
  return pathVariable
    .split(separator)
    .filter((folder) => folder.length > 0)
    .some((folder) => exists(path.join(folder, command)));
}

/** The document selector for the language ids biolint checks, files and unsaved buffers. */
export function documentSelector(languages: string[]): { language: string; scheme: string }[] {
  return languages.flatMap((language) => [
    { language, scheme: "file" },
    { language, scheme: "untitled" },
  ]);
}
