"""Where one build's CPU time goes, in this process: named functions of soteneg wrapped
in timers of the process's CPU clock (a profiler's cost per call, or its wall clock on
a loaded machine, would say more about the machine than about the build).

    cd /tmp && PYTHONPATH=CODE .venv/bin/python BENCH/edit_split.py build --root TREE \
        --out OUT --now 2023-11-14T22:13+00:00 --no-pdf --no-search --jobs 2

The arguments are `soteneg`'s. Run it from outside the checkout, so that `PYTHONPATH`
chooses the code measured. After the build, stderr gets one line per part that ran:
`split PART CPU-SECONDS`; parts nest (`Disk.build` is inside `Run._resume`). The
first line, `process`, is the whole process's CPU time, its imports included.
"""

from __future__ import annotations

import atexit
import importlib
import sys
import time
from typing import Any

import cpu_clock  # bench/, the script's own folder

STARTED = time.process_time()

PARTS = [
    "soteneg.cli.building:_nothing_changed",
    "soteneg.pipeline:check",
    "soteneg.build.cache.disk:Disk.parsed",
    "soteneg.content.project_files:read_project",
    "soteneg.build.targets:published_site",
    "soteneg.content.crossref:cross_check_with",
    "soteneg.build.content_links:links_key",
    "soteneg.packets.budgets:_packets_key",
    "soteneg.build.run:Run._resume",
    "soteneg.build.cache.disk:Disk.build",
    "soteneg.build.cache.codec:decode_shard",
    "soteneg.build.cache.fresh:output_stamps",
    "soteneg.build.run:Run.plan",
    "soteneg.build.replan:structure_key",
    "soteneg.build.run:Run.make_pages",
    "soteneg.site.sandbox:SiteSandbox.get_template",
    "soteneg.build.run:Run.check_links",
    "soteneg.build.run:Run.publish",
    "soteneg.build.cache.layer:Cache.keep",
]

spent: dict[str, float] = {}


def _wrap(part: str) -> None:
    module_name, qualified = part.split(":")
    owner: Any = importlib.import_module(module_name)
    *path, name = qualified.split(".")
    for step in path:
        owner = getattr(owner, step)
    function = getattr(owner, name)
    timed = cpu_clock.timed(spent, qualified, function)
    setattr(owner, name, timed)
    if not path:  # a module's function: also where other modules imported it by name
        for module in list(sys.modules.values()):
            if getattr(module, name, None) is function:
                setattr(module, name, timed)


def _report() -> None:
    print(f"split process {time.process_time() - STARTED:.3f}", file=sys.stderr)
    for part in PARTS:
        name = part.split(":")[1]
        if name in spent:
            print(f"split {name} {spent[name]:.3f}", file=sys.stderr)


def main() -> int:
    for part in PARTS:
        _wrap(part)
    atexit.register(_report)
    from soteneg.cli.app import main as soteneg

    sys.argv = ["soteneg", *sys.argv[1:]]
    return soteneg()


if __name__ == "__main__":
    sys.exit(main())
