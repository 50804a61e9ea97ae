"""The pipeline as a readable list of steps. Reading happens first, writing last."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from soteneg.content import Content, load_content
from soteneg.crossref import cross_check
from soteneg.problems import Problem, has_errors, sort_problems
from soteneg.sources import CONTENT_DIR, read_project


@dataclass(frozen=True)
class CheckResult:
    content: Content
    problems: list[Problem]  # every problem of the run, sorted by file and line
    config_failed: bool  # site.yaml is missing or invalid: a configuration error

    @property
    def failed(self) -> bool:
        return self.config_failed or has_errors(self.problems)


def check(root: Path) -> CheckResult:
    """Read and validate the whole project; write nothing."""
    files = read_project(root)
    content, config_problems, problems = load_content(files)
    prefix = CONTENT_DIR + "/"
    every_document = {f.path.removeprefix(prefix).removesuffix(".md") for f in files.documents}
    problems += cross_check(content, every_document, files.assets)
    return CheckResult(
        content=content,
        problems=sort_problems(config_problems + problems),
        config_failed=has_errors(config_problems),
    )
