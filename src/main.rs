//! The `newskg` command line: a thin layer over the library.

use clap::{Args, Parser, Subcommand};
use newskg::export::{self, dot::DotOptions, ron::GraphFile};
use newskg::gazetteer::Layer;
use newskg::input::{self, ReadOptions};
use newskg::query::Query;
use newskg::{Error, ErrorKind, Gazetteer, Pipeline, run};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: extraction makes millions of small, short-lived
/// allocations, and glibc's malloc and free took 13 % of `extract`'s instructions.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Builds a knowledge graph of who and what German news talks about — and who met, visited,
/// received or accompanied whom — with the sentence that says so.
#[derive(Parser)]
#[command(
    name = "newskg",
    version,
    about,
    long_about = None,
    after_help = "Exit status: 0 on success (also when the reader of a pipe closed it: `newskg query met | head`); \
1 when an input, a gazetteer or an output failed (the message names the file, line and column); 2 on a \
usage error."
)]
struct Cli {
    /// Say nothing on stderr but warnings and errors (no summary, no progress).
    #[arg(short, long, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

/// Set by `--quiet`: summaries on stderr are left out (warnings and errors never are).
static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// A summary line on stderr, unless `--quiet`.
macro_rules! info {
    ($($arg:tt)*) => {
        if !QUIET.load(std::sync::atomic::Ordering::Relaxed) {
            eprintln!($($arg)*);
        }
    };
}

/// Progress on stderr for long runs (indicatif): a spinner with the count of documents and their
/// rate, drawn only when stderr is a terminal (never in logs or pipes) and not `--quiet`.
struct Progress {
    bar: indicatif::ProgressBar,
}

impl Progress {
    fn new(quiet: bool) -> Self {
        let target = if quiet {
            indicatif::ProgressDrawTarget::hidden()
        } else {
            // Hidden by indicatif itself when stderr is no terminal.
            indicatif::ProgressDrawTarget::stderr_with_hz(2)
        };
        let bar = indicatif::ProgressBar::with_draw_target(None, target);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("newskg: {spinner} {pos} documents ({per_sec}, {elapsed})")
        {
            bar.set_style(style);
        }
        Progress { bar }
    }

    fn tick(&mut self, n: usize) {
        self.bar.set_position(n as u64);
    }

    fn done(&self) {
        self.bar.finish_and_clear();
    }
}

#[derive(Subcommand)]
enum Command {
    /// Extract entities and relations from the inputs and write the graph to OUT
    /// (graph.ron, graph.dot, relations.dot — the who-met-whom picture —, nodes.csv, edges.csv,
    /// relations.csv — one row per statement with names, date and sentence —,
    /// graph.graphml for Gephi/yEd/Cytoscape, graph.json in networkx node-link form, graph.html
    /// — the evidence explorer for a browser —, and
    /// neo4j-entities.csv, neo4j-relations.csv, neo4j-cooccurrence.csv for `neo4j-admin database
    /// import`).
    Build {
        #[command(flatten)]
        common: Common,
        /// Fold the extraction records of `newskg extract` (JSON Lines files, directories of them
        /// such as Spark's part files, or - for stdin) instead of extracting from texts; gives the
        /// same outputs as building from the texts. No gazetteer is read.
        #[arg(long, value_name = "FILE|DIR|-", num_args = 1.., conflicts_with_all = ["inputs", "gazetteer", "lossy"])]
        from_extractions: Vec<PathBuf>,
        #[command(flatten)]
        output: Output,
    },
    /// Print one extraction record per document on stdout, in input order: a JSON object with
    /// entities and their mention spans, ambiguous mentions with candidates, relations with their
    /// evidence, and the sentences that name an entity (`build --from-extractions` reads them).
    Extract {
        #[command(flatten)]
        common: Common,
    },
    /// Merge graph files written by `build` or `merge` (graph.ron, or directories holding one)
    /// into one graph, written to OUT like `build` does. Order and grouping never change the
    /// result: the graph of a corpus built in parts and merged equals the graph built at once.
    Merge {
        /// Graph files (`A/graph.ron`) or the directories holding them (`A/`).
        #[arg(required = true, value_name = "GRAPH")]
        graphs: Vec<PathBuf>,
        #[command(flatten)]
        output: Output,
    },
    /// Check a gazetteer, or suggest entities a corpus mentions that it lacks.
    Gazetteer {
        #[command(subcommand)]
        action: GazetteerAction,
    },
    /// Answer questions from a built graph (names resolve through aliases: `Lawrow` finds
    /// sergey-lavrov).
    Query {
        /// The graph file written by `newskg build` (before or after the question:
        /// `newskg query met --graph x/graph.ron`).
        #[arg(long, default_value = "out/graph.ron", global = true)]
        graph: PathBuf,
        /// Answer in JSON Lines (one object per answer, with ids and names) instead of text.
        #[arg(long, global = true)]
        json: bool,
        #[command(subcommand)]
        question: Question,
    },
    /// Print a shell completion script (`newskg completions bash > ~/.local/share/bash-completion/completions/newskg`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff (`newskg man > newskg.1; man ./newskg.1`).
    Man,
    /// Draw a built graph so that it stays readable at any size: the top entities (by mentions
    /// or degree, or one entity's neighbours), each one's strongest co-occurrence edges, every
    /// relation between them, a legend and a title saying what was drawn; laid out with `dot`
    /// when small and `sfdp` when large. Needs Graphviz, except for `--format dot`.
    Render {
        /// The graph file written by `newskg build`.
        #[arg(long, default_value = "out/graph.ron")]
        graph: PathBuf,
        /// The picture to write; its extension gives the format unless `--format` does.
        #[arg(short, long, default_value = "out/picture.svg")]
        output: PathBuf,
        /// Image format (`svg`, `png`, `pdf`, ... as Graphviz names them; `dot` writes the DOT
        /// source without laying it out).
        #[arg(long)]
        format: Option<String>,
        #[command(flatten)]
        opts: newskg::export::render::RenderOptions,
    },
}

/// Where `build` and `merge` write, and how graph.dot is drawn.
#[derive(Args)]
struct Output {
    /// Output directory; files are replaced atomically, and only when the whole run succeeds.
    #[arg(long, default_value = "out")]
    out: PathBuf,
    /// Draw only relation edges in graph.dot (the who-met-whom picture).
    #[arg(long)]
    relations_only: bool,
    /// Leave out of graph.dot co-occurrence edges seen in fewer sentences than this.
    #[arg(long, default_value_t = 1)]
    min_sentences: usize,
}

impl Output {
    /// Writes every output file of `graph` as one set and says what was written.
    fn write(&self, graph: &newskg::KnowledgeGraph, from: &str) -> Result<(), Error> {
        let dot = DotOptions {
            relations_only: self.relations_only,
            min_sentences: self.min_sentences,
        };
        let file = export::write_outputs(graph, &self.out, dot)?;
        report_written(&file, from, &self.out);
        Ok(())
    }
}

#[derive(Subcommand)]
enum GazetteerAction {
    /// Every problem with file:line:col, aliases several entities share, aliases a later
    /// directory takes from an earlier one, persons' aliases that are ordinary German words, and
    /// entities no alias of which names them on their own. Exit code 1 when the gazetteer does
    /// not load.
    Check {
        /// Gazetteer directories, later ones adding to and overriding earlier ones
        /// (`@bundled` is the bundled gazetteer; default: `@bundled`).
        dirs: Vec<PathBuf>,
    },
    /// Person names the corpus writes right after a title (`Außenminister Laurent Fabius`) that
    /// no entity covers, most frequent first, as RON records ready to paste.
    Suggest {
        #[command(flatten)]
        common: Common,
        /// Only names seen at least this often.
        #[arg(long, default_value_t = 2)]
        min: usize,
    },
}

#[derive(Subcommand)]
enum Question {
    /// Who met whom, when, says who: `date  A — B  (planned)  [sources]` with the evidence.
    Met {
        /// Only meetings of this person.
        #[arg(long)]
        who: Option<String>,
        /// Only meetings on or after this date (YYYY[-MM[-DD]]).
        #[arg(long)]
        since: Option<String>,
        /// Only meetings on or before this date (YYYY[-MM[-DD]]).
        #[arg(long)]
        until: Option<String>,
    },
    /// Everything linked to an entity: relations, then co-occurrence, strongest first.
    Neighbours {
        /// Name, alias or id.
        name: String,
    },
    /// The shortest chain of relations (else of any edges) between two entities.
    Path {
        /// From (name, alias or id).
        a: String,
        /// To (name, alias or id).
        b: String,
    },
    /// One entity's dated relations in order.
    Timeline {
        /// Name, alias or id.
        name: String,
    },
}

#[derive(Args)]
struct Common {
    /// Inputs: .txt files, directories of .txt/.jsonl files, .jsonl files of
    /// {"id", "text", "date"} objects, or - for JSON Lines on stdin (streamed).
    /// A .txt file's id is its name without extension; a leading `date YYYY-MM[-DD]` marker
    /// gives its date. Default: examples/corpus, or outside the repository the copy of it
    /// built into newskg.
    #[arg(default_value = "examples/corpus")]
    inputs: Vec<PathBuf>,
    /// Directory of gazetteer *.ron files; give it several times to layer them (later ones add
    /// entities and replace those with the same id). `@bundled` is the gazetteer built into
    /// newskg, the default: `-g @bundled -g mine/` puts your entities on top of it.
    #[arg(long, short)]
    gazetteer: Vec<PathBuf>,
    /// Read invalid UTF-8 lossily (replacing bad bytes, with a warning) instead of failing; spans still index the original bytes.
    #[arg(long)]
    lossy: bool,
    /// Worker threads (default: all cores). Output does not depend on it.
    #[arg(long, short = 'j')]
    threads: Option<usize>,
}

/// More worker threads than this only cost memory: documents are extracted in batches of 64.
const MAX_THREADS: usize = 1024;

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

impl Common {
    fn threads(&self) -> Result<(), Error> {
        if let Some(n) = self.threads {
            if n > MAX_THREADS {
                return Err(Error::new(
                    ErrorKind::Usage,
                    format!(
                        "-j {n}: at most {MAX_THREADS} worker threads (this machine has {})",
                        cores()
                    ),
                ));
            }
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build_global()
                .map_err(|e| Error::new(ErrorKind::Usage, format!("cannot start {n} threads: {e}")))?;
        }
        Ok(())
    }

    fn setup(&self) -> Result<(Pipeline, Vec<input::Source>, ReadOptions), Error> {
        self.threads()?;
        // The German data is built on a thread of its own while this one loads the gazetteer
        // (a panic there would only end that thread: Pipeline::new builds it again and reports).
        std::thread::spawn(Pipeline::prepare);
        let sources = input::expand_or_bundled(&self.inputs)?;
        let gaz = load_gazetteer(&self.gazetteer)?;
        Ok((Pipeline::new(gaz), sources, ReadOptions { lossy: self.lossy }))
    }
}

/// The compiled gazetteer and matcher are needed until the process ends: freeing their millions
/// of small allocations one by one took 4 % of a run with a 234,570-entity gazetteer, and the
/// operating system takes the memory back at once.
fn leak_at_exit(pipeline: Pipeline) {
    std::mem::forget(pipeline);
}

/// Loads the gazetteer layers of `-g` (default: the bundled gazetteer) and says on stderr which
/// aliases a later layer takes from an earlier one.
fn load_gazetteer(dirs: &[PathBuf]) -> Result<Gazetteer, Error> {
    let loaded = Gazetteer::load_layers(&layers(dirs))?;
    for t in &loaded.taken_aliases {
        eprintln!("newskg: warning: {t}");
    }
    Ok(loaded.gazetteer)
}

fn layers(dirs: &[PathBuf]) -> Vec<Layer> {
    if dirs.is_empty() {
        vec![Layer::Bundled]
    } else {
        dirs.iter().map(|d| Layer::parse(d)).collect()
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    QUIET.store(cli.quiet, std::sync::atomic::Ordering::Relaxed);
    match run_cli(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // `newskg query met | head`: the reader has all it wants.
        Err(e) if e.kind == ErrorKind::Output && e.message.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newskg: error: {e}");
            ExitCode::from(match e.kind {
                ErrorKind::Usage => 2,
                _ => 1,
            })
        }
    }
}

/// Says on stderr what was written.
fn report_written(file: &GraphFile, from: &str, out: &std::path::Path) {
    info!(
        "newskg: {from} → {} entities, {} co-occurrence edges, {} relation edges; wrote {}/graph.ron, graph.dot, relations.dot, nodes.csv, edges.csv, relations.csv, graph.graphml, graph.json, graph.html, neo4j-*.csv",
        file.nodes.len(),
        file.cooccurrence.len(),
        file.relations.len(),
        out.display()
    );
}

/// Says on stderr what the per-sentence caps cut, never silently.
fn report_truncated((sentences, relations): (usize, usize)) {
    if sentences > 0 {
        eprintln!(
            "newskg: {sentences} sentences were longer than {} tokens; relations were read from their first {} tokens only",
            newskg::relation::MAX_SYNTAX_TOKENS,
            newskg::relation::MAX_SYNTAX_TOKENS
        );
    }
    if relations > 0 {
        eprintln!(
            "newskg: {relations} relations were dropped from sentences stating more than {} each",
            newskg::relation::MAX_RELATIONS_PER_SENTENCE
        );
    }
}

fn run_cli(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Command::Completions { shell } => {
            use clap::CommandFactory;
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "newskg", &mut out);
            write_stdout(&out)
        }
        Command::Man => {
            use clap::CommandFactory;
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .map_err(|e| Error::new(ErrorKind::Output, format!("cannot render the manual page: {e}")))?;
            write_stdout(&out)
        }
        Command::Build {
            common,
            from_extractions,
            output,
        } => {
            let mut progress = Progress::new(cli.quiet);
            let (graph, docs, truncated) = if from_extractions.is_empty() {
                let (pipeline, sources, opts) = common.setup()?;
                let built = run::build_graph(&pipeline, &sources, opts, &mut |n| progress.tick(n))?;
                leak_at_exit(pipeline);
                built
            } else {
                common.threads()?;
                run::build_graph_from_records(&from_extractions, &mut |n| progress.tick(n))?
            };
            progress.done();
            report_truncated(truncated);
            output.write(&graph, &format!("{docs} documents"))?;
            if graph.skipped_sentences() > 0 {
                eprintln!(
                    "newskg: {} sentences named more than {} entities and added no co-occurrence pairs",
                    graph.skipped_sentences(),
                    newskg::graph::MAX_ENTITIES_PER_SENTENCE
                );
            }
            Ok(())
        }
        Command::Merge { graphs, output } => {
            let graph = run::merge_graph_files(&graphs)?;
            output.write(&graph, &format!("{} graphs", graphs.len()))
        }
        Command::Extract { common } => {
            let (pipeline, sources, opts) = common.setup()?;
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            let io_err = |e: std::io::Error| Error::new(ErrorKind::Output, format!("cannot write to stdout: {e}"));
            let mut truncated = (0, 0);
            // Each line is written by the worker that extracted its document; only the bytes are
            // handed on, in input order.
            let make = |x: newskg::DocExtraction| {
                let mut line = Vec::with_capacity(4096);
                x.write_json_line(pipeline.gazetteer(), &mut line);
                (line, x.truncated)
            };
            run::extract_map(&pipeline, &sources, opts, make, |(line, cut)| {
                truncated.0 += cut.0;
                truncated.1 += cut.1;
                w.write_all(&line).map_err(io_err)
            })?;
            w.flush().map_err(io_err)?;
            report_truncated(truncated);
            leak_at_exit(pipeline);
            Ok(())
        }
        Command::Gazetteer { action } => {
            let mut out = std::io::stdout().lock();
            let io_err = |e: std::io::Error| Error::new(ErrorKind::Output, format!("cannot write to stdout: {e}"));
            match action {
                GazetteerAction::Check { dirs } => {
                    let loaded = Gazetteer::load_layers(&layers(&dirs))?;
                    let findings = newskg::gazetteer::check::check(&loaded);
                    for f in &findings {
                        writeln!(out, "{f}").map_err(io_err)?;
                    }
                    info!(
                        "newskg: gazetteer loads: {} entities from {} files; {} findings",
                        loaded.gazetteer.len(),
                        loaded.gazetteer.files().len(),
                        findings.len()
                    );
                }
                GazetteerAction::Suggest { common, min } => {
                    let (pipeline, sources, opts) = common.setup()?;
                    let mut suggester = newskg::gazetteer::check::Suggester::new(pipeline.gazetteer());
                    input::read_all(&sources, opts, |d| {
                        suggester.add(&d);
                        Ok(())
                    })?;
                    let found = suggester.finish(min);
                    for s in &found {
                        writeln!(out, "    {}", s.to_ron()).map_err(io_err)?;
                    }
                    info!(
                        "newskg: {} names after titles that no entity covers (seen {min}+ times)",
                        found.len()
                    );
                }
            }
            Ok(())
        }
        Command::Render {
            graph,
            output,
            format,
            opts,
        } => {
            use newskg::export::render;
            let file = GraphFile::load(&graph)?;
            let pic = render::picture(&file, &opts)?;
            let format = format
                .or_else(|| output.extension().map(|e| e.to_string_lossy().to_lowercase()))
                .unwrap_or_else(|| "svg".to_string());
            let bytes = if format == "dot" || format == "gv" {
                pic.dot.clone().into_bytes()
            } else {
                render::render(&pic, &format)?
            };
            newskg::export::write_file_atomic(&output, bytes)?;
            info!(
                "newskg: drew {} entities and {} edges with {} into {}",
                pic.nodes,
                pic.edges,
                pic.engine.name(),
                output.display()
            );
            Ok(())
        }
        Command::Query { graph, json, question } => {
            let file = GraphFile::load(&graph)?;
            let q = Query::new(&file);
            let mut lines: Vec<String> = Vec::new();
            // JSON Lines: the answer's fields, with the name of every id beside it.
            let named = |value: serde_json::Value, keys: &[&str]| -> String {
                let mut v = value;
                if let Some(obj) = v.as_object_mut() {
                    for k in keys {
                        if let Some(id) = obj.get(*k).and_then(|x| x.as_str()).map(str::to_string) {
                            obj.insert(format!("{k}_name"), q.name_of(&id).into());
                        }
                    }
                }
                v.to_string()
            };
            match question {
                Question::Met { who, since, until } => {
                    for m in q.meetings(who.as_deref(), since.as_deref(), until.as_deref())? {
                        lines.push(if json {
                            named(serde_json::to_value(&m).unwrap_or_default(), &["a", "b"])
                        } else {
                            q.format_meeting(&m)
                        });
                    }
                }
                Question::Neighbours { name } => {
                    for n in q.neighbours(&name)? {
                        lines.push(if json {
                            named(serde_json::to_value(&n).unwrap_or_default(), &["id"])
                        } else {
                            format!("{:<6} {:<16} {}", n.weight, n.link, q.name_of(&n.id))
                        });
                    }
                }
                Question::Path { a, b } if json => match q.path(&a, &b)? {
                    Some(steps) => {
                        let path: Vec<serde_json::Value> = steps
                            .iter()
                            .map(|(id, link)| serde_json::json!({"id": id, "name": q.name_of(id), "link": link}))
                            .collect();
                        lines.push(serde_json::json!({ "path": path }).to_string());
                    }
                    None => return Err(Error::new(ErrorKind::Query, format!("no path between {a:?} and {b:?}"))),
                },
                Question::Path { a, b } => match q.path(&a, &b)? {
                    Some(steps) => {
                        let parts: Vec<String> = steps
                            .iter()
                            .map(|(id, link)| {
                                if link.is_empty() {
                                    q.name_of(id).to_string()
                                } else {
                                    format!("{} {link}", q.name_of(id))
                                }
                            })
                            .collect();
                        lines.push(parts.join(" "));
                    }
                    None => return Err(Error::new(ErrorKind::Query, format!("no path between {a:?} and {b:?}"))),
                },
                Question::Timeline { name } => {
                    for e in q.timeline(&name)? {
                        lines.push(if json {
                            named(serde_json::to_value(&e).unwrap_or_default(), &["subject", "object"])
                        } else {
                            q.format_entry(&e)
                        });
                    }
                }
            }
            let mut out = std::io::stdout().lock();
            for l in lines {
                writeln!(out, "{l}")
                    .map_err(|e| Error::new(ErrorKind::Output, format!("cannot write to stdout: {e}")))?;
            }
            Ok(())
        }
    }
}

/// Writes bytes to stdout; a closed pipe is reported as an output error (and ends quietly).
fn write_stdout(bytes: &[u8]) -> Result<(), Error> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| Error::new(ErrorKind::Output, format!("cannot write to stdout: {e}")))
}
