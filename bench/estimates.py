"""How well the print budget's page estimate holds: sample documents built to be hard to
estimate (prose, one-letter paragraphs, tall and wide images, SVGs, tables of narrow
columns, footnotes), each estimated by `soteneg check` and printed by `soteneg build`
(WeasyPrint), side by side. Prints a Markdown table of estimated and printed pages.

    .venv/bin/python bench/estimates.py [--only NAME ...]

The estimate is read from the `packet-too-long` problem `check` reports when the budget
is one page; the printed pages are the document's own PDF's (no cover, no contents),
counted by pypdf. Run it against another checkout with PYTHONPATH=that/checkout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

REPO = Path(__file__).resolve().parent.parent
MINIMAL = REPO / "tests/sites/minimal"
FRONT = "---\ntitle: {title}\ntype: page\ndate: 2018-01-01\n---\n"
WORDS = [
    *("hyvinvointialue", "sosiaalipalvelut", "terveydenhuolto", "rahoitus", "neuvottelu"),
    *("arvio", "saatavuus", "integraatio", "tietopohja", "digitalisaatio", "ja", "on"),
    *("sekä", "kunta", "palvelu"),
]
# The sentence and the tables tests/test_budgets.py holds to these figures.
SENTENCE = " ".join(["hyvinvointialue", "palvelut", "ja", "rahoitus"] * 8)
QUOTED = " ".join(["hyvinvointialue", "sosiaalipalvelut", "ja", "rahoitus"] * 8) + "."


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (40, 90, 140)).save(out, "PNG")
    return out.getvalue()


def _svg(attributes: str) -> bytes:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" {attributes}>'
        '<rect width="10" height="5" fill="#28598c"/></svg>'
    ).encode()


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _prose(rng: random.Random) -> str:
    paragraphs = [" ".join(_sentence(rng, 12) for _ in range(8)) for _ in range(600)]
    return "\n\n".join(paragraphs) + "\n"


def _images(name: str, count: int) -> str:
    return "".join(f"![Kuva {n}](kuvat/{name})\n\n" for n in range(count))


def _table(rows: int, columns: int, cell: Callable[[int, int], str]) -> str:
    head = "| " + " | ".join(f"S{c}" for c in range(columns)) + " |\n"
    rule = "|" + "---|" * columns + "\n"
    body = "".join(
        "| " + " | ".join(cell(r, c) for c in range(columns)) + " |\n" for r in range(rows)
    )
    return "Taulukko.\n\n" + head + rule + body


def _footnoted(rng: random.Random) -> str:
    text = "".join(f"{_sentence(rng, 30)}[^{n}]\n\n" for n in range(400))
    return text + "".join(f"[^{n}]: {_sentence(rng, 25)}\n" for n in range(400))


# name -> (files under content/sivut/kuvat/, body)
SAMPLES: dict[str, Callable[[random.Random], tuple[dict[str, bytes], str]]] = {
    "prose": lambda rng: ({}, _prose(rng)),
    "prose-capitals": lambda rng: ({}, (" ".join(["WMW"] * 90) + "\n\n") * 300),
    "prose-cjk": lambda rng: (
        {},
        "\n\n".join("社会福祉保健医療" * 40 for _ in range(300)) + "\n",
    ),
    "h1-headings-2000": lambda rng: ({}, "# a\n" * 2000),
    "h2-headings-2000": lambda rng: ({}, "## a\n" * 2000),
    "h3-headings-2000": lambda rng: ({}, "### a\n" * 2000),
    "h6-headings-2000": lambda rng: ({}, "###### a\n" * 2000),
    "blockquote-6-deep": lambda rng: ({}, ("> " * 6 + QUOTED + "\n>\n") * 300),
    "blockquote-8-deep": lambda rng: (
        {},
        "".join("> " * 8 + _sentence(rng, 30) + "\n>" + "\n" for _ in range(300)),
    ),
    "list-10-deep": lambda rng: (
        {},
        "".join("  " * d + "- " + _sentence(rng, 30) + "\n" for d in range(10)) * 30,
    ),
    "one-letter-paragraphs": lambda rng: ({}, "a\n\n" * 9000),
    "footnotes-400": lambda rng: ({}, _footnoted(rng)),
    "tall-images-1000": lambda rng: ({"tall.png": _png(100, 3000)}, _images("tall.png", 1000)),
    "half-page-images-200": lambda rng: (
        {"half.png": _png(600, 500)},
        _images("half.png", 200),
    ),
    "third-page-images-300": lambda rng: (
        {"third.png": _png(600, 330)},
        _images("third.png", 300),
    ),
    "small-images-1000": lambda rng: ({"small.png": _png(120, 60)}, _images("small.png", 1000)),
    "wide-images-200": lambda rng: ({"wide.png": _png(3000, 2000)}, _images("wide.png", 200)),
    "svg-viewbox-only-200": lambda rng: (
        {"box.svg": _svg('viewBox="0 0 10 8"')},
        _images("box.svg", 200),
    ),
    "svg-sized-200": lambda rng: (
        {"sized.svg": _svg('width="400" height="300" viewBox="0 0 10 5"')},
        _images("sized.svg", 200),
    ),
    "table-1500x2": lambda rng: ({}, _table(1500, 2, lambda r, c: str(r * 7 + c))),
    "table-300x8-sentences": lambda rng: (
        {},
        _table(300, 8, lambda r, c: _sentence(rng, 6)),
    ),
    "table-100x20-long-words": lambda rng: (
        {},
        _table(100, 20, lambda r, c: "sosiaalipalvelut"),
    ),
    "table-200x4-long-cells": lambda rng: (
        {},
        _table(200, 4, lambda r, c: _sentence(rng, 40)),
    ),
    "table-200x8-medium-cells": lambda rng: (
        {},
        _table(200, 8, lambda r, c: _sentence(rng, 20)),
    ),
    "table-100x2-squeezed-column": lambda rng: (
        {},
        _table(
            100,
            2,
            lambda r, c: SENTENCE if c else " ".join(["neuvottelu"] * (600 if r == 0 else 1)),
        ),
    ),
    "table-100x3-squeezed-columns": lambda rng: (
        {},
        _table(
            100,
            3,
            lambda r, c: (
                _sentence(rng, 900 if r == 0 and c == 0 else 2) if c == 0 else _sentence(rng, 30)
            ),
        ),
    ),
}


def make_project(target: Path, names: list[str]) -> None:
    shutil.copytree(MINIMAL, target)
    shutil.copytree(REPO / "templates", target / "templates")
    folder = target / "content/sivut"
    (folder / "kuvat").mkdir(parents=True)
    rng = random.Random(1)
    for name in names:
        files, body = SAMPLES[name](rng)
        for file, data in files.items():
            (folder / "kuvat" / file).write_bytes(data)
        (folder / f"{name}.md").write_text(FRONT.format(title=name) + body, encoding="utf-8")


LANG = ("--format", "json", "--lang", "en")
JOBS = ("--no-search", "--jobs", str(os.cpu_count() or 1))


def estimates(root: Path) -> dict[str, int]:
    """Each sample's estimated pages, from `check` with a budget of one page."""
    site = root / "site.yaml"
    original = site.read_text()
    site.write_text(original + "print_budget:\n  max_pages_per_packet: 1\n")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "soteneg", "check", "--root", str(root), "--no-pdf", *LANG],
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        site.write_text(original)
    found: dict[str, int] = {}
    for item in json.loads(result.stdout)["problems"]:
        for name, pages in re.findall(
            r"/sivut/([\w-]+)\.pdf \(about ([\d,]+) pages\)", item["message"]
        ):
            found[name] = int(pages.replace(",", ""))
    return found


def printed(root: Path, out: Path) -> dict[str, int]:
    subprocess.run(
        [sys.executable, "-m", "soteneg", "build", "--root", str(root), "--out", str(out), *JOBS],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1543500000"},
    )
    return {pdf.stem: len(PdfReader(pdf).pages) for pdf in (out / "sivut").glob("*.pdf")}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="+", choices=sorted(SAMPLES), default=list(SAMPLES))
    args = parser.parse_args()
    print(
        f"date: {dt.date.today()}, machine: {platform.machine()}, "
        f"Python {platform.python_version()}; pages estimated by `soteneg check` and "
        "printed by `soteneg build`"
    )
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        make_project(root, args.only)
        guessed = estimates(root)
        pages = printed(root, Path(tmp) / "out")
        sizes = {n: (root / "content/sivut" / f"{n}.md").stat().st_size // 1024 for n in args.only}
    print("| sample | source KiB | estimated | printed | estimate / printed |")
    print("|---|---|---|---|---|")
    for name in args.only:
        size = sizes[name]
        guess, real = guessed.get(name, 0), pages.get(name, 0)
        ratio = f"{guess / real:.2f}" if real else "–"
        print(f"| {name} | {size} | {guess} | {real} | {ratio} |")


if __name__ == "__main__":
    main()
