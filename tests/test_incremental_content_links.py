"""Issue 29: the links judged against the files a build writes (build.content_links) are
kept with the check's cache graph, each document's under the key of its bytes and all
under the digest of what the site's files and ids are made from (`links_key`). Seeded
random edits that change what a site path, a full address or a link to a draft lands
on, each followed by a check through the cache that must report exactly what a clean
check does: a heading (an id, or a theme's section that makes a page) added, removed or made a
level lower, a
document made a draft or published, an id on a page made from the data files, a body
moved down."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from test_incremental_check_edges import edits_check_as_a_clean_check
from test_site import GOLDEN_SITE, project

from soteneg.pipeline import check

BASE = "https://golden.example.fi/neuvottelut"
ANCHORS = ["", "#saatavuus", "#rahoitus", "#integraatio", "#uusi-osio", "#x"]
THEMES = ["saatavuus", "rahoitus", "integraatio"]
REGIONS = ["uusimaa", "etela-savo", "helsinki"]


def _front(text: str, line: str) -> str:
    return text.replace("\n---\n", f"\n{line}\n---\n", 1)


def _edit(docs: list[Path], urls: list[str], rnd: random.Random) -> str:
    i = rnd.randrange(len(docs))
    path, text = docs[i], docs[i].read_text(encoding="utf-8")
    name = path.name
    kind = rnd.randrange(8)
    if kind == 0:  # a site path to a document's page, with or without an id
        href = "/neuvottelut" + rnd.choice(urls) + rnd.choice(ANCHORS)
        path.write_text(text + f"\n\n[sivu]({href})\n", "utf-8")
        return f"{name} -> {href}"
    if kind == 1:  # a full address of this site, to a page made from the data files
        theme, region = rnd.choice(THEMES), rnd.choice(REGIONS)
        href = f"{BASE}/teemat/{theme}/{region}/" + rnd.choice(["", "#x", "#sisalto"])
        path.write_text(text + f"\n\n[teema]({href})\n", "utf-8")
        return f"{name} -> {href}"
    if kind == 2:  # an id, or a theme's section that makes a page
        heading = rnd.choice(["## Uusi osio", "## X {#x}", f"## T {{theme={rnd.choice(THEMES)}}}"])
        path.write_text(text + f"\n\n{heading}\n", "utf-8")
        return f"{heading} in {name}"
    if kind == 3 and rnd.random() < 0.5:  # a theme's section, or not: only its level says
        if "\n## T {" in text:
            path.write_text(text.replace("\n## T {", "\n### T {", 1), "utf-8")
        else:
            path.write_text(text.replace("\n### T {", "\n## T {", 1), "utf-8")
        return f"a heading's level in {name}"
    if kind == 3:
        lines = text.split("\n")
        headings = [n for n, line in enumerate(lines) if line.startswith("#")]
        if headings:
            del lines[rnd.choice(headings)]
            path.write_text("\n".join(lines), "utf-8")
        return f"a heading removed from {name}"
    if kind == 4:  # a relative link to a draft is broken in the published site
        if "draft: true\n" in text:
            path.write_text(text.replace("draft: true\n", "", 1), "utf-8")
        elif "draft:" not in text:
            path.write_text(_front(text, "draft: true"), "utf-8")
        return f"draft {name}"
    if kind == 5:
        j = rnd.randrange(len(docs))
        there = docs[j].relative_to(path.parent.parent).as_posix()
        path.write_text(text + f"\n\n[toinen](../{there}{rnd.choice(ANCHORS)})\n", "utf-8")
        return f"{name} -> {there}"
    if kind == 6:  # every line of the body moves, the links with it
        at = text.index("\n---\n", 4) + len("\n---\n")
        path.write_text(text[:at] + "\n" + text[at:], "utf-8")
        return f"{name}'s body moved down"
    path.write_text(text + "\n\n[puuttuu](/neuvottelut/ei-ole/)\n", "utf-8")
    return f"{name} -> a page that is not there"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_edits_judge_links_as_a_clean_check(tmp_path: Path, seed: int) -> None:
    rnd = random.Random(seed)
    root = project(tmp_path, GOLDEN_SITE)
    docs = sorted((root / "content" / "kierrokset").glob("2018-*/*.md"))
    first = check(root, None, html=True, pdf=False)
    assert first.site is not None
    # The pages of the documents edited here: their ids come and go.
    edited = {d.relative_to(root).as_posix() for d in docs}
    urls = sorted(first.site.url(d) for d in first.site.published.values() if d.file in edited)
    # Mostly parsed alike: other parse options make every document judged again.
    got = edits_check_as_a_clean_check(root, lambda: _edit(docs, urls, rnd), 40, rnd, 0.9)
    # The edits did reach the build's files: some links were found broken.
    assert any(p.code == "broken-output-link" for p in got)
