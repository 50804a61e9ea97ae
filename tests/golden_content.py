"""The golden sample site's content as `check` reads it, at a fixed moment and without
PDFs: what the tests of the Site's index (test_index_kept.py, test_index_answers.py)
start from, each module with a copy of its own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_site import GOLDEN_SITE, NOW, project

from soteneg import pipeline
from soteneg.content.loader import Content
from soteneg.core.options import BuildOptions

OPTIONS = BuildOptions(
    drafts=False, now=dt.datetime.fromisoformat(NOW), base_path="/", content_mark="m"
)


def checked(tmp_path: Path) -> Content:
    """The golden site copied under `tmp_path` and checked with OPTIONS (no problems)."""
    root = project(tmp_path, GOLDEN_SITE)
    found = pipeline.check(root, pdf=False, options=OPTIONS)
    assert not found.failed
    return found.content
