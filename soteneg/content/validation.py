"""Run a pydantic model over positioned YAML and turn its errors into located problems."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from soteneg.content.file_types import refused_because
from soteneg.content.yamlpos import Path, Position, YamlDoc, date_reason
from soteneg.core.problems import Problem, did_you_mean, problem, quoted
from soteneg.core.text import Param, Text, counted, joined, say, verbatim

M = TypeVar("M", bound=BaseModel)

# What a value of pydantic's type errors should have been.
_EXPECTED = {
    "string_type": say("@type-text"),
    "bool_type": say("@type-bool"),
    "int_type": say("@type-int"),
    "list_type": say("@a-list"),
    "model_type": say("@type-mapping"),
    "model_attributes_type": say("@type-mapping"),
    "dict_type": say("@type-mapping"),
    "tuple_type": say("@a-list"),
}

# Fields that were renamed: the old name gets the new one as its suggestion, since the
# two may be too far apart for a close match ("collaboration_area" held the special
# responsibility area of 2018, which is no collaboration area).
RENAMED = {"collaboration_area": "special_responsibility_area"}


def field_label(loc: Path) -> str | Text:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or say("@the-value")


def _kind(value: Any) -> Text:
    if value is None:
        return say("@kind-nothing")
    if isinstance(value, bool):
        return verbatim(f"'{str(value).lower()}'")
    if isinstance(value, dict):
        return say("@kind-mapping")
    if isinstance(value, list):
        return say("@a-list")
    if isinstance(value, str):
        return say("@kind-text", text=_short(value))
    return verbatim(f"'{value}'")


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _number(value: Any) -> Param:
    """A limit as pydantic shows it: 0, not 0.0."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, int | float) else str(value)


def _characters(n: int) -> Text:
    return counted("@characters", n)


def _items(n: int) -> Text:
    return counted("@items", n)


def _options(options: list[str]) -> Param:
    """The options as pydantic lists them, "'a', 'b' or 'c'", in every language."""
    shown = quoted(options)
    if len(shown) == 1:
        return shown[0]
    return joined([joined(shown[:-1]), shown[-1]], say("@or"))


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
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        owner = _model_at(model, loc)
        known = list(owner.model_fields) if owner else []
        written = str(loc[-1])
        hint = (
            say("@renamed-field", old=written, new=RENAMED[written])
            if written in RENAMED and RENAMED[written] in known
            else did_you_mean(written, known)
            or (say("@allowed-fields", fields=joined(known)) if known else None)
        )
        position = doc.position(full, prefer_key=True)
        return problem(file, position, "unknown-field", hint=hint, field=label)
    if kind == "missing":
        return problem(
            file, doc.position(full[:-1]), "missing-field", field=label, name=str(loc[-1])
        )
    position = doc.position(full)
    found = _our_rule(kind, ctx, file, position, label) or _constraint(
        kind, ctx, file, position, label
    )
    if found:
        return found
    if kind == "literal_error":
        listed = str(ctx.get("expected", ""))  # "'a', 'b' or 'c'"
        options = [o.strip().strip("'") for o in listed.replace(" or ", ",").split(",")]
        return problem(
            file,
            position,
            "invalid-value.one-of",
            hint=did_you_mean(str(value), options),
            field=label,
            options=_options(options),
            kind=_kind(value),
        )
    if kind == "string_pattern_mismatch":
        return problem(
            file,
            position,
            "invalid-value.pattern",
            hint=_pattern_hint(str(ctx.get("pattern", ""))),
            field=label,
            kind=_kind(value),
        )
    if kind in _EXPECTED:
        expected, found = _EXPECTED[kind], _kind(value)
        if not loc:
            return problem(file, position, "wrong-type.entry", expected=expected, kind=found)
        return problem(file, position, "wrong-type", field=label, expected=expected, kind=found)
    # Rare: pydantic's own words, quoted in a sentence of ours.
    detail = str(err["msg"]).removeprefix("Value error, ")
    if kind.startswith(("date_", "datetime_")):
        return problem(file, position, "invalid-date.other", field=label, detail=detail)
    if not loc:  # a rule about the whole entry
        return problem(file, position, "invalid-value.other-entry", detail=detail)
    return problem(file, position, "invalid-value.other", field=label, detail=detail)


def _our_rule(
    kind: str, ctx: dict[str, Any], file: str, position: Position, label: str | Text
) -> Problem | None:
    """A rule of our models: its PydanticCustomError's type is the catalogue key."""
    match kind:
        case "invalid-value.blank":
            return problem(file, position, "invalid-value.blank", field=label)
        case "invalid-value.listed-twice":
            item = str(ctx["item"])
            return problem(file, position, "invalid-value.listed-twice", field=label, item=item)
        case "invalid-value.valid-to-before-from":
            return problem(file, position, "invalid-value.valid-to-before-from")
        case "invalid-value.round-ends-before-start":
            return problem(file, position, "invalid-value.round-ends-before-start")
        case "invalid-value.language-twice":
            return problem(file, position, "invalid-value.language-twice", field=label)
        case "invalid-value.output-outside":
            return problem(file, position, "invalid-value.output-outside", field=label)
        case "invalid-value.output-reserved":
            return problem(file, position, "invalid-value.output-reserved", field=label)
        case "invalid-value.never-published":
            ext = str(ctx["ext"])
            why = refused_because(ext) or ""
            return problem(
                file, position, "invalid-value.never-published", field=label, ext=ext, why=why
            )
        case "invalid-value.part-and-date":
            return problem(file, position, "invalid-value.part-and-date")
        case "invalid-value.person-or-name":
            return problem(file, position, "invalid-value.person-or-name")
        case "invalid-value.person-has-title":
            return problem(file, position, "invalid-value.person-has-title")
        case "invalid-value.present-to-before-from":
            return problem(file, position, "invalid-value.present-to-before-from")
        case "invalid-value.meeting-ends-before-start":
            return problem(file, position, "invalid-value.meeting-ends-before-start")
        case "invalid-value.meeting-place":
            return problem(file, position, "invalid-value.meeting-place")
        case "invalid-value.changes-out-of-order":
            later, earlier = str(ctx["later"]), str(ctx["earlier"])
            return problem(
                file, position, "invalid-value.changes-out-of-order", later=later, earlier=earlier
            )
        case "invalid-date.time-missing":
            return problem(file, position, "invalid-date.time-missing", field=label)
        case "invalid-date.clock-quoted":
            return problem(file, position, "invalid-date.clock-quoted", field=label)
        case "invalid-date.time-given":
            return problem(file, position, "invalid-date.time-given", field=label)
        case "invalid-date.shape":
            return problem(file, position, "invalid-date.shape", field=label)
        case "invalid-date.moment-shape":
            return problem(file, position, "invalid-date.moment-shape", field=label)
        case "invalid-date.value":  # why Python's datetime refused it
            reason = date_reason(str(ctx["reason"]))
            return problem(file, position, "invalid-date.value", field=label, reason=reason)
    return None


def _constraint(
    kind: str, ctx: dict[str, Any], file: str, position: Position, label: str | Text
) -> Problem | None:
    """pydantic's own error types, beyond the wrong types, that our models give."""
    match kind:
        case "date_type":
            return problem(file, position, "invalid-date.type", field=label)
        case "datetime_type":
            return problem(file, position, "invalid-date.datetime-type", field=label)
        case "float_type":
            return problem(file, position, "invalid-value.number", field=label)
        case "string_too_short":
            n = _characters(ctx["min_length"])
            return problem(
                file, position, "invalid-value.too-short-text", field=label, characters=n
            )
        case "string_too_long":
            n = _characters(ctx["max_length"])
            return problem(file, position, "invalid-value.too-long-text", field=label, characters=n)
        # too_short names what it counted in English: only these are known.
        case "too_short" if ctx.get("field_type") == "Value":
            n, actual = _items(ctx["min_length"]), ctx["actual_length"]
            return problem(
                file, position, "invalid-value.too-few", field=label, items=n, actual=actual
            )
        case "too_short" if ctx.get("field_type") == "List":
            n, actual = _items(ctx["min_length"]), ctx["actual_length"]
            return problem(
                file, position, "invalid-value.too-few-list", field=label, items=n, actual=actual
            )
        case "greater_than":
            limit = _number(ctx["gt"])
            return problem(file, position, "invalid-value.greater-than", field=label, limit=limit)
        case "greater_than_equal":
            limit = _number(ctx["ge"])
            return problem(
                file, position, "invalid-value.greater-than-equal", field=label, limit=limit
            )
        case "less_than":
            limit = _number(ctx["lt"])
            return problem(file, position, "invalid-value.less-than", field=label, limit=limit)
        case "less_than_equal":
            limit = _number(ctx["le"])
            return problem(
                file, position, "invalid-value.less-than-equal", field=label, limit=limit
            )
    return None


def _pattern_hint(pattern: str) -> Text | None:
    if "https" in pattern:
        return say("@hint-https")
    if "a-z0-9" in pattern and "/" not in pattern:
        return say("@hint-id")
    if "/" in pattern:
        return say("@hint-document-id")
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
