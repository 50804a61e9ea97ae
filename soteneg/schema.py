"""JSON Schema for editors: front matter per document type, data files and site.yaml.

The schemas carry the project's real ids (regions, rounds, themes, people) as enums, so
an editor that understands JSON Schema offers them as completions and underlines a typo
while the file is being written, before `soteneg check` ever runs.
"""

from __future__ import annotations

import json
from typing import Any

from soteneg.config import SiteConfig
from soteneg.content import DataSet, Document
from soteneg.models import DATA_FILES, DOCUMENT_MODELS

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _enum(prop: dict[str, Any], values: list[str]) -> None:
    target = prop["items"] if prop.get("type") == "array" else prop
    target.pop("pattern", None)
    target["enum"] = values


def _with_ids(schema: dict[str, Any], ids: dict[str, list[str]]) -> dict[str, Any]:
    props = schema.get("properties", {})
    for name, values in ids.items():
        if name in props and values:
            _enum(props[name], values)
    return schema


def document_schemas(data: DataSet, documents: tuple[Document, ...]) -> dict[str, dict[str, Any]]:
    """File name -> schema, one per document type plus one that dispatches on `type`."""
    ids = {
        "region": sorted(data.regions),
        "round": sorted(data.rounds),
        "themes": sorted(data.themes),
        "contacts": sorted(data.people),
        "translation_of": sorted(d.id for d in documents if d.meta.translation_of is None),
    }
    out: dict[str, dict[str, Any]] = {}
    branches: list[dict[str, Any]] = []
    for doc_type, model in DOCUMENT_MODELS.items():
        schema = _with_ids(model.model_json_schema(), ids)
        schema["$schema"] = SCHEMA_DIALECT
        schema["title"] = f"soteneg {doc_type} front matter"
        out[f"{doc_type}.schema.json"] = schema
        branches.append(
            {
                "if": {"properties": {"type": {"const": doc_type}}, "required": ["type"]},
                "then": {"$ref": f"{doc_type}.schema.json"},
            }
        )
    out["document.schema.json"] = {
        "$schema": SCHEMA_DIALECT,
        "title": "soteneg document front matter (any type)",
        "type": "object",
        "required": ["type"],
        "properties": {"type": {"enum": list(DOCUMENT_MODELS)}},
        "allOf": branches,
    }
    return out


def data_schemas(data: DataSet) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name, model in DATA_FILES.items():
        item = model.model_json_schema()
        if name == "rounds.yaml":
            _enum(item["properties"]["themes"], sorted(data.themes))
        if name == "regions.yaml":
            _enum(item["properties"]["succeeded_by"], sorted(data.regions))
        out[name.replace(".yaml", ".schema.json")] = {
            "$schema": SCHEMA_DIALECT,
            "title": f"soteneg {name}",
            "type": "array",
            "items": item,
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
