#!/usr/bin/env python3
"""The whole check on Spark, against a direct run: the per-document checks as a map, the name
register as a reduce.

The articles of ../shared/corpora (NTREX-128 and the WMT21/WMT22 test sets, see evalcorpus.py) are
written as JSON Lines documents ({"path", "text", "lang"}), then checked twice:

  direct   concord check --format jsonl DOCUMENTS.jsonl       (one run, register read first)
  Spark    an RDD of the same lines in several partitions:
           1. rdd.pipe("concord names --emit-partial --input-format jsonl -")   each part's register
           2. concord names --merge                                              one register
           3. rdd.pipe("concord check --register REGISTER --input-format jsonl --format jsonl -")

and the findings (and input errors) of both, sorted, must be equal byte for byte; the partitions'
summaries must add up to the direct one. PySpark runs in local mode (pyspark from PyPI; Java 17).

usage: scripts/spark-check.py [--corpora ntrex,wmt21,wmt22] [--ntrex-langs eng,deu,...]
                              [--partitions 4] [--concord target/release/concord] [--out DIR]

Exit status: 0 equal, 1 different, 2 usage or a failed stage, 3 SKIPPED (no ../shared, no
pyspark or no Java: the reason is printed).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(HERE, "scripts"))
import evalcorpus  # noqa: E402

SKIPPED = 3

# Spark binds to the loopback address in local mode (and says nothing about it).
os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")


def skip(why):
    print(f"spark-check: SKIPPED: {why}")
    sys.exit(SKIPPED)


def fail(why):
    print(f"spark-check: {why}", file=sys.stderr)
    sys.exit(2)


def documents(corpora, ntrex_langs):
    """The articles as JSON Lines records, in a fixed order. Paths name the corpus, the document
    and its language, as a desk's archive would."""
    sources = []
    if "ntrex" in corpora:
        sources.append(evalcorpus.ntrex(ntrex_langs))
    if "wmt21" in corpora:
        sources.append(evalcorpus.wmt21())
    if "wmt22" in corpora:
        sources.append(evalcorpus.wmt22())
    lines = []
    for source in sources:
        for corpus, doc, tag, segs in source:
            safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in f"{doc}")
            text = "\n\n".join(seg.replace("\n", " ") for _, seg in segs) + "\n"
            record = {"path": f"{corpus}/{safe}.{tag}.txt", "text": text, "lang": tag}
            lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    return lines


def split(report_lines):
    """A JSON Lines report's findings and input errors (as they were printed), and its summary."""
    kept, summary = [], None
    for line in report_lines:
        if not line.strip():
            continue
        kind = json.loads(line).get("type")
        if kind == "summary":
            s = json.loads(line)
            summary = {k: s[k] for k in ("files", "errors", "warnings", "infos")}
        elif kind in ("finding", "input_error"):
            kept.append(line)
        else:
            fail(f"unexpected report line: {line[:80]}")
    return kept, summary


def added(summaries):
    total = {"files": 0, "errors": 0, "warnings": 0, "infos": 0}
    for s in summaries:
        for k in total:
            total[k] += s[k]
    return total


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", default="ntrex,wmt21,wmt22")
    ap.add_argument("--ntrex-langs", default="", help="NTREX file codes (eng,deu,...); all by default")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--concord", default=os.path.join(HERE, "target", "release", "concord"))
    ap.add_argument("--out", default=os.path.join(HERE, "target", "spark-check"))
    args = ap.parse_args()
    corpora = {c for c in args.corpora.split(",") if c}
    if not corpora <= {"ntrex", "wmt21", "wmt22"}:
        fail(f"--corpora: {args.corpora}: expected some of ntrex, wmt21, wmt22")
    if args.partitions < 2:
        fail("--partitions: at least 2, or there is nothing to merge")

    if not evalcorpus.available():
        skip(f"{evalcorpus.SHARED} not found: the check needs ../shared beside the repository")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        skip("no Java found (Spark needs Java 17)")
    try:
        from pyspark import SparkFiles
        from pyspark.sql import SparkSession
    except ImportError:
        skip("pyspark cannot be imported (pip install pyspark, see .ci/run)")
    concord = os.path.abspath(args.concord)
    if not os.access(concord, os.X_OK):
        fail(f"{concord}: no such program (cargo build --release)")

    os.makedirs(args.out, exist_ok=True)
    langs = {c for c in args.ntrex_langs.split(",") if c} or None
    lines = documents(corpora, langs)
    docs_path = os.path.join(args.out, "documents.jsonl")
    with open(docs_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    size = os.path.getsize(docs_path)
    print(f"spark-check: {len(lines)} documents ({size / 1e6:.1f} MB) from {', '.join(sorted(corpora))}")

    started = time.monotonic()
    direct = subprocess.run(
        [concord, "check", "--format", "jsonl", "--fail-on", "never", docs_path],
        capture_output=True, text=True)
    if direct.returncode not in (0, 1):
        fail(f"the direct run failed ({direct.returncode}): {direct.stderr[-500:]}")
    direct_kept, direct_summary = split(direct.stdout.splitlines())
    direct_s = time.monotonic() - started

    started = time.monotonic()
    spark = (SparkSession.builder.master(f"local[{args.partitions}]")
             .appName("concord-check")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .getOrCreate())
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    try:
        # As a cluster would: the binary (and later the register) shipped to every executor.
        # Executors find shipped files in their working directory; in local mode, the driver's
        # copy is where SparkFiles says.
        sc.addFile(concord)
        shipped = SparkFiles.get(os.path.basename(concord))
        rdd = sc.parallelize(lines, args.partitions).cache()
        sizes = rdd.glom().map(len).collect()
        partials = rdd.pipe(
            f"{shipped} names --emit-partial --input-format jsonl -", checkCode=True).collect()
        partials_path = os.path.join(args.out, "partials.jsonl")
        with open(partials_path, "w", encoding="utf-8") as f:
            f.write("\n".join(partials) + "\n")
        register_path = os.path.join(args.out, "register.jsonl")
        with open(register_path, "w", encoding="utf-8") as f:
            merged = subprocess.run([concord, "names", "--merge", partials_path],
                                    stdout=f, stderr=subprocess.PIPE, text=True)
        if merged.returncode != 0:
            fail(f"concord names --merge failed: {merged.stderr[-500:]}")
        sc.addFile(register_path)
        register = SparkFiles.get("register.jsonl")
        findings = rdd.pipe(
            f"{shipped} check --register {register} --input-format jsonl --format jsonl "
            "--fail-on never -", checkCode=True).collect()
    finally:
        spark.stop()
    spark_s = time.monotonic() - started

    summaries = [json.loads(l) for l in findings if '"type":"summary"' in l]
    spark_kept, _ = split(l for l in findings if '"type":"summary"' not in l)
    spark_summary = added({k: s[k] for k in ("files", "errors", "warnings", "infos")}
                          for s in summaries)
    with open(register_path, encoding="utf-8") as f:
        header = json.loads(f.readline())
    corpus_findings = sum('"rule":"name/corpus"' in l for l in direct_kept)
    print(f"spark-check: {len(sizes)} partitions of {min(sizes)}-{max(sizes)} documents; "
          f"{len(partials)} register lines from the parts, merged into one of "
          f"{header['documents']} documents")
    print(f"spark-check: direct {len(direct_kept)} findings and errors ({corpus_findings} name/corpus) "
          f"in {direct_s:.1f}s; Spark {len(spark_kept)} in {spark_s:.1f}s")
    direct_kept.sort()
    spark_kept.sort()
    with open(os.path.join(args.out, "direct.sorted.jsonl"), "w", encoding="utf-8") as f:
        f.writelines(l + "\n" for l in direct_kept)
    with open(os.path.join(args.out, "spark.sorted.jsonl"), "w", encoding="utf-8") as f:
        f.writelines(l + "\n" for l in spark_kept)
    ok = True
    if direct_kept != spark_kept:
        ok = False
        only_direct = sorted(set(direct_kept) - set(spark_kept))
        only_spark = sorted(set(spark_kept) - set(direct_kept))
        print(f"spark-check: DIFFERENT: {len(only_direct)} lines only in the direct run, "
              f"{len(only_spark)} only in Spark's (see {args.out}/*.sorted.jsonl)")
        for l in only_direct[:3]:
            print(f"  direct only: {l[:200]}")
        for l in only_spark[:3]:
            print(f"  Spark only:  {l[:200]}")
    if spark_summary != direct_summary:
        ok = False
        print(f"spark-check: DIFFERENT summaries: direct {direct_summary}, Spark {spark_summary}")
    if header["documents"] != direct_summary["files"]:
        ok = False
        print(f"spark-check: the merged register counts {header['documents']} documents, "
              f"the direct run {direct_summary['files']}")
    if ok:
        print(f"spark-check: equal: {len(direct_kept)} sorted lines byte for byte, summary {direct_summary}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
