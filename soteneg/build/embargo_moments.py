"""The two moments an embargo gives a build's result (kept in its cache's inputs): the
next one at which the site changes with no edit, and the last one already passed."""

from __future__ import annotations

import datetime as dt

from soteneg.content.loader import Content
from soteneg.core.options import BuildOptions


def settles(content: Content, options: BuildOptions) -> dt.datetime | None:
    """The next moment an embargo ends and the site changes without any edit."""
    now = options.now
    if now is None:
        return None
    future = [
        d.meta.publish_at
        for d in content.documents
        if d.meta is not None and d.meta.publish_at and d.meta.publish_at > now
    ]
    return min(future) if future else None


def lifted(content: Content, options: BuildOptions) -> dt.datetime | None:
    """The last moment up to the build's "now" at which an embargo ended: a build as of
    an earlier moment leaves that document out again. Without a "now" nothing is held
    back, so every embargo counts as ended."""
    now = options.now
    past = [
        d.meta.publish_at
        for d in content.documents
        if d.meta is not None and d.meta.publish_at and (now is None or d.meta.publish_at <= now)
    ]
    return max(past) if past else None
