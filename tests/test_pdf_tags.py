"""The structure tree of every bundled PDF, walked with pikepdf (issue 28): what a screen
reader is given, rule by rule, as PDF/UA-1 asks. The bundled site is printed once."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from xml.etree import ElementTree

import pikepdf
import pytest
from conftest import REPO, run_cli

from soteneg.packets import tagging

# A "now" after every bundled document, so that nothing is held back.
NOW = "2030-01-01T12:00+02:00"
LINK_WORDS = {  # the catalog's language -> (an internal link's word, an external one's)
    "fi": ("Sivu", "Verkkosivu"),
    "sv": ("Sida", "Webbsida"),
    # A document in Sámi is printed with the interface's Finnish words (i18n.text).
    "se": ("Sivu", "Verkkosivu"),
}


@pytest.fixture(scope="session")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The bundled site printed, its PDFs by their path in the output."""
    out = tmp_path_factory.mktemp("bundled-pdf") / "out"
    result = run_cli("build", "--root", REPO, "--out", out, "--no-search", "--now", NOW)
    assert result.returncode == 0, result.stdout + result.stderr
    pdfs = {p.relative_to(out).as_posix(): p for p in sorted(out.rglob("*.pdf"))}
    assert len(pdfs) >= 40, sorted(pdfs)
    return pdfs


def _kids(element: pikepdf.Dictionary) -> list[pikepdf.Object]:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _is_element(kid: pikepdf.Object) -> bool:
    return isinstance(kid, pikepdf.Dictionary) and "/S" in kid


def _elements(pdf: pikepdf.Pdf) -> Iterator[tuple[pikepdf.Dictionary, list[pikepdf.Dictionary]]]:
    """Every structure element under the root, with its ancestors (nearest last)."""
    stack = [(kid, []) for kid in reversed(_kids(pdf.Root.StructTreeRoot))]
    while stack:
        element, ancestors = stack.pop()
        yield element, ancestors
        below = [*ancestors, element]
        stack += [(kid, below) for kid in reversed(_kids(element)) if _is_element(kid)]


def _parent_tree(pdf: pikepdf.Pdf) -> dict[int, pikepdf.Object]:
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


def _marked(page: pikepdf.Page) -> Iterator[tuple[str, str, int | None, list[str]]]:
    """(operator, tag, MCID, the tags it is inside) for each marked-content operator and
    each text or image drawn; an operator that draws has tag ''."""
    open_tags: list[str] = []
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            tag = str(operands[0])
            props = operands[1] if op == "BDC" else None
            mcid = (
                int(props["/MCID"])
                if isinstance(props, pikepdf.Dictionary) and "/MCID" in props
                else None
            )
            yield op, tag, mcid, list(open_tags)
            open_tags.append(tag)
        elif op == "EMC":
            open_tags.pop()
        elif op in ("Tj", "TJ", "'", '"', "Do", "sh", "BI"):
            yield op, "", None, list(open_tags)


def test_headers_and_page_numbers_are_artifacts_and_every_mcid_is_in_the_tree(
    bundled: dict[str, Path],
) -> None:
    for name, path in bundled.items():
        with pikepdf.open(path) as pdf:
            reachable = {e.objgen for e, _ in _elements(pdf)}
            parents = _parent_tree(pdf)
            pages_with_artifacts = 0
            for number, page in enumerate(pdf.pages, start=1):
                where = f"{name} page {number}"
                mapping = parents[int(page.obj.StructParents)]
                pagination = False
                for op, tag, mcid, inside in _marked(page):
                    if op == "BDC" and tag == "/Artifact":
                        assert not inside, f"{where}: an artifact inside {inside}"
                    if mcid is not None:
                        assert "/Artifact" not in inside, f"{where}: MCID {mcid} in an artifact"
                        element = mapping[mcid]
                        assert isinstance(element, pikepdf.Dictionary), f"{where}: MCID {mcid}"
                        assert element.objgen in reachable, f"{where}: MCID {mcid} outside the tree"
                    if not op.startswith("B"):  # drawing: text or an image
                        assert inside, f"{where}: {op} drawn outside marked content"
                for operands, operator in pikepdf.parse_content_stream(page):
                    if str(operator) == "BDC" and str(operands[0]) == "/Artifact":
                        props = operands[1]
                        if (
                            isinstance(props, pikepdf.Dictionary)
                            and props.get("/Type") == "/Pagination"
                        ):
                            pagination = True
                pages_with_artifacts += pagination
            # Every page but a cover carries its running header and page number.
            assert pages_with_artifacts >= len(pdf.pages) - 1, name
            for key, element in parents.items():
                elements = [element] if isinstance(element, pikepdf.Dictionary) else element
                for one in elements:
                    if isinstance(one, pikepdf.Dictionary):
                        assert one.objgen in reachable, (
                            f"{name}: parent tree {key} outside the tree"
                        )


def _annotations(pdf: pikepdf.Pdf) -> Iterator[tuple[int, pikepdf.Dictionary]]:
    for number, page in enumerate(pdf.pages, start=1):
        for annotation in page.obj.get("/Annots", []):
            if annotation.get("/Subtype") == "/Link":
                yield number, annotation


def _overlap(a: pikepdf.Array, b: pikepdf.Array) -> bool:
    ax1, ax2 = sorted((float(a[0]), float(a[2])))
    ay1, ay2 = sorted((float(a[1]), float(a[3])))
    bx1, bx2 = sorted((float(b[0]), float(b[2])))
    by1, by2 = sorted((float(b[1]), float(b[3])))
    return ax1 < bx2 - 0.5 and bx1 < ax2 - 0.5 and ay1 < by2 - 0.5 and by1 < ay2 - 0.5


def test_one_link_element_and_annotation_per_link(bundled: dict[str, Path]) -> None:
    contents_entries = 0
    for name, path in bundled.items():
        with pikepdf.open(path) as pdf:
            parents = _parent_tree(pdf)
            links = {}
            for element, ancestors in _elements(pdf):
                if element.S != "/Link":
                    continue
                assert all(a.S != "/Link" for a in ancestors), f"{name}: a Link in a Link"
                objects = [
                    k
                    for k in _kids(element)
                    if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"
                ]
                assert len(objects) == 1, f"{name}: a Link element with {len(objects)} annotations"
                links[objects[0].Obj.objgen] = element
                # A contents entry: the only thing in its list item.
                if (
                    ancestors[-1].S == "/LBody"
                    and len([k for k in _kids(ancestors[-1]) if _is_element(k)]) == 1
                ):
                    contents_entries += 1
            by_page: dict[int, list[pikepdf.Dictionary]] = {}
            for number, annotation in _annotations(pdf):
                element = links.get(annotation.objgen)
                assert element is not None, f"{name} page {number}: an annotation with no Link"
                assert parents[int(annotation.StructParent)].objgen == element.objgen, name
                for other in by_page.get(number, []):
                    assert not _overlap(annotation.Rect, other.Rect), (
                        f"{name} page {number}: overlapping links {annotation.get('/Contents')}"
                    )
                by_page.setdefault(number, []).append(annotation)
            assert len(links) == sum(len(v) for v in by_page.values()), name
    assert contents_entries >= 20  # the tables of contents were seen


def _destinations(pdf: pikepdf.Pdf) -> dict[str, int]:
    """Each named destination's page number (from 1)."""
    pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages, start=1)}
    found: dict[str, int] = {}
    stack = [pdf.Root.Names.Dests] if "/Names" in pdf.Root and "/Dests" in pdf.Root.Names else []
    while stack:
        node = stack.pop()
        stack += list(node.get("/Kids", []))
        names = node.get("/Names", [])
        for i in range(0, len(names), 2):
            found[str(names[i])] = pages[names[i + 1][0].objgen]
    return found


def test_link_annotations_say_in_words_where_they_lead(bundled: dict[str, Path]) -> None:
    seen = {"internal": 0, "external": 0}
    for name, path in bundled.items():
        with pikepdf.open(path) as pdf:
            page_word, web_word = LINK_WORDS[str(pdf.Root.Lang)]
            destinations = _destinations(pdf)
            for number, annotation in _annotations(pdf):
                words = str(annotation.get("/Contents", ""))
                where = f"{name} page {number}: {words!r}"
                if "/Dest" in annotation:
                    seen["internal"] += 1
                    page = destinations[str(annotation.Dest)]
                    # The target's page and its heading: "Sivu 3: Palvelujen saatavuus".
                    assert re.fullmatch(rf"{page_word} {page}: \S.*", words), where
                else:
                    seen["external"] += 1
                    uri = str(annotation.A.URI)
                    assert words == f"{web_word} {uri}" or words.endswith(
                        uri.removeprefix("mailto:")
                    ), where
    assert seen["internal"] >= 20 and seen["external"] >= 20, seen


def test_footnotes_are_notes_after_their_reference(bundled: dict[str, Path]) -> None:
    notes = 0
    for name, path in bundled.items():
        with pikepdf.open(path) as pdf:
            ids = set()
            for element, ancestors in _elements(pdf):
                if element.S != "/Note":
                    continue
                notes += 1
                assert "/ID" in element and str(element.ID) not in ids, name
                ids.add(str(element.ID))
                # Read where it is referred to: right after the call, in the same paragraph.
                siblings = [k for k in _kids(ancestors[-1]) if _is_element(k)]
                at = [k.objgen for k in siblings].index(element.objgen)
                assert at > 0 and siblings[at - 1].S in ("/Reference", "/Note"), name
                assert ancestors[-1].S == "/P", name
                assert _kids(element)[0].S == "/Lbl", name  # its number, then its text
    assert notes >= 3  # Lappi's spring 2018 document: its PDF and the packets that hold it


def test_table_header_cells_have_a_scope(bundled: dict[str, Path]) -> None:
    headers = 0
    for name, path in bundled.items():
        with pikepdf.open(path) as pdf:
            for element, _ in _elements(pdf):
                if element.S == "/TH":
                    headers += 1
                    assert element.A.O == "/Table", name
                    assert element.A.Scope in ("/Column", "/Row"), name
    assert headers >= 2  # Pirkanmaa's autumn 2018 table


def test_parts_in_another_language_say_so(bundled: dict[str, Path]) -> None:
    for name, path in bundled.items():
        with pikepdf.open(path) as pdf:
            lang = str(pdf.Root.Lang)
            expected = (
                "sv" if name.startswith("sv/") else "se" if name.endswith("/se.pdf") else "fi"
            )
            assert lang == expected, name
            for element, _ in _elements(pdf):
                if "/Lang" in element:  # where a part changes language, to a content one
                    assert str(element.Lang) in ("fi", "sv", "en", "se", "smn", "sms"), name

    def languages(name: str) -> set[tuple[str, str]]:
        with pikepdf.open(bundled[name]) as pdf:
            return {(str(e.S), str(e.Lang)) for e, _ in _elements(pdf) if "/Lang" in e}

    # Itä-Uusimaa's 2024 document has no Swedish version: the Swedish round packet
    # prints it in Finnish, its title and text marked so.
    assert {("/H1", "fi"), ("/Div", "fi")} <= languages("sv/pdf/2024-hva.pdf")
    # A document in North Sámi: Sámi in the catalog, its title and text in Sámi, the
    # interface's words (what it is, the example notice) marked Finnish, as on its page.
    with pikepdf.open(bundled["kierrokset/2024-hva/lappi-hva/arvio/thl/se.pdf"]) as pdf:
        article = next(e for e, _ in _elements(pdf) if e.S == "/Art")
        parts = [(str(k.S), str(k.get("/Lang", ""))) for k in _kids(article) if _is_element(k)]
        assert parts[:2] == [("/P", "fi"), ("/H1", "")]
        assert ("/P", "fi") in parts[2:]  # the example notice
    # A Finnish packet names the region in Swedish too, on its cover.
    assert ("/Span", "sv") in languages("pdf/2024-hva/helsinki.pdf")


@pytest.mark.parametrize(
    ("lang", "link", "words"),
    [
        ("fi", ("internal", "d1"), "Sivu 3: Palvelujen saatavuus"),
        ("sv", ("internal", "d1"), "Sida 3: Palvelujen saatavuus"),
        ("fi", ("internal", "plain"), "Sivu 4"),  # a target with no heading: its page
        (
            "sv",
            ("external", "mailto:kirjaamo%40example.fi?subject=x"),
            "E-post kirjaamo@example.fi",
        ),
        ("fi", ("external", "https://stm.fi/"), "Verkkosivu https://stm.fi/"),
        ("se", ("external", "https://stm.fi/"), "Verkkosivu https://stm.fi/"),
    ],
)
def test_link_words_name_the_target_its_page_or_its_address(
    lang: str, link: tuple[str, str], words: str
) -> None:
    root = ElementTree.fromstring(
        f'<html lang="{lang}"><body><article id="d1"><p>x</p><h1>Palvelujen  saatavuus</h1>'
        '</article><p id="plain">y</p></body></html>'
    )
    pages = [SimpleNamespace(anchors={}), SimpleNamespace(anchors={})]
    pages += [SimpleNamespace(anchors={"d1": 0}), SimpleNamespace(anchors={"plain": 0})]
    tree = tagging._Tree(root, SimpleNamespace(pages=pages))
    assert tree.words(("url", link)) == words
