"""The editors' guides work: every command of each guide, in its order, on a fresh copy
of the project, from `make install` to `git push`.

The copy is the project's files as a clone has them, with the tested environment in
place of the one `make install` would make (its `.venv/` and the browser editor's npm
folder, linked, with the times that tell make they are up to date, so `make install`
runs and finds nothing to do). Between the commands the test does what the guide tells
the editor to do by hand: write the text in place of the bracketed lines, look at the
preview, delete `draft: true`.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import urllib.request
from pathlib import Path

import pytest
from conftest import REPO
from test_cms import require_cms

GUIDES = [REPO / "docs" / name for name in ("editors.md", "editors.fi.md", "editors.sv.md")]
SHELL = re.compile(r"^```sh\n(.*?)^```", re.M | re.S)
DOC = "content/kierrokset/2018-syksy/keski-suomi.md"
NEW = ".venv/bin/soteneg new negotiation --round 2018-syksy --region keski-suomi"


def commands(guide: Path) -> list[str]:
    found = []
    for block in SHELL.findall(guide.read_text(encoding="utf-8")):
        found += [line for line in block.splitlines() if line.strip()]
    return found


def _fresh_copy(tmp_path: Path) -> Path:
    """The project as `git clone` gives it, its files' times kept."""
    root = tmp_path / "soteneg"
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True
    ).stdout.decode()
    for rel in filter(None, listed.split("\0")):
        source = REPO / rel
        if source.is_file():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / rel, follow_symlinks=False)
    (root / ".venv").symlink_to(REPO / ".venv")
    (root / "scripts/cms/node_modules").symlink_to(REPO / "scripts/cms/node_modules")
    return root


def _env(tmp_path: Path, port: int) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return {
        **os.environ,
        "HOME": str(home),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "Toimittaja",
        "GIT_AUTHOR_EMAIL": "toimittaja@example.fi",
        "GIT_COMMITTER_NAME": "Toimittaja",
        "GIT_COMMITTER_EMAIL": "toimittaja@example.fi",
        "GIT_CONFIG_NOSYSTEM": "1",
        "PORT": str(port),  # make serve's port: 8000 may be taken on a shared machine
        "COLUMNS": "200",
    }


def _git(root: Path, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _write_the_text(root: Path) -> None:
    """What the editor does in a text editor: the text in place of the bracketed lines."""
    path = root / DOC
    text = path.read_text(encoding="utf-8")
    filled, count = re.subn(
        r"(?m)^\[Kirjoita tähän teemaa ”([^”]+)” koskeva teksti\.\]$",
        r"Keski-Suomen näkymät teemasta \1.",
        text,
    )
    assert count == 5, text
    path.write_text(filled, encoding="utf-8")


def _publishable(root: Path) -> None:
    path = root / DOC
    text = path.read_text(encoding="utf-8")
    assert "\ndraft: true\n" in text
    path.write_text(text.replace("\ndraft: true\n", "\n"), encoding="utf-8")


def _preview(root: Path, env: dict[str, str], port: int) -> None:
    """`make serve`: the new document in the preview, and the browser editor beside it;
    then Ctrl+C."""
    process = subprocess.Popen(
        ["make", "serve"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    said: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            said.append(line)
            if f"http://127.0.0.1:{port}/" in line:
                ready.set()
        ready.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        assert ready.wait(180), "".join(said)
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/kierrokset/2018-syksy/keski-suomi/", timeout=60
        ) as page:
            assert "Keski-Suomi – harjoitusneuvottelu, syksy 2018" in page.read().decode()
        editor = re.search(r"http://127\.0\.0\.1:\d+/admin/", "".join(said))
        assert editor, "".join(said)
        with urllib.request.urlopen(editor.group(0), timeout=60) as page:
            assert b"decap-cms.js" in page.read()
    finally:
        os.killpg(process.pid, signal.SIGINT)  # Ctrl+C
        process.wait(timeout=60)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_walk_is_in_every_guide() -> None:
    """The test below does the editor's part at these commands: they must be there."""
    for guide in GUIDES:
        found = commands(guide)
        assert found[:3] == ["make install", "make hooks", NEW], guide.name
        assert "make serve" in found and ".venv/bin/soteneg build" in found, guide.name
        assert found.index("make serve") < found.index(".venv/bin/soteneg build"), guide.name
        assert any(c.startswith("git push") for c in found), guide.name
        assert not [c for c in found if c.startswith("soteneg ")], "soteneg is .venv/bin/soteneg"


@pytest.mark.parametrize("guide", GUIDES, ids=[g.name for g in GUIDES])
def test_every_command_of_the_guide_runs_on_a_fresh_copy(guide: Path, tmp_path: Path) -> None:
    require_cms()
    root = _fresh_copy(tmp_path)
    port = _free_port()
    env = _env(tmp_path, port)
    origin = tmp_path / "origin.git"
    _git(tmp_path, env, "init", "--quiet", "--bare", "--initial-branch=main", str(origin))
    _git(root, env, "init", "--quiet", "--initial-branch=main")
    _git(root, env, "add", "--all")
    _git(root, env, "commit", "--quiet", "-m", "the project as cloned")
    _git(root, env, "remote", "add", "origin", str(origin))
    for command in commands(guide):
        if command == "make serve":
            _preview(root, env, port)
            _publishable(root)  # "When the text is ready, delete the line draft: true."
            continue
        done = subprocess.run(
            ["bash", "-c", command], cwd=root, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, f"{command}\n{done.stdout}{done.stderr}"
        if command == NEW:
            assert DOC in done.stdout
            _write_the_text(root)
    site = root / "_site"
    for rel in (
        "kierrokset/2018-syksy/keski-suomi/index.html",
        "kierrokset/2018-syksy/keski-suomi.pdf",
        "pdf/2018-syksy/keski-suomi.pdf",
        "pdf/2018-syksy.pdf",
    ):
        assert (site / rel).is_file(), rel
    pushed = _git(origin, env, "show", "--stat", "keski-suomi-2018-syksy", "--format=%s")
    assert "Keski-Suomen neuvotteluasiakirja, syksy 2018" in pushed and DOC in pushed
    assert (root / ".git/hooks/pre-commit").is_file()
    final = subprocess.run(
        [".venv/bin/soteneg", "check", "--no-pdf", "--lang", "en"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert final.returncode == 0, final.stdout
