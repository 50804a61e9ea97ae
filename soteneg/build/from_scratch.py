"""Why a build into an output that an earlier build made makes every page again, for
the line the command line ends with: the cost of such a build (a minute at 5000
documents where an edit takes seconds) should never be a mystery. By design, in two
cases: the last build was stopped while it moved its files in (its journal is still
there, so no cache describes the output), or the cache was made by other code (another
soteneg, another `PYTHONPATH`) or with other options (`--drafts`, `--no-pdf`…), which
it is never taken from (cache.fresh.cache_key). See docs/builds.md."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from soteneg.build import cache as build_cache

Why = Literal["interrupted", "other-cache"]


def why_from_scratch(out: Path, folder: Path | None, trusted: bool) -> Why | None:
    """`trusted`: the cache in `folder` was read for this build's code and options (its
    inputs and records decoded). None: the output is updated in place, or there was no
    earlier build's cache to use (the first build, or a cache deleted by hand)."""
    if os.path.lexists(build_cache.journal(out)):
        return "interrupted"
    if not trusted and folder is not None and (folder / build_cache.INPUTS_FILE).exists():
        return "other-cache"
    return None
