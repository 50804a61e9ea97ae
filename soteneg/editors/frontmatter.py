"""Front matter written as the browser editor writes it.

Decap CMS saves front matter with the `yaml` library (1.10, which Decap bundles): keys
in the order of the collection's fields, plain scalars where YAML 1.2 reads them back
as the same string, quotes where it would not, lists one item a line, and long values
folded at 80 columns. `soteneg new` writes the same, so that a document begun on the
command line and saved in the browser differs only where an editor changed it.

This is that library's string writer (stringifyString, plainString, the quoted styles,
foldFlowLines) for the values front matter holds: one-line text, ids, dates, booleans
and lists of them. tests/test_cms.py runs the library itself on the same values and
compares.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence

LINE_WIDTH = 80
MIN_CONTENT_WIDTH = 20
INDENT = "  "  # of a map's values, and of a list's items under their key

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# What a plain scalar may not be (yaml's plainString): empty, starting with an indicator,
# ': ', ' #' and the like inside, or ending in a space or ':'.
_NOT_PLAIN = re.compile(
    r"^[\n\t ,\[\]{}#&*!|>'\"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$"
)
# Plain text that YAML 1.2's core schema would read as something other than text.
_CORE_NOT_TEXT = re.compile(
    r"^(?:~|[Nn]ull|NULL)?$|^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$|^0o[0-7]+$|^[-+]?[0-9]+$"
    r"|^0x[0-9a-fA-F]+$|^(?:[-+]?\.inf|\.nan)$|^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$"
    r"|^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$",
    re.I,
)
_SPECIAL_ESCAPES = {
    "0000": "\\0",
    "0007": "\\a",
    "000b": "\\v",
    "001b": "\\e",
    "0085": "\\N",
    "00a0": "\\_",
    "2028": "\\L",
    "2029": "\\P",
}


def _fold(text: str, indent: str, quoted: bool, indent_at_start: int | None) -> str:
    """yaml's foldFlowLines in its 'flow' and 'quoted' modes."""
    end_step = max(1 + MIN_CONTENT_WIDTH, 1 + LINE_WIDTH - len(indent))
    if len(text) <= end_step:
        return text
    folds: list[int] = []
    escaped: set[int] = set()
    end = LINE_WIDTH - len(indent)
    if indent_at_start is not None:
        if indent_at_start > LINE_WIDTH - max(2, MIN_CONTENT_WIDTH):
            folds.append(0)
        else:
            end = LINE_WIDTH - indent_at_start
    split: int | None = None
    prev: str | None = None
    i = -1
    esc_start = esc_end = -1
    n = len(text)
    while True:
        i += 1
        if i >= n:
            break
        ch = text[i]
        if quoted and ch == "\\":
            esc_start = i
            nxt = text[i + 1] if i + 1 < n else ""
            i += {"x": 3, "u": 5, "U": 9}.get(nxt, 1)
            esc_end = i
        if ch == "\n":
            end = i + end_step
            split = None
        else:
            if ch == " " and prev and prev not in " \n\t":
                nxt = text[i + 1] if i + 1 < n else ""
                if nxt and nxt not in " \n\t":
                    split = i
            if i >= end:
                if split:
                    folds.append(split)
                    end = split + end_step
                    split = None
                elif quoted:
                    while prev in (" ", "\t"):
                        prev = ch
                        i += 1
                        ch = text[i] if i < n else ""
                    j = i - 2 if i > esc_end + 1 else esc_start - 1
                    if j in escaped:
                        return text
                    folds.append(j)
                    escaped.add(j)
                    end = j + end_step
                    split = None
        prev = ch
    if not folds:
        return text
    out = text[: folds[0]]
    for k, fold in enumerate(folds):
        stop = folds[k + 1] if k + 1 < len(folds) else n
        if fold == 0:
            out = f"\n{indent}{text[:stop]}"
        else:
            if quoted and fold in escaped:
                out += f"{text[fold]}\\"
            out += f"\n{indent}{text[fold + 1 : stop]}"
    return out


def _double_quoted(value: str, indent: str, indent_at_start: int | None) -> str:
    # JavaScript's JSON.stringify leaves letters outside ASCII as they are.
    encoded = json.dumps(value, ensure_ascii=False)
    out = ""
    start = 0
    i = 0
    while i < len(encoded):
        ch = encoded[i]
        if ch == "\\":
            kind = encoded[i + 1]
            if kind == "u":
                out += encoded[start:i]
                code = encoded[i + 2 : i + 6].lower()
                if code in _SPECIAL_ESCAPES:
                    out += _SPECIAL_ESCAPES[code]
                elif code.startswith("00"):
                    out += "\\x" + code[2:]
                else:
                    out += encoded[i : i + 6]
                i += 5
                start = i + 1
            else:
                i += 1
        i += 1
    out = out + encoded[start:] if start else encoded
    return _fold(out, indent, True, indent_at_start)


def _single_quoted(value: str, indent: str, indent_at_start: int | None) -> str:
    text = "'" + value.replace("'", "''") + "'"
    return _fold(text, indent, False, indent_at_start)


def scalar(value: object, indent: str = INDENT, indent_at_start: int | None = None) -> str:
    """One value as the browser editor writes it, after `key: ` (`indent_at_start` is
    that prefix's length) or `- ` in a list."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        value = value.isoformat()
    elif isinstance(value, int):
        return str(value)
    text = str(value)
    if _CONTROL.search(text) or "\n" in text:
        return _double_quoted(text, indent, indent_at_start)
    if not text or _NOT_PLAIN.search(text):
        if '"' in text and "'" not in text:
            return _single_quoted(text, indent, indent_at_start)
        return _double_quoted(text, indent, indent_at_start)
    if _CORE_NOT_TEXT.match(text):
        return _double_quoted(text, indent, indent_at_start)
    return _fold(text, indent, False, indent_at_start)


def front_matter(fields: Sequence[tuple[str, object]]) -> str:
    """`---`, each `key: value` (a list as `- item` lines under its key), `---`."""
    lines = ["---"]
    for key, value in fields:
        if isinstance(value, list | tuple):
            if not value:
                lines.append(f"{key}: []")
                continue
            lines.append(f"{key}:")
            lines += [f"{INDENT}- {scalar(item, INDENT * 2)}" for item in value]
        else:
            lines.append(f"{key}: {scalar(value, INDENT, len(key) + 2)}")
    lines.append("---")
    return "\n".join(lines)
