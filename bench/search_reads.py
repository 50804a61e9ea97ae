"""How much of Pagefind's work is reading HTML it then ignores (issue 29, i-search6):
one shard's pages given to Pagefind whole, against the same pages cut to `<html lang>`,
the head's `<title>` and the `data-pagefind-body` element (`cut`), alternating.

    PYTHONPATH=CODE .venv/bin/python bench/search_reads.py shard SITE PAGE [PAIRS]
    PYTHONPATH=CODE .venv/bin/python bench/search_reads.py phases SITE PAGE [PAIRS]
    PYTHONPATH=CODE .venv/bin/python bench/search_reads.py edit TREE OUT [PAIRS]

`shard`: the languages' runs of the shard holding PAGE (SITE is a built output), one
after the other, each pair whole then cut or cut then whole: Pagefind's CPU seconds
(`getrusage` of the children), soteneg's, and whether the canonical bundles are the
same bytes. `phases`: one language's run of that shard, Pagefind's CPU seconds (from
/proc) in its pages phase (AddFile) and its bundle phase (GetFiles). `edit`: the whole
edit with the search index, `soteneg build` of TREE into OUT (built with its index
before) after a line is added to a document, alternating whole and cut pages.

The cut is a measurement, not a reading of HTML the build could trust: it takes the
body from the first `data-pagefind-body` to the last `</main>`, which holds for this
project's templates and no others, so it drops whatever else Pagefind reads outside
them (the first `<h1>`, an image, `data-pagefind-*` attributes, the ids before the body).
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

from soteneg.build import search_languages, search_shards
from soteneg.site import pagefind_canonical, pagefind_service, search
from soteneg.site.pagefind_service import PageReader

_TITLE = re.compile(r"<title>.*?</title>", re.S)
_LANG = re.compile(r'<html lang="[^"]*">')
NOW = "2023-11-14T22:13+00:00"
_READING_PAGE = search.reading_page  # the build's own, before `build-cut` replaces it


def cut(html: str) -> str:
    """`html` without what lies outside its body, but for its language and title."""
    mark = html.find("data-pagefind-body")
    lang = _LANG.search(html)
    if mark < 0 or lang is None:
        return html
    start, end = html.rfind("<", 0, mark), html.rfind("</main>")
    if end < start:
        return html
    title = _TITLE.search(html)
    head = f"<head>{title.group(0) if title else ''}</head><body>"
    return f"{lang.group(0)}{head}{html[start : end + len('</main>')]}</body></html>"


def reader(cutting: bool, reads: set[str] | None = None) -> PageReader:
    whole = _READING_PAGE(set() if reads is None else reads)
    if not cutting:
        return whole

    def page(site: Path, rel: str) -> tuple[str, str]:
        url, html = whole(site, rel)
        return url, cut(html)

    return page


def shard_parts(site: Path, page: str) -> list[list[str]]:
    marks = (b"data-pagefind-body", search.STAND_IN_MARK.encode())
    pages = [
        rel for rel in search.site_pages(site) if any(m in (site / rel).read_bytes() for m in marks)
    ]
    shard_of = search_shards.hashed(search_shards.shard_count(len(pages)))
    group = [rel for rel in pages if shard_of(rel) == shard_of(page)]
    return search_languages.by_language(site, group)


def cpu() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def orders(pairs: int) -> list[bool]:
    """Cut or not, for each run: whole first in even pairs, cut first in odd ones."""
    return [cutting != bool(n % 2) for n in range(pairs) for cutting in (False, True)]


def shard(site: Path, page: str, pairs: int) -> None:
    parts = shard_parts(site, page)
    sizes = [0, 0]
    for rel in (rel for part in parts for rel in part):
        html = reader(False)(site, rel)[1]
        sizes[0] += len(html.encode())
        sizes[1] += len(cut(html).encode())
    print(f"{[len(p) for p in parts]} pages, {sizes[0]} bytes whole, {sizes[1]} cut", flush=True)
    first: list[dict[str, bytes]] | None = None
    for n, cutting in enumerate(orders(pairs)):
        before, started = cpu(), time.perf_counter()
        bundles = []
        for part in parts:  # one after the other: each run alone on the machine's cores
            files = pagefind_service.run_pagefind(site, part, reader(cutting))
            pagefind_canonical.canonicalise(files)
            bundles.append(files)
        wall, after = time.perf_counter() - started, cpu()
        first = first or bundles
        print(
            f"{n // 2} {'cut' if cutting else 'whole'}: Pagefind {after[1] - before[1]:.3f} CPU s, "
            f"soteneg {after[0] - before[0]:.3f}, wall {wall:.2f} s, "
            f"{'same bytes' if bundles == first else 'OTHER BYTES'}, "
            f"load {os.getloadavg()[0]:.1f}",
            flush=True,
        )


def _ticks(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as file:
        fields = file.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def phases(site: Path, page: str, pairs: int) -> None:
    from pagefind.service import get_executable

    part = shard_parts(site, page)[0]
    given = {c: [reader(c)(site, rel) for rel in part] for c in (False, True)}
    for n, cutting in enumerate(orders(pairs)):
        process = subprocess.Popen(
            [str(get_executable()), "--service"],
            cwd=site,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert process.stdin is not None and process.stdout is not None
        stdin, answers = process.stdin, pagefind_service._responses(process.stdout.fileno())
        pagefind_service._send(stdin, 0, {"type": "NewIndex", "config": None})
        index = pagefind_service._expect(answers, 0, "NewIndex")["index_id"]

        def feed(
            pages: list[tuple[str, str]], index: int = index, stdin: IO[bytes] = stdin
        ) -> None:
            for i, (url, html) in enumerate(pages, start=1):
                request = {"type": "AddFile", "index_id": index, "file_path": None}
                pagefind_service._send(stdin, i, {**request, "url": url, "file_contents": html})

        writer = threading.Thread(target=feed, args=(given[cutting],))
        writer.start()
        for i in range(1, len(part) + 1):
            pagefind_service._expect(answers, i, "IndexedFile")
        writer.join()
        pages_phase = _ticks(process.pid)
        pagefind_service._send(stdin, len(part) + 1, {"type": "GetFiles", "index_id": index})
        pagefind_service._expect(answers, len(part) + 1, "GetFiles")
        total = _ticks(process.pid)
        stdin.close()
        process.wait()
        print(
            f"{n // 2} {'cut' if cutting else 'whole'}: pages {pages_phase:.2f}, "
            f"bundle {total - pages_phase:.2f}, run {total:.2f} CPU s, "
            f"load {os.getloadavg()[0]:.1f}",
            flush=True,
        )


def edit(tree: Path, out: Path, pairs: int) -> None:
    doc = next((tree / "content/kierrokset").glob("*/uusimaa.md"))
    original = doc.read_text(encoding="utf-8")
    marker = "\n## "
    at = original.index(marker, original.index(marker) + 1)
    args = ["build", "--root", str(tree), "--out", str(out), "--now", NOW, "--no-pdf"]
    try:
        for n, cutting in enumerate(orders(pairs)):
            doc.write_text(f"{original[:at]}\nMuokattu {n}.\n{original[at:]}", encoding="utf-8")
            mode = "build-cut" if cutting else "build-whole"
            command = [sys.executable, __file__, mode, *args, "--jobs", "2"]
            timed = ["/usr/bin/time", "-f", "%e %U %S %M", *command]
            done = subprocess.run(timed, capture_output=True, text=True, check=True)
            wall, user, system, peak = done.stderr.strip().splitlines()[-1].split()
            print(
                f"{n // 2} {'cut' if cutting else 'whole'}: {wall} s, "
                f"{float(user) + float(system):.2f} CPU s, {int(peak) // 1024} MiB, "
                f"load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
    finally:
        doc.write_text(original, encoding="utf-8")


def main() -> None:
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode in ("build-whole", "build-cut"):
        from soteneg.cli.app import main as soteneg

        if mode == "build-cut":
            # The build's index reads each page through this one function.
            search.reading_page = lambda reads: reader(True, reads)  # type: ignore[assignment]
        raise SystemExit(soteneg(sys.argv[2:]))
    if mode not in ("shard", "phases", "edit") or len(sys.argv) < 4:
        raise SystemExit(__doc__)
    pairs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    run = {"shard": shard, "phases": phases}.get(mode)
    if run is not None:
        run(Path(sys.argv[2]), sys.argv[3], pairs)
    else:
        edit(Path(sys.argv[2]), Path(sys.argv[3]), pairs)


if __name__ == "__main__":
    main()
