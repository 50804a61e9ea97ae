"""CPU seconds of one save's build in the preview, in this process: `Preview.rebuild`
with the cache in memory, as `soteneg serve` runs it (the collector off, its own
folder, told what the watcher saw when the code has that), after a sentence is added to
a theme section of one document.

    PYTHONPATH=CODE .venv/bin/python bench/preview_save.py TREE [--saves N] [--alternate]

TREE is a project, e.g. one made by `bench/generate.py TREE --documents 5000`; CODE
the checkout whose soteneg/ is measured, so that two versions can be compared A/B,
alternating, under the same load. The first build (every core) is not counted. Prints
the median and each save's CPU s, and how many times the site with every document
published was made during the saves.
"""

from __future__ import annotations

import argparse
import inspect
import resource
import shutil
import statistics
import tempfile
from pathlib import Path
from typing import Any

import soteneg
from soteneg.build import content_links
from soteneg.editors.serve import Preview


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("tree", type=Path)
    parser.add_argument("--saves", type=int, default=6)
    # Every other save not told what changed, as a build that walks the project: the
    # two ways A/B in one process, under the same load.
    parser.add_argument("--alternate", action="store_true")
    args = parser.parse_args()
    made: list[int] = []
    whole = content_links.everything_site

    def counted(*given: Any) -> Any:
        made.append(1)
        return whole(*given)

    content_links.everything_site = counted  # type: ignore[assignment]
    work = Path(tempfile.mkdtemp(prefix="preview-save-"))
    # Older code has no own_folder: the preview as it was then.
    own = "own_folder" in inspect.signature(Preview.__init__).parameters
    options = {"own_folder": True} if own else {}
    # Newer code is told what the watcher saw (editors/saves.py): the save as it reports it.
    told = "changes" in inspect.signature(Preview.rebuild).parameters
    preview = Preview(args.tree, work / "site", None, collect_when_idle=True, **options)
    doc = next((args.tree / "content/kierrokset").glob("*/uusimaa.md"))
    original = doc.read_text(encoding="utf-8")
    seconds: list[float] = []
    walked: list[float] = []
    try:
        assert not preview.rebuild(jobs=2).failed
        preview.collect()
        made.clear()
        for n in range(args.saves):
            text = doc.read_text(encoding="utf-8")
            doc.write_text(text.replace("\n## ", f"\nTallennus {n}.\n\n## ", 1), encoding="utf-8")
            started = _cpu()
            walk = not told or (args.alternate and n % 2 == 1)
            state = preview.rebuild() if walk else preview.rebuild(changes={(2, str(doc))})
            (walked if walk and told else seconds).append(_cpu() - started)
            assert not state.failed
    finally:
        doc.write_text(original, encoding="utf-8")
        shutil.rmtree(work, ignore_errors=True)
    each = ", ".join(f"{s:.3f}" for s in seconds)
    print(
        f"{Path(soteneg.__file__).parent}: a save's build {statistics.median(seconds):.3f} CPU s"
        f" (median; {each}); the site with everything published made {len(made)} times"
    )
    if walked:
        each = ", ".join(f"{s:.3f}" for s in walked)
        print(f"  not told, walked: {statistics.median(walked):.3f} CPU s (median; {each})")


if __name__ == "__main__":
    main()
