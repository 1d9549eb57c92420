//! The VS Code extension's own tests (`editors/vscode`, `npm test`): its type check, the unit
//! tests of its settings mapping and server path, and the protocol test that drives this
//! build's `biolint lsp` as the extension does.
//!
//! They need Node and the extension's packages. Under CI (`CI` set) the packages are installed
//! (`npm ci`) and the tests must run; elsewhere they are skipped, with the reason printed,
//! until `npm ci` has been run in `editors/vscode`.

use std::path::Path;
use std::process::Command;

#[test]
fn the_vscode_extension_passes_its_tests() {
    let extension = Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/vscode");
    let ci = std::env::var_os("CI").is_some();
    let npm_found = Command::new("npm").arg("--version").output().is_ok_and(|o| o.status.success());
    if !npm_found {
        assert!(!ci, "CI is set but npm is not installed");
        eprintln!("the_vscode_extension_passes_its_tests: skipped, npm is not installed");
        return;
    }
    if ci {
        let installed = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(&extension)
            .status()
            .expect("npm runs");
        assert!(installed.success(), "npm ci failed in editors/vscode");
    } else if !extension.join("node_modules").is_dir() {
        eprintln!(
            "the_vscode_extension_passes_its_tests: skipped, run `npm ci` in editors/vscode first"
        );
        return;
    }
    let output = Command::new("npm")
        .arg("test")
        .current_dir(&extension)
        .env("BIOLINT_SERVER", env!("CARGO_BIN_EXE_biolint"))
        .output()
        .expect("npm runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "npm test failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("# fail 0"), "{stdout}");
}
