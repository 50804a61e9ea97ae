"""CPU milliseconds of the print budgets' check (`packets.budgets.check_with`) in each
save of bench/preview_save.py, run in this process with the same arguments:

    PYTHONPATH=CODE .venv/bin/python CODE/bench/preview_budgets.py TREE [--saves N]

A part of a save too small for the whole save's figure to resolve under load (i-preview9:
the chapters' lines kept across saves, 6-32 ms of a ~0.5 s save). The first build is not
counted. CODE as in bench/preview_save.py, for A/B runs alternating two checkouts.
"""

from __future__ import annotations

import functools
import resource
import runpy
import statistics
import sys
from pathlib import Path
from typing import Any

from soteneg.packets import budgets


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    spent: list[float] = []
    inner = budgets.check_with

    @functools.wraps(inner)
    def timed(*given: Any, **named: Any) -> Any:
        started = _cpu()
        try:
            return inner(*given, **named)
        finally:
            spent.append(_cpu() - started)

    # pipeline calls it as budgets.check_with: replaced in the module, it is timed there.
    budgets.check_with = timed  # type: ignore[assignment]
    sys.argv = [str(Path(__file__).with_name("preview_save.py")), *sys.argv[1:]]
    runpy.run_path(sys.argv[0], run_name="__main__")
    saves = [s * 1000 for s in spent[1:]]
    each = ", ".join(f"{s:.0f}" for s in saves)
    print(f"  budgets.check_with: {statistics.median(saves):.1f} CPU ms a save (median; {each})")


if __name__ == "__main__":
    main()
