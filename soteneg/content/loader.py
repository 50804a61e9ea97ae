"""From file bytes to validated documents and data: decode, split front matter, validate.

Pure: it takes what `sources` read and returns values plus problems.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from soteneg.content.config import SiteConfig
from soteneg.content.front_matter import DOCUMENT_MODELS, DocumentMeta
from soteneg.content.models import (
    DATA_FILES,
    Era,
    Kind,
    Party,
    Person,
    Region,
    Round,
    Strict,
    Theme,
)
from soteneg.content.project_files import ProjectFiles
from soteneg.content.sources import (
    CONTENT_DIR,
    DATA_FILE_NAMES,
    MAX_DOCUMENTS,
    OPTIONAL_DATA_FILES,
    SourceFile,
)
from soteneg.content.validation import validate
from soteneg.content.yamlpos import YamlDoc, parse_yaml
from soteneg.core.problems import Problem, did_you_mean, problem
from soteneg.core.text import counted, joined, say
from soteneg.markdown.html import Prerendered, parse_body
from soteneg.markdown.outline import Outline

if TYPE_CHECKING:
    from soteneg.content.versions import Earlier

_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")


@dataclass(frozen=True)
class Document:
    id: str  # path under content/ without ".md": "kierrokset/2018-syksy/uusimaa"
    file: str  # path from the project root: "content/kierrokset/2018-syksy/uusimaa.md"
    # None when the front matter failed validation: such a document is still cross-checked
    # (so all its problems are reported at once) but never rendered.
    meta: DocumentMeta | None
    front: YamlDoc  # the front matter with positions, for locating later problems
    body: str
    body_line: int  # 1-based line of the file where the body starts
    outline: Outline
    # The body's HTML with blanks for link targets (markdown_html.finish fills them in);
    # None when it must be rendered whole at build time.
    prerendered: Prerendered | None = None


def content_path(doc_id: str, written: str) -> str | None:
    """A relative path written in document `doc_id`, as a path under content/; None when
    it leads outside content/."""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(doc_id), written))
    if joined == ".." or joined.startswith("../") or posixpath.isabs(joined):
        return None
    return joined


@dataclass(frozen=True)
class DataSet:
    """The data files, by id, with where each entry stands."""

    regions: Mapping[str, Region] = field(default_factory=dict)
    rounds: Mapping[str, Round] = field(default_factory=dict)
    eras: Mapping[str, Era] = field(default_factory=dict)
    kinds: Mapping[str, Kind] = field(default_factory=dict)
    parties: Mapping[str, Party] = field(default_factory=dict)
    themes: Mapping[str, Theme] = field(default_factory=dict)
    people: Mapping[str, Person] = field(default_factory=dict)
    # file -> positions, only for files that parsed: references into a file that did not
    # are not checked, so one broken data file does not bury every document in problems.
    docs: Mapping[str, YamlDoc] = field(default_factory=dict)
    index: Mapping[tuple[str, str], int] = field(default_factory=dict)  # (file, id) -> entry
    # data file name -> every id written in it, valid entry or not
    declared: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @cached_property
    def taken_over(self) -> Mapping[str, tuple[str, ...]]:
        """Region id -> the ids of the units it took over from, in the order of
        regions.yaml: `succeeded_by` read backwards once, so that a walk back through a
        long succession does not read every region at every step."""
        found: dict[str, list[str]] = {}
        for region in self.regions.values():
            for successor in region.successors:
                found.setdefault(successor, []).append(region.id)
        return {k: tuple(v) for k, v in found.items()}


@dataclass(frozen=True)
class Content:
    config: SiteConfig | None
    data: DataSet
    documents: tuple[Document, ...]  # valid ones only
    rejected: tuple[Document, ...]  # readable, but their front matter did not validate
    texts: Mapping[str, str]  # decoded text of every file read, for problem excerpts
    # The day each file under content/ was last committed, when the project is a git
    # checkout and the file has no uncommitted edits (content.history).
    committed: Mapping[str, dt.date] = field(default_factory=dict)
    # Document id -> the earlier versions of a document kept with `versions: keep`,
    # newest first, when git tells (content.versions).
    earlier: Mapping[str, tuple[Earlier, ...]] = field(default_factory=dict)


def decode(source: SourceFile) -> tuple[str | None, list[Problem]]:
    """UTF-8 text with LF line endings; a BOM is dropped. Binary or other encodings are problems."""
    data = source.data
    if data is None:
        return None, [source.refused or problem(source.path, (1, 1), "unreadable")]
    if b"\x00" in data[:8192]:
        return None, [problem(source.path, (1, 1), "binary-file")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = data[: err.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        byte = f"0x{data[err.start]:02x}"
        return None, [problem(source.path, (line, column), "encoding", byte=byte)]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def split_front_matter(text: str, file: str) -> tuple[str, str, int] | Problem:
    """(front matter, body, 1-based body line) or the problem that stops reading the file."""
    if not text.strip():
        return problem(file, (1, 1), "empty-file")
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return problem(file, (1, 1), "front-matter-missing")
    for n in range(1, len(lines)):
        if _FENCE.match(lines[n]):
            return "\n".join(lines[1:n]), "\n".join(lines[n + 1 :]), n + 2
    return problem(file, (1, 1), "front-matter-unterminated")


def parse_document(
    source: SourceFile, text: str, allow_raw_html: bool, html: bool = True, for_print: bool = False
) -> tuple[Document | None, list[Problem]]:
    """`html`: also render the body (with blanks for link targets), as a build needs;
    `for_print`: its print HTML too, as a build that prints needs."""
    file = source.path
    split = split_front_matter(text, file)
    if isinstance(split, Problem):
        return None, [split]
    front_text, body, body_line = split
    front, problems = parse_yaml(front_text, file, line_offset=1)
    if problems:
        return None, problems
    if not isinstance(front.value, dict):
        if front.value is None:
            return None, [problem(file, (1, 1), "front-matter-invalid.empty")]
        return None, [problem(file, (1, 1), "front-matter-invalid.not-fields")]
    doc_type = front.value.get("type")
    model = DOCUMENT_MODELS.get(doc_type) if isinstance(doc_type, str) else None
    if model is None:
        types = say("@one-of", options=joined(DOCUMENT_MODELS))
        if doc_type is None:
            return None, [problem(file, front.start, "missing-field", hint=types, field="type")]
        return None, [
            problem(
                file,
                front.position(("type",)),
                "invalid-value.document-type",
                hint=did_you_mean(str(doc_type), DOCUMENT_MODELS) or types,
                type=str(doc_type),
            )
        ]
    meta, problems = validate(model, front, file)
    doc_id = file.removeprefix(CONTENT_DIR + "/").removesuffix(".md")
    found, prerendered = parse_body(body, allow_raw_html, html, for_print)
    return Document(doc_id, file, meta, front, body, body_line, found, prerendered), problems


# What a data file became: its entries by id, its positions (None when the file could
# not be parsed at all), each entry's place in the file, and its problems.
DataParsed = tuple[dict[str, Any], YamlDoc | None, dict[str, int], list[Problem]]


def parse_data_file(file: str, text: str, model: type[Strict]) -> DataParsed:
    """Entries by id; the positions are None when the file could not be parsed at all."""
    doc, problems = parse_yaml(text, file)
    if problems:
        return {}, None, {}, problems
    if not isinstance(doc.value, list):
        return (
            {},
            None,
            {},
            [problem(file, doc.start, "data-invalid")],
        )
    entries: dict[str, Any] = {}
    index: dict[str, int] = {}
    for i, _ in enumerate(doc.value):
        entry, found = validate(model, doc, file, (i,))
        problems.extend(found)
        if entry is None:
            continue
        ident = entry.id  # type: ignore[attr-defined]
        if ident in entries:
            problems.append(
                problem(
                    file, doc.position((i, "id")), "duplicate-id", id=ident, entry=index[ident] + 1
                )
            )
            continue
        entries[ident], index[ident] = entry, i
    return entries, doc, index, problems


def parse_config(source: SourceFile | None) -> tuple[SiteConfig | None, str | None, list[Problem]]:
    if source is None:
        return (
            None,
            None,
            [problem("site.yaml", None, "config-missing")],
        )
    text, problems = decode(source)
    if text is None:
        return None, None, problems
    doc, problems = parse_yaml(text, source.path)
    if problems:
        return None, text, problems
    if not isinstance(doc.value, dict):
        return (
            None,
            text,
            [problem(source.path, doc.start, "config-invalid")],
        )
    config, problems = validate(SiteConfig, doc, source.path)
    return config, text, problems


# What one document file became: its text (None when undecodable), the document (None
# when unreadable) and its own problems. Pure in the file's path and bytes.
Parsed = tuple[str | None, Document | None, list[Problem]]
# Parses many files: (sources, allow_html, html, for_print) -> what each became, in
# order. The build passes one that works over processes.
ParseMany = Callable[[Sequence[SourceFile], bool, bool, bool], list[Parsed]]


def parse_serially(
    sources: Sequence[SourceFile], allow_html: bool, html: bool, for_print: bool = False
) -> list[Parsed]:
    return [parse_source(s, allow_html, html, for_print) for s in sources]


def parse_source(
    source: SourceFile, allow_html: bool, html: bool, for_print: bool = False
) -> Parsed:
    text, problems = decode(source)
    if text is None:
        return None, None, problems
    document, found = parse_document(source, text, allow_html, html, for_print)
    return text, document, problems + found


def parse_key(source: SourceFile, allow_html: bool, html: bool, for_print: bool = False) -> str:
    """All that what `parse_source` makes of a file depends on."""
    # The digest of its bytes: a file known unchanged by its stamp was not read again.
    digest = hashlib.blake2b(source.digest or b"", digest_size=16)
    # The refusal too: a file refused as too large says how large it is now.
    options = f"\0{source.path}\0{allow_html}\0{html}\0{for_print}\0{source.refused}"
    digest.update(options.encode())
    return digest.hexdigest()


def load_content(
    files: ProjectFiles,
    html: bool = False,
    parse_many: ParseMany = parse_serially,
    for_print: bool = False,
    parse_data: Callable[[str, str, type[Strict]], DataParsed] = parse_data_file,
) -> tuple[Content, list[Problem], list[Problem]]:
    """Validate everything read. Returns content, configuration problems, content problems.

    `html`: render bodies too, for a build; `for_print`: their print HTML too, for a
    build that prints. `parse_many` parses the document files (the build's spreads them
    over processes and keeps each result by `parse_key`); `parse_data` the data files
    (the build's keeps them parsed while their text is the same: content.warm)."""
    texts: dict[str, str] = {}
    config, config_text, config_problems = parse_config(files.config)
    if config_text is not None:
        texts["site.yaml"] = config_text
    problems: list[Problem] = []

    tables: dict[str, dict[str, Any]] = {}
    declared: dict[str, frozenset[str]] = {}
    docs: dict[str, YamlDoc] = {}
    index: dict[tuple[str, str], int] = {}
    present = {f.path: f for f in files.data_files}
    for name in DATA_FILE_NAMES:
        path = f"{CONTENT_DIR}/{name}"
        source = present.get(path)
        if source is None:
            if name not in OPTIONAL_DATA_FILES:
                problems.append(problem(path, None, "data-missing", path=path))
            continue
        text, found = decode(source)
        problems.extend(found)
        if text is None:
            continue
        texts[path] = text
        entries, doc, where, found = parse_data(path, text, DATA_FILES[name])
        problems.extend(found)
        tables[name] = entries
        if doc is not None:
            docs[path] = doc
            declared[name] = frozenset(
                e["id"] for e in doc.value if isinstance(e, dict) and isinstance(e.get("id"), str)
            )
        index.update({(path, ident): i for ident, i in where.items()})
    data = DataSet(
        regions=tables.get("regions.yaml", {}),
        rounds=tables.get("rounds.yaml", {}),
        eras=tables.get("eras.yaml", {}),
        kinds=tables.get("kinds.yaml", {}),
        parties=tables.get("parties.yaml", {}),
        themes=tables.get("themes.yaml", {}),
        people=tables.get("people.yaml", {}),
        docs=docs,
        index=index,
        declared=declared,
    )

    allow_html = bool(config and config.allow_raw_html)
    documents: list[Document] = []
    rejected: list[Document] = []
    parsed = parse_many(files.documents, allow_html, html, for_print)
    for source, (text, document, found) in zip(files.documents, parsed, strict=True):
        problems.extend(found)
        if text is None:
            continue
        texts[source.path] = text
        if document is not None:
            (documents if document.meta is not None else rejected).append(document)
    if files.too_many:
        problems.append(
            problem(
                CONTENT_DIR,
                None,
                "too-many-files",
                count=counted("@documents", files.too_many),
                limit=MAX_DOCUMENTS,
            )
        )
    content = Content(config, data, tuple(documents), tuple(rejected), texts)
    return content, config_problems, problems
