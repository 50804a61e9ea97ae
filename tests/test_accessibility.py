"""The built site as people and real clients meet it: axe-core (WCAG 2.1 A and AA) on
every page type in Finnish and Swedish, keyboard use, 320 px and 200 % text, and the
Nu HTML Checker on every page. Screenshots land in tests/.artifacts/screenshots/."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from browser import browser, require_chromium, serve
from conftest import REPO, TESTS, run_cli

TOOLS = TESTS / "a11y" / "node_modules"
AXE = TOOLS / "axe-core" / "axe.min.js"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
SHOTS = TESTS / ".artifacts" / "screenshots"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

PAGE_TYPES = {
    "home": "",
    "rounds": "kierrokset/",
    "round": "kierrokset/2018-syksy/",
    "negotiation": "kierrokset/2018-syksy/uusimaa/",
    "assessment": "kierrokset/2018-syksy/uusimaa/arvio/",
    "summary": "kierrokset/2018-syksy/yhteenveto/",
    "regions": "maakunnat/",
    "region": "maakunnat/lappi/",
    "themes": "teemat/",
    "theme": "teemat/saatavuus/",
    "theme-region": "teemat/saatavuus/uusimaa/",
    "news-list": "tiedotteet/",
    "news": "tiedotteet/2018-11-26-syksyn-maakuntaneuvottelut-johtoryhmassa/",
    "page": "sivut/neuvottelut/",
    "search": "haku/",
    "statement": "saavutettavuusseloste/",
}
PAGES = [
    (f"{lang}-{name}", prefix + path)
    for lang, prefix in (("fi", ""), ("sv", "sv/"))
    for name, path in PAGE_TYPES.items()
]
PAGES += [("sv-missing-translation", "sv/kierrokset/2018-syksy/lappi/"), ("404", "404.html")]


def _require_tools() -> None:
    if AXE.is_file() and VNU.is_file() and shutil.which("java"):
        return
    if os.environ.get("CI"):
        raise RuntimeError("axe-core, vnu-jar (make test installs them) and java are required")
    pytest.skip("accessibility tools are not installed: run `make test`")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_chromium()
    _require_tools()
    out = tmp_path_factory.mktemp("a11y") / "site"
    result = run_cli("build", "--root", REPO, "--out", out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def session(site: Path):
    with serve(site) as base, browser() as chromium:
        yield base, chromium


def test_axe_finds_no_wcag_violations(session) -> None:
    base, chromium = session
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    SHOTS.mkdir(parents=True, exist_ok=True)
    failures = {}
    for name, path in PAGES:
        page.goto(base + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
        )
        violations = [
            f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
            for v in result["violations"]
        ]
        if violations:
            failures[name] = violations
        page.screenshot(path=str(SHOTS / f"{name}-desktop.png"), full_page=True)
    assert failures == {}


def test_320px_wide_without_horizontal_scrolling(session) -> None:
    base, chromium = session
    page = chromium.new_page(viewport={"width": 320, "height": 800})
    wide = {}
    for name, path in PAGES:
        page.goto(base + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wide[name] = width
        page.screenshot(path=str(SHOTS / f"{name}-phone.png"), full_page=True)
    assert wide == {}


def test_text_at_200_percent_stays_usable(session) -> None:
    base, chromium = session
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    problems = {}
    for name, path in PAGES:
        page.goto(base + path)
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        overflow = page.evaluate("""() => {
            const root = document.documentElement;
            const clipped = [...document.querySelectorAll('main *')].filter(e => {
                const s = getComputedStyle(e);
                return s.overflow === 'hidden' && e.scrollWidth > e.clientWidth + 1
                    && !e.closest('.visually-hidden');
            }).length;
            return {scroll: root.scrollWidth > root.clientWidth, clipped};
        }""")
        if overflow["scroll"] or overflow["clipped"]:
            problems[name] = overflow
    assert problems == {}


def _tab_sequence(page, limit: int = 400) -> list[dict]:
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => {
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            const s = getComputedStyle(e);
            const r = e.getBoundingClientRect();
            return {tag: e.tagName, href: e.getAttribute('href'), text: e.innerText.trim(),
                    outline: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
                    visible: r.width > 0 && r.height > 0, id: e.id};
        }""")
        if info is None or (seen and info == seen[0]):
            break
        seen.append(info)
    return seen


def test_keyboard_reaches_every_link_with_visible_focus(session) -> None:
    base, chromium = session
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    for path in ("", "kierrokset/2018-syksy/uusimaa/", "sv/teemat/saatavuus/"):
        page.goto(base + path)
        sequence = _tab_sequence(page)
        assert sequence[0]["text"] in ("Siirry sisältöön", "Gå till innehållet")
        for item in sequence:
            assert item["visible"], item
            assert item["outline"] != "none" and item["outlineWidth"] >= 2, item
        focusable = page.evaluate(
            "document.querySelectorAll('a[href], button, input, select, textarea, "
            '[tabindex]:not([tabindex="-1"])\').length'
        )
        assert len(sequence) == focusable, (path, len(sequence), focusable)


def test_skip_link_moves_focus_to_the_content(session) -> None:
    base, chromium = session
    page = chromium.new_page()
    page.goto(base + "kierrokset/2018-syksy/uusimaa/")
    page.keyboard.press("Tab")
    box = page.evaluate("document.activeElement.getBoundingClientRect().top")
    assert box >= 0, "the skip link is on screen when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    first_in_main = page.evaluate("document.activeElement.closest('main') !== null")
    assert first_in_main


def test_nu_html_checker_finds_no_errors(site: Path) -> None:
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "json",
            str(site),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [
        f"{m.get('url', '').split(str(site))[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == [], "\n".join(errors[:30])
    checked = len(list(site.rglob("*.html")))
    assert checked > 100
