"""The graph of extraction records aggregated with Spark DataFrames, for graphs that do not fit
the driver: the tables `nodes`, `cooccurrence`, `relations` and `documents` with the columns of
graph.ron (schema newskg.graph, version 2), computed where the records are and written as Parquet
(or JSON Lines). `compare_tables.py` checks them against a graph.ron.

The aggregation follows src/graph.rs: a node per entity with its mentions per document (and nodes
for entities that take part in relations unnamed); a co-occurrence edge per pair of entities named
in a sentence that names 2 to 30 entities; a relation edge per subject, kind and object (`met` and
`phoned` with the smaller id first) with every distinct statement, `planned` when all are, distinct
documents, first and last date; and per document its date and the sentences evidence points to.
Where records disagree about an entity (different gazetteers), the greatest description wins.
"""
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

# What the aggregation reads of a record (src/record.rs); other fields are ignored.
RECORD_SCHEMA = """
doc string, date string,
entities array<struct<id: string, name: string, kind: string, wikidata: string, aliases: array<string>,
                      mentions: array<struct<start: long, end: long>>>>,
referenced array<struct<id: string, name: string, kind: string, wikidata: string, aliases: array<string>>>,
relations array<struct<subject: string, relation: string, object: string, planned: boolean, date: string,
                       attribution: struct<source: string, text: string>, goods: array<string>,
                       trigger: struct<start: long, end: long>, sentence: struct<start: long, end: long, text: string>,
                       confidence: double>>,
sentences array<struct<start: long, end: long, text: string>>
"""

MAX_ENTITIES_PER_SENTENCE = 30  # src/graph.rs


def read_records(spark: SparkSession, path: str) -> DataFrame:
    return spark.read.schema(RECORD_SCHEMA).option("mode", "FAILFAST").json(path)


def aggregate(records: DataFrame) -> dict:
    """The four tables of the graph of `records`."""
    meta = F.struct("kind", "name", "wikidata", "aliases")

    # Nodes: entities named in documents, with mentions per document...
    named = records.select("doc", F.explode("entities").alias("e")).select(
        "doc", "e.id", "e.kind", "e.name", "e.wikidata", "e.aliases", F.size("e.mentions").cast("long").alias("n")
    ).where("n > 0")
    # ...and entities that take part in relations without a mention in that document.
    infos = records.select("doc", F.explode(F.concat(
        F.transform("entities", lambda e: F.struct(e["id"].alias("id"), e["name"].alias("name"), e["kind"].alias("kind"),
                                                   e["wikidata"].alias("wikidata"), e["aliases"].alias("aliases"))),
        F.coalesce("referenced", F.array().cast(records.schema["referenced"].dataType)),
    )).alias("e")).select("doc", "e.*")
    rels = records.select("doc", F.explode("relations").alias("r")).select("doc", "r.*")
    parts = rels.select("doc", F.explode(F.array("subject", "object")).alias("id")).distinct()
    participants = parts.join(infos, ["doc", "id"]).select(
        "doc", "id", "kind", "name", "wikidata", "aliases", F.lit(0).cast("long").alias("n")
    )
    nodes = (
        named.unionByName(participants)
        .groupBy("id")
        .agg(
            F.max(meta).alias("meta"),
            F.sum("n").alias("mentions"),
            F.array_sort(F.collect_list(F.when(F.col("n") > 0, F.struct("doc", "n")))).alias("per_doc"),
        )
        .select(
            "id", "meta.kind", "meta.name", "meta.wikidata", "meta.aliases", "mentions",
            F.transform("per_doc", lambda d: d["doc"]).alias("documents"),
            F.transform("per_doc", lambda d: d["n"]).alias("document_mentions"),
        )
    )

    # Co-occurrence: per sentence, the distinct ids of the mentions inside it.
    flat = records.select(
        "doc",
        "sentences",
        F.flatten(F.transform("entities", lambda e: F.transform(
            e["mentions"], lambda m: F.struct(m["start"].alias("start"), m["end"].alias("end"), e["id"].alias("id"))
        ))).alias("ms"),
    )
    sents = flat.select("doc", "ms", F.explode("sentences").alias("s")).select(
        "doc", "s",
        F.array_sort(F.array_distinct(F.transform(
            F.filter("ms", lambda m: (m["start"] >= F.col("s.start")) & (m["start"] < F.col("s.end")) & (m["end"] <= F.col("s.end"))),
            lambda m: m["id"],
        ))).alias("ids"),
    ).where((F.size("ids") >= 2) & (F.size("ids") <= MAX_ENTITIES_PER_SENTENCE))
    pairs = sents.select(
        "doc", "s",
        F.explode(F.flatten(F.transform(
            F.sequence(F.lit(0), F.size("ids") - 2),
            lambda i: F.transform(F.slice("ids", i + 2, F.size("ids") - i - 1),
                                  lambda b: F.struct(F.element_at("ids", i + 1).alias("a"), b.alias("b"))),
        ))).alias("p"),
    )
    cooccurrence = (
        pairs.groupBy(F.col("p.a").alias("source"), F.col("p.b").alias("target"))
        .agg(F.array_sort(F.collect_set(F.struct("doc", "s.start", "s.end"))).alias("evidence"))
        .select(
            "source", "target", F.size("evidence").cast("long").alias("sentences"),
            F.size(F.array_distinct(F.transform("evidence", lambda e: e["doc"]))).cast("long").alias("documents"),
            "evidence",
        )
    )

    # Relations: one edge per subject, kind and object; symmetric kinds with the smaller id first.
    swap = F.col("relation").isin("met", "phoned") & (F.col("object") < F.col("subject"))
    statements = rels.select(
        F.when(swap, F.col("object")).otherwise(F.col("subject")).alias("subject"),
        "relation",
        F.when(swap, F.col("subject")).otherwise(F.col("object")).alias("object"),
        F.struct(
            "doc",
            F.col("sentence.start").alias("start"),
            F.col("sentence.end").alias("end"),
            F.col("trigger.start").alias("trigger_start"),
            F.col("trigger.end").alias("trigger_end"),
            "planned",
            "date",
            F.coalesce("attribution.source", "attribution.text").alias("attribution"),
            F.coalesce("goods", F.array().cast("array<string>")).alias("goods"),
            (F.round(F.col("confidence") * 100) / 100).alias("confidence"),
        ).alias("e"),
    )
    relations = (
        statements.groupBy("subject", "relation", "object")
        .agg(
            F.array_sort(F.collect_set("e")).alias("evidence"),
            F.min(F.col("e.planned").cast("int")).cast("boolean").alias("planned"),
            F.min("e.date").alias("first_date"),
            F.max("e.date").alias("last_date"),
        )
        .select(
            "subject", "relation", "object", "planned",
            F.size(F.array_distinct(F.transform("evidence", lambda e: e["doc"]))).cast("long").alias("documents"),
            "first_date", "last_date", "evidence",
        )
    )

    # Documents: every one, with the sentences evidence points to.
    kept = sents.select("doc", F.col("s.start").alias("start"), F.col("s.end").alias("end"), F.col("s.text").alias("text"))
    kept = kept.unionByName(
        rels.select("doc", F.col("sentence.start").alias("start"), F.col("sentence.end").alias("end"),
                    F.col("sentence.text").alias("text"))
    ).groupBy("doc", "start", "end").agg(F.min(F.coalesce("text", F.lit(""))).alias("text"))
    per_doc = kept.groupBy("doc").agg(F.array_sort(F.collect_list(F.struct("start", "end", "text"))).alias("sentences"))
    documents = (
        records.groupBy("doc").agg(F.max("date").alias("date"))
        .join(per_doc, "doc", "left")
        .select(F.col("doc").alias("id"), "date",
                F.coalesce("sentences", F.array().cast(per_doc.schema["sentences"].dataType)).alias("sentences"))
    )
    return {"nodes": nodes, "cooccurrence": cooccurrence, "relations": relations, "documents": documents}


def write_tables(tables: dict, out: str, fmt: str = "parquet") -> None:
    for name, df in tables.items():
        df.write.mode("overwrite").format(fmt).save(f"{out}/{name}")
