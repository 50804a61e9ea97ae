"""What the browser pays for the shards: the search page's Pagefind merging every shard
of its language and answering queries, in headless Chromium (tests/browser.py).

    PYTHONPATH=.:tests .venv/bin/python bench/search_merge.py SITE [SITE ...] [--rounds 5]

Each SITE is a built output with its search index (served on loopback). For each round
and each site in turn (alternating, so that the load falls alike): a new page at /haku/
(/sv/haku/ with --swedish), Pagefind loaded and every shard in shards.json merged, then
each query searched and its first ten results' data loaded. Prints, per site, the
median milliseconds of the merge and of each query, the requests and bytes under
/pagefind/ of the last round, and how each other site's first results stand in the
first site's (give the one index first).
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path
from typing import Any

from browser import browser, serve

TIMED = """async ([queries]) => {
  const t0 = performance.now();
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.options({});
  const shards = await fetch("/pagefind/shards.json").then(r => r.ok ? r.json() : {});
  const mine = shards[document.documentElement.lang] || [];
  for (const shard of mine) {
    await pagefind.mergeIndex("/pagefind/" + shard);
  }
  await pagefind.init();
  const merged = performance.now() - t0;
  const times = [];
  const top = [];
  for (const query of queries) {
    const t = performance.now();
    const found = await pagefind.search(query);
    const pages = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
    times.push(performance.now() - t);
    // Pagefind names a page by a hash of its content: the same id in every index.
    top.push({ urls: pages.map(p => p.url), all: found.results.map(r => [r.id, r.score]) });
  }
  return { shards: mine.length, merged, times, top };
}"""

QUERIES = ["kunta", "rahoitus", "Kainuu", "palvelujen saatavuus", "harjoitusneuvottelu"]
SV_QUERIES = ["kommun", "finansiering", "Nyland", "tillgång till tjänster", "övningsförhandling"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sites", nargs="+", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--swedish", action="store_true", help="/sv/haku/ and Swedish words")
    args = parser.parse_args()
    path, queries = ("sv/haku/", SV_QUERIES) if args.swedish else ("haku/", QUERIES)
    runs: dict[Path, list[dict[str, Any]]] = {site: [] for site in args.sites}
    traffic: dict[Path, tuple[int, int]] = {}
    with browser() as chromium:
        for _ in range(args.rounds):
            for site in args.sites:
                with serve(site) as base:
                    page = chromium.new_page()
                    responses: list[Any] = []
                    page.on("response", lambda r, seen=responses: seen.append(r))
                    page.goto(base + path)
                    runs[site].append(page.evaluate(TIMED, [queries]))
                    mine = [r for r in responses if "/pagefind/" in r.url]
                    traffic[site] = (len(mine), sum(len(r.body()) for r in mine))
                    page.close()
    for site, results in runs.items():
        merged = statistics.median(r["merged"] for r in results)
        times = [statistics.median(r["times"][i] for r in results) for i in range(len(queries))]
        requests, size = traffic[site]
        print(
            f"{site}: {results[0]['shards']} shards merged; merge {merged:.0f} ms; queries "
            + ", ".join(f"{q} {t:.0f}" for q, t in zip(queries, times, strict=True))
            + f" ms; /pagefind/ {requests} requests, {size / 1024:.0f} KiB"
        )
    # How the other sites' first results stand in the first site's ranking (give the one
    # index first: its ranking is what the shards should keep). A place counts the pages
    # the first site scores strictly higher, so that a near tie reordered does not count
    # as a page ranked down; each result found by its id, the same in every index.
    reference = args.sites[0]
    for i, query in enumerate(queries):
        ref = runs[reference][-1]["top"][i]
        scores = dict(ref["all"])
        ties = sum(1 for _, score in ref["all"] if score == ref["all"][0][1])
        places = []
        for site in args.sites[1:]:
            got = runs[site][-1]["top"][i]["all"][:5]
            ranks = [
                1 + sum(1 for _, s in ref["all"] if s > scores.get(page, -1)) for page, _ in got
            ]
            places.append(f"{site.name} {ranks}")
        print(
            f"{query!r}: {len(ref['all'])} found, {ties} tied first in {reference.name}; "
            "the others' first five at places " + ", ".join(places)
        )


if __name__ == "__main__":
    main()
