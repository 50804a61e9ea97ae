"""What the template sandbox costs: every page of a clean build rendered twice, in a
plain Jinja environment and in soteneg's sandbox, on the same templates and contexts.

    .venv/bin/python bench/templates.py [--documents 5000] [--repeat 3]

Generates the seeded tree of bench/build.py, plans its pages in-process as a build does,
then renders each page in both environments one after the other (so a busy moment of the
machine falls on both), timing each with the process's CPU clock. The difference is set
against a clean HTML build of the same tree through the command line (`--no-pdf
--no-search --jobs 1`, CPU seconds of the process). Prints a Markdown table. Issue 24's
target: the sandbox adds under 5 % to a clean build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from soteneg import pipeline
from soteneg.build.output import cache_dir
from soteneg.build.run import Run
from soteneg.build.settings import Settings
from soteneg.core.options import BuildOptions
from soteneg.site.i18n import format_date
from soteneg.site.render import TextsLoader, css_string, environment

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
from generate import generate  # noqa: E402

SOTENEG = [sys.executable, "-m", "soteneg"]
CLEAN_HTML = ["--no-pdf", "--no-search", "--jobs", "1", "--now", "2024-01-01"]


def stock_environment(
    texts: dict[str, str], kind: type[jinja2.Environment] = jinja2.Environment
) -> jinja2.Environment:
    """The environment soteneg used before the sandbox (or Jinja's own immutable sandbox,
    without soteneg's kept verdicts), on the same texts and options."""
    loader = TextsLoader()
    loader.texts = texts
    env = kind(
        loader=loader,
        autoescape=jinja2.select_autoescape(("html", "xml")),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["date"] = format_date
    env.filters["css_string"] = css_string
    return env


def clean_build_cpu(root: Path, out: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of a clean HTML build in one process."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(cache_dir(out), ignore_errors=True)
    started = time.perf_counter()
    process = subprocess.Popen(
        [*SOTENEG, "build", "--root", str(root), "--out", str(out), *CLEAN_HTML],
        stdout=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit("the clean build failed")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def render_times(root: Path, repeat: int) -> tuple[int, dict[str, list[float]]]:
    now = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    settings = Settings(BuildOptions(now=now), None, False, False, 1)
    run = Run(root, root / "_bench_out", settings, None)
    run.last_build()
    checked = pipeline.check(root, run.cache, True, 1, False, False)
    run.accept(checked)
    site = run.index()
    units = run.plan(site)
    envs = {
        "plain": stock_environment(dict(checked.templates)),
        "jinja": stock_environment(dict(checked.templates), ImmutableSandboxedEnvironment),
        "sandbox": environment(root, checked.templates),
    }
    for env in envs.values():  # compiled before timing, as `check` does in a build
        for name in env.list_templates():
            env.get_template(name)
    times: dict[str, list[float]] = {name: [] for name in envs}
    pages = 0
    for _ in range(repeat):
        spent = dict.fromkeys(envs, 0.0)
        pages = 0
        for unit in units:
            page = unit.make()
            if page is None:
                continue
            pages += 1
            for name, env in envs.items():
                started = time.process_time()
                env.get_template(page.template).render(page.context)
                spent[name] += time.process_time() - started
        for name in envs:
            times[name].append(spent[name])
    return pages, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="soteneg-bench-templates-") as tmp:
        root = Path(tmp) / "site"
        count = generate(root, args.documents, seed=7)
        pages, times = render_times(root, args.repeat)
        builds = [clean_build_cpu(root, Path(tmp) / "out") for _ in range(args.repeat)]
    build_cpu = statistics.median(cpu for _, cpu in builds)
    build_wall = statistics.median(wall for wall, _ in builds)
    p, j, s = (statistics.median(times[name]) for name in ("plain", "jinja", "sandbox"))
    print(f"{count} documents, {pages} pages; medians of {args.repeat}\n")
    print("| | CPU s |")
    print("|---|---|")
    print(f"| rendering every page, plain Jinja | {p:.2f} |")
    print(f"| rendering every page, Jinja's immutable sandbox as it comes | {j:.2f} |")
    print(f"| rendering every page, soteneg's sandbox | {s:.2f} |")
    print(f"| the sandbox's cost | {s - p:+.2f} ({(s - p) / p:+.1%} of rendering) |")
    print(
        f"| clean HTML build, one process (`--jobs 1`), wall {build_wall:.2f} s | {build_cpu:.2f} |"
    )
    print(f"| the sandbox's cost against the clean build | {(s - p) / build_cpu:+.1%} |")


if __name__ == "__main__":
    main()
