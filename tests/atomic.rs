//! Outputs are one set: a `newskg build` killed (SIGKILL, by PID) at any point leaves `out/`
//! with either every old file or every new one, and later runs remove what killed runs left.

mod common;
use common::OUTPUTS;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

fn build(out: &Path, inputs: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_newskg"))
        .arg("build")
        .args(inputs)
        .arg("--out")
        .arg(out)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

fn contents(dir: &Path) -> Vec<Option<Vec<u8>>> {
    OUTPUTS.iter().map(|f| std::fs::read(dir.join(f)).ok()).collect()
}

/// Puts the files of `from` into `to`, leaving anything else there (such as what killed runs left).
fn copy_set(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for f in OUTPUTS {
        std::fs::copy(from.join(f), to.join(f)).unwrap();
    }
    std::fs::write(to.join("notes.txt"), "kept").unwrap();
}

#[test]
fn a_killed_build_leaves_the_old_set_or_the_new_one() {
    let tmp = tempfile::tempdir().unwrap();
    let (old, new, out) = (
        tmp.path().join("old"),
        tmp.path().join("new"),
        tmp.path().join("work/out"),
    );
    // Two different sets: one article, and the whole bundled corpus written many times over
    // (so that a run lasts long enough to be killed in every phase).
    let corpus = tmp.path().join("corpus.jsonl");
    let mut lines = String::new();
    for k in 0..60 {
        for e in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus")).unwrap() {
            let p = e.unwrap().path();
            let text = std::fs::read_to_string(&p).unwrap();
            let body = text.split_once('\n').map_or(text.as_str(), |(_, b)| b);
            lines.push_str(&serde_json::json!({"id": format!("{k}-{}", p.display()), "text": body}).to_string());
            lines.push('\n');
        }
    }
    std::fs::write(&corpus, lines).unwrap();
    let first = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    build(&old, &[first.to_str().unwrap()]);
    build(&new, &[corpus.to_str().unwrap()]);
    let (old_set, new_set) = (contents(&old), contents(&new));
    assert_ne!(old_set, new_set);
    // How long a run takes, to spread the kills over it.
    copy_set(&old, &out);
    let t = Instant::now();
    build(&out, &[corpus.to_str().unwrap()]);
    let full = t.elapsed();
    let (mut saw_old, mut saw_new) = (0, 0);
    for k in 0..16u32 {
        copy_set(&old, &out);
        let mut child = Command::new(env!("CARGO_BIN_EXE_newskg"))
            .arg("build")
            .arg(&corpus)
            .arg("--out")
            .arg(&out)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Kill points spread from the start to past the end of a run.
        std::thread::sleep(full.mul_f64(f64::from(k) / 6.0));
        let _ = Command::new("kill").arg("-KILL").arg(child.id().to_string()).status();
        let _ = child.wait();
        let now = contents(&out);
        assert!(
            now == old_set || now == new_set,
            "kill {k}: out/ holds a mix of old and new files"
        );
        assert_eq!(
            std::fs::read_to_string(out.join("notes.txt")).unwrap(),
            "kept",
            "kill {k}"
        );
        if now == old_set { saw_old += 1 } else { saw_new += 1 }
    }
    assert!(
        saw_old > 0 && saw_new > 0,
        "kills landed only on one side ({saw_old} old, {saw_new} new)"
    );
    // A complete run removes every stage that killed runs left beside out/.
    build(&out, &[corpus.to_str().unwrap()]);
    let left: Vec<String> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".newskg"))
        .collect();
    assert!(left.is_empty(), "stale stages: {left:?}");
    let inside: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".newskg"))
        .collect();
    assert!(inside.is_empty(), "stale temp files: {inside:?}");
}
