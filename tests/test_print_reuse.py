"""Issue 28, speed: what a print worker reuses between packets (the parsed stylesheet)
and what it stops redoing (pydyf's list of pages) must not change a byte of any PDF."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pydyf
import pytest
import weasyprint
from test_pdf import pdftotext  # noqa: F401 — fails loudly in CI without poppler
from test_site import GOLDEN_SITE, build, project

from soteneg.packets import pdf, stylesheets, tagging
from soteneg.packets.plan import PROJECT_URI

PLAIN = "<style>body { color: #111 } @page { size: A4 }</style>"


def _jobs(root: Path) -> list[pdf.PrintJob]:
    """The golden site's packets as a build hands them to the printer."""
    from soteneg.build.printing import print_job
    from soteneg.packets.plan import packet_page, plan_packets
    from soteneg.pipeline import check
    from soteneg.site.index import BuildOptions, build_site
    from soteneg.site.render import environment, render_pages

    checked = check(root)
    site = build_site(checked.content, BuildOptions())
    pages = [packet_page(site, p, PROJECT_URI) for p in plan_packets(site)]
    html, problems = render_pages(environment(root, checked.templates), pages)
    assert not problems, problems
    return [print_job(site, page, html[page.output]) for page in pages]


def test_packets_print_the_same_bytes_as_without_reuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    jobs = _jobs(root)
    assert len(jobs) >= 10
    stylesheets._PARSED.clear()
    reused = [pdf.print_one(job, str(root)) for job in jobs]
    # Each packet's stylesheet was shared: one text per language and layout at most.
    assert 1 <= len(stylesheets._PARSED) <= 4
    assert all(css is not None for css in stylesheets._PARSED.values())
    monkeypatch.setattr(stylesheets, "shared", lambda html: [])
    monkeypatch.setattr(tagging, "pages_listed_once", contextlib.nullcontext)
    alone = [pdf.print_one(job, str(root)) for job in jobs]
    for before, after in zip(alone, reused, strict=True):
        assert before.path == after.path
        assert before.data == after.data, before.path
        assert before.pages == after.pages


def _parsed(head: str, body: str = "<p>x</p>") -> weasyprint.HTML:
    text = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    return weasyprint.HTML(string=text, base_url=PROJECT_URI)


def _styles(html: weasyprint.HTML) -> int:
    return sum(1 for e in html.etree_element.iter() if e.tag == "style")


def test_a_plain_stylesheet_is_parsed_once_and_taken_out_of_the_tree() -> None:
    first, second = _parsed(PLAIN), _parsed(PLAIN)
    sheets = stylesheets.shared(first)
    assert len(sheets) == 1 and _styles(first) == 0
    assert stylesheets.shared(second) == sheets  # the same parsed object, not parsed again
    assert sheets[0] is stylesheets.shared(_parsed(PLAIN))[0]


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ('<style>@import url("x.css");</style>', "<p>x</p>"),
        ('<style>@font-face { font-family: X; src: url("x.woff") }</style>', "<p>x</p>"),
        ("<style>@counter-style c { system: cyclic; symbols: a; }</style>", "<p>x</p>"),
        (PLAIN, '<p style="color: red !important">x</p>'),
        (PLAIN + '<link rel="stylesheet" href="x.css">', "<p>x</p>"),
        ('<style type="text/less">body { color: red }</style>', "<p>x</p>"),
        ('<style media="screen">body { color: red }</style>', "<p>x</p>"),
    ],
    ids=["import", "font-face", "counter-style", "style-attribute", "link", "type", "media"],
)
def test_a_stylesheet_is_left_to_weasyprint_when_sharing_could_change_the_pdf(
    head: str, body: str
) -> None:
    html = _parsed(head, body)
    before = _styles(html)
    assert stylesheets.shared(html) == []
    assert _styles(html) == before  # the document is read as it was


@pytest.mark.parametrize(
    "rule",
    [
        '@import url("file:///etc/hostname");',  # read while the sheet is parsed: not shared
        'body { background: url("file:///etc/hostname") }',  # shared, read while laid out
    ],
    ids=["import", "image"],
)
def test_a_stylesheet_that_reads_outside_is_refused_as_before(tmp_path: Path, rule: str) -> None:
    """Every packet's reads go through its own confined fetcher, shared sheet or not."""
    root = project(tmp_path, GOLDEN_SITE)
    template = root / "templates/print/packet.html"
    text = template.read_text().replace("</style>", f"</style>\n<style>{rule}</style>", 1)
    template.write_text(text)
    result = build(root, tmp_path / "out", pdf=True)
    assert result.returncode == 1
    assert "error[refused-fetch]" in result.stdout
    assert "refused to read file:///etc/hostname" in result.stdout


def test_the_list_of_pages_is_made_again_only_when_a_page_is_added() -> None:
    listing = pydyf.PDF.page_references
    document = pydyf.PDF()
    document.add_page(pydyf.Dictionary({"Type": "/Page"}))
    with tagging.pages_listed_once():
        first = document.page_references
        assert first == listing.fget(document)
        assert document.page_references is first  # kept, not listed again
        document.add_page(pydyf.Dictionary({"Type": "/Page"}))
        assert document.page_references == listing.fget(document)
        assert len(document.page_references) == 2
    assert pydyf.PDF.page_references is listing  # undone after the write
