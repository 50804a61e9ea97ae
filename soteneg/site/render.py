"""The Jinja environment and page rendering. A template mistake is a located problem.

Autoescaping is on for HTML and XML, undefined names are errors (StrictUndefined), and
templates can only be loaded from the project's templates/ folder.
"""

from __future__ import annotations

import hashlib
import traceback
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import jinja2
import jinja2.meta
from markupsafe import Markup

from soteneg.core.problems import Problem, problem
from soteneg.site.i18n import format_date
from soteneg.site.pages.page import Page

TEMPLATES_DIR = "templates"


@lru_cache(maxsize=8)
def environment(templates: Path) -> jinja2.Environment:
    """The Jinja environment of a templates/ folder. Kept between builds (the preview's):
    it checks each template's modification time and reloads what changed."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=jinja2.select_autoescape(("html", "xml")),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["date"] = format_date
    env.filters["css_string"] = css_string
    return env


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


def _template_position(exc: BaseException, templates: Path) -> tuple[str, int]:
    """The template file and line where `exc` happened; Jinja rewrites tracebacks so
    that template frames carry the template's own file name and line."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return exc.filename, exc.lineno
    root = str(templates.resolve())
    found = ("", 0)
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.startswith(root):
            found = (frame.filename, frame.lineno or 0)
    return found


def template_problem(exc: BaseException, templates: Path, page: str) -> Problem:
    filename, line = _template_position(exc, templates)
    try:
        rel = str(Path(filename).resolve().relative_to(templates.resolve().parent))
    except ValueError:
        rel = TEMPLATES_DIR
    # Jinja's own words (open-ended: any template, any exception) stay as Jinja says them.
    error = f"{type(exc).__name__}: {exc}"
    return problem(rel, (line, 0) if line else None, "template-error", error=error, page=page)


def render_pages(
    env: jinja2.Environment, pages: Iterable[Page], templates: Path
) -> tuple[dict[str, bytes], list[Problem]]:
    """Output file -> bytes; rendering stops at the first template error, which names the
    template file and line (a broken template breaks every page that uses it)."""
    files: dict[str, bytes] = {}
    for page in pages:
        try:
            text = env.get_template(page.template).render(page.context)
        except Exception as exc:
            return files, [template_problem(exc, templates, page.url)]
        files[page.output] = text.encode("utf-8")
    return files, []


def render_page(env: jinja2.Environment, page: Page, templates: Path) -> bytes | Problem:
    try:
        return env.get_template(page.template).render(page.context).encode("utf-8")
    except Exception as exc:
        return template_problem(exc, templates, page.url)


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
    names = [n for n in env.list_templates() if not n.startswith("static/")]
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
