"""The template check's problems kept in the build cache by the templates' texts
(build.template_check): a build whose templates did not change does not compile them
all again, and any template edit is checked again, its problems reported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_site import GOLDEN_SITE, project

from soteneg.build import template_check
from soteneg.build.output import cache_dir
from soteneg.content.project_files import read_project
from soteneg.core.problems import Problem
from soteneg.pipeline import BuildResult
from soteneg.pipeline import build as build_in_process
from soteneg.site.index import BuildOptions
from soteneg.site.render import check_templates, environment, template_keys, template_texts

NOW = dt.datetime(2018, 11, 29, 14, 0, tzinfo=dt.UTC)
# Used by no page: only the template check can find what is wrong with it.
UNUSED = "templates/unused.html"


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the templates were really checked; each build starts as a fresh
    process would, with nothing kept in memory."""
    calls: list[int] = []

    def counted(env):  # type: ignore[no-untyped-def]
        calls.append(1)
        return check_templates(env)

    monkeypatch.setattr(template_check, "check_templates", counted)
    return calls


def _build(root: Path, out: Path) -> BuildResult:
    template_check._IN_PROCESS.clear()  # a new process
    return build_in_process(root, out, BuildOptions(now=NOW), with_search=False)


def _codes(result: BuildResult) -> list[tuple[str, str]]:
    return [(p.file, p.code) for p in result.problems if p.file.startswith("templates/")]


def test_unchanged_templates_are_not_checked_again(tmp_path: Path, checks: list[int]) -> None:
    root, out = project(tmp_path, GOLDEN_SITE), tmp_path / "out"
    assert not _build(root, out).failed and len(checks) == 1
    assert (cache_dir(out) / template_check.TEMPLATES_FILE).is_file()
    doc = sorted((root / "content").rglob("*.md"))[0]
    doc.write_text(doc.read_text(encoding="utf-8") + "\nLisätty kappale.\n", encoding="utf-8")
    assert not _build(root, out).failed
    assert len(checks) == 1  # the texts are the same: the last check's problems


def test_a_template_broken_after_a_cached_run_is_reported(
    tmp_path: Path, checks: list[int]
) -> None:
    root, out = project(tmp_path, GOLDEN_SITE), tmp_path / "out"
    (root / UNUSED).write_text("<p>{{ title }}</p>\n", encoding="utf-8")
    assert not _build(root, out).failed
    assert not _build(root, out).failed and len(checks) == 1  # kept
    (root / UNUSED).write_text("<p>{% if %}</p>\n", encoding="utf-8")
    broken = _build(root, out)
    assert broken.failed and _codes(broken) == [(UNUSED, "template-error")]
    assert len(checks) == 2
    # Kept broken: still reported, from the cache, in the same words.
    again = _build(root, out)
    assert again.failed and len(checks) == 2
    assert [_line(p) for p in again.problems] == [_line(p) for p in broken.problems]
    # A filter that does not exist, in a template that was fine: checked again.
    (root / UNUSED).write_text("<p>{{ title|nope }}</p>\n", encoding="utf-8")
    assert _codes(_build(root, out)) == [(UNUSED, "template-error")] and len(checks) == 3
    (root / UNUSED).unlink()
    assert not _build(root, out).failed and len(checks) == 4


def test_a_damaged_cache_file_is_checked_again(tmp_path: Path, checks: list[int]) -> None:
    root, out = project(tmp_path, GOLDEN_SITE), tmp_path / "out"
    (root / UNUSED).write_text("{% extends 'missing.html' %}\n", encoding="utf-8")
    first = _build(root, out)
    assert _codes(first) == [(UNUSED, "template-missing")]
    (cache_dir(out) / template_check.TEMPLATES_FILE).write_bytes(b"\x93\x01\xa1x\x90")
    second = _build(root, out)
    assert _codes(second) == [(UNUSED, "template-missing")] and len(checks) == 2


def _line(p: Problem) -> tuple[str, int, int, str, str, str]:
    return (p.file, p.line, p.column, p.severity, p.code, p.message_in("sv"))


def test_the_templates_keys_are_kept_with_their_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, out = project(tmp_path, GOLDEN_SITE), tmp_path / "out"
    assert not _build(root, out).failed
    files = read_project(root, templates=True).templates
    assert files is not None
    texts = template_texts(files)[0]  # as the build read them
    env = environment(root, texts)
    expected = template_keys(env)
    template_check._IN_PROCESS.clear()

    def refused(env):  # type: ignore[no-untyped-def]
        raise AssertionError("answered from the cache")

    with monkeypatch.context() as patched:
        patched.setattr(template_check, "check_templates", refused)
        patched.setattr(template_check, "template_keys", refused)
        kept = template_check.keys_of_templates(env, texts, cache_dir(out))
    assert kept == expected
    edited = {**texts, "theme_region.html": texts["theme_region.html"] + "<!-- x -->\n"}
    env = environment(root, edited)
    again = template_check.keys_of_templates(env, edited, cache_dir(out))
    assert again == template_keys(env) and again["theme_region.html"] != kept["theme_region.html"]
