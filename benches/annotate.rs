//! Speed of recognition: `cargo bench --bench annotate`.
//!
//! Prints, for the committed 120 KB chapter (`benches/chapter.md`, the sample manuscript's body
//! repeated): first use of the embedded dictionaries, annotating and linting the chapter once
//! loaded (median and 95th percentile of 50 runs), and throughput on one core, also on the
//! BioRED abstracts (as one document and one by one) when ../shared is there; the chapter's
//! lint again with every core to count on; then, whole process, `biolint annotate` on a
//! one-line file (cold start) and on the chapter, and `biolint check` on the chapter, Word
//! documents and the abstracts as files, with peak RSS.
//! Figures go into BENCHMARKS.md by hand; nothing here asserts on time.

use std::process::Command;
use std::time::{Duration, Instant};

use biolint_core::{Config, Dictionary, Document, DocumentKind};

/// The allocator the biolint binary uses (src/main.rs), so that the engine is measured as it runs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The sorted durations of `runs` calls of `f`.
fn timed<T>(runs: usize, mut f: impl FnMut() -> T) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    times
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let chapter_path = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/chapter.md");
    let chapter = std::fs::read_to_string(chapter_path).expect("benches/chapter.md");
    let config = Config::default();

    // In-process figures are for one core: a document over 32 KB would otherwise be split
    // over two threads when a core is free (`biolint_core::limit_threads`).
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    biolint_core::limit_threads(1);

    let started = Instant::now();
    let dictionary = Dictionary::embedded();
    let first_lookup = dictionary.lookup("PINK1").count();
    println!(
        "first use of the embedded dictionaries: {:?} ({first_lookup} entries for PINK1)",
        started.elapsed()
    );

    let document = Document { text: &chapter, kind: DocumentKind::Markdown };
    let entities = biolint_core::annotate(document, &config).len();
    let times = timed(50, || biolint_core::annotate(document, &config));
    let median = percentile(&times, 0.5);
    println!(
        "annotate {} KB Markdown chapter ({entities} entities): median {:.2} ms, p95 {:.2} ms, {:.1} MB/s",
        chapter.len() / 1000,
        median.as_secs_f64() * 1e3,
        percentile(&times, 0.95).as_secs_f64() * 1e3,
        chapter.len() as f64 / 1e6 / median.as_secs_f64()
    );
    let plain = Document { text: &chapter, kind: DocumentKind::Plain };
    let times = timed(50, || biolint_core::annotate(plain, &config));
    println!(
        "annotate the same text as plain text: median {:.2} ms, {:.1} MB/s",
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        chapter.len() as f64 / 1e6 / percentile(&times, 0.5).as_secs_f64()
    );

    let times = timed(50, || biolint_core::lint(document, &config));
    println!(
        "lint (recognition and every rule) of the same chapter ({} findings): median {:.2} ms, p95 {:.2} ms",
        biolint_core::lint(document, &config).len(),
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.95).as_secs_f64() * 1e3,
    );

    // Throughput on ordinary abstracts, less dense in entities than the chapter: the training
    // corpora's text, when ../shared is beside the repository.
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora/BioRED_Train.PubTator");
    if let Ok(Ok(documents)) =
        std::fs::read_to_string(corpus).map(|t| biolint_core::pubtator::parse(&t))
    {
        let abstracts: String = documents.iter().map(|d| d.text() + "\n\n").collect();
        let document = Document { text: &abstracts, kind: DocumentKind::Plain };
        let times = timed(10, || biolint_core::annotate(document, &config));
        println!(
            "annotate {} abstracts ({:.1} MB, BioRED training text) as plain text: median {:.1} ms, {:.1} MB/s",
            documents.len(),
            abstracts.len() as f64 / 1e6,
            percentile(&times, 0.5).as_secs_f64() * 1e3,
            abstracts.len() as f64 / 1e6 / percentile(&times, 0.5).as_secs_f64()
        );
        // The same abstracts one by one, as `biolint annotate --input pubtator` reads a corpus.
        let texts: Vec<String> = documents.iter().map(|d| d.text()).collect();
        let times = timed(10, || {
            for text in &texts {
                let document = Document { text, kind: DocumentKind::Plain };
                std::hint::black_box(biolint_core::annotate(document, &config));
            }
        });
        println!(
            "annotate the same abstracts one by one: median {:.1} ms, {:.1} MB/s",
            percentile(&times, 0.5).as_secs_f64() * 1e3,
            abstracts.len() as f64 / 1e6 / percentile(&times, 0.5).as_secs_f64()
        );
    }

    biolint_core::limit_threads(cores);
    let times = timed(50, || biolint_core::lint(document, &config));
    println!(
        "lint of the chapter with {cores} cores to count on (the split an editor gets): median {:.2} ms, p95 {:.2} ms",
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.95).as_secs_f64() * 1e3,
    );

    let binary = env!("CARGO_BIN_EXE_biolint");
    let one_line = std::env::temp_dir().join("biolint-bench-one-line.md");
    std::fs::write(&one_line, "PINK1 and PARK2 in Leigh syndrome.\n").unwrap();
    for (command, what, file) in [
        ("annotate", "one-line file (cold start)", one_line.to_str().unwrap()),
        ("annotate", "120 KB chapter", chapter_path),
        ("check", "120 KB chapter", chapter_path),
    ] {
        report_process(
            &format!("biolint {command}, whole process, {what}"),
            binary,
            &[command, file],
            30,
        );
    }

    // Word documents: the chapter as pandoc writes it (tests/fixtures/docx/chapter.docx), and
    // a document of 1 MB on disk made of its body repeated.
    let chapter_docx = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/docx/chapter.docx");
    let big_docx = std::env::temp_dir().join("biolint-bench-1mb.docx");
    let big_size = write_repeated_docx(chapter_docx, &big_docx, 1_000_000);
    // A manuscript's 1 MB is mostly its figures: the chapter with a 1 MB image.
    let figure_docx = std::env::temp_dir().join("biolint-bench-figure.docx");
    let figure_size = write_docx_with_figure(chapter_docx, &figure_docx, 1_000_000);
    for (what, file) in [
        ("chapter.docx (20 KB, 120 KB of text)".to_owned(), chapter_docx),
        (
            format!("the chapter with a 1 MB figure ({:.1} MB docx)", figure_size as f64 / 1e6),
            figure_docx.to_str().unwrap(),
        ),
        (
            format!("a {:.1} MB docx (the chapter's body repeated)", big_size as f64 / 1e6),
            big_docx.to_str().unwrap(),
        ),
    ] {
        report_process(
            &format!("biolint check, whole process, {what}"),
            binary,
            &["check", file],
            20,
        );
    }

    // A folder of manuscripts: every abstract of the corpora written as a file, checked on one
    // core and on all of them.
    let folder = std::env::temp_dir().join("biolint-bench-abstracts");
    if let Some((files, bytes)) = write_abstracts(&folder) {
        let folder = folder.to_str().unwrap();
        let what = format!("{files} abstracts as files ({:.1} MB)", bytes as f64 / 1e6);
        for threads in ["1", "2"] {
            report_process(
                &format!("biolint check --threads {threads}, whole process, {what}"),
                binary,
                &["check", "--threads", threads, folder],
                20,
            );
        }
        report_process(
            &format!("biolint check (all cores), whole process, {what}"),
            binary,
            &["check", folder],
            20,
        );
    }
}

fn report_process(what: &str, binary: &str, args: &[&str], runs: usize) {
    let (times, peak_kb) = whole_process(binary, args, runs);
    println!(
        "{what}: median {:.1} ms, p95 {:.1} ms, peak RSS {:.1} MB",
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.95).as_secs_f64() * 1e3,
        peak_kb as f64 / 1024.0
    );
}

/// Writes to `out` the Word document `from` with an image of `size` bytes (incompressible, as
/// a PNG or JPEG is) added to its media; the file's size.
fn write_docx_with_figure(from: &str, out: &std::path::Path, size: usize) -> u64 {
    use std::io::Write;
    let mut archive = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut writer = zip::ZipWriter::new(std::fs::File::create(out).unwrap());
    for i in 0..archive.len() {
        writer.raw_copy_file(archive.by_index_raw(i).unwrap()).unwrap();
    }
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    writer.start_file("word/media/figure1.png", options).unwrap();
    // A xorshift stream: bytes deflate cannot shrink.
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let noise: Vec<u8> = (0..size)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    writer.write_all(&noise).unwrap();
    writer.finish().unwrap();
    std::fs::metadata(out).unwrap().len()
}

/// Writes to `out` the Word document `from` with its body repeated until the file is at least
/// `size` bytes; the file's size.
fn write_repeated_docx(from: &str, out: &std::path::Path, size: u64) -> u64 {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut document = String::new();
    archive.by_name("word/document.xml").unwrap().read_to_string(&mut document).unwrap();
    let body_start = document.find("<w:body>").unwrap() + "<w:body>".len();
    let body_end = document.rfind("<w:sectPr").unwrap_or(document.rfind("</w:body>").unwrap());
    let body = &document[body_start..body_end];
    let mut copies = 1;
    loop {
        let repeated =
            format!("{}{}{}", &document[..body_start], body.repeat(copies), &document[body_end..]);
        let mut writer = zip::ZipWriter::new(std::fs::File::create(out).unwrap());
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for i in 0..archive.len() {
            let entry = archive.by_index_raw(i).unwrap();
            if entry.name().unwrap() == "word/document.xml" {
                drop(entry);
                writer.start_file("word/document.xml", options).unwrap();
                writer.write_all(repeated.as_bytes()).unwrap();
            } else {
                writer.raw_copy_file(entry).unwrap();
            }
        }
        writer.finish().unwrap();
        let written = std::fs::metadata(out).unwrap().len();
        if written >= size {
            return written;
        }
        copies = (copies as f64 * size as f64 / written as f64).ceil() as usize + 1;
    }
}

/// Writes each abstract of `../shared/corpora/*.PubTator` to `folder` as a text file (title and
/// abstract, one line each); how many and their bytes. `None` without the corpora.
fn write_abstracts(folder: &std::path::Path) -> Option<(usize, usize)> {
    let corpora = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora");
    let mut paths: Vec<_> = std::fs::read_dir(corpora)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "PubTator"))
        .collect();
    paths.sort();
    let _ = std::fs::remove_dir_all(folder);
    std::fs::create_dir_all(folder).ok()?;
    let (mut files, mut bytes) = (0, 0);
    for path in paths {
        let corpus = path.file_stem()?.to_str()?.split('_').next()?.to_owned();
        let text = std::fs::read_to_string(&path).ok()?;
        for document in biolint_core::pubtator::parse(&text).ok()? {
            let text = format!("{}\n{}\n", document.title, document.abstract_text);
            std::fs::write(folder.join(format!("{corpus}-{}.txt", document.id)), &text).ok()?;
            files += 1;
            bytes += text.len();
        }
    }
    Some((files, bytes))
}

/// Runs `biolint ARGS` `runs` times; the sorted wall times and the largest peak RSS (from
/// `/usr/bin/time`, when it is installed).
fn whole_process(binary: &str, args: &[&str], runs: usize) -> (Vec<Duration>, u64) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let status = Command::new(binary).args(args).output().expect("biolint runs").status;
            // `check` exits 1 when it finds something; only a crash or bad input matters here.
            assert!(status.code().is_some_and(|c| c <= 1), "{args:?}: {status}");
            t.elapsed()
        })
        .collect();
    times.sort();
    let peak_kb = Command::new("/usr/bin/time")
        .args(["-f", "%M", binary])
        .args(args)
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stderr).lines().last().and_then(|l| l.trim().parse().ok())
        })
        .unwrap_or(0);
    (times, peak_kb)
}
