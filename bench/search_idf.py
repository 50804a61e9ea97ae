"""Why shards rank apart from one index: each result's score in the merged shards against
its score in one index, grouped by shard, beside what Pagefind's BM25 predicts from each
shard's own page count and pages with the word (issue 29).

    PYTHONPATH=.:tests .venv/bin/python bench/search_idf.py ONE CUT [--swedish]
        [--ranking '{"termFrequency": 0}'] [--queries kunta rahoitus]

ONE and CUT are the same built pages, indexed as one index and in shards
(soteneg.build.search_shards.index_site with one_shard and hashed(n)). Pagefind scores a
page idf * tf (pagefind_web/src/search.rs, calculate_bm25_word_score) with
idf = ln(1 + (N - n + 0.5) / (n + 0.5)), N the pages of the instance searched and n its
pages with the word, and mergeIndex sorts the instances' results by their raw scores
(pagefind_web_js/lib/coupled_search.ts): a merged shard is scored with its own N and n.
For each query this prints N and n of the one index; for each shard its N and n, the
ratio idf_shard / idf_one that predicts the scores' ratio, and the ratios seen
(cut score / one score: min, median, max over the shard's pages); then where the merged
first five stand in the one index's ranking (as bench/search_merge.py counts them).
--ranking gives both sites Pagefind's search-time ranking options (every instance).
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
from pathlib import Path
from typing import Any

from browser import browser, serve

SEARCH = """async ([queries, ranking]) => {
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.options(ranking ? { ranking } : {});
  const shards = await fetch("/pagefind/shards.json").then(r => r.ok ? r.json() : {});
  for (const shard of shards[document.documentElement.lang] || []) {
    await pagefind.mergeIndex("/pagefind/" + shard, ranking ? { ranking } : {});
  }
  const out = [];
  for (const query of queries) {
    const found = await pagefind.search(query);
    out.push(found.results.map(r => [r.id, r.score]));
  }
  return out;
}"""

QUERIES = ["kunta", "rahoitus", "Kainuu", "palvelujen saatavuus", "harjoitusneuvottelu"]
SV_QUERIES = ["kommun", "finansiering", "Nyland", "tillgång till tjänster", "övningsförhandling"]


def bundles(site: Path, lang: str) -> dict[str, tuple[int, set[str]]]:
    """Each shard's bundle: its page count in `lang` and its pages' ids (fragment names)."""
    root = site / "pagefind"
    found = {}
    for entry in sorted(root.glob("**/pagefind-entry.json")):
        if "smi" in entry.relative_to(root).parts:
            continue
        languages = json.loads(entry.read_text(encoding="utf-8"))["languages"]
        if lang not in languages:
            continue
        ids = {f.name.split(".")[0] for f in (entry.parent / "fragment").glob(f"{lang}_*")}
        found[str(entry.parent.relative_to(root)) or "."] = (languages[lang]["page_count"], ids)
    return found


def idf(total: int, having: int) -> float:
    return math.log(1 + (total - having + 0.5) / (having + 0.5))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("one", type=Path)
    parser.add_argument("cut", type=Path)
    parser.add_argument("--swedish", action="store_true")
    parser.add_argument("--ranking", type=json.loads, default=None)
    parser.add_argument("--queries", nargs="+")
    args = parser.parse_args()
    lang, path, queries = (
        ("sv", "sv/haku/", SV_QUERIES) if args.swedish else ("fi", "haku/", QUERIES)
    )
    queries = args.queries or queries
    runs: dict[Path, list[list[Any]]] = {}
    with browser() as chromium:
        for site in (args.one, args.cut):
            with serve(site) as base:
                page = chromium.new_page()
                page.goto(base + path)
                runs[site] = page.evaluate(SEARCH, [queries, args.ranking])
                page.close()
    ((total, _),) = bundles(args.one, lang).values()
    shards = bundles(args.cut, lang)
    for query, one, cut in zip(queries, runs[args.one], runs[args.cut], strict=True):
        single = dict(one)
        ties = sum(1 for _, score in one if score == one[0][1])
        print(f"{query!r}: one index N={total} n={len(one)}, {ties} tied first")
        for name, (count, ids) in shards.items():
            mine = [(i, s) for i, s in cut if i in ids]
            if not mine:
                continue
            ratios = sorted(s / single[i] for i, s in mine if single.get(i)) or [math.nan]
            predicted = idf(count, len(mine)) / idf(total, len(one))
            print(
                f"  {name}: N={count} n={len(mine)} idf ratio {predicted:.2f}; seen "
                f"{ratios[0]:.2f} / {statistics.median(ratios):.2f} / {ratios[-1]:.2f}"
            )
        places = [1 + sum(1 for _, s in one if s > single.get(i, -1)) for i, _ in cut[:5]]
        print(f"  merged first five at places {places} of the one index")


if __name__ == "__main__":
    main()
