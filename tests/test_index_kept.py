"""The preview's last Site, patched for the next save (site.index_kept): the same Site
as `build_site` makes of the same content, whatever part of what it reads changed, and
not made again when only a document's text did."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from golden_content import OPTIONS, checked
from test_site import GOLDEN_SITE, NOW, project

from soteneg.content.loader import Content, Document
from soteneg.content.versions import Earlier
from soteneg.core.options import BuildOptions
from soteneg.site import index_kept
from soteneg.site.index import build_site

DOC = "kierrokset/2018-syksy/uusimaa"


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Content:
    return checked(tmp_path_factory.mktemp("kept"))


def _doc(content: Content, doc_id: str = DOC) -> Document:
    return next(d for d in content.documents if d.id == doc_id)


def _with(content: Content, doc: Document, new: Document) -> Content:
    return replace(content, documents=tuple(new if d is doc else d for d in content.documents))


def _meta(content: Content, **update: object) -> Content:
    doc = _doc(content)
    assert doc.meta is not None
    return _with(content, doc, replace(doc, meta=doc.meta.model_copy(update=update)))


def _text(content: Content) -> Content:
    doc = _doc(content)
    return _with(content, doc, replace(doc, body=doc.body + "\nTallennettu lause.\n"))


def _renamed(content: Content) -> Content:
    # The id alone (it follows from the file, but the Site is made of both).
    doc = _doc(content)
    return _with(content, doc, replace(doc, id=DOC.replace("uusimaa", "uusimaa-2")))


def _drafted_file(content: Content) -> Content:
    # The why of an unpublished document names its file.
    doc = _doc(content)
    return _with(content, doc, replace(doc, file="content/elsewhere.md"))


def _removed(content: Content) -> Content:
    return replace(content, documents=tuple(d for d in content.documents if d.id != DOC))


def _config(content: Content) -> Content:
    assert content.config is not None
    return replace(content, config=content.config.model_copy(update={"title": {"fi": "Uusi"}}))


def _data(content: Content) -> Content:
    rounds = dict(content.data.rounds)
    first = next(iter(rounds))
    rounds[first] = rounds[first].model_copy(update={"start": dt.date(2000, 1, 1)})
    return replace(content, data=replace(content.data, rounds=rounds))


def _committed(content: Content) -> Content:
    later = {**content.committed, _doc(content).file: dt.date(2030, 1, 1)}
    return replace(content, committed=later)


def _earlier(content: Content) -> Content:
    doc = _doc(content)
    version = Earlier("2018-01-01-0", dt.date(2018, 1, 1), None, "0" * 40, doc, ())
    return replace(content, earlier={**content.earlier, doc.id: (version,)})


CHANGES: dict[str, Callable[[Content], Content]] = {
    "a document's text (its object in the Site)": _text,
    "a document's front matter": lambda c: _meta(c, date=dt.date(2018, 12, 31)),
    "a document's id": _renamed,
    "a document removed": _removed,
    "site.yaml": _config,
    "the data files": _data,
    "the commit days": _committed,
    "the earlier versions": _earlier,
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_the_kept_site_is_the_site_made_anew(content: Content, change: str) -> None:
    kept = index_kept.KeptSites()
    assert kept.site(content, OPTIONS) == build_site(content, OPTIONS)
    changed = CHANGES[change](content)
    fresh = build_site(changed, OPTIONS)
    assert fresh != build_site(content, OPTIONS)  # the change shows in the Site
    assert kept.site(changed, OPTIONS) == fresh


def test_an_unpublished_document_s_file_is_compared(content: Content) -> None:
    drafted = _meta(content, draft=True)
    kept = index_kept.KeptSites()
    kept.site(drafted, OPTIONS)
    moved = _drafted_file(drafted)
    fresh = build_site(moved, OPTIONS)
    assert fresh != build_site(drafted, OPTIONS)
    assert kept.site(moved, OPTIONS) == fresh


def test_what_the_clock_publishes_is_compared(content: Content) -> None:
    """The preview's options differ in their clock at each save: an embargo that ended
    between two saves publishes a document."""
    kept = index_kept.KeptSites()
    kept.site(content, OPTIONS)
    later = replace(OPTIONS, now=dt.datetime(2019, 1, 1, tzinfo=dt.UTC))
    fresh = build_site(content, later)
    assert fresh != build_site(content, OPTIONS)
    assert kept.site(content, later) == fresh


@pytest.mark.parametrize(
    "other",
    [
        replace(OPTIONS, base_path=None),
        replace(OPTIONS, content_mark=None),
        replace(OPTIONS, drafts=True),
    ],
    ids=["base path", "mark", "drafts"],
)
def test_each_options_has_its_own_site(content: Content, other: BuildOptions) -> None:
    kept = index_kept.KeptSites()
    drafted = _meta(content, draft=True)  # so that the drafts' option shows
    kept.site(drafted, OPTIONS)
    fresh = build_site(drafted, other)
    assert fresh != build_site(drafted, OPTIONS)
    assert kept.site(drafted, other) == fresh


def test_a_save_of_text_does_not_make_the_site_again(
    content: Content, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = index_kept.KeptSites()
    first = kept.site(content, OPTIONS)
    made: list[int] = []
    monkeypatch.setattr(index_kept, "build_site", lambda *a: made.append(1))
    saved = _text(content)
    site = kept.site(saved, OPTIONS)
    assert made == []
    assert site is not first  # a new Site, given only the answers kept (index_answers)
    assert site.published[DOC] is _doc(saved)


def test_the_preview_keeps_its_sites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from soteneg.editors import serve

    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "site"
    preview = serve.Preview(root, out, dt.datetime.fromisoformat(NOW))
    assert not preview.rebuild().failed
    made: list[int] = []
    whole = index_kept.build_site

    def counted(*given: object) -> object:
        made.append(1)
        return whole(*given)  # type: ignore[arg-type]

    monkeypatch.setattr(index_kept, "build_site", counted)
    doc = root / "content" / f"{DOC}.md"
    doc.write_text(doc.read_text().replace("\n## ", "\nTallennettu lause.\n\n## ", 1))
    assert not preview.rebuild().failed
    assert "Tallennettu lause." in (out / DOC / "index.html").read_text()
    assert made == []
