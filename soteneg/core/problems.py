"""Problems are values: where, how bad, which rule, what to do. And their three formats."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]
FORMATS = ("human", "github", "json")

# What a terminal or a CI log would act on rather than show: C0 and C1 controls (ESC
# starts colour and title sequences, 0x9b is a one-byte CSI) and the bidirectional
# overrides that make a line read other than it is ("Trojan Source"), and the lone
# surrogates Python gives bytes of a file name that are not UTF-8. File names and
# source lines come from the commit, so they are shown escaped, never raw.
_UNSHOWABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def visible(text: str) -> str:
    r"""`text` with every control character written as an escape: `\x1b`, `\u202e`."""
    return _UNSHOWABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input. `line` and `column` are 1-based; 0 means unknown."""

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    suggestion: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def problem(
    file: str,
    position: tuple[int, int] | None,
    code: str,
    message: str,
    suggestion: str | None = None,
    severity: Severity = "error",
) -> Problem:
    line, column = position or (0, 0)
    return Problem(file, line, column, severity, code, message, suggestion)


def did_you_mean(word: str, known: Iterable[str]) -> str | None:
    """A suggestion from close matches, phrased for the end of a message."""
    matches = difflib.get_close_matches(word, list(known), n=3, cutoff=0.6)
    if not matches:
        return None
    return "did you mean " + " or ".join(f"'{m}'" for m in matches) + "?"


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    # Deduplicate too: two passes may find the same fault at the same place.
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.column, p.code, p.message))


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)


def _headline(p: Problem) -> str:
    where = p.file
    if p.line:
        where += f":{p.line}"
        if p.column:
            where += f":{p.column}"
    text = f"{where}: {p.severity}[{p.code}]: {p.message}"
    if p.suggestion:
        text += f" ({p.suggestion})"
    return visible(text.replace("\n", " "))


def _excerpt(p: Problem, source_line: str | None) -> list[str]:
    if not p.line or source_line is None:
        return []
    # A 10 MB line must not flood the terminal: show a window around the caret.
    text = source_line.replace("\t", " ")
    col = max(p.column, 1)
    start = max(0, col - 60)
    shown = text[start : start + 120]
    prefix = "…" if start else ""
    suffix = "…" if start + 120 < len(text) else ""
    gutter = str(p.line)
    pad = " " * len(gutter)
    # Escapes widen the line: the caret counts what is shown before it.
    caret_at = len(prefix) + len(visible(shown[: col - 1 - start]))
    lines = [f" {gutter} | {prefix}{visible(shown)}{suffix}".rstrip()]
    if p.column:
        lines.append(f" {pad} | {' ' * caret_at}^")
    return lines


def format_human(problems: Sequence[Problem], source_line: Callable[[str, int], str | None]) -> str:
    """Compiler-style lines, each followed by the source line and a caret."""
    out: list[str] = []
    for p in problems:
        out.append(_headline(p))
        out.extend(_excerpt(p, source_line(p.file, p.line)))
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    if problems:
        out.append(f"{errors} error(s), {warnings} warning(s)")
    return "\n".join(out)


def _gh_escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_escape_property(text: str) -> str:
    return _gh_escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: Sequence[Problem]) -> str:
    """GitHub Actions workflow commands, so problems annotate the pull request."""
    out: list[str] = []
    for p in problems:
        props = [f"file={_gh_escape_property(visible(p.file))}"]
        if p.line:
            props.append(f"line={p.line}")
        if p.column:
            props.append(f"col={p.column}")
        props.append(f"title={_gh_escape_property(p.code)}")
        message = p.message + (f" ({p.suggestion})" if p.suggestion else "")
        out.append(f"::{p.severity} {','.join(props)}::{_gh_escape_data(visible(message))}")
    return "\n".join(out)


def format_json(problems: Sequence[Problem]) -> str:
    errors = sum(p.is_error for p in problems)
    body = {
        "problems": [asdict(p) for p in problems],
        "summary": {"errors": errors, "warnings": len(problems) - errors},
    }
    # JSON escapes C0 controls itself; C1 and the overrides are escaped too, so that the
    # output is as safe to print as the other formats (and still the same strings).
    text = json.dumps(body, ensure_ascii=False, indent=2)
    return _UNSHOWABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
