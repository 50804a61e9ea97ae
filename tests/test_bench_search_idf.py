"""bench/search_idf.py: Pagefind's idf as its search.rs computes it, and each shard's
page count and page ids read from its bundle (the Sámi bundle and other languages left
out)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from search_idf import bundles, idf


def test_idf_is_pagefinds_and_predicts_a_measured_shard() -> None:
    # ln(1 + (N - n + 0.5) / (n + 0.5)): never negative, tiny for a word in every page.
    assert idf(100, 100) > 0
    assert round(idf(100, 10), 4) == 2.2637
    # rahoitus on the 5000-document tree: one index 3808 of 4079 pages, shard osa/2
    # 244 of 254; its pages' merged scores were 0.61 of their one-index scores.
    assert round(idf(254, 244) / idf(4079, 3808), 2) == 0.61


def _bundle(folder: Path, languages: dict[str, int]) -> None:
    (folder / "fragment").mkdir(parents=True)
    entry = {lang: {"page_count": count} for lang, count in languages.items()}
    (folder / "pagefind-entry.json").write_text(json.dumps({"languages": entry}))
    for lang, count in languages.items():
        for i in range(count):
            (folder / "fragment" / f"{lang}_{folder.name}{i}.pf_fragment").write_text("")


def test_bundles_are_read_per_shard_in_one_language(tmp_path: Path) -> None:
    root = tmp_path / "pagefind"
    _bundle(root, {"fi": 2, "sv": 1})
    _bundle(root / "osa/1", {"fi": 1})
    _bundle(root / "osa/2", {"sv": 1})
    _bundle(root / "smi", {"fi": 1})
    assert bundles(tmp_path, "fi") == {
        ".": (2, {"fi_pagefind0", "fi_pagefind1"}),
        "osa/1": (1, {"fi_10"}),
    }
    assert bundles(tmp_path, "sv") == {".": (1, {"sv_pagefind0"}), "osa/2": (1, {"sv_20"})}
