//! Annotates (or, with `--lint`, lints) a file five times, for profilers
//! (`valgrind --tool=callgrind`):
//! cargo run --release --example profile -- [--lint] [FILE] (default: benches/chapter.md, as
//! Markdown; other files are read as plain text).

/// The allocator the biolint binary uses (src/main.rs), so that the engine is measured as it runs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let lint = args.first().is_some_and(|a| a == "--lint");
    if lint {
        args.remove(0);
    }
    let path = args.first().cloned().unwrap_or_else(|| "benches/chapter.md".to_owned());
    let text = std::fs::read_to_string(&path).expect("a readable file");
    let kind = if path.ends_with(".md") {
        biolint_core::DocumentKind::Markdown
    } else {
        biolint_core::DocumentKind::Plain
    };
    let config = biolint_core::Config::default();
    let document = biolint_core::Document { text: &text, kind };
    for _ in 0..5 {
        if lint {
            std::hint::black_box(biolint_core::lint(document, &config));
        } else {
            std::hint::black_box(biolint_core::annotate(document, &config));
        }
    }
}
