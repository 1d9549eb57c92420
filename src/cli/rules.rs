//! `biolint rules` and `biolint explain RULE`.

use std::process::ExitCode;

use super::EXIT_BAD_INPUT;
use biolint_core::rules;

pub fn list(markdown: bool) -> ExitCode {
    if markdown {
        print!("{}", rules::markdown_reference());
        return ExitCode::SUCCESS;
    }
    for rule in rules::all() {
        let info = rule.info();
        println!("{:<24} {:<8} {}", info.id, info.default_severity.name(), info.summary);
        println!("{:<24} {:<8} e.g. {}", "", "", info.example);
    }
    ExitCode::SUCCESS
}

pub fn explain(id: &str) -> ExitCode {
    let Some(rule) = rules::find(id) else {
        eprintln!("biolint: no rule {id:?}; `biolint rules` lists them");
        return ExitCode::from(EXIT_BAD_INPUT);
    };
    let info = rule.info();
    println!("{} ({} by default)\n", info.id, info.default_severity.name());
    println!("{}\n", info.summary);
    println!("Example: {}\n", info.example);
    println!("{}", info.explanation);
    println!(
        "\nTo silence it: `\"{}\" = \"off\"` under [rules] in biolint.toml, or a \
         `biolint-disable-next-line {}` comment.",
        info.id, info.id
    );
    ExitCode::SUCCESS
}
