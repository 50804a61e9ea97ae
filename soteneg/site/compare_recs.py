"""Two rounds' recommended actions on a theme compared, as their texts are (site.compare).

Each recommendation is a block of three cells: its text, its addressee and its deadline
(written as the page's language writes a date), so that the same alignment pairs a
recommendation given again, changed, with its earlier wording and marks words only inside
it; one not given again is left out, a new one added. Ids do not take part: each round
numbers its own (2024-1, 2025-1), and a recommendation repeated is a new id with the same
words. Two lists of recommendations are always marked, however unlike: a recommendation
is paired only with one alike enough (compare.PAIR), so no fragments of chance matches
are shown, and a list of new ones reads as added, which is what happened.

tests/fixtures/compare_recs/*.txt hold the cases, input and expected output.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from soteneg.content.front_matter import Recommendation
from soteneg.markdown.blocks import Block
from soteneg.site import i18n
from soteneg.site.compare import Comparison, compare

KIND = "recommendation"
# The cells of a recommendation's block, in order; the template names each but the first.
FIELDS = ("text", "addressee", "deadline")


def block(rec: Recommendation, lang: str) -> Block:
    """A recommendation as a block: its words, runs of spaces as one, in each cell."""
    deadline = i18n.format_date(rec.deadline, lang) if rec.deadline else ""
    addressee = " ".join((rec.addressee or "").split())
    return Block(KIND, (" ".join(rec.text.split()), addressee, deadline))


def compare_recommendations(
    before: Iterable[Recommendation], after: Iterable[Recommendation], lang: str
) -> Comparison:
    """The rows of the two lists' comparison, in the later list's order of reading."""
    return compare_blocks(tuple(block(r, lang) for r in before), [block(r, lang) for r in after])


def compare_blocks(before: Sequence[Block], after: Sequence[Block]) -> Comparison:
    """`compare_recommendations` of lists already made blocks. Each row holds the very
    block objects given, so a caller can tell apart two recommendations of the same
    words by the identity of their blocks."""
    return Comparison(compare(tuple(before), tuple(after)).rows, marked=True)
