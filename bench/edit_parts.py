"""Where the CPU of one `soteneg build` goes, by part, measured without a profiler's
overhead on every call (issue 29): each part is a function wrapped in the process's CPU
clock, and a part's figure includes the parts it calls.

    PYTHONPATH=CODE .venv/bin/python bench/edit_parts.py -- build --root TREE --out OUT \
        --no-pdf --no-search --jobs 2 --now 2023-11-14T22:13+00:00

Everything after `--` is the command line of `soteneg`. Run from outside the checkout
(`python -m soteneg` would take soteneg from the current folder), each CODE compiled to
bytecode first, and for A/B alternate two CODEs on two outputs of the same tree. A part
named here that CODE lacks is left out. The wrappers add about a microsecond a call:
`_shard`, called ~25 000 times a save, reads ~0.03 s high.
"""

from __future__ import annotations

import argparse
import importlib
import runpy
import sys
import time
from typing import Any

from cpu_clock import timed  # bench/, the script's own folder

# (module, attribute where it is looked up: "Class.method" or a module's function)
PARTS = [
    ("soteneg.cli.building", "_nothing_changed"),
    ("soteneg.pipeline", "check"),
    ("soteneg.build.cache.disk", "Disk.parsed"),
    ("soteneg.build.cache.parsed", "_load_document"),
    ("soteneg.content.warm", "Warm.references"),
    ("soteneg.content.warm", "Warm.placeholders"),
    ("soteneg.content.warm", "Warm.print_lines"),
    ("soteneg.content.warm", "Warm.key_part"),
    ("soteneg.content.warm", "Warm.data_file"),
    ("soteneg.build.kept_derived", "seed"),
    ("soteneg.build.kept_derived", "remember"),
    ("soteneg.build.cache.disk", "Disk.derived"),
    ("soteneg.build.run", "Run._resume"),
    ("soteneg.build.cache.disk", "Disk.build"),
    ("soteneg.build.cache", "output_stamps"),
    ("soteneg.build.run", "Run.plan"),
    ("soteneg.build.run", "replan"),
    ("soteneg.build.run", "plan_units"),
    ("soteneg.build.run", "Run.make_pages"),
    ("soteneg.build.run", "Run.check_links"),
    ("soteneg.build.run", "Run.publish"),
    ("soteneg.build.cache.disk", "Disk.save"),
    ("soteneg.build.cache.disk", "Disk._save_build"),
    ("soteneg.build.cache.disk", "Disk._save_plan"),
    ("soteneg.build.cache.disk", "Disk.save_parsed"),
    ("soteneg.build.cache.derived", "encode_derived"),
    ("soteneg.build.cache.disk", "_shard"),
    ("soteneg.cli.building", "print_problems"),
]


def _wrap(spent: dict[str, float]) -> list[str]:
    """Wrap each part CODE has; their labels, in PARTS's order."""
    labels = []
    for module_name, attribute in PARTS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        owner: Any = module
        *outer, name = attribute.split(".")
        for part in outer:
            owner = getattr(owner, part, None)
        if owner is None or not hasattr(owner, name):
            continue
        label = attribute if outer else f"{module_name.rsplit('.', 1)[-1]}.{name}"
        setattr(owner, name, timed(spent, label, getattr(owner, name)))
        labels.append(label)
    return labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("soteneg", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    started = time.process_time()
    spent: dict[str, float] = {}
    # What the command line imports, and a build that has work to do.
    import soteneg.cli.app
    import soteneg.pipeline  # noqa: F401

    imported = time.process_time() - started
    labels = _wrap(spent)
    words = [w for w in args.soteneg if w != "--"]
    sys.argv = ["soteneg", *words]
    try:
        runpy.run_module("soteneg", run_name="__main__")
    except SystemExit as stop:
        code = stop.code
    else:
        code = 0
    total = time.process_time() - started
    lines = [f"{total:7.3f}  this process, in all (exit {code})", f"{imported:7.3f}  imports"]
    lines += [f"{spent.get(label, 0.0):7.3f}  {label}" for label in labels]
    print("\n".join(lines), file=sys.stderr)


if __name__ == "__main__":
    main()
