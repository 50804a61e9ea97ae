"""`soteneg new`: the path and text of a valid document skeleton. Writing is the CLI's job."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from soteneg.content.front_matter import DOCUMENT_MODELS
from soteneg.content.loader import DataSet
from soteneg.content.models import MAX_SLUG, MAX_TEXT, SLUG_PATTERN
from soteneg.content.sources import CONTENT_DIR
from soteneg.content.time_checks import region_outside_round
from soteneg.core.problems import did_you_mean
from soteneg.markdown.parse import slugify
from soteneg.site import i18n

NEEDS_ROUND = ("negotiation", "assessment", "summary")
NEEDS_REGION = ("negotiation", "assessment")

# The theme's name as written, quoted: lower-cased inside a genitive frame it was hard
# to read and lost its acronyms.
_PLACEHOLDER = {
    "fi": "Kirjoita tähän teemaa ”{name}” koskeva teksti.",
    "sv": "Skriv texten om temat ”{name}” här.",
    "en": "Write the text on the theme “{name}” here.",
}
# A document without theme sections (news, a page) has a sentence of its own.
_FREE_TEXT = {
    "fi": "Kirjoita teksti tähän.",
    "sv": "Skriv texten här.",
    "en": "Write the text here.",
}
_TITLE = {"fi": "Otsikko", "sv": "Rubrik", "en": "Title"}
_SUMMARY_TITLE = {"fi": "Yhteenveto", "sv": "Sammanfattning", "en": "Summary"}
_ASSESSMENT_TITLE = {"fi": "THL:n arvio", "sv": "THL:s bedömning", "en": "THL assessment"}


class ScaffoldError(ValueError):
    """The request cannot be met; the message says what to change."""


@dataclass(frozen=True)
class Request:
    type: str
    lang: str
    date: dt.date
    round: str | None = None
    region: str | None = None
    title: str | None = None
    slug: str | None = None


def _require(kind: str, value: str | None, known: dict[str, object], flag: str) -> str:
    if value is None:
        raise ScaffoldError(f"{flag} is required for this document type")
    if value not in known:
        found = did_you_mean(value, known)
        hint = found.en if found else f"known: {', '.join(sorted(known))}"
        raise ScaffoldError(f"{kind} '{value}' is not defined ({hint})")
    return value


def _suffix(lang: str) -> str:
    return "" if lang == "fi" else f".{lang}"


def document_path(req: Request, data: DataSet) -> str:
    """Where the new document goes, relative to the project root."""
    if req.title is not None and (len(req.title) > MAX_TEXT or not req.title.strip()):
        raise ScaffoldError(
            f"--title: {len(req.title)} characters; a title has 1 to {MAX_TEXT} "
            "characters, not all of them blank"
        )
    if req.type not in DOCUMENT_MODELS:
        raise ScaffoldError(f"unknown type '{req.type}' (one of: {', '.join(DOCUMENT_MODELS)})")
    if req.type in NEEDS_ROUND:
        round_id = _require("round", req.round, dict(data.rounds), "--round")
        base = f"{CONTENT_DIR}/kierrokset/{round_id}"
        if req.type == "summary":
            return f"{base}/yhteenveto{_suffix(req.lang)}.md"
        region = _require("region", req.region, dict(data.regions), "--region")
        # `check` would refuse the file at once: say so now, in check's own words.
        outside = region_outside_round(data, data.regions[region], data.rounds[round_id])
        if outside is not None:
            raise ScaffoldError("{} ({})".format(*(text.en for text in outside)))
        folder = base if req.type == "negotiation" else f"{base}/arviot"
        return f"{folder}/{region}{_suffix(req.lang)}.md"
    slug = req.slug or (_slug_of(req.title) if req.title else None)
    if not slug:
        raise ScaffoldError("--slug or --title is required for this document type")
    if len(slug) > MAX_SLUG or not re.fullmatch(SLUG_PATTERN, slug):
        shown = slug if len(slug) <= MAX_SLUG else f"{slug[:40]}… ({len(slug)} characters)"
        raise ScaffoldError(
            f"--slug {shown}: use lowercase letters a–z, digits and hyphens, "
            f"at most {MAX_SLUG} characters"
        )
    if req.type == "news":
        return f"{CONTENT_DIR}/tiedotteet/{req.date.isoformat()}-{slug}{_suffix(req.lang)}.md"
    return f"{CONTENT_DIR}/sivut/{slug}{_suffix(req.lang)}.md"


def _slug_of(title: str) -> str:
    """A file name from a title, cut at a word so that a long title still gives a name
    the file system takes (a segment over 255 bytes cannot be created at all)."""
    slug = slugify(title)
    if len(slug) <= MAX_SLUG:
        return slug
    cut = slug[: MAX_SLUG + 1].rpartition("-")[0]
    return cut or slug[:MAX_SLUG]


def _in_text(name: str) -> str:
    """A round's name inside a title, as the bundled titles write it ("syksy 2018"): the
    first letter lowered unless the name opens with an acronym."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def _title(req: Request, data: DataSet) -> str:
    """The house pattern of titles: "Keski-Suomi – harjoitusneuvottelu, syksy 2018";
    for a statutory round its year: "Lapin hyvinvointialue – lakisääteinen neuvottelu
    2024", "THL:n arvio: Lapin hyvinvointialue, 2024"."""
    if req.title:
        return req.title
    lang = req.lang
    rnd = data.rounds[req.round] if req.round else None
    if rnd is None:
        return _TITLE[lang]
    when = str(rnd.start.year) if rnd.kind == "statutory" else _in_text(rnd.name.get(lang))
    if req.type == "negotiation" and req.region:
        region = data.regions[req.region].name.get(lang)
        kind = i18n.text(rnd.kind, lang)
        joint = " " if rnd.kind == "statutory" else ", "
        return f"{region} – {kind}{joint}{when}"
    if req.type == "assessment" and req.region:
        region = data.regions[req.region].name.get(lang)
        return f"{_ASSESSMENT_TITLE[lang]}: {region}, {when}"
    return f"{_SUMMARY_TITLE[lang]}: {rnd.name.get(lang)}"


def skeleton(
    req: Request, data: DataSet, translation_of: str | None, original_version: str | None = None
) -> str:
    """Front matter and body; the round's theme sections in the round's order."""
    fields: list[tuple[str, object]] = [
        ("title", _title(req, data)),
        ("type", req.type),
        ("date", req.date.isoformat()),
        ("lang", req.lang),
    ]
    if req.type in NEEDS_REGION:
        fields.append(("region", req.region))
    themes = list(data.rounds[req.round].themes) if req.round else []
    if req.type in NEEDS_ROUND:
        fields.append(("round", req.round))
        fields.append(("themes", themes))
    if translation_of:
        fields.append(("translation_of", translation_of))
        if original_version:  # the version of the original this translation starts from
            fields.append(("original_version", original_version))
    if req.type in NEEDS_ROUND:
        fields.append(("example", False))
    lines = ["---"]
    for key, value in fields:
        # JSON is valid YAML and quotes exactly what needs quoting; dates stay bare.
        text = value if key == "date" else json.dumps(value, ensure_ascii=False)
        lines.append(f"{key}: {text}")
    lines += ["---", ""]
    for theme_id in themes if req.type in NEEDS_ROUND else ():
        name = data.themes[theme_id].name.get(req.lang) if theme_id in data.themes else theme_id
        lines += [
            f"## {name} {{theme={theme_id}}}",
            "",
            _PLACEHOLDER[req.lang].format(name=name),
            "",
        ]
    if not themes or req.type not in NEEDS_ROUND:
        lines += [_FREE_TEXT[req.lang], ""]
    return "\n".join(lines)
