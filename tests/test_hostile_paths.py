"""Hostile file names and file-system states give located problems, never a traceback:
links that loop, folders that cannot be listed, names a terminal would act on, and
names too long for the file system (issue 15)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import bundled_copy, run_cli

from soteneg.content import project_files, sources
from soteneg.core import problems

LOOPS = ("loop.md", "a", "b")


def _no_traceback(result) -> None:  # type: ignore[no-untyped-def]
    assert "Traceback" not in result.stdout + result.stderr, result.stderr[-2000:]


def test_links_that_loop_are_located_problems(minimal: Path) -> None:
    content = minimal / "content"
    (content / "loop.md").symlink_to("loop.md")
    (content / "a").symlink_to("b")
    (content / "b").symlink_to("a")
    for command in ("check", "build"):
        result = run_cli(command, "--root", minimal, "--no-pdf")
        _no_traceback(result)
        assert result.returncode == 1, result.stdout + result.stderr
        for name in LOOPS:
            assert f"content/{name}:1:1: error[unreadable]: this link cannot be followed" in (
                result.stdout
            ), name


def test_a_folder_that_cannot_be_listed_is_a_located_problem(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root (CI) permissions do not stop a read, so the refusal is simulated where the
    walk lists a folder; as another user a real `chmod 000` is tried too."""
    secret = minimal / "content" / "salainen"
    secret.mkdir()
    (secret / "a.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: str):  # type: ignore[no-untyped-def]
        if Path(path) == secret:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(sources.os, "scandir", scandir)
    found = project_files.read_project(minimal)
    refused = [f for f in found.documents if f.path == "content/salainen"]
    assert refused and refused[0].refused_code == "unreadable"
    reason = refused[0].refused
    assert reason and reason.message == "this folder cannot be listed: Permission denied"
    assert not any(f.path.startswith("content/salainen/") for f in found.documents)
    monkeypatch.undo()
    if os.geteuid() != 0:
        secret.chmod(0)
        try:
            result = run_cli("check", "--root", minimal, "--no-pdf")
        finally:
            secret.chmod(0o755)
        _no_traceback(result)
        assert result.returncode == 1
        assert "content/salainen:1:1: error[unreadable]" in result.stdout


def test_a_title_or_slug_too_long_for_a_file_name_is_refused_or_cut(minimal: Path) -> None:
    result = run_cli("new", "page", "--title", "a" * 3000, "--root", minimal, "--lang", "en")
    _no_traceback(result)
    assert result.returncode == 2
    assert "--title: 3,000 characters; a title has 1 to 2,000 characters" in result.stderr
    result = run_cli("new", "news", "--slug", "b" * 300, "--root", minimal, "--lang", "en")
    _no_traceback(result)
    assert result.returncode == 2 and "at most 80 characters" in result.stderr
    # A long title of words gives a file name cut at a word, which `check` accepts.
    words = " ".join(f"Sana{n}" for n in range(1, 200))
    result = run_cli("new", "page", "--title", words, "--root", minimal, "--date", "2018-11-01")
    _no_traceback(result)
    assert result.returncode == 0, result.stderr
    written = next((minimal / "content" / "sivut").glob("sana1-*.md"))
    assert len(written.stem) <= 80 and written.stem.endswith("-sana12")
    assert run_cli("check", "--root", minimal, "--no-pdf").returncode == 0


def test_control_characters_in_file_names_reach_no_terminal(minimal: Path) -> None:
    """ESC sequences (colour, window title, OSC 8 links) and bidirectional overrides in a
    file name or a source line are written as escapes in every output format."""
    name = "a\x1b[31mRED\x1b]0;pwned\x07\u202eb.md"
    (minimal / "content" / name).write_text("---\ntitle: x\x1b[2J\n---\n", encoding="utf-8")
    for fmt in ("human", "github", "json"):
        result = run_cli("check", "--root", minimal, "--no-pdf", "--format", fmt)
        _no_traceback(result)
        assert result.returncode == 1
        out = result.stdout + result.stderr
        for raw in ("\x1b", "\x07", "\u202e"):
            assert raw not in out, (fmt, raw)
        if fmt == "json":
            files = {p["file"] for p in json.loads(result.stdout)["problems"]}
            assert f"content/{name}" in files  # the same string, only escaped in transit
        else:
            assert "content/a\\x1b[31mRED\\x1b]0;pwned\\x07\\u202eb.md" in out, out


def test_the_caret_points_at_the_column_after_escapes() -> None:
    found = problems.problem("x.md", (1, 3), "unknown-field", field="m")
    lines = problems.format_human([found], lambda _f, _l: "\x1b\x1bab").split("\n")
    assert lines[1] == " 1 | \\x1b\\x1bab"
    assert lines[2].index("^") == lines[1].index("a")


def test_visible_leaves_ordinary_text_alone() -> None:
    text = "Pohjois-Savo – Norra Savolax\tå ä ö € 😀"
    assert problems.visible(text) == text


def test_new_where_a_file_blocks_the_folder_is_a_usage_error(minimal: Path) -> None:
    pages = minimal / "content" / "sivut"
    shutil.rmtree(pages, ignore_errors=True)
    pages.write_text("not a folder", encoding="utf-8")
    result = run_cli("new", "page", "--title", "Testi", "--root", minimal, "--lang", "en")
    _no_traceback(result)
    assert result.returncode == 2
    assert "cannot create content/sivut/: a file of that name exists" in result.stderr


# --- found in review --------------------------------------------------------------------


def test_odd_but_plausible_content_gives_problems_not_tracebacks(tmp_path: Path) -> None:
    """A translation of a translation (the print budgets index content with errors), a
    region "valid to 9999-12-31" with successors, a file name that is not UTF-8, and a
    FIFO named like a document: each one located problem, in every format."""
    root = bundled_copy(tmp_path)
    pages = root / "content/sivut"
    (pages / "ketju.en.md").write_text(
        "---\ntitle: N\ntype: page\ndate: 2018-10-01\nlang: en\n"
        "translation_of: sivut/neuvottelut.sv\n---\n\nText.\n",
        encoding="utf-8",
    )
    regions = root / "content/regions.yaml"
    regions.write_text(
        regions.read_text(encoding="utf-8").replace(
            "valid_to: 2019-03-08", "valid_to: 9999-12-31", 1
        ),
        encoding="utf-8",
    )
    with open(os.fsencode(pages) + b"/huono\xff.md", "wb") as handle:
        handle.write(b"---\ntitle: X\ntype: page\ndate: 2018-10-01\n---\n")
    os.mkfifo(pages / "putki.md")
    for fmt in ("human", "json", "github"):
        result = run_cli("check", "--no-pdf", "--root", root, "--format", fmt, timeout=60)
        _no_traceback(result)
        assert result.returncode == 1, result.stdout
        out = result.stdout
        if fmt == "json":  # the same strings, read back from JSON
            found = json.loads(out)["problems"]
            out = "\n".join(f"{p['file']} {p['code']} {p['message']}" for p in found)
        assert "translation-chain" in out
        assert "succession-without-end" in out and "never ends (9999-12-31)" in out
        assert "content/sivut/huono\\udcff.md" in out and "not UTF-8" in out
        assert "content/sivut/putki.md" in out and "not a regular file" in out


def test_a_content_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    root = bundled_copy(tmp_path)
    (root / "content").rename(root / "aineisto")
    (root / "content").symlink_to("aineisto")
    result = run_cli("check", "--no-pdf", "--root", root)
    _no_traceback(result)
    assert result.returncode == 1
    assert "content:1:1: error[outside-project]: content/ is a link" in result.stdout


def test_without_parties_yaml_the_region_is_no_lone_party(tmp_path: Path) -> None:
    """The packet cover and the pages list the parties with the region last; with no
    parties.yaml (optional) there are none, never the region alone."""
    from soteneg import pipeline
    from soteneg.site import eras
    from soteneg.site.index import BuildOptions, build_site

    root = bundled_copy(tmp_path)
    for with_file in (True, False):
        if not with_file:
            (root / "content/parties.yaml").unlink()
        site = build_site(pipeline.check(root, pdf=False).content, BuildOptions())
        rnd = site.data.rounds["2018-syksy"]
        names = eras.party_list(site, rnd, "fi", "uusimaa")
        assert names == (["Sosiaali- ja terveysministeriö", "Uusimaa"] if with_file else [])
