"""`soteneg cms` and `soteneg serve --cms`: the browser editor's folder (its page, the
configuration editors/cms.py makes, and Decap's bundle) and scripts/cms/server.js, the
local backend that serves it on loopback and saves into the project.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

from soteneg.content.config import SiteConfig
from soteneg.content.loader import DataSet, Document
from soteneg.core.text import Text, say
from soteneg.editors.cms import configuration, render_config

# Decap's standalone bundle and the chunks it loads, from the npm install pinned in
# scripts/cms/package-lock.json (`make cms`).
NPM_FOLDER = Path(__file__).resolve().parents[2] / "scripts" / "cms"
BUNDLE = "decap-cms.js"


class CmsError(Exception):
    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


INDEX = """<!doctype html>
<html lang="{lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>{title}</title>
</head>
<body>
  <script src="{bundle}"></script>
</body>
</html>
"""


def bundle_files(npm_folder: Path = NPM_FOLDER) -> list[Path]:
    """Decap's bundle and the chunks it loads (not their source maps)."""
    dist = npm_folder / "node_modules" / "decap-cms" / "dist"
    main = dist / BUNDLE
    if not main.is_file():
        raise CmsError(say("@cms.not-installed", folder=str(npm_folder)))
    return [main, *sorted(dist.glob(f"*.{BUNDLE}"))]


def write_admin(
    out: Path,
    data: DataSet,
    documents: tuple[Document, ...],
    config: SiteConfig,
    repo: str | None = None,
    npm_folder: Path = NPM_FOLDER,
) -> dict[str, Any]:
    """The editor's page, its configuration and Decap's bundle, into `out`."""
    files = bundle_files(npm_folder)
    settings = configuration(data, documents, config, repo)
    out.mkdir(parents=True, exist_ok=True)
    for source in files:
        target = out / source.name
        if not target.exists() or target.stat().st_size != source.stat().st_size:
            shutil.copyfile(source, target)
    lang = config.default_lang
    title = say("@cms.title").in_(lang)
    (out / "index.html").write_text(
        INDEX.format(lang=lang, title=title, bundle=BUNDLE), encoding="utf-8"
    )
    (out / "config.yml").write_text(render_config(settings), encoding="utf-8")
    return settings


SERVER = "server.js"
_READY = "listening on "


class Server:
    """scripts/cms/server.js, running: the editor's page at `url` + "admin/" and the
    local backend that saves into the project."""

    def __init__(self, process: subprocess.Popen[str], url: str) -> None:
        self.process = process
        self.url = url

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_server(
    root: Path,
    admin: Path,
    host: str = "127.0.0.1",
    port: int = 0,
    npm_folder: Path = NPM_FOLDER,
    timeout: float = 30,
) -> Server:
    """Start the editor's server on loopback; its address once it listens."""
    node = shutil.which("node")
    if node is None:
        raise CmsError(say("@cms.node-missing"))
    bundle_files(npm_folder)  # installed, or say how
    env = {
        **os.environ,
        "SOTENEG_ROOT": str(root),
        "SOTENEG_ADMIN": str(admin),
        "SOTENEG_HOST": host,
        "SOTENEG_PORT": str(port),
    }
    process = subprocess.Popen(
        [node, str(npm_folder / SERVER)],
        stdin=subprocess.PIPE,  # closed when soteneg ends: the server ends with it
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=str(npm_folder),
    )
    assert process.stdout is not None
    said: list[str] = []
    found: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if not found and line.startswith(_READY):
                found.append(line[len(_READY) :].strip())
            elif not found:
                said.append(line)
        # Read on to the end, so that the server never blocks on a full pipe.

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    deadline = time.monotonic() + timeout
    while not found and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if not found:
        server = Server(process, "")
        server.stop()
        reader.join(timeout=5)
        raise CmsError(say("@cms.server-failed", said=" ".join("".join(said).split())[:500]))
    return Server(process, found[0])
