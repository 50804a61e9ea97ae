"""A build plans again only the units that read a document whose text changed
(build.replan): after every kind of edit, each unit's fingerprint is the one a whole plan
of the same site gives, and a text edit computes few. Built through the preview's way in
(`build` with a `Memory`), and through the cache on disk (cache.plan), whose damaged plan
is no plan, on the golden site."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest
from test_site import GOLDEN_SITE, project

from soteneg.build import replan as replan_module
from soteneg.build import run
from soteneg.build.cache import PLAN_FILE
from soteneg.build.output import cache_dir
from soteneg.build.replan import Answers, Planned, Reads, Replan
from soteneg.build.unit_keys import Unit, fingerprint
from soteneg.content.loader import Document
from soteneg.pipeline import Memory, build
from soteneg.site.index import BuildOptions, Site
from soteneg.site.texts import NEGOTIATIONS, Texts

NOW = dt.datetime(2018, 11, 29, 14, 0, tzinfo=dt.UTC)
DOC = "content/kierrokset/2018-syksy/uusimaa.md"
TRANSLATION = "content/kierrokset/2018-syksy/uusimaa.sv.md"
# An edit of the text only: the section's key and the page's body change, nothing else.
TEXT = (DOC, "Jonot ovat lyhyitä.", "Jonot ovat lyhyitä ja lyhenevät.")
# Edits that each change one part of the structure key (replan._shape, structure_key)
# and that a unit reads without reading the text: kept from the last plan, its
# fingerprint would be stale.
STRUCTURE = {
    # What a link to it shows (unit_reads.listed): the front matter.
    "title": (DOC, "title: Uusimaa, syksy 2018", "title: Uusimaa, syksyllä 2018"),
    # Which theme sections it has (unit_reads.sections, which comparisons exist).
    "section": (DOC, "## Rahoitus {theme=rahoitus}", "## Rahoitus"),
    # Where a page's links lead: a link added to a body.
    "link": (DOC, "Tekstiä.", "Tekstiä, [tietoa](../../sivut/tietoa.md)."),
    # A page's outline: a heading renamed.
    "heading": (DOC, "### Alaotsikko ääkkösin", "### Toinen alaotsikko"),
}


@dataclass
class Plans:
    """Each build's plan: the units, what replan kept, and a whole plan of the same site."""

    units: list[list[Unit]] = field(default_factory=list)
    whole: list[list[Unit]] = field(default_factory=list)
    again: list[Replan | None] = field(default_factory=list)


@pytest.fixture
def plans(monkeypatch: pytest.MonkeyPatch) -> Iterator[Plans]:
    found = Plans()
    plan_units = run.plan_units

    def planning(*args: object, **kwargs: object) -> list[Unit]:
        units = plan_units(*args, **kwargs)  # type: ignore[arg-type]
        found.units.append(units)
        found.again.append(args[5] if len(args) > 5 else None)  # type: ignore[arg-type]
        found.whole.append(plan_units(*args[:5]))  # type: ignore[arg-type]
        return units

    monkeypatch.setattr(run, "plan_units", planning)
    yield found


def _edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def _fingerprints(units: list[Unit]) -> list[tuple[str, str, str]]:
    return [(u.key, u.template, u.fingerprint) for u in units]


def _preview(tmp_path: Path, edits: list[tuple[str, str, str]], plans: Plans) -> Memory:
    root = project(tmp_path, GOLDEN_SITE)
    memory = Memory()
    out = tmp_path / "out"
    assert not build(root, out, BuildOptions(now=NOW), with_search=False, memory=memory).failed
    for path, old, new in edits:
        _edit(root, path, old, new)
        result = build(root, out, BuildOptions(now=NOW), with_search=False, memory=memory)
        assert not result.failed, result.problems
    return memory


def test_a_text_edit_plans_again_only_the_units_that_read_it(tmp_path: Path, plans: Plans) -> None:
    _preview(tmp_path, [TEXT], plans)
    assert len(plans.units) == 2
    again = plans.again[1]
    assert again is not None and again.last is not None  # the last plan was usable
    assert _fingerprints(plans.units[1]) == _fingerprints(plans.whole[1])
    computed = {
        key for key, (fp, read) in again.units.items() if "kierrokset/2018-syksy/uusimaa" in read
    }
    # The page of the document, its translation (which says whether it is up to date),
    # the comparisons that show its section: a few of the site's units, not all.
    assert "doc:kierrokset/2018-syksy/uusimaa:fi" in computed
    assert "doc:kierrokset/2018-syksy/uusimaa:sv" in computed
    assert 0 < again.computed < len(plans.units[1]) / 4
    before = {u.key: u.fingerprint for u in plans.units[0]}
    changed = {u.key for u in plans.units[1] if before.get(u.key) != u.fingerprint}
    assert changed  # the page and its comparisons
    assert changed <= computed


@pytest.mark.parametrize("edit", sorted(STRUCTURE))
def test_a_structure_edit_plans_everything_again(tmp_path: Path, plans: Plans, edit: str) -> None:
    """The edit changes the structure key: nothing of the last plan is kept, and the
    plan is the whole plan's (the test fails when the part of the key is left out)."""
    _preview(tmp_path, [STRUCTURE[edit]], plans)
    again = plans.again[1]
    assert again is not None
    assert _fingerprints(plans.units[1]) == _fingerprints(plans.whole[1])
    assert again.last is None


def test_edits_one_after_another_keep_the_plan_whole(tmp_path: Path, plans: Plans) -> None:
    """Text edits of an original and of its translation, each on the plan of the one
    before (a translation's page reads its original's text: up to date or not)."""
    edits = [
        TEXT,
        (TRANSLATION, "Tjänsterna finns nästan överallt.", "Tjänsterna finns överallt."),
        (DOC, "Tekstiä.", "Lisää tekstiä."),
        TEXT[:1] + TEXT[2:0:-1],  # back as it was
    ]
    _preview(tmp_path, edits, plans)
    for number, (units, whole) in enumerate(zip(plans.units, plans.whole, strict=True)):
        assert _fingerprints(units) == _fingerprints(whole), number
    assert all(a is not None and a.last is not None for a in plans.again[1:])


def test_every_text_read_belongs_to_a_unit(tmp_path: Path, plans: Plans) -> None:
    """No leaf reads a document's text outside a unit's parts: such a plan would not
    be kept (`Reads.stray`), and every preview build would plan the whole site."""
    memory = _preview(tmp_path, [TEXT], plans)
    assert all(a is not None and not a.reads.stray for a in plans.again)
    assert memory.cache is not None and memory.cache.last_plan() is not None


def test_reads_are_replayed_from_a_memoised_helper() -> None:
    """A helper answered from its memo still tells the unit asking what it read."""
    reads = Reads()

    @reads.cached
    def helper(x: str) -> str:
        reads.read(x)
        return x

    first = reads.during(lambda: helper("a"))
    second = reads.during(lambda: helper("a"))
    assert first == second == ("a", frozenset({"a"}))
    reads.read("b")
    assert reads.stray


def _bytes(out: Path) -> dict[str, bytes]:
    skip = cache_dir(out)
    found = (p for p in out.rglob("*") if p.is_file() and skip not in p.parents)
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in found}


def _on_disk(tmp_path: Path, damage: object) -> tuple[Path, Path]:
    """(the output of a build after a text edit, with the plan on disk damaged by
    `damage` before it, the output of a clean build of the same tree)."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert not build(root, out, BuildOptions(now=NOW), with_search=False).failed
    plan = cache_dir(out) / PLAN_FILE
    assert plan.is_file()
    damage(plan)  # type: ignore[operator]
    _edit(root, *TEXT)
    assert not build(root, out, BuildOptions(now=NOW), with_search=False).failed
    clean = tmp_path / "clean"
    assert not build(root, clean, BuildOptions(now=NOW), with_search=False).failed
    return out, clean


def test_the_plan_on_disk_is_kept_for_the_next_build(
    tmp_path: Path, plans: Plans, monkeypatch: pytest.MonkeyPatch
) -> None:
    shaped: list[str] = []
    shape = replan_module._shape

    def counted(doc: Document, front_key: Callable[[Document], str]) -> str:
        shaped.append(doc.id)
        return shape(doc, front_key)

    monkeypatch.setattr(replan_module, "_shape", counted)
    out, clean = _on_disk(tmp_path, lambda plan: None)
    again = plans.again[1]
    assert again is not None and again.last is not None
    assert 0 < again.computed < len(plans.units[1]) / 4
    assert _fingerprints(plans.units[1]) == _fingerprints(plans.whole[1])
    assert _bytes(out) == _bytes(clean)
    # The documents' shapes came back from the file: the first build and the clean one
    # (which has no plan) made every document's, the second the edited one's only.
    counts = Counter(shaped)
    edited = DOC.removeprefix("content/").removesuffix(".md")
    assert counts == {doc_id: 2 + (doc_id == edited) for doc_id in counts}
    # The lines' far pairs came back from the file too.
    first = plans.again[0]
    assert first is not None and any(first.pairs.values())
    assert again.last.pairs == again.pairs == first.pairs


def _unread(plan: Path) -> None:
    """Forge the edited document out of every unit's reads, the digest left as it was:
    kept, every page that shows the document's text would stay as it was."""
    edited = b"kierrokset/2018-syksy/uusimaa"
    data = plan.read_bytes()
    assert edited in data
    plan.write_bytes(data.replace(edited, b"kierrokset/2018-syksy/uusimab"))


@pytest.mark.parametrize(
    "damage",
    [
        _unread,
        lambda plan: plan.write_bytes(plan.read_bytes()[:-100]),
        lambda plan: plan.write_bytes(b"\x93\x01\x02"),
        lambda plan: plan.write_bytes(b""),
    ],
    ids=["reads-changed", "truncated", "not-a-plan", "empty"],
)
def test_a_damaged_plan_on_disk_is_no_plan(tmp_path: Path, plans: Plans, damage: object) -> None:
    out, clean = _on_disk(tmp_path, damage)
    got, want = _bytes(out), _bytes(clean)
    assert sorted(rel for rel in want if got.get(rel) != want[rel]) == []
    again = plans.again[1]
    assert again is not None and again.last is None  # planned whole
    assert _fingerprints(plans.units[1]) == _fingerprints(plans.whole[1])


def _touch(root: Path) -> None:
    """The document's stamp changed, not its bytes: the build plans again, nothing new."""
    file = root / DOC
    later = file.stat().st_mtime_ns + 10**9
    os.utime(file, ns=(later, later))


def _written(plan: Path) -> tuple[int, int]:
    found = plan.stat()
    return (found.st_ino, found.st_ctime_ns)


def test_an_unchanged_plan_is_not_written_again(tmp_path: Path, plans: Plans) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert not build(root, out, BuildOptions(now=NOW), with_search=False).failed
    plan = cache_dir(out) / PLAN_FILE
    before = _written(plan)
    _touch(root)
    assert not build(root, out, BuildOptions(now=NOW), with_search=False).failed
    again = plans.again[1]
    assert again is not None and again.last is not None and again.computed == 0
    assert _written(plan) == before
    # A text edit's plan is new: written.
    _edit(root, *TEXT)
    assert not build(root, out, BuildOptions(now=NOW), with_search=False).failed
    assert _written(plan) != before


def test_a_plan_replaced_on_disk_is_written_again(
    tmp_path: Path, plans: Plans, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unchanged, the plan is written all the same when the file is no longer the one
    this build read (another build replaced it, or it was damaged, after the read)."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert not build(root, out, BuildOptions(now=NOW), with_search=False).failed
    plan = cache_dir(out) / PLAN_FILE
    replan = run.replan

    def replaced(*args: object) -> Replan:
        found = replan(*args)  # type: ignore[arg-type]
        plan.write_bytes(b"")
        return found

    monkeypatch.setattr(run, "replan", replaced)
    _touch(root)
    assert not build(root, out, BuildOptions(now=NOW), with_search=False).failed
    again = plans.again[1]
    assert again is not None and again.last is not None and again.computed == 0
    assert plan.stat().st_size > 0


def test_a_plan_is_the_last_one_only_when_nothing_of_it_changed() -> None:
    """The cache skips writing a plan that is the last one: a text key or a unit of its
    own makes a new plan (the next build compares texts with these keys)."""
    unit = ("fingerprint", frozenset({"doc"}))
    last = Planned("structure", {"doc": "1"}, {"unit": unit})
    assert Replan("structure", {"doc": "1"}, last, units={"unit": unit}).planned() is last
    other_text = Replan("structure", {"doc": "2"}, last, units={"unit": unit}).planned()
    assert other_text is not last and other_text.texts == {"doc": "2"}
    other_unit = Replan("structure", {"doc": "1"}, last, units={"unit": ("other", unit[1])})
    assert other_unit.planned() is not last
    assert Replan("structure", {"doc": "1"}, None, units={"unit": unit}).planned() is not last


def test_a_documents_shape_is_kept_by_its_text(
    tmp_path: Path, plans: Plans, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview's next plan takes each document's shape from the last plan, by its
    file's text key: a shape kept under this text is used, one under another is not.
    (The structure edits above, built in a preview, fail when the key leaves out the
    text.)"""
    called: list[tuple[tuple[object, ...], Replan]] = []
    replan = run.replan

    def recording(*args: object) -> Replan:
        found = replan(*args)  # type: ignore[arg-type]
        called.append((args, found))
        return found

    monkeypatch.setattr(run, "replan", recording)
    _preview(tmp_path, [], plans)
    args, first = called[0]
    last = first.planned()
    assert len(last.shapes) > 1
    again = replan(*args[:5], last)  # type: ignore[arg-type]
    assert again.structure == first.structure and again.last is last
    doc_id = DOC.removeprefix("content/").removesuffix(".md")
    text = first.texts[doc_id]
    forged = replace(last, shapes={**last.shapes, text: "forged"})
    assert replan(*args[:5], forged).structure != first.structure  # type: ignore[arg-type]
    other = replace(last, shapes={**last.shapes, "another text": "forged"})
    assert replan(*args[:5], other).structure == first.structure  # type: ignore[arg-type]


def test_a_lines_far_pairs_are_kept_from_the_last_plan(
    tmp_path: Path, plans: Plans, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text edit leaves the structure, so the next plan asks no line for its far pairs
    (lineage.far_pairs): it takes the last plan's, and plans the same units."""
    asked: list[str] = []
    far_ends = replan_module.far_ends

    def counted(site: object, theme_id: str, region_id: str, texts: Texts) -> object:
        asked.append(f"{texts.key}/{theme_id}/{region_id}")
        return far_ends(site, theme_id, region_id, texts)  # type: ignore[arg-type]

    monkeypatch.setattr(replan_module, "far_ends", counted)
    _preview(tmp_path, [TEXT], plans)
    first, second = plans.again
    assert first is not None and second is not None and second.last is not None
    assert any(first.pairs.values())  # the golden site has far pairs
    assert len(asked) == len(first.pairs)  # each line once, in every language
    assert second.pairs == first.pairs
    assert _fingerprints(plans.units[1]) == _fingerprints(plans.whole[1])


def test_far_pairs_are_kept_by_line_and_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    """Kept by whose texts, theme and unit: each of them another line."""
    kept = ((("2018-kevat", "a"), ("2024", "a")),)
    monkeypatch.setattr(
        replan_module, "far_ends", lambda site, t, r, texts: ((("new", texts.key), (t, r)),)
    )
    last = Planned("structure", {}, {}, pairs={"negotiation/t/r": kept})
    again = Replan("structure", {}, last)
    site = cast(Site, None)
    assert again.far_pairs(site, "t", "r", NEGOTIATIONS) == kept
    thl = Texts("assessment", "thl")
    for theme_id, region_id, texts in [("t", "x", NEGOTIATIONS), ("u", "r", NEGOTIATIONS)]:
        assert again.far_pairs(site, theme_id, region_id, texts) != kept
    assert again.far_pairs(site, "t", "r", thl) == ((("new", "assessment-thl"), ("t", "r")),)
    assert len(again.planned().pairs) == 4


def test_a_helpers_answer_is_kept_while_the_texts_it_read_are_the_same() -> None:
    """The next plan of the same structure takes a memoised helper's answers from the
    last (Answers.holding): one that read no changed text, or none at all, is kept and
    replayed; one that read a changed text is asked again. The last plan's answers stay
    as they were."""
    asked: list[str] = []

    def plan(kept: Answers | None) -> tuple[Reads, list[tuple[str, frozenset[str]]]]:
        reads = Reads(kept)

        @reads.cached
        def helper(doc_id: str) -> str:
            asked.append(doc_id)
            if doc_id:  # "": an answer of the structure alone
                reads.read(doc_id)
            return f"answer of {doc_id}"

        return reads, [reads.during(lambda d=d: helper(d)) for d in ("a", "b", "")]

    first, answers = plan(None)
    assert asked == ["a", "b", ""]
    asked.clear()
    second, again = plan(first.answers.holding(frozenset({"a"})))
    assert asked == ["a"]
    assert again == answers  # and "b"'s read is replayed to the unit that asks
    [memo] = first.answers.memos.values()  # by the helper's name
    assert memo.keys() == {("a",), ("b",), ("",)}
    asked.clear()
    plan(second.answers.holding(frozenset({"b"})))
    assert asked == ["b"]
    asked.clear()
    plan(second.answers.holding(frozenset({"a", "b"})))
    assert asked == ["a", "b"]


def test_a_saves_plan_asks_only_what_read_the_edited_text(
    tmp_path: Path, plans: Plans, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the preview, the plan after a text edit asks `section` again only of the
    edited document's sections (and its translation's, which show in its language):
    every other section a comparison shows is kept from the last plan."""
    counted: list[int] = []
    cached = Reads.cached

    def counting(self: Reads, helper: Callable[..., object]) -> Callable[..., object]:
        if helper.__qualname__.endswith("<locals>.section"):
            inner = helper

            def helper(*args: object) -> object:
                counted[-1] += 1
                return inner(*args)

            helper.__qualname__ = inner.__qualname__
            counted.append(0)
        return cached(self, helper)

    monkeypatch.setattr(Reads, "cached", counting)
    _preview(tmp_path, [TEXT], plans)
    first, second = plans.again
    assert first is not None and second is not None and second.last is not None
    assert _fingerprints(plans.units[1]) == _fingerprints(plans.whole[1])
    whole, kept = counted  # the first build's plan, the save's (the fixture's are not cached)
    assert 0 < kept < whole / 4, (kept, whole)


def test_a_texts_key_is_kept_while_its_file_holds_the_same_text() -> None:
    """The preview's plan hashes again only the texts that differ from the last plan's
    (Planned.sources): a key kept under the same text is used, one under another text
    is not, and a document whose file has the same text under another name is hashed.
    (test_a_text_edit_plans_again_only_the_units_that_read_it fails too when the key is
    kept whatever the text.)"""
    docs = {"d": cast(Document, SimpleNamespace(file="content/d.md"))}
    texts = {"content/d.md": "the text"}
    fresh = replan_module.text_keys(docs, texts, {})
    assert fresh.keys == {"d": fingerprint("the text")}
    assert fresh.sources == {"content/d.md": ("the text", fingerprint("the text"))}
    kept = replan_module.text_keys(docs, texts, {"content/d.md": ("the text", "kept")})
    assert kept.keys == {"d": "kept"}
    other = replan_module.text_keys(docs, texts, {"content/d.md": ("old text", "kept")})
    assert other.keys == fresh.keys and other.sources == fresh.sources
    elsewhere = replan_module.text_keys(docs, texts, {"content/e.md": ("the text", "kept")})
    assert elsewhere.keys == fresh.keys


def test_a_saves_plan_takes_the_text_keys_of_the_last(tmp_path: Path, plans: Plans) -> None:
    """Each save's plan hands its texts and their keys on, and its keys are the texts'
    own after an edit."""
    memory = _preview(tmp_path, [TEXT, TEXT[:1] + TEXT[2:0:-1]], plans)
    assert memory.cache is not None
    for again in plans.again[1:]:
        assert again is not None and again.last is not None
        assert again.sources
        assert all(key == fingerprint(text) for text, key in again.sources.values())
        assert set(again.texts.values()) == {key for _, key in again.sources.values()}
        assert again.planned().sources is again.sources
