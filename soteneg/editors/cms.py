"""The browser editor's (Decap CMS) configuration, made from the content model;
editors/cms_admin.py writes it beside Decap's bundle (`soteneg cms`) and serves it.

The configuration is made from the same JSON Schema `soteneg schema` writes, which is
made from the pydantic models with the project's ids in it: one collection per document
type, a field per front matter field (a select list of the data's regions, rounds,
themes and people where the model takes an id), in the order `soteneg new` writes them,
so that Decap (which writes keys in the order of its fields) and `new` write front
matter alike. Folders and file names are `new`'s (`scaffold.document_path`). A field
the model gains later (a statutory round's) appears here without a change.

The body is edited as typed (Decap's Markdown editor in its raw mode only), so theme
headings keep their `{theme=…}` and nothing is rewritten. What Decap cannot do for a
field is said in docs/editors.md ("Editing in the browser").
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from soteneg.content.config import SiteConfig
from soteneg.content.front_matter import DOCUMENT_MODELS
from soteneg.content.loader import DataSet, Document
from soteneg.content.sources import CONTENT_DIR
from soteneg.core.text import Text, say
from soteneg.editors.scaffold import SKELETONS
from soteneg.editors.schema import document_schemas

# Decap's own interface is translated into Swedish and English, not Finnish.
DECAP_LOCALES = ("sv", "en")
API = "/api/v1"  # where scripts/cms/server.js answers, beside /admin/
MOMENT_FORMAT = "2018-12-01 09:00:00"
WRITTEN_BY_SOTENEG = frozenset({"original_version"})
# Kept as the file has it and edited there: Decap has no widget for a map with keys of
# the editor's choosing (a meeting's attendees, by side), and it would write an optional
# object it cannot leave out as one with empty fields, which check refuses (and, for an
# optional object whose fields are required, it refuses to publish the form at all: a
# public version's confidential original and ground).
KEPT_IN_FILE = frozenset({"meeting", "public_version_of"})


def _labels() -> dict[str, Text]:
    """The fields' labels on the editor's forms; a field without one shows its name."""
    return {
        "title": say("@cms.field.title"),
        "date": say("@cms.field.date"),
        "lang": say("@cms.field.lang"),
        "region": say("@cms.field.region"),
        "round": say("@cms.field.round"),
        "themes": say("@cms.field.themes"),
        "translation_of": say("@cms.field.translation-of"),
        "draft": say("@cms.field.draft"),
        "summary": say("@cms.field.summary"),
        "contacts": say("@cms.field.contacts"),
        "example": say("@cms.field.example"),
        "publish_at": say("@cms.field.publish-at"),
        "attachments": say("@cms.field.attachments"),
        "file": say("@cms.field.file"),
        "description": say("@cms.field.description"),
        "original_version": say("@cms.field.original-version"),
        "body": say("@cms.field.body"),
        "issuer": say("@cms.field.issuer"),
        "diary_number": say("@cms.field.diary-number"),
        "document_type": say("@cms.field.document-type"),
        "document_date": say("@cms.field.document-date"),
        "agreed": say("@cms.field.agreed"),
        "recommendations": say("@cms.field.recommendations"),
        "follow_up": say("@cms.field.follow-up"),
        "id": say("@cms.field.id"),
        "theme": say("@cms.field.theme"),
        "text": say("@cms.field.text"),
        "addressee": say("@cms.field.addressee"),
        "deadline": say("@cms.field.deadline"),
        "status": say("@cms.field.status"),
        "versions": say("@cms.field.versions"),
        "note": say("@cms.field.note"),
        "changes": say("@cms.field.changes"),
        "reason": say("@cms.field.reason"),
        "superseded_by": say("@cms.field.superseded-by"),
        "public_version_of": say("@cms.field.public-version-of"),
        "document": say("@cms.field.document"),
        "ground": say("@cms.field.ground"),
    }


def _hints() -> dict[str, Text]:
    return {
        "date": say("@cms.hint.date"),
        "draft": say("@cms.hint.draft"),
        "publish_at": say("@cms.hint.publish-at", example=MOMENT_FORMAT),
        "translation_of": say("@cms.hint.translation-of"),
        "original_version": say("@cms.hint.original-version"),
        "file": say("@cms.hint.file"),
        "body": say("@cms.hint.body"),
        "versions": say("@cms.hint.versions"),
    }


def _collections() -> dict[str, tuple[Text, Text]]:
    return {
        "negotiation": (say("@cms.collection.negotiation"), say("@cms.item.negotiation")),
        "assessment": (say("@cms.collection.assessment"), say("@cms.item.assessment")),
        "summary": (say("@cms.collection.summary"), say("@cms.item.summary")),
        "news": (say("@cms.collection.news"), say("@cms.item.news")),
        "page": (say("@cms.collection.page"), say("@cms.item.page")),
    }


# Where each type's files live, as `soteneg new` names them (scaffold.document_path);
# Decap puts a new entry at `path` under `folder`.
PLACES: Mapping[str, tuple[str, str | None, str]] = {
    "negotiation": ("kierrokset", "{{round}}/{{region}}", "{{region}}"),
    "assessment": ("kierrokset", "{{round}}/arviot/{{region}}", "{{region}}"),
    "summary": ("kierrokset", "{{round}}/yhteenveto", "yhteenveto"),
    # {{date}} is the entry's date field, as `new` dates the file; {{year}} would be today.
    "news": ("tiedotteet", None, "{{date}}-{{slug}}"),
    "page": ("sivut", None, "{{slug}}"),
}


def field_order(doc_type: str) -> list[str]:
    """The front matter's keys in the order `soteneg new` writes them, then the rest of
    the model's fields in the model's order."""
    shape = next(s for (t, _), s in SKELETONS.items() if t == doc_type)
    first = ["title", "type", "date", "lang", *(name for name, _ in shape.fields)]
    first += ["translation_of", "draft"]
    model = DOCUMENT_MODELS[doc_type]
    return [*first, *(name for name in model.model_fields if name not in first)]


def _options(name: str, values: Iterable[str], data: DataSet, lang: str) -> list[Any]:
    """A select list's options: the data's name beside each id."""
    table: Mapping[str, Any] = {
        "region": data.regions,
        "round": data.rounds,
        "themes": data.themes,
        "contacts": data.people,
    }.get(name, {})
    found = []
    for value in values:
        entry = table.get(value)
        label = _name_of(entry, lang)
        found.append({"label": f"{label} ({value})" if label else value, "value": value})
    return found


def _name_of(entry: Any, lang: str) -> str:
    if entry is None:
        return ""
    name = entry.name
    return name if isinstance(name, str) else str(name.get(lang))


class _Fields:
    """Decap fields from one document type's JSON Schema."""

    def __init__(self, schema: dict[str, Any], data: DataSet, lang: str) -> None:
        self.defs = schema.get("$defs", {})
        self.data = data
        self.lang = lang
        self.labels = _labels()
        self.hints = _hints()

    def label(self, name: str) -> str:
        found = self.labels.get(name)
        return found.in_(self.lang) if found else name

    def field(self, name: str, prop: dict[str, Any], required: bool) -> dict[str, Any]:
        optional = "anyOf" in prop
        if optional:
            prop = next(b for b in prop["anyOf"] if b.get("type") != "null")
            if "const" in prop:
                # One value or none (`versions: keep`): a choice, not a constant that
                # every document begun here would get.
                prop = {"enum": [prop["const"]]}
        if "$ref" in prop:
            prop = self.defs[prop["$ref"].rsplit("/", 1)[-1]]
        made: dict[str, Any] = {"label": self.label(name), "name": name}
        made.update(self.widget(name, prop))
        if name in WRITTEN_BY_SOTENEG:
            made["widget"] = "hidden"  # kept as it is; only `soteneg translated` writes it
        if name in KEPT_IN_FILE:
            made = {"label": made["label"], "name": name, "widget": "hidden"}
        if name == "draft":
            made["default"] = True  # a document begun here is a draft, as `new` makes it
        if name == "attachments":
            made["label_singular"] = say("@cms.item.attachment").in_(self.lang)
        if not required or optional or "default" in prop:
            made["required"] = False
        hint = self.hints.get(name)
        if hint is not None:
            made["hint"] = hint.in_(self.lang)
        return made

    def widget(self, name: str, prop: dict[str, Any]) -> dict[str, Any]:
        kind = prop.get("type")
        if "const" in prop:
            return {"widget": "hidden", "default": prop["const"]}
        if "enum" in prop:
            return {
                "widget": "select",
                "options": _options(name, prop["enum"], self.data, self.lang),
            }
        if kind == "boolean":
            # No default: Decap writes a value only once it is set, as `new` does.
            return {"widget": "boolean"}
        if kind == "string" and prop.get("format") == "date":
            return {
                "widget": "datetime",
                "format": "YYYY-MM-DD",
                "date_format": "YYYY-MM-DD",
                "time_format": False,
                "picker_utc": True,
            }
        if kind == "array":
            items = prop.get("items", {})
            if "$ref" in items:
                items = self.defs[items["$ref"].rsplit("/", 1)[-1]]
            if "enum" in items:
                options = _options(name, items["enum"], self.data, self.lang)
                return {"widget": "select", "multiple": True, "options": options}
            if items.get("type") == "object":
                return {"widget": "list", "fields": self.fields(items)}
            return {"widget": "list"}
        if kind == "object":
            return {"widget": "object", "fields": self.fields(prop)}
        widget: dict[str, Any] = {"widget": "string"}
        if "pattern" in prop and name == "publish_at":
            widget["pattern"] = [prop["pattern"], say("@cms.pattern.moment").in_(self.lang)]
        return widget

    def fields(self, schema: dict[str, Any], order: Iterable[str] | None = None) -> list[Any]:
        props = schema.get("properties", {})
        required = set(schema.get("required", ()))
        names = [n for n in (order or props) if n in props]
        return [self.field(n, props[n], n in required) for n in names]


def collections(
    data: DataSet, documents: tuple[Document, ...], config: SiteConfig
) -> list[dict[str, Any]]:
    """One collection per document type, its fields from the model's JSON Schema."""
    lang = config.default_lang
    schemas = document_schemas(data, documents, languages=config.languages)
    named = _collections()
    found = []
    for doc_type in DOCUMENT_MODELS:
        schema = schemas[f"{doc_type}.schema.json"]
        maker = _Fields(schema, data, lang)
        fields = maker.fields(schema, field_order(doc_type))
        for item in fields:
            if item["name"] == "lang":
                item["default"] = lang
        fields.append(
            {
                "label": maker.label("body"),
                "name": "body",
                "widget": "markdown",
                "modes": ["raw"],
                "required": False,
                "hint": _hints()["body"].in_(lang),
            }
        )
        folder, path, slug = PLACES[doc_type]
        label, singular = named[doc_type]
        collection: dict[str, Any] = {
            "name": doc_type,
            "label": label.in_(lang),
            "label_singular": singular.in_(lang),
            "folder": f"{CONTENT_DIR}/{folder}",
            "extension": "md",
            "format": "frontmatter",
            "create": True,
            "delete": False,
            "slug": slug,
            "identifier_field": "title",
            "summary": "{{title}} ({{date}})",
            "sortable_fields": ["date", "title"],
            "fields": fields,
        }
        if path is not None:
            collection["path"] = path
            collection["filter"] = {"field": "type", "value": doc_type}
        found.append(collection)
    return found


def configuration(
    data: DataSet, documents: tuple[Document, ...], config: SiteConfig, repo: str | None = None
) -> dict[str, Any]:
    """Decap's config.yml as a mapping: the local backend (scripts/cms/server.js) unless
    `repo` names a GitHub repository ("owner/name") to commit to."""
    if repo:
        backend: dict[str, Any] = {"name": "github", "repo": repo, "branch": "main"}
    else:
        backend = {"name": "proxy", "proxy_url": API, "branch": "main"}
    lang = config.default_lang
    return {
        "backend": backend,
        "locale": lang if lang in DECAP_LOCALES else "en",
        "media_folder": f"{CONTENT_DIR}/liitteet",
        "public_folder": "liitteet",
        "publish_mode": "simple",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "site_url": config.base_url,
        "collections": collections(data, documents, config),
    }


def render_config(settings: Mapping[str, Any]) -> str:
    """As YAML; JSON is YAML, and writes every value unambiguously."""
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"
