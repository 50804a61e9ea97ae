"""JSON Schema for editors: front matter per document type, data files and site.yaml.

The schemas carry the project's real ids (regions, rounds, themes, people, eras,
parties) as enums, and which regions each round's documents may name, so an editor that
understands JSON Schema offers them as completions and underlines a typo while the file
is being written, before `soteneg check` ever runs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from soteneg.content import timeline
from soteneg.content.config import SiteConfig
from soteneg.content.front_matter import DOCUMENT_MODELS
from soteneg.content.loader import DataSet, Document
from soteneg.content.models import DATA_FILES
from soteneg.core.names import SAMI_LANGS

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _id_slot(prop: dict[str, Any]) -> dict[str, Any]:
    """The part of a property's schema that holds an id: the items of a list, the
    non-null branch of an optional field."""
    if "anyOf" in prop:
        prop = next(branch for branch in prop["anyOf"] if branch.get("type") != "null")
    return prop["items"] if prop.get("type") == "array" else prop


def _enum(prop: dict[str, Any], values: list[str]) -> None:
    target = _id_slot(prop)
    target.pop("pattern", None)
    target["enum"] = values


def _with_ids(schema: dict[str, Any], ids: dict[str, list[str]]) -> dict[str, Any]:
    props = schema.get("properties", {})
    for name, values in ids.items():
        if name in props and values:
            _enum(props[name], values)
    return schema


def _themes_of_rounds(data: DataSet) -> list[dict[str, Any]]:
    """A round's documents name only the round's themes (`check`: theme-not-in-round)."""
    return [
        {
            "if": {"properties": {"round": {"const": round_.id}}, "required": ["round"]},
            "then": {"properties": {"themes": {"items": {"enum": list(round_.themes)}}}},
        }
        for round_ in data.rounds.values()
    ]


def _with_statutory_ids(schema: dict[str, Any], data: DataSet) -> None:
    """The ids a statutory round's document names beyond its unit and round: an
    assessment's issuer (an expert body), a recommendation's theme, a meeting's people."""
    props, defs = schema["properties"], schema.get("$defs", {})
    experts = sorted(p for p, party in data.parties.items() if party.expert)
    if "issuer" in props and experts:
        _enum(props["issuer"], experts)
    if "Recommendation" in defs and data.themes:
        _enum(defs["Recommendation"]["properties"]["theme"], sorted(data.themes))
    if "Attendee" in defs and data.people:
        people = sorted(data.people)
        _enum(defs["Attendee"]["properties"]["person"], people)
        # A chair, a secretary or an attendee may be written as a person's id alone.
        meeting = defs["Meeting"]["properties"]
        slots = [meeting["chair"], meeting["secretary"]]
        slots += [items["items"] for items in meeting["attendees"]["patternProperties"].values()]
        for slot in slots:
            for branch in slot["anyOf"]:
                if branch.get("type") == "string":
                    branch.pop("pattern", None)
                    branch["enum"] = people


def _issuers_of_rounds(data: DataSet) -> list[dict[str, Any]]:
    """An assessment of a round that lists its experts is issued by one of them
    (`check`: issuer-not-in-round)."""
    return [
        {
            "if": {"properties": {"round": {"const": round_.id}}, "required": ["round"]},
            "then": {"properties": {"issuer": {"enum": list(round_.experts)}}},
        }
        for round_ in data.rounds.values()
        if round_.experts
    ]


def _regions_of_rounds(data: DataSet, negotiated: bool = False) -> list[dict[str, Any]]:
    """A round's documents name only the regions that existed during it (`check`:
    region-not-in-round), by the rule of `timeline`; with `negotiated`, only units the
    ministries negotiate with (`check`: not-negotiated)."""
    rules = []
    for round_ in data.rounds.values():
        valid = [
            r.id
            for r in timeline.regions_in(data, round_)
            if not negotiated or timeline.negotiated(data, r)
        ]
        # No region existed then: no region can be named (JSON Schema has no empty enum).
        region: dict[str, Any] | bool = {"enum": valid} if valid else False
        rules.append(
            {
                "if": {"properties": {"round": {"const": round_.id}}, "required": ["round"]},
                "then": {"properties": {"region": region}},
            }
        )
    return rules


def _hoist(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """`schema` without its $defs, which move into `defs`: a `#/$defs/...` reference
    resolves against the root of the file it is in, so definitions must sit there."""
    body = {k: v for k, v in schema.items() if k not in ("$defs", "$schema")}
    for name, definition in schema.get("$defs", {}).items():
        assert defs.setdefault(name, definition) == definition, f"two definitions of {name}"
    return body


def document_schemas(
    data: DataSet, documents: tuple[Document, ...], languages: Sequence[str] | None = None
) -> dict[str, dict[str, Any]]:
    """File name -> schema, one per document type plus one that dispatches on `type`.
    `languages`: the site's (site.yaml); `check` refuses a document in any other.

    Every file stands alone (no reference leads out of it), so an editor's tool needs
    no base address to resolve it."""
    originals = [(d.id, d.meta.type) for d in documents if d.meta and d.meta.translation_of is None]
    ids = {
        "region": sorted(data.regions),
        "round": sorted(data.rounds),
        "themes": sorted(data.themes),
        "contacts": sorted(data.people),
    }
    rounds = _themes_of_rounds(data)
    times = _regions_of_rounds(data)
    negotiated_times = _regions_of_rounds(data, negotiated=True)
    issuers = _issuers_of_rounds(data)
    out: dict[str, dict[str, Any]] = {}
    defs: dict[str, Any] = {}
    branches: list[dict[str, Any]] = []
    for doc_type, model in DOCUMENT_MODELS.items():
        schema = _with_ids(model.model_json_schema(), ids)
        if languages is not None:
            # The Sámi languages need no tree of the site's own (`check` takes them).
            schema["properties"]["lang"]["enum"] = [*languages, *SAMI_LANGS]
        # A translation names an original of its own type (`check`: translation-type,
        # translation-chain); none yet means none can be named.
        own = sorted(d_id for d_id, kind in originals if kind == doc_type)
        _enum(schema["properties"]["translation_of"], own)
        props = schema["properties"]
        _with_statutory_ids(schema, data)
        in_time = negotiated_times if doc_type == "negotiation" else times
        rules = [
            *(rounds if "round" in props and "themes" in props else ()),
            *(in_time if "round" in props and "region" in props else ()),
            *(issuers if "issuer" in props else ()),
        ]
        if rules:
            schema["allOf"] = rules  # not empty: JSON Schema refuses an empty allOf
        schema["$schema"] = SCHEMA_DIALECT
        schema["title"] = f"soteneg {doc_type} front matter"
        out[f"{doc_type}.schema.json"] = schema
        defs[doc_type] = _hoist(schema, defs)
        branches.append(
            {
                "if": {"properties": {"type": {"const": doc_type}}, "required": ["type"]},
                "then": {"$ref": f"#/$defs/{doc_type}"},
            }
        )
    out["document.schema.json"] = {
        "$schema": SCHEMA_DIALECT,
        "title": "soteneg document front matter (any type)",
        "type": "object",
        "required": ["type"],
        "properties": {"type": {"enum": list(DOCUMENT_MODELS)}},
        "allOf": branches,
        "$defs": defs,
    }
    return out


def data_schemas(data: DataSet) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name, model in DATA_FILES.items():
        item = model.model_json_schema()
        if name == "rounds.yaml":
            _enum(item["properties"]["themes"], sorted(data.themes))
            # Without parties.yaml `check` takes any party id, and so does the schema.
            if data.parties:
                _enum(item["properties"]["parties"], sorted(data.parties))
            experts = sorted(p for p, party in data.parties.items() if party.expert)
            if data.parties:
                _enum(item["properties"]["chair"], sorted(data.parties))
            if experts:
                _enum(item["properties"]["experts"], experts)
        if name == "regions.yaml":
            units = sorted(data.regions)
            # An entry of succeeded_by or members is a unit's id, or a mapping whose `unit`
            # is one: both name only units that exist.
            for field in ("succeeded_by", "members"):
                string = next(
                    b for b in item["properties"][field]["items"]["anyOf"] if "pattern" in b
                )
                string.pop("pattern")
                string["enum"] = units
            for entry in ("Succession", "Membership"):
                _enum(item["$defs"][entry]["properties"]["unit"], units)
            if data.eras:
                _enum(item["properties"]["era"], sorted(data.eras))
            if data.kinds:
                _enum(item["properties"]["kind"], sorted(data.kinds))
        defs: dict[str, Any] = {}
        out[name.replace(".yaml", ".schema.json")] = {
            "$schema": SCHEMA_DIALECT,
            "title": f"soteneg {name}",
            "type": "array",
            "items": _hoist(item, defs),
            "$defs": defs,
        }
    site = SiteConfig.model_json_schema()
    site["$schema"] = SCHEMA_DIALECT
    site["title"] = "soteneg site.yaml"
    out["site.schema.json"] = site
    return out


def render(schemas: dict[str, dict[str, Any]]) -> dict[str, str]:
    return {
        name: json.dumps(s, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        for name, s in sorted(schemas.items())
    }
