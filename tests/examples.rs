//! The examples run against a freshly built graph of the bundled corpus, and their output is
//! checked. `cargo test` builds the example binaries next to the test binaries.

mod common;
use common::*;
use std::path::PathBuf;
use std::process::Command;

fn example(name: &str) -> PathBuf {
    // target/<profile>/deps/examples-<hash> → target/<profile>/examples/<name>
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(|d| d.parent()).unwrap().join("examples");
    let path = dir.join(name);
    assert!(
        path.exists(),
        "example binary {} is missing (cargo test builds examples)",
        path.display()
    );
    path
}

fn run(name: &str, args: &[&str]) -> String {
    let out = Command::new(example(name)).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn examples_answer_from_a_fresh_graph() {
    let dir = tempfile::tempdir().unwrap();
    build_into(dir.path(), &[]);
    let graph = dir.path().join("graph.ron");
    let g = graph.to_str().unwrap();

    let met = run("who_met_whom", &[g]);
    assert!(met.lines().next().unwrap().contains("meetings"), "{met}");
    // Lavrov and Choe met in Pyongyang in October 2023, reported by 002.
    assert!(
        met.lines().any(|l| l.starts_with("2023-10")
            && l.contains("Choe Son Hui — Sergey Lavrov")
            && l.contains("002_0813c541cded42ab")),
        "{met}"
    );
    // The Kim–Putin summit of 13 September 2023 is dated to its month by the reports.
    assert!(
        met.lines()
            .any(|l| l.starts_with("2023-09") && l.contains("Kim Jong Un — Vladimir Putin")),
        "{met}"
    );
    // A planned meeting is marked, and evidence sentences follow each meeting.
    assert!(
        met.contains("(planned)") && met.contains("“Dort traf sich Russlands Außenminister"),
        "{met}"
    );
    // Kim Il Sung is dead: no meeting with him.
    assert!(!met.contains("Kim Il Sung"), "{met}");

    let lavrov = run("who_met_whom", &[g, "Lawrow"]);
    assert!(
        lavrov
            .lines()
            .filter(|l| l.contains("—"))
            .all(|l| l.contains("Sergey Lavrov")),
        "{lavrov}"
    );

    let tl = run("timeline", &[g, "Lawrow"]);
    assert!(tl.starts_with("Timeline of Sergey Lavrov (sergey-lavrov)"), "{tl}");
    let dated: Vec<&str> = tl.lines().filter(|l| l.starts_with("20")).map(|l| &l[..10]).collect();
    assert!(dated.windows(2).all(|w| w[0] <= w[1]) && dated.len() >= 3, "{tl}");
    assert!(tl.contains("Sergey Lavrov visited Pyongyang"), "{tl}");

    let ego = run("ego_network", &[g, "Putin"]);
    assert!(ego.starts_with("vladimir-putin:"), "{ego}");
    let dot = std::fs::read_to_string(dir.path().join("ego-vladimir-putin.dot")).unwrap();
    assert!(
        dot.contains("\"vladimir-putin\"") && dot.contains("label=\"met"),
        "{dot}"
    );
    let out = Command::new("dot")
        .args(["-Tsvg", dir.path().join("ego-vladimir-putin.dot").to_str().unwrap()])
        .output();
    assert!(out.expect("Graphviz `dot` must be installed").status.success());
}

#[test]
fn examples_report_bad_names_clearly() {
    let dir = tempfile::tempdir().unwrap();
    build_into(dir.path(), &[]);
    let g = dir.path().join("graph.ron");
    let out = Command::new(example("timeline"))
        .args([g.to_str().unwrap(), "Kim"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ambiguous") && err.contains("kim-jong-un"), "{err}");
}

/// A pipe whose reading end is already closed: every write to it fails with a broken pipe.
#[cfg(target_os = "linux")]
fn closed_pipe() -> std::process::Stdio {
    use std::os::fd::FromRawFd;
    let mut fds = [0i32; 2];
    // SAFETY: pipe writes two fresh descriptors into `fds`; the reading one is closed at once and
    // the writing one is owned by the returned Stdio.
    unsafe {
        assert_eq!(libc::pipe(fds.as_mut_ptr()), 0);
        libc::close(fds[0]);
        std::process::Stdio::from(std::os::fd::OwnedFd::from_raw_fd(fds[1]))
    }
}

#[cfg(target_os = "linux")]
#[test]
fn examples_end_quietly_when_the_reader_closes_the_pipe() {
    let dir = tempfile::tempdir().unwrap();
    build_into(dir.path(), &[]);
    let graph = dir.path().join("graph.ron");
    for (name, extra) in [("who_met_whom", None), ("timeline", Some("Lawrow"))] {
        // `| head -0`: the reader is gone before the first line.
        let out = Command::new(example(name))
            .arg(&graph)
            .args(extra)
            .stdout(closed_pipe())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && !err.contains("panicked"), "{name}: {err}");
    }
}
