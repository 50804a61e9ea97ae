"""YAML to plain values, keeping where every key and item stood.

PyYAML's own loaders forget positions, keep the last of two duplicate keys and expand
aliases without limit. We build values from the parser's event stream instead: the
event parser is iterative (deep nesting cannot blow the stack), every event carries its
mark, and we decide what duplicates, aliases and depth mean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar, NoReturn

import yaml
import yaml.reader
from yaml import events as ev
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from soteneg.core.problems import Problem, problem
from soteneg.core.text import Text, say

Path = tuple[str | int, ...]
Position = tuple[int, int]

MAX_DEPTH = 20
MAX_NODES = 20_000

try:  # libyaml is ten times faster and reports the same marks
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_BOOL, _INT, _FLOAT = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_VALUE = "tag:yaml.org,2002:value"  # YAML 1.1's `=`; text in YAML 1.2
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_DECIMAL = re.compile(r"^[-+]?[0-9]+$")
# Plain scalars by the YAML 1.2 core schema (null is the same in both), and timestamps
# only in the full forms the content model documents.
_YAML12 = {
    _BOOL: ("|".join(_BOOLS), "tTfF"),
    _INT: (r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", "-+0123456789"),
    _FLOAT: (
        r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
        "-+.0123456789",
    ),
    _TIMESTAMP: (
        r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
        r"(?:[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(?:Z|[+-][0-9]{2}:[0-5][0-9])?)?",
        "0123456789",
    ),
}


class _Resolver(Resolver):
    """Scalars as editors' tools read them, by YAML 1.2. PyYAML follows YAML 1.1, where
    `draft: yes` is true, `010` is eight and `1:20` is eighty; to a YAML 1.2 tool (and so
    to the JSON Schema an editor validates against) they are the text "yes", ten and the
    text "1:20". `check` must read them the same way, or the two disagree. YAML 1.1's
    looser timestamps (2018-1-5 9:00:00) stay text, which the model refuses by name."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, re.Pattern[str]]]]] = {
        first: [(tag, regexp) for tag, regexp in rules if tag not in (*_YAML12, _VALUE)]
        for first, rules in Resolver.yaml_implicit_resolvers.items()
    }


for _tag, (_regexp, _first) in _YAML12.items():
    _Resolver.add_implicit_resolver(_tag, re.compile(f"^(?:{_regexp})$"), list(_first))


class _Constructor(SafeConstructor):
    def construct_yaml_bool(self, node: ScalarNode) -> bool:
        # An explicit `!!bool yes` is refused too: KeyError reads "cannot be read as bool".
        return _BOOLS[node.value]

    def construct_yaml_int(self, node: ScalarNode) -> int:
        # Leading zeros are decimal in YAML 1.2 (PyYAML would read 010 as octal eight).
        if _DECIMAL.match(node.value):
            return int(node.value)
        return int(super().construct_yaml_int(node))


_Constructor.add_constructor(_BOOL, _Constructor.construct_yaml_bool)
_Constructor.add_constructor(_INT, _Constructor.construct_yaml_int)
_RESOLVER = _Resolver()
_CONSTRUCTOR = _Constructor()


@dataclass
class YamlDoc:
    """A parsed YAML document: its value and the 1-based positions of keys and values."""

    value: Any = None
    keys: dict[Path, Position] = field(default_factory=dict)
    values: dict[Path, Position] = field(default_factory=dict)
    start: Position = (1, 1)

    def position(self, path: Path, *, prefer_key: bool = False) -> Position:
        """The most precise known position for `path`, walking up to its parents."""
        for n in range(len(path), -1, -1):
            head = path[:n]
            order = (self.keys, self.values) if prefer_key else (self.values, self.keys)
            for table in order:
                if head in table:
                    return table[head]
        return self.start


class _Stop(Exception):
    """Parsing cannot go on; the problem is already recorded."""


class _TagRefused(Exception):
    """A scalar's tag names no constructor we allow."""

    def __init__(self, tag: str) -> None:
        super().__init__(tag)
        self.tag = tag


@dataclass
class _Frame:
    path: Path
    container: dict[Any, Any] | list[Any]
    pending_key: Any = None
    has_key: bool = False


def _pos(mark: Any, line_offset: int) -> Position:
    return (mark.line + 1 + line_offset, mark.column + 1)


def _scalar(event: ev.ScalarEvent) -> Any:
    tag = event.tag
    if tag is None or tag == "!":
        tag = _RESOLVER.resolve(ScalarNode, event.value, event.implicit)
    constructor = _CONSTRUCTOR.yaml_constructors.get(tag)
    if constructor is None or tag == "tag:yaml.org,2002:merge":
        raise _TagRefused(tag)
    node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    return constructor(_CONSTRUCTOR, node)


def _resolves_to_date(event: ev.ScalarEvent) -> bool:
    tag = _RESOLVER.resolve(ScalarNode, event.value, event.implicit)
    return tag == "tag:yaml.org,2002:timestamp"


def _codepoint(char: int | str) -> str:
    return f"U+{char if isinstance(char, int) else ord(char):04X}"


def _char_at(text: str, mark: Any) -> str:
    lines = text.split("\n")
    if mark is None or mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


def _syntax_problem(
    err: yaml.MarkedYAMLError, source: str, file: str, position: Position
) -> Problem:
    """PyYAML's words for the mistakes editors make most, in every language (the English
    entries are those words); any other as PyYAML says it, as a detail."""
    text = " ".join(part for part in (err.context, err.problem) if part)
    if _char_at(source, err.problem_mark) == "\t" or "'\\t'" in text:
        return problem(file, position, "yaml-syntax.tab")
    if not text:
        return problem(file, position, "yaml-syntax.unreadable")
    if text == "mapping values are not allowed here":
        return problem(file, position, "yaml-syntax.colon")
    if text == "while scanning a simple key could not find expected ':'":
        return problem(file, position, "yaml-syntax.no-colon")
    if text == "while scanning a quoted scalar found unexpected end of stream":
        return problem(file, position, "yaml-syntax.unclosed-quote")
    if found := _words(
        r"while scanning for the next token found character (.+) that cannot start any token",
        text,
    ):
        return problem(file, position, "yaml-syntax.cannot-start", char=found)
    if found := _words(r"while parsing a block mapping expected <block end>, but found (.+)", text):
        return problem(file, position, "yaml-syntax.block-mapping", token=found)
    if found := _words(
        r"while parsing a block collection expected <block end>, but found (.+)", text
    ):
        return problem(file, position, "yaml-syntax.block-list", token=found)
    if found := _words(r"while parsing a flow sequence expected ',' or '\]', but got (.+)", text):
        return problem(file, position, "yaml-syntax.flow-list", token=found)
    if found := _words(r"while parsing a flow mapping expected ',' or '\}', but got (.+)", text):
        return problem(file, position, "yaml-syntax.flow-mapping", token=found)
    if found := _words(
        r"while scanning a double-quoted scalar found unknown escape character (.+)", text
    ):
        return problem(file, position, "yaml-syntax.escape", char=found)
    hint = None
    if "mapping values are not allowed" in text:
        hint = say("yaml-syntax.colon:hint")
    elif "could not find expected ':'" in text:
        hint = say("yaml-syntax.no-colon:hint")
    return problem(file, position, "yaml-syntax.other", hint=hint, detail=text)


def _words(pattern: str, text: str) -> str | None:
    """What stands in `text` for the one group of `pattern`, when `text` is its words."""
    match = re.fullmatch(pattern, text)
    return match.group(1) if match else None


# Why Python's datetime refuses a date or a time, for the reasons a typo gives.
_DATE_REASONS = {
    "day is out of range for month": say("@date-day"),
    "month must be in 1..12": say("@date-month"),
    "year 0 is out of range": say("@date-year-zero"),
    "hour must be in 0..23": say("@date-hour"),
    "minute must be in 0..59": say("@date-minute"),
    "second must be in 0..59": say("@date-second"),
}


def date_reason(reason: str) -> Text:
    """Python's reason why a date or time does not exist, in every language."""
    return _DATE_REASONS.get(reason) or say("@date-other", detail=reason)


def parse_yaml(text: str, file: str, line_offset: int = 0) -> tuple[YamlDoc, list[Problem]]:
    """Parse one YAML document; problems carry `file` and lines shifted by `line_offset`.

    libyaml parses valid YAML; when it refuses the text, the pure-Python parser reads it
    again and names the problem. libyaml's own limits (its nesting limit changed between
    PyYAML releases) and its wording must not decide what an editor is told.
    """
    doc, problems, refused = _parse(text, file, line_offset, _Loader)
    if refused and _Loader is not yaml.SafeLoader:
        doc, problems, _ = _parse(text, file, line_offset, yaml.SafeLoader)
    return doc, problems


def _parse(
    text: str, file: str, line_offset: int, loader: type
) -> tuple[YamlDoc, list[Problem], bool]:
    """The events of `loader` to values; the flag says the YAML library refused the text."""
    doc = YamlDoc(start=(1 + line_offset, 1))
    problems: list[Problem] = []
    stack: list[_Frame] = []
    nodes = 0
    documents = 0
    root_set = False

    def fail(found: Problem) -> NoReturn:
        problems.append(found)
        raise _Stop

    def place(value: Any, pos: Position) -> Path | None:
        """Attach a finished value to its parent; return its path (None for a key)."""
        nonlocal root_set
        if not stack:
            doc.value = value
            root_set = True
            doc.values[()] = pos
            return ()
        top = stack[-1]
        if isinstance(top.container, list):
            path = (*top.path, len(top.container))
            top.container.append(value)
            doc.values[path] = pos
            return path
        if not top.has_key:
            if isinstance(value, dict | list):
                fail(problem(file, pos, "yaml-syntax.complex-key"))
            try:
                hash(value)
            except TypeError:
                fail(problem(file, pos, "yaml-syntax.bad-key"))
            if value in top.container:
                first = doc.keys.get((*top.path, value), (0, 0))
                problems.append(problem(file, pos, "duplicate-key", name=str(value), line=first[0]))
            top.pending_key, top.has_key = value, True
            doc.keys.setdefault((*top.path, value), pos)
            return None
        path = (*top.path, top.pending_key)
        if path not in doc.values or top.pending_key not in top.container:
            top.container[top.pending_key] = value
            doc.values[path] = pos
        top.has_key = False
        return path

    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, ev.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    at = _pos(event.start_mark, line_offset)
                    fail(problem(file, at, "yaml-syntax.documents"))
                continue
            if isinstance(event, ev.StreamStartEvent | ev.StreamEndEvent | ev.DocumentEndEvent):
                continue
            pos = _pos(event.start_mark, line_offset)
            if isinstance(event, ev.AliasEvent):
                fail(problem(file, pos, "yaml-alias"))
            if isinstance(event, ev.ScalarEvent | ev.MappingStartEvent | ev.SequenceStartEvent):
                nodes += 1
                if nodes > MAX_NODES:
                    fail(problem(file, pos, "yaml-too-large", limit=MAX_NODES))
            if isinstance(event, ev.ScalarEvent):
                try:
                    value = _scalar(event)
                except _TagRefused as err:
                    fail(problem(file, pos, "yaml-syntax.tag", tag=repr(err.tag)))
                except ConstructorError as err:
                    fail(problem(file, pos, "yaml-syntax.other", detail=str(err.problem)))
                except Exception as err:  # PyYAML's constructors raise many kinds
                    fail(_unreadable(event, err, file, pos))
                place(value, pos)
            elif isinstance(event, ev.MappingStartEvent | ev.SequenceStartEvent):
                if event.tag not in (None, "!", _SEQ, _MAP):
                    fail(problem(file, pos, "yaml-syntax.tag", tag=repr(event.tag)))
                if len(stack) >= MAX_DEPTH:
                    fail(problem(file, pos, "yaml-too-deep", limit=MAX_DEPTH))
                container: dict[Any, Any] | list[Any] = (
                    {} if isinstance(event, ev.MappingStartEvent) else []
                )
                path = place(container, pos)
                if path is None:  # a mapping or list used as a key; place() has failed
                    raise _Stop
                stack.append(_Frame(path, container))
            elif isinstance(event, ev.MappingEndEvent | ev.SequenceEndEvent):
                stack.pop()
    except _Stop:
        pass
    except yaml.YAMLError as err:
        _library_problem(err, text, file, line_offset, doc, problems)
        return doc, problems, True
    if not root_set and not problems:
        doc.value = None
    return doc, problems, False


def _unreadable(event: ev.ScalarEvent, err: Exception, file: str, pos: Position) -> Problem:
    """A scalar its constructor refused. Python's reason, when it gives one, is a detail."""
    value, kind = event.value, (event.tag or "").rsplit(":", 1)[-1]
    if _resolves_to_date(event) and isinstance(err, ValueError):
        return problem(file, pos, "invalid-date.yaml", value=value, reason=date_reason(str(err)))
    if isinstance(err, ValueError | OverflowError):
        if kind:
            return problem(
                file, pos, "invalid-value.yaml-type-detail", value=value, kind=kind, detail=str(err)
            )
        return problem(file, pos, "invalid-value.yaml-value-detail", value=value, detail=str(err))
    if kind:
        return problem(file, pos, "invalid-value.yaml-type", value=value, kind=kind)
    return problem(file, pos, "invalid-value.yaml-value", value=value)


def _library_problem(
    err: yaml.YAMLError,
    text: str,
    file: str,
    line_offset: int,
    doc: YamlDoc,
    problems: list[Problem],
) -> None:
    if isinstance(err, yaml.MarkedYAMLError):
        mark = err.problem_mark or err.context_mark
        position = _pos(mark, line_offset) if mark else doc.start
        problems.append(_syntax_problem(err, text, file, position))
    elif isinstance(err, yaml.reader.ReaderError):  # a control character: only an offset
        before = text[: err.position]
        line = before.count("\n") + 1 + line_offset
        column = len(before) - (before.rfind("\n") + 1) + 1
        codepoint = _codepoint(err.character)
        problems.append(
            problem(file, (line, column), "yaml-syntax.control-character", codepoint=codepoint)
        )
    else:
        problems.append(problem(file, doc.start, "yaml-syntax.other", detail=str(err)))
