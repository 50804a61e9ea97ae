"""The browser editor (Decap CMS): its configuration made from the content model, its
server's guards, and documents made and edited through it in Chromium.

A document made in the browser passes `check` as it is saved; a document edited there
keeps its body byte for byte, and front matter that `soteneg new` wrote changes only
where the editor changed it, since `new` writes front matter as Decap does (the last is
checked against Decap's own YAML writer, run by node).
"""

from __future__ import annotations

import difflib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from browser import ARGS, CHROMIUM, require_chromium
from conftest import BUNDLED_WARNING_FILE, REPO, bundled_copy, run_cli

from soteneg.content.front_matter import DOCUMENT_MODELS
from soteneg.editors import cms, cms_admin
from soteneg.editors.frontmatter import front_matter

NPM = REPO / "scripts" / "cms"
NEW_DOC = "content/kierrokset/2018-syksy/keski-suomi.md"


def require_cms() -> None:
    """Skip without node and Decap on a developer's machine; in CI, fail loudly."""
    if shutil.which("node") and (NPM / "node_modules" / "decap-cms" / "dist").is_dir():
        return
    if os.environ.get("CI"):
        raise RuntimeError("node and Decap CMS are required in CI (make cms installs Decap)")
    pytest.skip("node or Decap CMS is not installed: run `make cms`")


# --- the configuration -------------------------------------------------------------


def _config(root: Path, out: Path) -> dict:
    require_cms()
    result = run_cli("cms", "--root", root, "--out", out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == f"wrote the editor into {out}/: 5 collections"
    return json.loads((out / "config.yml").read_text(encoding="utf-8"))


def test_one_collection_per_type_with_the_model_s_fields(tmp_path: Path) -> None:
    settings = _config(bundled_copy(tmp_path), tmp_path / "admin")
    by_name = {c["name"]: c for c in settings["collections"]}
    assert list(by_name) == list(DOCUMENT_MODELS)
    negotiation = by_name["negotiation"]
    names = [f["name"] for f in negotiation["fields"]]
    # The order `soteneg new` writes, then the model's other fields, then the body.
    assert names[:9] == [
        "title", "type", "date", "lang", "region", "round", "themes", "translation_of", "draft",
    ]  # fmt: skip
    assert set(names) == {*DOCUMENT_MODELS["negotiation"].model_fields, "body"}
    fields = {f["name"]: f for f in negotiation["fields"]}
    assert fields["type"] == {
        "label": "type", "name": "type", "widget": "hidden", "default": "negotiation",
    }  # fmt: skip
    regions = [o["value"] for o in fields["region"]["options"]]
    assert "keski-suomi" in regions and "lappi-hva" in regions
    assert {"label": "Keski-Suomi (keski-suomi)", "value": "keski-suomi"} in fields["region"][
        "options"
    ]
    assert fields["themes"]["multiple"] is True
    assert [o["value"] for o in fields["round"]["options"]] == [
        "2018-kevat",
        "2018-syksy",
        "2024-hva",
        "2025-hva",
    ]
    assert fields["contacts"]["widget"] == "select"
    # The statutory fields (issue 25): recommendations and follow-ups as lists of
    # objects, in the editor's words; the meeting kept as the file has it.
    assert fields["recommendations"]["label"] == "Toimenpidesuositukset"
    assert [f["name"] for f in fields["recommendations"]["fields"]] == [
        "id", "theme", "text", "addressee", "deadline",
    ]  # fmt: skip
    assert [o["value"] for o in fields["follow_up"]["fields"][1]["options"]] == [
        "done", "under_way", "not_started", "dropped",
    ]  # fmt: skip
    assert fields["meeting"]["widget"] == "hidden"
    # Issue 27: corrections and withdrawal on the form; a public version's original and
    # ground in the file (an optional object with required fields would block publishing).
    assert fields["changes"]["widget"] == "list"
    assert fields["public_version_of"]["widget"] == "hidden"
    assert fields["draft"] == {
        "label": "Luonnos", "name": "draft", "widget": "boolean", "required": False,
        "hint": "Luonnosta ei julkaista. Poista valinta, kun asiakirja on valmis.",
        "default": True,
    }  # fmt: skip
    assert fields["original_version"]["widget"] == "hidden"
    assert fields["attachments"]["widget"] == "list"
    assert [f["name"] for f in fields["attachments"]["fields"]] == ["file", "title", "description"]
    assert fields["body"]["widget"] == "markdown" and fields["body"]["modes"] == ["raw"]
    # Folders and file names as `new` makes them.
    assert (negotiation["folder"], negotiation["path"]) == (
        "content/kierrokset",
        "{{round}}/{{region}}",
    )
    assert by_name["assessment"]["path"] == "{{round}}/arviot/{{region}}"
    assert by_name["summary"]["path"] == "{{round}}/yhteenveto"
    assert by_name["news"]["slug"] == "{{date}}-{{slug}}"
    assert by_name["page"]["folder"] == "content/sivut"
    assert settings["backend"] == {"name": "proxy", "proxy_url": "/api/v1", "branch": "main"}


def test_keeping_versions_is_a_choice_not_a_constant() -> None:
    """`versions` takes one value or none: a select the editor may leave empty, not a
    hidden field that would write `versions: keep` into every document begun here."""
    from soteneg import pipeline

    content = pipeline.check(REPO, pdf=False).content
    assert content.config is not None
    settings = cms.configuration(content.data, content.documents, content.config)
    for collection in settings["collections"]:
        fields = {f["name"]: f for f in collection["fields"]}
        assert fields["versions"] == {
            "label": "Aiemmat versiot", "name": "versions", "widget": "select",
            "options": [{"label": "keep", "value": "keep"}], "required": False,
            "hint": "keep: aiemmat commitoidut versiot pysyvät luettavina sivustolla omissa "
            "osoitteissaan.",
        }  # fmt: skip


def test_the_editor_is_written_with_its_bundle(tmp_path: Path) -> None:
    out = tmp_path / "admin"
    _config(bundled_copy(tmp_path), out)
    page = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fi">' in page and '<script src="decap-cms.js"></script>' in page
    assert (out / "decap-cms.js").stat().st_size > 1_000_000
    github = run_cli(
        "cms", "--root", bundled_copy(tmp_path / "b"), "--out", tmp_path / "gh",
        "--github", "stm/soteneg",
    )  # fmt: skip
    assert github.returncode == 0
    settings = json.loads((tmp_path / "gh" / "config.yml").read_text())
    assert settings["backend"] == {"name": "github", "repo": "stm/soteneg", "branch": "main"}


# --- front matter as Decap writes it -----------------------------------------------


def _decap_writes(pairs: list[list[object]]) -> str:
    result = subprocess.run(
        ["node", str(NPM / "frontmatter.js")],
        input=json.dumps(pairs),
        capture_output=True,
        text=True,
        check=True,
        cwd=NPM,
    )
    return result.stdout


def test_new_writes_front_matter_as_the_browser_editor_does() -> None:
    """Decap's own YAML writer (the `yaml` library it bundles) and ours, on titles,
    summaries and ids of every shape: quoting, YAML 1.2's non-strings, folding at 80."""
    require_cms()
    rng = random.Random(26)
    alphabet = "ab :#-'\"[]{}!&*?,.|>%@`äöå€”–\t0123456789"
    values = [
        "Uusimaa – harjoitusneuvottelu, syksy 2018",
        "THL:n arvio: Uusimaa, syksy 2018",
        "[Otsikko]",
        "yes",
        "2018-10-15",
        "1.5e3",
        "Lapin syksyn harjoitusneuvottelussa jatketaan kevään keskustelua "
        "saavutettavuudesta ja käsitellään talouden ja yhdyspintojen kysymyksiä.",
        *("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 130))) for _ in range(400)),
    ]
    pairs = []
    for n, value in enumerate(values):
        pairs += [[f"k{n}", value], [f"l{n}", [value, "tilannekuva"]]]
    pairs += [["draft", True], ["themes", []], ["date", "2018-11-30"]]
    assert front_matter([(k, v) for k, v in pairs]) == _decap_writes(pairs)


# --- the server ----------------------------------------------------------------------


@contextmanager
def _editor(root: Path, tmp_path: Path) -> Iterator[str]:
    """The editor's server for `root`, as `soteneg serve --cms` starts it; its address."""
    require_cms()
    from soteneg import pipeline

    checked = pipeline.check(root, pdf=False)
    assert checked.content.config is not None
    admin = tmp_path / "admin"
    content = checked.content
    cms_admin.write_admin(admin, content.data, content.documents, content.config)
    server = cms_admin.start_server(root, admin)
    try:
        yield server.url
    finally:
        server.stop()


def _post(url: str, body: dict, host: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(
        url + "api/v1",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **({"Host": host} if host else {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def test_the_server_answers_only_its_own_address_and_only_for_content(tmp_path: Path) -> None:
    root = bundled_copy(tmp_path)
    with _editor(root, tmp_path) as url:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", url)
        read = {"action": "getEntry", "params": {"branch": "main", "path": NEW_DOC}}
        lappi = {"action": "getEntry", "params": {"branch": "main", "path": NEW_DOC}}
        lappi["params"]["path"] = "content/kierrokset/2018-syksy/lappi.md"
        status, body = _post(url, lappi)
        assert status == 200 and "Lappi – harjoitusneuvottelu" in body
        # A page elsewhere that made its own name resolve here (DNS rebinding).
        assert _post(url, lappi, host="evil.example:80")[0] == 421
        for path in ("site.yaml", ".git/hooks/pre-commit", "content/../site.yaml"):
            read["params"]["path"] = path
            assert _post(url, read)[0] == 403, path
        write = {
            "action": "persistEntry",
            "params": {
                "branch": "main",
                "dataFiles": [{"slug": "x", "path": "templates/base.html", "raw": "x"}],
                "assets": [],
                "options": {"commitMessage": "x", "useWorkflow": False, "status": "draft"},
            },
        }
        assert _post(url, write)[0] == 403
        assert (root / "templates/base.html").read_text() != "x"
        # A link committed inside content/, to a folder or to nothing yet, leads nowhere.
        hooks = root / ".git" / "hooks"
        hooks.mkdir(parents=True)
        (root / "content" / "hooks").symlink_to(hooks)
        (root / "content" / "later.md").symlink_to(hooks / "pre-commit")
        files = write["params"]["dataFiles"]  # type: ignore[index]
        for path in ("content/hooks/pre-commit", "content/later.md"):
            files[0]["path"] = path
            assert _post(url, write)[0] == 403, path
        assert list(hooks.iterdir()) == []
        files[0]["path"] = "content/sivut/uusi.md"
        assert _post(url, write)[0] == 200
        assert (root / "content/sivut/uusi.md").read_text() == "x"
        files[0]["newPath"] = "templates/base.html"  # a move out of content/
        assert _post(url, write)[0] == 403
        assert (root / "templates/base.html").read_text() != "x"


# --- in Chromium ---------------------------------------------------------------------


BODY = (
    "## Tilannekuva {theme=tilannekuva}\n\nKeski-Suomen valmistelu etenee.\n\n"
    "## Palvelujen saatavuus {theme=saatavuus}\n\n"
    "Katso [kevään neuvottelu](../2018-kevat/pirkanmaa.md#saatavuus).\n"
)


@contextmanager
def _chromium(url: str) -> Iterator[object]:
    """Chromium; each call of what it yields opens the editor, logged in, in a new page."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)

        def editor(route: str) -> object:
            page = browser.new_page(viewport={"width": 1280, "height": 1400})
            page.goto(url + "admin/")
            page.get_by_role("button", name="Login").click()
            page.wait_for_selector("text=Neuvotteluasiakirjat", timeout=30000)
            page.goto(url + "admin/" + route)
            page.locator('[id^="title-field"]').wait_for(timeout=30000)
            return page

        try:
            yield editor
        finally:
            browser.close()


def _publish(page: object, path: Path, before: bytes | None) -> None:
    page.get_by_role("button", name="Publish").first.click()  # type: ignore[attr-defined]
    page.get_by_text("Publish now").click()  # type: ignore[attr-defined]
    for _ in range(200):  # the save is a request of its own; wait until it is written
        if path.is_file() and path.read_bytes() != before:
            return
        page.wait_for_timeout(100)  # type: ignore[attr-defined]
    raise AssertionError(f"{path} was not written")


def _choose(page: object, name: str, text: str) -> None:
    page.locator(f'[id^="{name}-field"]').click()  # type: ignore[attr-defined]
    page.keyboard.type(text)  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]


def test_a_negotiation_document_made_in_the_browser_passes_check(tmp_path: Path) -> None:
    root = bundled_copy(tmp_path)
    target = root / NEW_DOC
    with _editor(root, tmp_path) as url, _chromium(url) as editor:
        page = editor("#/collections/negotiation/new")  # type: ignore[operator]
        title = page.locator('[id^="title-field"]')  # type: ignore[attr-defined]
        title.fill("Keski-Suomi – harjoitusneuvottelu, syksy 2018")
        page.locator('[id^="date-field"]').fill("2018-11-20")  # type: ignore[attr-defined]
        _choose(page, "region", "Keski-Suomi (keski-suomi)")
        _choose(page, "round", "Syksy 2018 (2018-syksy)")
        _choose(page, "themes", "Tilannekuva")
        _choose(page, "themes", "Palvelujen saatavuus")
        page.locator(  # type: ignore[attr-defined]
            '[aria-label="markdown field"] [contenteditable="true"]'
        ).click()
        page.keyboard.insert_text(BODY)  # type: ignore[attr-defined]
        _publish(page, target, None)
    written = target.read_text(encoding="utf-8")
    assert written == (
        "---\n"
        "title: Keski-Suomi – harjoitusneuvottelu, syksy 2018\n"
        "type: negotiation\n"
        "date: 2018-11-20\n"
        "lang: fi\n"
        "region: keski-suomi\n"
        "round: 2018-syksy\n"
        "themes:\n"
        "  - tilannekuva\n"
        "  - saatavuus\n"
        "draft: true\n"
        "---\n" + BODY
    )
    checked = run_cli("check", "--root", root, "--no-pdf")
    assert checked.returncode == 0, checked.stdout
    # Nothing said of the new document (the bundled content's one warning, on purpose,
    # is about Itä-Uusimaa's missing Swedish version: issue 25).
    said = [line for line in checked.stdout.splitlines() if "warning[" in line]
    assert [w for w in said if BUNDLED_WARNING_FILE not in w] == [], checked.stdout
    assert target.read_text(encoding="utf-8") == written  # check changes nothing


def test_a_press_release_made_in_the_browser_is_named_as_new_names_it(tmp_path: Path) -> None:
    root = bundled_copy(tmp_path)
    target = root / "content/tiedotteet/2018-11-27-neuvottelut-paattyivat.md"
    with _editor(root, tmp_path) as url, _chromium(url) as editor:
        page = editor("#/collections/news/new")  # type: ignore[operator]
        page.locator('[id^="title-field"]').fill("Neuvottelut päättyivät")
        page.locator('[id^="date-field"]').fill("2018-11-27")
        page.locator('[aria-label="markdown field"] [contenteditable="true"]').click()
        page.keyboard.insert_text("Syksyn neuvottelut päättyivät.\n")
        _publish(page, target, None)
    made = run_cli("new", "news", "--title", "Neuvottelut päättyivät", "--date", "2018-11-27",
                   "--root", root)  # fmt: skip
    assert made.returncode == 2  # the same name: `new` would have written this very file
    assert "2018-11-27-neuvottelut-paattyivat.md on jo olemassa" in made.stderr
    assert run_cli("check", "--root", root, "--no-pdf").returncode == 0


def _diff(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_editing_in_the_browser_changes_only_what_was_edited(tmp_path: Path) -> None:
    """A document `new` wrote, edited in the browser: the review diff is the title's
    line. A hand-written one: its body stays byte for byte and its front matter means
    the same; its first save writes the front matter in `new`'s style (said in docs)."""
    root = bundled_copy(tmp_path)
    made = run_cli("new", "negotiation", "--round", "2018-syksy", "--region", "keski-suomi",
                   "--root", root)  # fmt: skip
    assert made.returncode == 0, made.stderr
    ours = root / NEW_DOC
    hand = root / "content/kierrokset/2018-syksy/lappi.md"
    before = {path: path.read_text(encoding="utf-8") for path in (ours, hand)}
    with _editor(root, tmp_path) as url, _chromium(url) as editor:
        for path, slug in ((ours, "2018-syksy/keski-suomi"), (hand, "2018-syksy/lappi")):
            page = editor(f"#/collections/negotiation/entries/{slug}")  # type: ignore[operator]
            title = page.locator('[id^="title-field"]')
            title.fill(title.input_value() + " (tarkistettu)")
            _publish(page, path, before[path].encode())
    after = {path: path.read_text(encoding="utf-8") for path in (ours, hand)}
    assert _diff(before[ours], after[ours]) == [
        "-title: Keski-Suomi – harjoitusneuvottelu, syksy 2018",
        "+title: Keski-Suomi – harjoitusneuvottelu, syksy 2018 (tarkistettu)",
    ]
    for path in (ours, hand):
        assert after[path].split("\n---\n", 1)[1] == before[path].split("\n---\n", 1)[1]
    from soteneg import pipeline

    documents = {d.file: d for d in pipeline.check(root, pdf=False).content.documents}
    meta = documents[str(hand.relative_to(root))].meta
    assert meta is not None and meta.title.endswith(" (tarkistettu)")
    assert run_cli("check", "--root", root, "--no-pdf").returncode == 0


def test_serve_starts_the_editor_beside_the_preview(tmp_path: Path) -> None:
    """`make serve` runs `soteneg serve --cms`: the editor's address is said, it
    answers, and it stops with the preview."""
    require_cms()
    root = bundled_copy(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "soteneg", "serve", "--cms", "--root", str(root), "--port",
         str(_free_port()), "--lang", "en"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")},
    )  # fmt: skip
    lines: list[str] = []
    found = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line)
            if line.startswith("preview at"):
                found.set()
        found.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        assert found.wait(120), lines
        editor = next(line for line in lines if line.startswith("editor at"))
        url = re.search(r"http://\S+/admin/", editor).group(0)  # type: ignore[union-attr]
        with urllib.request.urlopen(url, timeout=30) as page:
            assert b"decap-cms.js" in page.read()
    finally:
        process.terminate()
        process.wait(timeout=30)
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=5)


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
