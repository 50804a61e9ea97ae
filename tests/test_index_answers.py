"""The patched Site's answers (site.index_answers): those the last Site made are given to
the patched one only when the save changed nothing they read, so every answer the
patched Site gives is the one a Site made anew gives, holding the saved documents
themselves and not the objects they replaced."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from golden_content import OPTIONS, checked
from pydantic import BaseModel
from test_site import GOLDEN_SITE, NOW, project

from soteneg.build import targets
from soteneg.content import timeline
from soteneg.content.loader import Content, Document
from soteneg.markdown.outline import Outline
from soteneg.site import eras, index_answers, index_kept
from soteneg.site import recommendations as recs
from soteneg.site.index import Group, Site, build_site
from soteneg.site.pages import related
from soteneg.site.pages.page import Chrome

NEGOTIATION = "kierrokset/2024-hva/etela-savo-hva"  # gives recommendations
LATER = "kierrokset/2025-hva/etela-savo-hva"  # follows them up: a line of two
TRANSLATION = "kierrokset/2024-hva/helsinki.sv"  # of a negotiation that gives one
ASSESSMENT = "kierrokset/2024-hva/arviot/etela-suomi-yta"  # THL's
PAGE = "sivut/tietoa"


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Content:
    return checked(tmp_path_factory.mktemp("answers"))


def _edited(content: Content, doc_id: str, edit: Callable[[Document], Document]) -> Content:
    return replace(
        content,
        documents=tuple(edit(d) if d.id == doc_id else d for d in content.documents),
    )


def _text(doc: Document) -> Document:
    # A sentence added: the body and the headings' lines move, their themes do not.
    headings = tuple(h._replace(line=h.line + 2) for h in doc.outline.headings)
    return replace(
        doc,
        body="Tallennettu lause.\n\n" + doc.body,
        outline=doc.outline._replace(headings=headings),
    )


def _retheme(doc: Document) -> Document:
    # The first theme section's heading names another theme (in the body and outline).
    headings = list(doc.outline.headings)
    n = next(n for n, h in enumerate(headings) if h.level == 2 and h.theme)
    other = "integraatio" if headings[n].theme != "integraatio" else "rahoitus"
    headings[n] = headings[n]._replace(theme=other)
    body = doc.body.replace(f"{{theme={doc.outline.headings[n].theme}}}", f"{{theme={other}}}")
    return replace(doc, body=body, outline=doc.outline._replace(headings=tuple(headings)))


def _recommendation_theme(doc: Document) -> Document:
    assert doc.meta is not None
    first, *rest = doc.meta.recommendations  # type: ignore[attr-defined]
    moved = first.model_copy(update={"theme": "integraatio"})
    return replace(doc, meta=doc.meta.model_copy(update={"recommendations": [moved, *rest]}))


def ask_everything(site: Site) -> None:
    """Ask the Site every answer a build's plan and pages ask (Site.remember)."""
    targets.site_targets(site, {}).pdf_files  # noqa: B018 (the packets' URLs)
    for rnd in site.rounds:
        recs.has_round_page(site, rnd.id)
        for lang in site.languages:
            eras.parties_text(site, rnd, lang)
    for region_id in site.data.regions:
        recs.unit_tracks(site, region_id)
        eras.areas_of(site, region_id)
        eras.parts_received(site, region_id)
        for theme_id in site.data.themes:
            eras.theme_history(site, theme_id, region_id)
    for lang in site.languages:
        eras.sorted_by_name(site, site.data.regions, lang)
    for doc in site.published.values():
        site.url(doc)


def plain(value: Any, site: Site) -> Any:
    """`value` compared by what it is: a document or group by its id and whether it is
    the one `site` publishes (not an object a save replaced)."""
    if isinstance(value, Document):
        return ("document", value.id, site.published.get(value.id) is value)
    if isinstance(value, Group):
        return ("group", value.id, site.groups.get(value.id) is value)
    if isinstance(value, BaseModel):
        return value
    if isinstance(value, timeline.Ancestry):  # by what it answers
        return tuple((r, value.of(r)) for r in value.data.regions)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        return (type(value).__name__, *(plain(getattr(value, f.name), site) for f in fields))
    if isinstance(value, dict):
        return tuple((k, plain(v, site)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(plain(v, site) for v in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(plain(v, site) for v in value)
    return value


def _kinds(keys: object) -> set[str]:
    return {key[0] for key in keys}  # type: ignore[attr-defined]


def test_every_declared_answer_is_asked_here(content: Content) -> None:
    """So that the tests below compare every kind the patch may keep."""
    site = build_site(content, OPTIONS)
    ask_everything(site)
    assert set(index_answers.READS) <= _kinds(site.answers)


SECTIONS = {k for k, reads in index_answers.READS.items() if reads.sections}
NEGOTIATIONS_HELD = {k for k, reads in index_answers.READS.items() if "negotiation" in reads.holds}

# A save, and the kinds of answer it must make again (all others declared are kept).
SAVES: dict[str, tuple[str, Callable[[Document], Document], set[str]]] = {
    "a page's text": (PAGE, _text, set()),
    "a negotiation document's text": (NEGOTIATION, _text, NEGOTIATIONS_HELD),
    "a translation's text (its group holds it)": (TRANSLATION, _text, NEGOTIATIONS_HELD),
    "an assessment's theme section": (ASSESSMENT, _retheme, SECTIONS),
    "a negotiation document's theme section": (LATER, _retheme, SECTIONS | NEGOTIATIONS_HELD),
}


@pytest.mark.parametrize("save", SAVES, ids=list(SAVES))
def test_the_patched_site_keeps_only_answers_the_save_cannot_change(
    content: Content, save: str
) -> None:
    doc_id, edit, made_again = SAVES[save]
    kept = index_kept.KeptSites()
    ask_everything(kept.site(content, OPTIONS))
    changed = _edited(content, doc_id, edit)
    site = kept.site(changed, OPTIONS)
    carried = _kinds(site.answers)
    assert carried == set(index_answers.READS) - made_again
    fresh = build_site(changed, OPTIONS)
    ask_everything(site)
    ask_everything(fresh)
    assert site.answers.keys() == fresh.answers.keys()
    for key, answer in fresh.answers.items():
        assert plain(site.answers[key], site) == plain(answer, fresh), key


@pytest.mark.parametrize(
    ("doc_id", "edit"),
    [(NEGOTIATION, _recommendation_theme), (LATER, _recommendation_theme)],
    ids=["a recommendation's theme", "a later one's"],
)
def test_a_change_of_front_matter_makes_every_answer_again(
    content: Content, doc_id: str, edit: Callable[[Document], Document]
) -> None:
    """The front matter is what the declared answers read of a document: the Site is
    then made anew (index_kept), with none of the last one's answers."""
    kept = index_kept.KeptSites()
    ask_everything(kept.site(content, OPTIONS))
    changed = _edited(content, doc_id, edit)
    site = kept.site(changed, OPTIONS)
    assert dict(site.answers) == {}
    fresh = build_site(changed, OPTIONS)
    ask_everything(site)
    ask_everything(fresh)
    last = build_site(content, OPTIONS)
    ask_everything(last)
    assert plain(site.answers[("recommended-themes", "")], site) != plain(
        last.answers[("recommended-themes", "")], last
    )
    for key, answer in fresh.answers.items():
        assert plain(site.answers[key], site) == plain(answer, fresh), key


def _stripped(doc: Document, themes: bool) -> Document:
    """`doc` with nothing of its body and outline but, with `themes`, the themes of its
    level-2 headings."""
    kept = tuple(h for h in doc.outline.headings if themes and h.level == 2)
    headings = tuple(h._replace(text="", id="", line=0) for h in kept)
    return replace(doc, body="", body_line=1, outline=Outline(headings=headings), prerendered=None)


@pytest.mark.parametrize("themes", [True, False], ids=["sections kept", "sections gone"])
def test_what_each_kind_declares_it_reads_is_all_it_reads(content: Content, themes: bool) -> None:
    """Every document's body and outline taken away (but the themes of its sections,
    for the kinds that declare them): every declared answer is the same."""
    whole = build_site(content, OPTIONS)
    stripped = replace(content, documents=tuple(_stripped(d, themes) for d in content.documents))
    bare = build_site(stripped, OPTIONS)
    ask_everything(whole)
    ask_everything(bare)
    compared = {k for k, reads in index_answers.READS.items() if themes or not reads.sections}
    keys = [k for k in whole.answers if k[0] in compared]
    assert _kinds(keys) == compared
    for key in keys:
        assert plain(bare.answers[key], bare) == plain(whole.answers[key], whole), key
    if not themes:  # the sections do change the others, on this site
        changed = [k for k in whole.answers if k[0] in SECTIONS and k in bare.answers]
        assert any(plain(bare.answers[k], bare) != plain(whole.answers[k], whole) for k in changed)


@pytest.mark.parametrize("kind", sorted(SECTIONS))
def test_an_answer_of_sections_is_made_again_when_a_section_s_theme_changes(
    content: Content, kind: str
) -> None:
    doc = next(d for d in content.documents if d.id == LATER)
    memo = {(kind, "x"): object()}
    assert index_answers.kept(memo, [(doc, _text(doc))], ()) == memo
    assert index_answers.kept(memo, [(doc, _retheme(doc))], ()) == {}


def test_an_answer_not_declared_is_made_again(content: Content) -> None:
    """Such as those whose key leaves out an argument they read (a resolver)."""
    doc = next(d for d in content.documents if d.id == PAGE)
    memo = {("links", doc.id): {}, ("packets", ""): ()}
    assert index_answers.kept(memo, [(doc, _text(doc))], ()) == {}


def test_the_preview_s_save_asks_the_kept_answers_of_the_site_it_checks_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the preview's own path: the Site a check and a build ask is the kept one
    given its files (targets.published_site), a new object again; its answers are
    those the patch keeps, not made again."""
    from soteneg.editors import serve

    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "site"
    preview = serve.Preview(root, out, dt.datetime.fromisoformat(NOW))
    assert not preview.rebuild().failed
    made: set[str] = set()
    remember = Site.remember

    def counted(site: Site, key: tuple[str, str], make: Callable[[], Any]) -> Any:
        if key not in site.answers:
            made.add(key[0])
        return remember(site, key, make)

    monkeypatch.setattr(Site, "remember", counted)
    doc = root / "content" / f"{NEGOTIATION}.md"
    doc.write_text(doc.read_text().replace("\n## ", "\nTallennettu lause.\n\n## ", 1))
    assert not preview.rebuild().failed
    assert "Tallennettu lause." in (out / NEGOTIATION / "index.html").read_text()
    # Those the negotiation document's objects are in are made again, and only those.
    assert "recommendations" in made
    assert not made & (set(index_answers.READS) - NEGOTIATIONS_HELD)


def _sections(site: Site, themes: bool) -> dict[str, Any]:
    """What `has_sections` reads of each published body: its theme sections (with
    `themes`), or none."""
    return {
        doc_id: SimpleNamespace(
            sections={h.theme: True for h in doc.outline.headings if h.level == 2 and h.theme}
            if themes
            else {}
        )
        for doc_id, doc in site.published.items()
    }


@pytest.mark.parametrize("first", [True, False], ids=["with sections first", "without first"])
def test_a_page_s_comparisons_are_those_of_the_sections_it_is_given(
    content: Content, first: bool
) -> None:
    """Two calls on one Site that differ only in the bodies given answer each from its
    own bodies: no answer kept on the Site (Site.remember) may leave them out."""
    site = build_site(content, OPTIONS)
    group = site.group(site.published[NEGOTIATION])
    chrome = Chrome(site, "fi", lambda name: name)
    for themes in (first, not first):
        found = related.comparisons(site, group, chrome, _sections(site, themes))
        assert bool(found) == themes, themes
