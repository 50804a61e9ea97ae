"""A commit is untrusted input: the build cache, lock and journal never come from the
checkout, never run code, and are never followed through a symlink; writes into the
output never follow a link planted there. Each case through the command line."""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
from pathlib import Path

import msgspec
from test_site import GOLDEN_SITE, build, project

from soteneg.build import cache as build_cache
from soteneg.build.output import cache_dir, lock_file, state_dir, state_root


class _Payload:
    """Unpickling this writes a file: proof that pickle ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (os.system, (f"touch {self.marker}",))


def _plant_pickles(folder: Path, marker: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    names = (build_cache.INPUTS_FILE, build_cache.BUILD_FILE, build_cache.PDFS_FILE)
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
    assert build(root, out).stdout.startswith("nothing changed")


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
        "content/kierrokset/2018-syksy/uusimaa.md:15:11: error[file-outside-project]: "
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
