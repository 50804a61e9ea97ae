"""Problem values and their three formats."""

from __future__ import annotations

import dataclasses
import json

from soteneg.core.problems import (
    Problem,
    did_you_mean,
    format_github,
    format_human,
    format_json,
    problem,
    sort_problems,
)
from soteneg.core.text import Text, verbatim

P = problem(
    "content/a.md",
    (7, 9),
    "unknown-region",
    value="uusima",
    hint=did_you_mean("uusima", ["uusimaa"]),
)


def _plain(file: str, line: int, column: int, severity: str, code: str, message: str) -> Problem:
    return Problem(file, line, column, severity, code, verbatim(message))  # type: ignore[arg-type]


def test_human_format_is_compiler_style_with_caret() -> None:
    text = format_human([P], lambda f, n: "region: uusima")
    assert text.splitlines() == [
        "content/a.md:7:9: error[unknown-region]: region 'uusima' is not defined "
        "(did you mean 'uusimaa'?)",
        " 7 | region: uusima",
        "   |         ^",
        "1 error, 0 warnings",
    ]


def test_human_format_windows_a_huge_line() -> None:
    p = _plain("a.md", 1, 5_000_000, "error", "x", "m")
    text = format_human([p], lambda f, n: "x" * 10_000_000)
    assert len(text) < 500 and "…" in text


def test_github_format_escapes_properties_and_data() -> None:
    p = _plain("content/a,b:c.md", 2, 3, "warning", "code", "50% done\nnext")
    assert format_github([p]) == (
        "::warning file=content/a%2Cb%3Ac.md,line=2,col=3,title=code::50%25 done%0Anext"
    )


def test_json_format_gives_the_code_and_the_words_in_one_language() -> None:
    body = json.loads(format_json([P]))
    assert body["summary"] == {"errors": 1, "warnings": 0}
    assert body["problems"][0] == {
        "file": "content/a.md",
        "line": 7,
        "column": 9,
        "severity": "error",
        "code": "unknown-region",
        "message": "region 'uusima' is not defined",
        "suggestion": "did you mean 'uusimaa'?",
    }
    finnish = json.loads(format_json([P], "fi"))
    assert finnish["lang"] == "fi"
    assert finnish["problems"][0]["code"] == "unknown-region"
    assert finnish["problems"][0]["message"] == P.message_in("fi") != P.message


def test_human_format_in_swedish_keeps_place_severity_and_code() -> None:
    text = format_human([P], lambda f, n: "region: uusima", "sv")
    first, *_, last = text.splitlines()
    assert first.startswith("content/a.md:7:9: error[unknown-region]: ")
    assert first.endswith(f"{P.message_in('sv')} ({P.suggestion_in('sv')})")
    assert last == "1 fel, 0 varningar"


def test_sorting_is_by_file_then_line_and_removes_repeats() -> None:
    b = _plain("content/b.md", 1, 1, "error", "x", "m")
    a2 = _plain("content/a.md", 10, 1, "error", "x", "m")
    assert sort_problems([b, a2, P, P]) == [P, a2, b]


def test_problems_that_tie_on_place_and_words_keep_one_order_whatever_the_set_s() -> None:
    """The order cannot come from the set that removes repeats, whose order changes from
    one process to the next: problems alike but for their severity or hint are ordered
    by those too."""
    warning = _plain("content/a.md", 1, 1, "warning", "x", "m")
    error = _plain("content/a.md", 1, 1, "error", "x", "m")
    hinted = dataclasses.replace(error, hint=Text("a", "b", "c"))
    expected = [error, hinted, warning]
    for order in ([warning, hinted, error], [hinted, error, warning], [error, warning, hinted]):
        assert sort_problems(order) == expected


def test_did_you_mean() -> None:
    assert did_you_mean("uusima", ["uusimaa", "lappi"]) == Text(
        "tarkoititko 'uusimaa'?", "menade du 'uusimaa'?", "did you mean 'uusimaa'?"
    )
    assert did_you_mean("zzz", ["uusimaa"]) is None
