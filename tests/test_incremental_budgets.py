"""Issue 29: the print budgets of the PDFs and the build (packets.budgets) are kept with
the check's cache graph and made again only when what they read changed. Seeded random
edits in a site whose budgets are tight, each followed by a check through the cache that
must report exactly what a clean check does: a chapter growing by a page or not, a
table added or moved down, an attached PDF or an image replaced by a longer or taller
one, a title (the table of contents) changed, a document moved to another region's
packet. Each edit changes one of the inputs the
kept problems are keyed by, so leaving any of them out of the key fails here."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from PIL import Image
from test_budgets import _pdf
from test_incremental_check_edges import edits_check_as_a_clean_check
from test_site import GOLDEN_SITE, project

from soteneg.pipeline import check

FOLDER = "content/kierrokset/2018-syksy/liitteet"
BUDGETS = (
    "print_budget:\n"
    "  max_pages_per_packet: 6\n"
    "  max_pages_per_build: 100\n"
    "  max_cells_per_packet: 120\n"
)
PARAGRAPH = "Pitkä kappale, joka vie tulostettuna rivejä. " * 12


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, "PNG")
    return out.getvalue()


def _body_start(text: str) -> int:
    return text.index("\n---\n", 4) + len("\n---\n")


def _edit(root: Path, docs: list[Path], originals: list[str], rnd: random.Random) -> str:
    i = rnd.randrange(len(docs))
    path, text = docs[i], docs[i].read_text(encoding="utf-8")
    name = path.relative_to(root).as_posix()
    kind = rnd.randrange(8)
    if kind == 0:  # a longer chapter: a page more, or only lines more
        count = rnd.randrange(1, 6)
        path.write_text(text + "\n\n" + "\n\n".join([PARAGRAPH] * count) + "\n", "utf-8")
        return f"{count} paragraphs added to {name}"
    if kind == 1:
        path.write_text(originals[i], "utf-8")
        return f"{name} as it was"
    if kind == 2:  # the cells of a PDF
        rows = rnd.randrange(1, 40)
        table = "| a | b |\n|---|---|\n" + "".join(f"| {n} | {n} |\n" for n in range(rows))
        path.write_text(text + "\n\n" + table, "utf-8")
        return f"a table of {rows} rows added to {name}"
    if kind == 3:  # everything in the body moves down: its tables' places too
        at = _body_start(text)
        path.write_text(text[:at] + "\n" * rnd.randrange(1, 3) + text[at:], "utf-8")
        return f"{name}'s body moved down"
    if kind == 4:  # an attached PDF of other pages: the document's bytes stay the same
        pages = rnd.randrange(1, 8)
        (root / FOLDER / "uusimaa-raportti.pdf").write_bytes(_pdf(pages))
        return f"uusimaa-raportti.pdf of {pages} pages"
    if kind == 5:  # an image of another height: the document's bytes stay the same
        height = rnd.choice([10, 400, 2000, 6000])
        (root / FOLDER / "kaavio.png").write_bytes(_png(300, height))
        return f"kaavio.png {height} px high"
    if kind == 6 and "region:" in text:  # into another region's packet: the plan changes
        region = "etela-savo" if "region: uusimaa" in text else "uusimaa"
        lines = [f"region: {region}" if x.startswith("region:") else x for x in text.split("\n")]
        path.write_text("\n".join(lines), "utf-8")
        return f"{name} moved to {region}"
    title = "Otsikko " + "pitkä " * rnd.randrange(0, 60)
    lines = text.split("\n")
    at = next((n for n, line in enumerate(lines) if line.startswith("title:")), None)
    if at is not None:
        lines[at] = f'title: "{title.strip()}"'
        path.write_text("\n".join(lines), "utf-8")
    return f"title of {name}"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_edits_keep_the_budgets_of_a_clean_check(tmp_path: Path, seed: int) -> None:
    rnd = random.Random(seed)
    root = project(tmp_path, GOLDEN_SITE)
    with (root / "site.yaml").open("a", encoding="utf-8") as site:
        site.write(BUDGETS)
    docs = sorted((root / "content" / "kierrokset").glob("2018-syksy/*.md"))
    docs.append(root / "content" / "sivut" / "taulukko.md")
    originals = [d.read_text(encoding="utf-8") for d in docs]
    first = check(root, None, html=True, pdf=False).problems
    # The budgets are tight enough to be crossed both ways.
    assert {p.code for p in first} >= {"packet-too-long", "build-too-long"}
    edits_check_as_a_clean_check(root, lambda: _edit(root, docs, originals, rnd), 25, rnd, 0.7)
