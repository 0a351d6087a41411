#!/usr/bin/python3
"""The side-by-side benchmark: scoop against Xapian and SQLite FTS5.

One command builds the programs, makes the corpora and query sets, indexes
every corpus with all three engines, runs every query class against each,
and writes benchmarks/RESULTS.md and a latency chart (PNG). See
benchmarks/README.md. Everything generated goes to --work; nothing of it is
committed.

Preparing the inputs (corpora and query sets, benchmarks/tools/prepare) is
kept apart from measuring the engines (benchmarks/tools/measure): each engine
is one program, scoop_engine, xapian_engine or fts5_engine, with the same
command line and the same timing loop (benchmarks/tools/engines), and all
three answer the query text through scoop's own query parser. Each answers
the whole query set in one long-running process, warmed by one untimed pass,
top 10, fetching the result fields of each hit; latencies are measured
inside the processes, so start-up is not counted. Hit counts are compared
query by query (a separate, untimed exact-count pass): scoop and Xapian must
agree on every query, and the run fails (exit status 1) when they do not.
"""

import argparse
import datetime
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLASSES = ["TermHigh", "TermMed", "TermLow", "AndHighHigh", "AndHighMed", "OrHighHigh", "OrHighMed",
           "OrHighMedLow", "Phrase2", "Phrase3", "Prefix"]
ENGINES = ["scoop", "xapian", "fts5"]
TARGETS = {  # minimum Xapian/scoop median ratio per class, from issue 5
    "TermHigh": 10, "TermMed": 10, "TermLow": 10, "OrHighHigh": 10, "OrHighMed": 10, "OrHighMedLow": 10,
    "AndHighHigh": 5, "AndHighMed": 5, "Phrase2": 5, "Phrase3": 5,
}


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(cmd, stdin=None, ok=(0,)):
    """Runs a command; returns (seconds, stdout text, stderr text). Any exit
    status but those in `ok` ends the run: a preparation program that fails
    must not leave an empty corpus behind to be measured."""
    start = time.monotonic()
    proc = subprocess.Popen([str(c) for c in cmd], stdin=subprocess.PIPE if stdin is not None else None,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate(stdin)
    seconds = time.monotonic() - start
    if proc.returncode not in ok:
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(map(str, cmd))}\n{err}")
    return seconds, out, err


def run_measured(cmd):
    """Runs a command and returns (seconds, peak RSS KiB, stdout). The peak
    comes from GNU time (`%M`), not from wait4 here: a child forked from
    this process starts with this process's high-water mark, which late in
    a run is larger than a small engine's. Output goes through temporary
    files, so a long output cannot block the child while we wait."""
    import tempfile
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err, \
            tempfile.NamedTemporaryFile("r") as peak:
        start = time.monotonic()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", peak.name] + [str(c) for c in cmd],
                              stdout=out, stderr=err)
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        text, errors = out.read(), err.read()
        peak_kib = int(peak.read().strip().splitlines()[-1])
    if proc.returncode != 0:
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(map(str, cmd))}\n{errors}")
    return seconds, peak_kib, text


def dir_bytes(path):
    path = Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and f.name != "LOCK")


def input_bytes(paths):
    return sum(dir_bytes(p) for p in paths)


def median(values):
    return statistics.median(values) if values else float("nan")


def p99(values):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(0.99 * len(ordered)) - 1)]


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = int(line.split()[1]) // (1024 * 1024)
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {mem} GiB RAM, {platform.system()} {platform.release()}"


def git_commit():
    try:
        return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True).stdout.strip() or "unknown"
    except OSError:
        return "unknown"


class Harness:
    def __init__(self, args):
        self.args = args
        self.work = Path(args.work).resolve()
        self.bin = Path(args.bin).resolve()
        self.data = Path(args.data).resolve()
        self.results = {}  # corpus -> dict

    def tool(self, name):
        return self.bin / name

    # ------------------------------------------------------------------ build
    def build(self):
        if self.args.skip_build:
            return
        build_dir = ROOT / "build"
        log("building (optimised: RelWithDebInfo at -O3)")
        subprocess.run(["cmake", "-S", ROOT, "-B", build_dir, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=RelWithDebInfo",
                        "-DSCOOP_BUILD_BENCHMARKS=ON"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["cmake", "--build", build_dir], check=True, stdout=subprocess.DEVNULL)

    # ---------------------------------------------------------------- corpora
    def reuters(self):
        out = self.work / "reuters" / "reuters.jsonl"
        if not out.exists():
            out.parent.mkdir(parents=True, exist_ok=True)
            log("converting Reuters-21578")
            run([self.tool("reuters_to_jsonl"), "--out", out, self.data / "reuters21578"])
        return out

    def markov(self, articles):
        folder = self.work / f"markov-{articles}" / "articles"
        stamp = folder / ".complete"
        if not stamp.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            log(f"generating {articles:,} articles (Markov model of Reuters, seed 42)")
            run([self.tool("markov_corpus"), "--train", self.reuters(), "--articles", articles, "--seed", 42,
                 "--out", folder, "--per-file", 10000 if articles >= 100000 else 1000])
            stamp.touch()
        return folder

    def collection(self, name):
        folder = self.work / name
        docs, queries, qrels = folder / "docs.jsonl", folder / "queries.jsonl", folder / "qrels.txt"
        if not queries.exists():
            folder.mkdir(parents=True, exist_ok=True)
            log(f"converting the {name} collection")
            run([self.tool("convert_collection"), "--collection", name, "--data", self.data, "--out-corpus", docs,
                 "--out", queries, "--out-qrels", qrels])
        return docs, queries, qrels

    def queries(self, corpus_name, paths):
        out = self.work / corpus_name / "queries.jsonl"
        if not out.exists():
            log(f"generating queries for {corpus_name}")
            cmd = [self.tool("make_queries"), "--per-class", self.args.per_class, "--seed", 7, "--out", out]
            if self.args.query_sample_docs:
                cmd += ["--max-docs", self.args.query_sample_docs]
            for p in paths:
                cmd += ["--corpus", p]
            run(cmd)
        return out

    # --------------------------------------------------------------- indexing
    def index(self, corpus_name, paths):
        base = self.work / corpus_name
        saved = base / "index-results.json"
        previous = json.loads(saved.read_text()) if saved.exists() else {}
        # The reference engines take files: folders become their JSON Lines files.
        files = []
        for p in map(Path, paths):
            files += sorted(p.glob("*.jsonl")) if p.is_dir() else [p]
        size = input_bytes(paths)
        out = {"input_bytes": size}
        for engine in self.args.engines:
            target = base / f"index-{engine}"
            if self.args.reuse_indexes and engine in previous and target.exists():
                log(f"{corpus_name}: reusing the {engine} index and its figures from an earlier run")
                out[engine] = previous[engine]
                continue
            shutil.rmtree(target, ignore_errors=True)
            if target.exists():
                target.unlink()
            log(f"{corpus_name}: indexing with {engine}")
            program = self.tool(f"{engine}_engine")
            if engine == "xapian":
                raw = base / "xapian-raw"
                shutil.rmtree(raw, ignore_errors=True)
                secs, rss, text = run_measured([program, "index", "--index", raw, "--threshold",
                                                self.args.xapian_threshold] + files)
                docs = json.loads(text.strip().splitlines()[-1])["documents"]
                raw_bytes = dir_bytes(raw)
                compact_start = time.monotonic()
                run(["xapian-compact", raw, target])
                compact_secs = time.monotonic() - compact_start
                shutil.rmtree(raw, ignore_errors=True)
                extra = {"uncompacted_bytes": raw_bytes, "compact_seconds": compact_secs}
            else:
                # scoop as the indexer builds it: the RAM budget, then one segment.
                options = ["--ram-mb", self.args.ram_mb, "--optimize"] if engine == "scoop" else []
                secs, rss, text = run_measured([program, "index", "--index", target] + options + files)
                docs = json.loads(text.strip().splitlines()[-1])["documents"]
                extra = {}
            index_bytes = dir_bytes(target)
            out[engine] = {"seconds": secs, "documents": docs, "peak_rss_kib": rss, "index_bytes": index_bytes, **extra}
            log(f"  {docs:,} documents in {secs:.1f} s, {index_bytes / 1e6:.1f} MB, peak {rss / 1024:.0f} MiB")
        saved.write_text(json.dumps({**previous, **out}))
        return out

    # ---------------------------------------------------------------- queries
    def search(self, corpus_name, query_file):
        base = self.work / corpus_name
        lines = [json.loads(l) for l in open(query_file) if l.strip()]
        text_in = open(query_file).read()
        results = {"queries": lines}

        def timed_pass(engine):
            """One process: warm-up passes, then a timed pass; per-query
            latencies in microseconds, measured inside the process around
            each query, the same loop for every engine."""
            index = base / f"index-{engine}"
            _, out, _ = run([self.tool(f"{engine}_engine"), "search", "--index", index, "--warmup", self.args.warmup],
                            stdin=text_in)
            return [json.loads(l).get("latency_us", float("nan")) for l in out.splitlines()]

        def count_pass(engine):
            """Exact hit counts, untimed, and the queries the engine refused
            (their hits are None), as {index: message}."""
            index = base / f"index-{engine}"
            _, out, _ = run([self.tool(f"{engine}_engine"), "search", "--index", index, "--warmup", 0, "--count"],
                            stdin=text_in)
            answers = [json.loads(l) for l in out.splitlines()]
            return [a.get("hits") for a in answers], {i: a["error"] for i, a in enumerate(answers) if "error" in a}

        # The machine is shared: a burst of load during one engine's pass
        # would skew the ratios. The engines take turns, round after round,
        # and each query keeps its fastest round (noise only ever adds time).
        latencies = {engine: [] for engine in self.args.engines}
        for round_number in range(1, self.args.rounds + 1):
            for engine in self.args.engines:
                log(f"{corpus_name}: {len(lines)} queries on {engine} (round {round_number} of {self.args.rounds})")
                latency = timed_pass(engine)
                if len(latency) != len(lines):
                    raise SystemExit(f"{engine} answered {len(latency)} of {len(lines)} queries")
                latencies[engine].append(latency)
        for engine in self.args.engines:
            hits, errors = count_pass(engine)
            if len(hits) != len(lines):
                raise SystemExit(f"{engine} counted {len(hits)} of {len(lines)} queries")
            for i, message in list(errors.items())[:5]:
                log(f"{corpus_name}: {engine} refused {lines[i]['id']} `{lines[i]['query']}`: {message}")
            best = [min(round_latencies) for round_latencies in zip(*latencies[engine])]
            results[engine] = {"latency_us": best, "hits": hits, "errors": len(errors)}
        results["comparison"] = compare_hits(corpus_name, lines, results)
        return results

    def effectiveness(self, corpus_name, query_file, qrels_file):
        """Precision at 10 and MAP (top 1000) of scoop's ranking against the
        collection's judgments."""
        judged = {}
        for line in open(qrels_file):
            parts = line.split()
            if len(parts) >= 4 and int(parts[3]) > 0:
                judged.setdefault(parts[0], set()).add(parts[2])
        queries = [json.loads(l) for l in open(query_file) if l.strip()]
        index = self.work / corpus_name / "index-scoop"
        # The searcher's exit status is 1 when no query matched anything.
        _, out, _ = run([self.tool("searcher"), "--index", index, "--batch", "--json", "--no-snippets", "-n", 1000],
                        stdin="".join(q["query"] + "\n" for q in queries), ok=(0, 1))
        answers = [json.loads(l) for l in out.splitlines()]
        precisions, average_precisions = [], []
        # The judgments name queries by their id ("cacm-12") and documents by
        # their url ("cacm:1410"), as convert_collection writes them.
        for q, a in zip(queries, answers):
            relevant = judged.get(q["id"])
            if not relevant:
                continue
            ranked = [h.get("url", "") for h in a.get("hits", [])]
            found, precision_sum = 0, 0.0
            for rank, doc in enumerate(ranked, 1):
                if doc in relevant:
                    found += 1
                    precision_sum += found / rank
            precisions.append(sum(1 for d in ranked[:10] if d in relevant) / 10)
            average_precisions.append(precision_sum / len(relevant))
        return {"judged_queries": len(precisions), "p10": statistics.fmean(precisions) if precisions else float("nan"),
                "map": statistics.fmean(average_precisions) if average_precisions else float("nan")}

    # ---------------------------------------------------------------- running
    def corpus(self, name, paths, query_file=None, qrels=None):
        self.results[name] = {"index": self.index(name, paths)}
        query_file = query_file or self.queries(name, paths)
        self.results[name]["search"] = self.search(name, query_file)
        if qrels is not None and "scoop" in self.args.engines:
            self.results[name]["effectiveness"] = self.effectiveness(name, query_file, qrels)

    def main(self):
        self.work.mkdir(parents=True, exist_ok=True)
        self.build()
        started = time.monotonic()
        if "markov" in self.args.corpora:
            self.corpus(f"markov-{self.args.articles}", [self.markov(self.args.articles)])
        if "reuters" in self.args.corpora:
            self.corpus("reuters", [self.reuters()])
        if "human" in self.args.corpora:
            for name in self.args.collections:
                docs, queries, qrels = self.collection(name)
                self.corpus(name, [docs], queries, qrels)
        self.elapsed = time.monotonic() - started
        (self.work / "results.json").write_text(json.dumps(self.results, default=float))
        write_report(self, Path(self.args.results), Path(self.args.chart))
        compared = [c["search"]["comparison"] for c in self.results.values() if c["search"].get("comparison")]
        failures = sum(c["mismatches"] + c["refused"] for c in compared)
        log(f"done in {self.elapsed / 60:.1f} min; scoop and Xapian compared on {sum(c['queries'] for c in compared)} "
            f"queries: {sum(c['mismatches'] for c in compared)} hit-count mismatches, "
            f"{sum(c['refused'] for c in compared)} queries refused")
        if failures:
            log("FAILED: scoop and Xapian must count the same hits for every query (see above and the report)")
        return 1 if failures else 0


def compare_hits(corpus_name, lines, results):
    """scoop's exact hit counts against Xapian's, query by query, logged.
    A query either engine refused is a failure too: the query sets hold only
    queries both can answer. None when one of the two did not run."""
    if "scoop" not in results or "xapian" not in results:
        return None
    ours, theirs = results["scoop"]["hits"], results["xapian"]["hits"]
    failed = [(q["id"], a, b) for q, a, b in zip(lines, ours, theirs) if a is None or b is None or a != b]
    refused = sum(1 for _, a, b in failed if a is None or b is None)
    for qid, a, b in failed[:20]:
        log(f"{corpus_name}: MISMATCH {qid}: scoop {a}, Xapian {b} (None: refused)")
    log(f"{corpus_name}: hit counts of scoop and Xapian compared on {len(lines)} queries: "
        f"{len(lines) - len(failed)} equal, {len(failed) - refused} different, {refused} refused")
    return {"queries": len(lines), "mismatches": len(failed) - refused, "refused": refused, "list": failed}


# ------------------------------------------------------------------- report
def class_stats(search, engine, cls):
    values = [v for q, v in zip(search["queries"], search[engine]["latency_us"]) if q["class"] == cls]
    return median(values), p99(values), len(values)


def write_report(h, results_path, chart_path):
    args = h.args
    lines = [
        "# Benchmark results",
        "",
        f"Generated by `benchmarks/run.py {' '.join(sys.argv[1:])}` on {datetime.date.today().isoformat()}, "
        f"commit {git_commit()}, in {h.elapsed / 60:.0f} minutes.",
        "",
        f"Machine: {machine()}.",
        "",
        "Engines: scoop (this project: core's Searcher as `searcher --no-snippets` runs it), Xapian "
        f"{subprocess.run(['xapian-config', '--version'], capture_output=True, text=True).stdout.strip().split()[-1] if shutil.which('xapian-config') else ''} "
        "(glass backend, compacted, BM25Weight with scoop's k1 and b) and SQLite "
        f"{subprocess.run(['sqlite3', '--version'], capture_output=True, text=True).stdout.split()[0] if shutil.which('sqlite3') else ''} FTS5 "
        "(optimised), all fed the terms of scoop's analyser and the queries as scoop's parser reads them, "
        "through one engine interface and one timing loop. Latencies are measured inside each engine's "
        "long-running process, warm, for a top-10 page with each hit's result fields. The engines take "
        f"turns for {h.args.rounds} timed rounds and each query keeps its fastest round, so that a burst of "
        "load on this shared machine during one engine's turn does not skew the ratios. Medians and 99th "
        "percentiles in microseconds. Ratios are engine/scoop: above 1 means scoop is faster. Index sizes "
        "include everything each engine stores to answer these queries; scoop's also holds its word-pair "
        "lists (every adjacent pair with a common function word, with positions: docs/FORMAT.md), which "
        "answer the phrase classes and which the other engines do not build.",
        "",
    ]
    chart_series = {}
    for corpus, result in h.results.items():
        idx, search = result["index"], result["search"]
        lines += [f"## {corpus}", ""]
        size = idx["input_bytes"]
        docs = idx.get("scoop", next(iter(v for k, v in idx.items() if k in ENGINES)))["documents"]
        lines += [f"{docs:,} documents, {size / 1e6:,.1f} MB of input.", "",
                  "| engine | indexing time | documents/s | MB/s | index size | of input | peak memory |",
                  "|---|---|---|---|---|---|---|"]
        for engine in ENGINES:
            if engine not in idx:
                continue
            e = idx[engine]
            note = ""
            if engine == "xapian":
                note = f" (+{e['compact_seconds']:.0f} s compaction; {e['uncompacted_bytes'] / 1e6:,.0f} MB before)"
            lines.append(f"| {engine} | {e['seconds']:,.1f} s{note} | {e['documents'] / e['seconds']:,.0f} | "
                         f"{size / 1e6 / e['seconds']:,.2f} | {e['index_bytes'] / 1e6:,.1f} MB | "
                         f"{e['index_bytes'] / size:.2f} | {e['peak_rss_kib'] / 1024:,.0f} MiB |")
        if "scoop" in idx:
            ours = idx["scoop"]
            for engine in ("xapian", "fts5"):
                if engine in idx:
                    e = idx[engine]
                    lines.append("")
                    lines.append(f"{engine}/scoop: indexing time {e['seconds'] / ours['seconds']:.1f}x, index size "
                                 f"{e['index_bytes'] / ours['index_bytes']:.2f}x.")
        lines.append("")

        # Hit agreement (compare_hits).
        queries = search["queries"]
        comparison = search.get("comparison")
        classes = [c for c in CLASSES + ["Human"] if any(q["class"] == c for q in queries)]
        header = "| class | n | " + " | ".join(f"{e} median | {e} p99" for e in ENGINES if e in search)
        ratios = [e for e in ("xapian", "fts5") if e in search and "scoop" in search]
        header += "".join(f" | {e}/scoop" for e in ratios) + " | hits scoop = xapian |"
        lines += [header, "|" + "---|" * (header.count("|") - 1)]
        for cls in classes:
            row = [cls]
            stats = {e: class_stats(search, e, cls) for e in ENGINES if e in search}
            row.append(str(next(iter(stats.values()))[2]))
            for e in ENGINES:
                if e in stats:
                    row += [f"{stats[e][0]:,.0f}", f"{stats[e][1]:,.0f}"]
            for e in ratios:
                row.append(f"{stats[e][0] / stats['scoop'][0]:.1f}x")
            cls_queries = [i for i, q in enumerate(queries) if q["class"] == cls]
            if "scoop" in search and "xapian" in search:
                agree = sum(1 for i in cls_queries
                            if search["scoop"]["hits"][i] is not None
                            and search["scoop"]["hits"][i] == search["xapian"]["hits"][i])
                row.append(f"{agree}/{len(cls_queries)}")
            else:
                row.append("-")
            lines.append("| " + " | ".join(row) + " |")
            chart_series.setdefault(corpus, {})[cls] = {e: stats[e][0] for e in stats}
        lines.append("")
        if comparison and (comparison["mismatches"] or comparison["refused"]):
            by_id = {q["id"]: q for q in queries}
            lines += [f"Of {comparison['queries']} queries, scoop and Xapian count different hits for "
                      f"{comparison['mismatches']}, and {comparison['refused']} were refused by one of them:", ""]
            for qid, a, b in comparison["list"][:20]:
                shown = ["refused" if n is None else n for n in (a, b)]
                lines.append(f"- `{qid}` `{by_id[qid]['query']}`: scoop {shown[0]}, Xapian {shown[1]}")
            lines.append("")
        elif comparison:
            lines += [f"scoop and Xapian count the same hits for every one of the {comparison['queries']} queries.", ""]
        if "fts5" in search and "scoop" in search:
            fts_diff = [q for q, a, b in zip(queries, search["scoop"]["hits"], search["fts5"]["hits"]) if a != b]
            if fts_diff:
                prefixes = sum(1 for q in fts_diff if q["op"] == "prefix")
                lines += [f"FTS5 counts differ on {len(fts_diff)} queries ({prefixes} of them prefix queries, "
                          "where FTS5 expands to every word while scoop and Xapian take the 128 most frequent).", ""]
        if "effectiveness" in result:
            eff = result["effectiveness"]
            lines += [f"Ranking quality of scoop on the collection's judgments ({eff['judged_queries']} judged queries): "
                      f"P@10 {eff['p10']:.4f}, MAP {eff['map']:.4f}.", ""]

    # Targets, on the largest generated corpus.
    main_corpus = next((c for c in h.results if c.startswith("markov-")), None)
    if main_corpus and all(e in h.results[main_corpus]["search"] for e in ENGINES):
        search = h.results[main_corpus]["search"]
        idx = h.results[main_corpus]["index"]
        lines += [f"## Targets ({main_corpus})", "", "| target | measured | met |", "|---|---|---|"]
        for cls, need in TARGETS.items():
            if not any(q["class"] == cls for q in search["queries"]):
                continue
            ratio = class_stats(search, "xapian", cls)[0] / class_stats(search, "scoop", cls)[0]
            lines.append(f"| {cls}: {need}x faster than Xapian | {ratio:.1f}x | {'yes' if ratio >= need else 'no'} |")
        for cls in CLASSES:
            if any(q["class"] == cls for q in search["queries"]):
                ratio = class_stats(search, "fts5", cls)[0] / class_stats(search, "scoop", cls)[0]
                lines.append(f"| {cls}: faster than FTS5 | {ratio:.1f}x | {'yes' if ratio > 1 else 'no'} |")
        speed = idx["xapian"]["seconds"] / idx["scoop"]["seconds"]
        lines.append(f"| indexing: 10x Xapian's throughput | {speed:.1f}x | {'yes' if speed >= 10 else 'no'} |")
        fts_speed = idx["fts5"]["seconds"] / idx["scoop"]["seconds"]
        lines.append(f"| indexing: above FTS5's | {fts_speed:.1f}x | {'yes' if fts_speed > 1 else 'no'} |")
        size = idx["scoop"]["index_bytes"] / idx["xapian"]["index_bytes"]
        lines.append(f"| index size at most half of compacted Xapian's | {size:.2f} | {'yes' if size <= 0.5 else 'no'} |")
        lines.append("")

    results_path.parent.mkdir(parents=True, exist_ok=True)
    results_path.write_text("\n".join(lines) + "\n")
    log(f"wrote {results_path}")
    draw_chart(chart_series, chart_path)


def draw_chart(series, path):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        log("matplotlib missing: no chart (apt-get install python3-matplotlib)")
        return
    corpora = [c for c in series if any(series[c].values())]
    if not corpora:
        return
    fig, axes = plt.subplots(len(corpora), 1, figsize=(12, 4.2 * len(corpora)), squeeze=False)
    colors = {"scoop": "#2b7bba", "xapian": "#e08a2c", "fts5": "#7a7a7a"}
    for ax, corpus in zip(axes[:, 0], corpora):
        classes = list(series[corpus])
        engines = [e for e in ENGINES if any(e in series[corpus][c] for c in classes)]
        width = 0.8 / len(engines)
        for i, engine in enumerate(engines):
            values = [series[corpus][c].get(engine, float("nan")) for c in classes]
            ax.bar([x + i * width for x in range(len(classes))], values, width, label=engine, color=colors[engine])
        ax.set_yscale("log")
        ax.set_xticks([x + width * (len(engines) - 1) / 2 for x in range(len(classes))])
        ax.set_xticklabels(classes, rotation=30, ha="right")
        ax.set_ylabel("median latency (µs, log)")
        ax.set_title(f"{corpus}: top-10 query latency by class")
        ax.legend()
        ax.grid(axis="y", which="both", alpha=0.3)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    log(f"wrote {path}")


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=1_000_000, help="size of the generated corpus")
    p.add_argument("--per-class", type=int, default=100, help="queries per class")
    p.add_argument("--work", default=str(ROOT / "benchmarks" / "work"), help="where corpora and indexes go")
    p.add_argument("--data", default=str(ROOT.parent / "shared" / "data"), help="the shared data folder")
    p.add_argument("--bin", default=str(ROOT / "build" / "bin"), help="where the built programs are")
    p.add_argument("--skip-build", action="store_true", help="use the programs already built")
    p.add_argument("--reuse-indexes", action="store_true",
                   help="keep each engine's index (and its indexing figures) from an earlier run in --work; "
                        "delete an index folder to rebuild it")
    p.add_argument("--engines", default="scoop,xapian,fts5")
    p.add_argument("--corpora", default="markov,reuters,human", help="markov, reuters, human")
    p.add_argument("--collections", default="cacm,cranfield,time")
    p.add_argument("--ram-mb", type=int, default=1024, help="scoop's indexing RAM budget")
    p.add_argument("--xapian-threshold", type=int, default=100000, help="XAPIAN_FLUSH_THRESHOLD")
    p.add_argument("--query-sample-docs", type=int, default=200000,
                   help="articles read to choose the queries (0: all)")
    p.add_argument("--warmup", type=int, default=1, help="untimed passes over the queries first")
    p.add_argument("--rounds", type=int, default=3,
                   help="timed passes per engine, taken in turns; each query keeps its fastest")
    p.add_argument("--results", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    p.add_argument("--chart", default=str(ROOT / "benchmarks" / "latency.png"))
    p.add_argument("--quick", action="store_true",
                   help="a smoke run: 2,000 articles, 10 queries a class, TIME only (used by the test suite)")
    args = p.parse_args()
    if args.quick:
        args.articles = min(args.articles, 2000)
        args.per_class = min(args.per_class, 10)
        args.collections = "time"
        args.ram_mb = 64
        args.xapian_threshold = 1000
        args.rounds = 1
    args.engines = [e for e in args.engines.split(",") if e]
    args.corpora = [c for c in args.corpora.split(",") if c]
    args.collections = [c for c in args.collections.split(",") if c]
    return args


if __name__ == "__main__":
    sys.exit(Harness(parse_args()).main())
