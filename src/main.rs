/// Recognition allocates many small, short-lived values per document, and glibc's allocator
/// hands the large per-document buffers back to the system each time; mimalloc annotates the
/// benchmark chapter about a fifth faster (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    biolint::cli::run()
}
