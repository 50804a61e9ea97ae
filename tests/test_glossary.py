"""One word for one thing: docs/glossary.md names the terms, and what soteneg says keeps
to them.

The glossary's YAML block lists, per concept, the variants refused in each language.
Here every text soteneg itself writes is held to it: the message catalogue, the
interface catalogue, the templates, the editors' guides and the skeletons of `new`.
Then what a reader sees: the bundled site and its packets built, and a `check` run, in
Finnish, Swedish and English, with no refused variant and no bracketed plural.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
import yaml
from conftest import REPO, bundled_copy, run_cli, without_the_bundled_warning

from soteneg.core.messages import CATALOGUE
from soteneg.core.names import LANGS
from soteneg.site import i18n

GLOSSARY = REPO / "docs" / "glossary.md"
# "virhe(ttä)", "varning(ar)", "error(s)", "muu(ta)": a count patched with brackets.
BRACKETED_PLURAL = re.compile(r"[a-zåäö]\([a-zåäö]{1,4}\)", re.I)
# Templates hold no prose of their own but their code is English (class names such as
# "round-list"): they are held to the Finnish and Swedish lists only.
TEMPLATE_LANGS = ("fi", "sv")
GUIDES = {"fi": "editors.fi.md", "sv": "editors.sv.md", "en": "editors.md"}


@cache
def terms() -> list[dict]:
    text = GLOSSARY.read_text(encoding="utf-8")
    block = re.search(r"^## The terms$.*?^```yaml\n(.*?)^```$", text, re.M | re.S)
    assert block, "docs/glossary.md has no ```yaml block under '## The terms'"
    return yaml.safe_load(block.group(1))


@cache
def refused(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    return [
        (term["id"], re.compile(pattern, re.I))
        for term in terms()
        for pattern in (term.get("refused") or {}).get(lang, [])
    ]


def offences(text: str, lang: str, brackets: bool = True) -> list[str]:
    """Each refused variant in `text` and each bracketed plural, with what it matched;
    `brackets=False` for code, whose calls look like one ("attr(href)")."""
    found = [
        f"{term}: {m.group(0)!r}" for term, pattern in refused(lang) for m in pattern.finditer(text)
    ]
    if brackets:
        found += [f"bracketed plural: {m.group(0)!r}" for m in BRACKETED_PLURAL.finditer(text)]
    return found


# --- the glossary itself ---------------------------------------------------------------


def test_the_glossary_names_one_term_per_concept_in_every_language() -> None:
    ids = [term["id"] for term in terms()]
    assert len(ids) >= 30 and len(ids) == len(set(ids))
    for term in terms():
        assert all(term.get(lang) for lang in LANGS), term["id"]
        assert set(term.get("refused") or {}) <= set(LANGS), term["id"]
        for lang, patterns in (term.get("refused") or {}).items():
            for pattern in patterns:
                # The chosen term is never one of its own refused variants.
                assert not re.search(pattern, term[lang], re.I), (term["id"], pattern)


@pytest.mark.parametrize(
    ("lang", "text", "caught"),
    [
        ("fi", "tuntematon dokumenttityyppi", True),
        ("fi", "kunnossa: 12 dokumenttia", True),
        ("fi", "tuntematon asiakirjatyyppi", False),
        ("fi", "rakennettu 234 tiedostoa", True),
        ("fi", "se havainnollistaa asiakirjan rakennetta", False),
        ("fi", "Sivustoa ei voitu rakentaa.", True),
        ("fi", "hakuindeksi, joka korvataan, kun sivusto rakennetaan", True),
        ("fi", "tilannekuvaa rakennettaessa", False),
        ("fi", "Neuvottelupaketti (PDF)", True),
        ("fi", "aikakautta 'x' ei ole määritelty", True),
        ("fi", "kumppanit: Sosiaali- ja terveysministeriö", False),
        ("fi", "ylijohtaja, Sosiaali- ja terveysministeriö, puh.", True),
        ("fi", "ylijohtaja, sosiaali- ja terveysministeriö, puh.", False),
        ("fi", "6 virhe(ttä), 1 varoitus(ta)", True),
        ("sv", "Förhandlingsrundor", True),
        ("sv", "Rundans teman", True),
        ("sv", "att grunda ett bolag", False),
        ("sv", "Förhandlingsomgångar", False),
        ("sv", "listan över nyheter", True),
        ("sv", "Efterföljare", True),
        ("sv", "förhandlingspaketen", True),
        ("sv", "installationspaket", False),
        ("sv", "utöver sin era", True),
        ("sv", "Materialet kan också bläddras per runda", True),
        ("sv", "1 varning(ar)", True),
        ("sv", "Förhandlingsparter: social- och hälsovårdsministeriet och Finansministeriet", True),
        ("en", "ok: 1 document(s)", True),
    ],
)
def test_the_refused_variants_catch_what_they_should_and_nothing_else(
    lang: str, text: str, caught: bool
) -> None:
    assert bool(offences(text, lang)) is caught, offences(text, lang)


# --- what soteneg itself says ----------------------------------------------------------


def test_the_message_catalogue_uses_only_the_chosen_terms() -> None:
    found = [
        f"{key} [{lang}]: {o}"
        for key, entry in CATALOGUE.items()
        for lang in LANGS
        for o in offences(entry[lang], lang)
    ]
    assert found == []


def test_the_interface_catalogue_uses_only_the_chosen_terms() -> None:
    texts = [(f"STRINGS {k}", lang, v) for k, e in i18n.STRINGS.items() for lang, v in e.items()]
    texts += [
        (f"SEARCH_UI {k}", lang, v) for lang, e in i18n.SEARCH_UI.items() for k, v in e.items()
    ]
    for name, table in (("LANG_NAMES", i18n.LANG_NAMES), ("LANGUAGE_NOUNS", i18n.LANGUAGE_NOUNS)):
        texts += [(name, lang, v) for e in table.values() for lang, v in e.items()]
    found = [f"{name} [{lang}]: {o}" for name, lang, text in texts for o in offences(text, lang)]
    assert found == []
    assert set(i18n.SEARCH_UI) == set(LANGS)
    assert len({frozenset(e) for e in i18n.SEARCH_UI.values()}) == 1


def test_the_templates_use_only_the_chosen_terms() -> None:
    found = [
        f"{path.relative_to(REPO)} [{lang}]: {o}"
        for path in sorted((REPO / "templates").rglob("*"))
        if path.suffix in (".html", ".xml", ".css", ".txt")
        for lang in TEMPLATE_LANGS
        for o in offences(path.read_text(encoding="utf-8"), lang, brackets=False)
    ]
    assert found == []


def _prose(markdown: str) -> str:
    """A guide without its code: commands, fields and file names are literal."""
    without_blocks = re.sub(r"^```.*?^```", "", markdown, flags=re.M | re.S)
    return re.sub(r"`[^`]*`", "", without_blocks)


def test_the_editors_guides_use_only_the_chosen_terms() -> None:
    found = [
        f"{name}: {o}"
        for lang, name in GUIDES.items()
        for o in offences(_prose((REPO / "docs" / name).read_text(encoding="utf-8")), lang)
    ]
    assert found == []


def test_the_guides_write_thousands_with_a_no_break_space() -> None:
    for lang in ("fi", "sv"):
        text = (REPO / "docs" / GUIDES[lang]).read_text(encoding="utf-8")
        assert re.findall(r"\d \d{3}\b", _prose(text)) == [], lang
        assert "20\u00a0000" in text, lang


TODAY = dt.date(2026, 12, 6)


def test_the_skeletons_of_new_use_only_the_chosen_terms() -> None:
    from soteneg import pipeline
    from soteneg.editors import scaffold

    data = pipeline.check(REPO, pdf=False).content.data
    made = []
    for lang in LANGS:
        for kind in ("negotiation", "assessment", "summary"):
            for round_id, region in (("2018-syksy", "uusimaa"), ("2024-hva", "lappi-hva")):
                request = scaffold.Request(
                    kind, lang, dt.date(2018, 10, 15), round=round_id, region=region
                )
                made.append((lang, kind, scaffold.skeleton(request, data, None, TODAY)))
        for kind in ("news", "page"):
            request = scaffold.Request(kind, lang, dt.date(2018, 10, 15), slug="paatos")
            made.append((lang, kind, scaffold.skeleton(request, data, None, TODAY)))
    found = [o for lang, _, text in made for o in offences(text, lang)]
    assert found == []
    news = {lang: text for lang, kind, text in made if kind == "news"}
    # The house pattern of titles, with the round's name as running text writes it.
    skeleton = scaffold.skeleton(
        scaffold.Request("negotiation", "fi", dt.date(2018, 10, 15), "2018-syksy", "uusimaa"),
        data,
        None,
        TODAY,
    )
    assert "title: Uusimaa – harjoitusneuvottelu, syksy 2018\n" in skeleton
    assert "Kirjoita tähän teemaa ”Palvelujen rahoitus, investoinnit ja tuottavuus” koskeva" in (
        skeleton
    )
    # A document without themes has a sentence of its own, and a title in its language.
    assert "Skriv texten här." in news["sv"] and 'title: "[Rubrik]"' in news["sv"]
    assert "Kirjoita teksti tähän." in news["fi"] and 'title: "[Otsikko]"' in news["fi"]


# --- what a reader sees --------------------------------------------------------------


class _Text(HTMLParser):
    """The text of a page by language: each piece under the nearest `lang` (elements
    quoting another language are that language's), scripts and styles left out."""

    VOID: ClassVar = {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
    }

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = [("", lang)]
        self.skip = 0
        self.by_lang: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        lang = dict(attrs).get("lang") or self.stack[-1][1]
        for name, value in attrs:
            if name in ("aria-label", "title", "alt") and value:
                self.by_lang.setdefault(str(lang), []).append(f" {value} ")
        if tag in ("script", "style"):
            self.skip += 1
        if tag not in self.VOID:
            self.stack.append((tag, lang))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip -= 1
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.by_lang.setdefault(str(self.stack[-1][1]), []).append(data)


def _page_text(path: Path, lang: str) -> str:
    """The page's text in `lang`, its white space as a reader sees it."""
    parser = _Text(lang)
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join("".join(parser.by_lang.get(lang, [])).split())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled site with its packets, as the public would get it."""
    out = tmp_path_factory.mktemp("glossary") / "site"
    result = run_cli("build", "--root", REPO, "--out", out, "--now", "2026-12-01T12:00+02:00")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _pages(out: Path, lang: str) -> Iterator[Path]:
    sv = out / "sv"
    for path in sorted(out.rglob("*.html")):
        if path.name == "404.html" or "pagefind" in path.parts:
            continue
        if (lang == "sv") == (sv in path.parents):
            yield path


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_pages_use_only_the_chosen_terms(built: Path, lang: str) -> None:
    pages = list(_pages(built, lang))
    assert len(pages) > 50
    found = [
        f"{path.relative_to(built)}: {o}"
        for path in pages
        for o in offences(_page_text(path, lang), lang)
    ]
    assert found == []


def test_the_packets_use_only_the_chosen_terms(built: Path) -> None:
    from pypdf import PdfReader

    read = {}
    for lang, folder in (("fi", built / "pdf"), ("sv", built / "sv" / "pdf")):
        for path in sorted(folder.rglob("*.pdf")):
            reader = PdfReader(path)
            text = "\n".join(page.extract_text() for page in reader.pages)
            read[path] = (lang, text, len(reader.pages))
    assert len(read) > 10
    found = [
        f"{p.relative_to(built)}: {o}"
        for p, (lang, t, _) in read.items()
        for o in offences(t, lang)
    ]
    assert found == []
    lang, text, pages = read[built / "pdf/2018-syksy/uusimaa.pdf"]
    # Pages numbered as official documents number them, the round's period in words.
    assert f"2 ({pages})" in text and f"/ {pages}" not in text
    assert "1.10.2018–30.11.2018" in text and "Neuvotteluaineisto" in text


def test_a_page_names_the_ministries_in_lower_case_mid_sentence(built: Path) -> None:
    home = _page_text(built / "index.html", "fi")
    assert (
        "Neuvotteluosapuolet: sosiaali- ja terveysministeriö, valtiovarainministeriö ja "
        "sisäministeriö sekä kukin alue"
    ) in home
    autumn = _page_text(built / "sv/kierrokset/2018-syksy/index.html", "sv")
    assert "Förhandlingsparter: social- och hälsovårdsministeriet samt varje landskap" in autumn
    document = _page_text(built / "kierrokset/2018-syksy/uusimaa/index.html", "fi")
    assert (
        "Harjoitusneuvottelu · Neuvotteluosapuolet: sosiaali- ja terveysministeriö ja Uusimaa"
    ) in document
    release = "tiedotteet/2018-11-26-syksyn-maakuntaneuvottelut-johtoryhmassa/index.html"
    assert "ylijohtaja, sosiaali- ja terveysministeriö, puh." in _page_text(built / release, "fi")
    assert "Tiedote · " not in document and "Tiedote" in _page_text(built / release, "fi")


def test_periods_are_said_in_words_not_with_a_bare_dash(built: Path) -> None:
    uusimaa = _page_text(built / "maakunnat/uusimaa/index.html", "fi")
    assert "Maakunta 8.3.2019 asti" in uusimaa and "(1.1.2023 alkaen)" in uusimaa
    assert "Harjoitusneuvottelu, 1.10.2018–30.11.2018" in uusimaa
    nyland = _page_text(built / "sv/maakunnat/uusimaa/index.html", "sv")
    assert "Landskap t.o.m. 8.3.2019" in nyland and "(fr.o.m. 1.1.2023)" in nyland
    for text in (uusimaa, nyland):
        assert not re.search(r"(^|[\s(])–\d|\d–($|[\s)])", text), text


def test_the_swedish_site_uses_one_word_for_a_round(built: Path) -> None:
    words = " ".join(_page_text(p, "sv") for p in _pages(built, "sv"))
    assert "omgång" in words.lower()
    assert not re.search(r"(?<![gv])rund(a|an|ans|or|orna|ornas)\b", words, re.I)


def _search_words(page: Path) -> dict[str, str]:
    found = re.search(r"translations: (\{.*\})\n", page.read_text(encoding="utf-8"))
    assert found, page
    return json.loads(found.group(1))


def test_the_search_box_speaks_the_page_s_language(built: Path) -> None:
    assert _search_words(built / "sv/haku/index.html")["search_label"] == "Sök på webbplatsen"
    assert _search_words(built / "haku/index.html")["search_label"] == "Hae sivustolta"


def test_feed_entries_are_tagged_with_the_language_they_are_in(built: Path) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    xhtml = "{http://www.w3.org/1999/xhtml}"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    feed = ET.parse(built / "sv/tiedotteet/atom.xml").getroot()
    # The press release's entry (a corrected page has one of its own: issue 27).
    entry = next(
        e for e in feed.iter(f"{atom}entry") if "/tiedotteet/" in (e.findtext(f"{atom}id") or "")
    )
    assert entry.get(lang) == "fi"
    parts = {p.get(lang): p.text or "" for p in entry.iter(f"{xhtml}p")}
    assert parts["sv"] == "Pressmeddelandet finns inte på svenska. Originalet är på finska."
    assert "sote" in parts["fi"].lower()


@pytest.mark.parametrize(
    ("lang", "summary"),
    [("fi", "1 virhe, 0 varoitusta"), ("sv", "1 fel, 0 varningar"), ("en", "1 error, 0 warnings")],
)
def test_check_with_one_error_says_it_in_the_language_without_brackets(
    lang: str, summary: str, tmp_path: Path
) -> None:
    root = without_the_bundled_warning(bundled_copy(tmp_path))
    doc = root / "content/kierrokset/2018-syksy/uusimaa.md"
    doc.write_text(doc.read_text(encoding="utf-8").replace("---\n", "---\ntitel: x\n", 1))
    result = run_cli("check", "--root", root, "--lang", lang)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == summary
    assert offences(result.stdout, lang) == []


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fi", r"kunnossa: \d+ asiakirjaa, ei ongelmia"),
        ("sv", r"i ordning: \d+ dokument, inga problem"),
        ("en", r"ok: \d+ documents, no problems"),
    ],
)
def test_check_without_problems_counts_the_documents(lang: str, said: str, tmp_path: Path) -> None:
    root = without_the_bundled_warning(bundled_copy(tmp_path))
    result = run_cli("check", "--root", root, "--lang", lang)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.fullmatch(said, result.stdout.splitlines()[-1]), result.stdout
