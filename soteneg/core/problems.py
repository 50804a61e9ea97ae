"""Problems are values: where, how bad, which rule, what to do. And their three formats."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from soteneg.core.messages import CATALOGUE
from soteneg.core.text import Param, Text, counted, joined, phrase, say, verbatim

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
    """One thing wrong with the input. `line` and `column` are 1-based; 0 means unknown.
    The message and the suggestion are held in every language (`core.text`)."""

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    text: Text
    hint: Text | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def message(self) -> str:
        return self.text.en

    @property
    def suggestion(self) -> str | None:
        return self.hint.en if self.hint else None

    def message_in(self, lang: str) -> str:
        return self.text.in_(lang)

    def suggestion_in(self, lang: str) -> str | None:
        return self.hint.in_(lang) if self.hint else None


_FROM_CATALOGUE = Text("", "", "")


def problem(
    file: str,
    position: tuple[int, int] | None,
    key: str,
    /,
    *,
    hint: Text | None = _FROM_CATALOGUE,
    severity: Severity = "error",
    **params: Param,
) -> Problem:
    """The problem `key` of the catalogue, at `position` of `file`.

    The code is the key up to a dot (`file-outside-project.link` is reported as
    `file-outside-project`). The suggestion is the catalogue's `key:hint` unless `hint`
    gives one (or None for none)."""
    line, column = position or (0, 0)
    if hint is _FROM_CATALOGUE:
        hint = phrase(f"{key}:hint", params) if f"{key}:hint" in CATALOGUE else None
    return Problem(file, line, column, severity, key.split(".")[0], phrase(key, params), hint)


def quoted(words: Iterable[str]) -> list[Text]:
    return [verbatim(f"'{word}'") for word in words]


def did_you_mean(word: str, known: Iterable[str]) -> Text | None:
    """A suggestion from close matches, phrased for the end of a message."""
    matches = difflib.get_close_matches(word, list(known), n=3, cutoff=0.6)
    if not matches:
        return None
    return say("@did-you-mean", options=joined(quoted(matches), say("@or")))


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    # Deduplicate too: two passes may find the same fault at the same place. The key is
    # the whole problem: a set's order changes from one process to the next, so two that
    # tied on their place and English words alone could swap places between runs.
    return sorted(set(problems), key=_order)


def _order(p: Problem) -> tuple[object, ...]:
    hint = (p.hint.en, p.hint.fi, p.hint.sv) if p.hint else ()
    return (p.file, p.line, p.column, p.code, p.text.en, p.severity, p.text.fi, p.text.sv, hint)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.is_error for p in problems)


def _headline(p: Problem, lang: str) -> str:
    where = p.file
    if p.line:
        where += f":{p.line}"
        if p.column:
            where += f":{p.column}"
    return visible(f"{where}: {p.severity}[{p.code}]: {_said(p, lang)}".replace("\n", " "))


def _said(p: Problem, lang: str) -> str:
    suggestion = p.suggestion_in(lang)
    return p.message_in(lang) + (f" ({suggestion})" if suggestion else "")


def summary(problems: Sequence[Problem], lang: str) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    said = say(
        "@summary", errors=counted("@errors", errors), warnings=counted("@warnings", warnings)
    )
    return said.in_(lang)


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


def format_human(
    problems: Sequence[Problem],
    source_line: Callable[[str, int], str | None],
    lang: str = "en",
) -> str:
    """Compiler-style lines, each followed by the source line and a caret. The severity
    and the code stay English in every language: editors' tools match on them."""
    out: list[str] = []
    for p in problems:
        out.append(_headline(p, lang))
        out.extend(_excerpt(p, source_line(p.file, p.line)))
    if problems:
        out.append(summary(problems, lang))
    return "\n".join(out)


def _gh_escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_escape_property(text: str) -> str:
    return _gh_escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: Sequence[Problem], lang: str = "en") -> str:
    """GitHub Actions workflow commands, so problems annotate the pull request."""
    out: list[str] = []
    for p in problems:
        props = [f"file={_gh_escape_property(visible(p.file))}"]
        if p.line:
            props.append(f"line={p.line}")
        if p.column:
            props.append(f"col={p.column}")
        props.append(f"title={_gh_escape_property(p.code)}")
        message = visible(_said(p, lang))
        out.append(f"::{p.severity} {','.join(props)}::{_gh_escape_data(message)}")
    return "\n".join(out)


def format_json(problems: Sequence[Problem], lang: str = "en") -> str:
    """Messages in `lang`; the code is the stable key for tools."""
    errors = sum(p.is_error for p in problems)
    body = {
        "lang": lang,
        "problems": [
            {
                "file": p.file,
                "line": p.line,
                "column": p.column,
                "severity": p.severity,
                "code": p.code,
                "message": p.message_in(lang),
                "suggestion": p.suggestion_in(lang),
            }
            for p in problems
        ],
        "summary": {"errors": errors, "warnings": len(problems) - errors},
    }
    # JSON escapes C0 controls itself; C1 and the overrides are escaped too, so that the
    # output is as safe to print as the other formats (and still the same strings).
    text = json.dumps(body, ensure_ascii=False, indent=2)
    return _UNSHOWABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
