#!/usr/bin/env python3
"""newskg on Apache Spark: extraction is the map, the graph is the fold.

Reads a corpus from a Spark source (JSON Lines of {"id", "text", "date"?}; or a Parquet path or a
table with those columns), pipes each partition through `newskg extract -` on the executors
(`rdd.pipe`; the binary and the gazetteer are shipped with `SparkContext.addFile`, which is what
`spark-submit --files` does), writes the extraction records as text files, and folds them into the
graph on the driver with `newskg build --from-extractions`. The graph files are byte for byte those
of `newskg build` on the same documents in one process, whatever the partitioning.

    python examples/spark/newskg_spark.py --master 'local[*]' --input corpus.jsonl --out out-spark
    spark-submit --master spark://HOST:7077 examples/spark/newskg_spark.py \\
        --input hdfs:///news/corpus.jsonl --extractions hdfs:///news/extractions --out out-spark

See examples/spark/README.md.
"""
import argparse
import os
import shlex
import subprocess
import sys
import time
from urllib.parse import urlparse

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql import functions as F


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", required=True, help="corpus: a JSON Lines file or directory, a Parquet path, or a table name")
    ap.add_argument("--format", choices=["json", "parquet", "table"], default="json", help="how to read --input (default json)")
    ap.add_argument("--newskg", default="target/release/newskg", help="the newskg binary, shipped to the executors (default %(default)s)")
    ap.add_argument(
        "--gazetteer",
        action="append",
        default=[],
        help="gazetteer directory, shipped beside the binary; give it several times to layer them, as newskg's -g "
        "(@bundled names the gazetteer built into newskg; default: only that one)",
    )
    ap.add_argument("--out", required=True, help="directory for graph.ron, graph.dot, relations.dot, nodes.csv, edges.csv (on the driver)")
    ap.add_argument(
        "--extractions",
        help="where the extraction records go, any Spark path (default OUT/extractions, on the driver's disk: "
        "fine for a local master; on a cluster give a shared file system, e.g. hdfs:///news/records)",
    )
    ap.add_argument("--partitions", type=int, default=0, help="repartition the corpus into N partitions first (default: as read)")
    ap.add_argument("--master", help="Spark master when not started by spark-submit, e.g. 'local[2]'")
    ap.add_argument(
        "--fold",
        choices=["auto", "files", "stream"],
        default="auto",
        help="files: newskg reads the records directory on the driver (a local path); stream: the driver "
        "streams the records from Spark into newskg's stdin (any path, e.g. HDFS); auto: files for local paths",
    )
    ap.add_argument(
        "--tables",
        help="also aggregate the records with Spark DataFrames into the tables nodes, cooccurrence, relations "
        "and documents (graph.ron's columns) under this Spark path: the path for graphs too large for the driver",
    )
    ap.add_argument("--tables-format", choices=["parquet", "json"], default="parquet", help="format of --tables (default parquet)")
    ap.add_argument("--no-fold", action="store_true", help="skip the fold on the driver (with --tables, for graphs too large for it)")
    return ap.parse_args(argv)


def is_local_path(path):
    scheme = urlparse(path).scheme
    return scheme in ("", "file")


def read_corpus(spark, args):
    """The corpus as a DataFrame of (id string, text string, date string)."""
    if args.format == "json":
        # An explicit schema: no inference pass, ids that are numbers become their JSON text
        # ("7"), as newskg reads them; a malformed line fails the job instead of becoming nulls.
        df = spark.read.schema("id string, text string, date string").option("mode", "FAILFAST").json(args.input)
    elif args.format == "parquet":
        df = spark.read.parquet(args.input)
    else:
        df = spark.table(args.input)
    cols = [F.col("id").cast("string").alias("id"), F.col("text").cast("string").alias("text")]
    if "date" in df.columns:
        cols.append(F.col("date").cast("string").alias("date"))
    return df.select(*cols)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    binary = os.path.abspath(args.newskg)
    layers = [g if g == "@bundled" else os.path.abspath(g) for g in args.gazetteer]
    out = os.path.abspath(args.out)
    extractions = args.extractions or os.path.join(out, "extractions")
    if is_local_path(extractions):
        # A path on the driver's disk (with a local master; on a cluster, give a path on a file
        # system every executor writes to: hdfs://, s3a://). Spelled file:// for Spark, so a
        # cluster's default file system does not claim it.
        extractions = os.path.abspath(urlparse(extractions).path)
        spark_extractions = "file://" + extractions
    else:
        spark_extractions = extractions
    if not os.path.exists(binary):
        sys.exit(f"newskg_spark: --newskg binary {binary} does not exist (build it with `cargo build --release`)")
    for g in layers:
        if g != "@bundled" and not os.path.isdir(g):
            sys.exit(f"newskg_spark: --gazetteer directory {g} does not exist")
    names = [os.path.basename(g) for g in layers if g != "@bundled"]
    if len(set(names)) != len(names):
        sys.exit(f"newskg_spark: --gazetteer directories must have different names to be shipped side by side: {names}")

    ts = time.monotonic()
    builder = SparkSession.builder.appName("newskg").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
        if args.master.startswith("local"):
            # Local Python workers run the driver's interpreter (the one with pyspark).
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    t0 = time.monotonic()

    # Ship the binary and the gazetteer directories, if any (the bundled one is built in), to
    # every executor.
    sc.addFile(binary)
    for g in layers:
        if g != "@bundled":
            sc.addFile(g, recursive=True)
    # Executors find shipped files in their working directory; a local master runs its tasks on
    # the driver, whose copies are under SparkFiles' root directory.
    root = SparkFiles.getRootDirectory() if sc.master.startswith("local") else "."
    argv = [os.path.join(root, os.path.basename(binary)), "extract", "-", "-j", "1"]
    for g in layers:
        argv += ["-g", g if g == "@bundled" else os.path.join(root, os.path.basename(g))]
    command = " ".join(shlex.quote(x) for x in argv)

    docs = read_corpus(spark, args)
    if args.partitions > 0:
        docs = docs.repartition(args.partitions)
    lines = docs.select(F.to_json(F.struct(*docs.columns)).alias("line")).rdd.map(lambda row: row[0])
    # The map: one `newskg extract -` per partition, one thread each (Spark runs a task per core).
    records = lines.pipe(command, checkCode=True)
    spark.createDataFrame(records.map(lambda r: (r,)), "value string").write.mode("overwrite").text(spark_extractions)
    t1 = time.monotonic()

    if args.tables:
        # The DataFrame path: the graph's tables computed where the records are.
        import aggregate

        aggregate.write_tables(aggregate.aggregate(aggregate.read_records(spark, spark_extractions)), args.tables, args.tables_format)
    t1a = time.monotonic()
    if args.no_fold:
        print(f"newskg_spark: extract {t1 - t0:.1f} s, tables {t1a - t1:.1f} s; no fold", file=sys.stderr)
        spark.stop()
        return

    # The fold, on the driver.
    fold = args.fold
    if fold == "auto":
        fold = "files" if is_local_path(extractions) else "stream"
    build = [binary, "build", "--out", out, "--from-extractions"]
    if fold == "files":
        subprocess.run(build + [extractions], check=True)
    else:
        proc = subprocess.Popen(build + ["-"], stdin=subprocess.PIPE)
        for row in spark.read.text(spark_extractions).toLocalIterator():
            proc.stdin.write(row.value.encode("utf-8") + b"\n")
        proc.stdin.close()
        if proc.wait() != 0:
            sys.exit(f"newskg_spark: newskg build --from-extractions - exited with {proc.returncode}")
    t2 = time.monotonic()
    print(
        f"newskg_spark: master {sc.master}, {records.getNumPartitions()} partitions: session {t0 - ts:.1f} s, "
        f"extract {t1 - t0:.1f} s, fold ({fold}) {t2 - t1a:.1f} s"
        + (f", tables {t1a - t1:.1f} s in {args.tables}" if args.tables else "")
        + f"; records in {extractions}, graph in {out}",
        file=sys.stderr,
    )
    spark.stop()


if __name__ == "__main__":
    main()
