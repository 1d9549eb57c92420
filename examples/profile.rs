//! Annotates a file five times, for profilers (`valgrind --tool=callgrind`):
//! cargo run --release --example profile -- [FILE] (default: benches/chapter.md, as Markdown;
//! other files are read as plain text).

/// The allocator the biolint binary uses (src/main.rs), so that the engine is measured as it runs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "benches/chapter.md".to_owned());
    let text = std::fs::read_to_string(&path).expect("a readable file");
    let kind = if path.ends_with(".md") {
        biolint_core::DocumentKind::Markdown
    } else {
        biolint_core::DocumentKind::Plain
    };
    let config = biolint_core::Config::default();
    for _ in 0..5 {
        std::hint::black_box(biolint_core::annotate(
            biolint_core::Document { text: &text, kind },
            &config,
        ));
    }
}
