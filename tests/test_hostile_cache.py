"""A commit is untrusted input: the build cache, lock and journal never come from the
checkout, never run code, and are never followed through a symlink; writes into the
output never follow a link planted there. Each case through the command line."""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import msgspec
import pytest
from conftest import run_cli
from test_site import GOLDEN_SITE, NOW, build, project

from soteneg.build import cache as build_cache
from soteneg.build import permissions
from soteneg.build.output import (
    cache_dir,
    ensure_private_folder,
    lock_file,
    state_dir,
    state_root,
    write_private,
)
from soteneg.build.state_reads import read_state


class _Payload:
    """Unpickling this writes a file: proof that pickle ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (os.system, (f"touch {self.marker}",))


def _plant_pickles(folder: Path, marker: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    names = (
        build_cache.INPUTS_FILE,
        build_cache.BUILD_FILE,
        build_cache.PDFS_FILE,
        build_cache.GRAPH_FILE,
    )
    for name in ("inputs.pickle", "build.pickle", *names):
        (folder / name).write_bytes(pickle.dumps(_Payload(marker)))
    (folder / "parsed").mkdir(exist_ok=True)
    (folder / "parsed" / "00.msgpack").write_bytes(pickle.dumps(_Payload(marker)))


def test_the_state_is_kept_outside_the_project(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = root / "_site"
    assert build(root, out).returncode == 0
    assert state_dir(out).is_relative_to(state_root())
    assert not state_dir(out).is_relative_to(root)
    assert (cache_dir(out) / build_cache.INPUTS_FILE).is_file() and lock_file(out).is_file()
    hidden = [p.name for p in root.iterdir() if p.name.startswith(".")]
    assert hidden == [], f"the build left {hidden} in the project"


def test_a_committed_cache_runs_nothing_and_is_not_read(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    marker = tmp_path / "pwned"
    # Where the cache and lock used to live: beside an output inside the project.
    _plant_pickles(root / "._site.cache", marker)
    (root / "._site.lock").write_bytes(b"")
    result = build(root, root / "_site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists()
    assert (root / "._site.cache" / "inputs.pickle").read_bytes()  # left as it was, unread
    # The same files planted in the real state folder are not code either: ignored.
    _plant_pickles(cache_dir(root / "_site"), marker)
    again = build(root, root / "_site")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "nothing changed" not in again.stdout  # the damaged cache was not trusted
    assert not marker.exists()


def test_a_cache_that_does_not_decode_exactly_is_ignored(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    inputs = cache_dir(out) / build_cache.INPUTS_FILE
    good = msgspec.msgpack.decode(inputs.read_bytes())
    # Right format and key, but a stamp of the wrong type: refused whole.
    good["inputs"]["stamps"] = {"site.yaml": ["not", "a stamp"]}
    inputs.write_bytes(msgspec.msgpack.encode(good))
    result = build(root, out)
    assert result.returncode == 0 and "nothing changed" not in result.stdout


@pytest.mark.parametrize(
    "damage",
    ["a key of the wrong type", "a severity that is none", "not msgpack at all"],
)
def test_a_graph_of_checks_that_does_not_decode_means_a_full_check(
    tmp_path: Path, damage: str
) -> None:
    """checks.msgpack (content.graph) keeps each document's problems: one that does not
    decode exactly is dropped whole, and every document is checked again."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    graph = cache_dir(out) / build_cache.GRAPH_FILE
    stored = msgspec.msgpack.decode(graph.read_bytes())
    some = sorted(stored["documents"])[0]
    if damage == "a key of the wrong type":
        stored["documents"][some][0] = ["not", "a key"]
    elif damage == "a severity that is none":
        stored["documents"][some][2] = [["x.md", 1, 1, "fatal", "code", ["a", "b", "c"], None]]
    graph.write_bytes(b"\xc1" if damage == "not msgpack at all" else msgspec.msgpack.encode(stored))
    text = root / "content/kierrokset/2018-syksy/uusimaa.md"
    text.write_text(text.read_text(encoding="utf-8") + "\n[ei ole](ei-ole.md)\n", "utf-8")
    result = build(root, out)
    assert result.returncode == 1, result.stdout + result.stderr  # the broken link, found
    assert "[broken-link]" in result.stdout + result.stderr
    assert "fatal" not in result.stdout + result.stderr


def test_state_files_are_never_followed_through_a_symlink(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    victim = elsewhere / "victim.txt"
    victim.write_text("keep me")
    inputs = cache_dir(out) / build_cache.INPUTS_FILE
    inputs.unlink()
    inputs.symlink_to(victim)
    (root / "content/sivut/tietoa.md").write_text(
        (root / "content/sivut/tietoa.md").read_text() + "\nLisää.\n"
    )
    result = build(root, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert victim.read_text() == "keep me"  # replaced as a name, not written through
    assert not inputs.is_symlink()
    # The cache folder itself as a link: the build refuses to use it.
    shutil.rmtree(cache_dir(out))
    cache_dir(out).symlink_to(elsewhere)
    refused = build(root, out)
    assert refused.returncode == 2
    assert "is not a folder (a symlink?)" in refused.stdout
    assert sorted(p.name for p in elsewhere.iterdir()) == ["victim.txt"]


def test_output_writes_never_follow_a_link_inside_the_output(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    target = tmp_path / "target"
    target.mkdir()
    planted = out / "kierrokset" / "2018-syksy"
    shutil.rmtree(planted)
    planted.symlink_to(target)
    # Stamps of the output changed, so this is an incremental build that repairs.
    doc = root / "content/kierrokset/2018-syksy/uusimaa.md"
    doc.write_text(doc.read_text() + "\nLisäys.\n")
    result = build(root, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert list(target.iterdir()) == []
    assert planted.is_dir() and not planted.is_symlink()
    assert "Lisäys." in (planted / "uusimaa/index.html").read_text()


def test_a_file_replaced_by_a_folder_is_repaired(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    page = out / "sivut/tietoa/index.html"
    reference = page.read_bytes()
    page.unlink()
    page.mkdir()
    (page / "junk").write_text("x")
    result = build(root, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert page.is_file() and page.read_bytes() == reference
    # After the golden site's one warning (a bilingual unit's missing Swedish version).
    assert build(root, out).stdout.splitlines()[-1].startswith("nothing changed")


def test_an_output_that_is_a_symlink_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "out"
    link.symlink_to(real)
    result = build(root, link)
    assert result.returncode == 2
    assert "is a symlink" in result.stdout
    assert list(real.iterdir()) == []


def test_leftovers_named_like_ours_but_linked_are_dropped_not_followed(tmp_path: Path) -> None:
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "file").write_text("keep")
    # A retired site by our naming, as a link: recovery must not move it into place.
    (tmp_path / ".out.old-x").symlink_to(precious)
    (tmp_path / ".out.new-y").symlink_to(precious)
    result = build(root, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (precious / "file").read_text() == "keep"
    assert not os.path.lexists(tmp_path / ".out.old-x")
    assert out.is_dir() and not out.is_symlink()


def test_a_link_to_a_secret_elsewhere_in_the_checkout_is_refused(tmp_path: Path) -> None:
    """Files are read only from content/ (and templates/), after following links:
    inside the project is not enough, since .git/ and .env are in the project too."""
    root = project(tmp_path, GOLDEN_SITE)
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[remote]\n\ttoken = SECRET-TOKEN\n")
    (root / ".env").write_text("PUBLISH_TOKEN=SECRET-TOKEN\n")
    csv = root / "content/kierrokset/2018-syksy/liitteet/luvut.csv"
    csv.unlink()
    csv.symlink_to("../../../../.git/config")
    (root / "content/sivut/salaisuus.md").symlink_to("../../.env")
    out = tmp_path / "out"
    result = build(root, out)
    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if "error[" in line]
    assert errors == [
        "content/kierrokset/2018-syksy/uusimaa.md:18:11: error[file-outside-project]: "
        "'liitteet/luvut.csv' is a link to a place outside content/ (a link into .git/ "
        "or to .env would publish a secret)",
        "content/sivut/salaisuus.md:1:1: error[outside-project]: this file is a link to a "
        "place outside content/",
    ]
    assert "SECRET-TOKEN" not in result.stdout + result.stderr
    assert not out.exists()


def test_a_state_file_replaced_by_a_folder_is_repaired(tmp_path: Path) -> None:
    """The cache, the journal and the lock replaced by folders (a tool, a hand, a
    restore from backup): no traceback and no build blocked for good. Each is removed
    and written again; the site is the same."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    reference = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    doc = root / "content/sivut/tietoa.md"
    names = (
        build_cache.INPUTS_FILE,
        build_cache.BUILD_FILE,
        build_cache.PDFS_FILE,
        build_cache.JOURNAL_FILE,
        f".{build_cache.BUILD_FILE}.tmp",
        "external-links.txt",
    )
    for n, name in enumerate(names):
        for where in (cache_dir(out) / name, lock_file(out)):
            shutil.rmtree(where, ignore_errors=True)
            with contextlib.suppress(FileNotFoundError):
                where.unlink()
            (where / "inside").mkdir(parents=True)
        doc.write_text(doc.read_text() + f"\nLisäys {n}.\n")
        result = build(root, out)
        assert result.returncode == 0, (name, result.stdout + result.stderr)
        assert "Traceback" not in result.stderr
        assert (cache_dir(out) / name).is_file() or not (cache_dir(out) / name).exists(), name
        assert lock_file(out).is_file(), name
        assert build(root, out).returncode == 0, name
    doc.write_text(doc.read_text().split("\nLisäys 0.")[0])
    assert build(root, out).returncode == 0
    now = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert now == reference


@pytest.mark.parametrize("name", ["build", "parsed"])
@pytest.mark.parametrize("what", ["a file", "a link"])
def test_a_folder_of_shards_replaced_by_a_file_or_a_link_is_repaired(
    tmp_path: Path, name: str, what: str
) -> None:
    """The cache's shard folders (build/, parsed/) with a file or a link at their name:
    the build is the same, nothing is followed, and the folder is made again, so that
    the build after it has its cache."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    reference = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    folder = cache_dir(out) / name
    shutil.rmtree(folder)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    if what == "a file":
        folder.write_bytes(b"not a folder")
    else:
        folder.symlink_to(elsewhere)
    doc = root / "content/sivut/tietoa.md"
    doc.write_text(doc.read_text() + "\nLisäys.\n")
    result = build(root, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert folder.is_dir() and not folder.is_symlink()
    assert not any(elsewhere.iterdir())
    doc.write_text(doc.read_text().split("\nLisäys.")[0])
    again = build(root, out)
    assert again.returncode == 0 and "(1 written" in again.stdout, again.stdout
    now = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert now == reference


# --- where the cache may live (issue 24) ------------------------------------------------


def _build_with_cache(root: Path, out: Path, cache_home: Path | str) -> CompletedProcess[str]:
    return run_cli(
        "build", "--root", root, "--out", out, "--no-pdf", "--now", NOW,
        env={"XDG_CACHE_HOME": str(cache_home)},
    )  # fmt: skip


def _with_script(folder: Path, after: str) -> int:
    """Every cached parse of a document that renders `after`, with a script after it
    (msgpack decoded as plain values and written back: the records stay well formed)."""
    evil = "<script>alert('cache')</script>"
    found = 0

    def walk(value: Any) -> Any:
        nonlocal found
        if isinstance(value, str) and after in value:
            found += 1
            return value.replace(after, after + evil)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    for shard in (folder / "parsed").iterdir():
        shard.write_bytes(msgspec.msgpack.encode(walk(msgspec.msgpack.decode(shard.read_bytes()))))
    return found


def test_a_crafted_cache_inside_the_checkout_is_not_read(tmp_path: Path) -> None:
    """A cache entry is taken as it is when its file has not changed: an entry crafted
    with a `<script>` in a document's body was published, a script in no commit, by
    whoever could write the cache. Here XDG_CACHE_HOME points into the checkout (a
    step of CI, or a commit, can write there): the build stops, exit 2, and says so."""
    checkout = tmp_path / "checkout"
    (checkout / ".git").mkdir(parents=True)
    root = project(checkout, GOLDEN_SITE)  # checkout/project: the site is a part of it
    out = tmp_path / "out"
    trusted = tmp_path / "own-cache"
    assert _build_with_cache(root, out, trusted).returncode == 0
    planted = checkout / ".cache"
    shutil.copytree(trusted, planted)
    in_cache_home = cache_dir(out).relative_to(state_root().parent)  # soteneg/<out>/cache
    assert _with_script(planted / in_cache_home, "lähes kaikkialla") > 0
    base = root / "templates/base.html"
    base.write_text(base.read_text() + "{# every page again #}\n")
    result = _build_with_cache(root, out, planted)
    assert result.returncode == 2, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if "error[output-error]" in line]
    assert len(lines) == 1, result.stdout
    assert f"the build cache {planted / 'soteneg'} is inside the checkout {checkout}" in lines[0]
    assert "set XDG_CACHE_HOME to a folder outside the checkout" in lines[0]
    assert not [p for p in out.rglob("*.html") if "alert('cache')" in p.read_text()]


def _folder(path: Path, mode: int) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    path.chmod(mode)
    return path


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("world-writable", "other users can write {tmp}/shared (mode 777)"),
        ("group-writable", "other users can write {tmp}/group (mode 775)"),
        ("a writable folder above", "other users can write {tmp}/open (mode 777)"),
        ("a link through a writable folder", "other users can write {tmp}/open (mode 777)"),
        ("a link into the checkout", "is inside the checkout {tmp}/checkout"),
        ("a link that loops", "symlinks in its path loop"),
        ("a link, then ..", "other users can write {tmp}/shared (mode 777)"),
        ("someone else's", "{tmp}/theirs belongs to another user (uid 12345)"),
    ],
)
def test_a_cache_folder_others_can_write_is_refused(tmp_path: Path, case: str, reason: str) -> None:
    """A shared runner's home, a group's folder, a link that passes through one or leads
    into the checkout: exit 2 with one line naming the folder, the reason and what to
    do, before anything is read or written."""
    checkout = tmp_path / "checkout"
    (checkout / ".git").mkdir(parents=True)
    root = project(checkout, GOLDEN_SITE)
    cache_home = {
        "world-writable": lambda: _folder(tmp_path / "shared", 0o777),
        "group-writable": lambda: _in_group(_folder(tmp_path / "group", 0o775), 12345),
        "a writable folder above": lambda: _folder(
            _folder(tmp_path / "open", 0o777) / "mine", 0o700
        ),
        "a link through a writable folder": lambda: _link(
            tmp_path / "link", _folder(_folder(tmp_path / "open", 0o777) / "mine", 0o700)
        ),
        "a link into the checkout": lambda: _link(tmp_path / "link", checkout / ".cache"),
        "a link that loops": lambda: _link(tmp_path / "a", _link(tmp_path / "b", tmp_path / "a")),
        # The kernel takes `..` from where the link leads: {tmp}/shared/cache. Tidied
        # up first, the path read {tmp}/mine/cache, which was checked instead.
        "a link, then ..": lambda: _link_then_up(tmp_path),
        "someone else's": lambda: _owned_by(_folder(tmp_path / "theirs", 0o755), 12345),
    }[case]()
    out = tmp_path / "out"
    result = _build_with_cache(root, out, cache_home)
    assert result.returncode == 2, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if "error[output-error]" in line]
    assert len(lines) == 1, result.stdout
    assert f"the build cache {cache_home}/soteneg" in lines[0]
    assert reason.format(tmp=tmp_path) in lines[0]
    assert "XDG_CACHE_HOME" in lines[0]
    assert not out.exists()
    assert not (Path(os.path.realpath(cache_home)) / "soteneg").exists()  # nothing made there
    assert "Traceback" not in result.stdout + result.stderr


def _link_then_up(tmp_path: Path) -> str:
    mine = _folder(tmp_path / "mine", 0o700)
    _folder(mine / "cache", 0o700)
    _link(mine / "lnk", _folder(_folder(tmp_path / "shared", 0o777) / "x", 0o700))
    return f"{mine}/lnk/../cache"


def _link(link: Path, target: Path) -> Path:
    link.symlink_to(target)
    return link


def _in_group(path: Path, gid: int) -> Path:
    if os.geteuid() != 0:
        pytest.skip("giving a folder to another group needs root (CI runs as root)")
    os.chown(path, -1, gid)
    return path


def _owned_by(path: Path, uid: int) -> Path:
    if os.geteuid() != 0:
        pytest.skip("giving a folder to another user needs root (CI runs as root)")
    os.chown(path, uid, -1)
    return path


def test_a_cache_folder_of_one_s_own_is_used(tmp_path: Path) -> None:
    """What stays allowed: a folder of one's own under a sticky one (like /tmp, which
    holds the test run's own XDG_CACHE_HOME), a link to it from a folder of one's own,
    a sticky folder of one's own, and one writable by one's own private group (Debian
    and Ubuntu give each user one, with a umask that makes folders group-writable)."""
    root = project(tmp_path, GOLDEN_SITE)
    sticky = _folder(tmp_path / "sticky", 0o1777)
    homes = [_folder(sticky / "mine", 0o700), _link(tmp_path / "link", sticky / "mine"), sticky]
    if permissions.owners_own_group(os.getegid(), os.geteuid()):  # root's group here
        homes.append(_folder(tmp_path / "ours", 0o775))
    for n, home in enumerate(homes):
        result = _build_with_cache(root, tmp_path / f"out{n}", home)
        assert result.returncode == 0, result.stdout + result.stderr
        assert (Path(os.path.realpath(home)) / "soteneg").is_dir()


def test_the_preview_refuses_such_a_cache_folder_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview keeps its cache in memory, but its lock and journal on disk: the
    same refusal, shown on its problem page instead of a build."""
    from soteneg import pipeline
    from soteneg.build.memory import Memory
    from soteneg.core.options import BuildOptions

    root = project(tmp_path, GOLDEN_SITE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(_folder(tmp_path / "shared", 0o777)))
    result = pipeline.build(
        root, tmp_path / "out", BuildOptions(drafts=True), pdf_options=None, memory=Memory()
    )
    assert result.failed and [p.code for p in result.problems] == ["output-error"]
    assert "other users can write" in result.problems[0].message_in("en")
    assert not (tmp_path / "shared/soteneg").exists()


def test_the_state_is_kept_where_its_path_leads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`lnk/..` in XDG_CACHE_HOME is the folder above where `lnk` leads: the state is
    kept there, and that is the path soteneg checks and uses (not the tidied one)."""
    root = project(tmp_path, GOLDEN_SITE)
    mine = _folder(tmp_path / "mine", 0o700)
    _link(mine / "lnk", _folder(_folder(mine / "deep", 0o700) / "x", 0o700))
    home = f"{mine}/lnk/../cache"
    monkeypatch.setenv("XDG_CACHE_HOME", home)
    assert state_root() == mine / "deep/cache/soteneg"
    result = _build_with_cache(root, tmp_path / "out", home)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (mine / "deep/cache/soteneg").is_dir() and not (mine / "cache").exists()


# --- what the mode does not show, and what another path hides (issue 24, review) -------


@pytest.fixture
def reachable() -> Iterator[Path]:
    """A folder other users can reach (pytest's tmp_path is inside root's private one)."""
    folder = Path(tempfile.mkdtemp(prefix="soteneg-test-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _need_root(what: str) -> None:
    if os.geteuid() != 0:
        pytest.skip(f"{what} needs root (CI runs as root)")


def _setfacl(*args: str | Path) -> None:
    if shutil.which("setfacl") is None:
        if os.environ.get("CI"):
            raise RuntimeError("setfacl is missing: .ci/run installs the acl package")
        pytest.skip("setfacl is not installed (Debian's acl package)")
    subprocess.run(["setfacl", *map(str, args)], check=True)


def _as_nobody(script: str) -> CompletedProcess[str]:
    """`script` run by sh as user nobody, without root's groups."""
    return subprocess.run(
        ["sh", "-c", script], user=65534, group=65534, extra_groups=[],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def _published_script(out: Path) -> list[Path]:
    return [p for p in out.rglob("*.html") if "alert('cache')" in p.read_text()]


def test_an_acl_that_lets_another_user_write_the_cache_is_refused(
    tmp_path: Path, reachable: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reviewer's attack: `setfacl -m u:nobody:rwx` on the state folders leaves the
    mode at 770 with group root, which passed as root's own group; nobody then replaced
    a parsed shard with one that publishes a script. The ACL is read: exit 2, naming
    the user and the folder, and nothing is published."""
    _need_root("writing the cache as another user")
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    home = _folder(reachable / "cache", 0o755)
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    assert _build_with_cache(root, out, home).returncode == 0
    parsed = cache_dir(out) / "parsed"
    for folder in (state_root(), state_dir(out), cache_dir(out), parsed):
        _setfacl("-m", "u:nobody:rwx", folder)
    assert stat.S_IMODE(state_root().stat().st_mode) == 0o770  # what the mode showed
    crafted = reachable / "crafted"
    shutil.copytree(parsed, crafted / "parsed")
    assert _with_script(crafted, "lähes kaikkialla") > 0
    (crafted / "parsed").chmod(0o755)
    for shard in (crafted / "parsed").iterdir():
        shard.chmod(0o644)
        target = parsed / shard.name
        planted = _as_nobody(f'cp "{shard}" "{parsed}/.x" && mv -f "{parsed}/.x" "{target}"')
        assert planted.returncode == 0, planted.stderr
        assert target.stat().st_uid == 65534
    base = root / "templates/base.html"
    base.write_text(base.read_text() + "{# every page again #}\n")
    result = _build_with_cache(root, out, home)
    assert result.returncode == 2, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if "error[output-error]" in line]
    assert len(lines) == 1, result.stdout
    assert (
        f"the build cache {home}/soteneg is not trusted: an access control list (ACL) lets "
        f"user nobody (uid 65534) write {home}/soteneg; remove it (setfacl -b {home}/soteneg)"
    ) in lines[0]
    assert not _published_script(out)


@pytest.mark.parametrize(
    ("entry", "where", "refused"),
    [
        ("u:nobody:rwx", "home", "lets user nobody (uid 65534) write {home}"),
        ("u:nobody:rwx", "state", "lets user nobody (uid 65534) write {state}"),
        ("g:nogroup:rwx", "state", "lets group nogroup (gid 65534) write {state}"),
        ("u:nobody:-wx", "parsed", "lets user nobody (uid 65534) write {parsed}"),
        ("u:nobody:rwx,m::r-x", "state", None),  # the mask takes the right to write away
        ("u:nobody:r-x", "state", None),
        ("u:root:rwx", "state", None),
    ],
)
def test_each_folder_of_the_state_is_checked_for_acl_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, entry: str, where: str, refused: str | None
) -> None:
    """Above the state, the state folder itself and each folder in it (an output's
    state, its cache, the parsed shards): an ACL entry that lets another user or group
    write any of them is refused; read or search rights, or a mask without write, are not."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    home = _folder(tmp_path / "cache", 0o700)
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    assert _build_with_cache(root, out, home).returncode == 0
    folders = {"home": home, "state": state_root(), "parsed": cache_dir(out) / "parsed"}
    _setfacl("-m", entry, folders[where])
    (root / "content/sivut/tietoa.md").write_text(
        (root / "content/sivut/tietoa.md").read_text() + "\nLisää.\n"
    )
    result = _build_with_cache(root, out, home)
    if refused is None:
        assert result.returncode == 0, result.stdout + result.stderr
        return
    assert result.returncode == 2, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if "error[output-error]" in line]
    assert len(lines) == 1, result.stdout
    assert refused.format(**folders) in lines[0], lines[0]


@pytest.mark.parametrize("how", ["writable by all", "another user's"])
def test_a_cache_file_someone_else_could_have_written_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """A file of the cache is read only if it is the user's (or root's) and nobody else
    may write it: otherwise it counts as missing, is made again and written anew, private.
    Before, a crafted shard left writable by all (or handed to another user) was
    published as it was."""
    root = project(tmp_path, GOLDEN_SITE)
    out = tmp_path / "out"
    assert build(root, out).returncode == 0
    parsed = cache_dir(out) / "parsed"
    assert _with_script(cache_dir(out), "lähes kaikkialla") > 0
    for shard in parsed.iterdir():
        if how == "writable by all":
            shard.chmod(0o666)
        else:
            _need_root("giving a file to another user")
            os.chown(shard, 65534, 65534)
    base = root / "templates/base.html"
    base.write_text(base.read_text() + "{# every page again #}\n")
    result = build(root, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not _published_script(out)
    for shard in parsed.iterdir():
        info = shard.stat()
        assert info.st_uid == os.geteuid() and stat.S_IMODE(info.st_mode) == 0o600


def test_a_cache_in_a_bind_mount_of_the_checkout_is_refused(tmp_path: Path) -> None:
    """The checkout bind-mounted at another path, and XDG_CACHE_HOME under that path:
    by path the cache is outside the checkout, but its folders are the checkout's own.
    Device and inode of the checkout are compared with each folder above the cache."""
    _need_root("a bind mount")
    checkout = tmp_path / "checkout"
    (checkout / ".git").mkdir(parents=True)
    root = project(checkout, GOLDEN_SITE)
    out = tmp_path / "out"
    trusted = tmp_path / "own-cache"
    assert _build_with_cache(root, out, trusted).returncode == 0
    shutil.copytree(trusted, checkout / ".cache")
    in_cache_home = Path("soteneg") / cache_dir(out).relative_to(state_root())
    assert _with_script(checkout / ".cache" / in_cache_home, "lähes kaikkialla") > 0
    base = root / "templates/base.html"
    base.write_text(base.read_text() + "{# every page again #}\n")
    mount = _folder(tmp_path / "bm", 0o700)
    command = [
        "unshare", "--mount", "--propagation", "private", "sh", "-c",
        'mount --bind "$1" "$2" && shift 2 && exec "$@"', "sh", checkout, mount,
        sys.executable, "-m", "soteneg", "build", "--root", root, "--out", out, "--no-pdf",
        "--now", NOW, "--lang", "en",
    ]  # fmt: skip
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "XDG_CACHE_HOME": f"{mount}/.cache"}
    result = subprocess.run(
        [str(c) for c in command], env=env, capture_output=True, text=True, check=False
    )
    if "mount" in result.stderr and result.returncode not in (0, 1, 2):
        if os.environ.get("CI"):
            raise RuntimeError(f"cannot bind-mount in a mount namespace: {result.stderr}")
        pytest.skip("mount namespaces are not allowed here")
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"the build cache {mount}/.cache/soteneg is inside the checkout {checkout}" in (
        result.stdout
    )
    assert not _published_script(out)


def _build_under_umask(root: Path, out: Path, home: Path) -> CompletedProcess[str]:
    command = [
        sys.executable, "-m", "soteneg", "build", "--root", str(root), "--out", str(out),
        "--no-pdf", "--now", NOW, "--lang", "en",
    ]  # fmt: skip
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "XDG_CACHE_HOME": str(home)}
    return subprocess.run(command, env=env, umask=0, capture_output=True, text=True, check=False)


def test_nothing_the_build_makes_is_writable_by_others_whatever_the_umask(
    tmp_path: Path, reachable: Path
) -> None:
    """Under a umask of 000 (some CI runners set it) output folders were made 0777 and
    files 0666: another user planted a file in a folder of the site, and it stayed there
    after the next build. Folders are made 0755 and files 0644 at most; the folders made
    for the state, ~/.cache among them, 0700, so that the next build does not refuse them."""
    root = project(tmp_path, GOLDEN_SITE)
    out = reachable / "out"
    home = reachable / "new" / "cache"  # made by the build
    first = _build_under_umask(root, out, home)
    assert first.returncode == 0, first.stdout + first.stderr
    # A page in a folder of its own: the next (incremental) build makes that folder.
    page = root / "content/sivut/tietoa.md"
    (root / "content/sivut/uusi.md").write_text(page.read_text().replace("Tietoa", "Uusi"))
    second = _build_under_umask(root, out, home)
    assert second.returncode == 0, second.stdout + second.stderr
    assert (out / "sivut/uusi/index.html").is_file() and (out / "pagefind").is_dir()
    loose = {
        str(p.relative_to(reachable)): f"{stat.S_IMODE(p.lstat().st_mode):o}"
        for p in [out, *out.rglob("*")]
        if p.lstat().st_mode & 0o022
    }
    assert loose == {}
    private = {
        str(p.relative_to(reachable)): f"{stat.S_IMODE(p.lstat().st_mode):o}"
        for p in [reachable / "new", *(reachable / "new").rglob("*")]
        if p.lstat().st_mode & 0o077
    }
    assert private == {}
    if os.geteuid() == 0:
        planted = _as_nobody(f'echo planted > "{out}/sivut/uusi/planted.html"')
        assert planted.returncode != 0 and "Permission denied" in planted.stderr


def test_a_state_file_is_read_only_where_nobody_else_could_have_written_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the check before a build cannot know (another output's folders) holds as
    each file is read: the file and every folder from the state folder down to it must
    be the user's, and nobody else may write them, by mode or ACL (a sticky folder lets
    each keep their own). Otherwise the file counts as missing."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(_folder(tmp_path / "home", 0o700)))
    folder = state_root() / "some-output" / "cache"
    ensure_private_folder(folder)
    path = folder / "inputs"
    write_private(path, b"data")
    assert read_state(path) == b"data"
    for mode, readable in [(0o602, False), (0o640, True), (0o600, True)]:
        path.chmod(mode)
        assert (read_state(path) == b"data") is readable, oct(mode)
    for mode, readable in [(0o777, False), (0o1777, True), (0o755, True), (0o700, True)]:
        folder.parent.chmod(mode)
        assert (read_state(path) == b"data") is readable, oct(mode)
    _setfacl("-m", "u:nobody:rwx", folder)
    assert read_state(path) is None
    _setfacl("-b", folder)
    assert read_state(path) == b"data"
    _setfacl("-m", "g:nogroup:rw", path)
    assert read_state(path) is None
