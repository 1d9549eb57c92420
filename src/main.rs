fn main() -> std::process::ExitCode {
    biolint::cli::run()
}
