"""CPU milliseconds of a preview save's site-wide keys, this checkout's against another's,
A/B in one process on the same site: the text keys and the structure key of the plan
(build.replan), the key of the documents' links (build.content_links.links_key) and the
sitemap's key, as the save after a sentence added to one document has them.

    PYTHONPATH=. .venv/bin/python bench/preview_keys.py TREE --against OTHER [--rounds N]

TREE is a project (bench/generate.py); OTHER a checkout whose build/replan.py and
build/content_links.py are loaded beside this one's (e.g. /work/main). Each round times
every key five times, the two versions one after the other; prints the median and the
range of the rounds. The first build (two processes) is not counted.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from soteneg.build import content_links, run
from soteneg.build import replan as mine
from soteneg.build.unit_keys import fingerprint
from soteneg.core.keyparts import key_bytes
from soteneg.editors.serve import Preview
from soteneg.site.feeds import sitemap_page


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _cpu(make: Callable[[], object], times: int = 5) -> float:
    started = time.process_time()
    for _ in range(times):
        make()
    return (time.process_time() - started) / times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tree", type=Path)
    parser.add_argument("--against", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    theirs = _load(args.against / "soteneg/build/replan.py", "other_replan")
    theirs_links = _load(args.against / "soteneg/build/content_links.py", "other_content_links")
    got: dict[str, Any] = {}
    replan, links_key, make_sitemap = run.replan, content_links.links_key, run.Run._make_sitemap

    def recorded_replan(*given: Any) -> Any:
        got["replan"] = given
        got["again"] = replan(*given)
        return got["again"]

    def recorded_links_key(*given: Any) -> str:
        got["links"] = given
        return links_key(*given)

    def recorded_sitemap(self: run.Run) -> None:
        got["entries"] = [r.sitemap for r in self.staged.records.values() if r.sitemap]
        make_sitemap(self)

    run.replan = recorded_replan  # type: ignore[assignment]
    content_links.links_key = recorded_links_key
    run.Run._make_sitemap = recorded_sitemap  # type: ignore[method-assign]
    work = Path(tempfile.mkdtemp(prefix="preview-keys-"))
    doc = next((args.tree / "content/kierrokset").glob("*/uusimaa.md"))
    original = doc.read_text(encoding="utf-8")
    try:
        preview = Preview(args.tree, work / "site", None, collect_when_idle=True, own_folder=True)
        assert not preview.rebuild(jobs=2).failed
        doc.write_text(original.replace("\n## ", "\nTallennus.\n\n## ", 1), encoding="utf-8")
        assert not preview.rebuild(changes={(2, str(doc))}).failed
    finally:
        doc.write_text(original, encoding="utf-8")
        shutil.rmtree(work, ignore_errors=True)
    site, texts, site_wide, templates, _, _ = got["replan"]
    planned = got["again"].planned()
    docs = dict(site.published)
    docs.update((d.id, d) for g in site.groups.values() for d in g.versions.values())

    def shape(d: Any) -> str:
        return str(planned.shapes[planned.texts[d.id]])

    context = sitemap_page(got["entries"]).context
    links = got["links"]
    rows: dict[str, Callable[[], object]] = {
        "text keys, other": lambda: {i: fingerprint(texts[d.file]) for i, d in docs.items()},
        "text keys, this": lambda: mine.text_keys(docs, texts, planned.sources),
        "structure key, other": lambda: theirs.structure_key(site, site_wide, templates, shape),
        "structure key, this": lambda: mine.structure_key(site, site_wide, templates, shape),
        "links key, other": lambda: theirs_links.links_key(*links[:5]),
        "links key, this (parts kept)": lambda: links_key(*links),
        "sitemap key, other (repr)": lambda: fingerprint("", "", repr(context)),
        "sitemap key, this (key_bytes)": lambda: fingerprint(
            "", "", hashlib.blake2b(key_bytes(context), digest_size=16).hexdigest()
        ),
    }
    seconds: dict[str, list[float]] = {name: [] for name in rows}
    for _ in range(args.rounds):
        for name, make in rows.items():
            seconds[name].append(_cpu(make))
    print(f"{len(docs)} documents, {len(context['entries'])} sitemap entries")
    for name, found in seconds.items():
        ms = [s * 1000 for s in found]
        print(f"| {name} | {statistics.median(ms):.1f} | {min(ms):.1f}–{max(ms):.1f} |")


if __name__ == "__main__":
    main()
