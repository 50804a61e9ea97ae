"""The merged shards' first results against one index's, with Pagefind's own merge and
with the search page's re-ranking (templates/static/search/pagefind.js; issue 29).

    PYTHONPATH=.:tests .venv/bin/python bench/search_rerank.py ONE CUT [--swedish]
        [--queries kunta rahoitus] [--filters '{"Alue": ["Lappi"]}'] [--top 5]

ONE and CUT are the same built pages, indexed as one index and in shards
(soteneg.build.search_shards.index_site with one_shard and hashed(n)). For each query it
prints where each order's first results stand in the one index's ranking (1 + the
number of the one index's results scored higher, as bench/search_idf.py counts them),
and how far each result's score is from its one-index score (the largest relative
difference over all results), and how long the search took in the page, Pagefind's
merge and the re-ranking (the second of two searches, its word-index chunks loaded).
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from browser import browser, serve

REPO = Path(__file__).resolve().parent.parent
RANKER = REPO / "templates/static/search/pagefind.js"

SEARCH = """async ([module, bundle, queries, filters]) => {
  const pagefind = await import(module);
  await pagefind.options(module.endsWith("/pagefind/pagefind.js") ? {} : {sotenegBundle: bundle});
  const shards = await fetch(bundle + "shards.json").then(r => r.ok ? r.json() : {});
  for (const shard of shards[document.documentElement.lang] || []) {
    await pagefind.mergeIndex(bundle + shard);
  }
  const out = [];
  for (const query of queries) {
    await pagefind.search(query, {filters});  // the chunks loaded: time the search alone
    const start = performance.now();
    const found = await pagefind.search(query, {filters});
    const took = performance.now() - start;
    out.push([found.results.map(r => [r.id, r.score]), took]);
  }
  return out;
}"""
QUERIES = ["kunta", "rahoitus", "Kainuu", "palvelujen saatavuus", "harjoitusneuvottelu"]
SV_QUERIES = ["kommun", "finansiering", "Nyland", "tillgång till tjänster", "övningsförhandling"]


def run(site: Path, path: str, module: str, queries: list[str], filters: Any) -> list[Any]:
    with browser() as chromium, serve(site) as base:
        page = chromium.new_page()
        page.goto(base + path)
        found = page.evaluate(SEARCH, [module, "/pagefind/", queries, filters])
        page.close()
    return list(found)


def places(one: list[list[Any]], order: list[list[Any]], top: int) -> list[int]:
    single = dict(map(tuple, one))
    return [1 + sum(1 for _, s in one if s > single.get(i, -1)) for i, _ in order[:top]]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("one", type=Path)
    parser.add_argument("cut", type=Path)
    parser.add_argument("--swedish", action="store_true")
    parser.add_argument("--queries", nargs="+")
    parser.add_argument("--filters", type=json.loads, default={})
    parser.add_argument("--top", type=int, default=5)
    args = parser.parse_args()
    path, queries = ("sv/haku/", SV_QUERIES) if args.swedish else ("haku/", QUERIES)
    queries = args.queries or queries
    with tempfile.TemporaryDirectory(dir=args.cut) as folder:
        shutil.copy(RANKER, Path(folder) / "pagefind.js")
        ranker = f"/{Path(folder).name}/pagefind.js"
        one = run(args.one, path, "/pagefind/pagefind.js", queries, args.filters)
        merged = run(args.cut, path, "/pagefind/pagefind.js", queries, args.filters)
        ranked = run(args.cut, path, ranker, queries, args.filters)
    for query, (single, _), (plain, before), (mine, after) in zip(
        queries, one, merged, ranked, strict=True
    ):
        scores = dict(map(tuple, single))
        worst = max((abs(s / scores[i] - 1) for i, s in mine if scores.get(i)), default=0.0)
        if {i for i, _ in mine} != {i for i, _ in single}:
            extra = len({i for i, _ in mine} - set(scores))
            missing = len(set(scores) - {i for i, _ in mine})
            print(f"{query!r}: the shards find {extra} pages more, {missing} fewer")
        print(
            f"{query!r} ({len(single)} results): one index {places(single, single, args.top)}; "
            f"merged {places(single, plain, args.top)}; re-ranked {places(single, mine, args.top)} "
            f"(scores within {worst:.4f} of one index's); search {before:.0f} -> {after:.0f} ms"
        )


if __name__ == "__main__":
    main()
