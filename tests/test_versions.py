"""`versions: keep` (issue 27): a document's earlier committed versions stay readable at
addresses that never change, each with a banner that links to the version in force;
out of the search, the sitemap and the packets. Built end to end through the command
line from a git repository made here, with fixed commit days."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import MINIMAL, REPO, run_cli

from soteneg.content.history import NO_HISTORY, Committed, Kept, read_history
from soteneg.content.loader import SourceFile, parse_document
from soteneg.content.versions import earlier_versions

FI = "content/kierrokset/2018-syksy/uusimaa.md"
SV = "content/kierrokset/2018-syksy/uusimaa.sv.md"
PAGE = "kierrokset/2018-syksy/uusimaa"
SWEDISH = """---
title: Nyland, hösten 2018
type: negotiation
date: 2018-10-15
lang: sv
translation_of: kierrokset/2018-syksy/uusimaa
region: uusimaa
round: 2018-syksy
themes: [saatavuus, integraatio]
example: true
versions: keep
---

## Tillgång till tjänster {theme=saatavuus}

Om tillgången.

## Integration av tjänster {theme=integraatio}

Om integrationen.
"""


def _git(root: Path, *args: str, day: str = "2025-01-15") -> str:
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(root),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Testi",
        "GIT_AUTHOR_EMAIL": "testi@example.fi",
        "GIT_COMMITTER_NAME": "Testi",
        "GIT_COMMITTER_EMAIL": "testi@example.fi",
        "GIT_AUTHOR_DATE": f"{day}T12:00:00+02:00",
        "GIT_COMMITTER_DATE": f"{day}T12:00:00+02:00",
    }
    done = subprocess.run(
        ["git", "-C", str(root), *args], check=True, env=env, capture_output=True, text=True
    )
    return done.stdout


def _edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def _commit(root: Path, day: str) -> str:
    _git(root, "commit", "-q", "-am", f"edit {day}", day=day)
    return _git(root, "rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The minimal site with a Finnish negotiation document and its Swedish translation,
    both kept with `versions: keep`, committed four times: the text changed on 1.2.2025
    (both) and 1.3.2025 (Finnish only); on 10.2.2025 only the front matter changed."""
    root = tmp_path / "site"
    shutil.copytree(MINIMAL, root)
    shutil.copytree(REPO / "templates", root / "templates")
    _edit(root, FI, "example: true\n", "example: true\nversions: keep\n")
    (root / SV).write_text(SWEDISH, encoding="utf-8")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    commits = {"first": _commit_all(root)}
    _edit(root, FI, "Saatavuudesta.", "Saatavuudesta tarkemmin.")
    _edit(root, FI, "versions: keep\n", _changes("2025-02-01", "Saatavuusosiota tarkennettu."))
    _edit(root, SV, "Om tillgången.", "Om tillgången mer exakt.")
    _edit(root, SV, "versions: keep\n", _changes("2025-02-01", "Avsnittet om tillgång preciserat."))
    commits["second"] = _commit(root, "2025-02-01")
    _edit(root, FI, "contacts: [antti-kuopila]", "contacts: [antti-kuopila]  # yhteyshenkilö")
    commits["third"] = _commit(root, "2025-02-10")
    _edit(root, FI, "Integraatiosta.", "Integraatiosta uudelleen.")
    _edit(
        root,
        FI,
        "    note: Saatavuusosiota tarkennettu.\n",
        "    note: Saatavuusosiota tarkennettu.\n"
        "  - date: 2025-03-01\n    note: Integraatio-osio kirjoitettu uudelleen.\n",
    )
    commits["fourth"] = _commit(root, "2025-03-01")
    return root, commits


def _commit_all(root: Path) -> str:
    _git(root, "commit", "-q", "-m", "first", day="2025-01-15")
    return _git(root, "rev-parse", "HEAD").strip()


def _changes(day: str, note: str) -> str:
    return f"versions: keep\nchanges:\n  - date: {day}\n    note: {note}\n"


def _build(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    result = run_cli("build", "--root", root, "--out", out, "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _page(out: Path, rel: str) -> str:
    return (out / rel / "index.html").read_text(encoding="utf-8")


def _tree(out: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and ".soteneg" not in p.parts
    }


def test_earlier_versions_are_published_below_the_document(
    repo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, commits = repo
    out = tmp_path / "out"
    _build(root, out)
    first = f"2025-01-15-{commits['first'][:10]}"
    second = f"2025-02-01-{commits['second'][:10]}"
    found = sorted(str(p.parent.relative_to(out)) for p in out.rglob("versiot/*/index.html"))
    # The text of 10.2.2025 is that of 1.2.2025: one version, named by its first commit.
    assert found == [
        f"{PAGE}/versiot/{first}",
        f"{PAGE}/versiot/{second}",
        f"sv/{PAGE}/versiot/{first}",
    ]

    old = _page(out, f"{PAGE}/versiot/{second}")
    assert (
        "<p><strong>Tämä on asiakirjan aiempi versio, julkaistu 1.2.2025.</strong> "
        "Se korvattiin uudemmalla versiolla 1.3.2025.</p>"
    ) in old
    assert (
        'Voimassa oleva versio: <a href="/kierrokset/2018-syksy/uusimaa/">Uusimaa, syksy 2018</a>'
    ) in old
    assert "Muutos, jolla tämä versio korvattiin:" in old
    assert (
        '<time datetime="2025-03-01">1.3.2025</time>: '
        '<span lang="fi">Integraatio-osio kirjoitettu uudelleen.</span>'
    ) in old
    # Its text as it was, through the same Markdown (links resolved, theme anchors).
    assert '<p>Saatavuudesta tarkemmin. Katso myös <a href="/kierrokset/2018-syksy/lappi/' in old
    assert "<p>Integraatiosta.</p>" in old and "uudelleen" not in old.split("notice-earlier")[0]
    assert '<h2 data-theme="integraatio" id="integraatio">' in old
    # Not for search engines, nor the site's search.
    assert '<meta name="robots" content="noindex">' in old
    assert "data-pagefind-body" not in old and "data-soteneg-search" not in old
    canonical = f"https://test.example.fi/{PAGE}/versiot/{second}/"
    assert f'<link rel="canonical" href="{canonical}">' in old
    assert '<span aria-current="page">Versio 1.2.2025</span>' in old

    sv = _page(out, f"sv/{PAGE}/versiot/{first}")
    assert '<html lang="sv">' in sv
    assert (
        "<strong>Detta är en tidigare version av dokumentet, publicerad 15.1.2025.</strong> "
        "Den ersattes med en nyare version 1.2.2025."
    ) in sv
    in_force = '<a href="/sv/kierrokset/2018-syksy/uusimaa/">Nyland, hösten 2018</a>'
    assert f"Gällande version: {in_force}" in sv
    assert '<span lang="sv">Avsnittet om tillgång preciserat.</span>' in sv
    assert "<p>Om tillgången.</p>" in sv

    # The current pages list their earlier versions, newest first.
    current = _page(out, PAGE)
    listed = re.search(
        r'<section class="document-changes document-versions".*?</section>', current, re.S
    )
    assert listed and listed.group(0).count("<li>") == 2
    assert (
        f'<li><a href="/{PAGE}/versiot/{second}/">Versio 1.2.2025</a> '
        '<span class="withdrawn-mark version-until">(korvattu 1.3.2025)</span></li>'
    ) in listed.group(0)
    assert '<h2 id="versions-heading">Aiemmat versiot</h2>' in current
    assert "data-pagefind-body" in current  # the current version is searched as before
    sv_current = _page(out, f"sv/{PAGE}")
    assert '<h2 id="versions-heading">Tidigare versioner</h2>' in sv_current
    assert (
        f'<a href="/sv/{PAGE}/versiot/{first}/">Version 15.1.2025</a> '
        '<span class="withdrawn-mark version-until">(ersatt 1.2.2025)</span>'
    ) in sv_current

    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "versiot" not in sitemap and f"{PAGE}/</loc>" in sitemap


def test_addresses_stay_when_a_version_is_added_and_builds_repeat(
    repo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, commits = repo
    out, again = tmp_path / "out", tmp_path / "again"
    _build(root, out)
    _build(root, again)
    before = _tree(out)
    assert before == _tree(again), "two builds of one commit differ"

    touched = {k: (out / k).stat().st_mtime_ns for k in before if "/versiot/" in k}
    _edit(root, FI, "Integraatiosta uudelleen.", "Integraatiosta kolmannen kerran.")
    fifth = _commit(root, "2025-04-01")
    _build(root, out)  # incremental, into the last build's output
    clean = tmp_path / "clean"
    _build(root, clean)
    after = _tree(out)
    assert after == _tree(clean), "an incremental build differs from a clean one"
    # The earlier versions keep their addresses and their bytes; the text of 1.3.2025
    # is an earlier version now, named by the commit that published it.
    old = [k for k in before if "/versiot/" in k]
    assert old and all(after[k] == before[k] for k in old)
    # ... and are not even written again.
    assert {k: (out / k).stat().st_mtime_ns for k in touched} == touched
    newest = f"{PAGE}/versiot/2025-03-01-{commits['fourth'][:10]}/index.html"
    assert newest not in before and newest in after
    assert "Se korvattiin uudemmalla versiolla 1.4.2025." in after[newest].decode()
    assert fifth[:10] not in "".join(after)  # the current text has no version page


def test_without_git_or_without_keep_nothing_changes(
    repo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, _ = repo
    # A tarball of the same tree: no git, so no versions and no list.
    plain = tmp_path / "plain"
    shutil.copytree(root, plain, ignore=shutil.ignore_patterns(".git"))
    kept_out = tmp_path / "kept"
    _build(plain, kept_out)
    assert not list(kept_out.rglob("versiot"))
    # ... and the same tree without `versions: keep` gives the same bytes.
    for path in (FI, SV):
        _edit(plain, path, "versions: keep\n", "")
    plain_out = tmp_path / "unkept"
    _build(plain, plain_out)
    assert _tree(kept_out) == _tree(plain_out)
    # In the checkout, a document not kept has no versions though it changed.
    for path in (FI, SV):
        _edit(root, path, "versions: keep\n", "")
    _commit(root, "2025-05-01")
    out = tmp_path / "out"
    _build(root, out)
    assert not list(out.rglob("versiot"))


def test_a_version_that_no_longer_validates_is_left_out_with_a_warning(
    repo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, commits = repo
    # A version whose front matter today's model refuses (an unknown field).
    _edit(root, FI, "versions: keep\n", "versions: keep\nvanha_kentta: 1\n")
    _edit(root, FI, "Integraatiosta uudelleen.", "Integraatiosta neljästi.")
    broken = _commit(root, "2025-04-01")
    _edit(root, FI, "vanha_kentta: 1\n", "")
    _edit(root, FI, "Integraatiosta neljästi.", "Integraatiosta viidesti.")
    _commit(root, "2025-04-02")
    result = run_cli("check", "--root", root)
    assert result.returncode == 0, result.stdout
    line = next(x for x in result.stdout.splitlines() if "earlier-version-unreadable" in x)
    assert line.startswith(f"{FI}:10:11: warning[earlier-version-unreadable]: ")
    assert f"commit {broken[:10]} (2025-04-01)" in line
    out = tmp_path / "out"
    _build(root, out)
    versions = sorted(p.name for p in (out / PAGE / "versiot").iterdir())
    assert versions == [
        f"2025-01-15-{commits['first'][:10]}",
        f"2025-02-01-{commits['second'][:10]}",
        f"2025-03-01-{commits['fourth'][:10]}",
    ]


def test_a_link_to_a_document_no_longer_published_leads_to_the_current_version(
    repo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, commits = repo
    lappi = root / "content/kierrokset/2018-syksy/lappi.md"
    lappi.unlink()
    _edit(root, FI, " Katso myös [Lappi](lappi.md#integraatio).", "")
    _git(root, "add", "-A")
    _commit(root, "2025-04-01")
    out = tmp_path / "out"
    _build(root, out)
    old = _page(out, f"{PAGE}/versiot/2025-01-15-{commits['first'][:10]}")
    assert f'Katso myös <a href="/{PAGE}/">Lappi</a>' in old


def test_the_value_of_versions_is_checked(tmp_path: Path) -> None:
    root = tmp_path / "site"
    shutil.copytree(MINIMAL, root)
    _edit(root, FI, "example: true\n", "example: true\nversions: all\n")
    result = run_cli("check", "--root", root)
    assert result.returncode == 1
    assert f"{FI}:10:11: error[invalid-value]: " in result.stdout


def test_history_reads_every_version_of_a_kept_file_only(
    repo: tuple[Path, dict[str, str]],
) -> None:
    root, commits = repo
    history = read_history(root, frozenset({FI}))
    assert set(history.kept) == {FI}
    kept = history.kept[FI]
    assert kept.whole
    assert [v.commit for v in kept.versions] == [
        commits[k] for k in ("fourth", "third", "second", "first")
    ]
    assert kept.versions[-1].day == dt.date(2025, 1, 15)
    assert b"Saatavuudesta." in (kept.versions[-1].data or b"")
    # Not a path under content/ of this checkout: nothing is read.
    assert read_history(root, frozenset({"site.yaml"})).kept == {}


def _doc(text: str):  # type: ignore[no-untyped-def]
    doc, problems = parse_document(SourceFile(FI, text.encode()), text, False, html=False)
    assert doc is not None and not problems, problems
    return doc


DOC = """---
title: T
type: page
date: 2024-01-01
versions: keep
{extra}---

{body}
"""


def _version(commit: str, day: str, body: str, extra: str = "") -> Committed:
    text = DOC.format(extra=extra, body=body)
    return Committed(commit * 40, dt.date.fromisoformat(day), text.encode())


def test_a_bounded_log_leaves_out_the_oldest_text_it_cannot_date() -> None:
    current = _doc(DOC.format(extra="", body="C"))
    versions = (
        _version("c", "2024-03-01", "C"),
        _version("b", "2024-02-01", "B"),
        _version("a", "2024-01-02", "A"),
    )
    whole, _ = earlier_versions((current,), {FI: Kept(versions, True)}, False, False)
    assert [v.key for v in whole[current.id]] == ["2024-02-01-bbbbbbbbbb", "2024-01-02-aaaaaaaaaa"]
    assert [v.until for v in whole[current.id]] == [dt.date(2024, 3, 1), dt.date(2024, 2, 1)]
    cut, _ = earlier_versions((current,), {FI: Kept(versions, False)}, False, False)
    assert [v.key for v in cut[current.id]] == ["2024-02-01-bbbbbbbbbb"]


def test_a_draft_version_was_never_published() -> None:
    current = _doc(DOC.format(extra="", body="B"))
    versions = (
        _version("b", "2024-02-01", "B"),
        _version("a", "2024-01-02", "A", extra="draft: true\n"),
    )
    found, problems = earlier_versions((current,), {FI: Kept(versions, True)}, False, False)
    assert found == {} and problems == []


def test_uncommitted_text_makes_the_last_commit_an_earlier_version() -> None:
    current = _doc(DOC.format(extra="", body="D (not committed)"))
    versions = (_version("c", "2024-03-01", "C"),)
    found, _ = earlier_versions((current,), {FI: Kept(versions, True)}, False, False)
    (only,) = found[current.id]
    assert only.key == "2024-03-01-cccccccccc" and only.until is None


def test_a_shallow_clone_tells_nothing(repo: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    """CI checks out one commit: every file would seem added by it (every page updated
    that day, the oldest version named by the wrong commit). As without git."""
    root, _ = repo
    shallow = tmp_path / "shallow"
    _git(tmp_path, "clone", "-q", "--depth", "2", f"file://{root}", str(shallow))
    assert _git(shallow, "rev-parse", "--is-shallow-repository").strip() == "true"
    assert read_history(shallow, frozenset({FI})) == NO_HISTORY
    out = tmp_path / "out"
    _build(shallow, out)
    assert not list(out.rglob("versiot"))
    assert "Päivitetty" not in _page(out, "tiedotteet/uutinen")


def test_version_pages_pass_axe_and_the_html_checker(
    repo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    """The banner and the list on real pages, in both languages, as the accessibility
    tests judge every kind of page of the bundled site (which keeps no versions)."""
    from browser import browser, require_chromium, serve
    from test_accessibility import VNU, _describe, _require_tools, _violations

    require_chromium()
    _require_tools()
    root, commits = repo
    out = tmp_path / "out"
    _build(root, out)
    first = f"versiot/2025-01-15-{commits['first'][:10]}/"
    pages = [f"{PAGE}/{first}", f"sv/{PAGE}/{first}", f"{PAGE}/", f"sv/{PAGE}/"]
    failures = {}
    with serve(out) as base, browser() as chromium:
        page = chromium.new_page(viewport={"width": 375, "height": 800})
        for rel in pages:
            response = page.goto(base + rel)
            assert response is not None and response.ok, rel
            found = _violations(page)
            if found:
                failures[rel] = [_describe(v) for v in found]
    assert failures == {}, failures
    files = [str(out / rel / "index.html") for rel in pages]
    checked = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr


def test_packets_print_the_version_in_force_only(
    repo: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    if not shutil.which("pdftotext"):
        if os.environ.get("CI"):
            raise RuntimeError("poppler-utils (pdftotext) is required in CI")
        pytest.skip("poppler-utils is not installed")
    root, _ = repo
    out = tmp_path / "out"
    result = run_cli("build", "--root", root, "--out", out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not [p for p in out.rglob("*.pdf") if "versiot" in str(p)]
    for packet, now, then in (
        ("pdf/2018-syksy/uusimaa.pdf", "Integraatiosta uudelleen.", "Saatavuudesta."),
        ("sv/pdf/2018-syksy/uusimaa.pdf", "Om tillgången mer exakt.", "Om tillgången."),
    ):
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(out / packet), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        text = " ".join(text.split())
        assert now in text and then not in text, packet


def test_front_matter_alone_makes_no_version() -> None:
    """A `changes:` entry added, `draft: false` written out, `versions: keep` itself: a
    reader sees the same text, so these commits belong to the version before them."""
    current = _doc(
        DOC.format(extra="draft: false\nchanges:\n  - {date: 2024-03-01, note: N}\n", body="B")
    )
    versions = (
        _version("d", "2024-03-01", "B", extra="changes:\n  - {date: 2024-03-01, note: N}\n"),
        _version("c", "2024-02-15", "B"),
        _version("b", "2024-02-01", "A", extra="summary: S\n"),
        _version("a", "2024-01-02", "A"),
    )
    found, _ = earlier_versions((current,), {FI: Kept(versions, True)}, False, False)
    (summary, first) = found[current.id]
    # The text of 15.2. is the current one: the version of 1.2. ended then.
    assert (summary.key, summary.until) == ("2024-02-01-bbbbbbbbbb", dt.date(2024, 2, 15))
    assert (first.key, first.until) == ("2024-01-02-aaaaaaaaaa", dt.date(2024, 2, 1))
    assert summary.document.meta is not None and summary.document.meta.summary == "S"


@pytest.mark.parametrize("bound", ["MAX_KEPT_COMMITS", "MAX_COMMITS"])
def test_a_bounded_read_never_names_a_version_by_the_wrong_commit(
    repo: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch, bound: str
) -> None:
    """Read two commits of the file (or of content/) where four exist: the text of 1.2.
    was seen only in its 10.2. commit, so its first commit is unknown and it is left out
    rather than published under a name a longer read would change."""
    from soteneg.content import history

    root, commits = repo
    monkeypatch.setattr(history, bound, 2)
    kept = read_history(root, frozenset({FI})).kept[FI]
    assert not kept.whole
    assert [v.commit for v in kept.versions] == [commits["fourth"], commits["third"]]
    current = next(d for d in _checked(root) if d.file == FI)
    found, problems = earlier_versions((current,), {FI: kept}, False, False)
    assert found == {} and problems == []


def _checked(root: Path):  # type: ignore[no-untyped-def]
    from soteneg import pipeline

    return pipeline.check(root, pdf=False).content.documents


def test_versions_beyond_the_byte_bound_are_not_read(
    repo: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sizes are asked first: nothing beyond MAX_KEPT_BYTES is read into memory. The
    history read ends at the first version not read: the text of 1.2. was read only in
    its 10.2. commit, so it is left out rather than named by the wrong commit."""
    from soteneg.content import history

    root, _ = repo
    size = len(_git(root, "show", f"HEAD:{FI}").encode())
    monkeypatch.setattr(history, "MAX_KEPT_BYTES", 2 * size + 10)
    kept = read_history(root, frozenset({FI})).kept[FI]
    assert [v.data is not None for v in kept.versions] == [True, True, False, False]
    current = next(d for d in _checked(root) if d.file == FI)
    found, problems = earlier_versions((current,), {FI: kept}, False, False)
    assert found == {} and problems == []
