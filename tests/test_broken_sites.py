"""Deliberately broken sample sites and their exact expected problems, through the CLI.

Each folder under tests/broken/ holds `files/` (laid over a copy of tests/sites/minimal),
an optional `delete.txt`, and `expected.txt`: the exit code and the problem lines that
`soteneg check` must print. `make golden` rewrites expected.txt; review the diff.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import MINIMAL, TESTS, UPDATE_GOLDEN, run_cli

CASES = sorted(p for p in (TESTS / "broken").iterdir() if p.is_dir())


def _headlines(output: str) -> list[str]:
    # The problem lines, without source excerpts and the summary: those are tested apart.
    return [line for line in output.splitlines() if "error[" in line or "warning[" in line]


def _prepare(case: Path, tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(MINIMAL, root)
    files = case / "files"
    if files.is_dir():
        shutil.copytree(files, root, dirs_exist_ok=True)
    delete = case / "delete.txt"
    if delete.is_file():
        for rel in delete.read_text().split():
            (root / rel).unlink()
    return root


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_site_reports_exact_problems(case: Path, tmp_path: Path) -> None:
    root = _prepare(case, tmp_path)
    result = run_cli("check", "--root", root, timeout=60)
    actual = [f"exit {result.returncode}", *_headlines(result.stdout)]
    expected_file = case / "expected.txt"
    if UPDATE_GOLDEN:
        expected_file.write_text("\n".join(actual) + "\n", encoding="utf-8")
    # A new case is written only on purpose (`make golden`), so that it is reviewed.
    assert expected_file.is_file(), f"{expected_file} is missing; run `make golden`, review it"
    assert "Traceback" not in result.stdout + result.stderr
    assert actual == expected_file.read_text(encoding="utf-8").splitlines()
    assert result.returncode in (1, 2)
    assert len(actual) > 1, "a broken site must report at least one located problem"
