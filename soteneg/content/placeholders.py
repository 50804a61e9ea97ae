"""The text a skeleton holds for the editor to replace, and the check that none of it is
published: `soteneg new` (editors.scaffold) writes these placeholders, and `check` warns
about a document that is not a draft and still holds one, in any language. Pure.

A placeholder is a whole line in square brackets, worded in the catalogue
(`@skeleton.*`), so that it reads as an instruction in the file and on a preview page,
and is found again whatever theme name it carries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Literal

from soteneg.content.loader import Document
from soteneg.core.messages import CATALOGUE
from soteneg.core.names import LANGS
from soteneg.core.problems import Problem, problem
from soteneg.core.text import Text, say, verbatim

Kind = Literal["title", "theme", "text"]


def placeholder(kind: Kind, name: str = "") -> Text:
    """The placeholder of `kind` in every language; `name`: the theme's, for "theme"."""
    if kind == "title":
        return say("@skeleton.title")
    if kind == "theme":
        return say("@skeleton.theme-text", name=name)
    return say("@skeleton.text")


@cache
def _body_pattern() -> re.Pattern[str]:
    lines: list[str] = []
    for key in ("@skeleton.theme-text", "@skeleton.text"):
        for lang in LANGS:
            parts = CATALOGUE[key][lang].split("{name}")
            lines.append(".+?".join(re.escape(part) for part in parts))
    return re.compile("^(?:" + "|".join(lines) + ")$")


@cache
def _titles() -> frozenset[str]:
    return frozenset(CATALOGUE["@skeleton.title"][lang] for lang in LANGS)


def check_placeholders(documents: Iterable[Document]) -> Iterator[Problem]:
    """A warning at each placeholder left in a document that is to be published."""
    pattern = _body_pattern()
    for doc in documents:
        meta = doc.meta
        if meta is None or meta.draft:
            continue
        if meta.title in _titles():
            yield problem(
                doc.file,
                doc.front.position(("title",)),
                "placeholder-text.title",
                severity="warning",
                text=verbatim(meta.title),
            )
        if "[" not in doc.body:
            continue
        for n, line in enumerate(doc.body.split("\n")):
            text = line.strip()
            if text.startswith("[") and pattern.match(text):
                column = len(line) - len(line.lstrip()) + 1
                yield problem(
                    doc.file,
                    (doc.body_line + n, column),
                    "placeholder-text",
                    severity="warning",
                    text=verbatim(text),
                )
