"""One truth for links: `check` finds every broken link the build finds, in the build's
words, at the line of the content file that holds it; and what `check` judges against
(build.targets) is exactly what the build writes."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import MINIMAL, bundled_copy, run_cli
from test_site import GOLDEN_SITE, NOW, build, project

from soteneg import pipeline
from soteneg.build.bodies import Bodies
from soteneg.build.content_links import Kept
from soteneg.build.targets import published_site, site_targets
from soteneg.build.unit_keys import Inputs
from soteneg.build.units import plan_units
from soteneg.core.options import BuildOptions
from soteneg.core.problems import format_human
from soteneg.site.index import Site
from soteneg.site.pages.page import Chrome

LAPPI = "content/kierrokset/2018-syksy/lappi.md"

# Links an editor may write, broken and sound, of every kind the build resolves.
LINKS = [
    "/kierrokset/2018-syksy/lapi/",  # the issue's own: a typo in a site path
    "/kierrokset/2018-syksy/lappi/",
    "/kierrokset/2018-syksy/lappi/#saatavuus",
    "/kierrokset/2018-syksy/lappi/#ei-ole",
    "/kierrokset/2018-syksy/lappi",  # no trailing slash: no such file
    "/teemat/saatavuus/",
    "/teemat/ei-ole/",
    "/teemat/saatavuus/#ei-ole",
    "/teemat/saatavuus/lappi/#r-2018-syksy",
    "/teemat/saatavuus/lappi/#2018-syksy",
    "/pdf/2018-syksy/lappi.pdf",
    "/sv/kierrokset/2018-syksy/lappi/",
    "/en/kierrokset/2018-syksy/lappi/",
    "https://soteneg.example.fi/kierrokset/ei-ole/",  # this site's own address
    "//soteneg.example.fi/ei-ole/",
    "https://stm.fi/",
    "?q=x",
    "/haku/?q=x",
    "/static/style.css",
    "/liitteet/ei-ole.pdf",
    "../2018-kevat/lappi.md#saatavuus",
    "mailto:kirjaamo@stm.fi",
]


def _with_links(root: Path, links: list[str]) -> None:
    doc = root / LAPPI
    lines = "\n".join(f"[linkki {n}]({href})" for n, href in enumerate(links))
    doc.write_text(doc.read_text() + "\n" + lines + "\n", encoding="utf-8")


def _link_problems(output: str) -> list[str]:
    return sorted(line for line in output.splitlines() if "error[broken-output-link]" in line)


def _without_hint(line: str) -> str:
    return re.sub(r" \(did you mean [^)]*\)$", "", line)


@pytest.fixture(scope="module")
def bundled_with_links(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = bundled_copy(tmp_path_factory.mktemp("links"))
    _with_links(root, LINKS)
    return root


def test_check_finds_a_broken_site_path_at_its_line(bundled_with_links: Path) -> None:
    result = run_cli("check", "--root", bundled_with_links, "--no-pdf")
    assert result.returncode == 1
    found = _link_problems(result.stdout)
    assert (
        f"{LAPPI}:38:12: error[broken-output-link]: /kierrokset/2018-syksy/lapi/ on "
        "/kierrokset/2018-syksy/lappi/: no page or file at /kierrokset/2018-syksy/lapi/ "
        "(did you mean '/kierrokset/2018-syksy/lappi/'?)"
    ) in found
    broken = {re.search(r"\]: (\S+) on", line).group(1) for line in found}  # type: ignore[union-attr]
    assert broken == {
        "/kierrokset/2018-syksy/lapi/",
        "/kierrokset/2018-syksy/lappi/#ei-ole",
        "/kierrokset/2018-syksy/lappi",
        "/teemat/ei-ole/",
        "/teemat/saatavuus/#ei-ole",
        "/teemat/saatavuus/lappi/#2018-syksy",
        "/en/kierrokset/2018-syksy/lappi/",
        "https://soteneg.example.fi/kierrokset/ei-ole/",
        "//soteneg.example.fi/ei-ole/",
        "/static/style.css",
        "/liitteet/ei-ole.pdf",
    }
    # The id a page made from the data has is found by making that page.
    # (The page's comparisons have ids too, cmp-2018-syksy: the round's comes first.)
    assert any("'2018-syksy' (did you mean 'r-2018-syksy' or" in line for line in found)


@pytest.mark.parametrize("pdf", [False, True], ids=["html-only", "with-pdfs"])
def test_check_and_build_report_the_same_link_problems(
    bundled_with_links: Path, tmp_path: Path, pdf: bool
) -> None:
    """The issue's finding: `check` passed what the build refused, and the build blamed
    templates/theme_region.html for a link in content. Now both say the same, and the
    build's own check of its pages (with the content check switched off) finds the same
    links, each once, at the same lines."""
    flag = () if pdf else ("--no-pdf",)
    checked = run_cli("check", "--root", bundled_with_links, *flag)
    built = run_cli("build", "--root", bundled_with_links, "--out", tmp_path / "out", *flag)
    assert checked.returncode == built.returncode == 1
    assert _link_problems(checked.stdout) == _link_problems(built.stdout)
    assert "templates/" not in built.stdout


def test_the_build_alone_names_each_content_link_once_at_its_document(
    bundled_with_links: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without `check`'s judgement the build's check of the rendered pages still finds
    the links, at the same lines and in the same words (a section shown on four theme
    pages is one problem, on the document's own page), and finds no other."""
    checked = run_cli("check", "--root", bundled_with_links, "--no-pdf")
    monkeypatch.setattr(pipeline, "check_content_links", lambda *a: ([], None, Kept()))
    result = pipeline.build(
        bundled_with_links, tmp_path / "out", BuildOptions(), jobs=1, with_search=False
    )
    text = format_human(result.problems, lambda f, n: None, "en")
    assert [p.file for p in result.problems if p.code == "broken-output-link"] == [LAPPI] * 11
    assert sorted(map(_without_hint, _link_problems(text))) == sorted(
        map(_without_hint, _link_problems(checked.stdout))
    )


def test_links_to_drafts_and_embargoed_documents(tmp_path: Path) -> None:
    """A published document may not link to one the build leaves out; a draft may link
    to another draft, judged as the site will be once both are published."""
    root = project(tmp_path, GOLDEN_SITE)
    page = root / "content/sivut/tietoa.md"
    page.write_text(page.read_text() + "\n[luonnos](../kierrokset/2018-syksy/luonnos.md)\n")
    draft = root / "content/kierrokset/2018-syksy/luonnos.md"
    draft.write_text(
        draft.read_text()
        + "\n[sivu](/neuvottelut/sivut/tietoa/) [ei](/neuvottelut/sivut/ei-ole/)\n"
    )
    result = run_cli("check", "--root", root, "--no-pdf", "--now", NOW)
    found = _link_problems(result.stdout)
    assert len(found) == 2, result.stdout
    assert (
        found[0].startswith("content/kierrokset/2018-syksy/luonnos.md:")
        and "/sivut/ei-ole/ on /neuvottelut/kierrokset/2018-syksy/" not in found[0]
    )
    assert "no page or file at /neuvottelut/sivut/ei-ole/" in found[0]
    assert found[1].startswith("content/sivut/tietoa.md:") and "draft: true" in found[1]
    assert _link_problems(build(root, tmp_path / "out").stdout) == found
    # With drafts the link to one is sound; the draft's broken link is not.
    drafts = build(root, tmp_path / "drafts", "--drafts")
    assert [line.split(":")[0] for line in _link_problems(drafts.stdout)] == [
        "content/kierrokset/2018-syksy/luonnos.md"
    ]


def test_a_site_under_a_base_path_is_judged_as_built(tmp_path: Path) -> None:
    """The golden site lives under /neuvottelut/: a site path without it leaves the site."""
    root = project(tmp_path, GOLDEN_SITE)
    page = root / "content/sivut/tietoa.md"
    page.write_text(
        page.read_text() + "\n[a](/kierrokset/2018-syksy/) [b](/neuvottelut/kierrokset/)\n"
    )
    checked = run_cli("check", "--root", root, "--no-pdf", "--now", NOW)
    found = _link_problems(checked.stdout)
    assert len(found) == 1
    assert "/kierrokset/2018-syksy/ is outside the site's base path /neuvottelut/" in found[0]
    assert _link_problems(build(root, tmp_path / "out").stdout) == found


def _site(root: Path, options: BuildOptions) -> tuple[Site, pipeline.CheckResult]:
    checked = pipeline.check(root, pdf=False, options=options)
    assert not checked.failed, [p.text.en for p in checked.problems if p.is_error]
    return published_site(checked.content, options, checked.files), checked


@pytest.mark.parametrize("name", ["bundled", "golden", "minimal"])
def test_the_targets_are_the_files_the_build_writes(tmp_path: Path, name: str) -> None:
    """Every file an HTML-only build writes, and no other, and each page made by the
    unit the targets name."""
    if name == "bundled":
        root = bundled_copy(tmp_path)
    else:
        root = project(tmp_path, GOLDEN_SITE if name == "golden" else MINIMAL)
    out = tmp_path / "out"
    result = build(root, out, "--no-search")
    assert result.returncode == 0, result.stdout
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    options = BuildOptions(now=dt.datetime.fromisoformat(NOW))
    site, checked = _site(root, options)
    targets = site_targets(site, checked.static, pdfs=False)
    assert set(targets.files) == written
    units = plan_units(
        site,
        Bodies(site),
        lambda lang: Chrome(site, lang, lambda n: "/static/" + n),
        Inputs("", {}, str, str, str),
    )
    made = {}
    for unit in units:
        page = unit.make()
        if page is not None:
            made[page.output] = unit.key
    documents = {f for f in targets.files if f in targets.anchors}
    assert {o: k for o, k in made.items() if o not in documents} == dict(targets.generated)
    assert documents == {o for o, k in made.items() if k.startswith("doc:")}


def test_a_link_to_a_packet_passes_an_html_only_build(tmp_path: Path) -> None:
    root = bundled_copy(tmp_path)
    _with_links(root, ["/pdf/2018-syksy/lappi.pdf", "/pdf/2018-syksy/ei-ole.pdf"])
    checked = run_cli("check", "--root", root, "--no-pdf")
    built = run_cli("build", "--root", root, "--out", tmp_path / "out", "--no-pdf")
    assert [line.split(": ")[2].split(" on ")[0] for line in _link_problems(checked.stdout)] == [
        "/pdf/2018-syksy/ei-ole.pdf"
    ]
    assert _link_problems(built.stdout) == _link_problems(checked.stdout)
