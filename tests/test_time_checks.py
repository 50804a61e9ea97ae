"""The time checks of the cross-reference pass on data the broken samples do not show:
a long succession, an optional data file left out, a document whose front matter has
other problems."""

from __future__ import annotations

from conftest import MINIMAL

from soteneg.content.crossref import cross_check
from soteneg.content.loader import load_content
from soteneg.content.project_files import ProjectFiles, read_project
from soteneg.content.sources import SourceFile
from soteneg.core.problems import Problem


def _check(data_files: dict[str, str], documents: dict[str, str] | None = None) -> list[Problem]:
    """`soteneg check` on the minimal site with these files put in (by path)."""
    files = read_project(MINIMAL)
    data = {f.path: f for f in files.data_files}
    data.update({p: SourceFile(p, t.encode()) for p, t in data_files.items()})
    docs = {f.path: f for f in files.documents}
    docs.update({p: SourceFile(p, t.encode()) for p, t in (documents or {}).items()})
    files = ProjectFiles(files.root, files.config, tuple(data.values()), tuple(docs.values()))
    content, config_problems, problems = load_content(files)
    ids = {p.removeprefix("content/").removesuffix(".md") for p in docs}
    return config_problems + problems + cross_check(content, ids)


def _codes(problems: list[Problem]) -> list[tuple[str, int, str]]:
    return sorted((p.file, p.line, p.code) for p in problems)


def test_a_long_succession_is_walked_without_recursion_and_its_loop_found() -> None:
    # Regions one a year, each succeeded by the next and the last by the first: more than
    # Python's recursion limit (1000), fewer than the YAML size limit allows.
    count = 1100
    lines = []
    for n in range(count):
        lines += [f"- id: r{n}", f"  name: {{fi: R{n}, sv: R{n}}}"]
        if n:
            lines.append(f"  valid_from: {1000 + n:04}-01-01")
        lines.append(f"  valid_to: {1000 + n:04}-12-31")
        lines.append(f"  succeeded_by: [r{(n + 1) % count}]")
    lines += [
        "- id: uusimaa",
        "  name: {fi: Uusimaa, sv: Nyland}",
        "- id: lappi",
        "  name: {fi: Lappi, sv: Lappland}",
    ]
    problems = _check({"content/regions.yaml": "\n".join(lines) + "\n"})
    last = 5 * (count - 1) + 4  # the last one's succeeded_by (r0 has no valid_from line)
    assert _codes(problems) == [("content/regions.yaml", last, "succession-cycle")]
    assert problems[0].message.startswith("succession returns to 'r0': r0 → r1 → r2 →")


ROUNDS_WITH_PARTIES = """\
- id: 2018-syksy
  name: {fi: Syksy 2018, sv: Hösten 2018}
  kind: practice
  parties: [stm, vm]
  start: 2018-10-01
  end: 2018-11-30
  themes: [saatavuus, integraatio]
"""
PARTIES = """\
- id: stm
  name: {fi: STM, sv: SHM, en: STM}
"""


def test_parties_are_checked_against_parties_yaml_only_when_it_exists() -> None:
    assert _check({"content/rounds.yaml": ROUNDS_WITH_PARTIES}) == []
    with_file = _check(
        {"content/rounds.yaml": ROUNDS_WITH_PARTIES, "content/parties.yaml": PARTIES}
    )
    assert _codes(with_file) == [("content/rounds.yaml", 4, "unknown-party")]
    assert "party 'vm' is not defined" in with_file[0].message


REGIONS = """\
- id: uusimaa
  name: {fi: Uusimaa, sv: Nyland}
  valid_to: 2017-12-31
- id: lappi
  name: {fi: Lappi, sv: Lappland}
"""
REJECTED = """\
---
title: Uusimaa
type: negotiation
date: 2018-10-15
region: uusimaa
round: 2018-syksy
colour: red
---
"""


def test_a_document_with_other_problems_is_still_checked_for_its_time() -> None:
    problems = _check(
        {"content/regions.yaml": REGIONS},
        {"content/kierrokset/2018-syksy/uusimaa.md": REJECTED},
    )
    doc = "content/kierrokset/2018-syksy/uusimaa.md"
    assert _codes(problems) == [(doc, 5, "region-not-in-round"), (doc, 7, "unknown-field")]
    assert problems[-1].suggestion is not None
    assert "no successor of 'uusimaa' was valid then" in problems[-1].suggestion
