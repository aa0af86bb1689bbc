//! out/graph.html in a real browser (headless Chromium, Debian's `chromium`): the page loads from
//! the file alone, clicking an edge shows its evidence, the filters filter, and a screenshot is
//! kept in target/browser/. Skipped where no Chromium is installed, unless
//! NEWSKG_REQUIRE_BROWSER=1 (scripts/test.sh installs Chromium and sets it, so CI always runs it).

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

fn chromium() -> Option<String> {
    let found = ["chromium", "chromium-browser", "google-chrome"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("NEWSKG_REQUIRE_BROWSER").is_none(),
            "NEWSKG_REQUIRE_BROWSER is set but no Chromium is installed"
        );
        eprintln!("SKIPPED: no Chromium (apt install chromium)");
    }
    found.map(String::from)
}

fn headless(browser: &str, args: &[&str], url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .output()
        .expect("chromium runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The text of the element with this id in a dumped DOM.
fn element<'a>(dom: &'a str, id: &str) -> &'a str {
    let start = dom
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} in the page"));
    &dom[start..]
}

#[test]
fn clicking_an_edge_shows_its_evidence_in_a_browser() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    build_into(dir.path(), &[]);
    let g = newskg::export::ron::GraphFile::load(&dir.path().join("graph.ron")).unwrap();
    let page = std::fs::canonicalize(dir.path().join("graph.html")).unwrap();
    // One file: nothing is fetched when it is viewed.
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("<script src") && !html.contains("<link") && !html.contains("<img"));
    let url = |hash: &str| format!("file://{}#{hash}", page.display());
    // Kim Jong Un met Vladimir Putin: the edge with the most statements.
    let (i, edge) = g
        .relations
        .iter()
        .enumerate()
        .find(|(_, r)| r.subject == "kim-jong-un" && r.relation == "met" && r.object == "vladimir-putin")
        .expect("the seeds state the meeting");
    let dom = headless(&browser, &["--dump-dom"], &url(&format!("click={i}")));
    let evidence = element(&dom, "evidence");
    assert!(evidence.contains("Kim Jong Un met Vladimir Putin"), "{evidence}");
    // Every statement's sentence is there, with its trigger marked.
    let sentences: Vec<&str> = edge
        .evidence
        .iter()
        .filter_map(|e| {
            let d = g.documents.iter().find(|d| d.id == e.doc)?;
            d.sentences.iter().find(|s| s.start == e.start).map(|s| s.text.as_str())
        })
        .collect();
    assert_eq!(sentences.len(), edge.evidence.len());
    assert_eq!(evidence.matches("class=\"statement\"").count(), edge.evidence.len());
    let plain = evidence
        .replace("<mark class=\"trigger\">", "")
        .replace("<mark class=\"name\">", "")
        .replace("</mark>", "");
    for s in &sentences {
        let escaped = s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        assert!(plain.contains(&escaped), "{s} not shown");
    }
    assert!(evidence.contains("<mark class=\"trigger\">"));
    // The filters: one entity and one relation kind leave only its edges.
    let met_choe = g
        .relations
        .iter()
        .filter(|r| r.relation == "met" && (r.subject == "choe-son-hui" || r.object == "choe-son-hui"))
        .count();
    assert!(met_choe > 0);
    let dom = headless(&browser, &["--dump-dom"], &url("entity=Choe&kind=met"));
    let count = element(&dom, "count");
    assert!(
        count.contains(&format!(">{met_choe} of {} relation edges<", g.relations.len())),
        "{}",
        &count[..count.len().min(200)]
    );
    // A screenshot for people to look at.
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&shots).unwrap();
    let shot = shots.join("graph-html.png");
    headless(
        &browser,
        &[
            "--hide-scrollbars",
            "--window-size=1300,900",
            &format!("--screenshot={}", shot.display()),
        ],
        &url(&format!("click={i}")),
    );
    assert!(std::fs::metadata(&shot).unwrap().len() > 10_000, "{}", shot.display());
}
