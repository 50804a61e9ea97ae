"""A document's address is clean and its own (issue 15): file names that would publish a
page where the build writes something else, or at an address a URL cannot carry as it
is, are located problems of `check`, and `build` stops at them. Before, they passed
`check` and the build failed with "Is a directory" naming no document, blamed a template
for a broken link, or lost the page without a word (Pagefind replaces /pagefind/)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import MINIMAL, TESTS, run_cli
from test_site import build, project

from soteneg.content import addresses
from soteneg.core import routes
from soteneg.core.names import LANGS
from soteneg.packets.plan import packet_urls
from soteneg.pipeline import check
from soteneg.site.index import BuildOptions, build_site

DOCUMENT = "---\ntitle: Sivu\ntype: {type}\ndate: 2018-11-01\n{extra}---\n\nTeksti.\n"
TYPE_AT = "3:1"  # the `type:` line: the type decides whether the file name is the address

# (file under content/, type, problem code, address in the message)
ATTACKS = [
    ("robots.txt.md", "page", "reserved-address", "/robots.txt/"),
    ("sitemap.xml.md", "page", "reserved-address", "/sitemap.xml/"),
    ("404.html.md", "page", "reserved-address", "/404.html/"),
    ("tiedotteet/atom.xml.md", "news", "reserved-address", "/tiedotteet/atom.xml/"),
    (
        "kierrokset/2018-syksy/uusimaa.pdf.md",  # a folder where uusimaa.md's PDF is
        "page",
        "reserved-address",
        "/kierrokset/2018-syksy/uusimaa.pdf/",
    ),
    ("a#b.md", "page", "unsafe-address", "/a#b/"),
    ("a?b.md", "page", "unsafe-address", "/a?b/"),
    ("pagefind/ohje.md", "page", "reserved-address", "/pagefind/ohje/"),
    # A Finnish page in the Swedish tree, where the news item's Swedish page is.
    ("sv/tiedotteet/uutinen.md", "page", "reserved-address", "/sv/tiedotteet/uutinen/"),
    ("kierrokset/2018-syksy.md", "page", "reserved-address", "/kierrokset/2018-syksy/"),
    ("maakunnat/lappi.md", "page", "reserved-address", "/maakunnat/lappi/"),
    ("teemat/saatavuus/uusimaa.md", "page", "reserved-address", "/teemat/saatavuus/uusimaa/"),
    # Issue 27: two rounds compared have pages below the unit's page of the theme.
    (
        "teemat/saatavuus/uusimaa/2018-kevat/2025-hva.md",
        "page",
        "reserved-address",
        "/teemat/saatavuus/uusimaa/2018-kevat/2025-hva/",
    ),
    # And a unit's recommendations on the theme compared, below it too.
    (
        "teemat/saatavuus/uusimaa/suositukset.md",
        "page",
        "reserved-address",
        "/teemat/saatavuus/uusimaa/suositukset/",
    ),
]
MORE = [
    ("tiedotteet/index.html.md", "page", "reserved-address", "/tiedotteet/index.html/"),
    ("index.html.md", "page", "reserved-address", "/index.html/"),
    ("haku.md", "page", "reserved-address", "/haku/"),
    # No accessibility statement in the minimal site.yaml: its address is kept all the same.
    ("saavutettavuusseloste.md", "page", "reserved-address", "/saavutettavuusseloste/"),
    ("teemat.md", "page", "reserved-address", "/teemat/"),
    ("static/ohje.md", "page", "reserved-address", "/static/ohje/"),
    ("liitteet/ohje.md", "page", "reserved-address", "/liitteet/ohje/"),
    ("pdf/2018-syksy.md", "page", "reserved-address", "/pdf/2018-syksy/"),
    ("en/ohje.md", "page", "reserved-address", "/en/ohje/"),  # English not published yet
    ("sv.md", "page", "reserved-address", "/sv/"),
    ("kevat/uutinen.atom.xml.md", "page", "", ""),  # fine: no clash (checked below)
    ("muut/sitemap.xml.md", "news", "", ""),  # news: /tiedotteet/sitemap.xml/, fine
    ("muut/atom.xml.md", "news", "reserved-address", "/tiedotteet/atom.xml/"),
    (
        "kierrokset/2018-syksy/uusimaa/index.html.md",  # a folder where uusimaa.md's page is
        "page",
        "url-collision",
        "/kierrokset/2018-syksy/uusimaa/index.html/",
    ),
    # Issue 25: a unit's and a round's pages of recommended actions, made or not.
    (
        "maakunnat/lappi/suositukset.md",
        "page",
        "reserved-address",
        "/maakunnat/lappi/suositukset/",
    ),
    (
        "kierrokset/2018-syksy/suositukset.md",
        "page",
        "reserved-address",
        "/kierrokset/2018-syksy/suositukset/",
    ),
    ("päätös.md", "page", "unsafe-address", "/päätös/"),
    ("Tietoa.md", "page", "unsafe-address", "/Tietoa/"),
    ("a%20b.md", "page", "unsafe-address", "/a%20b/"),
    ("uusi sivu/ohje.md", "page", "unsafe-address", "/uusi sivu/ohje/"),
    ("tiedotteet/uusi uutinen.md", "news", "unsafe-address", "/tiedotteet/uusi uutinen/"),
    ("a\\b.md", "page", "unsafe-address", "/a\\b/"),
    ("a;b.md", "page", "unsafe-address", "/a;b/"),
    ("-a.md", "page", "unsafe-address", "/-a/"),
]


def _site(tmp_path: Path, files: dict[str, str]) -> Path:
    root = project(tmp_path, MINIMAL)
    for name, text in files.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _document(kind: str, extra: str = "") -> str:
    return DOCUMENT.format(type=kind, extra=extra)


def _refused(result: subprocess.CompletedProcess[str], name: str, code: str, address: str) -> str:
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert "Is a directory" not in output, output
    assert result.returncode == 1, output
    start = f"content/{name}:{TYPE_AT}: error[{code}]: this document would be published at "
    found = [line for line in result.stdout.splitlines() if line.startswith(start + address)]
    assert found, output
    return found[0]


@pytest.mark.parametrize(("name", "kind", "code", "address"), ATTACKS, ids=[a[0] for a in ATTACKS])
def test_the_attackers_names_are_located_problems_of_check_and_build(
    tmp_path: Path, name: str, kind: str, code: str, address: str
) -> None:
    root = _site(tmp_path, {name: _document(kind)})
    line = _refused(run_cli("check", "--no-pdf", "--root", root), name, code, address)
    assert _refused(build(root, tmp_path / "out"), name, code, address) == line
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("name", "kind", "code", "address"), MORE, ids=[a[0] for a in MORE])
def test_every_address_the_build_keeps_or_cannot_carry_is_refused(
    tmp_path: Path, name: str, kind: str, code: str, address: str
) -> None:
    root = _site(tmp_path, {name: _document(kind)})
    result = run_cli("check", "--no-pdf", "--root", root)
    if not code:
        assert result.returncode == 0, result.stdout
        return
    _refused(result, name, code, address)


def test_messages_say_what_is_there_and_what_to_do(tmp_path: Path) -> None:
    names = {
        "robots.txt.md": "page",
        "kierrokset/2018-syksy/uusimaa.pdf.md": "page",
        "pagefind/ohje.md": "page",
        "maakunnat/lappi.md": "page",
        "päätös.md": "page",
        "tiedotteet/Uusi #1.md": "news",
    }
    root = _site(tmp_path, {name: _document(kind) for name, kind in names.items()})
    result = run_cli("check", "--no-pdf", "--root", root)
    assert result.returncode == 1
    out = result.stdout
    assert (
        "content/robots.txt.md:3:1: error[reserved-address]: this document would be published "
        "at /robots.txt/, which needs a folder /robots.txt, where the build writes robots.txt "
        "(rename the file or its folder: a page is published at its path under content/ "
        "without .md)"
    ) in out
    assert (
        "at /kierrokset/2018-syksy/uusimaa.pdf/, which needs a folder "
        "/kierrokset/2018-syksy/uusimaa.pdf, where the build writes the PDF of "
        "content/kierrokset/2018-syksy/uusimaa.md"
    ) in out
    assert "at /pagefind/ohje/, inside /pagefind/, the folder of the search index" in out
    assert "at /maakunnat/lappi/, which is the page of region 'lappi'" in out
    assert (
        "content/päätös.md:3:1: error[unsafe-address]: this document would be published at "
        "/päätös/, which is not a clean address: 'päätös' has 'ä', 'ö' (rename it "
        "content/paatos.md: the names of files and folders that become addresses may hold only "
        "lowercase letters a–z, digits, '-', '_' and '.' (ä → a, ö → o, å → a), and must begin "
        "with a letter "
        "or digit)"
    ) in out
    # A news item's address is its file name only: the folder is left as it is.
    assert (
        "/tiedotteet/Uusi #1/, which is not a clean address: 'Uusi #1' has uppercase 'U', "
        "a space, '#' (rename it content/tiedotteet/uusi-1.md:"
    ) in out


def test_the_address_of_a_translation_is_its_original_s(tmp_path: Path) -> None:
    """The original's file gives the address: only it is named, not every translation."""
    root = _site(
        tmp_path,
        {
            "robots.txt.md": _document("page"),
            "robots.txt.sv.md": _document("page", "lang: sv\ntranslation_of: robots.txt\n"),
        },
    )
    result = run_cli("check", "--no-pdf", "--root", root)
    assert result.returncode == 1
    assert re.findall(r"^(\S+): error\[reserved-address\]", result.stdout, re.M) == [
        "content/robots.txt.md:3:1"
    ]


def test_a_translation_of_a_draft_is_checked_at_its_own_address(tmp_path: Path) -> None:
    """While its original is a draft, a translation is published alone, at the address
    of its own file name: that one must be free too. With the original published, the
    translation lives at the original's address and its file name does not matter."""
    translation = _document("page", "lang: sv\ntranslation_of: sivut/tietoa\n")
    files = {"sivut/tietoa.md": _document("page", "draft: true\n"), "robots.txt.md": translation}
    root = _site(tmp_path, files)
    _refused(
        run_cli("check", "--no-pdf", "--root", root),
        "robots.txt.md",
        "reserved-address",
        "/robots.txt/",
    )
    _refused(build(root, tmp_path / "out"), "robots.txt.md", "reserved-address", "/robots.txt/")
    (root / "content/sivut/tietoa.md").write_text(_document("page"), encoding="utf-8")
    result = run_cli("check", "--no-pdf", "--root", root)
    assert result.returncode == 0, result.stdout


def test_ordinary_names_and_translations_still_pass_and_are_built(tmp_path: Path) -> None:
    sv = "lang: sv\ntranslation_of: {}\n"
    root = _site(
        tmp_path,
        {
            "sivut/tietoa-2018_v2.1.md": _document("page"),
            "sivut/tietoa-2018_v2.1.sv.md": _document("page", sv.format("sivut/tietoa-2018_v2.1")),
            "tiedotteet/2018-11-30-atom.md": _document("news"),
            "tiedotteet/2018-11-30-atom.sv.md": _document(
                "news", sv.format("tiedotteet/2018-11-30-atom")
            ),
            "robots.md": _document("page"),  # near a reserved name, but not one
            "kierrokset/2018-syksy/ohjeet.md": _document("page"),  # beside the round's pages
            "maakunnat/lappi/historia.md": _document("page"),  # inside a region's folder
        },
    )
    result = run_cli("check", "--no-pdf", "--root", root)
    assert result.returncode == 0, result.stdout
    out = tmp_path / "out"
    result = build(root, out)
    assert result.returncode == 0, result.stdout + result.stderr
    for page in (
        "sivut/tietoa-2018_v2.1",
        "sv/sivut/tietoa-2018_v2.1",
        "tiedotteet/2018-11-30-atom",
        "sv/tiedotteet/2018-11-30-atom",
        "robots",
        "kierrokset/2018-syksy/ohjeet",
        "maakunnat/lappi/historia",
    ):
        assert (out / page / "index.html").is_file(), page
    assert (out / "robots.txt").is_file() and (out / "maakunnat/lappi/index.html").is_file()


def test_every_file_the_build_writes_besides_documents_is_reserved(tmp_path: Path) -> None:
    """The reserved addresses come from the route functions the build uses; this keeps
    them in step with what a build really writes: a page made at a new address must be
    added to routes.generated_pages (or another reserved set), or this fails. Every file
    of the built golden site that is not a document's page, and every PDF the build
    would print, must be refused as a document's address."""
    root = project(tmp_path, TESTS / "sites" / "golden")
    out = tmp_path / "out"
    result = build(root, out)
    assert result.returncode == 0, result.stdout + result.stderr
    checked = check(root, pdf=False)
    assert checked.content.config is not None
    taken = addresses.reserved(checked.content)
    site = build_site(checked.content, BuildOptions(drafts=True))
    default = site.default_lang
    documents = {
        routes.output_file(routes.localize(group.path, lang, default))
        for group in site.groups.values()
        for lang in LANGS
    } | {  # versions in Sámi, below their documents (issue 25)
        routes.output_file(path)
        for _, path in addresses.elsewhere(checked.content.documents, default)
    }
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert "robots.txt" in written and any(f.startswith("pagefind/") for f in written)
    free = []
    for rel in written:
        if rel in documents:
            continue
        # The address of a page that would be this file (…/index.html) or need it as a
        # folder (anything else).
        page = rel == "index.html" or rel.endswith("/index.html")
        address = "/" + (rel.removesuffix("index.html") if page else rel + "/")
        if taken.why(address) is None:
            free.append(rel)
    assert free == []
    pdfs = packet_urls(site)
    assert any(u.startswith(routes.PDF) for u in pdfs) and len(pdfs) > len(site.groups)
    assert [u for u in pdfs if taken.why(u + "/") is None] == []


SAMI = """---
title: THL árvvoštallan
type: assessment
date: 2018-10-05
lang: se
region: lappi
round: 2018-syksy
translation_of: kierrokset/2018-syksy/arviot/lappi
---

Ovdamearka.
"""


@pytest.mark.parametrize(
    ("name", "address"),
    [
        ("kierrokset/2018-syksy/lappi/arvio/se.md", "/kierrokset/2018-syksy/lappi/arvio/se/"),
        (
            "kierrokset/2018-syksy/lappi/arvio/se.pdf.md",
            "/kierrokset/2018-syksy/lappi/arvio/se.pdf/",
        ),
    ],
)
def test_a_sami_version_s_page_and_pdf_are_its_own(tmp_path: Path, name: str, address: str) -> None:
    """A North Sámi version is published below its original's page, with its PDF beside
    it (routes.version): a page of its own at either address would take its place."""
    root = _site(
        tmp_path,
        {
            "kierrokset/2018-syksy/arviot/lappi.md": _document(
                "assessment", "region: lappi\nround: 2018-syksy\n"
            ),
            "kierrokset/2018-syksy/arviot/lappi.se.md": SAMI,
            name: _document("page"),
        },
    )
    result = run_cli("check", "--no-pdf", "--root", root)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    sami = "content/kierrokset/2018-syksy/arviot/lappi.se.md"
    # The page's address is the version's own page: two documents at one address; the
    # PDF's is a file the version's page makes: a reserved address.
    said = [
        line
        for line in result.stdout.splitlines()
        if line.startswith(f"content/{name}:{TYPE_AT}: error[") and sami in line and address in line
    ]
    assert len(said) == 1, result.stdout
    assert ("url-collision" if name.endswith("/se.md") else "reserved-address") in said[0]
