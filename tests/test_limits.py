"""Oversized and hostile input through the command line: a problem, quickly, not a crash.

The timeouts guard against hangs only; speed is measured in bench/, not asserted here.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

DOC = "content/kierrokset/2018-syksy/uusimaa.md"


def _problems(root: Path) -> tuple[int, list[tuple[str, int, str]]]:
    result = run_cli("check", "--root", root, "--format", "json", timeout=60)
    body = json.loads(result.stdout)
    return result.returncode, [(p["file"], p["line"], p["code"]) for p in body["problems"]]


def test_a_document_over_the_size_limit_is_refused_unread(minimal: Path) -> None:
    (minimal / "content/iso.md").write_bytes(b"---\ntitle: x\n---\n" + b"a" * (50 * 1024 * 1024))
    assert _problems(minimal) == (1, [("content/iso.md", 1, "file-too-large")])


def test_a_very_long_value_is_a_located_problem(minimal: Path) -> None:
    path = minimal / DOC
    text = path.read_text().replace("title: Uusimaa, syksy 2018", "title: " + "x" * 1_500_000)
    path.write_text(text)
    status, problems = _problems(minimal)
    assert (status, problems) == (1, [(DOC, 2, "invalid-value")])


def test_a_very_long_markdown_line_is_fine(minimal: Path) -> None:
    path = minimal / DOC
    path.write_text(path.read_text() + "\n" + "sana " * 300_000 + "\n")
    assert _problems(minimal) == (0, [])


def test_many_small_documents(minimal: Path) -> None:
    folder = minimal / "content/sivut"
    folder.mkdir()
    for n in range(2000):
        (folder / f"s{n}.md").write_text(
            f"---\ntitle: Sivu {n}\ntype: page\ndate: 2018-01-01\n---\nTeksti.\n"
        )
    (folder / "s7.md").write_text("---\ntitle: Sivu\ntype: pgae\ndate: 2018-01-01\n---\n")
    assert _problems(minimal) == (1, [("content/sivut/s7.md", 3, "invalid-value")])


def test_a_symlink_out_of_the_project_is_not_followed(minimal: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: salainen\ntype: page\ndate: 2018-01-01\n---\nsalaisuus\n")
    (minimal / "content/vuoto.md").symlink_to(secret)
    assert _problems(minimal) == (1, [("content/vuoto.md", 1, "outside-project")])


def test_a_hundred_thousand_one_line_documents(minimal: Path) -> None:
    folder = minimal / "content/massa"
    folder.mkdir()
    for n in range(100_000):
        (folder / f"d{n:06d}.md").write_text("yksi rivi\n")
    result = run_cli("check", "--root", minimal, "--format", "json", timeout=120)
    assert result.returncode == 1
    body = json.loads(result.stdout)
    codes = {p["code"] for p in body["problems"]}
    assert codes == {"front-matter-missing", "too-many-files"}
    too_many = next(p for p in body["problems"] if p["code"] == "too-many-files")
    assert too_many["message"] == "more than 50,000 documents; 50,003 documents not read"
