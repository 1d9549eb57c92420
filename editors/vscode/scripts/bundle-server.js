// Copies the release server binary into bin/ for `npm run package` (build it first with
// `cargo build --release` at the repository root; for another platform, build with
// `--target` and set BIOLINT_SERVER to that binary).
const fs = require("fs");
const path = require("path");
const name = process.platform === "win32" ? "biolint.exe" : "biolint";
const from = process.env.BIOLINT_SERVER || path.join(__dirname, "..", "..", "..", "target", "release", name);
if (!fs.existsSync(from)) {
  console.error(`bundle-server: ${from} does not exist; run cargo build --release first`);
  process.exit(1);
}
fs.mkdirSync(path.join(__dirname, "..", "bin"), { recursive: true });
fs.copyFileSync(from, path.join(__dirname, "..", "bin", name));
fs.chmodSync(path.join(__dirname, "..", "bin", name), 0o755);
console.log(`bundle-server: ${from} -> bin/${name}`);
