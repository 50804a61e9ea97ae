"""CPU milliseconds of three site-wide parts of a preview save, this checkout's against
another's, in one process on the same arguments: the print budgets' key
(packets.budgets._packets_key), the link check of the output (site.linkcheck.check_links)
and the digest of every front matter (content.graph.fronts_of), as the second save after
a sentence added to one document has them (the first build, two processes, not counted).

    cd /tmp && PYTHONPATH=CODE CODE/.venv/bin/python CODE/bench/preview_parts.py TREE \
        --against OTHER

TREE is a project (bench/generate.py); OTHER a checkout (e.g. /work/main) whose three
modules are loaded beside this one's and called with this one's arguments (the kept
parts of this checkout's Warm left out for OTHER's, which has none). Prints each part's
CPU ms a call (10 calls a round, 3 rounds).
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from soteneg.content import crossref, graph
from soteneg.editors.serve import Preview
from soteneg.packets import budgets
from soteneg.site import linkcheck


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _ms(call: Callable[[], object], before: Callable[[], object] = lambda: None) -> float:
    spent = 0.0
    for _ in range(10):
        before()
        started = time.process_time()
        call()
        spent += time.process_time() - started
    return spent * 100


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tree", type=Path)
    parser.add_argument("--against", type=Path, required=True)
    args = parser.parse_args()
    seen: dict[str, tuple[Any, ...]] = {}

    def record(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def recorded(*given: Any) -> Any:
            seen[name] = given
            return real(*given)

        return recorded

    mine = {"key": budgets._packets_key, "links": linkcheck.check_links, "fronts": graph.fronts_of}
    budgets._packets_key = record("key", budgets._packets_key)  # type: ignore[assignment]
    linkcheck.check_links = record("links", linkcheck.check_links)  # type: ignore[assignment]
    crossref.fronts_of = record("fronts", graph.fronts_of)  # type: ignore[assignment]
    work = Path(tempfile.mkdtemp(prefix="preview-parts-"))
    preview = Preview(args.tree, work / "site", None, collect_when_idle=True, own_folder=True)
    doc = next((args.tree / "content/kierrokset").glob("*/uusimaa.md"))
    original = doc.read_text(encoding="utf-8")
    try:
        assert not preview.rebuild(jobs=2).failed
        for n in range(2):
            text = doc.read_text(encoding="utf-8")
            doc.write_text(text.replace("\n## ", f"\nTallennus {n}.\n\n## ", 1), encoding="utf-8")
            assert not preview.rebuild(changes={(2, str(doc))}).failed
    finally:
        doc.write_text(original, encoding="utf-8")
        shutil.rmtree(work, ignore_errors=True)
    other = args.against / "soteneg"
    theirs = {
        "key": _load(other / "packets/budgets.py", "other_budgets")._packets_key,
        "links": _load(other / "site/linkcheck.py", "other_linkcheck").check_links,
        "fronts": _load(other / "content/graph.py", "other_graph").fronts_of,
    }
    arity = {"key": 3, "links": 5, "fronts": 3}  # OTHER's arguments: no kept parts
    pages = seen["key"][2]
    for name in ("key", "links", "fronts"):
        given = seen[name]
        clear = pages._pages.clear if name == "key" else (lambda: None)  # its chapters
        for _ in range(3):
            a = _ms(lambda f=theirs[name], g=given[: arity[name]]: f(*g), clear)
            b = _ms(lambda f=mine[name], g=given: f(*g), clear)
            print(f"{name}: {args.against} {a:.1f} ms, this {b:.1f} ms")


if __name__ == "__main__":
    main()
