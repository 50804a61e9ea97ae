"""The parsed cache hands each body's rendering (its HTML, sections and links) over
undecoded, decoded when a page of the document is rendered (issue 29): a build that
edits one document renders few of the thousands it loads. Undecoded bytes are still
untrusted: a rendering that does not read back, or holds other sections than the
document says, is a body rendered whole, to the same site, never a traceback."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path
from typing import Any

import msgspec
import pytest
from test_site import GOLDEN_SITE, NOW, build, project

from soteneg.build.cache import PARSED, Cache, parsed
from soteneg.build.output import cache_dir
from soteneg.build.records import Inputs, Record
from soteneg.content.loader import parse_source
from soteneg.content.sources import SourceFile

REPO = Path(__file__).resolve().parent.parent
DOCUMENT = "content/kierrokset/2018-syksy/uusimaa.md"
NEWS = "content/tiedotteet/2018-11-26-uutinen.md"
_NONE: Any = (None, None, [])  # a file that did not decode: the smallest entry


def _entry() -> Any:
    source = SourceFile(DOCUMENT, (REPO / DOCUMENT).read_bytes())
    return parse_source(source, False, True, for_print=True)


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    load = parsed._load_rendering

    def counted(raw: msgspec.Raw) -> Any:
        calls.append(1)
        return load(raw)

    monkeypatch.setattr(parsed, "_load_rendering", counted)
    return calls


def test_a_rendering_is_decoded_when_first_read(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = _entry()
    calls = _counted(monkeypatch)
    data = parsed.encode_shard("key", {DOCUMENT: ("made-of", entry)})
    ((_, back),) = parsed.decode_shard(data, "key").values()
    pre, was = back[1].prerendered, entry[1].prerendered
    # What planning reads of every document is at hand without it.
    assert pre.themes == was.themes and pre.themes
    assert pre.section_keys == was.section_keys
    assert pre.section_key(pre.themes[0]) == was.section_key(was.themes[0])
    assert calls == []
    assert pre.html == was.html
    assert (pre.sections, pre.hrefs, pre.print_html) == (was.sections, was.hrefs, was.print_html)
    assert pre.print_hrefs == was.print_hrefs
    assert calls == [1]  # once


def test_a_shard_s_bytes_are_not_kept_by_its_documents() -> None:
    """Each rendering keeps a copy of its own bytes: a view would keep the whole
    shard's (texts, bodies, metadata already decoded) for the rest of the build."""
    data = parsed.encode_shard("key", {DOCUMENT: ("made-of", _entry())})
    before = sys.getrefcount(data)
    entries = parsed.decode_shard(data, "key")
    assert sys.getrefcount(data) == before
    assert entries[DOCUMENT][1][1].prerendered.readable()


def _forged(data: bytes, rendering: Any) -> bytes:
    """The shard with each document's rendering replaced: still a well formed shard."""
    shard = msgspec.msgpack.decode(data)
    for _, (_, document, _) in shard["parsed"].values():
        if document is not None and document[7] is not None:
            document[7][2] = rendering(document[7][2])
    return msgspec.msgpack.encode(shard)


def _other_sections(rendering: list[Any]) -> list[Any]:
    return [rendering[0], rendering[1][1:], *rendering[2:]]


FORGERIES = {
    "not a rendering": lambda _: [1, 2],
    "text for HTML": lambda r: [r[0].encode(), *r[1:]],
    "other sections": _other_sections,
}


@pytest.mark.parametrize("forgery", FORGERIES)
def test_a_rendering_that_does_not_read_back_is_not_used(forgery: str) -> None:
    shard = parsed.encode_shard("key", {DOCUMENT: ("made-of", _entry())})
    data = _forged(shard, FORGERIES[forgery])
    back = parsed.decode_shard(data, "key")[DOCUMENT][1][1]
    assert back.prerendered.themes  # the rest of the document reads back
    assert not back.prerendered.readable()


def test_a_rendering_that_does_not_read_back_is_not_written_again() -> None:
    """Its shard written again (another file of it changed): the document is left out,
    so the next build parses its file anew; the others are written as they were."""
    entry = _entry()
    source = SourceFile(NEWS, (REPO / "tests/sites/golden" / NEWS).read_bytes())
    other = parse_source(source, False, True)
    data = parsed.encode_shard("key", {DOCUMENT: ("made-of", entry)})
    forged = parsed.decode_shard(_forged(data, FORGERIES["not a rendering"]), "key")
    again = parsed.encode_shard("key", {**forged, NEWS: ("news", other)})
    back = parsed.decode_shard(again, "key")
    assert list(back) == [NEWS]
    assert back[NEWS][1][1].prerendered == other[1].prerendered


def _same_tree(one: Path, other: Path) -> None:
    left = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    right = sorted(p.relative_to(other) for p in other.rglob("*") if p.is_file())
    assert left == right
    _, mismatch, errors = filecmp.cmpfiles(one, other, [str(p) for p in left], shallow=False)
    assert (mismatch, errors) == ([], [])


def _forge_every_shard(out: Path) -> None:
    """Every shard's renderings forged, half of them as another section's, half as
    bytes that are not a rendering."""
    for n, shard in enumerate(sorted((cache_dir(out) / "parsed").iterdir())):
        forgery = FORGERIES["other sections" if n % 2 else "not a rendering"]
        shard.write_bytes(_forged(shard.read_bytes(), forgery))


def test_forged_renderings_are_bodies_rendered_whole(tmp_path: Path) -> None:
    """Every page built again over a cache whose renderings are all forged (those of
    other sections, and those that do not decode): the site a clean build makes."""
    root = project(tmp_path, GOLDEN_SITE)
    out, clean = tmp_path / "out", tmp_path / "clean"
    assert build(root, out).returncode == 0
    _forge_every_shard(out)
    base = root / "templates/base.html"
    base.write_text(base.read_text() + "{# every page again #}\n")
    again = build(root, out)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Traceback" not in again.stdout + again.stderr
    assert build(root, clean).returncode == 0
    _same_tree(out, clean)


_COUNTED = """
import atexit, sys
from soteneg.build.cache import parsed
from soteneg.cli import main

load, calls = parsed._load_rendering, []

def counted(raw):
    calls.append(1)
    return load(raw)

parsed._load_rendering = counted
atexit.register(lambda: print("decoded", len(calls)))
sys.argv = ["soteneg", *sys.argv[1:]]
sys.exit(main())
"""


def test_a_one_edit_build_decodes_the_renderings_it_renders(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out, "--jobs", "1").returncode == 0
    news = root / NEWS
    news.write_text(news.read_text(encoding="utf-8") + "\nMuokattu.\n", encoding="utf-8")
    args = ["build", "--root", str(root), "--out", str(out), "--no-pdf", "--now", NOW]
    done = subprocess.run(
        [sys.executable, "-c", _COUNTED, *args, "--jobs", "1", "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # The edited news is parsed again, not decoded; of the 23 bodies from the cache
    # only those of the pages made again are decoded (one, a negotiation document's).
    decoded = int(done.stdout.splitlines()[-1].removeprefix("decoded "))
    assert decoded <= 2, done.stdout


def test_each_shard_s_bytes_go_once_it_is_decoded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading the parsed cache holds one shard's bytes at a time, not all of them (64
    MB at 5000 documents) beside what they decode to."""
    out = tmp_path / "out"
    cache = Cache.on_disk(out, "k")
    names = [f"content/{n}.md" for n in range(40)]
    cache.begin()
    cache.get_or_make(PARSED, dict.fromkeys(names, "1"), lambda todo: dict.fromkeys(todo, _NONE))
    cache.keep({"index.html": Record("sha")}, Inputs(cache.key))
    decoded: list[bytes] = []
    decode = parsed.decode_shard

    def held(data: bytes, key: str) -> Any:
        # This list, the loop's name and getrefcount's argument: nothing else holds a
        # shard decoded before.
        assert [sys.getrefcount(earlier) for earlier in decoded] == [3] * len(decoded)
        decoded.append(data)
        return decode(data, key)

    monkeypatch.setattr(parsed, "decode_shard", held)
    later = Cache.on_disk(out, "k")
    assert later.made_for(PARSED, names[0]) == "1"
    assert len(decoded) > 2


def test_forged_renderings_print_the_packets_from_the_bodies(tmp_path: Path) -> None:
    """The print path's own fallback (packets.plan): every PDF printed again over a cache
    whose renderings are all forged, none of their pages made first (only the print
    stylesheet changed), is the PDF a clean build prints, byte for byte."""
    root = project(tmp_path, GOLDEN_SITE)
    out, clean = tmp_path / "out", tmp_path / "clean"
    assert build(root, out, pdf=True).returncode == 0
    _forge_every_shard(out)
    css = root / "templates/print/print.css"
    css.write_text(css.read_text() + "/* every PDF again */\n")
    again = build(root, out, pdf=True)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Traceback" not in again.stdout + again.stderr
    assert " 0 unchanged" in again.stdout, again.stdout  # every PDF printed again
    assert build(root, clean, pdf=True).returncode == 0
    pdfs = sorted(p.relative_to(out) for p in out.rglob("*.pdf"))
    assert pdfs and pdfs == sorted(p.relative_to(clean) for p in clean.rglob("*.pdf"))
    _same_tree(out, clean)
