"""Problem values and their three formats."""

from __future__ import annotations

import json

from soteneg.core.problems import (
    Problem,
    did_you_mean,
    format_github,
    format_human,
    format_json,
    sort_problems,
)

P = Problem(
    "content/a.md",
    7,
    9,
    "error",
    "unknown-region",
    "region 'uusima' is not defined",
    "did you mean 'uusimaa'?",
)


def test_human_format_is_compiler_style_with_caret() -> None:
    text = format_human([P], lambda f, n: "region: uusima")
    assert text.splitlines() == [
        "content/a.md:7:9: error[unknown-region]: region 'uusima' is not defined "
        "(did you mean 'uusimaa'?)",
        " 7 | region: uusima",
        "   |         ^",
        "1 error(s), 0 warning(s)",
    ]


def test_human_format_windows_a_huge_line() -> None:
    p = Problem("a.md", 1, 5_000_000, "error", "x", "m")
    text = format_human([p], lambda f, n: "x" * 10_000_000)
    assert len(text) < 500 and "…" in text


def test_github_format_escapes_properties_and_data() -> None:
    p = Problem("content/a,b:c.md", 2, 3, "warning", "code", "50% done\nnext", None)
    assert format_github([p]) == (
        "::warning file=content/a%2Cb%3Ac.md,line=2,col=3,title=code::50%25 done%0Anext"
    )


def test_json_format_round_trips() -> None:
    body = json.loads(format_json([P]))
    assert body["summary"] == {"errors": 1, "warnings": 0}
    assert Problem(**body["problems"][0]) == P


def test_sorting_is_by_file_then_line_and_removes_repeats() -> None:
    b = Problem("content/b.md", 1, 1, "error", "x", "m")
    a2 = Problem("content/a.md", 10, 1, "error", "x", "m")
    assert sort_problems([b, a2, P, P]) == [P, a2, b]


def test_did_you_mean() -> None:
    assert did_you_mean("uusima", ["uusimaa", "lappi"]) == "did you mean 'uusimaa'?"
    assert did_you_mean("zzz", ["uusimaa"]) is None
