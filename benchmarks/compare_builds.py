#!/usr/bin/python3
"""Two builds of scoop, one query set, the same machine at the same time.

For changes that must not cost speed (checksums, a refactoring): each build
answers the harness's query file (`make_queries` output, as benchmarks/run.py
makes it) over its own index of the same corpus, through `searcher --batch
--json` as the harness times scoop, the two taking turns round after round;
each query keeps its fastest round. Prints per class the median and p99 of
each build and their ratio, as a Markdown table.

  benchmarks/compare_builds.py --queries WORK/markov-1000000/queries.jsonl \\
      --a OLD/build/bin/searcher OLD_INDEX --b build/bin/searcher NEW_INDEX

Add --snippets to time the default output (snippets and stored fields)
instead of --no-snippets.
"""

import argparse
import json
import statistics
import subprocess
import sys


def timed_pass(searcher, index, text, warmup, snippets):
    cmd = [searcher, "--index", index, "--batch", "--json"] + ([] if snippets else ["--no-snippets"])
    out = subprocess.run(cmd, input=text * (1 + warmup), capture_output=True, text=True, check=False).stdout
    answers = [json.loads(l) for l in out.splitlines()]
    n = len(text.splitlines())
    return [a.get("took_ms", float("nan")) * 1000 for a in answers[-n:]]


def p99(values):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.99 * (len(values) - 1))))]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--queries", required=True)
    p.add_argument("--a", nargs=2, metavar=("SEARCHER", "INDEX"), required=True)
    p.add_argument("--b", nargs=2, metavar=("SEARCHER", "INDEX"), required=True)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--snippets", action="store_true")
    args = p.parse_args()

    queries = [json.loads(l) for l in open(args.queries) if l.strip()]
    text = "".join(q["query"] + "\n" for q in queries)
    best = {"a": None, "b": None}
    for r in range(args.rounds):
        for name in ("a", "b") if r % 2 == 0 else ("b", "a"):
            searcher, index = getattr(args, name)
            lat = timed_pass(searcher, index, text, args.warmup, args.snippets)
            if len(lat) != len(queries):
                sys.exit(f"{name} answered {len(lat)} of {len(queries)} queries")
            best[name] = lat if best[name] is None else [min(x, y) for x, y in zip(best[name], lat)]
            print(f"round {r + 1}: {name} done", file=sys.stderr)
    classes = list(dict.fromkeys(q["class"] for q in queries))
    print("| class | A median | B median | B/A | A p99 | B p99 | B/A p99 |")
    print("|---|---|---|---|---|---|---|")
    for c in classes + ["all"]:
        idx = [i for i, q in enumerate(queries) if c == "all" or q["class"] == c]
        a = [best["a"][i] for i in idx]
        b = [best["b"][i] for i in idx]
        ma, mb = statistics.median(a), statistics.median(b)
        print(f"| {c} | {ma:.0f} | {mb:.0f} | {mb / ma:.3f} | {p99(a):.0f} | {p99(b):.0f} | {p99(b) / p99(a):.3f} |")


if __name__ == "__main__":
    main()
