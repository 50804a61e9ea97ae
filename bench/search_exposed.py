"""What Pagefind's search gives the search page about each result's score, on a site
indexed in shards (issue 29): whether the page could undo a merged shard's own idf and
redo it with the whole site's page counts.

    PYTHONPATH=.:tests .venv/bin/python bench/search_exposed.py CUT [--swedish] [--queries kunta]

CUT is a built site whose `/pagefind/` holds more than one shard (soteneg's
`index_site(..., shards=hashed(n))`). In headless Chromium this prints what the bundle's
`pagefind.js` exports and what `createInstance()` returns (where Pagefind's playground
mode, the only source of per-word scores, could be turned on), then for each query what a
merged `search()` returns (its keys and each result's) and, from Pagefind's own log of a
verbose search, the fields of each instance's raw result from the WebAssembly: those are
all a result's score can be taken apart with. Last, the same site searched through
Pagefind's web worker by its internal messages (init, mergeIndex, enterPlaygroundMode,
search; not a public API), the one way to reach playground mode in 1.5.2: how many
results carry per-word scores, and for those the ratio of the score to the sum of the
parts it shows (its words' idf * tf and its meta fields' coverage boost).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from browser import browser, serve

PROBE = """async (queries) => {
  const pagefind = await import("/pagefind/pagefind.js");
  const instance = pagefind.createInstance({});
  const out = {exports: Object.keys(pagefind).sort(), instance: Object.keys(instance).sort()};
  await instance.destroy();
  await pagefind.options({});
  const shards = await fetch("/pagefind/shards.json").then(r => r.ok ? r.json() : {});
  const merged = shards[document.documentElement.lang] || [];
  for (const shard of merged) {
    await pagefind.mergeIndex("/pagefind/" + shard);
  }
  out.merged = merged;
  out.queries = [];
  for (const query of queries) {
    const found = await pagefind.search(query, {verbose: true});
    const keys = new Set();
    for (const result of found.results) {
      Object.keys(result).forEach(key => keys.add(key));
    }
    out.queries.push({
      query, results: found.results.length, environment: found.search_environment,
      response: Object.keys(found).sort(), result: [...keys].sort(),
    });
  }
  return out;
}"""
PLAYGROUND = """async ([queries, merged]) => {
  const worker = new Worker("/pagefind/pagefind-worker.js");
  const waiting = {};
  let next = 0;
  worker.onmessage = event => waiting[event.data.id](event.data);
  const call = (method, args) => new Promise(done => {
    const id = ++next;
    waiting[id] = done;
    worker.postMessage({id, instanceId: "bench", method, args});
  });
  const lang = document.documentElement.lang;
  await call("init", [{basePath: "/pagefind/", language: lang, primary: true}]);
  for (const shard of merged) {
    await call("mergeIndex", ["/pagefind/" + shard, {}]);
  }
  await call("enterPlaygroundMode", []);
  const out = [];
  for (const query of queries) {
    const found = (await call("search", [query, {}])).result;
    const verbose = found.results.filter(r => r.scores);
    const ratios = verbose.map(r => r.score / (
      r.scores.reduce((sum, s) => sum + s.score, 0)
      + (r.verbose_meta_scores || []).reduce((sum, m) => sum + m.coverage_boost, 0)
    )).sort((a, b) => a - b);
    out.push({query, results: found.results.length, verbose: verbose.length, ratios});
  }
  worker.terminate();
  return out;
}"""
RAW = "Got the raw search result: "


def fields(raw: dict[str, Any]) -> tuple[list[str], list[str], list[str]]:
    """The keys of a raw result, of its pages and of their word locations."""
    pages = {key for page in raw.get("results", []) for key in page}
    locations = {key for page in raw.get("results", []) for loc in page["l"] for key in loc}
    return sorted(raw), sorted(pages), sorted(locations)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("cut", type=Path)
    parser.add_argument("--swedish", action="store_true")
    parser.add_argument("--queries", nargs="+", default=["kunta", "palvelujen saatavuus"])
    args = parser.parse_args()
    path = "sv/haku/" if args.swedish else "haku/"
    logs: list[str] = []
    with browser() as chromium, serve(args.cut) as base:
        page = chromium.new_page()
        page.on("console", lambda message: logs.append(message.text))
        page.goto(base + path)
        found = page.evaluate(PROBE, args.queries)
        page.goto(base + path)
        played = page.evaluate(PLAYGROUND, [args.queries, found["merged"]])
        page.close()
    print(f"pagefind.js exports: {', '.join(found['exports'])}")
    print(f"createInstance() returns: {', '.join(found['instance'])}")
    print(f"merged: {', '.join(found['merged']) or 'none'}")
    for query in found["queries"]:
        print(
            f"{query['query']!r}: {query['results']} results in the {query['environment']}; "
            f"response {query['response']}; each result {query['result']}"
        )
    raws = [json.loads(text[text.index(RAW) + len(RAW) :]) for text in logs if RAW in text]
    for top, pages, locations in sorted({tuple(map(tuple, fields(raw))) for raw in raws}):
        print(f"an instance's raw result: {list(top)}; a page {list(pages)}; a location ", end="")
        print(list(locations))
    for query in played:
        ratios = query["ratios"]
        spread = f"{ratios[0]:.3f}-{ratios[-1]:.3f}" if ratios else "none"
        print(
            f"playground {query['query']!r}: {query['verbose']} of {query['results']} results "
            f"with per-word scores; score / (words + meta) {spread}"
        )


if __name__ == "__main__":
    main()
