"""What a check derives from each document alone (its file references, placeholder
warnings, chapter lines and part of the links key) is kept in the build's cache under
the key its document was parsed under (cache.derived, build.kept_derived): a fresh
process uses it for every document parsed from the same bytes, and derives it again
for one that changed."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from test_site import GOLDEN_SITE, build, project

from soteneg.build import kept_derived
from soteneg.build.cache import Cache, cache_key, derived
from soteneg.build.cache.codec import CacheDamaged
from soteneg.build.content_links import outline_part
from soteneg.build.settings import Settings
from soteneg.content.attachments import references
from soteneg.content.placeholders import check_placeholders
from soteneg.content.warm import Warm
from soteneg.core.options import BuildOptions
from soteneg.packets.budgets import chapter_lines
from soteneg.pipeline import check

DOC = "content/kierrokset/2018-kevat/uusimaa.md"


def _problems(root: Path, out: Path) -> list[tuple[str, int, str]]:
    done = build(root, out, "--no-search", "--format", "json")
    assert "Traceback" not in done.stderr, done.stderr
    found = json.loads(done.stdout)
    return sorted((p["file"], p["line"], p["code"]) for p in found["problems"])


def test_a_document_changed_since_the_last_build_has_its_values_derived_again(
    tmp_path: Path,
) -> None:
    """A link to a missing file added to a document: its references are the new text's,
    not those the cache keeps for its file (fails when kept under the file alone)."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    before = _problems(root, out)
    doc = root / DOC
    doc.write_text(doc.read_text() + "\n[Liite](puuttuva-liite.pdf)\n")
    after = _problems(root, out)
    clean = _problems(root, tmp_path / "clean")
    assert after == clean
    assert [p for p in after if p not in before and p[0] == DOC]


def test_a_fresh_check_keeps_the_last_build_s_values_for_unchanged_documents(
    tmp_path: Path,
) -> None:
    """Seeded from the cache, a new Warm holds for every document the very values a
    check derives from it now."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out, "--no-search").returncode == 0
    settings = Settings(BuildOptions(), None, with_search=False, jobs=1)
    cache = Cache.on_disk(out.resolve(), cache_key(settings))
    cache.begin()
    checked = check(root, cache, True, 1, False, False, BuildOptions(), Warm())
    documents = checked.content.documents
    assert documents
    warm = Warm()
    kept_derived.seed(warm, Cache.on_disk(out.resolve(), cache_key(settings)), documents)
    for doc in documents:
        refs, placeholders, lines, part = warm.made_for(doc, chapter_lines, outline_part)
        assert refs == tuple(references(doc)), doc.file
        assert placeholders == tuple(check_placeholders([doc])), doc.file
        assert lines == chapter_lines(doc) and part == outline_part(doc), doc.file


@pytest.mark.parametrize("lines", [math.nan, math.inf, -1.0])
def test_a_chapter_s_lines_that_no_chapter_prints_are_no_cache(lines: float) -> None:
    """NaN or infinity would end the print budgets' arithmetic in a traceback."""
    forged = derived.encode_derived("key", {DOC: derived.Derived("made-of", (), (), lines, b"")})
    with pytest.raises(CacheDamaged):
        derived.decode_derived(forged, "key")
    kept = derived.encode_derived("key", {DOC: derived.Derived("made-of", (), (), 6.5, b"")})
    assert derived.decode_derived(kept, "key")[DOC].lines == 6.5
