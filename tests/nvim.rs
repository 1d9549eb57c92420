//! The Neovim plugin (`editors/nvim`) in a real headless Neovim against the real server: the
//! Lua script `editors/nvim/test/e2e.lua` opens a manuscript, waits for the diagnostics, checks
//! their rules and places, a hover card and a quick fix, and exits 0 only if all held.
//!
//! Skipped, with the reason printed, when `nvim` is not installed, unless `CI` is set: CI
//! (`.ci/run`) installs Debian's neovim and must run it.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn the_neovim_plugin_shows_findings_hovers_and_fixes() {
    let nvim_found = Command::new("nvim")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !nvim_found {
        assert!(std::env::var_os("CI").is_none(), "CI is set but nvim is not installed");
        eprintln!(
            "the_neovim_plugin_shows_findings_hovers_and_fixes: skipped, nvim is not installed"
        );
        return;
    }
    let repository = Path::new(env!("CARGO_MANIFEST_DIR"));
    let test = repository.join("editors/nvim/test");
    // A folder of its own, without a biolint.toml or a repository above it to pick up.
    let folder = std::env::temp_dir().join(format!("biolint-nvim-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let manuscript = folder.join("manuscript.md");
    std::fs::copy(test.join("manuscript.md"), &manuscript).unwrap();

    let mut nvim = Command::new("nvim")
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c"])
        .arg(format!("luafile {}", test.join("e2e.lua").display()))
        .arg(&manuscript)
        .env("BIOLINT", env!("CARGO_BIN_EXE_biolint"))
        .current_dir(&folder)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nvim starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = nvim.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = nvim.kill();
            panic!("nvim did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let output = nvim.wait_with_output().unwrap();
    let _ = std::fs::remove_dir_all(&folder);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(status.success() && stdout.contains("nvim e2e: ok"), "{stdout}\n{stderr}");
}
