"""Hostile content through `soteneg build`: nothing an editor writes runs in a reader's
browser or reaches the output as markup; what cannot be escaped is a located problem."""

from __future__ import annotations

import os
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_site import GOLDEN_SITE, build, project

from soteneg.markdown.html import render
from soteneg.markdown.print_html import render_print

HOSTILE_BODY = """
<script>alert('raw')</script>
<img src=x onerror="alert('handler')">
<a href="javascript:alert('link-html')">html link</a>
[markdown js](javascript:alert('link-md')) and [vb](vbscript:msgbox(1))
[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
{{ config.__class__ }} {% for x in range(3) %}{{ x }}{% endfor %}
<iframe src="https://example.org"></iframe>
"""


def test_injection_is_escaped_or_refused(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    page = root / "content/sivut/tietoa.md"
    page.write_text(
        "---\ntitle: \"<script>alert('title')</script>\"\ntype: page\ndate: 2018-11-01\n"
        'summary: "{{ 7*7 }} <b onmouseover=alert(1)>x</b>"\n---\n' + HOSTILE_BODY
    )
    out = tmp_path / "out"
    result = build(root, out)
    assert result.returncode == 0, result.stdout
    html = (out / "sivut/tietoa/index.html").read_text()
    main = html.split('<main id="main"')[1]
    assert "<script>" not in main and "<iframe" not in main and "<img" not in main
    assert not re.search(r"<[^>]+\son\w+=", main), "no event handler attribute"
    assert 'href="javascript:' not in html and 'href="vbscript:' not in html
    assert 'href="data:' not in html
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html
    # Template syntax is text: shown as written, never evaluated.
    assert "{{ config." in html and "{% for x in range(3) %}{{ x }}{% endfor %}" in html
    assert "{{ 7*7 }}" in html
    assert "49" not in main
    # The same through the print HTML.
    pdf_html = render_print(HOSTILE_BODY, lambda h: h, "d1-")
    assert "<script>" not in pdf_html and "<iframe" not in pdf_html


def test_data_images_and_file_links_are_located_problems(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    page = root / "content/sivut/tietoa.md"
    page.write_text(
        page.read_text() + "\n![kuva](data:image/png;base64,iVBORw0KGgo=)\n"
        "[passwd](file:///etc/passwd) [ylös](../../../../etc/passwd.md)\n"
    )
    result = build(root, tmp_path / "out")
    assert result.returncode == 1
    assert "tietoa.md:9:9: error[remote-image]" in result.stdout
    # markdown-it never makes a link of file:, javascript: or vbscript: addresses: they
    # stay text. The path out of content/ is a located problem.
    assert "tietoa.md:10:37: error[link-outside-content]" in result.stdout
    assert not (tmp_path / "out").exists()


@settings(
    max_examples=int(os.environ.get("SOTENEG_FUZZ_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_rendering_any_markdown_never_raises_and_never_emits_script(body: str) -> None:
    for html in (render(body, lambda h: h, "/p/").html, render_print(body, lambda h: h, "p-")):
        assert "<script" not in html.lower()
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html, flags=re.I)
