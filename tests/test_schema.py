"""The JSON Schema that `soteneg schema` writes says what `soteneg check` says.

One corpus of front matters goes through both: the cases in schema_corpus/ (each file
says, below its front matter, what check reports: `Expect: valid` or the problem codes),
the documents of every broken sample site in broken/, and every front matter example
the docs show. `check` is the reference; the schema must agree with it, except in the
cases listed by name in DISAGREE, with the reason no schema can follow there.

The schema side reads front matter as an editor's tool does, by YAML 1.2 (see
`_EditorYaml`), and validates with format checking on.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml
from conftest import MINIMAL, REPO, TESTS
from jsonschema import Draft202012Validator
from pydantic import TypeAdapter, ValidationError
from referencing import Registry, Resource

from soteneg import pipeline
from soteneg.build.cache import Cache
from soteneg.content.crossref import cross_check
from soteneg.content.date_fields import DATE_PATTERN, MOMENT_PATTERN, IsoDate, Moment
from soteneg.content.front_matter import DOCUMENT_MODELS
from soteneg.content.loader import decode, load_content, parse_data_file, split_front_matter
from soteneg.content.models import DATA_FILES
from soteneg.content.project_files import ProjectFiles, read_project
from soteneg.content.sources import CONTENT_DIR, SourceFile
from soteneg.core.problems import Problem
from soteneg.editors import schema

CORPUS = TESTS / "schema_corpus"
BROKEN = TESTS / "broken"
EXPECT = re.compile(r"^Expect: (.+)$", re.M)

# Cases where check and the schema knowingly disagree, by name, and why.
DISAGREE = {
    "translation-same-lang": "cross-reference: the schema does not know each document's "
    "language, so it cannot tell that the original is in the same one",
    "duplicate-document": "cross-reference: one document per region, round and language "
    "needs every other document",
    "yaml-alias": "YAML, not the schema: check refuses aliases, an editor's tool expands "
    "them and validates the result",
    "title-is-a-date": "YAML: check's reader takes an unquoted 2018-10-15 as a date (the "
    "model's dates need it), an editor's YAML 1.2 tool as text",
    "broken/dangling-translations/content/kierrokset/2018-syksy/lappi.fi2.md": "cross-"
    "reference: a translation in the original's language (translation-same-lang)",
    "broken/translation-without-original/content/tiedotteet/uutinen.sv.md": "cross-"
    "reference: another document has the same address (url-collision)",
    "broken/statutory/content/kierrokset/2024/ita-uusimaa-hva.sv.md": "cross-reference: "
    "a language version's recommendations differ from its original's",
    "broken/statutory/content/kierrokset/2024/lappi-hva.md": "two values compared: "
    "present_to before present_from; JSON Schema compares no two values",
    "broken/statutory/content/kierrokset/2025/ita-uusimaa-hva.md": "cross-reference: "
    "other documents give the diary number and the recommendations",
    # A document's life after publication (issue 27): checked against other documents,
    # or two values compared.
    **{
        f"broken/lifecycle/content/tiedotteet/{name}.md": why
        for name, why in (
            ("julkinen", "cross-reference: the confidential original is published"),
            ("korvattu", "cross-reference: superseded_by names no published document"),
            ("korvattu-vedetylla", "cross-reference: superseded_by names a withdrawn one"),
            ("muutokset", "two values compared: changes out of order"),
            ("muutos-ennen", "two values compared: a change before the document's date"),
            ("syy-ilman-vetoa", "two fields together: reason without status: withdrawn"),
            ("vedetty", "two fields together: status: withdrawn without reason"),
        )
    },
    # The address comes from the file's name, which the schema does not see.
    **{
        f"broken/reserved-addresses/content/{name}": "the file name: its address is the "
        "build's own (reserved-address) or not clean (unsafe-address)"
        for name in (
            "Tietoa.md",
            "kierrokset/2018-syksy/uusimaa.pdf.md",
            "robots.txt.md",
            "tiedotteet/atom.xml.md",
        )
    },
}


# --- the two sides -------------------------------------------------------------------


# The YAML 1.2 core schema's plain scalars (YAML 1.2.2, 10.3.2); null is as in YAML 1.1.
YAML12_CORE = {
    "bool": r"true|True|TRUE|false|False|FALSE",
    "int": r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+",
    "float": r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
}


class _EditorYaml(yaml.SafeLoader):
    """Front matter as an editor's YAML 1.2 tool reads it (the `yaml` package under
    remark-lint-frontmatter-schema, Red Hat's YAML extension): booleans and numbers by
    the core schema, no timestamps (a date is the text typed), and a key written twice
    is an error. Aliases are expanded."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[Any]]] = {
        first: [(tag, rx) for tag, rx in rules if tag.endswith(":null")]
        for first, rules in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        text = str(node.value)
        return int(text[2:], 8) if text.startswith("0o") else int(text, 0 if "x" in text else 10)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        if len(mapping) != len(node.value):
            raise yaml.constructor.ConstructorError(
                None, None, "a key is repeated", node.start_mark
            )
        return mapping


for _kind, _regexp in YAML12_CORE.items():
    _EditorYaml.add_implicit_resolver(
        f"tag:yaml.org,2002:{_kind}", re.compile(f"^(?:{_regexp})$"), list("-+.0123456789tTfF")
    )
_EditorYaml.add_constructor("tag:yaml.org,2002:int", _EditorYaml.construct_yaml_int)


def editor_yaml(text: str) -> Any:
    """`text` as JSON Schema sees it once an editor's tool has read it."""
    return _json(yaml.load(text, Loader=_EditorYaml))


def _json(value: Any) -> Any:
    """What JSON Schema sees: text keys, and an explicitly tagged date as its text."""
    if isinstance(value, dict):
        return {str(k): _json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _validator(schema_: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema_, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(validator: Draft202012Validator, front: str) -> list[str]:
    """What an editor is told about this front matter; [] when it is valid."""
    try:
        instance = editor_yaml(front)
    except Exception as err:  # PyYAML's constructors raise many kinds
        return [f"YAML: {err!r}"]  # the tool reports the YAML before any schema
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)]


@dataclass
class Project:
    """A project checked once; its documents are swapped for one case at a time."""

    files: ProjectFiles
    cache: Cache  # what each document became, so that a case parses only its own
    validator: Draft202012Validator


@cache
def project(root: Path) -> Project:
    content = pipeline.check(root).content
    languages = content.config.languages if content.config else None
    schemas = schema.document_schemas(content.data, content.documents, languages)
    return Project(read_project(root), Cache("schema"), _validator(schemas["document.schema.json"]))


def check_codes(root: Path, path: str, text: str) -> list[str]:
    """The codes of what `soteneg check` reports in the front matter of `text`, placed at
    `path` in the project at `root` (replacing the file there): its YAML, its model and
    its cross-references. The files attachments name are left out: the schema cannot
    see files, and the cases name files that are not there."""
    proj = project(root)
    source = SourceFile(path, text.encode())
    # In place when the file is there: which of two documents gets a problem follows
    # the order of files.
    documents = [source if f.path == path else f for f in proj.files.documents]
    if all(f.path != path for f in proj.files.documents):
        documents.append(source)
    files = replace(proj.files, documents=tuple(documents))
    content, _, problems = load_content(files, parse_many=pipeline.parser(proj.cache, jobs=1))
    ids = {f.path.removeprefix(f"{CONTENT_DIR}/").removesuffix(".md") for f in files.documents}
    problems += cross_check(content, ids)
    split = split_front_matter(text, path)
    assert not isinstance(split, Problem), split
    body_line = split[2]
    return sorted(
        p.code for p in problems if p.file == path and p.line is not None and p.line < body_line
    )


# --- the corpus ----------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    text: str  # the whole document
    root: Path  # the project it is checked in (a broken sample: laid over the minimal)
    path: str  # where it stands in that project
    expect: list[str] | None  # problem codes, [] when valid; None: said elsewhere

    @property
    def front(self) -> str:
        split = split_front_matter(self.text, self.path)
        assert not isinstance(split, Problem), split
        return split[0]


def corpus_cases() -> list[Case]:
    cases = []
    for file in sorted(CORPUS.glob("*.md")):
        text = file.read_text(encoding="utf-8")
        found = EXPECT.search(text)
        assert found, f"{file.name}: no 'Expect:' line"
        said = found.group(1).strip()
        expect = [] if said == "valid" else sorted(c.strip() for c in said.split(","))
        path = f"{CONTENT_DIR}/korpus/{file.stem}.md"
        cases.append(Case(file.stem, text, REPO, path, expect))
    return cases


def broken_site_cases() -> list[Case]:
    """Every file of a broken sample that is a document with front matter; the others
    (binary, not UTF-8, empty, no front matter) never reach either side."""
    cases = []
    for file in sorted(BROKEN.glob("*/files/content/**/*.md")):
        site = file.relative_to(BROKEN).parts[0]
        text, _ = decode(SourceFile(file.name, file.read_bytes()))
        if text is None or isinstance(split_front_matter(text, file.name), Problem):
            continue
        path = file.relative_to(BROKEN / site / "files").as_posix()
        cases.append(Case(f"broken/{site}/{path}", text, BROKEN / site, path, None))
    return cases


README_EXAMPLE = re.compile(r"`(content/[^`]+\.md)`\n```markdown\n(---\n.*?)```", re.S)
FENCED_FRONT = re.compile(r"```markdown\n(---\n.*?\n---\n)", re.S)
TABLE_ROW = re.compile(r"^\| `(\w+)` \| all \| `([^`]+)`", re.M)
BASE_PAGE = "title: Ohje\ntype: page\ndate: 2018-10-15\n"


def docs_cases() -> list[Case]:
    """The front matter examples of README.md and docs/*.md, all promised valid: each
    README example in place of the bundled file it names; a fragment (no `type`) inside
    a page; and each value the field table of docs/editors.md starts a row with."""
    cases = []
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for path, text in README_EXAMPLE.findall(readme):
        cases.append(Case(f"README.md:{path}", text, REPO, path, []))
    for doc in sorted((REPO / "docs").glob("*.md")):
        source = doc.read_text(encoding="utf-8")
        for n, front in enumerate(FENCED_FRONT.findall(source)):
            fields = front.removeprefix("---\n").removesuffix("---\n")
            if not re.search(r"^type:", fields, re.M):
                fields = BASE_PAGE + fields
            path = f"{CONTENT_DIR}/ohje/{doc.stem}-{n}.md"
            cases.append(Case(f"docs/{doc.name}#{n}", f"---\n{fields}---\n", REPO, path, []))
        for field, value in TABLE_ROW.findall(source):
            if field == "type":
                continue  # one README example per type shows these
            base = "".join(
                f"{line}\n" for line in BASE_PAGE.splitlines() if line.split(":")[0] != field
            )
            text = f"---\n{base}{field}: {value}\n---\n"
            path = f"{CONTENT_DIR}/ohje/{field}.md"
            cases.append(Case(f"docs/{doc.name}:{field}", text, REPO, path, []))
    return cases


CORPUS_CASES = corpus_cases()
BROKEN_CASES = broken_site_cases()
DOCS_CASES = docs_cases()


def _agree(case: Case, root: Path = REPO) -> tuple[list[str], list[str]]:
    codes = check_codes(root, case.path, case.text)
    errors = schema_errors(project(root).validator, case.front)
    if case.name in DISAGREE:
        assert bool(codes) != bool(errors), f"{case.name} agrees now: drop it from DISAGREE"
    else:
        assert bool(codes) == bool(errors), (
            f"{case.name}: check says {codes or 'valid'}, the schema {errors or 'valid'}"
        )
    return codes, errors


@pytest.mark.parametrize("case", CORPUS_CASES, ids=[c.name for c in CORPUS_CASES])
def test_corpus_case_check_and_schema_agree(case: Case) -> None:
    codes, _ = _agree(case)
    assert codes == case.expect


@pytest.fixture(scope="module")
def broken_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    """Each broken sample laid over the minimal site, as test_broken_sites builds it."""
    sites = {}
    for case in sorted({c.root for c in BROKEN_CASES}):
        root = sites[case] = tmp_path_factory.mktemp(case.name)
        shutil.copytree(MINIMAL, root, dirs_exist_ok=True)
        shutil.copytree(case / "files", root, dirs_exist_ok=True)
        for rel in (
            (case / "delete.txt").read_text().split() if (case / "delete.txt").is_file() else ()
        ):
            (root / rel).unlink()
    return sites


@pytest.mark.parametrize("case", BROKEN_CASES, ids=[c.name for c in BROKEN_CASES])
def test_broken_site_front_matter_check_and_schema_agree(
    case: Case, broken_sites: dict[Path, Path]
) -> None:
    _agree(case, broken_sites[case.root])


@pytest.mark.parametrize("case", DOCS_CASES, ids=[c.name for c in DOCS_CASES])
def test_docs_example_is_valid_to_check_and_schema(case: Case) -> None:
    codes, errors = _agree(case)
    assert (codes, errors) == ([], []), case.text


def test_the_corpus_covers_every_field_and_kind() -> None:
    names = {c.name for c in CORPUS_CASES}
    assert len(names) >= 31 and set(DISAGREE) <= names | {c.name for c in BROKEN_CASES}
    assert {c.name.split("/")[1] for c in BROKEN_CASES} >= {"wrong-types", "bad-dates"}
    assert len(DOCS_CASES) >= 5 + 1 + 4, "README's five, editors.md's fragment and table"
    valid_fields: dict[str, set[str]] = {t: set() for t in DOCUMENT_MODELS}
    for case in CORPUS_CASES + DOCS_CASES:
        if case.expect == []:
            front = editor_yaml(case.front)
            valid_fields[front["type"]] |= set(front)
    for doc_type, model in DOCUMENT_MODELS.items():
        assert valid_fields[doc_type] == set(model.model_fields), doc_type
    invalid = {code for c in CORPUS_CASES for code in c.expect or ()}
    assert {"wrong-type", "missing-field", "unknown-field", "invalid-date"} <= invalid


# --- the written schemas -------------------------------------------------------------


@cache
def written() -> dict[str, dict[str, Any]]:
    content = pipeline.check(REPO).content
    return {
        **schema.document_schemas(content.data, content.documents),
        **schema.data_schemas(content.data),
    }


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


@pytest.mark.parametrize("name", sorted(written()))
def test_every_written_schema_is_valid_and_resolves_alone(name: str) -> None:
    schema_ = written()[name]
    Draft202012Validator.check_schema(schema_)
    # Alone: no other file is registered, so a reference leading out of it fails.
    resolver = Registry().with_resource(name, Resource.from_contents(schema_)).resolver(name)
    refs = list(_refs(schema_))
    for ref in refs:
        resolver.lookup(ref)
    if name in ("document.schema.json", "regions.schema.json", "site.schema.json"):
        assert refs, f"{name} is expected to use definitions"


BAD_ENTRIES = {
    "eras.yaml": (
        "- id: uusi-aika\n  unit: {fi: u, sv: n}\n",
        "missing-field",
    ),
    "kinds.yaml": (
        "- id: uusi-laji\n  one: {fi: u, sv: n}\n  many: {fi: u, sv: n}\n  section: muu\n",
        "invalid-value",
    ),
    "parties.yaml": (
        "- id: thl\n  name: {fi: T, sv: T, en: T}\n  url: http://thl.fi/\n",
        "invalid-value",
    ),
    "regions.yaml": (
        "- id: uusimaa-2\n  name: {fi: Uusi, sv: Ny}\n  special_responsibility_area: "
        "{fi: A, sv: B}\n  succeeded_by: [lappi, lappi]\n",
        "invalid-value",
    ),
    "rounds.yaml": (
        "- id: 2019-kevat\n  name: {fi: K, sv: V}\n  kind: practice\n  start: "
        "2019-02-01\n  end: 2019-02-30\n  themes: [saatavuus]\n",
        "invalid-date",
    ),
    "themes.yaml": (
        "- id: uusi\n  name: {fi: U, sv: N, en: N}\n  description: {fi: U, sv: N}\n",
        "missing-field",
    ),
    "people.yaml": (
        "- id: uusi-henkilo\n  name: Uusi\n  title: {fi: T, sv: T}\n  organisation: "
        "{fi: O, sv: O}\n  phone: 0501234567\n",
        "wrong-type",
    ),
}


@pytest.mark.parametrize("name", sorted(DATA_FILES))
def test_data_file_schema_takes_the_bundled_file_and_refuses_a_bad_entry(name: str) -> None:
    validator = _validator(written()[name.replace(".yaml", ".schema.json")])
    bundled = (REPO / CONTENT_DIR / name).read_text(encoding="utf-8")
    assert list(validator.iter_errors(editor_yaml(bundled))) == []
    bad_entry, code = BAD_ENTRIES[name]
    text = bundled + bad_entry
    _, _, _, problems = parse_data_file(f"{CONTENT_DIR}/{name}", text, DATA_FILES[name])
    assert [p.code for p in problems] == [code]
    assert list(validator.iter_errors(editor_yaml(text))) != []
    # One rule no schema can state: ids unique across entries (check: duplicate-id).


def test_site_schema_takes_site_yaml() -> None:
    validator = _validator(written()["site.schema.json"])
    site = editor_yaml((REPO / "site.yaml").read_text(encoding="utf-8"))
    assert list(validator.iter_errors(site)) == []


# --- the date patterns against the calendar ------------------------------------------


def _accepts(adapter: TypeAdapter[Any], text: str) -> bool:
    try:
        adapter.validate_python(text)
    except ValidationError:
        return False
    return True


def test_date_pattern_is_the_calendar() -> None:
    """The schema's date pattern accepts exactly the days the model accepts."""
    adapter = TypeAdapter(IsoDate)
    years = [1, 4, 100, 400, 1900, 1996, 2000, 2018, 2019, 2020, 2100, 2400, 9999]
    for text in [f"{y:04}-{m:02}-{d:02}" for y in years for m in range(14) for d in range(33)]:
        assert bool(re.search(DATE_PATTERN, text)) == _accepts(adapter, text), text
    assert not re.search(DATE_PATTERN, "0000-01-01")


def test_moment_pattern_is_what_the_model_takes() -> None:
    adapter = TypeAdapter(Moment)
    days = ["2018-12-01", "2020-02-29", "2019-02-29", "2018-04-31"]
    clocks = ["", " 09:00", "T23:59", " 24:00", "T09:60", " 09:00:00", " 09:00:59", "T09:00:60"]
    offsets = ["", "Z", "+02:00", "-23:59", "+24:00", "+02:60"]
    for day in days:
        for clock in clocks:
            for offset in offsets if clock else [""]:
                text = day + clock + offset
                assert bool(re.search(MOMENT_PATTERN, text)) == _accepts(adapter, text), text
