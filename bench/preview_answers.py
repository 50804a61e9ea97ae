"""CPU ms a preview save spends making the Site's answers (`Site.remember`, and the
versions' URLs), by kind of answer, each counted without the answers it asks for
itself; runs bench/preview_save.py in this process.

    PYTHONPATH=CODE .venv/bin/python bench/preview_answers.py TREE --saves N

Only the saves are counted, not the first build. It reads the Site's memo itself, so
that code from before index_answers can be compared with it, A/B. "=outer" is the sum
over the answers made outside any other answer: all that the saves spend on answers.
"""

from __future__ import annotations

import collections
import runpy
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from soteneg.content.loader import Document
from soteneg.editors.serve import Preview
from soteneg.site import index

spent: collections.Counter[str] = collections.Counter()
made: collections.Counter[str] = collections.Counter()
inner: list[float] = []  # per answer being made: the time its own answers took
saving = [False]


def _counted(kind: str, started: float) -> None:
    took = time.process_time() - started
    spent[kind] += took - inner.pop()
    made[kind] += 1
    if inner:
        inner[-1] += took
    else:
        spent["=outer"] += took


def main() -> None:
    remember = index.Site.remember
    url = index.Site.url
    rebuild = Preview.rebuild

    def remembered(site: index.Site, key: tuple[str, str], make: Callable[[], Any]) -> Any:
        if not saving[0] or key in site._memo:
            return remember(site, key, make)
        inner.append(0.0)
        started = time.process_time()
        try:
            return remember(site, key, make)
        finally:
            _counted(key[0], started)

    def urled(site: index.Site, doc: Document) -> str:
        if not saving[0] or ("url", doc.id) in site._memo:
            return url(site, doc)
        inner.append(0.0)
        started = time.process_time()
        try:
            return url(site, doc)
        finally:
            _counted("url", started)

    def saved(preview: Preview, *given: Any, **named: Any) -> Any:
        if named.get("jobs") == 2:  # the first build
            return rebuild(preview, *given, **named)
        saving[0] = True
        try:
            return rebuild(preview, *given, **named)
        finally:
            saving[0] = False

    index.Site.remember = remembered  # type: ignore[method-assign]
    index.Site.url = urled  # type: ignore[method-assign]
    Preview.rebuild = saved  # type: ignore[method-assign]
    script = Path(__file__).with_name("preview_save.py")
    sys.argv = [str(script), *sys.argv[1:]]
    saves = int(sys.argv[sys.argv.index("--saves") + 1]) if "--saves" in sys.argv else 6
    runpy.run_path(str(script), run_name="__main__")
    for kind, seconds in spent.most_common():
        print(f"{kind:25s} {seconds / saves * 1000:8.1f} ms a save, made {made[kind] / saves:.0f}")


if __name__ == "__main__":
    main()
