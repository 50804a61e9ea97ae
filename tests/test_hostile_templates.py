"""Templates are untrusted input: they render in a sandbox, they are read from inside
templates/ only, and `check` finds what a build would refuse. Each test here is an
attack that worked before the sandbox (issue 24): a template ran a shell command in
`build` and in the preview, a symlink published .git/config, a FIFO hung the build.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import jinja2
import markupsafe
import pytest
from conftest import run_cli
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup
from test_serve import _get, _running, _until
from test_site import GOLDEN_SITE, build, project

from soteneg.site.pages.page import Page
from soteneg.site.render import environment, render_page
from soteneg.site.sandbox import SecurityError, escape_output, plain_call

# What an attacker writes: each reaches Python's `os` module from a template.
WRITTEN = "{{ cycler.__init__.__globals__.os.system('touch MARK') }}"
# The same with every name computed, so no reading of the template's text can see it:
# only the sandbox, at render time, stops it.
COMPUTED = (
    "{{ (cycler|attr('_' ~ '_init__')|attr('_' ~ '_globals__'))['o' ~ 's'].system('touch MARK') }}"
)


def _plant(root: Path, template: str, payload: str) -> Path:
    """`payload` on a line of its own after the first line of `template`; the marker
    file it would create is returned."""
    mark = root / "PWNED"
    path = root / "templates" / template
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(1, payload.replace("MARK", str(mark)))
    path.write_text("\n".join(lines), encoding="utf-8")
    return mark


@pytest.fixture
def golden(tmp_path: Path) -> Path:
    return project(tmp_path, GOLDEN_SITE)


# -- the sandbox -----------------------------------------------------------------------


def _chrome_like_context() -> dict[str, object]:
    """What pages pass: plain data and one bound method (the page's `t`)."""

    class Chrome:
        def t(self, key: str) -> str:
            return key.upper()

    return {"t": Chrome().t, "items": [{"label": "a"}, {"label": "b"}], "title": "Otsikko"}


ESCAPES = [
    "{{ cycler.__init__.__globals__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ t.__self__ }}",
    "{{ t.__func__.__globals__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ namespace.__init__ }}",
    "{{ cycler['__init__'] }}",
    "{{ cycler|attr('__init__') }}",
    "{{ '{0.__class__}'.format(title) }}",
    "{{ items.append(1) }}",
    "{{ items[0].clear() }}",
    "{{ 'x' * 10 ** 8 }}",
    "{{ 9 ** 999999999 }}",
    "{{ '%999999999d' % 1 }}",
    "{{ [1] * 2000000 }}",
]


@pytest.mark.parametrize("source", ESCAPES)
def test_the_sandbox_refuses_every_way_out(source: str, tmp_path: Path) -> None:
    env = environment(tmp_path, {"page.html": source})
    started = time.monotonic()
    with pytest.raises(SecurityError):
        env.get_template("page.html").render(_chrome_like_context())
    assert time.monotonic() - started < 10  # refused, not computed


def test_an_object_of_soteneg_is_not_readable_in_a_template(tmp_path: Path) -> None:
    """Pages pass plain data; anything else is refused, not explored."""
    env = environment(tmp_path, {"page.html": "{{ page.url }}"})
    page = Page("/x/", "page.html", {})
    with pytest.raises(SecurityError):
        env.get_template("page.html").render(page=page)


def test_what_templates_do_still_works(tmp_path: Path) -> None:
    source = (
        "{% set ns = namespace(n=0) %}{% for i in items %}{% set ns.n = ns.n + 1 %}"
        "{{ loop.index }}{{ i.label|upper }}{% endfor %}|{{ ns.n }}|{{ t('x') }}|"
        "{{ {'a': 1}.items()|list }}|{{ title.lower() }}|{{ 'ab' * 2 }}|{{ 2 ** 10 }}|"
        "{{ '%03d' % 7 }}|{{ range(3)|list }}|{{ '{0}'.format(title) }}"
        "{% macro m(x) %}<{{ x }}>{% endmacro %}{{ m(1) }}"
    )
    env = environment(tmp_path, {"page.txt": source})
    out = env.get_template("page.txt").render(_chrome_like_context())
    assert out == "1A2B|2|X|[('a', 1)]|otsikko|abab|1024|007|[0, 1, 2]|Otsikko<1>"


def test_a_dict_reads_as_in_jinjas_own_sandbox(tmp_path: Path) -> None:
    """The sandbox reads a dict's keys without asking getattr() first (a speed-up):
    what a template gets is what Jinja's own rule (attribute first, then key) gives."""
    source = (
        "{{ d.label }}|{{ d.missing is defined }}|{{ d.items is defined }}|"
        "{{ d.items()|list|length }}|{{ d.keys()|list|length }}|{{ d._own }}|"
        "{{ d.get('label') }}|{{ n.copy }}|{{ n.x }}"
    )
    context = {
        "d": {"label": "a", "items": "key", "keys": "key", "_own": "b"},
        "n": {"x": {"y": 1}, "copy": 2},
    }
    env = environment(tmp_path, {"page.txt": source})
    jinja = jinja2.sandbox.ImmutableSandboxedEnvironment(
        loader=jinja2.DictLoader({"page.txt": source})
    )
    ours = env.get_template("page.txt").render(context)
    assert ours == jinja.get_template("page.txt").render(context)
    assert ours.startswith("a|False|True|4|4|b|a|<built-in method copy")
    with pytest.raises(jinja2.UndefinedError):
        environment(tmp_path, {"m.txt": "{{ d.missing }}"}).get_template("m.txt").render(context)
    with pytest.raises(SecurityError):
        environment(tmp_path, {"c.txt": "{{ d.__class__ }}"}).get_template("c.txt").render(context)


class _Html:
    def __html__(self) -> str:
        return "<b>safe</b>"


class _Text(str):
    pass


# Every place a template writes a value: plain output, a loop, an `if` expression, a
# macro and its caller, a `set` block, a filter block, an include, an autoescape block
# turned off and on, and values of each kind (str, Markup, numbers, None, lists, an
# object with __html__, a str subclass).
_WRITES = {
    "page.html": (
        "{{ s }}|{{ m }}|{{ n }}|{{ f }}|{{ none }}|{{ items }}|{{ h }}|{{ sub }}|"
        "{% for x in items %}[{{ x }}]{% endfor %}|{{ s if n else m }}|"
        "{% macro box(v) %}<{{ v }}>{% endmacro %}{{ box(s) }}{{ box(m) }}"
        "{% macro wrap(v) %}<{{ v }}{{ caller() }}>{% endmacro %}"
        "{% call wrap(m) %}{{ s }}{% endcall %}|"
        "{% set block %}{{ s }}{{ m }}{% endset %}{{ block }}{{ block|length }}|"
        "{% filter upper %}{{ s }}{% endfilter %}|{% include 'part.html' %}|"
        "{% autoescape false %}{{ s }}{% endautoescape %}"
        "{% autoescape true %}{{ s }}{% endautoescape %}|{{ s ~ m }}|{{ (s|e) ~ m }}"
    ),
    "part.html": "{{ s }}{{ m }}{{ h }}",
    "feed.xml": "<t>{{ s }}{{ m }}</t>",
    "plain.txt": "{{ s }}{{ m }}",
}
_VALUES = {
    "s": "<a href=\"x\">'&'</a> å",
    "m": Markup("<i>kept</i>"),
    "n": 7,
    "f": 1.5,
    "none": None,
    "items": ["<x>", Markup("<y>"), 3],
    "h": _Html(),
    "sub": _Text("<sub>"),
}


def test_values_are_written_as_in_jinjas_own_sandbox(tmp_path: Path) -> None:
    """Templates write values with escape_output (a speed-up: no Markup is made of each
    value written): every page is what Jinja's own sandbox writes, in every place a
    template writes something."""
    env = environment(tmp_path, _WRITES)
    jinja = jinja2.sandbox.ImmutableSandboxedEnvironment(
        loader=jinja2.DictLoader(_WRITES),
        autoescape=jinja2.select_autoescape(("html", "xml")),
        undefined=jinja2.StrictUndefined,
    )
    for name in ("page.html", "feed.xml", "plain.txt"):
        ours = env.get_template(name).render(_VALUES)
        assert ours == jinja.get_template(name).render(_VALUES), name
        assert env.get_template(name).root_render_func.__globals__["escape"] is escape_output
    assert "&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt; å|<i>kept</i>|7|1.5|None|" in (
        env.get_template("page.html").render(_VALUES)
    )
    with pytest.raises(jinja2.UndefinedError):
        environment(tmp_path, {"u.html": "{{ missing }}"}).get_template("u.html").render()


@given(st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.text().map(Markup)))
def test_escape_output_writes_what_markupsafe_escape_writes(value: object) -> None:
    assert escape_output(value) == str(markupsafe.escape(value))


class _Words:
    @plain_call
    def t(self, key: str, **values: object) -> str:
        if key == "stop":
            raise StopIteration
        return f"<{key}>" + ",".join(f"{k}={v}" for k, v in sorted(values.items()))

    def other(self, key: str) -> str:
        return key


_CALLS = {
    "page.html": (
        "{{ t('a') }}|{{ t('b', n=1) }}|{% for x in [1, 2] %}{{ t('c', n=x) }}{% endfor %}|"
        "{% macro m(k) %}{{ t(k) }}{% endmacro %}{{ m('d') }}|{% block b %}{{ t('e') }}"
        "{% endblock %}|{{ other('f') }}|{{ t('stop') is defined }}"
    ),
}


def test_a_plain_call_is_what_jinjas_own_sandbox_calls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page's `t` (marked plain_call) is called without Jinja's questions (a speed-up):
    what a template gets from it, in loops, macros and blocks, with keywords and when it
    raises StopIteration, is what Jinja's own sandbox gets; an unmarked method still goes
    Jinja's way."""
    words = _Words()
    context = {"t": words.t, "other": words.other}
    jinja = jinja2.sandbox.ImmutableSandboxedEnvironment(
        loader=jinja2.DictLoader(_CALLS), autoescape=True, undefined=jinja2.StrictUndefined
    )
    expected = jinja.get_template("page.html").render(context)
    asked: list[object] = []
    jinjas = jinja2.sandbox.SandboxedEnvironment.call

    def counted(self: object, context: object, obj: object, *a: object, **k: object) -> object:
        asked.append(obj)
        return jinjas(self, context, obj, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.sandbox.SandboxedEnvironment, "call", counted)
    ours = environment(tmp_path, _CALLS).get_template("page.html").render(context)
    assert ours == expected
    assert ours.startswith("&lt;a&gt;|&lt;b&gt;n=1|&lt;c&gt;n=1&lt;c&gt;n=2|&lt;d&gt;|")
    assert ours.endswith("|f|False")
    assert words.t not in asked and words.other in asked
    with pytest.raises(TypeError):
        plain_call(jinja2.pass_context(lambda context: ""))


def test_a_refusal_names_the_template_and_line(tmp_path: Path) -> None:
    env = environment(tmp_path, {"base.html": "x\ny\n{{ t.__self__ }}\n"})
    found = render_page(env, Page("/a/", "base.html", _chrome_like_context()))
    assert not isinstance(found, bytes)
    assert (found.file, found.line, found.code) == ("templates/base.html", 3, "template-unsafe")


# -- check and build through the command line ------------------------------------------


def test_a_template_that_reaches_for_os_fails_check_where_it_is_written(golden: Path) -> None:
    mark = _plant(golden, "round.html", WRITTEN)
    result = run_cli("check", "--root", golden, "--no-pdf")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "templates/round.html:2: error[template-unsafe]: the template reads '__init__'" in (
        result.stdout
    )
    assert "Traceback" not in result.stdout + result.stderr
    assert not mark.exists()


@pytest.mark.parametrize("payload", [WRITTEN, COMPUTED], ids=["written", "computed"])
def test_a_build_runs_nothing_and_publishes_nothing(
    golden: Path, tmp_path: Path, payload: str
) -> None:
    mark = _plant(golden, "base.html", payload)
    out = tmp_path / "out"
    result = build(golden, out)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "templates/base.html:2: error[template-unsafe]" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert not mark.exists()
    assert not out.exists()


def test_a_print_template_runs_nothing_either(golden: Path, tmp_path: Path) -> None:
    mark = _plant(golden, "print/packet.html", COMPUTED)
    result = build(golden, tmp_path / "out", pdf=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "templates/print/packet.html:2: error[template-unsafe]" in result.stdout
    assert not mark.exists()


def test_the_preview_runs_nothing_and_shows_the_problem(golden: Path, tmp_path: Path) -> None:
    mark = _plant(golden, "base.html", COMPUTED)
    with _running(golden, tmp_path) as running:
        status, body = _get(running.base)
        assert "template-unsafe" in body and "templates/base.html" in body
        # Fixed, the same preview builds again: it was the template, not the preview.
        path = golden / "templates/base.html"
        lines = path.read_text(encoding="utf-8").split("\n")
        path.write_text("\n".join(lines[:1] + lines[2:]), encoding="utf-8")
        status, body = _until(running.base, lambda s, b: s == 200 and "template-unsafe" not in b)
        assert status == 200
    assert not mark.exists()


@pytest.mark.parametrize(
    ("source", "code", "words"),
    [
        ("{% if %}", "template-error", "the template has an error"),
        ("{{ title|no_such_filter }}", "template-error", "No filter named 'no_such_filter'"),
        ('{% include "partials/ei-ole.html" %}', "template-missing", "'partials/ei-ole.html'"),
    ],
)
def test_check_compiles_every_template(golden: Path, source: str, code: str, words: str) -> None:
    """Before, `check` (and with it the pre-commit hook) passed these; only `build`
    stopped at them."""
    path = golden / "templates/home.html"
    lines = path.read_text(encoding="utf-8").split("\n")
    line = lines.index("{% block main %}") + 2
    lines.insert(line - 1, source)
    path.write_text("\n".join(lines), encoding="utf-8")
    result = run_cli("check", "--root", golden, "--no-pdf")
    assert result.returncode == 1, result.stdout
    assert f"templates/home.html:{line}: error[{code}]" in result.stdout
    assert words in result.stdout


# -- templates/ is confined like content/ ----------------------------------------------


def _secret(root: Path) -> str:
    (root / ".git").mkdir(exist_ok=True)
    token = "ghs_SALAINEN0123456789"
    (root / ".git" / "config").write_text(f'[http]\n\textraheader = "{token}"\n')
    (root / ".env").write_text(f"TOKEN={token}\n")
    return token


def _published(out: Path, secret: str) -> list[str]:
    if not out.exists():
        return []
    return [
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file() and secret.encode() in p.read_bytes()
    ]


@pytest.mark.parametrize(
    ("template", "target"),
    [("robots.txt", "../.git/config"), ("partials/contacts.html", "../../.env")],
)
def test_a_template_linked_to_a_secret_publishes_nothing(
    golden: Path, tmp_path: Path, template: str, target: str
) -> None:
    secret = _secret(golden)
    link = golden / "templates" / template
    link.unlink()
    link.symlink_to(target)
    result = run_cli("check", "--root", golden, "--no-pdf")
    assert result.returncode == 1
    assert f"templates/{template}:1:1: error[outside-project]" in result.stdout
    out = tmp_path / "out"
    result = build(golden, out)
    assert result.returncode == 1
    assert f"templates/{template}:1:1: error[outside-project]" in result.stdout
    assert _published(out, secret) == []


def test_a_static_file_linked_out_is_refused(golden: Path, tmp_path: Path) -> None:
    secret = _secret(golden)
    (golden / "templates/static/config.txt").symlink_to("../../.git/config")
    out = tmp_path / "out"
    result = build(golden, out)
    assert result.returncode == 1
    assert "templates/static/config.txt:1:1: error[outside-project]" in result.stdout
    assert _published(out, secret) == []


def test_a_print_template_cannot_embed_a_file_from_outside_content_and_templates(
    golden: Path, tmp_path: Path
) -> None:
    """WeasyPrint embeds `<link rel="attachment">` in the PDF: the fetcher served any
    file of the project before, .git/config and site.yaml included."""
    secret = _secret(golden)
    path = golden / "templates/print/packet.html"
    text = path.read_text(encoding="utf-8")
    attach = '<link rel="attachment" href=".git/config"><link rel="attachment" href=".env">'
    path.write_text(text.replace("</head>", attach + "</head>", 1), encoding="utf-8")
    out = tmp_path / "out"
    result = build(golden, out, pdf=True)
    assert result.returncode == 1, result.stdout
    assert "error[refused-fetch]" in result.stdout and ".git/config" in result.stdout
    assert _published(out, secret) == []


def test_links_inside_templates_work_and_never_leave_a_build_stale(
    golden: Path, tmp_path: Path
) -> None:
    """A template may be a link to another file inside templates/. What is stamped is
    what is rendered: editing the file behind the link makes the page again."""
    templates = golden / "templates"
    (templates / "variants").mkdir()
    shutil.move(templates / "round.html", templates / "variants/round.html")
    (templates / "round.html").symlink_to("variants/round.html")
    out = tmp_path / "out"
    assert build(golden, out).returncode == 0
    page = out / "kierrokset/2018-syksy/index.html"
    assert "VAIHTOEHTO" not in page.read_text(encoding="utf-8")
    target = templates / "variants/round.html"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("{% block main %}", "{% block main %}VAIHTOEHTO", 1))
    result = build(golden, out)
    assert result.returncode == 0, result.stdout
    assert "VAIHTOEHTO" in page.read_text(encoding="utf-8")


def test_a_folder_link_in_templates_is_a_problem_not_a_stale_build(
    golden: Path, tmp_path: Path
) -> None:
    """Rendering followed a linked folder while the build's stamps did not look into it,
    so an edit there was never seen. Such a folder is now refused outright."""
    elsewhere = tmp_path / "elsewhere"
    shutil.move(golden / "templates/partials", elsewhere)
    (golden / "templates/partials").symlink_to(elsewhere)
    result = run_cli("check", "--root", golden, "--no-pdf")
    assert result.returncode == 1
    assert "templates/partials:1:1: error[unreadable]: this folder is a link" in result.stdout


@pytest.mark.parametrize("where", ["static/tyyli.css", "extra.html"])
def test_a_fifo_in_templates_is_refused_not_waited_on(
    golden: Path, tmp_path: Path, where: str
) -> None:
    os.mkfifo(golden / "templates" / where)
    for command in ("check", "build"):
        args = ("--out", str(tmp_path / "out")) if command == "build" else ()
        result = run_cli(command, "--root", golden, "--no-pdf", *args, timeout=60)
        assert result.returncode == 1, result.stdout + result.stderr
        expected = f"templates/{where}:1:1: error[unreadable]: this is not a regular file"
        assert expected in result.stdout


def test_an_unreadable_static_file_is_blamed_on_itself(golden: Path, tmp_path: Path) -> None:
    """Before, the build stopped with an output-error naming the output folder."""
    (golden / "templates/static/loop.css").symlink_to("loop.css")
    result = build(golden, tmp_path / "out")
    assert result.returncode == 1
    assert "templates/static/loop.css:1:1: error[unreadable]: this link cannot be followed" in (
        result.stdout
    )
    assert "output-error" not in result.stdout


def test_templates_itself_a_link_is_refused(golden: Path, tmp_path: Path) -> None:
    real = tmp_path / "real-templates"
    shutil.move(golden / "templates", real)
    (golden / "templates").symlink_to(real)
    result = run_cli("check", "--root", golden, "--no-pdf")
    assert result.returncode == 1
    assert "templates:1:1: error[outside-project]: templates/ is a link" in result.stdout


def test_the_loader_reads_nothing_from_disk(tmp_path: Path) -> None:
    """Templates come from what the build read and checked, never from Jinja's own reads:
    a file added behind the build's back is not a template."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "late.html").write_text("late")
    env = environment(tmp_path, {"a.html": "{% include 'late.html' %}"})
    with pytest.raises(jinja2.TemplateNotFound):
        env.get_template("a.html").render()


# -- a page's rendering is bounded in time and memory ------------------------------------


@pytest.mark.parametrize(
    ("source", "what"),
    [
        # A macro that calls itself twice: 2⁴⁰ calls.
        (
            "{% macro m(n) %}{% if n %}{{ m(n-1) }}{{ m(n-1) }}{% endif %}{% endmacro %}"
            "{{ m(40) }}",
            "time",
        ),
        # `~` is no operator the sandbox can intercept: doubling a string grows it past any
        # memory (2 GB in five seconds when the reviewer tried it).
        (
            "{% set ns = namespace(s='x' * 999999) %}{% for i in range(16) %}"
            "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
            "memory",
        ),
    ],
    ids=["exponential-macro", "doubling-string"],
)
def test_a_page_that_takes_too_long_or_too_much_is_stopped(
    source: str, what: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from soteneg.site import render_budget

    monkeypatch.setattr(render_budget, "SECONDS", 2.0)
    monkeypatch.setattr(render_budget, "GROWTH_MIB", 300)
    env = environment(tmp_path, {"robots.txt": source})
    started = time.monotonic()
    found = render_page(env, Page("/robots.txt", "robots.txt", {}))
    assert time.monotonic() - started < 30
    assert not isinstance(found, bytes)
    assert found.code == "template-too-costly" and found.file == "templates/robots.txt"
    assert ("seconds" if what == "time" else "MiB") in found.text.en


def test_the_budget_stops_a_page_once() -> None:
    # Jinja's rewrite of a template's traceback can take longer than a tick on a loaded
    # machine; a second raise inside it would lose the template's file and line.
    from soteneg.site.render_budget import TICK, BudgetExceeded, bounded

    again: list[BudgetExceeded] = []
    with pytest.raises(BudgetExceeded, match="time"), bounded(seconds=0.05):
        try:
            while True:
                pass
        except BudgetExceeded:
            handled_until = time.monotonic() + 5 * TICK
            try:
                while time.monotonic() < handled_until:
                    pass
            except BudgetExceeded as second:
                again.append(second)
            raise
    assert again == []


def test_the_budget_leaves_no_timer_behind(tmp_path: Path) -> None:
    import signal

    env = environment(tmp_path, {"a.txt": "{{ 'a' }}"})
    before = signal.getsignal(signal.SIGALRM)
    assert render_page(env, Page("/a.txt", "a.txt", {})) == b"a"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before
