"""The parsed cache hands a front matter's positions (where each key and value stands)
over undecoded, decoded when a problem is first located in it (issue 29): an edit at
5000 documents asks them of two or three front matters of thousands, and decoding them
all cost 19 MiB. Undecoded bytes are still untrusted: positions that do not read back
are made again from the document's text, as its parse made them, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import msgspec
import pytest
from test_site import GOLDEN_SITE, NOW, build, project

from soteneg.build.cache import parsed
from soteneg.build.output import cache_dir
from soteneg.content.loader import parse_source
from soteneg.content.sources import SourceFile

REPO = Path(__file__).resolve().parent.parent
DOCUMENT = "content/kierrokset/2018-syksy/uusimaa.md"
NEWS = "content/tiedotteet/2018-11-26-uutinen.md"


def _entry() -> Any:
    source = SourceFile(DOCUMENT, (REPO / DOCUMENT).read_bytes())
    return parse_source(source, False, True)


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    load = parsed._load_front_positions

    def counted(raw: msgspec.Raw, text: str | None, file: str) -> Any:
        calls.append(file)
        return load(raw, text, file)

    monkeypatch.setattr(parsed, "_load_front_positions", counted)
    return calls


def test_positions_are_decoded_when_first_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    entry = _entry()
    was = entry[1].front
    calls = _counted(monkeypatch)
    data = parsed.encode_shard("key", {DOCUMENT: ("made-of", entry)})
    front = parsed.decode_shard(data, "key")[DOCUMENT][1][1].front
    # The values, which `check` reads of every document, are at hand without them.
    assert front.value == was.value and front.start == was.start
    assert calls == []
    assert front.position(("region",)) == was.position(("region",)) != front.start
    assert (front.keys, front.values) == (was.keys, was.values)
    assert calls == [DOCUMENT]  # once
    assert front == was and was == front


def test_positions_never_asked_for_are_written_again_as_they_came(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A shard written again because another of its files changed: its other documents'
    positions go back undecoded, to the same bytes."""
    data = parsed.encode_shard("key", {DOCUMENT: ("made-of", _entry())})
    calls = _counted(monkeypatch)
    again = parsed.encode_shard("key", parsed.decode_shard(data, "key"))
    assert _positions(again) == _positions(data)
    assert calls == []


def test_positions_once_asked_for_are_written_again_the_same() -> None:
    data = parsed.encode_shard("key", {DOCUMENT: ("made-of", _entry())})
    back = parsed.decode_shard(data, "key")
    assert back[DOCUMENT][1][1].front.keys
    assert _positions(parsed.encode_shard("key", back)) == _positions(data)


def _positions(data: bytes) -> list[Any]:
    """Each front matter's positions as a shard holds them (front: value, positions,
    start)."""
    shard = msgspec.msgpack.decode(data)
    return [document[3][1] for _, (_, document, _) in shard["parsed"].values() if document]


def _forged(data: bytes, positions: Any) -> bytes:
    """The shard with each front matter's positions replaced: still a well formed shard
    (front matter: value, positions, start)."""
    shard = msgspec.msgpack.decode(data)
    for _, (_, document, _) in shard["parsed"].values():
        if document is not None:
            document[3][1] = positions(document[3][1])
    return msgspec.msgpack.encode(shard)


FORGERIES = {
    "not positions": lambda _: [1, 2],
    "a line as text": lambda p: (
        [[[path, [str(line), column]] for path, (line, column) in p[0]], *p[1:]]
    ),
    # A path part tagged as a list: a key no dict can have.
    "an unhashable path": lambda p: [*p[:2], [[[["L", "a"]], 1, 1]], p[3]],
    "an unknown extension": lambda p: [*p[:2], [[[msgspec.msgpack.Ext(99, b"")], 1, 1]], p[3]],
}


@pytest.mark.parametrize("forgery", FORGERIES)
def test_forged_positions_are_made_again_from_the_text(forgery: str) -> None:
    entry = _entry()
    was = entry[1].front
    data = _forged(parsed.encode_shard("key", {DOCUMENT: ("made-of", entry)}), FORGERIES[forgery])
    front = parsed.decode_shard(data, "key")[DOCUMENT][1][1].front
    assert front.value == was.value  # the rest of the document reads back
    assert (front.keys, front.values) == (was.keys, was.values)
    assert front.position(("round",)) == was.position(("round",)) != front.start


_COUNTED = """
import atexit, sys
from soteneg.build.cache import parsed
from soteneg.cli import main

load, calls = parsed._load_front_positions, []

def counted(raw, text, file):
    calls.append(file)
    return load(raw, text, file)

parsed._load_front_positions = counted
atexit.register(lambda: print("decoded", len(calls)))
sys.argv = ["soteneg", *sys.argv[1:]]
sys.exit(main())
"""


def _edited_build(root: Path, out: Path) -> tuple[int, list[Any]]:
    """A build after an edit of the news, with the positions it decoded counted."""
    news = root / NEWS
    news.write_text(news.read_text(encoding="utf-8") + "\nMuokattu.\n", encoding="utf-8")
    args = ["build", "--root", str(root), "--out", str(out), "--no-pdf", "--now", NOW]
    done = subprocess.run(
        [sys.executable, "-c", _COUNTED, *args, "--jobs", "1", "--format", "json", "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    *report, counted = done.stdout.splitlines()
    return int(counted.removeprefix("decoded ")), json.loads("\n".join(report))["problems"]


def test_a_one_edit_build_decodes_the_positions_of_few_documents(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out, "--jobs", "1").returncode == 0
    decoded, _ = _edited_build(root, out)
    # Of the 23 front matters from the cache, those of the warnings `check` makes
    # again (the golden site has three documents with warnings).
    assert decoded <= 3


def test_forged_positions_locate_problems_as_a_clean_build_does(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out, clean = tmp_path / "out", tmp_path / "clean"
    assert build(root, out, "--jobs", "1").returncode == 0
    for n, shard in enumerate(sorted((cache_dir(out) / "parsed").iterdir())):
        forgery = list(FORGERIES.values())[n % len(FORGERIES)]
        shard.write_bytes(_forged(shard.read_bytes(), forgery))
    # Without what the last check derived (cache.derived), every document's references
    # are listed again, and their attachments' positions asked of the forged shards.
    (cache_dir(out) / "derived.msgpack").unlink()
    decoded, problems = _edited_build(root, out)
    assert decoded  # the forged positions were asked for, and made again
    done = build(root, clean, "--jobs", "1", "--format", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert problems == json.loads(done.stdout)["problems"]
    assert any(p["line"] and p["line"] > 1 for p in problems)
