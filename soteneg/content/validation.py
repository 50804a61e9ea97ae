"""Run a pydantic model over positioned YAML and turn its errors into located problems."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from soteneg.content.yamlpos import Path, YamlDoc
from soteneg.core.problems import Problem, did_you_mean, problem

M = TypeVar("M", bound=BaseModel)

_EXPECTED = {
    "string_type": "text",
    "bool_type": "true or false",
    "int_type": "a whole number",
    "list_type": "a list",
    "model_type": "a mapping of keys and values",
    "model_attributes_type": "a mapping of keys and values",
    "dict_type": "a mapping of keys and values",
    "date_type": "a date (YYYY-MM-DD)",
    "tuple_type": "a list",
}


def field_label(loc: Path) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "the value"


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text '{_short(value)}'"
    return f"'{value}'"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _model_at(model: type[BaseModel], loc: Path) -> type[BaseModel] | None:
    """The nested model that owns the last element of `loc`, for field suggestions."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return None
        annotation = field.annotation
        for candidate in (annotation, *getattr(annotation, "__args__", ())):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                current = candidate
                break
        else:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _to_problem(err: Any, model: type[BaseModel], doc: YamlDoc, file: str, prefix: Path) -> Problem:
    loc: Path = tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p))
    full = (*prefix, *loc)
    label = field_label(loc)
    kind = err["type"]
    value = err.get("input")
    if kind == "extra_forbidden":
        owner = _model_at(model, loc)
        known = list(owner.model_fields) if owner else []
        hint = did_you_mean(str(loc[-1]), known) or (
            "allowed fields: " + ", ".join(known) if known else None
        )
        return problem(
            file,
            doc.position(full, prefer_key=True),
            "unknown-field",
            f"unknown field '{label}'",
            hint,
        )
    if kind == "missing":
        parent = full[:-1]
        return problem(
            file,
            doc.position(parent),
            "missing-field",
            f"required field '{label}' is missing",
            f"add '{loc[-1]}:'",
        )
    position = doc.position(full)
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        options = [o.strip().strip("'") for o in expected.replace(" or ", ",").split(",")]
        return problem(
            file,
            position,
            "invalid-value",
            f"'{label}' must be one of {expected}, not {_kind(value)}",
            did_you_mean(str(value), options),
        )
    if kind in (
        "date_type",
        "date_value",
        "date_parsing",
        "date_from_datetime_inexact",
        "datetime_type",
        "datetime_parsing",
    ):
        return problem(file, position, "invalid-date", f"'{label}': {err['msg']}")
    if kind == "string_pattern_mismatch":
        return problem(
            file,
            position,
            "invalid-value",
            f"'{label}' has an invalid value {_kind(value)}",
            _pattern_hint(err.get("ctx", {}).get("pattern", "")),
        )
    if kind in _EXPECTED:
        return problem(
            file,
            position,
            "wrong-type",
            f"'{label}' should be {_EXPECTED[kind]}, not {_kind(value)}",
        )
    message = str(err["msg"]).removeprefix("Value error, ")
    if not loc:  # a rule about the whole entry, like dates in order
        return problem(file, position, "invalid-value", message)
    return problem(file, position, "invalid-value", f"'{label}': {message}")


def _pattern_hint(pattern: str) -> str | None:
    if "https" in pattern:
        return "write the full address, like https://example.fi/ (https, ending in /)"
    if "a-z0-9" in pattern and "/" not in pattern:
        return "ids use lowercase letters a–z, digits and hyphens, like 'etela-savo'"
    if "/" in pattern:
        return "a document id is its path under content/ without '.md'"
    return None


def validate(
    model: type[M], doc: YamlDoc, file: str, prefix: Path = ()
) -> tuple[M | None, list[Problem]]:
    """Validate the value at `prefix` of `doc` against `model`."""
    value: Any = doc.value
    for part in prefix:
        value = value[part]
    try:
        return model.model_validate(value), []
    except ValidationError as exc:
        return None, [_to_problem(e, model, doc, file, prefix) for e in exc.errors()]
