"""A build's timeline: each step's wall seconds, the CPU seconds of this process and of
the worker processes that ended within it, and the cores it kept busy (their sum over
the wall), so that the serial steps (one core busy, or less) show.

    cd /tmp && PYTHONPATH=CODE CODE/.venv/bin/python CODE/bench/build_timeline.py \
        TREE OUT [--jobs 2] [--pdf] [--search]

OUT must not exist (a clean build: its cache under ~/.cache/soteneg/ is keyed by OUT's
absolute path, so use a new OUT each time, or remove both). The build runs as the
command line runs it (`soteneg build --no-pdf --no-search` unless told otherwise);
the steps are timed by wrapping the functions that `pipeline` and `build.run` call.
Workers' CPU is counted when they are reaped (resource.RUSAGE_CHILDREN): a pool that
ends within a step is counted in that step. Nested steps are indented; "(rest)" is what
a step did outside the steps named inside it. `start` is the interpreter's start up to
this script's first line (imports of the standard library); `import` is soteneg's.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import resource
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

T0 = time.perf_counter()
CPU0 = time.process_time()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Step:
    name: str
    depth: int
    began: float = 0.0
    wall: float = 0.0
    cpu: float = 0.0
    children: float = 0.0
    inner: list[Step] = field(default_factory=list)
    calls: int = 1


ROOT = Step("build", -1)
_stack = [ROOT]


@contextlib.contextmanager
def step(name: str) -> Iterator[None]:
    parent = _stack[-1]
    this = Step(name, parent.depth + 1, time.perf_counter() - T0)
    parent.inner.append(this)
    _stack.append(this)
    wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    try:
        yield
    finally:
        this.wall = time.perf_counter() - wall
        this.cpu = time.process_time() - cpu
        this.children = _children_cpu() - children
        _stack.pop()


def wrap(owner: Any, attribute: str, name: str | None = None) -> None:
    function: Callable[..., Any] = getattr(owner, attribute)

    def timed(*args: Any, **kwargs: Any) -> Any:
        with step(name or attribute):
            return function(*args, **kwargs)

    setattr(owner, attribute, timed)


def wrap_context(owner: Any, attribute: str, name: str) -> None:
    """A context manager's entering and leaving, each a step (its body is not)."""
    manager: Callable[..., Any] = getattr(owner, attribute)

    @contextlib.contextmanager
    def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
        context = manager(*args, **kwargs)
        with step(f"{name}: enter"):
            value = context.__enter__()
        try:
            yield value
        except BaseException:
            if not context.__exit__(*sys.exc_info()):
                raise
        else:
            with step(f"{name}: leave"):
                context.__exit__(None, None, None)

    setattr(owner, attribute, timed)


def instrument() -> None:
    from soteneg import pipeline
    from soteneg.build import run as run_module
    from soteneg.build.cache import layer
    from soteneg.build.render_pool import make_units

    for name in (
        "_read_sources",
        "load_content",
        "read_history",
        "earlier_versions",
        "template_texts",
        "checked_templates",
        "_graph_inputs",
        "cross_check_with",
        "check_edits",
        "read_files",
        "check_content_links",
        "check",
    ):
        wrap(pipeline, name)
    wrap(pipeline.budgets, "check_with", "budgets.check_with")
    wrap(pipeline.attachments, "check_refs", "attachments.check_refs")
    # The parse's pool (render_pool.run as pipeline calls it).
    wrap(pipeline, "run", "parse pool")
    for name in (
        "stop_if_unchanged",
        "last_build",
        "accept",
        "_resume",
        "index",
        "plan",
        "make_pages",
        "_make_sitemap",
        "print_packets",
        "check_links",
        "publish",
        "_keep",
    ):
        wrap(run_module.Run, name)
    wrap_context(run_module.Run, "locked_output", "locked_output")
    assert run_module.make_units is make_units
    wrap(run_module, "make_units", "render pool")
    for name in ("replace_site", "update_site", "save_report", "output_stamps"):
        if hasattr(run_module, name):
            wrap(run_module, name)
    wrap(run_module.build_cache, "output_stamps")
    wrap(layer.Cache, "keep", "cache.keep")
    from soteneg.build.cache import codec, disk, graph, known, parsed

    wrap(disk.Disk, "_save_plan", "save plan")
    wrap(disk.Disk, "_save_build", "save build records")
    wrap(parsed, "encode_shard", "encode parsed shard")
    wrap(graph, "encode_graph", "encode graph")
    wrap(known, "encode_known", "encode known")
    wrap(codec, "encode_inputs", "encode inputs")
    wrap(codec, "encode_shard", "encode build shard")
    wrap(run_module, "plan_units")
    wrap(run_module, "replan")
    wrap(run_module, "render_keys")
    wrap(run_module, "keys_of_templates")
    wrap(run_module, "environment")


def measure_sends(record: str) -> None:
    """In each worker, what every chunk's results weigh pickled (as the pool sends
    them back) and the CPU seconds of pickling and unpickling them, one line a chunk
    appended to `record`. It costs the workers that CPU once more: not for timing."""
    import pickle

    from soteneg.build import render_pool

    chunk = render_pool._run_chunk

    def weighed(bounds: tuple[int, int]) -> list[Any]:
        done = chunk(bounds)
        started = time.process_time()
        data = pickle.dumps(done, protocol=pickle.HIGHEST_PROTOCOL)
        dumped = time.process_time()
        pickle.loads(data)
        loaded = time.process_time()
        kind = type(done[0]).__name__ if done else "-"
        line = f"{kind} {len(done)} {len(data)} {dumped - started:.6f} {loaded - dumped:.6f}\n"
        with open(record, "a") as file:
            file.write(line)
        return done

    weighed.__module__, weighed.__qualname__ = chunk.__module__, chunk.__qualname__
    render_pool._run_chunk = weighed  # type: ignore[assignment]


def show_sends(record: str) -> None:
    with open(record) as file:
        rows = [line.split() for line in file]
    for kind in sorted({r[0] for r in rows}):
        mine = [r for r in rows if r[0] == kind]
        items = sum(int(r[1]) for r in mine)
        size = sum(int(r[2]) for r in mine)
        dumps, loads = sum(float(r[3]) for r in mine), sum(float(r[4]) for r in mine)
        print(
            f"sent back: {items} {kind} in {len(mine)} chunks, {size / 2**20:.1f} MiB "
            f"pickled; pickling {dumps:.2f} CPU s (workers), unpickling {loads:.2f}"
        )


def _walk(step: Step) -> Iterator[Step]:
    yield step
    for inner in step.inner:
        yield from _walk(inner)


def show(this: Step, out: Callable[[str], None]) -> None:
    busy = (this.cpu + this.children) / this.wall if this.wall else 0.0
    name = this.name if this.calls == 1 else f"{this.name} x{this.calls}"
    out(
        f"{'  ' * (this.depth + 1)}{name:<{38 - 2 * this.depth}} {this.began:7.2f} "
        f"{this.wall:7.2f} {this.cpu:7.2f} {this.children:7.2f} {busy:6.2f}"
    )
    if this.inner:
        merged: dict[str, Step] = {}
        for inner in this.inner:  # a step called many times is shown once, summed
            same = merged.get(inner.name)
            if same is None:
                merged[inner.name] = inner
            else:
                same.wall, same.cpu = same.wall + inner.wall, same.cpu + inner.cpu
                same.children += inner.children
                same.inner += inner.inner
                same.calls += 1
        this.inner = list(merged.values())
        rest = Step("(rest)", this.depth + 1)
        rest.wall = this.wall - sum(s.wall for s in this.inner)
        rest.cpu = this.cpu - sum(s.cpu for s in this.inner)
        rest.children = this.children - sum(s.children for s in this.inner)
        for inner in this.inner:
            show(inner, out)
        if rest.wall > 0.005:
            show(rest, out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tree")
    parser.add_argument("out")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--pdf", action="store_true")
    parser.add_argument("--search", action="store_true")
    parser.add_argument("--sends", help="weigh what the pools send back, into this file")
    args = parser.parse_args()
    started = time.perf_counter() - T0
    with step("import"):
        from soteneg.cli import main as cli_main

        instrument()
        if args.sends:
            measure_sends(args.sends)
    argv = ["build", "--root", args.tree, "--out", args.out, "--jobs", str(args.jobs)]
    argv += [] if args.pdf else ["--no-pdf"]
    argv += [] if args.search else ["--no-search"]
    said = io.StringIO()
    wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    with step("cli build"), contextlib.redirect_stdout(said):
        code = cli_main(argv)
    ROOT.wall = time.perf_counter() - wall + ROOT.inner[0].wall
    ROOT.cpu = time.process_time() - cpu + ROOT.inner[0].cpu
    ROOT.children = _children_cpu() - children + ROOT.inner[0].children
    print(said.getvalue().strip())
    print(f"exit {code}; interpreter start to this script: {started:.2f} s wall, {CPU0:.2f} CPU s")
    print(f"{'step':<40} {'began':>7} {'wall':>7} {'cpu':>7} {'workers':>7} {'cores':>6}")
    show(ROOT, print)
    pools = [s for s in _walk(ROOT) if s.name in ("parse pool", "render pool")]
    inside = sum(s.cpu for s in pools)
    print(
        f"this process outside the pools: {ROOT.cpu - inside:.2f} CPU s (one core, the "
        f"other idle); in the pools: {inside:.2f} here, {ROOT.children:.2f} in workers, "
        f"{sum(s.wall for s in pools):.2f} s wall"
    )
    if args.sends:
        show_sends(args.sends)
    return code


if __name__ == "__main__":
    sys.exit(main())
