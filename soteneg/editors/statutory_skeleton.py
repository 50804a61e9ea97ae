"""What a statutory round's negotiation document holds besides its text, offered in its
skeleton as commented-out lines: the diary number, the meeting, the recommended actions
and the follow-up of those the unit's previous document gave (issue 25's fields).

Commented out, because none of it is known when the file is made: a skeleton that
invented a meeting time or a follow-up status would be published wrong if left as it
is, while a comment says nothing until the editor removes its `#`. The follow-up lists
the ids `check` will ask about (recommendations.py warns about one left out), each
with the theme and deadline it was given with.
"""

from __future__ import annotations

import datetime as dt

from soteneg.content.front_matter import Negotiation, Recommendation
from soteneg.content.loader import DataSet, Document
from soteneg.content.models import Round
from soteneg.content.recommendations import chain, originals
from soteneg.core.text import say

STATUSES = "done | under_way | not_started | dropped"


def statutory_lines(
    rnd: Round,
    region_id: str,
    date: dt.date,
    lang: str,
    data: DataSet,
    documents: tuple[Document, ...],
) -> list[str]:
    """The commented lines for a negotiation document of `region_id` in `rnd`."""
    day = date.isoformat()
    theme = rnd.themes[0] if rnd.themes else "…"
    lines = [
        "# " + say("@skeleton.statutory").in_(lang),
        # Not a number check would take: uncommented as it is, it is an error.
        f"# diary_number: VN/…/{rnd.start.year}",
        "# document_type: minutes",
        f"# document_date: {day}",
        "# meeting:",
        f"#   start: {day} 09:00",
        f"#   end: {day} 12:00",
        "#   place: …",
        f"# agreed: {day}",
        "# recommendations:",
        f"#   - id: {rnd.start.year}-1",
        f"#     theme: {theme}",
        "#     text: …",
    ]
    earlier = _previous_recommendations(rnd, region_id, data, documents)
    if earlier is not None:
        previous_round, given = earlier
        lines.append(
            "# " + say("@skeleton.follow-up", round=previous_round.name.get(lang)).in_(lang)
        )
        lines.append("# follow_up:")
        for rec in given:
            deadline = f", {rec.deadline.isoformat()}" if rec.deadline else ""
            lines.append(f"#   - id: {rec.id}  # {rec.theme}{deadline}")
            lines.append(f"#     status:  # {STATUSES}")
    return lines


def _previous_recommendations(
    rnd: Round, region_id: str, data: DataSet, documents: tuple[Document, ...]
) -> tuple[Round, list[Recommendation]] | None:
    """The round and recommendations of the unit's (or its predecessor's) latest
    negotiation document before `rnd`, if it gave any."""
    if region_id not in data.regions:
        return None
    found = chain(region_id, originals(documents, data), data)
    before = [(r, d) for r, d in found.documents if r.start < rnd.start]
    if not before:
        return None
    previous_round, doc = before[-1]
    assert isinstance(doc.meta, Negotiation)
    given = list(doc.meta.recommendations)
    return (previous_round, given) if given else None
