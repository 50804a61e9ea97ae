"""`soteneg new`: the path and text of a document skeleton. Writing is the CLI's job.

A skeleton cannot be published by mistake: it is a draft (`draft: true`), its date lies
within its round, and every text it holds for the editor to replace is a placeholder
(`content.placeholders`) that `check` warns about in a published document.

What a skeleton holds is data: `SKELETONS` says, for each document type and round kind,
its title and its fields in order. The browser editor (editors/cms.py) writes front
matter in the same order and style (`front_matter`), so a review diff shows only what an
editor changed, whichever way the file was written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from soteneg.content.front_matter import DOCUMENT_MODELS
from soteneg.content.loader import DataSet, Document
from soteneg.content.models import MAX_SLUG, MAX_TEXT, SLUG_PATTERN, Round
from soteneg.content.placeholders import placeholder
from soteneg.content.sources import CONTENT_DIR
from soteneg.content.suggest import region_hint, suggestion
from soteneg.content.time_checks import region_outside_round
from soteneg.core.text import Text, joined, say, verbatim
from soteneg.editors.frontmatter import front_matter
from soteneg.editors.statutory_skeleton import statutory_lines
from soteneg.markdown.parse import slugify

NEEDS_ROUND = ("negotiation", "assessment", "summary")


class ScaffoldError(ValueError):
    """The request cannot be met; the text says what to change, in every language."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


@dataclass(frozen=True)
class Request:
    type: str
    lang: str
    date: dt.date | None = None  # None: within the round, else today
    round: str | None = None
    region: str | None = None
    title: str | None = None
    slug: str | None = None
    default_lang: str = "fi"
    issuer: str | None = None  # an assessment's expert body (parties.yaml)


@dataclass(frozen=True)
class Facts:
    """What a skeleton's parts are made from: the request and the data it names."""

    request: Request
    data: DataSet
    today: dt.date
    round: Round | None
    region_name: str = ""
    issuer: str | None = None  # the assessment's, as `issuer_of` settles it

    @property
    def issuer_name(self) -> str:
        """The issuer's short name ("AVI"), else its name; THL's words where the round
        names no issuer (the practice rounds' assessments were THL's)."""
        party = self.data.parties.get(self.issuer or "thl")
        if party is None:
            return "THL"
        return (party.short or party.name).get(self.lang)

    @property
    def lang(self) -> str:
        return self.request.lang

    @property
    def round_name(self) -> str:
        """The round's name as running text writes it ("syksy 2018")."""
        name = self.round.name.get(self.lang) if self.round else ""
        return name[:1].lower() + name[1:]

    @property
    def year(self) -> str:
        return str(self.round.start.year) if self.round else ""


Value = Callable[[Facts], object]


@dataclass(frozen=True)
class Skeleton:
    """A document type's skeleton in rounds of one kind: its title, and the fields after
    the common ones (title, type, date, lang), in order. Another kind of round or
    document, or more fields (a statutory round's), is another entry of `SKELETONS`."""

    title: Callable[[Facts], Text]
    fields: Sequence[tuple[str, Value]] = ()
    sections: bool = False  # a section per theme of the round, in the round's order
    date: Callable[[Facts], dt.date] = field(default=lambda f: _within_round(f))


def _within_round(facts: Facts) -> dt.date:
    """Today, if the round is on; else its nearer end: a document of a round is dated
    within it."""
    today = facts.today
    rnd = facts.round
    if rnd is None:
        return today
    return min(max(today, rnd.start), rnd.end)


def _round_fields(region: bool, issuer: bool = False) -> tuple[tuple[str, Value], ...]:
    fields: list[tuple[str, Value]] = []
    if issuer:
        # Left out where the round names no expert bodies (front_matter skips None).
        fields.append(("issuer", lambda f: f.issuer))
    if region:
        fields.append(("region", lambda f: f.request.region))
    fields.append(("round", lambda f: f.request.round))
    fields.append(("themes", lambda f: list(f.round.themes) if f.round else []))
    return tuple(fields)


SKELETONS: Mapping[tuple[str, str | None], Skeleton] = {
    ("negotiation", "practice"): Skeleton(
        lambda f: say(
            "@skeleton.title.negotiation.practice", region=f.region_name, round=f.round_name
        ),
        _round_fields(region=True),
        sections=True,
    ),
    ("negotiation", "statutory"): Skeleton(
        lambda f: say("@skeleton.title.negotiation.statutory", region=f.region_name, year=f.year),
        _round_fields(region=True),
        sections=True,
    ),
    ("assessment", "practice"): Skeleton(
        lambda f: say(
            "@skeleton.title.assessment",
            issuer=f.issuer_name,
            region=f.region_name,
            round=f.round_name,
        ),
        _round_fields(region=True, issuer=True),
        sections=True,
    ),
    ("assessment", "statutory"): Skeleton(
        lambda f: say(
            "@skeleton.title.assessment", issuer=f.issuer_name, region=f.region_name, round=f.year
        ),
        _round_fields(region=True, issuer=True),
        sections=True,
    ),
    ("summary", "practice"): Skeleton(
        lambda f: say("@skeleton.title.summary", round=f.round_name),
        _round_fields(region=False),
    ),
    ("summary", "statutory"): Skeleton(
        lambda f: say("@skeleton.title.summary.statutory", year=f.year),
        _round_fields(region=False),
    ),
    ("news", None): Skeleton(lambda f: placeholder("title"), date=lambda f: f.today),
    ("page", None): Skeleton(lambda f: placeholder("title"), date=lambda f: f.today),
}


def skeleton_of(doc_type: str, rnd: Round | None) -> Skeleton:
    return SKELETONS[(doc_type, rnd.kind if rnd is not None else None)]


def _round(req: Request, data: DataSet) -> str:
    if req.round is None:
        raise ScaffoldError(say("@new.required", type=req.type, flag="--round"))
    if req.round not in data.rounds:
        known = say("@new.known", options=", ".join(sorted(data.rounds)))
        hint = suggestion(req.round, data.rounds) or known
        raise ScaffoldError(_with_hint(say("unknown-round", value=req.round), hint))
    return req.round


def _with_hint(message: Text, hint: Text | None) -> Text:
    return message + verbatim(" (") + hint + verbatim(")") if hint else message


def _suffix(req: Request) -> str:
    return "" if req.lang == req.default_lang else f".{req.lang}"


def document_path(req: Request, data: DataSet) -> str:
    """Where the new document goes, relative to the project root."""
    if req.title is not None and (len(req.title) > MAX_TEXT or not req.title.strip()):
        raise ScaffoldError(say("@new.title-length", length=len(req.title), limit=MAX_TEXT))
    if req.type not in DOCUMENT_MODELS:
        raise ScaffoldError(say("invalid-value.document-type", type=req.type))
    if req.issuer is not None and req.type != "assessment":
        raise ScaffoldError(say("@new.issuer-only-assessment"))
    if req.type in NEEDS_ROUND:
        round_id = _round(req, data)
        base = f"{CONTENT_DIR}/kierrokset/{round_id}"
        if req.type == "summary":
            return f"{base}/yhteenveto{_suffix(req)}.md"
        rnd = data.rounds[round_id]
        if req.region is None:
            raise ScaffoldError(say("@new.required", type=req.type, flag="--region"))
        if req.region not in data.regions:
            message = say("unknown-region", value=req.region)
            raise ScaffoldError(_with_hint(message, region_hint(req.region, data, rnd)))
        # `check` would refuse the file at once: say so now, in check's own words.
        outside = region_outside_round(data, data.regions[req.region], rnd)
        if outside is not None:
            raise ScaffoldError(_with_hint(*outside))
        if req.type == "negotiation":
            return f"{base}/{req.region}{_suffix(req)}.md"
        # One assessment per issuer: the round's first expert body's is named after the
        # unit alone, another's after the unit and the body ("paijat-hame-hva-avi").
        issuer = issuer_of(req, data)
        first = rnd.experts[0] if rnd.experts else None
        name = req.region if issuer in (None, first) else f"{req.region}-{issuer}"
        return f"{base}/arviot/{name}{_suffix(req)}.md"
    slug = req.slug or (_slug_of(req.title) if req.title else None)
    if not slug:
        raise ScaffoldError(say("@new.slug-or-title", type=req.type))
    if len(slug) > MAX_SLUG or not re.fullmatch(SLUG_PATTERN, slug):
        shown = (
            verbatim(slug)
            if len(slug) <= MAX_SLUG
            else say("@new.slug-shortened", start=slug[:40], length=len(slug))
        )
        raise ScaffoldError(say("@new.slug-invalid", slug=shown, limit=MAX_SLUG))
    date = req.date or dt.date.today()
    if req.type == "news":
        return f"{CONTENT_DIR}/tiedotteet/{date.isoformat()}-{slug}{_suffix(req)}.md"
    return f"{CONTENT_DIR}/sivut/{slug}{_suffix(req)}.md"


def issuer_of(req: Request, data: DataSet) -> str | None:
    """The body whose assessment this is: `--issuer`, else the round's first expert
    body; None in a round that names none (the practice rounds)."""
    if req.type != "assessment":
        if req.issuer is not None:
            raise ScaffoldError(say("@new.issuer-only-assessment"))
        return None
    rnd = data.rounds.get(req.round or "")
    experts = list(rnd.experts) if rnd is not None else []
    if req.issuer is None:
        return experts[0] if experts else None
    if req.issuer not in data.parties:
        message = say("unknown-party", value=req.issuer)
        raise ScaffoldError(_with_hint(message, suggestion(req.issuer, data.parties)))
    if rnd is not None and experts and req.issuer not in experts:
        message = say("issuer-not-in-round", party=req.issuer, round=rnd.id)
        hint = say("issuer-not-in-round:hint", experts=joined(experts))
        raise ScaffoldError(_with_hint(message, hint))
    return req.issuer


def _slug_of(title: str) -> str:
    """A file name from a title, cut at a word so that a long title still gives a name
    the file system takes (a segment over 255 bytes cannot be created at all)."""
    slug = slugify(title)
    if len(slug) <= MAX_SLUG:
        return slug
    cut = slug[: MAX_SLUG + 1].rpartition("-")[0]
    return cut or slug[:MAX_SLUG]


def facts_of(req: Request, data: DataSet, today: dt.date) -> Facts:
    rnd = data.rounds.get(req.round or "")
    region = data.regions.get(req.region or "")
    name = region.name.get(req.lang) if region is not None else ""
    return Facts(req, data, today, rnd, name, issuer_of(req, data))


def skeleton(
    req: Request,
    data: DataSet,
    translation_of: str | None,
    today: dt.date,
    documents: tuple[Document, ...] = (),
) -> str:
    """Front matter and body. A translation names its original but records no version
    of it: it is "never stamped" until `soteneg translated` says it now matches. An
    original negotiation document of a statutory round offers its statutory fields as
    comments (`statutory_skeleton`); `documents`: the content, for the follow-up."""
    facts = facts_of(req, data, today)
    shape = skeleton_of(req.type, facts.round)
    fields: list[tuple[str, object]] = [
        ("title", req.title or shape.title(facts).in_(req.lang)),
        ("type", req.type),
        ("date", req.date or shape.date(facts)),
        ("lang", req.lang),
    ]
    fields += [(name, value(facts)) for name, value in shape.fields]
    fields = [(name, value) for name, value in fields if value is not None]
    if translation_of:
        fields.append(("translation_of", translation_of))
    fields.append(("draft", True))
    head = front_matter(fields)
    rnd = facts.round
    statutory = rnd is not None and rnd.kind == "statutory"
    if req.type == "negotiation" and statutory and not translation_of and req.region:
        assert rnd is not None
        date = dict(fields)["date"]
        assert isinstance(date, dt.date)
        extra = statutory_lines(rnd, req.region, date, req.lang, data, documents)
        head = head.removesuffix("---") + "\n".join(extra) + "\n---"
    lines = [head, ""]
    themes = facts.round.themes if facts.round and shape.sections else ()
    for theme_id in themes:
        theme = data.themes.get(theme_id)
        name = theme.name.get(req.lang) if theme is not None else theme_id
        lines += [
            f"## {name} {{theme={theme_id}}}",
            "",
            placeholder("theme", name=name).in_(req.lang),
            "",
        ]
    if not themes:
        lines += [placeholder("text").in_(req.lang), ""]
    return "\n".join(lines)
