"""The preview server, started for real on a free loopback port: edits appear, problems
are shown over the page and go away when fixed, and it stays up through all of it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import browser
from conftest import REPO
from test_site import GOLDEN_SITE, project

DOC = "content/kierrokset/2018-syksy/uusimaa.md"
PAGE = "kierrokset/2018-syksy/uusimaa/"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", "replace")


def _until(url: str, predicate, timeout: float = 15) -> tuple[int, str]:
    deadline = time.monotonic() + timeout
    while True:
        status, body = _get(url)
        if predicate(status, body) or time.monotonic() > deadline:
            return status, body
        time.sleep(0.1)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen[str]]]:
    root = project(tmp_path, GOLDEN_SITE)
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "soteneg", "serve", "--root", str(root), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1543500000", "COLUMNS": "200"},
    )
    base = f"http://127.0.0.1:{port}/"
    assert process.stdout is not None
    deadline = time.monotonic() + 60
    for line in process.stdout:
        if "preview at" in line or time.monotonic() > deadline:
            break
    try:
        yield root, base, process
    finally:
        process.terminate()
        process.wait(timeout=10)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_serves_drafts_marked_and_pdfs_on_request(server) -> None:
    _, base, _ = server
    status, body = _get(base + PAGE)
    assert status == 200 and "Uusimaa, syksy 2018" in body
    assert "livereload" in body  # the browser listens for reloads
    status, draft = _get(base + "kierrokset/2018-syksy/luonnos/")
    assert status == 200 and "Luonnos – ei julkaistu" in draft
    with urllib.request.urlopen(base + "pdf/2018-syksy/uusimaa.pdf", timeout=60) as response:
        assert response.headers["Content-Type"] == "application/pdf"
        assert response.read().startswith(b"%PDF-")
    assert _get(base + "ei-ole/")[0] == 404
    assert _get(base + "pdf/ei-ole.pdf")[0] == 404


def test_edit_break_fix_and_template_error(server) -> None:
    root, base, process = server
    doc = root / DOC
    _edit(doc, "lähes kaikkialla", "melkein kaikkialla")
    status, body = _until(base + PAGE, lambda s, b: "melkein" in b)
    assert status == 200 and "melkein kaikkialla" in body

    _edit(doc, "region: uusimaa", "region: uusima")
    status, body = _until(base + PAGE, lambda s, b: s == 500)
    assert status == 500
    assert "Sisällössä on virheitä" in body
    assert "content/kierrokset/2018-syksy/uusimaa.md, rivi 5" in body
    assert "region &#x27;uusima&#x27; is not defined" in body
    assert "region: uusima</span>" in body  # the source line, marked
    status, body = _get(base + "sv/" + PAGE)
    assert "Innehållet har fel" in body  # in the editor's language

    _edit(doc, "region: uusima\n", "region: uusimaa\n")
    status, body = _until(base + PAGE, lambda s, b: s == 200)
    assert status == 200 and "melkein kaikkialla" in body

    template = root / "templates/document.html"
    _edit(template, "{{ doc.title }}</h1>", "{{ doc.no_such_thing }}</h1>")
    status, body = _until(base + PAGE, lambda s, b: s == 500)
    assert "templates/document.html" in body and "template-error" in body
    _edit(template, "{{ doc.no_such_thing }}</h1>", "{{ doc.title }}</h1>")
    status, _ = _until(base + PAGE, lambda s, b: s == 200)
    assert status == 200
    assert process.poll() is None, "the server is still running"


def test_an_open_browser_tab_reloads_by_itself(server) -> None:
    root, base, _ = server
    with browser() as chromium:
        page = chromium.new_page()
        page.goto(base + PAGE)
        page.wait_for_timeout(500)  # the livereload script connects
        _edit(root / DOC, "Syksyn neuvottelu.", "Syksyn neuvottelu, päivitetty.")
        page.wait_for_selector("text=Syksyn neuvottelu, päivitetty.", timeout=15000)


def test_refuses_to_listen_beyond_loopback_unless_asked() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "soteneg", "serve", "--root", str(REPO), "--host", "0.0.0.0"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "loopback only unless you also pass --public" in result.stderr
