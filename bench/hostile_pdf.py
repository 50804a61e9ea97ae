"""Hostile attached PDFs through `check` (issue 24): `soteneg check --no-pdf` on a small
project with one PDF attached, built to be slow to check. Prints a Markdown table of the
median wall time of `--repeat` runs, the median CPU time (user + system) beside it, and
the first words of what `check` said.

    .venv/bin/python bench/hostile_pdf.py [--repeat N] [--timeout S]

Run it against another checkout with PYTHONPATH=that/checkout.
"""

from __future__ import annotations

import argparse
import functools
import io
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MINIMAL = REPO / "tests/sites/minimal"
DOC = "content/kierrokset/2018-syksy/uusimaa.md"


@functools.cache
def _bomb(megabytes: int) -> bytes:
    flate = zlib.compressobj(9)
    chunks = (flate.compress(b" " * 1_000_000) for _ in range(megabytes))
    return b"".join([*chunks, flate.flush()])


def _pages(count: int, contents: Callable[[int], bytes | None]) -> bytes:
    """`count` A4 pages; page n's contents are `contents(n)` (Flate), if any."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter()
    for n in range(count):
        page = writer.add_blank_page(width=595, height=842)
        data = contents(n)
        if data is not None:
            stream = DecodedStreamObject()
            stream.set_data(data)
            stream[NameObject("/Filter")] = NameObject("/FlateDecode")
            page.replace_contents(stream)  # type: ignore[arg-type]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _objects(count: int) -> bytes:
    """One page and `count` empty dictionaries, in a classic cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    bodies = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
    bodies.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
    for number in range(1, count + 1):
        offsets.append(len(out))
        body = bodies[number - 1] if number <= 3 else b"<< >>"
        out.extend(b"%d 0 obj %s endobj\n" % (number, body))
    table = len(out)
    out.extend(b"xref\n0 %d\n0000000000 65535 f \n" % (count + 1))
    out.extend(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.extend(b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count + 1, table))
    return bytes(out)


def _report(pages: int) -> bytes:
    """What WeasyPrint prints of `pages` pages of text with a link in every paragraph."""
    import weasyprint

    paragraph = "<p>Kappale {n}: <a href='https://example.org/{n}'>linkki</a> " + "sana " * 80
    body = "".join(paragraph.format(n=n) + "</p>" for n in range(pages * 5))
    data = weasyprint.HTML(string=f"<html lang=fi><body>{body}</body></html>").write_pdf()
    assert data is not None
    return data


def _xref_updates(sections: int, megabytes: int) -> bytes:
    """One page updated `sections` times, each update a cross-reference stream followed
    by `megabytes` MiB of zeros that a reader inflates and ignores."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    bodies = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
    bodies.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>")
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out.extend(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    padding = bytes(megabytes << 20)
    raw = zlib.compressobj(9, wbits=-15)  # raw deflate: it goes on after each section's rows
    zeros = raw.compress(padding) + raw.flush(zlib.Z_SYNC_FLUSH)
    previous = b""
    for _ in range(sections):
        at = len(out)
        rows = b"\x00\x00\x00\x00\x00\xff\xff" + b"".join(
            b"\x01" + o.to_bytes(4, "big") + b"\x00\x00" for o in [*offsets, at]
        )
        # The rows, the same compressed zeros after them (each part ends on a byte), an
        # empty last block and the checksum: the file is made in seconds.
        head = zlib.compressobj(9)
        checksum = zlib.adler32(padding, zlib.adler32(rows))
        data = head.compress(rows) + head.flush(zlib.Z_SYNC_FLUSH) + zeros
        data += b"\x03\x00" + checksum.to_bytes(4, "big")
        out.extend(
            b"4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode "
            b"/Length %d%s >>\nstream\n" % (len(data), previous)
        )
        out.extend(data + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % at)
        previous = b" /Prev %d" % at
    return bytes(out)


INPUTS: dict[str, Callable[[], bytes]] = {
    "a report of about 300 pages (WeasyPrint)": lambda: _report(300),
    "80 MB bomb on page 55 of 55": lambda: _pages(55, lambda n: _bomb(80) if n == 54 else None),
    "60 MB bomb on each of 300 pages (18 MB)": lambda: _pages(300, lambda n: _bomb(60)),
    "99,000 empty objects (4.5 MB)": lambda: _objects(99_000),
    "450,000 empty objects (20 MB)": lambda: _objects(450_000),
    "310 cross-reference streams of 63 MiB each (20 MB)": lambda: _xref_updates(310, 63),
}


def check(root: Path, timeout: float) -> tuple[float, float, str] | None:
    """Wall and CPU seconds of `soteneg check --no-pdf`, and what it said; None past
    `timeout`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "soteneg", "check", "--root", str(root), "--no-pdf"],
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
            env={**os.environ, "COLUMNS": "200"},
            cwd=root,  # not this checkout's folder: PYTHONPATH decides what runs
        )
    except subprocess.TimeoutExpired:
        return None
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    found = re.search(r"error\[([a-z-]+)\]: 'liitteet/liite\.pdf':? (.{0,50})", done.stdout)
    said = f"{found.group(1)}: {found.group(2)}…" if found else done.stdout.strip()[:40]
    return wall, cpu, said


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=600, help="seconds per run")
    args = parser.parse_args()
    print("| attached PDF | wall s (CPU s) | check says |")
    print("|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in INPUTS.items():
            root = Path(tmp) / "project"
            shutil.rmtree(root, ignore_errors=True)
            shutil.copytree(MINIMAL, root)
            folder = root / "content/kierrokset/2018-syksy/liitteet"
            folder.mkdir()
            (folder / "liite.pdf").write_bytes(make())
            doc = root / DOC
            entry = "attachments:\n  - file: liitteet/liite.pdf\n    title: Liite\n"
            doc.write_text(doc.read_text().replace("example: true\n", "example: true\n" + entry))
            runs = [check(root, args.timeout) for _ in range(args.repeat)]
            if any(r is None for r in runs):
                print(f"| {name} | > {args.timeout:.0f} | |")
                continue
            done = [r for r in runs if r is not None]
            wall = statistics.median(r[0] for r in done)
            cpu = statistics.median(r[1] for r in done)
            print(f"| {name} | {wall:.2f} ({cpu:.2f}) | {done[0][2]} |", flush=True)


if __name__ == "__main__":
    main()
