//! examples/notebook.ipynb runs: nbclient executes it with the venv's kernel on a freshly built
//! graph, and its meetings table and picture come out. Skipped where the venv lacks nbclient,
//! unless NEWSKG_REQUIRE_NOTEBOOK=1 (scripts/test.sh installs it and sets that).

mod common;
use common::*;
use std::process::Command;

const RUN: &str = r#"
import json, sys
import nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": sys.argv[2]}}).execute()
outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
print(json.dumps(outputs))
"#;

#[test]
fn the_notebook_runs_on_a_built_graph() {
    let python = python();
    let has = Command::new(&python)
        .args(["-c", "import nbclient, nbformat, ipykernel, pyron, pandas"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has {
        assert!(
            std::env::var_os("NEWSKG_REQUIRE_NOTEBOOK").is_none(),
            "NEWSKG_REQUIRE_NOTEBOOK is set but {python} lacks nbclient, ipykernel, pyron or pandas"
        );
        eprintln!("SKIPPED: {python} lacks nbclient/ipykernel (scripts/test.sh installs them)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    build_into(dir.path(), &[]);
    let out = Command::new(&python)
        .args(["-c", RUN, "examples/notebook.ipynb"])
        .arg(std::env::current_dir().unwrap())
        .env("NEWSKG_OUT", dir.path())
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "the notebook failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let outputs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let all = outputs.to_string();
    // The summary line, the meetings table (as HTML) and the SVG picture.
    assert!(all.contains("newskg.graph version 2"), "{all}");
    let table = outputs
        .as_array()
        .unwrap()
        .iter()
        .find_map(|o| o["data"]["text/html"].as_str())
        .expect("a table");
    for cell in ["Kim Jong Un", "Vladimir Putin", "Treffen", "trigger", "says who"] {
        assert!(table.contains(cell), "{cell} missing from the meetings table");
    }
    assert!(
        outputs
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["data"]["image/svg+xml"].is_string()),
        "no picture"
    );
}
