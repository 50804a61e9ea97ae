"""The build cache's one interface, `Cache.get_or_make`, on its own: a result is kept
for its key, made when the key changed or the kept one is no longer usable, and all
those to make are made in one call. What a build keeps, and when, and what the next
build (or another process) reads back from disk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import msgspec
import pytest

from soteneg.build.cache import PAGES, PARSED, PDFS, Cache, journal
from soteneg.build.cache.parsed import decode_shard, encode_shard
from soteneg.build.output import cache_dir
from soteneg.build.records import Inputs, Record
from soteneg.content.loader import parse_source
from soteneg.content.sources import SourceFile


class Maker:
    """A step's `make`: answers each name with a value made of it, and remembers the
    calls, so that a test can say what was made."""

    def __init__(self, tag: str = "made") -> None:
        self.tag = tag
        self.calls: list[list[str]] = []

    def __call__(self, names: list[str]) -> dict[str, str]:
        self.calls.append(list(names))
        return {name: f"{self.tag}:{name}" for name in names}


def _keep(cache: Cache, records: dict[str, Record] | None = None) -> None:
    cache.keep(records or {"index.html": Record("sha")}, Inputs(cache.key))


def _after_a_build_of(step: str, wanted: dict[str, str], tag: str = "made") -> Cache:
    """A cache whose last build made and kept `wanted`, and a new build begun."""
    cache = Cache("k")
    cache.begin()
    cache.get_or_make(step, wanted, Maker(tag))
    _keep(cache)
    cache.begin()
    return cache


def test_everything_is_made_at_once_the_first_time() -> None:
    cache, make = Cache("k"), Maker()
    cache.begin()
    found = cache.get_or_make(PAGES, {"b": "1", "a": "2"}, make)
    assert make.calls == [["b", "a"]]
    assert found == {"b": "made:b", "a": "made:a"}
    assert list(found) == ["b", "a"]  # in the order asked


def test_a_kept_result_is_given_for_the_same_key_and_made_for_another() -> None:
    cache = _after_a_build_of(PAGES, {"a": "1", "b": "1", "c": "1"}, "first")
    make = Maker("second")
    found = cache.get_or_make(PAGES, {"a": "1", "b": "2", "c": "1", "d": "1"}, make)
    assert make.calls == [["b", "d"]]
    assert found == {"a": "first:a", "b": "second:b", "c": "first:c", "d": "second:d"}


def test_nothing_to_make_makes_no_call() -> None:
    cache = _after_a_build_of(PDFS, {"a.pdf": "1"})
    make = Maker()
    assert cache.get_or_make(PDFS, {"a.pdf": "1"}, make) == {"a.pdf": "made:a.pdf"}
    assert make.calls == []


def test_a_kept_result_that_is_not_usable_is_made_again() -> None:
    """A page kept in the cache stands for a file in the output: when that file was
    changed behind the cache's back, the page is made again, whatever its key says."""
    cache = _after_a_build_of(PAGES, {"a": "1", "b": "1"}, "first")
    asked: list[tuple[str, str]] = []

    def usable(name: str, value: str) -> bool:
        asked.append((name, value))
        return name != "b"

    make = Maker("second")
    found = cache.get_or_make(PAGES, {"a": "1", "b": "1"}, make, usable)
    assert asked == [("a", "first:a"), ("b", "first:b")]
    assert make.calls == [["b"]] and found["b"] == "second:b"


def test_pages_and_pdfs_become_the_last_build_only_when_it_keeps_them() -> None:
    """A build that fails after making some pages has not published them: the next build
    must not take them for what is in the output."""
    cache = _after_a_build_of(PAGES, {"a": "1"}, "first")
    cache.get_or_make(PAGES, {"a": "2"}, Maker("failed"))  # then the build stops
    cache.begin()
    make = Maker("third")
    assert cache.get_or_make(PAGES, {"a": "2"}, make) == {"a": "third:a"}
    assert cache.get_or_make(PAGES, {"b": "1"}, Maker()) == {"b": "made:b"}
    _keep(cache)
    cache.begin()
    again = Maker()
    # Both calls of the kept build were kept.
    assert cache.get_or_make(PAGES, {"a": "2", "b": "1"}, again) == {
        "a": "third:a",
        "b": "made:b",
    }
    assert again.calls == []


def test_a_step_a_build_did_not_ask_for_is_empty_after_it() -> None:
    cache = _after_a_build_of(PDFS, {"a.pdf": "1"})
    _keep(cache)  # a build that printed nothing
    cache.begin()
    make = Maker()
    cache.get_or_make(PDFS, {"a.pdf": "1"}, make)
    assert make.calls == [["a.pdf"]]


def test_parsing_is_kept_at_once_and_only_for_the_files_last_asked_for() -> None:
    """The same bytes parse the same: a failed build's parsing is good for the next
    one. Files no longer read are forgotten, so a long preview does not grow."""
    cache = Cache("k")
    cache.begin()
    cache.get_or_make(PARSED, {"a.md": "1", "b.md": "1"}, Maker("first"))
    cache.begin()  # the build failed; nothing was kept with `keep`
    make = Maker("second")
    assert cache.get_or_make(PARSED, {"a.md": "1"}, make) == {"a.md": "first:a.md"}
    assert make.calls == []
    cache.begin()
    again = Maker("third")
    assert cache.get_or_make(PARSED, {"b.md": "1"}, again) == {"b.md": "third:b.md"}


def _parsed(text: str) -> tuple[str, None, list[object]]:
    return text, None, []  # what parse_source gives for a file without front matter


def _build_on_disk(out: Path) -> dict[str, Record]:
    """One build into `out` that parsed, made and printed one thing each, kept; its
    output's records."""
    first = Cache.on_disk(out, "k")
    first.begin()
    first.get_or_make(PARSED, {"a.md": "1"}, lambda names: {n: _parsed("A") for n in names})
    first.get_or_make(PAGES, {"unit": "1"}, lambda names: dict.fromkeys(names, "index.html"))
    first.get_or_make(PDFS, {"a.pdf": "1"}, lambda names: dict.fromkeys(names, "sha256"))
    records = {"index.html": Record("sha", "unit")}
    first.keep(records, Inputs("k", files=1))
    return records


def test_a_kept_build_is_read_back_from_disk(tmp_path: Path) -> None:
    out = tmp_path / "out"
    records = _build_on_disk(out)

    second = Cache.on_disk(out, "k")
    assert second.inputs is not None and second.inputs.files == 1
    assert second.records == records

    def nothing(names: list[str]) -> dict[str, object]:
        raise AssertionError(f"made again: {names}")

    second.begin()
    assert second.get_or_make(PARSED, {"a.md": "1"}, nothing) == {"a.md": _parsed("A")}
    assert second.get_or_make(PAGES, {"unit": "1"}, nothing) == {"unit": "index.html"}
    assert second.get_or_make(PDFS, {"a.pdf": "1"}, nothing) == {"a.pdf": "sha256"}


def test_a_cache_for_other_code_or_options_is_not_read(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build_on_disk(out)
    other = Cache.on_disk(out, "other")
    assert other.inputs is None and other.records == {}
    other.begin()
    make = Maker()
    other.get_or_make(PAGES, {"unit": "1"}, make)
    assert make.calls == [["unit"]]
    parse = Maker()
    other.get_or_make(PARSED, {"a.md": "1"}, parse)
    assert parse.calls == [["a.md"]]


def test_read_again_sees_what_another_build_kept_meanwhile(tmp_path: Path) -> None:
    """A build reads the last build's records under the output's lock: whatever it read
    before the lock may be another build's past."""
    out = tmp_path / "out"
    mine = Cache.on_disk(out, "k")
    assert mine.inputs is None
    other = Cache.on_disk(out, "k")
    other.begin()
    other.get_or_make(PAGES, {"unit": "1"}, lambda names: dict.fromkeys(names, "index.html"))
    _keep(other)
    assert mine.inputs is None  # read once, and not again until asked to
    mine.read_again()
    assert mine.inputs is not None and mine.records == {"index.html": Record("sha")}


def test_the_last_build_s_inputs_are_decoded_again_only_when_their_file_changed(
    tmp_path: Path,
) -> None:
    """A build reads them before the output's lock and again under it: the same bytes
    give the very same inputs, other bytes are read anew."""
    out = tmp_path / "out"
    _build_on_disk(out)
    cache = Cache.on_disk(out, "k")
    first = cache.inputs
    assert first is not None and first.files == 1
    cache.read_again()
    assert cache.inputs is first
    other = Cache.on_disk(out, "k")
    other.begin()
    other.keep({"index.html": Record("sha")}, Inputs("k", files=2))
    cache.read_again()
    assert cache.inputs is not None and cache.inputs.files == 2


def test_an_interrupted_update_hides_the_last_build(tmp_path: Path) -> None:
    out = tmp_path / "out"
    cache = Cache.on_disk(out, "k")
    cache.begin()
    _keep(cache)
    journal(out).write_bytes(b"")
    assert Cache.on_disk(out, "k").inputs is None


def test_only_the_shards_whose_files_changed_are_written_again(tmp_path: Path) -> None:
    out = tmp_path / "out"
    cache = Cache.on_disk(out, "k")
    names = [f"content/{n}.md" for n in range(40)]
    cache.begin()
    cache.get_or_make(PARSED, dict.fromkeys(names, "1"), lambda todo: {n: _parsed(n) for n in todo})
    _keep(cache)
    shards = sorted((cache_dir(out) / "parsed").glob("*.msgpack"))
    assert len(shards) > 1

    def written(path: Path) -> tuple[int, int]:
        st = path.stat()  # a file is written whole and moved into place: a new inode
        return st.st_ino, st.st_mtime_ns

    before = {s: written(s) for s in shards}
    later = Cache.on_disk(out, "k")
    later.begin()
    wanted = dict.fromkeys(names, "1") | {names[0]: "2"}
    later.get_or_make(PARSED, wanted, lambda todo: {n: _parsed("new") for n in todo})
    _keep(later)
    changed = [s for s in shards if written(s) != before[s]]
    assert len(changed) == 1


def _written(path: Path) -> tuple[int, int]:
    st = path.stat()  # a file is written whole and moved into place: a new inode
    return st.st_ino, st.st_mtime_ns


def _many_records(cache: Cache, changed: str = "") -> dict[str, Record]:
    records = {f"page{n}/index.html": Record("sha", f"unit{n}") for n in range(40)}
    if changed:
        records[changed] = Record("other sha", "unit0")
    cache.begin()
    units = {f"unit{n}": "1" for n in range(40)}
    cache.get_or_make(PAGES, units, lambda todo: {u: f"{u}.html" for u in todo})
    _keep(cache, records)
    return records


def test_only_the_build_shards_whose_records_changed_are_written_again(tmp_path: Path) -> None:
    """The build half was one file of every output file's record (59.5 MB at 5000
    documents), written whole for an edit of one page."""
    out = tmp_path / "out"
    _many_records(Cache.on_disk(out, "k"))
    shards = sorted((cache_dir(out) / "build").glob("*.msgpack"))
    assert len(shards) > 1
    before = {s: _written(s) for s in shards}
    later = Cache.on_disk(out, "k")
    records = _many_records(later, changed="page7/index.html")
    assert len([s for s in shards if _written(s) != before[s]]) == 1
    again = Cache.on_disk(out, "k")
    assert again.records == records


@pytest.mark.parametrize("damage", ["missing", "truncated", "of another build", "no index"])
def test_a_build_shard_that_does_not_read_back_means_no_build_half(
    tmp_path: Path, damage: str
) -> None:
    """Without every record the build cannot tell which files to remove: a shard that
    is missing, damaged, or left by another build (one killed while saving) makes the
    next build a clean one, never a mix of two builds."""
    out = tmp_path / "out"
    _many_records(Cache.on_disk(out, "k"))
    shards = sorted((cache_dir(out) / "build").glob("*.msgpack"))
    shard = next(s for s in shards if msgspec.msgpack.decode(s.read_bytes())["records"])
    old = shard.read_bytes()
    if damage == "missing":
        shard.unlink()
    elif damage == "truncated":
        shard.write_bytes(old[: len(old) // 2])
    elif damage == "of another build":
        _many_records(
            Cache.on_disk(out, "k"), changed=next(iter(msgspec.msgpack.decode(old)["records"]))
        )
        shard.write_bytes(old)  # a good shard, but not the one the index names
    else:
        (cache_dir(out) / "build.msgpack").unlink()
    assert Cache.on_disk(out, "k").records == {}


def test_front_matter_of_any_shape_reads_back_exactly() -> None:
    """Positions are kept for every key of the front matter, whatever YAML made of it:
    strings and small numbers as they are, booleans, dates and numbers beyond msgpack's
    64 bits tagged."""
    text = (
        "---\n"
        "type: page\n"
        "title: Outo\n"
        "true: yes\n"
        "2024-01-01: päivä\n"
        "big: 123456789012345678901234567890\n"
        "123456789012345678901234567890: avain\n"
        f"huge: 0x{'f' * 4000}\n"
        "nested: {1: [a, {false: b, 2.5: c, null: d}]}\n"
        "---\n"
        "Teksti.\n"
    )
    parsed = parse_source(SourceFile("content/outo.md", text.encode()), False, True)
    document = parsed[1]
    assert document is not None
    keys = document.front.keys
    assert (True,) in keys and (dt.date(2024, 1, 1),) in keys
    assert (123456789012345678901234567890,) in keys
    assert ("nested", 1, 1, False) in keys and ("nested", 1, 1, None) in keys
    data = encode_shard("k", {"content/outo.md": ("made-of", parsed)})
    back = decode_shard(data, "k")["content/outo.md"][1]
    assert back[0] == parsed[0] and back[2] == parsed[2]
    assert back[1] is not None
    assert back[1].front == document.front
    # Equal is not enough: True == 1 and 1.0 == 1; repr tells them apart.
    assert sorted(map(repr, back[1].front.keys)) == sorted(map(repr, keys))
    assert sorted(map(repr, back[1].front.values)) == sorted(map(repr, document.front.values))


@pytest.mark.parametrize("root", [Path("tests/sites/golden"), Path(".")], ids=["golden", "bundled"])
def test_every_document_reads_back_from_the_parsed_cache_as_it_was_parsed(root: Path) -> None:
    """Metadata is stored as JSON and read back through its model: a form JSON writes
    that an editor may not (a time of day with seconds, "13:30:00", of an attendee
    present for part of a meeting) made the whole shard damaged, so every build parsed
    those documents again."""
    repo = Path(__file__).resolve().parent.parent
    documents = sorted((repo / root / "content").rglob("*.md"))
    assert documents
    for path in documents:
        rel = path.relative_to(repo / root).as_posix()
        parsed = parse_source(SourceFile(rel, path.read_bytes()), False, True)
        back = decode_shard(encode_shard("k", {rel: ("made-of", parsed)}), "k")[rel][1]
        assert back[1] is not None and parsed[1] is not None, rel
        assert back[1].meta == parsed[1].meta, rel


def test_an_editor_may_not_write_the_seconds_the_cache_reads_back() -> None:
    from pydantic import ValidationError

    from soteneg.content.front_matter import Attendee

    assert Attendee(name="X", present_from="13:30").present_from == dt.time(13, 30)
    with pytest.raises(ValidationError):
        Attendee(name="X", present_from="13:30:00")
    with pytest.raises(ValidationError):
        Attendee.model_validate({"name": "X", "present_from": "13:30:00"})
