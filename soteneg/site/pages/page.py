"""The page plan: which pages exist, at which URL, with which template and data.

Pages carry plain data (dicts, lists, strings) for dumb templates. The parts every page
shares (navigation, breadcrumbs, language versions, metadata) are built here; the
per-kind content comes from `document_pages` and `index_pages`; `units` lists them all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from soteneg.core import routes
from soteneg.site import i18n
from soteneg.site.index import Site
from soteneg.site.sandbox import plain_call


@dataclass(frozen=True)
class Page:
    url: str  # site path, e.g. "/sv/kierrokset/2018-syksy/"
    template: str
    context: Mapping[str, Any]
    # Real pages go into the sitemap; placeholders for missing translations do not.
    indexable: bool = True
    sources: tuple[str, ...] = field(default=())  # input files the page shows

    @property
    def output(self) -> str:
        return routes.output_file(self.url)


@dataclass(frozen=True)
class Crumb:
    label: str
    path: str  # language-neutral path; localized when the page is built


T = TypeVar("T")


class Chrome:
    """Builds the shared part of every page's context for one language. A build makes one
    per language, so what it keeps (`kept`) is made once for that language's pages."""

    def __init__(
        self,
        site: Site,
        lang: str,
        asset: Callable[[str], str],
        pdfs: frozenset[str] = frozenset(),
    ) -> None:
        self.site = site
        self.lang = lang
        self.base = routes.base_path(site.config.base_url)
        self.asset = asset
        self.pdfs = pdfs  # URLs of the PDFs this build prints
        self._kept: dict[tuple[str, str], Any] = {}

    def kept(self, key: tuple[str, str], make: Callable[[], T]) -> T:
        """What `make` gives, made once for `key` in this language: the parts that are
        the same on every page that shows them (a round's facts, a link to a document),
        which pages of thousands made again each time they showed one. `key` names all
        that `make` reads besides the site and the language."""
        found = self._kept.get(key, self._kept)
        if found is self._kept:
            found = self._kept[key] = make()
        return found  # type: ignore[no-any-return]

    def pdf(self, url: str) -> str | None:
        """A link to the PDF at site URL `url`, if this build prints it."""
        return routes.href(url, self.base) if url in self.pdfs else None

    def packet(self, round_id: str, region_id: str | None = None) -> dict[str, str | None] | None:
        """A link to the packet of a region in a round (without a region, the round's), in
        this page's language when the build prints one (it has content in it), else the
        default language's, saying which language that is; None when neither is printed."""
        default = self.site.default_lang
        for lang in dict.fromkeys((self.lang, default)):
            url = (
                routes.packet(round_id, region_id, lang, default)
                if region_id is not None
                else routes.round_packet(round_id, lang, default)
            )
            if url in self.pdfs:
                other = lang != self.lang
                return {
                    "href": routes.href(url, self.base),
                    "lang": lang if other else None,
                    "lang_note": i18n.LANG_NAMES[lang][self.lang] if other else None,
                }
        return None

    @plain_call
    def t(self, key: str, **values: object) -> str:
        return i18n.text(key, self.lang, **values)

    def link(self, url: str) -> str:
        """A link to the site URL `url`, already in its language's tree."""
        return routes.href(url, self.base)

    def href(self, path: str, lang: str | None = None) -> str:
        """A link to the neutral `path` in `lang` (default: this page's language)."""
        url = routes.localize(path, lang or self.lang, self.site.default_lang)
        return routes.href(url, self.base)

    def nav(self, current: str) -> list[dict[str, Any]]:
        # The same on every page of a section; no page changes it.
        return self.kept(("nav", current), lambda: self._nav(current))

    def _nav(self, current: str) -> list[dict[str, Any]]:
        items = [
            ("home", "/"),
            ("rounds", routes.ROUNDS),
            ("regions", routes.REGIONS),
            ("themes", routes.THEMES),
            ("news", routes.NEWS),
            ("search", routes.SEARCH),
        ]
        return [
            {"label": self.t(key), "href": self.href(path), "current": path == current}
            for key, path in items
        ]

    def crumbs(self, trail: list[Crumb]) -> list[dict[str, Any]]:
        items = [Crumb(self.t("home"), "/"), *trail]
        return [
            {
                "label": c.label,
                "href": self.href(c.path),
                "current": i == len(items) - 1,
                "lang": None,  # a label in another language than the page's says which
            }
            for i, c in enumerate(items)
        ]

    def versions(self, path: str, available: tuple[str, ...]) -> list[dict[str, Any]]:
        """Links to this page in every site language; `available` have real content."""
        return [
            {
                "lang": lang,
                "autonym": i18n.AUTONYMS[lang],
                "href": self.href(path, lang),
                "canonical": routes.absolute(
                    routes.localize(path, lang, self.site.default_lang),
                    self.site.config.base_url,
                ),
                "current": lang == self.lang,
                "available": lang in available,
            }
            for lang in self.site.languages
        ]

    def context(
        self,
        *,
        path: str,
        title: str,
        trail: list[Crumb],
        section: str,
        available: tuple[str, ...] | None = None,
        description: str | None = None,
        meta: list[tuple[str, str]] | None = None,
        jsonld: dict[str, Any] | None = None,
        robots: str | None = None,
    ) -> dict[str, Any]:
        config = self.site.config
        url = routes.localize(path, self.lang, self.site.default_lang)
        canonical = routes.absolute(url, config.base_url)
        publisher = config.publisher.name.get(self.lang)
        return {
            "lang": self.lang,
            "t": self.t,
            "site_title": config.title.get(self.lang),
            "home_href": self.href("/"),
            "nav": self.nav(section),
            "title": title,
            "canonical": canonical,
            "breadcrumbs": self.crumbs(trail),
            "versions": self.versions(path, available or self.site.languages),
            "description": description,
            "meta": [("dcterms.publisher", publisher), ("dcterms.language", self.lang)]
            + (meta or []),
            "jsonld": jsonld
            or {
                "@context": "https://schema.org",
                "@type": "WebPage",
                "name": title,
                "url": canonical,
                "inLanguage": self.lang,
                "publisher": {"@type": "GovernmentOrganization", "name": publisher},
            },
            "robots": robots,
            # A page in a language the interface does not speak (a Sámi document's):
            # that language on <html>, the interface's parts marked with the interface's.
            "page_lang": None,
            "ui_lang": None,
            # Versions in such languages, for <link rel="alternate"> and the sitemap.
            "alternates": [],
            # Search indexes documents, and the names on region, round and theme pages;
            # other pages repeat document text or have none of their own.
            "index_body": False,
            "filters": [],  # (name, value) pairs for the search filters
            "search_meta": [],  # (name, value) pairs shown with a search result
            "search_from": None,  # on a placeholder: the page indexed in its place
            "css": self.asset("style.css"),
            "feed_href": (
                routes.href(routes.feed(self.lang, self.site.default_lang), self.base)
                if self.site.news
                else None
            ),
            "publisher": {"name": publisher, "url": config.publisher.url},
            "statement_link": (
                {
                    "href": self.href(routes.STATEMENT),
                    "label": i18n.text("accessibility_statement", self.lang),
                }
                if config.accessibility
                else None
            ),
        }
