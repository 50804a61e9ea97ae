"""The Jinja environment and page rendering. A template mistake is a located problem.

Every template renders in `sandbox.SiteSandbox`: autoescaping for HTML and XML,
undefined names are errors (StrictUndefined), nothing but the data a page is given can be
reached. Templates come from the bytes the build read from templates/ (see
`content.sources.read_templates`), never from the disk behind Jinja's back: what a build
stamps and checks is what it renders, and no link can make it render something else.
"""

from __future__ import annotations

import hashlib
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path

import jinja2
import jinja2.meta
from jinja2 import nodes
from markupsafe import Markup

from soteneg.content.loader import decode
from soteneg.content.sources import SourceFile, TemplateFiles
from soteneg.core import formats
from soteneg.core.problems import Problem, problem
from soteneg.core.text import number
from soteneg.site.i18n import format_date
from soteneg.site.pages.page import Page
from soteneg.site.render_budget import BudgetExceeded, bounded
from soteneg.site.sandbox import SecurityError, SiteSandbox, unsafe_attributes
from soteneg.site.wordparts import word_parts

TEMPLATES_DIR = "templates"


class TextsLoader(jinja2.BaseLoader):
    """Templates from the texts a build read. Their file names are the project-relative
    paths (`templates/round.html`), which Jinja puts on its traceback frames: that is how
    a rendering error finds its template and line."""

    def __init__(self) -> None:
        self.texts: Mapping[str, str] = {}

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        text = self.texts.get(template)
        if text is None:
            raise jinja2.TemplateNotFound(template)

        def uptodate() -> bool:
            now = self.texts.get(template)
            return now is text or now == text

        return text, f"{TEMPLATES_DIR}/{template}", uptodate

    def list_templates(self) -> list[str]:
        return sorted(self.texts)


_ENVIRONMENTS: dict[Path, SiteSandbox] = {}


def environment(root: Path, texts: Mapping[str, str]) -> SiteSandbox:
    """The sandboxed environment of a project, rendering `texts`. Kept between builds in
    one process (the preview's): a template whose text is unchanged is not compiled
    again."""
    env = _ENVIRONMENTS.get(root)
    if env is None:
        env = SiteSandbox(
            loader=TextsLoader(),
            autoescape=jinja2.select_autoescape(("html", "xml")),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        env.filters["date"] = format_date
        env.filters["css_string"] = css_string
        # A paragraph or a label opens with a capital: "Harjoitusneuvottelu, …".
        env.filters["capital"] = formats.capital
        # A long compound in a heading breaks between its parts on a phone, with a hyphen.
        env.filters["word_parts"] = word_parts
        _ENVIRONMENTS[root] = env
    loader = env.loader
    assert isinstance(loader, TextsLoader)
    loader.texts = texts
    return env


def template_texts(files: TemplateFiles) -> tuple[dict[str, str], list[Problem]]:
    """The templates as text, and the problems of reading them: files refused, binary
    files and text that is not UTF-8."""
    texts: dict[str, str] = {}
    problems = list(files.refused)
    for name, data in files.templates.items():
        path = f"{TEMPLATES_DIR}/{name}"
        if b"\x00" in data[:8192]:
            problems.append(problem(path, (1, 1), "binary-file.template"))
            continue
        text, found = decode(SourceFile(path, data))
        problems += found
        if text is not None:
            texts[name] = text
    return texts, problems


def check_templates(env: SiteSandbox) -> list[Problem]:
    """Every template compiled, without rendering: syntax errors, filters and tests that
    do not exist, attributes the sandbox would refuse, templates named but not there. So
    `check` (and the pre-commit hook) reports what a build would stop at. The compiled
    templates stay in `env` for the pages to render with."""
    loader = env.loader
    assert isinstance(loader, TextsLoader)
    problems: list[Problem] = []
    for name, text in sorted(loader.texts.items()):
        path = f"{TEMPLATES_DIR}/{name}"
        try:
            env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:  # TemplateAssertionError too
            error = f"{type(exc).__name__}: {exc.message}"
            problems.append(problem(path, (exc.lineno, 0), "template-error.syntax", error=error))
        try:
            unsafe, named = _scan(env, name, text)
        except jinja2.TemplateSyntaxError:
            continue  # reported above
        problems += [problem(path, (line, 0), "template-unsafe", name=a) for line, a in unsafe]
        for line, used in named:
            if used not in loader.texts:
                problems.append(problem(path, (line, 0), "template-missing", name=used))
    return problems


@lru_cache(maxsize=1024)
def _scan(
    env: SiteSandbox, name: str, text: str
) -> tuple[tuple[tuple[int, str], ...], tuple[tuple[int, str], ...]]:
    """What `check_templates` reads from one template's syntax tree; kept per text, since
    the preview asks again on every save."""
    tree = env.parse(text, name)
    return tuple(unsafe_attributes(tree)), tuple(_named_templates(tree))


def _named_templates(tree: nodes.Template) -> Iterator[tuple[int, str]]:
    """(line, name) of each template `tree` extends, includes or imports by a constant
    name (`ignore missing` includes left out)."""
    for node in tree.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
        if isinstance(node, nodes.Include) and node.ignore_missing:
            continue
        target = node.template
        if isinstance(target, nodes.Const) and isinstance(target.value, str):
            yield node.lineno, target.value
        elif isinstance(target, (nodes.List, nodes.Tuple)):
            # A list is a choice: the first that exists is used.
            continue


def css_string(value: str) -> Markup:
    """Text safe inside a double-quoted CSS string in a <style> element, where HTML
    entities mean nothing: every character that could end the string or the element is
    written as a CSS escape instead."""
    out = []
    for char in str(value):
        if char in "\"'\\<>&" or ord(char) < 0x20:
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return Markup("".join(out))


def _template_position(exc: BaseException) -> tuple[str, int]:
    """The template file and line where `exc` happened; Jinja rewrites tracebacks so
    that template frames carry the template's own file name (`templates/…`) and line."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return exc.filename, exc.lineno
    found = ("", 0)
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.startswith(f"{TEMPLATES_DIR}/"):
            found = (frame.filename, frame.lineno or 0)
    return found


def template_problem(exc: BaseException, page: str) -> Problem:
    filename, line = _template_position(exc)
    where = filename or TEMPLATES_DIR
    position = (line, 0) if line else None
    # Jinja's own words (open-ended: any template, any exception) stay as Jinja says them.
    error = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, SecurityError):
        return problem(where, position, "template-unsafe.render", error=str(exc), page=page)
    if isinstance(exc, BudgetExceeded):
        if exc.what == "time":
            return problem(
                where, position, "template-too-costly", seconds=number(int(exc.limit)), page=page
            )
        return problem(
            where, position, "template-too-costly.memory", mib=number(int(exc.limit)), page=page
        )
    return problem(where, position, "template-error", error=error, page=page)


def render_pages(
    env: jinja2.Environment, pages: Iterable[Page]
) -> tuple[dict[str, bytes], list[Problem]]:
    """Output file -> bytes; rendering stops at the first template error, which names the
    template file and line (a broken template breaks every page that uses it)."""
    files: dict[str, bytes] = {}
    for page in pages:
        try:
            with bounded():
                text = env.get_template(page.template).render(page.context)
        except Exception as exc:
            return files, [template_problem(exc, page.url)]
        files[page.output] = text.encode("utf-8")
    return files, []


def render_page(env: jinja2.Environment, page: Page) -> bytes | Problem:
    made = render_text(env, page)
    return made if isinstance(made, Problem) else made[1]


def render_text(env: jinja2.Environment, page: Page) -> tuple[str, bytes] | Problem:
    """The page as text and as the bytes written: the link scan reads the text."""
    try:
        with bounded():
            text = env.get_template(page.template).render(page.context)
            # Inside the try: a lone surrogate a template made is the template's problem.
            return text, text.encode("utf-8")
    except Exception as exc:
        return template_problem(exc, page.url)


@lru_cache(maxsize=1024)
def _referenced(env: jinja2.Environment, source: str) -> tuple[str | None, ...]:
    """The templates a template's source names (None: a name computed at render time).
    Kept per source text, since the preview asks again on every save."""
    return tuple(jinja2.meta.find_referenced_templates(env.parse(source)))


def template_keys(env: jinja2.Environment) -> dict[str, str]:
    """Each template's hash together with every template it extends, includes or imports:
    a page needs making again when any of them changes. A template that does not parse
    gets a key of its own; rendering reports the error."""
    assert env.loader is not None
    sources: dict[str, str] = {}
    uses: dict[str, set[str]] = {}
    names = env.list_templates()
    for name in names:
        try:
            source = env.loader.get_source(env, name)[0]
            found = _referenced(env, source)
        except (jinja2.TemplateError, UnicodeDecodeError):
            source, found = f"(unreadable) {name}", ()
        sources[name] = source
        # A name computed at render time could be any template.
        uses[name] = set(names) if None in found else {n for n in found if n}

    def closure(name: str) -> set[str]:
        seen = {name}
        stack = [name]
        while stack:
            for used in uses.get(stack.pop(), ()):
                if used not in seen:
                    seen.add(used)
                    stack.append(used)
        return seen

    keys: dict[str, str] = {}
    for name in sources:
        digest = hashlib.blake2b(digest_size=16)
        for used in sorted(closure(name)):
            digest.update(f"{used}\0{sources.get(used, '(missing)')}\0".encode())
        keys[name] = digest.hexdigest()
    return keys
