"""A page's internal links stay deflated in its build record until the link check reads
them (page_records.PageLinks.internal): an edit reads those of the pages it wrote, not
the 50 MB of every page's. A record whose links do not read back (a damaged cache) is
never trusted: the page is scanned again from the output, where the last build left it."""

from __future__ import annotations

import os
import re
import sys
import zlib
from pathlib import Path

import msgspec
import pytest
from test_site import GOLDEN_SITE, build, project

from soteneg.build.cache import codec, disk
from soteneg.build.output import OutputError, cache_dir
from soteneg.build.staged import scan_again
from soteneg.site.linkcheck import check_links, scan_page
from soteneg.site.page_records import FIELD_SEP, INFLATE_LIMIT, RECORD_SEP, PageLinks, later_text

BASE = "https://example.fi/sote/"
GONE = "content/sivut/taulukko-2018-10.md"  # a page that no document links to


def _page(body: str) -> bytes:
    return f"<!doctype html><html><body>{body}</body></html>".encode()


_LINK = FIELD_SEP.join(["/x/", "/x/", "x/index.html", ""])
_MANY = RECORD_SEP.join([_LINK] * 100_000)  # the same link over and over


@pytest.mark.parametrize(
    "stored",
    [
        msgspec.msgpack.encode(7),  # not deflated
        zlib.compress(b"\xff\xfe"),  # not UTF-8
        zlib.compress(FIELD_SEP.join(["/x/", "/x/", "x/index.html"]).encode()),  # 3 fields
        zlib.compress(_LINK.encode())[:-3],  # cut short
        zlib.compress(_LINK.encode()) + b"more",  # more after the end
        zlib.compress(_MANY.encode(), 9),  # inflates beyond INFLATE_LIMIT
    ],
)
def test_links_that_do_not_read_back_are_none(stored: bytes) -> None:
    links = PageLinks("", stored)
    assert links.internal_links() is None


def test_links_that_deflate_beyond_the_limit_are_kept_as_they_are() -> None:
    """What a page's scan keeps always reads back, however alike its links are: a page
    made in this build is not in the output yet to be scanned again."""
    stored = later_text(_MANY)
    assert len(_MANY) > INFLATE_LIMIT * len(zlib.compress(_MANY.encode(), 1))
    assert len(stored) >= len(_MANY.encode())
    assert PageLinks("", stored).internal_links() == [_LINK.split(FIELD_SEP)] * 100_000


def test_links_read_back_as_scanned() -> None:
    links = scan_page("index.html", _page('<a href="/sote/a/#b">a</a>'), BASE)
    assert links.internal_links() == [["/sote/a/#b", "/sote/a/", "a/index.html", "b"]]
    assert PageLinks("", later_text("")).internal_links() == []


def test_a_record_that_does_not_read_back_is_judged_by_its_page_scanned_again() -> None:
    files = {"index.html": _page('<a href="/sote/gone/">x</a>')}
    damaged = {"index.html": PageLinks("", msgspec.msgpack.encode(7))}
    again = check_links(damaged, files, scan_again=lambda rel: scan_page(rel, files[rel], BASE))
    assert [(link.url, why) for link, why in again.broken] == [
        ("/sote/gone/", "no page or file at /sote/gone/")
    ]
    with pytest.raises(ValueError, match="do not read back"):
        check_links(damaged, files)


def test_a_page_gone_from_the_output_stops_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_bytes(_page('<a href="/sote/">x</a>'))
    scan = scan_again(tmp_path, BASE)
    assert scan("a/index.html").internal_links() == [["/sote/", "/sote/", "index.html", ""]]
    with pytest.raises(OutputError) as stopped:
        scan("b/index.html")
    assert "b/index.html" in stopped.value.text.en and "build again" in stopped.value.text.en


def _forge_every_page_s_links(out: Path) -> int:
    """Every page record's internal links replaced by a value that is no string."""
    key = msgspec.msgpack.decode((cache_dir(out) / "build.msgpack").read_bytes())["key"]
    index = codec.decode_index((cache_dir(out) / "build.msgpack").read_bytes(), key)
    forged = 0
    for name, token in index.items():
        path = cache_dir(out) / "build" / f"{name}.msgpack"
        shard = codec.decode_shard(path.read_bytes(), key, token)
        records = {}
        for rel, record in shard.records.items():
            if record.links is not None:
                links = record.links._replace(internal=msgspec.msgpack.encode(7))
                record = record._replace(links=links)
                forged += 1
            records[rel] = record
        crafted = codec.BuildShard(shard.format, shard.key, shard.token, shard.pages, records)
        path.write_bytes(msgspec.msgpack.encode(crafted))  # its token kept: forged
        os.chmod(path, 0o600)
    return forged


def test_a_build_over_records_whose_links_do_not_read_back(tmp_path: Path) -> None:
    """A removed page has every page's links checked, the kept ones' from their records:
    forged so that none reads back, the build scans those pages again and gives what
    the same edit gives over a sound cache."""
    root = project(tmp_path, GOLDEN_SITE)
    sound, forged = tmp_path / "sound", tmp_path / "forged"
    for out in (sound, forged):
        assert build(root, out).returncode == 0
    assert _forge_every_page_s_links(forged) > 100
    (root / GONE).unlink()  # a page removed: every page's links are checked
    results = [build(root, out) for out in (sound, forged)]
    for result in results:
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
    said = [r.stdout.splitlines() for r in results]
    assert said[0][:-1] == said[1][:-1]  # the problems; the last line names its folder
    assert re.search(r", [1-9][0-9]* removed\)", said[1][-1]), said[1][-1]
    reports = [(cache_dir(o) / "external-links.txt").read_bytes() for o in (sound, forged)]
    assert reports[0] == reports[1]
    files = sorted(p.relative_to(sound) for p in sound.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(forged) for p in forged.rglob("*") if p.is_file())
    assert all((sound / f).read_bytes() == (forged / f).read_bytes() for f in files)


def test_the_records_read_keep_no_shard_s_bytes(tmp_path: Path, monkeypatch) -> None:
    """The build half's records, read, hold bytes of their own, not views into the
    shards' bytes: as msgpack views (msgspec.Raw) their links held all 57 MB of the
    shards alive at 5000 documents, from the load of the cache to its save, the peak of
    an edit's build and of every worker it forks (bench/RESULTS.md)."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    key = msgspec.msgpack.decode((cache_dir(out) / "build.msgpack").read_bytes())["key"]
    read: list[bytes] = []
    real = disk.read_states

    def remembered(folder: Path, names: list[str]) -> dict[str, bytes | None]:
        found = real(folder, names)
        read.extend(data for data in found.values() if data is not None)
        return found

    monkeypatch.setattr(disk, "read_states", remembered)
    records = disk.Disk(out, key, "code").build().records
    assert sum(r.links is not None for r in records.values()) > 100
    assert len(read) > 10
    # Held by the list alone, as bytes that nothing else refers to.
    alone = [sys.getrefcount(data) for data in [bytes(10)]]
    assert [sys.getrefcount(data) for data in read] == alone * len(read)
