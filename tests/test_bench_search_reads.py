"""bench/search_reads.py: the cut page it gives Pagefind against the whole one keeps
the language, the title and the body, and nothing before the body."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from search_reads import cut

PAGE = (
    '<!DOCTYPE html>\n<html lang="sv">\n<head><meta charset="utf-8"><title>Nyland</title>'
    '</head>\n<body><header><nav><a href="/">Hem</a></nav></header>\n'
    '<main id="main" data-pagefind-body><h1>Nyland</h1><p>Text.</p></main>\n'
    "<footer>STM</footer></body></html>"
)


def test_the_cut_keeps_the_language_the_title_and_the_body() -> None:
    assert cut(PAGE) == (
        '<html lang="sv"><head><title>Nyland</title></head><body>'
        '<main id="main" data-pagefind-body><h1>Nyland</h1><p>Text.</p></main></body></html>'
    )


def test_a_page_without_a_body_is_given_whole() -> None:
    page = PAGE.replace(" data-pagefind-body", "")
    assert cut(page) == page
