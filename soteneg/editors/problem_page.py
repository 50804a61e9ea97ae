"""The page the preview shows in place of the site while a build fails: every problem
with its file, line and source excerpt, in the language of the page asked for."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from soteneg import pipeline
from soteneg.core.problems import Problem
from soteneg.core.text import say


@dataclass
class State:
    """What the preview shows: the last good site, or the problems of the last build."""

    problems: list[Problem] = field(default_factory=list)
    failed: bool = False
    crash: str | None = None
    result: pipeline.BuildResult | None = None
    texts: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    builds: int = 0
    lang: str = "fi"  # the site's default language, for the terminal's messages


def problem_page(state: State, lang: str) -> str:
    """Every problem over the page: file, line, message and the source excerpt."""
    items = []
    for p in state.problems:
        if not p.is_error:
            continue
        lines = state.texts.get(p.file, "").split("\n")
        excerpt = ""
        if 0 < p.line <= len(lines):
            first = max(1, p.line - 2)
            shown = []
            for n in range(first, min(len(lines), p.line + 2) + 1):
                mark = ' class="here"' if n == p.line else ""
                shown.append(f"<span{mark}><b>{n:>4}</b> {html.escape(lines[n - 1][:300])}</span>")
            # Each line is a block of its own: a newline between them would show twice.
            excerpt = "<pre>" + "".join(shown) + "</pre>"
        line = f", {say('@preview-line').in_(lang)} {p.line}" if p.line else ""
        where = html.escape(p.file) + line
        hint = p.suggestion_in(lang)
        suggestion = f"<p class=hint>{html.escape(hint)}</p>" if hint else ""
        items.append(
            f"<li><p class=where>{where} <code>{html.escape(p.code)}</code></p>"
            f"<p>{html.escape(p.message_in(lang))}</p>{suggestion}{excerpt}</li>"
        )
    title, intro = say("@preview-title").in_(lang), say("@preview-intro").in_(lang)
    crash = ""
    if state.crash:
        crashed = say("@preview-crash").in_(lang)
        crash = f"<p>{crashed}</p><pre>{html.escape(state.crash)}</pre>"
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font: 17px/1.5 system-ui, sans-serif; margin: 0; background: #fff4ce; color: #1a1a1a; }}
main {{ max-width: 60rem; margin: 0 auto; padding: 1.5rem; }}
h1 {{ color: #8a1c1c; }} li {{ background: #fff; border-left: 6px solid #b00020;
  margin: 1rem 0; padding: .5rem 1rem; list-style: none; }}
ul {{ padding: 0; }} .where {{ font-weight: 700; }} .hint {{ color: #4a4a4a; }}
pre {{ background: #f6f7f9; padding: .5rem; overflow-x: auto; }}
pre span {{ display: block; }} pre .here {{ background: #fbdada; }}
</style></head>
<body><main>
<h1>{title}</h1>
<p>{intro}</p>
<ul>{"".join(items)}</ul>{crash}
</main></body></html>
"""
