"""Budgets for printing (`print_budget:` in site.yaml), through the command line: pages per
packet, footnotes per document, rows per table. Over a budget, `check` reports where the
content goes over (exit 1, no traceback) instead of a build printing for minutes; at the
budget it passes; site.yaml may lower a budget; the counts come through the build cache.

The timeouts guard against hangs only; speed is measured in bench/, not asserted here."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import MINIMAL, run_cli
from PIL import Image
from pypdf import PdfWriter
from test_site import build, project

from soteneg.build.cache import parsed as cache_parsed
from soteneg.content import attachments
from soteneg.content.loader import parse_source
from soteneg.content.sources import SourceFile
from soteneg.markdown import print_size

PAGE = "content/sivut/budjetti.md"
FRONT = "---\ntitle: Budjetti\ntype: page\ndate: 2018-01-01\n---\n"  # the body starts on line 6
BODY_LINE = 6
DOC = "content/kierrokset/2018-syksy/uusimaa.md"
SVG = 'xmlns="http://www.w3.org/2000/svg"'
FOLDER = "content/kierrokset/2018-syksy/liitteet"
PACKETS = (
    "/pdf/2018-syksy/uusimaa.pdf",
    "/pdf/2018-syksy.pdf",
    "/kierrokset/2018-syksy/uusimaa.pdf",
)


def _check(root: Path, *args: str) -> tuple[int, list[dict[str, Any]]]:
    result = run_cli("check", "--no-pdf", "--root", root, "--format", "json", *args, timeout=120)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result.returncode, json.loads(result.stdout)["problems"]


def _where(problems: list[dict[str, Any]]) -> list[tuple[str, int, int, str]]:
    return [(p["file"], p["line"], p["column"], p["code"]) for p in problems]


def _page(root: Path, body: str) -> None:
    (root / PAGE).parent.mkdir(exist_ok=True)
    (root / PAGE).write_text(FRONT + body)


def _budget(root: Path, **limits: int) -> None:
    lines = "".join(f"  {key}: {value}\n" for key, value in limits.items())
    with (root / "site.yaml").open("a") as site:
        site.write("print_budget:\n" + lines)


def _footnotes(count: int) -> str:
    """`count` references, one per line of one paragraph, then their notes."""
    refs = "".join(f"Lause.[^{n}]\n" for n in range(count))
    return refs + "\n" + "".join(f"[^{n}]: Huomautus {n}.\n" for n in range(count))


def _table(rows: int) -> str:
    return "Johdanto.\n\n| vuosi | luku |\n|---|---|\n" + "".join(
        f"| {n} | {n * 7} |\n" for n in range(rows)
    )


def _first_row(footnotes: int) -> int:
    """The 0-based body line of the first table row in `_footnotes(n) + "\n" + _table(m)`:
    the references, a blank line, the notes, a blank line, then four lines of `_table`."""
    return 2 * footnotes + 2 + 4


def _pdf(pages: int) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _attach(root: Path, data: bytes, times: int) -> list[int]:
    """`data` saved as liitteet/iso.pdf and attached `times` times to uusimaa.md; the line
    of each listing's `file:`."""
    (root / FOLDER).mkdir(exist_ok=True)
    (root / FOLDER / "iso.pdf").write_bytes(data)
    entries = "".join(f"  - file: liitteet/iso.pdf\n    title: Liite {n}\n" for n in range(times))
    doc = root / DOC
    text = doc.read_text().replace("example: true\n", "example: true\nattachments:\n" + entries)
    doc.write_text(text)
    lines = text.splitlines()
    return [n for n, line in enumerate(lines, start=1) if line == "  - file: liitteet/iso.pdf"]


# --- footnotes -----------------------------------------------------------------------------


def test_footnotes_over_the_budget_are_a_problem_at_the_one_that_goes_over(
    tmp_path: Path,
) -> None:
    root = project(tmp_path, MINIMAL)
    _page(root, _footnotes(1001))
    status, problems = _check(root)
    # Reference 1001 stands on the body's line 1001, after "Lause.".
    assert (status, _where(problems)) == (1, [(PAGE, BODY_LINE + 1000, 7, "too-many-footnotes")])
    assert problems[0]["message"] == (
        "1,001 footnote references in one document; the limit is 1,000 "
        "(print_budget.max_footnotes_per_document in site.yaml), and this is reference 1001"
    )
    assert problems[0]["suggestion"]


def test_footnotes_at_the_budget_pass(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    _page(root, _footnotes(1000))
    assert _check(root) == (0, [])


def test_a_footnote_in_a_long_paragraph_is_found_on_its_line(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    _budget(root, max_footnotes_per_document=2)
    # The third reference: an inline note, on the paragraph's second line.
    _page(root, "Yksi[^a] ja kaksi[^a],\nsitten kolmas ^[sisällä] tässä.\n\n[^a]: Huomautus.\n")
    status, problems = _check(root)
    assert (status, _where(problems)) == (1, [(PAGE, BODY_LINE + 1, 15, "too-many-footnotes")])


# --- tables --------------------------------------------------------------------------------


def test_a_table_over_the_budget_is_a_problem_at_the_row_that_goes_over(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    _page(root, _table(2001))
    status, problems = _check(root)
    # Johdanto, a blank line, the header and its rule: the body rows start on line 4.
    assert (status, _where(problems)) == (1, [(PAGE, BODY_LINE + 4 + 2000, 1, "table-too-long")])
    assert problems[0]["message"] == (
        "a table of 2,001 rows; the limit per table is 2,000 "
        "(print_budget.max_rows_per_table in site.yaml), and this is row 2001"
    )


def test_a_table_at_the_budget_passes(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    _page(root, _table(2000))
    assert _check(root) == (0, [])


def test_issue_28s_pathological_document_is_refused_where_it_goes_over(tmp_path: Path) -> None:
    """10,000 footnotes and a 5,000-row table in one document (issue 28): not printed
    for minutes but refused by `check`, at the 1,001st reference, the 2,001st row, and
    the row whose cells pass 10,000 (the header's two count)."""
    root = project(tmp_path, MINIMAL)
    _page(root, _footnotes(10_000) + "\n" + _table(5_000))
    status, problems = _check(root)
    first_row = BODY_LINE + _first_row(10_000)
    assert (status, _where(problems)) == (
        1,
        [
            (PAGE, BODY_LINE + 1000, 7, "too-many-footnotes"),
            (PAGE, first_row + 2000, 1, "table-too-long"),
            (PAGE, first_row + 4999, 1, "table-too-large"),
        ],
    )


# --- pages per packet ----------------------------------------------------------------------


def test_one_big_attachment_listed_five_times_is_caught_at_check(tmp_path: Path) -> None:
    """The attack: a 1000-page PDF attached five times printed 15,040 pages in three PDFs
    (the region's packet, the round's and the document's own) for ten minutes."""
    root = project(tmp_path, MINIMAL)
    listings = _attach(root, _pdf(1000), 5)
    status, problems = _check(root)
    # The first listing brings each PDF to about 1000 pages, the second over 2000.
    assert (status, _where(problems)) == (1, [(DOC, listings[1], 11, "packet-too-long")])
    message = problems[0]["message"]
    for url in PACKETS:
        assert re.search(rf"{re.escape(url)} \(about 5,0\d\d pages\)", message), message
    assert message.endswith(
        "would print more than 2,000 pages (print_budget.max_pages_per_packet in "
        "site.yaml), going over at 'liitteet/iso.pdf' (1,000 pages)"
    )


def test_the_attack_stops_a_build_before_anything_is_printed(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    listings = _attach(root, _pdf(1000), 5)
    out = tmp_path / "out"
    result = build(root, out, pdf=True)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1, result.stdout
    assert re.search(
        rf"^{re.escape(DOC)}:{listings[1]}:11: error\[packet-too-long\]: ", result.stdout, re.M
    ), result.stdout
    assert "PDFs:" not in result.stdout and not out.exists()


def _totals(problems: list[dict[str, Any]]) -> dict[str, int]:
    found = re.findall(r"(/\S+\.pdf) \(about ([\d,]+) pages?\)", problems[0]["message"])
    return {url: int(pages.replace(",", "")) for url, pages in found}


def test_pages_at_the_budget_pass_and_one_more_fails(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    listings = _attach(root, _pdf(30), 2)
    site = (root / "site.yaml").read_text()
    _budget(root, max_pages_per_packet=10)
    status, problems = _check(root)
    assert (status, _where(problems)) == (1, [(DOC, listings[0], 11, "packet-too-long")])
    largest = max(_totals(problems).values())
    assert set(_totals(problems)) == set(PACKETS)

    (root / "site.yaml").write_text(site)
    _budget(root, max_pages_per_packet=largest)
    assert _check(root) == (0, [])

    (root / "site.yaml").write_text(site)
    _budget(root, max_pages_per_packet=largest - 1)
    status, problems = _check(root)
    assert (status, _where(problems)) == (1, [(DOC, listings[1], 11, "packet-too-long")])
    assert _totals(problems) == {"/pdf/2018-syksy.pdf": largest}


def test_a_long_note_referenced_again_and_again_counts_every_time(tmp_path: Path) -> None:
    """Print sets a note's text at every reference to it: 100 references to a note of
    8,000 characters print 800,000 characters, though the body holds some 8,500."""
    root = project(tmp_path, MINIMAL)
    _budget(root, max_pages_per_packet=100)
    _page(root, "Lause.[^a]\n" * 100 + "\n[^a]: " + "sana " * 1600 + "\n")
    status, problems = _check(root)
    assert (status, _where(problems)) == (1, [(PAGE, 1, 1, "packet-too-long")])
    assert "/sivut/budjetti.pdf (about " in problems[0]["message"]
    assert problems[0]["message"].endswith("going over here")


# --- pages per build -----------------------------------------------------------------------

NEWS = "content/tiedotteet"
NEWS_LISTING = 7  # the line of `- file:` in _news


def _news(root: Path, data: bytes, count: int) -> None:
    """`count` news items, each attaching `data` (saved once as tiedotteet/liitteet/pitka.pdf)."""
    (root / NEWS / "liitteet").mkdir()
    (root / NEWS / "liitteet/pitka.pdf").write_bytes(data)
    for n in range(count):
        (root / NEWS / f"uutinen-{n:02}.md").write_text(
            f"---\ntitle: Uutinen {n}\ntype: news\ndate: 2018-11-26\nsummary: Liite.\n"
            "attachments:\n  - file: liitteet/pitka.pdf\n    title: Liite\n---\n\nTeksti.\n"
        )


def _build_total(problem: dict[str, Any]) -> tuple[int, str]:
    """The pages a `build-too-long` problem says the build would print, and its PDF."""
    found = re.search(
        r"would print about ([\d,]+) pages in all.*, in (\S+\.pdf)$", problem["message"]
    )
    assert found, problem["message"]
    return int(found.group(1).replace(",", "")), found.group(2)


def test_fifty_news_items_each_attaching_a_long_pdf_are_caught_at_check(tmp_path: Path) -> None:
    """The attack: each news item's PDF keeps within the budget per PDF (1,990 pages of
    2,000), and 50 of them would print some 100,000 pages. `check` (also with --no-pdf)
    adds up every PDF of the build and stands at the attachment that takes the total over
    max_pages_per_build; the timeout only guards against a hang."""
    root = project(tmp_path, MINIMAL)
    _news(root, _pdf(1990), 50)
    status, problems = _check(root)
    assert status == 1
    assert [(p["code"], p["line"], p["column"]) for p in problems] == [
        ("build-too-long", NEWS_LISTING, 11)
    ]
    assert re.fullmatch(rf"{NEWS}/uutinen-\d\d\.md", problems[0]["file"])
    total, url = _build_total(problems[0])
    assert 50 * 1990 < total < 50 * 1990 + 500
    assert problems[0]["message"].startswith(
        f"the PDFs of this build would print about {total:,} pages in all, more than 90,000 "
        "(print_budget.max_pages_per_build in site.yaml); the total goes over at "
        "'liitteet/pitka.pdf' (1,990 pages), in /tiedotteet/uutinen-"
    )
    assert url == "/" + problems[0]["file"].removeprefix("content/").removesuffix(".md") + ".pdf"


def test_the_build_budget_stops_a_build_before_anything_is_printed(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    _news(root, _pdf(30), 3)
    _budget(root, max_pages_per_build=60)
    out = tmp_path / "out"
    result = build(root, out, pdf=True)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1, result.stdout
    assert re.search(
        rf"^{NEWS}/uutinen-0\d\.md:{NEWS_LISTING}:11: error\[build-too-long\]: ",
        result.stdout,
        re.M,
    ), result.stdout
    assert "PDFs:" not in result.stdout and not out.exists()


def test_pages_at_the_build_budget_pass_and_one_more_fails(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    _news(root, _pdf(30), 2)
    site = (root / "site.yaml").read_text()
    _budget(root, max_pages_per_build=1)
    total = _build_total(_check(root)[1][0])[0]
    (root / "site.yaml").write_text(site)
    _budget(root, max_pages_per_build=total)
    assert _check(root) == (0, [])
    (root / "site.yaml").write_text(site)
    _budget(root, max_pages_per_build=total - 1)
    status, problems = _check(root)
    assert (status, [p["code"] for p in problems]) == (1, ["build-too-long"])
    assert _build_total(problems[0])[0] == total


# --- what the estimate counts ---------------------------------------------------------------


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, "PNG")
    return out.getvalue()


def _images(root: Path, name: str, data: bytes, count: int, budget: int) -> None:
    """A page showing the image `data` (saved as sivut/name) `count` times, in a site
    whose budget per PDF is `budget` pages."""
    (root / "content/sivut").mkdir(exist_ok=True)
    (root / "content/sivut" / name).write_bytes(data)
    _page(root, f"![Kuva]({name})\n\n" * count)
    _budget(root, max_pages_per_packet=budget)


def _page_over(root: Path) -> int:
    """The pages `check` estimates for the page's PDF, which must be over the budget."""
    status, problems = _check(root)
    assert (status, _where(problems)) == (1, [(PAGE, 1, 1, "packet-too-long")]), problems
    return _totals(problems)["/sivut/budjetti.pdf"]


def test_tall_images_count_a_page_each(tmp_path: Path) -> None:
    """1,000 images of 100 x 3,000 pixels printed 1,001 pages, estimated at 55 when images
    counted as a line of text each. Each is as tall as a page once scaled to the column
    (it does not break, and is cut at the page's foot): 1,000 pages or more."""
    root = project(tmp_path, MINIMAL)
    _images(root, "pitka.png", _png(100, 3000), 1000, 1000)
    assert _page_over(root) >= 1001


def test_wide_images_count_at_the_height_the_column_gives_them(tmp_path: Path) -> None:
    """3,000 x 2,000 pixels scaled to the column (635 CSS pixels) is 423 tall, under half a
    page: 200 of them printed 101 pages, two a page."""
    root = project(tmp_path, MINIMAL)
    _images(root, "levea.png", _png(3000, 2000), 200, 100)
    assert 101 <= _page_over(root) <= 130


def test_an_image_of_unknown_size_counts_a_page(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    broken = b"\x89PNG\r\n\x1a\n" + b"\0" * 100  # a PNG's signature, then nothing
    _images(root, "rikki.png", broken, 60, 59)
    assert _page_over(root) >= 60


def test_an_image_in_a_note_counts_at_every_reference(tmp_path: Path) -> None:
    """Print sets a note at every reference to it, its image too."""
    root = project(tmp_path, MINIMAL)
    (root / "content/sivut").mkdir()
    (root / "content/sivut/pitka.png").write_bytes(_png(100, 3000))
    _page(root, "Lause.[^a]\n" * 100 + "\n[^a]: Kuva: ![Kuva](pitka.png)\n")
    _budget(root, max_pages_per_packet=99)
    assert _page_over(root) >= 100


def test_an_svg_prints_at_its_size_or_across_the_column() -> None:
    column = print_size.COLUMN_PX
    sized = f'<svg {SVG} width="400" height="300" viewBox="0 0 10 5"/>'.encode()
    assert attachments.print_size(sized, "svg") == (400, 300)
    shape = f'<svg {SVG} width="100%" viewBox="0 0 10 8"/>'.encode()  # as wide as it may be
    assert attachments.print_size(shape, "svg") == (column, column * 0.8)
    assert attachments.print_size(f'<svg {SVG} width="8cm" height="2cm"/>'.encode(), "svg") is None
    # Taller than a page once across the column: a page, however tall.
    assert print_size.image_lines((column, 5 * print_size.PAGE_PX)) == print_size.LINES_PER_PAGE
    assert print_size.image_lines(None) == print_size.LINES_PER_PAGE
    # Just over half a page: one a page, the rest of it empty.
    assert print_size.image_lines((600, 500)) == print_size.LINES_PER_PAGE


def _squeezed() -> str:
    """A table whose first cell is 600 words and every other cell of its column one,
    beside a column of 32-word sentences: the auto layout gives the first column nearly
    all the width, and the second wraps every row into some 25 lines (bench/estimates.py,
    table-100x2-squeezed-column: it printed 53 pages)."""
    sentence = " ".join(["hyvinvointialue", "palvelut", "ja", "rahoitus"] * 8)
    rows = [" ".join(["neuvottelu"] * (600 if r == 0 else 1)) for r in range(100)]
    body = "".join(f"| {first} | {sentence} |\n" for first in rows)
    return "Taulukko.\n\n| S0 | S1 |\n|---|---|\n" + body


def test_a_table_with_a_squeezed_column_is_estimated_at_its_printed_rows(tmp_path: Path) -> None:
    """Counting a table row as a line and a half of its source beat the budget: this
    table was estimated at 18 pages and printed 53."""
    root = project(tmp_path, MINIMAL)
    _page(root, _squeezed())
    _budget(root, max_pages_per_packet=53)
    assert _page_over(root) > 53


def test_nesting_narrows_the_column(tmp_path: Path) -> None:
    """Six block quotes deep, a line holds a quarter of what the column holds: 300 such
    paragraphs printed 161 pages (bench/estimates.py, blockquote-6-deep), estimated at 50
    when every line counted alike."""
    root = project(tmp_path, MINIMAL)
    sentence = " ".join(["hyvinvointialue", "sosiaalipalvelut", "ja", "rahoitus"] * 8) + "."
    _page(root, ("> " * 6 + sentence + "\n>\n") * 300)
    _budget(root, max_pages_per_packet=161)
    assert _page_over(root) > 161


@pytest.mark.parametrize(
    ("body", "printed"),
    [
        ("## a\n" * 2000, 113),  # 13.5 pt with 7 mm above and 2.5 mm below
        ((" ".join(["WMW"] * 90) + "\n\n") * 300, 51),  # 50 capitals to a line, not 90
    ],
    ids=["headings", "capitals"],
)
def test_headings_and_wide_letters_count_at_their_width(
    body: str, printed: int, tmp_path: Path
) -> None:
    """Measured by bench/estimates.py: 2,000 `## a` printed 113 pages (estimated at 55
    when a heading counted as a line), 300 paragraphs of capitals 51 (estimated at 50
    when every character counted alike)."""
    root = project(tmp_path, MINIMAL)
    _page(root, body)
    _budget(root, max_pages_per_packet=printed)
    assert _page_over(root) > printed


# --- cells per table and per PDF -------------------------------------------------------------


def _wide(rows: int, columns: int) -> str:
    """A table of `columns` columns and `rows` body rows after a line of text and a blank:
    its header on the body's line 2, body row r on line 3 + r."""
    head = "|" + "|".join(f"S{c}" for c in range(columns)) + "|\n" + "|---" * columns + "|\n"
    body = "".join("|" + "|".join("1" * columns) + "|\n" for _ in range(rows))
    return "Johdanto.\n\n" + head + body


def test_a_table_over_the_cell_budget_is_a_problem_at_the_row_that_goes_over(
    tmp_path: Path,
) -> None:
    """Printing holds some 28 KB for every cell (bench/RESULTS.md): 10 columns and 1,001
    rows are 10,020 cells with the header. Rows within the row budget, cells over theirs:
    body row 1,000 takes the table over 10,000."""
    root = project(tmp_path, MINIMAL)
    _page(root, _wide(1001, 10))
    status, problems = _check(root)
    assert (status, _where(problems)) == (1, [(PAGE, BODY_LINE + 3 + 1000, 1, "table-too-large")])
    assert problems[0]["message"] == (
        "a table of 1,002 rows and 10 columns has 10,020 cells, the header row included; "
        "the limit is 10,000 cells per table (print_budget.max_cells_per_table in "
        "site.yaml), and this row goes over it"
    )
    assert "30 KB" in problems[0]["suggestion"]


def test_a_table_at_the_cell_budget_passes(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    _page(root, _wide(999, 10))
    assert _check(root) == (0, [])


def test_a_header_wider_than_the_cell_budget_is_a_problem_at_the_header(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    _page(root, _wide(0, 12))
    _budget(root, max_cells_per_table=10)
    status, problems = _check(root)
    assert (status, _where(problems)) == (1, [(PAGE, BODY_LINE + 2, 1, "table-too-large")])


def test_tables_within_their_budget_add_up_over_the_budget_of_a_pdf(tmp_path: Path) -> None:
    """WeasyPrint lays out a whole PDF before it writes it: four tables of 10,000 cells
    in one document took 1.2 GB where one took 0.4 GB. Five tables of 9,010 cells each
    keep within the budget per table and go over the 40,000 cells of a PDF at the fifth."""
    root = project(tmp_path, MINIMAL)
    _page(root, "\n".join([_wide(900, 10)] * 5))
    status, problems = _check(root)
    table = 2 + 2 + 900 + 1  # text and a blank, header and rule, rows, a blank between
    assert (status, _where(problems)) == (
        1,
        [(PAGE, BODY_LINE + 4 * table + 2, 1, "packet-too-many-cells")],
    )
    assert problems[0]["message"] == (
        "the PDF /sivut/budjetti.pdf (45,050 cells) would hold more than 40,000 table cells "
        "(print_budget.max_cells_per_packet in site.yaml), going over at this table "
        "(9,010 cells)"
    )


# --- site.yaml -----------------------------------------------------------------------------


def test_site_yaml_lowers_each_budget(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    _page(root, _footnotes(6) + "\n" + _table(11))
    listings = _attach(root, _pdf(60), 1)
    assert _check(root) == (0, [])
    # The table: 11 body rows and a header of 2 columns, 24 cells.
    _budget(
        root,
        max_pages_per_packet=50,
        max_pages_per_build=50,
        max_footnotes_per_document=5,
        max_rows_per_table=10,
        max_cells_per_table=20,
        max_cells_per_packet=23,
    )
    status, problems = _check(root)
    assert status == 1
    header = BODY_LINE + _first_row(6) - 2
    assert _where(problems) == [
        (DOC, listings[0], 11, "build-too-long"),
        (DOC, listings[0], 11, "packet-too-long"),
        (PAGE, BODY_LINE + 5, 7, "too-many-footnotes"),
        (PAGE, header, 1, "packet-too-many-cells"),
        (PAGE, header + 2 + 9, 1, "table-too-large"),  # body row 10: the header and 9 rows fit
        (PAGE, header + 2 + 10, 1, "table-too-long"),
    ]


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("max_pages_per_packet", "0", "greater than 0"),
        ("max_pages_per_packet", "-5", "greater than 0"),
        ("max_pages_per_packet", "1000000", "less than or equal to 20,000"),
        ("max_pages_per_packet", "true", "whole number"),
        ("max_pages_per_packet", "paljon", "whole number"),
        ("max_pages_per_build", "900001", "less than or equal to 900,000"),
        ("max_cells_per_table", "100001", "less than or equal to 100,000"),
        ("max_cells_per_packet", "400001", "less than or equal to 400,000"),
        ("max_cells_per_packet", "0", "greater than 0"),
    ],
)
def test_a_budget_must_be_a_positive_whole_number_within_bounds(
    key: str, value: str, expected: str, tmp_path: Path
) -> None:
    root = project(tmp_path, MINIMAL)
    with (root / "site.yaml").open("a") as site:
        site.write(f"print_budget:\n  {key}: {value}\n")
    line = len((root / "site.yaml").read_text().splitlines())
    status, problems = _check(root)
    assert status == 2
    assert [(p["file"], p["line"]) for p in problems] == [("site.yaml", line)]
    assert expected in problems[0]["message"], problems[0]["message"]


# --- the build cache -----------------------------------------------------------------------


def test_the_counts_are_kept_in_the_build_cache() -> None:
    body = _footnotes(3) + "\n" + _table(4)
    source = SourceFile(PAGE, (FRONT + body).encode())
    parsed = parse_source(source, False, True)
    document = parsed[1]
    assert document is not None
    outline = document.outline
    assert (outline.footnotes, outline.tables) == (3, ((_first_row(3) - 2, 4, 2),))
    assert outline.print_lines > 0
    shard = cache_parsed.encode_shard("k", {PAGE: ("made-of", parsed)})
    back = cache_parsed.decode_shard(shard, "k")
    assert back[PAGE][0] == "made-of" and back[PAGE][1][1].outline == outline


def test_a_lowered_budget_holds_when_the_documents_come_from_the_cache(tmp_path: Path) -> None:
    """The second build reads the unchanged documents from the first one's cache: their
    counts come with them, and the new budget in site.yaml applies."""
    root = project(tmp_path, MINIMAL)
    _page(root, _footnotes(6) + "\n" + _table(11))
    out = tmp_path / "out"
    first = build(root, out)
    assert first.returncode == 0, first.stdout
    _budget(root, max_footnotes_per_document=5, max_rows_per_table=10)
    second = build(root, out)
    assert second.returncode == 1, second.stdout
    assert "Traceback" not in second.stdout + second.stderr
    assert f"{PAGE}:{BODY_LINE + 5}:7: error[too-many-footnotes]: " in second.stdout
    assert f"{PAGE}:{BODY_LINE + _first_row(6) + 10}:1: error[table-too-long]: " in second.stdout
