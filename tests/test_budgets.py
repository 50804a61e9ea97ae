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
from pypdf import PdfWriter
from test_site import build, project

from soteneg.build.cache import parsed as cache_parsed
from soteneg.content.loader import parse_source
from soteneg.content.sources import SourceFile

PAGE = "content/sivut/budjetti.md"
FRONT = "---\ntitle: Budjetti\ntype: page\ndate: 2018-01-01\n---\n"  # the body starts on line 6
BODY_LINE = 6
DOC = "content/kierrokset/2018-syksy/uusimaa.md"
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


# --- site.yaml -----------------------------------------------------------------------------


def test_site_yaml_lowers_each_budget(tmp_path: Path) -> None:
    root = project(tmp_path, MINIMAL)
    _page(root, _footnotes(6) + "\n" + _table(11))
    listings = _attach(root, _pdf(60), 1)
    assert _check(root) == (0, [])
    _budget(root, max_pages_per_packet=50, max_footnotes_per_document=5, max_rows_per_table=10)
    status, problems = _check(root)
    assert status == 1
    assert _where(problems) == [
        (DOC, listings[0], 11, "packet-too-long"),
        (PAGE, BODY_LINE + 5, 7, "too-many-footnotes"),
        (PAGE, BODY_LINE + _first_row(6) + 10, 1, "table-too-long"),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0", "greater than 0"),
        ("-5", "greater than 0"),
        ("1000000", "less than or equal to 20,000"),
        ("true", "whole number"),
        ("paljon", "whole number"),
    ],
)
def test_a_budget_must_be_a_positive_whole_number_within_bounds(
    value: str, expected: str, tmp_path: Path
) -> None:
    root = project(tmp_path, MINIMAL)
    with (root / "site.yaml").open("a") as site:
        site.write(f"print_budget:\n  max_pages_per_packet: {value}\n")
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
    assert (outline.footnotes, outline.tables) == (3, ((_first_row(3), 4),))
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
