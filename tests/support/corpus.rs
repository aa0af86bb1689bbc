//! Corpora the sharding tests run on, made in a temporary directory (texts are never copied into
//! the repository).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The bundled articles (`examples/corpus/*.txt`) as JSON Lines `{"id", "text"}`, in name order:
/// the same documents `newskg build` reads from the directory.
pub fn bundled_jsonl(dir: &Path) -> PathBuf {
    let mut files: Vec<PathBuf> = std::fs::read_dir("examples/corpus")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut out = String::new();
    for f in files {
        let id = f.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&f).unwrap();
        out.push_str(&serde_json::json!({"id": id, "text": text}).to_string());
        out.push('\n');
    }
    let path = dir.join("bundled.jsonl");
    std::fs::write(&path, out).unwrap();
    path
}

/// A corpus of about a thousand documents: the 928 rows of the 10kGNAD test split that are not
/// reserved (`scripts/gnad.py all`, from `../shared/corpora/10kgnad`) where that file is present,
/// else 1,000 documents made from the bundled articles (each article with its paragraphs rotated,
/// under its own id). Returns the path and what it is.
pub fn thousand_jsonl(dir: &Path) -> (PathBuf, &'static str) {
    let path = dir.join("thousand.jsonl");
    let gnad = Path::new("../shared/corpora/10kgnad/test.csv");
    if gnad.exists() {
        let out = Command::new("python3")
            .args(["scripts/gnad.py", "all", path.to_str().unwrap()])
            .output()
            .expect("python3 runs scripts/gnad.py");
        assert!(
            out.status.success(),
            "gnad.py: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        return (path, "10kGNAD test split, 928 non-reserved rows");
    }
    let src = bundled_jsonl(dir);
    let articles: Vec<serde_json::Value> = std::fs::read_to_string(src)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut out = String::new();
    for i in 0..1000 {
        let a = &articles[i % articles.len()];
        let text = a["text"].as_str().unwrap();
        let (head, body) = match text.strip_prefix("date ") {
            Some(_) => text.split_once('\n').unwrap_or((text, "")),
            None => ("", text),
        };
        let mut paras: Vec<&str> = body.split("\n\n").collect();
        let k = (i / articles.len()) % paras.len();
        paras.rotate_left(k);
        let text = if head.is_empty() {
            paras.join("\n\n")
        } else {
            format!("{head}\n{}", paras.join("\n\n"))
        };
        out.push_str(&serde_json::json!({"id": format!("gen-{i:04}"), "text": text}).to_string());
        out.push('\n');
    }
    std::fs::write(&path, out).unwrap();
    (path, "1,000 documents made from the bundled articles")
}
