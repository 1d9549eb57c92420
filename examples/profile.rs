fn main() {
    let chapter = std::fs::read_to_string("benches/chapter.md").unwrap();
    let config = biolint::Config::default();
    for _ in 0..5 {
        std::hint::black_box(biolint::annotate(
            biolint::Document { text: &chapter, kind: biolint::DocumentKind::Markdown },
            &config,
        ));
    }
}
