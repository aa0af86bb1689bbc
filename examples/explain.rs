//! How newskg reads a sentence: tokens and entities, phrases, clauses with their verbs and
//! subjects, and the relations each construction of `data/de/constructions.ron` gives. For
//! whoever adds a construction or wonders why a relation was (not) found.
//!
//! ```sh
//! cargo run --example explain -- "date 2016-05 Angela Merkel traf sich in Paris mit François Hollande."
//! echo "Merkel empfing Obama." | cargo run --example explain -- --gazetteer gazetteer -
//! ```

use newskg::Gazetteer;
use newskg::input::Document;
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut gazetteer = PathBuf::from("gazetteer");
    let mut texts = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--gazetteer" | "-g" => match args.next() {
                Some(d) => gazetteer = PathBuf::from(d),
                None => {
                    eprintln!("error: --gazetteer needs a directory");
                    return ExitCode::FAILURE;
                }
            },
            "-" => {
                let mut s = String::new();
                if let Err(e) = std::io::stdin().read_to_string(&mut s) {
                    eprintln!("error: cannot read standard input: {e}");
                    return ExitCode::FAILURE;
                }
                texts.push(s);
            }
            _ => texts.push(a),
        }
    }
    if texts.is_empty() {
        eprintln!("usage: explain [--gazetteer DIR] TEXT... | -");
        return ExitCode::FAILURE;
    }
    let gaz = match Gazetteer::load_dir(&gazetteer) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let pipeline = newskg::Pipeline::new(gaz);
    for (k, text) in texts.iter().enumerate() {
        let doc = Document::new(format!("text{k}"), text.as_str());
        print!("{}", pipeline.explain(&doc));
    }
    ExitCode::SUCCESS
}
