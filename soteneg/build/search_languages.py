"""A shard of the search index indexed by one Pagefind process per language, and the
processes' bundles joined into one (soteneg.build.search_shards runs them).

Pagefind makes one index per language, each from that language's pages alone, in the
order it was given them: its metadata, word index, filters and fragments are named
`<lang>_…` and hold nothing of the other languages' pages. So a shard's Finnish and
Swedish pages given to two processes make the same files as one process given them all,
and an edit's one shard is indexed on two cores instead of one. The one file both write
is `pagefind-entry.json`, which names each language's metadata: joined here, as
Pagefind writes it. Where that does not hold (two runs whose indexes Pagefind gives one
language, files that differ), `merged` says so and the shard is indexed in one run.
"""

from __future__ import annotations

import json
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from soteneg.site import pagefind_service, search

ENTRY = "pagefind-entry.json"


def by_language(site_dir: Path, pages: list[str], one_language: bool = False) -> list[list[str]]:
    """`pages` cut by the language they are given to Pagefind in (a placeholder's is its
    own, the original's text is put under it), each part in the pages' order. Pagefind
    makes one index per language, from that language's pages alone in the order given:
    a run of each part gives the same files as one run of all (tests compare them), on
    as many cores as there are parts. One part when any page's language is not at its
    top (a template of the project's own), and when the caller gives them all one
    language (`one_language`: the Sámi bundle)."""
    if one_language:
        return [pages]
    parts: dict[str, list[str]] = {}
    for rel in pages:
        lang = search.lang_of(site_dir, rel)
        if not lang:
            return [pages]
        parts.setdefault(lang, []).append(rel)
    return [parts[lang] for lang in sorted(parts)]


def merged(parts: list[dict[str, bytes]]) -> dict[str, bytes] | None:
    """One bundle of the bundles of a shard's languages: their files, and one entry
    naming every language. None when they are not of distinct languages (Pagefind named
    two parts' pages' languages alike: "fi" and "FI"), or differ in anything else."""
    if any(not files for files in parts):
        return None
    entries = [json.loads(files[ENTRY]) for files in parts]
    languages: dict[str, Any] = {}
    for entry in entries:
        if {k: v for k, v in entry.items() if k != "languages"} != {
            k: v for k, v in entries[0].items() if k != "languages"
        } or languages.keys() & entry["languages"].keys():
            return None
        languages.update(entry["languages"])
    joined: dict[str, bytes] = {}
    for files in parts:
        for rel, data in files.items():
            if rel != ENTRY and joined.setdefault(rel, data) != data:
                return None  # the same file (a script) written differently
    entry = {**entries[0], "languages": {lang: languages[lang] for lang in sorted(languages)}}
    # As pagefind_canonical.canonicalise writes it: serde_json's compact form.
    joined[ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return joined


def part(future: Future[tuple[dict[str, bytes], set[str]]]) -> tuple[dict[str, bytes], set[str]]:
    """One language's run: its bundle and the pages it read; nothing (which `merged`
    refuses) when Pagefind indexed none of its pages."""
    try:
        return future.result()
    except pagefind_service.NothingToIndex:
        # A language whose pages Pagefind all skipped: the shard is indexed in one run,
        # which says so only if none of its pages has text.
        return {}, set()
