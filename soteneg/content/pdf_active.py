"""Active content in a PDF: what a reader's PDF program runs, opens or sends by itself.

A PDF is published as it is committed (under /liitteet/), and its pages are drawn into
the packets. Some of what a PDF may hold runs: JavaScript (in a reader such as Acrobat,
and partly in browsers' viewers), actions that start programs or open other files,
actions that run when the file is opened or a page is shown, files embedded in it, XFA
forms, Flash and other media, and links to `javascript:` or `file:` addresses (a link
to another computer's share leaks the reader's Windows password hash). Such a file is
refused rather than published stripped: stripping rewrites the file (and breaks a
signature on it), and a rewrite that misses one place leaves the script in.

Every object the file's cross-reference table lists is looked at, whether or not
anything refers to it, since a reader repairing a damaged file may find it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from soteneg.core.text import Text, say

# What an action may do when something triggers it (ISO 32000-2, 12.6.4): move within
# the file, follow a link (its address is checked apart), and what changes only the view.
# A /Thread action with /F names a thread in another file, and is refused as GoToR is.
SAFE_ACTIONS = frozenset(
    {"/GoTo", "/URI", "/Named", "/Thread", "/SetOCGState", "/Trans", "/Hide", "/ResetForm"}
)
# Where an action stands: a link's, an outline item's or a widget's /A, the next of a
# chain, the action on opening (/OpenAction: a destination, or an action that must go
# somewhere in the file), a link's previous action /PA, a presentation step's /NA and
# /PA. Checked in every dictionary, whatever its type says: a reader that meets an
# action there runs it (a catalog with /K, or a Launch marked /Type /StructElem, is
# still a catalog and a Launch).
ACTION_KEYS = frozenset({"/A", "/Next", "/PA", "/NA", "/OpenAction"})
# Actions that run something or reach outside the file, wherever a dict names one: an
# action nothing refers to may still be found by a reader that repairs the file.
UNSAFE_ACTIONS = frozenset(
    {"/JavaScript", "/Launch", "/GoToR", "/GoToE", "/ImportData", "/SubmitForm"}
    | {"/Rendition", "/RichMediaExecute", "/Sound", "/Movie"}
)
# Annotations that play media, show 3D models (scriptable) or carry a file.
MEDIA_ANNOTATIONS = frozenset({"/RichMedia", "/Screen", "/Movie", "/Sound", "/3D"})
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# A URL parser drops leading spaces and control characters, and tabs and newlines
# anywhere ("java\tscript:" is "javascript:").
_IGNORED = re.compile(r"[\t\n\r]")
_LEADING = "".join(chr(c) for c in range(0x21))  # C0 controls and the space
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")

Finding = tuple[Text, int]  # what, and the number of the object it is in


def active_content(reader: Any) -> Finding | None:
    """The first active thing in an opened, unencrypted PDF (pypdf's PdfReader), in the
    order of object numbers; None when there is none. What pypdf raises on a damaged
    object is left to the caller: a file that cannot be read cannot be vouched for."""
    elements = _structure_elements(reader)
    for number, obj in _objects(reader):
        found = _in_object(obj, number in elements)
        if found is not None:
            return found, number
    return None


def _objects(reader: Any) -> Iterator[tuple[int, Any]]:
    from pypdf.generic import IndirectObject

    listed: dict[int, int] = {}
    for generation, numbers in reader.xref.items():
        for number in numbers:
            listed.setdefault(number, generation)
    for number in reader.xref_objStm:
        listed.setdefault(number, 0)
    yield 0, reader.trailer
    for number in sorted(listed):
        yield number, IndirectObject(number, listed[number], reader).get_object()


def _is_element(d: Any) -> bool:
    """Whether a dict in a structure element's /K is an element too (not a reference to
    marked content or to an object)."""
    return _get(d, "/Type") not in ("/MCR", "/OBJR")


def _structure_elements(reader: Any) -> set[int]:
    """The numbers of the indirect objects that are structure elements of the file's
    structure tree: reached from the catalog's /StructTreeRoot through /K. Each object
    is visited once."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    root = reader.trailer.get("/Root")
    root = root.get_object() if root is not None else None
    tree = root.get("/StructTreeRoot") if isinstance(root, DictionaryObject) else None
    tree = tree.get_object() if tree is not None else None
    if not isinstance(tree, DictionaryObject) or "/K" not in tree:
        return set()
    elements: set[int] = set()
    seen: set[int] = set()
    stack = [tree.raw_get("/K")]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            target = item.get_object()
            if isinstance(target, DictionaryObject) and _is_element(target):
                elements.add(item.idnum)
            item = target
        if isinstance(item, ArrayObject):
            stack += list(item)
        elif isinstance(item, DictionaryObject) and _is_element(item) and "/K" in item:
            stack.append(item.raw_get("/K"))
    return elements


def _in_object(obj: Any, element: bool) -> Text | None:
    """What is active in one object and the direct objects inside it. `element`: the
    object is a structure element of the structure tree."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

    stack = [(obj, element)]
    while stack:
        item, structure = stack.pop()
        if isinstance(item, DictionaryObject):
            structure = structure or _get(item, "/Type") == "/StructElem"
            found = _in_dict(item, isinstance(item, StreamObject), structure)
            if found is not None:
                return found
            # The /K of an element (or of the tree's root) holds elements.
            holds = structure or _get(item, "/Type") == "/StructTreeRoot"
            children = [
                (value, holds and key == "/K" and _is_element_value(value))
                for key, value in item.items()
            ]
        elif isinstance(item, ArrayObject):
            children = [(value, structure and _is_element_value(value)) for value in item]
        else:
            continue
        # Indirect objects are looked at on their own, once each.
        stack += [c for c in children if not isinstance(c[0], IndirectObject)][::-1]
    return None


def _is_element_value(value: Any) -> bool:
    from pypdf.generic import ArrayObject, DictionaryObject

    if isinstance(value, DictionaryObject):
        return _is_element(value)
    return isinstance(value, ArrayObject)


def _in_dict(d: Any, is_stream: bool, structure: bool) -> Text | None:
    """What is active in one dictionary. In a structure element (`structure`), /S names
    a role ("P", "Link", or a role of the file's own), not an action."""
    keys = set(d.keys())
    subtype = _get(d, "/Subtype")
    if "/JS" in keys or "/JavaScript" in keys:
        return say("@pdf-active-javascript")
    if "/AA" in keys:
        return say("@pdf-active-automatic")
    if "/EmbeddedFiles" in keys or "/EF" in keys or _get(d, "/Type") == "/EmbeddedFile":
        return say("@pdf-active-embedded")
    if "/XFA" in keys:
        return say("@pdf-active-xfa")
    if "/RichMediaContent" in keys or ("/Rect" in keys and subtype in MEDIA_ANNOTATIONS):
        return say("@pdf-active-media")
    if is_stream and "/F" in keys:  # the stream's data is read from another file
        return say("@pdf-active-external")
    if not structure:
        found = _unsafe_action(d, frozenset())
        if found is not None:
            return found
    uri = _get(d, "/URI")
    if isinstance(uri, str | bytes):
        found = _link_fault(uri)
        if found is not None:
            return found
    for key in sorted(ACTION_KEYS & keys):
        found = _action_fault(key, d[key])
        if found is not None:
            return found
    return None


def _unsafe_action(action: Any, safe: frozenset[str]) -> Text | None:
    """What is wrong with `action` as an action: its type is unsafe wherever it stands
    (or, where an action stands, not one of `safe`), or it goes to a thread in another
    file."""
    kind = _get(action, "/S")
    if kind in UNSAFE_ACTIONS or (safe and kind not in safe):
        return say("@pdf-active-action", action=str(kind))
    if kind == "/Thread" and "/F" in action:
        return say("@pdf-active-action", action=str(kind))
    return None


def _action_fault(key: str, value: Any) -> Text | None:
    """What is wrong with the action (or actions) under `key`."""
    from pypdf.generic import ArrayObject, DictionaryObject

    value = value.get_object()
    if key == "/OpenAction":
        if isinstance(value, ArrayObject):  # a destination: the page to open at
            return None
        if isinstance(value, DictionaryObject) and _get(value, "/S") != "/GoTo":
            return say("@pdf-active-on-open", action=str(_get(value, "/S")))
        return None
    actions = value if isinstance(value, ArrayObject) else [value]
    for action in actions:
        action = action.get_object()
        # An action names its type; a dict without one is not an action to any reader
        # (a structure element's /A holds attributes, which name none).
        if isinstance(action, DictionaryObject) and "/S" in action:
            found = _unsafe_action(action, SAFE_ACTIONS)
            if found is not None:
                return found
    return None


def _link_fault(uri: str | bytes) -> Text | None:
    text = uri.decode("latin-1") if isinstance(uri, bytes) else str(uri)
    address = _IGNORED.sub("", text).lstrip(_LEADING)
    scheme = _SCHEME.match(address)
    if scheme is not None and scheme.group(1).lower() in LINK_SCHEMES:
        return None
    return say("@pdf-active-link", address=_short(text))


def _get(d: Any, key: str) -> Any:
    # Not .get(): pypdf resolves indirect objects in [] only.
    return d[key] if key in d else None  # noqa: SIM401


def _short(value: str) -> str:
    return value if len(value) <= 60 else value[:57] + "..."
