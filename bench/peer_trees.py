"""The same content as three other generators' source trees, for bench/peers.py.

A generated soteneg project (bench/generate.py) becomes a Hugo site, an MkDocs project
and a Pelican project: the Markdown bodies stay byte for byte the same, only the front
matter is rewritten in each tool's dialect.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml
from generate import generate

# --- the content --------------------------------------------------------------------


@dataclass
class Doc:
    """One document of the generated project: its path under content/, front matter, body."""

    rel: Path
    meta: dict
    body: str

    @property
    def slug(self) -> str:
        """A site-wide unique slug, e.g. kierrokset-2018-syksy-arviot-uusimaa."""
        return str(self.rel.with_suffix("")).replace("/", "-").replace(".sv", "")

    @property
    def lang(self) -> str:
        return self.meta.get("lang", "fi")


def read_docs(content: Path) -> list[Doc]:
    docs = []
    for path in sorted(content.rglob("*.md")):
        _, front, body = path.read_text().split("---\n", 2)
        docs.append(Doc(path.relative_to(content), yaml.safe_load(front), body))
    return docs


def source_tree(work: Path, documents: int, seed: int) -> Path:
    """The generated soteneg project, made once per size, seed and generator."""
    src = work / f"src-{documents}-{seed}"
    stamp = src / ".generated"
    generator = hashlib.sha256(Path(generate.__code__.co_filename).read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text().strip() != generator:
        shutil.rmtree(src, ignore_errors=True)
        generate(src, documents, seed)
        stamp.write_text(generator + "\n")
    return src


def edited_doc(docs: list[Doc]) -> Doc:
    """The negotiation document that the one-edit rebuilds change: uusimaa, last round."""
    negotiations = [d for d in docs if d.meta["type"] == "negotiation" and d.lang == "fi"]
    return [d for d in negotiations if d.rel.stem == "uusimaa"][-1]


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


# --- the peers' trees ---------------------------------------------------------------

HUGO_CONFIG = """\
baseURL = "https://example.org/"
title = "soteneg peers"
defaultContentLanguage = "fi"
disableKinds = ["rss"]
buildFuture = true  # the generated rounds run far into the future

[taxonomies]
round = "rounds"
region = "regions"
theme = "themes"

[languages.fi]
label = "Suomi"
weight = 1
[languages.sv]
label = "Svenska"
weight = 2
"""

HUGO_LAYOUTS = {
    "baseof.html": """\
<!DOCTYPE html>
<html lang="{{ site.Language.Lang }}">
<head><meta charset="utf-8"><title>{{ .Title }} – {{ site.Title }}</title></head>
<body>
<nav><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">\
{{ .Language.Label }}</a>{{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "single.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2.1.2006" }}</time></p>
{{ .Content }}
{{ range $taxonomy, $_ := site.Taxonomies }}{{ with $.GetTerms $taxonomy }}
<p>{{ $taxonomy }}: {{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
{{ end }}{{ end }}
{{ end }}
""",
    "list.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ end }}
""",
}


def make_hugo(docs: list[Doc], site: Path) -> None:
    """content/ in our folder layout (name.sv.md is Hugo's translation by file name too)."""
    write(site / "hugo.toml", HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        write(site / "layouts" / name, text)
    sections = set()
    for doc in docs:
        meta = doc.meta
        front = [f"title: {quoted(meta['title'])}", f"date: {meta['date']}"]
        for key, taxonomy in (("round", "rounds"), ("region", "regions")):
            if key in meta:
                front.append(f"{taxonomy}: [{meta[key]}]")
        if "themes" in meta:
            front.append(f"themes: [{', '.join(meta['themes'])}]")
        write(site / "content" / doc.rel, "---\n" + "\n".join(front) + "\n---\n" + doc.body)
        sections.update(doc.rel.parents)
    for section in sections - {Path(".")}:
        write(site / "content" / section / "_index.md", f"---\ntitle: {section.name}\n---\n")


def make_mkdocs(docs: list[Doc], project: Path, nav: str) -> None:
    """docs/ in our folder layout, the title in MkDocs' YAML meta. nav "auto" lets MkDocs
    put every page into the navigation of every page (quadratic: 700 kB per page at 5000
    documents); "minimal" lists only the home page, the other pages are built all the same."""
    config = (
        "site_name: soteneg peers\ndocs_dir: docs\nsite_dir: site\n"
        "theme:\n  name: mkdocs\nmarkdown_extensions:\n  - attr_list\n"
    )
    if nav == "minimal":
        config += "nav:\n  - index.md\nvalidation:\n  nav:\n    omitted_files: ignore\n"
    write(project / "mkdocs.yml", config)
    write(project / "docs" / "index.md", "# soteneg peers\n")
    for doc in docs:
        write(
            project / "docs" / doc.rel, f"---\ntitle: {quoted(doc.meta['title'])}\n---\n{doc.body}"
        )


PELICAN_CONFIG = """\
AUTHOR = "STM"
SITENAME = "soteneg peers"
SITEURL = ""
PATH = "content"
TIMEZONE = "Europe/Helsinki"
DEFAULT_LANG = "fi"
DEFAULT_DATE_FORMAT = "%d.%m.%Y"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = False
"""

PELICAN_CACHE = """\
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = "cache"
"""


def make_pelican(docs: list[Doc], project: Path) -> None:
    """Articles with Pelican metadata: category = round (news: tiedotteet), tags = region
    and themes, translations share their original's slug."""
    write(project / "pelicanconf.py", PELICAN_CONFIG)
    write(project / "pelicanconf_cache.py", PELICAN_CONFIG + PELICAN_CACHE)
    for doc in docs:
        meta = doc.meta
        slug = meta["translation_of"].replace("/", "-") if "translation_of" in meta else doc.slug
        tags = [meta["region"]] if "region" in meta else []
        tags += meta.get("themes", [])
        head = [
            f"Title: {meta['title']}",
            f"Date: {meta['date']}",
            f"Category: {meta.get('round', doc.rel.parts[0])}",
            f"Slug: {slug}",
            f"Lang: {doc.lang}",
        ]
        if tags:
            head.append(f"Tags: {', '.join(tags)}")
        write(project / "content" / doc.rel, "\n".join(head) + "\n\n" + doc.body)
