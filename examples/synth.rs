//! Writes a synthetic knowledge base for measuring search at scale:
//! `cargo run --release --example synth -- N DIR [SEED]`, then `ipec check --data DIR`.

use std::path::PathBuf;
use std::process::ExitCode;

use ipec::kb::KnowledgeBase;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(dir)) = (args.first(), args.get(1)) else {
        eprintln!("usage: synth N DIR [SEED]");
        return ExitCode::FAILURE;
    };
    let Ok(n) = n.replace('_', "").parse::<usize>() else {
        eprintln!("synth: N must be a whole number, not `{n}`");
        return ExitCode::FAILURE;
    };
    let seed = match args.get(2).map(|s| s.parse::<u64>()) {
        None => 1,
        Some(Ok(seed)) => seed,
        Some(Err(_)) => {
            eprintln!("synth: SEED must be a whole number");
            return ExitCode::FAILURE;
        }
    };
    let base = match KnowledgeBase::builtin() {
        Ok(kb) => kb,
        Err(problems) => {
            eprintln!("synth: the built-in knowledge base is invalid:\n{problems}");
            return ExitCode::FAILURE;
        }
    };
    let achievements = ipec::synth::achievements(&base, n, seed);
    let dir = PathBuf::from(dir);
    if let Err(e) = ipec::synth::write_dir(&base, &achievements, &dir) {
        eprintln!("synth: cannot write {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    println!("{}: {} achievements", dir.display(), achievements.len());
    ExitCode::SUCCESS
}
