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
from test_incremental_check_edges import _through_the_disk, edits_check_as_a_clean_check
from test_site import GOLDEN_SITE, project

from soteneg.build.cache import Cache
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


def _broken_after_heading_edits(
    tmp_path: Path, link: str, steps: list[tuple[str, str]]
) -> list[int]:
    """etela-savo.md's headings edited step by step, nothing else, while uusimaa.md links
    to `link`; after each, a check through the cache must say what a clean check says.
    How many of uusimaa.md's links the clean check found broken after each step."""
    root = project(tmp_path, GOLDEN_SITE)
    round_ = root / "content" / "kierrokset" / "2018-syksy"
    target, linking = round_ / "etela-savo.md", round_ / "uusimaa.md"
    heads = "\n### Rahoitus {theme=rahoitus}\n\n## Uusi osio\n"
    target.write_text(target.read_text("utf-8") + heads, "utf-8")
    linking.write_text(linking.read_text("utf-8") + f"\n[tuonne]({link})\n", "utf-8")
    cache = Cache("test")
    check(root, cache, html=True, pdf=False)
    broken = []
    for old, new in steps:
        text = target.read_text("utf-8")
        assert f"\n{old}" in text
        target.write_text(text.replace(f"\n{old}", f"\n{new}", 1), "utf-8")
        got = check(root, cache, html=True, pdf=False).problems
        want = check(root, None, html=True, pdf=False).problems
        assert got == want, f"{old} -> {new}"
        mine = [p for p in want if p.code == "broken-output-link" and p.file.endswith("uusimaa.md")]
        broken.append(len(mine))
        cache = _through_the_disk(cache)
    return broken


def test_a_heading_made_a_theme_section_judges_the_links_to_its_page_again(
    tmp_path: Path,
) -> None:
    """A `{theme=…}` heading at level 2 makes the theme's page for the document's region;
    at level 3 it does not, and its id, so the document's anchors, stay the same. Only
    the headings in `links_key` tell another document's link to that page to be judged
    again (the random edits above seldom line the two up: they passed with the headings
    left out of the key)."""
    page = "/neuvottelut/teemat/rahoitus/etela-savo/"
    steps = [("### Rahoitus", "## Rahoitus"), ("## Rahoitus", "### Rahoitus")]
    assert _broken_after_heading_edits(tmp_path, page, steps) == [0, 1]


def test_a_heading_renamed_judges_the_links_to_its_id_again(tmp_path: Path) -> None:
    """A heading renamed changes its id: another document's `#anchor` link to it breaks,
    and mends when the name comes back, as a clean check says."""
    anchor = "/neuvottelut/kierrokset/2018-syksy/etela-savo/#uusi-osio"
    steps = [
        ("## Uusi osio", "## Toinen osio"),
        ("## Toinen osio", "## Uusi osio"),
    ]
    assert _broken_after_heading_edits(tmp_path, anchor, steps) == [1, 0]
