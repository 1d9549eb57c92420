//! Helpers shared by the integration tests.

use std::path::PathBuf;

/// `../shared` (upstream data and corpora), when it is beside the repository. Without it a
/// test that needs it says why it skips; under CI (`CI=true`) its absence is a failure.
#[allow(dead_code)]
pub fn shared_dir(test: &str) -> Option<PathBuf> {
    let dir = xtask::shared();
    if dir.join("data").is_dir() && dir.join("corpora").is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{test}: ../shared is missing, and under CI this test must run");
    }
    eprintln!(
        "{test}: skipped, ../shared (upstream data and corpora) is not beside the repository"
    );
    None
}
