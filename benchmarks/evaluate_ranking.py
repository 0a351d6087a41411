#!/usr/bin/python3
"""Ranking quality of scoop on judged test collections, as trec_eval computes it.

For each collection folder (convert_collection's docs.jsonl, queries.jsonl
and qrels.txt) the searcher answers every query with its top 1000, once per
variant (searcher options, or a rewrite of the query text), and the table
gives MAP, P@10 and nDCG@10 per variant:

  benchmarks/evaluate_ranking.py --searcher build/bin/searcher \\
      --indexer build/bin/indexer --work /tmp/eval COLLECTION_DIR... \\
      --variant keep= --variant drop=--common-word-weight=0

A variant is NAME=OPTIONS (options split at spaces). The query rewrites,
given as @NAME among the options: @text asks the query as its author wrote
it (convert_collection's "text": hyphens, dots, brackets kept) instead of
its analysed words; @split-joined reads IL-10 as the words il 10 instead
of the phrase "il 10" (hyphens, dots and slashes between letters or digits
become spaces); @phrase-and-parts reads it as ("il 10" il 10): the
phrase, or either part, ranked together. --only REGEX keeps the queries
whose text matches (to measure a rewrite where it applies).

The measures are trec_eval's (map, P_10, ndcg_cut_10): relevant means a
judgment above 0; documents are ranked by score, ties by document id
descending, as trec_eval re-sorts them; nDCG's gain is the judgment's grade
and its ideal ranking all judged documents by grade; means are over every
query with at least one relevant document (trec_eval -c), so a query the
searcher answers with nothing counts 0. The p column is a two-sided paired
randomisation test of the MAP difference against the first variant (10,000
random sign flips of the per-query differences, seed 1): the chance of a
difference at least as large if the variants were equally good.
"""

import argparse
import json
import math
import random
import re
import statistics
import subprocess
import sys
from pathlib import Path

SPLIT_JOINED = re.compile(r"(?<=\w)[-./](?=\w)")
JOINED_TOKEN = re.compile(r"\w+(?:[-./]\w+)+")


def read_qrels(path):
    qrels = {}
    for line in open(path):
        parts = line.split()
        if len(parts) >= 4:
            qrels.setdefault(parts[0], {})[parts[2]] = int(parts[3])
    return qrels


def measures(ranked, grades):
    relevant = sum(1 for g in grades.values() if g > 0)
    found, precision_sum = 0, 0.0
    for rank, doc in enumerate(ranked[:1000], 1):
        if grades.get(doc, 0) > 0:
            found += 1
            precision_sum += found / rank
    p10 = sum(1 for d in ranked[:10] if grades.get(d, 0) > 0) / 10
    dcg = sum(grades.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked[:10]) if grades.get(d, 0) > 0)
    ideal = sorted((g for g in grades.values() if g > 0), reverse=True)[:10]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return precision_sum / relevant, p10, dcg / idcg


def randomisation_p(a, b, rounds=10000):
    diffs = [x - y for x, y in zip(a, b)]
    observed = abs(sum(diffs))
    rng = random.Random(1)
    hits = sum(1 for _ in range(rounds) if abs(sum(d if rng.random() < 0.5 else -d for d in diffs)) >= observed - 1e-12)
    return (hits + 1) / (rounds + 1)


def answer(searcher, index, queries, options):
    rewrites = [o for o in options if o.startswith("@")]
    flags = [o for o in options if not o.startswith("@")]
    texts = []
    for q in queries:
        text = q["text"] if "@text" in rewrites else q["query"]
        if "@split-joined" in rewrites:
            text = SPLIT_JOINED.sub(" ", text)
        if "@phrase-and-parts" in rewrites:
            text = JOINED_TOKEN.sub(lambda m: f'("{SPLIT_JOINED.sub(" ", m[0])}" {SPLIT_JOINED.sub(" ", m[0])})', text)
        texts.append(text)
    unknown = set(rewrites) - {"@text", "@split-joined", "@phrase-and-parts"}
    if unknown:
        sys.exit(f"unknown rewrite {sorted(unknown)}")
    # Exit status 1: some query matched nothing, which is an answer.
    cmd = [searcher, "--index", str(index), "--batch", "--json", "--no-snippets", "-n", "1000"] + flags
    run = subprocess.run(cmd, input="".join(t + "\n" for t in texts), capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed: {run.stderr.strip()}")
    answers = [json.loads(line) for line in run.stdout.splitlines()]
    if len(answers) != len(queries):
        sys.exit(f"{len(answers)} answers to {len(queries)} queries")
    ranked = []
    for a in answers:
        hits = [(h.get("score", 0.0), h.get("url", "")) for h in a.get("hits", [])]
        hits.sort(key=lambda h: (h[0], h[1]), reverse=True)
        ranked.append([url for _, url in hits])
    return ranked


def evaluate(args, folder, variants):
    name = folder.name
    index = Path(args.work) / f"index-{name}"
    if not index.exists():
        subprocess.run([args.indexer, "--index", str(index), "--quiet", str(folder / "docs.jsonl")], check=True,
                       stdout=subprocess.DEVNULL)
    qrels = read_qrels(folder / "qrels.txt")
    queries = [json.loads(line) for line in open(folder / "queries.jsonl") if line.strip()]
    judged = [q for q in queries if any(g > 0 for g in qrels.get(q["id"], {}).values())]
    if args.only:
        judged = [q for q in judged if re.search(args.only, q.get("text", q["query"]))]
        if not judged:
            return name, 0, {}
    rows = {}
    for variant, options in variants:
        ranked = answer(args.searcher, index, judged, options)
        per_query = [measures(r, qrels[q["id"]]) for q, r in zip(judged, ranked)]
        rows[variant] = [statistics.fmean(m[i] for m in per_query) for i in range(3)] + [[m[0] for m in per_query]]
    return name, len(judged), rows


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("collections", nargs="+", help="convert_collection output folders")
    p.add_argument("--searcher", required=True)
    p.add_argument("--indexer", required=True)
    p.add_argument("--work", required=True, help="where the collections' indexes are made (reused when there)")
    p.add_argument("--variant", action="append", required=True, help="NAME=OPTIONS")
    p.add_argument("--only", help="evaluate only the queries whose text matches this regular expression")
    args = p.parse_args()
    Path(args.work).mkdir(parents=True, exist_ok=True)
    variants = []
    for v in args.variant:
        name, _, options = v.partition("=")
        variants.append((name, options.split()))
    first = variants[0][0]
    print(f"| collection | variant | MAP | P@10 | nDCG@10 | MAP vs {first} | p | nDCG@10 vs {first} |")
    print("|---|---|---|---|---|---|---|---|")
    for folder in args.collections:
        name, judged, rows = evaluate(args, Path(folder), variants)
        if not rows:
            continue
        base = rows[first]
        for variant, (ap, p10, ndcg, per_query) in rows.items():
            p = randomisation_p(per_query, base[3]) if variant != first else 1.0
            print(f"| {name} ({judged} queries) | {variant} | {ap:.4f} | {p10:.4f} | {ndcg:.4f} | "
                  f"{ap - base[0]:+.4f} | {p:.3f} | {ndcg - base[2]:+.4f} |")


if __name__ == "__main__":
    main()
