fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap();
        if path.ends_with("xml") {
            let j = biolint_formats::jats::read(std::str::from_utf8(&bytes).unwrap()).unwrap();
            print!("{}", j.text);
            continue;
        }
        match biolint_formats::docx::Docx::read(bytes) {
            Ok(d) => {
                println!("== {path}\n{}", d.text());
                println!("{:?}", d.structure());
            }
            Err(e) => println!("== {path}: {e}"),
        }
    }
}
