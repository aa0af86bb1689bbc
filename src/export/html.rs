//! `out/graph.html`: an evidence explorer in one self-contained file (no network at view time:
//! the data, the script and the styles are inlined; the script is this project's own, about 150
//! lines, so nothing is vendored).
//!
//! A reader filters the relation edges by entity (name or alias), relation kind and date range;
//! the picture draws the matching edges (entities on a circle, one colour per kind, planned
//! edges dashed) and the table lists them. Clicking an edge — in the picture or in the table —
//! shows every statement of it: document, date, planned or done, who says so, and the sentence
//! with the trigger and the names highlighted. `graph.html#entity=Lawrow&kind=met&click=N` sets the
//! filters and clicks edge N once the page has loaded (what the browser test does).

use super::ron::GraphFile;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// UTF-16 offset of byte offset `b` in `s` (JavaScript strings count UTF-16 units).
fn utf16_at(s: &str, b: usize) -> usize {
    s.get(..b).map_or(0, |p| p.encode_utf16().count())
}

/// The data the page shows: entities that take part in a relation, and the relation edges with
/// their statements.
fn data(g: &GraphFile) -> Value {
    let sentences: BTreeMap<(&str, usize, usize), &str> = g
        .documents
        .iter()
        .flat_map(|d| {
            d.sentences
                .iter()
                .map(move |s| ((d.id.as_str(), s.start, s.end), s.text.as_str()))
        })
        .collect();
    let dates: BTreeMap<&str, Option<&str>> = g.documents.iter().map(|d| (d.id.as_str(), d.date.as_deref())).collect();
    let names: BTreeMap<&str, &str> = g.nodes.iter().map(|n| (n.id.as_str(), n.name.as_str())).collect();
    let mut used: Vec<&str> = g
        .relations
        .iter()
        .flat_map(|r| [r.subject.as_str(), r.object.as_str()])
        .collect();
    used.sort_unstable();
    used.dedup();
    let index: BTreeMap<&str, usize> = used.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let nodes: Vec<Value> = used
        .iter()
        .filter_map(|id| g.nodes.iter().find(|n| n.id == *id))
        .map(|n| json!({"id": n.id, "name": n.name, "kind": n.kind, "aliases": n.aliases}))
        .collect();
    let edges: Vec<Value> = g
        .relations
        .iter()
        .map(|r| {
            let ev: Vec<Value> = r
                .evidence
                .iter()
                .map(|e| {
                    let sentence = sentences.get(&(e.doc.as_str(), e.start, e.end)).copied().unwrap_or("");
                    let (a, b) = (
                        e.trigger_start.saturating_sub(e.start),
                        e.trigger_end.saturating_sub(e.start),
                    );
                    json!({
                        "doc": e.doc,
                        "doc_date": dates.get(e.doc.as_str()).copied().flatten(),
                        "date": e.date,
                        "planned": e.planned,
                        "source": e.attribution.as_deref().map(|a| names.get(a).copied().unwrap_or(a)),
                        "sentence": sentence,
                        "trigger": [utf16_at(sentence, a), utf16_at(sentence, b)],
                    })
                })
                .collect();
            json!({
                "s": index[r.subject.as_str()], "o": index[r.object.as_str()], "kind": r.relation,
                "planned": r.planned, "first": r.first_date, "last": r.last_date, "documents": r.documents,
                "evidence": ev,
            })
        })
        .collect();
    json!({"nodes": nodes, "edges": edges})
}

const STYLE: &str = r#"
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; display: grid; grid-template-columns: 560px 1fr; height: 100vh; }
header { grid-column: 1 / 3; padding: 8px 12px; background: #f3f3f3; border-bottom: 1px solid #ccc; }
header label { margin-right: 12px; }
#left { overflow: auto; border-right: 1px solid #ccc; }
#evidence { overflow: auto; padding: 8px 16px; }
svg { display: block; }
svg line { stroke-width: 2.5; cursor: pointer; }
svg line.planned { stroke-dasharray: 6 4; }
svg line.selected { stroke-width: 6; }
svg text { font-size: 11px; }
table { border-collapse: collapse; width: 100%; }
td, th { padding: 2px 6px; border-bottom: 1px solid #eee; text-align: left; }
tr.edge { cursor: pointer; }
tr.edge:hover, tr.selected { background: #fff3c4; }
mark.trigger { background: #ffd54f; }
mark.name { background: #b3e5fc; }
.statement { border-bottom: 1px solid #ddd; padding: 6px 0; }
.meta { color: #555; font-size: 12px; }
.legend span { display: inline-block; margin-right: 10px; }
.legend i { display: inline-block; width: 18px; height: 4px; margin-right: 4px; vertical-align: middle; }
"#;

const SCRIPT: &str = r#"
const DATA = JSON.parse(document.getElementById('data').textContent);
const COLOURS = {met: '#1f77b4', visited: '#2ca02c', received: '#9467bd', phoned: '#ff7f0e',
  accompanied: '#8c564b', invited: '#e377c2', supplied: '#d62728'};
const $ = (id) => document.getElementById(id);
const el = (tag, attrs, text) => {
  const e = tag.startsWith('svg:') ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
                                   : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};
const kinds = [...new Set(DATA.edges.map(e => e.kind))].sort();
for (const k of kinds) $('kind').appendChild(el('option', {value: k}, k));
const legend = $('legend');
for (const k of kinds) { const s = el('span'); const i = el('i'); i.style.background = COLOURS[k] || '#777';
  s.appendChild(i); s.appendChild(document.createTextNode(k)); legend.appendChild(s); }
legend.appendChild(el('span', {}, '- - - planned'));
function names(n) { return [n.name, ...n.aliases].map(x => x.toLowerCase()); }
function keep(e) {
  const q = $('entity').value.trim().toLowerCase(), k = $('kind').value;
  const from = $('from').value.trim(), to = $('to').value.trim();
  if (k && e.kind !== k) return false;
  if (q && ![DATA.nodes[e.s], DATA.nodes[e.o]].some(n => names(n).some(x => x.includes(q)))) return false;
  if ((from || to) && !e.first) return false;
  if (from && (e.last + '~') < from) return false;
  if (to && e.first.slice(0, to.length) > to) return false;
  return true;
}
function highlight(sentence, ranges) {
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const p = el('p'); let at = 0;
  for (const [a, b, cls] of ranges) {
    if (a < at) continue;
    p.appendChild(document.createTextNode(sentence.slice(at, a)));
    p.appendChild(el('mark', {class: cls}, sentence.slice(a, b)));
    at = b;
  }
  p.appendChild(document.createTextNode(sentence.slice(at)));
  return p;
}
function show(i) {
  document.querySelectorAll('.selected').forEach(x => x.classList.remove('selected'));
  document.querySelectorAll('[data-edge="' + i + '"]').forEach(x => x.classList.add('selected'));
  const e = DATA.edges[i], s = DATA.nodes[e.s], o = DATA.nodes[e.o], box = $('evidence');
  box.replaceChildren(el('h2', {}, s.name + ' ' + e.kind + ' ' + o.name));
  box.appendChild(el('p', {class: 'meta'}, e.evidence.length + ' statement(s) in ' + e.documents + ' document(s)'));
  for (const ev of e.evidence) {
    const d = el('div', {class: 'statement'});
    const meta = [ev.doc, ev.date ? 'date ' + ev.date : (ev.doc_date ? 'document of ' + ev.doc_date : 'undated'),
      ev.planned ? 'planned' : 'done', ev.source ? 'says ' + ev.source : ''].filter(x => x).join(' · ');
    d.appendChild(el('div', {class: 'meta'}, meta));
    const ranges = [[ev.trigger[0], ev.trigger[1], 'trigger']];
    for (const n of [s, o]) for (const name of [n.name, ...n.aliases].sort((a, b) => b.length - a.length)) {
      let k = ev.sentence.indexOf(name);
      while (name && k >= 0) { ranges.push([k, k + name.length, 'name']); k = ev.sentence.indexOf(name, k + 1); }
    }
    d.appendChild(highlight(ev.sentence, ranges));
    box.appendChild(d);
  }
}
function render() {
  const edges = DATA.edges.map((e, i) => [e, i]).filter(([e]) => keep(e));
  const used = [...new Set(edges.flatMap(([e]) => [e.s, e.o]))].sort((a, b) => a - b);
  const W = 540, R = 150, C = 270, pos = {};
  used.forEach((n, k) => { const a = 2 * Math.PI * k / Math.max(used.length, 1);
    pos[n] = [C + R * Math.cos(a), C + R * Math.sin(a)]; });
  const svg = el('svg:svg', {width: W, height: W, viewBox: '0 0 ' + W + ' ' + W});
  for (const [e, i] of edges) {
    const [x1, y1] = pos[e.s], [x2, y2] = pos[e.o];
    const line = el('svg:line', {x1, y1, x2, y2, stroke: COLOURS[e.kind] || '#777', 'data-edge': i,
      class: e.planned ? 'planned' : ''});
    line.appendChild(el('svg:title', {}, DATA.nodes[e.s].name + ' ' + e.kind + ' ' + DATA.nodes[e.o].name));
    line.addEventListener('click', () => show(i));
    svg.appendChild(line);
  }
  for (const n of used) {
    const [x, y] = pos[n];
    svg.appendChild(el('svg:circle', {cx: x, cy: y, r: 4, fill: '#333'}));
    svg.appendChild(el('svg:text', {x: x + (x < C ? -6 : 6), y: y + 4, 'text-anchor': x < C ? 'end' : 'start'},
      DATA.nodes[n].name));
  }
  $('picture').replaceChildren(svg);
  const table = el('table');
  const head = el('tr'); for (const h of ['subject', 'relation', 'object', 'dates', 'statements']) head.appendChild(el('th', {}, h));
  table.appendChild(head);
  for (const [e, i] of edges) {
    const tr = el('tr', {class: 'edge', 'data-edge': i});
    const dates = e.first ? (e.first === e.last ? e.first : e.first + ' – ' + e.last) : '';
    for (const c of [DATA.nodes[e.s].name, e.kind + (e.planned ? ' (planned)' : ''), DATA.nodes[e.o].name, dates,
                     String(e.evidence.length)]) tr.appendChild(el('td', {}, c));
    tr.addEventListener('click', () => show(i));
    table.appendChild(tr);
  }
  $('list').replaceChildren(table);
  $('count').textContent = edges.length + ' of ' + DATA.edges.length + ' relation edges';
}
for (const id of ['entity', 'kind', 'from', 'to']) $(id).addEventListener('input', render);
// `#entity=Lawrow&kind=met&click=3`: filters set and an edge clicked once the page has loaded.
const params = new URLSearchParams(location.hash.slice(1));
for (const id of ['entity', 'kind', 'from', 'to']) if (params.has(id)) $(id).value = params.get(id);
render();
if (params.has('click')) { const t = document.querySelector('line[data-edge="' + params.get('click') + '"]');
  if (t) t.dispatchEvent(new MouseEvent('click', {bubbles: true})); }
"#;

/// The page.
pub fn to_html(g: &GraphFile) -> String {
    // `</` cannot close the data block early.
    let json = data(g).to_string().replace("</", "<\\/");
    format!(
        "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<title>newskg: who met whom — {} relation edges, {} documents</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header><strong>newskg evidence explorer</strong> · <span id=\"count\"></span><br>\n<label>entity <input id=\"entity\" placeholder=\"name or alias\"></label>\n<label>relation <select id=\"kind\"><option value=\"\">all</option></select></label>\n<label>from <input id=\"from\" placeholder=\"YYYY[-MM[-DD]]\" size=\"11\"></label>\n<label>to <input id=\"to\" placeholder=\"YYYY[-MM[-DD]]\" size=\"11\"></label>\n<span class=\"legend\" id=\"legend\"></span></header>\n<div id=\"left\"><div id=\"picture\"></div><div id=\"list\"></div></div>\n<div id=\"evidence\"><p>Click an edge (a line or a row) to read every sentence that states it.</p></div>\n<script type=\"application/json\" id=\"data\">{json}</script>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        g.relations.len(),
        g.documents.len(),
    )
}
