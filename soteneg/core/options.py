"""What a build is asked to publish: drafts or not, at which moment, under which path.
Plain values, kept in core so that the command line can name a build's options (and see
that its last build still holds) without loading the content models."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class BuildOptions:
    drafts: bool = False
    now: dt.datetime | None = None  # None: no embargo is in force (every publish_at has passed)
    # Serve the site from this path instead of base_url's (the preview serves from "/").
    base_path: str | None = None
    # The preview's secret: what editors wrote (bodies, sections) stands between
    # <!--mark--> and <!--/mark--> in its pages, so that its policy can tell the
    # templates' scripts from the content's (editors/page_policy.py). Never published.
    content_mark: str | None = None
