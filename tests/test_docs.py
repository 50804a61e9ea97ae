"""The docs stay in step with behaviour: README examples pass check, codes are documented."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import REPO, TESTS, run_cli

EXAMPLE = re.compile(r"\*\*(\w+)\*\*:[^\n]*`(content/[^`]+\.md)`\n```markdown\n(.*?)```", re.S)


def test_readme_starts_with_the_two_commands() -> None:
    head = (REPO / "README.md").read_text().splitlines()[:6]
    assert "make build" in "\n".join(head) and "make test" in "\n".join(head)


def test_every_readme_example_passes_check(tmp_path: Path) -> None:
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    examples = EXAMPLE.findall((REPO / "README.md").read_text())
    assert sorted(t for t, _, _ in examples) == sorted(
        ["negotiation", "assessment", "summary", "news", "page"]
    )
    for doc_type, path, text in examples:
        assert f"type: {doc_type}\n" in text
        (root / path).write_text(text)
    result = run_cli("check", "--root", root)
    assert result.returncode == 0, result.stdout


def test_every_problem_code_in_the_samples_is_documented() -> None:
    documented = (REPO / "docs/problems.md").read_text()
    seen = set()
    for expected in (TESTS / "broken").glob("*/expected.txt"):
        seen |= set(re.findall(r"(?:error|warning)\[([a-z-]+)\]", expected.read_text()))
    assert seen, "the broken samples report codes"
    missing = sorted(code for code in seen if f"`{code}`" not in documented)
    assert missing == []
