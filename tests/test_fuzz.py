"""Property tests: whatever an editor types, check answers with problems, never a crash."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from functools import cache

import yaml
from conftest import MINIMAL
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from soteneg.content import attachments
from soteneg.content.crossref import cross_check
from soteneg.content.loader import load_content
from soteneg.content.project_files import ProjectFiles, read_project
from soteneg.content.sources import SourceFile
from soteneg.content.yamlpos import parse_yaml
from soteneg.core.problems import Problem
from soteneg.core.routes import is_relative_reference
from soteneg.markdown.html import finish, parse_body, render

FIELDS = [
    "title",
    "type",
    "date",
    "lang",
    "draft",
    "summary",
    "contacts",
    "translation_of",
    "example",
    "region",
    "round",
    "themes",
]
# A longer run: SOTENEG_FUZZ_EXAMPLES=20000 (see docs/security.md).
EXAMPLES = int(os.environ.get("SOTENEG_FUZZ_EXAMPLES", "300"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@cache
def _project() -> ProjectFiles:
    return read_project(MINIMAL)


def _check_bytes(data: bytes) -> list[Problem]:
    files = _project()
    files = replace(files, documents=(*files.documents, SourceFile("content/fuzz.md", data)))
    content, config_problems, problems = load_content(files)
    ids = {f.path.removeprefix("content/").removesuffix(".md") for f in files.documents}
    problems += cross_check(content, ids)
    refs = [r for d in content.documents + content.rejected for r in attachments.references(d)]
    assert content.config is not None
    problems += attachments.check_refs(refs, {}, content.config.attachments)
    for p in problems + config_problems:
        assert isinstance(p, Problem)
        assert p.file and p.code and p.message
    return problems


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes(data: bytes) -> None:
    _check_bytes(data)


@SETTINGS
@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    _check_bytes(text.encode("utf-8"))


@SETTINGS
@given(st.text(max_size=300), st.text(max_size=300))
def test_any_text_inside_front_matter(front: str, body: str) -> None:
    _check_bytes(f"---\n{front}\n---\n{body}".encode())


_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.dates(min_value=dt.date(1900, 1, 1))
)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@SETTINGS
@given(
    st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=10), _values, max_size=12),
    st.text(max_size=200),
)
def test_any_yaml_front_matter(front: dict, body: str) -> None:
    text = yaml.safe_dump(front, allow_unicode=True)
    _check_bytes(f"---\n{text}---\n{body}".encode())


@SETTINGS
@given(st.text(alphabet="-:[]{}&*!|>'\"#%@` \t\n,?abc123", max_size=200))
def test_yaml_syntax_soup(text: str) -> None:
    _, problems = parse_yaml(text, "f.yaml")
    for p in problems:
        assert p.line >= 1 and p.column >= 1


@SETTINGS
@given(st.text(alphabet="#{}=theme .-saatavuus[]()!*_`\n|:", max_size=300))
def test_markdown_soup(body: str) -> None:
    _check_bytes(f"---\ntitle: t\ntype: page\ndate: 2018-01-01\n---\n{body}".encode())


def _resolve(href: str) -> str:
    return f"/s/{href}?a&b" if is_relative_reference(href) else href


@SETTINGS
@given(st.text(alphabet="#{}=theme .-saatavuus[]()!*_`\n|:<>&\"'a/b.md^1x\\\x03", max_size=300))
def test_prerendered_bodies_finish_as_whole_renders(body: str) -> None:
    """The build fills a body prerendered at check time; it must equal a whole render."""
    _, pre = parse_body(body)
    size = {"/s/a/b.md?a&b": (3, 4)}.get
    whole = render(body, _resolve, "/p/", False, size)
    if pre is not None:  # None: a marker character or an image by site path
        assert finish(pre, _resolve, "/p/", size) == whole
