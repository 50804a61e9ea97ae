"""The link check of the built site: unit cases, and through the command line."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from test_site import GOLDEN_SITE, build, project

from soteneg.build.output import cache_dir
from soteneg.site.linkcheck import check_links, check_site, scan_page

BASE = "https://example.fi/sote/"


def _page(body: str) -> bytes:
    return f"<!DOCTYPE html><html><body>{body}</body></html>".encode()


def test_internal_links_anchors_and_external_ones() -> None:
    files = {
        "index.html": _page(
            '<a href="/sote/a/">a</a> <a href="/sote/a/#x">x</a> <a href="a/#y">y</a>'
            '<a href="#top">top</a> <a href="/sote/missing/">m</a>'
            '<a href="https://example.fi/sote/a/">canonical</a>'
            '<a href="https://stm.fi/">stm</a> <a href="mailto:a@b.fi">mail</a>'
            '<img src="/sote/static/x.png" alt=""> <a href="/other/">outside base</a>'
            '<a href="/sote/pagefind/pagefind-ui.js">later</a> <span id="top"></span>'
            '<a href="javascript:alert(1)">js</a> <a href="/sote/f.pdf">pdf</a>'
        ),
        "a/index.html": _page('<h2 id="x">X</h2>'),
        "f.pdf": b"%PDF",
    }
    report = check_site(files, BASE)
    assert sorted((b.url, why.split(":")[0]) for b, why in report.broken) == [
        ("/other/", "/other/ is outside the site's base path /sote/"),
        ("/sote/missing/", "no page or file at /sote/missing/"),
        ("/sote/static/x.png", "no page or file at /sote/static/x.png"),
        ("a/#y", "/sote/a/ has no element with id 'y'"),
        ("javascript:alert(1)", "the scheme 'javascript"),
    ]
    assert [link.url for link in report.external] == ["https://stm.fi/"]


def test_a_link_to_an_unpublished_document_is_located_at_its_line(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    page = root / "content/sivut/tietoa.md"
    page.write_text(
        page.read_text() + "\nKatso myös [luonnos](../kierrokset/2018-syksy/luonnos.md).\n"
    )
    out = tmp_path / "out"
    result = build(root, out)
    assert result.returncode == 1
    assert (
        "content/sivut/tietoa.md:9:22: error[broken-output-link]: "
        "../kierrokset/2018-syksy/luonnos.md on /sivut/tietoa/"
    ) in result.stdout
    assert not out.exists()
    assert build(root, out, "--drafts").returncode == 0


def test_a_broken_template_link_names_the_template(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    template = root / "templates/regions.html"
    template.write_text(
        template.read_text().replace(
            "<h1>{{ title }}</h1>", '<h1>{{ title }}</h1>\n<a href="../puuttuu/">x</a>'
        )
    )
    result = build(root, tmp_path / "out")
    assert result.returncode == 1
    assert "templates/regions.html: error[broken-output-link]: ../puuttuu/ on /maakunnat/" in (
        result.stdout
    )


def test_external_links_are_listed_not_fetched(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    page = root / "content/sivut/tietoa.md"
    page.write_text(page.read_text() + "\n[THL](https://thl.fi/) ja [STM](https://stm.fi/).\n")
    out = tmp_path / "out"
    result = build(root, out)
    assert result.returncode == 0, result.stdout
    assert "external links, listed in" in result.stdout
    report = (cache_dir(out) / "external-links.txt").read_text().splitlines()
    assert "https://thl.fi/\tsivut/tietoa/index.html" in report


def test_only_the_named_pages_have_their_internal_links_checked() -> None:
    files = {
        "index.html": _page('<a href="/sote/gone/">x</a> <a href="https://stm.fi/">stm</a>'),
        "a/index.html": _page('<a href="/sote/#nope">y</a>'),
    }
    pages = {name: scan_page(name, data, BASE) for name, data in files.items()}
    everything = check_links(pages, files)
    assert sorted(b.page for b, _ in everything.broken) == ["a/index.html", "index.html"]
    only_a = check_links(pages, files, only={"a/index.html"})
    assert [b.page for b, _ in only_a.broken] == ["a/index.html"]
    # External links are listed from every page, checked or not.
    assert [link.url for link in only_a.external] == ["https://stm.fi/"]


def test_a_page_that_loses_an_id_has_every_page_checked_again() -> None:
    from soteneg.build.records import Record
    from soteneg.build.staged import Staged, to_link_check

    def record(body: str) -> Record:
        return Record("sha", "unit", scan_page("a/index.html", _page(body), BASE))

    previous = {"a/index.html": record('<h2 id="x">X</h2>'), "b.css": Record("sha")}
    staged = Staged(Path("/nonexistent"), previous, frozenset())
    staged.records = {"a/index.html": record('<h2 id="y">Y</h2>'), "b.css": Record("sha")}
    staged.written = ["a/index.html"]
    assert to_link_check(staged, previous, []) is None
    staged.records["a/index.html"] = record('<h2 id="x">X</h2><p>more</p>')
    assert to_link_check(staged, previous, []) == {"a/index.html"}
    assert to_link_check(staged, previous, ["c/index.html"]) is None


def test_a_documents_links_are_resolved_once_per_site() -> None:
    """The fingerprints, the bodies and the link check ask for the same links; the site
    answers each once, web and print apart."""
    from soteneg import pipeline
    from soteneg.packets.plan import PROJECT_URI, print_resolver
    from soteneg.site.index import BuildOptions, build_site
    from soteneg.site.pages.document import link_resolver

    site = build_site(pipeline.check(GOLDEN_SITE, pdf=False).content, BuildOptions())
    doc = next(d for d in site.published.values() if d.outline.links)
    href = doc.outline.links[0].href
    asked: list[str] = []
    found = site.link_target

    def counted(doc_: object, path: str) -> object:
        asked.append(path)
        return found(doc_, path)  # type: ignore[arg-type]

    object.__setattr__(site, "link_target", counted)
    web = [link_resolver(site, doc)(href) for _ in range(3)]
    printed = [print_resolver(site, doc, PROJECT_URI)(href) for _ in range(3)]
    assert len(set(web)) == 1 and len(set(printed)) == 1 and web[0] != printed[0]
    assert len(asked) == 2  # once for the web, once for print
    fresh = build_site(pipeline.check(GOLDEN_SITE, pdf=False).content, BuildOptions())
    assert link_resolver(fresh, doc)(href) == web[0]


def test_links_resolve_as_joined_with_their_page() -> None:
    """resolve_link answers a page's own '#id' and a URL with a scheme without joining
    it to the page's URL (a speed-up): the answer is the one joining gives, for the
    URLs where a shortcut could go wrong too (characters urljoin drops, a page path
    that a join would split)."""
    from itertools import product
    from urllib.parse import urljoin

    from soteneg.site.linkcheck import _base_and_host, _resolve, resolve_link

    def joined(url: str, page: str, base_url: str) -> tuple[str, str, str, str]:
        base, host = _base_and_host(base_url)
        own = base + ("/" + page.removesuffix("index.html")).lstrip("/")
        return _resolve(url if url.startswith("/") else urljoin(own, url), base, host)

    urls = [
        *("#", "#a", "#a#b", "#%C3%A4", "#a b", "#a\tb", "#\n", "#?x", "#;x", "#x/../y"),
        *("https://x.fi/a", "HTTPS://example.org/a/../b", "tel:+358", "mailto:a@b"),
        *("ht\ttps://x", " https://x", "\x01https://x", "javascript:x", "a:b", "1a:b"),
        *("../x/", "x", "", "?q", "//host/x", "https:relative", "https:", "x/y:z"),
        *("data:,x", "a+b.c-d:e", "\u00e4:x", "/fi/a/#b"),
    ]
    pages = ["index.html", "fi/a/index.html", "404.html", "fi/a;b/index.html", "fi/a?b/x.html"]
    pages += ["fi/a#b/index.html", "fi/a b/index.html", "fi/%41/index.html"]
    bases = ["https://x.fi/", "https://x.fi/sub/", "https://x.fi", "http://x.fi/b/c/"]
    for url, page, base_url in product(urls, pages, bases):
        assert resolve_link(url, page, base_url) == joined(url, page, base_url), (url, page)


@given(st.text(alphabet=' \t\n\u00a0\u2003xid="=<>', max_size=60))
def test_a_pages_ids_are_found_as_the_pattern_finds_them(text: str) -> None:
    """The scan finds ids from the literal `id="` and checks the character before (a
    speed-up): what it finds is what the pattern `\\sid="…"` finds, matches that overlap
    a false start included."""
    from soteneg.site.linkcheck import _ID, _ids

    assert _ids(text) == _ID.findall(text)
    for case in ('xid="a id="b"', 'id="a" id="b"', '\u00a0id="c"', 'data-id="x"id="y" id="z"'):
        assert _ids(case) == _ID.findall(case)
    assert _ids('data-id="x"id="y" id="z"') == ["z"]


# The pattern of the link scan before its look-ahead: the one whose matches it must keep.
_LINK_AS_WRITTEN = r'<(a|link|img|script|iframe|source|video|audio)\b[^>]*?\s(href|src)="([^"]*)"'
_LINK_PIECES = [
    *("<", "</", ">", " ", "\t", "\n", '"', "=", "x", "b", "-"),
    *("a", "A", "img", "IMG", "Img", "script", "\u017fcript", "source", "SOURCE"),
    *("link", "lin\u212a", "iframe", "video", "audio", "abbr", "span", "li", "s"),
    *('href="', 'HREF="', 'src="', '\u017frc="', "href", "src", 'id="'),
]


@given(st.lists(st.sampled_from(_LINK_PIECES), max_size=40).map("".join))
def test_the_link_pattern_finds_what_it_found_without_its_look_ahead(text: str) -> None:
    """The look-ahead on a tag's first letter (a speed-up) turns away only tags the
    alternatives would: the matches are those of the pattern without it, letters that
    match case-insensitively (the long s, the Kelvin sign) included."""
    import re

    from soteneg.site.linkcheck import _LINK

    as_written = re.compile(_LINK_AS_WRITTEN, re.IGNORECASE)
    assert _LINK.findall(text) == as_written.findall(text)
    for case in ('<\u017fcript \u017frc="s">', '<A HREF="a">', '<lin\u212a href="k">'):
        assert _LINK.findall(case) == as_written.findall(case) != []


def test_a_page_scanned_from_its_text_is_scanned_as_from_its_bytes() -> None:
    from soteneg.site.linkcheck import scan_text

    body = (
        '<a href="/sote/\u00e4/">\u00e4</a> <h2 id="\u00f6">\u00f6</h2>'
        '<a href="#\u00f6">x</a> <a href="b/?q=1&amp;r=2">b</a> <a href="https://x.fi/">x</a>'
    )
    data = _page(body)
    assert scan_text("a/index.html", data.decode(), BASE) == scan_page("a/index.html", data, BASE)


def test_links_resolved_once_for_every_page_are_those_that_no_page_changes() -> None:
    """The scan keeps what a site path or a URL with a scheme resolved to, for the next
    page (a speed-up), by base URL; relative links and a page's own '#id' are resolved
    on each page. Each page's links are what resolving them there gives."""
    from soteneg.site.linkcheck import resolve_link, scan_text

    links = ["/sote/a/#x", "https://example.fi/sote/b/", "b/", "#y", "../c/", "?q", "/x/"]
    body = " ".join(f'<a href="{url}">l</a>' for url in links)
    pages = ["index.html", "a/index.html", "a/b/index.html", "index.html"]
    for base in (BASE, "https://example.fi/", BASE, "http://other.fi/sote/"):
        for page in pages:
            found = scan_text(page, body, base)
            wanted = [resolve_link(url, page, base) for url in links]
            internal = [
                (url, *answer[1:])
                for url, answer in zip(links, wanted, strict=True)
                if answer[0] == "internal"
            ]
            assert found.internal_links() == [list(link) for link in internal], (page, base)
            assert found.broken == tuple(
                (url, answer[1])
                for url, answer in zip(links, wanted, strict=True)
                if answer[0] == "broken"
            )


_EXTERNAL_URLS = ["https://stm.fi/", "https://thl.fi/", "https://stm.fi/a", "mailto:x@y.fi"]
_EXTERNAL_PAGES = ["index.html", "a/index.html", "a/b/index.html", "sv/index.html", "b.html"]


@given(
    st.dictionaries(
        st.sampled_from(_EXTERNAL_PAGES),
        st.lists(st.sampled_from(_EXTERNAL_URLS), max_size=6),
        max_size=len(_EXTERNAL_PAGES),
    )
)
def test_external_links_are_each_pair_once_by_url_then_page(linked: dict[str, list[str]]) -> None:
    """The external links are listed as the sorted set of (url, page) they were listed
    as before check_links gathered them by url: a url twice on a page, apart or side
    by side, on many pages, or on one."""
    from soteneg.site.page_records import PageLinks, later_text

    pages = {page: PageLinks("", later_text(""), tuple(urls)) for page, urls in linked.items()}
    report = check_links(pages, set(pages))
    want = sorted({(url, page) for page, urls in linked.items() for url in urls})
    assert [(link.url, link.page) for link in report.external] == want
